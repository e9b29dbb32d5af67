package org.mosaic.cluster.topology;

import java.util.Arrays;

/**
 * Builds the graph of a {@link ClusterSpec} exactly as {@link TopologySizing} sizes it. Deterministic: vertices in
 * kind order (GPUs domain by domain, scale-up trays domain by domain, leaves, spines pod by pod, cores plane by
 * plane) and edges in the order scale-up, access, leaf–spine, spine–core, each loop in index order.
 *
 * <p>Wiring:
 * <ul>
 *   <li>Scale-up: each GPU to each tray of its domain that holds one of its chips, with that many links
 *       ({@link ScaleUpDomainSpec#linksToTray}).</li>
 *   <li>Access: fat tree — NIC port e (GPU-major) to leaf ⌊e/d⌋; rail-optimized — NIC position r of domain m to leaf
 *       ⌊m/d⌋·rails + r. A GPU's NICs on the same leaf are one edge.</li>
 *   <li>2 tiers: every leaf to every one of S spines with u/S links.</li>
 *   <li>3 tiers: leaf l (pod ⌊l/(k/2)⌋) to each of its pod's u aggregation switches with one link; aggregation
 *       switch j of pod p sends its L_p uplinks round-robin to the C cores of plane j (core j·C + c gets
 *       ⌈(L_p − c)/C⌉ of them).</li>
 * </ul>
 */
public final class TopologyBuilder {
    private TopologyBuilder() {
    }

    /** The topology of {@code spec}. */
    public static ClusterTopology build(ClusterSpec spec) {
        TopologySizing s = TopologySizing.of(spec);
        ScaleUpDomainSpec dom = spec.domain();
        FabricSpec f = spec.fabric();
        long vertices = s.gpus() + s.scaleUpSwitchTrays() + s.fabricSwitches();
        Node[] nodes = new Node[Math.toIntExact(vertices)];
        int id = 0;
        int g = dom.gpus();
        for (int i = 0; i < s.gpus(); i++, id++) {
            nodes[id] = new Node(id, NodeKind.GPU, i / g, i % g);
        }
        int trayStart = id;
        for (int m = 0; m < s.domains(); m++) {
            for (int t = 0; t < dom.switchTrays(); t++, id++) {
                nodes[id] = new Node(id, NodeKind.SCALE_UP_SWITCH, m, t);
            }
        }
        int leafStart = id;
        int spineStart = leafStart + s.leaves();
        int coreStart = spineStart + s.spines();
        int half = f == null ? 1 : f.radix() / 2;
        boolean threeTier = f != null && f.tiers() == 3;
        for (int l = 0; l < s.leaves(); l++, id++) {
            nodes[id] = new Node(id, NodeKind.LEAF, threeTier ? l / half : 0, l);
        }
        int u = s.leafUpPorts();
        for (int a = 0; a < s.spines(); a++, id++) {
            nodes[id] = new Node(id, NodeKind.SPINE, threeTier ? a / u : 0, a);
        }
        for (int c = 0; c < s.cores(); c++, id++) {
            nodes[id] = new Node(id, NodeKind.CORE, c / s.coresPerPlane(), c);
        }

        LinkList out = new LinkList(nodes);
        if (dom.switchTrays() > 0) {
            LinkClass cls = new LinkClass(LinkTier.SCALE_UP, dom.lanesPerLink(), dom.laneRateBitsPerSecond());
            int[] perTray = new int[dom.switchTrays()];
            for (int t = 0; t < perTray.length; t++) {
                perTray[t] = dom.linksToTray(t);
            }
            for (int i = 0; i < s.gpus(); i++) {
                int trayBase = trayStart + (i / g) * perTray.length;
                for (int t = 0; t < perTray.length; t++) {
                    if (perTray[t] > 0) {
                        out.add(i, trayBase + t, cls, perTray[t]);
                    }
                }
            }
        }
        if (f != null) {
            wireFabric(s, dom, f, leafStart, spineStart, coreStart, out);
        }
        return new ClusterTopology(spec, s, new ClusterGraph(nodes, out.toArray()));
    }

    private static void wireFabric(TopologySizing s, ScaleUpDomainSpec dom, FabricSpec f, int leafStart,
                                   int spineStart, int coreStart, LinkList out) {
        int d = s.leafDownPorts();
        int u = s.leafUpPorts();
        int nics = f.nicsPerGpu();
        int g = dom.gpus();
        long rails = TopologySizing.rails(dom, f);
        LinkClass access = new LinkClass(LinkTier.LEAF_ACCESS, f.lanesPerPort(), f.laneRateBitsPerSecond());
        for (int i = 0; i < s.gpus(); i++) {
            int prevLeaf = -1;
            int count = 0;
            for (int n = 0; n < nics; n++) {
                long leaf;
                if (f.kind() == FabricKind.RAIL_OPTIMIZED) {
                    long rail = (long) (i % g) * nics + n;
                    leaf = (long) (i / g / d) * rails + rail;
                } else {
                    leaf = ((long) i * nics + n) / d;
                }
                if (leaf != prevLeaf && count > 0) {
                    out.add(i, leafStart + prevLeaf, access, count);
                    count = 0;
                }
                prevLeaf = (int) leaf;
                count++;
            }
            out.add(i, leafStart + prevLeaf, access, count);
        }
        if (s.spines() == 0) {
            return;
        }
        LinkClass leafSpine = new LinkClass(LinkTier.LEAF_SPINE, f.lanesPerPort(), f.laneRateBitsPerSecond());
        if (f.tiers() == 2) {
            int perSpine = u / s.spines();
            for (int l = 0; l < s.leaves(); l++) {
                for (int sp = 0; sp < s.spines(); sp++) {
                    out.add(leafStart + l, spineStart + sp, leafSpine, perSpine);
                }
            }
            return;
        }
        int half = f.radix() / 2;
        for (int l = 0; l < s.leaves(); l++) {
            int pod = l / half;
            for (int j = 0; j < u; j++) {
                out.add(leafStart + l, spineStart + pod * u + j, leafSpine, 1);
            }
        }
        if (s.cores() == 0) {
            return;
        }
        LinkClass spineCore = new LinkClass(LinkTier.SPINE_CORE, f.lanesPerPort(), f.laneRateBitsPerSecond());
        int planeC = s.coresPerPlane();
        for (int p = 0; p < s.pods(); p++) {
            int leavesInPod = Math.min(half, s.leaves() - p * half);
            for (int j = 0; j < u; j++) {
                int agg = spineStart + p * u + j;
                for (int c = 0; c < planeC && c < leavesInPod; c++) {
                    int count = (leavesInPod - c + planeC - 1) / planeC;
                    out.add(agg, coreStart + j * planeC + c, spineCore, count);
                }
            }
        }
    }

    /** A growable list of links; ids are assigned in insertion order. */
    private static final class LinkList {
        private final Node[] nodes;
        private Link[] items = new Link[1024];
        private int size;

        LinkList(Node[] nodes) {
            this.nodes = nodes;
        }

        void add(int source, int target, LinkClass cls, int count) {
            if (size == items.length) {
                items = Arrays.copyOf(items, items.length * 2);
            }
            items[size] = new Link(size, nodes[source], nodes[target], cls, count);
            size++;
        }

        Link[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }
}
