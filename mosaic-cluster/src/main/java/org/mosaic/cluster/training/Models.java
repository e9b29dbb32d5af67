package org.mosaic.cluster.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mosaic.core.catalog.Catalog;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.core.scenario.SpecReader;

/**
 * Transformer models as {@code kind: model} documents. The shipped ones are resources at
 * {@code /presets/model/NAME.yaml} (listed by {@code /presets/model/index.txt}), each number with its source under
 * {@code provenance:}; a user's file has the same keys:
 * <pre>
 * formatVersion: 1
 * kind: model
 * name: gpt3-175b
 * description: one line
 * family: gpt          # gpt (GeLU MLP, tied embeddings, learned positions) or llama (SwiGLU, untied, rotary)
 * layers: 96
 * hidden: 12288
 * ffn: 49152           # optional: 4 × hidden
 * heads: 96
 * kvHeads: 96          # optional: the heads (multi-head attention)
 * vocab: 51200
 * seq: 2048
 * experts: 1           # optional: 1 (dense)
 * topK: 1              # optional: 1
 * </pre>
 * Binding is strict: every problem at once, an unknown key named with the closest known one.
 */
public final class Models {
    /** The keys of a model document, with what each holds (the shape keys {@code --set model.KEY} addresses). */
    public static final List<String> SHAPE_KEYS = List.of("family", "layers", "hidden", "ffn", "heads", "kvHeads", "vocab", "seq",
            "experts", "topK");
    /** The shape keys without a default. */
    public static final List<String> REQUIRED = List.of("family", "layers", "hidden", "heads", "vocab", "seq");

    private Models() {
    }

    /** Names of the shipped models, in display order. */
    public static List<String> names() {
        return Documents.names(Documents.Kind.MODEL);
    }

    /** The shipped model {@code name}; an unknown name is refused with the closest one. */
    public static ModelSpec preset(String name) {
        return bind(Documents.preset(Documents.Kind.MODEL, name));
    }

    /** Every shipped model, in display order. */
    public static List<ModelSpec> all() {
        return names().stream().map(Models::preset).toList();
    }

    /** A model file or preset name ({@code FILE|NAME}). */
    public static ModelSpec load(String fileOrName) {
        return bind(Documents.load(Documents.Kind.MODEL, fileOrName));
    }

    /** Binds a model document, reporting every problem at once. */
    public static ModelSpec bind(ScenarioDocument doc) {
        SpecReader r = Documents.reader(Documents.Kind.MODEL, doc);
        r.text("description", null);
        String name = r.text("name", null);
        if (name == null || name.isBlank()) {
            r.problem("name", name, "a name for the model, e.g. gpt3-175b");
        }
        ModelSpec.Family family = null;
        if (!r.has("family")) {
            r.problem("family", null, "gpt or llama is required");
        } else {
            String f = r.text("family", "").trim().toLowerCase(Locale.ROOT);
            switch (f) {
                case "gpt" -> family = ModelSpec.Family.GPT;
                case "llama" -> family = ModelSpec.Family.LLAMA;
                default -> r.problem("family", r.text("family", ""), "gpt or llama (gpt: GeLU MLP, tied embeddings; llama: SwiGLU, untied)");
            }
        }
        int layers = required(r, "layers", 10_000, "e.g. 96");
        int hidden = required(r, "hidden", 1_000_000, "e.g. 12288");
        int heads = required(r, "heads", 100_000, "e.g. 96");
        int vocab = required(r, "vocab", 100_000_000, "e.g. 51200");
        int seq = required(r, "seq", 100_000_000, "e.g. 2048");
        long derivedFfn = 4L * Math.max(hidden, 1);
        int ffn = r.integer("ffn", 1, 10_000_000, (int) Math.min(Integer.MAX_VALUE, derivedFfn));
        int kvHeads = r.integer("kvHeads", 1, 100_000, Math.max(heads, 1));
        int experts = r.integer("experts", 1, 1_000_000, 1);
        int topK = r.integer("topK", 1, 1_000_000, 1);
        r.finish();
        try {
            return new ModelSpec(name.trim(), family, layers, hidden, ffn, heads, kvHeads, vocab, seq, experts, topK);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(doc.source() + ": " + e.getMessage());
        }
    }

    private static int required(SpecReader r, String key, int max, String example) {
        if (!r.has(key)) {
            r.problem(key, null, "a whole number from 1 to " + String.format(Locale.ROOT, "%,d", max) + " is required (" + example + ")");
            return 1;
        }
        return r.integer(key, 1, max, 1);
    }

    /** Where every number of the shipped models comes from (their {@code provenance:} sections), keyed by model. */
    public static List<Provenance> provenance() {
        List<Provenance> out = new ArrayList<>();
        for (String n : names()) {
            for (Provenance p : Catalog.of(Documents.preset(Documents.Kind.MODEL, n))) {
                out.add(new Provenance("training.model." + n + "." + p.path(), p.value(), p.confidence(), p.source(), p.note()));
            }
        }
        return out;
    }
}
