package org.mosaic.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.core.units.UnitException;

/**
 * Binds a scenario tree to typed values in one pass, collecting every problem (path, value, what was
 * expected) instead of stopping at the first. Call {@link #finish()} at the end: it also reports keys
 * that nothing read (typos), with the closest known key as a hint.
 */
public final class SpecReader {
    private final String source;
    private final ObjectNode root;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> read = new LinkedHashSet<>();
    private final Set<String> ignoredPrefixes = new LinkedHashSet<>();

    SpecReader(String source, ObjectNode root) {
        this.source = source;
        this.root = root;
    }

    private JsonNode node(String path) {
        read.add(path);
        return lookup(path);
    }

    /** The node at a dotted path without marking it as read; null when absent or null. */
    private JsonNode lookup(String path) {
        JsonNode cursor = root;
        for (String part : path.split("\\.")) {
            if (cursor == null || !cursor.isObject()) {
                return null;
            }
            cursor = cursor.get(part);
        }
        return cursor == null || cursor.isNull() ? null : cursor;
    }

    public boolean has(String path) {
        return node(path) != null;
    }

    /** A required quantity with a unit, in SI, checked against [min, max] (SI). Returns NaN if it is wrong. */
    public double quantity(String path, Dimension dim, double min, double max) {
        JsonNode n = node(path);
        double typical = typical(min, max);
        if (n == null) {
            problems.add(new Problem(path, null, dim.withArticle() + " is required, e.g. \"" + Quantities.example(dim, typical, null) + "\""));
            return Double.NaN;
        }
        return parse(path, n, dim, min, max, typical);
    }

    /** An optional quantity: the default (SI) when absent. */
    public double quantity(String path, Dimension dim, double min, double max, double defaultSi) {
        JsonNode n = node(path);
        double typical = Double.isFinite(defaultSi) && defaultSi != 0 ? defaultSi : typical(min, max);
        return n == null ? defaultSi : parse(path, n, dim, min, max, typical);
    }

    /**
     * A value typical of a key with range [min, max], for examples in messages (so that a fibre length's
     * example is in metres, not nanometres): the geometric middle of a positive range, a hundredth of
     * the top of a range from zero, else the middle.
     */
    static double typical(double min, double max) {
        if (!Double.isFinite(max)) {
            return Double.NaN;
        }
        if (min > 0 && max > min) {
            return Math.sqrt(min * max);
        }
        if (min == 0 && max > 0) {
            return max / 100;
        }
        return Double.isFinite(min) ? (min + max) / 2 : Double.NaN;
    }

    private double parse(String path, JsonNode n, Dimension dim, double min, double max, double typical) {
        if (!n.isValueNode()) {
            problems.add(new Problem(path, n.toString(), "a single " + dim.description() + ", e.g. \""
                    + Quantities.example(dim, typical, null) + "\""));
            return Double.NaN;
        }
        String text = n.asText();
        double v;
        try {
            v = Quantities.parse(text, dim, typical);
        } catch (UnitException e) {
            problems.add(new Problem(path, text, e.getMessage()));
            return Double.NaN;
        }
        if (v < min || v > max) {
            problems.add(new Problem(path, text, "out of range: expected " + Quantities.format(min, dim) + " to "
                    + Quantities.format(max, dim)));
            return Double.NaN;
        }
        return v;
    }

    public int integer(String path, int min, int max, int defaultValue) {
        JsonNode n = node(path);
        if (n == null) {
            return defaultValue;
        }
        String t = n.asText().trim();
        if (!(n.isIntegralNumber() || t.matches("[+-]?\\d{1,9}")) || (n.isIntegralNumber() && !n.canConvertToInt())) {
            problems.add(new Problem(path, n.asText(), "a whole number from " + min + " to " + max));
            return defaultValue;
        }
        int v = n.isIntegralNumber() ? n.asInt() : Integer.parseInt(t);
        if (v < min || v > max) {
            problems.add(new Problem(path, n.asText(), "out of range: expected a whole number from " + min + " to " + max));
            return defaultValue;
        }
        return v;
    }

    public long longValue(String path, long defaultValue) {
        JsonNode n = node(path);
        if (n == null) {
            return defaultValue;
        }
        if (!(n.isIntegralNumber() || n.asText().matches("[+-]?\\d+"))) {
            problems.add(new Problem(path, n.asText(), "a whole number (64-bit)"));
            return defaultValue;
        }
        try {
            return Long.parseLong(n.asText());
        } catch (NumberFormatException e) {
            problems.add(new Problem(path, n.asText(), "a whole number that fits in 64 bits"));
            return defaultValue;
        }
    }

    public boolean bool(String path, boolean defaultValue) {
        JsonNode n = node(path);
        if (n == null) {
            return defaultValue;
        }
        String t = n.asText().toLowerCase(Locale.ROOT);
        if (n.isBoolean() || t.equals("true") || t.equals("false")) {
            return n.isBoolean() ? n.asBoolean() : Boolean.parseBoolean(t);
        }
        problems.add(new Problem(path, n.asText(), "true or false"));
        return defaultValue;
    }

    /** One of a fixed set of words (case-sensitive), or the default when absent. */
    public String choice(String path, List<String> allowed, String defaultValue) {
        JsonNode n = node(path);
        if (n == null) {
            return defaultValue;
        }
        String v = n.asText();
        if (!allowed.contains(v)) {
            problems.add(new Problem(path, v, "one of " + String.join(", ", allowed)));
            return defaultValue;
        }
        return v;
    }

    public String text(String path, String defaultValue) {
        JsonNode n = node(path);
        return n == null ? defaultValue : n.asText();
    }

    /** Marks a whole subtree as known without binding it (e.g. free text, provenance). */
    public void ignore(String prefix) {
        ignoredPrefixes.add(prefix);
    }

    /** Adds a problem found by a cross-field check. */
    public void problem(String path, String value, String expected) {
        problems.add(new Problem(path, value, expected));
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Reports every key nothing read (at any depth; a whole unknown section once), each with the closest
     * known key by its full dotted path or, when none is close, the known keys at that level; a value
     * where a known section belongs; then throws if anything was wrong.
     */
    public void finish() {
        Set<String> known = new LinkedHashSet<>(read);
        known.addAll(ignoredPrefixes);
        known.add("formatVersion");
        Set<String> knownPrefixes = new LinkedHashSet<>();
        for (String k : known) {
            for (int dot = k.indexOf('.'); dot >= 0; dot = k.indexOf('.', dot + 1)) {
                knownPrefixes.add(k.substring(0, dot));
            }
        }
        List<String> leaves = new ArrayList<>();
        collectLeaves(root, "", leaves);
        Set<String> reported = new LinkedHashSet<>();
        for (String leaf : leaves) {
            if (known.contains(leaf) || ignored(leaf)) {
                continue;
            }
            JsonNode value = lookup(leaf);
            if (knownPrefixes.contains(leaf)) {
                if (value != null && !value.isObject()) { // "numerics: 5" where a section belongs
                    problems.add(new Problem(leaf, value.asText(), "a section of keys, not a value (keys such as "
                            + String.join(", ", children(leaf, known, 4)) + ")"));
                }
                continue; // an empty mapping for a known section: nothing in it to ignore
            }
            String unknown = leaf;
            String[] parts = leaf.split("\\.");
            for (int i = 1; i <= parts.length; i++) {
                String prefix = String.join(".", java.util.Arrays.asList(parts).subList(0, i));
                if (!knownPrefixes.contains(prefix)) {
                    unknown = prefix;
                    break;
                }
            }
            if (!reported.add(unknown)) {
                continue;
            }
            List<String> under = new ArrayList<>();
            JsonNode section = lookup(unknown);
            if (section != null && section.isObject() && section.size() > 0) {
                collectLeaves(section, unknown, under);
            }
            if (under.size() > 1) {
                String hint = suggestion(unknown, knownPrefixes, known, knownPrefixes);
                problems.add(new Problem(unknown, section.toString(), "unknown section" + hint));
            } else {
                String path = under.isEmpty() ? unknown : under.get(0);
                JsonNode v = lookup(path);
                problems.add(new Problem(path, v == null ? null : v.isValueNode() ? v.asText() : v.toString(),
                        "unknown key" + suggestion(path, known, known, knownPrefixes)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
    }

    /**
     * " (did you mean X?)" for the known path closest to {@code given} among {@code candidates} — by edit
     * distance of the whole path, then by the same last name ({@code channel.rate} → {@code link.channelRate}),
     * then by a misspelt section ({@code fibre.length} → {@code fiber.length}) — or the known keys at the
     * given key's level when nothing is close.
     */
    private String suggestion(String given, Set<String> candidates, Set<String> known, Set<String> knownPrefixes) {
        String best = closest(given, candidates, Math.max(2, given.length() / 4));
        if (best == null) {
            String[] parts = given.split("\\.");
            String last = parts[parts.length - 1];
            String lastTwo = parts.length > 1 ? parts[parts.length - 2] + last : last;
            int bestDistance = Integer.MAX_VALUE;
            for (String k : candidates) {
                String kLast = k.substring(k.lastIndexOf('.') + 1);
                if (kLast.equalsIgnoreCase(last) || kLast.equalsIgnoreCase(lastTwo)) {
                    int d = levenshtein(given.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = k;
                    }
                }
            }
        }
        if (best == null) {
            // a misspelt section: swap the first segment that is not known for the closest known one
            String[] parts = given.split("\\.");
            String parent = "";
            for (String part : parts) {
                String here = parent.isEmpty() ? part : parent + "." + part;
                if (!knownPrefixes.contains(here) && !known.contains(here)) {
                    String sibling = closest(part, children(parent, known, Integer.MAX_VALUE), 2);
                    if (sibling != null) {
                        String swapped = (parent.isEmpty() ? sibling : parent + "." + sibling) + given.substring(here.length());
                        best = known.contains(swapped) || knownPrefixes.contains(swapped) ? swapped
                                : parent.isEmpty() ? sibling : parent + "." + sibling;
                    }
                    break;
                }
                parent = here;
            }
        }
        if (best != null) {
            return " (did you mean " + best + "?)";
        }
        String parent = "";
        for (String part : given.split("\\.")) {
            String here = parent.isEmpty() ? part : parent + "." + part;
            if (!knownPrefixes.contains(here)) {
                break;
            }
            parent = here;
        }
        List<String> siblings = children(parent, known, 16);
        return siblings.isEmpty() ? "" : " — expected one of " + (parent.isEmpty() ? "the top-level keys " : "the keys of " + parent + ": ")
                + String.join(", ", siblings);
    }

    /** The names of the known keys directly under {@code parent} ("" for the top level), at most {@code limit}, then "…". */
    private static List<String> children(String parent, Set<String> known, int limit) {
        Set<String> names = new LinkedHashSet<>();
        String prefix = parent.isEmpty() ? "" : parent + ".";
        for (String k : known) {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                String rest = k.substring(prefix.length());
                int dot = rest.indexOf('.');
                names.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (out.size() == limit) {
                out.add("…");
                break;
            }
            out.add(n);
        }
        return out;
    }

    private boolean ignored(String leaf) {
        for (String p : ignoredPrefixes) {
            if (leaf.equals(p) || leaf.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Dotted paths of every leaf (value or empty mapping) under {@code node}, in document order. */
    public static void collectLeaves(JsonNode node, String prefix, List<String> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject() && e.getValue().size() > 0) {
                collectLeaves(e.getValue(), path, out);
            } else {
                out.add(path);
            }
        }
    }

    /** The known name nearest to {@code given} (case-insensitive edit distance) if within {@code maxDistance}, else null. */
    public static String closest(String given, Collection<String> known, int maxDistance) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = levenshtein(given.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= maxDistance ? best : null;
    }

    /** " (hint: did you mean X?)" for the nearest known name within max(2, length/3) edits, or "". */
    public static String didYouMean(String given, Collection<String> known) {
        String best = closest(given, known, Math.max(2, given.length() / 3));
        return best == null ? "" : " (hint: did you mean " + best + "?)";
    }

    /** Edit distance between two keys (for "did you mean" hints). */
    public static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
