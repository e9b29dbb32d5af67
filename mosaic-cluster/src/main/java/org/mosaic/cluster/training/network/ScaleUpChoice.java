package org.mosaic.cluster.training.network;

import java.util.Objects;

/**
 * How large a scale-up domain a technology policy allows, and why (see {@link TrainingClusters} for the rules).
 *
 * @param baseGpus                    the preset's domain (GPUs; never more than the cluster's)
 * @param gpus                        the domain the policy allows (GPUs)
 * @param racks                       GPU racks one full domain spans
 * @param capGpus                     the largest domain a switch system of this scale-up generation builds
 * @param generation                  the host generation the scale-up links run at (e.g. {@code 1.6T}), or {@code null}
 *                                    for a domain without scale-up links
 * @param technology                  the policy's technology for the in-rack scale-up cables, or {@code null} if none
 * @param reachMeters                 its reach at that generation (m; 0 without a technology)
 * @param inRackCableMeters           the longest in-rack scale-up cable, binned (m)
 * @param longestCableMeters          the longest cable from a rack's scale-up trays to the domain's switch rack,
 *                                    binned (m; 0 when the domain does not span racks)
 * @param limit                       what stops the domain from growing further
 * @param reason                      the decision in words, with the numbers
 * @param extraLinks                  scale-up links added by spanning racks: the trays' uplinks to the second
 *                                    switch level (topology links, each a cable)
 * @param extraGenerationLinks        the same as links of {@code generation}, by the layout's count rule
 * @param extraLinkFailuresPerDay     expected failures per day of the added links, under the policy
 * @param extraInterconnectPowerWatts power of the added links, both ends (W)
 */
public record ScaleUpChoice(int baseGpus, int gpus, int racks, int capGpus, String generation, String technology, double reachMeters,
                            double inRackCableMeters, double longestCableMeters, Limit limit, String reason, long extraLinks,
                            long extraGenerationLinks, double extraLinkFailuresPerDay, double extraInterconnectPowerWatts) {

    /** What limits the domain. */
    public enum Limit {
        /** The preset's domain has no scale-up switch (one GPU). */
        NO_SCALE_UP,
        /** The policy has no technology for the in-rack scale-up cables; the preset's domain is kept. */
        NO_TECHNOLOGY,
        /** The policy keeps copper (passive, linear active or active electrical cable) on the scale-up tier: the preset's domain. */
        COPPER,
        /** The preset's domain already spreads over several racks; it is kept. */
        PRESET_SPREAD,
        /** One more rack would need a cable beyond the technology's reach. */
        TECHNOLOGY_REACH,
        /** One more rack would exceed the largest scale-up switch system of the generation. */
        SWITCH_SYSTEM,
        /** The domain holds the whole cluster. */
        CLUSTER_SIZE
    }

    public ScaleUpChoice {
        Objects.requireNonNull(limit, "limit is null");
        if (baseGpus < 1 || gpus < baseGpus || racks < 1 || capGpus < 1) {
            throw new IllegalArgumentException("scale-up domain of " + gpus + " GPUs over " + racks + " racks from a base of " + baseGpus
                    + ", cap " + capGpus + " — expected 1 <= base <= domain, at least one rack and a cap >= 1");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("scale-up domain of " + gpus + " GPUs without a reason — expected the decision in words");
        }
        if (extraLinks < 0 || extraGenerationLinks < 0 || !(extraLinkFailuresPerDay >= 0) || !(extraInterconnectPowerWatts >= 0)
                || !(reachMeters >= 0) || !(inRackCableMeters >= 0) || !(longestCableMeters >= 0)) {
            throw new IllegalArgumentException("scale-up domain of " + gpus + " GPUs: negative or undefined counts, lengths or rates ("
                    + extraLinks + " links, " + extraLinkFailuresPerDay + " failures/day, " + longestCableMeters + " m) — expected >= 0");
        }
    }

    /** Whether the domain is larger than the preset's. */
    public boolean grown() {
        return gpus > baseGpus;
    }
}
