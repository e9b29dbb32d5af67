package org.mosaic.studies.inference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mosaic.cluster.TrainingModel;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.inference.ServingPrecision;
import org.mosaic.cluster.inference.ServingResult;
import org.mosaic.cluster.inference.ServingSearch;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.Models;
import org.mosaic.studies.In;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.training.TrainStudy;

/**
 * {@code report-serving}: does a larger scale-up domain let a large MoE model be served with wider expert parallelism at a lower
 * time per output token? For each policy the cluster gives ({@link TrainingModel#setup}), one {@link ServingSearch} over every
 * plan (TP, EP, PP, DP replicas, batch), then per time-per-output-token target the fitting plan with the most output tokens/s
 * per GPU within it (the search's ranking, read at each target), and the fastest fitting plan. The policies change the answer
 * only through the scale-up domain and fabric they give.
 */
public final class ServingReportStudy implements Study<ServingReportStudy.Input, ServingReport> {
    /** The report's cluster: the training section's (16,384 H100). */
    public static final String CLUSTER = "h100-16k";
    /** The report's policies: today first (the reference), then MOSAIC in the scale-up domain. */
    public static final List<String> POLICIES = List.of(Policy.TODAY, Policy.MOSAIC);
    /** The report's model: DeepSeek-V3-shaped MoE (256 experts, top 8). */
    public static final String MODEL = "deepseek-v3-like";
    /**
     * The report's time-per-output-token targets (s): 10 ms (100 tokens/s per user, interactive agents) to 50 ms (20 tokens/s,
     * about reading speed) — our choice of the range a serving operator sets, not a source's.
     */
    public static final List<Double> TARGETS = List.of(0.010, 0.015, 0.025, 0.050);

    /**
     * What the section evaluates.
     *
     * @param cluster               the cluster preset
     * @param policies              the policies, the first the reference
     * @param model                 the model
     * @param promptTokens          prompt length
     * @param outputTokens          tokens per request
     * @param latencyTargetsSeconds the targets
     * @param weightsType           the linear layers' number format
     * @param kvCacheType           the KV cache's number format
     */
    public record Input(
            @In(value = "the cluster preset", document = "cluster", defaultValue = CLUSTER) String cluster,
            @In(value = "the interconnect policies compared, the first the reference", range = "today|mosaic|mosaic-beyond-copper|all-optical-laser",
                    defaultValue = "today,mosaic") List<String> policies,
            @In(value = "the model served", document = "model", defaultValue = MODEL) ModelSpec model,
            @In(value = "prompt length", unit = "1", range = "1..2097152", defaultValue = "2048") int promptTokens,
            @In(value = "tokens generated per request", unit = "1", range = "1..2097152", defaultValue = "256") int outputTokens,
            @In(value = "the time-per-output-token targets", unit = "s", range = "> 0", defaultValue = "10ms,15ms,25ms,50ms")
            List<Double> latencyTargetsSeconds,
            @In(value = "the linear layers' weights and multiplies", range = "bf16|fp8", defaultValue = "bf16") String weightsType,
            @In(value = "the KV cache's number format", range = "bf16|fp8", defaultValue = "bf16") String kvCacheType) {
        public Input {
            policies = List.copyOf(policies);
            List<Double> sorted = new ArrayList<>(latencyTargetsSeconds);
            Collections.sort(sorted);
            latencyTargetsSeconds = List.copyOf(sorted);
            if (policies.isEmpty() || latencyTargetsSeconds.isEmpty() || model == null) {
                throw new IllegalArgumentException("no policies, no targets or no model — expected at least one of each");
            }
        }

        /** The report's: deepseek-v3-like on h100-16k under today and mosaic, 2,048 + 256 tokens, BF16, 10–50 ms. */
        public static Input standard() {
            return new Input(CLUSTER, POLICIES, Models.preset(MODEL), 2048, 256, TARGETS, "bf16", "bf16");
        }
    }

    @Override
    public String name() {
        return "report-serving";
    }

    @Override
    public String question() {
        return "Does a larger scale-up domain let a large MoE model be served with wider expert parallelism at a lower time per output "
                + "token — the best serving plan within each latency target under each interconnect policy?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<ServingReport> resultType() {
        return ServingReport.class;
    }

    @Override
    public ServingReport run(Input in, Progress progress) {
        ServingPrecision types;
        try {
            types = ServingPrecision.parse(in.weightsType(), in.kvCacheType());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        for (double t : in.latencyTargetsSeconds()) {
            if (!(t > 0 && Double.isFinite(t))) {
                throw new UsageException("latency target " + t + " s: expected a positive time per output token, e.g. 50ms");
            }
        }
        ClusterDocument cluster = ClusterDocument.resolve(in.cluster());
        progress.task("searching serving plans of " + in.model().name() + " under " + in.policies().size() + " policies", in.policies().size());
        List<ServingReport.PolicyServing> out = new ArrayList<>();
        ServingSearch.Fixed free = new ServingSearch.Fixed(null, null, null, null, null);
        for (String policy : in.policies()) {
            TrainingModel.Setup setup = TrainStudy.setup(cluster, in.cluster(), null, policy, null, null);
            ServingSearch.Result r;
            try {
                r = ServingSearch.search(in.model(), setup.system(), free, in.promptTokens(), in.outputTokens(), null, Integer.MAX_VALUE, types);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            List<ServingReport.Best> best = new ArrayList<>();
            for (double t : in.latencyTargetsSeconds()) {
                // the ranking is by tokens/s per GPU: the first plan within the target is the target's best
                ServingResult within = r.ranked().stream().filter(s -> s.timePerOutputTokenSeconds() <= t).findFirst().orElse(null);
                best.add(new ServingReport.Best(t, within));
            }
            out.add(new ServingReport.PolicyServing(policy, setup.system().network().scaleUpGpus(), setup.scaleUpNote(), r.examined(),
                    r.fitting(), r.fastestFitting(), List.copyOf(best)));
            progress.step();
        }
        return new ServingReport(in.model().name(), in.cluster(), in.promptTokens(), in.outputTokens(), types.weights().word(),
                types.kvCache().word(), in.latencyTargetsSeconds(), List.copyOf(out));
    }
}
