package org.mosaic.cluster.training;

import java.util.Locale;

/**
 * A decoder-only transformer (dense or mixture-of-experts) as a training workload.
 *
 * <p><b>Parameter count</b> (weights; biases ignored, they are &lt; 0.01 % of any model here):
 * <ul>
 *   <li>attention per layer: Q and O projections 2·h², K and V projections 2·h·(kvHeads·h/heads)
 *       (grouped-query attention; kvHeads = heads is multi-head attention);</li>
 *   <li>FFN per layer: experts · m · h · f, with m = 2 matrices for the GeLU MLP ({@link Family#GPT}) and
 *       m = 3 for SwiGLU ({@link Family#LLAMA}); a router of h·experts when experts &gt; 1;</li>
 *   <li>norms: 2·h gains per layer plus a final h;</li>
 *   <li>embeddings: V·h input; plus V·h output for untied embeddings ({@link Family#LLAMA}) or s·h learned
 *       positions with the output tied to the input ({@link Family#GPT}).</li>
 * </ul>
 * For GPT this reduces to Megatron's 12·l·h²·(1 + 13/(12h) + (V+s)/(12·l·h)) up to the bias terms.
 *
 * <p><b>Training FLOPs per token</b> (model FLOPs, no recomputation, the numerator of MFU):
 * 6·N<sub>active-matmul</sub> + 12·l·s·h, where N<sub>active-matmul</sub> is the weights that take part in a
 * matrix multiply for one token (attention, the top-k experts' FFN, the router, and the V·h output logits; not
 * the input embedding lookup or norms), 6 = 2 forward + 4 backward FLOPs per weight, and 12·l·s·h is the
 * Q·Kᵀ and attention·V products (2·2·s·h forward per layer, times 3 for training) without the causal-mask
 * halving — the convention of Narayanan et al. 2021 / Korthikanti et al. 2022, whose MFU numbers
 * [korthikanti-2022] quotes: for GPT it equals 72·l·h²·(1 + s/(6h) + V/(12·l·h)).
 *
 * @param name            preset or user name
 * @param family          architecture family (FFN kind, embeddings, positions)
 * @param layers          transformer layers l
 * @param hiddenSize      model width h
 * @param ffnHiddenSize   FFN inner width f (per expert for MoE)
 * @param heads           attention heads (divides h)
 * @param kvHeads         key/value heads (divides heads)
 * @param vocabSize       vocabulary V
 * @param sequenceLength  training sequence length s (tokens)
 * @param experts         experts per MoE layer (1 = dense)
 * @param topK            experts each token is routed to (1 for dense)
 */
public record ModelSpec(String name, Family family, int layers, int hiddenSize, int ffnHiddenSize, int heads, int kvHeads,
                        int vocabSize, int sequenceLength, int experts, int topK) {

    /** Architecture family: decides the FFN matrices, the output embedding and the position embedding. */
    public enum Family {
        /** GPT-3 / Megatron: GeLU MLP (2 matrices), learned positions, output tied to the input embedding. */
        GPT(2, true, true),
        /** Llama: SwiGLU MLP (3 matrices), rotary positions (no weights), untied output embedding. */
        LLAMA(3, false, false);

        private final int ffnMatrices;
        private final boolean tiedEmbeddings;
        private final boolean learnedPositions;

        Family(int ffnMatrices, boolean tiedEmbeddings, boolean learnedPositions) {
            this.ffnMatrices = ffnMatrices;
            this.tiedEmbeddings = tiedEmbeddings;
            this.learnedPositions = learnedPositions;
        }

        /** True when positions are learned weights (GPT), false for rotary positions (no weights). */
        public boolean learnedPositions() {
            return learnedPositions;
        }

        /** True when the output projection shares the input embedding's weights. */
        public boolean tiedEmbeddings() {
            return tiedEmbeddings;
        }

        /** Weight matrices of one FFN (2 GeLU, 3 SwiGLU). */
        public int ffnMatrices() {
            return ffnMatrices;
        }
    }

    public ModelSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("model name '" + name + "' — expected a non-blank name, e.g. \"gpt3-175b\"");
        }
        if (family == null) {
            throw new IllegalArgumentException("model " + name + ": family null — expected GPT or LLAMA");
        }
        bounded(name, "layers", layers, 10_000, "e.g. 96");
        bounded(name, "hiddenSize", hiddenSize, 1_000_000, "e.g. 12288");
        bounded(name, "ffnHiddenSize", ffnHiddenSize, 10_000_000, "e.g. 4 × hidden for GPT");
        bounded(name, "heads", heads, 100_000, "e.g. 96");
        bounded(name, "kvHeads", kvHeads, 100_000, "equal to heads for multi-head attention");
        bounded(name, "vocabSize", vocabSize, 100_000_000, "e.g. 51200");
        bounded(name, "sequenceLength", sequenceLength, 100_000_000, "e.g. 2048");
        bounded(name, "experts", experts, 1_000_000, "1 for a dense model");
        bounded(name, "topK", topK, 1_000_000, "1 for a dense model");
        if (hiddenSize % heads != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "model %s: heads %d do not divide hiddenSize %d — expected hidden = heads × head dimension", name, heads, hiddenSize));
        }
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "model %s: kvHeads %d do not divide heads %d — expected a grouped-query factor (e.g. 128 heads, 8 KV heads)",
                    name, kvHeads, heads));
        }
        if (topK > experts) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "model %s: topK %d > experts %d — expected 1 ≤ topK ≤ experts", name, topK, experts));
        }
        if (experts == 1 && topK != 1) {
            throw new IllegalArgumentException("model " + name + ": topK " + topK + " with one expert — expected topK 1 for a dense model");
        }
    }

    /** 1 ≤ value ≤ max: the bounds keep every derived count (FLOPs, bytes, layer splits) far from overflow. */
    private static void bounded(String model, String field, int value, int max, String hint) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "model %s: %s %d — expected a whole number from 1 to %,d (%s)",
                    model, field, value, max, hint));
        }
    }

    /** A dense model (one expert, top-1). */
    public static ModelSpec dense(String name, Family family, int layers, int hidden, int ffn, int heads, int kvHeads, int vocab, int seq) {
        return new ModelSpec(name, family, layers, hidden, ffn, heads, kvHeads, vocab, seq, 1, 1);
    }

    /** True when the FFN is a mixture of experts. */
    public boolean isMoe() {
        return experts > 1;
    }

    /** Width of one attention head, h / heads. */
    public int headDim() {
        return hiddenSize / heads;
    }

    /** Attention weights of one layer: 2·h² (Q, O) + 2·h·kvHeads·headDim (K, V). */
    public double attentionParametersPerLayer() {
        double h = hiddenSize;
        return 2 * h * h + 2 * h * ((double) kvHeads * headDim());
    }

    /** Weights of one expert's FFN: m · h · f. */
    public double expertParameters() {
        return (double) family.ffnMatrices() * hiddenSize * ffnHiddenSize;
    }

    /** Router weights of one layer: h · experts for MoE, 0 for dense. */
    public double routerParametersPerLayer() {
        return isMoe() ? (double) hiddenSize * experts : 0;
    }

    /** Embedding weights: V·h input, plus V·h untied output or s·h learned positions. */
    public double embeddingParameters() {
        double vh = (double) vocabSize * hiddenSize;
        return vh + (family.tiedEmbeddings ? 0 : vh) + (family.learnedPositions ? (double) sequenceLength * hiddenSize : 0);
    }

    /** All weights (every expert counted). */
    public double parameterCount() {
        return layerParameters(experts) + embeddingParameters() + normParameters();
    }

    /** Weights one token uses (top-k experts instead of all); equals {@link #parameterCount()} for dense models. */
    public double activeParameterCount() {
        return layerParameters(topK) + embeddingParameters() + normParameters();
    }

    private double layerParameters(int expertsCounted) {
        return layers * (attentionParametersPerLayer() + expertsCounted * expertParameters() + routerParametersPerLayer());
    }

    private double normParameters() {
        return (2.0 * layers + 1) * hiddenSize;
    }

    /** Weights in matrix multiplies per token: attention, top-k FFNs, router, output logits V·h. */
    public double activeMatmulParameters() {
        return layers * (attentionParametersPerLayer() + topK * expertParameters() + routerParametersPerLayer())
                + (double) vocabSize * hiddenSize;
    }

    /** Attention-score FLOPs per token for training: 12·l·s·h (no causal halving; see the type's Javadoc). */
    public double attentionFlopsPerToken() {
        return 12.0 * layers * sequenceLength * hiddenSize;
    }

    /** Model FLOPs per trained token: 6·N<sub>active-matmul</sub> + 12·l·s·h. */
    public double trainingFlopsPerToken() {
        return 6 * activeMatmulParameters() + attentionFlopsPerToken();
    }

    /** The same model with another sequence length (e.g. long-context training). */
    public ModelSpec withSequenceLength(int seq) {
        return new ModelSpec(name, family, layers, hiddenSize, ffnHiddenSize, heads, kvHeads, vocabSize, seq, experts, topK);
    }
}
