package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mosaic.core.random.RandomStreams;
import org.mosaic.core.scenario.ScenarioDocument;

/**
 * Multi-point calibration: three parameters (power, fibre loss, modal bandwidth) recovered jointly from synthetic
 * measurements the model generates (BER and received power, with noise of a fixed seed), each within 4 of its standard
 * errors (a chance failure ≈ 6e-5 per parameter for a random seed; the seed is fixed); the received power is what
 * separates power from loss; and a one-point fit reports its degeneracy instead of a number.
 */
class JointCalibrationTest {
    static final double BER_NOISE_DECADES = 0.1;
    static final double POWER_NOISE_DB = 0.2;

    /** A measurements document from the prototype with the true values, noise of seed 15. */
    static String synthetic(boolean withPower) {
        ChannelSpec truth = ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype").with("led.averagePower", "500 uW")
                .with("fiber.attenuation", "0.25 dB/m").with("fiber.modalBandwidth", "25 GHz*m"));
        RandomGenerator noise = RandomStreams.of(15).stream(RandomStreams.Purpose.SYNTHETIC_DATA);
        StringBuilder sb = new StringBuilder("kind: measurements\nformatVersion: 1\nname: synthetic\n");
        sb.append(String.format(Locale.ROOT, "uncertainty: {log10Ber: %.2f, receivedPower: %.2f dB}%npoints:%n",
                BER_NOISE_DECADES, POWER_NOISE_DB));
        for (double rate : new double[] {1.5, 2.0, 2.5}) {
            for (double length : new double[] {5, 10, 15, 20, 25, 30}) {
                ChannelSpec s = truth.withLength(length).withRate(rate * 1e9);
                double ber = ChannelAnalysis.nominalBer(s);
                double zb = noise.nextGaussian();
                double zp = noise.nextGaussian();
                if (ber < 1e-12 || ber > 1e-3) {
                    continue;
                }
                sb.append(String.format(Locale.ROOT, "  - {length: %.0f m, rate: %s Gb/s, ber: %.4g", length, rate,
                        ber * Math.pow(10, BER_NOISE_DECADES * zb)));
                if (withPower && rate == 2.0) {
                    double p = new ChannelModel(s).receivedAveragePower(1) * Math.pow(10, POWER_NOISE_DB * zp / 10);
                    sb.append(String.format(Locale.ROOT, ", receivedPower: %.5g uW", p * 1e6));
                }
                sb.append("}\n");
            }
        }
        return sb.toString();
    }

    static final List<String> FREE = List.of("led.averagePower", "fiber.attenuation", "fiber.modalBandwidth");

    @Test
    void recoversPowerLossAndModalBandwidthJointlyWithinTheirStandardErrors() {
        JointCalibration.Measurements m = JointCalibration.parse("synthetic", synthetic(true));
        JointCalibration.Result r = JointCalibration.fit(ScenarioDocument.preset("mosaic-prototype"), m, FREE, () -> { });
        assertThat(r.degenerate()).as(r.degeneracies().toString()).isFalse();
        double[] truth = {500e-6, 0.25, 25e9};
        for (int i = 0; i < 3; i++) {
            JointCalibration.Parameter p = r.parameters().get(i);
            assertThat(p.determined()).isTrue();
            assertThat(p.standardError()).as(p.path()).isLessThan(0.2 * Math.abs(p.value()));
            assertThat(Math.abs(p.value() - truth[i])).as(p.path() + " = %g ± %g", p.value(), p.standardError())
                    .isLessThan(4 * p.standardError());
        }
        // the correlation matrix: symmetric, unit diagonal, entries in [-1, 1]
        for (int a = 0; a < 3; a++) {
            assertThat(r.correlation()[a][a]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
            for (int b = 0; b < 3; b++) {
                assertThat(r.correlation()[a][b]).isBetween(-1.0, 1.0).isCloseTo(r.correlation()[b][a],
                        org.assertj.core.api.Assertions.within(1e-12));
            }
        }
        // a good fit: χ² per degree of freedom near 1 (below 3: a chance exceedance far below 1e-4 at ~20 d.o.f.)
        assertThat(r.chiSquared() / (r.residualCount() - 3)).isLessThan(3);
    }

    @Test
    void aOnePointFitReportsItsDegeneracyInsteadOfANumber() {
        String doc = "kind: measurements\nformatVersion: 1\npoints:\n  - {length: 20 m, rate: 2 Gb/s, ber: 2e-8}\n";
        JointCalibration.Result r = JointCalibration.fit(ScenarioDocument.preset("mosaic-prototype"),
                JointCalibration.parse("one-point", doc), List.of("led.averagePower", "fiber.attenuation"), () -> { });
        assertThat(r.degenerate()).isTrue();
        assertThat(r.degeneracies()).isNotEmpty();
        assertThat(String.join(" ", r.degeneracies())).contains("led.averagePower").contains("fiber.attenuation");
        assertThat(r.parameters()).allSatisfy(p -> {
            assertThat(p.determined()).isFalse();
            assertThat(p.standardError()).isInfinite();
        });
        // power up and loss up compensate: the two are (anti-)correlated to within rounding of ±1
        assertThat(Math.abs(r.correlation()[0][1])).isGreaterThan(0.999);
        // and the one point itself is matched
        assertThat(Math.abs(r.residuals().get(0).log10BerResidual())).isLessThan(0.05);
    }

    @Test
    void aMalformedDocumentIsRefusedWithEveryProblem() {
        String bad = "kind: measurement\nformatVersion: 1\nuncertainty: {log10Ber: -1}\npoints:\n"
                + "  - {length: 20, rate: 2 Gb/s, ber: 2e-8}\n  - {length: 20 m, rate: 2 Gb/s, ber: 0, colour: red}\n";
        assertThatThrownBy(() -> JointCalibration.parse("bad.yaml", bad)).isInstanceOf(CalibrationException.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("kind").hasMessageContaining("uncertainty.log10Ber")
                .hasMessageContaining("points[1]").hasMessageContaining("points[2].colour").hasMessageContaining("points[2].ber");
        assertThatThrownBy(() -> JointCalibration.parse("x.yaml", "points: [")).isInstanceOf(CalibrationException.class)
                .hasMessageContaining("not valid YAML");
    }
}
