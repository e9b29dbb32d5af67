package org.mosaic.studies.uncertainty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.Study;
import org.mosaic.studies.StudyInputs;
import org.mosaic.studies.UsageException;

/**
 * The ranged inputs of a study: every provenance entry of its documents that carries a {@code range:} (a
 * {@link Distribution} whose numbers are in the unit the document writes the value in), and ranges given by hand as
 * {@code KEY=DISTRIBUTION [UNIT]} ({@code cable.fiber.attenuation=loguniform(0.05, 0.5) dB/m}).
 */
public final class Ranges {
    private static final Pattern NUMBER_UNIT = Pattern.compile("\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(.*?)\\s*");
    private static final Pattern GIVEN = Pattern.compile("\\s*([^=\\s]+)\\s*=\\s*([a-zA-Z-]+\\s*\\([^)]*\\))\\s*(.*?)\\s*");

    /** The document kind of a technology catalog, whose values carry their ranges beside them rather than in a provenance. */
    private static final String CATALOG = "catalog";

    private Ranges() {
    }

    /**
     * The ranges of the study's document inputs, as their provenance states them, keyed {@code INPUT.PATH}.
     *
     * @param values the study's input values (as StudyInputs takes them; absent documents are their defaults)
     */
    public static List<Ranged> ofDocuments(Study<?, ?> study, ObjectNode values) {
        List<Ranged> out = new ArrayList<>();
        for (InputSpec in : StudyInputs.inputs(study)) {
            if (!in.type().startsWith("document")) {
                continue;
            }
            JsonNode given = values.get(in.name());
            if (given != null && given.isArray()) {
                continue;   // a list of documents (the fleet's user technologies): its documents carry no shared range
            }
            if ((given == null || given.isNull()) && StudyInputs.editBase(study, in.name()) == null) {
                continue;   // an optional document left out (the fleet's user technologies): nothing of it to range
            }
            if ((given == null || given.isNull()) && CATALOG.equals(in.document()) && values.hasNonNull("system")) {
                continue;   // a training system states its own links: train and goodput refuse a catalog beside it
            }
            ObjectNode tree = StudyInputs.document(study, in.name(), values.get(in.name()));
            out.addAll(CATALOG.equals(in.document()) ? ofCatalog(in.name(), tree) : ofTree(in.name(), tree));
        }
        return out;
    }

    /**
     * The ranged provenance entries of one document tree, keys prefixed by {@code input} (no prefix when empty).
     *
     * @throws UsageException naming every entry whose range cannot be read or does not hold the assumed value
     */
    public static List<Ranged> ofTree(String input, JsonNode tree) {
        List<Ranged> out = new ArrayList<>();
        JsonNode provenance = tree.path("provenance");
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = provenance.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode range = e.getValue().path("range");
            if (range.isMissingNode() || range.isNull() || range.asText().equals("categorical")) {
                continue;
            }
            String path = e.getKey();
            String key = input.isEmpty() ? path : input + "." + path;
            JsonNode value = at(tree, path);
            Matcher m = NUMBER_UNIT.matcher(value == null ? "" : value.asText());
            if (value == null || !(value.isNumber() || m.matches())) {
                problems.add("provenance." + path + ".range: " + path + " is "
                        + (value == null ? "not a value of the document" : "\"" + value.asText() + "\", not a number")
                        + " (hint: a categorical assumption takes range: categorical)");
                continue;
            }
            double assumed = value.isNumber() ? value.asDouble() : Double.parseDouble(m.group(1));
            String unit = value.isNumber() ? "" : m.group(2);
            try {
                Distribution d = Distribution.parse(range.asText());
                if (!d.contains(assumed)) {
                    problems.add("provenance." + path + ".range: " + d + " does not hold the assumed value "
                            + value.asText() + " (hint: widen the range or correct the value)");
                    continue;
                }
                out.add(new Ranged(key, assumed, unit, d, e.getValue().path("confidence").asText(""),
                        e.getValue().path("source").asText(""), value.isIntegralNumber()));
            } catch (UsageException x) {
                problems.add("provenance." + path + ".range: " + x.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems with ranges:\n  - " + String.join("\n  - ", problems));
        }
        return out;
    }

    /**
     * The ranged values of a technology catalog tree (kind catalog): every sourced value {@code {value, min, max, range,
     * confidence, source, note}} that carries a {@code range:}, keyed by its edit path with list entries named by their id
     * ({@code catalog.technologies.aoc-mmf.at.800G.fit.value}), the source and note of the value as its reasoning. A range
     * that cannot be read, does not hold the value, or leaves the entry's own min..max is refused naming the entry.
     */
    public static List<Ranged> ofCatalog(String input, JsonNode tree) {
        List<Ranged> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        catalogValues(input, tree, out, problems);
        if (!problems.isEmpty()) {
            throw new UsageException(problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems with ranges:\n  - " + String.join("\n  - ", problems));
        }
        return out;
    }

    private static void catalogValues(String path, JsonNode node, List<Ranged> out, List<String> problems) {
        if (node.isArray()) {
            for (JsonNode e : node) {
                String id = e.path("id").asText(e.path("name").asText(""));
                if (!id.isEmpty()) {
                    catalogValues(path + "." + id, e, out, problems);
                }
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("value") && node.has("range")) {
            String key = path + ".value";
            Matcher m = NUMBER_UNIT.matcher(node.get("value").asText());
            if (!(node.get("value").isNumber() || m.matches())) {
                problems.add(key + ": \"" + node.get("value").asText() + "\" is not a number, so range " + node.get("range").asText()
                        + " cannot apply (hint: remove the range)");
                return;
            }
            double assumed = node.get("value").isNumber() ? node.get("value").asDouble() : Double.parseDouble(m.group(1));
            String unit = node.get("value").isNumber() ? "" : m.group(2);
            try {
                Distribution d = Distribution.parse(node.get("range").asText());
                double min = bound(node.get("min"));
                double max = bound(node.get("max"));
                if (!d.contains(assumed)) {
                    problems.add(path + ".range: " + d + " does not hold the value " + node.get("value").asText()
                            + " (hint: widen the range or correct the value)");
                } else if (d.low() < min * (1 - 1e-9) || d.high() > max * (1 + 1e-9)) {
                    problems.add(path + ".range: " + d + " leaves the entry's own min..max " + node.path("min").asText("-") + ".."
                            + node.path("max").asText("-") + " (hint: a range spans at most the values the source states)");
                } else {
                    String why = node.path("source").asText("") + (node.path("note").asText("").isEmpty() ? ""
                            : "; " + node.path("note").asText(""));
                    out.add(new Ranged(key, assumed, unit, d, node.path("confidence").asText(""), why,
                            node.get("value").isIntegralNumber()));
                }
            } catch (UsageException x) {
                problems.add(path + ".range: " + x.getMessage());
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            catalogValues(path + "." + e.getKey(), e.getValue(), out, problems);
        }
    }

    /** A min or max as a number in the value's unit (its unit is the value's: the loader checks the dimension); NaN if none. */
    private static double bound(JsonNode n) {
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        Matcher m = NUMBER_UNIT.matcher(n.asText());
        return m.matches() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The value at a dotted path of a document tree, or null. */
    static JsonNode at(JsonNode tree, String path) {
        JsonNode n = tree;
        for (String part : path.split("\\.")) {
            n = n.get(part);
            if (n == null) {
                return null;
            }
        }
        return n.isValueNode() ? n : null;
    }

    /**
     * A range given by hand, {@code KEY=DISTRIBUTION [UNIT]}; without a unit, the unit of the document's value for that
     * key. The assumed value is the document's where the key is a ranged document value (NaN otherwise).
     */
    public static Ranged given(String spec, Map<String, Ranged> fromDocuments) {
        Matcher m = GIVEN.matcher(spec);
        if (!m.matches()) {
            throw new UsageException("--range \"" + spec + "\": expected KEY=DISTRIBUTION [UNIT], e.g. "
                    + "cable.fiber.attenuation=\"loguniform(0.05, 0.5) dB/m\"");
        }
        Distribution d = Distribution.parse(m.group(2));
        Ranged doc = fromDocuments.get(m.group(1));
        String unit = m.group(3).isEmpty() && doc != null ? doc.unit() : m.group(3);
        double assumed = doc != null && doc.unit().equals(unit) ? doc.assumed() : Double.NaN;
        return new Ranged(m.group(1), assumed, unit, d, "given", "--range " + spec);
    }

    /**
     * The ranges a study varies: those given by hand (replacing a document's range for the same key), or, when none is
     * given, every ranged input of its documents; restricted to {@code only} when not empty.
     */
    public static List<Ranged> select(Study<?, ?> study, ObjectNode values, List<String> given, List<String> only) {
        Map<String, Ranged> docs = new LinkedHashMap<>();
        for (Ranged r : ofDocuments(study, values)) {
            docs.put(r.key(), r);
        }
        Map<String, Ranged> chosen = new LinkedHashMap<>(given.isEmpty() ? docs : Map.of());
        for (String g : given) {
            Ranged r = given(g, docs);
            chosen.put(r.key(), r);
        }
        if (!only.isEmpty()) {
            Map<String, Ranged> kept = new LinkedHashMap<>();
            for (String k : only) {
                Ranged r = chosen.containsKey(k) ? chosen.get(k) : docs.get(k);
                if (r == null) {
                    throw new UsageException("--inputs " + k + ": not a ranged input of " + study.name() + " — expected one of "
                            + (docs.isEmpty() ? "(none: give --range KEY=DISTRIBUTION)" : String.join(", ", docs.keySet())));
                }
                kept.put(k, r);
            }
            chosen = kept;
        }
        if (chosen.isEmpty()) {
            throw new UsageException(study.name() + ": no ranged input to vary — its documents' provenance carries no range "
                    + "(hint: --range KEY=DISTRIBUTION [UNIT], e.g. --range cable.fiber.attenuation=\"loguniform(0.05, 0.5) dB/m\")");
        }
        return List.copyOf(chosen.values());
    }
}
