package org.mosaic.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.util.List;
import java.util.function.LongFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mosaic.studies.Output;
import org.mosaic.core.units.Dimension;

/**
 * Charts of the datapath section: curves and points with 95 % error bars on logarithmic axes (frame loss
 * ratio against BER, detection-latency budgets), with labelled horizontal levels (targets). They compute
 * nothing but what a plot needs: values that a log axis cannot show (zero, negative, not finite) are left
 * out, and error bars are clipped to the axis.
 */
final class DatapathCharts {
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /** Marker shapes of point series. */
    enum Marker { CIRCLE, DIAMOND, SQUARE, TRIANGLE }

    /** A line; {@code dash} 0 = solid, 1 = dashed, 2 = dotted. */
    record Curve(String name, double[] x, double[] y, Color colour, int dash, boolean inLegend) {
    }

    /** Points with a 95 % interval [low, high] each (NaN bounds: no bar). */
    record Points(String name, double[] x, double[] y, double[] low, double[] high, Color colour, Marker marker, boolean filled) {
    }

    /** A labelled horizontal line (a target, a background level). */
    record Level(String label, double y, Color colour) {
    }

    /** A legend entry: a line ({@code marker} null, {@code dash} as for curves) or a marker shape. */
    record Key(String label, Color colour, Marker marker, boolean filled, int dash) {
        static Key line(String label, Color colour, int dash) {
            return new Key(label, colour, null, false, dash);
        }

        static Key marker(String label, Marker marker, boolean filled) {
            return new Key(label, Color.DARK_GRAY, marker, filled, 0);
        }
    }

    private DatapathCharts() {
    }

    /**
     * Curves, then points with error bars on top, then the levels; the legend lists {@code legend} if it is not
     * empty (a compact key: colours and marker meanings), else every series.
     */
    static JFreeChart plot(String title, ValueAxis x, ValueAxis y, List<Curve> curves, List<Points> points, List<Level> levels,
                           List<Key> legend) {
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
        int i = 0;
        for (Curve c : curves) {
            XYSeries s = new XYSeries(c.name(), false, true);
            for (int k = 0; k < c.x().length; k++) {
                if (drawable(x, c.x()[k]) && drawable(y, c.y()[k])) {
                    s.add(c.x()[k], c.y()[k]);
                }
            }
            lines.addSeries(s);
            lr.setSeriesPaint(i, c.colour());
            lr.setSeriesStroke(i, stroke(c.dash(), 2f));
            lr.setSeriesVisibleInLegend(i, c.inLegend());
            i++;
        }
        YIntervalSeriesCollection dots = new YIntervalSeriesCollection();
        XYErrorRenderer pr = new XYErrorRenderer();
        pr.setDefaultLinesVisible(false);
        pr.setDefaultShapesVisible(true);
        pr.setDrawXError(false);
        pr.setDrawYError(true);
        pr.setCapLength(5);
        pr.setErrorStroke(new BasicStroke(1.3f));
        pr.setUseOutlinePaint(true);
        pr.setDrawOutlines(true);
        int j = 0;
        for (Points p : points) {
            YIntervalSeries s = new YIntervalSeries(p.name(), false, true);
            for (int k = 0; k < p.x().length; k++) {
                double v = p.y()[k];
                if (!drawable(x, p.x()[k]) || !drawable(y, v)) {
                    continue;
                }
                double lo = Double.isFinite(p.low()[k]) ? Math.max(p.low()[k], y.getLowerBound()) : v;
                double hi = Double.isFinite(p.high()[k]) ? Math.min(p.high()[k], y.getUpperBound()) : v;
                s.add(p.x()[k], v, Math.min(lo, v), Math.max(hi, v));
            }
            dots.addSeries(s);
            pr.setSeriesPaint(j, p.colour());
            pr.setSeriesOutlinePaint(j, p.colour());
            pr.setSeriesShape(j, shape(p.marker()));
            pr.setSeriesShapesFilled(j, p.filled());
            pr.setSeriesOutlineStroke(j, new BasicStroke(1.5f));
            j++;
        }
        XYPlot plot = new XYPlot(dots, x, y, pr);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lr);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // later series on top
        for (Level l : levels) {
            ValueMarker m = new ValueMarker(l.y(), l.colour(), stroke(1, 1.5f));
            m.setLabel(l.label());
            m.setLabelFont(TICK);
            m.setLabelPaint(l.colour());
            m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(m, Layer.FOREGROUND);
        }
        if (!legend.isEmpty()) {
            LegendItemCollection items = new LegendItemCollection();
            Shape none = new Rectangle2D.Double(0, 0, 0, 0);
            Line2D line = new Line2D.Double(-12, 0, 12, 0);
            for (Key k : legend) {
                boolean shape = k.marker() != null;
                items.add(new LegendItem(k.label(), null, null, null, shape, shape ? shape(k.marker()) : none, k.filled(), k.colour(),
                        shape, k.colour(), new BasicStroke(1.5f), !shape, line, stroke(k.dash(), 2f), k.colour()));
            }
            plot.setFixedLegendItems(items);
        }
        JFreeChart chart = Charts.chart(title, plot, true);
        chart.getLegend().setItemFont(LABEL);
        return chart;
    }

    /** A log10 axis from {@code lower} to {@code upper} labelled at every decade (or every few decades) as 1e-5. */
    static LogAxis logAxis(String label, double lower, double upper) {
        return logAxis(label, lower, upper, e -> e == 0 ? "1" : "1e" + e);
    }

    /** A log10 time axis labelled at decades with SI prefixes (1 ns, 10 µs, …). */
    static LogAxis timeAxis(String label, double lowerSeconds, double upperSeconds) {
        return logAxis(label, lowerSeconds, upperSeconds, e -> e >= 0
                ? String.format(java.util.Locale.ROOT, "%,d s", Math.round(Math.pow(10, e))) : Output.si(Math.pow(10, e), Dimension.TIME));
    }

    private static LogAxis logAxis(String label, double lower, double upper, LongFunction<String> decade) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-300);
        a.setRange(lower, upper);
        double decades = Math.log10(upper / lower);
        double step = decades <= 12 ? 1 : decades <= 24 ? 2 : decades <= 45 ? 5 : 10;
        a.setTickUnit(new NumberTickUnit(step));
        if (step == 1) {
            a.setMinorTickCount(9);
            a.setMinorTickMarksVisible(true);
        }
        // an exponent pattern: it turns off DecimalFormat's fast path, which would bypass this override
        a.setNumberFormatOverride(new DecimalFormat("0.#E0") {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(double number, StringBuffer result, FieldPosition pos) {
                return result.append(decade.apply(Math.round(Math.log10(number))));
            }
        });
        a.setTickLabelFont(TICK);
        a.setLabelFont(LABEL);
        return a;
    }

    /** A linear axis with integer ticks only, from {@code lower} to {@code upper}. */
    static NumberAxis integerAxis(String label, double lower, double upper) {
        NumberAxis a = new NumberAxis(label);
        a.setRange(lower, upper);
        a.setTickUnit(new NumberTickUnit(1, new DecimalFormat("0")));
        a.setTickLabelFont(TICK);
        a.setLabelFont(LABEL);
        return a;
    }

    private static boolean drawable(ValueAxis axis, double v) {
        return Double.isFinite(v) && (!(axis instanceof LogAxis) || v > 0);
    }

    private static BasicStroke stroke(int dash, float width) {
        return switch (dash) {
            case 0 -> new BasicStroke(width);
            case 1 -> new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f);
            default -> new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1.5f, 4f}, 0f);
        };
    }

    private static Shape shape(Marker m) {
        return switch (m) {
            case CIRCLE -> new Ellipse2D.Double(-4, -4, 8, 8);
            case SQUARE -> new Rectangle2D.Double(-3.5, -3.5, 7, 7);
            case DIAMOND -> {
                Path2D p = new Path2D.Double();
                p.moveTo(0, -5);
                p.lineTo(5, 0);
                p.lineTo(0, 5);
                p.lineTo(-5, 0);
                p.closePath();
                yield p;
            }
            case TRIANGLE -> {
                Path2D p = new Path2D.Double();
                p.moveTo(0, -5);
                p.lineTo(4.5, 4);
                p.lineTo(-4.5, 4);
                p.closePath();
                yield p;
            }
        };
    }
}
