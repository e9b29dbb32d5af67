package org.mosaic.cli;

import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.UsageException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mosaic.cluster.TrainingModel;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.Models;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.PublishedGap;
import org.mosaic.cluster.training.ParallelPlan;
import org.mosaic.cluster.training.PlanSearch;
import org.mosaic.cluster.training.Recompute;
import org.mosaic.cluster.training.StepModel;
import org.mosaic.cluster.training.StepResult;
import org.mosaic.cluster.training.SystemSpec;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.core.scenario.SpecReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic train}: one training step of a model on a cluster under an interconnect policy — time, breakdown, MFU. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Training throughput: the step time of a transformer (dense or MoE) under a parallel plan (TP, PP with 1F1B or "
                + "interleaved schedules simulated step by step, DP with a distributed optimizer, EP, CP) on a cluster whose scale-up domain "
                + "and fabric follow the interconnect policy; its breakdown, MFU, tokens/s and HBM footprint.",
            "Give the plan (--tp --pp --dp ...) or --search for the fastest plans that fit (options given with --search stay fixed). "
                    + "Without plan options (--tp, --pp, --dp, --ep, --cp, --interleave, --micro-batch) the command searches; --recompute "
                    + "and the switches then constrain the search."})
public final class TrainCommand implements Callable<Integer> {
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

    /** Most plans listed by a search: each kept plan is simulated in full (no branch-and-bound cut). */
    static final int MAX_TOP = 100;
    /** Largest global batch (sequences): 32× Llama 3's 2,048, a bound on the micro-batches every plan's pipeline simulates. */
    static final int MAX_GLOBAL_BATCH = 65_536;

    /** The shape keys --model custom must set (the rest have defaults). */
    static final List<String> CUSTOM_REQUIRED = List.of("model.layers", "model.hidden", "model.heads", "model.vocab", "model.seq");

    @Option(names = "--model", paramLabel = "FILE|NAME", defaultValue = "llama3-405b",
            description = "A model document (kind: model) or a preset: gpt3-175b, megatron-22b, megatron-530b, megatron-1t, llama3-405b, "
                    + "mixtral-8x7b, deepseek-v3-like; or custom (with --set model.layers, model.hidden, model.heads, model.vocab and "
                    + "model.seq) (default: ${DEFAULT-VALUE}; `mosaic presets show NAME` prints one to start from).")
    String model;

    @Option(names = "--gpu", paramLabel = "FILE|NAME", description = "The GPU: a preset (a100-80g, h100-sxm, b200) or a kind: gpu "
            + "document (mosaic presets show h100-sxm prints one to start from) (default: the cluster's, or the system's).")
    String gpu;

    @Option(names = "--system", paramLabel = "FILE|NAME", description = "Run on a training system instead of a cluster under a policy: "
            + "a preset (selene: Megatron's Table 5 A100 system; llama3-h100: Meta's Llama 3 cluster) or a kind: system document (GPU, "
            + "GPUs per node, scale-up and scale-out bandwidth, efficiency and latency). Not with --cluster or --policy, which describe the "
            + "other way to build the network; --gpus defaults to the system's gpus: (required when it has none).")
    String system;

    @Option(names = "--gpus", paramLabel = "N", description = "GPUs of the job (default: the cluster's).")
    Long gpus;

    @Option(names = "--cluster", paramLabel = "FILE|NAME", defaultValue = "h100-16k",
            description = "The cluster: a shipped name (nvl72-rack, h100-16k or cluster-100k; default: ${DEFAULT-VALUE}) or a "
                    + "kind: cluster document (not with --system).")
    String cluster;

    @Option(names = "--policy", paramLabel = "POLICY", split = ",", defaultValue = "today",
            description = "today, mosaic, mosaic-beyond-copper, all-optical-laser; several separated by commas, or all "
                    + "(default: ${DEFAULT-VALUE}; not with --system).")
    List<String> policies;

    @Option(names = "--tp", paramLabel = "N", description = "Tensor-parallel size.")
    Integer tp;
    @Option(names = "--pp", paramLabel = "N", description = "Pipeline stages.")
    Integer pp;
    @Option(names = "--dp", paramLabel = "N", description = "Data-parallel replicas (default: what the GPUs leave).")
    Integer dp;
    @Option(names = "--ep", paramLabel = "N", description = "Expert-parallel size (MoE).")
    Integer ep;
    @Option(names = "--cp", paramLabel = "N", description = "Context-parallel size.")
    Integer cp;
    @Option(names = "--interleave", paramLabel = "V", description = "Model chunks per pipeline stage (1 = 1F1B).")
    Integer interleave;
    @Option(names = "--micro-batch", paramLabel = "N", description = "Sequences per micro-batch.")
    Integer microBatch;
    @Option(names = "--global-batch", paramLabel = "N", defaultValue = "2048",
            description = "Sequences per step (default: ${DEFAULT-VALUE}, Llama 3's 16 M tokens at 8,192).")
    int globalBatch;
    @Option(names = "--seq-len", paramLabel = "N", description = "Sequence length (default: the model's).")
    Integer seqLen;
    @Option(names = "--recompute", paramLabel = "MODE", description = "none, selective or full.")
    String recompute;
    @Option(names = "--seq-parallel", negatable = true, description = "Megatron sequence parallelism (default: on when TP > 1).")
    Boolean seqParallel;
    @Option(names = "--distributed-optimizer", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Shard optimizer state over DP × CP (default: on).")
    boolean distributedOptimizer;
    @Option(names = "--flash-attention", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Fused attention (default: on).")
    boolean flashAttention;
    @Option(names = "--search", description = "Search every valid plan (fixing the plan options given) and rank them.")
    boolean search;
    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "Plans to list with --search (default: ${DEFAULT-VALUE}).")
    int top;
    @Option(names = "--straggler", paramLabel = "FACTOR", split = ",",
            description = "Compute slow-down of the slowest GPUs, e.g. 1.2 (repeatable or comma-separated). They sit in one pipeline, one "
                    + "per stage, slowest first (the conservative placement); more stragglers than stages add nothing: a stage is as slow as its "
                    + "slowest GPU. With --search the plans are ranked under the stragglers.")
    List<Double> stragglers = new ArrayList<>();
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any value of a document the run uses, by its dotted path: "
            + "model.KEY of the model (model.layers, model.hidden, model.ffn, model.heads, model.kvHeads, model.vocab, model.seq, "
            + "model.experts, model.topK, model.family); the cluster's own paths as fleet spells them (gpus, gpu, fabric.radix, "
            + "scaleUp.gpus, layout.rackPower, economics.pue, ...); system.KEY of the --system document (e.g. "
            + "system.scaleUp.efficiency=0.65; then no cluster paths); gpu.KEY of the --gpu document, else of the cluster's or "
            + "system's GPU (e.g. gpu.hbm.capacity=96 GB). Repeatable; each key once, in any order: all are applied, then each "
            + "document is checked once; a key of a document the run does not use is refused.")
    List<String> sets = new ArrayList<>();
    @OutputPaths.Writes(extensions = {".svg", ".png"}, companions = "-timeline")
    @Option(names = "--plot", paramLabel = "FILE.svg|FILE.png", description = "Write the step-time breakdown by policy and the pipeline "
            + "timeline of the first policy's plan.")
    Path plot;

    @Mixin
    FormatOption output;

    @Mixin
    TechnologyOptions technologies;

    @Spec
    CommandSpec spec;

    /** One policy's outcome. */
    /** One policy's outcome ({@code policy} null for a run on a --system); {@code note} says why the scale-up domain has its size. */
    record PolicyRun(String policy, TrainingModel.Setup setup, StepResult result, PlanSearch.Result search, PublishedGap gap, String note) {
        /** The row's label: the policy, or the system's name. */
        String label() {
            return policy != null ? policy : setup.system().name();
        }
    }

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Map<String, String>> routed = routeSets();
        SystemSpec sys = system(routed.getOrDefault("system", Map.of()));
        org.mosaic.cluster.fleet.ClusterDocument clusterDoc = sys == null ? clusterDocument(cluster, routed.getOrDefault(DocumentSets.CLUSTER,
                Map.of()), TRAIN_HINT) : null;
        checkGpus(gpus);
        ModelSpec m = model(routed.getOrDefault("model", Map.of()));
        GpuSpec g = gpu(sys, clusterDoc, routed.getOrDefault("gpu", Map.of()));
        if (top < 1 || top > MAX_TOP) {
            throw new UsageException("--top " + top + ": expected 1 to " + MAX_TOP + " (every plan kept is simulated in full, so a long "
                    + "list turns the search's bound off)");
        }
        if (globalBatch < 1 || globalBatch > MAX_GLOBAL_BATCH) {
            throw new UsageException(String.format(Locale.ROOT, "--global-batch %d: expected 1 to %,d sequences per step (Llama 3 405B used "
                    + "2,048; the pipeline of every plan is simulated micro-batch by micro-batch)", globalBatch, MAX_GLOBAL_BATCH));
        }
        double[] slow = stragglers.stream().mapToDouble(Double::doubleValue).toArray();
        for (double f : slow) {
            if (!(f >= 1 && Double.isFinite(f))) {
                throw new UsageException(String.format(Locale.ROOT, "--straggler %s: expected a slow-down factor >= 1 (1.2 = 20 %% slower)", f));
            }
        }
        Recompute rc = null;
        if (recompute != null) {
            try {
                rc = Recompute.parse(recompute);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--" + e.getMessage());
            }
        }
        // --recompute alone (like the switches) is a constraint on the search, not a plan
        boolean anyPlan = tp != null || pp != null || dp != null || ep != null || cp != null || interleave != null || microBatch != null;
        boolean doSearch = search || !anyPlan;
        var parsed = spec.commandLine().getParseResult();
        if (!doSearch && parsed.hasMatchedOption("--top")) {
            throw new UsageException("--top " + top + " with a fixed plan (--tp/--pp/--dp/...): --top ranks the plans of a search, a fixed "
                    + "plan is one plan (hint: add --search to rank the plans that keep the given options, or drop --top)");
        }
        if (!doSearch && Boolean.TRUE.equals(seqParallel) && (tp == null || tp == 1)) {
            throw new UsageException("--seq-parallel with --tp " + (tp == null ? "1 (the default)" : tp) + ": sequence parallelism splits "
                    + "activations over the tensor-parallel group, expected --tp > 1");
        }
        List<String> names = sys != null ? java.util.Collections.singletonList(null)
                : policies.size() == 1 && policies.get(0).equals("all") ? org.mosaic.cluster.fleet.Policy.NAMES : policies;
        if (sys == null) {
            checkPolicies("--policy", names);
        }
        if (sys != null) {
            technologies.refuseWithSystem();
        } else {
            technologies.checkRules(cluster, clusterDoc.cluster(), "train");
        }
        List<PolicyRun> runs = new ArrayList<>();
        TechnologyOptions.Resolved tech;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            tech = technologies.resolve();
            progress.task((doSearch ? "searching plans" : "evaluating the plan") + " for " + names.size() + " polic"
                    + (names.size() == 1 ? "y" : "ies"), names.size());
            for (String policy : names) {
                TrainingModel.Setup setup = sys != null ? setup(sys, g, gpus) : setup(clusterDoc, clusterLabel(routed), g, policy, gpus,
                        tech.interconnect());
                String note = sys != null ? (g == null ? sys : sys.withGpu(g)).networkNote() + (gpu == null ? "" : " (GPU from --gpu)")
                        : setup.scaleUpNote();
                if (doSearch) {
                    PlanSearch.Fixed fixed = new PlanSearch.Fixed(tp, pp, dp, ep, cp, microBatch, interleave, rc);
                    ParallelPlan template = new ParallelPlan(1, 1, 1, 1, 1, 1, 1, 1, Recompute.NONE, seqParallel == null || seqParallel,
                            distributedOptimizer, flashAttention);
                    PlanSearch.Result r;
                    try {
                        r = PlanSearch.search(m, setup.system(), globalBatch, fixed, template, top, slow);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                    if (r.ranked().isEmpty()) {
                        throw new UsageException("no plan for " + m.name() + " fits on " + setup.system().name() + ": "
                                + (r.closestMisfit() == null ? "no plan shape divides " + setup.system().gpus() + " GPUs and batch " + globalBatch
                                        + " (hint: " + shapeHint(setup.system().gpus()) + ", or another --global-batch)"
                                        : "the closest, " + r.closestMisfit().plan().label() + ", " + r.closestMisfit().memory().describe()
                                                + " (hint: " + memoryHint(r.closestMisfit().plan()) + ")"));
                    }
                    runs.add(new PolicyRun(policy, setup, r.best(), r, PublishedGap.of(m, r.best(), setup.system(), slow).orElse(null), note));
                } else {
                    ParallelPlan plan = plan(setup.system().gpus(), rc);
                    StepResult res;
                    try {
                        res = StepModel.evaluate(m, plan, setup.system(), slow, plot != null);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                    if (!res.memory().fits()) {
                        throw new UsageException("plan " + plan.label() + " does not fit: " + res.memory().describe()
                                + " (hint: " + memoryHint(plan) + ", or --search)");
                    }
                    runs.add(new PolicyRun(policy, setup, res, null, PublishedGap.of(m, res, setup.system(), slow).orElse(null), note));
                }
                progress.step();
            }
        }
        if (plot != null) {
            PolicyRun first = runs.get(0);
            StepResult withTimeline = first.result().pipeline().timeline().isEmpty()
                    ? StepModel.evaluate(m, first.result().plan(), first.setup().system(), slow, true) : first.result();
            org.mosaic.report.TrainingCharts.writeStepPlot(plot, runs.stream().map(r -> r.result()).toList(),
                    runs.stream().map(PolicyRun::label).toList(), withTimeline);
        }
        out.print(switch (output.format) {
            case JSON -> Output.json(Output.strict(TechnologyOptions.withNotes(json(runs), tech.notes())));
            case CSV -> {
                spec.commandLine().getErr().print(TechnologyOptions.notesText(tech.notes())); // CSV rows hold results only
                yield Output.csv(runs.stream().map(r -> Output.flatten(summary(r))).toList());
            }
            case TABLE -> table(m, runs) + TechnologyOptions.notesText(tech.notes());
        });
        out.flush();
        return 0;
    }

    /** The shape of {@code --model custom} before its {@code --set} keys: a model document with only a name and a family. */
    static final String CUSTOM_DOCUMENT = "formatVersion: 1\nkind: model\nname: custom\ndescription: a shape given with --set\nfamily: gpt\n";

    /**
     * The model: the document {@code --model FILE|NAME} (or the bare {@code custom} one) with every {@code --set model.KEY} and
     * {@code --seq-len} applied, then bound once. A changed preset or file is named with a trailing "*".
     */
    ModelSpec model(Map<String, String> modelSets) {
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

    ParallelPlan plan(long jobGpus, Recompute rc) {
        int t = tp == null ? 1 : tp;
        int p = pp == null ? 1 : pp;
        int c = cp == null ? 1 : cp;
        int d;
        if (dp == null) {
            long denom = (long) t * p * c;
            if (denom < 1 || jobGpus % denom != 0) {
                throw new UsageException(String.format(Locale.ROOT, "--tp %d × --pp %d × --cp %d = %d does not divide the job's %d GPUs; "
                        + "expected a divisor (hint: --gpus or --search)", t, p, c, denom, jobGpus));
            }
            d = (int) (jobGpus / denom);
        } else {
            d = dp;
        }
        try {
            return new ParallelPlan(t, p, d, ep == null ? 1 : ep, c, microBatch == null ? 1 : microBatch, globalBatch,
                    interleave == null ? 1 : interleave, rc == null ? Recompute.SELECTIVE : rc, seqParallel == null ? t > 1 : seqParallel,
                    distributedOptimizer, flashAttention);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
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

    /** A policy named twice, or "all" beside others, is refused: each policy is evaluated once. */
    static void checkPolicies(String flag, List<String> names) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (n.equals("all")) {
                throw new UsageException(flag + " " + String.join(",", names) + ": \"all\" already names every policy; expected it alone");
            }
            if (!seen.add(n)) {
                throw new UsageException(flag + " " + String.join(",", names) + ": " + n + " is named twice; expected each policy once");
            }
            try {
                org.mosaic.cluster.fleet.Policy.named(n);
            } catch (IllegalArgumentException e) {
                throw new UsageException(flag + " " + e.getMessage());
            }
        }
    }

    /** Names the flag of a bad GPU count before any work (the cluster is checked when its document is bound). */
    static void checkGpus(Long gpus) {
        if (gpus != null && (gpus < 1 || gpus > org.mosaic.cluster.topology.ClusterSpec.MAX_GPUS)) {
            throw new UsageException(String.format(Locale.ROOT, "--gpus %d: expected 1 to %,d GPUs (hint: Llama 3 405B trained on 16384)",
                    gpus, org.mosaic.cluster.topology.ClusterSpec.MAX_GPUS));
        }
    }

    /** Added to an unknown cluster key typed with --set: the other documents train's --set addresses. */
    static final String TRAIN_HINT = " (train's --set also takes model.KEY, gpu.KEY, and system.KEY with --system)";

    /**
     * The --set keys by document: model.* (the --model document), gpu.* (the --gpu document, else the GPU the cluster or system
     * holds), system.* (the --system document) and any other key a path of the --cluster document as fleet spells it; a key of a
     * document the run does not use is refused.
     */
    Map<String, Map<String, String>> routeSets() {
        Map<String, String> unused = new java.util.HashMap<>();
        unused.put("campaign", "train runs no goodput campaign (campaign.KEY is goodput's)");
        if (system == null) {
            unused.put("system", "the run has no --system (hint: add --system selene or a system file, or drop the key)");
        } else {
            unused.put(DocumentSets.CLUSTER, "--system " + system + " replaces the cluster (its paths, e.g. gpus or fabric.radix, "
                    + "describe the --cluster network; hint: system.KEY addresses the system document, e.g. system.scaleUp.efficiency=0.65)");
        }
        Map<String, Map<String, String>> routed = DocumentSets.split(sets, unused);
        if (gpu != null) {
            List<String> shadowed = new ArrayList<>();
            routed.getOrDefault(DocumentSets.CLUSTER, Map.of()).keySet().stream().filter(k -> k.equals("gpu")).forEach(shadowed::add);
            routed.getOrDefault("system", Map.of()).keySet().stream().filter(k -> k.equals("system.gpu") || k.startsWith("system.gpu."))
                    .forEach(shadowed::add);
            if (!shadowed.isEmpty()) {
                throw new UsageException("--set " + shadowed.get(0) + " with --gpu " + gpu + ": --gpu replaces the "
                        + (system == null ? "cluster's" : "system's") + " GPU, so the key would change nothing; expected one of them "
                        + "(hint: gpu.KEY addresses the --gpu document)");
            }
        }
        return routed;
    }

    /** --cluster FILE|NAME with the cluster paths of --set applied (all, then one validation); a bad file or name names the flag. */
    static org.mosaic.cluster.fleet.ClusterDocument clusterDocument(String cluster, Map<String, String> clusterSets, String hint) {
        if (clusterSets.isEmpty()) {
            try {
                return org.mosaic.cluster.fleet.ClusterDocument.resolve(cluster);
            } catch (IllegalArgumentException | ScenarioException e) {
                throw new UsageException("--cluster " + cluster + ": " + e.getMessage());
            }
        }
        ScenarioDocument doc;
        try {
            doc = Documents.load(Documents.Kind.CLUSTER, cluster);
        } catch (ScenarioException e) {
            throw new UsageException("--cluster " + cluster + ": " + e.getMessage());
        }
        return DocumentSets.bind(doc, DocumentSets.CLUSTER, clusterSets, Map.of(), org.mosaic.cluster.fleet.ClusterDocument::bind, hint);
    }

    /**
     * The GPU: --gpu's document with the gpu.* keys, or, with gpu.* keys and no --gpu, the GPU the cluster holds (its gpu: after
     * the cluster's --set) or the system's (a preset it names; an inline one is edited through system.gpu.*, see
     * {@link #system(Map)}); null for the cluster's or system's own GPU unchanged.
     */
    GpuSpec gpu(SystemSpec sys, org.mosaic.cluster.fleet.ClusterDocument clusterDoc, Map<String, String> gpuSets) {
        if (gpu == null && gpuSets.isEmpty()) {
            return null;
        }
        if (gpu == null && sys != null && systemGpuInline) {
            return null;   // applied to the inline GPU as system.gpu.*
        }
        String source = gpu != null ? gpu : sys != null ? sys.gpu().name() : clusterDoc.gpu();
        String flag = gpu != null ? "--gpu " : sys != null ? "--system " + system + ": gpu " : "--cluster " + cluster + ": gpu ";
        ScenarioDocument doc;
        try {
            doc = Documents.load(Documents.Kind.GPU, source);
        } catch (ScenarioException e) {
            throw new UsageException(flag + source + ": " + e.getMessage());
        }
        if (gpuSets.isEmpty()) {
            return gpu(source);
        }
        return DocumentSets.bind(doc, "gpu", gpuSets, Map.of(), GpuSpec::from);
    }

    /** Whether the --system document holds its GPU inline (then gpu.KEY is its system.gpu.KEY). */
    private boolean systemGpuInline;

    /** --gpu FILE|NAME: a gpu document or preset; a bad one is refused naming the flag. */
    static GpuSpec gpu(String fileOrName) {
        try {
            return GpuSpec.from(Documents.load(Documents.Kind.GPU, fileOrName));
        } catch (ScenarioException e) {
            throw new UsageException("--gpu " + fileOrName + ": " + e.getMessage());
        }
    }

    /** --system FILE|NAME, or null; refused with --cluster or --policy (a system replaces the cluster-and-policy placement). */
    SystemSpec system(Map<String, String> systemSets) {
        if (system == null) {
            return null;
        }
        var parsed = spec.commandLine().getParseResult();
        for (String flag : List.of("--cluster", "--policy")) {
            if (parsed.hasMatchedOption(flag)) {
                throw new UsageException("--system " + system + " with " + flag + " " + parsed.matchedOptionValue(flag, null)
                        + ": a system document describes the GPUs and their network itself, while --cluster and --policy build them "
                        + "from a cluster preset under an interconnect policy; expected one or the other (hint: drop " + flag
                        + ", or drop --system)");
            }
        }
        ScenarioDocument doc;
        try {
            doc = Documents.load(Documents.Kind.SYSTEM, system);
        } catch (ScenarioException e) {
            throw new UsageException("--system " + system + ": " + e.getMessage());
        }
        Map<String, String> all = new java.util.TreeMap<>(systemSets);
        com.fasterxml.jackson.databind.JsonNode inline = doc.tree().get("gpu");
        systemGpuInline = gpu == null && inline != null && inline.isObject();
        if (systemGpuInline) {   // gpu.KEY is the inline GPU's key: system.gpu.KEY (the same key twice is refused)
            for (String s : sets) {
                int eq = s.indexOf('=');
                String key = s.substring(0, eq).trim();
                if (key.startsWith("gpu.")) {
                    String before = all.put("system." + key, s.substring(eq + 1).trim());
                    if (before != null) {
                        throw new UsageException("--set " + key + " and --set system." + key + ": both set the system's inline GPU's "
                                + key.substring(4) + "; expected one of them");
                    }
                }
            }
        }
        if (all.isEmpty()) {
            try {
                return SystemSpec.from(doc);
            } catch (ScenarioException e) {
                throw new UsageException("--system " + system + ": " + e.getMessage());
            }
        }
        return DocumentSets.bind(doc, "system", all, Map.of(), SystemSpec::from);
    }

    /** The job on a system document: {@code gpus} of it (default: the system's), with {@code g} instead of its GPU when given. */
    static TrainingModel.Setup setup(SystemSpec sys, GpuSpec g, Long gpus) {
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

    /** The setup of one policy, bad names and sizes reported against their flags. */
    static TrainingModel.Setup setup(String cluster, GpuSpec g, String policy, Long gpus, org.mosaic.cluster.fleet.Interconnect ic) {
        try {
            org.mosaic.cluster.fleet.Policy.named(policy);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--policy " + e.getMessage());
        }
        try {
            return TrainingModel.setup(cluster, g, policy, gpus, ic);
        } catch (IllegalArgumentException e) {
            throw new UsageException(gpus == null ? e.getMessage() : "--gpus " + gpus + " on " + cluster + ": " + e.getMessage()
                    + " (hint: the preset's racks and fabric are laid out for its own size; for small jobs try --cluster h100-16k"
                    + " or nvl72-rack)");
        }
    }

    /** The cluster as the user gave it, for messages: the --cluster value, with the --set keys that edited it. */
    String clusterLabel(Map<String, Map<String, String>> routed) {
        Map<String, String> edits = routed.getOrDefault(DocumentSets.CLUSTER, Map.of());
        StringBuilder b = new StringBuilder(cluster);
        edits.forEach((k, v) -> b.append(b.length() == cluster.length() ? " with " : ", ").append("--set ").append(k).append('=').append(v));
        return b.toString();
    }

    /**
     * The setup of one policy on a bound cluster document ({@code label}: as the user gave it, see {@link #clusterLabel}), bad names
     * and sizes reported against their flags; a cluster an edit made unusable is reported against the edit.
     */
    static TrainingModel.Setup setup(org.mosaic.cluster.fleet.ClusterDocument cluster, String label, GpuSpec g, String policy, Long gpus,
                                     org.mosaic.cluster.fleet.Interconnect ic) {
        try {
            org.mosaic.cluster.fleet.Policy.named(policy);
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

    private static String hint(String key) {
        return SpecReader.didYouMean(key, KEYS.keySet());
    }

    static ObjectNode summary(PolicyRun r) {
        StepResult s = r.result();
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (r.policy() != null) {
            n.put("policy", r.policy());
        }
        n.put("system", s.system());
        n.put("scaleUpGpus", r.setup().system().network().scaleUpGpus());
        n.put("scaleUpNote", r.note());
        n.put("model", s.model());
        n.put("gpus", s.gpus());
        n.put("stepSeconds", s.stepSeconds());
        n.put("mfu", s.mfu());
        n.put("tokensPerSecond", s.tokensPerSecond());
        n.put("tflopsPerGpu", s.flopsPerGpuPerSecond() / 1e12);
        n.set("breakdown", Output.tree(s.breakdown()));
        ObjectNode plan = (ObjectNode) Output.tree(s.plan());
        plan.put("recompute", s.plan().recompute().word());   // the CLI's word, not the enum constant
        n.set("plan", plan);
        n.put("planLabel", s.plan().label());
        n.set("memory", memory(s));
        if (r.gap() != null) {
            n.set("publishedGap", Output.tree(r.gap()));
        }
        return n;
    }

    private static ObjectNode memory(StepResult s) {
        ObjectNode m = (ObjectNode) Output.tree(s.memory());
        m.put("totalBytes", s.memory().totalBytes());
        m.put("fits", s.memory().fits());
        return m;
    }

    ObjectNode json(List<PolicyRun> runs) {
        ObjectNode root = summary(runs.get(0));
        PolicyRun first = runs.get(0);
        if (first.search() != null) {
            root.set("search", searchJson(first.search()));
        }
        root.set("communication", Output.tree(first.result().communication()));
        if (runs.size() > 1) {
            ArrayNode a = root.putArray("policies");
            for (PolicyRun r : runs) {
                ObjectNode n = summary(r);
                if (r.search() != null) {
                    n.set("search", searchJson(r.search()));
                }
                a.add(n);
            }
        }
        return root;
    }

    private static ObjectNode searchJson(PlanSearch.Result r) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("evaluated", r.evaluated());
        n.put("rejectedForMemory", r.rejectedMemory());
        n.put("prunedByBound", r.pruned());
        ArrayNode a = n.putArray("ranked");
        for (StepResult s : r.ranked()) {
            ObjectNode p = JsonNodeFactory.instance.objectNode();
            p.put("plan", s.plan().label());
            p.put("stepSeconds", s.stepSeconds());
            p.put("mfu", s.mfu());
            p.put("memoryBytes", s.memory().totalBytes());
            a.add(p);
        }
        return n;
    }

    static String table(ModelSpec m, List<PolicyRun> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %.1f B parameters (%.1f B active), %.3g FLOPs per token, sequence %d%n", m.name(),
                m.parameterCount() / 1e9, m.activeParameterCount() / 1e9, m.trainingFlopsPerToken(), m.sequenceLength()));
        List<List<String>> rows = new ArrayList<>();
        for (PolicyRun r : runs) {
            StepResult s = r.result();
            rows.add(List.of(r.label(), String.valueOf(r.setup().system().network().scaleUpGpus()), s.plan().label(),
                    String.format(Locale.ROOT, "%.3f s", s.stepSeconds()), Output.percent(s.mfu()),
                    String.format(Locale.ROOT, "%,.0f", s.tokensPerSecond()), String.format(Locale.ROOT, "%.1f GB", s.memory().totalBytes() / 1e9)));
        }
        sb.append(Output.table(List.of(runs.get(0).policy() == null ? "system" : "policy", ">scale-up GPUs", "plan", ">step", ">MFU", ">tokens/s", ">HBM"), rows)).append('\n');
        for (PolicyRun r : runs) {
            StepResult s = r.result();
            StringBuilder b = new StringBuilder();
            s.breakdown().forEach((k, v) -> {
                if (v > 0) {
                    b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(String.format(Locale.ROOT, "%.3f s", v));
                }
            });
            sb.append(r.label()).append(": ").append(b).append('\n');
            sb.append("  ").append(r.note()).append('\n');
            if (r.gap() != null) {
                sb.append("  beats the published run: ").append(r.gap().explanation()).append('\n');
            }
            if (r.search() != null) {
                sb.append("  ").append(PlanSearch.describe(r.search())).append('\n');
                int i = 1;
                for (StepResult x : r.search().ranked()) {
                    sb.append(String.format(Locale.ROOT, "  %d. %-40s %.3f s  MFU %s  HBM %.1f GB%n", i++, x.plan().label(), x.stepSeconds(),
                            Output.percent(x.mfu()), x.memory().totalBytes() / 1e9));
                }
            }
        }
        return sb.toString();
    }
}
