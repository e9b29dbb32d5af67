package org.mosaic.cluster;

import java.util.HashMap;
import java.util.Map;

import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.fleet.TechnologyOption;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.layout.GenerationMap;
import org.mosaic.cluster.layout.LayoutSpec;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.Link;
import org.mosaic.cluster.topology.LinkClass;
import org.mosaic.cluster.topology.LinkTier;

/**
 * The technology the fleet model gives each topology link of a placed cluster under one policy: the policy's pick for the
 * link's generation and tier at its length <em>bin</em> (the bin's upper edge, {@link LayoutSpec.Cabling#bin}), exactly as
 * {@link FleetModel#evaluate} counts it ({@link CablePlan} groups links by tier, generation and bin; {@code FleetAssignment}
 * picks per group). On-board links (an HGX baseboard's NVLink) are {@link FleetModel#ON_BOARD}; a link nothing reaches is
 * {@link FleetFloor#UNSERVED}. The one per-link implementation of that pick: the floor ({@link FleetFloor}) and the topology
 * export ({@code TopologyExport}) both ask it, so neither can disagree with the fleet's own counts. Not thread-safe (one
 * per pass).
 */
public final class LinkTechnologies {
    /** One link's pick. */
    public record Pick(String tier, String generation, double cableMeters, double binMeters, String technology) {
    }

    private final RackLayout placed;
    private final Policy policy;
    private final TechnologyMenu menu;
    private final GenerationMap gens;
    private final LayoutSpec.Cabling cabling;
    private final boolean onBoard;
    /** (link class, bin) → technology id: a 100k-GPU cluster has a few hundred of them. */
    private final Map<LinkClass, Map<Integer, String>> chosen = new HashMap<>();
    private LinkClass lastClass;
    private String lastGeneration;
    private String lastTier;

    private LinkTechnologies(RackLayout placed, Policy policy, TechnologyMenu menu) {
        policy.validate(menu);
        this.placed = placed;
        this.policy = policy;
        this.menu = menu;
        this.gens = new GenerationMap(menu.generations());
        this.cabling = placed.spec().cabling();
        this.onBoard = placed.topology().spec().domain().onBoard();
    }

    /** The picks of {@code policy} choosing from {@code menu} on {@code placed}. */
    public static LinkTechnologies of(RackLayout placed, Policy policy, TechnologyMenu menu) {
        return new LinkTechnologies(placed, policy, menu);
    }

    /** The tier, generation, cable length, bin length and technology of {@code link}. */
    public Pick pick(Link link) {
        LinkClass cls = link.linkClass();
        if (cls != lastClass) {   // links of one class come in runs
            lastClass = cls;
            lastGeneration = gens.generationOf(cls).name();
            lastTier = CablePlan.tierName(cls.tier());
        }
        String gen = lastGeneration;
        String tier = lastTier;
        double meters = placed.cableMeters(link.source(), link.target());
        int bin = cabling.bin(meters);
        double upTo = bin * cabling.binMeters();
        String tech;
        if (onBoard && cls.tier() == LinkTier.SCALE_UP) {
            tech = FleetModel.ON_BOARD;
        } else {
            tech = chosen.computeIfAbsent(cls, c -> new HashMap<>()).computeIfAbsent(bin, b -> policy.choose(tier, upTo, menu.options(gen))
                    .map(TechnologyOption::id).orElse(FleetFloor.UNSERVED));
        }
        return new Pick(tier, gen, meters, upTo, tech);
    }
}
