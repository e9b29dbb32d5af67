package org.mosaic.cluster.training.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mosaic.cluster.fleet.FleetAssignment;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.FleetMetrics;
import org.mosaic.cluster.fleet.LinkGroup;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.fleet.TechnologyOption;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.layout.CountRule;
import org.mosaic.cluster.layout.GenerationMap;
import org.mosaic.cluster.layout.LayoutSpec;
import org.mosaic.cluster.layout.RackFit;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.ClusterGraph;
import org.mosaic.cluster.topology.LinkClass;
import org.mosaic.cluster.topology.LinkTier;
import org.mosaic.cluster.topology.Node;
import org.mosaic.cluster.topology.NodeKind;
import org.mosaic.cluster.topology.ScaleUpDomainSpec;
import org.mosaic.link.baseline.HostGeneration;
import org.mosaic.link.baseline.TechnologyKind;

/**
 * Decides the scale-up domain a policy allows on a placed preset (rules in {@link TrainingClusters}) and counts the
 * links a multi-rack domain adds. A grown domain is whole GPU racks of the layout (N × GPUs per rack, the last domain
 * possibly partial) joined by a second, non-blocking switch level in the domain's middle rack (index ⌊racks/2⌋, the
 * layout's convention for spread domains): every scale-up tray keeps its GPU links and gets as many uplinks, each a
 * cable from the tray to the tray at the same place in the middle rack (the second-level switches are taken to sit
 * where that rack's trays sit), routed and slacked by the layout ({@link RackLayout#cableMeters}) and rounded up to
 * the layout's length bin.
 */
final class ScaleUpPlanner {
    /** Electrical cables: the policies that pick one of these keep scale-up inside the rack (or board). */
    static final Set<TechnologyKind> COPPER = EnumSet.of(TechnologyKind.PASSIVE_COPPER, TechnologyKind.LINEAR_ACTIVE_COPPER,
            TechnologyKind.ACTIVE_ELECTRICAL_CABLE);
    static final String SCALE_UP = CablePlan.tierName(LinkTier.SCALE_UP);

    private ScaleUpPlanner() {
    }

    /** The links a domain of {@code domainGpus} adds: binned lengths, lanes and links per bin. */
    private record Extra(double longestMeters, long[] lanes, long[] links, long totalLinks) {
    }

    static ScaleUpChoice plan(RackLayout placed, CablePlan.TierLengths scaleUpTier, Policy policy, TechnologyMenu menu,
                              FleetEconomics economics, NetworkAssumptions a) {
        ScaleUpDomainSpec dom = placed.topology().spec().domain();
        int gpus = placed.topology().spec().gpus();
        int base = Math.min(dom.gpus(), gpus);
        if (dom.switchTrays() == 0 || scaleUpTier == null) {
            return fixed(base, base, null, null, 0, 0, ScaleUpChoice.Limit.NO_SCALE_UP,
                    "the preset's scale-up domain is a single GPU without a scale-up switch");
        }
        LayoutSpec.Cabling cabling = placed.spec().cabling();
        HostGeneration gen = new GenerationMap(menu.generations())
                .generationOf(new LinkClass(LinkTier.SCALE_UP, dom.lanesPerLink(), dom.laneRateBitsPerSecond()));
        double inRack = binned(cabling, scaleUpTier.maxMeters());
        Optional<TechnologyOption> pick = policy.choose(SCALE_UP, inRack, menu.options(gen.name()));
        int cap = a.maxScaleUpGpus(dom);
        if (pick.isEmpty()) {
            return fixed(base, cap, gen.name(), null, 0, inRack, ScaleUpChoice.Limit.NO_TECHNOLOGY, String.format(Locale.ROOT,
                    "policy %s has no technology for the %s m in-rack scale-up cables at %s; the preset's %d-GPU domain is kept",
                    policy.name(), m(inRack), gen.name(), base));
        }
        TechnologyOption t = pick.get();
        String tech = String.format(Locale.ROOT, "%s (%s, reach %s m at %s)", t.id(), t.kind().label(), m(t.reachMeters()), gen.name());
        if (COPPER.contains(t.kind())) {
            return fixed(base, cap, gen.name(), t, t.reachMeters(), inRack, ScaleUpChoice.Limit.COPPER, dom.onBoard()
                    ? String.format(Locale.ROOT, "scale-up limited by copper reach: the board's NVLink are on-board traces (kept under"
                            + " every policy) and policy %s would cable scale-up on %s, which cannot join racks, so the domain is the"
                            + " preset's %d GPUs", policy.name(), tech, base)
                    : String.format(Locale.ROOT, "scale-up limited by copper reach: policy %s keeps the in-rack scale-up cables (up to %s m)"
                            + " on %s, which cannot join racks, so the domain is the preset's %d GPUs", policy.name(), m(inRack), tech, base));
        }
        RackFit fit = placed.fit();
        if (fit.racksPerDomain() > 1) {
            return fixed(base, cap, gen.name(), t, t.reachMeters(), inRack, ScaleUpChoice.Limit.PRESET_SPREAD, String.format(Locale.ROOT,
                    "the preset's %d-GPU domain already spreads over %d racks; it is kept", base, fit.racksPerDomain()));
        }
        Racks racks = Racks.of(placed);
        int perRack = fit.domainsPerRack() * dom.gpus();
        int accepted = base;
        Extra acceptedExtra = null;
        ScaleUpChoice.Limit limit;
        String why;
        for (int n = 1; ; n++) {
            long wanted = (long) n * perRack;
            if (wanted > cap) {
                limit = ScaleUpChoice.Limit.SWITCH_SYSTEM;
                why = String.format(Locale.ROOT, "capped at %d GPUs by %s", cap, a.switchSystem(dom));
                break;
            }
            if (accepted == gpus) {
                limit = ScaleUpChoice.Limit.CLUSTER_SIZE;
                why = String.format(Locale.ROOT, "the domain holds the whole cluster of %d GPUs", gpus);
                break;
            }
            int size = (int) Math.min(wanted, gpus);
            if (size <= accepted) {
                continue;
            }
            Extra e = extra(placed, racks, size);
            if (e.longestMeters() > t.reachMeters()) {
                limit = ScaleUpChoice.Limit.TECHNOLOGY_REACH;
                why = String.format(Locale.ROOT, "%d GPUs over %d racks would need a %s m cable, beyond its %s m reach", size,
                        ceilDiv(size, perRack), m(e.longestMeters()), m(t.reachMeters()));
                break;
            }
            accepted = size;
            acceptedExtra = e;
        }
        if (acceptedExtra == null) {
            return fixed(base, cap, gen.name(), t, t.reachMeters(), inRack, limit, String.format(Locale.ROOT,
                    "scale-up on %s stays at the preset's %d GPUs: %s", tech, base, why));
        }
        int spanned = ceilDiv(accepted, perRack);
        String reason = String.format(Locale.ROOT, "scale-up on %s spans %d rack(s), %d GPUs, through a second switch level (longest cable"
                + " %s m)%s: %s", tech, spanned, accepted, m(acceptedExtra.longestMeters()),
                dom.onBoard() ? "; the board's own NVLink stay on-board traces, only the added board-to-switch links are cables" : "", why);
        List<LinkGroup> groups = groups(acceptedExtra, cabling, gen, dom);
        FleetMetrics metrics = FleetMetrics.of(FleetAssignment.of(groups, policy, menu), 0, economics);
        if (metrics.unservedLinks() > 0) {
            // cannot happen: a rule that serves the in-rack length serves any length within the chosen technology's
            // reach (rules only test reach >= length), so every added cable is served
            throw new IllegalStateException("policy " + policy.name() + " leaves " + metrics.unservedLinks()
                    + " added scale-up links unserved within the reach of " + t.id());
        }
        long genLinks = groups.stream().mapToLong(LinkGroup::count).sum();
        return new ScaleUpChoice(base, accepted, spanned, cap, gen.name(), t.id(), t.reachMeters(), inRack, acceptedExtra.longestMeters(),
                limit, reason, acceptedExtra.totalLinks(), genLinks, metrics.linkFailuresPerDay(), metrics.interconnectPowerWatts());
    }

    private static ScaleUpChoice fixed(int base, int cap, String generation, TechnologyOption t, double reach, double inRack,
                                       ScaleUpChoice.Limit limit, String reason) {
        return new ScaleUpChoice(base, base, 1, Math.max(cap, base), generation, t == null ? null : t.id(), reach, inRack, 0, limit, reason,
                0, 0, 0, 0);
    }

    /** GPU racks with their first GPU and their scale-up trays (in vertex order). */
    private record Racks(int[] firstGpu, List<List<Node>> trays) {
        static Racks of(RackLayout placed) {
            ClusterGraph g = placed.topology().graph();
            int n = placed.gpuRacks();
            int[] first = new int[n];
            Arrays.fill(first, Integer.MAX_VALUE);
            for (Node v : g.nodes(NodeKind.GPU)) {
                int r = placed.rackOf(v);
                int index = v.group() * placed.topology().spec().domain().gpus() + v.index();
                first[r] = Math.min(first[r], index);
            }
            List<List<Node>> trays = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                trays.add(new ArrayList<>());
            }
            for (Node v : g.nodes(NodeKind.SCALE_UP_SWITCH)) {
                trays.get(placed.rackOf(v)).add(v);
            }
            return new Racks(first, trays);
        }
    }

    /** The uplinks of every tray of every domain of {@code size} GPUs that holds more than one preset domain. */
    private static Extra extra(RackLayout placed, Racks racks, int size) {
        ClusterGraph g = placed.topology().graph();
        LayoutSpec.Cabling cabling = placed.spec().cabling();
        int baseGpus = placed.topology().spec().domain().gpus();
        int gpus = placed.topology().spec().gpus();
        int lanes = placed.topology().spec().domain().lanesPerLink();
        long[] laneBins = new long[64];
        long[] linkBins = new long[64];
        double longest = 0;
        long total = 0;
        int n = racks.firstGpu().length;
        int start = 0;
        while (start < n) {
            int domain = racks.firstGpu()[start] / size;
            int end = start;
            while (end < n && racks.firstGpu()[end] / size == domain) {
                end++;
            }
            int domainGpus = Math.min(size, gpus - domain * size);
            if (domainGpus > baseGpus) {
                List<Node> middle = racks.trays().get(start + (end - start) / 2);
                for (int r = start; r < end; r++) {
                    List<Node> own = racks.trays().get(r);
                    for (int i = 0; i < own.size(); i++) {
                        Node tray = own.get(i);
                        double meters = placed.cableMeters(tray, middle.get(i % middle.size()));
                        int bin = cabling.bin(meters);
                        if (bin >= laneBins.length) {
                            laneBins = Arrays.copyOf(laneBins, Math.max(bin + 1, 2 * laneBins.length));
                            linkBins = Arrays.copyOf(linkBins, laneBins.length);
                        }
                        long links = g.portsUsed(tray);
                        linkBins[bin] += links;
                        laneBins[bin] += links * lanes;
                        total += links;
                        longest = Math.max(longest, bin * cabling.binMeters());
                    }
                }
            }
            start = end;
        }
        return new Extra(longest, laneBins, linkBins, total);
    }

    /**
     * The added links as link groups of the scale-up generation, one per length bin. Counted as {@link CablePlan}
     * counts: one per topology link, or lane-equivalents rounded so that the total is ⌈Σ lanes / generation lanes⌉
     * (cumulated from the longest bin down).
     */
    private static List<LinkGroup> groups(Extra e, LayoutSpec.Cabling cabling, HostGeneration gen, ScaleUpDomainSpec dom) {
        List<LinkGroup> out = new ArrayList<>();
        long[] count = new long[e.links().length];
        if (cabling.countRule() == CountRule.ONE_PER_LINK) {
            System.arraycopy(e.links(), 0, count, 0, count.length);
        } else {
            long per = gen.lanes();
            long cum = 0;
            for (int b = count.length - 1; b >= 0; b--) {
                long before = (cum + per - 1) / per;
                cum += e.lanes()[b];
                count[b] = (cum + per - 1) / per - before;
            }
        }
        for (int b = 0; b < count.length; b++) {
            if (e.links()[b] > 0) {
                out.add(new LinkGroup(SCALE_UP, gen.name(), b * cabling.binMeters(), count[b]));
            }
        }
        return out;
    }

    static double binned(LayoutSpec.Cabling cabling, double meters) {
        return cabling.bin(meters) * cabling.binMeters();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** A length with up to four significant digits: 45.6, 7.75, 1.433. */
    static String m(double meters) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", meters)).stripTrailingZeros().toPlainString();
    }
}
