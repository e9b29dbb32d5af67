/**
 * Pipeline-parallel schedules simulated op by op: Megatron-LM's non-interleaved and interleaved 1F1B orders
 * ({@link org.mosaic.cluster.training.pipeline.PipelineSchedule}), per-(stage, chunk) op times and a p2p latency
 * ({@link org.mosaic.cluster.training.pipeline.PipelineInput}), a discrete-event simulator
 * ({@link org.mosaic.cluster.training.pipeline.PipelineSimulator}) that gives the step's makespan, bubble, per-stage
 * busy time and peak in-flight activations ({@link org.mosaic.cluster.training.pipeline.PipelineResult}).
 * Source of the schedules: the Megatron-LM source [megatron-lm] and the interleaved schedule of [narayanan-2021].
 */
package org.mosaic.cluster.training.pipeline;
