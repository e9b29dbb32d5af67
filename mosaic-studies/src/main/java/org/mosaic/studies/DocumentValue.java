package org.mosaic.studies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The value of a document input as a user gives it to {@link StudyInputs}: a shipped preset by name, or the document's
 * own text (YAML or JSON), either with edits by dotted path. Never a file path: a front end that reads files reads them
 * itself and passes the text.
 *
 * @param preset the preset's name (null with {@code yaml})
 * @param yaml   the document's text (null with {@code preset})
 * @param set    dotted path → value, sorted by path (the order edits are given never matters)
 */
record DocumentValue(String preset, String yaml, TreeMap<String, String> set) {
    DocumentValue {
        set = new TreeMap<>(set);
    }

    static DocumentValue preset(String name) {
        return new DocumentValue(name, null, new TreeMap<>());
    }

    /**
     * Reads {@code "NAME"}, {@code {"preset": NAME, "set": {...}}} or {@code {"yaml": TEXT, "set": {...}}}; every problem
     * (as "what: expected ...") is added to {@code problems}, prefixed by {@code key}; null when there was one.
     */
    static DocumentValue read(String key, JsonNode node, List<String> problems) {
        if (node.isTextual()) {
            String name = node.asText().trim();
            if (name.isEmpty()) {
                problems.add(key + ": an empty name: expected a preset name or {\"preset\": NAME, \"set\": {...}}");
                return null;
            }
            return preset(name);
        }
        if (!node.isObject()) {
            problems.add(key + ": " + StudyInputs.shown(node) + " — expected a preset name (\"mosaic-800g\"), "
                    + "{\"preset\": NAME, \"set\": {\"dotted.path\": \"value\"}} or {\"yaml\": TEXT, \"set\": {...}}");
            return null;
        }
        int before = problems.size();
        String preset = null;
        String yaml = null;
        TreeMap<String, String> set = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "preset" -> {
                    if (v.isTextual() && !v.asText().isBlank()) {
                        preset = v.asText().trim();
                    } else {
                        problems.add(key + ".preset: " + StudyInputs.shown(v) + " — expected a preset name");
                    }
                }
                case "yaml" -> {
                    if (v.isTextual()) {
                        yaml = v.asText();
                    } else {
                        problems.add(key + ".yaml: " + StudyInputs.shown(v) + " — expected the document's text (YAML or JSON) "
                                + "as a string");
                    }
                }
                case "set" -> {
                    if (!v.isObject()) {
                        problems.add(key + ".set: " + StudyInputs.shown(v) + " — expected an object of edits, "
                                + "{\"dotted.path\": \"value\", ...}");
                        break;
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> s = v.fields(); s.hasNext(); ) {
                        Map.Entry<String, JsonNode> edit = s.next();
                        JsonNode ev = edit.getValue();
                        if (ev.isValueNode() && !ev.isNull()) {
                            set.put(edit.getKey(), ev.asText());
                        } else {
                            problems.add(key + ".set." + edit.getKey() + ": " + StudyInputs.shown(ev)
                                    + " — expected a value (text, number or true/false), e.g. \"30 m\"");
                        }
                    }
                }
                default -> problems.add(key + "." + e.getKey() + ": unknown key of a document value — expected preset, yaml "
                        + "or set" + didYouMean(e.getKey(), List.of("preset", "yaml", "set")));
            }
        }
        if (preset != null && yaml != null) {
            problems.add(key + ": both preset and yaml given — expected one of them (hint: edit a preset with \"set\")");
        } else if (preset == null && yaml == null && problems.size() == before) {
            problems.add(key + ": neither preset nor yaml given — expected {\"preset\": NAME} or {\"yaml\": TEXT}, "
                    + "each with an optional \"set\"");
        }
        for (String a : set.keySet()) {   // a value and the section holding another: one would silently undo the other
            for (String b : set.keySet()) {
                if (b.startsWith(a + ".")) {
                    problems.add(key + ".set: " + a + "=" + set.get(a) + " and " + b + "=" + set.get(b) + ": " + a
                            + " cannot be both a value and a section holding " + b + " (hint: set only " + b + ")");
                }
            }
        }
        return problems.size() == before ? new DocumentValue(preset, yaml, set) : null;
    }

    private static String didYouMean(String key, List<String> names) {
        return org.mosaic.core.scenario.SpecReader.didYouMean(key, names);
    }

    /** As JSON: the name alone for an unedited preset, else an object. */
    JsonNode toJson() {
        if (yaml == null && set.isEmpty()) {
            return JsonNodeFactory.instance.textNode(preset);
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (preset != null) {
            o.put("preset", preset);
        } else {
            o.put("yaml", yaml);
        }
        if (!set.isEmpty()) {
            ObjectNode s = o.putObject("set");
            set.forEach(s::put);
        }
        return o;
    }

    /** The paths edited, in sorted order. */
    List<String> paths() {
        return new ArrayList<>(set.keySet());
    }
}
