package org.mosaic.cluster.training;

import java.util.Locale;

/**
 * The alpha-beta cost of one communication step between two ranks: a message of n bytes takes
 * α + n/B seconds ([thakur-2005], [megatron-lm]). B is the bandwidth one rank can drive in one direction
 * at the same time as it receives (full duplex), the quantity NCCL's bus bandwidth is compared with ([nccl-tests-perf]).
 *
 * @param latencySeconds          α, per-step latency (s), ≥ 0
 * @param bandwidthBytesPerSecond B, per-rank unidirectional bandwidth (B/s), &gt; 0
 */
public record LinkCost(double latencySeconds, double bandwidthBytesPerSecond) {

    public LinkCost {
        if (!(latencySeconds >= 0 && Double.isFinite(latencySeconds))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "latency %s s — expected a finite value ≥ 0 in seconds (hint: 5 µs is 5e-6)", latencySeconds));
        }
        if (!(bandwidthBytesPerSecond > 0 && Double.isFinite(bandwidthBytesPerSecond))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bandwidth %s B/s — expected a positive finite value in bytes per second (hint: 400 Gb/s is 50e9 B/s)",
                    bandwidthBytesPerSecond));
        }
    }

    /** β = 1/B, seconds per byte. */
    public double secondsPerByte() {
        return 1 / bandwidthBytesPerSecond;
    }

    /** Time of one step carrying {@code bytes}: α + bytes/B. */
    public double stepSeconds(double bytes) {
        return latencySeconds + bytes / bandwidthBytesPerSecond;
    }
}
