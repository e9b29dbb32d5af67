package org.mosaic.cluster.training.network;

/**
 * How far the rings of a communicator reach: the highest part of the network one of their hops crosses.
 */
public enum GroupSpan {
    /** Every hop stays inside a scale-up domain (NVLink-class); the scale-up cost applies. */
    SCALE_UP,
    /** Some hop leaves its scale-up domain, but every fabric hop turns at its leaf. */
    LEAF,
    /** Some fabric hop turns at a spine (two tiers) or an aggregation switch of a pod (three tiers). */
    SPINE,
    /** Some fabric hop crosses the core, between pods. */
    CORE;

    /** The span of a ring whose highest fabric hop turns at {@code level} (−1: no fabric hop). */
    static GroupSpan ofLevel(int level) {
        return switch (level) {
            case -1 -> SCALE_UP;
            case ScaleOutFabric.LEAF -> LEAF;
            case ScaleOutFabric.SPINE -> SPINE;
            case ScaleOutFabric.CORE -> CORE;
            default -> throw new IllegalArgumentException("fabric level " + level + " — expected -1, 0, 1 or 2");
        };
    }
}
