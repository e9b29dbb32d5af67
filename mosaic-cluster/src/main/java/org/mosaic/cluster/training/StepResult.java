package org.mosaic.cluster.training;

import java.util.Map;

import org.mosaic.cluster.training.pipeline.PipelineResult;

/**
 * One step's time and what it is made of.
 *
 * @param model                  model name
 * @param plan                   the plan
 * @param system                 the system's label
 * @param gpus                   GPUs
 * @param stepSeconds            one optimizer step
 * @param breakdown              seconds by kind, summing to the step: compute, recompute, tp, cp, ep (of the busiest
 *                               pipeline stage), pipelineBubble (the rest of the pipeline's makespan), dp (exposed), optimizer
 * @param mfu                    model FLOPs utilisation
 * @param tokensPerSecond        trained tokens per second
 * @param flopsPerGpuPerSecond   model FLOP/s per GPU
 * @param memory                 HBM of the most loaded GPU
 * @param pipeline               the pipeline simulation
 * @param communication          communication totals (TP per layer per micro-batch, one p2p transfer, DP total before overlap)
 * @param schedule               the step stage by stage (the pipeline's ops, bubbles, DP, optimizer) when the pipeline's timeline
 *                               was recorded, else null
 */
public record StepResult(String model, ParallelPlan plan, String system, long gpus, double stepSeconds, Map<String, Double> breakdown,
                         double mfu, double tokensPerSecond, double flopsPerGpuPerSecond, MemoryFootprint memory, PipelineResult pipeline,
                         Map<String, Double> communication, StepSchedule schedule) {

    /** A step without its schedule. */
    public StepResult(String model, ParallelPlan plan, String system, long gpus, double stepSeconds, Map<String, Double> breakdown,
                      double mfu, double tokensPerSecond, double flopsPerGpuPerSecond, MemoryFootprint memory, PipelineResult pipeline,
                      Map<String, Double> communication) {
        this(model, plan, system, gpus, stepSeconds, breakdown, mfu, tokensPerSecond, flopsPerGpuPerSecond, memory, pipeline, communication, null);
    }

    public StepResult {
        breakdown = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(breakdown));
        communication = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(communication));
    }
}
