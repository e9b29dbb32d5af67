package org.mosaic.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.mosaic.studies.Output;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;

/**
 * The report's charts (JFreeChart), rendered to inline SVG (JFreeSVG) or PNG. Chart builders take plain
 * arrays from the model's results; they compute nothing but what a plot needs (logarithms, clipping).
 */
public final class Charts {
    /** Colour-blind-safe series colours (Okabe–Ito). */
    public static final Color[] SERIES = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};
    private static final Color TARGET = new Color(0xC00000);
    private static final Color GRID = new Color(0xDDDDDD);
    /** BERs below this are drawn at it (a log axis cannot show 0). */
    private static final double BER_FLOOR = 1e-300;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    // ---- rendering ----

    /** The chart as an {@code <svg>} element sized by its viewBox (scales to the page), ids prefixed by {@code id}. */
    public static String svg(JFreeChart chart, int width, int height, String id) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        g.setGeomDoubleConverter(Charts::twoDecimals);
        chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        return g.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
    }

    private static String twoDecimals(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    /** Checks that {@code file} ends in .svg or .png and can be written, before any work is done (see {@code OutputPaths} of the CLI). */
    public static void checkPlotFile(Path file) {
        OutputFiles.checkFile("--plot", file, List.of(".svg", ".png"), List.of());
    }

    /** The companion file of a plot: {@code x.svg} → {@code x-timeline.svg}. */
    public static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling(name.substring(0, dot) + suffix + name.substring(dot));
    }

    /** Writes the chart as SVG or PNG by the file's extension, atomically (a temporary file renamed into place). */
    public static void write(JFreeChart chart, Path file, int width, int height) throws IOException {
        checkPlotFile(file);
        boolean png = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
        AtomicFiles.write(file, tmp -> {
            if (png) {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    ChartUtils.writeChartAsPNG(out, chart, width, height);
                }
            } else {
                SVGGraphics2D g = new SVGGraphics2D(width, height);
                chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
                Files.writeString(tmp, g.getSVGDocument(), StandardCharsets.UTF_8);
            }
        });
    }

    // ---- the charts ----

    /**
     * The statistical eye: log10 of the signal density over two unit intervals as a heat map (viridis),
     * with the inner contour at the BER target drawn as white lines.
     */
    public static JFreeChart eye(ChannelAnalysis.EyeDiagram e, String title) {
        int nt = e.timeUi().length;
        int nl = e.level().length;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double[] col : e.density()) {
            for (double d : col) {
                if (d > 0) {
                    max = Math.max(max, Math.log10(d));
                    min = Math.min(min, Math.log10(d));
                }
            }
        }
        if (!Double.isFinite(max)) {
            max = 0;
            min = -1;
        }
        // six decades of colour, fewer if the density spans fewer (a closed eye)
        double top = Math.ceil(max);
        double floor = Math.max(top - 6, Math.floor(min));
        if (floor >= top) {
            floor = top - 1;
        }
        double[][] z = new double[nt][nl];
        for (int i = 0; i < nt; i++) {
            for (int j = 0; j < nl; j++) {
                double d = e.density()[i][j];
                z[i][j] = d > 0 ? Math.max(floor, Math.log10(d)) : floor;
            }
        }
        // the dataset only gives the renderer something to draw and the axes their bounds; the grid is an image
        DefaultXYZDataset heat = new DefaultXYZDataset();
        heat.addSeries("log10 density", new double[][] {
            {e.timeUi()[0], e.timeUi()[nt - 1]}, {e.level()[0], e.level()[nl - 1]}, {floor, floor}});
        Viridis scale = new Viridis(floor, top);
        GridRenderer blocks = new GridRenderer(e.timeUi(), e.level(), z);
        blocks.setPaintScale(scale);
        blocks.setSeriesVisibleInLegend(0, false);

        NumberAxis x = new NumberAxis("time (UI)");
        x.setRange(e.timeUi()[0] - blocks.getBlockWidth() / 2, e.timeUi()[nt - 1] + blocks.getBlockWidth() / 2);
        x.setTickUnit(new NumberTickUnit(0.25));
        NumberAxis y = new NumberAxis("signal (fraction of OMA)");
        y.setRange(e.level()[0] - blocks.getBlockHeight() / 2, e.level()[nl - 1] + blocks.getBlockHeight() / 2);
        y.setTickUnit(new NumberTickUnit(0.25));
        XYPlot plot = new XYPlot(heat, x, y, blocks);
        plot.setBackgroundPaint(scale.getPaint(floor - 1));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        XYSeries upper = new XYSeries("inner eye at BER " + Output.ber(e.berTarget()), false, true);
        XYSeries lower = new XYSeries("lower", false, true);
        for (int i = 0; i < nt; i++) {
            upper.add(e.timeUi()[i], e.innerTop()[i]);
            lower.add(e.timeUi()[i], e.innerBottom()[i]);
        }
        XYSeriesCollection contour = new XYSeriesCollection();
        contour.addSeries(upper);
        contour.addSeries(lower);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < 2; s++) {
            lines.setSeriesPaint(s, Color.WHITE);
            lines.setSeriesStroke(s, new BasicStroke(2.5f));
        }
        lines.setSeriesVisibleInLegend(1, false);
        plot.setDataset(1, contour);
        plot.setRenderer(1, lines);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);

        JFreeChart chart = chart(title, plot, false);
        TextTitle note = new TextTitle("white lines: inner eye opening at BER " + Output.ber(e.berTarget())
                + (java.util.Arrays.stream(e.innerTop()).noneMatch(Double::isFinite) ? " (closed: the eye does not reach the target)" : ""), TICK);
        note.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(note);
        addScaleLegend(chart, scale, "log10 density (per unit of OMA)", floor, top);
        return chart;
    }

    /** The bathtub: BER of the nominal channel against the sampling phase, log-y, with the target. */
    public static JFreeChart bathtub(ChannelAnalysis.Bathtub b, double target, String title) {
        XYSeries s = new XYSeries("BER", false, true);
        double min = 1;
        for (int i = 0; i < b.phaseUi().length; i++) {
            double v = Math.max(BER_FLOOR, b.ber()[i]);
            s.add(b.phaseUi()[i], v);
            min = Math.min(min, v);
        }
        XYSeriesCollection data = new XYSeriesCollection(s);
        NumberAxis x = new NumberAxis("sampling phase (UI from the optimum)");
        x.setTickUnit(new NumberTickUnit(0.1));
        LogAxis y = berAxis(lowerBound(Math.min(min, target)));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, SERIES[0]);
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        XYPlot plot = new XYPlot(data, x, y, r);
        targetLine(plot, target);
        return chart(title, plot, false);
    }

    /**
     * BER against a swept quantity, one line per series, log-y, with the target line.
     * @param marks optional points drawn as diamonds in the colour of the series of the same name (e.g. its reach at the target)
     */
    public static JFreeChart berCurves(String title, String xLabel, double[] x, Map<String, double[]> series,
                                       double target, Map<String, double[]> marks, double yFloor) {
        XYSeriesCollection data = new XYSeriesCollection();
        double min = 1;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            for (int i = 0; i < x.length; i++) {
                double v = Math.max(BER_FLOOR, e.getValue()[i]);
                if (Double.isFinite(x[i]) && !Double.isNaN(v)) {
                    s.add(x[i], v);
                    min = Math.min(min, v);
                }
            }
            data.addSeries(s);
        }
        NumberAxis xa = new NumberAxis(xLabel);
        xa.setAutoRangeIncludesZero(false);
        LogAxis y = berAxis(Math.max(yFloor, lowerBound(Math.min(min, target))));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, x.length <= 30);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, SERIES[i % SERIES.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        XYPlot plot = new XYPlot(data, xa, y, r);
        targetLine(plot, target);
        if (marks != null && !marks.isEmpty()) {
            XYSeriesCollection pts = new XYSeriesCollection();
            XYLineAndShapeRenderer pr = new XYLineAndShapeRenderer(false, true);
            List<String> names = new ArrayList<>(series.keySet());
            int k = 0;
            for (Map.Entry<String, double[]> m : marks.entrySet()) {
                XYSeries s = new XYSeries("mark " + m.getKey());
                s.add(m.getValue()[0], m.getValue()[1]);
                pts.addSeries(s);
                int colour = Math.max(0, names.indexOf(m.getKey()));
                pr.setSeriesPaint(k, SERIES[colour % SERIES.length]);
                pr.setSeriesShape(k, diamond(7));
                pr.setSeriesOutlinePaint(k, Color.BLACK);
                pr.setSeriesVisibleInLegend(k, false);
                k++;
            }
            pr.setUseOutlinePaint(true);
            pr.setDrawOutlines(true);
            plot.setDataset(1, pts);
            plot.setRenderer(1, pr);
            plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        }
        return chart(title, plot, series.size() > 1);
    }

    /**
     * The link budget as a waterfall: levels (dBm) as bars from the left edge, each gain or loss (dB) as a
     * floating bar from the level before it; losses red, penalties orange, margin green (red if negative).
     */
    public static JFreeChart budget(List<ChannelResult.BudgetItem> items, String title) {
        int n = items.size();
        double[] start = new double[n];
        double[] end = new double[n];
        Color[] paint = new Color[n];
        String[] labels = new String[n];
        double level = Double.NaN;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            ChannelResult.BudgetItem b = items.get(i);
            if ("dBm".equals(b.unit())) {
                level = b.db();
                start[i] = Double.NaN; // filled in once the axis floor is known
                end[i] = b.db();
                paint[i] = b.item().contains("sensitivity") ? new Color(0x888888) : SERIES[0];
                labels[i] = Output.dbm(b.db());
            } else {
                double from = Double.isFinite(level) ? level : 0;
                start[i] = from;
                end[i] = from + b.db();
                level = end[i];
                String name = b.item().toLowerCase(Locale.ROOT);
                if (name.contains("margin")) {
                    paint[i] = b.db() >= 0 ? SERIES[2] : TARGET;
                } else if (name.contains("penalty")) {
                    paint[i] = SERIES[4];
                } else {
                    paint[i] = b.db() < 0 ? SERIES[1] : SERIES[2];
                }
                labels[i] = (b.db() > 0 ? "+" : "") + Output.db(b.db());
            }
            for (double v : new double[] {start[i], end[i]}) {
                if (Double.isFinite(v)) {
                    lowest = Math.min(lowest, v);
                    highest = Math.max(highest, v);
                }
            }
        }
        double axisLow = Math.floor((lowest - 4) / 5) * 5;
        double axisHigh = Math.ceil((highest + 2) / 5) * 5;
        Number[][] s = new Number[1][n];
        Number[][] e = new Number[1][n];
        String[] cats = new String[n];
        for (int i = 0; i < n; i++) {
            double st = Double.isNaN(start[i]) ? axisLow : start[i];
            double en = Double.isFinite(end[i]) ? end[i] : axisLow;
            s[0][i] = Math.min(st, en);
            e[0][i] = Math.max(st, en);
            String c = items.get(i).item();
            cats[i] = c.length() > 58 ? c.substring(0, 56) + "…" : c;
            for (int k = 0; k < i; k++) {
                if (cats[k].equals(cats[i])) {
                    cats[i] = cats[i] + " (" + (i + 1) + ")";
                }
            }
        }
        DefaultIntervalCategoryDataset data = new DefaultIntervalCategoryDataset(new String[] {"budget"}, cats, s, e);
        IntervalBarRenderer r = new IntervalBarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return paint[column];
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setMaximumBarWidth(0.7);
        r.setDefaultItemLabelGenerator(new CategoryItemLabelGenerator() {
            @Override
            public String generateRowLabel(CategoryDataset dataset, int row) {
                return "";
            }

            @Override
            public String generateColumnLabel(CategoryDataset dataset, int column) {
                return "";
            }

            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                return labels[column];
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(TICK);
        r.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        CategoryAxis cat = new CategoryAxis();
        cat.setTickLabelFont(TICK);
        cat.setMaximumCategoryLabelWidthRatio(0.45f);
        cat.setCategoryMargin(0.15);
        NumberAxis val = new NumberAxis("optical power (dBm); bars between levels are gains and losses (dB)");
        val.setRange(axisLow, axisHigh);
        val.setTickUnit(new NumberTickUnit(5));
        CategoryPlot plot = new CategoryPlot(data, cat, val, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        style(plot);
        return chart(title, plot, false);
    }

    /** The per-channel BER over the array: a rows × cols grid coloured by log10 BER, channels over the target crossed. */
    public static JFreeChart arrayMap(double[] perChannelBer, int rows, int cols, double target, String title) {
        double[][] xyz = new double[3][perChannelBer.length];
        double min = 0;
        XYSeries failing = new XYSeries("above BER target " + Output.ber(target));
        for (int k = 0; k < perChannelBer.length; k++) {
            double lg = Math.log10(Math.max(BER_FLOOR, perChannelBer[k]));
            xyz[0][k] = k % cols;
            xyz[1][k] = k / cols;
            xyz[2][k] = lg;
            min = Math.min(min, lg);
            if (perChannelBer[k] > target) {
                failing.add(k % cols, k / cols);
            }
        }
        double low = Math.max(Math.floor(min), -30);
        double high = Math.max(low + 1, Math.ceil(Arrays0.max(xyz[2])));
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("log10 BER", xyz);
        Viridis scale = new Viridis(low, high);
        GridRenderer blocks = new GridRenderer();
        blocks.setPaintScale(scale);
        blocks.setSeriesVisibleInLegend(0, false);
        NumberAxis x = new NumberAxis("column");
        x.setRange(-0.5, cols - 0.5);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("row");
        y.setRange(-0.5, rows - 0.5);
        y.setInverted(true);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, x, y, blocks);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        XYSeriesCollection marks = new XYSeriesCollection(failing);
        XYLineAndShapeRenderer mr = new XYLineAndShapeRenderer(false, true);
        mr.setSeriesPaint(0, new Color(0xFF3030));
        double size = Math.max(2.5, Math.min(7, 100.0 / Math.max(rows, cols)));
        mr.setSeriesShape(0, cross(size));
        mr.setSeriesShapesFilled(0, false);
        mr.setDrawOutlines(true);
        mr.setUseOutlinePaint(false);
        mr.setSeriesOutlineStroke(0, new BasicStroke(1.5f));
        plot.setDataset(1, marks);
        plot.setRenderer(1, mr);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        JFreeChart chart = chart(title, plot, failing.getItemCount() > 0);
        addScaleLegend(chart, scale, "log10 BER", low, high);
        return chart;
    }

    // ---- helpers ----

    /** A colour-scale legend on the right of a heat-map chart. */
    static void addScaleLegend(JFreeChart chart, org.jfree.chart.renderer.PaintScale scale, String label,
                                       double low, double high) {
        NumberAxis legendAxis = new NumberAxis(label);
        legendAxis.setRange(low, high);
        legendAxis.setTickLabelFont(TICK);
        legendAxis.setLabelFont(LABEL);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 40, 10));
        legend.setStripWidth(14);
        legend.setSubdivisionCount(64);
        chart.addSubtitle(legend);
    }

    private static final class Arrays0 {
        static double max(double[] v) {
            double m = Double.NEGATIVE_INFINITY;
            for (double d : v) {
                if (d > m) { // skips NaN
                    m = d;
                }
            }
            return m;
        }
    }

    private static double lowerBound(double min) {
        double lg = Math.floor(Math.log10(Math.max(BER_FLOOR, min))) - 1;
        return Math.pow(10, Math.max(lg, -300));
    }

    /** A log10 BER axis from {@code lower} to 1 with a label at every decade (or every few decades). */
    static LogAxis berAxis(double lower) {
        LogAxis y = new LogAxis("BER");
        y.setBase(10);
        y.setSmallestValue(BER_FLOOR);
        y.setRange(lower, 1);
        double decades = -Math.log10(lower);
        double step = decades <= 12 ? 1 : decades <= 24 ? 2 : decades <= 60 ? 5 : 10;
        y.setTickUnit(new NumberTickUnit(step));
        y.setNumberFormatOverride(new DecimalFormat("0.#E0") {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(double number, StringBuffer result, java.text.FieldPosition pos) {
                long e = Math.round(Math.log10(number));
                return result.append(e == 0 ? "1" : "1e" + e);
            }
        });
        y.setTickLabelFont(TICK);
        y.setLabelFont(LABEL);
        return y;
    }

    private static void targetLine(XYPlot plot, double target) {
        ValueMarker m = new ValueMarker(target, TARGET, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        m.setLabel("BER target " + Output.ber(target));
        m.setLabelFont(TICK);
        m.setLabelPaint(TARGET);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(m, Layer.FOREGROUND);
    }

    static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
        if (plot instanceof XYPlot xy) {
            style(xy);
        }
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setTitle(new TextTitle(title, TITLE));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LABEL);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
            chart.getLegend().setBackgroundPaint(Color.WHITE);
        }
        return chart;
    }

    static void style(XYPlot plot) {
        if (!(plot.getBackgroundPaint() instanceof Color c) || c.equals(new Color(192, 192, 192))
                || c.equals(Color.LIGHT_GRAY)) {
            plot.setBackgroundPaint(Color.WHITE);
        }
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(Color.GRAY);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            axisFonts(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            axisFonts(plot.getRangeAxis(i));
        }
    }

    static void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(Color.GRAY);
        axisFonts(plot.getRangeAxis());
    }

    private static void axisFonts(org.jfree.chart.axis.Axis a) {
        if (a != null) {
            a.setLabelFont(LABEL);
            a.setTickLabelFont(TICK);
        }
    }

    private static java.awt.Shape diamond(double r) {
        Path2D p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closePath();
        return p;
    }

    private static java.awt.Shape cross(double r) {
        Path2D p = new Path2D.Double();
        p.moveTo(-r, -r);
        p.lineTo(r, r);
        p.moveTo(-r, r);
        p.lineTo(r, -r);
        return p;
    }

    /** Convenience for building ordered series maps. */
    public static <V> Map<String, V> ordered() {
        return new LinkedHashMap<>();
    }

    /**
     * The viridis colour map (perceptually uniform, readable in grey scale and by colour-blind readers),
     * interpolated linearly between nine samples of matplotlib's table.
     */
    public static final class Viridis implements PaintScale, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private static final int[] ANCHORS = {
            0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725};
        private final double lower;
        private final double upper;

        public Viridis(double lower, double upper) {
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double t = (value - lower) / (upper - lower);
            if (Double.isNaN(t)) {
                t = 0;
            }
            t = Math.max(0, Math.min(1, t)) * (ANCHORS.length - 1);
            int i = Math.min((int) t, ANCHORS.length - 2);
            double f = t - i;
            Color a = new Color(ANCHORS[i]);
            Color b = new Color(ANCHORS[i + 1]);
            return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
        }

        private static int mix(int a, int b, double f) {
            return (int) Math.round(a + (b - a) * f);
        }
    }
}
