package org.mosaic.cluster.topology;

import java.util.EnumMap;
import java.util.Map;

/**
 * Closed-form sizes of a cluster (no graph needed): switches per tier and links per tier. The builder makes
 * exactly this; the tests check the built graph against it and against the textbook full-fabric forms.
 *
 * <p><b>Full fabrics</b> (Al-Fares fat tree; 65,536 endpoints and 5,120 switches for k = 64 as in [network-cost-sheet]; [al-fares-2008], [superpod-rail]): radix k, leaf down/up ports d/u
 * ({@link FabricSpec#leafDownPorts()}, 1:1 → d = u = k/2):
 * <ul>
 *   <li>1 tier: one switch, k endpoints.</li>
 *   <li>2 tiers: k leaves, u spines → k·d endpoints (1:1: k²/2 endpoints, 3k/2 switches, 2 links per
 *       endpoint).</li>
 *   <li>3 tiers: k pods of k/2 leaves and u aggregation switches, u·k/2 cores → k·(k/2)·d endpoints (1:1: k³/4
 *       endpoints, 5k²/4 switches, 3 links per endpoint).</li>
 * </ul>
 *
 * <p><b>Partial fabrics</b> (fewer GPUs than the maximum; "build only what is needed"): leaves L = ⌈E/d⌉ for a fat
 * tree (E = GPUs × NICs per GPU) or ⌈domains/d⌉ × rails for a rail-optimized fabric; the last leaf or rail group is
 * partly filled (a last rail group holding only a partial domain has leaves only for the rails its GPUs use). Every tier above the leaf keeps one uplink per downlink (non-blocking above the leaf) and uses as
 * few switches as that allows while keeping every lower switch evenly spread over them:
 * <ul>
 *   <li>2 tiers: S spines, S the smallest divisor of u with S·k ≥ L·u; each leaf has u/S parallel links to every
 *       spine.</li>
 *   <li>3 tiers: P = ⌈L/(k/2)⌉ pods (the last one partial); every pod has u aggregation switches, each linked once to
 *       each leaf of its pod; aggregation switch j of every pod connects to core plane j of C cores, C the smallest
 *       divisor of k/2 with 2C ≥ P; its uplinks (as many as its pod's leaves) go round-robin over the plane.</li>
 *   <li>A tier that would join a single switch below it is left out: one leaf has no spine; one pod has no
 *       cores.</li>
 * </ul>
 * With L at its maximum these give the full-fabric forms exactly. This packing is one valid choice, not the only
 * one (operators may keep all cores for growth); it reproduces the 320 switches of a public 512-node (4,096-GPU)
 * 3-tier rail-optimized example ([al-fares-2008], [superpod-rail], (secondary)).
 *
 * @param gpus               GPUs
 * @param domains            scale-up domains (last possibly partial)
 * @param endpoints          NIC ports (GPUs × NICs per GPU; 0 without a fabric)
 * @param leafDownPorts      d
 * @param leafUpPorts        u
 * @param leaves             leaf switches
 * @param pods               pods (3 tiers; 1 with 2 tiers or 1 tier; 0 without fabric)
 * @param spines             spine (2 tiers) or aggregation (3 tiers) switches
 * @param coresPerPlane      C (3 tiers)
 * @param cores              core switches
 * @param scaleUpSwitchTrays scale-up switch trays
 * @param scaleUpLinks       GPU–chip scale-up links
 * @param accessLinks        NIC–leaf links
 * @param leafSpineLinks     leaf–spine links
 * @param spineCoreLinks     aggregation–core links
 */
public record TopologySizing(int gpus, int domains, long endpoints, int leafDownPorts, int leafUpPorts, int leaves,
                             int pods, int spines, int coresPerPlane, int cores, long scaleUpSwitchTrays,
                             long scaleUpLinks, long accessLinks, long leafSpineLinks, long spineCoreLinks) {

    /** The sizes of {@code spec}. */
    public static TopologySizing of(ClusterSpec spec) {
        ScaleUpDomainSpec dom = spec.domain();
        int n = spec.gpus();
        int domains = spec.domains();
        long trays = (long) domains * dom.switchTrays();
        long scaleUpLinks = (long) n * dom.linksPerGpu();
        FabricSpec f = spec.fabric();
        if (f == null) {
            return new TopologySizing(n, domains, 0, 0, 0, 0, 0, 0, 0, 0, trays, scaleUpLinks, 0, 0, 0);
        }
        int k = f.radix();
        int d = f.leafDownPorts();
        int u = f.leafUpPorts();
        long e = (long) n * f.nicsPerGpu();
        long leavesL;
        if (f.kind() == FabricKind.RAIL_OPTIMIZED) {
            long rails = rails(dom, f);
            long groups = ceilDiv(domains, d);
            long lastGroupDomains = domains - (groups - 1) * d;
            long lastDomainGpus = n - (long) (domains - 1) * dom.gpus();
            // a last group holding only a partial domain needs only the rails of the GPUs it has
            long lastRails = lastGroupDomains == 1 ? lastDomainGpus * f.nicsPerGpu() : rails;
            leavesL = (groups - 1) * rails + lastRails;
        } else {
            leavesL = ceilDiv(e, d);
        }
        int leaves = Math.toIntExact(leavesL);
        int pods;
        int spines;
        int planeC = 0;
        int cores = 0;
        switch (f.tiers()) {
            case 1 -> {
                pods = 1;
                spines = 0;
            }
            case 2 -> {
                pods = 1;
                spines = leaves >= 2 ? smallestDivisorAtLeast(u, ceilDiv((long) leaves * u, k)) : 0;
            }
            default -> {
                pods = Math.toIntExact(ceilDiv(leaves, k / 2));
                spines = leaves >= 2 ? pods * u : 0;
                if (pods >= 2) {
                    planeC = smallestDivisorAtLeast(k / 2, ceilDiv(pods, 2));
                    cores = u * planeC;
                }
            }
        }
        long leafSpine = spines > 0 ? (long) leaves * u : 0;
        long spineCore = cores > 0 ? (long) leaves * u : 0;
        return new TopologySizing(n, domains, e, d, u, leaves, pods, spines, planeC, cores, trays, scaleUpLinks, e,
                leafSpine, spineCore);
    }

    /** Rails of a rail-optimized fabric: NIC positions per domain. */
    public static long rails(ScaleUpDomainSpec domain, FabricSpec fabric) {
        return (long) domain.gpus() * fabric.nicsPerGpu();
    }

    /** Most leaves the fabric can join: 1, k or k·k/2 for 1, 2, 3 tiers. */
    public static long maxLeaves(FabricSpec f) {
        long k = f.radix();
        return switch (f.tiers()) {
            case 1 -> 1;
            case 2 -> k;
            default -> k * (k / 2);
        };
    }

    /** Most endpoints (NIC ports) of the full fat tree: max leaves × d (1:1: k, k²/2, k³/4). */
    public static long maxEndpoints(FabricSpec f) {
        return maxLeaves(f) * f.leafDownPorts();
    }

    /** Most GPUs the fabric holds with these domains (rail-optimized: whole rail groups only). */
    public static long maxGpus(ScaleUpDomainSpec domain, FabricSpec f) {
        if (f.kind() == FabricKind.RAIL_OPTIMIZED) {
            long groups = maxLeaves(f) / rails(domain, f);
            return groups * f.leafDownPorts() * domain.gpus();
        }
        return maxEndpoints(f) / f.nicsPerGpu();
    }

    /** Switches of the full non-blocking fat tree: 1, 3k/2 or 5k²/4 ([al-fares-2008], [superpod-rail]). */
    public static long fullFatTreeSwitches(int radix, int tiers) {
        long k = radix;
        return switch (tiers) {
            case 1 -> 1;
            case 2 -> 3 * k / 2;
            case 3 -> 5 * k * k / 4;
            default -> throw new IllegalArgumentException("tiers = " + tiers + " — expected 1, 2 or 3");
        };
    }

    /** The smallest divisor of {@code n} that is at least {@code atLeast} (n itself when none smaller fits). */
    static int smallestDivisorAtLeast(int n, long atLeast) {
        for (int c = (int) Math.max(1, atLeast); c < n; c++) {
            if (n % c == 0) {
                return c;
            }
        }
        return n;
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** All scale-out switches. */
    public long fabricSwitches() {
        return (long) leaves + spines + cores;
    }

    /** Individual links of a tier (parallel links counted one by one). */
    public long links(LinkTier tier) {
        return switch (tier) {
            case SCALE_UP -> scaleUpLinks;
            case LEAF_ACCESS -> accessLinks;
            case LEAF_SPINE -> leafSpineLinks;
            case SPINE_CORE -> spineCoreLinks;
        };
    }

    /** Links of every tier, in tier order. */
    public Map<LinkTier, Long> linksByTier() {
        Map<LinkTier, Long> m = new EnumMap<>(LinkTier.class);
        for (LinkTier t : LinkTier.values()) {
            m.put(t, links(t));
        }
        return m;
    }

    /** Vertices of a kind. */
    public long count(NodeKind kind) {
        return switch (kind) {
            case GPU -> gpus;
            case SCALE_UP_SWITCH -> scaleUpSwitchTrays;
            case LEAF -> leaves;
            case SPINE -> spines;
            case CORE -> cores;
        };
    }
}
