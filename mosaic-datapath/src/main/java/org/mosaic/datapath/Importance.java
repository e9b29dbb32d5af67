package org.mosaic.datapath;

/**
 * Settings of the importance sampler: it stops when the 95 % confidence half-width of the codeword
 * failure ratio is at most {@code targetRelativeHalfWidth} of the estimate (checked every 10,000
 * samples, after {@code minSamples}), or after {@code maxSamples}. It evaluates the link in the state it
 * is in at {@code evaluationTimeSeconds} (channel assignment after any failover by then, dead channels
 * dead), as a stationary channel with independent errors.
 */
public record Importance(long minSamples, long maxSamples, double targetRelativeHalfWidth, double evaluationTimeSeconds) {
    public static final Importance DEFAULT = new Importance(20_000, 20_000_000, 0.05, 0);

    public Importance {
        Require.inRange("importance.minSamples", minSamples, 1, Long.MAX_VALUE / 2, null);
        Require.inRange("importance.maxSamples", maxSamples, minSamples, Long.MAX_VALUE / 2, "at least minSamples");
        Require.probability("importance.targetRelativeHalfWidth", targetRelativeHalfWidth, 1, "0.1 for ±10 % at 95 %");
        Require.finiteAtLeast("importance.evaluationTime", evaluationTimeSeconds, 0, "seconds from the start of the run");
    }
}
