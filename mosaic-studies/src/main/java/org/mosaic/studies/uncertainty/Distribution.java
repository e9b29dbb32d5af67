package org.mosaic.studies.uncertainty;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.mosaic.studies.UsageException;

/**
 * The plausible spread of one assumed input: what an uncertainty or sensitivity study draws it from. Values are in the
 * input's own unit. Written as text in a document's provenance and on the command line:
 * <ul>
 *   <li>{@code uniform(LOW, HIGH)} — any value in the range equally likely (a range with no preferred value);</li>
 *   <li>{@code loguniform(LOW, HIGH)} — uniform in the logarithm (a range spanning decades, e.g. FIT or BER);</li>
 *   <li>{@code triangular(LOW, MODE, HIGH)} — a range with a most likely value;</li>
 *   <li>{@code normal(MEAN, SD)} — a published value with its stated standard uncertainty; its P0.1–P99.9 is used as
 *       the range ends where one is needed (a tornado's bars).</li>
 * </ul>
 *
 * @param kind  the family
 * @param a     LOW (uniform, loguniform, triangular) or MEAN (normal)
 * @param b     HIGH (uniform, loguniform), MODE (triangular) or SD (normal)
 * @param c     HIGH (triangular); NaN otherwise
 */
public record Distribution(Kind kind, double a, double b, double c) {
    /** The families. */
    public enum Kind { UNIFORM, LOGUNIFORM, TRIANGULAR, NORMAL }

    private static final Pattern FORM = Pattern.compile("\\s*([a-zA-Z-]+)\\s*\\(([^)]*)\\)\\s*");
    private static final double NORMAL_TAIL = 1e-3;

    public Distribution {
        boolean finite = Double.isFinite(a) && Double.isFinite(b) && (kind != Kind.TRIANGULAR || Double.isFinite(c));
        switch (kind) {
            case UNIFORM -> require(finite && a < b, kind, a, b, c, "LOW < HIGH");
            case LOGUNIFORM -> require(finite && a > 0 && a < b, kind, a, b, c, "0 < LOW < HIGH");
            case TRIANGULAR -> require(finite && a <= b && b <= c && a < c, kind, a, b, c, "LOW <= MODE <= HIGH and LOW < HIGH");
            case NORMAL -> require(finite && b > 0, kind, a, b, c, "SD > 0");
            default -> throw new IllegalStateException();
        }
    }

    private static void require(boolean ok, Kind kind, double a, double b, double c, String what) {
        if (!ok) {
            throw new UsageException("the distribution " + text(kind, a, b, c) + " is not valid: expected " + what
                    + " (hint: e.g. uniform(0.05, 0.5), loguniform(1, 1000), triangular(3, 6, 10), normal(0.25, 0.02))");
        }
    }

    public static Distribution uniform(double low, double high) {
        return new Distribution(Kind.UNIFORM, low, high, Double.NaN);
    }

    public static Distribution logUniform(double low, double high) {
        return new Distribution(Kind.LOGUNIFORM, low, high, Double.NaN);
    }

    public static Distribution triangular(double low, double mode, double high) {
        return new Distribution(Kind.TRIANGULAR, low, mode, high);
    }

    public static Distribution normal(double mean, double sd) {
        return new Distribution(Kind.NORMAL, mean, sd, Double.NaN);
    }

    /**
     * Reads {@code uniform(0.05, 0.5)} and the other forms listed on the class.
     *
     * @throws UsageException naming the text, what was expected and an example
     */
    public static Distribution parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        String hint = " (hint: uniform(LOW, HIGH), loguniform(LOW, HIGH), triangular(LOW, MODE, HIGH) or normal(MEAN, SD), "
                + "numbers in the input's unit)";
        if (!m.matches()) {
            throw new UsageException("the distribution \"" + text + "\" is not understood: expected NAME(NUMBERS)" + hint);
        }
        String name = m.group(1).toLowerCase(Locale.ROOT).replace("-", "");
        String[] parts = m.group(2).trim().isEmpty() ? new String[0] : m.group(2).split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("the distribution \"" + text + "\" has \"" + parts[i].trim() + "\" where a number "
                        + "was expected" + hint);
            }
        }
        int want = switch (name) {
            case "uniform", "loguniform", "normal" -> 2;
            case "triangular" -> 3;
            default -> throw new UsageException("the distribution \"" + text + "\" is of an unknown family \"" + m.group(1)
                    + "\": expected uniform, loguniform, triangular or normal" + hint);
        };
        if (v.length != want) {
            throw new UsageException("the distribution \"" + text + "\" has " + v.length + " numbers: " + name + " takes "
                    + want + hint);
        }
        return switch (name) {
            case "uniform" -> uniform(v[0], v[1]);
            case "loguniform" -> logUniform(v[0], v[1]);
            case "triangular" -> triangular(v[0], v[1], v[2]);
            default -> normal(v[0], v[1]);
        };
    }

    /** The value at cumulative probability {@code u} in [0, 1] (the inverse CDF): how a design's unit point maps. */
    public double quantile(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw new IllegalArgumentException("probability " + u + " outside [0, 1]");
        }
        return switch (kind) {
            case UNIFORM -> a + u * (b - a);
            case LOGUNIFORM -> Math.exp(Math.log(a) + u * (Math.log(b) - Math.log(a)));
            case TRIANGULAR -> {
                double f = (b - a) / (c - a);
                yield u < f ? a + Math.sqrt(u * (c - a) * (b - a)) : c - Math.sqrt((1 - u) * (c - a) * (c - b));
            }
            case NORMAL -> new NormalDistribution(a, b).inverseCumulativeProbability(
                    Math.min(1 - 1e-15, Math.max(1e-15, u)));
        };
    }

    /** The lower end of the plausible range: LOW, or a normal's P0.1. */
    public double low() {
        return kind == Kind.NORMAL ? quantile(NORMAL_TAIL) : a;
    }

    /** The upper end: HIGH, or a normal's P99.9. */
    public double high() {
        return switch (kind) {
            case NORMAL -> quantile(1 - NORMAL_TAIL);
            case TRIANGULAR -> c;
            default -> b;
        };
    }

    /** Whether {@code x} lies in the plausible range (a normal's: its P0.1–P99.9). */
    public boolean contains(double x) {
        return x >= low() && x <= high();
    }

    @Override
    public String toString() {
        return text(kind, a, b, c);
    }

    private static String text(Kind kind, double a, double b, double c) {
        return switch (kind) {
            case UNIFORM -> "uniform(" + num(a) + ", " + num(b) + ")";
            case LOGUNIFORM -> "loguniform(" + num(a) + ", " + num(b) + ")";
            case TRIANGULAR -> "triangular(" + num(a) + ", " + num(b) + ", " + num(c) + ")";
            case NORMAL -> "normal(" + num(a) + ", " + num(b) + ")";
        };
    }

    private static String num(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
    }
}
