package org.mosaic.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.studies.Study;
import org.mosaic.studies.cable.CableStudy;
import org.mosaic.studies.channel.ChannelStudy;

/**
 * The studio's binding of request values to a study's input record, with the signatures of the shared binder
 * ({@code org.mosaic.studies.StudyInputs}, branch {@code binder}). Until that lands, a local adapter for the channel and
 * cable studies: a document as a preset name, {@code {"preset": NAME, "set": {...}}} or {@code {"yaml": TEXT, "set":
 * {...}}}, its edits applied in key order (as the CLI's {@code --set}), then checked once by the study.
 */
final class Inputs {
    private static final Set<String> LOCAL = Set.of("cable", "channel");

    private Inputs() {
    }

    static boolean bindable(Study<?, ?> study) {
        return LOCAL.contains(study.name());
    }

    static ObjectNode defaults(Study<?, ?> study) {
        ObjectNode o = Json.object();
        switch (study.name()) {
            case "cable" -> {
                o.putObject("cable").put("preset", CableStudy.DEFAULT_PRESET);
                o.put("scale", false);
            }
            case "channel" -> {
                o.putObject("scenario").put("preset", CHANNEL_PRESET);
                o.put("eyeDiagram", false);
            }
            default -> throw notBindable(study);
        }
        return o;
    }

    /** The channel commands' preset when none is given (the CLI's {@code ScenarioOptions.DEFAULT_PRESET}). */
    static final String CHANNEL_PRESET = "mosaic-prototype";

    @SuppressWarnings("unchecked")
    static <I extends Record> I bind(Study<I, ?> study, JsonNode values) {
        if (!values.isObject()) {
            throw new ApiException(422, "the input values of " + study.name() + ": expected a JSON object keyed by input name",
                    List.of(new Problem(null, values, "a JSON object keyed by input name", "e.g. {} for every default", null)));
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> known = switch (study.name()) {
            case "cable" -> Set.of("cable", "scale");
            case "channel" -> Set.of("scenario", "eyeDiagram");
            default -> throw notBindable(study);
        };
        for (Iterator<String> it = values.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                problems.add(new Problem(k, values.get(k), "one of the inputs " + new java.util.TreeSet<>(known), "GET /api/studies/"
                        + study.name() + " lists them", "unknown input " + k));
            }
        }
        String flagName = study.name().equals("cable") ? "scale" : "eyeDiagram";
        JsonNode flag = values.get(flagName);
        if (flag != null && !flag.isBoolean()) {
            problems.add(new Problem(flagName, flag, "true or false", null, flagName + " " + flag + ": expected true or false"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(422, problems.size() + " problem(s) with the input values of " + study.name(), problems);
        }
        boolean on = flag != null && flag.booleanValue();
        if (study.name().equals("cable")) {
            ScenarioDocument doc = document(values.get("cable"), CableStudy.DEFAULT_PRESET, Documents.Kind.CABLE, "cable");
            return (I) new CableStudy.Input(doc, on);
        }
        Map<String, String> given = new LinkedHashMap<>();
        JsonNode v = values.get("scenario");
        if (v != null && v.isObject() && v.get("set") != null && v.get("set").isObject()) {
            v.get("set").fieldNames().forEachRemaining(k -> given.put(k, "--set"));
        }
        ScenarioDocument doc = document(v, CHANNEL_PRESET, Documents.Kind.CHANNEL, "scenario");
        return (I) new ChannelStudy.Input(doc, given, on);
    }

    static ObjectNode document(Study<?, ?> study, String input, JsonNode value) {
        ScenarioDocument doc = switch (study.name() + "." + input) {
            case "cable.cable" -> document(value, CableStudy.DEFAULT_PRESET, Documents.Kind.CABLE, input);
            case "channel.scenario" -> document(value, CHANNEL_PRESET, Documents.Kind.CHANNEL, input);
            default -> throw new ApiException(422, "no document input " + input + " in " + study.name(),
                    List.of(new Problem(input, TextNode.valueOf(input), "a document input of " + study.name(), null, null)));
        };
        return doc.tree().deepCopy();
    }

    /** A document value: a preset name, or {"preset"|"yaml", "set"}; never a file. */
    private static ScenarioDocument document(JsonNode value, String defaultPreset, Documents.Kind kind, String input) {
        String preset = defaultPreset;
        String yaml = null;
        Map<String, String> set = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        if (value == null || value.isNull()) {
            // the default preset
        } else if (value.isTextual()) {
            preset = value.textValue();
        } else if (value.isObject()) {
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!Set.of("preset", "yaml", "set").contains(k)) {
                    problems.add(new Problem(input + "." + k, value.get(k), "preset, yaml or set", null, "unknown key " + k
                            + " in the document value"));
                }
            }
            if (value.has("preset") && value.has("yaml")) {
                problems.add(new Problem(input, value, "either preset or yaml", "edit a preset with set", null));
            }
            JsonNode p = value.get("preset");
            if (p != null && !p.isTextual()) {
                problems.add(new Problem(input + ".preset", p, "a preset name", null, null));
            } else if (p != null) {
                preset = p.textValue();
            }
            JsonNode y = value.get("yaml");
            if (y != null && !y.isTextual()) {
                problems.add(new Problem(input + ".yaml", y, "the document's YAML or JSON text", null, null));
            } else if (y != null) {
                yaml = y.textValue();
                Limits.checkDocument(input, yaml);
            }
            JsonNode s = value.get("set");
            if (s != null && !s.isObject()) {
                problems.add(new Problem(input + ".set", s, "an object of \"dotted.path\": \"value\"", "e.g. {\"fiber.length\": \"30 m\"}", null));
            } else if (s != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                        set.put(e.getKey(), e.getValue().asText());
                    } else {
                        problems.add(new Problem(input + "." + e.getKey(), e.getValue(), "a value as text, with its unit",
                                "e.g. \"30 m\"", null));
                    }
                }
            }
        } else {
            problems.add(new Problem(input, value, "a preset name, or {\"preset\": NAME, \"set\": {...}}, or {\"yaml\": TEXT, \"set\": {...}}",
                    "GET /api/presets lists the names", null));
        }
        if (yaml == null && !Documents.names(kind).contains(preset) && !(kind == Documents.Kind.CHANNEL
                && Documents.names(Documents.Kind.CABLE).contains(preset))) {
            problems.add(new Problem(input, TextNode.valueOf(preset), "a " + kind.id() + " preset: one of "
                    + Documents.names(kind), "a file is not accepted: send its text as {\"yaml\": ...}", null));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(422, problems.size() + " problem(s) with the document " + input, problems);
        }
        ScenarioDocument doc = yaml != null ? ScenarioDocument.parse(input + " (sent)", yaml, true) : ScenarioDocument.preset(preset);
        for (Map.Entry<String, String> e : set.entrySet()) {
            doc = doc.with(e.getKey(), e.getValue());
        }
        return doc;
    }

    private static ApiException notBindable(Study<?, ?> study) {
        return new ApiException(422, "the studio cannot yet bind the inputs of " + study.name() + " (hint: run it with ./mosaic)");
    }
}
