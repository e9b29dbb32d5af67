package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mosaic.core.random.RandomStreams;
import org.mosaic.core.scenario.ScenarioDocument;

/** The array's reach definitions: nominal channel, mean BER, k-th worst channel after spares. */
class ArrayReachTest {
    static ChannelSpec proto(String... kv) {
        ScenarioDocument d = ScenarioDocument.preset("mosaic-prototype").with("numerics.eyeBins", "256");
        for (int i = 0; i < kv.length; i += 2) {
            d = d.with(kv[i], kv[i + 1]);
        }
        return ChannelSpecs.bind(d);
    }

    /**
     * Without spread (emitters, coupling, receivers) every interior channel sees the nominal channel's neighbours, so the worst channel is
     * the nominal one (to 1e-6 relative: the array path sums the neighbours' powers from a matrix, the nominal one
     * from unit factors, and the eye's grid amplifies that rounding); the edge channels lose neighbours and only do
     * better, so the mean is below it.
     */
    @Test
    void withoutSpreadTheWorstChannelIsTheNominalOne() {
        ChannelSpec s = proto("led.powerSpread", "0 dB", "led.bandwidthSpread", "0 %", "optics.couplingSpread", "0 dB",
                "receiver.responsivitySpread", "0 %", "receiver.noiseSpread", "0 %");
        ChannelModel m = new ChannelModel(s);
        double nominal = m.evaluate(m.nominal(), m.optimalPeakingDb()).ber();
        double length = s.fiber().lengthMeters();
        assertThat(ArrayReach.statistic(s, length, 1, false, 0)).isCloseTo(nominal, within(1e-6 * nominal));
        assertThat(ArrayReach.statistic(s, length, 1, true, 0)).isLessThanOrEqualTo(nominal);
    }

    /** The statistics are those of the seeded array: an independent average and order statistic of arrayBer. */
    @Test
    void statisticsAreTheSeededArraysMeanAndOrderStatistic() {
        ChannelSpec s = proto();
        ChannelModel m = new ChannelModel(s);
        double[] b = m.arrayBer(m.sampleArray(RandomStreams.of(s.seed())), m.optimalPeakingDb());
        double mean = 0;
        for (double x : b) {
            mean += x;
        }
        mean /= b.length;
        double[] sorted = b.clone();
        Arrays.sort(sorted);
        double length = s.fiber().lengthMeters();
        assertThat(ArrayReach.statistic(s, length, 1, true, 0)).isCloseTo(mean, within(1e-15 * mean));
        assertThat(ArrayReach.statistic(s, length, 1, false, 3)).isEqualTo(sorted[sorted.length - 4]);
    }

    /**
     * With spread: the mean BER is dominated by the weak channels, so it reaches less than the nominal channel,
     * and the worst channel less still; covering more of the worst with spares gives back reach. At the solved
     * reach the statistic sits on the target (Brent's 1e-3 in ln L, a few per cent of a decade of BER).
     */
    @Test
    void definitionsOrderAndSparesBuyReach() {
        ChannelSpec s = proto("link.reach.target", "kth-worst", "link.reach.coveredChannels", "5");
        double nominal = ChannelAnalysis.reach(s);
        double mean = ArrayReach.reach(s, true, 0, nominal);
        double worst = ArrayReach.reach(s, false, 0, nominal);
        double fifth = ArrayReach.reach(s, false, 5, nominal);
        assertThat(mean).isLessThan(nominal);
        assertThat(worst).isLessThan(mean);
        assertThat(fifth).isGreaterThan(worst).isLessThanOrEqualTo(nominal * 1.001);
        double atReach = ArrayReach.statistic(s, mean, 1, true, 0);
        assertThat(Math.log10(atReach)).isCloseTo(Math.log10(s.berTarget()), within(0.05));
    }

    /** The margin is the power change that puts the statistic on the target. */
    @Test
    void marginPutsTheStatisticOnTheTarget() {
        ChannelSpec s = proto();
        double db = ArrayReach.margin(s, true, 0);
        double at = ArrayReach.statistic(s, s.fiber().lengthMeters(), Math.pow(10, -db / 10), true, 0);
        // bisection to 0.01 dB: the BER slope is a few decades per dB here, so within 0.1 decade
        assertThat(Math.log10(at)).isCloseTo(Math.log10(s.berTarget()), within(0.1));
    }

    @Test
    void theTargetKeysAreBoundAndChecked() {
        ChannelSpec s = proto("link.reach.target", "mean");
        assertThat(s.reachTarget().definition()).isEqualTo("mean");
        assertThat(catchProblems(() -> proto("link.reach.coveredChannels", "3"))).contains("kth-worst");
        assertThat(catchProblems(() -> proto("link.reach.target", "kth-worst", "link.reach.coveredChannels", "100")))
                .contains("fewer than the array's 100 channels");
    }

    private static String catchProblems(Runnable r) {
        try {
            r.run();
        } catch (org.mosaic.core.scenario.ScenarioException e) {
            return e.getMessage();
        }
        return "";
    }
}
