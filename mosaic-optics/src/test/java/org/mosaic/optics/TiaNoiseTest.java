package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;

/**
 * The TIA's input noise rising as f² (issue 15): the amplifier's voltage noise e_n across the input capacitance C adds
 * current noise of density 2π·f·C·e_n, so the input PSD is i_n² + (2π·C·e_n)²·f², integrated through the receiver and
 * the CTLE, whose boost amplifies it more than the white part.
 */
class TiaNoiseTest {

    private static ChannelSpec proto(String... kv) {
        ScenarioDocument d = ScenarioDocument.preset("mosaic-prototype").with("numerics.eyeBins", "256");
        for (int i = 0; i < kv.length; i += 2) {
            d = d.with(kv[i], kv[i + 1]);
        }
        return ChannelSpecs.bind(d);
    }

    /**
     * Without CTLE, ∫₀^∞ f²/(1 + (f/f_r)²)² df = f_r³·∫₀^∞ x²/(1 + x²)² dx = f_r³·π/4 (x = tan θ: ∫ sin²θ dθ over
     * [0, π/2]). The code's log grid stops at 1e4·f_r, leaving out ∫ x⁻² dx = 1e-4 of f_r³, 1.3e-4 of the total: 2e-4.
     */
    @Test
    void risingNoiseWeightWithoutCtleIsTheTwoPoleClosedForm() {
        ChannelModel m = new ChannelModel(proto("ctle.enabled", "false"));
        double fr = m.cascade(1, 0).rxPoleHz();
        assertThat(m.noiseBandwidthF2(0) / (Math.PI / 4 * fr * fr * fr) - 1).isCloseTo(0, within(2e-4));
    }

    /** With the CTLE, against an independent integration (f = F·tan θ, midpoint rule on θ, 20,000 points). */
    @Test
    void risingNoiseWeightWithCtleMatchesAnIndependentIntegration() {
        ChannelModel m = new ChannelModel(proto());
        for (double peaking : new double[] {0, 4, 9}) {
            PulseResponse.Cascade c = m.cascade(1, peaking);
            double independent = byTanSubstitution(c.rxPoleHz(), c.ctlePoleHz(), c.ctlePeakingLinear());
            assertThat(m.noiseBandwidthF2(peaking) / independent - 1).as("peaking %s dB", peaking).isCloseTo(0, within(3e-4));
        }
    }

    /**
     * The CTLE's boost weighs the rising noise more than the white: the ratio ∫f²|H|²df / ∫|H|²df (the noise's mean
     * square frequency) grows with the peaking.
     */
    @Test
    void ctleBoostAmplifiesTheRisingNoiseMoreThanTheWhite() {
        ChannelModel m = new ChannelModel(proto());
        double previous = 0;
        for (double peaking : new double[] {0, 3, 6, 9, 12}) {
            double ratio = m.noiseBandwidthF2(peaking) / m.noiseBandwidth(peaking);
            assertThat(ratio).as("peaking %s dB", peaking).isGreaterThan(previous);
            previous = ratio;
        }
    }

    /**
     * The variance is i_n²·B_n + (2π·C·e_n)²·∫f²|H|²df exactly; a receiver without the two keys keeps the white-only
     * variance (and BER) of before; the rising noise makes the channel worse.
     */
    @Test
    void varianceAddsTheCapacitiveTermAndDefaultsToWhiteNoise() {
        ChannelModel white = new ChannelModel(proto());
        ChannelModel rising = new ChannelModel(proto("receiver.inputCapacitance", "0.5 pF",
                "receiver.voltageNoiseDensity", "2 nV/sqrt(Hz)"));
        double pk = 4;
        double in = white.spec().receiver().noiseDensityAmpsPerRootHz();
        assertThat(white.tiaVariance(pk)).isEqualTo(in * in * white.noiseBandwidth(pk));
        double k = 2 * Math.PI * 0.5e-12 * 2e-9;
        double expected = in * in * rising.noiseBandwidth(pk) + k * k * rising.noiseBandwidthF2(pk);
        assertThat(rising.tiaVariance(pk)).isCloseTo(expected, within(1e-12 * expected));
        ChannelModel.Evaluation a = white.evaluate(white.nominal(), pk);
        ChannelModel.Evaluation b = rising.evaluate(rising.nominal(), pk);
        assertThat(b.noiseVarianceOne() - a.noiseVarianceOne())
                .isCloseTo(k * k * rising.noiseBandwidthF2(pk), within(1e-9 * a.noiseVarianceOne()));
        assertThat(b.ber()).isGreaterThan(a.ber());
    }

    /**
     * The time-domain Monte Carlo generates the rising noise independently (C·dv/dt of white voltage noise, a first
     * difference per sample): the statistical eye's BER lies in its 99.9 % Wilson interval (a chance failure 1 in 1000
     * were the models identical; seed 0 fixed). The capacitance is large enough that the term dominates.
     */
    @Test
    void statisticalEyeAgreesWithMonteCarloWhenTheRisingNoiseDominates() {
        ChannelSpec spec = proto("fiber.length", "25 m", "receiver.inputCapacitance", "1 pF",
                "receiver.voltageNoiseDensity", "1.5 nV/sqrt(Hz)", "numerics.eyeBins", "512");
        ChannelModel m = new ChannelModel(spec);
        double pk = m.optimalPeakingDb();
        double in = spec.receiver().noiseDensityAmpsPerRootHz();
        assertThat(m.tiaVariance(pk)).isGreaterThan(2 * in * in * m.noiseBandwidth(pk));
        MonteCarlo.Result r = MonteCarlo.run(spec, 200_000);
        assertThat(r.statisticalEyeBer()).isGreaterThanOrEqualTo(1e-6);
        double z = 3.2905;
        double n = r.bits();
        double p = r.ber();
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double hw = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
        assertThat(r.statisticalEyeBer()).as(r.toString()).isBetween(centre - hw, centre + hw);
    }

    @Test
    void theKeysTakeTheirUnitsOnly() {
        ChannelSpec s = proto("receiver.inputCapacitance", "150 fF", "receiver.voltageNoiseDensity", "1.5 nV/√Hz");
        assertThat(s.receiver().inputCapacitanceFarads()).isCloseTo(150e-15, within(1e-27));
        assertThat(s.receiver().voltageNoiseDensityVoltsPerRootHz()).isCloseTo(1.5e-9, within(1e-21));
        assertThat(problems(() -> proto("receiver.inputCapacitance", "150"))).contains("receiver.inputCapacitance")
                .contains("fF");
        assertThat(problems(() -> proto("receiver.voltageNoiseDensity", "2 pA/sqrt(Hz)")))
                .contains("receiver.voltageNoiseDensity");
    }

    private static double byTanSubstitution(double fr, double fp, double g) {
        double fz = fp / g;
        int n = 20_000;
        double h = Math.PI / 2 / n;
        double scale = Math.min(fr, fp);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double th = (i + 0.5) * h;
            double f = scale * Math.tan(th);
            double jac = scale / (Math.cos(th) * Math.cos(th));
            double xr = f / fr;
            double xp = f / fp;
            double xz = f / fz;
            double hr = 1 / ((1 + xr * xr) * (1 + xr * xr));
            double hc = (1 + xz * xz) / ((1 + xp * xp) * (1 + xp * xp));
            sum += f * f * hr * hc * jac;
        }
        return sum * h;
    }

    private static String problems(Runnable r) {
        try {
            r.run();
        } catch (org.mosaic.core.scenario.ScenarioException e) {
            return e.getMessage();
        }
        return "";
    }
}
