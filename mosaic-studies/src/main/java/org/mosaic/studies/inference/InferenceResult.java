package org.mosaic.studies.inference;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.mosaic.cluster.inference.ServingResult;

/**
 * The answer of {@code serve}: per interconnect policy (or once on a system) the plan evaluated or the best found, with the
 * search's counts and ranking.
 *
 * @param model                 the model's name
 * @param parameters            its weights (every expert)
 * @param activeParameters      the weights one token uses
 * @param kvCachePerTokenBytes  K and V of every layer per token, in the KV cache's type
 * @param runs                  one per policy, in the order given (one without a policy on a system)
 */
public record InferenceResult(String model, double parameters, double activeParameters, double kvCachePerTokenBytes, List<Run> runs) {

    /**
     * One policy (or the system).
     *
     * @param policy      the interconnect policy, null on a system
     * @param system      what the GPUs and network are
     * @param scaleUpGpus GPUs of one scale-up domain under the policy
     * @param note        why the scale-up domain has its size, or the system's network
     * @param serving     the plan (fixed, or the best of the search)
     * @param search      the search, null for a fixed plan
     */
    public record Run(@JsonInclude(JsonInclude.Include.NON_NULL) String policy, String system, int scaleUpGpus, String note,
                      ServingResult serving, @JsonInclude(JsonInclude.Include.NON_NULL) Search search) {
    }

    /**
     * A plan search.
     *
     * @param examined             plans evaluated
     * @param fitting              of those, the ones that fit in memory
     * @param meetingTarget        of those, the ones within the latency target
     * @param latencyTargetSeconds the largest time per output token accepted, null for none
     * @param ranked               the best plans, by output tokens/s per GPU
     */
    public record Search(int examined, int fitting, int meetingTarget,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double latencyTargetSeconds, List<Ranked> ranked) {
    }

    /** One plan of a ranking. */
    public record Ranked(String plan, int batch, double timeToFirstTokenSeconds, double timePerOutputTokenSeconds, double gpuTokensPerSecond,
                         double memoryBytes) {
        static Ranked of(ServingResult r) {
            return new Ranked(r.plan().label(), r.batch(), r.timeToFirstTokenSeconds(), r.timePerOutputTokenSeconds(), r.gpuTokensPerSecond(),
                    r.memory().weightBytes() + r.memory().kvCacheBytes());
        }
    }
}
