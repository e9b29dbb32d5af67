package org.mosaic.cluster.layout;

/**
 * How topology links become links of a catalog generation (the unit the technology menu prices and rates).
 * <ul>
 *   <li>{@link #LANE_EQUIVALENT} (default): a link of n lanes counts as n / N links of the generation whose lane
 *       rate it shares (N = the generation's lanes), the lanes of a group summed and rounded up. Power scales with
 *       lanes, so power is right (a 400G port of 4 × 100G lanes draws half an 800G module); failures scale with
 *       lanes too, which UNDERSTATES failures of narrow ports whose module fails like a full one (by up to N / n).</li>
 *   <li>{@link #ONE_PER_LINK}: every topology link counts as one full link of the generation: an upper bound on
 *       power for narrow links, and the module-count view of failures.</li>
 * </ul>
 */
public enum CountRule {
    LANE_EQUIVALENT, ONE_PER_LINK
}
