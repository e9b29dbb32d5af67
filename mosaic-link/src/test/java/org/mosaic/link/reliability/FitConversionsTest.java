package org.mosaic.link.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FitConversionsTest {
    /**
     * The table of (standard constant-hazard FIT/AFR definitions), with the AFR as printed there (in %, rounded to its last
     * digit, so the tolerance is half a unit of that digit).
     */
    @ParameterizedTest
    @CsvSource({
        "10,   1e8, 0.009, 0.0005",
        "100,  1e7, 0.088, 0.0005",
        "500,  2e6, 0.44,  0.005",
        "1000, 1e6, 0.87,  0.005",
        "2000, 5e5, 1.74,  0.005"})
    void reproducesTheBaselinesTable(double fit, double mtbfHours, double afrPercent, double halfUnitPercent) {
        assertThat(FitConversions.mtbfHours(fit)).isCloseTo(mtbfHours, within(mtbfHours * 1e-15));
        assertThat(FitConversions.fitFromMtbfHours(mtbfHours)).isCloseTo(fit, within(fit * 1e-15));
        assertThat(100 * FitConversions.afr(fit)).isCloseTo(afrPercent, within(halfUnitPercent));
        assertThat(FitConversions.fitFromAfr(FitConversions.afr(fit))).isCloseTo(fit, within(fit * 1e-12));
    }

    /** Exact AFR values from mpmath (1 − exp(−FIT·8760/1e9), 40 digits). */
    @ParameterizedTest
    @CsvSource({
        "10,   8.7596163232034442434964184947e-5",
        "1000, 8.72174299196444305677524265994e-3",
        "2000, 1.7367417183111005238527258994e-2"})
    void afrMatchesHighPrecision(double fit, double afr) {
        assertThat(FitConversions.afr(fit)).isCloseTo(afr, within(afr * 1e-14));
    }

    @Test
    void tinyFitKeepsRelativePrecision() {
        // 1e-20 FIT: AFR = 8.76e-17 (a naive 1 − exp(−x) would give 0 or 1.1e-16)
        assertThat(FitConversions.afr(1e-20)).isCloseTo(8.76e-26, within(8.76e-26 * 1e-14));
    }

    @Test
    void averagedFitOfAConstantHazardIsItsFit() {
        double fit = 445;
        double hours = 43800;
        double logR = -fit * 1e-9 * hours;
        assertThat(FitConversions.averagedFitFromLog(logR, hours)).isCloseTo(fit, within(fit * 1e-14));
        assertThat(FitConversions.averagedFit(Math.exp(logR), hours)).isCloseTo(fit, within(fit * 1e-10));
    }

    @Test
    void fleetArithmetic() {
        // (standard constant-hazard FIT/AFR definitions): L links see one failure every 1e9 / (L × FIT) hours
        assertThat(FitConversions.fleetHoursBetweenFailures(100_000, 1000)).isCloseTo(10.0, within(1e-12));
        assertThat(FitConversions.fleetFailuresPerDay(100_000, 1000)).isCloseTo(2.4, within(1e-12));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> FitConversions.afr(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FIT -1.0").hasMessageContaining("≥ 0");
        assertThatThrownBy(() -> FitConversions.fitFromAfr(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> FitConversions.fitFromMtbfHours(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FitConversions.fleetFailuresPerDay(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FitConversions.averagedFitFromLog(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
