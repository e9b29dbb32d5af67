package org.mosaic.studies.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.mosaic.cluster.TrainingModel;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.fleet.Interconnect;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.training.DataType;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.Offload;
import org.mosaic.cluster.training.ParallelPlan;
import org.mosaic.cluster.training.PlanSearch;
import org.mosaic.cluster.training.PublishedGap;
import org.mosaic.cluster.training.Recompute;
import org.mosaic.cluster.training.StepModel;
import org.mosaic.cluster.training.StepResult;
import org.mosaic.cluster.training.SystemSpec;
import org.mosaic.cluster.training.TpOverlap;
import org.mosaic.studies.In;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * {@code train}: the step time of a transformer under a parallel plan, or the fastest plans of a search, on a cluster under
 * each interconnect policy or on a training system document; with stragglers, its breakdown, MFU, tokens/s and HBM, and
 * which assumed overlap makes a plan beat a published run.
 */
public final class TrainStudy implements Study<TrainStudy.Input, TrainResult> {
    /** Most plans listed by a search: each kept plan is simulated in full (no branch-and-bound cut). */
    public static final int MAX_TOP = 100;
    /** Largest global batch (sequences): 32× Llama 3's 2,048, a bound on the micro-batches every plan's pipeline simulates. */
    public static final int MAX_GLOBAL_BATCH = 65_536;

    /**
     * The question's inputs: documents already bound, the plan (fixed or searched) and the switches.
     *
     * @param clusterLabel the cluster as the user gave it (with the edits that changed it), for messages
     * @param gpuFromFlag  whether {@code gpu} was given by the user instead of the system's own (said in the system's note)
     */
    public record Input(
            @In(value = "the model (dense or MoE transformer)", document = "model", defaultValue = "llama3-405b") ModelSpec model,
            @In(value = "a training system to run on instead of a cluster under a policy (null: the cluster)", document = "system")
            SystemSpec system,
            @In(value = "the cluster whose scale-up domain and fabric follow each policy (null with a system)", document = "cluster",
                    defaultValue = "h100-16k") ClusterDocument cluster,
            @In(value = "the cluster as the user named it, for messages", defaultValue = "h100-16k") String clusterLabel,
            @In(value = "the GPU instead of the cluster's or the system's (null: theirs)", document = "gpu") GpuSpec gpu,
            @In(value = "whether the GPU replaces the system's own (the note says so)", defaultValue = "false") boolean gpuFromFlag,
            @In(value = "GPUs of the job (null: the cluster's or the system's)", unit = "1", range = "1..10000000") Long gpus,
            @In(value = "the interconnect policies, each evaluated once (empty with a system)", range = "today|mosaic|mosaic-beyond-copper|all-optical-laser",
                    defaultValue = "today") List<String> policies,
            @In(value = "the technologies the policies choose from and the rules that pin a tier to one (null: the shipped menu)")
            Interconnect interconnect,
            @In(value = "notes on the user's technologies and catalog, printed with the result") List<String> technologyNotes,
            @In(value = "tensor-parallel size (null: searched, or 1)", unit = "1", range = ">= 1") Integer tp,
            @In(value = "pipeline stages (null: searched, or 1)", unit = "1", range = ">= 1") Integer pp,
            @In(value = "data-parallel replicas (null: searched, or what the GPUs leave)", unit = "1", range = ">= 1") Integer dp,
            @In(value = "expert-parallel size (null: searched, or 1)", unit = "1", range = ">= 1") Integer ep,
            @In(value = "context-parallel size (null: searched, or 1)", unit = "1", range = ">= 1") Integer cp,
            @In(value = "model chunks per pipeline stage, 1 = 1F1B (null: searched, or 1)", unit = "1", range = ">= 1") Integer interleave,
            @In(value = "sequences per micro-batch (null: searched, or 1)", unit = "1", range = ">= 1") Integer microBatch,
            @In(value = "sequences per optimizer step", unit = "1", range = "1..65536", defaultValue = "2048") int globalBatch,
            @In(value = "activation recomputation (null: searched, or selective for a fixed plan)", range = "none|selective|full")
            Recompute recompute,
            @In(value = "Megatron sequence parallelism (null: on when TP > 1)") Boolean sequenceParallel,
            @In(value = "shard optimizer state over DP × CP", defaultValue = "true") boolean distributedOptimizer,
            @In(value = "fused attention", defaultValue = "true") boolean flashAttention,
            @In(value = "how the TP collectives overlap the multiplies next to them: none; backward (Megatron's default, measured in "
                    + "Korthikanti et al. 2022 Table 4); ring or pipelined (Transformer Engine's collective matmuls, forms assumed by the "
                    + "Mosaic developers; sequence parallelism needed) (null: backward for a given plan, searched with --search)",
                    range = "none|backward|ring|pipelined") TpOverlap tpOverlap,
            @In(value = "the DP gradient reduction and parameter gathering run under the backward and forward (all but the last "
                    + "bucket); off: exposed in full (null: on, searched plans keep it on)", defaultValue = "true") Boolean dpOverlap,
            @In(value = "number format of the linear layers' multiplies; the GPU document must give its peak (peak.fp8, peak.fp32)",
                    range = "bf16|fp8|fp32", defaultValue = "bf16") DataType matmulType,
            @In(value = "TP overlaps a search may choose: all (backward and ring, ring's form assumed) or measured (backward only, "
                    + "the overlap Megatron ran and measured)", range = "all|measured", defaultValue = "all") SearchOverlap searchOverlap,
            @In(value = "search every valid plan keeping the plan options given (a search also when no plan option is given)",
                    defaultValue = "false") boolean search,
            @In(value = "plans listed by a search", unit = "1", range = "1..100", defaultValue = "5") int top,
            @In(value = "compute slow-down of the slowest GPUs, one per pipeline stage, slowest first", unit = "1", range = ">= 1")
            List<Double> stragglers,
            @In(value = "whether to keep the first run's pipeline op by op (for a timeline plot); the JSON then gains pipelineSchedule, the "
                    + "step stage by stage", defaultValue = "false") boolean timeline,
            @In(value = "what lives in the GPU's second memory tier (hostMemory of the gpu document) instead of HBM, as Calculon models "
                    + "offload: none; auto (with a search: a plan that fits only with offload offloads the fewest parts that make it fit); "
                    + "or weights, activations, optimizer joined by '+' (all: the three)", range = "none|auto|all|weights+activations+optimizer",
                    defaultValue = "none") String offload,
            @In(value = "offloaded transfers run under each layer's compute, exposing only what it cannot cover (Calculon's model); "
                    + "false: exposed in full", defaultValue = "true") boolean offloadOverlap,
            @In(value = "keep every plan a search examines, with its breakdown or why it was rejected (for train --search --all --out)",
                    defaultValue = "false") boolean allPlans) {

        /** The inputs before offload and the full search listing (none of either). */
        public Input(ModelSpec model, SystemSpec system, ClusterDocument cluster, String clusterLabel, GpuSpec gpu, boolean gpuFromFlag, Long gpus,
                     List<String> policies, Interconnect interconnect, List<String> technologyNotes, Integer tp, Integer pp, Integer dp,
                     Integer ep, Integer cp, Integer interleave, Integer microBatch, int globalBatch, Recompute recompute,
                     Boolean sequenceParallel, boolean distributedOptimizer, boolean flashAttention, TpOverlap tpOverlap, Boolean dpOverlap,
                     DataType matmulType, SearchOverlap searchOverlap, boolean search, int top, List<Double> stragglers, boolean timeline) {
            this(model, system, cluster, clusterLabel, gpu, gpuFromFlag, gpus, policies, interconnect, technologyNotes, tp, pp, dp, ep, cp,
                    interleave, microBatch, globalBatch, recompute, sequenceParallel, distributedOptimizer, flashAttention, tpOverlap,
                    dpOverlap, matmulType, searchOverlap, search, top, stragglers, timeline, "none", true, false);
        }

        public Input {
            if (model == null) {
                throw new IllegalArgumentException("model null — expected a model");
            }
            if (system == null && cluster == null) {
                throw new IllegalArgumentException("neither a system nor a cluster — expected one of them");
            }
            policies = system != null ? List.of() : List.copyOf(policies);
            technologyNotes = technologyNotes == null ? List.of() : List.copyOf(technologyNotes);
            stragglers = stragglers == null ? List.of() : List.copyOf(stragglers);
            checkOptions(top, globalBatch, stragglers);
            matmulType = matmulType == null ? DataType.BF16 : matmulType;
            searchOverlap = searchOverlap == null ? SearchOverlap.ALL : searchOverlap;
            boolean searches = searches(search, tp, pp, dp, ep, cp, interleave, microBatch);
            checkSequenceParallel(searches, sequenceParallel, tp);
            checkOverlaps(searches, tp, sequenceParallel, tpOverlap, searchOverlap);
            offload = offload == null ? "none" : offload.trim();
            TrainStudy.offloadParts(offload, offloadOverlap, searches);
            if (allPlans && !searches) {
                throw new UsageException("--all with a fixed plan (--tp/--pp/--dp/...): --all writes every plan a search examines, a "
                        + "fixed plan is one plan (hint: add --search)");
            }
        }

        /** Whether a search tries offload on plans that do not fit. */
        public boolean offloadSearched() {
            return offload.equalsIgnoreCase("auto");
        }

        /** The offload every plan uses ({@link Offload#NONE} with auto: the search adds it where needed). */
        public Offload offloadParts() {
            return TrainStudy.offloadParts(offload, offloadOverlap, true);
        }

        /** Whether the plan is searched: asked for, or no plan option given (--recompute and the switches then constrain it). */
        public boolean searches() {
            return searches(search, tp, pp, dp, ep, cp, interleave, microBatch);
        }

        static boolean searches(boolean search, Integer tp, Integer pp, Integer dp, Integer ep, Integer cp, Integer interleave,
                                Integer microBatch) {
            return search || tp == null && pp == null && dp == null && ep == null && cp == null && interleave == null && microBatch == null;
        }

        double[] slowdowns() {
            return stragglers.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** {@code --offload} as parts; auto only with a search; a bad word refused naming what is expected. */
    static Offload offloadParts(String word, boolean overlap, boolean searches) {
        if (word.equalsIgnoreCase("auto")) {
            if (!searches) {
                throw new UsageException("--offload auto with a fixed plan (--tp/--pp/--dp/...): auto lets a search offload the plans that "
                        + "do not fit, a fixed plan is one plan; expected the parts to offload (hint: --offload optimizer, or add --search)");
            }
            return Offload.NONE.withOverlap(overlap);
        }
        try {
            return Offload.parse(word).withOverlap(overlap);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--offload " + word + ": " + e.getMessage().replace("offload ", "") + "; or auto with --search");
        }
    }

    /** The options checked before any work: the length of a search's list, the global batch and the stragglers. */
    public static void checkOptions(int top, int globalBatch, List<Double> stragglers) {
        if (top < 1 || top > MAX_TOP) {
            throw new UsageException("--top " + top + ": expected 1 to " + MAX_TOP + " (every plan kept is simulated in full, so a long "
                    + "list turns the search's bound off)");
        }
        if (globalBatch < 1 || globalBatch > MAX_GLOBAL_BATCH) {
            throw new UsageException(String.format(Locale.ROOT, "--global-batch %d: expected 1 to %,d sequences per step (Llama 3 405B used "
                    + "2,048; the pipeline of every plan is simulated micro-batch by micro-batch)", globalBatch, MAX_GLOBAL_BATCH));
        }
        for (double f : stragglers) {
            if (!(f >= 1 && Double.isFinite(f))) {
                throw new UsageException(String.format(Locale.ROOT, "--straggler %s: expected a slow-down factor >= 1 (1.2 = 20 %% slower)", f));
            }
        }
    }

    /**
     * The TP overlap options that cannot be honoured, refused before any work: a given overlap on a given plan without
     * TP (nothing to overlap), ring or pipelined without sequence parallelism (they split all-gathers and
     * reduce-scatters), a search restriction on a given plan (nothing is searched) or against a given overlap.
     */
    public static void checkOverlaps(boolean searches, Integer tp, Boolean sequenceParallel, TpOverlap tpOverlap, SearchOverlap scope) {
        if (!searches && scope == SearchOverlap.MEASURED) {
            throw new UsageException("--search-overlap measured with a given plan (--tp/--pp/--dp/...): it restricts the TP overlaps a "
                    + "search chooses from, a given plan is one plan (hint: add --search, or give the overlap with --tp-overlap backward)");
        }
        if (tpOverlap == null) {
            return;
        }
        if (scope == SearchOverlap.MEASURED && tpOverlap != TpOverlap.BACKWARD) {
            throw new UsageException("--tp-overlap " + tpOverlap.word() + " with --search-overlap measured: the measured overlap is "
                    + "backward; expected one of them (hint: drop --search-overlap to search with --tp-overlap " + tpOverlap.word() + ")");
        }
        if (tp == null ? !searches : tp == 1) {
            throw new UsageException("--tp-overlap " + tpOverlap.word() + " with --tp " + (tp == null ? "1 (the default)" : tp)
                    + ": a plan without tensor parallelism has no TP collective to overlap; expected --tp > 1 (hint: drop --tp-overlap)");
        }
        if (tpOverlap.needsSequenceParallel() && Boolean.FALSE.equals(sequenceParallel)) {
            throw new UsageException("--tp-overlap " + tpOverlap.word() + " with --no-seq-parallel: the ring and pipelined overlaps "
                    + "split the all-gathers and reduce-scatters of sequence parallelism; expected sequence parallelism (hint: "
                    + "--tp-overlap backward or none, or drop --no-seq-parallel)");
        }
    }

    /**
     * A matrix-multiply type the job's GPU gives no peak for is refused with the types it does give.
     */
    static void checkMatmulType(DataType type, GpuSpec gpu) {
        if (gpu.peak(type) > 0) {
            return;
        }
        List<String> has = new ArrayList<>();
        for (DataType d : DataType.values()) {
            if (gpu.peak(d) > 0) {
                has.add(d.word());
            }
        }
        throw new UsageException("--matmul-type " + type.word() + " on GPU " + gpu.name() + ": its document gives no peak." + type.word()
                + "; expected a type it computes in: " + String.join(", ", has) + " (hint: --matmul-type " + has.get(0)
                + ", or a GPU with " + type.word() + " tensor cores, e.g. --gpu h100-sxm)");
    }

    /** Sequence parallelism needs a tensor-parallel group to split over (a fixed plan with TP 1 has none). */
    public static void checkSequenceParallel(boolean searches, Boolean sequenceParallel, Integer tp) {
        if (!searches && Boolean.TRUE.equals(sequenceParallel) && (tp == null || tp == 1)) {
            throw new UsageException("--seq-parallel with --tp " + (tp == null ? "1 (the default)" : tp) + ": sequence parallelism splits "
                    + "activations over the tensor-parallel group, expected --tp > 1");
        }
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String question() {
        return "How long does one training step of this model take under this parallel plan (or the fastest plans that fit), on this "
                + "cluster under each interconnect policy or on this system — its breakdown, MFU, tokens/s and HBM?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<TrainResult> resultType() {
        return TrainResult.class;
    }

    @Override
    public TrainResult run(Input in, Progress progress) {
        boolean doSearch = in.searches();
        double[] slow = in.slowdowns();
        ModelSpec m = in.model();
        List<String> names = in.system() != null ? Collections.singletonList(null) : in.policies();
        progress.task((doSearch ? "searching plans" : "evaluating the plan") + " for " + names.size() + " polic"
                + (names.size() == 1 ? "y" : "ies"), names.size());
        List<TrainResult.PolicyRun> runs = new ArrayList<>();
        List<TrainingModel.Setup> setups = new ArrayList<>();
        for (String policy : names) {
            TrainingModel.Setup setup = in.system() != null ? setup(in.system(), in.gpu(), in.gpus())
                    : setup(in.cluster(), in.clusterLabel(), in.gpu(), policy, in.gpus(), in.interconnect());
            String note = in.system() != null ? (in.gpu() == null ? in.system() : in.system().withGpu(in.gpu())).networkNote()
                    + (in.gpuFromFlag() ? " (GPU from --gpu)" : "") : setup.scaleUpNote();
            checkMatmulType(in.matmulType(), setup.system().gpu());
            StepResult best;
            TrainResult.SearchSummary summary = null;
            if (doSearch) {
                List<PlanSearch.Examined> examined = in.allPlans() ? new ArrayList<>() : null;
                PlanSearch.Result r = search(in, m, setup, slow, examined == null ? null : examined::add);
                best = r.best();
                summary = TrainResult.SearchSummary.of(r, TrainResult.OverlapReliance.of(best, m, setup.system(), slow, in.searchOverlap(),
                        in.tpOverlap()), examined);
            } else {
                ParallelPlan plan = plan(in, setup.system().gpus());
                try {
                    best = StepModel.evaluate(m, plan, setup.system(), slow, in.timeline());
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                if (!best.memory().fits()) {
                    throw new UsageException("plan " + plan.label() + " does not fit: " + best.memory().describe()
                            + " (hint: " + memoryHint(plan) + ", or --search)");
                }
            }
            PublishedGap gap = PublishedGap.of(m, best, setup.system(), slow).orElse(null);
            runs.add(new TrainResult.PolicyRun(TrainRun.of(policy, setup.system().name(), setup.system().network().scaleUpGpus(), note, best,
                    gap), summary));
            setups.add(setup);
            progress.step();
        }
        StepResult timeline = null;
        if (in.timeline()) {
            StepResult first = runs.get(0).run().step();
            timeline = first.pipeline().timeline().isEmpty() ? StepModel.evaluate(m, first.plan(), setups.get(0).system(), slow, true) : first;
        }
        TrainResult.PolicyRun first = runs.get(0);
        return new TrainResult(first.run(), first.search(), first.run().step().communication(), runs.size() > 1 ? List.copyOf(runs) : null,
                in.technologyNotes(), List.copyOf(runs), TrainResult.ModelFacts.of(m), timeline);
    }

    private static PlanSearch.Result search(Input in, ModelSpec m, TrainingModel.Setup setup, double[] slow,
                                            java.util.function.Consumer<PlanSearch.Examined> every) {
        // a given TP overlap is fixed; --search-overlap measured fixes Megatron's measured one; else the search chooses
        TpOverlap tpFixed = in.tpOverlap() != null ? in.tpOverlap() : in.searchOverlap() == SearchOverlap.MEASURED ? TpOverlap.BACKWARD : null;
        PlanSearch.Fixed fixed = new PlanSearch.Fixed(in.tp(), in.pp(), in.dp(), in.ep(), in.cp(), in.microBatch(), in.interleave(),
                in.recompute()).withOverlaps(tpFixed, in.dpOverlap()).withOffload(in.offloadParts(), in.offloadSearched());
        ParallelPlan template = new ParallelPlan(1, 1, 1, 1, 1, 1, 1, 1, Recompute.NONE, in.sequenceParallel() == null || in.sequenceParallel(),
                in.distributedOptimizer(), in.flashAttention(), TpOverlap.BACKWARD, true, in.matmulType());
        PlanSearch.Result r;
        try {
            r = PlanSearch.search(m, setup.system(), in.globalBatch(), fixed, template, in.top(), slow, every);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (r.ranked().isEmpty()) {
            throw new UsageException("no plan for " + m.name() + " fits on " + setup.system().name() + ": "
                    + (r.closestMisfit() == null ? "no plan shape divides " + setup.system().gpus() + " GPUs and batch " + in.globalBatch()
                            + " (hint: " + shapeHint(setup.system().gpus()) + ", or another --global-batch)"
                            : "the closest, " + r.closestMisfit().plan().label() + ", " + r.closestMisfit().memory().describe()
                                    + " (hint: " + memoryHint(r.closestMisfit().plan()) + ")"));
        }
        return r;
    }

    /** The fixed plan: the options given, 1 for the others, DP what the GPUs leave. */
    static ParallelPlan plan(Input in, long jobGpus) {
        int t = in.tp() == null ? 1 : in.tp();
        int p = in.pp() == null ? 1 : in.pp();
        int c = in.cp() == null ? 1 : in.cp();
        int d;
        if (in.dp() == null) {
            long denom = (long) t * p * c;
            if (denom < 1 || jobGpus % denom != 0) {
                throw new UsageException(String.format(Locale.ROOT, "--tp %d × --pp %d × --cp %d = %d does not divide the job's %d GPUs; "
                        + "expected a divisor (hint: --gpus or --search)", t, p, c, denom, jobGpus));
            }
            d = (int) (jobGpus / denom);
        } else {
            d = in.dp();
        }
        try {
            return new ParallelPlan(t, p, d, in.ep() == null ? 1 : in.ep(), c, in.microBatch() == null ? 1 : in.microBatch(), in.globalBatch(),
                    in.interleave() == null ? 1 : in.interleave(), in.recompute() == null ? Recompute.SELECTIVE : in.recompute(),
                    in.sequenceParallel() == null ? t > 1 : in.sequenceParallel(), in.distributedOptimizer(), in.flashAttention(),
                    in.tpOverlap() == null ? TpOverlap.BACKWARD : in.tpOverlap(), in.dpOverlap() == null || in.dpOverlap(), in.matmulType(),
                    in.offloadParts());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The job on a system document: {@code gpus} of it (default: the system's), with {@code g} instead of its GPU when given. */
    public static TrainingModel.Setup setup(SystemSpec sys, GpuSpec g, Long gpus) {
        SystemSpec s = g == null ? sys : sys.withGpu(g);
        if (gpus == null && s.gpus() == 0) {
            throw new UsageException("--system " + s.name() + " does not say how many GPUs it has (no gpus: in the document): expected "
                    + "--gpus N, the GPUs of the job (hint: Megatron's Table 5 ran GPT-3 175B on --gpus 64 of selene)");
        }
        try {
            return new TrainingModel.Setup(null, s.system(gpus == null ? s.gpus() : gpus));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--gpus " + gpus + ": " + e.getMessage());
        }
    }

    /**
     * The setup of one policy on a bound cluster document ({@code label}: as the user gave it), bad names and sizes reported
     * against their flags; a cluster an edit made unusable is reported against the edit.
     */
    public static TrainingModel.Setup setup(ClusterDocument cluster, String label, GpuSpec g, String policy, Long gpus, Interconnect ic) {
        try {
            Policy.named(policy);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--policy " + e.getMessage());
        }
        try {
            return TrainingModel.setup(cluster, g, policy, gpus, ic);
        } catch (IllegalArgumentException e) {
            boolean edited = label.contains(" with --set ");
            throw new UsageException(gpus == null ? (edited ? "--cluster " + label + ": " : "") + e.getMessage()
                    : "--gpus " + gpus + " on " + label + ": " + e.getMessage()
                    + " (hint: the preset's racks and fabric are laid out for its own size; for small jobs try --cluster h100-16k"
                    + " or nvl72-rack)");
        }
    }

    /** GPU counts near {@code gpus} that TP × CP × PP × DP can tile: the largest 2^k and 3·2^k not above it. */
    static String shapeHint(long gpus) {
        long pow = Long.highestOneBit(Math.max(1, gpus));
        long three = Long.highestOneBit(Math.max(1, gpus / 3)) * 3;
        return three > pow ? String.format(Locale.ROOT, "--gpus %d or %d", three, pow) : String.format(Locale.ROOT, "--gpus %d", pow);
    }

    /** What could make a plan fit, given what it already does. */
    static String memoryHint(ParallelPlan p) {
        List<String> h = new ArrayList<>();
        if (!p.offload().any()) {
            h.add("--offload auto with --search (or --offload optimizer)");
        }
        if (p.recompute() != Recompute.FULL) {
            h.add("--recompute full");
        }
        if (p.microBatch() > 1) {
            h.add("a smaller --micro-batch");
        }
        h.add("more --pp, --tp or --cp");
        h.add("more --gpus");
        h.add("a shorter --seq-len");
        return String.join(", ", h);
    }
}
