package org.mosaic.datapath;

/**
 * A ratio with its two-sided 95 % confidence interval. For counts: Clopper–Pearson (exact binomial);
 * for importance sampling: normal, from the variance of the weighted indicator. When a value is exact
 * (analytic), ciLow = ciHigh = value.
 */
public record Estimate(double value, double ciLow, double ciHigh) {
    public Estimate {
        if (!(ciLow <= value && value <= ciHigh) && !(Double.isNaN(value))) {
            throw new IllegalArgumentException("estimate " + value + " outside its interval [" + ciLow + ", " + ciHigh + "]");
        }
    }

    public static Estimate exact(double v) {
        return new Estimate(v, v, v);
    }

    /** (ciHigh − ciLow) / 2 / value: the relative half-width (∞ for a zero estimate). */
    public double relativeHalfWidth() {
        return value == 0 ? Double.POSITIVE_INFINITY : (ciHigh - ciLow) / 2 / value;
    }

    /** Whether x lies in [ciLow, ciHigh]. */
    public boolean covers(double x) {
        return x >= ciLow && x <= ciHigh;
    }
}
