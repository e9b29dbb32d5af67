package org.mosaic.datapath.channel;

import org.mosaic.datapath.Require;

/**
 * A failure of one physical channel from {@code startSeconds} on.
 * <ul>
 *   <li>{@link Kind#DEAD}: the receiver sees random bits (independent of the data, so each bit is wrong with
 *       probability ½);
 *   <li>{@link Kind#STUCK_AT_0} / {@link Kind#STUCK_AT_1}: the receiver sees a constant; a bit is wrong where
 *       the data differs (the bit-exact engine models this literally; for uniformly random codeword bits
 *       it is an error with probability ½, which is how the error-event and importance engines treat it);
 *   <li>{@link Kind#FLAPPING}: dead for {@code onSeconds}, then good for {@code offSeconds}, periodically;
 *   <li>{@link Kind#DEGRADED}: from {@code startSeconds} on, the channel's good-state BER is {@code degradedBer}
 *       (an emitter or receiver that wears out: still carrying data, with more errors). The fault detection does not
 *       see it (no loss of signal, no stuck level); only the BER monitor ({@link BerMonitor}) can remap it.
 * </ul>
 */
public record ChannelFault(int physicalChannel, Kind kind, double startSeconds, double onSeconds, double offSeconds,
                           double degradedBer) {
    public enum Kind { DEAD, STUCK_AT_0, STUCK_AT_1, FLAPPING, DEGRADED }

    public ChannelFault {
        Require.inRange("fault.channel", physicalChannel, 0, Integer.MAX_VALUE, "a physical channel index (data 0..D−1, spares after)");
        Require.notNull("fault.kind", kind);
        Require.finiteAtLeast("fault.start", startSeconds, 0, "seconds from the start of the run");
        if (kind == Kind.FLAPPING) {
            Require.positive("fault.on", onSeconds, "how long each dead phase of a flapping channel lasts");
            Require.finiteAtLeast("fault.off", offSeconds, 0, "how long each good phase of a flapping channel lasts");
        }
        if (kind == Kind.DEGRADED) {
            Require.probability("fault.ber", degradedBer, 0.5, "the channel's BER once degraded, in [0, 0.5]");
        }
    }

    /** The other kinds, without a degraded BER. */
    public ChannelFault(int physicalChannel, Kind kind, double startSeconds, double onSeconds, double offSeconds) {
        this(physicalChannel, kind, startSeconds, onSeconds, offSeconds, 0);
    }

    /** A channel whose good-state BER becomes {@code ber} at {@code startSeconds} (found only by the BER monitor). */
    public static ChannelFault degraded(int channel, double ber, double startSeconds) {
        return new ChannelFault(channel, Kind.DEGRADED, startSeconds, 0, 0, ber);
    }

    /** Whether this is a BER degradation (not a loss of the signal). */
    public boolean degrades() {
        return kind == Kind.DEGRADED;
    }

    public static ChannelFault dead(int channel, double startSeconds) {
        return new ChannelFault(channel, Kind.DEAD, startSeconds, 0, 0);
    }

    public static ChannelFault stuck(int channel, int value, double startSeconds) {
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException("stuck value = " + value + " — expected 0 or 1");
        }
        return new ChannelFault(channel, value == 0 ? Kind.STUCK_AT_0 : Kind.STUCK_AT_1, startSeconds, 0, 0);
    }

    public static ChannelFault flapping(int channel, double startSeconds, double onSeconds, double offSeconds) {
        return new ChannelFault(channel, Kind.FLAPPING, startSeconds, onSeconds, offSeconds);
    }

    /** Whether the receiver sees a constant (stuck) rather than random bits. */
    public boolean stuck() {
        return kind == Kind.STUCK_AT_0 || kind == Kind.STUCK_AT_1;
    }

    public int stuckValue() {
        return kind == Kind.STUCK_AT_1 ? 1 : 0;
    }

    /**
     * The health monitor declares this channel failed {@code latency} seconds after the start of a bad phase
     * that lasts at least that long; a flapping channel whose dead phases are shorter is never declared failed
     * (its errors keep reaching the FEC). Returns +∞ if never.
     */
    public double detectionSeconds(double latencySeconds) {
        if (kind == Kind.DEGRADED) {
            return Double.POSITIVE_INFINITY; // the fault detection sees no loss of signal; see BerMonitor
        }
        if (kind != Kind.FLAPPING || onSeconds >= latencySeconds) {
            return startSeconds + latencySeconds;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The bad phases as slot ranges within [0, endSlot), for a channel bit rate. */
    public long[] badSlots(double rateBitsPerSecond, long endSlot) {
        if (kind == Kind.DEGRADED) {
            return Intervals.EMPTY; // its bits are not random: the segment's BER changes instead (LinkTimeline)
        }
        long start = Slots.atOrAfter(startSeconds, rateBitsPerSecond);
        if (kind != Kind.FLAPPING) {
            return Intervals.clip(new long[] {start, Long.MAX_VALUE}, 0, endSlot);
        }
        double period = onSeconds + offSeconds;
        long phases = (long) Math.ceil(Math.max(0, endSlot / rateBitsPerSecond - startSeconds) / period) + 1;
        if (phases > 50_000_000L) {
            throw new IllegalArgumentException("flapping channel " + physicalChannel + " has " + phases + " dead phases in the run"
                    + " — expected at most 5e7 (hint: a longer on + off period or a shorter run)");
        }
        long[] out = new long[(int) (2 * phases)];
        int o = 0;
        for (long j = 0; j < phases; j++) {
            double t0 = startSeconds + j * period;
            out[o++] = Slots.atOrAfter(t0, rateBitsPerSecond);
            out[o++] = Slots.atOrAfter(t0 + onSeconds, rateBitsPerSecond);
        }
        return Intervals.clip(Intervals.normalize(out), 0, endSlot);
    }
}
