package org.mosaic.report;

import org.mosaic.studies.Finding;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.mosaic.studies.ChannelFacts;
import org.mosaic.studies.Output;
import org.mosaic.studies.Results;
import org.mosaic.studies.channel.ChannelReportResult;
import org.mosaic.studies.channel.ChannelReportResult.CrossCheck;
import org.mosaic.studies.channel.ChannelReportResult.Curve;
import org.mosaic.studies.channel.ChannelReportResult.Scenario;
import org.mosaic.studies.channel.ChannelReportStudy;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.units.Dimension;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.optics.ChannelSpecs;
import org.mosaic.optics.MonteCarlo;

/**
 * The channel section: for each scenario (the measured prototype, the 800G design) the budget, BER over
 * the array, statistical eye, bathtub, BER against length at 1.6 / 2 / 2.5 Gb/s with the reach, a
 * time-domain Monte Carlo cross-check, and every parameter with its source. The numbers come from the
 * {@code report-channel} study ({@link ChannelReportStudy}); this class only renders them.
 */
public final class ChannelSection implements Section {
    /** A scenario of the report: a display name and its document (with any overrides applied). */
    public record Input(String name, ScenarioDocument doc) {
        /** As the report-channel study takes it. */
        public ChannelReportStudy.Scenario scenario() {
            return new ChannelReportStudy.Scenario(name, doc);
        }
    }

    private final ChannelReportResult result;

    public ChannelSection(ChannelReportResult result) {
        this.result = result;
    }

    /** The study's result this section renders. */
    public ChannelReportResult result() {
        return result;
    }

    /** The scenarios evaluated, in order. */
    public List<ChannelReportResult.Scenario> evaluated() {
        return result.list();
    }

    @Override
    public String id() {
        return "channel";
    }

    @Override
    public String title() {
        return "Channel: one microLED link through the imaging fibre";
    }

    /**
     * A published measurement a preset is judged against: median BER over the array below {@code medianBerBelow}
     * at {@code lengthMeters} and {@code rateBitsPerSecond}.
     */
    public record Published(String preset, double medianBerBelow, double lengthMeters, double rateBitsPerSecond, String source) {
    }

    /** The measurements the presets reproduce. */
    public static final List<Published> PUBLISHED = List.of(new Published("mosaic-prototype", 2e-8, 20, 2e9,
            "MOSAIC prototype, Microsoft Research, ACM SIGCOMM 2025: median BER < 2e-8 at 2 Gb/s over 20 m (25 active channels)"));

    @Override
    public List<Finding> findings() {
        return ChannelFindings.of(result, PUBLISHED);
    }

    @Override
    public List<String> seeds() {
        List<String> out = new ArrayList<>();
        for (Scenario e : result.list()) {
            out.add("channel " + e.name() + ": " + e.result().seed());
        }
        return out;
    }

    /** The anchor of a scenario's part of the section. */
    static String anchor(String scenario) {
        return "ch-" + scenario.replaceAll("[^A-Za-z0-9]+", "-");
    }

    // ---- HTML ----

    @Override
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<p>Each microLED channel is modelled from the emitter to the decision: microLED modulation response, "
                + "Lambertian coupling through the micro-optics into the multicore imaging fibre (magnification, étendue cap and "
                + "launch NA from the emitter, lens and fibre geometry), attenuation, chromatic "
                + "dispersion from the fused-silica Sellmeier equation, modal dispersion from the guided modes the launch lights "
                + "in each core, crosstalk from neighbouring channels, "
                + "photodiode, TIA noise and a CTLE whose peaking is chosen to open the eye (reported as its real boost). The BER comes from the "
                + "statistical eye (the exact ISI distribution from the pulse-response cursors, convolved with crosstalk and "
                + "Gaussian noise). Array statistics include the emitter-to-emitter spread of power and bandwidth.</p>\n");
        sb.append("<h3>Summary</h3>\n").append(summaryTable());
        for (Scenario e : result.list()) {
            sb.append(presetHtml(e));
        }
        return sb.toString();
    }

    private String summaryTable() {
        List<String> h = List.of("scenario", ">rate", ">length", ">channels", ">median BER", ">mean BER", ">worst BER",
                ">Q (nominal)", ">margin", ">reach at target", ">CTLE peaking", ">max rate at length");
        List<List<String>> rows = new ArrayList<>();
        List<String> cls = new ArrayList<>();
        for (Scenario e : result.list()) {
            ChannelResult r = e.result();
            rows.add(List.of(e.name(), Output.si(r.channelRateBitsPerSecond(), Dimension.DATA_RATE),
                    Output.si(r.fiberLengthMeters(), Dimension.LENGTH), Integer.toString(r.channels()),
                    Output.ber(r.ber().median()), Output.ber(r.ber().mean()), Output.ber(r.ber().worst()),
                    Output.number(r.qFactor(), 3), Output.margin(r.marginDb()), ChannelFacts.reach(r) + " (" + ChannelFacts.reachDefinition(r) + ")",
                    Output.db(r.ctlePeakingDb()),
                    Output.si(r.maxRateBitsPerSecond(), Dimension.DATA_RATE)));
            cls.add(r.marginDb() >= 0 ? "good" : "bad");
        }
        return Html.table(h, rows, cls) + "<p class=\"note\">BER target " + Output.ber(result.scenarios().isEmpty() ? Double.NaN
                : result.list().get(0).result().berTarget()) + " (the KP4 RS(544,514) pre-FEC threshold). Margin and Q are "
                + "those of the nominal channel (centre of the array, typical emitter); the reach is on the channel definition the "
                + "design is judged on (<code>link.reach.target</code>); median, mean and worst are over every "
                + "channel of the array. A red row misses the target at its length.</p>\n";
    }

    private String presetHtml(Scenario e) {
        ChannelResult r = e.result();
        String name = e.name();
        String id = anchor(name);
        StringBuilder sb = new StringBuilder();
        sb.append("<h3 id=\"").append(Html.esc(id)).append("\">").append(Html.esc(name)).append("</h3>\n");
        if (!e.description().isBlank()) {
            sb.append("<p>").append(Html.esc(e.description())).append("</p>\n");
        }
        sb.append("<p>Scenario source: <code>").append(Html.esc(e.source())).append("</code>; seed ")
                .append(r.seed()).append(".</p>\n");
        if (r.marginDb() < 0 || r.ber().median() > r.berTarget()) {
            sb.append("<p class=\"warn\">At ").append(Html.esc(Output.si(r.fiberLengthMeters(), Dimension.LENGTH)))
                    .append(" this design misses the BER target: median BER ").append(Output.ber(r.ber().median()))
                    .append(", margin ").append(Html.esc(Output.margin(r.marginDb()))).append(", reach ")
                    .append(Html.esc(ChannelFacts.reach(r))).append(".</p>\n");
        }

        Map<String, Figure> figs = new LinkedHashMap<>();
        for (Figure f : ChannelFigures.of(e)) {
            figs.put(f.key(), f);
        }
        sb.append("<h4>Link budget</h4>\n");
        sb.append(figs.get("budget").html(id));
        sb.append(Html.table(List.of("item", ">value"), ChannelFacts.budget(r), null));

        sb.append("<h4>Key results</h4>\n");
        List<List<String>> facts = new ArrayList<>();
        for (ChannelFacts.Fact f : ChannelFacts.of(r)) {
            facts.add(List.of(f.label(), f.value()));
        }
        sb.append(Html.table(List.of("quantity", ">value"), facts, null));

        List<List<String>> arrayReach = new ArrayList<>();
        List<String> reachCls = new ArrayList<>();
        for (ChannelFacts.ReachRow row : ChannelFacts.arrayReach(r)) {
            arrayReach.add(List.of(row.definition() + (row.target() ? " — the design's target" : ""), row.reach(), row.margin()));
            reachCls.add(!row.target() ? null : r.arrayReach().targetMarginDb() >= 0 ? "good" : "bad");
        }
        if (!arrayReach.isEmpty()) {
            sb.append("<h4>Reach of the array</h4>\n");
            sb.append(Html.table(List.of("channel definition", ">reach at BER target", ">margin at " + Output.si(r.fiberLengthMeters(),
                    Dimension.LENGTH)), arrayReach, reachCls));
            sb.append("<p class=\"note\">Nominal: the centre channel with the typical emitter. Mean BER: what an FEC striped over "
                    + "every channel sees. Worst after k spares: the worst channel left once spares replace the k worst. Margin: the "
                    + "change of every emitter's power that brings the statistic to the target. The design says which one it is "
                    + "judged on (<code>link.reach.target</code>); its row is green when it closes at this length, red when not.</p>\n");
        }

        sb.append("<h4>Statistical eye and bathtub</h4>\n<div class=\"grid2\">\n");
        sb.append(figs.get("eye").html(id));
        sb.append(figs.get("bathtub").html(id));
        sb.append("</div>\n");

        sb.append("<h4>BER against length</h4>\n");
        List<List<String>> reachRows = new ArrayList<>();
        for (Curve c : e.berVsLength().curves()) {
            double reach = c.reachMeters();
            reachRows.add(List.of(Output.si(c.rateBitsPerSecond(), Dimension.DATA_RATE),
                    ChannelFacts.reach(reach, reach >= ChannelAnalysis.MAX_LENGTH)));
        }
        sb.append(figs.get("length").html(id));
        sb.append(Html.table(List.of("channel rate", ">reach at BER target " + Output.ber(r.berTarget())), reachRows, null));

        sb.append("<h4>BER over the array</h4>\n");
        sb.append(figs.get("array").html(id));

        sb.append("<h4>Monte Carlo cross-check</h4>\n");
        CrossCheck cc = e.monteCarlo();
        if (cc.result() == null) {
            sb.append("<p>").append(Html.esc(cc.note())).append("</p>\n");
        } else {
            MonteCarlo.Result m = cc.result();
            sb.append(Html.table(List.of(">length", ">bits", ">errors", ">Monte Carlo BER", ">95 % interval",
                    ">statistical-eye BER", "agree?"), List.of(List.of(Output.meters(cc.lengthMeters()),
                    String.format(Locale.ROOT, "%,d", m.bits()), Long.toString(m.errors()), Output.ber(m.ber()),
                    "[" + Output.ber(m.lower95()) + ", " + Output.ber(m.upper95()) + "]", Output.ber(m.statisticalEyeBer()),
                    cc.agreed() ? "yes: inside the interval" : "no: outside the interval")),
                    List.of(cc.agreed() ? "good" : "bad")));
            sb.append("<p class=\"note\">A time-domain simulation (PRBS31 through the same filters, with noise and random "
                    + "neighbour bits; seed ").append(m.seed()).append(") of the nominal channel ")
                    .append(Html.esc(cc.note())).append(".</p>\n");
        }

        sb.append("<h4>Parameters and their sources</h4>\n");
        sb.append("<p class=\"legend\">Highlighted: <span class=\"assumed\">assumed</span> (a plausible guess; no source "
                + "gives it) and <span class=\"calibrated\">calibrated</span> (chosen so the model reproduces a measurement).</p>\n");
        List<List<String>> prov = new ArrayList<>();
        List<String> cls = new ArrayList<>();
        for (Provenance p : e.provenance()) {
            ChannelSpecs.Parameter par = ChannelSpecs.PARAMETERS.get(p.path());
            prov.add(List.of(p.path(), par == null ? "" : par.meaning(), Html.value(p.value()), confidence(p.confidence()), p.source(), p.note()));
            cls.add(p.confidence() == Confidence.ASSUMED ? "assumed" : p.confidence() == Confidence.CALIBRATED ? "calibrated" : null);
        }
        sb.append(Html.table(List.of("parameter", "meaning", "value", "confidence", "source", "note"), prov, cls));
        sb.append(Html.references(e.provenance()));
        if (!e.unsourced().isEmpty()) {
            sb.append("<p class=\"note\">Values without a provenance entry (numerical settings or defaults): <code>")
                    .append(Html.esc(String.join(", ", e.unsourced()))).append("</code>.</p>\n");
        }
        return sb.toString();
    }

    /** A chart of the section with its size and caption. */
    public record Figure(String key, JFreeChart chart, int width, int height, String caption) {
        String html(String idPrefix) {
            return Html.figure(Charts.svg(chart, width, height, idPrefix + "-" + key), caption);
        }
    }

    private static String confidence(Confidence c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ---- JSON and CSV ----

    @Override
    public JsonNode json() {
        return Results.tree(result);
    }

    @Override
    public List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>();
        for (Scenario e : result.list()) {
            String who = e.name();
            // the result's numbers (flattening leaves the per-channel array out); the budget as rows of its own below
            for (Map.Entry<String, Object> f : Output.flatten(Results.tree(e.result())).entrySet()) {
                if (!f.getKey().startsWith("budget.")) {
                    rows.add(new ResultRow(who, f.getKey(), f.getValue(), unitOf(f.getKey())));
                }
            }
            for (ChannelResult.BudgetItem b : e.result().budget()) {
                rows.add(new ResultRow(who, "budget: " + b.item(), b.db(), b.unit()));
            }
            for (Curve c : e.berVsLength().curves()) {
                rows.add(new ResultRow(who, "reachMeters at " + Output.si(c.rateBitsPerSecond(), Dimension.DATA_RATE), c.reachMeters(), "m"));
            }
            MonteCarlo.Result m = e.monteCarlo().result();
            if (m != null) {
                rows.add(new ResultRow(who, "monteCarlo.lengthMeters", e.monteCarlo().lengthMeters(), "m"));
                rows.add(new ResultRow(who, "monteCarlo.bits", m.bits(), "bit"));
                rows.add(new ResultRow(who, "monteCarlo.errors", m.errors(), "bit"));
                rows.add(new ResultRow(who, "monteCarlo.ber", m.ber(), ""));
                rows.add(new ResultRow(who, "monteCarlo.lower95", m.lower95(), ""));
                rows.add(new ResultRow(who, "monteCarlo.upper95", m.upper95(), ""));
                rows.add(new ResultRow(who, "monteCarlo.statisticalEyeBer", m.statisticalEyeBer(), ""));
            }
        }
        return rows;
    }

    /** The unit of a result key, read from its name ({@code lengthMeters} → m). */
    static String unitOf(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith("pspernmkm")) {
            return "ps/(nm·km)";
        }
        if (k.endsWith("bitspersecond")) {
            return "b/s";
        }
        if (k.endsWith("meters")) {
            return "m";
        }
        if (k.endsWith("seconds")) {
            return "s";
        }
        if (k.endsWith("hz")) {
            return "Hz";
        }
        if (k.endsWith("dbm")) {
            return "dBm";
        }
        if (k.endsWith("db")) {
            return "dB";
        }
        if (k.endsWith("ui")) {
            return "UI";
        }
        if (k.endsWith("fraction")) {
            return "of OMA";
        }
        return "";
    }

    @Override
    public List<DataFile> files() {
        StringBuilder len = new StringBuilder("scenario,rate_bps,length_m,ber\n");
        StringBuilder tub = new StringBuilder("scenario,phase_ui,ber\n");
        StringBuilder arr = new StringBuilder("scenario,row,col,ber\n");
        StringBuilder prov = new StringBuilder("scenario,path,value,confidence,source,note\n");
        for (Scenario e : result.list()) {
            String who = Output.csvCell(e.name());
            double[] lengths = e.berVsLength().lengthsMeters();
            for (Curve c : e.berVsLength().curves()) {
                for (int i = 0; i < lengths.length; i++) {
                    len.append(who).append(',').append(c.rateBitsPerSecond()).append(',').append(lengths[i]).append(',')
                            .append(Output.csvCell(c.ber()[i])).append('\n');
                }
            }
            for (int i = 0; i < e.bathtub().phaseUi().length; i++) {
                tub.append(who).append(',').append(e.bathtub().phaseUi()[i]).append(',')
                        .append(Output.csvCell(e.bathtub().ber()[i])).append('\n');
            }
            double[] pc = e.result().perChannelBer();
            int cols = e.cols();
            for (int i = 0; i < pc.length; i++) {
                arr.append(who).append(',').append(i / cols).append(',').append(i % cols).append(',')
                        .append(Output.csvCell(pc[i])).append('\n');
            }
            for (Provenance p : e.provenance()) {
                prov.append(String.join(",", who, Output.csvCell(p.path()), Output.csvCell(p.value()),
                        Output.csvCell(confidence(p.confidence())), Output.csvCell(p.source()), Output.csvCell(p.note()))).append('\n');
            }
        }
        return List.of(new DataFile("channel-ber-vs-length.csv", len.toString()),
                new DataFile("channel-bathtub.csv", tub.toString()),
                new DataFile("channel-per-channel-ber.csv", arr.toString()),
                new DataFile("channel-provenance.csv", prov.toString()));
    }
}
