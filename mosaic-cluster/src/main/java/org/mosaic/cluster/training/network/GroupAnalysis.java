package org.mosaic.cluster.training.network;

import java.util.Locale;
import org.mosaic.cluster.topology.FabricKind;
import org.mosaic.cluster.training.LinkCost;

/**
 * The rings of a communicator walked hop by hop (see {@link TrainingCluster} for the model). Groups tile the rank
 * order in aligned blocks of size × stride GPUs; block b, offset o has members b·S + o + i·s, i = 0 … size − 1,
 * and its ring joins member i to member i + 1 (the last to the first). GPUs past the last whole block take no part.
 * Two passes over every hop: the first counts, per leaf and per pod, the fabric hops that leave and enter it, the
 * second gives each hop its share of the uplinks and keeps the slowest hop's bandwidth and the largest latency.
 * Cost O(GPUs × NICs per GPU) per call.
 */
final class GroupAnalysis {
    private GroupAnalysis() {
    }

    /**
     * One ring analysis.
     *
     * @param level the highest fabric level of a hop, −1 when no hop uses the fabric
     * @param cost  α = the largest hop latency, B = the slowest hop's bandwidth
     * @param share the smallest contention share of a fabric hop (1 if none)
     */
    record Ring(int level, LinkCost cost, double share) {
    }

    /** The cluster as the analysis needs it. */
    record Net(String name, int gpus, int domainGpus, LinkCost scaleUp, ScaleOutFabric fabric) {
    }

    static void check(Net net, int size, int stride) {
        if (size < 1 || stride < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "group of %d ranks at stride %d — expected both >= 1 (hint: a TP group of 8 is (8, 1); a DP group of 64 over TP=8 is (64, 8))",
                    size, stride));
        }
        long span = (long) size * stride;
        if (span > net.gpus()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "group of %d ranks at stride %d spans %d GPUs — expected at most the %d GPUs of %s (hint: size x stride <= GPUs)",
                    size, stride, span, net.gpus(), net.name()));
        }
    }

    /**
     * The ring cost: with {@code viaScaleUp}, hops between members of one scale-up domain use the scale-up links
     * (NCCL's choice); without, every hop crosses the fabric.
     */
    static Ring ring(Net net, int size, int stride, boolean viaScaleUp) {
        check(net, size, stride);
        if (size == 1) {
            return new Ring(-1, net.scaleUp(), 1);
        }
        if (viaScaleUp && org.mosaic.cluster.training.GroupNetwork.fitsInDomain(size, stride, net.domainGpus())) {
            // placed whole inside one domain (GroupNetwork.fitsInDomain: whole groups per domain, not only spans dividing it)
            return new Ring(-1, net.scaleUp(), 1);
        }
        ScaleOutFabric f = net.fabric();
        Counts counts = f == null ? null : new Counts(f);
        boolean[] scaleUpHop = new boolean[1];
        int level = walk(net, size, stride, viaScaleUp, counts, null, scaleUpHop);
        if (level < 0) {
            return new Ring(-1, net.scaleUp(), 1);
        }
        Slowest slowest = new Slowest();
        walk(net, size, stride, viaScaleUp, counts, slowest, scaleUpHop);
        double bandwidth = slowest.bandwidth;
        double latency = slowest.latency;
        if (scaleUpHop[0]) {
            bandwidth = Math.min(bandwidth, net.scaleUp().bandwidthBytesPerSecond());
            latency = Math.max(latency, net.scaleUp().latencySeconds());
        }
        return new Ring(level, new LinkCost(latency, bandwidth), slowest.share);
    }

    /**
     * Bisection per direction of a group: infinite when no hop leaves a scale-up domain; otherwise half the members
     * times a GPU's NIC rate times its share when every GPU sends across the group's highest level.
     */
    static double bisection(Net net, int size, int level) {
        if (level < 0) {
            return Double.POSITIVE_INFINITY;
        }
        ScaleOutFabric f = net.fabric();
        return size / 2.0 * f.gpuBytesPerSecond() * f.shareWhenAllCross(level);
    }

    /** Per-leaf and per-pod hop counts, out and in. */
    private static final class Counts {
        final int[] leafOut;
        final int[] leafIn;
        final int[] podOut;
        final int[] podIn;

        Counts(ScaleOutFabric f) {
            leafOut = new int[f.leaves()];
            leafIn = new int[f.leaves()];
            podOut = new int[f.pods()];
            podIn = new int[f.pods()];
        }
    }

    /** The slowest fabric hop so far. */
    private static final class Slowest {
        double bandwidth = Double.POSITIVE_INFINITY;
        double latency;
        double share = 1;
    }

    /**
     * Walks every hop. Without {@code slowest}: counts fabric hops into {@code counts} and returns the highest level
     * (−1 if none). With it: gives each fabric hop its bandwidth (Σ over its NICs of port × fraction × share, the
     * share = min(1, uplinks / hops using them) at each tier it crosses) and latency.
     */
    private static int walk(Net net, int size, int stride, boolean viaScaleUp, Counts counts, Slowest slowest, boolean[] scaleUpHop) {
        ScaleOutFabric f = net.fabric();
        int span = size * stride;
        int blocks = net.gpus() / span;
        int domain = net.domainGpus();
        int level = -1;
        for (int b = 0; b < blocks; b++) {
            int base = b * span;
            for (int o = 0; o < stride; o++) {
                for (int i = 0; i < size; i++) {
                    int from = base + o + i * stride;
                    int to = base + o + ((i + 1) % size) * stride;
                    if (viaScaleUp && from / domain == to / domain) {
                        scaleUpHop[0] = true;
                        continue;
                    }
                    if (f == null) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "group of %d ranks at stride %d joins GPUs %d and %d of different %d-GPU scale-up domains, and %s has no"
                                        + " scale-out fabric — expected groups inside one domain (hint: size x stride <= %d, or a fleet"
                                        + " preset with a fabric such as cluster-100k)", size, stride, from, to, domain, net.name(), domain));
                    }
                    int target = railMatched(f, net.gpus(), from, to);
                    if (slowest == null) {
                        level = Math.max(level, count(f, counts, from, target));
                    } else {
                        rate(f, counts, from, target, slowest);
                    }
                }
            }
        }
        return level;
    }

    /**
     * The NIC a hop lands on. On a rail-optimized fabric, between nodes, NCCL orders its rings so that a hop joins
     * NICs of the same rail: the GPU at the sender's position in the receiver's node, which passes the data on over
     * the node's scale-up links (PXN). Otherwise (inside a node, or on a fat tree, where no NIC is preferred) the
     * receiver's own NIC.
     */
    private static int railMatched(ScaleOutFabric f, int gpus, int from, int to) {
        int g = f.nodeGpus();
        if (f.kind() != FabricKind.RAIL_OPTIMIZED || from / g == to / g) {
            return to;
        }
        int t = (to / g) * g + from % g;
        return t < gpus ? t : to;
    }

    private static int count(ScaleOutFabric f, Counts c, int from, int to) {
        int level = ScaleOutFabric.LEAF;
        for (int n = 0; n < f.nicsPerGpu(); n++) {
            int la = f.leafOf(from, n);
            int lb = f.leafOf(to, n);
            int lv = f.level(la, lb);
            level = Math.max(level, lv);
            if (lv >= ScaleOutFabric.SPINE) {
                c.leafOut[la]++;
                c.leafIn[lb]++;
            }
            if (lv == ScaleOutFabric.CORE) {
                c.podOut[f.podOf(la)]++;
                c.podIn[f.podOf(lb)]++;
            }
        }
        return level;
    }

    private static void rate(ScaleOutFabric f, Counts c, int from, int to, Slowest s) {
        double bandwidth = 0;
        int level = ScaleOutFabric.LEAF;
        for (int n = 0; n < f.nicsPerGpu(); n++) {
            int la = f.leafOf(from, n);
            int lb = f.leafOf(to, n);
            int lv = f.level(la, lb);
            level = Math.max(level, lv);
            double share = 1;
            if (lv >= ScaleOutFabric.SPINE) {
                share = Math.min(share, f.leafUpPorts() / (double) Math.max(c.leafOut[la], c.leafIn[lb]));
            }
            if (lv == ScaleOutFabric.CORE) {
                int pa = f.podOf(la);
                int pb = f.podOf(lb);
                share = Math.min(share, Math.min(f.podUplinkPorts(pa) / c.podOut[pa], f.podUplinkPorts(pb) / c.podIn[pb]));
            }
            s.share = Math.min(s.share, share);
            bandwidth += f.portBytesPerSecond() * f.nicAchievableFraction() * share;
        }
        s.bandwidth = Math.min(s.bandwidth, bandwidth);
        s.latency = Math.max(s.latency, f.latency().seconds(level));
    }
}
