package org.mosaic.report;

import static org.mosaic.report.DatapathFigures.DEAD;
import static org.mosaic.report.DatapathFigures.IID;
import static org.mosaic.studies.datapath.DatapathReportStudy.BACKGROUND_BER;
import static org.mosaic.studies.datapath.DatapathReportStudy.DETECTION_LATENCY_SECONDS;
import static org.mosaic.studies.datapath.DatapathReportStudy.TARGET_FRAME_LOSS_RATIO;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.mosaic.core.units.Dimension;
import org.mosaic.datapath.Estimate;
import org.mosaic.studies.Output;
import org.mosaic.studies.datapath.DatapathReport;
import org.mosaic.studies.datapath.DatapathReport.Budget;
import org.mosaic.studies.datapath.DatapathReport.DeadCase;
import org.mosaic.studies.datapath.DatapathReport.EnginePoint;
import org.mosaic.studies.datapath.DatapathReport.Run;
import org.mosaic.studies.datapath.Variant;

/** The datapath section's tables and the sentences computed from its numbers ({@link DatapathReport}). */
final class DatapathTables {
    private final DatapathReport report;

    DatapathTables(DatapathReport report) {
        this.report = report;
    }

    /** The failovers of the run with the most dead channels after failover, as "21→400, …". */
    String failoverList() {
        List<String> s = new ArrayList<>();
        report.deadCases().stream().filter(c -> c.variant().equals(Variant.BIT) && c.deadChannels() == report.deadChannels().length).findFirst()
                .ifPresent(c -> c.after().emulation().failovers().forEach(f -> s.add(f.fromPhysical() + "→" + f.toPhysical())));
        return String.join(", ", s);
    }

    String counts(List<EnginePoint> ps) {
        TreeSet<String> s = new TreeSet<>();
        List<String> out = new ArrayList<>();
        for (EnginePoint p : ps) {
            String c = String.format(Locale.ROOT, "%,d at %s", p.run().codewords(), Output.ber(p.ber()));
            if (s.add(c)) {
                out.add(c);
            }
        }
        return String.join(", ", out);
    }

    List<EnginePoint> pointsOf(String panel, boolean importance) {
        return report.points().stream().filter(p -> p.panel().equals(panel) && p.importance() == importance).toList();
    }

    /** The range of relative 95 % half-widths of the FLR intervals of a panel's points, per engine. */
    String widths(String panel) {
        List<String> parts = new ArrayList<>();
        for (boolean is : new boolean[] {false, true}) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (EnginePoint p : pointsOf(panel, is)) {
                Estimate e = p.run().frameLossRatio();
                if (e.value() > 0) {
                    double w = Math.max(e.ciHigh() - e.value(), e.value() - e.ciLow()) / e.value();
                    lo = Math.min(lo, w);
                    hi = Math.max(hi, w);
                }
            }
            if (hi > 0) {
                String range = Math.round(100 * lo) == Math.round(100 * hi) ? String.format(Locale.ROOT, "%.0f %%", 100 * hi)
                        : String.format(Locale.ROOT, "%.0f–%.0f %%", 100 * lo, 100 * hi);
                parts.add((is ? "importance sampler " : "error-event ") + range);
            }
        }
        return "relative 95 % half-widths: " + String.join(", ", parts);
    }

    int maxHit(Variant v, int k) {
        return report.deadCases().stream().filter(c -> c.variant().equals(v) && c.deadChannels() == k).findFirst().orElseThrow().maxSymbolsHit();
    }

    private static String ci(Estimate e) {
        return Output.ber(e.value()) + " [" + Output.ber(e.ciLow()) + ", " + Output.ber(e.ciHigh()) + "]";
    }

    /** The i.i.d. points: one row per BER and engine, one column per mapping. */
    String iidTable() {
        List<String> h = new ArrayList<>(List.of(">BER", "engine", ">codewords or samples", ">exact FLR"));
        for (Variant v : Variant.MAPPINGS) {
            h.add(">" + v.label());
        }
        List<List<String>> rows = new ArrayList<>();
        for (boolean is : new boolean[] {true, false}) {
            for (double b : union(pointsOf(IID, is).stream().mapToDouble(EnginePoint::ber).toArray())) {
                List<String> cells = new ArrayList<>(List.of(Output.ber(b), is ? "importance" : "error-event", "",
                        Output.ber(report.iidFrameLossRatioAt(b))));
                for (Variant v : Variant.MAPPINGS) {
                    EnginePoint p = point(IID, v, b, is);
                    cells.set(2, String.format(Locale.ROOT, "%,d", p.run().codewords()));
                    cells.add(estimate(p));
                }
                rows.add(cells);
            }
        }
        return Html.table(h, rows, null) + "<p class=\"note\">FLR with its 95 % interval; for the error-event engine the "
                + "number of failed codewords in brackets.</p>\n";
    }

    /** The one-dead-channel points: one row per background BER and variant. */
    String deadPointTable() {
        List<String> h = List.of(">background BER", "mapping", ">exact FLR", ">error-event (codewords)", ">importance sampler");
        List<List<String>> rows = new ArrayList<>();
        for (double b : union(report.points().stream().filter(p -> p.panel().equals(DEAD)).mapToDouble(EnginePoint::ber).toArray())) {
            for (Variant v : Variant.ALL) {
                EnginePoint ee = point(DEAD, v, b, false);
                EnginePoint is = point(DEAD, v, b, true);
                if (ee == null && is == null) {
                    continue;
                }
                rows.add(List.of(Output.ber(b), v.label(), Output.ber(report.exactAt(v, b)),
                        ee == null ? "—" : estimate(ee) + String.format(Locale.ROOT, " of %,d", ee.run().codewords()),
                        is == null ? "—" : estimate(is)));
            }
        }
        return Html.table(h, rows, null) + "<p class=\"note\">FLR with its 95 % interval; for the error-event engine the "
                + "number of failed codewords of the run. Exact: the model of the lines above.</p>\n";
    }

    private EnginePoint point(String panel, Variant v, double ber, boolean importance) {
        return report.points().stream().filter(p -> p.panel().equals(panel) && p.variant().equals(v) && p.ber() == ber
                && p.importance() == importance).findFirst().orElse(null);
    }

    private static String estimate(EnginePoint p) {
        Run r = p.run();
        return ci(r.frameLossRatio()) + (p.importance() ? "" : " (" + (r.failedCodewords()) + " cw)");
    }

    String deadTable() {
        List<String> h = List.of("mapping", ">dead channels", ">symbols at risk (max per codeword)", ">window FLR, exact",
                ">window FLR, error-event", ">window FLR, importance", ">failed codewords in window",
                ">lost frames, one event (expected)", ">FLR after failover (counted)", ">FLR after failover, exact", "failover");
        List<List<String>> rows = new ArrayList<>();
        List<String> cls = new ArrayList<>();
        for (DeadCase c : report.deadCases()) {
            Run w = c.window();
            List<String> spares = new ArrayList<>();
            c.after().emulation().failovers().forEach(f -> spares.add(f.fromPhysical() + "→" + f.toPhysical()));
            rows.add(List.of(c.variant().label(), Integer.toString(c.deadChannels()), Integer.toString(c.maxSymbolsHit()),
                    Output.ber(c.exactWindowFrameLossRatio()), ci(w.frameLossRatio()),
                    c.windowImportance() == null ? "—" : ci(c.windowImportance().frameLossRatio()),
                    String.format(Locale.ROOT, "%,d of %,d", w.failedCodewords(), w.codewords()),
                    String.format(Locale.ROOT, "%,d (%s)", c.timeline().run().lostFrames(), count(c.expectedLostFrames())),
                    ci(c.after().frameLossRatio()), Output.ber(c.backgroundFrameLossRatio()), String.join(", ", spares)));
            cls.add(c.exactWindowFrameLossRatio() > TARGET_FRAME_LOSS_RATIO ? "bad" : null);
        }
        return Html.table(h, rows, cls) + "<p class=\"note\">Error-event runs: " + String.format(Locale.ROOT, "%,d",
                report.deadCases().get(0).window().codewords()) + " codewords in the window, " + String.format(Locale.ROOT, "%,d",
                report.deadCases().get(0).after().codewords()) + " after failover (with no failed codeword the interval's upper end, about "
                + "3.7/N in codewords mapped to frames, bounds the FLR). Importance runs only where the error-event engine cannot "
                + "count failures. The importance sampler and the engines' analytic FLR take each codeword's own failure "
                + "probability over the blocks (under the default single-symbol dealing a dead channel hits only some codewords of each block), "
                + "so they agree with the frame loss that the error-event engine counts and the exact model reproduces. "
                + "Red rows exceed the target FLR during the window.</p>\n";
    }

    /** The latency budget in words, from the numbers: the design point and the highest background BER evaluated. */
    String budgetSummary() {
        double top = report.budgets().stream().mapToDouble(Budget::backgroundBer).max().orElse(BACKGROUND_BER);
        StringBuilder sb = new StringBuilder("<p>");
        for (double b : new double[] {BACKGROUND_BER, top}) {
            sb.append("At a background BER of ").append(Output.ber(b)).append(b == BACKGROUND_BER ? " (the design point)" : "")
                    .append(", one dead channel costs, per failure at the default latency: ");
            List<String> parts = new ArrayList<>();
            for (Budget x : report.budgets()) {
                if (x.backgroundBer() == b) {
                    parts.add(x.variant().label() + " " + count(x.lostFramesPerFailure()) + " frames (latency limits: averaged "
                            + latency(x.averagedLatencySeconds()).replaceFirst(" \\[.*", "") + ", hitless "
                            + latency(x.hitlessLatencySeconds()).replaceFirst(" \\[.*", "") + ")");
                }
            }
            sb.append(Html.esc(String.join("; ", parts))).append(". ");
        }
        for (double b : new double[] {BACKGROUND_BER, top}) {
            List<String> ok = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            for (Budget x : report.budgets()) {
                if (x.backgroundBer() == b) {
                    boolean meets = x.averagedLatencySeconds().value() >= DETECTION_LATENCY_SECONDS
                            && x.hitlessLatencySeconds().value() >= DETECTION_LATENCY_SECONDS;
                    (meets ? ok : bad).add(x.variant().label());
                }
            }
            sb.append(Html.esc("At " + Output.ber(b) + " the default latency of " + Output.si(DETECTION_LATENCY_SECONDS, Dimension.TIME)
                    + " meets both criteria for " + (ok.isEmpty() ? "no mapping" : String.join(", ", ok)) + "; it misses at least "
                    + "one for " + (bad.isEmpty() ? "none" : String.join(", ", bad)) + ". "));
        }
        return sb.append("</p>\n").toString();
    }

    String budgetTable() {
        List<String> h = List.of("mapping", ">background BER", ">window FLR (95 %)", "engine", ">background FLR",
                ">lost frames per failure at " + Output.si(DETECTION_LATENCY_SECONDS, Dimension.TIME), ">latency limit, averaged (1 h)",
                ">latency limit, hitless");
        List<List<String>> rows = new ArrayList<>();
        List<String> cls = new ArrayList<>();
        for (Budget b : report.budgets()) {
            rows.add(List.of(b.variant().label(), Output.ber(b.backgroundBer()), ci(b.windowFrameLossRatio()), b.engine(),
                    Output.ber(b.backgroundFrameLossRatio()), count(b.lostFramesPerFailure()),
                    latency(b.averagedLatencySeconds()), latency(b.hitlessLatencySeconds())));
            cls.add(b.hitlessLatencySeconds().value() < DETECTION_LATENCY_SECONDS
                    || b.averagedLatencySeconds().value() < DETECTION_LATENCY_SECONDS ? "bad" : null);
        }
        return Html.table(h, rows, cls) + "<p class=\"note\">Limits with the interval that follows from the window FLR's "
                + "95 % interval. Red rows: the default detection latency exceeds a limit.</p>\n";
    }

    private static String latency(Estimate e) {
        if (e.value() == Double.POSITIVE_INFINITY) {
            return "unlimited";
        }
        if (e.value() == 0) {
            return "none (background misses the target)";
        }
        if (e.ciLow() >= YEAR_SECONDS) {
            return fmtTime(e.value());
        }
        return fmtTime(e.value()) + " [" + fmtTime(e.ciLow()) + ", " + fmtTime(e.ciHigh()) + "]";
    }

    /** A Julian year, in seconds: a latency limit beyond it is beyond any detection latency a link would use. */
    static final double YEAR_SECONDS = 365.25 * 86_400;

    /**
     * A latency with two significant digits; beyond a day in seconds, scientific; beyond a year "over a year" (a limit of
     * 1e52 s, which the exact model gives where a dead channel hardly raises the FLR, printed as a number read as if it meant
     * something).
     */
    static String fmtTime(double s) {
        if (s == Double.POSITIVE_INFINITY) {
            return "unlimited";
        }
        if (s >= YEAR_SECONDS) {
            return "over a year";
        }
        return s >= 86_400 ? Output.ber(s).replaceFirst("\\.?0*e", "e") + " s" : Output.si(Double.parseDouble(Output.number(s, 2)), Dimension.TIME);
    }

    /** A (possibly tiny) expected number of frames: three significant digits, scientific below 0.01. */
    static String count(double frames) {
        return frames < 0.01 && frames > 0 ? Output.ber(frames) : Output.number(frames, 3);
    }

    /** The values of all arrays, sorted, each once. */
    private static double[] union(double[]... sets) {
        TreeSet<Double> s = new TreeSet<>();
        for (double[] e : sets) {
            for (double x : e) {
                s.add(x);
            }
        }
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
