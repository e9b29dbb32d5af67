package org.mosaic.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mosaic.studies.Output;

/**
 * The sweep report: one self-contained HTML page (inline SVG charts, the main report's style) over a sweep's rows — the
 * Pareto front (when objectives are given), a heat map per metric when the sweep is a two-axis grid, and a scatter
 * matrix of every varied input against every metric. It only reads the rows it is given (as the sweep wrote them) and
 * which of them the caller found on the front; it evaluates nothing.
 */
public final class SweepReport {
    /** The file that marks a directory as a Mosaic sweep report, which a new one replaces as a whole. */
    public static final String MARKER = OutputFiles.REPORT_MARKER;
    /** At most this many points per scatter panel; beyond it every k-th row (by point) is drawn, as the caption says. */
    public static final int MAX_SCATTER_POINTS = 2_000;
    /** At most this many metrics get a heat map of their own. */
    public static final int MAX_HEAT_MAPS = 8;
    /** Above this many cells a heat map is not drawn (a cell per element would make the page megabytes). */
    public static final int MAX_HEAT_CELLS = 10_000;

    /** A varied input: its key and, for a numeric axis, its unit ({@code "1"} for a bare number); null unit: levels only. */
    public record Axis(String key, String unit) {
        String label() {
            return unit == null || unit.equals("1") ? key : key + " [" + unit + "]";
        }
    }

    /** A kept metric: its path and unit ({@code ""} when dimensionless). */
    public record Metric(String path, String unit) {
        String label() {
            return unit == null || unit.isEmpty() ? path : path + " [" + unit + "]";
        }
    }

    /** A Pareto objective: the index of a metric and whether it is minimised. */
    public record Objective(int metric, boolean minimise) {
    }

    /**
     * One row of the sweep.
     *
     * @param axisText each axis's value as assigned ({@code 20 m}, {@code cpo})
     * @param axisValue each axis's value as a number in the axis's unit, NaN for an axis without one
     * @param metrics each metric's value, NaN where the row has none
     * @param error null when the point ran, else why it was refused
     */
    public record Row(long point, List<String> axisText, double[] axisValue, double[] metrics, String error) {
        boolean ok() {
            return error == null;
        }
    }

    /**
     * What the page shows.
     *
     * @param study the study swept
     * @param command the sweep's arguments, as a user would type them
     * @param size the sweep's number of points (the rows may be fewer while it runs)
     * @param grid whether the sweep is a full grid (then the first axis varies slowest)
     * @param front the points on the Pareto front of {@code objectives} (empty without objectives)
     */
    public record Sweep(String study, String command, long size, boolean grid, List<Axis> axes, List<Metric> metrics,
                        List<Row> rows, List<Objective> objectives, Set<Long> front) {
        public Sweep {
            axes = List.copyOf(axes);
            metrics = List.copyOf(metrics);
            rows = List.copyOf(rows);
            objectives = List.copyOf(objectives);
            front = Set.copyOf(front);
        }
    }

    private SweepReport() {
    }

    /** Checks, before any work, that {@code dir} can take the report (new, empty, or a previous Mosaic report). */
    public static void checkTarget(String option, Path dir) {
        OutputFiles.checkReportDirectory(option, dir, MARKER);
    }

    /** Writes {@code dir/index.html} through a temporary sibling directory renamed into place; returns index.html's path. */
    public static Path write(Sweep sweep, Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        String html = html(sweep);
        Path tmp = null;
        try {
            tmp = AtomicFiles.createSibling(target, "tmp", true);
            Files.writeString(tmp.resolve("index.html"), html, StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve(MARKER), "This directory is a Mosaic sweep report; `mosaic sweep-report` and "
                    + "`mosaic sweep --report` replace it as a whole.\n", StandardCharsets.UTF_8);
            AtomicFiles.replaceDirectory(tmp, target);
        } catch (IOException e) {
            throw new IOException("cannot write the sweep report to " + dir + ": " + OutputFiles.reason(e), e);
        } finally {
            if (tmp != null) {
                AtomicFiles.deleteRecursively(tmp);
            }
        }
        return target.resolve("index.html");
    }

    /** The page. */
    public static String html(Sweep s) {
        List<Row> ok = s.rows().stream().filter(Row::ok).toList();
        long refused = s.rows().size() - ok.size();
        String title = "Sweep report: " + s.study();
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.esc(title)).append("</title>\n<style>\n").append(Report.CSS).append(CSS)
                .append("</style>\n</head>\n<body id=\"top\">\n<main class=\"sweep\">\n");
        sb.append("<header><h1>").append(Html.esc(title)).append("</h1>\n<dl class=\"meta\">");
        meta(sb, "points", String.format(Locale.ROOT, "%,d", s.size()));
        meta(sb, "rows written", String.format(Locale.ROOT, "%,d", s.rows().size()));
        meta(sb, "ran", String.format(Locale.ROOT, "%,d", ok.size()));
        meta(sb, "refused", String.format(Locale.ROOT, "%,d", refused));
        meta(sb, "sampling", s.grid() ? "full grid" : "sample");
        sb.append("<div class=\"wide\"><dt>command</dt><dd><code>").append(Html.esc(s.command())).append("</code></dd></div>");
        sb.append("</dl></header>\n");
        sb.append(String.format(Locale.ROOT, "<p class=\"note\">%s</p>%n", refused == 0 ? "No point was refused."
                : String.format(Locale.ROOT, "%,d refused point%s: their reasons are listed <a href=\"#refused\">at the end</a>.",
                refused, refused == 1 ? "" : "s")));
        if (s.rows().size() < s.size()) {
            sb.append("<p class=\"warn\">Only ").append(String.format(Locale.ROOT, "%,d of %,d", s.rows().size(), s.size()))
                    .append(" points are written: the sweep has not finished (a rerun of the same command resumes it).</p>\n");
        }
        if (!s.objectives().isEmpty()) {
            sb.append(section("pareto", "Pareto front", pareto(s, ok, refused)));
        }
        if (s.grid() && s.axes().size() == 2 && !s.metrics().isEmpty()) {
            sb.append(section("heatmaps", "Heat maps", heatMaps(s)));
        }
        if (!s.axes().isEmpty() && !s.metrics().isEmpty()) {
            sb.append(section("scatter", "Inputs against metrics", scatterMatrix(s, ok, refused)));
        }
        sb.append(refusals(s));   // last: the reasons can be long, the charts come first
        sb.append("</main>\n<footer>Generated by mosaic from the sweep's rows; every number is a row's, as the sweep wrote it. "
                + "Query them with <code>mosaic query</code>.</footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static String section(String id, String title, String body) {
        return "<section id=\"" + id + "\">\n<h2>" + Html.esc(title) + "</h2>\n" + body + "</section>\n";
    }

    private static void meta(StringBuilder sb, String key, String value) {
        sb.append("<div><dt>").append(Html.esc(key)).append("</dt><dd>").append(Html.esc(value)).append("</dd></div>");
    }

    /** The refused points grouped by reason, most frequent first, with the first point of each. */
    private static String refusals(Sweep s) {
        Map<String, long[]> by = new LinkedHashMap<>();
        for (Row r : s.rows()) {
            if (!r.ok()) {
                long[] c = by.computeIfAbsent(r.error(), k -> new long[] {0, r.point()});
                c[0]++;
            }
        }
        if (by.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, long[]>> list = new ArrayList<>(by.entrySet());
        list.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : list) {
            rows.add(List.of(String.format(Locale.ROOT, "%,d", e.getValue()[0]), Long.toString(e.getValue()[1]), e.getKey()));
        }
        return "<h2 id=\"refused\">Refused points</h2>\n<p class=\"note\">Refused points have no metric values: they are "
                + "counted here and in each chart's caption, never plotted as values.</p>\n"
                + Html.table(List.of(">points", ">first point", "reason"), rows, null);
    }

    private static String pareto(Sweep s, List<Row> ok, long refused) {
        StringBuilder sb = new StringBuilder();
        List<Objective> objs = s.objectives();
        String names = String.join(", ", objs.stream().map(o -> s.metrics().get(o.metric()).path()
                + (o.minimise() ? " (min)" : " (max)")).toList());
        long onFront = ok.stream().filter(r -> s.front().contains(r.point())).count();
        sb.append("<p>Objectives: ").append(Html.esc(names)).append(String.format(Locale.ROOT,
                ". %,d of the %,d points that ran are on the front: no other point is at least as good in every objective "
                        + "and better in one.</p>\n", onFront, ok.size()));
        long[] points = ok.stream().mapToLong(Row::point).toArray();
        boolean[] front = new boolean[ok.size()];
        for (int i = 0; i < front.length; i++) {
            front[i] = s.front().contains(points[i]);
        }
        int pairs = 0;
        for (int a = 0; a < objs.size() && pairs < 3; a++) {
            for (int b = a + 1; b < objs.size() && pairs < 3; b++, pairs++) {
                Metric mx = s.metrics().get(objs.get(a).metric());
                Metric my = s.metrics().get(objs.get(b).metric());
                SweepCharts.Scale x = SweepCharts.Scale.numeric(mx.label(), column(ok, objs.get(a).metric()));
                SweepCharts.Scale y = SweepCharts.Scale.numeric(my.label(), column(ok, objs.get(b).metric()));
                String id = "pareto-" + pairs;
                String svg = Charts.svg(SweepCharts.pareto(my.path() + " against " + mx.path(), x, y, points, front), 820, 520, id);
                sb.append(Html.figure(svg, String.format(Locale.ROOT, "The %,d points that ran: the %,d on the front highlighted "
                        + "and joined in order of %s, the %,d dominated ones faint. %s", ok.size(), onFront, mx.path(),
                        ok.size() - onFront, refusedNote(refused))));
            }
        }
        if (objs.size() > 3) {
            sb.append("<p class=\"note\">Charts for the first three pairs of objectives; the table holds them all.</p>\n");
        }
        List<String> headers = new ArrayList<>(List.of(">point"));
        s.axes().forEach(a -> headers.add(a.key()));
        objs.forEach(o -> headers.add(">" + s.metrics().get(o.metric()).label()));
        List<List<String>> rows = new ArrayList<>();
        for (Row r : ok) {
            if (s.front().contains(r.point())) {
                List<String> cells = new ArrayList<>(List.of(Long.toString(r.point())));
                cells.addAll(r.axisText());
                objs.forEach(o -> cells.add(number(r.metrics()[o.metric()])));
                rows.add(cells);
            }
        }
        sb.append("<h3>The points on the front</h3>\n").append(Html.table(headers, rows, null));
        return sb.toString();
    }

    private static String heatMaps(Sweep s) {
        List<Row> rows = s.rows();
        if (rows.size() > MAX_HEAT_CELLS) {
            return String.format(Locale.ROOT, "<p class=\"note\">The grid has %,d cells, more than the %,d a heat map draws; "
                    + "query the rows instead.</p>\n", rows.size(), MAX_HEAT_CELLS);
        }
        Axis ya = s.axes().get(0);
        Axis xa = s.axes().get(1);
        SweepCharts.Scale x = levelScale(xa, rows, 1);
        SweepCharts.Scale y = levelScale(ya, rows, 0);
        long[] points = rows.stream().mapToLong(Row::point).toArray();
        long refused = rows.stream().filter(r -> !r.ok()).count();
        StringBuilder sb = new StringBuilder("<p>" + Html.esc(ya.key()) + " (rows) against " + Html.esc(xa.key())
                + " (columns): one cell per point of the grid.</p>\n<div class=\"grid2\">\n");
        int shown = Math.min(MAX_HEAT_MAPS, s.metrics().size());
        for (int m = 0; m < shown; m++) {
            Metric metric = s.metrics().get(m);
            double[] z = new double[rows.size()];
            SweepCharts.Cell[] cells = new SweepCharts.Cell[rows.size()];
            long noValue = 0;
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                z[i] = r.ok() ? r.metrics()[m] : Double.NaN;
                cells[i] = !r.ok() ? SweepCharts.Cell.REFUSED : Double.isFinite(z[i]) ? SweepCharts.Cell.VALUE
                        : SweepCharts.Cell.NO_VALUE;
                noValue += cells[i] == SweepCharts.Cell.NO_VALUE ? 1 : 0;
            }
            String svg = Charts.svg(SweepCharts.heatMap(metric.path(), x, y, z, cells, points, metric.label()), 620, 460,
                    "heat-" + m);
            sb.append(Html.figure(svg, String.format(Locale.ROOT, "%s by colour (%s). %,d cells: %,d with a value, %,d refused "
                            + "(grey, hatched)%s.", metric.path(), metric.unit() == null || metric.unit().isEmpty()
                            ? "dimensionless" : "in " + metric.unit(), rows.size(), rows.size() - refused - noValue, refused,
                    noValue == 0 ? "" : String.format(Locale.ROOT, ", %,d ran without a value (white, framed)", noValue))));
        }
        sb.append("</div>\n");
        if (s.metrics().size() > shown) {
            sb.append(String.format(Locale.ROOT, "<p class=\"note\">Heat maps of the first %d of %d metrics.</p>\n", shown,
                    s.metrics().size()));
        }
        return sb.toString();
    }

    private static String scatterMatrix(Sweep s, List<Row> ok, long refused) {
        int step = Math.max(1, (ok.size() + MAX_SCATTER_POINTS - 1) / MAX_SCATTER_POINTS);
        List<Row> drawn = new ArrayList<>();
        for (int i = 0; i < ok.size(); i += step) {
            drawn.add(ok.get(i));
        }
        long[] points = drawn.stream().mapToLong(Row::point).toArray();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<p>Each metric (rows) against each varied input (columns), one dot per point "
                + "that ran%s. %s</p>\n", step == 1 ? "" : String.format(Locale.ROOT, " (every %d%s point by index: %,d of %,d)",
                step, ordinal(step), drawn.size(), ok.size()), refusedNote(refused)));
        sb.append("<div class=\"matrix\" style=\"grid-template-columns: 9em repeat(").append(s.axes().size())
                .append(", minmax(0, 1fr))\">\n<div></div>");
        for (Axis a : s.axes()) {
            sb.append("<div class=\"colhead\">").append(Html.esc(a.label())).append("</div>");
        }
        sb.append('\n');
        List<SweepCharts.Scale> xs = new ArrayList<>();
        for (int a = 0; a < s.axes().size(); a++) {
            xs.add(s.axes().get(a).unit() == null ? levelScale(s.axes().get(a), drawn, a)
                    : SweepCharts.Scale.numeric(s.axes().get(a).label(), axisColumn(drawn, a)));
        }
        for (int m = 0; m < s.metrics().size(); m++) {
            Metric metric = s.metrics().get(m);
            sb.append("<div class=\"rowhead\">").append(Html.esc(metric.label())).append("</div>");
            SweepCharts.Scale y = SweepCharts.Scale.numeric(metric.label(), column(drawn, m));
            for (int a = 0; a < s.axes().size(); a++) {
                String id = "scatter-" + m + "-" + a;
                sb.append("<figure class=\"panel\">").append(Charts.svg(SweepCharts.scatter(xs.get(a), y, points), 360, 260, id))
                        .append("</figure>");
            }
            sb.append('\n');
        }
        return sb.append("</div>\n").toString();
    }

    private static String ordinal(int n) {
        return n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static String refusedNote(long refused) {
        return refused == 0 ? "No point was refused." : String.format(Locale.ROOT, "%,d refused point%s not plotted (see "
                + "Refused points).", refused, refused == 1 ? "" : "s");
    }

    /** An axis as levels: its distinct values in order of first appearance (by point), or numerically when numeric. */
    private static SweepCharts.Scale levelScale(Axis axis, List<Row> rows, int a) {
        List<String> levels = new ArrayList<>();
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (Row r : rows) {
            String t = r.axisText().get(a);
            if (!numbers.containsKey(t)) {
                numbers.put(t, r.axisValue()[a]);
                levels.add(t);
            }
        }
        if (axis.unit() != null && numbers.values().stream().noneMatch(v -> Double.isNaN(v))) {
            levels.sort((p, q) -> Double.compare(numbers.get(p), numbers.get(q)));
        }
        double[] pos = new double[rows.size()];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = levels.indexOf(rows.get(i).axisText().get(a));
        }
        return SweepCharts.Scale.levels(axis.label(), pos, levels);
    }

    private static double[] column(List<Row> rows, int metric) {
        return rows.stream().mapToDouble(r -> r.metrics()[metric]).toArray();
    }

    private static double[] axisColumn(List<Row> rows, int axis) {
        return rows.stream().mapToDouble(r -> r.axisValue()[axis]).toArray();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Output.number(v, 6);
    }

    private static final String CSS = """
            main.sweep { max-width: 1400px; margin: 0 auto; padding: 1em 1.5em 2em; }
            .matrix { display: grid; gap: 0.3em; align-items: center; }
            .matrix .colhead { font-weight: 600; font-size: 0.85em; text-align: center; overflow-wrap: anywhere; }
            .matrix .rowhead { font-weight: 600; font-size: 0.85em; overflow-wrap: anywhere; }
            .matrix figure.panel { margin: 0; }
            .matrix figure.panel svg { max-width: 100%; }
            """;
}
