package org.mosaic.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * The sweep report's charts (JFreeChart, rendered to SVG by {@link Charts#svg}): a Pareto scatter, one panel of the
 * scatter matrix, a heat map of a two-axis grid. They take the rows' numbers as given and compute nothing but what a
 * plot needs (logarithms, level positions). Every plotted point and cell carries an SVG id naming its sweep point
 * ({@code CHART-front-17}, {@code CHART-pt-17}, {@code CHART-cell-17}, {@code CHART-refused-17},
 * {@code CHART-novalue-17}), so a reader (and a test) can tell which row each mark is.
 */
public final class SweepCharts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** The fill of a refused cell (its hatching is drawn darker over it). */
    static final Color REFUSED = new Color(0xD9D9D9);
    private static final Color FAINT = new Color(0x80, 0x80, 0x80, 0x66);
    private static final Color FRONT = Charts.SERIES[1];
    private static final Color POINT = Charts.SERIES[0];

    private SweepCharts() {
    }

    /** One axis of a chart: its label, and either numbers or levels (positions 0..n-1 labelled by the level texts). */
    public record Scale(String label, double[] values, List<String> levels) {
        /** A numeric scale. */
        public static Scale numeric(String label, double[] values) {
            return new Scale(label, values, null);
        }

        /** A scale of levels; {@code positions[i]} is row i's level index. */
        public static Scale levels(String label, double[] positions, List<String> levels) {
            return new Scale(label, positions, List.copyOf(levels));
        }

        /** Whether the values span two or more decades, all positive: drawn on a log axis. */
        boolean log() {
            if (levels != null) {
                return false;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (double v : values) {
                if (Double.isNaN(v)) {
                    continue;
                }
                if (v <= 0 || Double.isInfinite(v)) {
                    return false;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return max > 0 && max / min >= 100;
        }

        ValueAxis axis() {
            if (levels != null) {
                SymbolAxis a = new SymbolAxis(label, levels.toArray(String[]::new));
                a.setGridBandsVisible(false);
                return a;
            }
            if (log()) {
                LogAxis a = new LogAxis(label);
                a.setBase(10);
                a.setSmallestValue(1e-300);
                a.setNumberFormatOverride(new java.text.DecimalFormat("0.##E0"));   // 2.5E6, not 10^6.4
                return a;
            }
            NumberAxis a = new NumberAxis(label);
            a.setAutoRangeIncludesZero(false);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            double size = Math.max(Math.abs(min), Math.abs(max));
            if (max >= min && size > 0) {
                // (nearly) equal values: a span of 2 % of their size, not a range of 1e-6 with ten-digit ticks
                a.setAutoRangeMinimumSize(0.02 * size);
            }
            return a;
        }
    }

    /**
     * Objective x against objective y: the dominated points faint, the front's points highlighted and joined in
     * order of x. Rows with a NaN in either value are not drawn.
     *
     * @param points each row's sweep point (for the SVG ids)
     * @param onFront whether each row is on the front
     */
    public static JFreeChart pareto(String title, Scale x, Scale y, long[] points, boolean[] onFront) {
        XYSeries dominated = new XYSeries("dominated", false, true);
        XYSeries front = new XYSeries("Pareto front", false, true);
        XYSeries line = new XYSeries("front line", true, true);
        List<Long> dominatedIds = new ArrayList<>();
        List<Long> frontIds = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            double a = x.values()[i];
            double b = y.values()[i];
            if (!finite(a, x) || !finite(b, y)) {
                continue;
            }
            if (onFront[i]) {
                front.add(a, b);
                frontIds.add(points[i]);
                line.add(a, b);
            } else {
                dominated.add(a, b);
                dominatedIds.add(points[i]);
            }
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x.axis());
        plot.setRangeAxis(y.axis());
        plot.setDataset(0, new XYSeriesCollection(front));
        plot.setRenderer(0, tagged(FRONT, 4.5, i -> "front-" + frontIds.get(i)));
        XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
        lr.setSeriesPaint(0, FRONT);
        lr.setSeriesStroke(0, new BasicStroke(1.5f));
        lr.setSeriesVisibleInLegend(0, false);
        plot.setDataset(1, new XYSeriesCollection(line));
        plot.setRenderer(1, lr);
        plot.setDataset(2, new XYSeriesCollection(dominated));
        plot.setRenderer(2, tagged(FAINT, 3, i -> "pt-" + dominatedIds.get(i)));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        return Charts.chart(title, plot, true);
    }

    /** One panel of the scatter matrix: a metric (y) against a varied input (x); rows with a NaN value are not drawn. */
    public static JFreeChart scatter(Scale x, Scale y, long[] points) {
        XYSeries s = new XYSeries("points", false, true);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            if (finite(x.values()[i], x) && finite(y.values()[i], y)) {
                s.add(x.values()[i], y.values()[i]);
                ids.add(points[i]);
            }
        }
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), x.axis(), y.axis(), tagged(POINT, 2.5, i -> "pt-" + ids.get(i)));
        JFreeChart chart = Charts.chart("", plot, false);
        chart.setTitle((String) null);
        return chart;
    }

    /** A cell of the heat map: what it shows. */
    public enum Cell { VALUE, NO_VALUE, REFUSED }

    /**
     * A two-axis grid: one cell per row at (column level, row level), coloured by {@code z} (viridis, log10 when it spans
     * two or more decades), refused cells grey and hatched, cells that ran without a value white; a colour bar with
     * {@code zLabel}.
     */
    public static JFreeChart heatMap(String title, Scale x, Scale y, double[] z, Cell[] cells, long[] points, String zLabel) {
        int n = points.length;
        double[][] xyz = new double[3][n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean log = Scale.numeric(zLabel, valuesOf(z, cells)).log();
        for (int i = 0; i < n; i++) {
            xyz[0][i] = x.values()[i];
            xyz[1][i] = y.values()[i];
            double v = cells[i] == Cell.VALUE ? (log ? Math.log10(z[i]) : z[i]) : Double.NaN;
            xyz[2][i] = v;
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            min = 0;
            max = 1;
        } else if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.01;
            min -= pad;
            max += pad;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("cells", xyz);
        Charts.Viridis scale = new Charts.Viridis(min, max);
        CellRenderer r = new CellRenderer(cells, points);
        r.setPaintScale(scale);
        ValueAxis xa = x.axis();
        ValueAxis ya = y.axis();
        XYPlot plot = new XYPlot(data, xa, ya, r);
        if (x.levels() != null) {
            xa.setRange(-0.5, x.levels().size() - 0.5);
        }
        if (y.levels() != null) {
            ya.setRange(-0.5, y.levels().size() - 0.5);
        }
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = Charts.chart(title, plot, false);
        plot.setBackgroundPaint(Color.WHITE);
        Charts.addScaleLegend(chart, scale, log ? "log10 " + zLabel : zLabel, min, max);
        return chart;
    }

    private static double[] valuesOf(double[] z, Cell[] cells) {
        double[] v = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            v[i] = cells[i] == Cell.VALUE ? z[i] : Double.NaN;
        }
        return v;
    }

    private static boolean finite(double v, Scale s) {
        return Double.isFinite(v) && (!s.log() || v > 0);
    }

    /** Shapes only (no outline, so one SVG element per point), each tagged with {@code id(item)}. */
    private static XYLineAndShapeRenderer tagged(Color paint, double radius, IntFunction<String> id) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                                 XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                                 int item, CrosshairState crosshairState, int pass) {
                if (isItemPass(pass) && g2 instanceof SVGGraphics2D) {
                    g2.setRenderingHint(SVGHints.KEY_ELEMENT_ID, idPrefix(g2) + id.apply(item));
                }
                super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
            }
        };
        r.setSeriesPaint(0, paint);
        r.setSeriesShape(0, new Ellipse2D.Double(-radius, -radius, 2 * radius, 2 * radius));
        r.setDrawOutlines(false);
        return r;
    }

    /** The chart's id prefix (the SVG's defs-key prefix, which {@link Charts#svg} sets to the chart's id + "-"). */
    private static String idPrefix(Graphics2D g2) {
        String p = ((SVGGraphics2D) g2).getDefsKeyPrefix();
        return p == null ? "" : p;
    }

    /** Fill-only cells tagged by point; refused cells grey with a diagonal hatch. */
    private static final class CellRenderer extends XYBlockRenderer {
        private static final long serialVersionUID = 1L;
        private final Cell[] cells;
        private final long[] points;

        CellRenderer(Cell[] cells, long[] points) {
            this.cells = cells;
            this.points = points;
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                             XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                             CrosshairState crosshairState, int pass) {
            double x = dataset.getXValue(series, item);
            double y = dataset.getYValue(series, item);
            double x0 = domainAxis.valueToJava2D(x - 0.5, dataArea, plot.getDomainAxisEdge());
            double x1 = domainAxis.valueToJava2D(x + 0.5, dataArea, plot.getDomainAxisEdge());
            double y0 = rangeAxis.valueToJava2D(y - 0.5, dataArea, plot.getRangeAxisEdge());
            double y1 = rangeAxis.valueToJava2D(y + 0.5, dataArea, plot.getRangeAxisEdge());
            Rectangle2D block = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
            Cell c = cells[item];
            String kind = switch (c) {
                case VALUE -> "cell-";
                case NO_VALUE -> "novalue-";
                case REFUSED -> "refused-";
            };
            if (g2 instanceof SVGGraphics2D) {
                g2.setRenderingHint(SVGHints.KEY_ELEMENT_ID, idPrefix(g2) + kind + points[item]);
            }
            g2.setPaint(switch (c) {
                case VALUE -> getPaintScale().getPaint(((org.jfree.data.xy.XYZDataset) dataset).getZValue(series, item));
                case NO_VALUE -> Color.WHITE;
                case REFUSED -> REFUSED;
            });
            g2.fill(block);
            if (c != Cell.VALUE) {
                g2.setPaint(new Color(0x8C8C8C));
                g2.setStroke(new BasicStroke(1f));
                // the hatch: three diagonals (a refused cell); a cell that ran without a value gets a thin frame instead
                if (c == Cell.REFUSED) {
                    double x0b = block.getX();
                    double y0b = block.getY();
                    double w = block.getWidth();
                    double h = block.getHeight();
                    g2.draw(new Line2D.Double(x0b + 0.5 * w, y0b, x0b, y0b + 0.5 * h));
                    g2.draw(new Line2D.Double(x0b + w, y0b, x0b, y0b + h));
                    g2.draw(new Line2D.Double(x0b + w, y0b + 0.5 * h, x0b + 0.5 * w, y0b + h));
                } else {
                    g2.draw(block);
                }
            }
        }
    }
}
