package org.mosaic.datapath.channel;

import java.util.random.RandomGenerator;
import org.mosaic.datapath.ChannelPlan;
import org.mosaic.datapath.EmulationSpec;

/**
 * Samples the channel bit errors of a range of slots: only the error positions, by geometric gaps
 * (the number of good bits before the next error of a Bernoulli(p) sequence is ⌊ln U / ln(1 − p)⌋), so
 * the cost is one draw per error plus one per channel range, never one per bit.
 *
 * <p>Per logical channel and {@link LinkTimeline.Segment segment}: random-bad slots (dead/flapping phases,
 * deskew slips) err with probability ½; stuck slots are handed to the bit-exact engine as ranges, or
 * (when {@code stuckAsRandom}) err with probability ½ — the same law for uniformly random codeword bits;
 * all other slots follow the good-state process: independent errors at the physical channel's BER, or,
 * with bursts enabled, the {@link GilbertElliott} chain. Each good-state error then induces
 * {@link Crosstalk} errors on grid neighbours that carry data, in the same slot.
 * Errors may repeat (a neighbour's induced error on a slot that already erred): the engines treat an
 * error as a flag per bit (OR), never as a flip that could cancel.
 */
public final class ErrorSampler {
    private static final double LN_HALF = Math.log(0.5);

    private final LinkTimeline timeline;
    private final GilbertElliott burst;
    private final double crosstalk;
    private final int[][] neighbours;
    private final boolean stuckAsRandom;

    public ErrorSampler(EmulationSpec spec, LinkTimeline timeline, boolean stuckAsRandom) {
        this.timeline = timeline;
        this.burst = spec.burst();
        this.crosstalk = spec.crosstalk().conditionalProbability();
        ChannelPlan plan = spec.channels();
        this.neighbours = new int[plan.physicalChannels()][];
        for (int p = 0; p < neighbours.length; p++) {
            neighbours[p] = plan.neighbours(p);
        }
        this.stuckAsRandom = stuckAsRandom;
    }

    /** Appends the errors of slots [from, to) of every logical channel to {@code out} (which is not cleared). */
    public void sample(long from, long to, RandomGenerator rng, ErrorBuffer out) {
        for (int c = 0; c < timeline.dataChannels(); c++) {
            for (LinkTimeline.Segment g : timeline.segments(c)) {
                long lo = Math.max(from, g.fromSlot());
                long hi = Math.min(to, g.toSlot());
                if (lo >= hi) {
                    continue;
                }
                if (g.randomBad().length == 0 && g.stuck().length == 0) {
                    good(c, g, lo, hi, rng, out);
                    continue;
                }
                long[] bad = Intervals.clip(g.randomBad(), lo, hi);
                long[] stuck = Intervals.clip(g.stuck(), lo, hi);
                for (int i = 0; i < bad.length; i += 2) {
                    bernoulli(c, bad[i], bad[i + 1], LN_HALF, rng, out);
                }
                for (int i = 0; i < stuck.length; i += 2) {
                    if (stuckAsRandom) {
                        bernoulli(c, stuck[i], stuck[i + 1], LN_HALF, rng, out);
                    } else {
                        out.addStuck(c, stuck[i], stuck[i + 1], g.stuckValue());
                    }
                }
                long[] free = Intervals.subtract(new long[] {lo, hi}, Intervals.union(bad, stuck));
                for (int i = 0; i < free.length; i += 2) {
                    good(c, g, free[i], free[i + 1], rng, out);
                }
            }
        }
    }

    private void good(int c, LinkTimeline.Segment g, long lo, long hi, RandomGenerator rng, ErrorBuffer out) {
        int start = out.size();
        if (!burst.enabled()) {
            bernoulli(c, lo, hi, Math.log1p(-g.ber()), rng, out);
        } else {
            boolean bad = rng.nextDouble() < burst.badFraction();
            double lnGoodStay = Math.log1p(-burst.goodToBad());
            double lnBadStay = Math.log1p(-burst.badToGood());
            double lnGoodOk = Math.log1p(-g.ber());
            double lnBadOk = Math.log1p(-burst.badStateBer());
            long pos = lo;
            while (pos < hi) {
                long sojourn = 1 + geometric(rng, bad ? lnBadStay : lnGoodStay);
                long end = sojourn > hi - pos ? hi : pos + sojourn;
                bernoulli(c, pos, end, bad ? lnBadOk : lnGoodOk, rng, out);
                pos = end;
                bad = !bad;
            }
        }
        if (crosstalk > 0) {
            int end = out.size();
            int[] nb = neighbours[g.physical()];
            for (int i = start; i < end; i++) {
                long s = out.slot(i);
                for (int p : nb) {
                    if (rng.nextDouble() < crosstalk) {
                        int other = timeline.occupant(p, s);
                        if (other >= 0) {
                            out.add(other, s);
                        }
                    }
                }
            }
        }
    }

    /** Independent errors with probability p (given as ln(1 − p)) on slots [lo, hi). */
    private static void bernoulli(int c, long lo, long hi, double lnOneMinusP, RandomGenerator rng, ErrorBuffer out) {
        long pos = lo + geometric(rng, lnOneMinusP);
        while (pos < hi && pos >= lo) {
            out.add(c, pos);
            long gap = geometric(rng, lnOneMinusP);
            if (gap >= hi - pos) {
                break;
            }
            pos += 1 + gap;
        }
    }

    /**
     * Failures before the first success of a Bernoulli sequence whose failure probability is e^lnStay
     * (Long.MAX_VALUE when lnStay = 0, i.e. success is impossible).
     */
    public static long geometric(RandomGenerator rng, double lnStay) {
        if (lnStay == 0) {
            return Long.MAX_VALUE;
        }
        double u = 1.0 - rng.nextDouble(); // (0, 1]
        double g = Math.log(u) / lnStay;
        return g >= 9.0e18 ? Long.MAX_VALUE : (long) g;
    }
}
