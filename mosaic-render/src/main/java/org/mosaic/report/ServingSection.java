package org.mosaic.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mosaic.cluster.inference.ServingResult;
import org.mosaic.studies.Finding;
import org.mosaic.studies.Finding.Verdict;
import org.mosaic.studies.Results;
import org.mosaic.studies.inference.ServingReport;
import org.mosaic.studies.inference.ServingReport.Best;
import org.mosaic.studies.inference.ServingReport.PolicyServing;
import org.mosaic.studies.inference.ServingReportStudy;

/**
 * The serving section: does a larger scale-up domain let a large MoE model be served with wider expert parallelism at a lower
 * time per output token? It renders {@link ServingReportStudy}'s result: per policy the best plan within each
 * time-per-output-token target (the table), the tokens/s per GPU each policy reaches at each target (the chart) and the
 * fastest plan that fits.
 *
 * <p>Nothing is computed here but ratios of the study's numbers for the text.
 */
public final class ServingSection implements Section {
    static final int WIDTH = 900;
    static final int HEIGHT = 420;

    private final ServingReport report;

    public ServingSection(ServingReport report) {
        this.report = report;
    }

    /** The study's result this section renders. */
    public ServingReport report() {
        return report;
    }

    @Override
    public String id() {
        return "serving";
    }

    @Override
    public String title() {
        return "Serving: does a larger scale-up domain serve a large MoE model faster?";
    }

    private PolicyServing first() {
        return report.policies().get(0);
    }

    /** The answer in one sentence per policy after the first, from the numbers. */
    List<String> answer() {
        List<String> out = new ArrayList<>();
        PolicyServing ref = first();
        for (PolicyServing p : report.policies().subList(1, report.policies().size())) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < report.latencyTargetsSeconds().size(); i++) {
                ServingResult a = ref.best().get(i).serving();
                ServingResult b = p.best().get(i).serving();
                String target = ms(report.latencyTargetsSeconds().get(i));
                if (a == null && b == null) {
                    parts.add(f("within %s no plan under either", target));
                } else if (a == null || b == null) {
                    parts.add(f("within %s only %s has a plan (%s)", target, a == null ? p.policy() : ref.policy(),
                            (a == null ? b : a).plan().label()));
                } else if (a.plan().equals(b.plan()) && a.batch() == b.batch()) {
                    parts.add(f("within %s the same plan (%s, %s tokens/s per GPU)", target, a.plan().label(), tokens(a)));
                } else {
                    parts.add(f("within %s %s tokens/s per GPU against %s (%+.1f %%; %s, EP %s the domain, against %s)", target, tokens(b), tokens(a),
                            100 * (b.gpuTokensPerSecond() / a.gpuTokensPerSecond() - 1), b.plan().label(), b.epInScaleUp() ? "inside" : "across",
                            a.plan().label()));
                }
            }
            out.add(f("Under %s (scale-up domain of %d GPUs against %d): %s; the fastest plan that fits takes %s per output token against %s.",
                    p.policy(), p.scaleUpGpus(), ref.scaleUpGpus(), String.join("; ", parts), ms(p.fastest().timePerOutputTokenSeconds()),
                    ms(ref.fastest().timePerOutputTokenSeconds())));
        }
        return out;
    }

    @Override
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        PolicyServing ref = first();
        double tightest = report.latencyTargetsSeconds().get(0);
        for (PolicyServing p : report.policies().subList(1, report.policies().size())) {
            ServingResult a = ref.within(tightest);
            ServingResult b = p.within(tightest);
            if (a != null && b != null) {
                out.add(new Finding(Verdict.NOTE, f("Serving %s on %s within %s per output token: %s serves %s tokens/s per GPU (%s), %s %s "
                        + "(%s) — %+.1f %%", report.model(), report.cluster(), ms(tightest), p.policy(), tokens(b), b.plan().label(), ref.policy(),
                        tokens(a), a.plan().label(), 100 * (b.gpuTokensPerSecond() / a.gpuTokensPerSecond() - 1)), "serving"));
            }
        }
        return out;
    }

    // ---- chart ----

    /** Output tokens/s per GPU of each policy's best plan against the time-per-output-token target. */
    JFreeChart chart() {
        XYSeriesCollection data = new XYSeriesCollection();
        for (PolicyServing p : report.policies()) {
            XYSeries s = new XYSeries(f("%s (scale-up %d GPUs)", p.policy(), p.scaleUpGpus()));
            for (Best b : p.best()) {
                if (b.serving() != null) {
                    s.add(b.latencyTargetSeconds() * 1e3, b.serving().gpuTokensPerSecond());
                }
            }
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis("time per output token at most (ms)");
        NumberAxis y = new NumberAxis("output tokens/s per GPU");
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < report.policies().size(); i++) {
            r.setSeriesPaint(i, Charts.SERIES[i % Charts.SERIES.length]);
            r.setSeriesStroke(i, new BasicStroke(i == 0 ? 2.5f : 1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                    i == 0 ? null : new float[] {7f, 4f}, 0f));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        return Charts.chart(f("%s on %s: the most tokens/s per GPU within a latency target", report.model(), report.cluster()), plot, true);
    }

    /** The section's charts (for tests and for looking at them as PNG). */
    public List<ChannelSection.Figure> figures() {
        return List.of(new ChannelSection.Figure("throughput", chart(), WIDTH, HEIGHT, f("The best serving plan's output tokens/s per GPU "
                + "within each time-per-output-token target, per policy (prompt %,d, output %,d tokens; weights %s, KV cache %s). Where the "
                + "lines meet, the larger domain changes nothing.", report.promptTokens(), report.outputTokens(), report.weightsType(),
                report.kvCacheType())));
    }

    // ---- HTML ----

    @Override
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<ul>\n");
        for (String a : answer()) {
            sb.append("<li>").append(Html.esc(a)).append("</li>\n");
        }
        sb.append("</ul>\n");
        sb.append(figures().get(0).html("serving"));
        sb.append(table());
        for (PolicyServing p : report.policies()) {
            sb.append("<p class=\"note\">").append(Html.esc(f("%s: %s Search: %,d plans examined, %,d fit in memory.", p.policy(), p.note(),
                    p.examined(), p.fitting()))).append("</p>\n");
        }
        sb.append("<p class=\"note\">").append(Html.esc(f("Each target's plan is the one with the most output tokens/s per GPU among those "
                + "within it (TP over the divisors of the heads, EP of the experts, PP 1, 2, 4, …, the batch by doublings, replicas filling "
                + "the cluster). The targets are our choice (10 ms ≈ 100 tokens/s per user, 50 ms ≈ reading speed). Assumed: MoE routing "
                + "uniform over the experts (a skewed router slows the busiest group), no overlap of communication with compute, the "
                + "prompt's prefill alone (batch 1). The decode model against measurements: docs/training.md, Inference."))).append("</p>\n");
        return sb.toString();
    }

    String table() {
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (PolicyServing p : report.policies()) {
            for (Best b : p.best()) {
                rows.add(row(p, "≤ " + ms(b.latencyTargetSeconds()), b.serving()));
                classes.add(null);
            }
            rows.add(row(p, "fastest", p.fastest()));
            classes.add("note");
        }
        return Html.table(List.of("policy", ">scale-up GPUs", "TPOT target", ">TP", ">EP", ">PP", ">DP", ">batch", ">TPOT",
                ">tokens/s per GPU", ">KV cache per GPU", "EP group in the domain"), rows, classes);
    }

    private static List<String> row(PolicyServing p, String target, ServingResult r) {
        if (r == null) {
            return List.of(p.policy(), String.valueOf(p.scaleUpGpus()), target, "none meets it", "", "", "", "", "", "", "", "");
        }
        return List.of(p.policy(), String.valueOf(p.scaleUpGpus()), target, String.valueOf(r.plan().tp()),
                String.valueOf(r.plan().ep()), String.valueOf(r.plan().pp()), String.valueOf(r.plan().dp()), String.valueOf(r.batch()),
                ms(r.timePerOutputTokenSeconds()), tokens(r), f("%.1f GB", r.memory().kvCacheBytes() / 1e9),
                r.epInScaleUp() ? "inside" : "across");
    }

    // ---- numbers ----

    @Override
    public JsonNode json() {
        return Results.tree(report);
    }

    @Override
    public List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>();
        for (PolicyServing p : report.policies()) {
            for (Best b : p.best()) {
                String s = f("%s %s TPOT <= %s", report.model(), p.policy(), ms(b.latencyTargetSeconds()));
                if (b.serving() == null) {
                    rows.add(new ResultRow(s, "best plan", "none", ""));
                    continue;
                }
                rows.add(new ResultRow(s, "best plan", b.serving().plan().label(), ""));
                rows.add(new ResultRow(s, "time per output token", b.serving().timePerOutputTokenSeconds(), "s"));
                rows.add(new ResultRow(s, "output tokens per second per GPU", b.serving().gpuTokensPerSecond(), "1/s"));
            }
            rows.add(new ResultRow(report.model() + " " + p.policy(), "fastest time per output token", p.fastest().timePerOutputTokenSeconds(), "s"));
        }
        return rows;
    }

    private static String tokens(ServingResult r) {
        return f("%,.1f", r.gpuTokensPerSecond());
    }

    private static String ms(double seconds) {
        return f("%.1f ms", seconds * 1e3);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
