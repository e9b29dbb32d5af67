package org.mosaic.report;

import org.mosaic.studies.Finding;
import org.mosaic.studies.Finding.Verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.FleetDefaults;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.FleetMetrics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.PolicySavings;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.fleet.TechnologyOption;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.layout.Cooling;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.layout.LayoutSpec;
import org.mosaic.cluster.layout.RackDensity;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.ClusterGraph;
import org.mosaic.cluster.topology.ClusterTopology;
import org.mosaic.cluster.topology.Link;
import org.mosaic.cluster.topology.Node;
import org.mosaic.cluster.topology.NodeKind;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.link.baseline.TechnologyKind;

/**
 * The fleet section: for the {@value #H100} and {@value #CLUSTER_100K} presets of {@code mosaic-cluster}, the floor
 * drawn (racks by row and position, coloured by what they hold and how much of their power budget they use; the
 * cables of one GPU rack up through the fabric, coloured by technology), the cable lengths per tier against each
 * candidate technology's reach, the interconnect power and link failures of every named policy with the savings
 * against {@value Policy#TODAY}; then the NVL72 domain as one dense copper rack against spread over 40 kW racks.
 *
 * <p>Nothing is modelled here: {@link FleetModel#evaluate} gives each policy's numbers on one placement (the same
 * cables for every policy), {@link PolicySavings#between} the savings, {@link RackDensity#compare} the density
 * options. This class only picks what to show: the drawn cables are the real links of the first GPU rack, their
 * leaves' uplinks and those spines' uplinks, each with the technology its length bin gets under the policy;
 * histograms are the model's 0.25 m bins regrouped into {@value #BINS_PER_DECADE} logarithmic bins per decade.
 * The numbers' sources are the cluster documents' provenance ({@link ClusterDocument#presetProvenance()}), listed in
 * the section.
 */
public final class FleetSection implements Section {
    public static final String H100 = "h100-16k";
    public static final String CLUSTER_100K = "cluster-100k";
    /** The spread racks' power budget for the density comparison (W): air-cooled (issue 6's "40 kW" example). */
    public static final double SPREAD_RACK_WATTS = 40e3;
    /** Logarithmic histogram bins per decade of length. */
    public static final int BINS_PER_DECADE = 20;
    /**
     * The policy whose technologies colour the cables on the floor drawings: MOSAIC where it replaces laser optics
     * on today's layout (the technology table gives every policy's choice).
     */
    public static final String FLOOR_POLICY = Policy.MOSAIC_BEYOND_COPPER;
    static final List<String> TIERS = List.of("scale-up", "gpu-leaf", "leaf-spine", "spine-core");

    /**
     * One preset evaluated under every named policy on one placement.
     *
     * @param results  in {@link Policy#NAMES} order
     * @param savings  against {@value Policy#TODAY}, for the other policies in order
     */
    public record Fleet(ClusterDocument preset, RackLayout placed, List<FleetModel.Result> results, List<PolicySavings> savings) {
        public Fleet {
            results = List.copyOf(results);
            savings = List.copyOf(savings);
        }

        public FleetModel.Result result(String policy) {
            return results.stream().filter(r -> r.policy().equals(policy)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no result for policy " + policy + " — expected one of " + Policy.NAMES));
        }

        public String name() {
            return preset.name();
        }
    }

    /**
     * A cable drawn on the floor: a real link between two racks, its tier, cable length and the technology its
     * length bin gets under the policy (null when unserved).
     */
    public record DrawnCable(int rack1, int rack2, String tier, double cableMeters, double binMeters, TechnologyOption technology) {
    }

    private final List<Fleet> fleets;
    private final RackDensity density;
    private final TechnologyMenu menu;
    private final FleetEconomics economics;

    private FleetSection(List<Fleet> fleets, RackDensity density, TechnologyMenu menu, FleetEconomics economics) {
        this.fleets = List.copyOf(fleets);
        this.density = density;
        this.menu = menu;
        this.economics = economics;
    }

    /** Evaluates both presets under every policy and the rack density comparison (about 3 s, mostly the menu). */
    public static FleetSection compute(Progress progress) {
        List<String> names = List.of(H100, CLUSTER_100K);
        progress.task("fleet: technology menu, " + names.size() + " clusters x " + Policy.NAMES.size() + " policies, rack density",
                2 + (long) names.size() * (1 + Policy.NAMES.size()));
        TechnologyMenu menu = TechnologyMenu.standard();
        progress.step();
        List<Fleet> fleets = new ArrayList<>();
        for (String name : names) {
            ClusterDocument p = ClusterDocument.preset(name);
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
            fleets.add(new Fleet(p, placed, results, savings));
        }
        ClusterDocument rack = ClusterDocument.preset("nvl72-rack");
        RackDensity density = RackDensity.compare(rack.cluster().domain(), rack.layout(), rack.layout().spreadOver(SPREAD_RACK_WATTS), menu);
        progress.step();
        return new FleetSection(fleets, density, menu, fleets.get(0).preset().economics());
    }

    public List<Fleet> fleets() {
        return fleets;
    }

    public RackDensity density() {
        return density;
    }

    public Fleet fleet(String name) {
        return fleets.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no fleet " + name + " — expected " + H100 + " or " + CLUSTER_100K));
    }

    @Override
    public String id() {
        return "fleet";
    }

    /** Per cluster and MOSAIC policy, the interconnect power and link failures against today's policy. */
    @Override
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Fleet fl : fleets) {
            for (PolicySavings s : fl.savings()) {
                if (!s.to().startsWith("mosaic")) {
                    continue;
                }
                FleetModel.Result from = fl.result(s.from());
                FleetModel.Result to = fl.result(s.to());
                double power = to.interconnectPowerWatts() / from.interconnectPowerWatts() - 1;
                double failures = to.linkFailuresPerDay() / from.linkFailuresPerDay() - 1;
                String text = f("%s, policy %s against %s: interconnect power %s → %s (%s), link failures per day %s → %s (%s)",
                        fl.name(), s.to(), s.from(), Output.number(from.interconnectPowerWatts() / 1e6, 3) + " MW",
                        Output.number(to.interconnectPowerWatts() / 1e6, 3) + " MW", signedPercent(power),
                        Output.number(from.linkFailuresPerDay(), 3), Output.number(to.linkFailuresPerDay(), 3), signedPercent(failures));
                out.add(new Finding(power <= 0 && failures <= 0 ? Verdict.HOLDS : power > 0 && failures > 0 ? Verdict.FAILS : Verdict.NOTE,
                        text, "fleet-" + fl.name()));
            }
        }
        return out;
    }

    private static String signedPercent(double fraction) {
        return (fraction > 0 ? "+" : fraction < 0 ? "−" : "") + Output.percent(Math.abs(fraction));
    }

    @Override
    public String title() {
        return "The fleet: racks, cable lengths, and what MOSAIC does to power and failures";
    }

    // ---- what the charts show, computed from the model's results ----

    /** Interconnect power (W) of one result's tier, summed over its served groups. */
    static double tierPowerWatts(FleetModel.Result r, String tier) {
        return r.metrics().groups().stream().filter(g -> g.tier().equals(tier)).mapToDouble(FleetMetrics.GroupRow::powerWatts).sum();
    }

    /** Expected link failures per day of one result's tier, summed over its served groups. */
    static double tierFailuresPerDay(FleetModel.Result r, String tier) {
        return r.metrics().groups().stream().filter(g -> g.tier().equals(tier)).mapToDouble(FleetMetrics.GroupRow::failuresPerDay).sum();
    }

    /**
     * The model's length bins regrouped into logarithmic bins of {@code perDecade} per decade: each model bin's
     * links go to the logarithmic bin holding its upper edge (the length the policy sees). Returns
     * {lower edges, upper edges, links}, only non-empty bins, ascending; the links add up to the tier's.
     */
    static double[][] logBins(List<CablePlan.Bin> bins, int perDecade) {
        TreeMap<Integer, Long> byIndex = new TreeMap<>();
        for (CablePlan.Bin b : bins) {
            // the 1e-9 keeps an upper edge that is a power of ten's multiple in the bin it closes
            int k = (int) Math.ceil(Math.log10(b.upToMeters()) * perDecade - 1e-9);
            byIndex.merge(k, b.links(), Long::sum);
        }
        double[][] out = new double[3][byIndex.size()];
        int i = 0;
        for (Map.Entry<Integer, Long> e : byIndex.entrySet()) {
            out[0][i] = Math.pow(10, (e.getKey() - 1.0) / perDecade);
            out[1][i] = Math.pow(10, (double) e.getKey() / perDecade);
            out[2][i] = e.getValue();
            i++;
        }
        return out;
    }

    /** A reach line of the length chart: the technologies that share it and their reach at a generation. */
    public record ReachMark(String label, double meters, List<TechnologyOption> technologies) {
    }

    /**
     * The candidate technologies' reaches at a generation: the longest-reaching passive copper (DAC), MOSAIC
     * (pluggable; its co-packaged variant has the same reach), the AOC and each DSP pluggable; those within 0.5 %
     * of each other share one line. LACC, AEC, LPO and CPO are no named policy's choice and are listed in the
     * reach table instead.
     */
    List<ReachMark> reaches(String generation) {
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

    /**
     * The cables drawn for a fleet: every link of the first GPU rack's GPUs to their leaves, those leaves' links to
     * their spines and those spines' links to their cores, one per (rack pair, tier, technology) — links inside a
     * rack are not drawn. The technology is the one the policy gives the link's length bin.
     */
    List<DrawnCable> drawnCables(Fleet f, String policy) {
        RackLayout placed = f.placed();
        ClusterGraph g = placed.topology().graph();
        FleetModel.Result r = f.result(policy);
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

    // ---- charts ----

    private static final int SPINE_ROOM_GAP = 3;

    JFreeChart floorChart(Fleet f, String policy) {
        RackLayout placed = f.placed();
        double budget = placed.spec().rack().powerBudgetWatts();
        Map<Integer, Set<NodeKind>> switches = switchesByRack(placed);
        String spine = placed.topology().spec().fabric() != null && placed.topology().spec().fabric().tiers() == 3 ? "aggregation" : "spine";
        String[] names = {"GPU rack", "leaf switches", spine + " switches", "core switches", "network rack, other"};
        Color[] colours = {new Color(0x0072B2), new Color(0xE69F00), new Color(0xD55E00), new Color(0xCC79A7), new Color(0x999999)};
        int[] count = new int[names.length];
        double[] minKw = new double[names.length];
        double[] maxKw = new double[names.length];
        java.util.Arrays.fill(minKw, Double.POSITIVE_INFINITY);
        List<FleetCharts.RackCell> cells = new ArrayList<>();
        int hallRows = placed.hallRows();
        int positions = placed.spec().floor().racksPerRow();
        double[] col = new double[placed.racks().size()];
        double[] pos = new double[placed.racks().size()];
        for (RackLayout.RackSlot s : placed.racks()) {
            int cls;
            if (s.kind() == RackLayout.RackKind.GPU) {
                cls = 0;
            } else {
                Set<NodeKind> k = switches.getOrDefault(s.id(), Set.of());
                cls = k.contains(NodeKind.CORE) ? 3 : k.contains(NodeKind.SPINE) ? 2 : k.contains(NodeKind.LEAF) ? 1 : 4;
            }
            count[cls]++;
            minKw[cls] = Math.min(minKw[cls], s.powerWatts() / 1e3);
            maxKw[cls] = Math.max(maxKw[cls], s.powerWatts() / 1e3);
            col[s.id()] = (s.room() == RackLayout.Room.SPINE_ROOM ? hallRows + SPINE_ROOM_GAP : 0) + s.row();
            pos[s.id()] = s.position();
            cells.add(new FleetCharts.RackCell(col[s.id()], pos[s.id()], cls, s.powerWatts() / budget));
        }
        // legend classes: only those present, cells re-indexed
        List<FleetCharts.RackClass> classes = new ArrayList<>();
        int[] index = new int[names.length];
        for (int c = 0; c < names.length; c++) {
            index[c] = -1;
            if (count[c] > 0) {
                index[c] = classes.size();
                String kw = minKw[c] == maxKw[c] ? f("%.1f kW", minKw[c]) : f("%.1f–%.1f kW", minKw[c], maxKw[c]);
                classes.add(new FleetCharts.RackClass(f("%s (%,d racks, %s)", names[c], count[c], kw), colours[c]));
            }
        }
        List<FleetCharts.RackCell> drawn = new ArrayList<>();
        for (FleetCharts.RackCell c : cells) {
            drawn.add(new FleetCharts.RackCell(c.column(), c.position(), index[c.rackClass()], c.budgetFraction()));
        }
        List<FleetCharts.Cable> cables = new ArrayList<>();
        Map<String, Set<String>> techTiers = new LinkedHashMap<>();
        Map<String, Color> techColours = new LinkedHashMap<>();
        int marked = -1;
        for (DrawnCable d : drawnCables(f, policy)) {
            Color c = d.technology() == null ? Color.RED : FleetCharts.technologyColour(d.technology().id(), d.technology().kind());
            cables.add(new FleetCharts.Cable(col[d.rack1()], pos[d.rack1()], col[d.rack2()], pos[d.rack2()], TIERS.indexOf(d.tier()), c));
            String label = d.technology() == null ? "unserved" : d.technology().id();
            techTiers.computeIfAbsent(label, k -> new LinkedHashSet<>()).add(d.tier());
            techColours.putIfAbsent(label, c);
            if (marked < 0 && d.tier().equals("gpu-leaf")) {
                marked = d.rack1();
            }
        }
        List<FleetCharts.CableTechnology> techs = new ArrayList<>();
        techTiers.forEach((t, tiers) -> techs.add(new FleetCharts.CableTechnology(f("%s (%s)", t, String.join(", ", tiers)),
                techColours.get(t))));
        Map<Double, String> blocks = new LinkedHashMap<>();
        blocks.put(0.0, f("hall: %d rows of %d positions", hallRows, positions));
        if (placed.spineRoomRows() > 0) {
            blocks.put((double) hallRows + SPINE_ROOM_GAP, "spine room →");
        }
        double columns = hallRows + (placed.spineRoomRows() > 0 ? SPINE_ROOM_GAP + placed.spineRoomRows() : 0);
        return FleetCharts.floor(drawn, classes, cables, techs, marked, columns, positions, blocks,
                f("%s: %,d racks; the cables of one GPU rack under %s", f.name(), placed.racks().size(), policy));
    }

    JFreeChart lengthChart(Fleet f) {
        List<FleetCharts.TierHistogram> panels = new ArrayList<>();
        Set<String> labelled = new LinkedHashSet<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (CablePlan.TierLengths t : f.results().get(0).lengthHistograms()) {
            double[][] b = logBins(t.bins(), BINS_PER_DECADE);
            List<FleetCharts.Reach> rs = new ArrayList<>();
            for (ReachMark m : reaches(t.generation())) {
                TechnologyOption first = m.technologies().get(0);
                rs.add(new FleetCharts.Reach(m.meters(), m.label(), FleetCharts.technologyColour(first.id(), first.kind()),
                        labelled.add(m.label())));
                max = Math.max(max, m.meters());
            }
            min = Math.min(min, b[0][0]);
            panels.add(new FleetCharts.TierHistogram(f("%s (%s)", t.tier(), t.generation()), b[0], b[1], b[2],
                    FleetCharts.tierColour(Math.max(0, TIERS.indexOf(t.tier()))), rs));
        }
        return FleetCharts.lengths(panels, Math.pow(10, Math.floor(Math.log10(min))), max * 2.5,
                f("%s: cables per length bin, by tier, and the technologies' reach", f.name()));
    }

    JFreeChart policyChart(Fleet f) {
        double[][] power = new double[f.results().size()][TIERS.size()];
        double[][] failures = new double[f.results().size()][TIERS.size()];
        for (int i = 0; i < f.results().size(); i++) {
            for (int t = 0; t < TIERS.size(); t++) {
                power[i][t] = tierPowerWatts(f.results().get(i), TIERS.get(t)) / 1e6;
                failures[i][t] = tierFailuresPerDay(f.results().get(i), TIERS.get(t));
            }
        }
        return FleetCharts.byPolicy(Policy.NAMES, TIERS, power, failures, f("%s: interconnect power and link failures by policy", f.name()));
    }

    JFreeChart densityChart() {
        List<String> labels = new ArrayList<>();
        int n = density.options().size();
        double[] kw = new double[n];
        double[] maxKw = new double[n];
        double[] extra = new double[n];
        double[] cables = new double[n];
        for (int i = 0; i < n; i++) {
            RackDensity.Option o = density.options().get(i);
            labels.add(optionLabel(o));
            kw[i] = o.kwPerRack();
            maxKw[i] = o.maxKwPerRack();
            extra[i] = o.extraInterconnectPowerWatts() / 1e3;
            cables[i] = o.cablesPerRack();
        }
        return FleetCharts.density(labels, kw, maxKw, extra, cables, Cooling.AIR.maxRackWatts() / 1e3,
                f("One %s domain: one dense rack or spread over %.0f kW racks", density.domain(), SPREAD_RACK_WATTS / 1e3));
    }

    private static String optionLabel(RackDensity.Option o) {
        return f("%d rack%s, %s", o.racks(), o.racks() == 1 ? "" : "s", o.policy());
    }

    /** Every chart of the section (for tests and for looking at them as PNG). */
    public List<ChannelSection.Figure> figures() {
        List<ChannelSection.Figure> out = new ArrayList<>();
        for (Fleet fl : fleets) {
            out.add(new ChannelSection.Figure(fl.name() + "-floor", floorChart(fl, FLOOR_POLICY), 1000, 620, floorCaption(fl, FLOOR_POLICY)));
            out.add(new ChannelSection.Figure(fl.name() + "-lengths", lengthChart(fl), 1000, 640, lengthCaption(fl)));
            out.add(new ChannelSection.Figure(fl.name() + "-policies", policyChart(fl), 1000, 380, policyCaption(fl)));
        }
        out.add(new ChannelSection.Figure("rack-density", densityChart(), 1000, 360, densityCaption()));
        return out;
    }

    // ---- HTML ----

    @Override
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<p>A whole cluster, cable by cable: the topology (scale-up domains and a rail-optimized 3-tier fabric) placed in racks "
                + "and rows, every cable's length from its route (up to the overhead tray, along the rows, 50 m to the spine room, "
                + "plus slack), and a technology per link by policy. <b>today</b>: copper where it reaches, laser optics elsewhere; "
                + "<b>mosaic</b>: MOSAIC wherever it reaches, in-rack copper included; <b>mosaic-beyond-copper</b>: copper, else "
                + "MOSAIC, else laser optics; <b>all-optical-laser</b>: laser optics everywhere. Every policy is evaluated on the same "
                + "placement, so the same cables. MOSAIC's figures are our model's (projected: no product yet), the others the "
                + "catalog's (cable section).</p>\n");
        sb.append(summaryTable());
        for (Fleet fl : fleets) {
            sb.append(fleetHtml(fl));
        }
        sb.append("<h3>Rack density: one NVL72 domain</h3>\n");
        sb.append(fig(densityChart(), "fleet-density", 1000, 360, densityCaption()));
        sb.append(densityTable());
        sb.append("<h3>Where the fleet numbers come from</h3>\n");
        sb.append(Html.provenanceTable(provenance()));
        sb.append("<p class=\"note\">Not modelled here: cable and transceiver prices (capex) for most technologies, the scale-out NICs' "
                + "own power, the frontend and storage networks, cable congestion detours. Link failures assume constant hazards "
                + "and independent links.</p>\n");
        return sb.toString();
    }

    private String summaryTable() {
        List<List<String>> rows = new ArrayList<>();
        for (Fleet fl : fleets) {
            for (FleetModel.Result r : fl.results()) {
                rows.add(List.of(fl.name(), r.policy(), f("%,d", r.gpus()), f("%,d", r.switches()), f("%,d", r.racks()),
                        f("%.1f kW", r.kwPerRack()), f("%.3f MW", r.interconnectPowerWatts() / 1e6), Output.percent(r.interconnectShareOfIt()),
                        f("%,.0f MWh", r.energyPerYearKwh() / 1e3), f("$%,.0f", r.costPerYearUsd()), f("%.3g", r.linkFailuresPerDay()),
                        r.meanHoursBetweenLinkFailures() == null ? "n/a" : f("%.3g h", r.meanHoursBetweenLinkFailures()),
                        f("%,d", r.unservedLinks())));
            }
        }
        return Html.table(List.of("cluster", "policy", ">GPUs", ">switches", ">racks", ">kW per GPU rack", ">interconnect",
                ">share of IT", ">facility energy/yr", ">electricity/yr", ">cable failures/day", ">between failures", ">unserved cables"),
                rows, null) + "<p class=\"note\">" + Html.esc(f("Facility energy = IT power × PUE %.2f × 8,760 h; electricity at $%.3f/kWh. "
                + "kW per GPU rack is the equipment (GPUs, trays), optics not included.", economics.pue(), economics.usdPerKwh())) + "</p>\n";
    }

    private String fleetHtml(Fleet fl) {
        StringBuilder sb = new StringBuilder();
        FleetModel.Result today = fl.results().get(0);
        sb.append("<h3 id=\"fleet-").append(Html.esc(fl.name())).append("\">").append(Html.esc(fl.name() + ": " + fl.preset().description()))
                .append("</h3>\n");
        sb.append("<p>").append(Html.esc(f("%s; layout %s: %,d racks (%,d with GPUs at %.1f kW each, %,d network racks), %d hall rows"
                + "%s.", today.cluster(), today.layout(), today.racks(), today.gpuRacks(), today.kwPerRack(), fl.placed().networkRacks(),
                fl.placed().hallRows(), fl.placed().spineRoomRows() > 0 ? f(" and %d spine room rows", fl.placed().spineRoomRows()) : "")))
                .append("</p>\n");
        sb.append(fig(floorChart(fl, FLOOR_POLICY), "fleet-" + fl.name() + "-floor", 1000, 620, floorCaption(fl, FLOOR_POLICY)));
        sb.append("<h4>Technology per tier, by policy</h4>\n").append(technologyTable(fl));
        sb.append(fig(lengthChart(fl), "fleet-" + fl.name() + "-lengths", 1000, 640, lengthCaption(fl)));
        sb.append(lengthTable(fl));
        sb.append(fig(policyChart(fl), "fleet-" + fl.name() + "-policies", 1000, 380, policyCaption(fl)));
        sb.append("<h4>Savings against today</h4>\n").append(savingsTable(fl));
        return sb.toString();
    }

    private String floorCaption(Fleet fl, String policy) {
        List<DrawnCable> cables = drawnCables(fl, policy);
        return f("The floor of %s seen from above, schematic (rows side by side as columns, not to scale). Each rack is filled in "
                + "the colour of what it holds, more opaque the closer it is to its %.1f kW budget; network racks are coloured by the "
                + "highest switch tier they hold. Lines: the %d distinct rack-to-rack cables (by rack pair, tier and technology) of the "
                + "GPU rack outlined in black — its GPUs to their leaves, those leaves to their spines, those spines to their cores — "
                + "drawn as arcs between rack centres (the real route follows the trays), coloured by the technology policy %s gives "
                + "their length. Cables inside a rack (scale-up) are not drawn.", fl.name(), fl.placed().spec().rack().powerBudgetWatts() / 1e3,
                cables.size(), policy);
    }

    private String lengthCaption(Fleet fl) {
        return f("Cable lengths of %s per tier (topology links: a scale-up link counts each of its cables). Dashed lines: the reach "
                + "of the candidate technologies at the tier's generation (copper's reach falls at 1.6T). A technology serves a "
                + "cable if its reach is at least the cable's length rounded up to the 0.25 m bin.", fl.name());
    }

    private static String policyCaption(Fleet fl) {
        return f("%s: interconnect power (both ends of every link) and expected link failures per day (constant hazards, FIT per "
                + "link = 2 × FIT per end), stacked by tier, for every policy on the same cables.", fl.name());
    }

    private String densityCaption() {
        return f("The %s domain (72 GPUs, its NVLink cables) as one liquid-cooled rack under today (copper inside the rack), and "
                + "spread over air-cooled %.0f kW racks under today (copper where it still reaches, laser optics across racks), "
                + "mosaic and all-optical-laser. Extra power is the scale-up links' against the dense rack. The air-cooling limit "
                + "(%.0f kW) is assumed (Cooling.AIR).", density.domain(), SPREAD_RACK_WATTS / 1e3, Cooling.AIR.maxRackWatts() / 1e3);
    }

    private String technologyTable(Fleet fl) {
        List<List<String>> rows = new ArrayList<>();
        for (FleetModel.Result r : fl.results()) {
            List<String> row = new ArrayList<>();
            row.add(r.policy());
            for (String tier : TIERS) {
                Map<String, Long> m = r.links().getOrDefault(tier, Map.of());
                StringBuilder s = new StringBuilder();
                m.forEach((k, v) -> s.append(s.length() == 0 ? "" : "; ").append(f("%s %,d", k, v)));
                long unserved = r.metrics().unservedByTier().getOrDefault(tier, 0L);
                if (unserved > 0) {
                    s.append(f("; unserved %,d", unserved));
                }
                row.add(s.length() == 0 ? "—" : s.toString());
            }
            rows.add(row);
        }
        List<String> head = new ArrayList<>();
        head.add("policy");
        for (CablePlan.TierLengths t : fl.results().get(0).lengthHistograms()) {
            head.add(f("%s (%s)", t.tier(), t.generation()));
        }
        while (head.size() < TIERS.size() + 1) {
            head.add(TIERS.get(head.size() - 1));
        }
        return Html.table(head, rows, null) + "<p class=\"note\">Links counted at the tier's generation (lane-equivalent: e.g. four "
                + "200G scale-up cables make one 800G link).</p>\n";
    }

    private String lengthTable(Fleet fl) {
        List<List<String>> rows = new ArrayList<>();
        for (CablePlan.TierLengths t : fl.results().get(0).lengthHistograms()) {
            StringBuilder reach = new StringBuilder();
            for (TechnologyOption o : menu.options(t.generation())) {
                if (o.kind() != TechnologyKind.MICROLED || o.id().equals(TechnologyMenu.MOSAIC_PLUGGABLE)) {
                    long within = t.bins().stream().filter(b -> o.reaches(b.upToMeters())).mapToLong(CablePlan.Bin::links).sum();
                    reach.append(reach.length() == 0 ? "" : "; ").append(f("%s %s: %s", shortName(o), Output.meters(o.reachMeters()),
                            Output.percent((double) within / t.links())));
                }
            }
            rows.add(List.of(t.tier(), t.generation(), f("%,d", t.links()), Output.meters(t.meanMeters()), Output.meters(t.maxMeters()),
                    reach.toString()));
        }
        return Html.table(List.of("tier", "generation", ">cables", ">mean length", ">longest", "share of cables within each reach"), rows, null);
    }

    private String savingsTable(Fleet fl) {
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (PolicySavings s : fl.savings()) {
            rows.add(List.of(s.to(), f("%.3f MW", s.powerSavedMegawatts()), f("%,.0f MWh", s.energySavedMwhPerYear()),
                    f("$%,.0f", s.costSavedUsdPerYear()), f("%,.0f", s.homesEquivalent()), f("%.3g", s.linkFailuresPerDayAvoided()),
                    s.failureRatio() == null ? "n/a" : f("%.2f×", s.failureRatio())));
            if (s.note() != null && !s.note().isBlank()) {
                notes.add(s.to() + ": " + s.note());
            }
        }
        PolicySavings any = fl.savings().get(0);
        return Html.table(List.of("policy vs today", ">power saved (− = extra)", ">facility energy saved/yr (− = extra)",
                ">electricity saved/yr (− = extra)", ">homes equivalent (− = extra)", ">cable failures/day avoided (− = extra)",
                ">today's failures / policy's"), rows, null)
                + "<p class=\"note\">" + Html.esc(f("Negative numbers are extra power or failures. Homes: energy saved / %,.0f kWh per "
                + "household per year (%s).", any.householdKwhPerYear(), any.householdSource()) + (notes.isEmpty() ? "" : " " + String.join(" ", notes)))
                + "</p>\n";
    }

    private String densityTable() {
        List<List<String>> rows = new ArrayList<>();
        for (RackDensity.Option o : density.options()) {
            StringBuilder tech = new StringBuilder();
            o.linksByTechnology().forEach((k, v) -> tech.append(tech.length() == 0 ? "" : "; ").append(f("%s %,d", k, v)));
            rows.add(List.of(o.layout(), o.policy(), Integer.toString(o.racks()), f("%.1f kW", o.kwPerRack()), f("%.1f kW", o.maxKwPerRack()),
                    f("%,d", o.scaleUpLinks()), f("%,d", o.interRackLinks()), f("%,.0f", o.cablesPerRack()), Output.meters(o.maxCableMeters()),
                    tech.toString(), f("%,.0f W", o.interconnectPowerWatts()), f("%,.0f W", o.extraInterconnectPowerWatts()),
                    f("%.3g", o.linkFailuresPerDay()), f("%,d", o.unservedLinks())));
        }
        return Html.table(List.of("layout", "policy", ">racks", ">kW per rack", ">largest rack", ">scale-up cables", ">across racks",
                ">cables per rack", ">longest cable", "cables by technology", ">interconnect", ">extra", ">cable failures/day", ">unserved"),
                rows, null);
    }

    private static String fig(JFreeChart chart, String id, int w, int h, String caption) {
        return Html.figure(Charts.svg(chart, w, h, id), caption);
    }

    /** The sources of the layouts, topologies and economics the section uses. */
    public static List<Provenance> provenance() {
        List<Provenance> p = new ArrayList<>(ClusterDocument.presetProvenance());
        p.add(new Provenance("report.fleet.spreadRackBudget", f("%.0f kW", SPREAD_RACK_WATTS / 1e3), Confidence.ASSUMED, "assumed (Mosaic developers), issue 6",
                "an air-cooled rack budget for spreading a scale-up domain; the issue's example, no measured figure"));
        return p;
    }

    // ---- numbers ----

    @Override
    public JsonNode json() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("economics", Output.tree(economics));
        ObjectNode presets = root.putObject("presets");
        for (Fleet fl : fleets) {
            ObjectNode n = presets.putObject(fl.name());
            n.put("description", fl.preset().description());
            FleetModel.Result today = fl.results().get(0);
            n.put("gpus", today.gpus());
            n.put("switches", today.switches());
            n.put("racks", today.racks());
            n.put("gpuRacks", today.gpuRacks());
            n.put("networkRacks", fl.placed().networkRacks());
            n.put("hallRows", fl.placed().hallRows());
            n.put("spineRoomRows", fl.placed().spineRoomRows());
            n.put("kwPerRack", today.kwPerRack());
            n.set("lengthHistograms", Output.tree(today.lengthHistograms()));
            ArrayNode pol = n.putArray("policies");
            for (FleetModel.Result r : fl.results()) {
                ObjectNode o = (ObjectNode) Output.tree(r);
                o.remove("metrics");
                o.remove("lengthHistograms");
                ObjectNode byTier = o.putObject("interconnectPowerWattsByTier");
                ObjectNode fByTier = o.putObject("linkFailuresPerDayByTier");
                for (String t : TIERS) {
                    byTier.put(t, tierPowerWatts(r, t));
                    fByTier.put(t, tierFailuresPerDay(r, t));
                }
                o.set("linkFailuresPerDayByTechnology", Output.tree(r.metrics().linkFailuresPerDayByTechnology()));
                o.set("unservedByTier", Output.tree(r.metrics().unservedByTier()));
                pol.add(o);
            }
            n.set("savingsAgainstToday", Output.tree(fl.savings()));
        }
        root.set("rackDensity", Output.tree(density));
        root.set("provenance", Output.tree(provenance()));
        return Output.strict(root);
    }

    @Override
    public List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>();
        for (Fleet fl : fleets) {
            for (FleetModel.Result r : fl.results()) {
                String s = fl.name() + " " + r.policy();
                rows.add(new ResultRow(s, "interconnect power", r.interconnectPowerWatts(), "W"));
                rows.add(new ResultRow(s, "interconnect share of IT", r.interconnectShareOfIt(), ""));
                rows.add(new ResultRow(s, "facility energy per year", r.energyPerYearKwh(), "kWh"));
                rows.add(new ResultRow(s, "electricity cost per year", r.costPerYearUsd(), "USD"));
                rows.add(new ResultRow(s, "link failures per day", r.linkFailuresPerDay(), "1/d"));
                if (r.meanHoursBetweenLinkFailures() != null) {
                    rows.add(new ResultRow(s, "mean time between link failures", r.meanHoursBetweenLinkFailures(), "h"));
                }
                rows.add(new ResultRow(s, "unserved links", r.unservedLinks(), ""));
            }
            rows.add(new ResultRow(fl.name(), "racks", fl.results().get(0).racks(), ""));
            rows.add(new ResultRow(fl.name(), "kW per GPU rack", fl.results().get(0).kwPerRack(), "kW"));
            for (PolicySavings sv : fl.savings()) {
                String s = fl.name() + " " + sv.to() + " vs " + sv.from();
                rows.add(new ResultRow(s, "power saved", sv.powerSavedWatts(), "W"));
                rows.add(new ResultRow(s, "facility energy saved per year", sv.energySavedMwhPerYear(), "MWh"));
                rows.add(new ResultRow(s, "electricity saved per year", sv.costSavedUsdPerYear(), "USD"));
                rows.add(new ResultRow(s, "homes equivalent", sv.homesEquivalent(), ""));
                rows.add(new ResultRow(s, "link failures per day avoided", sv.linkFailuresPerDayAvoided(), "1/d"));
            }
        }
        for (RackDensity.Option o : density.options()) {
            String s = density.domain() + " " + optionLabel(o);
            rows.add(new ResultRow(s, "kW per rack", o.kwPerRack(), "kW"));
            rows.add(new ResultRow(s, "extra interconnect power", o.extraInterconnectPowerWatts(), "W"));
            rows.add(new ResultRow(s, "cables per rack", o.cablesPerRack(), ""));
        }
        return rows;
    }

    @Override
    public List<DataFile> files() {
        StringBuilder pol = new StringBuilder("preset,policy,tier,technology,links,interconnect_power_w,link_failures_per_day\n");
        StringBuilder len = new StringBuilder("preset,tier,generation,bin_up_to_m,cables\n");
        StringBuilder racks = new StringBuilder("preset,rack,kind,room,row,position,power_w,units_used,switches\n");
        for (Fleet fl : fleets) {
            for (FleetModel.Result r : fl.results()) {
                Map<String, double[]> byTierTech = new LinkedHashMap<>();
                for (FleetMetrics.GroupRow g : r.metrics().groups()) {
                    double[] a = byTierTech.computeIfAbsent(g.tier() + "," + Output.csvCell(g.technology()), k -> new double[3]);
                    a[0] += g.count();
                    a[1] += g.powerWatts();
                    a[2] += g.failuresPerDay();
                }
                byTierTech.forEach((k, a) -> pol.append(String.join(",", fl.name(), r.policy(), k, Long.toString((long) a[0]),
                        Output.csvCell(a[1]), Output.csvCell(a[2]))).append('\n'));
            }
            for (CablePlan.TierLengths t : fl.results().get(0).lengthHistograms()) {
                for (CablePlan.Bin b : t.bins()) {
                    len.append(String.join(",", fl.name(), t.tier(), t.generation(), Output.csvCell(b.upToMeters()), Long.toString(b.links())))
                            .append('\n');
                }
            }
            Map<Integer, Set<NodeKind>> sw = switchesByRack(fl.placed());
            for (RackLayout.RackSlot s : fl.placed().racks()) {
                StringBuilder k = new StringBuilder();
                for (NodeKind n : sw.getOrDefault(s.id(), Set.of())) {
                    k.append(k.length() == 0 ? "" : " ").append(n.name().toLowerCase(Locale.ROOT));
                }
                racks.append(String.join(",", fl.name(), Integer.toString(s.id()), s.kind().name().toLowerCase(Locale.ROOT),
                        s.room().name().toLowerCase(Locale.ROOT), Integer.toString(s.row()), Integer.toString(s.position()),
                        Output.csvCell(s.powerWatts()), Integer.toString(s.unitsUsed()), k.toString())).append('\n');
            }
        }
        StringBuilder den = new StringBuilder("layout,policy,racks,kw_per_rack,max_kw_per_rack,scale_up_links,inter_rack_links,"
                + "cables_per_rack,max_cable_m,interconnect_power_w,extra_interconnect_power_w,link_failures_per_day,unserved_links\n");
        for (RackDensity.Option o : density.options()) {
            den.append(String.join(",", o.layout(), o.policy(), Integer.toString(o.racks()), Output.csvCell(o.kwPerRack()),
                    Output.csvCell(o.maxKwPerRack()), Long.toString(o.scaleUpLinks()), Long.toString(o.interRackLinks()),
                    Output.csvCell(o.cablesPerRack()), Output.csvCell(o.maxCableMeters()), Output.csvCell(o.interconnectPowerWatts()),
                    Output.csvCell(o.extraInterconnectPowerWatts()), Output.csvCell(o.linkFailuresPerDay()), Long.toString(o.unservedLinks())))
                    .append('\n');
        }
        return List.of(new DataFile("fleet-policies.csv", pol.toString()), new DataFile("fleet-lengths.csv", len.toString()),
                new DataFile("fleet-racks.csv", racks.toString()), new DataFile("fleet-rack-density.csv", den.toString()));
    }

    private static String f(String fmt, Object... a) {
        return String.format(Locale.ROOT, fmt, a);
    }
}
