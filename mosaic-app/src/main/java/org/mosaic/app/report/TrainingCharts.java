package org.mosaic.app.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
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
    /** Breakdown kinds in drawing order with their colours (Okabe-Ito). */
    private static final String[] KINDS = {"compute", "recompute", "tp", "cp", "ep", "pp", "pipelineBubble", "dp", "optimizer"};
    private static final String[] KIND_LABELS = {"compute", "recompute", "TP comm.", "CP comm.", "EP comm.", "PP transfers", "pipeline bubble",
        "DP comm. (exposed)", "optimizer"};
    private static final Color[] KIND_COLOURS = {new Color(0x0072B2), new Color(0x56B4E9), new Color(0xE69F00), new Color(0xF0E442),
        new Color(0xCC79A7), new Color(0x009E73), new Color(0xBBBBBB), new Color(0xD55E00), new Color(0x555555)};

    private TrainingCharts() {
    }

    /** Step-time breakdown (seconds), one horizontal stacked bar per run. */
    public static JFreeChart breakdown(List<String> labels, List<StepResult> results, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < results.size(); i++) {
            Map<String, Double> b = results.get(i).breakdown();
            for (int k = 0; k < KINDS.length; k++) {
                data.addValue(b.getOrDefault(KINDS[k], 0.0), KIND_LABELS[k], labels.get(i));
            }
        }
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setDefaultOutlinePaint(Color.WHITE);
        r.setMaximumBarWidth(0.14);
        for (int k = 0; k < KINDS.length; k++) {
            r.setSeriesPaint(k, KIND_COLOURS[k]);
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

    /** The pipeline timeline of one step: stage on the vertical axis, time across; forward and backward ops coloured. */
    public static JFreeChart timeline(StepResult r, String title) {
        PipelineResult pr = r.pipeline();
        if (pr.timeline().isEmpty()) {
            throw new IllegalArgumentException("the step was evaluated without a timeline — evaluate with timeline = true");
        }
        XYIntervalSeries fwd = new XYIntervalSeries("forward");
        XYIntervalSeries bwd = new XYIntervalSeries("backward (incl. recomputation)");
        double bar = 0.38;
        for (PipelineResult.Op op : pr.timeline()) {
            XYIntervalSeries s = op.forward() ? fwd : bwd;
            s.add(op.startSeconds(), op.startSeconds(), op.endSeconds(), op.stage(), op.stage() - bar, op.stage() + bar);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(fwd);
        data.addSeries(bwd);
        XYBarRenderer rend = new XYBarRenderer();
        rend.setUseYInterval(true);
        rend.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        rend.setShadowVisible(false);
        rend.setDrawBarOutline(true);
        rend.setDefaultOutlinePaint(Color.WHITE);
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

    /** {@code train --plot}: the breakdown of every run; next to it (file name + "-timeline") the first run's pipeline. */
    public static void writeStepPlot(Path file, List<StepResult> results, List<String> labels, StepResult withTimeline) throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            rows.add(labels.get(i) + ": " + results.get(i).plan().label());
        }
        Charts.write(breakdown(rows, results, results.get(0).model() + ": step-time breakdown"), file, 1000, 160 + 70 * results.size());
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path tl = file.resolveSibling(name.substring(0, dot) + "-timeline" + name.substring(dot));
        Charts.write(timeline(withTimeline, withTimeline.model() + " " + withTimeline.plan().label() + ": one step's pipeline"), tl, 1100,
                200 + 22 * withTimeline.pipeline().stages());
    }
}
