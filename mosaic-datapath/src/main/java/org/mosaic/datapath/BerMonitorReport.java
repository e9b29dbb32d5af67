package org.mosaic.datapath;

import java.util.List;

/**
 * What the BER health monitor ({@link org.mosaic.datapath.channel.BerMonitor}) did in one emulation: its settings and
 * the channels it remapped to spares, in time order. Absent (null) when the monitor is off.
 *
 * @param thresholdBer  BER at or above which a channel is declared degraded
 * @param windowSeconds the counting window, which is also its detection latency for a channel degraded from the start
 * @param remapped      the remaps it caused
 */
public record BerMonitorReport(double thresholdBer, double windowSeconds, List<Remap> remapped) {
    public BerMonitorReport {
        remapped = List.copyOf(remapped);
    }

    /**
     * One remap.
     *
     * @param logicalChannel  the data channel whose traffic moved
     * @param fromPhysical    the degraded physical channel
     * @param toPhysical      the spare that took the traffic (−1: none left; the traffic stayed)
     * @param channelBer      the degraded channel's long-run BER that the monitor saw (bursts at their average)
     * @param degradedSeconds when its BER reached that value (0: from the start of the run)
     * @param switchSeconds   when the monitor declared it and the gearbox switched
     */
    public record Remap(int logicalChannel, int fromPhysical, int toPhysical, double channelBer, double degradedSeconds,
                        double switchSeconds) {
    }
}
