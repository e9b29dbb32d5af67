package org.mosaic.report;

import static org.mosaic.report.DatapathFigures.DEAD;
import static org.mosaic.report.DatapathFigures.IID;
import static org.mosaic.studies.datapath.DatapathReportStudy.AVERAGING_PERIOD_SECONDS;
import static org.mosaic.studies.datapath.DatapathReportStudy.BACKGROUND_BER;
import static org.mosaic.studies.datapath.DatapathReportStudy.DATA_CHANNELS;
import static org.mosaic.studies.datapath.DatapathReportStudy.DETECTION_LATENCY_SECONDS;
import static org.mosaic.studies.datapath.DatapathReportStudy.FAULT_AT_SECONDS;
import static org.mosaic.studies.datapath.DatapathReportStudy.FIT_PER_CHANNEL;
import static org.mosaic.studies.datapath.DatapathReportStudy.FRAMES_PER_SECOND;
import static org.mosaic.studies.datapath.DatapathReportStudy.TARGET_FRAME_LOSS_RATIO;
import static org.mosaic.studies.datapath.DatapathReportStudy.TARGET_POST_FEC_BER;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.units.Dimension;
import org.mosaic.datapath.ChannelPlan;
import org.mosaic.datapath.HostSpec;
import org.mosaic.studies.Finding;
import org.mosaic.studies.Finding.Verdict;
import org.mosaic.studies.Output;
import org.mosaic.studies.Results;
import org.mosaic.studies.datapath.DatapathReport;
import org.mosaic.studies.datapath.DatapathReport.Budget;
import org.mosaic.studies.datapath.DatapathReport.DeadCase;
import org.mosaic.studies.datapath.DatapathReport.EnginePoint;
import org.mosaic.studies.datapath.DatapathReportStudy;
import org.mosaic.studies.datapath.Variant;

/**
 * The datapath section: renders the report's datapath study ({@link DatapathReportStudy}, {@link DatapathReport}) —
 * what the host's RS(544,514) "KP4" FEC makes of the MOSAIC channels per gearbox mapping, dead channels and failover,
 * and the detection-latency budget. The charts are {@link DatapathFigures}, the tables {@link DatapathTables}, the CSV
 * files {@link DatapathFiles}; its JSON is the study's result as it serialises.
 */
public final class DatapathSection implements Section {
    private final DatapathReport report;
    private final DatapathFigures figures;
    private final DatapathTables tables;

    public DatapathSection(DatapathReport report) {
        this.report = report;
        this.figures = new DatapathFigures(report);
        this.tables = new DatapathTables(report);
    }

    /** The study's result this section renders. */
    public DatapathReport result() {
        return report;
    }

    public long seed() {
        return report.seed();
    }

    @Override
    public String id() {
        return "datapath";
    }

    /** Anchor of the dead-channel table. */
    static final String DEAD_ANCHOR = "datapath-dead";

    /**
     * Per gearbox mapping: how many simultaneously dead channels the host's RS(544,514) absorbs before failover, i.e.
     * with the frame loss ratio during the detection window at most {@link #TARGET_FRAME_LOSS_RATIO}.
     */
    @Override
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Variant v : Variant.MAPPINGS) {
            List<DeadCase> cases = report.deadCases().stream().filter(d -> d.variant().equals(v))
                    .sorted(java.util.Comparator.comparingInt(DeadCase::deadChannels)).toList();
            if (cases.isEmpty()) {
                continue;
            }
            int survived = 0;
            DeadCase firstLost = null;
            for (DeadCase d : cases) {
                if (d.exactWindowFrameLossRatio() <= TARGET_FRAME_LOSS_RATIO && firstLost == null) {
                    survived = d.deadChannels();
                } else if (firstLost == null) {
                    firstLost = d;
                }
            }
            DeadCase one = cases.get(0);
            String text = "RS(544,514) with the " + v.label() + " gearbox mapping " + (survived >= 1 ? "survives " : "does not survive ")
                    + (survived >= 1 ? survived + " dead channel" + (survived > 1 ? "s" : "") : "a dead channel")
                    + " until failover: frame loss ratio " + Output.ber(one.exactWindowFrameLossRatio()) + " with " + one.deadChannels()
                    + " dead (target " + Output.ber(TARGET_FRAME_LOSS_RATIO) + ")"
                    + (firstLost != null && survived >= 1 ? ", " + Output.ber(firstLost.exactWindowFrameLossRatio()) + " with "
                            + firstLost.deadChannels() + " dead" : "")
                    + "; other channels at BER " + Output.ber(BACKGROUND_BER);
            out.add(new Finding(Verdict.of(survived >= 1), text, DEAD_ANCHOR));
        }
        return out;
    }

    @Override
    public List<String> seeds() {
        return List.of("datapath emulations: " + report.seed());
    }

    @Override
    public String title() {
        return "Datapath: KP4 FEC, gearbox mappings, dead channels and failover";
    }

    @Override
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<p>What the host's RS(544,514) \"KP4\" FEC (t = 15 symbols of 10 bits) makes of the MOSAIC channels. ")
                .append(DATA_CHANNELS).append(" data channels at ")
                .append(Html.esc(Output.si(HostSpec.HOST_800G.rateBitsPerSecond() / DATA_CHANNELS, Dimension.DATA_RATE)))
                .append(" carry an 800GAUI-8 host stream (8 × 106.25 Gb/s, two FEC flows of two symbol-interleaved codewords, each "
                        + "flow dealt to its 16 PCS lanes one 10-bit symbol at a time, so a PCS lane carries one codeword: 802.3bs "
                        + "Clause 119 as an 802.3bs core vendor and the Ethernet Alliance describe it, the clause text not read; "
                        + "docs/datapath.md); "
                        + ChannelPlan.MOSAIC_800G.spares() + " spares stand by. The gearbox mapping decides how a channel's bits fall into FEC symbols: <b>bit</b> "
                        + "(host bits round-robin over the channels; a channel's bits come from PCS lanes of two of a block's four "
                        + "codewords, " + "up to " + tables.maxHit(Variant.BIT, 1) + " bits of each, every one in a different symbol), "
                        + "<b>symbol</b> (whole 10-bit symbols round-robin: " + "up to " + tables.maxHit(Variant.SYMBOL, 1)
                        + " symbols of two of the four codewords per channel), <b>codeword-aware</b> "
                        + "(whole symbols dealt codeword by codeword: " + "up to " + tables.maxHit(Variant.CODEWORD_AWARE, 1)
                        + " of every codeword per channel, spread evenly). A sensitivity case, <b>" + Variant.BIT_UNIT_DEALING.label()
                        + "</b>, reads 802.3 the other way (units of one symbol per codeword, so every PCS lane carries both codewords "
                        + "of its flow; the model's default before): the bit mapping then spreads a channel over all four codewords, "
                        + "up to " + tables.maxHit(Variant.BIT_UNIT_DEALING, 1) + " symbols of each. The frame loss ratio (FLR) is "
                        + "for 64-octet frames laid end to end over the message bits; a frame is lost when a codeword of a block it "
                        + "touches fails. Target: FLR ").append(Output.ber(TARGET_FRAME_LOSS_RATIO))
                .append(", the IEEE 802.3 equivalent of a post-FEC BER of ").append(Output.ber(TARGET_POST_FEC_BER))
                .append(" for 64-octet frames. Engines: <i>error-event</i> (every channel error sampled and decoded; 95 % "
                        + "Clopper–Pearson intervals of the codeword failure ratio mapped to FLR) and <i>importance sampler</i> "
                        + "(codeword failures sampled under tilted symbol-error probabilities and reweighted; normal 95 % intervals). "
                        + "Every run uses seed ").append(report.seed()).append(", so the mappings see the same channel errors.</p>\n");

        sb.append("<h3>Frame loss against pre-FEC BER</h3>\n");
        sb.append(figure(figures.iidChart(), "iid", 980, 560, "Independent errors at the same BER on every channel. Line: analytic "
                + "codeword failure P[X > 15], X ~ Bin(544, p_s), p_s = 1 − (1 − BER)^10, through the 64-octet FLR formula. "
                + "Filled circles: error-event engine (" + tables.counts(tables.pointsOf(IID, false)) + " codewords); open diamonds: importance "
                + "sampler; bars: 95 % intervals, most smaller than the markers on this scale (" + tables.widths(IID) + "). Points are spread by ±7 % in BER so that they do not hide each "
                + "other. With i.i.d. errors every symbol errs with the same probability whatever the mapping, so the mappings "
                + "coincide: the importance-sampler points are identical by construction (same symbol error probabilities, same "
                + "seed) and the error-event points differ only by sampling noise. The analytic curve crosses the target at BER "
                + Output.ber(report.iidBerAtTargetFrameLossRatio()) + "."));
        sb.append(tables.iidTable());
        sb.append(figure(figures.deadChart(), "dead", 980, 600, "Where the mapping matters: one dead channel (channel " + report.deadChannels()[0]
                + " sends random bits, BER ½) and independent errors at a background BER on every other channel — the state "
                + "of the link during the detection window, before failover. x is the background BER (the mean pre-FEC BER "
                + "is higher by 0.5/400 = 1.25e-3). Lines: exact FLR of this independent-error model (per codeword, the "
                + "Poisson-binomial tail over its symbols, each with its own error probability from the gearbox permutation); "
                + "grey dotted: no dead channel; codeword-aware dashed. Points: engines as above (" + tables.widths(DEAD) + "; runs without a failed codeword "
                + "are not drawn). The bit mapping puts " + tables.maxHit(Variant.BIT, 1) + " symbols of two of a block's four codewords on "
                + "the dead channel, about half of them wrong: the dead channel alone exceeds t = 15 on those two, whatever the background "
                + "BER (a flat FLR near the fraction of frames touching them). Symbol puts ≤ " + tables.maxHit(Variant.SYMBOL, 1)
                + " symbols of a codeword on it and codeword-aware ≤ " + tables.maxHit(Variant.CODEWORD_AWARE, 1) + ", keeping "
                + (16 - tables.maxHit(Variant.SYMBOL, 1)) + " and " + (16 - tables.maxHit(Variant.CODEWORD_AWARE, 1))
                + " background symbol errors away from failure (FLR ∝ BER^" + (16 - tables.maxHit(Variant.SYMBOL, 1)) + " and BER^"
                + (16 - tables.maxHit(Variant.CODEWORD_AWARE, 1)) + "). Dotted: the bit mapping under unit PCS dealing (the "
                + "alternative reading of 802.3, docs/datapath.md): " + tables.maxHit(Variant.BIT_UNIT_DEALING, 1) + " symbols of every "
                + "codeword at risk, about 7 of them wrong, so a few background symbol errors break a codeword (FLR ∝ BER² at low BER)."));
        sb.append(tables.deadPointTable());

        sb.append("<h3 id=\"").append(DEAD_ANCHOR).append("\">Dead channels before and after failover</h3>\n");
        sb.append("<p>Channels ").append(Html.esc(Arrays.toString(report.deadChannels())))
                .append(" (the first one, two or three of them) send random bits; every other channel, spares included, has the "
                        + "design background BER ").append(Output.ber(BACKGROUND_BER))
                .append(". <i>During the window</i>: a run that lies entirely between the fault and its detection. <i>After "
                        + "failover</i>: the channels are detected at once and their traffic moves to spares (" + Html.esc(tables.failoverList()) + "). "
                        + "<i>One event</i>: a run of ")
                .append(Html.esc(Output.si(report.deadCases().get(0).timeline().run().simulatedSeconds(), Dimension.TIME)))
                .append(" where the channels die at ").append(Html.esc(Output.si(FAULT_AT_SECONDS, Dimension.TIME)))
                .append(" and fail over after the default detection latency of ")
                .append(Html.esc(Output.si(DETECTION_LATENCY_SECONDS, Dimension.TIME)))
                .append(" (assumed); its lost frames are counted and compared with the exact window FLR × ")
                .append(Html.esc(Output.number(FRAMES_PER_SECOND * DETECTION_LATENCY_SECONDS, 5)))
                .append(" frames sent in the window.</p>\n");
        sb.append(figure(figures.deadCasesChart(), "cases", 980, 560, "FLR during the detection window against the number of dead "
                + "channels. Lines with open squares: exact independent-error FLR; filled circles: error-event count (only where "
                + "codewords failed); open diamonds: importance sampler; bars: 95 % intervals. After failover every case returns "
                + "to the background FLR " + Output.ber(report.deadCases().get(0).backgroundFrameLossRatio()) + " (grey line; "
                + "no frame was lost in any after-failover run). Under the default single-symbol dealing one dead channel costs "
                + "two of a block's four codewords up to " + tables.maxHit(Variant.BIT, 1) + " symbols with the bit mapping, about half "
                + "of them wrong, so it alone breaks KP4 (t = 15) on those codewords; the symbol mapping risks ≤ " + tables.maxHit(Variant.SYMBOL, 1)
                + " symbols of a codeword and codeword-aware ≤ " + tables.maxHit(Variant.CODEWORD_AWARE, 1) + ", and with three dead channels ≤ "
                + tables.maxHit(Variant.SYMBOL, 3) + " and ≤ " + tables.maxHit(Variant.CODEWORD_AWARE, 3) + ". Under unit dealing (the sensitivity "
                + "case) the bit mapping risks " + tables.maxHit(Variant.BIT_UNIT_DEALING, 1) + " symbols of every codeword with one dead channel, "
                + "below t, and " + tables.maxHit(Variant.BIT_UNIT_DEALING, 2) + " and " + tables.maxHit(Variant.BIT_UNIT_DEALING, 3)
                + " with two and three."));
        sb.append(tables.deadTable());

        sb.append("<h3>Detection-latency budget for one channel dying</h3>\n");
        sb.append("<p>While a dead channel waits for detection the link runs at the window FLR of the chart above; afterwards "
                + "it is back at the background FLR. One failure therefore costs (FLR<sub>window</sub> − FLR<sub>background</sub>) "
                + "× ").append(Html.esc(Output.ber(FRAMES_PER_SECOND)))
                .append(" frames/s × latency lost frames. Two criteria, for a target FLR of ").append(Output.ber(TARGET_FRAME_LOSS_RATIO))
                .append(":</p>\n<ul>\n<li><b>averaged</b>: the FLR averaged over a period T containing one failure stays "
                        + "within the target: (FLR<sub>bg</sub>·T + (FLR<sub>win</sub> − FLR<sub>bg</sub>)·L)/T ≤ target, so "
                        + "L<sub>max</sub> = (target − FLR<sub>bg</sub>)·T/(FLR<sub>win</sub> − FLR<sub>bg</sub>), with T = ")
                .append(Html.esc(Output.si(AVERAGING_PERIOD_SECONDS, Dimension.TIME)))
                .append(" (assumed: one channel failure per hour per cable is deliberately harsh; the budget scales with T). "
                        + "\"Unlimited\" means even a failure never detected within T meets the target. For reference, ")
                .append(DATA_CHANNELS).append(" channels at ").append(Output.number(FIT_PER_CHANNEL, 2))
                .append(" FIT each (the paper's pessimistic value) fail once per ")
                .append(Html.esc(Output.si(1e9 / (DATA_CHANNELS * FIT_PER_CHANNEL) * 3600, Dimension.TIME)))
                .append(" per cable, which would make every limit that many times longer;</li>\n<li><b>hitless</b>: one failure "
                        + "loses at most one frame on average: L<sub>max</sub> = 1/((FLR<sub>win</sub> − FLR<sub>bg</sub>)·frames/s). "
                        + "This is what a failover invisible to the traffic needs.</li>\n</ul>\n");
        sb.append(figure(figures.budgetChart(), "budget", 980, 600, "Longest detection latency against the background BER of the "
                + "healthy channels, one channel dying (channel " + report.deadChannels()[0] + "). Solid: averaged criterion (T = 1 h); "
                + "dashed: hitless. Lines from the exact window FLR; points with 95 % bars from the engines' window FLR (diamonds: "
                + "importance sampler; circles: error-event count, used for the bit mapping, whose dead channel alone breaks two codewords "
                + "of every block, so failures are common enough to count). Values of 10^4 s or more, and unlimited "
                + "ones, are drawn at the top edge (an averaged line steps down from it where a failure left undetected for the "
                + "whole period would just break the target); above a background BER of "
                + Output.ber(report.iidBerAtTargetFrameLossRatio()) + " the healthy link alone misses the target and no latency is short enough. "
                + "Grey line: the default detection latency (assumed)."));
        sb.append(tables.budgetSummary());
        sb.append(tables.budgetTable());

        sb.append("<h3>Assumptions and sources</h3>\n");
        sb.append(Html.provenanceTable(provenance()));
        sb.append("<p class=\"note\">Not modelled: error bursts and crosstalk (the importance sampler needs independent errors; "
                + "the error-event engine supports them but they are not exercised here), 64b/66b and 256b/257b transcoding, "
                + "scrambler, alignment markers (docs/datapath.md). The FLR intervals map the codeword failure interval through "
                + "the independent-failure FLR formula, which is optimistic when failures cluster.</p>\n");
        return sb.toString();
    }

    private static String figure(JFreeChart chart, String key, int width, int height, String caption) {
        return Html.figure(Charts.svg(chart, width, height, "dp-" + key), caption);
    }

    /** The section's figures by key (iid, dead, cases, budget), for rendering elsewhere (PNG previews). */
    public Map<String, JFreeChart> charts() {
        return figures.charts();
    }

    /** The numbers this section uses with their sources (the study's). */
    public static List<Provenance> provenance() {
        return DatapathReportStudy.provenance();
    }

    @Override
    public JsonNode json() {
        return Results.tree(report);
    }

    @Override
    public List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>();
        rows.add(new ResultRow("i.i.d. errors", "berAtTargetFrameLossRatio", report.iidBerAtTargetFrameLossRatio(), ""));
        for (EnginePoint p : report.points()) {
            if (p.importance() && p.ber() == 2.4e-4 && p.panel().equals(IID)) {
                rows.add(new ResultRow("i.i.d. BER 2.4e-4, " + p.variant().label(), "frameLossRatio (importance)",
                        p.run().frameLossRatio().value(), ""));
            }
        }
        rows.add(new ResultRow("i.i.d. BER 2.4e-4", "codewordFailure (analytic)", report.iidCodewordFailureAt(2.4e-4), ""));
        for (DeadCase c : report.deadCases()) {
            String who = c.deadChannels() + " dead, " + c.variant().label();
            rows.add(new ResultRow(who, "windowFrameLossRatio (exact)", c.exactWindowFrameLossRatio(), ""));
            if (c.windowImportance() != null) {
                rows.add(new ResultRow(who, "windowFrameLossRatio (importance)", c.windowImportance().frameLossRatio().value(), ""));
            }
            rows.add(new ResultRow(who, "windowFrameLossRatio (error-event)", c.window().frameLossRatio().value(), ""));
            rows.add(new ResultRow(who, "afterFailoverFrameLossRatio (counted)", c.after().frameLossRatio().value(), ""));
            rows.add(new ResultRow(who, "afterFailoverFrameLossRatio (exact)", c.backgroundFrameLossRatio(), ""));
            rows.add(new ResultRow(who, "lostFramesOneEvent", c.timeline().run().lostFrames(), "frames"));
        }
        for (Budget b : report.budgets()) {
            String who = "one dead, " + b.variant().label() + ", background BER " + Output.ber(b.backgroundBer());
            rows.add(new ResultRow(who, "windowFrameLossRatio (" + b.engine() + ")", b.windowFrameLossRatio().value(), ""));
            rows.add(new ResultRow(who, "averagedLatencySeconds", finiteOrNull(b.averagedLatencySeconds().value()), "s"));
            rows.add(new ResultRow(who, "hitlessLatencySeconds", finiteOrNull(b.hitlessLatencySeconds().value()), "s"));
        }
        return rows;
    }

    /** results.csv has no infinity: unlimited becomes an empty cell (null), documented in results.json by the *Unlimited flags. */
    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    @Override
    public List<DataFile> files() {
        return DatapathFiles.files(report);
    }
}
