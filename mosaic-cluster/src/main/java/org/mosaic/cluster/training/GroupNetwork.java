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
     * A two-level network: groups whose span (ranks × stride) divides the domain of {@code domainGpus} (so every aligned
     * block of that span lies inside one domain) see {@code scaleUp}, others {@code fabric}, with bisection = ranks/2 ×
     * per-rank fabric bandwidth.
     */
    static GroupNetwork twoLevel(int domainGpus, LinkCost scaleUp, LinkCost fabric) {
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

            private boolean inside(int ranks, int stride) {
                long span = (long) ranks * stride;
                return span <= domainGpus && domainGpus % span == 0;
            }
        };
    }
}
