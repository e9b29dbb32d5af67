package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mosaic.core.scenario.ScenarioDocument;

/** The CTLE's real boost, max|H(f)|/|H(0)|, against a numerical scan of its transfer function. */
class CtleBoostTest {

    /** max over f of |H(j2πf)|, H(s) = (1 + s/ωz)/(1 + s/ωp)², ωz = ωp/g, by a dense scan (complex arithmetic). */
    static double scannedBoostDb(double peakingDb) {
        double g = Math.pow(10, peakingDb / 20);
        double fp = 1;
        double best = 0;
        for (int i = 0; i <= 200_000; i++) {
            double f = Math.pow(10, -4 + 8.0 * i / 200_000);
            double zr = 1;
            double zi = f * g / fp;                        // 1 + j f/fz
            double pr = 1 - (f / fp) * (f / fp);           // (1 + j f/fp)² = 1 − x² + 2jx
            double pi = 2 * f / fp;
            double mag = Math.hypot(zr, zi) / Math.hypot(pr, pi);
            best = Math.max(best, mag);
        }
        return 20 * Math.log10(Math.max(1, best));
    }

    /**
     * The closed form g⁴/(4(g² − 1)) equals the scanned maximum; the grid (40,000 points a decade) resolves the
     * flat top of |H| to far better than 1e-4 dB.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0, 2, 3.0103, 4, 6, 8.25, 12, 20, 30})
    void boostIsTheMaximumOfTheTransferFunction(double peakingDb) {
        assertThat(ChannelSpec.Ctle.boostDb(peakingDb)).isCloseTo(scannedBoostDb(peakingDb), within(1e-4));
    }

    /** The figures: the 800G's 8.25 dB "peaking" is ~2.9 dB of boost, the 12 dB cap ~6.3 dB. */
    @Test
    void peakingIsNotBoost() {
        assertThat(ChannelSpec.Ctle.boostDb(8.25)).isCloseTo(2.94, within(0.01));
        assertThat(ChannelSpec.Ctle.boostDb(12)).isCloseTo(6.26, within(0.01));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 3, 6, 10, 20})
    void peakingForBoostInvertsBoost(double boostDb) {
        assertThat(ChannelSpec.Ctle.boostDb(ChannelSpec.Ctle.peakingDbForBoost(boostDb))).isCloseTo(boostDb, within(1e-9));
        // no boost: the largest zero-to-pole ratio that still peaks nowhere is √2 (3.01 dB)
        assertThat(ChannelSpec.Ctle.peakingDbForBoost(0)).isCloseTo(10 * Math.log10(2), within(1e-12));
    }

    @Test
    void nyquistGainAtThePoleIsHalfOfOnePlusGSquared() {
        // poles at Nyquist (rate/2): |H(fp)|² = (1 + g²)/4
        ChannelSpec.Ctle c = new ChannelSpec.Ctle(true, 12, 0.5, Double.NaN);
        double g2 = Math.pow(10, 8.25 / 10);
        assertThat(c.nyquistGainDb(8.25)).isCloseTo(10 * Math.log10((1 + g2) / 4), within(1e-12));
    }

    @Test
    void boostKeysSetTheSameCtleAsPeakingKeys() {
        ChannelSpec byBoost = ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype").with("ctle.boost", "2 dB"));
        assertThat(ChannelSpec.Ctle.boostDb(byBoost.ctle().fixedPeakingDb())).isCloseTo(2, within(1e-9));
        ChannelSpec bound = ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype").with("ctle.maxPeaking", "40 dB")
                .with("ctle.maxBoost", "6 dB"));
        assertThat(ChannelSpec.Ctle.boostDb(bound.ctle().maxPeakingDb())).isCloseTo(6, within(1e-9));
        // both bounds hold: the tighter zero-to-pole ratio wins
        ChannelSpec both = ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype").with("ctle.maxPeaking", "6 dB")
                .with("ctle.maxBoost", "6 dB"));
        assertThat(both.ctle().maxPeakingDb()).isEqualTo(6);
        // the result reports the boost of the setting the optimiser chose, never above the bound
        ChannelResult.Ctle reported = ChannelAnalysis.ctle(bound, new ChannelModel(bound).optimalPeakingDb());
        assertThat(reported.boostDb()).isLessThanOrEqualTo(6 + 1e-9);
        assertThat(reported.boostDb()).isCloseTo(ChannelSpec.Ctle.boostDb(reported.peakingDb()), within(1e-12));
    }
}
