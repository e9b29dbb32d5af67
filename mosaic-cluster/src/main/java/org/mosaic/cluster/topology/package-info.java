/**
 * The cluster's topology: scale-up domains ({@link org.mosaic.cluster.topology.ScaleUpDomainSpec}, e.g. NVL72) joined
 * by a scale-out folded Clos ({@link org.mosaic.cluster.topology.FabricSpec}: radix, 1–3 tiers, oversubscription at
 * the leaf, fat-tree or rail-optimized leaves, NICs per GPU and their rate), for a requested number of GPUs
 * ({@link org.mosaic.cluster.topology.ClusterSpec}).
 *
 * <p>{@link org.mosaic.cluster.topology.TopologySizing} gives the closed-form sizes ([al-fares-2008], [superpod-rail]) and
 * the trimming rule for partial fabrics; {@link org.mosaic.cluster.topology.TopologyBuilder} builds exactly those
 * as an immutable, compact JGraphT graph ({@link org.mosaic.cluster.topology.ClusterGraph}) of
 * {@link org.mosaic.cluster.topology.Node}s and aggregated {@link org.mosaic.cluster.topology.Link}s.
 * The sourced domains and fabrics are the {@code scaleUp:} and {@code fabric:} sections of the cluster documents ({@link org.mosaic.cluster.fleet.ClusterDocument}).
 *
 * <p>Not modelled: frontend and storage networks; oversubscription above the leaf (Meta's 1:7 at aggregation);
 * racks and cable lengths (the layout step adds them); GPU-to-GPU meshes without a scale-up switch.
 */
package org.mosaic.cluster.topology;
