package org.mosaic.cluster.training.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.LinkCost;
import org.mosaic.core.catalog.Provenance;

/**
 * A cluster as a training job sees it: the GPU, how many, the scale-up domain a technology policy allows, the α-β
 * cost of the scale-up links and of the scale-out fabric for any communicator, and the interconnect failures per
 * GPU-hour. Made by {@link TrainingClusters}; immutable, validated here.
 *
 * <p><b>Communicators.</b> A communicator is a set of equal groups of {@code groupSize} ranks whose members are
 * {@code strideGpus} apart in the rank order (rank = GPU index, domain by domain, as the topology numbers them):
 * a TP group of 8 is (8, 1); with Megatron's order (TP innermost, then CP, EP, DP, PP) a DP group is (DP, TP·CP).
 * The groups tile the ranks in aligned blocks of size × stride GPUs and all run the collective at once.
 *
 * <p><b>Ring model.</b> Each group's ring joins its members in rank order. A hop between members of one scale-up
 * domain runs on the scale-up links ({@link #scaleUp}); any other hop goes NIC → fabric → NIC, on a rail-optimized
 * fabric between nodes on the NICs of one rail (NCCL orders its rings so and forwards over the node's scale-up links;
 * a node is the preset's physical domain), otherwise to the receiver's own NIC. A fabric hop turns at the
 * lowest switch both NICs share (leaf, spine/aggregation, core) and pays that path's latency. Its bandwidth is
 * the NIC rate × the calibrated achievable fraction × its share of the uplinks it crosses: every hop of every ring
 * that leaves a leaf (pod) counts against that leaf's u up-ports (the pod's uplinks to the core), out and in, and
 * a hop gets min(1, ports / hops). So a group under one leaf sees the NIC rate; one that crosses an oversubscribed
 * leaf sees NIC/oversubscription when every GPU's ring leaves its leaf at once (e.g. one member per leaf), and more
 * when only some ring hops leave it. The ring's α is its slowest hop's latency and B its slowest hop's bandwidth
 * (assumption: ring steps are in lock step; uplinks are shared evenly, as ideal ECMP or adaptive routing would).
 *
 * <p><b>All-to-all.</b> {@link #bisectionBytesPerSecond} is the bandwidth across the cut between a group's two
 * halves: infinite inside a scale-up domain (a switch), otherwise half the members × a GPU's NIC rate × its share
 * when every GPU sends across the group's highest tier at once (1, u/d, u/(d·core oversubscription)), as all-to-all
 * does. It is a half-cut bound: for a group spread over many leaves, more than half of each member's buffer leaves
 * its leaf, so the uplinks' own bound can be up to 2× tighter than this one. Hierarchical collectives (scale-up inside, fabric across) are composed by the caller, e.g. with
 * {@link org.mosaic.cluster.training.Collectives#hierarchicalAllReduceSeconds} and {@code fabric(nodes, nodeGpus)}.
 *
 * <p>Each query walks every hop once (O(GPUs)); callers searching many plans should keep the answers per (size,
 * stride).
 *
 * @param name          label, e.g. {@code cluster-100k / mosaic}
 * @param gpu           the accelerator
 * @param gpus          GPUs in the cluster
 * @param scaleUpGpus   GPUs per scale-up domain (the last domain may be partial)
 * @param scaleUp       cost of one scale-up step: per-GPU unidirectional bandwidth × achievable fraction, latency
 * @param fabric        the scale-out fabric, or {@code null} for isolated domains
 * @param scaleUpChoice how the domain size was decided, with the reason
 * @param failures      interconnect failures per GPU-hour by tier
 * @param assumptions   the calibrated and assumed numbers used
 * @param onBoardScaleUp the preset's scale-up links are traces on a GPU baseboard (HGX: its switch chips sit on the
 *                      board), not cables — their failures belong to the GPU board, not to the interconnect
 */
public record TrainingCluster(String name, GpuSpec gpu, int gpus, int scaleUpGpus, LinkCost scaleUp, ScaleOutFabric fabric,
                              ScaleUpChoice scaleUpChoice, InterconnectFailures failures, NetworkAssumptions assumptions,
                              boolean onBoardScaleUp) {

    public TrainingCluster {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("training cluster name '" + name + "' — expected a label, e.g. cluster-100k / mosaic");
        }
        Objects.requireNonNull(gpu, "training cluster " + name + ": GPU is null — expected a GpuSpec, e.g. GpuSpec.H100_SXM");
        Objects.requireNonNull(scaleUp, "training cluster " + name + ": scale-up cost is null");
        Objects.requireNonNull(scaleUpChoice, "training cluster " + name + ": scale-up choice is null");
        Objects.requireNonNull(failures, "training cluster " + name + ": failures are null");
        Objects.requireNonNull(assumptions, "training cluster " + name + ": assumptions are null");
        if (gpus < 1) {
            throw new IllegalArgumentException("training cluster " + name + ": " + gpus + " GPUs — expected at least 1");
        }
        if (scaleUpGpus < 1 || scaleUpGpus > gpus) {
            throw new IllegalArgumentException("training cluster " + name + ": scale-up domain of " + scaleUpGpus + " GPUs — expected 1 to the"
                    + " cluster's " + gpus + " GPUs");
        }
        if (scaleUpChoice.gpus() != scaleUpGpus || failures.gpus() != gpus) {
            throw new IllegalArgumentException("training cluster " + name + ": domain " + scaleUpGpus + " / choice " + scaleUpChoice.gpus()
                    + ", GPUs " + gpus + " / failures' " + failures.gpus() + " — expected the same numbers");
        }
        if (fabric != null) {
            // the highest leaf is used by the last GPU (fat tree) or by one of the last two nodes (rail-optimized)
            int needed = 0;
            for (int g = Math.max(0, gpus - 2 * fabric.nodeGpus()); g < gpus; g++) {
                needed = Math.max(needed, fabric.leafOf(g, fabric.nicsPerGpu() - 1) + 1);
            }
            if (needed > fabric.leaves()) {
                throw new IllegalArgumentException("training cluster " + name + ": its " + gpus + " GPUs need " + needed + " leaves — the fabric"
                        + " has " + fabric.leaves() + " (hint: build the fabric with ScaleOutFabric.of for this cluster)");
            }
        }
    }

    private GroupAnalysis.Net net() {
        return new GroupAnalysis.Net(name, gpus, scaleUpGpus, scaleUp, fabric);
    }

    /** Whether the cluster has a scale-out fabric (isolated domains otherwise). */
    public boolean hasFabric() {
        return fabric != null;
    }

    /**
     * The ring cost of the communicator as NCCL runs it: the scale-up cost when every group lies inside one
     * scale-up domain (size × stride ≤ domain and aligned), otherwise the ring with its hops inside a domain on the
     * scale-up links and the others over the fabric (see the class comment).
     *
     * @throws IllegalArgumentException for a bad size or stride, or a group crossing domains without a fabric
     */
    public LinkCost forGroup(int groupSize, int strideGpus) {
        return GroupAnalysis.ring(net(), groupSize, strideGpus, true).cost();
    }

    /**
     * The ring cost with every hop over the scale-out fabric (NIC to NIC, even between GPUs of one domain): what the
     * fabric gives the communicator, e.g. for the inter-node stage of a hierarchical collective, {@code
     * fabric(nodes, nodeGpus)}.
     *
     * @throws IllegalArgumentException for a bad size or stride, or a cluster without a fabric
     */
    public LinkCost fabric(int groupSize, int strideGpus) {
        requireFabric(groupSize, strideGpus);
        return GroupAnalysis.ring(net(), groupSize, strideGpus, false).cost();
    }

    /** Bandwidth per direction across the cut between a group's halves (B/s), for the all-to-all bound. */
    public double bisectionBytesPerSecond(int groupSize, int strideGpus) {
        GroupAnalysis.Ring r = GroupAnalysis.ring(net(), groupSize, strideGpus, true);
        return GroupAnalysis.bisection(net(), groupSize, r.level());
    }

    /** Everything the network gives the communicator: span, both ring costs, bisection, contention share. */
    public GroupCost group(int groupSize, int strideGpus) {
        GroupAnalysis.Ring r = GroupAnalysis.ring(net(), groupSize, strideGpus, true);
        LinkCost fabricOnly = fabric == null ? null : GroupAnalysis.ring(net(), groupSize, strideGpus, false).cost();
        return new GroupCost(groupSize, strideGpus, GroupSpan.ofLevel(r.level()), r.cost(), fabricOnly,
                GroupAnalysis.bisection(net(), groupSize, r.level()), r.share());
    }

    private void requireFabric(int groupSize, int strideGpus) {
        GroupAnalysis.check(net(), groupSize, strideGpus);
        if (fabric == null) {
            throw new IllegalArgumentException("training cluster " + name + " has no scale-out fabric — expected one for the fabric cost of a"
                    + " group of " + groupSize + " at stride " + strideGpus + " (hint: forGroup gives the scale-up cost inside a domain)");
        }
    }

    /** Scale-up domains (the last one possibly partial). */
    public int scaleUpDomains() {
        return (gpus + scaleUpGpus - 1) / scaleUpGpus;
    }

    /**
     * Where every number behind this view comes from: the network assumptions, the GPU presets, the cluster
     * documents (scale-up and NIC rates, rack geometry).
     */
    public List<Provenance> provenance() {
        List<Provenance> out = new ArrayList<>(assumptions.provenance());
        out.addAll(TrainingClusters.provenance());
        out.addAll(GpuSpec.provenance());
        out.addAll(ClusterDocument.presetProvenance());
        return List.copyOf(out);
    }
}
