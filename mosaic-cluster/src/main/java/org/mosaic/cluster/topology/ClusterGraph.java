package org.mosaic.cluster.topology;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * The cluster as an immutable, compact JGraphT graph: undirected, simple (parallel links are one {@link Link} with
 * a count), unweighted (weight 1; wrap it in {@code AsWeightedGraph} for capacities). Backed by arrays: the vertex
 * and edge objects in id order and a compressed adjacency (CSR) of edge ids, so a 100k-GPU cluster (about a
 * million edges) costs tens of MB instead of the ~300 bytes per edge of JGraphT's hash-map graphs.
 *
 * <p>Every iteration (vertices, edges, edges of a vertex) runs in id order, never in hash order. Mutators throw
 * {@link UnsupportedOperationException}. Vertices of one {@link NodeKind} are contiguous ({@link #nodes(NodeKind)}).
 */
public final class ClusterGraph extends AbstractGraph<Node, Link> {
    private static final GraphType TYPE = new DefaultGraphType.Builder().undirected().allowMultipleEdges(false)
            .allowSelfLoops(false).weighted(false).allowCycles(true).modifiable(false).build();

    private final Node[] nodes;
    private final Link[] links;
    private final int[] offsets;
    private final int[] incident;
    private final int[] kindStart;
    private final Set<Node> vertexSet;
    private final Set<Link> edgeSet;

    /**
     * A graph over {@code nodes} (node i must have id i, kinds in {@link NodeKind} order) and {@code links} (link i
     * must have id i, ends among the nodes, no two links joining the same pair).
     */
    ClusterGraph(Node[] nodes, Link[] links) {
        this.nodes = nodes;
        this.links = links;
        kindStart = new int[NodeKind.values().length + 1];
        int prevKind = 0;
        for (int i = 0; i < nodes.length; i++) {
            Node v = nodes[i];
            if (v.id() != i) {
                throw new IllegalArgumentException("node " + v + " at position " + i + " — expected id " + i);
            }
            int kd = v.kind().ordinal();
            if (kd < prevKind) {
                throw new IllegalArgumentException("node " + v + " out of kind order — expected kinds contiguous");
            }
            for (int j = prevKind + 1; j <= kd; j++) {
                kindStart[j] = i;
            }
            prevKind = kd;
        }
        for (int j = prevKind + 1; j < kindStart.length; j++) {
            kindStart[j] = nodes.length;
        }
        int[] degree = new int[nodes.length + 1];
        for (int i = 0; i < links.length; i++) {
            Link e = links[i];
            if (e.id() != i || nodes[e.source().id()] != e.source() || nodes[e.target().id()] != e.target()) {
                throw new IllegalArgumentException("link " + e + " at position " + i
                        + " — expected id " + i + " and both ends among this graph's nodes");
            }
            degree[e.source().id() + 1]++;
            degree[e.target().id() + 1]++;
        }
        offsets = new int[nodes.length + 1];
        for (int i = 0; i < nodes.length; i++) {
            offsets[i + 1] = offsets[i] + degree[i + 1];
        }
        incident = new int[offsets[nodes.length]];
        int[] fill = Arrays.copyOf(offsets, nodes.length);
        for (Link e : links) {
            incident[fill[e.source().id()]++] = e.id();
            incident[fill[e.target().id()]++] = e.id();
        }
        vertexSet = new ArraySet<>(nodes) {
            @Override
            public boolean contains(Object o) {
                return containsVertex(o instanceof Node v ? v : null);
            }
        };
        edgeSet = new ArraySet<>(links) {
            @Override
            public boolean contains(Object o) {
                return o instanceof Link e && containsEdge(e);
            }
        };
    }

    /** Vertex by id. */
    public Node node(int id) {
        return nodes[id];
    }

    /** Edge by id. */
    public Link link(int id) {
        return links[id];
    }

    /** Number of vertices. */
    public int nodeCount() {
        return nodes.length;
    }

    /** Number of edges (aggregated). */
    public int linkCount() {
        return links.length;
    }

    /** The vertices of one kind, in id order (a view). */
    public List<Node> nodes(NodeKind kind) {
        return Collections.unmodifiableList(
                Arrays.asList(nodes).subList(kindStart[kind.ordinal()], kindStart[kind.ordinal() + 1]));
    }

    /** All edges in id order (a view). */
    public List<Link> links() {
        return Collections.unmodifiableList(Arrays.asList(links));
    }

    /** Ports a vertex uses: the sum of the parallel-link counts of its edges. */
    public long portsUsed(Node v) {
        requireVertex(v);
        long p = 0;
        for (int i = offsets[v.id()]; i < offsets[v.id() + 1]; i++) {
            p += links[incident[i]].links();
        }
        return p;
    }

    /** The other end of {@code e} seen from {@code v}. */
    public Node opposite(Link e, Node v) {
        return e.source().equals(v) ? e.target() : e.source();
    }

    private void requireVertex(Node v) {
        if (!containsVertex(v)) {
            throw new IllegalArgumentException("vertex " + v + " is not in this graph");
        }
    }

    @Override
    public boolean containsVertex(Node v) {
        return v != null && v.id() < nodes.length && nodes[v.id()].equals(v);
    }

    @Override
    public boolean containsEdge(Link e) {
        return e != null && e.id() < links.length && links[e.id()].equals(e);
    }

    @Override
    public Set<Node> vertexSet() {
        return vertexSet;
    }

    @Override
    public Set<Link> edgeSet() {
        return edgeSet;
    }

    @Override
    public Set<Link> edgesOf(Node v) {
        requireVertex(v);
        return new IncidentSet(v);
    }

    @Override
    public int degreeOf(Node v) {
        requireVertex(v);
        return offsets[v.id() + 1] - offsets[v.id()];
    }

    @Override
    public int inDegreeOf(Node v) {
        return degreeOf(v);
    }

    @Override
    public Set<Link> incomingEdgesOf(Node v) {
        return edgesOf(v);
    }

    @Override
    public int outDegreeOf(Node v) {
        return degreeOf(v);
    }

    @Override
    public Set<Link> outgoingEdgesOf(Node v) {
        return edgesOf(v);
    }

    @Override
    public Link getEdge(Node u, Node v) {
        if (!containsVertex(u) || !containsVertex(v)) {
            return null;
        }
        Node from = degreeOf(u) <= degreeOf(v) ? u : v;
        Node to = from == u ? v : u;
        for (int i = offsets[from.id()]; i < offsets[from.id() + 1]; i++) {
            Link e = links[incident[i]];
            if (opposite(e, from).id() == to.id()) {
                return e;
            }
        }
        return null;
    }

    @Override
    public Set<Link> getAllEdges(Node u, Node v) {
        if (!containsVertex(u) || !containsVertex(v)) {
            return null;
        }
        Link e = getEdge(u, v);
        return e == null ? Collections.emptySet() : Collections.singleton(e);
    }

    @Override
    public Node getEdgeSource(Link e) {
        return e.source();
    }

    @Override
    public Node getEdgeTarget(Link e) {
        return e.target();
    }

    @Override
    public GraphType getType() {
        return TYPE;
    }

    @Override
    public double getEdgeWeight(Link e) {
        return DEFAULT_EDGE_WEIGHT;
    }

    @Override
    public Supplier<Node> getVertexSupplier() {
        return null;
    }

    @Override
    public Supplier<Link> getEdgeSupplier() {
        return null;
    }

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("the cluster graph is immutable — build a new one from a ClusterSpec");
    }

    @Override
    public void setEdgeWeight(Link e, double weight) {
        throw immutable();
    }

    @Override
    public Link addEdge(Node u, Node v) {
        throw immutable();
    }

    @Override
    public boolean addEdge(Node u, Node v, Link e) {
        throw immutable();
    }

    @Override
    public Node addVertex() {
        throw immutable();
    }

    @Override
    public boolean addVertex(Node v) {
        throw immutable();
    }

    @Override
    public Link removeEdge(Node u, Node v) {
        throw immutable();
    }

    @Override
    public boolean removeEdge(Link e) {
        throw immutable();
    }

    @Override
    public boolean removeVertex(Node v) {
        throw immutable();
    }

    @Override
    public boolean removeAllEdges(Collection<? extends Link> edges) {
        throw immutable();
    }

    @Override
    public Set<Link> removeAllEdges(Node u, Node v) {
        throw immutable();
    }

    @Override
    public boolean removeAllVertices(Collection<? extends Node> vertices) {
        throw immutable();
    }

    /** An unmodifiable set over an array, iterated in array order; subclasses give {@code contains}. */
    private abstract static class ArraySet<T> extends AbstractSet<T> {
        private final T[] items;

        ArraySet(T[] items) {
            this.items = items;
        }

        @Override
        public Iterator<T> iterator() {
            return Collections.unmodifiableList(Arrays.asList(items)).iterator();
        }

        @Override
        public int size() {
            return items.length;
        }

        @Override
        public abstract boolean contains(Object o);
    }

    /** The edges of one vertex, in id order. */
    private final class IncidentSet extends AbstractSet<Link> {
        private final Node v;

        IncidentSet(Node v) {
            this.v = v;
        }

        @Override
        public Iterator<Link> iterator() {
            return new Iterator<>() {
                private int i = offsets[v.id()];

                @Override
                public boolean hasNext() {
                    return i < offsets[v.id() + 1];
                }

                @Override
                public Link next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return links[incident[i++]];
                }
            };
        }

        @Override
        public int size() {
            return offsets[v.id() + 1] - offsets[v.id()];
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof Link e && containsEdge(e) && (e.source().id() == v.id() || e.target().id() == v.id());
        }
    }
}
