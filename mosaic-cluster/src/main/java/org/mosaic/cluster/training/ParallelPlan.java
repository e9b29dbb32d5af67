package org.mosaic.cluster.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a training job is split over GPUs (Megatron-LM conventions, [thakur-2005], [megatron-lm]).
 *
 * <p>GPUs = TP × CP × PP × DP. Ranks are ordered TP innermost, then CP, then DP, then PP (Megatron's default
 * "tp-cp-ep-dp-pp" order): a TP group is {@code tp} consecutive ranks, a CP group strides by TP, a DP group by
 * TP·CP, pipeline neighbours by TP·CP·DP. Expert parallelism (EP) splits the experts of each MoE layer over
 * {@code ep} ranks of the DP dimension (stride TP·CP), so EP divides DP; it adds no GPUs. A DP replica processes
 * {@code globalBatch / dp} sequences per step as {@code microBatches()} micro-batches of {@code microBatch}.
 *
 * @param tp                   tensor-parallel size
 * @param pp                   pipeline-parallel stages
 * @param dp                   data-parallel replicas
 * @param ep                   expert-parallel size (1 for dense models)
 * @param cp                   context-parallel size (sequence split over ranks, ring exchange of K/V)
 * @param microBatch           sequences per micro-batch
 * @param globalBatch          sequences per optimizer step
 * @param interleave           model chunks per pipeline stage (1 = plain 1F1B, &gt; 1 = interleaved 1F1B)
 * @param recompute            activation recomputation
 * @param sequenceParallel     Megatron sequence parallelism (norms and dropout split over TP; TP all-reduces become
 *                             reduce-scatter + all-gather)
 * @param distributedOptimizer optimizer state and fp32 master weights sharded over DP (ZeRO-1 style);
 *                             gradients reduce-scattered and parameters all-gathered instead of all-reduced
 * @param flashAttention       fused attention kernel (no s²-sized score tensor in memory or HBM traffic)
 * @param tpOverlap            how the TP collectives overlap the multiplies next to them ({@link TpOverlap})
 * @param dpOverlap            the DP gradient reduction and parameter gathering run under the backward and forward (all
 *                             but the last bucket); false: after the backward, exposed in full
 * @param matmulType           the number format of the linear layers' multiplies ({@link DataType})
 * @param offload              what lives in the second memory tier ({@link Offload}; {@link Offload#NONE}: everything in HBM)
 */
public record ParallelPlan(int tp, int pp, int dp, int ep, int cp, int microBatch, int globalBatch, int interleave,
                           Recompute recompute, boolean sequenceParallel, boolean distributedOptimizer, boolean flashAttention,
                           TpOverlap tpOverlap, boolean dpOverlap, DataType matmulType, Offload offload) {

    /** A plan that offloads nothing. */
    public ParallelPlan(int tp, int pp, int dp, int ep, int cp, int microBatch, int globalBatch, int interleave,
                        Recompute recompute, boolean sequenceParallel, boolean distributedOptimizer, boolean flashAttention,
                        TpOverlap tpOverlap, boolean dpOverlap, DataType matmulType) {
        this(tp, pp, dp, ep, cp, microBatch, globalBatch, interleave, recompute, sequenceParallel, distributedOptimizer, flashAttention,
                tpOverlap, dpOverlap, matmulType, Offload.NONE);
    }

    /** A plan whose multiplies run in BF16. */
    public ParallelPlan(int tp, int pp, int dp, int ep, int cp, int microBatch, int globalBatch, int interleave,
                        Recompute recompute, boolean sequenceParallel, boolean distributedOptimizer, boolean flashAttention,
                        TpOverlap tpOverlap, boolean dpOverlap) {
        this(tp, pp, dp, ep, cp, microBatch, globalBatch, interleave, recompute, sequenceParallel, distributedOptimizer, flashAttention,
                tpOverlap, dpOverlap, DataType.BF16);
    }

    /**
     * A plan with Megatron's defaults for the overlaps: the TP backward overlap ({@link TpOverlap#BACKWARD}) and the DP
     * overlap on.
     */
    public ParallelPlan(int tp, int pp, int dp, int ep, int cp, int microBatch, int globalBatch, int interleave,
                        Recompute recompute, boolean sequenceParallel, boolean distributedOptimizer, boolean flashAttention) {
        this(tp, pp, dp, ep, cp, microBatch, globalBatch, interleave, recompute, sequenceParallel, distributedOptimizer, flashAttention,
                TpOverlap.BACKWARD, true);
    }

    public ParallelPlan {
        positive("tp", tp, "tensor-parallel size, e.g. 8 inside an HGX board");
        positive("pp", pp, "pipeline stages, e.g. 16");
        positive("dp", dp, "data-parallel replicas");
        positive("ep", ep, "expert-parallel size, 1 for a dense model");
        positive("cp", cp, "context-parallel size, 1 unless the sequence is long");
        positive("microBatch", microBatch, "sequences per micro-batch, e.g. 1");
        positive("globalBatch", globalBatch, "sequences per step, e.g. 2048");
        positive("interleave", interleave, "model chunks per stage, 1 for plain 1F1B");
        if (recompute == null) {
            throw new IllegalArgumentException("recompute null — expected none, selective or full");
        }
        if (matmulType == null) {
            throw new IllegalArgumentException("matrix-multiply type null — expected bf16, fp8 or fp32");
        }
        if (offload == null) {
            offload = Offload.NONE;
        }
        if (tpOverlap == null) {
            throw new IllegalArgumentException("TP overlap null — expected none, backward, ring or pipelined");
        }
        if (dp % ep != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "ep %d does not divide dp %d — expected EP to split the data-parallel ranks (hint: ep ∈ divisors of %d)", ep, dp, dp));
        }
        long perStep = (long) dp * microBatch;
        if (globalBatch % perStep != 0) {
            long below = globalBatch / perStep * perStep;
            long above = below + perStep;
            String hint = below == 0
                    ? String.format(Locale.ROOT, "hint: a global batch of at least %d, or a smaller micro-batch or DP (more TP, PP or CP)", perStep)
                    : String.format(Locale.ROOT, "hint: global batch %d or %d", below, above);
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "global batch %d is not a multiple of dp × micro-batch = %d × %d = %d — expected whole micro-batches per replica (%s)",
                    globalBatch, dp, microBatch, perStep, hint));
        }
        if (interleave > 1 && pp == 1) {
            throw new IllegalArgumentException("interleave " + interleave + " with pp 1 — expected interleave 1 without pipeline parallelism");
        }
        if (interleave > 1 && (globalBatch / perStep) % pp != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "interleaved schedule with %d micro-batches per replica and pp %d — expected micro-batches a multiple of pp"
                            + " (Megatron's interleaved 1F1B requirement); hint: interleave 1, or change the batch", globalBatch / perStep, pp));
        }
    }

    /** A plan with Megatron's usual switches: sequence parallel when TP &gt; 1, distributed optimizer, flash attention. */
    public static ParallelPlan of(int tp, int pp, int dp, int microBatch, int globalBatch, int interleave, Recompute recompute) {
        return new ParallelPlan(tp, pp, dp, 1, 1, microBatch, globalBatch, interleave, recompute, tp > 1, true, true);
    }

    /** GPUs the plan occupies: TP × CP × PP × DP. */
    public long gpus() {
        return (long) tp * cp * pp * dp;
    }

    /** Micro-batches each pipeline runs per step: globalBatch / (dp · microBatch). */
    public int microBatches() {
        return globalBatch / (dp * microBatch);
    }

    /** Rank distance between members of a CP group. */
    public int cpStride() {
        return tp;
    }

    /** Rank distance between members of a DP (and EP) group. */
    public int dpStride() {
        return tp * cp;
    }

    /** Rank distance between neighbouring pipeline stages. */
    public int ppStride() {
        return tp * cp * dp;
    }

    /** The same plan with other switches (the overlaps kept). */
    public ParallelPlan with(Recompute r, boolean seqPar, boolean distOpt, boolean flash) {
        return new ParallelPlan(tp, pp, dp, ep, cp, microBatch, globalBatch, interleave, r, seqPar, distOpt, flash, tpOverlap, dpOverlap, matmulType,
                offload);
    }

    /** The same plan with other overlaps. */
    public ParallelPlan withOverlap(TpOverlap tpMode, boolean dpOn) {
        return new ParallelPlan(tp, pp, dp, ep, cp, microBatch, globalBatch, interleave, recompute, sequenceParallel, distributedOptimizer,
                flashAttention, tpMode, dpOn, matmulType, offload);
    }

    /** The same plan with its linear layers' multiplies in another type. */
    public ParallelPlan withMatmulType(DataType type) {
        return new ParallelPlan(tp, pp, dp, ep, cp, microBatch, globalBatch, interleave, recompute, sequenceParallel, distributedOptimizer,
                flashAttention, tpOverlap, dpOverlap, type, offload);
    }

    /** The same plan with another offload. */
    public ParallelPlan withOffload(Offload o) {
        return new ParallelPlan(tp, pp, dp, ep, cp, microBatch, globalBatch, interleave, recompute, sequenceParallel, distributedOptimizer,
                flashAttention, tpOverlap, dpOverlap, matmulType, o);
    }

    /**
     * Why this plan cannot run {@code model} on {@code gpus} GPUs (empty when it can): sizes that do not divide, a
     * stage without a layer, a chunk without a layer, a sequence the CP ring cannot split.
     */
    public List<String> problems(ModelSpec model, long gpus) {
        List<String> out = new ArrayList<>();
        if (gpus() != gpus) {
            long rest = (long) tp * cp * pp;
            String hint = gpus % rest == 0 ? String.format(Locale.ROOT, "hint: %d GPUs, or dp %d", gpus(), gpus / rest)
                    : String.format(Locale.ROOT, "hint: %d GPUs, or tp × cp × pp dividing %d", gpus(), gpus);
            out.add(String.format(Locale.ROOT, "tp × cp × pp × dp = %d × %d × %d × %d = %d GPUs, but the job has %d — expected the product to"
                    + " equal the GPUs (%s)", tp, cp, pp, dp, gpus(), gpus, hint));
        }
        if (model.heads() % tp != 0) {
            out.add(String.format(Locale.ROOT, "tp %d does not divide the %d attention heads — expected a divisor of %d", tp, model.heads(), model.heads()));
        }
        if (tp > model.kvHeads() && tp % model.kvHeads() != 0) {
            out.add(String.format(Locale.ROOT, "tp %d vs %d KV heads — expected tp to divide the KV heads or a multiple of them", tp, model.kvHeads()));
        }
        if (pp > model.layers()) {
            out.add(String.format(Locale.ROOT, "pp %d > %d layers — expected at least one layer per stage", pp, model.layers()));
        } else if (interleave > 1 && interleave > model.layers() / pp) {
            out.add(String.format(Locale.ROOT, "interleave %d > %d layers per stage — expected at least one layer per model chunk",
                    interleave, model.layers() / pp));
        }
        if (cp > 1 && model.sequenceLength() % (2 * cp) != 0) {
            out.add(String.format(Locale.ROOT, "cp %d does not split sequence %d into 2·cp equal blocks — expected 2·cp to divide the sequence",
                    cp, model.sequenceLength()));
        }
        if (tpOverlap.needsSequenceParallel() && tp > 1 && !sequenceParallel) {
            out.add("TP overlap " + tpOverlap.word() + " without sequence parallelism — expected sequence parallelism (the ring and "
                    + "pipelined overlaps split all-gathers and reduce-scatters); hint: TP overlap backward or none");
        }
        if (offload.any()) {
            int fewest = Integer.MAX_VALUE;
            for (int[] stage : StepModel.layerSplit(model.layers(), Math.min(pp, model.layers()), 1)) {
                fewest = Math.min(fewest, stage[0]);
            }
            if (fewest < 3) {
                out.add(String.format(Locale.ROOT, "offload %s with %d layer(s) on a stage — expected at least 3 layers per stage (HBM "
                        + "keeps two layers' worth double-buffered, as Calculon requires); hint: fewer pipeline stages, or --offload none",
                        offload.word(), fewest));
            }
        }
        if (ep > 1 && !model.isMoe()) {
            out.add("ep " + ep + " on dense model " + model.name() + " — expected ep 1 (no experts to split)");
        }
        if (ep > 1 && model.experts() % ep != 0) {
            out.add(String.format(Locale.ROOT, "ep %d does not divide the %d experts — expected a divisor of %d", ep, model.experts(), model.experts()));
        }
        return out;
    }

    /** A short label, e.g. "TP8 PP16 DP128 v2 mb1 selective". */
    public String label() {
        StringBuilder b = new StringBuilder();
        b.append("TP").append(tp);
        if (cp > 1) {
            b.append(" CP").append(cp);
        }
        b.append(" PP").append(pp);
        if (interleave > 1) {
            b.append(" v").append(interleave);
        }
        b.append(" DP").append(dp);
        if (ep > 1) {
            b.append(" EP").append(ep);
        }
        b.append(" mb").append(microBatch).append(' ').append(recompute.word());
        if (tp > 1 && tpOverlap != TpOverlap.BACKWARD) {
            b.append(" tp-overlap ").append(tpOverlap.word());
        }
        if (!dpOverlap) {
            b.append(" no-dp-overlap");
        }
        if (matmulType != DataType.BF16) {
            b.append(' ').append(matmulType.word());
        }
        if (offload.any()) {
            b.append(" offload ").append(offload.word());
        }
        return b.toString();
    }

    private static void positive(String field, int v, String hint) {
        if (v < 1) {
            throw new IllegalArgumentException(field + " " + v + " — expected a positive integer (" + hint + ")");
        }
    }
}
