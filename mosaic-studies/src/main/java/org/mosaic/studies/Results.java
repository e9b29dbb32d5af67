package org.mosaic.studies;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A study's result in the media every front end needs: a JSON tree (Jackson; NaN and infinities as {@code null}),
 * the JSON text the CLI prints, and flat {@link MetricRow}s for CSV, Parquet and sweeps.
 */
public final class Results {
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
    /** The fields that name a list's element, in the order they are looked for: {@code [NAME]} matches the first present. */
    public static final List<String> NAME_FIELDS = List.of("name", "item", "label", "id", "key");

    private Results() {
    }

    /** The result as a strict JSON tree (non-finite numbers as {@code null}). */
    public static JsonNode tree(Object result) {
        return result instanceof JsonNode n ? Output.strict(n) : Output.tree(result);
    }

    /** The result as indented JSON text with a final newline, as the CLI prints it. */
    public static String json(Object result) {
        return Output.json(tree(result));
    }

    /**
     * Every number of the result (and every yes/no, as 1 or 0) as a row: its path with list indices, its value and
     * its unit from {@code metrics} (the study's declaration), else from its name ({@link Units#ofPath}).
     */
    public static List<MetricRow> rows(Object result, List<MetricSpec> metrics) {
        DeclaredUnits units = new DeclaredUnits(metrics);
        List<MetricRow> out = new ArrayList<>();
        rows("", tree(result), units, out);
        return out;
    }

    /** The declared units by path: exact paths ({@code a.b[]}) and paths through maps ({@code a.*.b}, any key for the star). */
    private static final class DeclaredUnits {
        private final Map<String, String> exact = new java.util.HashMap<>();
        private final Map<Pattern, String> wild = new java.util.LinkedHashMap<>();

        DeclaredUnits(List<MetricSpec> metrics) {
            for (MetricSpec m : metrics) {
                if (m.path().contains("*")) {
                    List<String> parts = new ArrayList<>();
                    for (String part : m.path().split("\\*", -1)) {
                        parts.add(Pattern.quote(part));
                    }
                    wild.put(Pattern.compile(String.join(".+", parts)), m.unit());
                } else {
                    exact.put(m.path(), m.unit());
                }
            }
        }

        /** The unit declared for a row's path pattern, or null. */
        String get(String pattern) {
            String u = exact.get(pattern);
            if (u != null) {
                return u;
            }
            for (Map.Entry<Pattern, String> e : wild.entrySet()) {
                if (e.getKey().matcher(pattern).matches()) {
                    return e.getValue();
                }
            }
            return null;
        }

        boolean containsKey(String pattern) {
            return get(pattern) != null;
        }
    }

    /** The rows of a study's result, with the study's declared units. */
    public static <R> List<MetricRow> rows(Study<?, R> study, R result) {
        return rows(result, study.metrics());
    }

    private static void rows(String path, JsonNode n, DeclaredUnits units, List<MetricRow> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                rows(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), units, out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                rows(path + "[" + i + "]", n.get(i), units, out);
            }
        } else if (n.isNumber() || n.isBoolean() || n.isNull() && units.containsKey(pattern(path))) {
            double v = n.isNumber() ? n.doubleValue() : n.isBoolean() ? (n.booleanValue() ? 1 : 0) : Double.NaN;
            String unit = units.get(pattern(path));
            if (unit == null) {
                unit = n.isBoolean() ? "bool" : Units.ofPath(path);
            }
            out.add(new MetricRow(path, v, unit));
        }
    }

    /** A row's path as a declared metric path: list indices become {@code []}. */
    static String pattern(String path) {
        return INDEX.matcher(path).replaceAll("[]");
    }

    /**
     * The number at a concrete path of the result's tree; null when absent or not a number. A bracket picks a list's
     * element by index ({@code [0]}) or by name ({@code [LED bias]}: the first element whose naming field, the first of
     * {@link #NAME_FIELDS} it has, equals the name), or a map's value by key; a name may hold dots, and so may a map's key
     * (as {@link #rows} names it: {@code counts.1.6T DR8}). Every number {@link #rows} lists is found at its row's name.
     */
    public static Double number(JsonNode tree, String path) {
        JsonNode n = tree;
        int i = 0;
        while (n != null && i < path.length()) {
            char ch = path.charAt(i);
            if (ch == '.') {
                i++;
            } else if (ch == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    return null;
                }
                String key = path.substring(i + 1, close);
                n = n.isArray() ? (!key.isEmpty() && key.chars().allMatch(Character::isDigit) ? n.get(Integer.parseInt(key))
                        : element(n, key)) : n.get(key);
                i = close + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                // a map's key may hold dots ({@link #rows} names its value "map.a.b"): take the longer key where the shorter is absent
                while (!n.has(path.substring(i, end)) && end < path.length() && path.charAt(end) == '.') {
                    end++;
                    while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                        end++;
                    }
                }
                n = n.get(path.substring(i, end));
                i = end;
            }
        }
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? 1.0 : 0.0;
        }
        return n.isNumber() ? n.doubleValue() : null;
    }

    /** The first element of a list whose naming field equals {@code name}, or null. */
    private static JsonNode element(JsonNode list, String name) {
        for (JsonNode e : list) {
            if (!e.isObject()) {
                continue;
            }
            for (String f : NAME_FIELDS) {
                JsonNode v = e.get(f);
                if (v != null && v.isTextual()) {
                    if (v.textValue().equals(name)) {
                        return e;
                    }
                    break;
                }
            }
        }
        return null;
    }
}
