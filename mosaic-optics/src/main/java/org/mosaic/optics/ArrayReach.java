package org.mosaic.optics;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.mosaic.core.parallel.Memo;
import org.mosaic.core.random.RandomStreams;

/**
 * Reach and margin of the array under three definitions of "the channel": the nominal channel (the centre,
 * typical emitter), the array's mean BER (what an FEC striped over all channels sees), and the k-th worst
 * channel (the worst left once spares replace the k worst). The array is the spec's seeded sample of
 * channels (emitter power and bandwidth, coupling, responsivity and TIA noise spread: {@link
 * ChannelModel#sampleArray}), the same at every length and power (common random numbers), so the
 * three reaches differ only by the definition; the CTLE is re-optimised for the nominal channel at each length
 * (one setting shared by the array, as in the channel analysis).
 *
 * @param target           the spec's definition ({@code link.reach.target}) and the reach and margin it selects
 * @param coveredChannels  k: the worst channels spares replace
 * @param meanBer          the array's mean BER at the spec's length
 * @param kthWorstBer      the (k+1)-th worst channel's BER at the spec's length
 * @param marginDb         per definition: the change of every emitter's power (dB) that brings the statistic
 *                         to the BER target (positive: margin), capped at ±40 dB
 */
public record ArrayReach(String target, int coveredChannels, double nominalReachMeters, double meanBerReachMeters,
                         double kthWorstReachMeters, double nominalMarginDb, double meanBerMarginDb,
                         double kthWorstMarginDb, double meanBer, double kthWorstBer, double targetReachMeters,
                         double targetMarginDb) {
    private static final double BER_FLOOR = 1e-300;
    private static final double MARGIN_LIMIT_DB = 40;

    /** The array's statistic at one length and one power factor on every emitter. */
    static double statistic(ChannelSpec spec, double lengthMeters, double powerFactor, boolean mean, int covered) {
        double[] b = arrayBers(spec, lengthMeters, powerFactor);
        if (mean) {
            return Arrays.stream(b).average().orElse(0);
        }
        double[] s = b.clone();
        Arrays.sort(s);
        return s[Math.max(0, s.length - 1 - covered)];
    }

    /**
     * One length's array: the model, the CTLE setting optimised for its nominal channel, the seeded channels and their
     * pulse responses (filled by the first evaluation, then shared by every power factor at this length).
     */
    private record LengthState(ChannelModel model, double peakingDb, ChannelModel.Emitter[] emitters,
                               PulseResponse[] pulses, ChannelModel.EyeRef[] eyes,
                               java.util.concurrent.atomic.AtomicBoolean eyesRecorded) {
    }

    private record BerKey(ChannelSpec specAtLength, double powerFactor) {
    }

    /**
     * The last few lengths' arrays (~4 MB of pulses each for 400 channels); the margin solves of the mean and the k-th
     * worst channel ask for ~30 power factors at the spec's length, and reuse its pulses.
     */
    private static final Memo<ChannelSpec, LengthState> LENGTHS = new Memo<>(3);
    /**
     * Per-channel BERs by (spec at a length, power factor): the mean and k-th worst solves, the channel analysis's
     * target reach and this record's reach under the same definition step through the same lengths and powers (the
     * same bracketing from the same start), so each array is evaluated once. A pure function of the key ({@link Memo});
     * the arrays are shared: read, never write.
     */
    private static final Memo<BerKey, double[]> BERS = new Memo<>(512);

    /** The seeded array's per-channel BERs at one length with every emitter's power scaled by {@code powerFactor}. */
    static double[] arrayBers(ChannelSpec spec, double lengthMeters, double powerFactor) {
        ChannelSpec at = spec.withLength(lengthMeters);
        return BERS.get(new BerKey(at, powerFactor), key -> {
            LengthState st = LENGTHS.get(at, a -> {
                ChannelModel m = new ChannelModel(a);
                ChannelModel.Emitter[] es = m.sampleArray(RandomStreams.of(spec.seed()));
                return new LengthState(m, m.optimalPeakingDb(), es, new PulseResponse[es.length],
                        new ChannelModel.EyeRef[es.length], new java.util.concurrent.atomic.AtomicBoolean());
            });
            ChannelModel.Emitter[] es = st.emitters();
            if (powerFactor == 1 || !st.eyesRecorded().get()) {
                // the reference, evaluated afresh: its eyes are recorded for the other power factors (first, whatever
                // was asked before, so that no answer depends on the order of the questions)
                double[] ref = st.model().arrayBer(es, st.peakingDb(), st.pulses(), st.eyes(), false);
                st.eyesRecorded().set(true);
                if (powerFactor == 1) {
                    return ref;
                }
            }
            es = es.clone();
            for (int i = 0; i < es.length; i++) {
                es[i] = es[i].withPowerScaled(powerFactor);
            }
            return st.model().arrayBer(es, st.peakingDb(), st.pulses(), st.eyes(), true);
        });
    }

    /** Computes all three definitions, reusing the nominal channel's reach and margin already solved. */
    public static ArrayReach of(ChannelSpec spec, double nominalReachMeters, double nominalMarginDb) {
        int k = spec.reachTarget().coveredChannels();
        double target = spec.berTarget();
        double length = spec.fiber().lengthMeters();
        double meanReach = reach(spec, true, k, nominalReachMeters);
        double kthReach = reach(spec, false, k, nominalReachMeters);
        double meanMargin = margin(spec, true, k);
        double kthMargin = margin(spec, false, k);
        double meanBer = statistic(spec, length, 1, true, k);
        double kthBer = statistic(spec, length, 1, false, k);
        String def = spec.reachTarget().definition();
        double tr = switch (def) {
            case "mean" -> meanReach;
            case "kth-worst" -> kthReach;
            default -> nominalReachMeters;
        };
        double tm = switch (def) {
            case "mean" -> meanMargin;
            case "kth-worst" -> kthMargin;
            default -> nominalMarginDb;
        };
        return new ArrayReach(def, k, nominalReachMeters, meanReach, kthReach, nominalMarginDb, meanMargin, kthMargin,
                meanBer, kthBer, tr, tm);
    }

    static double reach(ChannelSpec spec, boolean mean, int covered, double startMeters) {
        DoubleUnaryOperator f = lnL -> Math.log10(Math.max(BER_FLOOR, statistic(spec, Math.exp(lnL), 1, mean, covered)))
                - Math.log10(spec.berTarget());
        double start = Math.max(ChannelAnalysis.MIN_LENGTH, Math.min(ChannelAnalysis.MAX_LENGTH, startMeters));
        return Math.min(ChannelAnalysis.MAX_LENGTH, Math.exp(ChannelAnalysis.solveUpper(f, Math.log(ChannelAnalysis.MIN_LENGTH),
                Math.log(ChannelAnalysis.MAX_LENGTH), Math.log(start), 1e-3)));
    }

    /** dB of power on every emitter the statistic can lose (positive) or needs (negative) to meet the target. */
    static double margin(ChannelSpec spec, boolean mean, int covered) {
        double length = spec.fiber().lengthMeters();
        DoubleUnaryOperator f = db -> Math.log10(Math.max(BER_FLOOR,
                statistic(spec, length, Math.pow(10, -db / 10), mean, covered))) - Math.log10(spec.berTarget());
        // f rises with the power removed (db): the margin is its crossing
        double lo = -MARGIN_LIMIT_DB;
        double hi = MARGIN_LIMIT_DB;
        if (f.applyAsDouble(lo) > 0) {
            return Double.NEGATIVE_INFINITY; // an ISI / crosstalk floor: no power is enough
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
}
