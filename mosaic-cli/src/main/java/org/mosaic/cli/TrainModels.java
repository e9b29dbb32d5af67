package org.mosaic.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.Models;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.studies.UsageException;

/** {@code train --model FILE|NAME|custom} with {@code --set model.KEY} and {@code --seq-len}: the model document, bound once. */
final class TrainModels {
    private TrainModels() {
    }

    /** The model keys --set accepts: the keys of a model document ({@link Models#SHAPE_KEYS}) under {@code model.}. */
    static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("model.layers", "transformer layers (whole number)");
        KEYS.put("model.hidden", "model width (whole number, a multiple of the heads)");
        KEYS.put("model.ffn", "FFN inner width (whole number; per expert for MoE)");
        KEYS.put("model.heads", "attention heads (whole number)");
        KEYS.put("model.kvHeads", "key/value heads (whole number dividing the heads)");
        KEYS.put("model.vocab", "vocabulary size (whole number)");
        KEYS.put("model.seq", "sequence length (whole number)");
        KEYS.put("model.experts", "experts per MoE layer (1 = dense)");
        KEYS.put("model.topK", "experts per token (1 for dense)");
        KEYS.put("model.family", "gpt (GeLU MLP, tied embeddings) or llama (SwiGLU, untied)");
        if (!KEYS.keySet().equals(new java.util.LinkedHashSet<>(Models.SHAPE_KEYS.stream().map(k -> "model." + k).toList()))) {
            throw new IllegalStateException("--set model keys " + KEYS.keySet() + " differ from the model document's " + Models.SHAPE_KEYS);
        }
    }

    /** The shape keys --model custom must set (the rest have defaults). */
    static final List<String> CUSTOM_REQUIRED = List.of("model.layers", "model.hidden", "model.heads", "model.vocab", "model.seq");

    /** The shape of {@code --model custom} before its {@code --set} keys: a model document with only a name and a family. */
    static final String CUSTOM_DOCUMENT = "formatVersion: 1\nkind: model\nname: custom\ndescription: a shape given with --set\nfamily: gpt\n";

    /**
     * The model: the document {@code --model FILE|NAME} (or the bare {@code custom} one) with every {@code --set model.KEY} and
     * {@code --seq-len} applied, then bound once. A changed preset or file is named with a trailing "*".
     */
    static ModelSpec bind(String model, Integer seqLen, Map<String, String> modelSets) {
        Map<String, String> given = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : modelSets.entrySet()) {
            String key = e.getKey();
            if (!KEYS.containsKey(key)) {
                throw new UsageException("--set " + key + ": unknown key; expected one of " + String.join(", ", KEYS.keySet()) + hint(key));
            }
            given.put(key, e.getValue());
        }
        if (seqLen != null && given.containsKey("model.seq")) {
            throw new UsageException("--seq-len " + seqLen + " with --set model.seq=" + given.get("model.seq")
                    + ": both set the sequence length; expected one of them");
        }
        boolean custom = model.equals("custom");
        ScenarioDocument doc;
        if (custom) {
            List<String> missing = new ArrayList<>();
            for (String k : CUSTOM_REQUIRED) {
                if (!given.containsKey(k) && !(k.equals("model.seq") && seqLen != null)) {
                    missing.add(k);
                }
            }
            if (!missing.isEmpty()) {
                throw new UsageException("--model custom: the shape is not set — expected " + String.join(", ", missing)
                        + " (model.ffn, model.kvHeads, model.experts, model.topK and model.family have defaults: 4 × hidden, the heads, "
                        + "1, 1, gpt); e.g. --model custom --set model.layers=24 --set model.hidden=2048 --set model.heads=16 "
                        + "--set model.vocab=51200 --set model.seq=2048 (a GPT-3 1.3B shape)");
            }
            doc = ScenarioDocument.parse("--model custom", CUSTOM_DOCUMENT, true);
        } else {
            if (!Documents.isFile(model) && !Models.names().contains(model)) {
                throw new UsageException("--model " + model + ": unknown model; expected a model file (kind: model) or one of "
                        + String.join(", ", Models.names()) + " or custom (hint: --model custom --set model.layers=... --set model.hidden=..."
                        + "; `mosaic presets show llama3-405b` prints a document to copy)" + SpecReader.didYouMean(model, Models.names()));
            }
            doc = Documents.load(Documents.Kind.MODEL, model);
        }
        Map<String, String> overrides = new java.util.TreeMap<>(given);   // sorted: the order of --set never matters
        if (seqLen != null) {
            overrides.put("model.seq", String.valueOf(seqLen));
        }
        ModelSpec m = DocumentSets.bind(doc, "model", overrides, seqLen == null ? Map.of() : Map.of("model.seq", "--seq-len " + seqLen),
                Models::bind);
        if (custom || overrides.isEmpty()) {
            return m;
        }
        return new ModelSpec(m.name() + "*", m.family(), m.layers(), m.hiddenSize(), m.ffnHiddenSize(), m.heads(), m.kvHeads(), m.vocabSize(),
                m.sequenceLength(), m.experts(), m.topK());
    }

    private static String hint(String key) {
        return SpecReader.didYouMean(key, KEYS.keySet());
    }
}
