package org.mosaic.studies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.studies.cable.CableStudy;
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
            case "channel-report", "cable-report", "datapath-report", "fleet-report", "training-report" ->
                    InputForm.notBindable("a report study evaluates the shipped presets together for the HTML report "
                            + "(`mosaic evaluate`); its inputs are lists of named scenarios, not values a form edits");
            default -> InputForm.notBindable("its inputs are not bound from values yet");
        };
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
