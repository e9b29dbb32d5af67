package org.mosaic.link.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.distribution.continuous.LogNormalDistribution;
import org.hipparchus.distribution.continuous.WeibullDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wear-out laws against Hipparchus distributions and high-precision values; Arrhenius scaling of components. */
class WearOutTest {
    @ParameterizedTest(name = "beta={0} eta={1} t={2}")
    @CsvSource({"2.5, 1e5, 3e4", "2.5, 1e5, 1e5", "2.5, 1e5, 2e5", "0.6, 5e4, 10", "0.6, 5e4, 8e4", "1, 1e6, 2e5"})
    void weibullMatchesHipparchus(double beta, double eta, double t) {
        WearOut w = new WearOut.Weibull(beta, eta);
        WeibullDistribution ref = new WeibullDistribution(beta, eta);
        double survival = 1 - ref.cumulativeProbability(t);
        assertThat(w.survival(t)).isCloseTo(survival, within(survival * 1e-12));
        // hazard = density / survival
        double hazard = ref.density(t) / survival;
        assertThat(w.hazardPerHour(t)).isCloseTo(hazard, within(hazard * 1e-10));
    }

    @ParameterizedTest(name = "median={0} sigma={1} t={2}")
    @CsvSource({"1e5, 0.8, 3e4", "1e5, 0.8, 1e5", "1e5, 0.8, 4e5", "2e4, 0.3, 2.5e4", "2e4, 1.5, 1e3"})
    void lognormalMatchesHipparchus(double median, double sigma, double t) {
        WearOut w = new WearOut.Lognormal(median, sigma);
        LogNormalDistribution ref = new LogNormalDistribution(Math.log(median), sigma);
        double survival = 1 - ref.cumulativeProbability(t);
        // Hipparchus forms 0.5 + 0.5·erf(·): absolute error ~1e-16, so compare where S is not tiny
        assertThat(w.survival(t)).isCloseTo(survival, within(1e-14 + survival * 1e-12));
        double hazard = ref.density(t) / survival;
        assertThat(w.hazardPerHour(t)).isCloseTo(hazard, within(hazard * 1e-9));
    }

    /**
     * Far tails, where Hipparchus loses relative precision: mpmath (40 digits) values of H = −ln Q(z) and
     * h = φ(z)/(σ t Q(z)) for median 1e5 h, σ = 0.8.
     */
    @ParameterizedTest(name = "t={0}")
    @CsvSource({
        "1e2,  2.9442199187106834949e-18, 3.219353328429567086e-19",
        "1e3,  4.294736695209027631e-9,   3.178642348232916157e-11",
        "1e8,  40.366687775167137711,     1.0934486612125661074e-7",
        "1e10, 107.14302142931213383,     1.8074985704409189214e-9"})
    void lognormalFarTailsMatchHighPrecision(double t, double cumulativeHazard, double hazard) {
        WearOut w = new WearOut.Lognormal(1e5, 0.8);
        assertThat(w.cumulativeHazard(t)).isCloseTo(cumulativeHazard, within(cumulativeHazard * 1e-11));
        assertThat(w.hazardPerHour(t)).isCloseTo(hazard, within(hazard * 1e-10));
    }

    @Test
    void noneNeverFails() {
        WearOut w = WearOut.none();
        assertThat(w.cumulativeHazard(1e9)).isZero();
        assertThat(w.survival(1e9)).isEqualTo(1.0);
        assertThat(w.sampleHours(null)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void componentAddsConstantAndAcceleratedWearOut() {
        double ref = Arrhenius.kelvin(55);
        double use = Arrhenius.kelvin(85);
        WearOut.Weibull weibull = new WearOut.Weibull(3, 2e5);
        Component c = new Component("emitter", 50, ref, 0.7, weibull);
        double af = Arrhenius.factor(0.7, ref, use); // 7.9528 (ArrheniusTest)
        double t = 2e4;
        double expected = 50e-9 * af * t + Math.pow(af * t / 2e5, 3);
        assertThat(c.cumulativeHazard(t, use)).isCloseTo(expected, within(expected * 1e-14));
        assertThat(c.survival(t, use)).isCloseTo(Math.exp(-expected), within(1e-15));
        // the hazard is the derivative of the cumulative hazard (central difference, step 1 h)
        double numeric = (c.cumulativeHazard(t + 1, use) - c.cumulativeHazard(t - 1, use)) / 2;
        assertThat(c.hazardPerHour(t, use)).isCloseTo(numeric, within(numeric * 1e-7));
        // at the reference temperature nothing is accelerated
        assertThat(c.cumulativeHazard(t, ref)).isCloseTo(50e-9 * t + Math.pow(t / 2e5, 3), within(1e-15));
    }

    @Test
    void acceleratedWearOutIsTheReferenceLawOnAShorterTimeScale() {
        double ref = Arrhenius.kelvin(70);
        double use = Arrhenius.kelvin(100);
        Component c = new Component("laser", 0, ref, 0.5, new WearOut.Lognormal(1e5, 0.6));
        double af = c.accelerationFactor(use);
        assertThat(af).isGreaterThan(1);
        for (double t : new double[] {1e3, 1e4, 5e4}) {
            assertThat(c.survival(t, use)).isCloseTo(c.survival(af * t, ref), within(1e-15));
        }
        // median life at use temperature = median / AF
        assertThat(c.survival(1e5 / af, use)).isCloseTo(0.5, within(1e-14));
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new WearOut.Weibull(0, 1e5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("β = 0.0").hasMessageContaining("hint");
        assertThatThrownBy(() -> new WearOut.Weibull(2, -5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-5.0 h");
        assertThatThrownBy(() -> new WearOut.Lognormal(1e5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("σ = 0.0");
        assertThatThrownBy(() -> new WearOut.Lognormal(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Component("LED", -1, 343.15, 0.5, WearOut.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FIT of LED = -1.0");
        assertThatThrownBy(() -> new Component("LED", 1, 70, 0.5, WearOut.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference temperature of LED");
        assertThatThrownBy(() -> new Component("LED", 1, 343.15, 0.5, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("WearOut.none()");
        assertThatThrownBy(() -> new Component(" ", 1, 343.15, 0.5, WearOut.none())).isInstanceOf(IllegalArgumentException.class);
        Component ok = Component.constant("LED", 1, 343.15, 0.5);
        assertThatThrownBy(() -> ok.cumulativeHazard(-1, 343.15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Part(ok, 0, 343.15)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantity of LED = 0");
        assertThatThrownBy(() -> Part.of(ok, 85)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operating temperature of LED 85.0 K");
    }
}
