package org.mosaic.studies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;

/**
 * Output helpers shared by the commands and the report: JSON (Jackson; doubles as numbers, NaN and
 * infinities as {@code null}), flat CSV rows, aligned text tables and number formatting with units.
 */
public final class Output {
    /** How a command prints its result. */
    public enum Format { TABLE, JSON, CSV }

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())   // Optional in result records
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Output() {
    }

    /** The object as a JSON tree, with non-finite doubles replaced by {@code null} (strict JSON). */
    public static JsonNode tree(Object value) {
        return strict(JSON.valueToTree(value));
    }

    /** Replaces NaN and infinite numbers by {@code null}, in place; returns the node. */
    public static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                JsonNode v = o.get(n);
                if (v.isNumber() && !Double.isFinite(v.doubleValue())) {
                    o.set(n, NullNode.getInstance());
                } else {
                    strict(v);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isNumber() && !Double.isFinite(v.doubleValue())) {
                    a.set(i, NullNode.getInstance());
                } else {
                    strict(v);
                }
            }
        }
        return node;
    }

    public static String json(Object value) {
        try {
            JsonNode node = value instanceof JsonNode n ? n : tree(value);
            return JSON.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Flattens a JSON object to one row: nested objects become dotted keys ({@code ber.median}); lists of
     * {@code {item, db, unit}} become one column per item ({@code budget.margin [dB]}); other arrays are left out.
     */
    public static Map<String, Object> flatten(JsonNode node) {
        Map<String, Object> row = new LinkedHashMap<>();
        flatten("", node, row);
        return row;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> row) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(key + ".", v, row);
            } else if (v.isArray()) {
                for (JsonNode item : v) {
                    if (item.isObject() && item.has("item") && item.has("db")) {
                        String unit = item.path("unit").asText("");
                        row.put(key + "." + item.get("item").asText() + (unit.isEmpty() ? "" : " [" + unit + "]"),
                                value(item.get("db")));
                    }
                }
            } else {
                row.put(key, value(v));
            }
        }
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.asText();
    }

    /** CSV (RFC 4180, with a header) of rows whose columns are the union of their keys in first-seen order. */
    public static String csv(List<Map<String, Object>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.keySet()));
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", columns.stream().map(Output::csvCell).toList())).append('\n');
        for (Map<String, Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(csvCell(r.get(c)));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    public static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        String s;
        if (v instanceof Double d) {
            s = Double.isFinite(d) ? Double.toString(d) : "";
        } else if (v instanceof Float f) {
            s = Float.isFinite(f) ? Float.toString(f) : "";
        } else {
            s = v.toString();
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /**
     * An aligned text table. A column whose header starts with {@code >} is right-aligned (the {@code >}
     * is not printed).
     */
    public static String table(List<String> headers, List<List<String>> rows) {
        int n = headers.size();
        boolean[] right = new boolean[n];
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String h = headers.get(i);
            right[i] = h.startsWith(">");
            heads.add(right[i] ? h.substring(1) : h);
        }
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = heads.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < n && i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        boolean anyHeader = heads.stream().anyMatch(h -> !h.isEmpty());
        if (anyHeader) {
            line(sb, heads, width, right);
            List<String> rule = new ArrayList<>();
            for (int w : width) {
                rule.add("-".repeat(w));
            }
            line(sb, rule, width, right);
        }
        for (List<String> r : rows) {
            line(sb, r, width, right);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width, boolean[] right) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            String pad = " ".repeat(width[i] - c.length());
            if (i > 0) {
                l.append("  ");
            }
            l.append(right[i] ? pad + c : c + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    // ---- numbers with units ----

    /** A probability such as a BER: {@code 8.99e-9}; zero as {@code 0}; {@code n/a} if not finite. */
    public static String ber(double p) {
        if (!Double.isFinite(p)) {
            return "n/a";
        }
        if (p == 0) {
            return "0";
        }
        if (p >= 0.01) {
            return String.format(Locale.ROOT, "%.3g", p);
        }
        String s = String.format(Locale.ROOT, "%.2e", p);
        // 8.99e-09 -> 8.99e-9
        return s.replaceFirst("e([+-])0*(\\d)", "e$1$2").replace("e+", "e");
    }

    /** A level in dB with two decimals: {@code "2.33 dB"}; {@code "-inf dB"} for no margin at all. */
    public static String db(double v) {
        return decibels(v, "dB");
    }

    /**
     * A link margin in dB; −∞ (an ISI / crosstalk floor: no power is enough) as "BER floor above target", since a
     * margin of "-∞ dB" reads as a number.
     */
    public static String margin(double v) {
        return Double.isInfinite(v) && v < 0 ? "BER floor above target" : db(v);
    }

    public static String dbm(double v) {
        return decibels(v, "dBm");
    }

    private static String decibels(double v, String unit) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return (v < 0 ? "-∞ " : "+∞ ") + unit;
        }
        return String.format(Locale.ROOT, "%.2f %s", v, unit);
    }

    /** An SI value with its unit and an engineering prefix, e.g. {@code "2 Gb/s"}. */
    public static String si(double v, Dimension d) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return Quantities.format(v, d);
    }

    /** A plain number with {@code digits} significant digits, no unit (for Q, ratios, counts). */
    public static String number(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "n/a" : (v < 0 ? "-∞" : "∞");
        }
        if (v == 0) {
            return "0";
        }
        java.math.BigDecimal r = new java.math.BigDecimal(v).round(new java.math.MathContext(digits));
        double a = Math.abs(r.doubleValue());
        if (a >= 1e-3 && a < 1e7) {
            return r.stripTrailingZeros().toPlainString();
        }
        // tiny or huge: scientific, never a string of zeros ("1.35e-51", "2.1e8")
        String m = r.unscaledValue().abs().toString().replaceFirst("0+$", "");
        int exp = r.precision() - r.scale() - 1;
        String mantissa = m.length() == 1 ? m : m.charAt(0) + "." + m.substring(1);
        return (r.signum() < 0 ? "-" : "") + mantissa + "e" + exp;
    }

    /** A length in metres with one decimal: {@code "29.7 m"}. */
    public static String meters(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return v >= 1000 ? Quantities.format(v, Dimension.LENGTH) : String.format(Locale.ROOT, "%.1f m", v);
    }

    /** A percentage with one decimal, or two significant digits below 1 % (an AFR of 0.0088 %, not 0.0 %). */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        double p = 100 * fraction;
        if (p != 0 && Math.abs(p) < 1) {
            return number(p, 2) + " %";
        }
        return String.format(Locale.ROOT, "%.1f %%", p);
    }
}
