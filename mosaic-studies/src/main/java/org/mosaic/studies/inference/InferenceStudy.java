package org.mosaic.studies.inference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.mosaic.cluster.TrainingModel;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.fleet.Interconnect;
import org.mosaic.cluster.inference.ServingModel;
import org.mosaic.cluster.inference.ServingPlan;
import org.mosaic.cluster.inference.ServingPrecision;
import org.mosaic.cluster.inference.ServingResult;
import org.mosaic.cluster.inference.ServingSearch;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.SystemSpec;
import org.mosaic.studies.In;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.training.TrainStudy;

/**
 * {@code serve}: prefill and decode of a model under a serving plan (TP, PP, EP, DP replicas), or the plan with the most
 * output tokens/s per GPU within a latency target, on a cluster under each interconnect policy or on a system document —
 * time to first token, time per output token, tokens/s, KV cache and memory fit, the decode step's TP all-reduce and EP
 * all-to-all on the tier the policy's scale-up domain gives.
 */
public final class InferenceStudy implements Study<InferenceStudy.Input, InferenceResult> {
    /** Most plans listed by a search. */
    public static final int MAX_TOP = 100;
    /** Longest prompt or output accepted (tokens): 16× Llama 3's 128k context. */
    public static final int MAX_TOKENS = 2_097_152;
    /** Largest batch accepted (sequences in flight per replica). */
    public static final int MAX_BATCH = 1_048_576;

    /**
     * The question's inputs.
     *
     * @param clusterLabel the cluster as the user named it, for messages
     */
    public record Input(
            @In(value = "the model (dense or MoE transformer)", document = "model", defaultValue = "llama3-405b") ModelSpec model,
            @In(value = "a system to serve on instead of a cluster under a policy (null: the cluster)", document = "system") SystemSpec system,
            @In(value = "the cluster whose scale-up domain and fabric follow each policy (null with a system)", document = "cluster",
                    defaultValue = "h100-16k") ClusterDocument cluster,
            @In(value = "the cluster as the user named it, for messages", defaultValue = "h100-16k") String clusterLabel,
            @In(value = "the GPU instead of the cluster's or the system's (null: theirs)", document = "gpu") GpuSpec gpu,
            @In(value = "GPUs available (null: the cluster's or the system's)", unit = "1", range = "1..10000000") Long gpus,
            @In(value = "the interconnect policies, each evaluated once (empty with a system)",
                    range = "today|mosaic|mosaic-beyond-copper|all-optical-laser", defaultValue = "today") List<String> policies,
            @In(value = "the technologies the policies choose from (null: the shipped menu)") Interconnect interconnect,
            @In(value = "tensor-parallel size (null: searched, or 1)", unit = "1", range = ">= 1") Integer tp,
            @In(value = "pipeline stages (null: searched, or 1)", unit = "1", range = ">= 1") Integer pp,
            @In(value = "expert-parallel size: attention groups per stage, the experts split over them (null: searched, or 1)", unit = "1",
                    range = ">= 1") Integer ep,
            @In(value = "replicas (null: searched to fill the GPUs, or 1)", unit = "1", range = ">= 1") Integer dp,
            @In(value = "sequences in flight per replica (null: searched, or 1)", unit = "1", range = "1..1048576") Integer batch,
            @In(value = "prompt length", unit = "1", range = "1..2097152", defaultValue = "2048") int promptTokens,
            @In(value = "tokens generated per request", unit = "1", range = "1..2097152", defaultValue = "256") int outputTokens,
            @In(value = "search the plans keeping the options given (a search also when no plan option is given)", defaultValue = "false")
            boolean search,
            @In(value = "the largest time per output token a searched plan may have (null: none)", unit = "s", range = "> 0")
            Double latencyTargetSeconds,
            @In(value = "plans listed by a search", unit = "1", range = "1..100", defaultValue = "5") int top,
            @In(value = "the linear layers' weights and their multiplies (fp8: W8A8 at the GPU's FP8 peak)", range = "bf16|fp8",
                    defaultValue = "bf16") String weightsType,
            @In(value = "the KV cache's number format", range = "bf16|fp8", defaultValue = "bf16") String kvCacheType) {

        public Input {
            if (model == null) {
                throw new IllegalArgumentException("model null — expected a model");
            }
            if (system == null && cluster == null) {
                throw new IllegalArgumentException("neither a system nor a cluster — expected one of them");
            }
            policies = system != null ? List.of() : List.copyOf(policies);
            weightsType = weightsType == null ? "bf16" : weightsType;
            kvCacheType = kvCacheType == null ? "bf16" : kvCacheType;
        }

        /** The inputs before the number formats, served in BF16. */
        public Input(ModelSpec model, SystemSpec system, ClusterDocument cluster, String clusterLabel, GpuSpec gpu, Long gpus, List<String> policies,
                     Interconnect interconnect, Integer tp, Integer pp, Integer ep, Integer dp, Integer batch, int promptTokens, int outputTokens,
                     boolean search, Double latencyTargetSeconds, int top) {
            this(model, system, cluster, clusterLabel, gpu, gpus, policies, interconnect, tp, pp, ep, dp, batch, promptTokens, outputTokens, search,
                    latencyTargetSeconds, top, "bf16", "bf16");
        }

        /** The number formats; a word other than bf16 or fp8 is a {@link UsageException}. */
        public ServingPrecision precision() {
            try {
                return ServingPrecision.parse(weightsType, kvCacheType);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }

        /** Whether the plan is searched: asked for, or no plan option given. */
        public boolean searches() {
            return search || tp == null && pp == null && ep == null && dp == null && batch == null;
        }
    }

    @Override
    public String name() {
        return "inference";
    }

    @Override
    public String question() {
        return "How fast does this model serve under this plan (or the plan with the most tokens/s per GPU within a latency target), on "
                + "this cluster under each interconnect policy or on this system — time to first token, time per output token, tokens/s, "
                + "KV cache and memory?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<InferenceResult> resultType() {
        return InferenceResult.class;
    }

    @Override
    public InferenceResult run(Input in, Progress progress) {
        check(in);
        ModelSpec m = in.model();
        List<String> names = in.system() != null ? Collections.singletonList(null) : in.policies();
        progress.task((in.searches() ? "searching serving plans" : "evaluating the serving plan") + " for " + names.size() + " polic"
                + (names.size() == 1 ? "y" : "ies"), names.size());
        List<InferenceResult.Run> runs = new ArrayList<>();
        for (String policy : names) {
            TrainingModel.Setup setup = in.system() != null ? TrainStudy.setup(in.system(), in.gpu(), in.gpus())
                    : TrainStudy.setup(in.cluster(), in.clusterLabel(), in.gpu(), policy, in.gpus(), in.interconnect());
            String note = in.system() != null ? (in.gpu() == null ? in.system() : in.system().withGpu(in.gpu())).networkNote()
                    : setup.scaleUpNote();
            ServingResult best;
            InferenceResult.Search search = null;
            if (in.searches()) {
                ServingSearch.Result r;
                try {
                    r = ServingSearch.search(m, setup.system(), new ServingSearch.Fixed(in.tp(), in.pp(), in.ep(), in.dp(), in.batch()),
                            in.promptTokens(), in.outputTokens(), in.latencyTargetSeconds(), in.top(), in.precision());
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                if (r.ranked().isEmpty()) {
                    throw new UsageException(noPlan(in, m, setup, r));
                }
                best = r.ranked().get(0);
                search = new InferenceResult.Search(r.examined(), r.fitting(), r.meetingTarget(), in.latencyTargetSeconds(),
                        r.ranked().stream().map(InferenceResult.Ranked::of).toList());
            } else {
                ServingPlan plan = new ServingPlan(or1(in.tp()), or1(in.pp()), or1(in.ep()), or1(in.dp()));
                try {
                    best = ServingModel.evaluate(m, setup.system(), plan, or1(in.batch()), in.promptTokens(), in.outputTokens(),
                            in.precision());
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                if (!best.memory().fits()) {
                    throw new UsageException(String.format(Locale.ROOT, "plan %s with --batch %d does not fit: %.1f GB of weights + %.1f GB of "
                            + "KV cache on the fullest GPU, %.1f GB usable of %.0f GB (hint: more --tp, --pp or --ep, a smaller --batch or "
                            + "shorter --prompt/--output, or --search)", plan.label(), best.batch(), best.memory().weightBytes() / 1e9,
                            best.memory().kvCacheBytes() / 1e9, best.memory().usableBytes() / 1e9, best.memory().capacityBytes() / 1e9));
                }
            }
            runs.add(new InferenceResult.Run(policy, setup.system().name(), setup.system().network().scaleUpGpus(), note, best, search));
            progress.step();
        }
        return new InferenceResult(m.name(), m.parameterCount(), m.activeParameterCount(), ServingModel.kvCachePerTokenBytes(m,
                in.precision().kvCache()), List.copyOf(runs));
    }

    private static int or1(Integer v) {
        return v == null ? 1 : v;
    }

    /** The options checked before any work; a fixed TP or EP the model cannot take is refused whether searched or not. */
    static void check(Input in) {
        in.precision();
        if (in.top() < 1 || in.top() > MAX_TOP) {
            throw new UsageException("--top " + in.top() + ": expected 1 to " + MAX_TOP);
        }
        for (var e : List.of(java.util.Map.entry("--prompt", in.promptTokens()), java.util.Map.entry("--output", in.outputTokens()))) {
            if (e.getValue() < 1 || e.getValue() > MAX_TOKENS) {
                throw new UsageException(String.format(Locale.ROOT, "%s %d: expected 1 to %,d tokens", e.getKey(), e.getValue(), MAX_TOKENS));
            }
        }
        if (in.batch() != null && (in.batch() < 1 || in.batch() > MAX_BATCH)) {
            throw new UsageException(String.format(Locale.ROOT, "--batch %d: expected 1 to %,d sequences in flight per replica", in.batch(),
                    MAX_BATCH));
        }
        for (var e : List.of(java.util.Map.entry("--tp", in.tp() == null ? 1 : in.tp()), java.util.Map.entry("--pp", in.pp() == null ? 1 : in.pp()),
                java.util.Map.entry("--ep", in.ep() == null ? 1 : in.ep()), java.util.Map.entry("--dp", in.dp() == null ? 1 : in.dp()))) {
            if (e.getValue() < 1) {
                throw new UsageException(e.getKey() + " " + e.getValue() + ": expected at least 1");
            }
        }
        if (in.latencyTargetSeconds() != null && !(in.latencyTargetSeconds() > 0 && Double.isFinite(in.latencyTargetSeconds()))) {
            throw new UsageException("--latency-target " + in.latencyTargetSeconds() + " s: expected a positive time per output token, e.g. 50ms");
        }
        if (in.latencyTargetSeconds() != null && !in.searches()) {
            throw new UsageException("--latency-target with a fixed plan: the target selects among searched plans (hint: add --search)");
        }
        try { // the plan options the model cannot take, with the batch a fixed plan would use
            new ServingPlan(or1(in.tp()), or1(in.pp()), or1(in.ep()), 1).check(in.model(), in.batch() != null ? in.batch()
                    : in.searches() ? or1(in.pp()) * or1(in.ep()) : 1);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String noPlan(Input in, ModelSpec m, TrainingModel.Setup setup, ServingSearch.Result r) {
        String where = setup.system().name() + " (" + setup.system().gpus() + " GPUs)";
        if (r.examined() == 0) {
            return "no serving plan of " + m.name() + " has the options given on " + where + " (hint: fewer fixed options, or more --gpus)";
        }
        if (r.fitting() == 0) {
            return String.format(Locale.ROOT, "no serving plan of %s fits in memory on %s: %d examined (hint: more --gpus, a GPU with more "
                    + "HBM, or a shorter --prompt/--output)", m.name(), where, r.examined());
        }
        return String.format(Locale.ROOT, "no serving plan of %s meets --latency-target %s ms per output token on %s: the fastest that fits, "
                + "%s at batch %d, takes %.2f ms (hint: a larger target, or fewer fixed options)", m.name(),
                fmt(in.latencyTargetSeconds() * 1e3), where, r.fastestFitting().plan().label(), r.fastestFitting().batch(),
                r.fastestFitting().timePerOutputTokenSeconds() * 1e3);
    }

    private static String fmt(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }
}
