package org.mosaic.studies.training;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;
import org.mosaic.cluster.training.MemoryFootprint;
import org.mosaic.cluster.training.ParallelPlan;
import org.mosaic.cluster.training.PublishedGap;
import org.mosaic.cluster.training.StepResult;
import org.mosaic.studies.Metric;

/**
 * One policy's (or one system's) step: what {@code mosaic train} prints per run, and one CSV row.
 *
 * @param policy       the interconnect policy (absent for a run on a system document)
 * @param scaleUpNote  why the scale-up domain has its size (the system's network for a run on a system)
 * @param tflopsPerGpu model FLOP/s per GPU, in TFLOP/s
 * @param breakdown    seconds of the step by kind (they sum to the step)
 * @param publishedGap which assumed overlap makes the plan beat a published run by 10+ MFU points (absent when it does not)
 * @param label        the row's label: the policy, or the system's name
 * @param step         the step model's result (pipeline included), for rendering
 */
public record TrainRun(@JsonInclude(JsonInclude.Include.NON_NULL) String policy, String system, int scaleUpGpus, String scaleUpNote,
                       String model, long gpus, double stepSeconds, double mfu, double tokensPerSecond,
                       @Metric(unit = "TFLOP/s", value = "model FLOP/s per GPU") double tflopsPerGpu,
                       @Metric(unit = "s", value = "seconds of the step by kind") Map<String, Double> breakdown, Plan plan, String planLabel,
                       Memory memory, @JsonInclude(JsonInclude.Include.NON_NULL) PublishedGap publishedGap,
                       @JsonIgnore String label, @JsonIgnore StepResult step) {

    /** The run of {@code s} under {@code policy} (null on a system) on a scale-up domain of {@code scaleUpGpus}. */
    static TrainRun of(String policy, String systemName, int scaleUpGpus, String note, StepResult s, PublishedGap gap) {
        return new TrainRun(policy, s.system(), scaleUpGpus, note, s.model(), s.gpus(), s.stepSeconds(), s.mfu(), s.tokensPerSecond(),
                s.flopsPerGpuPerSecond() / 1e12, s.breakdown(), Plan.of(s.plan()), s.plan().label(), Memory.of(s.memory()), gap,
                policy != null ? policy : systemName, s);
    }

    /**
     * The plan as the CLI spells it (recomputation, TP overlap and multiply type as their words: none, selective, full;
     * none, backward, ring, pipelined; bf16, fp8, fp32).
     */
    public record Plan(int tp, int pp, int dp, int ep, int cp, int microBatch, int globalBatch, int interleave, String recompute,
                       boolean sequenceParallel, boolean distributedOptimizer, boolean flashAttention, String tpOverlap, boolean dpOverlap,
                       String matmulType, @JsonInclude(JsonInclude.Include.NON_NULL) String offload) {
        /** The plan; {@code offload} absent when nothing is offloaded. */
        public static Plan of(ParallelPlan p) {
            return new Plan(p.tp(), p.pp(), p.dp(), p.ep(), p.cp(), p.microBatch(), p.globalBatch(), p.interleave(), p.recompute().word(),
                    p.sequenceParallel(), p.distributedOptimizer(), p.flashAttention(), p.tpOverlap().word(), p.dpOverlap(),
                    p.matmulType().word(), p.offload().any() ? p.offload().word() : null);
        }
    }

    /** The HBM of the most loaded GPU, its total and whether it fits. */
    public record Memory(@JsonUnwrapped MemoryFootprint footprint, double totalBytes, boolean fits) {
        public static Memory of(MemoryFootprint m) {
            return new Memory(m, m.totalBytes(), m.fits());
        }
    }
}
