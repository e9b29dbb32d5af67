package org.mosaic.cluster.training;

import java.util.Arrays;
import java.util.Locale;

/**
 * The number format a plan's matrix multiplies (the linear layers) run in; the attention score and context products,
 * the memory-bound kernels, the activations kept and the communication stay BF16. The GPU document gives each type's
 * dense tensor-core peak ({@code peak.bf16}, {@code peak.fp8}, {@code peak.fp32}) and optionally its own efficiency
 * table; MFU is always counted against the BF16 peak, so an FP8 plan can show more of it than BF16 allows.
 */
public enum DataType {
    /** BF16 inputs, FP32 accumulation: the reference. */
    BF16("bf16", 2),
    /** FP8 (E4M3/E5M2) inputs with per-tensor scaling, Transformer Engine style; the GPU must give peak.fp8. */
    FP8("fp8", 1),
    /** FP32 inputs on the tensor cores (TF32 math); the GPU must give peak.fp32. */
    FP32("fp32", 4);

    private final String word;
    private final double operandBytes;

    DataType(String word, double operandBytes) {
        this.word = word;
        this.operandBytes = operandBytes;
    }

    /** Bytes per element of a multiply's operands in this type (FP8 1, BF16 2, FP32 4); the casts into it are not counted. */
    public double operandBytes() {
        return operandBytes;
    }

    /** The document / CLI word: bf16, fp8, fp32. */
    public String word() {
        return word;
    }

    /** The type for a word. */
    public static DataType parse(String word) {
        if (word != null) {
            for (DataType d : values()) {
                if (d.word.equalsIgnoreCase(word.trim())) {
                    return d;
                }
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "matrix-multiply type '%s' — expected one of %s", word,
                Arrays.stream(values()).map(DataType::word).toList()));
    }
}
