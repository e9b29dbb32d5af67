package org.mosaic.cluster.inference;

import java.util.Locale;
import org.mosaic.cluster.training.DataType;

/**
 * The number formats a model is served in.
 *
 * <p><b>Weights</b> ({@code bf16} or {@code fp8}): the linear layers' weights — attention QKV and output projections, the FFN
 * or every expert's matrices — stored at the type's size (2 B, 1 B) and multiplied in it: FP8 is W8A8, the activations cast
 * to FP8 per tensor, as the FP8 engines of TensorRT-LLM's benchmarks run them ([trtllm-perf-v05]: --enable_fp8 --fp8_kv_cache), at the GPU document's {@code peak.fp8}
 * and its FP8 efficiency table (the BF16 one when it gives none). The embeddings, the output projection (logits), the router
 * and the norms stay BF16 (the recipe leaves them unquantised; assumed, Mosaic developers), as do attention over the KV cache,
 * the element-wise kernels and every transfer.
 *
 * <p><b>KV cache</b> ({@code bf16} or {@code fp8}): K and V stored and read at the type's size; the attention arithmetic stays
 * BF16 (the cache is dequantised as it is read), so FP8 halves the cache's memory and its read traffic.
 *
 * @param weights the linear layers' weights and multiplies
 * @param kvCache the K and V cache
 */
public record ServingPrecision(DataType weights, DataType kvCache) {
    /** Everything in BF16: the default. */
    public static final ServingPrecision BF16 = new ServingPrecision(DataType.BF16, DataType.BF16);

    public ServingPrecision {
        for (DataType t : new DataType[] {weights, kvCache}) {
            if (t != DataType.BF16 && t != DataType.FP8) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "serving type %s — expected bf16 or fp8",
                        t == null ? "null" : t.word()));
            }
        }
    }

    /** Parses the two words ({@code bf16}, {@code fp8}); the message names the option, the value and what is expected. */
    public static ServingPrecision parse(String weights, String kvCache) {
        return new ServingPrecision(word("--weights-type", weights), word("--kv-cache-type", kvCache));
    }

    private static DataType word(String option, String w) {
        DataType t;
        try {
            t = DataType.parse(w);
        } catch (IllegalArgumentException e) {
            t = null;
        }
        if (t != DataType.BF16 && t != DataType.FP8) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s — expected bf16 or fp8 (FP32 is not a serving format)",
                    option, w));
        }
        return t;
    }

    /** Bytes of one linear-layer weight. */
    public double weightBytes() {
        return weights.operandBytes();
    }

    /** Bytes of one K or V element. */
    public double kvBytes() {
        return kvCache.operandBytes();
    }

    /** E.g. "weights fp8, KV cache bf16". */
    public String label() {
        return "weights " + weights.word() + ", KV cache " + kvCache.word();
    }
}
