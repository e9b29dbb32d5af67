package org.mosaic.datapath.channel;

/** Time ↔ channel bit slot: slot i of every channel is sent at time i / channelRate (skew aside). */
public final class Slots {
    private Slots() {
    }

    /** The first slot sent at or after {@code seconds} (saturating at Long.MAX_VALUE). */
    public static long atOrAfter(double seconds, double rateBitsPerSecond) {
        double x = Math.ceil(seconds * rateBitsPerSecond - 1e-9);
        return x >= 9.2e18 ? Long.MAX_VALUE : Math.max(0L, (long) x);
    }

    public static double seconds(long slot, double rateBitsPerSecond) {
        return slot / rateBitsPerSecond;
    }
}
