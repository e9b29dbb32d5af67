package org.mosaic.cluster.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mosaic.cluster.fleet.LinkGroup;
import org.mosaic.cluster.topology.Link;
import org.mosaic.cluster.topology.LinkClass;
import org.mosaic.cluster.topology.LinkTier;
import org.mosaic.core.parallel.Memo;
import org.mosaic.link.baseline.HostGeneration;

/**
 * Every link of a placed topology given a cable length, and the links aggregated into {@link LinkGroup}s by
 * (tier, generation, length bin) so that a 100k-GPU cluster stays a few hundred groups; plus a length histogram per
 * tier. One pass over the aggregated edges, no per-link objects.
 *
 * <p>A group's length is its bin's upper edge (lengths round UP, {@link LayoutSpec.Cabling#bin}); its count is in
 * generation links by the layout's {@link CountRule}; lane-equivalents are rounded so each tier's total is exact
 * (cumulated from the longest bin down), which can leave a short bin with a group of 0 links (kept: the length exists). The
 * histograms count topology links (each a cable, or a cable pair).
 *
 * @param countRule the rule used
 * @param groups    tier by tier (topology tier order), bins ascending
 * @param tiers     per tier: links, lengths and the histogram
 */
public record CablePlan(CountRule countRule, List<LinkGroup> groups, List<TierLengths> tiers) {
    public CablePlan {
        groups = List.copyOf(groups);
        tiers = List.copyOf(tiers);
    }

    /**
     * One histogram bin.
     *
     * @param upToMeters the bin's upper edge (m); the bin holds lengths in (upTo − bin, upTo]
     * @param links      topology links in it
     */
    public record Bin(double upToMeters, long links) {
    }

    /**
     * The lengths of one tier.
     *
     * @param tier            tier name as in the link groups
     * @param generation      the generation its links run at
     * @param lanesPerLink    lanes per topology link
     * @param links           topology links
     * @param generationLinks the generation links they count as (Σ of the group counts)
     * @param meanMeters      mean cable length before binning (m)
     * @param maxMeters       longest cable before binning (m)
     * @param bins            non-empty bins, ascending
     */
    public record TierLengths(String tier, String generation, int lanesPerLink, long links, long generationLinks, double meanMeters,
                              double maxMeters, List<Bin> bins) {
        public TierLengths {
            bins = List.copyOf(bins);
        }
    }

    /** The tier's name in link groups, policies and JSON: scale-up, gpu-leaf, leaf-spine, spine-core. */
    public static String tierName(LinkTier t) {
        return switch (t) {
            case SCALE_UP -> "scale-up";
            case LEAF_ACCESS -> "gpu-leaf";
            case LEAF_SPINE -> "leaf-spine";
            case SPINE_CORE -> "spine-core";
        };
    }

    /** The cable plan of a placed topology, at the generations of {@code map}. */
    public static CablePlan of(RackLayout layout, GenerationMap map) {
        return PLANS.get(new Key(layout, map), k -> compute(layout, map));
    }

    /**
     * A plan's key: the placement by identity ({@link RackLayout#place} hands out the same one for the same topology
     * and layout spec), the generations by value.
     */
    private record Key(RackLayout layout, GenerationMap map) {
    }

    /** The last plans (immutable; every link of the cluster is walked to make one). */
    private static final Memo<Key, CablePlan> PLANS = new Memo<>(8);

    private static CablePlan compute(RackLayout layout, GenerationMap map) {
        LayoutSpec.Cabling cabling = layout.spec().cabling();
        List<Acc> accs = new ArrayList<>();
        Acc last = null;
        for (Link e : layout.topology().graph().links()) {
            LinkClass c = e.linkClass();
            if (last == null || !last.cls.equals(c)) {
                last = find(accs, c, map);
            }
            double meters = cabling.cableMeters(layout.route(e.source().id(), e.target().id()));
            last.add(cabling.bin(meters), e.links(), meters);
        }
        accs.sort((a, b) -> Integer.compare(a.cls.tier().ordinal(), b.cls.tier().ordinal()));
        List<LinkGroup> groups = new ArrayList<>();
        List<TierLengths> tiers = new ArrayList<>();
        for (Acc a : accs) {
            String tier = tierName(a.cls.tier());
            List<Bin> bins = new ArrayList<>();
            long[] count = counts(a, cabling.countRule());
            long genLinks = 0;
            for (int b = 0; b < a.links.length; b++) {
                if (a.links[b] == 0) {
                    continue;
                }
                double upTo = b * cabling.binMeters();
                bins.add(new Bin(upTo, a.links[b]));
                genLinks += count[b];
                groups.add(new LinkGroup(tier, a.gen.name(), upTo, count[b]));
            }
            tiers.add(new TierLengths(tier, a.gen.name(), a.cls.lanesPerLink(), a.total, genLinks,
                    a.total == 0 ? 0 : a.sumMeters / a.total, a.max, bins));
        }
        return new CablePlan(cabling.countRule(), groups, tiers);
    }

    /**
     * Generation links per bin. {@link CountRule#LANE_EQUIVALENT}: lanes / generation lanes, rounded so that the
     * tier's total is ⌈Σ lanes / generation lanes⌉ exactly: cumulated from the longest bin down, each bin gets
     * ⌈cum. incl. it⌉ − ⌈cum. above it⌉ (within one of its exact share; the longest bin always at least one, so
     * the longest cable is never hidden; a shorter bin can get 0).
     */
    private static long[] counts(Acc a, CountRule rule) {
        long[] out = new long[a.links.length];
        if (rule == CountRule.ONE_PER_LINK) {
            System.arraycopy(a.links, 0, out, 0, out.length);
            return out;
        }
        long per = a.gen.lanes();
        long cum = 0;
        for (int b = out.length - 1; b >= 0; b--) {
            long before = (cum + per - 1) / per;
            cum += a.lanes[b];
            out[b] = (cum + per - 1) / per - before;
        }
        return out;
    }

    private static Acc find(List<Acc> accs, LinkClass c, GenerationMap map) {
        for (Acc a : accs) {
            if (a.cls.equals(c)) {
                return a;
            }
        }
        for (Acc a : accs) {
            if (a.cls.tier() == c.tier()) {
                throw new IllegalArgumentException("tier " + c.tier() + " has two link classes (" + a.cls + ", " + c
                        + ") — expected one lane shape per tier");
            }
        }
        Acc a = new Acc(c, map.generationOf(c));
        accs.add(a);
        return a;
    }

    /** Sums of one tier by bin. */
    private static final class Acc {
        final LinkClass cls;
        final HostGeneration gen;
        long[] links = new long[64];
        long[] lanes = new long[64];
        long total;
        double sumMeters;
        double max;

        Acc(LinkClass cls, HostGeneration gen) {
            this.cls = cls;
            this.gen = gen;
        }

        void add(int bin, int count, double meters) {
            if (bin >= links.length) {
                int n = Math.max(bin + 1, links.length * 2);
                links = Arrays.copyOf(links, n);
                lanes = Arrays.copyOf(lanes, n);
            }
            links[bin] += count;
            lanes[bin] += (long) count * cls.lanesPerLink();
            total += count;
            sumMeters += meters * count;
            max = Math.max(max, meters);
        }
    }

    /** Topology links of a tier (0 when absent). */
    public long links(String tier) {
        return tiers.stream().filter(t -> t.tier().equals(tier)).mapToLong(TierLengths::links).sum();
    }
}
