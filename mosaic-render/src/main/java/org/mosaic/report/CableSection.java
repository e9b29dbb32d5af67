package org.mosaic.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.mosaic.link.ChannelPlan;
import org.mosaic.link.PowerModel;
import org.mosaic.link.baseline.Comparison;
import org.mosaic.link.baseline.ComparisonRow;
import org.mosaic.link.reliability.MonteCarloResult;
import org.mosaic.link.reliability.ReliabilityResult;
import org.mosaic.studies.Finding;
import org.mosaic.studies.Finding.Verdict;
import org.mosaic.studies.Output;
import org.mosaic.studies.Results;
import org.mosaic.studies.cable.CableReportResult;
import org.mosaic.studies.cable.CableReportResult.Cable;

/**
 * The cable section: for each cable preset its channel plan (drawn), power per end bottom-up, reliability over
 * the service life with and without spares (analytic, cross-checked by Monte Carlo); then every technology side
 * by side at 800G (power, FIT, reach) and copper's reach against lane rate. Renders a {@link CableReportResult}
 * (computed by {@link org.mosaic.studies.cable.CableReportStudy}); its charts are drawn by {@link CableCharts}.
 */
public final class CableSection implements Section {
    private final CableReportResult result;
    private final List<Cable> cables;
    private final Comparison.Result at800;
    private final Comparison.Result at1600;

    public CableSection(CableReportResult result) {
        this.result = result;
        this.cables = result.cableList();
        this.at800 = result.comparison800G();
        this.at1600 = result.comparison1600G();
    }

    public List<Cable> cables() {
        return cables;
    }

    public Comparison.Result comparison800() {
        return at800;
    }

    @Override
    public String id() {
        return "cable";
    }

    /** Anchor of the side-by-side comparison. */
    static final String COMPARE_ANCHOR = "cable-compare";

    /** Per cable, its first claim set at 800G (the cable's own host attachment): the ratios against today's links. */
    @Override
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Cable c : cables) {
            for (Comparison.ClaimSet cs : at800.claims()) {
                if (!cs.subject().startsWith(c.name() + " ")) {
                    continue;
                }
                String at = f("at %s, %s", at800.generation(), Output.meters(at800.lengthMeters()));
                boolean reaches = cs.ratios().stream().allMatch(Comparison.Ratio::subjectReaches);
                if (!reaches || cs.ratios().isEmpty()) {
                    out.add(new Finding(Verdict.FAILS, cs.subject() + ": power and reliability ratios against today's links " + at
                            + " not applicable — it does not reach " + Output.meters(at800.lengthMeters()) + " (reach "
                            + org.mosaic.studies.ChannelFacts.reach(c.reachMeters(), false) + ")", COMPARE_ANCHOR));
                    break;
                }
                List<String> parts = new ArrayList<>();
                boolean favourable = true;
                for (Comparison.Ratio r : cs.ratios()) {
                    boolean power = r.claim() == Comparison.Claim.POWER_SAVING_VS_AOC || r.claim() == Comparison.Claim.POWER_SAVING_VS_DSP_PLUGGABLE;
                    parts.add(r.claim().label() + " (" + r.reference() + ") " + (power ? Output.percent(r.value()) : Output.number(r.value(), 3) + "×"));
                    favourable &= power ? r.value() > 0 : r.value() > 1;
                }
                out.add(new Finding(Verdict.of(favourable), cs.subject() + " against today's links " + at + ": "
                        + String.join("; ", parts), COMPARE_ANCHOR));
                break;
            }
        }
        return out;
    }

    @Override
    public List<String> seeds() {
        List<String> out = new ArrayList<>();
        for (Cable c : cables) {
            out.add("cable " + c.name() + " reliability Monte Carlo: " + c.seed());
        }
        return out;
    }

    @Override
    public String title() {
        return "The cable: channel plan, power, reliability, and today's links";
    }

    @Override
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<p>A cable is two directions of channels between two ends. Its plan follows from the host interface "
                + "(data channels = line rate / channel rate), the spare and parity channels and the array pitch; its power "
                + "per end adds up LED bias and drivers, receivers and CTLEs of the driven channels, the gearbox, clocking, "
                + "control, regulator loss and the host interface; its reliability is a k-out-of-n model of each direction "
                + "in series with the parts every channel shares. Every coefficient is listed with its source below.</p>\n");
        sb.append(summaryTable());
        for (Cable c : cables) {
            sb.append(cableHtml(c));
        }
        sb.append("<h3 id=\"").append(COMPARE_ANCHOR).append("\">Side by side with today's links</h3>\n");
        sb.append(comparisonTable(at800));
        sb.append(claims(at800));
        sb.append(fig(CableCharts.power(result), "cable-power", 1000, 560, "Power per end at 800G: our bottom-up breakdown for the microLED "
                + "cables, the catalog's figure for the others (bars without a breakdown). Baselines exclude the host's own "
                + "SerDes; the microLED rows include their host interface (2.4 W pluggable, 0.2 W co-packaged)."));
        sb.append(fig(CableCharts.fit(at800), "cable-fit", 1000, 520, "FIT per end (log scale): the microLED rows from our reliability "
                + "model (cable FIT over the service life / 2), the others from the catalog."));
        sb.append(fig(CableCharts.reach(result), "cable-reach", 1000, 560, "Reach against lane rate. Copper's curves are computed: "
                + "the twinax loss k1·√f + k2·f per metre at the lane's Nyquist frequency against the cable's loss allowance "
                + "(PAM4 lanes, so lane rate = 4 × Nyquist frequency); the points are each optical technology's reach at "
                + "100G and 200G lanes from the catalog, and the microLED cables' modelled reach (independent of the host lane rate)."));
        sb.append("<h3>At 1.6T</h3>\n").append(comparisonTable(at1600));
        sb.append("<h3>Where the baseline numbers come from</h3>\n");
        sb.append(Html.provenanceTable(result.baselineProvenance()));
        return sb.toString();
    }

    private String summaryTable() {
        List<List<String>> rows = new ArrayList<>();
        for (Cable c : cables) {
            ChannelPlan p = c.plan();
            ReliabilityResult rel = c.reliability();
            PowerModel.Power pw = c.power();
            PowerModel.Power other = c.powerOtherAttachment();
            rows.add(List.of(c.name(), p.hostInterface(), p.dataChannels() + " + " + p.parityChannels() + " + " + p.spareChannels(),
                    Output.si(p.channelRateBitsPerSecond(), org.mosaic.core.units.Dimension.DATA_RATE),
                    f("%.2f mm²", p.dieAreaSquareMillimeters()),
                    f("%.2f W (%s)", pw.perEndWatts(), pw.attachment().id()), f("%.2f W (%s)", other.perEndWatts(), other.attachment().id()),
                    f("%.4g", rel.withSpares().perEndFit()), Output.percent(rel.afrPerEnd()), org.mosaic.studies.ChannelFacts.reach(c.reachMeters(), false)));
        }
        return Html.table(List.of("cable", "host", ">data + parity + spare", ">channel rate", ">die", ">power per end",
                ">other host", ">FIT per end", ">AFR per end", ">reach"), rows, null);
    }

    private String cableHtml(Cable c) {
        StringBuilder sb = new StringBuilder();
        String id = "cable-" + c.name().replaceAll("[^A-Za-z0-9]+", "-");
        ChannelPlan p = c.plan();
        sb.append("<h3 id=\"").append(Html.esc(id)).append("\">").append(Html.esc(c.name())).append("</h3>\n");
        String closure = c.channelDoesNotClose();
        if (closure != null) {
            sb.append("<p class=\"bad\"><b>Warning: ").append(Html.esc(closure)).append(".</b></p>\n");
        }
        sb.append("<h4>Channel plan</h4>\n<div class=\"grid2\">\n");
        sb.append(fig(CableCharts.plan(c), id + "-plan", 560, 600, "The emitter array as laid out (the photodiode array mirrors it): "
                + "data channels fill the " + p.dataRows() + " x " + p.dataCols() + " data array, parity and spare channels the "
                + "rows below (placement: " + c.sparePlacement() + ")."));
        List<List<String>> plan = new ArrayList<>();
        plan.add(List.of("host interface", p.hostInterface() + " (" + Output.si(p.lineRateBitsPerSecond(),
                org.mosaic.core.units.Dimension.DATA_RATE) + " line rate)"));
        plan.add(List.of("channels", p.dataChannels() + " data, " + p.parityChannels() + " parity, " + p.spareChannels() + " spare"));
        plan.add(List.of("channel rate", Output.si(p.channelRateBitsPerSecond(), org.mosaic.core.units.Dimension.DATA_RATE)
                + f(" (%.1f %% of capacity used)", 100 * p.utilisation())));
        plan.add(List.of("array and die", p.gridRows() + " x " + p.gridCols() + f(" at %.0f µm: %.3g mm²", p.emitterPitchMeters() * 1e6,
                p.dieAreaSquareMillimeters())));
        plan.add(List.of("fibre cores", f("%.1f per channel; %.0f lit of %d", p.coresPerChannel(), p.coresLit(), p.fibreCores())));
        plan.add(List.of("skew", f("%.0f ps = %.2f UI (n_g = %.3f); deskew buffer %d bits per channel, %d per end",
                p.skewSeconds() * 1e12, p.skewUnitIntervals(), p.groupIndex(), p.deskewBitsPerChannel(), p.deskewBufferBits())));
        sb.append("<div>").append(Html.table(List.of("plan", "value"), plan, null));
        List<List<String>> checks = new ArrayList<>();
        List<String> cls = new ArrayList<>();
        for (ChannelPlan.Check ch : p.checks()) {
            checks.add(List.of(ch.name(), ch.ok() ? "ok" : "no", ch.detail()));
            cls.add(ch.ok() ? "good" : "bad");
        }
        sb.append(Html.table(List.of("check", "", "detail"), checks, cls)).append("</div>\n</div>\n");

        sb.append("<h4>Power per end</h4>\n");
        List<List<String>> pw = new ArrayList<>();
        PowerModel.Power a = c.power();
        PowerModel.Power b = c.powerOtherAttachment();
        for (int i = 0; i < a.breakdown().size(); i++) {
            PowerModel.Item x = a.breakdown().get(i);
            pw.add(List.of(x.item(), f("%.3f", x.watts()), f("%.3f", b.breakdown().get(i).watts()), x.basis()));
        }
        pw.add(List.of("total per end", f("%.2f", a.perEndWatts()), f("%.2f", b.perEndWatts()), ""));
        pw.add(List.of("pJ/bit (payload)", f("%.2f", a.perBitPicojoules()), f("%.2f", b.perBitPicojoules()), ""));
        sb.append(Html.table(List.of("item", ">W, " + a.attachment().id(), ">W, " + b.attachment().id(), "basis"), pw, null));

        sb.append("<h4>Reliability</h4>\n");
        ReliabilityResult rel = c.reliability();
        MonteCarloResult mc = c.reliabilityMonteCarlo();
        List<List<String>> rr = new ArrayList<>();
        rr.add(List.of("cable FIT, averaged over the service life", f("%.4g", rel.withSpares().linkFit()), f("%.4g", rel.withoutSpares().linkFit())));
        rr.add(List.of("FIT per end", f("%.4g", rel.withSpares().perEndFit()), f("%.4g", rel.withoutSpares().perEndFit())));
        rr.add(List.of("AFR per cable, both ends (average over the life)", Output.percent(rel.withSpares().afrPerCable()),
                Output.percent(rel.withoutSpares().afrPerCable())));
        rr.add(List.of("AFR per end (average over the life)", Output.percent(rel.withSpares().afrPerEnd()),
                Output.percent(rel.withoutSpares().afrPerEnd())));
        rr.add(List.of("MTTF", f("%.4g h", rel.withSpares().mttfHours()), f("%.4g h", rel.withoutSpares().mttfHours())));
        rr.add(List.of(f("works after %.3g years (analytic)", c.serviceYears()),
                f("%.6f", rel.withSpares().reliabilityAtServiceLife()), f("%.6f", rel.withoutSpares().reliabilityAtServiceLife())));
        rr.add(List.of(f("same, Monte Carlo (%,d cables; 95 %% interval)", mc.trials()),
                f("%.5f [%.5f, %.5f]", mc.reliabilityAtServiceLife().estimate(), mc.reliabilityAtServiceLife().lower95(),
                        mc.reliabilityAtServiceLife().upper95()),
                f("%.5f [%.5f, %.5f]", mc.reliabilityWithoutSpares().estimate(), mc.reliabilityWithoutSpares().lower95(),
                        mc.reliabilityWithoutSpares().upper95())));
        rr.add(List.of("spares run out within the service life", f("%.3g", rel.exhaustion().probabilityWithinServiceLife()), ""));
        sb.append(Html.table(List.of("", ">with spares", ">without spares"), rr, null));
        sb.append("<p class=\"note\">Policy: ").append(Html.esc(rel.policy())).append(".</p>\n");
        for (String n : rel.notes()) {
            sb.append("<p class=\"note\">").append(Html.esc(n)).append("</p>\n");
        }
        sb.append(fig(CableCharts.survival(c), id + "-survival", 900, 460, "Probability that the cable still works over its service "
                + "life, with its spares and without them (every channel needed)."));
        List<List<String>> br = new ArrayList<>();
        for (ReliabilityResult.Contribution x : rel.breakdown()) {
            br.add(List.of(x.name(), x.role(), Integer.toString(x.count()), f("%.4g", x.averagedFit()), Output.percent(x.share())));
        }
        sb.append(Html.table(List.of("part", "where", ">count", ">FIT (averaged)", ">share"), br, null));

        sb.append("<h4>Cable parameters and their sources</h4>\n");
        sb.append(Html.provenanceTable(c.provenance()));
        return sb.toString();
    }

    private static String comparisonTable(Comparison.Result r) {
        List<List<String>> rows = new ArrayList<>();
        List<String> cls = new ArrayList<>();
        for (ComparisonRow c : r.rows()) {
            if (!c.available()) {
                rows.add(List.of(c.technology(), "not offered", "", "", "", "", "", c.note()));
                cls.add(null);
                continue;
            }
            rows.add(List.of(c.technology() + (c.ourModel() ? " (our model)" : ""), c.reaches() ? "yes" : "no",
                    c.reachMeters() == null ? "" : c.ourModel() ? org.mosaic.studies.ChannelFacts.reach(c.reachMeters(), false)
                            : Output.meters(c.reachMeters()), d(c.powerPerEndWatts(), "%.2f"),
                    d(c.perBitPicojoules(), "%.2f"), d(c.fitPerEnd(), "%.4g"), c.afrPerEnd() == null ? "" : Output.percent(c.afrPerEnd()),
                    c.confidence() == null ? "" : c.confidence().name().toLowerCase(Locale.ROOT)));
            cls.add(c.reaches() ? null : "bad");
        }
        return "<p>" + Html.esc(r.generation() + ": " + r.hostLanes()) + f("; cable length %.0f m.", r.lengthMeters()) + "</p>\n"
                + Html.table(List.of("technology", "reaches?", ">reach", ">W per end", ">pJ/bit", ">FIT per end", ">AFR per end",
                "confidence"), rows, cls);
    }

    private static String claims(Comparison.Result r) {
        StringBuilder sb = new StringBuilder("<h4>MOSAIC's claims, recomputed</h4>\n<ul>\n");
        for (Comparison.ClaimSet cs : r.claims()) {
            for (Comparison.Ratio x : cs.ratios()) {
                sb.append("<li><b>").append(Html.esc(cs.subject())).append("</b> — ").append(Html.esc(x.claim().label()))
                        .append(": ").append(Html.esc(x.arithmetic())).append("</li>\n");
            }
        }
        return sb.append("</ul>\n").toString();
    }

    /** Every chart of the section (for tests and for looking at them as PNG). */
    public List<ChannelSection.Figure> figures() {
        List<ChannelSection.Figure> out = new ArrayList<>();
        for (Cable c : cables) {
            out.add(new ChannelSection.Figure("plan-" + c.name(), CableCharts.plan(c), 560, 600, ""));
            out.add(new ChannelSection.Figure("survival-" + c.name(), CableCharts.survival(c), 900, 460, ""));
        }
        out.add(new ChannelSection.Figure("power", CableCharts.power(result), 1000, 560, ""));
        out.add(new ChannelSection.Figure("fit", CableCharts.fit(at800), 1000, 520, ""));
        out.add(new ChannelSection.Figure("reach", CableCharts.reach(result), 1000, 560, ""));
        return out;
    }

    private static String fig(JFreeChart chart, String id, int w, int h, String caption) {
        return Html.figure(Charts.svg(chart, w, h, id), caption);
    }

    @Override
    public JsonNode json() {
        return Results.tree(result);
    }

    @Override
    public List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>();
        for (Cable c : cables) {
            ChannelPlan p = c.plan();
            rows.add(new ResultRow(c.name(), "data channels", p.dataChannels(), ""));
            rows.add(new ResultRow(c.name(), "total channels", p.totalChannels(), ""));
            rows.add(new ResultRow(c.name(), "die area", p.dieAreaSquareMillimeters(), "mm2"));
            rows.add(new ResultRow(c.name(), "power per end, " + c.power().attachment().id(), c.power().perEndWatts(), "W"));
            rows.add(new ResultRow(c.name(), "power per end, " + c.powerOtherAttachment().attachment().id(),
                    c.powerOtherAttachment().perEndWatts(), "W"));
            rows.add(new ResultRow(c.name(), "FIT per end", c.reliability().withSpares().perEndFit(), "FIT"));
            rows.add(new ResultRow(c.name(), "AFR per cable", c.reliability().afrPerCable(), ""));
            rows.add(new ResultRow(c.name(), "AFR per end", c.reliability().afrPerEnd(), ""));
            rows.add(new ResultRow(c.name(), "MTTF", c.reliability().mttfHours(), "h"));
            rows.add(new ResultRow(c.name(), "reach", c.reachMeters(), "m"));
        }
        for (ComparisonRow r : at800.rows()) {
            if (r.available() && r.powerPerEndWatts() != null) {
                rows.add(new ResultRow("800G " + r.technology(), "power per end", r.powerPerEndWatts(), "W"));
            }
        }
        return rows;
    }

    private static String d(Double v, String fmt) {
        return v == null ? "" : String.format(Locale.ROOT, fmt, v);
    }

    private static String f(String fmt, Object... a) {
        return String.format(Locale.ROOT, fmt, a);
    }
}
