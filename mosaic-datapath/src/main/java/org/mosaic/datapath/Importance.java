package org.mosaic.datapath;

/**
 * Settings of the importance sampler: it stops when the 95 % confidence half-width of the codeword
 * failure ratio is at most {@code targetRelativeHalfWidth} of the estimate (checked every 10,000
 * samples, after {@code minSamples}), or after {@code maxSamples}.
 *
 * <p>Two modes. A <b>snapshot</b> ({@code overRun = false}) evaluates the link in the state it is in at
 * {@code evaluationTimeSeconds} (channel assignment after any failover by then, dead channels dead), as a
 * stationary channel with independent errors. <b>Over the run</b> ({@code overRun = true}) evaluates the
 * run of {@code codewords} codewords as the other engines do: the run is cut into strata of superblocks
 * whose channel states are constant (before a fault, while it is undetected, after the failover), plus the
 * superblocks a change falls inside (their bit error probabilities taken bit by bit at each bit's slot); each
 * stratum is sampled until it meets the precision target on its own, and the estimates are combined with
 * the strata's shares of the codewords as weights (so the combined relative half-width meets the target
 * too, unless a stratum stops at its sample cap: {@code maxSamples} bounds the whole run, each of k strata
 * gets maxSamples / k, at least minSamples). {@code evaluationTimeSeconds} is not used in that mode.
 */
public record Importance(long minSamples, long maxSamples, double targetRelativeHalfWidth, double evaluationTimeSeconds,
                         boolean overRun) {
    public static final Importance DEFAULT = new Importance(20_000, 20_000_000, 0.05, 0);
    /** The defaults over the whole run (what {@code mosaic emulate --engine importance} uses). */
    public static final Importance OVER_RUN = new Importance(20_000, 20_000_000, 0.05, 0, true);
    /** At most this many strata over the run (each is sampled on its own): a few per fault is typical. */
    public static final int MAX_STRATA = 256;

    public Importance {
        Require.inRange("importance.minSamples", minSamples, 1, Long.MAX_VALUE / 2, null);
        Require.inRange("importance.maxSamples", maxSamples, minSamples, Long.MAX_VALUE / 2, "at least minSamples");
        Require.probability("importance.targetRelativeHalfWidth", targetRelativeHalfWidth, 1, "0.1 for ±10 % at 95 %");
        Require.finiteAtLeast("importance.evaluationTime", evaluationTimeSeconds, 0, "seconds from the start of the run");
    }

    /** A snapshot at {@code evaluationTimeSeconds}. */
    public Importance(long minSamples, long maxSamples, double targetRelativeHalfWidth, double evaluationTimeSeconds) {
        this(minSamples, maxSamples, targetRelativeHalfWidth, evaluationTimeSeconds, false);
    }
}
