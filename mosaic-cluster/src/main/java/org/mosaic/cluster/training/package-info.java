/**
 * Training-throughput model, first layer: transformer workloads ({@link org.mosaic.cluster.training.ModelSpec}),
 * accelerators ({@link org.mosaic.cluster.training.GpuSpec}) and alpha-beta collective costs with the NCCL
 * bus-bandwidth conventions ({@link org.mosaic.cluster.training.Collectives}). Sources: {@code reference/cluster.md}
 * §2 (collectives) and §5 (model sizes, peak FLOP/s, step-time anchors).
 */
package org.mosaic.cluster.training;
