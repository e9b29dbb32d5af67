package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mosaic.core.random.RandomStreams;
import org.mosaic.core.scenario.ScenarioDocument;

/**
 * Regression guard of the channel's second speed pass (issue 15's JMH bar, branch s15b): the one-exponential EMG step,
 * the regrouped receiver recurrences, the peak found in the receiver pass, the sampling search summed per phase and the
 * eye convolved smallest amplitude first. Each changes the arithmetic by rounding only; this test runs the whole model
 * both ways ({@link ChannelModel#referencePath}: the pre-s15b arithmetic, kept as the checking path) and asserts the
 * answers agree within the stated tolerance: every BER (nominal channel and every channel of the array, at the same CTLE
 * setting) within 1e-6 relative; the CTLE optimum within 1e-6 dB of peaking. Measured differences are ≤ 7.5e-13 relative
 * (printed). On the four presets at their own length and at 5, 15 and 30 m (open and closed eyes), and on random designs
 * (jqwik, fixed seed).
 */
class ChannelSpeedTest {

    private static final double BER_RELATIVE = 1e-6;

    /** The largest relative BER difference seen over all cases (diagnostic). */
    private static double worstSeen;

    static void agree(ChannelSpec spec, String what) {
        ChannelModel fast = new ChannelModel(spec);
        ChannelModel ref = new ChannelModel(spec);
        ref.referencePath = true;
        double pk = fast.optimalPeakingDb();
        assertThat(pk).as("%s: CTLE peaking (dB)", what).isCloseTo(ref.optimalPeakingDb(), within(1e-6));
        double fastBer = fast.evaluate(fast.nominal(), pk).ber();
        double refBer = ref.evaluate(ref.nominal(), pk).ber();
        close(fastBer, refBer, what + ": nominal BER");
        ChannelModel.Emitter[] emitters = fast.sampleArray(RandomStreams.of(0));
        double[] a = fast.arrayBer(emitters, pk);
        double[] b = ref.arrayBer(emitters, pk);
        for (int i = 0; i < a.length; i++) {
            close(a[i], b[i], what + ": channel " + i);
        }
    }

    private static void close(double fast, double ref, String what) {
        double rel = ref == 0 ? (fast == 0 ? 0 : 1) : Math.abs(fast - ref) / ref;
        worstSeen = Math.max(worstSeen, rel);
        assertThat(fast).as("%s (fast %s, reference %s)", what, fast, ref).isCloseTo(ref, within(BER_RELATIVE * ref + 1e-300));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mosaic-prototype", "mosaic-800g", "avicena-like", "smartsens-unisoc"})
    void fastChannelAgreesWithTheReferenceArithmeticOnEveryPreset(String preset) {
        // the full nominal channel at the preset's own numerics and length
        ChannelSpec full = ChannelSpecs.bind(ScenarioDocument.preset(preset));
        ChannelModel fast = new ChannelModel(full);
        ChannelModel ref = new ChannelModel(full);
        ref.referencePath = true;
        double pk = fast.optimalPeakingDb();
        close(fast.evaluate(fast.nominal(), pk).ber(), ref.evaluate(ref.nominal(), pk).ber(), preset + " full nominal");
        // small arrays (6 × 6, 256 bins) at the preset's length and three others
        agree(ArrayReachSpeedTest.small(preset), preset);
        for (String length : new String[] {"5 m", "15 m", "30 m"}) {
            agree(ArrayReachSpeedTest.small(preset, "fiber.length", length), preset + " at " + length);
        }
        System.out.println("ChannelSpeedTest: worst relative BER difference so far " + worstSeen);
    }

    /** Random designs (fixed seed): power, length, spread and rate drawn over the presets' ranges. */
    @Property(tries = 6, seed = "15002")
    void fastChannelAgreesOnRandomDesigns(@ForAll @DoubleRange(min = 50, max = 1000) double powerUw,
                                          @ForAll @DoubleRange(min = 2, max = 40) double lengthM,
                                          @ForAll @DoubleRange(min = 0.3, max = 2.5) double spreadDb,
                                          @ForAll @IntRange(min = 0, max = 2) int rateIndex) {
        agree(ArrayReachSpeedTest.randomDesign(powerUw, lengthM, spreadDb, rateIndex), "random design");
    }

    /**
     * The per-phase sampling search is bit for bit the per-candidate one (same terms added in the same order): same
     * index and same Q on random pulse-like waveforms of 8–64 samples per UI, noise over six decades.
     */
    @Test
    void samplingSearchPerPhaseIsBitForBitThePerCandidateSearch() {
        SplittableRandom rng = new SplittableRandom(15_003L);
        for (int c = 0; c < 300; c++) {
            int spu = 8 << rng.nextInt(4);
            double ui = 1 / 2.125e9;
            PulseResponse.Cascade cascade = new PulseResponse.Cascade(ui, 1 / (2 * Math.PI * 3e8 * (1 + 5 * rng.nextDouble())),
                    2e-9 * rng.nextDouble(), PulseResponse.Cascade.rxPoleForBandwidth(1.5e9 * (0.3 + rng.nextDouble())),
                    rng.nextBoolean() ? Double.POSITIVE_INFINITY : 2e9 * rng.nextDouble() + 2e8,
                    Math.pow(10, 12 * rng.nextDouble() / 20));
            PulseResponse p = PulseResponse.compute(cascade, spu);
            double noise = Math.pow(10, -6 * rng.nextDouble());
            double[] q1 = new double[1];
            double[] q2 = new double[1];
            int a = ChannelModel.bestSamplingIndex(p, noise, q1);
            int b = ChannelModel.bestSamplingIndexReference(p, noise, q2);
            assertThat(a).as("case %s", c).isEqualTo(b);
            assertThat(q1[0]).as("case %s", c).isEqualTo(q2[0]);
        }
    }
}
