package org.mosaic.datapath.engine;

import org.hipparchus.distribution.continuous.BetaDistribution;
import org.mosaic.datapath.Estimate;

/** Confidence intervals used by the engines (two-sided, 95 %). */
public final class Stats {
    /** z for a two-sided 95 % normal interval. */
    public static final double Z95 = 1.959963984540054;
    private static final double ALPHA = 0.05;

    private Stats() {
    }

    /** x successes in n trials: ratio x/n with its Clopper–Pearson (exact binomial) interval. */
    public static Estimate clopperPearson(long x, long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("trials = " + n + " — expected > 0");
        }
        if (x < 0 || x > n) {
            throw new IllegalArgumentException("successes = " + x + " — expected in [0, " + n + "]");
        }
        double p = (double) x / n;
        double lo = x == 0 ? 0 : new BetaDistribution(x, n - x + 1.0).inverseCumulativeProbability(ALPHA / 2);
        double hi = x == n ? 1 : (x == 0 ? -Math.expm1(Math.log(ALPHA / 2) / n)
                : new BetaDistribution(x + 1.0, (double) (n - x)).inverseCumulativeProbability(1 - ALPHA / 2));
        return new Estimate(p, Math.min(lo, p), Math.max(hi, p));
    }

    /**
     * Mean of N samples from their sum and sum of squares, with the normal interval mean ± z·s/√N
     * (s² the unbiased sample variance), the lower end clipped at 0.
     */
    public static Estimate weightedMean(double sum, double sumSquares, long samples) {
        if (samples <= 0) {
            throw new IllegalArgumentException("samples = " + samples + " — expected > 0");
        }
        double mean = sum / samples;
        double variance = samples > 1 ? Math.max(0, (sumSquares - samples * mean * mean) / (samples - 1)) : 0;
        double half = Z95 * Math.sqrt(variance / samples);
        return new Estimate(mean, Math.max(0, mean - half), mean + half);
    }
}
