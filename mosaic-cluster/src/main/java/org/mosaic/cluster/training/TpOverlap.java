package org.mosaic.cluster.training;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a plan's tensor-parallel collectives overlap the matrix multiplies next to them. C is a collective's time, W the
 * multiply it can hide behind, t the TP size and u the compute slow-down while a collective runs on that tier
 * ({@link GroupNetwork#computeSlowdown}): an overlapped collective adds max(u·C, C − W) to the multiply instead of C
 * (the multiply runs at (1 − u) of its speed while the collective runs; what the multiply cannot cover is exposed).
 */
public enum TpOverlap {
    /** Every TP collective exposed (Megatron without --async-tensor-model-parallel-allreduce). */
    NONE("none"),
    /**
     * Megatron's default since 2021 ([korthikanti-2022] §6.2, [megatron-lm] LinearWithGradAccumulationAndAsyncCommunication):
     * in the backward of the column-parallel layers (QKV, FC1) the input-gradient all-reduce (reduce-scatter with sequence
     * parallelism) runs under the weight-gradient multiply and the re-gather of the input under the data-gradient multiply;
     * the forward and the row-parallel layers' collectives stay exposed.
     */
    BACKWARD("backward"),
    /**
     * Collective matmul by ring exchange (Transformer Engine's userbuffers ring, with sequence parallelism): each
     * all-gather / reduce-scatter becomes t − 1 point-to-point steps each under one 1/t chunk of its multiply, forward
     * and backward: exposed max(u·C, C − W·(t − 1)/t) — the form is assumed (Mosaic developers).
     */
    RING("ring"),
    /**
     * Split pipelined (Transformer Engine's bulk/split overlap, with sequence parallelism): the multiply in t chunks,
     * each chunk's collective under the next chunk: exposed C/t + max(u·C·(t − 1)/t, (C − W)·(t − 1)/t) — the form is
     * assumed (Mosaic developers).
     */
    PIPELINED("pipelined");

    private final String word;

    TpOverlap(String word) {
        this.word = word;
    }

    /** The CLI / JSON word. */
    public String word() {
        return word;
    }

    /** Whether the mode needs sequence parallelism (the all-gather / reduce-scatter form of the TP collectives). */
    public boolean needsSequenceParallel() {
        return this == RING || this == PIPELINED;
    }

    /** The mode for a word: none, backward, ring, pipelined. */
    public static TpOverlap parse(String word) {
        if (word != null) {
            for (TpOverlap o : values()) {
                if (o.word.equalsIgnoreCase(word.trim())) {
                    return o;
                }
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "TP overlap '%s' — expected one of %s", word,
                Arrays.stream(values()).map(TpOverlap::word).toList()));
    }

    /**
     * Seconds a collective of {@code c} seconds adds when overlapped this way with a multiply of {@code w} seconds on a
     * tier that slows compute by {@code u} while it runs ({@code t} the TP size); {@link #NONE} adds c.
     */
    double exposed(double c, double w, int t, double u) {
        if (c <= 0) {
            return 0;
        }
        return switch (this) {
            case NONE -> c;
            case BACKWARD -> Math.max(u * c, c - w);
            case RING -> Math.max(u * c, c - w * (t - 1) / t);
            case PIPELINED -> c / t + Math.max(u * c * (t - 1) / t, (c - w) * (t - 1) / t);
        };
    }
}
