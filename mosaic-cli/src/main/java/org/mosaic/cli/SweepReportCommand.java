package org.mosaic.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.report.SweepReport;
import org.mosaic.studies.UsageException;
import org.mosaic.sweep.Axis;
import org.mosaic.sweep.Pareto;
import org.mosaic.sweep.Query;
import org.mosaic.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mosaic sweep-report RESULTS --out DIR}: the sweep report (Pareto front, heat maps of a two-axis grid, scatter
 * matrix) of a sweep already written, without running it again. It reads the folder's {@code sweep.json} and rows
 * ({@link Query}), finds the front with {@link Pareto} and hands both to {@link SweepReport}; it evaluates nothing.
 * {@code mosaic sweep ... --report DIR} calls the same {@link #load}.
 */
@Command(name = "sweep-report", mixinStandardHelpOptions = true,
        description = {"Write the HTML report of a finished (or partly written) sweep from its rows: the Pareto front,",
            "heat maps when it is a two-axis grid, and every varied input against every metric (SVG charts).",
            "  mosaic sweep-report runs/len --out runs/len-report",
            "  mosaic sweep-report runs/front --pareto power.perEndWatts:min,reliability.afrPerCable:min --out runs/front-report",
            "RESULTS is a sweep's --out directory (it holds sweep.json: the axes and metrics). `mosaic sweep ... --report DIR`",
            "writes the same report as the sweep ends. See docs/sweeps.md."})
public final class SweepReportCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "RESULTS", description = "A sweep's --out directory (with its sweep.json).")
    Path results;

    @OutputPaths.Writes(reportDirectory = true)
    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The report's directory (new, empty, or a previous Mosaic report, which it replaces).")
    Path out;

    @Option(names = "--pareto", paramLabel = "M1:min|max,M2:min|max", split = ",",
            description = "Objectives of a Pareto front (metrics of the sweep): its chart and table; also printed.")
    List<String> pareto = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SweepReport.Sweep sweep = load(results, pareto);
        Path index = SweepReport.write(sweep, out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(summary(sweep, index));
        stdout.flush();
        return 0;
    }

    /** One line per fact: where the report is, its points, and the front's size. */
    static String summary(SweepReport.Sweep s, Path index) {
        long ok = s.rows().stream().filter(r -> r.error() == null).count();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "sweep report: %s (%,d of %,d points written, %,d ran, "
                + "%,d refused)%n", index, s.rows().size(), s.size(), ok, s.rows().size() - ok));
        if (!s.objectives().isEmpty()) {
            b.append(String.format(Locale.ROOT, "Pareto front: %,d of %,d points that ran%n", s.front().size(), ok));
        }
        return b.toString();
    }

    /**
     * The sweep in {@code dir} as the report reads it: the axes, metrics and grid from {@code sweep.json}, the rows by
     * point, and the Pareto front of {@code paretoArgs} (each a metric of the sweep; refused otherwise, with the closest).
     */
    static SweepReport.Sweep load(Path dir, List<String> paretoArgs) {
        SweepInfo info = info(dir);
        List<Pareto.Objective> objectives = new ArrayList<>();
        List<SweepReport.Objective> reportObjectives = new ArrayList<>();
        List<String> metricPaths = info.metrics().stream().map(SweepReport.Metric::path).toList();
        for (String text : paretoArgs) {
            Pareto.Objective o = Pareto.Objective.parse(text);
            int m = metricPaths.indexOf(o.metric());
            if (m < 0) {
                throw new UsageException("--pareto " + text + ": " + o.metric() + " is not a metric of the sweep in " + dir
                        + ": expected one of " + String.join(", ", metricPaths) + SpecReader.didYouMean(o.metric(), metricPaths));
            }
            objectives.add(o);
            reportObjectives.add(new SweepReport.Objective(m, o.sense() == Pareto.Sense.MIN));
        }
        Query.Result r = Query.run(dir, "SELECT * FROM results ORDER BY point");
        int point = r.columns().indexOf("point");
        int error = r.columns().indexOf("error");
        int[] axisText = new int[info.axes().size()];
        int[] axisValue = new int[info.axes().size()];
        for (int a = 0; a < axisText.length; a++) {
            SweepReport.Axis ax = info.axes().get(a);
            axisText[a] = r.columns().indexOf(ax.key());
            axisValue[a] = ax.unit() == null ? -1 : r.columns().indexOf(ax.key() + " [" + ax.unit() + "]");
        }
        int[] metric = info.metrics().stream().mapToInt(m -> r.columns().indexOf(m.unit().isEmpty() ? m.path()
                : m.path() + " [" + m.unit() + "]")).toArray();
        if (point < 0 || error < 0 || java.util.Arrays.stream(axisText).anyMatch(i -> i < 0)
                || java.util.Arrays.stream(metric).anyMatch(i -> i < 0)) {
            throw new UsageException("the rows in " + dir + " do not have the columns its sweep.json names: expected the rows "
                    + "of that sweep (hint: rerun the sweep into a new --out)");
        }
        List<SweepReport.Row> rows = new ArrayList<>();
        for (List<Object> row : r.rows()) {
            List<String> text = new ArrayList<>();
            double[] values = new double[axisText.length];
            for (int a = 0; a < axisText.length; a++) {
                Object v = row.get(axisText[a]);
                text.add(v == null ? "" : v.toString());
                values[a] = axisValue[a] < 0 ? Double.NaN : number(row.get(axisValue[a]));
            }
            double[] metrics = new double[metric.length];
            Object err = row.get(error);
            for (int m = 0; m < metric.length; m++) {
                metrics[m] = err == null ? number(row.get(metric[m])) : Double.NaN;
            }
            rows.add(new SweepReport.Row(((Number) row.get(point)).longValue(), text, values, metrics,
                    err == null || err.toString().isEmpty() ? null : err.toString()));
        }
        Set<Long> front = new HashSet<>();
        if (!objectives.isEmpty()) {
            List<double[]> values = new ArrayList<>();
            for (SweepReport.Row row : rows) {
                double[] v = new double[objectives.size()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = row.error() == null ? row.metrics()[reportObjectives.get(j).metric()] : Double.NaN;
                }
                values.add(v);
            }
            for (int i : Pareto.front(values, objectives.stream().map(Pareto.Objective::sense).toList())) {
                front.add(rows.get(i).point());
            }
        }
        return new SweepReport.Sweep(info.spec().study(), "mosaic sweep " + String.join(" ", quoted(info.spec().toArgs())),
                info.size(), info.spec().sampling().method() == SweepSpec.Method.GRID, info.axes(), info.metrics(), rows,
                reportObjectives, front);
    }

    private static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static List<String> quoted(List<String> args) {
        return args.stream().map(a -> a.matches("[A-Za-z0-9_./:=,+\\-\\[\\]]+") ? a : "'" + a.replace("'", "'\\''") + "'").toList();
    }

    /** What sweep.json says: the spec, the size, and the axes and metrics read from its columns. */
    record SweepInfo(SweepSpec spec, long size, List<SweepReport.Axis> axes, List<SweepReport.Metric> metrics) {
    }

    static SweepInfo info(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("RESULTS " + dir + (Files.exists(dir) ? " is a file" : " does not exist") + ": expected a "
                    + "sweep's --out directory, which holds sweep.json (the axes and metrics) and the rows (hint: a sweep to one "
                    + ".csv or .parquet file keeps no sweep.json: give that sweep --report DIR, or sweep into a directory)");
        }
        Path meta = dir.resolve("sweep.json");
        if (!Files.isRegularFile(meta)) {
            throw new UsageException("RESULTS " + dir + " holds no sweep.json: expected a sweep's --out directory (hint: `mosaic "
                    + "sweep STUDY --vary ... --out " + dir + "` writes one)");
        }
        JsonNode m;
        try {
            m = JSON.readTree(Files.readString(meta, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UsageException("cannot read " + meta + ": " + e.getMessage() + " (hint: it is written by `mosaic sweep`)", e);
        }
        SweepSpec spec = SweepSpec.fromJson(m.path("spec").toString());
        List<String> columns = new ArrayList<>();
        m.path("columns").forEach(c -> columns.add(c.path("name").asText()));
        // the columns in order: point, seed, per axis KEY (and "KEY [unit]" when numeric), per metric "path [unit]", error
        int c = 2;
        List<SweepReport.Axis> axes = new ArrayList<>();
        for (Axis a : spec.axes()) {
            if (c >= columns.size() || !columns.get(c).equals(a.key())) {
                throw new UsageException(meta + " does not list the column of axis " + a.key() + " where expected: it is not "
                        + "a sweep.json this version wrote (hint: rerun the sweep into a new --out)");
            }
            c++;
            String unit = null;
            if (c < columns.size() && columns.get(c).startsWith(a.key() + " [") && columns.get(c).endsWith("]")) {
                unit = columns.get(c).substring(a.key().length() + 2, columns.get(c).length() - 1);
                c++;
            }
            axes.add(new SweepReport.Axis(a.key(), unit));
        }
        List<SweepReport.Metric> metrics = new ArrayList<>();
        for (; c < columns.size() - 1; c++) {
            String name = columns.get(c);
            int open = name.lastIndexOf(" [");
            metrics.add(open > 0 && name.endsWith("]") ? new SweepReport.Metric(name.substring(0, open),
                    name.substring(open + 2, name.length() - 1)) : new SweepReport.Metric(name, ""));
        }
        return new SweepInfo(spec, m.path("size").asLong(), axes, metrics);
    }
}
