package org.mosaic.cluster.training.goodput;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A Monte Carlo mean with its spread: the sample mean of {@code samples} independent trials, their sample standard
 * deviation, and confidence intervals mean ± t_{n−1}·s/√n (Student t; the trial outcomes here are sums of many
 * events, so their means are close to normal).
 *
 * @param mean              sample mean
 * @param standardDeviation sample standard deviation (n − 1 in the denominator)
 * @param samples           number of trials (≥ 2)
 */
public record Estimate(double mean, double standardDeviation, int samples) {

    public Estimate {
        if (samples < 2) {
            throw new IllegalArgumentException("samples " + samples + " — expected at least 2 for a standard deviation");
        }
        if (!Double.isFinite(mean) || !(standardDeviation >= 0 && Double.isFinite(standardDeviation))) {
            throw new IllegalArgumentException("estimate mean " + mean + ", standard deviation " + standardDeviation
                    + " — expected finite values, the deviation >= 0");
        }
    }

    /** The estimate of the given values. */
    public static Estimate of(double[] values) {
        int n = values.length;
        if (n < 2) {
            throw new IllegalArgumentException("values " + n + " — expected at least 2 for a standard deviation");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new Estimate(mean, Math.sqrt(ss / (n - 1)), n);
    }

    /** Standard error of the mean, s/√n. */
    public double standardError() {
        return standardDeviation / Math.sqrt(samples);
    }

    /** Half-width of the two-sided interval at {@code confidence} (e.g. 0.95). */
    public double halfWidth(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " — expected a probability in (0, 1), e.g. 0.95");
        }
        return new TDistribution(samples - 1).inverseCumulativeProbability(0.5 + confidence / 2) * standardError();
    }

    /** Lower end of the 95 % interval. */
    public double lower95() {
        return mean - halfWidth(0.95);
    }

    /** Upper end of the 95 % interval. */
    public double upper95() {
        return mean + halfWidth(0.95);
    }

    /** Whether {@code value} lies in the two-sided interval at {@code confidence}. */
    public boolean contains(double value, double confidence) {
        return Math.abs(value - mean) <= halfWidth(confidence);
    }
}
