package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;

/** The CTLE's poles free within bounds, chosen with the peaking on the statistical eye's BER. */
class CtleFreePoleTest {

    /** The preset with its fixed pole removed and the optimiser's bounds set. */
    static ScenarioDocument free(String preset, String length, String lo, String hi) {
        com.fasterxml.jackson.databind.node.ObjectNode tree = ScenarioDocument.preset(preset).tree();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("ctle")).remove("poleFrequencyPerRate");
        tree.remove("provenance");
        return ScenarioDocument.parse(preset + " with free CTLE poles", tree.toString(), false)
                .with("fiber.length", length).with("ctle.minPoleFrequencyPerRate", lo).with("ctle.maxPoleFrequencyPerRate", hi);
    }

    /** The nominal channel's statistical-eye BER with the poles and peaking fixed: the independent brute force. */
    static double fixedBer(ChannelSpec freeSpec, double peakingDb, double polePerRate) {
        ChannelSpec.Ctle c = freeSpec.ctle();
        ChannelSpec fixed = freeSpec.withCtle(new ChannelSpec.Ctle(true, c.maxPeakingDb(), polePerRate, peakingDb));
        ChannelModel m = new ChannelModel(fixed);
        return m.evaluate(m.nominal(), peakingDb).ber();
    }

    /**
     * The optimum is no worse than any point of a coarse grid over the same bounds (peaking 0 to ctle.maxPeaking in
     * quarters × 4 log-spaced poles, 0.25–1 × rate), each evaluated by a model with that CTLE fixed. The search evaluates its own points with the
     * same statistical eye, so "no worse" is asked to rounding (1e-9 relative).
     */
    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"mosaic-prototype, 20 m", "mosaic-prototype, 28 m", "mosaic-800g, 11 m"})
    void optimumIsNoWorseThanAnyPointOfACoarseGrid(String preset, String length) {
        ChannelSpec s = ChannelSpecs.bind(free(preset, length, "0.25", "1.0"));
        assertThat(s.ctle().poleFree()).isTrue();
        ChannelModel m = new ChannelModel(s);
        double[] opt = m.optimalCtle();
        assertThat(opt[1]).isBetween(0.25, 1.0);
        assertThat(opt[0]).isBetween(0.0, s.ctle().maxPeakingDb());
        double ber = m.evaluate(m.nominal(), m.optimalPeakingDb()).ber();
        assertThat(ber).isCloseTo(fixedBer(s, opt[0], opt[1]), within(1e-12 * Math.max(ber, 1e-300) + 1e-300));
        double gridBest = Double.POSITIVE_INFINITY;
        double max = s.ctle().maxPeakingDb();
        for (int i = 0; i <= 4; i++) {
            double pk = max * i / 4;
            for (int j = 0; j < 4; j++) {
                double pole = 0.25 * Math.pow(4, j / 3.0);
                gridBest = Math.min(gridBest, fixedBer(s, pk, pole));
            }
        }
        assertThat(ber).as("optimum vs grid best %s", gridBest).isLessThanOrEqualTo(gridBest * (1 + 1e-9));
        // and no worse than the fixed Nyquist pole the presets use, which lies inside the bounds
        ChannelModel nyquist = new ChannelModel(s.withCtle(new ChannelSpec.Ctle(true, s.ctle().maxPeakingDb(), 0.5, Double.NaN)));
        assertThat(ber).isLessThanOrEqualTo(nyquist.evaluate(nyquist.nominal(), nyquist.optimalPeakingDb()).ber() * (1 + 1e-9));
    }

    /** The reported boost is max|H(f)|/|H(0)| scanned in complex arithmetic with the chosen pole (1e-4 dB). */
    @Test
    void reportedBoostIsTheNumericalMaximumOfTheResponseWithTheChosenPole() {
        ChannelSpec s = ChannelSpecs.bind(free("mosaic-prototype", "20 m", "0.25", "1.0"));
        ChannelModel m = new ChannelModel(s);
        double pk = m.optimalPeakingDb();
        ChannelResult.Ctle r = ChannelAnalysis.ctle(m, pk);
        double fp = m.ctlePoleHz();
        assertThat(r.poleFrequencyHz()).isCloseTo(fp, within(1e-3));
        double g = Math.pow(10, pk / 20);
        double fz = fp / g;
        double peak = 0;
        for (int i = 0; i <= 200_000; i++) {
            double f = fp * 1e-3 * Math.pow(1e5, i / 200_000.0);
            // |1 + j f/fz| / |1 + j f/fp|²
            double mag = Math.hypot(1, f / fz) / (1 + (f / fp) * (f / fp));
            peak = Math.max(peak, mag);
        }
        assertThat(r.boostDb()).isCloseTo(20 * Math.log10(peak), within(1e-4));
        double fn = s.rateBitsPerSecond() / 2;
        assertThat(r.nyquistGainDb()).isCloseTo(20 * Math.log10(Math.hypot(1, fn / fz) / (1 + (fn / fp) * (fn / fp))), within(1e-9));
    }

    @Test
    void boundsAreRefusedBesideAFixedPoleOrWhenEmpty() {
        ScenarioException e = catchThrowableOfType(() -> ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype")
                .with("ctle.minPoleFrequencyPerRate", "0.3")), ScenarioException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.expected()).contains("not both"));
        ScenarioException f = catchThrowableOfType(() -> ChannelSpecs.bind(free("mosaic-prototype", "20 m", "0.8", "0.4")),
                ScenarioException.class);
        assertThat(f.problems()).singleElement().satisfies(p -> assertThat(p.expected()).contains("below"));
    }
}
