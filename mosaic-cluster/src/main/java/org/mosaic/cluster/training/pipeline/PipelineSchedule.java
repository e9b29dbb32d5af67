package org.mosaic.cluster.training.pipeline;

import java.util.Locale;

/**
 * The order in which each pipeline stage runs its forward and backward passes: Megatron-LM's two training
 * schedules ({@code megatron/core/pipeline_parallel/schedules.py}, functions
 * {@code forward_backward_pipelining_without_interleaving} and {@code forward_backward_pipelining_with_interleaving},
 * read at NVIDIA/Megatron-LM commit 00611e6e; [megatron-lm], [narayanan-2021]).
 *
 * <p>Both schedules have the same three phases on stage r: a warm-up of {@link #warmupForwards} forwards, a
 * steady state that alternates one forward and one backward (forward first), and a cool-down of the remaining
 * backwards. With p stages, m micro-batches and v model chunks per stage, the stage runs m·v forwards and m·v
 * backwards, indexed by a "virtual micro-batch" k in [0, m·v): forward k is the k-th forward, backward k the
 * k-th backward.
 *
 * <p>Mapping k to a (micro-batch, chunk) pair, as Megatron's {@code get_model_chunk_id} and
 * {@code get_microbatch_id_in_model_chunk} do with the default {@code microbatch_group_size_per_vp_stage = p}:
 * micro-batches advance in groups of p through the chunks, k = g·p·v + j·p + i (g the group, j the slot, i &lt; p)
 * is micro-batch g·p + i on chunk j going forward and on chunk v−1−j going backward. Stage r holds the chunks
 * r, r+p, r+2p, … of the model's p·v chunks in layer order (local chunk c is global chunk c·p + r).
 */
public enum PipelineSchedule {

    /**
     * PipeDream-flush / Megatron's non-interleaved 1F1B: one chunk per stage, warm-up min(p−r−1, m) forwards on
     * stage r. Requires {@code chunks == 1}.
     */
    ONE_F_ONE_B,

    /**
     * Megatron's interleaved 1F1B with v chunks per stage: warm-up min(2·(p−r−1) + (v−1)·p, m·v) forwards on
     * stage r. Requires m divisible by p when v &gt; 1 (as Megatron's default micro-batch grouping of p does: a last
     * group smaller than p would leave dependency bubbles). With v = 1 it is {@link #ONE_F_ONE_B} exactly: Megatron
     * runs the non-interleaved function when no virtual pipeline size is set, and so does this model.
     *
     * <p>Older Megatron releases (e.g. Megatron-Core 0.7) also put every forward in the warm-up when m = p; the current code
     * does not, and neither does this model.
     */
    INTERLEAVED;

    /**
     * Forwards stage {@code stage} runs before its first backward.
     *
     * @throws IllegalArgumentException if the shape does not suit this schedule ({@link #check})
     */
    public int warmupForwards(int stages, int microBatches, int chunks, int stage) {
        check(stages, microBatches, chunks);
        if (stage < 0 || stage >= stages) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "stage %d — expected 0 ≤ stage < %d (the pipeline stages)", stage, stages));
        }
        if (chunks == 1) {
            return Math.min(stages - stage - 1, microBatches);
        }
        long warm = 2L * (stages - stage - 1) + (long) (chunks - 1) * stages;
        return (int) Math.min(warm, (long) microBatches * chunks);
    }

    /**
     * Checks that p stages, m micro-batches and v chunks per stage can run this schedule.
     *
     * @throws IllegalArgumentException naming the value, the expectation and a hint
     */
    public void check(int stages, int microBatches, int chunks) {
        PipelineInput.checkShape(stages, microBatches, chunks);
        if (this == ONE_F_ONE_B && chunks != 1) {
            throw new IllegalArgumentException("model chunks per stage " + chunks
                    + " — the non-interleaved 1F1B schedule expects exactly 1 (hint: use INTERLEAVED for v > 1)");
        }
        if (this == INTERLEAVED && chunks > 1 && microBatches % stages != 0) {
            int below = microBatches / stages * stages;
            int above = below + stages;
            String nearest = below == 0 ? String.valueOf(above) : below + " or " + above;
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "micro-batches %d — the interleaved schedule expects a multiple of the %d pipeline stages "
                            + "(micro-batches advance through the chunks in groups of p, as in Megatron-LM); "
                            + "hint: use %s micro-batches, or one chunk per stage",
                    microBatches, stages, nearest));
        }
    }
}
