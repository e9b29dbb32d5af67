package org.mosaic.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.mosaic.cluster.training.StepResult;
import org.mosaic.cluster.training.pipeline.PipelineResult;

/**
 * Charts of training throughput: the step-time breakdown of several runs side by side, and the pipeline timeline of
 * one step (which stage computes which micro-batch when, forward and backward, the bubbles visible as gaps).
 */
public final class TrainingCharts {
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** Breakdown kinds ({@link StepResult#breakdown()} keys) in drawing order, with their labels and colours (Okabe-Ito). */
    static final List<String> KINDS = List.of("compute", "recompute", "tp", "cp", "ep", "pp", "pipelineBubble", "dp", "optimizer");
    private static final String[] KIND_LABELS = {"compute", "recompute", "TP comm.", "CP comm.", "EP comm.", "PP transfers", "pipeline bubble",
        "DP comm. (exposed)", "optimizer"};
    private static final Color[] KIND_COLOURS = {new Color(0x0072B2), new Color(0x56B4E9), new Color(0xE69F00), new Color(0xF0E442),
        new Color(0xCC79A7), new Color(0x009E73), new Color(0xBBBBBB), new Color(0xD55E00), new Color(0x555555)};

    private TrainingCharts() {
    }

    /** The label of a breakdown kind ("TP comm.", "pipeline bubble"); the key itself if unknown. */
    static String kindLabel(String kind) {
        int k = KINDS.indexOf(kind);
        return k < 0 ? kind : KIND_LABELS[k];
    }

    /**
     * Step-time breakdown (seconds), one horizontal stacked bar per run. Kinds that are zero in every run (e.g. expert
     * parallelism of a dense model) are left out of the bars and the legend; each kind keeps its colour.
     */
    public static JFreeChart breakdown(List<String> labels, List<StepResult> results, String title) {
        if (labels.size() != results.size() || results.isEmpty()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + results.size() + " runs — expected one label per run, at least one run");
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Integer> shown = new ArrayList<>();
        for (int k = 0; k < KINDS.size(); k++) {
            String kind = KINDS.get(k);
            if (results.stream().anyMatch(r -> r.breakdown().getOrDefault(kind, 0.0) != 0)) {
                shown.add(k);
            }
        }
        for (int i = 0; i < results.size(); i++) {
            Map<String, Double> b = results.get(i).breakdown();
            for (int k : shown) {
                data.addValue(b.getOrDefault(KINDS.get(k), 0.0), KIND_LABELS[k], labels.get(i));
            }
        }
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setDefaultOutlinePaint(Color.WHITE);
        r.setMaximumBarWidth(0.14);
        for (int s = 0; s < shown.size(); s++) {
            r.setSeriesPaint(s, KIND_COLOURS[shown.get(s)]);
        }
        CategoryAxis cat = new CategoryAxis();
        cat.setTickLabelFont(TICK);
        cat.setMaximumCategoryLabelWidthRatio(0.45f);
        cat.setMaximumCategoryLabelLines(2);
        NumberAxis val = new NumberAxis("seconds per step");
        val.setUpperMargin(0.06);
        CategoryPlot p = new CategoryPlot(data, cat, val, r);
        p.setOrientation(PlotOrientation.HORIZONTAL);
        Charts.style(p);
        return Charts.chart(title, p, true);
    }

    /**
     * The pipeline timeline of one step: stage on the vertical axis, time across; forward and backward ops coloured. Each
     * series' ops are filled as one path ({@link PathBarRenderer}), so a step of thousands of ops stays a small SVG; ops
     * of one direction that follow each other without a gap merge into one bar ({@link #runs}), and the alternation of
     * forward and backward shows the steady state.
     */
    public static JFreeChart timeline(StepResult r, String title) {
        PipelineResult pr = r.pipeline();
        if (pr.timeline().isEmpty()) {
            throw new IllegalArgumentException("the step was evaluated without a timeline — evaluate with timeline = true");
        }
        XYIntervalSeries fwd = new XYIntervalSeries("forward");
        XYIntervalSeries bwd = new XYIntervalSeries("backward (incl. recomputation)");
        double bar = 0.38;
        for (double[] run : runs(pr.timeline(), pr.makespanSeconds() * 1e-9)) {
            int stage = (int) run[0];
            (run[1] > 0 ? fwd : bwd).add(run[2], run[2], run[3], stage, stage - bar, stage + bar);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(fwd);
        data.addSeries(bwd);
        PathBarRenderer rend = new PathBarRenderer();
        rend.setSeriesPaint(0, new Color(0x56B4E9));
        rend.setSeriesPaint(1, new Color(0x0072B2));
        String[] stages = new String[pr.stages()];
        for (int i = 0; i < stages.length; i++) {
            stages[i] = "stage " + i;
        }
        SymbolAxis y = new SymbolAxis("pipeline stage", stages);
        y.setInverted(true);
        y.setGridBandsVisible(false);
        NumberAxis x = new NumberAxis("time within the step (s)");
        x.setRange(0, pr.makespanSeconds() * 1.01);
        XYPlot plot = new XYPlot(data, x, y, rend);
        return Charts.chart(title, plot, true);
    }

    /**
     * The ops merged into runs: consecutive ops of one stage and direction whose gap is at most {@code gapSeconds} become
     * one bar. Returns {stage, 1 if forward else 0, start, end} per run, in the timeline's order.
     */
    static List<double[]> runs(List<PipelineResult.Op> ops, double gapSeconds) {
        List<double[]> out = new ArrayList<>();
        double[] cur = null;
        for (PipelineResult.Op op : ops) {
            double dir = op.forward() ? 1 : 0;
            if (cur != null && cur[0] == op.stage() && cur[1] == dir && Math.abs(op.startSeconds() - cur[3]) <= gapSeconds) {
                cur[3] = Math.max(cur[3], op.endSeconds());
                continue;
            }
            cur = new double[] {op.stage(), dir, op.startSeconds(), op.endSeconds()};
            out.add(cur);
        }
        return out;
    }

    /**
     * Draws the bars of an interval dataset (x and y intervals, vertical plot orientation) as one filled path per series,
     * filled when the series' pass ends: the same picture as {@link XYBarRenderer} without outlines, but one SVG element
     * per series instead of one per bar.
     */
    static final class PathBarRenderer extends XYBarRenderer {
        private static final long serialVersionUID = 1L;

        PathBarRenderer() {
            setUseYInterval(true);
            setShadowVisible(false);
            setDrawBarOutline(false);
            setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        }

        /** Collects the bars of the series being drawn and fills them at the end of its pass. */
        private final class State extends XYItemRendererState {
            private final Graphics2D g2;
            private Path2D.Double path;

            State(PlotRenderingInfo info, Graphics2D g2) {
                super(info);
                this.g2 = g2;
            }

            @Override
            public void startSeriesPass(XYDataset dataset, int series, int firstItem, int lastItem, int pass, int passCount) {
                super.startSeriesPass(dataset, series, firstItem, lastItem, pass, passCount);
                path = new Path2D.Double();
            }

            @Override
            public void endSeriesPass(XYDataset dataset, int series, int firstItem, int lastItem, int pass, int passCount) {
                if (path != null) {
                    g2.setPaint(lookupSeriesPaint(series));
                    g2.fill(path);
                    path = null;
                }
                super.endSeriesPass(dataset, series, firstItem, lastItem, pass, passCount);
            }
        }

        @Override
        public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset dataset, PlotRenderingInfo info) {
            State state = new State(info, g2);
            state.setProcessVisibleItemsOnly(false);
            return state;
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info, XYPlot plot,
                             ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item, CrosshairState crosshair,
                             int pass) {
            if (!getItemVisible(series, item) || !(state instanceof State s) || s.path == null) {
                return;
            }
            IntervalXYDataset d = (IntervalXYDataset) dataset;
            RectangleEdge xEdge = plot.getDomainAxisEdge();
            RectangleEdge yEdge = plot.getRangeAxisEdge();
            double x0 = domainAxis.valueToJava2D(d.getStartXValue(series, item), dataArea, xEdge);
            double x1 = domainAxis.valueToJava2D(d.getEndXValue(series, item), dataArea, xEdge);
            double y0 = rangeAxis.valueToJava2D(d.getStartYValue(series, item), dataArea, yEdge);
            double y1 = rangeAxis.valueToJava2D(d.getEndYValue(series, item), dataArea, yEdge);
            if (!(Double.isFinite(x0) && Double.isFinite(x1) && Double.isFinite(y0) && Double.isFinite(y1))) {
                return;
            }
            s.path.append(new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0)), false);
        }
    }

    /** {@code train --plot}: the breakdown of every run; next to it (file name + "-timeline") the first run's pipeline. */
    public static void writeStepPlot(Path file, List<StepResult> results, List<String> labels, StepResult withTimeline) throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            rows.add(labels.get(i) + ": " + results.get(i).plan().label());
        }
        Charts.write(breakdown(rows, results, results.get(0).model() + ": step-time breakdown"), file, 1000, 160 + 70 * results.size());
        Path tl = Charts.sibling(file, "-timeline");
        Charts.write(timeline(withTimeline, withTimeline.model() + " " + withTimeline.plan().label() + ": one step's pipeline"), tl, 1100,
                200 + 22 * withTimeline.pipeline().stages());
    }
}
