package org.mosaic.cluster.topology;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

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
        return TopologyBuilder.build(spec);
    }

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
