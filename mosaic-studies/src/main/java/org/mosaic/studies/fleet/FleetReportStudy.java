package org.mosaic.studies.fleet;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.FleetMetrics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.PolicySavings;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.fleet.TechnologyOption;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.layout.Cooling;
import org.mosaic.cluster.layout.LayoutSpec;
import org.mosaic.cluster.layout.RackDensity;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.ClusterGraph;
import org.mosaic.cluster.topology.ClusterTopology;
import org.mosaic.cluster.topology.Link;
import org.mosaic.cluster.topology.Node;
import org.mosaic.cluster.topology.NodeKind;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.link.baseline.TechnologyKind;
import org.mosaic.studies.In;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.fleet.FleetReport.ClusterFleet;
import org.mosaic.studies.fleet.FleetReport.DrawnCable;
import org.mosaic.studies.fleet.FleetReport.Floor;
import org.mosaic.studies.fleet.FleetReport.PolicyEntry;
import org.mosaic.studies.fleet.FleetReport.RackView;
import org.mosaic.studies.fleet.FleetReport.ReachMark;
import org.mosaic.studies.fleet.FleetReport.ReachShare;
import org.mosaic.studies.fleet.FleetReport.TierReach;
import org.mosaic.studies.fleet.FleetReport.TierTechnology;

/**
 * {@code report-fleet}: the data of the report's fleet section. Each cluster is placed once and evaluated under every
 * named policy on that placement ({@link FleetModel#evaluate}), with the savings against {@value Policy#TODAY}
 * ({@link PolicySavings#between}); then one scale-up domain as a dense rack against spread over lower-power racks
 * ({@link RackDensity#compare}). For the drawings: the cables of the first GPU rack (its GPUs to their leaves, those
 * leaves to their spines, those spines to their cores), each with the technology the floor policy gives its length
 * bin; the candidate technologies' reaches at each tier's generation. Nothing random.
 */
public final class FleetReportStudy implements Study<FleetReportStudy.Input, FleetReport> {
    /** The 16k-GPU cluster of the report (Llama 3 scale). */
    public static final String H100 = "h100-16k";
    /** The 100k-GPU cluster of the report. */
    public static final String CLUSTER_100K = "cluster-100k";
    /** The scale-up domain of the rack density comparison. */
    public static final String RACK = "nvl72-rack";
    /** The spread racks' power budget for the density comparison (W): air-cooled (issue 6's "40 kW" example). */
    public static final double SPREAD_RACK_WATTS = 40e3;
    /**
     * The policy whose technologies colour the cables on the floor drawings: MOSAIC where it replaces laser optics
     * on today's layout (the technology table gives every policy's choice).
     */
    public static final String FLOOR_POLICY = Policy.MOSAIC_BEYOND_COPPER;

    /**
     * The section's inputs.
     *
     * @param clusters        the clusters evaluated under every policy
     * @param rack            the cluster whose scale-up domain is compared dense against spread
     * @param spreadRackWatts the spread racks' power budget (W)
     * @param floorPolicy     the policy whose technologies colour the drawn cables
     */
    public record Input(
            @In(value = "The clusters evaluated under every policy", document = "cluster", defaultValue = H100 + ", " + CLUSTER_100K)
            List<ClusterDocument> clusters,
            @In(value = "The cluster whose scale-up domain is compared as one dense rack against spread over lower-power racks",
                    document = "cluster", defaultValue = RACK) ClusterDocument rack,
            @In(value = "The power budget of the racks the domain is spread over", unit = "W", range = "> 0", defaultValue = "40 kW")
            double spreadRackWatts,
            @In(value = "The policy whose technologies colour the cables drawn on the floor",
                    range = "today|mosaic|mosaic-beyond-copper|all-optical-laser", defaultValue = FLOOR_POLICY) String floorPolicy) {
        public Input {
            if (clusters == null || clusters.isEmpty() || rack == null) {
                throw new UsageException("the fleet report needs at least one cluster and a rack (hint: Input.shipped())");
            }
            clusters = List.copyOf(clusters);
            if (!(spreadRackWatts > 0)) {
                throw new UsageException("spread rack budget " + spreadRackWatts + " W: expected a power above 0 (e.g. 40 kW)");
            }
            if (!Policy.NAMES.contains(floorPolicy)) {
                throw new UsageException("floor policy " + floorPolicy + ": expected one of " + String.join(", ", Policy.NAMES));
            }
        }

        /** What the report evaluates: the shipped 16k and 100k clusters, the NVL72 rack spread over 40 kW racks. */
        public static Input shipped() {
            return new Input(List.of(ClusterDocument.preset(H100), ClusterDocument.preset(CLUSTER_100K)), ClusterDocument.preset(RACK),
                    SPREAD_RACK_WATTS, FLOOR_POLICY);
        }
    }

    @Override
    public String name() {
        return "report-fleet";
    }

    @Override
    public String question() {
        return "What do the shipped clusters' interconnects cost under every policy, and what does spreading a scale-up domain "
                + "over air-cooled racks cost (the report's fleet section)?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<FleetReport> resultType() {
        return FleetReport.class;
    }

    @Override
    public FleetReport run(Input in, Progress progress) {
        progress.task("fleet: technology menu, " + in.clusters().size() + " clusters x " + Policy.NAMES.size() + " policies, rack density",
                2 + (long) in.clusters().size() * (1 + Policy.NAMES.size()));
        TechnologyMenu menu = TechnologyMenu.standard();
        progress.step();
        Map<String, ClusterFleet> fleets = new LinkedHashMap<>();
        for (ClusterDocument p : in.clusters()) {
            fleets.put(p.name(), fleet(p, menu, in.floorPolicy(), progress));
        }
        ClusterDocument rack = in.rack();
        RackDensity density = RackDensity.compare(rack.cluster().domain(), rack.layout(), rack.layout().spreadOver(in.spreadRackWatts()), menu);
        progress.step();
        return new FleetReport(in.clusters().get(0).economics(), fleets, density, provenance(in.spreadRackWatts()), in.spreadRackWatts(),
                Cooling.AIR.maxRackWatts(), in.floorPolicy());
    }

    private static ClusterFleet fleet(ClusterDocument p, TechnologyMenu menu, String floorPolicy, Progress progress) {
        FleetEconomics economics = p.economics();
        RackLayout placed = RackLayout.place(ClusterTopology.of(p.cluster()), p.layout());
        progress.step();
        List<FleetModel.Result> results = new ArrayList<>();
        for (String policy : Policy.NAMES) {
            results.add(FleetModel.evaluate(placed, Policy.named(policy), menu, economics));
            progress.step();
        }
        List<PolicySavings> savings = new ArrayList<>();
        for (FleetModel.Result r : results.subList(1, results.size())) {
            savings.add(PolicySavings.between(results.get(0).metrics(), r.metrics(), economics));
        }
        List<PolicyEntry> entries = new ArrayList<>();
        for (FleetModel.Result r : results) {
            entries.add(new PolicyEntry(r, TierSums.powerWattsByTier(r), TierSums.failuresPerDayByTier(r),
                    r.metrics().linkFailuresPerDayByTechnology(), r.metrics().unservedByTier(), byTierAndTechnology(r)));
        }
        FleetModel.Result today = results.get(0);
        FleetModel.Result onFloor = results.stream().filter(r -> r.policy().equals(floorPolicy)).findFirst().orElseThrow();
        List<TierReach> reaches = new ArrayList<>();
        for (CablePlan.TierLengths t : today.lengthHistograms()) {
            reaches.add(new TierReach(t.tier(), t.generation(), reaches(menu, t.generation()), shares(menu, t)));
        }
        return new ClusterFleet(p.name(), p.description(), today.gpus(), today.switches(), today.racks(), today.gpuRacks(),
                placed.networkRacks(), placed.hallRows(), placed.spineRoomRows(), today.kwPerRack(), today.lengthHistograms(), entries,
                savings, floor(placed, onFloor, menu), reaches);
    }

    /** The served groups of a result summed per (tier, technology), in the order they first appear. */
    static List<TierTechnology> byTierAndTechnology(FleetModel.Result r) {
        Map<List<String>, double[]> sums = new LinkedHashMap<>();
        Map<List<String>, Long> links = new LinkedHashMap<>();
        for (FleetMetrics.GroupRow g : r.metrics().groups()) {
            List<String> key = List.of(g.tier(), g.technology());
            double[] a = sums.computeIfAbsent(key, k -> new double[2]);
            a[0] += g.powerWatts();
            a[1] += g.failuresPerDay();
            links.merge(key, g.count(), Long::sum);
        }
        List<TierTechnology> out = new ArrayList<>();
        sums.forEach((k, a) -> out.add(new TierTechnology(k.get(0), k.get(1), links.get(k), a[0], a[1])));
        return out;
    }

    // ---- reaches ----

    /**
     * The candidate technologies' reaches at a generation: the longest-reaching passive copper (DAC), MOSAIC
     * (pluggable; its co-packaged variant has the same reach), the AOC and each DSP pluggable; those within 0.5 %
     * of each other share one line. LACC, AEC, LPO and CPO are no named policy's choice and are listed in the
     * reach shares instead.
     */
    static List<ReachMark> reaches(TechnologyMenu menu, String generation) {
        List<TechnologyOption> picked = new ArrayList<>();
        TechnologyOption dac = null;
        for (TechnologyOption o : menu.options(generation)) {
            if (o.kind() == TechnologyKind.PASSIVE_COPPER) {
                dac = dac == null || o.reachMeters() > dac.reachMeters() ? o : dac;
            } else if (o.kind() == TechnologyKind.ACTIVE_OPTICAL_CABLE || o.kind() == TechnologyKind.DSP_PLUGGABLE
                    || o.id().equals(TechnologyMenu.MOSAIC_PLUGGABLE)) {
                picked.add(o);
            }
        }
        if (dac != null) {
            picked.add(0, dac);
        }
        picked.sort((a, b) -> Double.compare(a.reachMeters(), b.reachMeters()));
        List<ReachMark> out = new ArrayList<>();
        List<TechnologyOption> same = new ArrayList<>();
        for (TechnologyOption o : picked) {
            if (!same.isEmpty() && o.reachMeters() > same.get(0).reachMeters() * 1.005) {
                out.add(mark(same));
                same = new ArrayList<>();
            }
            same.add(o);
        }
        if (!same.isEmpty()) {
            out.add(mark(same));
        }
        return out;
    }

    private static ReachMark mark(List<TechnologyOption> same) {
        StringBuilder label = new StringBuilder();
        for (TechnologyOption o : same) {
            label.append(label.length() == 0 ? "" : ", ").append(shortName(o));
        }
        label.append(' ').append(reachText(same.get(0).reachMeters()));
        return new ReachMark(label.toString(), same.get(0).reachMeters(), List.copyOf(same));
    }

    /** Every technology at the tier's generation but the co-packaged MOSAIC: the share of the tier's cables it reaches. */
    static List<ReachShare> shares(TechnologyMenu menu, CablePlan.TierLengths t) {
        List<ReachShare> out = new ArrayList<>();
        for (TechnologyOption o : menu.options(t.generation())) {
            if (o.kind() != TechnologyKind.MICROLED || o.id().equals(TechnologyMenu.MOSAIC_PLUGGABLE)) {
                long within = t.bins().stream().filter(b -> o.reaches(b.upToMeters())).mapToLong(CablePlan.Bin::links).sum();
                out.add(new ReachShare(shortName(o), o.reachMeters(), (double) within / t.links()));
            }
        }
        return out;
    }

    /** A reach as a label: 1.4 m, 45.6 m, 500 m, 2 km. */
    static String reachText(double meters) {
        return meters >= 1000 ? f("%s km", Output.number(meters / 1000, 3)) : meters >= 100 ? f("%.0f m", meters) : f("%.1f m", meters);
    }

    /** A short label: DAC, MOSAIC, AOC, SR8, DR8, 2FR4, ... */
    static String shortName(TechnologyOption o) {
        return switch (o.kind()) {
            case PASSIVE_COPPER -> "DAC";
            case MICROLED -> "MOSAIC";
            case ACTIVE_OPTICAL_CABLE -> "AOC";
            case LINEAR_ACTIVE_COPPER -> "LACC";
            case ACTIVE_ELECTRICAL_CABLE -> "AEC";
            case LINEAR_PLUGGABLE_OPTICS -> "LPO";
            case CO_PACKAGED_OPTICS -> "CPO";
            case DSP_PLUGGABLE -> o.id().startsWith("dsp-") ? o.id().substring(4).toUpperCase(Locale.ROOT) : o.id();
        };
    }

    // ---- the floor ----

    private static Floor floor(RackLayout placed, FleetModel.Result r, TechnologyMenu menu) {
        Map<Integer, Set<NodeKind>> switches = switchesByRack(placed);
        List<RackView> racks = new ArrayList<>();
        for (RackLayout.RackSlot s : placed.racks()) {
            racks.add(new RackView(s, switches.getOrDefault(s.id(), EnumSet.noneOf(NodeKind.class))));
        }
        var fabric = placed.topology().spec().fabric();
        return new Floor(r.policy(), placed.spec().rack().powerBudgetWatts(), placed.hallRows(), placed.spineRoomRows(),
                placed.spec().floor().racksPerRow(), fabric == null ? 0 : fabric.tiers(), racks, drawnCables(placed, r, menu));
    }

    /**
     * The cables drawn for a placed cluster: every link of the first GPU rack's GPUs to their leaves, those leaves' links
     * to their spines and those spines' links to their cores, one per (rack pair, tier, technology) — links inside a
     * rack are not drawn. The technology is the one the result's policy gave the link's length bin.
     */
    static List<DrawnCable> drawnCables(RackLayout placed, FleetModel.Result r, TechnologyMenu menu) {
        ClusterGraph g = placed.topology().graph();
        LayoutSpec.Cabling cabling = placed.spec().cabling();
        Map<String, TechnologyOption> techByGroup = new LinkedHashMap<>();
        for (FleetMetrics.GroupRow row : r.metrics().groups()) {
            techByGroup.put(row.tier() + "@" + Math.round(row.lengthMeters() / cabling.binMeters()),
                    menu.option(row.technology(), row.generation()).orElseThrow());
        }
        int rack = placed.racks().stream().filter(s -> s.kind() == RackLayout.RackKind.GPU).findFirst().orElseThrow().id();
        Set<Integer> frontier = new LinkedHashSet<>();
        for (Node v : g.nodes(NodeKind.GPU)) {
            if (placed.rackOf(v) == rack) {
                frontier.add(v.id());
            }
        }
        Map<String, DrawnCable> out = new LinkedHashMap<>();
        for (NodeKind up : List.of(NodeKind.LEAF, NodeKind.SPINE, NodeKind.CORE)) {
            Set<Integer> next = new LinkedHashSet<>();
            for (int id : frontier) {
                Node v = g.node(id);
                for (Link e : g.edgesOf(v)) {
                    Node w = g.opposite(e, v);
                    if (w.kind() != up) {
                        continue;
                    }
                    next.add(w.id());
                    int ra = placed.rackOf(v);
                    int rb = placed.rackOf(w);
                    if (ra == rb) {
                        continue;
                    }
                    String tier = CablePlan.tierName(e.tier());
                    double meters = placed.cableMeters(v, w);
                    int bin = cabling.bin(meters);
                    TechnologyOption t = techByGroup.get(tier + "@" + bin);
                    String key = ra + "-" + rb + "-" + tier + "-" + (t == null ? "unserved" : t.id());
                    out.putIfAbsent(key, new DrawnCable(ra, rb, tier, meters, bin * cabling.binMeters(), t));
                }
            }
            frontier = next;
        }
        return List.copyOf(out.values());
    }

    /** The fabric switch kinds in each network rack, by rack id. */
    static Map<Integer, Set<NodeKind>> switchesByRack(RackLayout placed) {
        Map<Integer, Set<NodeKind>> out = new TreeMap<>();
        ClusterGraph g = placed.topology().graph();
        for (NodeKind k : List.of(NodeKind.LEAF, NodeKind.SPINE, NodeKind.CORE)) {
            for (Node v : g.nodes(k)) {
                out.computeIfAbsent(placed.rackOf(v), x -> EnumSet.noneOf(NodeKind.class)).add(k);
            }
        }
        return out;
    }

    /** The sources of the layouts, topologies and economics the section uses, and of the spread racks' budget. */
    public static List<Provenance> provenance(double spreadRackWatts) {
        List<Provenance> p = new ArrayList<>(ClusterDocument.presetProvenance());
        p.add(new Provenance("report.fleet.spreadRackBudget", f("%.0f kW", spreadRackWatts / 1e3), Confidence.ASSUMED,
                "assumed (Mosaic developers), issue 6",
                "an air-cooled rack budget for spreading a scale-up domain; the issue's example, no measured figure"));
        return p;
    }

    private static String f(String fmt, Object... a) {
        return String.format(Locale.ROOT, fmt, a);
    }
}
