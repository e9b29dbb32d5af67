/**
 * Training-throughput model, first layer: transformer workloads ({@link org.mosaic.cluster.training.ModelSpec}),
 * accelerators ({@link org.mosaic.cluster.training.GpuSpec}) and alpha-beta collective costs with the NCCL
 * bus-bandwidth conventions ({@link org.mosaic.cluster.training.Collectives}). Sources: the cited sources
 * [thakur-2005], [megatron-lm] (collectives) and [nvidia-a100-datasheet], [nvidia-h100-datasheet] (model sizes, peak FLOP/s, step-time anchors).
 */
package org.mosaic.cluster.training;
