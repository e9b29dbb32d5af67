package org.mosaic.cli;

import org.mosaic.studies.training.JobChecks;

import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.training.TrainResult;
import org.mosaic.studies.training.TrainStudy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mosaic.cluster.training.DataType;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.Recompute;
import org.mosaic.cluster.training.SystemSpec;
import org.mosaic.cluster.training.TpOverlap;
import org.mosaic.studies.training.SearchOverlap;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;
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

    @Option(names = "--model", paramLabel = "FILE|NAME", defaultValue = "llama3-405b",
            description = "A model document (kind: model) or a preset: gpt3-175b, megatron-22b, megatron-530b, megatron-1t, llama3-405b, "
                    + "mixtral-8x7b, deepseek-v3-like; or custom (with --set model.layers, model.hidden, model.heads, model.vocab and "
                    + "model.seq) (default: ${DEFAULT-VALUE}; `mosaic presets show NAME` prints one to start from).")
    String model;

    @Option(names = "--gpu", paramLabel = "FILE|NAME", description = "The GPU: a preset (a100-80g, h100-sxm, b200, h200-sxm) or a kind: gpu "
            + "document (mosaic presets show h100-sxm prints one to start from) (default: the cluster's, or the system's).")
    String gpu;

    @Option(names = "--system", paramLabel = "FILE|NAME", description = "Run on a training system instead of a cluster under a policy: "
            + "a preset (selene: Megatron's Table 5 A100 system; llama3-h100: Meta's Llama 3 cluster) or a kind: system document (GPU, "
            + "GPUs per node, scale-up and scale-out bandwidth, efficiency and latency). Not with --cluster or --policy, which describe the "
            + "other way to build the network; --gpus defaults to the system's gpus: (required when it has none).")
    String system;




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
    @Option(names = "--tp-overlap", paramLabel = "MODE", description = "How the TP collectives overlap the multiplies next to them: "
            + "none; backward (Megatron's default, measured: the column-parallel layers' backward collectives under the weight- and "
            + "data-gradient multiplies); ring or pipelined (Transformer Engine's collective matmuls, forms assumed, sequence "
            + "parallelism needed) (default: backward for a given plan; with --search the search chooses, unless given).")
    String tpOverlap;
    @Option(names = "--dp-overlap", negatable = true, description = "The DP gradient reduction and parameter gathering run under the "
            + "backward and forward (all but the last bucket); --no-dp-overlap exposes them in full (default: on).")
    Boolean dpOverlap;
    @Option(names = "--matmul-type", paramLabel = "TYPE", defaultValue = "bf16", description = "Number format of the linear layers' "
            + "multiplies: bf16, fp8 or fp32 (TF32 math); the GPU must have it (a100-80g: bf16, fp32; h100-sxm and b200 also fp8). "
            + "Attention products, activations and communication stay BF16; MFU counts against the BF16 peak (default: ${DEFAULT-VALUE}).")
    String matmulType;
    @Option(names = "--search-overlap", paramLabel = "SCOPE", defaultValue = "all", description = "TP overlaps the search chooses from: "
            + "all (backward or ring, whichever is faster per plan) or measured (backward only, the overlap Megatron measured; "
            + "ring's form is assumed) (default: ${DEFAULT-VALUE}).")
    String searchOverlap;
    @Option(names = "--search", description = "Search every valid plan (fixing the plan options given) and rank them.")
    boolean search;
    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "Plans to list with --search (default: ${DEFAULT-VALUE}).")
    int top;
    @Option(names = "--straggler", paramLabel = "FACTOR", split = ",",
            description = "Compute slow-down of the slowest GPUs, e.g. 1.2 (repeatable or comma-separated). They sit in one pipeline, one "
                    + "per stage, slowest first (the conservative placement); more stragglers than stages add nothing: a stage is as slow as its "
                    + "slowest GPU. With --search the plans are ranked under the stragglers.")
    List<Double> stragglers = new ArrayList<>();
    @Option(names = "--offload", paramLabel = "PARTS", defaultValue = "none", description = "What lives in the GPU's second memory "
            + "tier (the gpu document's hostMemory: host DRAM over PCIe or C2C) instead of HBM, as Calculon models it: HBM keeps two "
            + "layers' worth, each layer's transfer runs beside its compute. none; weights, activations, optimizer joined by '+' "
            + "(all: the three); auto with --search: plans that fit only with offload offload the fewest parts that make them fit "
            + "(default: ${DEFAULT-VALUE}).")
    String offload;
    @Option(names = "--offload-overlap", negatable = true, defaultValue = "true", fallbackValue = "true", description = "Offloaded "
            + "transfers run under each layer's compute, exposing only what it cannot cover; --no-offload-overlap exposes them in full "
            + "(default: on).")
    boolean offloadOverlap;
    @Option(names = "--all", description = "With --search and --out: write every plan the search examines (timed, with its breakdown, "
            + "or rejected for memory, with its footprint); no plan is bounded out, so the search is slower.")
    boolean all;
    @OutputPaths.Writes(extensions = {".csv"})
    @Option(names = "--out", paramLabel = "FILE.csv", description = "With --search --all: the CSV of every examined plan (written "
            + "whole or not at all: a temporary file renamed into place).")
    Path allOut;
    @OutputPaths.Writes(extensions = {".svg", ".png"}, companions = "-timeline")
    @Option(names = "--plot", paramLabel = "FILE.svg|FILE.png", description = "Write the step-time breakdown by policy and the pipeline "
            + "timeline of the first policy's plan.")
    Path plot;

    @Mixin
    FormatOption output;

    @Mixin
    JobOptions job;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Map<String, String>> routed = routeSets();
        SystemSpec sys = system(routed.getOrDefault("system", Map.of()));
        org.mosaic.cluster.fleet.ClusterDocument clusterDoc = sys == null ? clusterDocument(job.cluster, routed.getOrDefault(DocumentSets.CLUSTER,
                Map.of()), TRAIN_HINT) : null;
        JobChecks.checkGpus(job.gpus);
        ModelSpec m = TrainModels.bind(model, seqLen, routed.getOrDefault("model", Map.of()));
        GpuSpec g = gpu(sys, clusterDoc, routed.getOrDefault("gpu", Map.of()));
        TrainStudy.checkOptions(top, globalBatch, stragglers);
        Recompute rc = null;
        if (recompute != null) {
            try {
                rc = Recompute.parse(recompute);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--" + e.getMessage());
            }
        }
        TpOverlap tpo = null;
        if (tpOverlap != null) {
            try {
                tpo = TpOverlap.parse(tpOverlap);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--tp-overlap " + tpOverlap + ": " + e.getMessage() + " (hint: backward, Megatron's default)");
            }
        }
        DataType type;
        try {
            type = DataType.parse(matmulType);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--matmul-type " + matmulType + ": " + e.getMessage() + " (hint: bf16, the default)");
        }
        SearchOverlap scope;
        try {
            scope = SearchOverlap.parse(searchOverlap);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--search-overlap " + searchOverlap + ": " + e.getMessage() + " (hint: measured restricts the "
                    + "search to Megatron's backward overlap)");
        }
        // --recompute alone (like the switches) is a constraint on the search, not a plan
        boolean anyPlan = tp != null || pp != null || dp != null || ep != null || cp != null || interleave != null || microBatch != null;
        boolean doSearch = search || !anyPlan;
        var parsed = spec.commandLine().getParseResult();
        if (!doSearch && parsed.hasMatchedOption("--top")) {
            throw new UsageException("--top " + top + " with a fixed plan (--tp/--pp/--dp/...): --top ranks the plans of a search, a fixed "
                    + "plan is one plan (hint: add --search to rank the plans that keep the given options, or drop --top)");
        }
        if (!doSearch && parsed.hasMatchedOption("--search-overlap")) {
            throw new UsageException("--search-overlap " + searchOverlap + " with a fixed plan (--tp/--pp/--dp/...): it chooses the TP "
                    + "overlaps a search may use, a fixed plan is one plan (hint: add --search, or give the plan's overlap with --tp-overlap)");
        }
        if (all != (allOut != null)) {
            throw new UsageException(all ? "--all without --out: expected --out FILE.csv, the file every examined plan is written to"
                    : "--out " + allOut + " without --all: expected --all (--out writes every plan a search examines)");
        }
        if (!parsed.hasMatchedOption("--offload") && parsed.hasMatchedOption("--offload-overlap")) {
            throw new UsageException("--" + (offloadOverlap ? "" : "no-") + "offload-overlap without --offload: nothing is offloaded "
                    + "(hint: --offload optimizer, or --offload auto with --search)");
        }
        TrainStudy.checkSequenceParallel(doSearch, seqParallel, tp);
        TrainStudy.checkOverlaps(doSearch, tp, seqParallel, tpo, scope);
        List<String> names = sys != null ? List.of()
                : job.policyNames();
        if (sys == null) {
            JobChecks.checkPolicies("--policy", names);
        }
        if (sys != null) {
            job.technologies.refuseWithSystem();
        } else {
            job.technologies.checkRules(job.cluster, clusterDoc.cluster(), "train");
        }
        TrainResult result;
        TechnologyOptions.Resolved tech;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            tech = job.technologies.resolve();
            TrainStudy.Input input = new TrainStudy.Input(m, sys, clusterDoc, sys == null ? clusterLabel(routed) : null, g, gpu != null, job.gpus,
                    names, tech.interconnect(), tech.notes(), tp, pp, dp, ep, cp, interleave, microBatch, globalBatch, rc, seqParallel,
                    distributedOptimizer, flashAttention, tpo, dpOverlap, type, scope, search, top, stragglers, plot != null, offload,
                    offloadOverlap, all);
            result = new TrainStudy().run(input, progress);
        }
        if (allOut != null) {
            String csv = Output.csv(result.examinedPlans().stream().map(e -> Output.flatten(Results.tree(e))).toList());
            org.mosaic.report.AtomicFiles.write(allOut, tmp -> java.nio.file.Files.writeString(tmp, csv));
            spec.commandLine().getErr().println("wrote " + result.examinedPlans().size() + " examined plans to " + allOut);
        }
        if (plot != null) {
            org.mosaic.report.TrainingCharts.writeStepPlot(plot, result.runs().stream().map(r -> r.run().step()).toList(),
                    result.runs().stream().map(r -> r.run().label()).toList(), result.timeline());
        }
        out.print(switch (output.format) {
            case JSON -> Results.json(result);
            case CSV -> {
                spec.commandLine().getErr().print(TechnologyOptions.notesText(tech.notes())); // CSV rows hold results only
                yield Output.csv(result.runs().stream().map(r -> Output.flatten(Results.tree(r.run()))).toList());
            }
            case TABLE -> TrainTable.text(result) + TechnologyOptions.notesText(tech.notes());
        });
        out.flush();
        return 0;
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
        Map<String, Map<String, String>> routed = DocumentSets.split(job.sets, unused);
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
        String flag = gpu != null ? "--gpu " : sys != null ? "--system " + system + ": gpu " : "--cluster " + job.cluster + ": gpu ";
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
            for (String s : job.sets) {
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

    /** The cluster as the user gave it, for messages: the --cluster value, with the --set keys that edited it. */
    String clusterLabel(Map<String, Map<String, String>> routed) {
        Map<String, String> edits = routed.getOrDefault(DocumentSets.CLUSTER, Map.of());
        StringBuilder b = new StringBuilder(job.cluster);
        edits.forEach((k, v) -> b.append(b.length() == job.cluster.length() ? " with " : ", ").append("--set ").append(k).append('=').append(v));
        return b.toString();
    }

}
