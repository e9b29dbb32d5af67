package org.mosaic.datapath.channel;

import java.util.Arrays;
import org.mosaic.datapath.Require;

/**
 * The receiver's deskew. Channel p's delay relative to the earliest channel at t = 0, in bits, is
 * x(i) = (skew_p − min skew)·rate + drift_p·i at slot i (drift in s/s); the true integer offset is
 * s(i) = round(x(i)). The receiver measures s at alignment instants and compensates
 * e = clamp(s, 0, {@code bufferBits}) until the next instant:
 * <ul>
 *   <li>{@link Mode#MARKERS}: a known pattern every {@code markerIntervalBits} channel bits (slots that are
 *       multiples of it) and when a channel is (re)trained after a failover;
 *   <li>{@link Mode#TRAINING}: once, when the channel starts carrying traffic (t = 0 or the failover).
 * </ul>
 * Where s ≠ e the deskewer delivers a neighbouring bit of the same channel — an independent uniformly
 * random bit — so each such slot is wrong with probability ½ (a <em>slip</em>). Skew within the buffer
 * and no drift is removed exactly. An offset outside [0, bufferBits] cannot be compensated: the channel
 * is reported <em>misaligned</em> and its slipped slots are counted, never silently realigned.
 * Marker overhead is not modelled (the channel rate is host rate / D).
 * Defaults (assumed, no source gives them): markers every 16,384 bits, a 64-bit buffer (30 ns at
 * 2.125 Gb/s, i.e. 6 m of core length mismatch at 50 ps/cm, [desk-microled-2026]).
 */
public record Deskew(Mode mode, long markerIntervalBits, int bufferBits) {
    public enum Mode { MARKERS, TRAINING }

    public static final Deskew DEFAULT = new Deskew(Mode.MARKERS, 16_384, 64);

    public Deskew {
        Require.notNull("deskew.mode", mode);
        Require.inRange("deskew.markerInterval", markerIntervalBits, 1, Long.MAX_VALUE / 4, "channel bits between alignment markers");
        Require.inRange("deskew.buffer", bufferBits, 0, 1 << 30, "deskew buffer depth in bits");
    }

    /** Result of {@link #slips}: slot ranges where s ≠ e, and whether s left [0, bufferBits]. */
    public record Slips(long[] slots, boolean misaligned) {
    }

    /**
     * Slip ranges within [from, to) for a channel with delay x(i) = x0 + driftBitsPerSlot·i bits, trained at
     * {@code from}.
     */
    public Slips slips(double x0, double driftBitsPerSlot, long from, long to) {
        if (from >= to) {
            return new Slips(Intervals.EMPTY, false);
        }
        long[] out = new long[16];
        int o = 0;
        boolean misaligned = false;
        long a = from;
        long eTrain = clamp(offset(x0, driftBitsPerSlot, from));
        long pieces = 0;
        while (a < to) {
            long v = offset(x0, driftBitsPerSlot, a);
            long b = Math.min(to, nextChange(x0, driftBitsPerSlot, a, v));
            if (++pieces > 50_000_000L) {
                throw new IllegalArgumentException("skew drift crosses " + pieces + " bit boundaries in the run — expected fewer"
                        + " than 5e7 (hint: drift is in seconds per second; 1e-6 s/s moves a channel one bit per million bits)");
            }
            if (v < 0 || v > bufferBits) {
                misaligned = true;
            }
            long[] slip;
            if (mode == Mode.TRAINING) {
                slip = v != eTrain ? new long[] {a, b} : Intervals.EMPTY;
            } else {
                long m1 = a == from ? a : ceilDiv(a, markerIntervalBits) * markerIntervalBits;
                long cut = Math.min(b, m1);
                long lastAlign = Math.max(from, floorDiv(a - 1, markerIntervalBits) * markerIntervalBits);
                long ePrev = clamp(offset(x0, driftBitsPerSlot, lastAlign));
                long[] tmp = new long[4];
                int t = 0;
                if (a < cut && v != ePrev) {
                    tmp[t++] = a;
                    tmp[t++] = cut;
                }
                if (cut < b && v != clamp(v)) {
                    tmp[t++] = cut;
                    tmp[t++] = b;
                }
                slip = Arrays.copyOf(tmp, t);
            }
            for (int i = 0; i < slip.length; i += 2) {
                if (o > 0 && out[o - 1] == slip[i]) {
                    out[o - 1] = slip[i + 1];
                } else {
                    if (o + 2 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[o++] = slip[i];
                    out[o++] = slip[i + 1];
                }
            }
            a = b;
        }
        return new Slips(Arrays.copyOf(out, o), misaligned);
    }

    private long clamp(long s) {
        return Math.max(0, Math.min(bufferBits, s));
    }

    /** round(x0 + d·i), halves rounded up. */
    static long offset(double x0, double d, long i) {
        return (long) Math.floor(x0 + d * i + 0.5);
    }

    /** First slot after a where the offset differs from v (Long.MAX_VALUE if never). */
    private static long nextChange(double x0, double d, long a, long v) {
        if (d == 0) {
            return Long.MAX_VALUE;
        }
        // boundary where x0 + d·i + 0.5 crosses v + 1 (d > 0) or v (d < 0)
        double target = d > 0 ? v + 1 : v;
        double i = (target - 0.5 - x0) / d;
        long guess = Math.max(a + 1, (long) Math.floor(i) - 1);
        while (offset(x0, d, guess) == v) {
            guess++;
        }
        while (guess - 1 > a && offset(x0, d, guess - 1) != v) {
            guess--;
        }
        return guess;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static long floorDiv(long a, long b) {
        return Math.floorDiv(a, b);
    }
}
