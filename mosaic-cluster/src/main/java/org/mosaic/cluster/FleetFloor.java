package org.mosaic.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.Link;

/**
 * The floor of a placed fleet under one policy, for a drawing: every rack where {@link RackLayout} put it (room, row,
 * position in the row, GPU or network) and every topology link between racks, grouped by the pair of racks, its tier
 * and the technology the policy gave its cable (the same choice {@link FleetModel#evaluate} counts: the policy's pick for
 * the link's tier and length bin, {@link LinkTechnologies}). Links inside one rack are grouped with the rack as both ends. On-board links (an HGX
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

    /** A key of the rack-pair counts: racks, tier, technology index. */
    private record Pair(int from, int to, int tierOrder, String tier, int tech) {
    }

    public FleetFloor {
        racks = List.copyOf(racks);
        links = List.copyOf(links);
        linksByTechnology = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(linksByTechnology));
    }

    /** The floor of {@code placed} under {@code policy} choosing from {@code menu}. */
    public static FleetFloor of(RackLayout placed, Policy policy, TechnologyMenu menu) {
        LinkTechnologies picks = LinkTechnologies.of(placed, policy, menu);   // the fleet model's pick per link
        Map<Pair, long[]> pairs = new java.util.HashMap<>();
        List<String> techs = new ArrayList<>();
        for (Link e : placed.topology().graph().links()) {
            LinkTechnologies.Pick p = picks.pick(e);
            String tech = p.technology();
            int ti = techs.indexOf(tech);
            if (ti < 0) {
                ti = techs.size();
                techs.add(tech);
            }
            int r1 = placed.rackOf(e.source());
            int r2 = placed.rackOf(e.target());
            pairs.computeIfAbsent(new Pair(Math.min(r1, r2), Math.max(r1, r2), e.tier().ordinal(), p.tier(), ti), x -> new long[1])[0]
                    += e.links();
        }
        List<Pair> order = new ArrayList<>(pairs.keySet());
        order.sort(java.util.Comparator.comparingInt(Pair::from).thenComparingInt(Pair::to).thenComparing(Pair::tier)
                .thenComparing(k -> techs.get(k.tech())));
        List<RackLinks> links = new ArrayList<>(order.size());
        Map<String, Long> byTech = new LinkedHashMap<>();
        for (String t : techs) {
            byTech.put(t, 0L);
        }
        for (Pair k : order) {
            long n = pairs.get(k)[0];
            links.add(new RackLinks(k.from(), k.to(), k.tier(), techs.get(k.tech()), n));
            byTech.merge(techs.get(k.tech()), n, Long::sum);
        }
        return new FleetFloor(policy.name(), placed.hallRows(), placed.spineRoomRows(), placed.spec().floor().racksPerRow(),
                placed.racks(), links, byTech);
    }
}
