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
    @Option(names = "--gpu", paramLabel = "FILE|NAME", description = "The GPU: a preset (a100-80g, h100-sxm, b200) or a kind: gpu document "
            + "(default: the cluster's, or the system's).")
    String gpu;
    @Option(names = "--system", paramLabel = "FILE|NAME", description = "Serve on a system instead of a cluster under a policy: a preset "
            + "(selene, llama3-h100) or a kind: system document. Not with --cluster or --policy.")
    String system;
    @Option(names = "--gpus", paramLabel = "N", description = "GPUs available (default: the cluster's or the system's).")
    Long gpus;
    @Option(names = "--cluster", paramLabel = "FILE|NAME", defaultValue = "h100-16k",
            description = "The cluster: nvl72-rack, h100-16k, cluster-100k or a kind: cluster document (default: ${DEFAULT-VALUE}).")
    String cluster;
    @Option(names = "--policy", paramLabel = "POLICY", split = ",", defaultValue = "today",
            description = "today, mosaic, mosaic-beyond-copper, all-optical-laser; several separated by commas, or all "
                    + "(default: ${DEFAULT-VALUE}; not with --system).")
    List<String> policies;
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
    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "Plans to list with --search (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var parsed = spec.commandLine().getParseResult();
        SystemSpec sys = null;
        if (system != null) {
            for (String flag : List.of("--cluster", "--policy")) {
                if (parsed.hasMatchedOption(flag)) {
                    throw new UsageException("--system " + system + " with " + flag + " " + parsed.matchedOptionValue(flag, null)
                            + ": a system describes its GPUs and network itself; expected one or the other (hint: drop " + flag + ")");
                }
            }
            try {
                sys = SystemSpec.from(Documents.load(Documents.Kind.SYSTEM, system));
            } catch (ScenarioException e) {
                throw new UsageException("--system " + system + ": " + e.getMessage());
            }
        }
        org.mosaic.cluster.fleet.ClusterDocument clusterDoc = sys == null ? TrainCommand.clusterDocument(cluster, Map.of(), "") : null;
        JobChecks.checkGpus(gpus);
        ModelSpec m = TrainModels.bind(model, null, Map.of());
        GpuSpec g = gpu == null ? null : TrainCommand.gpu(gpu);
        List<String> names = sys != null ? List.of()
                : policies.size() == 1 && policies.get(0).equals("all") ? org.mosaic.cluster.fleet.Policy.NAMES : policies;
        if (sys == null) {
            JobChecks.checkPolicies("--policy", names);
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
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            InferenceStudy.Input input = new InferenceStudy.Input(m, sys, clusterDoc, sys == null ? cluster : null, g, gpus, names, null, tp, pp, ep,
                    dp, batch, prompt, outputTokens, search, target, top);
            result = new InferenceStudy().run(input, progress);
        }
        out.print(switch (output.format) {
            case JSON -> Results.json(result);
            case CSV -> Output.csv(result.runs().stream().map(r -> Output.flatten(Results.tree(r))).toList());
            case TABLE -> InferenceTable.text(result);
        });
        out.flush();
        return 0;
    }
}
