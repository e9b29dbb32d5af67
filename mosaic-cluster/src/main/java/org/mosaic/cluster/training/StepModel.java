package org.mosaic.cluster.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mosaic.cluster.training.pipeline.PipelineInput;
import org.mosaic.cluster.training.pipeline.PipelineResult;
import org.mosaic.cluster.training.pipeline.PipelineSchedule;
import org.mosaic.cluster.training.pipeline.PipelineSimulator;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;

/**
 * Time of one training step (one optimizer update) of a transformer under a {@link ParallelPlan} on a cluster.
 *
 * <p><b>Per layer and micro-batch</b> (one GPU; T = b·s/CP local tokens, TP splits heads and FFN columns): the
 * matrix multiplies (QKV, Q·Kᵀ, attention·V, output projection, FFN — top-k experts' share for MoE — and the router)
 * and the memory-bound kernels (two norms, two dropout+residual, the activation function, the softmax unless flash
 * attention fuses it) are timed by {@link KernelCosts}. Backward = 2 × the forward's matrix FLOPs (data and weight
 * gradients) and 2 × its memory traffic. Recomputation adds the attention core (selective) or the whole forward,
 * TP collectives included (full). With flash attention the attention kernels skip the masked half of the causal
 * score matrix and the backward recomputes the scores (one more attention forward) — assumptions stated in
 * {@link #provenance()}.
 *
 * <p><b>Communication</b> (alpha-beta, {@link Collectives}, over the link the {@link GroupNetwork} gives the group):
 * TP: 2 all-reduces forward and 2 backward of T·h·2 bytes, or with sequence parallelism 2 all-gathers + 2
 * reduce-scatters each way (same volume) — not overlapped with compute (Megatron 2022). CP: K and V blocks passed
 * around the CP ring CP−1 times forward (K, V, dK, dV backward), overlapped with the attention compute, the excess
 * exposed. EP: dispatch and combine all-to-alls of T·k·h·2 bytes (÷ TP with sequence parallelism) forward, the same backward, bounded by bisection,
 * exposed. PP: each micro-batch's activation (T·h·2/TP bytes per rank, Megatron's scatter-gather) crosses each
 * stage boundary forward and its gradient backward — a latency in the pipeline simulation. DP: gradients (FP32)
 * reduce-scattered and BF16 parameters all-gathered over DP × CP (CP ranks hold the same weights) with the distributed
 * optimizer (else an all-reduce), overlapped
 * with the last micro-batch's backward and the first micro-batch's forward except the last 40 M-parameter bucket.
 *
 * <p><b>Step</b> = the pipeline's makespan from a step-by-step simulation of the 1F1B or interleaved schedule
 * ({@link PipelineSimulator}) over per-stage chunk times (layers split as evenly as possible, the first and last
 * stages taking the shortfall, as Llama 3 did; the embedding on the first stage and the logits and loss on the last)
 * + exposed DP communication + the optimizer update (memory-bound Adam). Stragglers slow the compute of the stages
 * they sit on (all in one pipeline, each in a different stage, heaviest first — the conservative placement).
 */
public final class StepModel {
    /** BF16 activations and weights. */
    static final double BF16 = 2;
    /** FP32 gradients reduced over DP and main gradients kept (Megatron --accumulate-allreduce-grads-in-fp32). */
    static final double GRAD_BYTES = 4;
    /** FP32 master weights + Adam m + Adam v. */
    static final double OPTIMIZER_BYTES = 12;
    /** Megatron DDP bucket (parameters): the last bucket's reduction cannot overlap the backward. */
    static final double DP_BUCKET_PARAMETERS = 40e6;
    /**
     * Optimizer bytes per parameter of the GPU's optimizer shard: gradient-norm read 4 + Adam (read FP32 grad 4, master
     * r/w 8, m r/w 8, v r/w 8) + copy of the FP32 master to the BF16 weight (read 4, write 2) — Megatron-LM's
     * Float16OptimizerWithFloat16Params step with apex FusedAdam.
     */
    static final double ADAM_BYTES_PER_PARAMETER = 42;
    /**
     * Bytes per parameter of the GPU's whole FP32 gradient buffer, sharded or not: zeroed before the step (write 4) and
     * averaged over the data-parallel ranks before the reduction (read + write 8: Megatron's
     * {@code buffer_.data /= data_parallel_world_size}).
     */
    static final double GRAD_BUFFER_BYTES_PER_PARAMETER = 12;
    /** LayerNorm / RMSNorm forward: read x, write y (BF16). */
    static final double NORM_FWD_BYTES = 4;
    /** Norm backward: read x and dy, write dx (the weight gradients reduced on the fly). */
    static final double NORM_BWD_BYTES = 6;
    /** Fused bias-dropout-add forward: read x and the residual, write the sum, a 1-byte mask. */
    static final double DROPOUT_ADD_FWD_BYTES = 7;
    /** Its backward: read dy and the mask, write dx (the residual's gradient is dy itself). */
    static final double DROPOUT_ADD_BWD_BYTES = 5;
    /** The residual stream's two gradients summed in the backward (autograd accumulation): read 2, write 1. */
    static final double RESIDUAL_GRAD_BYTES = 6;
    /** Fused scale-mask-softmax (read, write) + attention dropout (read, write, 1-byte mask), per score. */
    static final double SOFTMAX_DROPOUT_FWD_BYTES = 9;
    /** Dropout backward (dy, mask in, dx out) + softmax backward (y, dy in, dx out), per score. */
    static final double SOFTMAX_DROPOUT_BWD_BYTES = 11;
    /**
     * Relative margin by which a search's pipeline lower bound must exceed the cutoff before a plan is skipped unsimulated:
     * the bound and the simulation add the same op times in different orders, so they may differ by rounding (~1e-15 per
     * addition, ≤ 1e-11 over the ≤ 2^24 ops a simulation may hold); 1e-9 keeps a plan whose step could tie the cutoff.
     */
    static final double BOUND_ROUNDING_MARGIN = 1e-9;
    /** CUDA context, NCCL buffers and allocator fragmentation kept aside on every GPU (assumed). */
    static final double MEMORY_RESERVE_BYTES = 3e9;

    private StepModel() {
    }

    /**
     * The optimistic overlaps the step model assumes; each can be turned off (the communication then fully exposed) to
     * see what it is worth ({@link PublishedGap}).
     */
    public enum Overlap {
        /** The CP ring's K/V (and dK/dV) transfers hide behind the attention compute; only the excess is exposed. */
        CP_RING("context-parallel K/V ring overlapped with attention"),
        /** DP gradient reduce-scatter and parameter all-gather hide behind the backward and forward; only the last bucket is exposed. */
        DP_GRADIENTS("data-parallel gradient/parameter collectives overlapped with backward/forward");

        private final String label;

        Overlap(String label) {
            this.label = label;
        }

        /** What is assumed, in words. */
        public String label() {
            return label;
        }

        /** The CLI and JSON word: cp-overlap, dp-overlap. */
        public String word() {
            return name().startsWith("CP") ? "cp-overlap" : "dp-overlap";
        }
    }

    /**
     * Evaluates a plan with some of the assumed overlaps turned off: their communication is then exposed in full.
     *
     * @param off the overlaps not to assume (empty = {@link #evaluate(ModelSpec, ParallelPlan, TrainingSystem, double[], boolean)})
     */
    public static StepResult evaluateWithout(ModelSpec model, ParallelPlan plan, TrainingSystem system, double[] stragglers,
                                             java.util.Set<Overlap> off) {
        List<String> problems = plan.problems(model, system.gpus());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("plan " + plan.label() + " for " + model.name() + " on " + system.gpus() + " GPUs: "
                    + String.join("; ", problems));
        }
        Evaluation e = new Evaluation(model, plan, system, stragglers(stragglers));
        e.off = java.util.EnumSet.noneOf(Overlap.class);
        e.off.addAll(off);
        return e.run(false, Double.POSITIVE_INFINITY);
    }

    /**
     * Evaluates a plan.
     *
     * @param model      the workload
     * @param plan       how it is split
     * @param system     GPU, kernel costs and network
     * @param stragglers per-GPU compute slow-down factors (≥ 1) of the slowest GPUs, may be empty
     * @param timeline   record the pipeline timeline (for plots; slower)
     * @throws IllegalArgumentException naming the problem when the plan does not match the model or the GPUs
     */
    public static StepResult evaluate(ModelSpec model, ParallelPlan plan, TrainingSystem system, double[] stragglers, boolean timeline) {
        List<String> problems = plan.problems(model, system.gpus());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("plan " + plan.label() + " for " + model.name() + " on " + system.gpus() + " GPUs: "
                    + String.join("; ", problems));
        }
        return new Evaluation(model, plan, system, stragglers(stragglers)).run(timeline, Double.POSITIVE_INFINITY);
    }

    /** A checked copy of straggler slow-downs (null = none): every factor ≥ 1 and finite. */
    static double[] stragglers(double[] factors) {
        double[] slow = factors == null ? new double[0] : factors.clone();
        for (double f : slow) {
            if (!(f >= 1 && Double.isFinite(f))) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "straggler slow-down %s — expected a factor ≥ 1 (1.2 = a GPU 20 %% slower)", f));
            }
        }
        return slow;
    }

    /**
     * Evaluates a plan unless its busiest stage's busy time alone (a lower bound of the step) reaches
     * {@code cutoffSeconds}; then returns null without simulating the pipeline (a search's branch and bound).
     */
    static StepResult evaluateBelow(ModelSpec model, ParallelPlan plan, TrainingSystem system, double[] stragglers, double cutoffSeconds) {
        return new Evaluation(model, plan, system, stragglers).run(false, cutoffSeconds);
    }

    /** One layer's per-micro-batch costs on one GPU (the terms of Korthikanti et al. 2022 Table 4). */
    static LayerCost layerCost(ModelSpec model, ParallelPlan plan, TrainingSystem system) {
        return new Evaluation(model, plan, system, new double[0]).layerCost();
    }

    /** Activation bytes one layer keeps per micro-batch on one GPU (the plan's recomputation and sequence parallelism). */
    static double activationBytesPerLayer(ModelSpec model, ParallelPlan plan, TrainingSystem system) {
        return new Evaluation(model, plan, system, new double[0]).activationBytesPerLayer();
    }

    /** Parameters held by one GPU of each pipeline stage. */
    static double[] stageParameters(ModelSpec model, ParallelPlan plan, TrainingSystem system) {
        return new Evaluation(model, plan, system, new double[0]).stageParameters();
    }

    /** Evaluates a plan without stragglers or timeline. */
    public static StepResult evaluate(ModelSpec model, ParallelPlan plan, TrainingSystem system) {
        return evaluate(model, plan, system, new double[0], false);
    }

    /**
     * The HBM footprint of a plan without simulating its step: the (micro-batch, chunk) pairs in flight per stage
     * from the schedules' warm-up counts (1F1B: min(p − r, m); interleaved: min(2(p − r − 1) + (v − 1)·p + 1, m·v)),
     * which the pipeline simulation reproduces. Lets a search reject plans that cannot fit before timing them.
     */
    public static MemoryFootprint memory(ModelSpec model, ParallelPlan plan, TrainingSystem system) {
        List<String> problems = plan.problems(model, system.gpus());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("plan " + plan.label() + ": " + String.join("; ", problems));
        }
        return memoryOfValidPlan(model, plan, system);
    }

    /** {@link #memory} for a plan already checked against the model and the GPUs (a search's inner loop). */
    static MemoryFootprint memoryOfValidPlan(ModelSpec model, ParallelPlan plan, TrainingSystem system) {
        return new Evaluation(model, plan, system, new double[0]).footprint();
    }

    /** Per-layer, per-micro-batch costs on one GPU (seconds). */
    record LayerCost(double fwdCompute, double bwdCompute, double recompute, double fwdTp, double bwdTp, double recomputeTp,
                     double fwdCp, double bwdCp, double fwdEp, double bwdEp, double fwdMemory, double bwdMemory) {
        double forward() {
            return fwdCompute + fwdTp + fwdCp + fwdEp;
        }

        double backward() {
            return bwdCompute + recompute + bwdTp + recomputeTp + bwdCp + bwdEp;
        }
    }

    /**
     * One evaluation's working state. A search builds one per plan and derives its overlap and offload variants from it
     * ({@link #variant}): those share the layer split and the stage parameters, which neither choice changes, and each
     * keeps its layer cost, so that a variant's cost is computed once for the dominance test and the step.
     */
    static final class Evaluation {
        final ModelSpec m;
        final ParallelPlan p;
        final TrainingSystem sys;
        final KernelCosts k;
        final KernelCosts km;    // the linear layers' multiplies, in the plan's type
        final double[] slow;
        final double tokens;     // local tokens per micro-batch
        final int t;
        final int[][] layers;    // [stage][chunk]
        java.util.Set<Overlap> off = java.util.Set.of();   // assumed overlaps turned off
        private LayerCost layerCost;        // memoised: depends on the plan and the overlaps turned off, fixed once built
        private double[] stageParameters;   // memoised: the plan's shape only (shared by the variants)
        private LinkCost denseDpLink;       // memoised network look-ups of the DP reduction (one per stage otherwise)
        /** Set when {@link #run} returned null because of the pipeline bound (not counted as pruned by the busy-time bound). */
        boolean skipped;

        Evaluation(ModelSpec m, ParallelPlan p, TrainingSystem sys, double[] slow) {
            this(m, p, sys, slow, layerSplit(m.layers(), p.pp(), p.interleave()), null,
                    p.matmulType() == DataType.BF16 ? sys.kernels() : KernelCosts.of(sys.gpu(), p.matmulType()));
        }

        private Evaluation(ModelSpec m, ParallelPlan p, TrainingSystem sys, double[] slow, int[][] layers, double[] stageParameters,
                           KernelCosts km) {
            this.m = m;
            this.p = p;
            this.sys = sys;
            this.k = sys.kernels();
            this.km = km;
            this.slow = slow;
            this.tokens = (double) p.microBatch() * m.sequenceLength() / p.cp();
            this.t = p.tp();
            this.layers = layers;
            this.stageParameters = stageParameters;
            if (p.offload().any() && sys.gpu().hostMemory() == null) {
                throw new IllegalArgumentException("plan " + p.label() + " offloads " + p.offload().word() + " but GPU " + sys.gpu().name()
                        + " has no second memory tier — expected hostMemory {capacity, bandwidth} in its gpu document (hint: --offload "
                        + "none, or --set gpu.hostMemory.capacity=512GB --set gpu.hostMemory.bandwidth=63GB/s)");
            }
        }

        /**
         * The same plan with another TP overlap, DP overlap or offload ({@code variant} must differ from this plan in nothing
         * else): shares the layer split, the stage parameters and the kernel costs, which those choices do not change.
         */
        Evaluation variant(ParallelPlan variant) {
            if (variant.tp() != p.tp() || variant.pp() != p.pp() || variant.dp() != p.dp() || variant.ep() != p.ep() || variant.cp() != p.cp()
                    || variant.microBatch() != p.microBatch() || variant.interleave() != p.interleave() || variant.recompute() != p.recompute()
                    || variant.matmulType() != p.matmulType() || variant.globalBatch() != p.globalBatch()) {
                throw new IllegalArgumentException("variant " + variant.label() + " of " + p.label() + " — expected only the overlaps or the offload to differ");
            }
            return new Evaluation(m, variant, sys, slow, layers, stageParameters(), km);
        }

        /** {@link StepModel#memory}: the footprint from the schedules' warm-up counts, without simulating the step. */
        MemoryFootprint footprint() {
            int pp = p.pp();
            int v = p.interleave();
            int mb = p.microBatches();
            int[] inFlight = new int[pp];
            for (int r = 0; r < pp; r++) {
                inFlight[r] = v == 1 ? Math.min(pp - r, mb) : Math.min(2 * (pp - r - 1) + (v - 1) * pp + 1, mb * v);
            }
            return memory(inFlight, stageParameters());
        }

        /** One GPU's parameters of one transformer layer (its TP share, its EP share of the experts). */
        double layerParameters() {
            return (m.attentionParametersPerLayer() + m.routerParametersPerLayer() + 2.0 * m.hiddenSize()
                    + m.experts() * m.expertParameters() / p.ep()) / t;
        }

        /** One GPU's expert parameters of one layer. */
        double layerExpertParameters() {
            return m.isMoe() ? m.experts() * m.expertParameters() / p.ep() / t : 0;
        }

        /** FP32 master weights and Adam moments of one layer held by one GPU (its shard with the distributed optimizer). */
        double layerOptimizerBytes() {
            double params = layerParameters();
            double expert = layerExpertParameters();
            return p.distributedOptimizer() ? OPTIMIZER_BYTES * ((params - expert) / gradGroup() + expert / expertGradGroup())
                    : OPTIMIZER_BYTES * params;
        }

        /**
         * Seconds of one layer's second-tier transfer exposed per micro-batch, {forward, backward} ({@link Offload}, Calculon's
         * model): forward max(weights, activations), backward weights + activations + optimizer state; overlapped, only what
         * the layer's compute and communication (less its memory-bound kernels, which share HBM with the transfer) cannot cover.
         */
        double[] offloadExposed(LayerCost lc) {
            Offload o = p.offload();
            if (!o.any()) {
                return new double[2];
            }
            GpuSpec.HostMemory host = sys.gpu().hostMemory();
            double w = o.weights() ? layerParameters() * BF16 : 0;
            double a = o.activations() ? activationBytesPerLayer() : 0;
            double opt = o.optimizer() ? layerOptimizerBytes() : 0;
            double fwd = host.seconds(Math.max(w, a));
            double bwd = host.seconds(w + a + opt);
            if (!o.overlap()) {
                return new double[] {fwd, bwd};
            }
            return new double[] {Math.max(0, fwd + lc.fwdMemory() - lc.forward()), Math.max(0, bwd + lc.bwdMemory() - lc.backward())};
        }

        StepResult run(boolean timeline, double cutoffSeconds) {
            LayerCost lc = layerCost();
            int stages = p.pp();
            int v = p.interleave();
            double[][] fwd = new double[stages][v];
            double[][] bwd = new double[stages][v];
            double embedFwd = k.memorySeconds(tokens * m.hiddenSize() * BF16 * 2);
            double[] head = headCost();
            double[] stageSlow = stageSlowdowns(lc, embedFwd, head);
            double[] offload = offloadExposed(lc);
            for (int s = 0; s < stages; s++) {
                for (int c = 0; c < v; c++) {
                    int n = layers[s][c];
                    double f = n * (lc.fwdCompute * stageSlow[s] + lc.fwdTp + lc.fwdCp + lc.fwdEp + offload[0]);
                    double b = n * ((lc.bwdCompute + lc.recompute) * stageSlow[s] + lc.bwdTp + lc.recomputeTp + lc.bwdCp + lc.bwdEp + offload[1]);
                    if (s == 0 && c == 0) {
                        f += embedFwd * stageSlow[s];
                        b += 2 * embedFwd * stageSlow[s];
                    }
                    if (s == stages - 1 && c == v - 1) {
                        f += head[0] * stageSlow[s];
                        b += head[1] * stageSlow[s];
                    }
                    fwd[s][c] = f;
                    bwd[s][c] = b;
                }
            }
            // pipeline p2p: Megatron's send/recv is blocking, so the sender's stream waits for the transfer; the
            // receiver gets the tensor when the sender's op (transfer included) ends
            double p2pBytes = tokens * m.hiddenSize() * BF16 / t;
            // the slowest stage boundary (a ring over the stages: every boundary and the interleaved schedule's return hop)
            double p2p = stages == 1 ? 0 : sys.network().link(stages, p.ppStride()).stepSeconds(p2pBytes);
            if (stages > 1 && t > 1 && !(p.sequenceParallel())) {
                // Megatron's scatter-gather: each TP rank sends 1/TP of the activation; the receiver all-gathers it over TP
                p2p += Collectives.allGatherSeconds(t, tokens * m.hiddenSize() * BF16, sys.network().link(t, 1));
            }
            for (int s = 0; s < stages; s++) {
                for (int c = 0; c < v; c++) {
                    boolean lastGlobalChunk = s == stages - 1 && c == v - 1;
                    boolean firstGlobalChunk = s == 0 && c == 0;
                    if (!lastGlobalChunk) {
                        fwd[s][c] += p2p;
                    }
                    if (!firstGlobalChunk) {
                        bwd[s][c] += p2p;
                    }
                }
            }
            if (cutoffSeconds < Double.POSITIVE_INFINITY) {
                double bound = 0;
                for (int s = 0; s < stages; s++) {
                    double busy = 0;
                    for (int c = 0; c < v; c++) {
                        busy += fwd[s][c] + bwd[s][c];
                    }
                    bound = Math.max(bound, busy * p.microBatches());
                }
                if (bound >= cutoffSeconds) {
                    return null;
                }
            }
            // data parallel, per stage; the step waits for the slowest stage
            double dpExposed = 0;
            double dpTotal = 0;
            double optimizer = 0;
            double[] stageParams = stageParameters();
            double[] stageDp = new double[stages];
            double[] stageOptimizer = new double[stages];
            for (int s = 0; s < stages; s++) {
                double[] dp = dataParallelSeconds(stageParams[s], stageExpertParams(s));
                double fwdWindow = 0;
                double bwdWindow = 0;
                for (int c = 0; c < v; c++) {
                    fwdWindow += fwd[s][c];
                    bwdWindow += bwd[s][c];
                }
                // overlapped: all but the last bucket under the backward / forward, which run slower (the tier's compute
                // slow-down) while the hidden part runs
                double u = sys.network().computeSlowdown(gradGroup(), p.tp());
                double reduceExposed = Math.max(dp[0] - bwdWindow, dp[2]);
                double gatherExposed = Math.max(dp[1] - fwdWindow, dp[3]);
                double exposed = off.contains(Overlap.DP_GRADIENTS) || !p.dpOverlap() ? dp[0] + dp[1]
                        : reduceExposed + gatherExposed + u * (dp[0] - reduceExposed + dp[1] - gatherExposed);
                dpExposed = Math.max(dpExposed, exposed);
                stageDp[s] = exposed;
                dpTotal = Math.max(dpTotal, dp[0] + dp[1]);
                double shard = p.distributedOptimizer() ? (stageParams[s] - stageExpertParams(s)) / gradGroup()
                        + stageExpertParams(s) / expertGradGroup() : stageParams[s];
                stageOptimizer[s] = k.memorySeconds(shard * ADAM_BYTES_PER_PARAMETER)
                        + k.memorySeconds(stageParams[s] * GRAD_BUFFER_BYTES_PER_PARAMETER);
                optimizer = Math.max(optimizer, stageOptimizer[s]);
            }
            if (cutoffSeconds < Double.POSITIVE_INFINITY && (v == 1 || p.microBatches() % stages == 0)
                    && pipelineLowerBound(fwd, bwd, p.microBatches()) + dpExposed + optimizer > cutoffSeconds * (1 + BOUND_ROUNDING_MARGIN)) {
                skipped = true;   // its step exceeds the cutoff: simulating it cannot change the ranking
                return null;
            }
            PipelineSchedule schedule = v > 1 ? PipelineSchedule.INTERLEAVED : PipelineSchedule.ONE_F_ONE_B;
            PipelineInput in = new PipelineInput(stages, p.microBatches(), v, fwd, bwd, 0);
            PipelineResult pr = timeline ? PipelineSimulator.simulateWithTimeline(schedule, in) : PipelineSimulator.simulate(schedule, in);

            double step = pr.makespanSeconds() + dpExposed + optimizer;

            // breakdown of the busiest stage's busy time
            int busiest = 0;
            double[] busy = pr.busySeconds();   // a copy: read it once, not twice per stage
            for (int s = 1; s < stages; s++) {
                if (busy[s] > busy[busiest]) {
                    busiest = s;
                }
            }
            int mb = p.microBatches();
            int nLayers = 0;
            for (int c = 0; c < v; c++) {
                nLayers += layers[busiest][c];
            }
            double sl = stageSlow[busiest];
            double scale = (double) mb * nLayers;
            double extra = 0;
            if (busiest == 0) {
                extra += 3 * embedFwd * sl * mb;
            }
            if (busiest == stages - 1) {
                extra += (head[0] + head[1]) * sl * mb;
            }
            Map<String, Double> br = new LinkedHashMap<>();
            br.put("compute", scale * (lc.fwdCompute + lc.bwdCompute) * sl + extra);
            br.put("recompute", scale * lc.recompute * sl);
            br.put("tp", scale * (lc.fwdTp + lc.bwdTp + lc.recomputeTp));
            br.put("cp", scale * (lc.fwdCp + lc.bwdCp));
            br.put("ep", scale * (lc.fwdEp + lc.bwdEp));
            if (p.offload().any()) {
                br.put("offload", scale * (offload[0] + offload[1]));
            }
            int sends = 0;
            for (int c = 0; c < v; c++) {
                sends += (busiest == stages - 1 && c == v - 1 ? 0 : 1) + (busiest == 0 && c == 0 ? 0 : 1);
            }
            br.put("pp", (double) mb * sends * p2p);
            br.put("pipelineBubble", pr.makespanSeconds() - busy[busiest]);
            br.put("dp", dpExposed);
            br.put("optimizer", optimizer);

            double modelFlops = m.trainingFlopsPerToken() * p.globalBatch() * (double) m.sequenceLength();
            double mfu = modelFlops / (step * sys.gpus() * sys.gpu().peakBf16FlopsPerSecond());
            MemoryFootprint mem = memory(pr.peakInFlight(), stageParams);
            Map<String, Double> comm = new LinkedHashMap<>();
            comm.put("tpSecondsPerLayerPerMicroBatch", lc.fwdTp + lc.bwdTp + lc.recomputeTp);
            comm.put("p2pSeconds", p2p);
            comm.put("dpSecondsTotal", dpTotal);
            return new StepResult(m.name(), p, sys.name(), sys.gpus(), step, br, mfu, p.globalBatch() * (double) m.sequenceLength() / step,
                    modelFlops / step / sys.gpus(), mem, pr, comm,
                    timeline ? StepSchedule.of(schedule == PipelineSchedule.INTERLEAVED ? "interleaved" : "1F1B", pr, p.microBatches(), v,
                            p2p, stageDp, stageOptimizer) : null);
        }

        /**
         * Slow-down of each stage's compute: the stragglers, slowest first, one per stage, on the stages with the most
         * compute first (the conservative placement: a straggler on a light stage is partly absorbed by the pipeline).
         */
        double[] stageSlowdowns(LayerCost lc, double embedFwd, double[] head) {
            int stages = p.pp();
            double[] out = new double[stages];
            java.util.Arrays.fill(out, 1);
            if (slow.length == 0) {
                return out;
            }
            double perLayer = lc.fwdCompute + lc.bwdCompute + lc.recompute;
            Integer[] order = new Integer[stages];
            double[] load = new double[stages];
            for (int s = 0; s < stages; s++) {
                order[s] = s;
                int n = 0;
                for (int c = 0; c < p.interleave(); c++) {
                    n += layers[s][c];
                }
                load[s] = n * perLayer + (s == 0 ? 3 * embedFwd : 0) + (s == stages - 1 ? head[0] + head[1] : 0);
            }
            java.util.Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : load[b] != load[a] ? Double.compare(load[b], load[a]) : Integer.compare(a, b));
            double[] sorted = slow.clone();
            java.util.Arrays.sort(sorted);
            for (int i = 0; i < sorted.length && i < stages; i++) {
                out[order[i]] = sorted[sorted.length - 1 - i];
            }
            return out;
        }

        /**
         * A lower bound of the simulated pipeline's makespan ({@link PipelineSimulator}, no p2p latency of its own: the
         * transfers are inside the op times here): max over stages s of F_s + busy_s + B_s, where F_s = Σ_{r&lt;s} fwd[r][0] and
         * B_s = Σ_{r&lt;s} bwd[r][0]. Proof: stage s runs its ops one at a time in order, m·Σ_c (fwd[s][c] + bwd[s][c]) = busy_s
         * in all; its first op (the forward of micro-batch 0 through global chunk s) cannot start before that micro-batch's
         * forwards through chunks 0..s−1 have run one after the other (F_s); its last op is the backward of global chunk s
         * (Megatron's order ends every stage with the backward of its first chunk, for v = 1 and for m a multiple of p when
         * v &gt; 1), after which that micro-batch's backwards through chunks s−1..0 still run one after the other (B_s) before
         * stage 0 ends. For uniform stages it is the closed-form (m + (p − 1)/v)·(f + b) of the interleaved schedule.
         */
        static double pipelineLowerBound(double[][] fwd, double[][] bwd, int microBatches) {
            int stages = fwd.length;
            double head = 0;
            double tail = 0;
            double bound = 0;
            for (int s = 0; s < stages; s++) {
                double busy = 0;
                for (int c = 0; c < fwd[s].length; c++) {
                    busy += fwd[s][c] + bwd[s][c];
                }
                bound = Math.max(bound, head + busy * microBatches + tail);
                head += fwd[s][0];
                tail += bwd[s][0];
            }
            return bound;
        }

        /** One layer's per-micro-batch costs (computed once per evaluation). */
        LayerCost layerCost() {
            if (layerCost == null) {
                layerCost = computeLayerCost();
            }
            return layerCost;
        }

        private LayerCost computeLayerCost() {
            int h = m.hiddenSize();
            int hd = m.headDim();
            double headsLocal = (double) m.heads() / t;
            double kvLocal = Math.max(1.0, (double) m.kvHeads() / t);
            double s = m.sequenceLength();
            double sLocal = s / p.cp();
            double b = p.microBatch();
            double T = tokens;
            double f = m.ffnHiddenSize();
            int mats = m.family().ffnMatrices();
            boolean flash = p.flashAttention();
            boolean sp = p.sequenceParallel() && t > 1;
            double tokenShare = sp ? t : 1;   // norms/dropout split over TP with sequence parallelism

            // matrix multiplies: forward, and backward (data gradient + weight gradient into FP32 main grads)
            double qkvN = (headsLocal + 2 * kvLocal) * hd;
            double qkv = km.gemmSeconds(T, qkvN, h, 1);
            double qkvB = km.gemmBackwardSeconds(T, qkvN, h, 1, true);
            double attnBatch = b * headsLocal;
            double causal = flash ? 0.5 : 1.0;   // flash attention skips the masked half
            double scores = k.seconds(causal * 2 * sLocal * s * hd * attnBatch, flash ? 0 : 2 * (sLocal * hd + s * hd + sLocal * s) * attnBatch);
            double av = k.seconds(causal * 2 * sLocal * s * hd * attnBatch, flash ? 0 : 2 * (sLocal * s + s * hd + sLocal * hd) * attnBatch);
            double out = km.gemmSeconds(T, h, headsLocal * hd, 1);
            double outB = km.gemmBackwardSeconds(T, h, headsLocal * hd, 1, true);
            // FFN: the column-parallel up (and gate) multiplies, the row-parallel down multiply; forward, data and weight gradients
            double up;
            double upB;
            double upD;
            double down;
            double downB;
            double downD;
            double router = 0;
            double routerB = 0;
            if (m.isMoe()) {
                int localExperts = m.experts() / p.ep();
                double tokensPerExpert = T * m.topK() / m.experts() * p.ep();
                up = (mats - 1) * km.gemmSeconds(tokensPerExpert, f / t, h, localExperts);
                upB = (mats - 1) * km.gemmBackwardSeconds(tokensPerExpert, f / t, h, localExperts, true);
                upD = (mats - 1) * km.gemmSeconds(tokensPerExpert, h, f / t, localExperts);
                down = km.gemmSeconds(tokensPerExpert, h, f / t, localExperts);
                downB = km.gemmBackwardSeconds(tokensPerExpert, h, f / t, localExperts, true);
                downD = km.gemmSeconds(tokensPerExpert, f / t, h, localExperts);
                router = k.gemmSeconds(T, m.experts(), h, 1);
                routerB = k.gemmBackwardSeconds(T, m.experts(), h, 1, true);
            } else {
                up = (mats - 1) * km.gemmSeconds(T, f / t, h, 1);
                upB = (mats - 1) * km.gemmBackwardSeconds(T, f / t, h, 1, true);
                upD = (mats - 1) * km.gemmSeconds(T, h, f / t, 1);
                down = km.gemmSeconds(T, h, f / t, 1);
                downB = km.gemmBackwardSeconds(T, h, f / t, 1, true);
                downD = km.gemmSeconds(T, f / t, h, 1);
            }
            double ffn = up + down;
            double ffnB = upB + downB;
            // memory-bound kernels, each counted in bytes per element forward and backward as Megatron runs them (fused
            // kernels where Megatron fuses): th = T·h elements (÷ TP with sequence parallelism), S = attention scores
            double th = T * h / tokenShare;
            double normF = k.memorySeconds(NORM_FWD_BYTES * th);
            double normB = k.memorySeconds(NORM_BWD_BYTES * th);
            double dropResF = k.memorySeconds(DROPOUT_ADD_FWD_BYTES * th);
            double dropResB = k.memorySeconds(DROPOUT_ADD_BWD_BYTES * th);
            double residualGrad = k.memorySeconds(RESIDUAL_GRAD_BYTES * th);
            double actElems = T * f / t * (m.isMoe() ? m.topK() : 1);
            double actF = k.memorySeconds((mats == 3 ? 6 : 4) * actElems);    // GeLU: x in, y out; SwiGLU: gate, up in, y out
            double actB = k.memorySeconds((mats == 3 ? 10 : 6) * actElems);   // GeLU: x, dy in, dx out; SwiGLU: gate, up, dy in, 2 out
            double scoreElems = sLocal * s * attnBatch;
            double softmaxF = flash ? 0 : k.memorySeconds(SOFTMAX_DROPOUT_FWD_BYTES * scoreElems);
            double softmaxB = flash ? 0 : k.memorySeconds(SOFTMAX_DROPOUT_BWD_BYTES * scoreElems);
            // the attention context [b·heads, s, d] copied to [s, b, heads·d] (Megatron's permute().contiguous()); fused away by flash
            double permute = flash ? 0 : k.memorySeconds(4 * T * headsLocal * hd);
            double attentionCore = scores + av + softmaxF + permute;
            double elementwiseF = 2 * normF + 2 * dropResF + actF + softmaxF + permute;
            double elementwiseB = 2 * normB + 2 * dropResB + 2 * residualGrad + actB + softmaxB + permute;
            double fwdCompute = qkv + scores + av + out + ffn + router + elementwiseF;
            double bwdCompute = qkvB + outB + ffnB + routerB + 2 * (scores + av) + elementwiseB + (flash ? scores : 0);
            double recompute = switch (p.recompute()) {
                case NONE -> 0;
                case SELECTIVE -> flash ? 0 : attentionCore;
                case FULL -> fwdCompute;
            };

            // tensor parallel collectives, each of the full T·h activation, exposed as the plan's TP overlap says
            // (TpOverlap): without sequence parallelism an all-reduce after each row-parallel layer forward and one of each
            // column-parallel layer's input gradient backward; with it an all-gather before each column-parallel layer and a
            // reduce-scatter after each row-parallel layer forward, and backward the output-gradient all-gathers of the
            // row-parallel layers, the input re-gathers and the input-gradient reduce-scatters of the column-parallel ones
            double actBytes = T * h * BF16;
            double fwdTp = 0;
            double bwdTp = 0;
            if (t > 1) {
                LinkCost link = sys.network().link(t, 1);
                double u = sys.network().computeSlowdown(t, 1);
                TpOverlap o = p.tpOverlap();
                double qkvD = km.gemmSeconds(T, h, qkvN, 1);
                double outD = km.gemmSeconds(T, headsLocal * hd, h, 1);
                if (sp) {
                    double ag = Collectives.allGatherSeconds(t, actBytes, link);
                    double rs = Collectives.reduceScatterSeconds(t, actBytes, link);
                    TpOverlap fw = o.needsSequenceParallel() ? o : TpOverlap.NONE;   // Megatron's async overlap is backward only
                    fwdTp = fw.exposed(ag, qkv, t, u) + fw.exposed(rs, out, t, u) + fw.exposed(ag, up, t, u) + fw.exposed(rs, down, t, u);
                    bwdTp = fw.exposed(ag, outD, t, u) + fw.exposed(ag, downD, t, u)
                            + o.exposed(ag, qkvD, t, u) + o.exposed(rs, qkvB - qkvD, t, u)
                            + o.exposed(ag, upD, t, u) + o.exposed(rs, upB - upD, t, u);
                } else {
                    double ar = Collectives.allReduceSeconds(t, actBytes, link);
                    fwdTp = 2 * ar;
                    bwdTp = o.exposed(ar, qkvB - qkvD, t, u) + o.exposed(ar, upB - upD, t, u);
                }
            }
            double recomputeTp = p.recompute() == Recompute.FULL ? fwdTp : 0;

            // context parallel: K and V blocks around the CP ring (ring attention): the block of step i + 1 travels while
            // step i's block is computed, so CP − 1 transfers hide behind (CP − 1)/CP of the attention compute — slowed by
            // the tier's compute slow-down while they run; what the compute cannot cover is exposed
            double fwdCp = 0;
            double bwdCp = 0;
            if (p.cp() > 1) {
                LinkCost link = sys.network().link(p.cp(), p.cpStride());
                double u = sys.network().computeSlowdown(p.cp(), p.cpStride());
                double kvBytes = 2 * b * sLocal * kvLocal * hd * BF16;
                double ring = (p.cp() - 1) * link.stepSeconds(kvBytes);
                double ring2 = (p.cp() - 1) * link.stepSeconds(2 * kvBytes);
                double share = (p.cp() - 1.0) / p.cp();
                double attnFwd = scores + av + softmaxF;
                double attnBwd = 2 * (scores + av) + (flash ? scores : 0) + softmaxB;
                boolean hidden = !off.contains(Overlap.CP_RING);
                fwdCp = hidden ? Math.max(u * ring, ring - share * attnFwd) : ring;
                bwdCp = hidden ? Math.max(u * ring2, ring2 - share * attnBwd) : ring2;
            }

            // expert parallel: dispatch + combine all-to-alls
            double fwdEp = 0;
            double bwdEp = 0;
            if (p.ep() > 1) {
                int stride = p.dpStride();
                LinkCost link = sys.network().link(p.ep(), stride);
                // each rank dispatches its own tokens: with sequence parallelism a TP rank holds 1/TP of them
                double a2aBytes = T * m.topK() * h * BF16 / tokenShare;
                double one = Collectives.allToAllSeconds(p.ep(), a2aBytes, link, sys.network().bisectionBytesPerSecond(p.ep(), stride));
                fwdEp = 2 * one;
                bwdEp = 2 * one;
            }
            double recomputeMemory = p.recompute() == Recompute.FULL ? elementwiseF : p.recompute() == Recompute.SELECTIVE && !flash
                    ? softmaxF + permute : 0;
            return new LayerCost(fwdCompute, bwdCompute, recompute, fwdTp, bwdTp, recomputeTp, fwdCp, bwdCp, fwdEp, bwdEp, elementwiseF,
                    elementwiseB + recomputeMemory);
        }

        /** Final norm, logits and loss on the last stage: {forward, backward} seconds. */
        double[] headCost() {
            double T = tokens;
            int h = m.hiddenSize();
            double vLocal = (double) m.vocabSize() / t;
            double logits = k.gemmSeconds(T, vLocal, h, 1);
            double loss = k.memorySeconds(T * vLocal * (BF16 + 4 + 4));   // read logits, FP32 softmax, write
            double norm = k.memorySeconds(4 * T * h);
            double fwd = logits + loss + norm;
            return new double[] {fwd, 2 * logits + loss + 2 * norm};
        }

        /** Parameters held by one GPU of each stage (computed once; callers must not modify the array). */
        double[] stageParameters() {
            if (stageParameters == null) {
                stageParameters = computeStageParameters();
            }
            return stageParameters;
        }

        private double[] computeStageParameters() {
            double[] out = new double[p.pp()];
            double dense = m.attentionParametersPerLayer() + m.routerParametersPerLayer() + 2.0 * m.hiddenSize();
            double experts = m.experts() * m.expertParameters() / p.ep();
            for (int s = 0; s < p.pp(); s++) {
                int n = 0;
                for (int c = 0; c < p.interleave(); c++) {
                    n += layers[s][c];
                }
                double params = n * (dense + experts) / t;
                if (s == 0) {   // token embedding split over TP; learned positions replicated
                    params += (double) m.vocabSize() * m.hiddenSize() / t
                            + (m.family().learnedPositions() ? (double) m.sequenceLength() * m.hiddenSize() : 0);
                }
                if (s == p.pp() - 1) {
                    // the output projection: its own copy on the last stage, unless tied and that stage is also the first
                    boolean shared = m.family().tiedEmbeddings() && p.pp() == 1;
                    params += (shared ? 0 : (double) m.vocabSize() * m.hiddenSize() / t) + m.hiddenSize();
                }
                out[s] = params;
            }
            return out;
        }

        double stageExpertParams(int s) {
            if (!m.isMoe()) {
                return 0;
            }
            int n = 0;
            for (int c = 0; c < p.interleave(); c++) {
                n += layers[s][c];
            }
            return n * m.experts() * m.expertParameters() / p.ep() / t;
        }

        /** Ranks that reduce a dense weight's gradient (and share its optimizer state): DP × CP. */
        int gradGroup() {
            return p.dp() * p.cp();
        }

        /** Ranks that reduce an expert weight's gradient: DP × CP / EP. */
        int expertGradGroup() {
            return p.dp() * p.cp() / p.ep();
        }

        /** {reduce total, gather total, last-bucket reduce, last-bucket gather} seconds for one stage's GPU. */
        double[] dataParallelSeconds(double params, double expertParams) {
            double[] out = new double[4];
            // CP ranks hold the same weights as their DP peers: gradients are reduced over DP × CP (contiguous after TP);
            // expert weights over the DP × CP ranks that hold the same experts (spanning the same block, stride TP·EP)
            if (gradGroup() > 1 && params - expertParams > 0) {
                if (denseDpLink == null) {
                    denseDpLink = sys.network().link(gradGroup(), p.tp());
                }
                addDp(out, params - expertParams, gradGroup(), denseDpLink);
            }
            if (expertGradGroup() > 1 && expertParams > 0) {
                // the ranks holding the same experts: CP peers (stride TP) × DP/EP replicas (stride TP·CP·EP); not one
                // strided set when CP > 1, so the ring is costed on the slower of the two strides
                int replicas = p.dp() / p.ep();
                LinkCost across = replicas > 1 ? sys.network().link(replicas, p.dpStride() * p.ep()) : null;
                LinkCost cpLink = p.cp() > 1 ? sys.network().link(p.cp(), p.tp()) : null;
                LinkCost expertLink = across == null ? cpLink : cpLink == null ? across
                        : new LinkCost(Math.max(cpLink.latencySeconds(), across.latencySeconds()),
                                Math.min(cpLink.bandwidthBytesPerSecond(), across.bandwidthBytesPerSecond()));
                addDp(out, expertParams, expertGradGroup(), expertLink);
            }
            return out;
        }

        private void addDp(double[] out, double params, int ranks, LinkCost link) {
            if (ranks <= 1 || params <= 0) {
                return;
            }
            double grad = params * GRAD_BYTES;
            double bucket = Math.min(params, DP_BUCKET_PARAMETERS);
            if (p.distributedOptimizer()) {
                out[0] += Collectives.reduceScatterSeconds(ranks, grad, link);
                out[1] += Collectives.allGatherSeconds(ranks, params * BF16, link);
                out[2] += Collectives.reduceScatterSeconds(ranks, bucket * GRAD_BYTES, link);
                out[3] += Collectives.allGatherSeconds(ranks, bucket * BF16, link);
            } else {
                out[0] += Collectives.allReduceSeconds(ranks, grad, link);
                out[2] += Collectives.allReduceSeconds(ranks, bucket * GRAD_BYTES, link);
            }
        }

        /** Activation bytes one layer keeps per micro-batch on one GPU (Korthikanti et al. 2022, generalised). */
        double activationBytesPerLayer() {
            return activationBytesPerLayer(p.recompute());
        }

        /** The same as if the plan recomputed as {@code recompute} says (nothing else in it depends on the recomputation). */
        double activationBytesPerLayer(Recompute recompute) {
            double sb = tokens;
            int h = m.hiddenSize();
            double hd = m.headDim();
            double kvLocal = Math.max(1.0, (double) m.kvHeads() / t);
            boolean sp = p.sequenceParallel() && t > 1;
            double inputOnly = 2 * sb * h / (sp ? t : 1);
            if (recompute == Recompute.FULL) {
                return inputOnly;
            }
            double f = m.ffnHiddenSize() * (m.isMoe() ? m.topK() : 1);
            int mats = m.family().ffnMatrices();
            // not split by TP without sequence parallelism: two norm inputs (4), two dropout masks (2), QKV and MLP inputs (4)
            double unsplit = 10 * sb * h;
            // split by TP: Q (2sbh), K and V, attention output, FFN activations (GeLU: in+out; SwiGLU: gate, up, product)
            double split = 2 * sb * h + 4 * sb * kvLocal * hd * t + 2 * sb * h + (mats == 3 ? 6 : 4) * sb * f;
            double score = (p.flashAttention() || recompute == Recompute.SELECTIVE) ? 0
                    : 5.0 * m.heads() * sb * m.sequenceLength();
            return (sp ? (unsplit + split) / t : unsplit + split / t) + score / t;
        }

        MemoryFootprint memory(int[] inFlight, double[] stageParams) {
            MemoryFootprint worst = null;
            double perLayer = activationBytesPerLayer();
            double fullLayer = p.recompute() == Recompute.FULL ? activationBytesPerLayer(Recompute.NONE) : 0;
            Offload o = p.offload();
            double layerParams = layerParameters();
            double layerOpt = layerOptimizerBytes();
            // one layer's FP32 main gradients as the optimizer shards them
            double layerGradShard = GRAD_BYTES * layerOpt / OPTIMIZER_BYTES;
            for (int s = 0; s < p.pp(); s++) {
                double params = stageParams[s];
                double expert = stageExpertParams(s);
                double opt = p.distributedOptimizer() ? OPTIMIZER_BYTES * ((params - expert) / gradGroup() + expert / expertGradGroup())
                        : OPTIMIZER_BYTES * params;
                int n = 0;
                for (int c = 0; c < p.interleave(); c++) {
                    n += layers[s][c];
                }
                double perChunkLayers = (double) n / p.interleave();
                double act = inFlight[s] * perChunkLayers * perLayer + fullLayer;
                double logits = s == p.pp() - 1 ? tokens * m.vocabSize() / t * 4.0 : 0;
                double weights = params * BF16;
                double grads = params * GRAD_BYTES;
                double host = 0;
                // offload (Calculon's tiers, [calculon-sc23]): HBM keeps two layers' worth of each offloaded part (the one in
                // use, the next streaming), the second tier all of the stage's layers; the embedding and the head stay in HBM
                if (o.weights()) {
                    host += n * layerParams * BF16;
                    weights -= (n - 2) * layerParams * BF16;
                }
                if (o.activations()) {
                    double inHbm = 2 * perLayer + fullLayer;
                    host += act - fullLayer;
                    act = Math.min(act, inHbm);
                }
                if (o.optimizer()) {
                    // the optimizer shard and the sharded FP32 gradients go to the second tier; HBM keeps two layers' optimizer
                    // shards, one layer's unsharded gradients (before the reduction) and one layer's sharded (being offloaded)
                    host += n * (layerOpt + layerGradShard);
                    opt -= (n - 2) * layerOpt;
                    grads -= n * layerParams * GRAD_BYTES;
                    grads += layerParams * GRAD_BYTES + layerGradShard;
                }
                MemoryFootprint fp = new MemoryFootprint(s, weights, grads, opt, act, logits, MEMORY_RESERVE_BYTES,
                        sys.gpu().hbmCapacityBytes(), host, o.any() ? sys.gpu().hostMemory().capacityBytes() : 0);
                if (worst == null || rank(fp) > rank(worst)) {
                    worst = fp;
                }
            }
            return worst;
        }

        /** How close a stage is to not fitting: the larger of its HBM and its second-tier shares. */
        private static double rank(MemoryFootprint fp) {
            double hbm = fp.totalBytes() / fp.capacityBytes();
            return fp.hostCapacityBytes() > 0 ? Math.max(hbm, fp.hostBytes() / fp.hostCapacityBytes()) : fp.totalBytes();
        }
    }

    /**
     * Layers of each (stage, chunk): as even as possible; when the layers do not divide, the first and last stages
     * give up the shortfall first (they also hold the embedding and the logits), then the stages next to them.
     */
    static int[][] layerSplit(int layers, int stages, int chunks) {
        int perStage = (int) (((long) layers + stages - 1) / stages);
        int[] stageLayers = new int[stages];
        java.util.Arrays.fill(stageLayers, perStage);
        int deficit = perStage * stages - layers;
        int lo = 0;
        int hi = stages - 1;
        boolean fromLast = false;
        while (deficit > 0) {
            int s = fromLast ? hi-- : lo++;
            fromLast = !fromLast;
            if (lo > hi + 1) {
                lo = 0;
                hi = stages - 1;
            }
            if (stageLayers[s] > 1) {
                stageLayers[s]--;
                deficit--;
            }
        }
        int[][] out = new int[stages][chunks];
        for (int s = 0; s < stages; s++) {
            int base = stageLayers[s] / chunks;
            int rem = stageLayers[s] % chunks;
            for (int c = 0; c < chunks; c++) {
                out[s][c] = base + (c < rem ? 1 : 0);
            }
        }
        return out;
    }

    /** Sources and assumptions of the step model. */
    public static List<Provenance> provenance() {
        String s21 = "[thakur-2005], [megatron-lm]";
        return List.of(
                new Provenance("training.step.tpCollectives", "2 fwd + 2 bwd per layer of b·s·h·2 B", Confidence.DERIVED, s21 + " [D/S]",
                        "Megatron conventions; not overlapped with compute (Megatron 2022; modern TP-comm overlap not modelled)"),
                new Provenance("training.step.bubble", "simulated 1F1B / interleaved schedule", Confidence.DERIVED, s21,
                        "(p−1)/(m+p−1) for uniform stages, ÷ v with interleaving, as the closed form says"),
                new Provenance("training.step.gradientBytes", "4 B (FP32) per parameter reduced over DP", Confidence.ASSUMED,
                        "assumed (Mosaic developers); context: [megatron-lm] --accumulate-allreduce-grads-in-fp32 (recalled by the Mosaic developers)", "BF16 reduction would halve the DP volume"),
                new Provenance("training.step.dpBucket", "40 M parameters", Confidence.ASSUMED, "assumed (Mosaic developers); context: [megatron-lm] DDP default bucket (recalled by the Mosaic developers)",
                        "the last bucket's reduce-scatter / all-gather is exposed"),
                new Provenance("training.step.backward", "2 × forward matrix FLOPs and memory traffic", Confidence.DERIVED, s21,
                        "data + weight gradients; the 6·N FLOPs per token convention of [nvidia-a100-datasheet], [nvidia-h100-datasheet]"),
                new Provenance("training.step.flashAttention", "causal half of the score FLOPs; backward recomputes the scores",
                        Confidence.ASSUMED, "assumed (Mosaic developers) from the FlashAttention-2 design (recalled)", "off for the Megatron 2022 validation runs, on by default"),
                new Provenance("training.memory.activations", "sbh(34 + 5as/h) per layer, generalised to GQA and SwiGLU", Confidence.DERIVED,
                        "[korthikanti-2022] (the formula recalled by the Mosaic developers)",
                        "selective drops the 5as/h term, full keeps 2sbh; the GQA/SwiGLU generalisation is ours"),
                new Provenance("training.memory.state", "2 + 4 + 12/(DP·CP) bytes per parameter", Confidence.DERIVED,
                        "Megatron-LM distributed optimizer (recalled); cf. the 14–16 B/parameter rule of [checkpoint-state-size] (secondary)",
                        "BF16 weights, FP32 main grads, FP32 master + Adam m, v sharded over DP × CP (18 B unsharded)"),
                new Provenance("training.step.adamBytes", "34 B per parameter shard", Confidence.DERIVED, "derived (Mosaic developers), counted from the update",
                        "read FP32 grad 4, master r/w 8, m r/w 8, v r/w 8, write BF16 2, grad-norm read 4"),
                new Provenance("training.memory.reserve", "3 GB per GPU", Confidence.ASSUMED, "assumed (Mosaic developers), no source",
                        "CUDA context, NCCL buffers and fragmentation; a guess, order of magnitude from practice"));
    }
}
