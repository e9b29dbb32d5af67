package org.mosaic.cluster.topology;

/** Which part of the cluster a link belongs to; the layout gives each tier its own length distribution. */
public enum LinkTier {
    /** GPU to scale-up switch inside a domain (NVLink-class, copper in an NVL72 rack). */
    SCALE_UP,
    /** GPU NIC to leaf switch (scale-out tier 1). */
    LEAF_ACCESS,
    /** Leaf to spine / aggregation switch (scale-out tier 2). */
    LEAF_SPINE,
    /** Aggregation to core switch (scale-out tier 3). */
    SPINE_CORE
}
