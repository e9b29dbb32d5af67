package org.mosaic.cluster.topology;

import java.util.Objects;

/**
 * The electrical shape of every link of one tier, shared by all its edges: lanes per link and the nominal data
 * rate of one lane in one direction (the line rate adds the FEC overhead, e.g. 100 Gb/s → 106.25 Gb/s for
 * KP4-coded 100G/lane, [intel-an846-kp4], [nvidia-800g-specs]).
 *
 * @param tier                  the tier
 * @param lanesPerLink          lanes per link and direction
 * @param laneRateBitsPerSecond nominal data rate of one lane in one direction, b/s
 */
public record LinkClass(LinkTier tier, int lanesPerLink, double laneRateBitsPerSecond) {
    public LinkClass {
        Objects.requireNonNull(tier, "link tier is null");
        if (lanesPerLink < 1) {
            throw new IllegalArgumentException("lanes per link = " + lanesPerLink + " for " + tier
                    + " — expected at least 1 (hint: 400G = 4 × 100G lanes)");
        }
        if (!(laneRateBitsPerSecond > 0 && Double.isFinite(laneRateBitsPerSecond))) {
            throw new IllegalArgumentException("lane rate " + laneRateBitsPerSecond + " b/s for " + tier
                    + " — expected a finite rate > 0 (hint: 100 Gb/s = 1e11)");
        }
    }

    /** Data rate of one link in one direction, b/s. */
    public double linkRateBitsPerSecond() {
        return lanesPerLink * laneRateBitsPerSecond;
    }
}
