package org.mosaic.cluster.topology;

import java.util.Objects;

/**
 * A vertex of the cluster graph (immutable, compact). The meaning of {@code group} and {@code index} by kind:
 * <ul>
 *   <li>{@link NodeKind#GPU}: group = scale-up domain, index = the GPU's position in its domain (its rail).</li>
 *   <li>{@link NodeKind#SCALE_UP_SWITCH}: group = domain, index = switch tray in the domain.</li>
 *   <li>{@link NodeKind#LEAF}: group = pod (three tiers; 0 otherwise), index = leaf number in the fabric.</li>
 *   <li>{@link NodeKind#SPINE}: group = pod (three tiers; 0 otherwise), index = spine number in the fabric.</li>
 *   <li>{@link NodeKind#CORE}: group = core plane (the aggregation position j every pod's j-th spine connects
 *       to), index = core number in the fabric.</li>
 * </ul>
 *
 * @param id    the vertex number in its graph, 0 … vertices − 1 (vertex order)
 * @param kind  what the vertex is
 * @param group domain, pod or core plane (see above)
 * @param index number within the kind (GPU and tray: within the domain; switches: within the fabric)
 */
public record Node(int id, NodeKind kind, int group, int index) {
    public Node {
        Objects.requireNonNull(kind, "node kind is null — expected one of GPU, SCALE_UP_SWITCH, LEAF, SPINE, CORE");
        if (id < 0 || group < 0 || index < 0) {
            throw new IllegalArgumentException("node id/group/index = " + id + "/" + group + "/" + index
                    + " — expected all >= 0");
        }
    }

    /** Deterministic across runs (the record default would mix in the enum's identity hash). */
    @Override
    public int hashCode() {
        return ((id * 31 + kind.ordinal()) * 31 + group) * 31 + index;
    }

    @Override
    public String toString() {
        return kind + "[" + group + "." + index + "]#" + id;
    }
}
