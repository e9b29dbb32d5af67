package org.mosaic.cluster.topology;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.mosaic.core.parallel.Memo;

/**
 * A built cluster: its spec, its closed-form sizes and its graph (which realizes exactly those sizes).
 *
 * @param spec   what was asked for
 * @param sizing closed-form sizes
 * @param graph  the graph
 */
public record ClusterTopology(ClusterSpec spec, TopologySizing sizing, ClusterGraph graph) {
    public ClusterTopology {
        Objects.requireNonNull(spec, "spec is null");
        Objects.requireNonNull(sizing, "sizing is null");
        Objects.requireNonNull(graph, "graph is null");
    }

    /** Builds the topology of {@code spec} (see {@link TopologyBuilder}). */
    public static ClusterTopology of(ClusterSpec spec) {
        return BUILT.get(spec, TopologyBuilder::build); // a null spec is refused by the build
    }

    /**
     * The last topologies built: a topology is a pure function of its (value-equal) spec and immutable, and the fleet,
     * training, claims and uncertainty studies ask for the same cluster at every point of their samples.
     */
    private static final Memo<ClusterSpec, ClusterTopology> BUILT = new Memo<>(4);

    /** Individual links per tier, counted on the graph (parallel links one by one), in tier order. */
    public Map<LinkTier, Long> linksByTier() {
        Map<LinkTier, Long> m = new EnumMap<>(LinkTier.class);
        for (LinkTier t : LinkTier.values()) {
            m.put(t, 0L);
        }
        for (Link e : graph.links()) {
            m.merge(e.tier(), (long) e.links(), Long::sum);
        }
        return m;
    }

    /** Switches counted on the graph: scale-up trays plus leaf, spine and core switches. */
    public long switches() {
        return graph.nodeCount() - (long) graph.nodes(NodeKind.GPU).size();
    }
}
