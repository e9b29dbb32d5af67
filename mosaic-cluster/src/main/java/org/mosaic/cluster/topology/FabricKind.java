package org.mosaic.cluster.topology;

/** How GPUs' NICs are attached to the leaves of a folded Clos. */
public enum FabricKind {
    /**
     * Folded Clos / fat tree: NIC ports fill leaves in order (GPU-major, NIC-minor), d ports per leaf, so a leaf
     * serves consecutive GPUs (a top-of-rack leaf).
     */
    FAT_TREE,
    /**
     * Rail-optimized: NIC position r of a domain (GPU position × NICs per GPU + NIC) is rail r; the domains are
     * grouped d at a time (d = leaf down ports), and each group has one leaf per rail, which takes rail r of every
     * domain in the group ([al-fares-2008], [superpod-rail]: a DGX H100 scalable unit of 32 nodes has 8 rail leaves with
     * 32 ports down). Above the leaves the fabric is the same folded Clos.
     */
    RAIL_OPTIMIZED
}
