package org.mosaic.optics;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
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
        ChannelSpec at = spec.withLength(lengthMeters);
        ChannelModel m = new ChannelModel(at);
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
