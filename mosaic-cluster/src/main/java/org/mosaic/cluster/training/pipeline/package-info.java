/**
 * Pipeline-parallel schedules simulated op by op: Megatron-LM's non-interleaved and interleaved 1F1B orders
 * ({@link org.mosaic.cluster.training.pipeline.PipelineSchedule}), per-(stage, chunk) op times and a p2p latency
 * ({@link org.mosaic.cluster.training.pipeline.PipelineInput}), a discrete-event simulator
 * ({@link org.mosaic.cluster.training.pipeline.PipelineSimulator}) that gives the step's makespan, bubble, per-stage
 * busy time and peak in-flight activations ({@link org.mosaic.cluster.training.pipeline.PipelineResult}).
 * Source of the schedules: [thakur-2005], [megatron-lm] (PP bullet) and the Megatron-LM source.
 */
package org.mosaic.cluster.training.pipeline;
