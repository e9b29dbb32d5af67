package org.mosaic.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mosaic.cluster.TrainingModel;
import org.mosaic.cluster.training.goodput.CampaignResult;
import org.mosaic.cluster.training.goodput.FailureEvent;
import org.mosaic.cluster.training.goodput.Timeline;
import org.mosaic.studies.goodput.GoodputResult;

/**
 * Charts of training goodput: interruptions per campaign by cause for several policies, and the timeline of one
 * sampled campaign (what the job was doing hour by hour, each failure marked with its cause's category; below it the
 * work done against the ideal over the whole campaign).
 */
public final class GoodputCharts {
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color[] POLICY = {new Color(0x555555), new Color(0x009E73), new Color(0x0072B2), new Color(0xD55E00)};
    private static final Map<Timeline.Kind, Color> KIND = new LinkedHashMap<>();
    private static final Map<String, Color> CATEGORY = new LinkedHashMap<>();

    static {
        KIND.put(Timeline.Kind.COMPUTE, new Color(0x009E73));
        KIND.put(Timeline.Kind.CHECKPOINT, new Color(0x56B4E9));
        KIND.put(Timeline.Kind.REWORK, new Color(0xD55E00));
        KIND.put(Timeline.Kind.DETECT, new Color(0xF0E442));
        KIND.put(Timeline.Kind.REPLACE, new Color(0xCC79A7));
        KIND.put(Timeline.Kind.RESTART, new Color(0xE69F00));
        CATEGORY.put("GPU", new Color(0x0072B2));
        CATEGORY.put("Network", new Color(0xC00000));
        CATEGORY.put("Host", new Color(0x6A3D9A));
        CATEGORY.put("Dependency", new Color(0x555555));
        CATEGORY.put("Maintenance", new Color(0x8C564B));
        CATEGORY.put("Unknown", new Color(0x999999));
        CATEGORY.put("Planned", new Color(0x56B4E9));
    }

    private GoodputCharts() {
    }

    /**
     * Interruptions per campaign by cause (largest first), one bar per policy. Causes with no interruption in any run (e.g.
     * the switches' residual when the links already account for Llama's switch/cable rate) are left out.
     */
    public static JFreeChart byCause(List<TrainingModel.Campaign> runs, String title) {
        CampaignResult first = runs.get(0).result();
        List<String> causes = new ArrayList<>();
        for (String cause : first.interruptionsByCause().keySet()) {
            if (runs.stream().anyMatch(c -> c.result().interruptions(cause).mean() > 0)) {
                causes.add(cause);
            }
        }
        causes.sort((a, b) -> Double.compare(first.interruptions(b).mean(), first.interruptions(a).mean()));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TrainingModel.Campaign c : runs) {
            String label = String.format("%s (ETTR %.1f %%)", c.policy(), 100 * c.result().ettr().mean());
            for (String cause : causes) {
                data.addValue(c.result().interruptions(cause).mean(), label, cause);
            }
        }
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        for (int i = 0; i < runs.size(); i++) {
            r.setSeriesPaint(i, POLICY[i % POLICY.length]);
        }
        CategoryAxis cat = new CategoryAxis();
        cat.setTickLabelFont(TICK);
        cat.setMaximumCategoryLabelWidthRatio(0.35f);
        NumberAxis val = new NumberAxis("interruptions per campaign (mean of the trials)");
        CategoryPlot p = new CategoryPlot(data, cat, val, r);
        p.setOrientation(PlotOrientation.HORIZONTAL);
        Charts.style(p);
        return Charts.chart(title, p, true);
    }

    /**
     * One trial's first {@code hours} hours: a strip of what the job did and the failures above it by category; below,
     * the committed work against wall time over the whole campaign.
     */
    public static JFreeChart timeline(TrainingModel.Campaign c, double hours, String title) {
        Timeline tl = c.result().timeline();
        double end = hours * 3600;
        XYIntervalSeriesCollection strip = new XYIntervalSeriesCollection();
        Map<Timeline.Kind, XYIntervalSeries> series = new LinkedHashMap<>();
        for (Timeline.Kind k : KIND.keySet()) {
            series.put(k, new XYIntervalSeries(label(k)));
        }
        // merge runs of one kind (thousands of checkpoints would otherwise be thousands of slivers)
        Timeline.Kind runKind = null;
        double runStart = 0;
        double runEnd = 0;
        for (Timeline.Segment s : tl.segments()) {
            if (s.startSeconds() >= end) {
                break;
            }
            Timeline.Kind k = s.kind() == Timeline.Kind.CHECKPOINT ? Timeline.Kind.COMPUTE : s.kind();
            if (k == runKind && Math.abs(s.startSeconds() - runEnd) < 1e-6) {
                runEnd = Math.min(end, s.endSeconds());
                continue;
            }
            if (runKind != null) {
                series.get(runKind).add(runStart / 3600, runStart / 3600, runEnd / 3600, 0, -0.4, 0.4);
            }
            runKind = k;
            runStart = s.startSeconds();
            runEnd = Math.min(end, s.endSeconds());
        }
        if (runKind != null) {
            series.get(runKind).add(runStart / 3600, runStart / 3600, runEnd / 3600, 0, -0.4, 0.4);
        }
        Map<String, XYIntervalSeries> events = new LinkedHashMap<>();
        Map<String, String> categoryOf = new LinkedHashMap<>();
        c.spec().causes().causes().forEach(fc -> categoryOf.put(fc.name(), fc.category()));
        for (FailureEvent e : tl.events()) {
            if (e.timeSeconds() >= end) {
                break;
            }
            String cat = categoryOf.getOrDefault(e.cause(), "Unknown");
            events.computeIfAbsent(cat, k -> new XYIntervalSeries("failure: " + k));
            double t = e.timeSeconds() / 3600;
            events.get(cat).add(t, t - hours / 600, t + hours / 600, 1, 0.7, 1.3);
        }
        XYBarRenderer rend = new XYBarRenderer();
        rend.setUseYInterval(true);
        rend.setBarPainter(new StandardXYBarPainter());
        rend.setShadowVisible(false);
        int i = 0;
        for (Map.Entry<Timeline.Kind, XYIntervalSeries> e : series.entrySet()) {
            if (e.getKey() == Timeline.Kind.CHECKPOINT || e.getValue().getItemCount() == 0) {
                continue; // checkpoints are drawn as computing; a kind that never occurs stays out of the legend
            }
            strip.addSeries(e.getValue());
            rend.setSeriesPaint(i++, KIND.get(e.getKey()));
        }
        for (Map.Entry<String, XYIntervalSeries> e : events.entrySet()) {
            strip.addSeries(e.getValue());
            rend.setSeriesPaint(i++, CATEGORY.getOrDefault(e.getKey(), Color.GRAY));
        }
        SymbolAxis y = new SymbolAxis(null, new String[] {"job", "failures"});
        y.setGridBandsVisible(false);
        y.setTickLabelFont(TICK);
        XYPlot top = new XYPlot(strip, null, y, rend);
        Charts.style(top);

        // committed work vs wall time over the whole campaign (hours), and the ideal
        XYSeries work = new XYSeries("work kept (h)");
        XYSeries ideal = new XYSeries("ideal (h)");
        double kept = 0;
        work.add(0, 0);
        for (Timeline.Segment s : tl.segments()) {
            if (s.kind() == Timeline.Kind.COMPUTE) {
                kept += s.durationSeconds();
            }
            if (s.startSeconds() < end) {
                work.add(s.endSeconds() / 3600, kept / 3600);
            }
        }
        ideal.add(0, 0);
        ideal.add(hours, hours);
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(work);
        lines.addSeries(ideal);
        XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
        lr.setDrawSeriesLineAsPath(true); // one SVG path per series, not one line element per segment
        lr.setSeriesPaint(0, new Color(0x009E73));
        lr.setSeriesPaint(1, Color.GRAY);
        lr.setSeriesStroke(1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f));
        XYPlot bottom = new XYPlot(lines, null, new NumberAxis("work kept (h)"), lr);
        Charts.style(bottom);
        NumberAxis x = new NumberAxis("hours since the start of the campaign");
        x.setRange(0, hours);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(8);
        plot.add(top, 1);
        plot.add(bottom, 2);
        return Charts.chart(title, plot, true);
    }

    private static String label(Timeline.Kind k) {
        return switch (k) {
            case COMPUTE -> "computing (incl. checkpoints)";
            case CHECKPOINT -> "checkpoint";
            case REWORK -> "work lost";
            case DETECT -> "detecting";
            case REPLACE -> "waiting for a part";
            case RESTART -> "restarting";
        };
    }

    /**
     * {@code goodput --plot}: interruptions by cause of every policy and, beside it (name + {@code -timeline}), the first
     * policy's first trial over its first 48 hours.
     */
    public static void writePlot(Path file, GoodputResult result) throws IOException {
        List<TrainingModel.Campaign> runs = result.campaigns();
        Charts.write(byCause(runs, "interruptions by cause, " + result.first().gpus() + " GPUs, " + (int) result.first().days() + " days"),
                file, 1000, 620);
        Path tl = Charts.sibling(file, "-timeline");
        TrainingModel.Campaign f = runs.get(0);
        Charts.write(timeline(f, Math.min(48, f.spec().days() * 24), f.policy() + ": one sampled campaign, first 48 hours"), tl, 1100, 480);
    }
}
