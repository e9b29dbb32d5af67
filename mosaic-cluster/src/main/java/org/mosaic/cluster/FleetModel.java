package org.mosaic.cluster;

import org.mosaic.cluster.fleet.ClusterDocument;
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
 * the cluster documents' provenance, {@link org.mosaic.cluster.fleet.ClusterDocument}). The interconnect power (both ends of every served
 * link) is added to it by {@link FleetMetrics}. kW per rack is the mean over GPU racks of what they hold, optics
 * not included.
 *
 * <p>On-board links: when the scale-up domain sits on one baseboard ({@link org.mosaic.cluster.topology.ScaleUpDomainSpec#onBoard()},
 * HGX), its NVLink are traces on the board, not cables. They are counted ({@link Result#onBoardLinks()}) and keep
 * their lengths in the histograms, but no policy is asked about them: they get no technology, no interconnect power
 * (theirs is in the server's) and no link failures (theirs are in the GPU's), under every policy.
 */
public final class FleetModel {
    /** The "technology" of an on-board link in exports: a trace on the GPU baseboard, not a cable. */
    public static final String ON_BOARD = "on-board-trace";

    private FleetModel() {
    }

    /**
     * The evaluation of one fleet.
     *
     * @param cluster                      what the cluster is, for reports: GPUs, scale-up domains and their size
     * @param layout                       the layout's name
     * @param policy                       the policy's name
     * @param gpus                         GPUs
     * @param switches                     scale-up trays plus fabric switches
     * @param links                        tier → technology → cables (generation-equivalent cables, as the layout's count
     *                                     rule counts them: by default lanes ÷ the generation's lanes, e.g. four 2-lane
     *                                     NVLink links = one 8-lane 1.6T cable)
     * @param topologyLinks                tier → topology links (one GPU–switch or switch–switch connection of its lanes)
     * @param onBoardLinks                 topology links that are traces on a GPU baseboard, not cables (no technology)
     * @param interconnectPowerWatts       both ends of every served link (W)
     * @param itPowerWatts                 racks' equipment + interconnect (W)
     * @param interconnectShareOfIt        interconnect / IT power
     * @param energyPerYearKwh             facility energy per year (kWh), IT × PUE × 8760 h
     * @param costPerYearUsd               its cost (USD)
     * @param linkFailuresPerDay           expected link failures per day
     * @param meanHoursBetweenLinkFailures 24 / failures per day (null without served links)
     * @param unservedLinks                cables (generation-equivalent) nothing can serve
     * @param racks                        all racks (GPU, network, spine room)
     * @param gpuRacks                     GPU racks
     * @param kwPerRack                    mean kW per GPU rack
     * @param maxKwPerRack                 largest kW of a GPU rack
     * @param racksPerDomain               racks one scale-up domain spans
     * @param lengthHistograms             per tier: lengths and histogram
     * @param metrics                      the full metrics (groups, technologies, capex, unserved reasons)
     */
    public record Result(String cluster, String layout, String policy, long gpus, long switches,
                         @com.fasterxml.jackson.annotation.JsonProperty("cablesByTier") Map<String, Map<String, Long>> links,
                         Map<String, Long> topologyLinks, long onBoardLinks, double interconnectPowerWatts, double itPowerWatts, double interconnectShareOfIt,
                         double energyPerYearKwh, double costPerYearUsd, double linkFailuresPerDay, Double meanHoursBetweenLinkFailures,
                         @com.fasterxml.jackson.annotation.JsonProperty("unservedCables") long unservedLinks, int racks, int gpuRacks, double kwPerRack, double maxKwPerRack, int racksPerDomain,
                         List<CablePlan.TierLengths> lengthHistograms, FleetMetrics metrics) {
    }

    /** Evaluates a fleet (see the class comment). */
    public static Result evaluate(ClusterSpec cluster, LayoutSpec layout, Policy policy, TechnologyMenu menu, FleetEconomics economics) {
        if (cluster == null || layout == null || policy == null || menu == null || economics == null) {
            throw new IllegalArgumentException("a cluster spec, a layout, a policy, a technology menu and the economics are required"
                    + " (hint: ClusterDocument.preset(\"h100-16k\").cluster() and .layout(), Policy.today(), TechnologyMenu.standard(), FleetEconomics.defaults())");
        }
        return evaluate(RackLayout.place(ClusterTopology.of(cluster), layout), policy, menu, economics);
    }

    /** Evaluates a placed cluster under {@code policy} (lets callers compare policies on one placement). */
    public static Result evaluate(RackLayout placed, Policy policy, TechnologyMenu menu, FleetEconomics economics) {
        CablePlan plan = CablePlan.of(placed, new GenerationMap(menu.generations()));
        boolean onBoard = placed.topology().spec().domain().onBoard();
        String scaleUp = CablePlan.tierName(org.mosaic.cluster.topology.LinkTier.SCALE_UP);
        List<org.mosaic.cluster.fleet.LinkGroup> cabled = onBoard
                ? plan.groups().stream().filter(g -> !g.tier().equals(scaleUp)).toList() : plan.groups();
        long onBoardLinks = onBoard ? plan.links(scaleUp) : 0;
        FleetAssignment assignment = FleetAssignment.of(cabled, policy, menu);
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
        return new Result(describe(spec), placed.spec().name(), policy.name(), spec.gpus(),
                topo.switches(), m.linksByTier(), topologyLinks, onBoardLinks, m.interconnectPowerWatts(), m.itPowerWatts(), m.interconnectShareOfIt(),
                m.energyPerYearKwh(), m.costPerYearUsd(), m.linkFailuresPerDay(), m.meanHoursBetweenLinkFailures(), m.unservedLinks(),
                placed.racks().size(), placed.gpuRacks(), gpuRackWatts / placed.gpuRacks() / 1e3, maxRack / 1e3,
                placed.fit().racksPerDomain(), plan.tiers(), m);
    }

    /**
     * What a cluster is, in words: "100,000 GPUs in 1,389 NVL72 domains of 72 GPUs (the last one 64)", "72 GPUs in one
     * NVL72 domain", "16,384 GPUs in 2,048 HGX H100 domains of 8 GPUs (on-board NVLink)".
     */
    public static String describe(ClusterSpec spec) {
        int n = spec.domains();
        int per = spec.domain().gpus();
        int last = spec.gpus() - (n - 1) * per;
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "%,d GPU%s in ", spec.gpus(), spec.gpus() == 1 ? "" : "s"));
        sb.append(n == 1 ? "one " + spec.domain().name() + " domain" : String.format(java.util.Locale.ROOT, "%,d %s domains", n, spec.domain().name()));
        if (n > 1 || last != per) {
            sb.append(String.format(java.util.Locale.ROOT, " of %,d GPU%s", per, per == 1 ? "" : "s"));
        }
        if (n > 1 && last != per) {
            sb.append(String.format(java.util.Locale.ROOT, " (the last one %,d)", last));
        } else if (n == 1 && last != per) {
            sb.append(String.format(java.util.Locale.ROOT, " (%,d of them used)", last));
        }
        if (spec.domain().onBoard()) {
            sb.append(" (on-board NVLink)");
        }
        return sb.toString();
    }
}
