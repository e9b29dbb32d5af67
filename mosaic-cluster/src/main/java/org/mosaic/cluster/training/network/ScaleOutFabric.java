package org.mosaic.cluster.training.network;

import java.util.Locale;
import java.util.Objects;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.cluster.topology.FabricKind;
import org.mosaic.cluster.topology.FabricSpec;
import org.mosaic.cluster.topology.TopologySizing;

/**
 * The scale-out fabric as a training job sees it: which leaf and pod each GPU's NICs attach to, the leaf's down and
 * up ports, the NIC rate and the latency of a path by the highest tier it turns at. It mirrors the wiring of
 * {@link org.mosaic.cluster.topology.TopologyBuilder} in closed form (the tests check it against the built graph):
 * <ul>
 *   <li>Fat tree: NIC port e (GPU-major, NIC-minor) on leaf ⌊e/d⌋.</li>
 *   <li>Rail-optimized: NIC position r = (GPU position in its node) × NICs + NIC of node m on leaf
 *       ⌊m/d⌋ × rails + r, a node being the preset's physical scale-up domain of {@code nodeGpus} GPUs.</li>
 *   <li>Three tiers: leaf l in pod ⌊l / leavesPerPod⌋ (k/2 leaves per pod); fewer tiers: one pod.</li>
 * </ul>
 * Oversubscription: d/u at the leaf ({@link FabricSpec#effectiveOversubscription()}); the tiers above are
 * non-blocking in the fleet topology, and {@code coreOversubscription} (≥ 1) can thin the pods' uplinks to the core
 * for studies. Immutable, validated here.
 *
 * @param kind                  fat tree or rail-optimized
 * @param tiers                 1, 2 or 3
 * @param nodeGpus              GPUs per node (the preset's physical scale-up domain), which defines the rails
 * @param nicsPerGpu            NIC ports per GPU
 * @param leafDownPorts         d
 * @param leafUpPorts           u (0 with one tier)
 * @param leaves                leaf switches
 * @param leavesPerPod          leaves per pod (k/2 with three tiers; all leaves otherwise)
 * @param portBytesPerSecond    nominal NIC port rate per direction (B/s)
 * @param nicAchievableFraction ring busbw / port rate, calibrated ({@link NetworkAssumptions})
 * @param coreOversubscription  thinning of the pods' uplinks to the core, ≥ 1
 * @param latency               per-step latency of a path
 */
public record ScaleOutFabric(FabricKind kind, int tiers, int nodeGpus, int nicsPerGpu, int leafDownPorts, int leafUpPorts, int leaves,
                             int leavesPerPod, double portBytesPerSecond, double nicAchievableFraction, double coreOversubscription,
                             Latency latency) {

    /** The highest tier a path turns at: 0 at its leaf, 1 at a spine / aggregation switch, 2 at a core. */
    public static final int LEAF = 0;
    /** See {@link #LEAF}. */
    public static final int SPINE = 1;
    /** See {@link #LEAF}. */
    public static final int CORE = 2;

    /**
     * The per-step latency of a fabric path: α(level) = NIC pair + switch traversals × (2·level + 1) + propagation
     * over the path's cables (both access cables; both leaf–spine cables from level 1; both spine–core cables at
     * level 2), each at its tier's mean length.
     *
     * @param nicSeconds            NIC pair (s)
     * @param switchHopSeconds      one switch traversal (s)
     * @param secondsPerMeter       cable delay (s/m)
     * @param accessCableMeters     mean NIC–leaf cable (m)
     * @param leafSpineCableMeters  mean leaf–spine cable (m)
     * @param spineCoreCableMeters  mean spine–core cable (m)
     */
    public record Latency(double nicSeconds, double switchHopSeconds, double secondsPerMeter, double accessCableMeters,
                          double leafSpineCableMeters, double spineCoreCableMeters) {
        public Latency {
            for (double v : new double[] {nicSeconds, switchHopSeconds, secondsPerMeter, accessCableMeters, leafSpineCableMeters,
                    spineCoreCableMeters}) {
                if (!(v >= 0 && Double.isFinite(v))) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "fabric latency term %s — expected finite values >= 0 (seconds, seconds per metre, metres); got %s",
                            v, java.util.Arrays.toString(new double[] {nicSeconds, switchHopSeconds, secondsPerMeter, accessCableMeters,
                                    leafSpineCableMeters, spineCoreCableMeters})));
                }
            }
        }

        /** α of a path turning at {@code level} ({@link #LEAF}, {@link #SPINE}, {@link #CORE}). */
        public double seconds(int level) {
            if (level < LEAF || level > CORE) {
                throw new IllegalArgumentException("fabric level " + level + " — expected 0 (leaf), 1 (spine) or 2 (core)");
            }
            double meters = 2 * accessCableMeters + (level >= SPINE ? 2 * leafSpineCableMeters : 0)
                    + (level >= CORE ? 2 * spineCoreCableMeters : 0);
            return nicSeconds + switchHopSeconds * (2 * level + 1) + secondsPerMeter * meters;
        }
    }

    public ScaleOutFabric {
        Objects.requireNonNull(kind, "fabric kind is null — expected FAT_TREE or RAIL_OPTIMIZED");
        Objects.requireNonNull(latency, "fabric latency is null — expected a ScaleOutFabric.Latency");
        if (tiers < 1 || tiers > 3) {
            throw new IllegalArgumentException("tiers = " + tiers + " — expected 1, 2 or 3");
        }
        if (nodeGpus < 1 || nicsPerGpu < 1 || leafDownPorts < 1 || leaves < 1 || leavesPerPod < 1) {
            throw new IllegalArgumentException("node GPUs " + nodeGpus + ", NICs per GPU " + nicsPerGpu + ", leaf down ports " + leafDownPorts
                    + ", leaves " + leaves + ", leaves per pod " + leavesPerPod + " — expected all >= 1");
        }
        if (tiers == 1 ? leafUpPorts != 0 || leaves != 1 : leafUpPorts < 1) {
            throw new IllegalArgumentException("leaf up ports " + leafUpPorts + " and " + leaves + " leaves with " + tiers
                    + " tier(s) — expected one leaf and no up ports for one tier, at least one up port otherwise");
        }
        if (!(portBytesPerSecond > 0 && Double.isFinite(portBytesPerSecond))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "NIC port rate %s B/s — expected a positive finite rate in bytes per second (hint: 400 Gb/s = 50e9 B/s)",
                    portBytesPerSecond));
        }
        if (!(nicAchievableFraction > 0 && nicAchievableFraction <= 1)) {
            throw new IllegalArgumentException("NIC achievable fraction " + nicAchievableFraction + " — expected a fraction in (0, 1]");
        }
        if (!(coreOversubscription >= 1 && Double.isFinite(coreOversubscription))) {
            throw new IllegalArgumentException("core oversubscription " + coreOversubscription + " — expected a finite ratio >= 1");
        }
    }

    /**
     * The fabric of {@code cluster} (which must have one) as the fleet topology builds it, with the assumptions'
     * rates and latencies and the tiers' mean cable lengths (m; 0 for a tier the cluster does not have).
     */
    public static ScaleOutFabric of(ClusterSpec cluster, NetworkAssumptions a, double accessCableMeters, double leafSpineCableMeters,
                                    double spineCoreCableMeters) {
        if (cluster == null || !cluster.hasFabric() || a == null) {
            throw new IllegalArgumentException("a cluster with a scale-out fabric and the network assumptions are required (got "
                    + (cluster == null ? "no cluster" : cluster.hasFabric() ? "a fabric" : "a cluster without a fabric") + ")");
        }
        FabricSpec f = cluster.fabric();
        TopologySizing s = TopologySizing.of(cluster);
        int leavesPerPod = f.tiers() == 3 ? f.radix() / 2 : Math.max(1, s.leaves());
        return new ScaleOutFabric(f.kind(), f.tiers(), cluster.domain().gpus(), f.nicsPerGpu(), s.leafDownPorts(), s.leafUpPorts(),
                s.leaves(), leavesPerPod, f.portRateBitsPerSecond() / 8, a.nicAchievableFraction(), a.coreOversubscription(),
                new Latency(a.nicLatencySeconds(), a.fabricSwitchHopSeconds(), a.propagationSecondsPerMeter(), accessCableMeters,
                        leafSpineCableMeters, spineCoreCableMeters));
    }

    /** The leaf of NIC {@code nic} of GPU {@code gpu} (see the class comment). */
    public int leafOf(int gpu, int nic) {
        long leaf;
        if (kind == FabricKind.RAIL_OPTIMIZED) {
            long rails = (long) nodeGpus * nicsPerGpu;
            leaf = (long) (gpu / nodeGpus / leafDownPorts) * rails + (long) (gpu % nodeGpus) * nicsPerGpu + nic;
        } else {
            leaf = ((long) gpu * nicsPerGpu + nic) / leafDownPorts;
        }
        return Math.toIntExact(leaf);
    }

    /** The pod of a leaf (0 with fewer than three tiers). */
    public int podOf(int leaf) {
        return tiers == 3 ? leaf / leavesPerPod : 0;
    }

    /** Pods. */
    public int pods() {
        return (leaves + leavesPerPod - 1) / leavesPerPod;
    }

    /** Leaves of pod {@code pod} (the last pod may be partial). */
    public int leavesInPod(int pod) {
        return Math.min(leavesPerPod, leaves - pod * leavesPerPod);
    }

    /** The highest tier a path between two leaves turns at: {@link #LEAF}, {@link #SPINE} or {@link #CORE}. */
    public int level(int leafA, int leafB) {
        if (leafA == leafB) {
            return LEAF;
        }
        return podOf(leafA) == podOf(leafB) ? SPINE : CORE;
    }

    /** Leaf oversubscription d/u (1 with one tier). */
    public double leafOversubscription() {
        return tiers == 1 ? 1 : (double) leafDownPorts / leafUpPorts;
    }

    /** What one GPU's NICs achieve together in a ring, without contention (B/s): NICs × port × fraction. */
    public double gpuBytesPerSecond() {
        return nicsPerGpu * portBytesPerSecond * nicAchievableFraction;
    }

    /**
     * The share of its NIC rate a GPU keeps when every GPU sends across {@code level} at once: 1 at the leaf,
     * u/d across the spine, u/(d × core oversubscription) across the core.
     */
    public double shareWhenAllCross(int level) {
        return switch (level) {
            case LEAF -> 1;
            case SPINE -> 1 / leafOversubscription();
            case CORE -> 1 / (leafOversubscription() * coreOversubscription);
            default -> throw new IllegalArgumentException("fabric level " + level + " — expected 0, 1 or 2");
        };
    }

    /** Uplink ports of a pod towards the core: its leaves × u / core oversubscription. */
    double podUplinkPorts(int pod) {
        return leavesInPod(pod) * (double) leafUpPorts / coreOversubscription;
    }
}
