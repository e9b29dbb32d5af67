package org.mosaic.report;

import static org.mosaic.studies.datapath.DatapathReportStudy.BACKGROUND_BER;
import static org.mosaic.studies.datapath.DatapathReportStudy.DETECTION_LATENCY_SECONDS;
import static org.mosaic.studies.datapath.DatapathReportStudy.TARGET_FRAME_LOSS_RATIO;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.mosaic.core.units.Dimension;
import org.mosaic.datapath.Estimate;
import org.mosaic.studies.Output;
import org.mosaic.studies.datapath.DatapathReport;
import org.mosaic.studies.datapath.DatapathReport.Budget;
import org.mosaic.studies.datapath.DatapathReport.Curve;
import org.mosaic.studies.datapath.DatapathReport.DeadCase;
import org.mosaic.studies.datapath.DatapathReport.EnginePoint;
import org.mosaic.studies.datapath.DatapathReport.LatencyCurve;
import org.mosaic.studies.datapath.Variant;

/**
 * The datapath section's four charts, drawn from the report's datapath study ({@link DatapathReport}): FLR against BER
 * with i.i.d. errors, with one dead channel, against the number of dead channels, and the detection-latency budget.
 */
final class DatapathFigures {
    static final String IID = "iid";
    static final String DEAD = "one-dead-channel";

    private final DatapathReport report;

    DatapathFigures(DatapathReport report) {
        this.report = report;
    }


    private static final Color GREY = new Color(0x888888);
    private static final Color TARGET = new Color(0xC00000);

    private static Color colour(Variant v) {
        return Charts.SERIES[Variant.ALL.indexOf(v) % Charts.SERIES.length];
    }

    /** Multiplicative spread of the points of variant i of n, so that they do not hide each other on a log axis. */
    private static double dodge(int i, int n) {
        return Math.pow(10, 0.03 * (i - (n - 1) / 2.0));
    }

    private List<DatapathCharts.Points> enginePoints(String panel, List<Variant> variants) {
        List<DatapathCharts.Points> out = new ArrayList<>();
        for (Variant v : variants) {
            double d = dodge(variants.indexOf(v), variants.size());
            for (boolean is : new boolean[] {false, true}) {
                List<EnginePoint> ps = report.points().stream().filter(p -> p.panel().equals(panel) && p.variant().equals(v) && p.importance() == is).toList();
                double[][] a = new double[4][ps.size()];
                for (int i = 0; i < ps.size(); i++) {
                    Estimate e = ps.get(i).run().frameLossRatio();
                    a[0][i] = ps.get(i).ber() * d;
                    a[1][i] = e.value();
                    a[2][i] = e.ciLow();
                    a[3][i] = e.ciHigh();
                }
                out.add(new DatapathCharts.Points(v.label() + (is ? ", importance" : ", error-event"), a[0], a[1], a[2], a[3], colour(v),
                        is ? DatapathCharts.Marker.DIAMOND : DatapathCharts.Marker.CIRCLE, !is));
            }
        }
        return out;
    }

    private static final List<DatapathCharts.Key> ENGINE_KEYS = List.of(
            DatapathCharts.Key.marker("error-event", DatapathCharts.Marker.CIRCLE, true),
            DatapathCharts.Key.marker("importance sampler", DatapathCharts.Marker.DIAMOND, false));

    /** A compact legend: one colour per variant (as a swatch or a line), then the extra keys. */
    private static List<DatapathCharts.Key> legend(List<Variant> variants, boolean swatches, DatapathCharts.Key... extra) {
        List<DatapathCharts.Key> k = new ArrayList<>();
        for (Variant v : variants) {
            k.add(swatches ? new DatapathCharts.Key(v.label(), colour(v), DatapathCharts.Marker.SQUARE, true, 0)
                    : DatapathCharts.Key.line(v.label(), colour(v), dash(v)));
        }
        k.addAll(List.of(extra));
        return k;
    }

    /** Line style of a variant's curve where colour alone separates them: codeword-aware dashed, the sensitivity case (unit dealing) dotted. */
    private static int dash(Variant v) {
        return v.equals(Variant.CODEWORD_AWARE) ? 1 : v.equals(Variant.BIT_UNIT_DEALING) ? 2 : 0;
    }

    private static DatapathCharts.Level target() {
        return new DatapathCharts.Level("target FLR " + Output.ber(TARGET_FRAME_LOSS_RATIO), TARGET_FRAME_LOSS_RATIO, TARGET);
    }

    JFreeChart iidChart() {
        Curve c = report.curves().get(0);
        List<DatapathCharts.Curve> lines = List.of(new DatapathCharts.Curve(c.name(), c.ber(), c.frameLossRatio(), Color.BLACK, 0, true));
        return DatapathCharts.plot("Frame loss ratio against pre-FEC BER, i.i.d. errors (KP4, 64-octet frames)",
                DatapathCharts.logAxis("pre-FEC BER (same on every channel)", 1e-5, 3e-3), DatapathCharts.logAxis("frame loss ratio", 1e-35, 1),
                lines, enginePoints(IID, Variant.MAPPINGS), List.of(target()),
                legend(Variant.MAPPINGS, true, DatapathCharts.Key.line("analytic, i.i.d. errors", Color.BLACK, 0),
                        ENGINE_KEYS.get(0), ENGINE_KEYS.get(1)));
    }

    JFreeChart deadChart() {
        List<DatapathCharts.Curve> lines = new ArrayList<>();
        Curve ref = report.curves().get(1);
        lines.add(new DatapathCharts.Curve(ref.name(), ref.ber(), ref.frameLossRatio(), GREY, 2, true));
        for (Curve c : report.windowCurves()) {
            lines.add(new DatapathCharts.Curve(c.name(), c.ber(), c.frameLossRatio(), colour(c.variant()), dash(c.variant()), true));
        }
        return DatapathCharts.plot("Frame loss ratio with one dead channel, before failover",
                DatapathCharts.logAxis("background BER of the healthy channels", 1e-8, 3e-3),
                DatapathCharts.logAxis("frame loss ratio", 1e-70, 1), lines, enginePoints(DEAD, Variant.ALL), List.of(target()),
                legend(Variant.ALL, false, DatapathCharts.Key.line("no dead channel", GREY, 2), ENGINE_KEYS.get(0), ENGINE_KEYS.get(1)));
    }

    JFreeChart deadCasesChart() {
        List<DatapathCharts.Curve> lines = new ArrayList<>();
        List<DatapathCharts.Points> pts = new ArrayList<>();
        int n = Variant.ALL.size();
        for (Variant v : Variant.ALL) {
            List<DeadCase> cs = report.deadCases().stream().filter(c -> c.variant().equals(v)).toList();
            double shift = 0.06 * (Variant.ALL.indexOf(v) - (n - 1) / 2.0);
            double[] x = new double[cs.size()];
            double[][] exact = new double[3][cs.size()];
            double[][] ee = new double[4][cs.size()];
            double[][] is = new double[4][cs.size()];
            for (int i = 0; i < cs.size(); i++) {
                DeadCase c = cs.get(i);
                x[i] = c.deadChannels() + shift;
                exact[0][i] = c.exactWindowFrameLossRatio();
                exact[1][i] = Double.NaN;
                exact[2][i] = Double.NaN;
                fill(ee, i, x[i], c.window().lostFrames() > 0 ? c.window().frameLossRatio() : null);
                fill(is, i, x[i], c.windowImportance() == null ? null : c.windowImportance().frameLossRatio());
            }
            lines.add(new DatapathCharts.Curve(v.label() + ", exact", x, exact[0], colour(v), 0, false));
            pts.add(new DatapathCharts.Points(v.label() + ", exact", x, exact[0], exact[1], exact[2], colour(v), DatapathCharts.Marker.SQUARE, false));
            pts.add(new DatapathCharts.Points(v.label() + ", error-event", ee[0], ee[1], ee[2], ee[3], colour(v), DatapathCharts.Marker.CIRCLE, true));
            pts.add(new DatapathCharts.Points(v.label() + ", importance", is[0], is[1], is[2], is[3], colour(v), DatapathCharts.Marker.DIAMOND, false));
        }
        double bg = report.deadCases().get(0).backgroundFrameLossRatio();
        return DatapathCharts.plot("Frame loss during the detection window, background BER " + Output.ber(BACKGROUND_BER),
                DatapathCharts.integerAxis("dead channels at once", 0.6, 3.4), DatapathCharts.logAxis("frame loss ratio", 1e-80, 1),
                lines, pts, List.of(target(), new DatapathCharts.Level("after failover: background FLR " + Output.ber(bg), bg, GREY)),
                legend(Variant.ALL, true, DatapathCharts.Key.marker("exact", DatapathCharts.Marker.SQUARE, false), ENGINE_KEYS.get(0),
                        ENGINE_KEYS.get(1)));
    }

    private static void fill(double[][] a, int i, double x, Estimate e) {
        a[0][i] = x;
        a[1][i] = e == null ? Double.NaN : e.value();
        a[2][i] = e == null ? Double.NaN : e.ciLow();
        a[3][i] = e == null ? Double.NaN : e.ciHigh();
    }

    /** The top of the latency axis; longer and unlimited limits are drawn there. */
    static final double LATENCY_AXIS_TOP_SECONDS = 1e4;

    JFreeChart budgetChart() {
        List<DatapathCharts.Curve> lines = new ArrayList<>();
        for (LatencyCurve c : report.latencyCurves()) {
            double[] avg = Arrays.stream(c.averagedSeconds()).map(x -> Math.min(LATENCY_AXIS_TOP_SECONDS, x)).toArray();
            double[] hit = Arrays.stream(c.hitlessSeconds()).map(x -> Math.min(LATENCY_AXIS_TOP_SECONDS, x)).toArray();
            lines.add(new DatapathCharts.Curve(c.variant().label() + ", averaged", c.ber(), avg, colour(c.variant()), 0, true));
            lines.add(new DatapathCharts.Curve(c.variant().label() + ", hitless", c.ber(), hit, colour(c.variant()), 1, true));
        }
        List<DatapathCharts.Points> pts = new ArrayList<>();
        int n = Variant.ALL.size();
        for (Variant v : Variant.ALL) {
            List<Budget> bs = report.budgets().stream().filter(b -> b.variant().equals(v)).toList();
            double d = dodge(Variant.ALL.indexOf(v), n);
            double[][] a = new double[4][2 * bs.size()];
            for (int i = 0; i < bs.size(); i++) {
                fill(a, 2 * i, bs.get(i).backgroundBer() * d, clipLatency(bs.get(i).averagedLatencySeconds()));
                fill(a, 2 * i + 1, bs.get(i).backgroundBer() * d, clipLatency(bs.get(i).hitlessLatencySeconds()));
            }
            boolean is = !bs.isEmpty() && "importance".equals(bs.get(0).engine());
            pts.add(new DatapathCharts.Points(v.label(), a[0], a[1], a[2], a[3], colour(v),
                    is ? DatapathCharts.Marker.DIAMOND : DatapathCharts.Marker.CIRCLE, !is));
        }
        DatapathCharts.Level def = new DatapathCharts.Level("default detection latency " + Output.si(DETECTION_LATENCY_SECONDS, Dimension.TIME),
                DETECTION_LATENCY_SECONDS, GREY);
        return DatapathCharts.plot("Longest detection latency for target FLR " + Output.ber(TARGET_FRAME_LOSS_RATIO) + ", one channel dying",
                DatapathCharts.logAxis("background BER of the healthy channels", 1e-8, 2e-3),
                DatapathCharts.timeAxis("longest detection latency", 1e-10, LATENCY_AXIS_TOP_SECONDS), lines, pts, List.of(def),
                legend(Variant.ALL, true, DatapathCharts.Key.line("averaged (1 h)", Color.DARK_GRAY, 0),
                        DatapathCharts.Key.line("hitless", Color.DARK_GRAY, 1), ENGINE_KEYS.get(0), ENGINE_KEYS.get(1)));
    }

    /** Limits that cannot be drawn (0, unlimited) are left out; long ones are drawn at the top of the axis. */
    private static Estimate clipLatency(Estimate e) {
        if (!(e.value() > 0) || e.value() == Double.POSITIVE_INFINITY) {
            return null;
        }
        double top = LATENCY_AXIS_TOP_SECONDS;
        return new Estimate(Math.min(top, e.value()), Math.min(top, e.ciLow()), Math.min(top, e.ciHigh()));
    }

    /** The figures by key (iid, dead, cases, budget), for rendering elsewhere (PNG previews). */
    public Map<String, JFreeChart> charts() {
        Map<String, JFreeChart> m = new LinkedHashMap<>();
        m.put("iid", iidChart());
        m.put("dead", deadChart());
        m.put("cases", deadCasesChart());
        m.put("budget", budgetChart());
        return m;
    }
}
