package org.mosaic.report;

import org.mosaic.studies.Finding;
import org.mosaic.studies.Finding.Verdict;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.PolicySavings;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.layout.RackDensity;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.studies.Output;
import org.mosaic.studies.Results;
import org.mosaic.studies.fleet.FleetReport;
import org.mosaic.studies.fleet.FleetReport.ClusterFleet;
import org.mosaic.studies.fleet.FleetReportStudy;

/**
 * The fleet section: for each cluster of the {@code report-fleet} study (the {@value FleetReportStudy#H100} and
 * {@value FleetReportStudy#CLUSTER_100K} presets), the floor drawn (racks by row and position, coloured by what they
 * hold and how much of their power budget they use; the cables of one GPU rack up through the fabric, coloured by
 * technology), the cable lengths per tier against each candidate technology's reach, the interconnect power and
 * link failures of every named policy with the savings against today; then the NVL72 domain as one dense copper rack
 * against spread over 40 kW racks.
 *
 * <p>Nothing is computed here: {@link FleetReportStudy} gives every number and every drawn cable; this class renders
 * its result (charts in {@link FleetFigures}, tables in {@link FleetTables}) and states its findings.
 */
public final class FleetSection implements Section {
    private final FleetReport report;
    private final FleetFigures figures;

    public FleetSection(FleetReport report) {
        this.report = report;
        this.figures = new FleetFigures(report);
    }

    /** The study's result this section renders. */
    public FleetReport report() {
        return report;
    }

    @Override
    public String id() {
        return "fleet";
    }

    /** Per cluster and MOSAIC policy, the interconnect power and link failures against today's policy. */
    @Override
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (ClusterFleet fl : report.fleets()) {
            for (PolicySavings s : fl.savingsAgainstToday()) {
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

    /** Every chart of the section (for tests and for looking at them as PNG). */
    public List<ChannelSection.Figure> figures() {
        return figures.figures();
    }

    JFreeChart floorChart(ClusterFleet f) {
        return figures.floorChart(f);
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
        sb.append(FleetTables.summaryTable(report));
        for (ClusterFleet fl : report.fleets()) {
            sb.append(fleetHtml(fl));
        }
        sb.append("<h3>Rack density: one NVL72 domain</h3>\n");
        sb.append(fig(figures.densityChart(), "fleet-density", 1000, 360, figures.densityCaption()));
        sb.append(FleetTables.densityTable(report.rackDensity()));
        sb.append("<h3>Where the fleet numbers come from</h3>\n");
        sb.append(Html.provenanceTable(report.provenance()));
        sb.append("<p class=\"note\">Not modelled here: cable and transceiver prices (capex) for most technologies, the scale-out NICs' "
                + "own power, the frontend and storage networks, cable congestion detours. Link failures assume constant hazards "
                + "and independent links.</p>\n");
        return sb.toString();
    }

    private String fleetHtml(ClusterFleet fl) {
        StringBuilder sb = new StringBuilder();
        FleetModel.Result today = fl.results().get(0);
        sb.append("<h3 id=\"fleet-").append(Html.esc(fl.name())).append("\">").append(Html.esc(fl.name() + ": " + fl.description()))
                .append("</h3>\n");
        sb.append("<p>").append(Html.esc(f("%s; layout %s: %,d racks (%,d with GPUs at %.1f kW each, %,d network racks), %d hall rows"
                + "%s.", today.cluster(), today.layout(), today.racks(), today.gpuRacks(), today.kwPerRack(), fl.networkRacks(),
                fl.hallRows(), fl.spineRoomRows() > 0 ? f(" and %d spine room rows", fl.spineRoomRows()) : "")))
                .append("</p>\n");
        sb.append(fig(figures.floorChart(fl), "fleet-" + fl.name() + "-floor", 1000, 620, figures.floorCaption(fl)));
        sb.append("<h4>Technology per tier, by policy</h4>\n").append(FleetTables.technologyTable(fl));
        sb.append(fig(figures.lengthChart(fl), "fleet-" + fl.name() + "-lengths", 1000, 640, FleetFigures.lengthCaption(fl)));
        sb.append(FleetTables.lengthTable(fl));
        sb.append(fig(figures.policyChart(fl), "fleet-" + fl.name() + "-policies", 1000, 380, FleetFigures.policyCaption(fl)));
        sb.append("<h4>Savings against today</h4>\n").append(FleetTables.savingsTable(fl));
        return sb.toString();
    }

    private static String fig(JFreeChart chart, String id, int w, int h, String caption) {
        return Html.figure(Charts.svg(chart, w, h, id), caption);
    }

    /** The sources of the layouts, topologies and economics the section uses (the shipped report's). */
    public static List<Provenance> provenance() {
        return FleetReportStudy.provenance(FleetReportStudy.SPREAD_RACK_WATTS);
    }

    // ---- numbers ----

    @Override
    public JsonNode json() {
        return Results.tree(report);
    }

    @Override
    public List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>();
        for (ClusterFleet fl : report.fleets()) {
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
            for (PolicySavings sv : fl.savingsAgainstToday()) {
                String s = fl.name() + " " + sv.to() + " vs " + sv.from();
                rows.add(new ResultRow(s, "power saved", sv.powerSavedWatts(), "W"));
                rows.add(new ResultRow(s, "facility energy saved per year", sv.energySavedMwhPerYear(), "MWh"));
                rows.add(new ResultRow(s, "electricity saved per year", sv.costSavedUsdPerYear(), "USD"));
                rows.add(new ResultRow(s, "homes equivalent", sv.homesEquivalent(), ""));
                rows.add(new ResultRow(s, "link failures per day avoided", sv.linkFailuresPerDayAvoided(), "1/d"));
            }
        }
        RackDensity density = report.rackDensity();
        for (RackDensity.Option o : density.options()) {
            String s = density.domain() + " " + FleetFigures.optionLabel(o);
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
        for (ClusterFleet fl : report.fleets()) {
            for (FleetReport.PolicyEntry e : fl.policies()) {
                for (FleetReport.TierTechnology t : e.byTierAndTechnology()) {
                    pol.append(String.join(",", fl.name(), e.result().policy(), t.tier(), Output.csvCell(t.technology()),
                            Long.toString(t.links()), Output.csvCell(t.powerWatts()), Output.csvCell(t.failuresPerDay()))).append('\n');
                }
            }
            for (CablePlan.TierLengths t : fl.lengthHistograms()) {
                for (CablePlan.Bin b : t.bins()) {
                    len.append(String.join(",", fl.name(), t.tier(), t.generation(), Output.csvCell(b.upToMeters()), Long.toString(b.links())))
                            .append('\n');
                }
            }
            for (FleetReport.RackView v : fl.floor().racks()) {
                RackLayout.RackSlot s = v.slot();
                StringBuilder k = new StringBuilder();
                v.switches().forEach(n -> k.append(k.length() == 0 ? "" : " ").append(n.name().toLowerCase(Locale.ROOT)));
                racks.append(String.join(",", fl.name(), Integer.toString(s.id()), s.kind().name().toLowerCase(Locale.ROOT),
                        s.room().name().toLowerCase(Locale.ROOT), Integer.toString(s.row()), Integer.toString(s.position()),
                        Output.csvCell(s.powerWatts()), Integer.toString(s.unitsUsed()), k.toString())).append('\n');
            }
        }
        StringBuilder den = new StringBuilder("layout,policy,racks,kw_per_rack,max_kw_per_rack,scale_up_links,inter_rack_links,"
                + "cables_per_rack,max_cable_m,interconnect_power_w,extra_interconnect_power_w,link_failures_per_day,unserved_links\n");
        for (RackDensity.Option o : report.rackDensity().options()) {
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
