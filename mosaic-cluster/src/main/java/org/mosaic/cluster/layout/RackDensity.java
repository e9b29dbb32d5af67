package org.mosaic.cluster.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mosaic.cluster.fleet.FleetAssignment;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.FleetMetrics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.cluster.topology.ClusterTopology;
import org.mosaic.cluster.topology.Link;
import org.mosaic.cluster.topology.ScaleUpDomainSpec;

/**
 * One scale-up domain as a dense rack vs spread over several racks: kW per rack, the scale-up links' technology
 * and power, and cables per rack. The options: the dense layout under {@value Policy#TODAY} (copper where it
 * reaches), and the spread layout under {@value Policy#TODAY}, {@value Policy#MOSAIC} and
 * {@value Policy#ALL_OPTICAL_LASER}. Only the domain is modelled (no scale-out fabric), so the interconnect power
 * is the scale-up links'. Extra power is against the first option.
 *
 * @param domain  the domain's name
 * @param options in the order above
 */
public record RackDensity(String domain, List<Option> options) {
    public RackDensity {
        options = List.copyOf(options);
    }

    /**
     * One way to build the domain.
     *
     * @param layout                      layout name
     * @param policy                      policy name
     * @param racks                       racks the domain takes
     * @param kwPerRack                   mean kW per rack (equipment, optics not included)
     * @param maxKwPerRack                largest kW of a rack
     * @param scaleUpLinks                topology links (each a cable)
     * @param interRackLinks              of which cross racks
     * @param cablesPerRack               mean over racks of the links with an end in the rack
     * @param maxCableMeters              longest scale-up cable (m)
     * @param linksByTechnology           technology id → generation links
     * @param interconnectPowerWatts      power of the scale-up links (W)
     * @param extraInterconnectPowerWatts against the first option (W)
     * @param linkFailuresPerDay          expected failures per day of the scale-up links
     * @param unservedLinks               generation links nothing can serve
     */
    public record Option(String layout, String policy, int racks, double kwPerRack, double maxKwPerRack, long scaleUpLinks,
                         long interRackLinks, double cablesPerRack, double maxCableMeters, Map<String, Long> linksByTechnology,
                         double interconnectPowerWatts, double extraInterconnectPowerWatts, double linkFailuresPerDay, long unservedLinks) {
    }

    /** Compares the domain in {@code dense} racks with it spread by {@code spread} (its {@code spreadDomains} is set). */
    public static RackDensity compare(ScaleUpDomainSpec domain, LayoutSpec dense, LayoutSpec spread, TechnologyMenu menu) {
        if (domain == null || dense == null || spread == null || menu == null) {
            throw new IllegalArgumentException("a domain, a dense and a spread layout and a menu are required (hint: the nvl72-rack cluster"
                    + " document's domain and layout, and layout.spreadOver(40e3))");
        }
        ClusterTopology topo = ClusterTopology.of(ClusterSpec.scaleUpOnly(domain.gpus(), domain));
        RackLayout d = RackLayout.place(topo, dense);
        RackLayout s = RackLayout.place(topo, spread.withSpreadDomains(true));
        GenerationMap gens = new GenerationMap(menu.generations());
        List<Option> raw = List.of(option(d, Policy.today(), menu, gens), option(s, Policy.today(), menu, gens),
                option(s, Policy.mosaic(), menu, gens), option(s, Policy.allOpticalLaser(), menu, gens));
        double base = raw.get(0).interconnectPowerWatts();
        List<Option> out = new ArrayList<>();
        for (Option o : raw) {
            out.add(new Option(o.layout(), o.policy(), o.racks(), o.kwPerRack(), o.maxKwPerRack(), o.scaleUpLinks(), o.interRackLinks(),
                    o.cablesPerRack(), o.maxCableMeters(), o.linksByTechnology(), o.interconnectPowerWatts(),
                    o.interconnectPowerWatts() - base, o.linkFailuresPerDay(), o.unservedLinks()));
        }
        return new RackDensity(domain.name(), out);
    }

    private static Option option(RackLayout placed, Policy policy, TechnologyMenu menu, GenerationMap gens) {
        CablePlan plan = CablePlan.of(placed, gens);
        double watts = 0;
        double max = 0;
        for (RackLayout.RackSlot r : placed.racks()) {
            watts += r.powerWatts();
            max = Math.max(max, r.powerWatts());
        }
        FleetMetrics m = FleetMetrics.of(FleetAssignment.of(plan.groups(), policy, menu), watts, FleetEconomics.defaults());
        int racks = placed.racks().size();
        long[] perRack = new long[racks];
        long links = 0;
        long inter = 0;
        for (Link e : placed.topology().graph().links()) {
            int ra = placed.rackOf(e.source());
            int rb = placed.rackOf(e.target());
            perRack[ra] += e.links();
            links += e.links();
            if (rb != ra) {
                perRack[rb] += e.links();
                inter += e.links();
            }
        }
        long sum = 0;
        for (long c : perRack) {
            sum += c;
        }
        double maxCable = plan.tiers().stream().mapToDouble(CablePlan.TierLengths::maxMeters).max().orElse(0);
        return new Option(placed.spec().name(), policy.name(), racks, watts / racks / 1e3, max / 1e3, links, inter, (double) sum / racks,
                maxCable, m.linksByTechnology(), m.interconnectPowerWatts(), 0, m.linkFailuresPerDay(),
                m.unservedLinks());
    }
}
