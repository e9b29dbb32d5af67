package org.mosaic.cli;

import org.mosaic.studies.training.JobChecks;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.SystemSpec;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.core.units.UnitException;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.inference.InferenceResult;
import org.mosaic.studies.inference.InferenceStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic inference}: prefill and decode of a model under a serving plan — TTFT, time per output token, tokens/s, KV cache. */
@Command(name = "inference", mixinStandardHelpOptions = true,
        description = {"Inference: time to first token (prefill of one prompt), time per output token (a decode step of the batch), "
                + "tokens/s per GPU, KV cache and memory fit of a dense or MoE model under TP, PP, EP and DP replicas, with the decode "
                + "step's TP all-reduces and EP all-to-alls on the tier the cluster's scale-up domain under each policy (or the system) "
                + "gives.",
            "Give the plan (--tp --pp --ep --dp --batch) or --search for the plans with the most tokens/s per GPU (options given stay "
                    + "fixed; --latency-target bounds the time per output token). Without plan options the command searches."})
public final class InferenceCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE|NAME", defaultValue = "llama3-405b",
            description = "A model document (kind: model) or a preset: gpt3-175b, megatron-22b, megatron-530b, megatron-1t, llama3-405b, "
                    + "mixtral-8x7b, deepseek-v3-like (default: ${DEFAULT-VALUE}).")
    String model;
    @Option(names = "--gpu", paramLabel = "FILE|NAME", description = "The GPU: a preset (a100-80g, h100-sxm, b200, h200-sxm) or a kind: gpu document "
            + "(default: the cluster's, or the system's).")
    String gpu;
    @Option(names = "--system", paramLabel = "FILE|NAME", description = "Serve on a system instead of a cluster under a policy: a preset "
            + "(selene, llama3-h100) or a kind: system document. Not with --cluster or --policy.")
    String system;
    @Option(names = "--tp", paramLabel = "N", description = "Tensor-parallel size (divides the attention heads).")
    Integer tp;
    @Option(names = "--pp", paramLabel = "N", description = "Pipeline stages.")
    Integer pp;
    @Option(names = "--ep", paramLabel = "N", description = "Expert-parallel size (MoE): attention groups per stage, the experts split over them.")
    Integer ep;
    @Option(names = "--dp", paramLabel = "N", description = "Replicas (default: 1; searched: as many as the GPUs hold).")
    Integer dp;
    @Option(names = "--batch", paramLabel = "N", description = "Sequences in flight per replica (default: 1; searched: doublings).")
    Integer batch;
    @Option(names = "--prompt", paramLabel = "TOKENS", defaultValue = "2048", description = "Prompt length (default: ${DEFAULT-VALUE}).")
    int prompt;
    @Option(names = "--output", paramLabel = "TOKENS", defaultValue = "256", description = "Tokens generated per request "
            + "(default: ${DEFAULT-VALUE}).")
    int outputTokens;
    @Option(names = "--search", description = "Search the plans (keeping the plan options given) and rank them by tokens/s per GPU.")
    boolean search;
    @Option(names = "--latency-target", paramLabel = "TIME", description = "The largest time per output token a searched plan may take, "
            + "e.g. 50ms.")
    String latencyTarget;
    @Option(names = "--weights-type", paramLabel = "TYPE", defaultValue = "bf16", description = "The linear layers' weights and "
            + "multiplies: bf16 or fp8 (W8A8 at the GPU's FP8 peak; embeddings, logits and router stay BF16) (default: ${DEFAULT-VALUE}).")
    String weightsType;
    @Option(names = "--kv-cache-type", paramLabel = "TYPE", defaultValue = "bf16", description = "The KV cache: bf16 or fp8 (half the "
            + "memory and the read traffic; attention arithmetic stays BF16) (default: ${DEFAULT-VALUE}).")
    String kvCacheType;
    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "Plans to list with --search (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    FormatOption output;

    @Mixin
    JobOptions job;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var parsed = spec.commandLine().getParseResult();
        // --set: model.*, gpu.*, system.* (with --system) and the cluster's paths (without), routed as train routes them
        Map<String, String> unused = new java.util.HashMap<>();
        unused.put("campaign", "inference runs no goodput campaign (campaign.KEY is goodput's)");
        if (system == null) {
            unused.put("system", "the run has no --system (hint: add --system selene or a system file, or drop the key)");
        } else {
            unused.put(DocumentSets.CLUSTER, "--system " + system + " replaces the cluster (its paths describe the --cluster network; "
                    + "hint: system.KEY addresses the system document)");
        }
        Map<String, Map<String, String>> routed = DocumentSets.split(job.sets, unused);
        SystemSpec sys = null;
        if (system != null) {
            for (String flag : List.of("--cluster", "--policy")) {
                if (parsed.hasMatchedOption(flag)) {
                    throw new UsageException("--system " + system + " with " + flag + " " + parsed.matchedOptionValue(flag, null)
                            + ": a system describes its GPUs and network itself; expected one or the other (hint: drop " + flag + ")");
                }
            }
            org.mosaic.core.scenario.ScenarioDocument doc;
            try {
                doc = Documents.load(Documents.Kind.SYSTEM, system);
            } catch (ScenarioException e) {
                throw new UsageException("--system " + system + ": " + e.getMessage());
            }
            Map<String, String> systemSets = routed.getOrDefault("system", Map.of());
            try {
                sys = systemSets.isEmpty() ? SystemSpec.from(doc) : DocumentSets.bind(doc, "system", systemSets, Map.of(), SystemSpec::from);
            } catch (ScenarioException e) {
                throw new UsageException("--system " + system + ": " + e.getMessage());
            }
        }
        org.mosaic.cluster.fleet.ClusterDocument clusterDoc = sys == null ? TrainCommand.clusterDocument(job.cluster,
                routed.getOrDefault(DocumentSets.CLUSTER, Map.of()), TrainCommand.TRAIN_HINT.replace("train's", "inference's")) : null;
        JobChecks.checkGpus(job.gpus);
        ModelSpec m = TrainModels.bind(model, null, routed.getOrDefault("model", Map.of()));
        Map<String, String> gpuSets = routed.getOrDefault("gpu", Map.of());
        GpuSpec g;
        if (gpuSets.isEmpty()) {
            g = gpu == null ? null : TrainCommand.gpu(gpu);
        } else {
            String source = gpu != null ? gpu : sys != null ? sys.gpu().name() : clusterDoc.gpu();
            try {
                g = DocumentSets.bind(Documents.load(Documents.Kind.GPU, source), "gpu", gpuSets, Map.of(), GpuSpec::from);
            } catch (ScenarioException e) {
                throw new UsageException((gpu != null ? "--gpu " : "gpu ") + source + ": " + e.getMessage());
            }
        }
        List<String> names = sys != null ? List.of() : job.policyNames();
        if (sys == null) {
            JobChecks.checkPolicies("--policy", names);
            job.technologies.checkRules(job.cluster, clusterDoc.cluster(), "inference");
        } else {
            job.technologies.refuseWithSystem();
        }
        Double target = null;
        if (latencyTarget != null) {
            try {
                target = Quantities.parse(latencyTarget, Dimension.TIME, 0.05);
            } catch (UnitException e) {
                throw new UsageException("--latency-target " + e.getMessage());
            }
        }
        boolean anyPlan = tp != null || pp != null || ep != null || dp != null || batch != null;
        if (!(search || !anyPlan) && parsed.hasMatchedOption("--top")) {
            throw new UsageException("--top " + top + " with a fixed plan: --top ranks the plans of a search (hint: add --search, or drop --top)");
        }
        InferenceResult result;
        TechnologyOptions.Resolved tech;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            tech = job.technologies.resolve();
            InferenceStudy.Input input = new InferenceStudy.Input(m, sys, clusterDoc, sys == null ? job.cluster : null, g, job.gpus, names,
                    tech.interconnect(), tp, pp, ep, dp, batch, prompt, outputTokens, search, target, top, weightsType, kvCacheType);
            result = new InferenceStudy().run(input, progress);
        }
        out.print(switch (output.format) {
            case JSON -> Results.json(result);
            case CSV -> {
                spec.commandLine().getErr().print(TechnologyOptions.notesText(tech.notes())); // CSV rows hold results only
                yield Output.csv(result.runs().stream().map(r -> Output.flatten(Results.tree(r))).toList());
            }
            case TABLE -> InferenceTable.text(result) + TechnologyOptions.notesText(tech.notes());
        });
        out.flush();
        return 0;
    }
}
