package org.mosaic.studies.claims;

import java.util.Locale;

/**
 * A claim's verdict from Mosaic's point value and its P5–P95 interval: it holds when the point and both ends of the
 * interval satisfy the claimed figure; it does not hold when none of them does; otherwise it holds only on part of the
 * plausible range, and the sentence names the deciding input's side of the break-even.
 *
 * @param kind the verdict: holds, holds only if, does not hold
 * @param text the sentence the table and the report print
 */
public record Verdict(Kind kind, String text) {
    /** The three verdicts. */
    public enum Kind {
        HOLDS("holds"), HOLDS_ONLY_IF("holds only if"), DOES_NOT_HOLD("does not hold on these assumptions");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * @param sense        how the metric is compared with the claimed figure
     * @param value        Mosaic's point value
     * @param p5           the interval's low end (the point value when nothing is ranged)
     * @param p95          its high end
     * @param deciding     the deciding input (null when none is ranged)
     * @param breakEven    its value at which the metric equals the claimed figure (null: none in range)
     * @param unit         the deciding input's unit
     * @param increasing   whether the metric grows with the deciding input
     */
    public static Verdict of(Sense sense, double value, double p5, double p95, String deciding, Double breakEven, String unit,
                             boolean increasing) {
        boolean v = sense.satisfiedBy(value);
        boolean lo = sense.satisfiedBy(Double.isFinite(p5) ? p5 : value);
        boolean hi = sense.satisfiedBy(Double.isFinite(p95) ? p95 : value);
        if (v && lo && hi) {
            return new Verdict(Kind.HOLDS, Kind.HOLDS.words());
        }
        if (!v && !lo && !hi) {
            return new Verdict(Kind.DOES_NOT_HOLD, Kind.DOES_NOT_HOLD.words());
        }
        if (deciding == null || breakEven == null) {
            return new Verdict(Kind.HOLDS_ONLY_IF, Kind.HOLDS_ONLY_IF.words() + " the inputs fall in part of their ranges"
                    + (v ? " (it holds at the assumed values)" : " (not at the assumed values)"));
        }
        // the side of the break-even on which the metric meets the figure
        boolean above = sense.wantsHigher(value) == increasing;
        return new Verdict(Kind.HOLDS_ONLY_IF, String.format(Locale.ROOT, "%s %s %s %s%s", Kind.HOLDS_ONLY_IF.words(), deciding,
                above ? ">=" : "<=", num(breakEven), unit.isEmpty() ? "" : " " + unit));
    }

    static String num(double x) {
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
