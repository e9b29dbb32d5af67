package org.mosaic.studies.claims;

import java.util.Locale;

/**
 * How a claim's metric is held against its claimed figure: at least it, at most it, between two figures, or "about"
 * it. "About" is read as within {@link #ABOUT_TOLERANCE} of the figure: assumed (Mosaic developers), range 10–50 %;
 * the claims say "about" without a tolerance.
 *
 * @param kind  the comparison
 * @param low   the figure (the lower one for a range)
 * @param high  the upper figure of a range (NaN otherwise)
 */
public record Sense(Kind kind, double low, double high) {
    /** "About X" holds within ±25 % of X (assumed (Mosaic developers), range 10–50 %). */
    public static final double ABOUT_TOLERANCE = 0.25;

    /** The comparisons. */
    public enum Kind { AT_LEAST, ABOVE, AT_MOST, BETWEEN, ABOUT }

    public static Sense atLeast(double x) {
        return new Sense(Kind.AT_LEAST, x, Double.NaN);
    }

    /** Strictly more than {@code x} ("faster", "lower": equal is not enough). */
    public static Sense above(double x) {
        return new Sense(Kind.ABOVE, x, Double.NaN);
    }

    public static Sense atMost(double x) {
        return new Sense(Kind.AT_MOST, x, Double.NaN);
    }

    public static Sense between(double low, double high) {
        return new Sense(Kind.BETWEEN, low, high);
    }

    public static Sense about(double x) {
        return new Sense(Kind.ABOUT, x, Double.NaN);
    }

    public boolean satisfiedBy(double x) {
        if (!Double.isFinite(x)) {
            return false;
        }
        return switch (kind) {
            case AT_LEAST -> x >= low;
            case ABOVE -> x > low;
            case AT_MOST -> x <= low;
            case BETWEEN -> x >= low && x <= high;
            case ABOUT -> Math.abs(x - low) <= ABOUT_TOLERANCE * Math.abs(low);
        };
    }

    /** The figure a break-even aims at for a metric now at {@code value}: the claimed one, or the nearer end of a range. */
    public double target(double value) {
        return switch (kind) {
            case AT_LEAST, ABOVE, AT_MOST, ABOUT -> low;
            case BETWEEN -> Double.isFinite(value) && Math.abs(value - high) < Math.abs(value - low) ? high : low;
        };
    }

    /** Whether meeting the claim means raising the metric from {@code value}. */
    boolean wantsHigher(double value) {
        return switch (kind) {
            case AT_LEAST, ABOVE -> true;
            case AT_MOST -> false;
            case BETWEEN, ABOUT -> value < target(value);
        };
    }

    /** The figure as the table shows it: {@code >= 50}, {@code 6..12}, {@code ~20}. */
    public String text() {
        return switch (kind) {
            case AT_LEAST -> ">= " + Verdict.num(low);
            case ABOVE -> "> " + Verdict.num(low);
            case AT_MOST -> "<= " + Verdict.num(low);
            case BETWEEN -> Verdict.num(low) + ".." + Verdict.num(high);
            case ABOUT -> String.format(Locale.ROOT, "~%s (±%.0f %%)", Verdict.num(low), 100 * ABOUT_TOLERANCE);
        };
    }
}
