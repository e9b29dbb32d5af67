package org.mosaic.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.cluster.fleet.FleetAssignment;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.FleetMetrics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.layout.GenerationMap;
import org.mosaic.cluster.layout.LayoutSpec;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.cluster.topology.ClusterTopology;

/**
 * The fleet as one pure function: cluster spec + layout + technology policy + menu + economics → a JSON-friendly
 * {@link Result}. Steps: build the topology ({@link ClusterTopology#of}), place it ({@link RackLayout#place}),
 * give every link a cable length and aggregate ({@link CablePlan#of}), give every group a technology
 * ({@link FleetAssignment#of}), and count power, energy, cost and failures ({@link FleetMetrics#of}).
 *
 * <p>IT power besides the interconnect = what the racks hold: GPUs × W per GPU (with their host share) + scale-up
 * trays × W per tray + fabric switches × W per switch (without optics), from the layout's equipment (sources in
 * {@link org.mosaic.cluster.layout.LayoutPresets#provenance()}). The interconnect power (both ends of every served
 * link) is added to it by {@link FleetMetrics}. kW per rack is the mean over GPU racks of what they hold, optics
 * not included.
 */
public final class FleetModel {
    private FleetModel() {
    }

    /**
     * The evaluation of one fleet.
     *
     * @param cluster                      the cluster spec's domain name and size, for reports
     * @param layout                       the layout's name
     * @param policy                       the policy's name
     * @param gpus                         GPUs
     * @param switches                     scale-up trays plus fabric switches
     * @param links                        tier → technology → generation links (as the count rule counts them)
     * @param topologyLinks                tier → topology links (each a cable)
     * @param interconnectPowerWatts       both ends of every served link (W)
     * @param itPowerWatts                 racks' equipment + interconnect (W)
     * @param interconnectShareOfIt        interconnect / IT power
     * @param energyPerYearKwh             facility energy per year (kWh), IT × PUE × 8760 h
     * @param costPerYearUsd               its cost (USD)
     * @param linkFailuresPerDay           expected link failures per day
     * @param meanHoursBetweenLinkFailures 24 / failures per day (null without served links)
     * @param unservedLinks                generation links nothing can serve
     * @param racks                        all racks (GPU, network, spine room)
     * @param gpuRacks                     GPU racks
     * @param kwPerRack                    mean kW per GPU rack
     * @param maxKwPerRack                 largest kW of a GPU rack
     * @param racksPerDomain               racks one scale-up domain spans
     * @param lengthHistograms             per tier: lengths and histogram
     * @param metrics                      the full metrics (groups, technologies, capex, unserved reasons)
     */
    public record Result(String cluster, String layout, String policy, long gpus, long switches, Map<String, Map<String, Long>> links,
                         Map<String, Long> topologyLinks, double interconnectPowerWatts, double itPowerWatts, double interconnectShareOfIt,
                         double energyPerYearKwh, double costPerYearUsd, double linkFailuresPerDay, Double meanHoursBetweenLinkFailures,
                         long unservedLinks, int racks, int gpuRacks, double kwPerRack, double maxKwPerRack, int racksPerDomain,
                         List<CablePlan.TierLengths> lengthHistograms, FleetMetrics metrics) {
    }

    /** Evaluates a fleet (see the class comment). */
    public static Result evaluate(ClusterSpec cluster, LayoutSpec layout, Policy policy, TechnologyMenu menu, FleetEconomics economics) {
        if (cluster == null || layout == null || policy == null || menu == null || economics == null) {
            throw new IllegalArgumentException("a cluster spec, a layout, a policy, a technology menu and the economics are required"
                    + " (hint: LayoutPresets.preset(\"h100-16k\"), Policy.today(), TechnologyMenu.standard(), FleetEconomics.defaults())");
        }
        return evaluate(RackLayout.place(ClusterTopology.of(cluster), layout), policy, menu, economics);
    }

    /** Evaluates a placed cluster under {@code policy} (lets callers compare policies on one placement). */
    public static Result evaluate(RackLayout placed, Policy policy, TechnologyMenu menu, FleetEconomics economics) {
        CablePlan plan = CablePlan.of(placed, new GenerationMap(menu.generations()));
        FleetAssignment assignment = FleetAssignment.of(plan.groups(), policy, menu);
        double rackWatts = 0;
        double gpuRackWatts = 0;
        double maxRack = 0;
        for (RackLayout.RackSlot r : placed.racks()) {
            rackWatts += r.powerWatts();
            if (r.kind() == RackLayout.RackKind.GPU) {
                gpuRackWatts += r.powerWatts();
                maxRack = Math.max(maxRack, r.powerWatts());
            }
        }
        FleetMetrics m = FleetMetrics.of(assignment, rackWatts, economics);
        Map<String, Long> topologyLinks = new LinkedHashMap<>();
        for (CablePlan.TierLengths t : plan.tiers()) {
            topologyLinks.put(t.tier(), t.links());
        }
        ClusterTopology topo = placed.topology();
        ClusterSpec spec = topo.spec();
        return new Result(spec.domain().name() + " x " + spec.gpus() + " GPUs", placed.spec().name(), policy.name(), spec.gpus(),
                topo.switches(), m.linksByTier(), topologyLinks, m.interconnectPowerWatts(), m.itPowerWatts(), m.interconnectShareOfIt(),
                m.energyPerYearKwh(), m.costPerYearUsd(), m.linkFailuresPerDay(), m.meanHoursBetweenLinkFailures(), m.unservedLinks(),
                placed.racks().size(), placed.gpuRacks(), gpuRackWatts / placed.gpuRacks() / 1e3, maxRack / 1e3,
                placed.fit().racksPerDomain(), plan.tiers(), m);
    }
}
