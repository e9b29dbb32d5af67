package org.mosaic.cluster.topology;

import org.mosaic.cluster.fleet.ClusterDocument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.traverse.BreadthFirstIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built graph against the closed forms, port budgets, hop bounds and max-flow bisection. Counts are taken from
 * the graph by brute force (walking vertices and edges), independently of {@link TopologySizing}'s arithmetic.
 */
class ClusterGraphTest {

    /** Checks every structural invariant of a built topology. */
    static void checkInvariants(ClusterTopology topo) {
        ClusterSpec spec = topo.spec();
        TopologySizing s = topo.sizing();
        ClusterGraph g = topo.graph();
        // vertex counts by kind, counted on the graph
        Map<NodeKind, Long> kinds = new EnumMap<>(NodeKind.class);
        for (Node v : g.vertexSet()) {
            kinds.merge(v.kind(), 1L, Long::sum);
        }
        for (NodeKind k : NodeKind.values()) {
            assertThat(kinds.getOrDefault(k, 0L)).as("vertices of kind %s", k).isEqualTo(s.count(k));
        }
        assertThat(topo.linksByTier()).isEqualTo(s.linksByTier());
        // simple graph: no two edges join the same pair
        Set<Long> pairs = new HashSet<>();
        for (Link e : g.edgeSet()) {
            long a = Math.min(e.source().id(), e.target().id());
            long b = Math.max(e.source().id(), e.target().id());
            assertThat(pairs.add(a * g.nodeCount() + b)).as("duplicate pair %s", e).isTrue();
            assertThat(g.getEdge(e.target(), e.source())).isEqualTo(e);
        }
        ScaleUpDomainSpec dom = spec.domain();
        FabricSpec f = spec.fabric();
        for (Node v : g.vertexSet()) {
            long up = 0;
            long down = 0;
            for (Link e : g.edgesOf(v)) {
                if (e.source().equals(v)) {
                    up += e.links();
                } else {
                    down += e.links();
                }
            }
            switch (v.kind()) {
                case GPU -> {
                    long scaleUp = g.edgesOf(v).stream().filter(e -> e.tier() == LinkTier.SCALE_UP)
                            .mapToLong(Link::links).sum();
                    assertThat(scaleUp).isEqualTo(dom.linksPerGpu());
                    assertThat(up - scaleUp).isEqualTo(f == null ? 0 : f.nicsPerGpu());
                }
                case SCALE_UP_SWITCH -> assertThat(down)
                        .isLessThanOrEqualTo((long) dom.switchChipsPerTray() * dom.portsPerSwitchChip());
                case LEAF -> {
                    assertThat(down).isLessThanOrEqualTo(f.leafDownPorts());
                    assertThat(up).isLessThanOrEqualTo(f.leafUpPorts());
                    // every leaf has at least one endpoint
                    assertThat(down).isPositive();
                }
                case SPINE -> {
                    assertThat(up + down).isLessThanOrEqualTo(f.radix());
                    // non-blocking above the leaf: uplinks equal downlinks where the tier above exists
                    if (s.cores() > 0) {
                        assertThat(up).isEqualTo(down);
                    } else {
                        assertThat(up).isZero();
                    }
                }
                case CORE -> {
                    assertThat(up).isZero();
                    assertThat(down).isBetween(1L, (long) f.radix());
                }
            }
            assertThat(g.portsUsed(v)).isEqualTo(up + down);
        }
        if (f != null) {
            checkHops(g, f.tiers());
        }
    }

    /**
     * Every leaf reaches every leaf within 2·(tiers−1) hops and every GPU within 2·tiers − 1 hops over fabric links
     * only (BFS from the first, a middle and the last leaf); the whole graph is connected (JGraphT's inspector).
     */
    private static void checkHops(ClusterGraph g, int tiers) {
        assertThat(new ConnectivityInspector<>(g).isConnected()).isTrue();
        List<Node> leaves = g.nodes(NodeKind.LEAF);
        for (Node start : List.of(leaves.get(0), leaves.get(leaves.size() / 2), leaves.get(leaves.size() - 1))) {
            int[] depth = fabricDepths(g, start);
            for (Node v : g.vertexSet()) {
                if (v.kind() == NodeKind.LEAF) {
                    assertThat(depth[v.id()]).as("hops %s→%s", start, v).isBetween(0, 2 * (tiers - 1));
                } else if (v.kind() == NodeKind.GPU) {
                    assertThat(depth[v.id()]).as("hops %s→%s", start, v).isBetween(1, 2 * tiers - 1);
                }
            }
        }
    }

    /** Hop counts from {@code start} over non-scale-up links (−1 = unreachable). */
    private static int[] fabricDepths(ClusterGraph g, Node start) {
        int[] depth = new int[g.nodeCount()];
        Arrays.fill(depth, -1);
        ArrayDeque<Node> queue = new ArrayDeque<>();
        depth[start.id()] = 0;
        queue.add(start);
        while (!queue.isEmpty()) {
            Node v = queue.poll();
            for (Link e : g.edgesOf(v)) {
                Node w = g.opposite(e, v);
                if (e.tier() != LinkTier.SCALE_UP && depth[w.id()] < 0) {
                    depth[w.id()] = depth[v.id()] + 1;
                    queue.add(w);
                }
            }
        }
        return depth;
    }

    private static int hops(AsSubgraph<Node, Link> sub, Node a, Node b) {
        BreadthFirstIterator<Node, Link> bfs = new BreadthFirstIterator<>(sub, a);
        while (bfs.hasNext()) {
            Node v = bfs.next();
            if (v.equals(b)) {
                return bfs.getDepth(v);
            }
        }
        return Integer.MAX_VALUE;
    }

    @Provide
    Arbitrary<ClusterSpec> clusters() {
        Arbitrary<ScaleUpDomainSpec> domains = Arbitraries.of(ScaleUpDomainSpec.single(), ClusterDocument.preset("h100-16k").cluster().domain(),
                new ScaleUpDomainSpec("toy", 4, 6, 1, 1e11, 2, 2, 8));
        Arbitrary<Integer> radix = Arbitraries.of(2, 4, 6, 8, 10, 12, 16);
        Arbitrary<Integer> tiers = Arbitraries.integers().between(1, 3);
        Arbitrary<Double> over = Arbitraries.of(1.0, 1.5, 2.0, 3.0, 7.0);
        Arbitrary<Integer> nics = Arbitraries.integers().between(1, 3);
        Arbitrary<FabricKind> kinds = Arbitraries.of(FabricKind.class);
        Arbitrary<Double> fill = Arbitraries.doubles().between(0, 1);
        return Combinators.combine(domains, radix, tiers, over, nics, kinds, fill).as((d, k, t, r, n, kind, x) -> {
            FabricKind kd = t == 1 ? FabricKind.FAT_TREE : kind;
            FabricSpec f = new FabricSpec(kd, k, t, t == 1 ? 1 : r, n, 4e11, 4);
            long max = TopologySizing.maxGpus(d, f);
            if (max < 1) {
                return null;
            }
            int gpus = (int) Math.max(1, Math.round(x * max));
            return new ClusterSpec(gpus, d, f);
        }).filter(c -> c != null);
    }

    /** Random small clusters (full and partial, every fabric kind, 1–3 tiers, 1–3 NICs): all invariants hold. */
    @Property(tries = 300, seed = "20261122")
    void builtGraphMatchesClosedFormsAndBudgets(@ForAll("clusters") ClusterSpec spec) {
        checkInvariants(ClusterTopology.of(spec));
    }

    @ParameterizedTest(name = "k={0} tiers={1} r={2} gpus={3}")
    @CsvSource({
        "64, 2, 1, 2048",    // full 2-tier: 96 switches
        "64, 3, 1, 65536",   // full 3-tier: 5,120 switches ([al-fares-2008], [superpod-rail])
        "64, 2, 3, 3072",
        "16, 3, 7, 1000",
        "8, 3, 1, 100",
    })
    void fullAndPartialFabricsKeepTheirInvariants(int k, int tiers, double r, int gpus) {
        ClusterTopology topo = ClusterTopology.of(new ClusterSpec(gpus, ScaleUpDomainSpec.single(),
                new FabricSpec(FabricKind.FAT_TREE, k, tiers, r, 1, 4e11, 4)));
        checkInvariants(topo);
        if (gpus == 65_536) {
            assertThat(topo.switches()).isEqualTo(5_120);
        }
        if (gpus == 2_048) {
            assertThat(topo.switches()).isEqualTo(96);
        }
    }

    /**
     * Max flow between the GPUs of the first half of the leaves and the rest, every link of unit capacity: a
     * non-blocking fabric carries min(left, right) GPUs' worth; an r:1 leaf limits it to the left leaves' uplinks.
     */
    @ParameterizedTest(name = "k={0} tiers={1} r={2} gpus={3}")
    @CsvSource({"8, 2, 1, 32", "8, 3, 1, 128", "8, 3, 1, 100", "8, 3, 3, 96", "12, 3, 2, 300", "16, 2, 3, 120"})
    void bisectionByMaxFlow(int k, int tiers, double r, int gpus) {
        FabricSpec f = new FabricSpec(FabricKind.FAT_TREE, k, tiers, r, 1, 4e11, 4);
        ClusterTopology topo = ClusterTopology.of(new ClusterSpec(gpus, ScaleUpDomainSpec.single(), f));
        ClusterGraph g = topo.graph();
        int n = g.nodeCount();
        SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> net = new SimpleDirectedWeightedGraph<>(
                DefaultWeightedEdge.class);
        for (int i = 0; i < n + 2; i++) {
            net.addVertex(i);
        }
        for (Link e : g.edgeSet()) {
            net.setEdgeWeight(net.addEdge(e.source().id(), e.target().id()), e.links());
            net.setEdgeWeight(net.addEdge(e.target().id(), e.source().id()), e.links());
        }
        List<Node> leaves = g.nodes(NodeKind.LEAF);
        int leftLeaves = leaves.size() / 2;
        long left = 0;
        long right = 0;
        for (Node gpu : g.nodes(NodeKind.GPU)) {
            Node leaf = g.edgesOf(gpu).iterator().next().target();
            boolean isLeft = leaf.index() < leftLeaves;
            if (isLeft) {
                net.setEdgeWeight(net.addEdge(n, gpu.id()), 1);
                left++;
            } else {
                net.setEdgeWeight(net.addEdge(gpu.id(), n + 1), 1);
                right++;
            }
        }
        double flow = new EdmondsKarpMFImpl<>(net).getMaximumFlowValue(n, n + 1);
        double expected = Math.min(Math.min(left, right), (double) leftLeaves * f.leafUpPorts());
        assertThat(flow).isEqualTo(expected);
        if (r == 1 && gpus % (2 * f.leafDownPorts()) == 0) {
            assertThat(flow).isEqualTo(gpus / 2.0); // full bisection
        }
    }

    @Test
    void railLeavesTakeOneRailOfEveryDomainInTheirGroup() {
        ClusterTopology topo = ClusterTopology.of(new ClusterSpec(512, ClusterDocument.preset("h100-16k").cluster().domain(),
                ClusterDocument.preset("h100-16k").cluster().fabric().withTiers(2).withKind(FabricKind.RAIL_OPTIMIZED, 1)));
        checkInvariants(topo);
        ClusterGraph g = topo.graph();
        for (Node leaf : g.nodes(NodeKind.LEAF)) {
            Set<Integer> rails = new HashSet<>();
            Set<Integer> domains = new HashSet<>();
            for (Link e : g.edgesOf(leaf)) {
                if (e.tier() == LinkTier.LEAF_ACCESS) {
                    rails.add(e.source().index());
                    domains.add(e.source().group());
                }
            }
            assertThat(rails).containsExactly(leaf.index() % 8);
            assertThat(domains).hasSize(32);
        }
    }

    @Test
    void nvl72RackGraph() {
        ClusterTopology topo = ClusterTopology.of(ClusterDocument.preset("nvl72-rack").cluster());
        checkInvariants(topo);
        ClusterGraph g = topo.graph();
        assertThat(g.nodes(NodeKind.GPU)).hasSize(72);
        assertThat(g.nodes(NodeKind.SCALE_UP_SWITCH)).hasSize(9);
        assertThat(g.linkCount()).isEqualTo(72 * 9);
        for (Node tray : g.nodes(NodeKind.SCALE_UP_SWITCH)) {
            assertThat(g.portsUsed(tray)).isEqualTo(144); // 2 chips × 72 ports, all used
        }
        assertThat(topo.linksByTier().get(LinkTier.SCALE_UP)).isEqualTo(1_296);
    }

    @Test
    void partialLastDomainKeepsItsSwitchTrays() {
        ClusterTopology topo = ClusterTopology.of(new ClusterSpec(100, ClusterDocument.preset("nvl72-rack").cluster().domain(),
                ClusterDocument.preset("h100-16k").cluster().fabric().withTiers(2).withKind(FabricKind.FAT_TREE, 1)));
        checkInvariants(topo);
        assertThat(topo.graph().nodes(NodeKind.SCALE_UP_SWITCH)).hasSize(18);
        assertThat(topo.graph().nodes(NodeKind.GPU).get(99).group()).isEqualTo(1);
    }

    @Test
    void buildIsDeterministic() {
        ClusterSpec spec = new ClusterSpec(500, ClusterDocument.preset("h100-16k").cluster().domain(),
                new FabricSpec(FabricKind.RAIL_OPTIMIZED, 16, 3, 3, 2, 4e11, 4));
        ClusterGraph a = ClusterTopology.of(spec).graph();
        ClusterGraph b = ClusterTopology.of(spec).graph();
        assertThat(a.links()).isEqualTo(b.links());
        assertThat(new ArrayList<>(a.vertexSet())).isEqualTo(new ArrayList<>(b.vertexSet()));
        assertThat(a.edgeSet().stream().mapToInt(Link::hashCode).toArray())
                .isEqualTo(b.edgeSet().stream().mapToInt(Link::hashCode).toArray());
        // ids run in order
        int[] ids = a.vertexSet().stream().mapToInt(Node::id).toArray();
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        assertThat(ids).isEqualTo(sorted);
    }

    @Test
    void graphIsImmutableAndAnswersForeignObjects() {
        ClusterGraph g = ClusterTopology.of(ClusterDocument.preset("nvl72-rack").cluster()).graph();
        Node gpu = g.node(0);
        assertThatThrownBy(() -> g.addVertex(gpu)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> g.removeEdge(g.link(0))).isInstanceOf(UnsupportedOperationException.class);
        Node stranger = new Node(5_000, NodeKind.GPU, 0, 0);
        assertThat(g.containsVertex(stranger)).isFalse();
        assertThat(g.vertexSet().contains(stranger)).isFalse();
        assertThat(g.getEdge(gpu, stranger)).isNull();
        assertThat(g.getAllEdges(gpu, stranger)).isNull();
        assertThat(g.getAllEdges(gpu, g.node(1))).isEmpty();
        assertThatThrownBy(() -> g.edgesOf(stranger)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in this graph");
        assertThat(g.edgesOf(gpu)).hasSize(9).allMatch(e -> g.edgesOf(gpu).contains(e));
        assertThat(g.getType().isUndirected()).isTrue();
        assertThat(g.getType().isAllowingMultipleEdges()).isFalse();
    }

    /** The 100k-GPU preset builds and its counts equal the closed forms (no timing assertion; speed is JMH's job). */
    @Test
    void hundredThousandGpuClusterBuilds() {
        ClusterTopology topo = ClusterTopology.of(ClusterDocument.preset("cluster-100k").cluster());
        ClusterGraph g = topo.graph();
        TopologySizing s = topo.sizing();
        assertThat(g.nodes(NodeKind.GPU)).hasSize(100_000);
        assertThat(s.domains()).isEqualTo(1_389); // 1,388 full NVL72 racks + one of 64 GPUs
        assertThat(g.nodes(NodeKind.SCALE_UP_SWITCH)).hasSize(1_389 * 9);
        assertThat(g.nodes(NodeKind.LEAF)).hasSize(1_563);
        assertThat(s.pods()).isEqualTo(25);
        assertThat(g.nodes(NodeKind.SPINE)).hasSize(25 * 64);
        // C = smallest divisor of 64 that is ≥ ⌈25/2⌉ = 13 → 16 cores per plane, 64 planes
        assertThat(g.nodes(NodeKind.CORE)).hasSize(16 * 64);
        assertThat(topo.linksByTier()).isEqualTo(s.linksByTier());
        assertThat(s.scaleUpLinks()).isEqualTo(100_000L * 18);
        long maxCorePorts = g.nodes(NodeKind.CORE).stream().mapToLong(g::portsUsed).max().orElseThrow();
        assertThat(maxCorePorts).isLessThanOrEqualTo(128);
        long maxSpinePorts = g.nodes(NodeKind.SPINE).stream().mapToLong(g::portsUsed).max().orElseThrow();
        assertThat(maxSpinePorts).isEqualTo(128);
        assertThat(new ConnectivityInspector<>(g).isConnected()).isTrue();
    }

    @Test
    void hopHelpersAgreeWithJGraphTBreadthFirstSearch() {
        // the hand BFS used by the invariants against JGraphT's iterator on a fabric without scale-up links
        ClusterGraph g = ClusterTopology.of(new ClusterSpec(100, ScaleUpDomainSpec.single(),
                new FabricSpec(FabricKind.FAT_TREE, 8, 3, 1, 1, 4e11, 4))).graph();
        Node start = g.nodes(NodeKind.GPU).get(0);
        int[] depth = fabricDepths(g, start);
        for (Node v : g.vertexSet()) {
            assertThat(hops(new AsSubgraph<>(g), start, v)).isEqualTo(depth[v.id()]);
        }
        // GPU to GPU in another pod: GPU–leaf–agg–core–agg–leaf–GPU = 6 = 2 × tiers
        assertThat(depth[g.nodes(NodeKind.GPU).get(99).id()]).isEqualTo(6);
        // isolated domains: unreachable
        ClusterGraph racks = ClusterTopology.of(ClusterSpec.scaleUpOnly(144, ClusterDocument.preset("nvl72-rack").cluster().domain())).graph();
        Set<Node> all = new HashSet<>(racks.vertexSet());
        AsSubgraph<Node, Link> sub = new AsSubgraph<>(racks, all);
        assertThat(hops(sub, racks.node(0), racks.node(71))).isEqualTo(2);
        assertThat(hops(sub, racks.node(0), racks.node(72))).isEqualTo(Integer.MAX_VALUE);
        assertThat(new ConnectivityInspector<>(racks).connectedSets()).hasSize(2);
    }
}
