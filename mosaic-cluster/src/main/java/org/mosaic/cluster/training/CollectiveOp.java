package org.mosaic.cluster.training;

import java.util.Locale;

/**
 * Collective operations with the NCCL bus-bandwidth convention ([nccl-tests-perf], from
 * nccl-tests {@code doc/PERFORMANCE.md}): algbw = S / t, busbw = algbw × factor(n), the factor chosen so that
 * busbw of an ideal ring equals the per-rank link bandwidth whatever the rank count n. S is the per-rank buffer:
 * the full (reduced or gathered) buffer for all-reduce, reduce-scatter and all-gather, the whole send buffer
 * for all-to-all.
 */
public enum CollectiveOp {
    /** Factor 2(n−1)/n. */
    ALL_REDUCE,
    /** All-reduce with in-network reduction (NVLink SHARP / SHARP): factor (n−1)/(n+1) as nccl-tests states it. */
    ALL_REDUCE_IN_NETWORK,
    /** Factor (n−1)/n. */
    REDUCE_SCATTER,
    /** Factor (n−1)/n. */
    ALL_GATHER,
    /** Factor (n−1)/n. */
    ALL_TO_ALL,
    /** Factor 1. */
    BROADCAST,
    /** Factor 1. */
    REDUCE;

    /** The algbw → busbw factor for {@code ranks} ranks. */
    public double busBandwidthFactor(int ranks) {
        if (ranks < 1) {
            throw new IllegalArgumentException("ranks " + ranks + " — expected at least 1");
        }
        double n = ranks;
        return switch (this) {
            case ALL_REDUCE -> 2 * (n - 1) / n;
            case ALL_REDUCE_IN_NETWORK -> (n - 1) / (n + 1);
            case REDUCE_SCATTER, ALL_GATHER, ALL_TO_ALL -> (n - 1) / n;
            case BROADCAST, REDUCE -> 1;
        };
    }

    /** Algorithm bandwidth S / t (B/s). */
    public static double algorithmBandwidth(double bytes, double seconds) {
        if (!(bytes >= 0 && Double.isFinite(bytes))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "buffer %s B — expected a finite size ≥ 0 in bytes", bytes));
        }
        if (!(seconds > 0 && Double.isFinite(seconds))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "time %s s — expected a positive finite time in seconds", seconds));
        }
        return bytes / seconds;
    }

    /** Bus bandwidth: {@link #algorithmBandwidth} × {@link #busBandwidthFactor} (B/s). */
    public double busBandwidth(int ranks, double bytes, double seconds) {
        return algorithmBandwidth(bytes, seconds) * busBandwidthFactor(ranks);
    }

    /**
     * The time an operation on {@code bytes} takes when it runs at bus bandwidth {@code busBytesPerSecond}, the
     * inverse of {@link #busBandwidth}: S × factor / busbw. Lets a measured busbw (e.g. [astra-sim], [nccl-tests-290], [aiconfigurator-477]) be used as a cost.
     */
    public double secondsAtBusBandwidth(int ranks, double bytes, double busBytesPerSecond) {
        if (!(busBytesPerSecond > 0 && Double.isFinite(busBytesPerSecond))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bus bandwidth %s B/s — expected a positive finite value in bytes per second", busBytesPerSecond));
        }
        return bytes * busBandwidthFactor(ranks) / busBytesPerSecond;
    }
}
