package org.mosaic.sweep;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mosaic.studies.UsageException;

/**
 * One axis of a sweep, as the user wrote it after {@code --vary}: a key (a study input's name, or {@code INPUT.PATH} of
 * a document input) and either a range or a list of values.
 *
 * <ul>
 *   <li>{@code KEY=FROM..TO:STEP} — FROM, FROM+STEP, … up to TO (inclusive when STEP divides the span), e.g.
 *   {@code cable.fiber.length=10 m..50 m:10 m}. A part without a unit takes the unit the others carry
 *   ({@code 10..50:10 m}); the parts that carry one must carry the same one.</li>
 *   <li>{@code KEY=FROM..TO:Nlog} — N values spaced evenly in the logarithm from FROM to TO, both ends included
 *   ({@code ber=1e-12..1e-6:7log} is 1e-12, 1e-11, …, 1e-6); FROM and TO positive.</li>
 *   <li>{@code KEY=FROM..TO} and {@code KEY=FROM..TO:log} — a continuous range (uniform, or uniform in the logarithm):
 *   only with {@code --sample}.</li>
 *   <li>{@code KEY=v1,v2,...} — the values as written: numbers with units, words, preset names.</li>
 * </ul>
 *
 * <p>With {@code --sample lhs:N|sobol:N} an axis with levels (a list, a stepped range, an {@code Nlog} range) is
 * sampled over its levels, each equally likely; a continuous range over its span. Arithmetic is decimal, so a grid's
 * values are exactly FROM + k·STEP as written ({@code 0.1..0.3:0.1} gives 0.1, 0.2, 0.3).
 *
 * @param key    the key varied
 * @param text   the values as written after {@code =}
 */
public record Axis(String key, String text) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A number then an optional unit. */
    private static final Pattern QUANTITY = Pattern.compile(
            "\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*?)\\s*");
    private static final Pattern LOG_COUNT = Pattern.compile("\\s*(\\d+)?\\s*log\\s*");
    /** Significant digits of a sampled value as written (the row's DOUBLE column holds exactly this value). */
    static final MathContext DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);

    public Axis {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
        key = key.trim();
        text = text.trim();
    }

    /** {@code KEY=VALUES} as given to {@code --vary}; a malformed one is refused naming it. */
    public static Axis parse(String arg) {
        int eq = arg == null ? -1 : arg.indexOf('=');
        if (eq <= 0 || arg.substring(eq + 1).isBlank()) {
            throw new UsageException("--vary \"" + arg + "\": expected KEY=FROM..TO:STEP or KEY=v1,v2,... (e.g. --vary "
                    + "cable.fiber.length=10m..50m:10m, --vary cable.host.attachment=pluggable,cpo)");
        }
        Axis a = new Axis(arg.substring(0, eq), arg.substring(eq + 1));
        a.shape();   // refuses a malformed range at once
        return a;
    }

    /** The argument as given to {@code --vary}. */
    public String arg() {
        return key + "=" + text;
    }

    /** Whether the axis is a range ({@code FROM..TO...}) rather than a list. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isRange() {
        return text.contains("..");
    }

    /** A number with its unit as written. */
    record Quantity(BigDecimal number, String unit) {
        String written() {
            return written(number, unit);
        }

        static String written(BigDecimal n, String unit) {
            String s = plain(n);
            return unit.isEmpty() ? s : s + " " + unit;
        }
    }

    /** A number written without needless digits: {@code 20}, {@code 0.25}, {@code 1e-12}. */
    static String plain(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        if (s.signum() == 0) {
            return "0";
        }
        int exp = s.precision() - s.scale() - 1;
        return exp >= -4 && exp < 12 ? s.toPlainString() : s.toString().replace("E+", "e").replace('E', 'e');
    }

    static Quantity quantity(String text) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return new Quantity(new BigDecimal(m.group(1)), m.group(2).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The axis's shape, from its text alone: its levels (empty for a continuous range), its unit (empty for words and
     * for bare numbers), whether it is numeric, and for a range its span.
     */
    Shape shape() {
        if (isRange()) {
            return rangeShape();
        }
        List<String> values = new ArrayList<>();
        for (String v : text.split(",", -1)) {
            if (v.isBlank()) {
                throw new UsageException("--vary " + arg() + ": an empty value in the list: expected v1,v2,... with no empty "
                        + "entries (hint: remove the extra comma)");
            }
            values.add(v.trim());
        }
        // numeric when every value is a number and all carry the same unit (or none)
        String unit = null;
        boolean numeric = true;
        List<Double> numbers = new ArrayList<>();
        for (String v : values) {
            Quantity q = quantity(v);
            if (q == null || (unit != null && !unit.equals(q.unit()))) {
                numeric = false;
                break;
            }
            unit = q.unit();
            numbers.add(q.number().doubleValue());
        }
        return new Shape(List.copyOf(values), numeric ? numbers.stream().mapToDouble(Double::doubleValue).toArray() : null,
                numeric ? unit : "", false, Double.NaN, Double.NaN);
    }

    private Shape rangeShape() {
        int dots = text.indexOf("..");
        String fromText = text.substring(0, dots);
        String rest = text.substring(dots + 2);
        int colon = rest.indexOf(':');
        String toText = colon < 0 ? rest : rest.substring(0, colon);
        String stepText = colon < 0 ? null : rest.substring(colon + 1);
        Quantity from = quantity(fromText);
        Quantity to = quantity(toText);
        if (from == null || to == null) {
            throw new UsageException("--vary " + arg() + ": \"" + (from == null ? fromText.trim() : toText.trim())
                    + "\" is not a number: expected FROM..TO:STEP with numbers (and units), e.g. 10 m..50 m:10 m");
        }
        Matcher log = stepText == null ? null : LOG_COUNT.matcher(stepText);
        boolean isLog = log != null && log.matches();
        Quantity step = stepText == null || isLog ? null : quantity(stepText);
        if (stepText != null && !isLog && step == null) {
            throw new UsageException("--vary " + arg() + ": the step \"" + stepText.trim() + "\" is not a number: expected "
                    + "FROM..TO:STEP (e.g. 10 m..50 m:10 m) or FROM..TO:Nlog (e.g. 1e-12..1e-6:7log)");
        }
        String unit = commonUnit(from, to, step);
        BigDecimal f = from.number();
        BigDecimal t = to.number();
        if (f.compareTo(t) > 0) {
            throw new UsageException("--vary " + arg() + ": the range is empty (FROM " + from.written() + " is above TO "
                    + to.written() + "): expected FROM <= TO (hint: swap them)");
        }
        if (isLog) {
            if (f.signum() <= 0) {
                throw new UsageException("--vary " + arg() + ": a logarithmic range needs FROM > 0 (FROM is " + from.written()
                        + "): expected positive ends, e.g. 1e-12..1e-6:7log");
            }
            if (log.group(1) == null) {
                return new Shape(List.of(), null, unit, true, f.doubleValue(), t.doubleValue());
            }
            int n = Integer.parseInt(log.group(1));
            if (n < 1 || (n == 1 && f.compareTo(t) != 0)) {
                throw new UsageException("--vary " + arg() + ": " + n + "log gives no range: expected at least 2 values "
                        + "between FROM and TO (e.g. 7log)");
            }
            List<String> values = new ArrayList<>();
            double[] numbers = new double[n];
            double lf = Math.log10(f.doubleValue());
            double lt = Math.log10(t.doubleValue());
            for (int k = 0; k < n; k++) {
                BigDecimal v = k == 0 ? f : k == n - 1 ? t
                        : new BigDecimal(Math.pow(10, lf + (lt - lf) * k / (n - 1))).round(DIGITS);
                values.add(Quantity.written(v, unit));
                numbers[k] = v.doubleValue();
            }
            return new Shape(List.copyOf(values), numbers, unit, true, f.doubleValue(), t.doubleValue());
        }
        if (step == null) {
            return new Shape(List.of(), null, unit, false, f.doubleValue(), t.doubleValue());
        }
        BigDecimal s = step.number();
        if (s.signum() <= 0) {
            throw new UsageException("--vary " + arg() + ": the step " + step.written() + " is " + (s.signum() == 0 ? "zero"
                    : "negative") + ": expected a positive step (FROM <= TO, e.g. 10 m..50 m:10 m)");
        }
        BigDecimal count = t.subtract(f).divide(s, 0, RoundingMode.FLOOR).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(SweepSpec.HARD_MAX_POINTS)) > 0) {
            throw new UsageException("--vary " + arg() + ": " + count.toPlainString() + " values on one axis: more than any "
                    + "sweep may hold (" + SweepSpec.HARD_MAX_POINTS + "): expected a larger step");
        }
        int n = count.intValueExact();
        List<String> values = new ArrayList<>(n);
        double[] numbers = new double[n];
        for (int k = 0; k < n; k++) {
            BigDecimal v = f.add(s.multiply(BigDecimal.valueOf(k)));
            values.add(Quantity.written(v, unit));
            numbers[k] = v.doubleValue();
        }
        return new Shape(List.copyOf(values), numbers, unit, false, f.doubleValue(), t.doubleValue());
    }

    /** The unit the parts of a range carry: all that carry one carry the same one; bare parts take it. */
    private String commonUnit(Quantity... parts) {
        String unit = "";
        for (Quantity q : parts) {
            if (q == null || q.unit().isEmpty()) {
                continue;
            }
            if (!unit.isEmpty() && !unit.equals(q.unit())) {
                throw new UsageException("--vary " + arg() + ": the range mixes units \"" + unit + "\" and \"" + q.unit()
                        + "\": expected FROM, TO and STEP in one unit (hint: e.g. 10 m..50 m:10 m)");
            }
            unit = q.unit();
        }
        return unit;
    }

    /**
     * What an axis holds.
     *
     * @param levels  the values as they are assigned (with the unit), in order; empty for a continuous range
     * @param numbers the levels as numbers in {@code unit}, or null when the axis is not numeric
     * @param unit    the unit of the numbers (empty for bare numbers and for words)
     * @param log     whether a range is spaced (or sampled) in the logarithm
     * @param from    a range's lower end in {@code unit} (NaN for a list)
     * @param to      a range's upper end in {@code unit} (NaN for a list)
     */
    record Shape(List<String> levels, double[] numbers, String unit, boolean log, double from, double to) {
        boolean numeric() {
            return numbers != null || levels.isEmpty();
        }

        boolean continuous() {
            return levels.isEmpty();
        }

        /** The value at a point of the unit interval: a level chosen uniformly, or a value on the span. */
        String at(double u) {
            if (!continuous()) {
                int k = (int) Math.min(levels.size() - 1, Math.floor(u * levels.size()));
                return levels.get(k);
            }
            double v = log ? Math.pow(10, Math.log10(from) + u * (Math.log10(to) - Math.log10(from))) : from + u * (to - from);
            return Quantity.written(new BigDecimal(v).round(DIGITS), unit);
        }
    }
}
