package org.mosaic.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mosaic.core.units.Quantities;
import org.mosaic.link.ChannelPlan;
import org.mosaic.link.PowerModel;
import org.mosaic.link.baseline.Comparison;
import org.mosaic.link.baseline.ComparisonRow;
import org.mosaic.link.baseline.TechnologyKind;
import org.mosaic.link.baseline.TwinaxModel;
import org.mosaic.link.reliability.ReliabilityResult;
import org.mosaic.studies.cable.CableReportResult;
import org.mosaic.studies.cable.CableReportResult.Cable;

/**
 * Charts of the cable section: the channel plan, power per end, reach against lane rate, FIT and R(t); the generic
 * charts, and each of the section's drawn from its {@link CableReportResult}.
 */
public final class CableCharts {
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** Role colours: data, parity, spare, empty. */
    private static final Color[] ROLE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xEEEEEE)};

    private CableCharts() {
    }

    /**
     * The channel plan as the emitter grid seen from the front: one square per position, coloured by role.
     * @param roles row-major role index per position (0 data, 1 parity, 2 spare, 3 empty)
     */
    public static JFreeChart planGrid(int[] roles, int rows, int cols, String[] roleNames, String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries[] series = new XYSeries[roleNames.length];
        for (int k = 0; k < roleNames.length; k++) {
            series[k] = new XYSeries(roleNames[k], false, true);
        }
        int[] counts = new int[roleNames.length];
        for (int i = 0; i < roles.length; i++) {
            series[roles[i]].add(i % cols, i / cols);
            counts[roles[i]]++;
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        int s = 0;
        for (int k = 0; k < roleNames.length; k++) {
            if (counts[k] == 0) {
                continue;
            }
            series[k].setKey(roleNames[k] + " (" + counts[k] + ")");
            data.addSeries(series[k]);
            r.setSeriesPaint(s, ROLE[k % ROLE.length]);
            r.setSeriesShape(s, new Rectangle2D.Double(-5, -5, 10, 10));
            s++;
        }
        NumberAxis x = new NumberAxis("column");
        x.setRange(-0.8, cols - 0.2);
        NumberAxis y = new NumberAxis("row");
        y.setRange(-0.8, rows - 0.2);
        y.setInverted(true);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return Charts.chart(title, plot, true);
    }

    /**
     * Power per end as stacked horizontal bars, one bar per technology, one colour per item (items with
     * the same name share a colour across bars).
     */
    public static JFreeChart powerBars(Map<String, Map<String, Double>> bars, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, Map<String, Double>> bar : bars.entrySet()) {
            for (Map.Entry<String, Double> item : bar.getValue().entrySet()) {
                data.addValue(item.getValue(), item.getKey(), bar.getKey());
            }
        }
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setDefaultOutlinePaint(Color.WHITE);
        r.setMaximumBarWidth(0.08);
        for (int i = 0; i < data.getRowCount(); i++) {
            r.setSeriesPaint(i, palette(i));
        }
        CategoryAxis cat = new CategoryAxis();
        cat.setTickLabelFont(TICK);
        cat.setMaximumCategoryLabelWidthRatio(0.35f);
        NumberAxis val = new NumberAxis("watts per end");
        CategoryPlot plot = new CategoryPlot(data, cat, val, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        Charts.style(plot);
        return Charts.chart(title, plot, true);
    }

    /** Bars on a log axis (FIT per end, say), with the value printed at each bar. */
    public static JFreeChart logBars(Map<String, Double> values, String axisLabel, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            data.addValue(Math.max(1e-6, e.getValue()), "value", e.getKey());
        }
        BarRenderer r = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return palette(column);
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("#,##0.###")));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(TICK);
        r.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        CategoryAxis cat = new CategoryAxis();
        cat.setTickLabelFont(TICK);
        cat.setMaximumCategoryLabelWidthRatio(0.35f);
        LogAxis val = new LogAxis(axisLabel);
        val.setBase(10);
        val.setSmallestValue(1e-3);
        double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(10);
        double min = values.values().stream().mapToDouble(Double::doubleValue).filter(v -> v > 0).min().orElse(1);
        val.setRange(Math.pow(10, Math.floor(Math.log10(min)) - 0.3), Math.pow(10, Math.ceil(Math.log10(max)) + 0.6));
        val.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
        val.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        CategoryPlot plot = new CategoryPlot(data, cat, val, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        Charts.style(plot);
        return Charts.chart(title, plot, false);
    }

    /**
     * Reach against lane rate: curves (copper by gauge) and point sets (optical technologies at the lane
     * rates they are offered), log reach axis; a vertical marker at each lane rate of interest.
     */
    public static JFreeChart reachVsLaneRate(Map<String, double[][]> curves, Map<String, double[][]> points,
                                             List<Double> laneRatesGbps, String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        int i = 0;
        for (Map.Entry<String, double[][]> c : curves.entrySet()) {
            XYSeries s = new XYSeries(c.getKey(), false, true);
            for (double[] p : c.getValue()) {
                if (p[1] > 0) {
                    s.add(p[0], p[1]);
                }
            }
            data.addSeries(s);
            r.setSeriesPaint(i, palette(i));
            r.setSeriesStroke(i, new BasicStroke(2.2f));
            i++;
        }
        XYSeriesCollection pts = new XYSeriesCollection();
        XYLineAndShapeRenderer pr = new XYLineAndShapeRenderer(true, true);
        int k = 0;
        for (Map.Entry<String, double[][]> c : points.entrySet()) {
            XYSeries s = new XYSeries(c.getKey(), false, true);
            for (double[] p : c.getValue()) {
                if (p[1] > 0) {
                    s.add(p[0], p[1]);
                }
            }
            pts.addSeries(s);
            pr.setSeriesPaint(k, palette(i + k));
            pr.setSeriesShape(k, new Ellipse2D.Double(-4, -4, 8, 8));
            pr.setSeriesStroke(k, new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 3f}, 0f));
            k++;
        }
        NumberAxis x = new NumberAxis("lane rate (Gb/s)");
        x.setAutoRangeIncludesZero(false);
        x.setRange(40, 230);
        LogAxis y = new LogAxis("reach (m)");
        y.setBase(10);
        y.setSmallestValue(0.1);
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1)); // one tick per decade
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setDataset(1, pts);
        plot.setRenderer(1, pr);
        for (double lr : laneRatesGbps) {
            ValueMarker m = new ValueMarker(lr, new Color(0x999999), new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f));
            m.setLabel(String.format(java.util.Locale.ROOT, "%sG/lane", new java.text.DecimalFormat("0.##").format(lr)));
            m.setLabelFont(TICK);
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        return Charts.chart(title, plot, true);
    }

    /** Reliability over time: one line per series (x in years, y the probability the cable still works). */
    public static JFreeChart survival(Map<String, double[][]> series, String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        int i = 0;
        double min = 1;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            for (double[] p : e.getValue()) {
                s.add(p[0], p[1]);
                min = Math.min(min, p[1]);
            }
            data.addSeries(s);
            r.setSeriesPaint(i, palette(i));
            r.setSeriesStroke(i, new BasicStroke(2.2f));
            i++;
        }
        NumberAxis x = new NumberAxis("years in service");
        NumberAxis y = new NumberAxis("probability the cable still works");
        y.setAutoRangeIncludesZero(false);
        double low = Math.max(0, min - (1 - min) * 0.1 - 1e-6);
        y.setRange(low, 1 + (1 - low) * 0.02);
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.#####"));
        XYPlot plot = new XYPlot(data, x, y, r);
        return Charts.chart(title, plot, true);
    }

    // ---------------------------------------------------------------- the section's charts from its result

    /** The channel plan of one cable as laid out on the array. */
    static JFreeChart plan(Cable c) {
        ChannelPlan p = c.plan();
        int[] roles = new int[p.roles().size()];
        for (int i = 0; i < roles.length; i++) {
            roles[i] = p.roles().get(i).ordinal();
        }
        return planGrid(roles, p.gridRows(), p.gridCols(), new String[] {"data", "parity", "spare", "empty"},
                "Channel plan, " + c.name());
    }

    /** Power per end at 800G: the microLED cables' breakdowns (both attachments), the catalog's figure for the others. */
    static JFreeChart power(CableReportResult result) {
        Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
        for (Cable c : result.cableList()) {
            for (PowerModel.Power pw : List.of(c.power(), c.powerOtherAttachment())) {
                Map<String, Double> items = new LinkedHashMap<>();
                for (PowerModel.Item i : pw.breakdown()) {
                    items.put(i.item(), i.watts());
                }
                bars.put(c.name() + " (" + pw.attachment().id() + ")", items);
            }
        }
        for (ComparisonRow r : result.comparison800G().rows()) {
            if (r.ourModel() || !r.available() || r.powerPerEndWatts() == null) {
                continue;
            }
            bars.put(r.technology(), Map.of("module (catalog figure)", r.powerPerEndWatts()));
        }
        return powerBars(bars, "Power per end at 800G");
    }

    /** FIT per end of every pluggable technology at 800G. */
    static JFreeChart fit(Comparison.Result at800) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (ComparisonRow r : at800.rows()) {
            if (r.available() && r.fitPerEnd() != null && !r.technology().endsWith("(CPO)")) {
                v.put(r.technology().replace(" (pluggable)", ""), r.fitPerEnd());
            }
        }
        return logBars(v, "FIT per end (failures per 10⁹ h)", "FIT per end at 800G");
    }

    /**
     * Reach against lane rate: passive copper's computed curves (PAM4 lanes: lane rate = 4 × Nyquist frequency) and each
     * optical technology's reach at 100G and 200G lanes (800G and 1.6T).
     */
    static JFreeChart reach(CableReportResult result) {
        Map<String, double[][]> curves = new LinkedHashMap<>();
        for (CableReportResult.CopperCurve cc : result.copperReach()) {
            List<TwinaxModel.ReachPoint> pts = cc.points();
            double[][] xy = new double[pts.size()][];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = new double[] {4 * pts.get(i).nyquistHz() / 1e9, pts.get(i).reachMeters()};
            }
            curves.put("passive copper, " + cc.cable(), xy);
        }
        Map<String, double[][]> points = new LinkedHashMap<>();
        Map<String, List<double[]>> collected = new LinkedHashMap<>();
        for (Comparison.Result r : List.of(result.comparison800G(), result.comparison1600G())) {
            double lane = r == result.comparison800G() ? 106.25 : 212.5;
            for (ComparisonRow row : r.rows()) {
                if (!row.available() || row.reachMeters() == null || row.technology().endsWith("(CPO)")
                        || row.kind() == TechnologyKind.PASSIVE_COPPER) {
                    continue;
                }
                collected.computeIfAbsent(row.technology().replace(" (pluggable)", ""), k -> new ArrayList<>())
                        .add(new double[] {lane, row.reachMeters()});
            }
        }
        for (Map.Entry<String, List<double[]>> e : collected.entrySet()) {
            points.put(e.getKey(), e.getValue().toArray(new double[0][]));
        }
        return reachVsLaneRate(curves, points, List.of(106.25, 212.5), "Reach against lane rate");
    }

    /** R(t) of one cable with and without its spares, over its service life in years. */
    static JFreeChart survival(Cable c) {
        ReliabilityResult rel = c.reliability();
        double[][] with = new double[rel.curve().size()][];
        double[][] without = new double[rel.curve().size()][];
        for (int i = 0; i < with.length; i++) {
            ReliabilityResult.CurvePoint p = rel.curve().get(i);
            double years = p.timeHours() / Quantities.HOURS_PER_YEAR;
            with[i] = new double[] {years, p.reliability()};
            without[i] = new double[] {years, p.reliabilityWithoutSpares()};
        }
        Map<String, double[][]> s = new LinkedHashMap<>();
        s.put("with " + c.plan().spareChannels() + " spares per direction", with);
        s.put("without spares", without);
        return survival(s, "Reliability over the service life, " + c.name());
    }

    static Color palette(int i) {
        Color[] extra = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x555555), new Color(0x999999),
            new Color(0x8C564B), new Color(0x17BECF), new Color(0xBCBD22)};
        return extra[i % extra.length];
    }
}
