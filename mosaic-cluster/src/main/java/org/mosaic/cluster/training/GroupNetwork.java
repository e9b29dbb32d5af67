package org.mosaic.cluster.training;

/**
 * What a communicator sees of the cluster: the alpha-beta cost per rank of a group of {@code ranks} ranks whose
 * members are {@code stride} ranks apart in the job's rank order ({@link ParallelPlan}), and the bisection bandwidth
 * across that group. Placement decides the answer: a group inside one scale-up domain sees the scale-up link, a
 * group spread over domains the fabric (and its oversubscription when it crosses an oversubscribed tier).
 */
public interface GroupNetwork {

    /** Per-rank alpha-beta cost of a ring over the group (see {@link LinkCost}). */
    LinkCost link(int ranks, int stride);

    /** Bisection bandwidth across the group, bytes/s per direction ({@link Double#POSITIVE_INFINITY} for none binding). */
    double bisectionBytesPerSecond(int ranks, int stride);

    /** Largest group (ranks × stride) that fits in one scale-up domain. */
    int scaleUpGpus();

    /**
     * Compute slow-down inside a scale-up domain while a collective runs there: NCCL's kernels take streaming
     * multiprocessors and HBM bandwidth from the overlapped multiply ([calculon-sc23] systems/a100_80g.json and
     * h100_80g_nvl8.json, networks[0].processor_usage 0.15).
     */
    double SCALE_UP_COMPUTE_SLOWDOWN = 0.15;
    /** The same across the fabric (processor_usage 0.02 of the same files: the NIC moves the data, few SMs feed it). */
    double FABRIC_COMPUTE_SLOWDOWN = 0.02;

    /**
     * The fraction of its speed an overlapped computation loses while a collective of this group runs (0 = none): the
     * group's tier's; a network that does not say has none.
     */
    default double computeSlowdown(int ranks, int stride) {
        return 0;
    }

    /**
     * The placement rule: a group whose span (ranks × stride) is at most the domain is placed inside one domain, whole groups
     * per domain — not only when the span divides the domain. The job's spans are nested (TP inside CP inside DP), so
     * packing blocks of the largest span that fits, ⌊domain / span⌋ per domain, keeps every smaller group whole too; the
     * domain's other GPUs (domain mod span) stay idle or serve as spares, as 64 of an NVL72's 72 GPUs with 8 spares.
     */
    static boolean fitsInDomain(int ranks, int stride, int domainGpus) {
        return (long) ranks * stride <= domainGpus;
    }

    /**
     * A two-level network: groups that fit inside a domain of {@code domainGpus} ({@link #fitsInDomain}) see
     * {@code scaleUp}, others {@code fabric}, with bisection = ranks/2 × per-rank fabric bandwidth.
     */
    static GroupNetwork twoLevel(int domainGpus, LinkCost scaleUp, LinkCost fabric) {
        return twoLevel(domainGpus, scaleUp, fabric, 0, 0);
    }

    /** {@link #twoLevel(int, LinkCost, LinkCost)} with each tier's compute slow-down while its collectives run. */
    static GroupNetwork twoLevel(int domainGpus, LinkCost scaleUp, LinkCost fabric, double scaleUpSlowdown, double fabricSlowdown) {
        if (!(scaleUpSlowdown >= 0 && scaleUpSlowdown < 1 && fabricSlowdown >= 0 && fabricSlowdown < 1)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "compute slow-downs %s, %s — expected fractions in [0, 1)",
                    scaleUpSlowdown, fabricSlowdown));
        }
        if (domainGpus < 1 || scaleUp == null || fabric == null) {
            throw new IllegalArgumentException("domain GPUs " + domainGpus + ", scale-up " + scaleUp + ", fabric " + fabric
                    + " — expected a domain of ≥ 1 GPU and both link costs");
        }
        return new GroupNetwork() {
            @Override
            public LinkCost link(int ranks, int stride) {
                return inside(ranks, stride) ? scaleUp : fabric;
            }

            @Override
            public double bisectionBytesPerSecond(int ranks, int stride) {
                return inside(ranks, stride) ? Double.POSITIVE_INFINITY : ranks / 2.0 * fabric.bandwidthBytesPerSecond();
            }

            @Override
            public int scaleUpGpus() {
                return domainGpus;
            }

            @Override
            public double computeSlowdown(int ranks, int stride) {
                return inside(ranks, stride) ? scaleUpSlowdown : fabricSlowdown;
            }

            private boolean inside(int ranks, int stride) {
                return fitsInDomain(ranks, stride, domainGpus);
            }
        };
    }
}
