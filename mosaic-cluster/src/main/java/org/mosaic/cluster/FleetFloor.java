package org.mosaic.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.fleet.TechnologyOption;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.layout.GenerationMap;
import org.mosaic.cluster.layout.LayoutSpec;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.Link;
import org.mosaic.cluster.topology.LinkTier;

/**
 * The floor of a placed fleet under one policy, for a drawing: every rack where {@link RackLayout} put it (room, row,
 * position in the row, GPU or network) and every topology link between racks, grouped by the pair of racks, its tier
 * and the technology the policy gave its cable (the same choice {@link FleetModel#evaluate} counts: the policy's pick for
 * the link's tier and length bin). Links inside one rack are grouped with the rack as both ends. On-board links (an HGX
 * baseboard's NVLink) are {@link FleetModel#ON_BOARD}; a link no technology reaches is {@code unserved}.
 *
 * <p>Counts are topology links (one GPU–switch or switch–switch connection), not the generation-equivalent cables of
 * {@link FleetModel.Result#links()}.
 *
 * @param policy        the policy's name
 * @param hallRows      rows of the hall
 * @param spineRoomRows rows of the spine room (0 without one)
 * @param racksPerRow   rack positions per row (the layout's floor)
 * @param racks         every rack, by id
 * @param links         link groups between racks, in (from, to, tier, technology) order
 * @param linksByTechnology technology → topology links, in order of first use
 */
public record FleetFloor(String policy, int hallRows, int spineRoomRows, int racksPerRow, List<RackLayout.RackSlot> racks,
                         List<RackLinks> links, Map<String, Long> linksByTechnology) {

    /** The name of the technology of a link no technology of the policy reaches. */
    public static final String UNSERVED = "unserved";

    /**
     * Links between two racks of one tier and one technology.
     *
     * @param from  the lower rack id
     * @param to    the higher rack id (= from for links inside a rack)
     * @param links topology links
     */
    public record RackLinks(int from, int to, String tier, String technology, long links) {
    }

    public FleetFloor {
        racks = List.copyOf(racks);
        links = List.copyOf(links);
        linksByTechnology = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(linksByTechnology));
    }

    /** The floor of {@code placed} under {@code policy} choosing from {@code menu}. */
    public static FleetFloor of(RackLayout placed, Policy policy, TechnologyMenu menu) {
        policy.validate(menu);
        GenerationMap gens = new GenerationMap(menu.generations());
        boolean onBoard = placed.topology().spec().domain().onBoard();
        String scaleUp = CablePlan.tierName(LinkTier.SCALE_UP);
        Map<String, String> chosen = new java.util.HashMap<>();
        LayoutSpec.Cabling cabling = placed.spec().cabling();
        Map<String, long[]> pairs = new TreeMap<>();
        Map<String, Object[]> pairKeys = new LinkedHashMap<>();
        Map<String, Long> byTech = new LinkedHashMap<>();
        for (Link e : placed.topology().graph().links()) {
            String tier = CablePlan.tierName(e.linkClass().tier());
            String tech;
            if (onBoard && tier.equals(scaleUp)) {
                tech = FleetModel.ON_BOARD;
            } else {
                // the fleet model's choice: the policy's pick for the link's generation, tier and length bin (FleetAssignment)
                String gen = gens.generationOf(e.linkClass()).name();
                double binned = cabling.bin(placed.cableMeters(e.source(), e.target())) * cabling.binMeters();
                tech = chosen.computeIfAbsent(gen + " " + tier + " " + binned, k -> policy.choose(tier, binned, menu.options(gen))
                        .map(TechnologyOption::id).orElse(UNSERVED));
            }
            int r1 = placed.rackOf(e.source());
            int r2 = placed.rackOf(e.target());
            int from = Math.min(r1, r2);
            int to = Math.max(r1, r2);
            String k = String.format(java.util.Locale.ROOT, "%09d %09d %s %s", from, to, tier, tech);
            pairs.computeIfAbsent(k, x -> new long[1])[0] += e.links();
            pairKeys.putIfAbsent(k, new Object[] {from, to, tier, tech});
            byTech.merge(tech, (long) e.links(), Long::sum);
        }
        List<RackLinks> links = new ArrayList<>();
        for (Map.Entry<String, long[]> p : pairs.entrySet()) {
            Object[] k = pairKeys.get(p.getKey());
            links.add(new RackLinks((Integer) k[0], (Integer) k[1], (String) k[2], (String) k[3], p.getValue()[0]));
        }
        return new FleetFloor(policy.name(), placed.hallRows(), placed.spineRoomRows(), placed.spec().floor().racksPerRow(),
                placed.racks(), links, byTech);
    }
}
