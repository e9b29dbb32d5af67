package org.mosaic.studies.uncertainty;

import java.util.Arrays;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * The distribution of one output over an uncertainty sample: its P5, P50 and P95 with distribution-free 95 % intervals
 * (from the binomial distribution of the order statistics, e.g. Hahn and Meeker, "Statistical Intervals", 1991, §5.2),
 * mean and standard deviation. Points whose output is not finite (a refused point) are left out and counted.
 *
 * @param output  the output's name
 * @param n       finite outputs used
 * @param dropped outputs left out (not finite)
 */
public record Summary(String output, long n, long dropped, double mean, double sd, Quantile p5, Quantile p50,
                      Quantile p95, double min, double max) {
    /**
     * @param p     the probability (0.05, 0.5, 0.95)
     * @param value the sample quantile
     * @param low   the lower end of its 95 % interval (the sample minimum when n is too small for a bound)
     * @param high  the upper end
     */
    public record Quantile(double p, double value, double low, double high) {
    }

    public static Summary of(String output, double[] y) {
        double[] v = Arrays.stream(y).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            throw new IllegalArgumentException("no finite value of " + output + " to summarise");
        }
        double mean = Arrays.stream(v).average().orElseThrow();
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0;
        return new Summary(output, v.length, y.length - v.length, mean, sd, quantile(v, 0.05), quantile(v, 0.5),
                quantile(v, 0.95), v[0], v[v.length - 1]);
    }

    /** The sample quantile (linear between order statistics) and its 95 % order-statistic interval. */
    static Quantile quantile(double[] sorted, double p) {
        int n = sorted.length;
        double value = SobolIndices.percentile(sorted, p);
        if (n < 2) {
            return new Quantile(p, value, sorted[0], sorted[n - 1]);
        }
        BinomialDistribution count = new BinomialDistribution(n, p);
        // the interval [x_(l), x_(u)] (1-based) covers the true quantile with probability P(l <= K < u), K ~ Bin(n, p)
        int l = Math.max(0, count.inverseCumulativeProbability(0.025) - 1);
        int u = Math.min(n - 1, count.inverseCumulativeProbability(0.975));
        return new Quantile(p, value, sorted[l], sorted[u]);
    }
}
