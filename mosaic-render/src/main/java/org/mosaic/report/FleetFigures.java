package org.mosaic.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyOption;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.layout.RackDensity;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.NodeKind;
import org.mosaic.studies.fleet.FleetReport;
import org.mosaic.studies.fleet.FleetReport.ClusterFleet;
import org.mosaic.studies.fleet.FleetReport.DrawnCable;
import org.mosaic.studies.fleet.Technologies;

/**
 * The fleet section's charts and their captions, drawn from the {@code report-fleet} study's result: the floor (racks
 * by row and position, one GPU rack's cables coloured by technology), the cable lengths per tier against the
 * technologies' reach, power and failures by policy, and the rack density comparison. Only layout is computed here:
 * where a rack sits on the drawing, and the model's 0.25 m length bins regrouped into logarithmic bins for the chart.
 */
final class FleetFigures {
    /** Logarithmic histogram bins per decade of length. */
    static final int BINS_PER_DECADE = 20;
    private static final int SPINE_ROOM_GAP = 3;
    private static final List<String> TIERS = Technologies.TIERS;

    private final FleetReport report;

    FleetFigures(FleetReport report) {
        this.report = report;
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

    JFreeChart floorChart(ClusterFleet f) {
        FleetReport.Floor floor = f.floor();
        double budget = floor.rackBudgetWatts();
        String spine = floor.fabricTiers() == 3 ? "aggregation" : "spine";
        String[] names = {"GPU rack", "leaf switches", spine + " switches", "core switches", "network rack, other"};
        Color[] colours = {new Color(0x0072B2), new Color(0xE69F00), new Color(0xD55E00), new Color(0xCC79A7), new Color(0x999999)};
        int[] count = new int[names.length];
        double[] minKw = new double[names.length];
        double[] maxKw = new double[names.length];
        java.util.Arrays.fill(minKw, Double.POSITIVE_INFINITY);
        List<FleetCharts.RackCell> cells = new ArrayList<>();
        int hallRows = floor.hallRows();
        int positions = floor.racksPerRow();
        double[] col = new double[floor.racks().size()];
        double[] pos = new double[floor.racks().size()];
        for (FleetReport.RackView v : floor.racks()) {
            RackLayout.RackSlot s = v.slot();
            int cls;
            if (s.kind() == RackLayout.RackKind.GPU) {
                cls = 0;
            } else {
                Set<NodeKind> k = v.switches();
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
        for (DrawnCable d : floor.cables()) {
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
        if (floor.spineRoomRows() > 0) {
            blocks.put((double) hallRows + SPINE_ROOM_GAP, "spine room →");
        }
        double columns = hallRows + (floor.spineRoomRows() > 0 ? SPINE_ROOM_GAP + floor.spineRoomRows() : 0);
        return FleetCharts.floor(drawn, classes, cables, techs, marked, columns, positions, blocks,
                f("%s: %,d racks; the cables of one GPU rack under %s", f.name(), floor.racks().size(), floor.policy()));
    }

    JFreeChart lengthChart(ClusterFleet f) {
        List<FleetCharts.TierHistogram> panels = new ArrayList<>();
        Set<String> labelled = new LinkedHashSet<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < f.lengthHistograms().size(); i++) {
            CablePlan.TierLengths t = f.lengthHistograms().get(i);
            double[][] b = logBins(t.bins(), BINS_PER_DECADE);
            List<FleetCharts.Reach> rs = new ArrayList<>();
            for (FleetReport.ReachMark m : f.reaches().get(i).marks()) {
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

    JFreeChart policyChart(ClusterFleet f) {
        double[][] power = new double[f.policies().size()][TIERS.size()];
        double[][] failures = new double[f.policies().size()][TIERS.size()];
        for (int i = 0; i < f.policies().size(); i++) {
            FleetReport.PolicyEntry e = f.policies().get(i);
            for (int t = 0; t < TIERS.size(); t++) {
                power[i][t] = e.interconnectPowerWattsByTier().get(TIERS.get(t)) / 1e6;
                failures[i][t] = e.linkFailuresPerDayByTier().get(TIERS.get(t));
            }
        }
        return FleetCharts.byPolicy(Policy.NAMES, TIERS, power, failures, f("%s: interconnect power and link failures by policy", f.name()));
    }

    JFreeChart densityChart() {
        RackDensity density = report.rackDensity();
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
        return FleetCharts.density(labels, kw, maxKw, extra, cables, report.airCoolingWatts() / 1e3,
                f("One %s domain: one dense rack or spread over %.0f kW racks", density.domain(), report.spreadRackWatts() / 1e3));
    }

    static String optionLabel(RackDensity.Option o) {
        return f("%d rack%s, %s", o.racks(), o.racks() == 1 ? "" : "s", o.policy());
    }

    /** Every chart of the section (for tests and for looking at them as PNG). */
    List<ChannelSection.Figure> figures() {
        List<ChannelSection.Figure> out = new ArrayList<>();
        for (ClusterFleet fl : report.fleets()) {
            out.add(new ChannelSection.Figure(fl.name() + "-floor", floorChart(fl), 1000, 620, floorCaption(fl)));
            out.add(new ChannelSection.Figure(fl.name() + "-lengths", lengthChart(fl), 1000, 640, lengthCaption(fl)));
            out.add(new ChannelSection.Figure(fl.name() + "-policies", policyChart(fl), 1000, 380, policyCaption(fl)));
        }
        out.add(new ChannelSection.Figure("rack-density", densityChart(), 1000, 360, densityCaption()));
        return out;
    }

    String floorCaption(ClusterFleet fl) {
        return f("The floor of %s seen from above, schematic (rows side by side as columns, not to scale). Each rack is filled in "
                + "the colour of what it holds, more opaque the closer it is to its %.1f kW budget; network racks are coloured by the "
                + "highest switch tier they hold. Lines: the %d distinct rack-to-rack cables (by rack pair, tier and technology) of the "
                + "GPU rack outlined in black — its GPUs to their leaves, those leaves to their spines, those spines to their cores — "
                + "drawn as arcs between rack centres (the real route follows the trays), coloured by the technology policy %s gives "
                + "their length. Cables inside a rack (scale-up) are not drawn.", fl.name(), fl.floor().rackBudgetWatts() / 1e3,
                fl.floor().cables().size(), fl.floor().policy());
    }

    static String lengthCaption(ClusterFleet fl) {
        return f("Cable lengths of %s per tier (topology links: a scale-up link counts each of its cables). Dashed lines: the reach "
                + "of the candidate technologies at the tier's generation (copper's reach falls at 1.6T). A technology serves a "
                + "cable if its reach is at least the cable's length rounded up to the 0.25 m bin.", fl.name());
    }

    static String policyCaption(ClusterFleet fl) {
        return f("%s: interconnect power (both ends of every link) and expected link failures per day (constant hazards, FIT per "
                + "link = 2 × FIT per end), stacked by tier, for every policy on the same cables.", fl.name());
    }

    String densityCaption() {
        return f("The %s domain (72 GPUs, its NVLink cables) as one liquid-cooled rack under today (copper inside the rack), and "
                + "spread over air-cooled %.0f kW racks under today (copper where it still reaches, laser optics across racks), "
                + "mosaic and all-optical-laser. Extra power is the scale-up links' against the dense rack. The air-cooling limit "
                + "(%.0f kW) is assumed (Cooling.AIR).", report.rackDensity().domain(), report.spreadRackWatts() / 1e3,
                report.airCoolingWatts() / 1e3);
    }

    private static String f(String fmt, Object... a) {
        return String.format(Locale.ROOT, fmt, a);
    }
}
