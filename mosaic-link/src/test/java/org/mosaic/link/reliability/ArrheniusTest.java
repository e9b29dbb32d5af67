package org.mosaic.link.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ArrheniusTest {
    /*
     * Worked example by hand: Ea = 0.7 eV, T_ref = 55 °C = 328.15 K, T_use = 85 °C = 358.15 K.
     *   1/328.15 − 1/358.15 = 30 / (328.15 × 358.15) = 30 / 117526.9225 = 2.552607e-4 K⁻¹
     *   Ea / k_B = 0.7 / 8.617333262e-5 = 8123.1627 K
     *   AF = exp(8123.1627 × 2.552607e-4) = exp(2.073524) = 7.95280
     * (mpmath, 30 digits: 7.95279851975350024571)
     */
    @Test
    void sevenTenthsEvFrom55To85CelsiusIsAbout8() {
        assertThat(Arrhenius.factorCelsius(0.7, 55, 85)).isCloseTo(7.95279851975350, within(7.95 * 1e-13));
        assertThat(Arrhenius.factor(0.7, 328.15, 358.15)).isCloseTo(7.95279851975350, within(7.95 * 1e-13));
    }

    /*
     * Ea = 0.7 eV, 70 °C → 85 °C: (1/343.15 − 1/358.15) = 15/122899.1725 = 1.220512e-4; × 8123.1627 = 0.991446;
     * AF = e^0.991446 = 2.69512 (mpmath 2.69511888481479741).
     * Ea = 0.5 eV, same temperatures: 0.5/8.617333262e-5 = 5802.2591; × 1.220512e-4 = 0.708173; AF = 2.03028
     * (mpmath 2.03027871814633736).
     * Ea = 1.0 eV, 25 °C → 125 °C: (1/298.15 − 1/398.15) = 100/118708.4225 = 8.424004e-4; × 11604.518 = 9.775647;
     * AF = 17599.9 (mpmath 17599.8999882863317).
     */
    @Test
    void moreWorkedExamples() {
        assertThat(Arrhenius.factorCelsius(0.7, 70, 85)).isCloseTo(2.69511888481480, within(2.7e-13));
        assertThat(Arrhenius.factorCelsius(0.5, 70, 85)).isCloseTo(2.03027871814634, within(2.0e-13));
        assertThat(Arrhenius.factorCelsius(1.0, 25, 125)).isCloseTo(17599.8999882863, within(17600 * 1e-12));
    }

    @Test
    void coolingDeceleratesAndFactorsAreReciprocal() {
        // mpmath: 0.125741900478951822807
        assertThat(Arrhenius.factorCelsius(0.7, 85, 55)).isCloseTo(0.125741900478952, within(1.3e-15));
        double up = Arrhenius.factorCelsius(0.6, 40, 95);
        double down = Arrhenius.factorCelsius(0.6, 95, 40);
        assertThat(up * down).isCloseTo(1.0, offset(1e-14));
        // transitivity: 40→70→95 equals 40→95
        assertThat(Arrhenius.factorCelsius(0.6, 40, 70) * Arrhenius.factorCelsius(0.6, 70, 95)).isCloseTo(up, within(up * 1e-14));
    }

    @Test
    void noActivationEnergyOrSameTemperatureMeansNoAcceleration() {
        assertThat(Arrhenius.factorCelsius(0, 25, 125)).isEqualTo(1.0);
        assertThat(Arrhenius.factorCelsius(0.9, 60, 60)).isEqualTo(1.0);
    }

    @Test
    void boltzmannConstantIsCodata2018() {
        // k_B / e with both exact in the 2019 SI: 1.380649e-23 / 1.602176634e-19
        assertThat(Arrhenius.BOLTZMANN_EV_PER_KELVIN).isCloseTo(1.380649e-23 / 1.602176634e-19, within(1e-14));
    }

    @Test
    void celsiusPassedAsKelvinIsRejectedWithAHint() {
        assertThatThrownBy(() -> Arrhenius.factor(0.7, 70, 85))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70.0 K").hasMessageContaining("Arrhenius.kelvin");
        assertThatThrownBy(() -> Arrhenius.factor(-0.1, 300, 350))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.1 eV");
        assertThatThrownBy(() -> Arrhenius.factor(Double.NaN, 300, 350)).isInstanceOf(IllegalArgumentException.class);
    }
}
