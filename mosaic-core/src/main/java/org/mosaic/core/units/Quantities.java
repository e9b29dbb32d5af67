package org.mosaic.core.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats strings with units ({@code "2 Gb/s"}, {@code "450 nm"}, {@code "-27 dBm"}) to and
 * from SI values in {@code double}. Prefixes are decimal; case matters ({@code Gb/s} is not {@code GB/s},
 * {@code MHz} is not {@code mHz}).
 */
public final class Quantities {
    private static final String SPACE = "[\\s\\u00A0\\u2009\\u202F]";
    /** Optional sign, decimals, optional exponent; then the unit, possibly after whitespace. */
    private static final Pattern QUANTITY = Pattern.compile(
            "^" + SPACE + "*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)" + SPACE + "*(.*?)" + SPACE + "*$",
            Pattern.DOTALL);
    private static final Pattern SPACE_BETWEEN_NAMES = Pattern.compile("(?<=[A-Za-z)])" + SPACE + "+(?=[A-Za-z(√])");
    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_UP);

    /** Converts the number of a quantity, as written, to SI. */
    @FunctionalInterface
    private interface Scale {
        double toSi(BigDecimal number);
    }

    /** A unit used for output: value shown = SI / 10^exp, chosen when |SI| >= 10^fromExp. */
    private record Shown(String symbol, int exp, int fromExp) {
    }

    /** Hours in a year as reliability arithmetic counts them (365 days). */
    public static final double HOURS_PER_YEAR = 8760;
    private static final BigDecimal ELECTRON_VOLT = new BigDecimal("1.602176634e-19"); // exact (SI 2019)
    private static final BigDecimal ZERO_CELSIUS = new BigDecimal("273.15");
    private static final BigDecimal SECONDS_PER_GIGAHOUR = new BigDecimal("3.6e12");
    private static final Map<Dimension, Map<String, Scale>> SPELLINGS = new EnumMap<>(Dimension.class);
    private static final Map<Dimension, List<Shown>> SHOWN = new EnumMap<>(Dimension.class);

    static {
        for (Dimension d : Dimension.values()) {
            SPELLINGS.put(d, new HashMap<>());
            SHOWN.put(d, new ArrayList<>());
        }
        prefixed(Dimension.LENGTH, "pnumc_k", "m", 1);
        prefixed(Dimension.TIME, "fpnum_", "s", 1);
        for (String min : List.of("min", "minutes", "minute")) {
            linearScaled(Dimension.TIME, min, 60);
        }
        for (String h : List.of("h", "hours", "hour", "hr")) {
            linearScaled(Dimension.TIME, h, 3600);
        }
        for (String d : List.of("d", "days", "day")) {
            linearScaled(Dimension.TIME, d, 86_400);
        }
        // A year is 8,760 hours (365 days), the convention of AFR = FIT x 8,760 / 1e9 ((standard constant-hazard FIT/AFR definitions)).
        for (String y : List.of("years", "year", "yr", "y")) {
            linearScaled(Dimension.TIME, y, HOURS_PER_YEAR * 3600);
        }
        for (String bit : List.of("J/bit", "J/b")) {
            prefixed(Dimension.ENERGY_PER_BIT, "fpnum_", bit, 1);
        }
        for (String ev : List.of("eV", "meV")) {
            BigDecimal f = ELECTRON_VOLT.scaleByPowerOfTen(ev.startsWith("m") ? -3 : 0);
            accept(Dimension.ENERGY, ev, n -> n.multiply(f).doubleValue());
        }
        prefixed(Dimension.ENERGY, "fpnum_k", "J", 1);
        for (String c : List.of("C", "°C", "degC", "celsius")) {
            accept(Dimension.TEMPERATURE, c, n -> n.add(ZERO_CELSIUS).doubleValue());
        }
        accept(Dimension.TEMPERATURE, "K", BigDecimal::doubleValue);
        for (String fit : List.of("FIT", "fit")) {
            accept(Dimension.FAILURE_RATE, fit, n -> n.divide(SECONDS_PER_GIGAHOUR, MathContext.DECIMAL64).doubleValue());
        }
        for (String perHour : List.of("/h", "1/h", "/hour")) {
            accept(Dimension.FAILURE_RATE, perHour, n -> n.divide(BigDecimal.valueOf(3600), MathContext.DECIMAL64).doubleValue());
        }
        prefixed(Dimension.FREQUENCY, "_kMGT", "Hz", 1);
        for (String bits : List.of("b/s", "bit/s", "bps")) {
            prefixed(Dimension.DATA_RATE, "_kMGT", bits, 1);
        }
        prefixed(Dimension.DATA_RATE, "_kMGT", "B/s", 8);
        prefixed(Dimension.POWER, "fpnum_k", "W", 1);
        accept(Dimension.POWER, "dBm", n -> dbmToWatts(n.doubleValue()));
        accept(Dimension.POWER, "dBW", n -> Math.pow(10, n.doubleValue() / 10));
        prefixed(Dimension.CURRENT, "fpnum_", "A", 1);
        for (String root : List.of("/sqrt(Hz)", "/sqrtHz", "/√Hz", "/√(Hz)", "/rtHz")) {
            prefixed(Dimension.NOISE_CURRENT_DENSITY, "fpnum_", "A" + root, 1);
        }
        linear(Dimension.ATTENUATION, "dB/m", 0);
        linear(Dimension.ATTENUATION, "dB/km", -3);
        linear(Dimension.ATTENUATION, "dB/cm", 2);
        linear(Dimension.ATTENUATION, "dB/mm", 3);
        linear(Dimension.DECIBEL, "dB", 0);
        for (char hz : "_kMGT".toCharArray()) {
            for (String spelling : spellings(hz)) {
                linear(Dimension.BANDWIDTH_LENGTH, spelling + "Hz*m", exponent(hz));
                linear(Dimension.BANDWIDTH_LENGTH, spelling + "Hz*km", exponent(hz) + 3);
            }
        }
        for (char p : "pnum_".toCharArray()) {
            for (String spelling : spellings(p)) {
                linear(Dimension.RESPONSIVITY, spelling + "A/" + spelling + "W", 0);
            }
        }
        for (String s : List.of("ps/(nm*km)", "ps/(km*nm)", "ps/nm/km", "ps/km/nm")) {
            linear(Dimension.DISPERSION, s, -6);
        }
        for (String s : List.of("s/m^2", "s/m²", "s/m2")) {
            linear(Dimension.DISPERSION, s, 0);
        }
        linear(Dimension.FRACTION, "%", -2);
        linear(Dimension.FRACTION, "", 0);
        linear(Dimension.DIMENSIONLESS, "", 0);
        prefixed(Dimension.COMPUTE_RATE, "_kMGTP", "FLOP/s", 1);
        prefixed(Dimension.OPERATIONS, "_kMGTP", "FLOP", 1);
        prefixed(Dimension.DATA_SIZE, "_kMGTP", "B", 1);
        prefixed(Dimension.CAPACITANCE, "fpnum_", "F", 1);
        for (String root : List.of("/sqrt(Hz)", "/sqrtHz", "/√Hz", "/√(Hz)", "/rtHz")) {
            prefixed(Dimension.VOLTAGE_NOISE_DENSITY, "fpnum_", "V" + root, 1);
        }
        for (String s : List.of("/s", "1/s", "s^-1")) {
            linear(Dimension.RATE_CONSTANT, s, 0);
        }
        linear(Dimension.RATE_CONSTANT, "/ns", 9);
        linear(Dimension.RATE_CONSTANT, "1/ns", 9);
        linear(Dimension.RATE_CONSTANT, "/us", 6);
        linear(Dimension.RATE_CONSTANT, "1/us", 6);
        for (String s : List.of("cm^3/s", "cm3/s", "cm³/s")) {
            linear(Dimension.RECOMBINATION_B, s, -6);
        }
        for (String s : List.of("m^3/s", "m3/s", "m³/s")) {
            linear(Dimension.RECOMBINATION_B, s, 0);
        }
        for (String s : List.of("cm^6/s", "cm6/s", "cm⁶/s")) {
            linear(Dimension.RECOMBINATION_C, s, -12);
        }
        for (String s : List.of("m^6/s", "m6/s", "m⁶/s")) {
            linear(Dimension.RECOMBINATION_C, s, 0);
        }
        linear(Dimension.WAVELENGTH_PER_CURRENT, "nm/mA", -6);
        linear(Dimension.WAVELENGTH_PER_CURRENT, "nm/A", -9);
        linear(Dimension.WAVELENGTH_PER_CURRENT, "pm/mA", -9);
        linear(Dimension.WAVELENGTH_PER_CURRENT, "m/A", 0);

        shownPrefixed(Dimension.LENGTH, "pnum_k", "m");
        shownPrefixed(Dimension.TIME, "fpnum_", "s");
        shownPrefixed(Dimension.FREQUENCY, "_kMGT", "Hz");
        shownPrefixed(Dimension.DATA_RATE, "_kMGT", "b/s");
        shownPrefixed(Dimension.POWER, "fpnum_k", "W");
        shownPrefixed(Dimension.CURRENT, "fpnum_", "A");
        shownPrefixed(Dimension.NOISE_CURRENT_DENSITY, "fpnum_", "A/√Hz");
        shown(Dimension.ATTENUATION, "dB/km", -3, Integer.MIN_VALUE);
        shown(Dimension.ATTENUATION, "dB/m", 0, -2); // 0.2 dB/km for fibre, 0.2 dB/m for polymer
        shown(Dimension.DECIBEL, "dB", 0, Integer.MIN_VALUE);
        shownPrefixed(Dimension.BANDWIDTH_LENGTH, "_kMGT", "Hz·m");
        shown(Dimension.RESPONSIVITY, "A/W", 0, Integer.MIN_VALUE);
        shown(Dimension.DISPERSION, "ps/(nm·km)", -6, Integer.MIN_VALUE);
        shown(Dimension.FRACTION, "%", -2, Integer.MIN_VALUE);
        shown(Dimension.DIMENSIONLESS, "", 0, Integer.MIN_VALUE);
        shownPrefixed(Dimension.ENERGY_PER_BIT, "fpnu_", "J/bit");
        shown(Dimension.ENERGY, "J", 0, Integer.MIN_VALUE);
        shown(Dimension.TEMPERATURE, "K", 0, Integer.MIN_VALUE);
        shown(Dimension.FAILURE_RATE, "/s", 0, Integer.MIN_VALUE);
        shownPrefixed(Dimension.COMPUTE_RATE, "_kMGTP", "FLOP/s");
        shownPrefixed(Dimension.OPERATIONS, "_kMGTP", "FLOP");
        shownPrefixed(Dimension.DATA_SIZE, "_kMGTP", "B");
        shownPrefixed(Dimension.CAPACITANCE, "fpnum_", "F");
        shownPrefixed(Dimension.VOLTAGE_NOISE_DENSITY, "fpnum_", "V/√Hz");
        shown(Dimension.RATE_CONSTANT, "/s", 0, Integer.MIN_VALUE);
        shown(Dimension.RECOMBINATION_B, "cm^3/s", -6, Integer.MIN_VALUE);
        shown(Dimension.RECOMBINATION_C, "cm^6/s", -12, Integer.MIN_VALUE);
        shown(Dimension.WAVELENGTH_PER_CURRENT, "nm/mA", -6, Integer.MIN_VALUE);
    }


    private Quantities() {
    }

    /**
     * Parses a number with a unit of the given dimension, e.g. {@code parse("2 Gb/s", DATA_RATE)}.
     * Whitespace around the text and between number and unit is optional. Messages give the
     * dimension's generic example; use {@link #parse(String, Dimension, double)} when the value is for a
     * key whose typical magnitude is known, so that the example fits the key.
     *
     * @return the value in SI: metres, seconds, hertz, bit/s, watts (also for dBm/dBW input), amperes,
     *         A/√Hz, dB/m, dB (as given, not linear), Hz·m, A/W, s/m², a ratio (0.1 for {@code "10 %"})
     * @throws UnitException if the text is not a finite number followed by a unit this dimension accepts
     */
    public static double parse(String text, Dimension dim) {
        return parse(text, dim, Double.NaN);
    }

    /**
     * Like {@link #parse(String, Dimension)}, for a key whose typical value is {@code typicalSi} (its
     * default, or a value inside its range; NaN if unknown). Messages then give an example in the unit
     * that suits the key: a bare {@code "30"} for a fibre length gets {@code e.g. "30 m"}, not
     * {@code "30 nm"}; a rack power gets kW, not µW.
     */
    public static double parse(String text, Dimension dim, double typicalSi) {
        if (text == null) {
            throw new UnitException(null, dim, "no value given: " + dim.withArticle() + " needs "
                    + expected(dim, null, typicalSi).substring("expected ".length()));
        }
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            throw new UnitException(text, dim, quote(text) + " is not " + dim.withArticle() + ": " + expected(dim, null, typicalSi));
        }
        String number = m.group(1);
        String unit = normalize(m.group(2));
        Scale scale = SPELLINGS.get(dim).get(unit);
        if (scale == null) {
            throw new UnitException(text, dim, unknownUnit(text, dim, number, unit, typicalSi));
        }
        double si;
        try {
            si = scale.toSi(new BigDecimal(number));
        } catch (ArithmeticException | NumberFormatException e) { // exponent beyond BigDecimal's range
            si = Double.NaN;
        }
        if (!Double.isFinite(si)) {
            throw new UnitException(text, dim, quote(text) + " is out of range for " + dim.withArticle()
                    + ": expected a finite number (e.g. \"" + example(dim, typicalSi, null) + "\")");
        }
        return si;
    }

    /**
     * An example value for messages: {@code number} (or, when null, the typical value rounded to two
     * digits) in the unit {@link #format} shows {@code typicalSi} in, written the way users type it
     * ({@code u} for µ, {@code *} for ·). Without a typical value (NaN, zero or infinite) it is the
     * dimension's generic example and ignores {@code number} when the dimension has prefixed units:
     * attaching the user's number to a unit chosen without knowing the key gives absurd examples
     * ("30 nm" for a fibre length, "100 uW" for a rack's power).
     */
    public static String example(Dimension dim, double typicalSi, String number) {
        if (!Double.isFinite(typicalSi) || typicalSi == 0) {
            // with one unit (dB, %, a bare number) there is no prefix to get wrong, so the number is kept
            return number != null && dim.units().size() <= 1 ? dim.example(number) : dim.example();
        }
        double rounded = new BigDecimal(typicalSi).round(new MathContext(2, RoundingMode.HALF_UP)).doubleValue();
        String shown = format(rounded, dim).replace('µ', 'u').replace('·', '*');
        if (number == null) {
            return shown;
        }
        int space = shown.indexOf(' ');
        return space < 0 ? number : number + shown.substring(space);
    }

    /**
     * Formats an SI value with an engineering prefix and at most 4 significant digits, trailing zeros
     * trimmed: {@code format(2e9, DATA_RATE)} is {@code "2 Gb/s"}, {@code format(3e-4, POWER)} is
     * {@code "300 µW"}. Values far outside the prefixes use an exponent ({@code "1.5e-4 dB"}).
     * {@code parse(format(x, d), d)} equals {@code x} to 4 significant digits; NaN and infinities are
     * formatted but do not parse.
     */
    public static String format(double si, Dimension dim) {
        switch (dim) {
            case ENERGY:
                if (Math.abs(si) < 1e-15 && si != 0) {
                    return format(si / ELECTRON_VOLT.doubleValue(), Dimension.DIMENSIONLESS) + " eV";
                }
                break;
            case TEMPERATURE:
                if (si >= 173.15 && si <= 1273.15) {
                    return BigDecimal.valueOf(si).subtract(ZERO_CELSIUS).round(new MathContext(5))
                            .stripTrailingZeros().toPlainString() + " °C";
                }
                break;
            case FAILURE_RATE:
                return format(si * SECONDS_PER_GIGAHOUR.doubleValue(), Dimension.DIMENSIONLESS) + " FIT";
            case TIME:
                if (Math.abs(si) >= 1e5) {
                    return format(si / 3600, Dimension.DIMENSIONLESS) + " h";
                }
                break;
            default:
                break;
        }
        List<Shown> units = SHOWN.get(dim);
        if (!Double.isFinite(si) || si == 0) {
            Shown base = units.stream().filter(u -> u.exp() == 0).findFirst().orElse(units.get(0));
            return withUnit(Double.isFinite(si) ? "0" : Double.toString(si), base.symbol());
        }
        BigDecimal rounded = BigDecimal.valueOf(si).round(FOUR_DIGITS);
        int magnitude = rounded.precision() - rounded.scale() - 1; // floor(log10(|rounded|))
        Shown unit = units.get(0);
        for (Shown u : units) {
            if (u.fromExp() <= magnitude) {
                unit = u;
            }
        }
        BigDecimal shown = rounded.scaleByPowerOfTen(-unit.exp()).stripTrailingZeros();
        int exp = magnitude - unit.exp();
        String number = exp >= -3 && exp < 4
                ? shown.toPlainString()
                : shown.movePointLeft(exp).toPlainString() + "e" + exp;
        return withUnit(number, unit.symbol());
    }

    /** Converts a power in dBm to watts: {@code 0 dBm} is 1 mW. */
    public static double dbmToWatts(double dbm) {
        return 1e-3 * Math.pow(10, dbm / 10);
    }

    /** Converts a power in watts to dBm; 0 W gives negative infinity, a negative power NaN. */
    public static double wattsToDbm(double watts) {
        return 10 * Math.log10(watts) + 30;
    }

    private static String unknownUnit(String text, Dimension dim, String number, String unit, double typicalSi) {
        if (unit.isEmpty()) {
            return quote(text) + " has no unit: " + dim.withArticle() + " needs one of "
                    + String.join(", ", dim.units()) + " (e.g. \"" + example(dim, typicalSi, number) + "\")";
        }
        for (Dimension other : Dimension.values()) {
            if (SPELLINGS.get(other).containsKey(unit)) {
                return quote(text) + " is " + other.withArticle() + ", not " + dim.withArticle() + ": "
                        + expected(dim, number, typicalSi);
            }
        }
        return quote(text) + " is not " + dim.withArticle() + ": " + expected(dim, number, typicalSi);
    }

    /** "expected a number followed by one of …" with an example (see {@link #example}). */
    private static String expected(Dimension dim, String number, double typicalSi) {
        String example = example(dim, typicalSi, number);
        String units = String.join(", ", dim.units());
        if (dim.units().isEmpty()) {
            return "expected a bare number (e.g. \"" + example + "\")";
        }
        String how = SPELLINGS.get(dim).containsKey("") ? "a number, optionally followed by " : "a number followed by one of ";
        return "expected " + how + units + " (e.g. \"" + example + "\")";
    }

    /** Removes spaces, unifies the micro sign and the multiplication dot ({@code ·}, {@code .}, {@code ×} become {@code *}). */
    private static String normalize(String unit) {
        String u = SPACE_BETWEEN_NAMES.matcher(unit).replaceAll("*").replaceAll(SPACE, "");
        return u.replace('μ', 'µ').replace('·', '*').replace('⋅', '*').replace('.', '*').replace('×', '*');
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private static String withUnit(String number, String symbol) {
        return symbol.isEmpty() ? number : number + " " + symbol;
    }

    private static void accept(Dimension dim, String spelling, Scale scale) {
        SPELLINGS.get(dim).put(normalize(spelling), scale);
    }

    /** Accepts {@code spelling} meaning {@code factor} in SI. */
    private static void linearScaled(Dimension dim, String spelling, double factor) {
        BigDecimal f = new BigDecimal(factor);
        accept(dim, spelling, n -> n.multiply(f).doubleValue());
    }

    /** Accepts {@code spelling} meaning 10^exp in SI. */
    private static void linear(Dimension dim, String spelling, int exp) {
        BigDecimal factor = BigDecimal.ONE.scaleByPowerOfTen(exp);
        accept(dim, spelling, n -> n.multiply(factor).doubleValue());
    }

    /** Accepts {@code unit} with each prefix in {@code prefixes} (see {@link #exponent}), meaning factor × prefix. */
    private static void prefixed(Dimension dim, String prefixes, String unit, long factor) {
        for (char p : prefixes.toCharArray()) {
            BigDecimal f = BigDecimal.valueOf(factor).scaleByPowerOfTen(exponent(p));
            for (String spelling : spellings(p)) {
                accept(dim, spelling + unit, n -> n.multiply(f).doubleValue());
            }
        }
    }

    private static void shown(Dimension dim, String symbol, int exp, int fromExp) {
        SHOWN.get(dim).add(new Shown(symbol, exp, fromExp));
    }

    private static void shownPrefixed(Dimension dim, String prefixes, String unit) {
        for (char p : prefixes.toCharArray()) {
            shown(dim, spellings(p).get(spellings(p).size() - 1) + unit, exponent(p), exponent(p));
        }
    }

    /** How prefix {@code p} may be written; {@code _} is no prefix, the last spelling is the one shown. */
    private static List<String> spellings(char p) {
        return switch (p) {
            case '_' -> List.of("");
            case 'u' -> List.of("u", "µ");
            default -> List.of(String.valueOf(p));
        };
    }

    private static int exponent(char prefix) {
        return switch (prefix) {
            case 'f' -> -15;
            case 'p' -> -12;
            case 'n' -> -9;
            case 'u' -> -6;
            case 'm' -> -3;
            case 'c' -> -2;
            case '_' -> 0;
            case 'k' -> 3;
            case 'M' -> 6;
            case 'G' -> 9;
            case 'T' -> 12;
            case 'P' -> 15;
            default -> throw new IllegalArgumentException("unknown prefix " + prefix);
        };
    }
}
