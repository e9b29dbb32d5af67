package org.mosaic.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.mosaic.link.baseline.TechnologyKind;

/**
 * Charts of the fleet section: the floor of a cluster (racks by row and position, one rack's cables coloured by
 * technology), cable lengths per tier against the technologies' reach, power and failures by policy, and the rack
 * density comparison. Builders take plain values from {@link FleetSection}; they compute nothing but layout.
 */
public final class FleetCharts {
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);

    private FleetCharts() {
    }

    // ---- colours ----

    /** Colour of a technology on every fleet chart (by id where one kind has several reaches, else by kind). */
    public static Color technologyColour(String id, TechnologyKind kind) {
        if (id.startsWith("dsp-sr")) {
            return new Color(0x56B4E9);
        }
        if (id.startsWith("dsp-dr")) {
            return new Color(0x0072B2);
        }
        if (id.contains("fr")) {
            return new Color(0x332288);
        }
        return switch (kind) {
            case PASSIVE_COPPER -> new Color(0xA6611A);
            case LINEAR_ACTIVE_COPPER -> new Color(0xBF812D);
            case ACTIVE_ELECTRICAL_CABLE -> new Color(0x8C6D31);
            case ACTIVE_OPTICAL_CABLE -> new Color(0xE69F00);
            case DSP_PLUGGABLE -> new Color(0x0072B2);
            case LINEAR_PLUGGABLE_OPTICS -> new Color(0xCC79A7);
            case CO_PACKAGED_OPTICS -> new Color(0xD55E00);
            case MICROLED -> new Color(0x009E73);
        };
    }

    /** Colour of a tier on the stacked charts (scale-up, gpu-leaf, leaf-spine, spine-core, then the series palette). */
    public static Color tierColour(int i) {
        Color[] c = {new Color(0xA6611A), new Color(0x56B4E9), new Color(0x0072B2), new Color(0x332288)};
        return i < c.length ? c[i] : Charts.SERIES[i % Charts.SERIES.length];
    }

    // ---- the floor ----

    /**
     * One rack drawn: its cell (column = row of its room, shifted right for the spine room; line = position in
     * the row), its class (an index into the legend's rack classes) and how full its power budget is (0..1).
     */
    public record RackCell(double column, double position, int rackClass, double budgetFraction) {
    }

    /** A class of racks in the legend. */
    public record RackClass(String label, Color colour) {
    }

    /** One cable drawn from rack centre to rack centre, coloured by its technology; {@code tier} sets the arc's bulge. */
    public record Cable(double column1, double position1, double column2, double position2, int tier, Color colour) {
    }

    /** A technology in the cable legend. */
    public record CableTechnology(String label, Color colour) {
    }

    /**
     * The floor as seen from above, schematic: each room's rows side by side (columns), positions along a row top
     * to bottom; a rack is filled in its class's colour, the more opaque the closer it is to its power budget.
     * The cables of one rack are drawn as arcs between rack centres (not their routes), coloured by technology.
     *
     * @param blocks text labels above the blocks of columns: column where the block starts → label
     */
    public static JFreeChart floor(List<RackCell> racks, List<RackClass> classes, List<Cable> cables, List<CableTechnology> technologies,
                                   int marked, double columns, int positions, Map<Double, String> blocks, String title) {
        NumberAxis x = new NumberAxis("rows (aisles between them), hall on the left, spine room on the right");
        x.setRange(-0.5, columns + 0.5);
        x.setTickLabelsVisible(false);
        x.setTickMarksVisible(false);
        NumberAxis y = new NumberAxis("position in the row");
        y.setRange(-0.3, positions + 2.2);
        y.setInverted(true);
        y.setTickUnit(new NumberTickUnit(positions > 12 ? 4 : 1));
        y.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        XYPlot plot = new XYPlot(null, x, y, null);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (int i = 0; i < racks.size(); i++) {
            RackCell r = racks.get(i);
            Color c = classes.get(r.rackClass()).colour();
            int alpha = (int) Math.round(255 * (0.3 + 0.7 * Math.max(0, Math.min(1, r.budgetFraction()))));
            Color fill = new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
            boolean mark = i == marked;
            // a shape annotation, not XYBoxAnnotation: the latter draws nothing on an inverted axis (negative height)
            plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(r.column() + 0.18, r.position() + 0.08, 0.64, 0.84),
                    mark ? new BasicStroke(2.2f) : null, mark ? Color.BLACK : null, fill), false); // no outline: half the SVG
        }
        for (Cable c : cables) {
            Path2D p = new Path2D.Double();
            double dx = c.column2() - c.column1();
            double dy = c.position2() - c.position1();
            double len = Math.hypot(dx, dy);
            double bulge = len == 0 ? 0 : (0.9 + 0.04 * len) * (c.tier() % 2 == 0 ? 1 : -1) / len;
            p.moveTo(c.column1() + 0.5, c.position1() + 0.5);
            p.quadTo(c.column1() + 0.5 + dx / 2 - dy * bulge, c.position1() + 0.5 + dy / 2 + dx * bulge, c.column2() + 0.5, c.position2() + 0.5);
            Color see = new Color(c.colour().getRed(), c.colour().getGreen(), c.colour().getBlue(), 200);
            plot.addAnnotation(new XYShapeAnnotation(p, new BasicStroke(c.tier() <= 2 ? 2.2f : 1.1f), see, null), false);
        }
        for (Map.Entry<Double, String> b : blocks.entrySet()) {
            boolean right = b.getKey() > columns * 0.8; // a block near the right edge is labelled from its end
            XYTextAnnotation t = new XYTextAnnotation(b.getValue(), right ? columns + 0.4 : b.getKey(), positions + 1.1);
            t.setFont(BOLD);
            t.setTextAnchor(right ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
            plot.addAnnotation(t, false);
        }
        LegendItemCollection legend = new LegendItemCollection();
        for (RackClass c : classes) {
            LegendItem li = new LegendItem(c.label(), c.colour());
            li.setLabelFont(LABEL);
            legend.add(li);
        }
        Shape line = new Line2D.Double(-8, 0, 8, 0);
        for (CableTechnology t : technologies) {
            LegendItem li = new LegendItem(t.label(), null, null, null, line, new BasicStroke(2.5f), t.colour());
            li.setLabelFont(LABEL);
            legend.add(li);
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = Charts.chart(title, plot, true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        return chart;
    }

    // ---- cable lengths ----

    /** A reach drawn as a vertical line; {@code labelled} false for a line already labelled in a panel above. */
    public record Reach(double meters, String label, Color colour, boolean labelled) {
    }

    /** One tier's histogram: bars from {@code lowMeters[i]} to {@code highMeters[i]} of height {@code cables[i]}. */
    public record TierHistogram(String name, double[] lowMeters, double[] highMeters, double[] cables, Color colour, List<Reach> reaches) {
    }

    /** Cable lengths per tier, one panel per tier over a shared logarithmic length axis, with each technology's reach. */
    public static JFreeChart lengths(List<TierHistogram> tiers, double minMeters, double maxMeters, String title) {
        LogAxis x = new LogAxis("cable length (m), rounded up to its 0.25 m bin; logarithmic bins of equal width");
        x.setBase(10);
        x.setRange(minMeters, maxMeters);
        x.setSmallestValue(1e-3);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(6);
        for (TierHistogram t : tiers) {
            XYIntervalSeries s = new XYIntervalSeries(t.name());
            double top = 0;
            for (int i = 0; i < t.cables().length; i++) {
                double mid = Math.sqrt(t.lowMeters()[i] * t.highMeters()[i]);
                s.add(mid, t.lowMeters()[i], t.highMeters()[i], t.cables()[i], 0, t.cables()[i]);
                top = Math.max(top, t.cables()[i]);
            }
            XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
            data.addSeries(s);
            XYBarRenderer r = new XYBarRenderer();
            r.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
            r.setShadowVisible(false);
            r.setSeriesPaint(0, t.colour());
            r.setDrawBarOutline(false);
            NumberAxis y = new NumberAxis(t.name());
            y.setRange(0, top * 1.45 + 1);
            y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
            y.setLabelFont(SMALL);
            y.setTickLabelFont(SMALL);
            XYPlot p = new XYPlot(data, null, y, r);
            Charts.style(p);
            int k = 0;
            for (Reach reach : t.reaches()) {
                ValueMarker m = new ValueMarker(reach.meters(), reach.colour(), new BasicStroke(1.4f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 1f, new float[] {5f, 3f}, 0f));
                if (reach.labelled()) {
                    m.setLabel(reach.label());
                    m.setLabelFont(SMALL);
                    m.setLabelPaint(reach.colour().darker());
                    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                    m.setLabelOffset(new RectangleInsets(2 + 12 * (k % 3), 3, 2, 2));
                    m.setLabelBackgroundColor(LABEL_BACKGROUND);
                    k++;
                }
                p.addDomainMarker(m, Layer.FOREGROUND);
            }
            combined.add(p, 1);
        }
        return Charts.chart(title, combined, false);
    }

    // ---- policies ----

    /**
     * Interconnect power and link failures per day by policy (rows), stacked by tier, side by side.
     *
     * @param powerMegawatts  [policy][tier]
     * @param failuresPerDay  [policy][tier]
     */
    public static JFreeChart byPolicy(List<String> policies, List<String> tiers, double[][] powerMegawatts, double[][] failuresPerDay,
                                      String title) {
        CategoryAxis cat = new CategoryAxis("policy");
        cat.setTickLabelFont(TICK);
        cat.setLabelFont(LABEL);
        CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(cat);
        combined.setOrientation(PlotOrientation.HORIZONTAL);
        combined.setGap(18);
        combined.add(stacked(policies, tiers, powerMegawatts, "interconnect power (MW)"), 1);
        combined.add(stacked(policies, tiers, failuresPerDay, "expected link failures per day"), 1);
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < tiers.size(); i++) {
            boolean drawn = false;   // a tier with no cables under any policy (on-board NVLink: traces) has no bar to name
            for (int p = 0; p < policies.size(); p++) {
                drawn |= powerMegawatts[p][i] != 0 || failuresPerDay[p][i] != 0;
            }
            if (!drawn) {
                continue;
            }
            LegendItem li = new LegendItem(tiers.get(i), tierColour(i));
            li.setLabelFont(LABEL);
            legend.add(li);
        }
        combined.setFixedLegendItems(legend);
        return Charts.chart(title, combined, true);
    }

    private static CategoryPlot stacked(List<String> categories, List<String> series, double[][] values, String axis) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int c = 0; c < categories.size(); c++) {
            for (int s = 0; s < series.size(); s++) {
                data.addValue(values[c][s], series.get(s), categories.get(c));
            }
        }
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setDefaultOutlinePaint(Color.WHITE);
        r.setMaximumBarWidth(0.12);
        for (int s = 0; s < series.size(); s++) {
            r.setSeriesPaint(s, tierColour(s));
        }
        r.setDefaultItemLabelsVisible(false);
        NumberAxis val = new NumberAxis(axis);
        val.setLabelFont(LABEL);
        val.setTickLabelFont(TICK);
        val.setUpperMargin(0.08);
        CategoryPlot p = new CategoryPlot(data, null, val, r);
        Charts.style(p);
        return p;
    }

    // ---- rack density ----

    /** kW per rack (mean and largest), extra interconnect power (kW) and cables per rack, one bar row per option. */
    public static JFreeChart density(List<String> options, double[] kwPerRack, double[] maxKwPerRack, double[] extraKw,
                                     double[] cablesPerRack, double airCooledKw, String title) {
        CategoryAxis cat = new CategoryAxis();
        cat.setTickLabelFont(TICK);
        cat.setMaximumCategoryLabelWidthRatio(0.4f);
        CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(cat);
        combined.setOrientation(PlotOrientation.HORIZONTAL);
        combined.setGap(16);
        CategoryPlot kw = bars(options, List.of("mean", "largest rack"), new double[][] {kwPerRack, maxKwPerRack}, "kW per rack",
                new Color[] {new Color(0x0072B2), new Color(0x56B4E9)});
        ValueMarker air = new ValueMarker(airCooledKw, new Color(0xC00000), new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f));
        air.setLabel(String.format(Locale.ROOT, "air cooling limit %.0f kW", airCooledKw));
        air.setLabelFont(SMALL);
        air.setLabelPaint(new Color(0xC00000));
        air.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        air.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        air.setLabelBackgroundColor(LABEL_BACKGROUND);
        kw.addRangeMarker(air, Layer.FOREGROUND);
        combined.add(kw, 1);
        combined.add(bars(options, List.of("extra interconnect power"), new double[][] {extraKw},
                "extra interconnect power vs one dense rack (kW)", new Color[] {new Color(0xD55E00)}), 1);
        combined.add(bars(options, List.of("cables per rack"), new double[][] {cablesPerRack}, "scale-up cables per rack",
                new Color[] {new Color(0x009E73)}), 1);
        JFreeChart chart = Charts.chart(title, combined, true);
        LegendTitle l = chart.getLegend();
        l.setFrame(BlockBorder.NONE);
        return chart;
    }

    private static CategoryPlot bars(List<String> categories, List<String> series, double[][] values, String axis, Color[] colours) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                data.addValue(values[s][c], series.get(s), categories.get(c));
            }
        }
        org.jfree.chart.renderer.category.BarRenderer r = new org.jfree.chart.renderer.category.BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setMaximumBarWidth(0.2);
        for (int s = 0; s < series.size(); s++) {
            r.setSeriesPaint(s, colours[s]);
        }
        r.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("#,##0.#")));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(SMALL);
        r.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        NumberAxis val = new NumberAxis(axis);
        val.setLabelFont(LABEL);
        val.setTickLabelFont(TICK);
        val.setUpperMargin(0.25);
        CategoryPlot p = new CategoryPlot(data, null, val, r);
        Charts.style(p);
        return p;
    }

}
