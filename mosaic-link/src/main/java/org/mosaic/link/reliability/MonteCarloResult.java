package org.mosaic.link.reliability;

import java.util.List;

/**
 * Estimates of the {@link ReliabilityMonteCarlo} with 95 % confidence intervals, for comparison with the
 * analytic {@link ReliabilityResult} of the same spec.
 *
 * @param chunkTrials trials per random stream (the stream of chunk c is the c-th split of the RELIABILITY
 *                    stream, so the result does not depend on the number of threads)
 * @param reliabilityAtServiceLife    fraction of cables still working at T (with spares)
 * @param reliabilityWithoutSpares    the same for the cable without spares, from the same sampled failure times
 *                                    (the first k channels of each direction)
 * @param exhaustedWithinServiceLife  fraction of cables whose spares ran out (in some direction) by T,
 *                                    common-mode failures ignored
 * @param exhaustionQuantiles         empirical quantiles of the exhaustion time at
 *                                    {@link CableReliability#EXHAUSTION_QUANTILES}
 */
public record MonteCarloResult(long trials, long seed, int chunkTrials, Proportion reliabilityAtServiceLife,
                               Proportion reliabilityWithoutSpares, Proportion exhaustedWithinServiceLife,
                               Mean mttfHours, Mean mttfWithoutSparesHours,
                               List<QuantileEstimate> exhaustionQuantiles) {
    public MonteCarloResult {
        exhaustionQuantiles = List.copyOf(exhaustionQuantiles);
    }

    /** A proportion with its Wilson score 95 % interval. */
    public record Proportion(long successes, long trials, double estimate, double lower95, double upper95) {
    }

    /** A sample mean with its standard error and CLT 95 % interval (± 1.96 SE). */
    public record Mean(double estimate, double standardError, double lower95, double upper95) {
    }

    /**
     * An empirical quantile (the ⌈Nq⌉-th smallest sample) with a distribution-free 95 % interval between two
     * order statistics (normal approximation to the binomial count of samples below the true quantile).
     */
    public record QuantileEstimate(double probability, double timeHours, double lower95Hours, double upper95Hours) {
    }
}
