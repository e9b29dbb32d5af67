package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mosaic.core.random.RandomStreams;
import org.mosaic.core.scenario.ScenarioDocument;

/**
 * The array's reach solve made fast (issues 15/20: memoised per-(length, power) BERs, per-length pulses shared by every
 * power, the eye reused across power factors) against the path it replaced, kept here as the independent reference: a
 * fresh model, CTLE optimisation, seeded array and {@link ChannelModel#arrayBer(ChannelModel.Emitter[], double)} at every
 * trial length and power, through the same root finders. Stated tolerance: 0.05 m on reach (the Brent tolerance is
 * 1e-3 in ln L: ≤ 0.05 m below 50 m), 0.01 dB on margin (the bisection's resolution); measured: identical bits on reach
 * and margin (the fast path's BERs equal the reference's to rounding, ~1e-14 relative, far below what moves a root
 * finder's decision). Arrays of 6 × 6 channels at 256 eye bins keep the test fast; the spread is every preset's own.
 */
class ArrayReachSpeedTest {
    static ChannelSpec small(String preset, String... kv) {
        ScenarioDocument d = ScenarioDocument.preset(preset).with("numerics.eyeBins", "256").with("link.array.rows", "6")
                .with("link.array.cols", "6");
        if (preset.equals("avicena-like")) {
            d = d.with("link.reach.coveredChannels", "4"); // its 64 of 320 spares, scaled to the 36 channels kept here
        }
        for (int i = 0; i < kv.length; i += 2) {
            d = d.with(kv[i], kv[i + 1]);
        }
        return ChannelSpecs.bind(d);
    }

    /** The statistic as it was computed before the speed-up: everything afresh. */
    static double referenceStatistic(ChannelSpec spec, double lengthMeters, double powerFactor, boolean mean, int covered) {
        ChannelModel m = new ChannelModel(spec.withLength(lengthMeters));
        double pk = m.optimalPeakingDb();
        ChannelModel.Emitter[] es = m.sampleArray(RandomStreams.of(spec.seed()));
        if (powerFactor != 1) {
            for (int i = 0; i < es.length; i++) {
                es[i] = es[i].withPowerScaled(powerFactor);
            }
        }
        double[] b = m.arrayBer(es, pk);
        if (mean) {
            return Arrays.stream(b).average().orElse(0);
        }
        Arrays.sort(b);
        return b[Math.max(0, b.length - 1 - covered)];
    }

    static double referenceReach(ChannelSpec spec, boolean mean, int covered, double startMeters) {
        DoubleUnaryOperator f = lnL -> Math.log10(Math.max(1e-300, referenceStatistic(spec, Math.exp(lnL), 1, mean, covered)))
                - Math.log10(spec.berTarget());
        double start = Math.max(ChannelAnalysis.MIN_LENGTH, Math.min(ChannelAnalysis.MAX_LENGTH, startMeters));
        return Math.min(ChannelAnalysis.MAX_LENGTH, Math.exp(ChannelAnalysis.solveUpper(f, Math.log(ChannelAnalysis.MIN_LENGTH),
                Math.log(ChannelAnalysis.MAX_LENGTH), Math.log(start), 1e-3)));
    }

    static double referenceMargin(ChannelSpec spec, boolean mean, int covered) {
        double length = spec.fiber().lengthMeters();
        DoubleUnaryOperator f = db -> Math.log10(Math.max(1e-300,
                referenceStatistic(spec, length, Math.pow(10, -db / 10), mean, covered))) - Math.log10(spec.berTarget());
        double lo = -40;
        double hi = 40;
        if (f.applyAsDouble(lo) > 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (f.applyAsDouble(hi) <= 0) {
            return hi;
        }
        for (int i = 0; i < 40 && hi - lo > 1e-2; i++) {
            double mid = 0.5 * (lo + hi);
            if (f.applyAsDouble(mid) > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static void agrees(ChannelSpec s) {
        double nominal = ChannelAnalysis.reach(s);
        for (boolean mean : new boolean[] {true, false}) {
            int k = mean ? 0 : 2;
            assertThat(ArrayReach.reach(s, mean, k, nominal)).as("%s reach, mean=%s", s.name(), mean)
                    .isCloseTo(referenceReach(s, mean, k, nominal), within(0.05));
            assertThat(ArrayReach.margin(s, mean, k)).as("%s margin, mean=%s", s.name(), mean)
                    .isCloseTo(referenceMargin(s, mean, k), within(0.01));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mosaic-prototype", "mosaic-800g", "avicena-like", "smartsens-unisoc"})
    void fastArrayReachAndMarginAgreeWithTheFullPathOnEveryPreset(String preset) {
        agrees(small(preset));
    }

    /** Random designs (fixed seed): power, length, spread and rate drawn over the presets' ranges. */
    @Property(tries = 4, seed = "20261207")
    void fastArrayReachAgreesOnRandomDesigns(@ForAll @DoubleRange(min = 50, max = 1000) double powerUw,
                                             @ForAll @DoubleRange(min = 2, max = 40) double lengthM,
                                             @ForAll @DoubleRange(min = 0.3, max = 2.5) double spreadDb,
                                             @ForAll @IntRange(min = 0, max = 2) int rateIndex) {
        agrees(randomDesign(powerUw, lengthM, spreadDb, rateIndex));
    }

    /** The 800G design with a drawn power, length, power spread and one of three channel rates (the speed tests' space). */
    static ChannelSpec randomDesign(double powerUw, double lengthM, double spreadDb, int rateIndex) {
        String rate = new String[] {"1.5 Gb/s", "2.125 Gb/s", "3 Gb/s"}[rateIndex];
        return small("mosaic-800g", "led.averagePower", powerUw + " uW", "fiber.length", lengthM + " m",
                "led.powerSpread", spreadDb + " dB", "link.channelRate", rate);
    }

    /**
     * The eye reused across power factors equals the eye built afresh from the scaled amplitudes, to rounding: 1e-12
     * relative on every channel's BER (measured ≤ ~1e-14), at powers that move the BER over several decades.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mosaic-prototype", "mosaic-800g", "avicena-like", "smartsens-unisoc"})
    void reusedEyesEqualFreshEyesToRounding(String preset) {
        ChannelSpec s = small(preset);
        ChannelModel m = new ChannelModel(s);
        double pk = m.optimalPeakingDb();
        ChannelModel.Emitter[] es = m.sampleArray(RandomStreams.of(s.seed()));
        PulseResponse[] pulses = new PulseResponse[es.length];
        ChannelModel.EyeRef[] eyes = new ChannelModel.EyeRef[es.length];
        m.arrayBer(es, pk, pulses, eyes, false);
        for (double factor : new double[] {0.3, 0.7, 1.3, 3.0}) {
            ChannelModel.Emitter[] scaled = es.clone();
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = scaled[i].withPowerScaled(factor);
            }
            double[] fast = m.arrayBer(scaled, pk, pulses, eyes, true);
            double[] fresh = m.arrayBer(scaled, pk);
            for (int i = 0; i < fast.length; i++) {
                assertThat(fast[i]).as("%s channel %s at x%s", preset, i, factor).isCloseTo(fresh[i], within(1e-12 * fresh[i] + 1e-300));
            }
        }
    }
}
