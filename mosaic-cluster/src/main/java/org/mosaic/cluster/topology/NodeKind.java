package org.mosaic.cluster.topology;

/**
 * What a vertex of the cluster graph is. Vertices of one kind are contiguous in the graph's vertex order, in the
 * order of this enum.
 */
public enum NodeKind {
    /** A GPU; its NICs are the access links it carries (no separate NIC vertex: a NIC sits next to its GPU). */
    GPU(0),
    /** A scale-up switch tray of a domain (e.g. an NVL72 NVLink switch tray holding two switch chips). */
    SCALE_UP_SWITCH(0),
    /** Scale-out tier 1: a leaf (top-of-rack or rail) switch. */
    LEAF(1),
    /** Scale-out tier 2: a spine (two tiers) or an aggregation switch of a pod (three tiers). */
    SPINE(2),
    /** Scale-out tier 3: a core switch. */
    CORE(3);

    private final int fabricTier;

    NodeKind(int fabricTier) {
        this.fabricTier = fabricTier;
    }

    /** The scale-out tier (1 leaf, 2 spine, 3 core), 0 for GPUs and scale-up switches. */
    public int fabricTier() {
        return fabricTier;
    }

    /** True for the scale-out switches (leaf, spine, core). */
    public boolean isFabricSwitch() {
        return fabricTier > 0;
    }
}
