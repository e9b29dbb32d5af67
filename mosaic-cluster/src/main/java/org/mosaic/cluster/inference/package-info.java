/**
 * Serving a transformer: prefill (time to first token) and decode (time per output token) of a dense or MoE model under
 * tensor, pipeline and expert parallelism with data-parallel replicas, on the GPUs and network a training system or a
 * cluster under an interconnect policy gives ({@link org.mosaic.cluster.training.TrainingSystem}). Kernel times reuse the
 * training model's {@link org.mosaic.cluster.training.KernelCosts} ([calculon-sc23] efficiency tables) and collective
 * costs its {@link org.mosaic.cluster.training.Collectives} ([thakur-2005]).
 */
package org.mosaic.cluster.inference;
