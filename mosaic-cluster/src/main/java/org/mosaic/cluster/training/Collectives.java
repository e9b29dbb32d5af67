package org.mosaic.cluster.training;

import java.util.Locale;

/**
 * Alpha-beta costs of collectives over p ranks ([thakur-2005], [megatron-lm]). n is the per-rank buffer in
 * bytes with the NCCL meaning ({@link CollectiveOp}): the full buffer for all-reduce, reduce-scatter and
 * all-gather, the whole send buffer for all-to-all.
 *
 * <p>Assumptions: every rank drives its link at B in each direction at once (full duplex) and the steps of an
 * algorithm do not contend with each other or with other traffic; the reduction cost γ is neglected (GPU
 * reductions run at HBM speed, an order of magnitude faster than any link here); p = 1 costs nothing. Logarithmic
 * algorithms on a p that is not a power of two take ⌈log₂ p⌉ steps. The pipelined double-binary-tree form is the
 * asymptotic one ([thakur-2005], [megatron-lm] tags it (unverified)): log-depth latency with the ring's bandwidth term, which is what NCCL's
 * statement that tree and ring both move 2(n−1)/n of the buffer per rank implies.
 */
public final class Collectives {

    /** All-reduce algorithms. */
    public enum AllReduceAlgorithm {
        /** Ring reduce-scatter + all-gather: 2(p−1)·α + 2((p−1)/p)·n·β. */
        RING,
        /** NCCL's pipelined double binary tree: 2⌈log₂ p⌉·α + 2((p−1)/p)·n·β. */
        DOUBLE_BINARY_TREE,
        /** Binomial-tree reduce then broadcast, not pipelined: 2⌈log₂ p⌉·(α + n·β). */
        BINOMIAL_TREE,
        /** Recursive doubling: ⌈log₂ p⌉·(α + n·β), for small messages. */
        RECURSIVE_DOUBLING,
        /** Rabenseifner (recursive-halving reduce-scatter + recursive-doubling all-gather): 2⌈log₂ p⌉·α + 2((p−1)/p)·n·β. */
        RABENSEIFNER
    }

    private Collectives() {
    }

    /** Ring reduce-scatter: (p−1)·α + ((p−1)/p)·n·β. */
    public static double reduceScatterSeconds(int ranks, double bytes, LinkCost link) {
        return ringHalf(ranks, bytes, link);
    }

    /** Ring all-gather: (p−1)·α + ((p−1)/p)·n·β. */
    public static double allGatherSeconds(int ranks, double bytes, LinkCost link) {
        return ringHalf(ranks, bytes, link);
    }

    /** Ring all-reduce: 2(p−1)·α + 2((p−1)/p)·n·β. */
    public static double allReduceSeconds(int ranks, double bytes, LinkCost link) {
        return allReduceSeconds(AllReduceAlgorithm.RING, ranks, bytes, link);
    }

    /** All-reduce by the given algorithm (formulas on {@link AllReduceAlgorithm}). */
    public static double allReduceSeconds(AllReduceAlgorithm algorithm, int ranks, double bytes, LinkCost link) {
        check(ranks, bytes, link);
        if (algorithm == null) {
            throw new IllegalArgumentException("all-reduce algorithm null — expected one of RING, DOUBLE_BINARY_TREE, ...");
        }
        if (ranks == 1) {
            return 0;
        }
        double a = link.latencySeconds();
        double b = link.secondsPerByte();
        double p = ranks;
        int log = ceilLog2(ranks);
        return switch (algorithm) {
            case RING -> 2 * (p - 1) * a + 2 * ((p - 1) / p) * bytes * b;
            case DOUBLE_BINARY_TREE, RABENSEIFNER -> 2 * log * a + 2 * ((p - 1) / p) * bytes * b;
            case BINOMIAL_TREE -> 2 * log * (a + bytes * b);
            case RECURSIVE_DOUBLING -> log * (a + bytes * b);
        };
    }

    /** The fastest of the {@link AllReduceAlgorithm}s for this size, as a tuned library would pick. */
    public static AllReduceAlgorithm fastestAllReduce(int ranks, double bytes, LinkCost link) {
        AllReduceAlgorithm best = AllReduceAlgorithm.RING;
        double bestSeconds = allReduceSeconds(best, ranks, bytes, link);
        for (AllReduceAlgorithm alg : AllReduceAlgorithm.values()) { // enum order: ties keep the earlier one
            double t = allReduceSeconds(alg, ranks, bytes, link);
            if (t < bestSeconds) {
                best = alg;
                bestSeconds = t;
            }
        }
        return best;
    }

    /**
     * Hierarchical (rail-optimised) all-reduce of g GPUs per node on a scale-up link and m nodes on the scale-out
     * link: ring reduce-scatter inside the node, ring all-reduce of each n/g shard across the m nodes (the g
     * shards in parallel, one per rail/NIC), ring all-gather inside the node:
     * 2(g−1)·α<sub>in</sub> + 2((g−1)/g)·n/B<sub>in</sub> + 2(m−1)·α<sub>out</sub> + 2((m−1)/m)·(n/g)/B<sub>out</sub>.
     */
    public static double hierarchicalAllReduceSeconds(int gpusPerNode, int nodes, double bytes, LinkCost intraNode, LinkCost interNode) {
        check(gpusPerNode, bytes, intraNode);
        check(nodes, bytes, interNode);
        return reduceScatterSeconds(gpusPerNode, bytes, intraNode)
                + allReduceSeconds(nodes, bytes / gpusPerNode, interNode)
                + allGatherSeconds(gpusPerNode, bytes, intraNode);
    }

    /**
     * Pairwise all-to-all of a send buffer of n bytes per rank: (p−1)·α + ((p−1)/p)·n·β, but no faster than the
     * bisection allows: half the ranks send half their buffer across, p·n/4 bytes each way, at
     * {@code bisectionBytesPerSecond} per direction ({@link Double#POSITIVE_INFINITY} for no bound, e.g. inside a
     * switch-based scale-up domain).
     */
    public static double allToAllSeconds(int ranks, double bytes, LinkCost link, double bisectionBytesPerSecond) {
        check(ranks, bytes, link);
        if (!(bisectionBytesPerSecond > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bisection bandwidth %s B/s — expected a positive value per direction (or Double.POSITIVE_INFINITY for no bound)",
                    bisectionBytesPerSecond));
        }
        if (ranks == 1) {
            return 0;
        }
        double pairwise = ringHalf(ranks, bytes, link);
        double bisection = ranks * bytes / 4 / bisectionBytesPerSecond;
        return Math.max(pairwise, bisection);
    }

    /** One point-to-point transfer (e.g. pipeline activations between stages): α + n·β. */
    public static double pointToPointSeconds(double bytes, LinkCost link) {
        check(2, bytes, link);
        return link.stepSeconds(bytes);
    }

    private static double ringHalf(int ranks, double bytes, LinkCost link) {
        check(ranks, bytes, link);
        double p = ranks;
        return (p - 1) * link.latencySeconds() + ((p - 1) / p) * bytes * link.secondsPerByte();
    }

    /** ⌈log₂ p⌉ for p ≥ 1. */
    static int ceilLog2(int p) {
        return p <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(p - 1);
    }

    private static void check(int ranks, double bytes, LinkCost link) {
        if (ranks < 1) {
            throw new IllegalArgumentException("ranks " + ranks + " — expected at least 1 (the size of the communicating group)");
        }
        if (!(bytes >= 0 && Double.isFinite(bytes))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "buffer %s B — expected a finite size ≥ 0 in bytes (hint: per-rank buffer, NCCL convention)", bytes));
        }
        if (link == null) {
            throw new IllegalArgumentException("link cost null — expected a LinkCost(latencySeconds, bandwidthBytesPerSecond)");
        }
    }
}
