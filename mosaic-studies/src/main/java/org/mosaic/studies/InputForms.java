package org.mosaic.studies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Optional;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.studies.cable.CableStudy;
import org.mosaic.studies.cable.CompareStudy;
import org.mosaic.studies.datapath.EmulateStudy;
import org.mosaic.studies.channel.ChannelStudy;
import org.mosaic.studies.channel.Sweep;

/**
 * The {@link InputForm} of every study: which inputs are documents (of what kind, with which default preset), which are
 * derived from the others as the CLI derives them, and which studies cannot be bound from values and why.
 */
final class InputForms {
    private InputForms() {
    }

    static InputForm of(Study<?, ?> study) {
        return switch (study.name()) {
            case "channel" -> InputForm.builder()
                    .document("scenario", DocumentInput.channel(ChannelStudy.DEFAULT_PRESET))
                    .derived("given", ctx -> given(ctx, "scenario"))
                    .build();
            case "channel-sweep" -> InputForm.builder()
                    .document("scenario", DocumentInput.channel(ChannelStudy.DEFAULT_PRESET))
                    .parser("sweep", (key, node) -> {
                        if (!node.isTextual()) {
                            throw new UsageException(StudyInputs.shown(node) + " — expected KEY=FROM..TO:STEP with units, "
                                    + "e.g. \"fiber.length=5m..60m:5m\"");
                        }
                        return Sweep.parse(node.asText());
                    })
                    .derived("given", ctx -> given(ctx, "scenario"))
                    .check(ctx -> {
                        Sweep sw = ctx.get("sweep");
                        DocumentValue doc = ctx.documents().get("scenario");
                        List<String> problems = new ArrayList<>();
                        if (sw != null && doc != null && doc.set().containsKey(sw.key())) {
                            problems.add("scenario.set " + sw.key() + " and sweep " + sw.key() + " both give " + sw.key()
                                    + ": the sweep would replace the edited value at every point (hint: drop the edit, or sweep "
                                    + "another key)");
                        }
                        return problems;
                    })
                    .build();
            case "cable" -> InputForm.builder()
                    .document("cable", DocumentInput.cable(CableStudy.DEFAULT_PRESET))
                    .build();
            case "compare" -> compare();
            case "emulate" -> emulate();
            case "channel-report", "cable-report", "datapath-report", "fleet-report", "training-report" ->
                    InputForm.notBindable("a report study evaluates the shipped presets together for the HTML report "
                            + "(`mosaic evaluate`); its inputs are lists of named scenarios, not values a form edits");
            default -> InputForm.notBindable("its inputs are not bound from values yet");
        };
    }

    private static InputForm compare() {
        DocumentInput<ScenarioDocument> cable = DocumentInput.cable(null);
        return InputForm.builder()
                .parser("rate", (key, node) -> {
                    if (!node.isTextual()) {
                        throw new UsageException(StudyInputs.shown(node) + " — expected 800G, 1.6T or 3.2T");
                    }
                    return CompareStudy.generation(node.asText().trim()).name();
                })
                .documents("cables", cable, () -> Documents.names(Documents.Kind.CABLE))
                .check(ctx -> {
                    // an edit of a cable must change something compare uses in it (leave one out), as the CLI's --set
                    List<String> problems = new ArrayList<>();
                    List<DocumentValue> cables = ctx.lists().getOrDefault("cables", List.of());
                    for (int i = 0; i < cables.size(); i++) {
                        DocumentValue v = cables.get(i);
                        String key = "cables[" + i + "]";
                        Optional<String> ignored = Edits.firstWithoutEffect(v.set(),
                                e -> cable.resolve(key, new DocumentValue(v.preset(), v.yaml(), new java.util.TreeMap<>(e))),
                                CompareStudy::used, null);
                        ignored.ifPresent(path -> problems.add(key + ".set " + path + "=" + v.set().get(path)
                                + " has no effect on compare: " + CompareStudy.withoutEffect(path, v.set().get(path))));
                    }
                    return problems;
                })
                .build();
    }

    private static InputForm emulate() {
        DocumentInput<ScenarioDocument> cable = DocumentInput.cable(CableStudy.DEFAULT_PRESET);
        return InputForm.builder()
                .document("scenario", cable)
                // the CLI passes no detection latency and no codewords unless given: the study's defaults then apply (and a
                // latency is refused when nothing fails)
                .defaultValue("detect", NullNode.instance)
                .defaultValue("codewords", NullNode.instance)
                .defaultValue("fails", JsonNodeFactory.instance.arrayNode())
                .check(ctx -> {
                    DocumentValue v = ctx.documents().get("scenario");
                    if (v == null || v.set().isEmpty()) {
                        return List.of();
                    }
                    Optional<String> ignored = Edits.firstWithoutEffect(v.set(),
                            e -> cable.resolve("scenario", new DocumentValue(v.preset(), v.yaml(), new java.util.TreeMap<>(e))),
                            d -> EmulateStudy.dependencies(new EmulateStudy.Input(d, ctx.get("mapping"), ctx.get("ber"),
                                    ctx.<Integer>get("deadChannels"), ctx.get("fails"), ctx.get("detect"), ctx.get("engine"),
                                    ctx.get("fec"), ctx.get("codewords"), ctx.get("duration"), ctx.<Boolean>get("longRun"),
                                    ctx.<Integer>get("frameBytes"))),
                            ScenarioDocument::tree);
                    return ignored.map(path -> List.of("scenario.set " + path + "=" + v.set().get(path) + " has no effect on "
                            + "emulate: " + EmulateStudy.withoutEffect(path, ctx.get("ber")))).orElse(List.of());
                })
                .build();
    }

    /** The keys a user edited in a document input, each with how it was given (for the study's "has no effect" refusal). */
    static Map<String, String> given(InputForm.Context ctx, String input) {
        Map<String, String> out = new LinkedHashMap<>();
        DocumentValue doc = ctx.documents().get(input);
        if (doc != null) {
            for (String path : doc.paths()) {
                out.put(path, input + ".set");
            }
        }
        return out;
    }
}
