/**
 * The training view of a cluster (issue 7): what an interconnect technology policy gives a training job. For a fleet
 * preset (or any cluster and layout) and a {@link org.mosaic.cluster.fleet.Policy},
 * {@link org.mosaic.cluster.training.network.TrainingClusters} builds a
 * {@link org.mosaic.cluster.training.network.TrainingCluster}: the GPU and its count, the scale-up domain the policy
 * allows (copper keeps it in the rack; MOSAIC's or a laser's reach lets it span racks up to the largest scale-up
 * switch system, {@link org.mosaic.cluster.training.network.ScaleUpChoice}), α-β
 * {@link org.mosaic.cluster.training.LinkCost}s for the scale-up links and for any communicator over the scale-out
 * fabric ({@link org.mosaic.cluster.training.network.ScaleOutFabric}, with the leaf's oversubscription where the rings
 * cross it), bisection bandwidth for all-to-all, and the interconnect failures per GPU-hour by tier
 * ({@link org.mosaic.cluster.training.network.InterconnectFailures}) from the fleet model. Calibrated and assumed
 * numbers: {@link org.mosaic.cluster.training.network.NetworkAssumptions}. Sources: the cited sources
 * [astra-sim], [nccl-tests-290], [aiconfigurator-477] (busbw), [llama3-2024] (Llama 3 cluster), [introl-gb300], [superpod-rail] (racks, fabrics, cable lengths); [mosaic-sigcomm25] abstract, [introl-gb300], [superpod-rail]
 * (reach, scale-up claims).
 */
package org.mosaic.cluster.training.network;
