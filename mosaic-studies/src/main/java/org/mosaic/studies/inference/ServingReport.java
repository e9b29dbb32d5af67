package org.mosaic.studies.inference;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.mosaic.cluster.inference.ServingResult;

/**
 * The answer of {@code report-serving}: per interconnect policy, the serving plan with the most output tokens/s per GPU within
 * each time-per-output-token target, and the fastest plan that fits.
 *
 * @param model                 the model's name
 * @param cluster               the cluster preset
 * @param promptTokens          prompt length
 * @param outputTokens          tokens generated per request
 * @param weightsType           the linear layers' number format
 * @param kvCacheType           the KV cache's number format
 * @param latencyTargetsSeconds the time-per-output-token targets, ascending
 * @param policies              one per policy, the first the reference
 */
public record ServingReport(String model, String cluster, int promptTokens, int outputTokens, String weightsType, String kvCacheType,
                            List<Double> latencyTargetsSeconds, List<PolicyServing> policies) {

    /**
     * One policy.
     *
     * @param policy      the interconnect policy
     * @param scaleUpGpus GPUs of one scale-up domain under it
     * @param note        why the domain has its size
     * @param examined    plans the search evaluated
     * @param fitting     of those, the ones that fit in memory
     * @param fastest     the fitting plan with the shortest time per output token
     * @param best        per target (in the order of the targets), the plan with the most tokens/s per GPU within it
     */
    public record PolicyServing(String policy, int scaleUpGpus, String note, int examined, int fitting, ServingResult fastest, List<Best> best) {
        /** The best plan within a target, null when none meets it. */
        public ServingResult within(double latencyTargetSeconds) {
            return best.stream().filter(b -> b.latencyTargetSeconds() == latencyTargetSeconds).findFirst().map(Best::serving).orElse(null);
        }
    }

    /**
     * The best plan within one target.
     *
     * @param latencyTargetSeconds the largest time per output token accepted
     * @param serving              the plan, null when no fitting plan meets the target
     */
    public record Best(double latencyTargetSeconds, @JsonInclude(JsonInclude.Include.NON_NULL) ServingResult serving) {
    }
}
