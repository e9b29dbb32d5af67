package org.mosaic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mosaic.report.SweepReport;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.UsageException;
import org.mosaic.sweep.Axis;
import org.mosaic.sweep.LocalRunner;
import org.mosaic.sweep.Pareto;
import org.mosaic.sweep.Query;
import org.mosaic.sweep.RowFiles;
import org.mosaic.sweep.SweepPlan;
import org.mosaic.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mosaic sweep STUDY --vary KEY=...}: a grid or a sample of any study's inputs, every point a row (its inputs,
 * its metrics with units in the column names, its seed, and why it failed if it did), run on every core and written
 * as Parquet or CSV. It parses flags into a {@link SweepSpec}, hands the {@link SweepPlan} to the {@link LocalRunner}
 * and prints the runner's summary; it computes nothing else.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Sweep any study over a grid or a sample of its inputs; one row per point (Parquet or CSV).",
            "  mosaic sweep cable --vary cable.fiber.length=2m..10m:2m --vary cable.host.attachment=pluggable,cpo --out runs/len",
            "  mosaic sweep cable --vary cable.link.channelRate=2Gb/s..4Gb/s --vary cable.plan.spares=0..32:8 --sample lhs:200 --out s.csv",
            "KEY is a study input's name or INPUT.PATH of a document input (`mosaic studies STUDY` lists the inputs,",
            "`mosaic presets show NAME` a document's keys). Values: FROM..TO:STEP, FROM..TO:Nlog (N values evenly spaced in",
            "the logarithm), FROM..TO or FROM..TO:log (a continuous range, with --sample), or v1,v2,... (numbers with units,",
            "words, preset names). Columns: point, seed, each axis as given and (numeric) as `KEY [unit]`, each metric as",
            "`path [unit]`, error. A rerun with the same --out resumes: ranges already written are skipped.",
            "--report DIR writes an HTML report of the rows (Pareto front, heat maps, scatter matrix); `mosaic sweep-report`",
            "writes it later from a sweep's --out.",
            "On Apache Spark: add --spark MASTER (local[*], spark://HOST:PORT, yarn, k8s://...) with --out DIR; the ./mosaic script",
            "then runs the sweep with the mosaic-spark runner (its own jar) instead of this command. See docs/sweeps.md."})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STUDY", description = "The study to sweep (`mosaic studies` lists them), e.g. cable.")
    String study;

    @Option(names = "--vary", paramLabel = "KEY=VALUES", required = true,
            description = "An axis (repeatable): KEY=FROM..TO:STEP, KEY=FROM..TO:Nlog, KEY=FROM..TO[:log] (sampled only) or "
                    + "KEY=v1,v2,...; units as the key has them (10m..50m:10m).")
    List<String> vary = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A value fixed for every point (repeatable), e.g. "
            + "--set cable.host.interface=1.6TAUI-8 or --set cable=avicena-like.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--sample", paramLabel = "grid|lhs:N|sobol:N", defaultValue = "grid",
            description = "The full grid (default), or N points by Latin hypercube or Sobol' sequence over the axes.")
    String sample;

    @Option(names = "--metrics", paramLabel = "M1,M2", split = ",",
            description = "The metrics to keep, by path (default: every scalar metric; a list's element as path[0].key).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "The sweep's seed: the study's seed input (unless varied or set) and the Latin hypercube's draws "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-points", paramLabel = "N", defaultValue = "1000000",
            description = "Refuse a sweep of more points than this unless --force (default: ${DEFAULT-VALUE}).")
    long maxPoints;

    @Option(names = "--force", description = "Run a sweep of more points than --max-points.")
    boolean force;

    @Option(names = "--out", paramLabel = "DIR|FILE.csv|FILE.parquet",
            description = "Where the rows go: a directory of parts (resumable; parquet unless --format csv), or one file. "
                    + "Default: CSV on standard output, the summary on standard error.")
    Path out;

    @Option(names = "--format", paramLabel = "parquet|csv", description = "The files' format (default: from --out's ending, "
            + "else parquet).")
    String format;

    @Option(names = "--threads", paramLabel = "N", description = "Threads to run on (default: every core).")
    Integer threads;

    @Option(names = "--pareto", paramLabel = "M1:min|max,M2:min|max", split = ",",
            description = "After the sweep, print the Pareto front (the points no other point beats in every objective) "
                    + "over these kept metrics; failed points take no part.")
    List<String> pareto = new ArrayList<>();

    @OutputPaths.Writes(reportDirectory = true)
    @Option(names = "--report", paramLabel = "DIR",
            description = "After the sweep, write its HTML report here (Pareto front with --pareto, heat maps of a two-axis "
                    + "grid, every varied input against every metric); `mosaic sweep-report` writes it from a finished sweep.")
    Path report;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run on Apache Spark (local[*], spark://HOST:PORT, yarn, k8s://...): handled by the ./mosaic script, "
                    + "which starts the mosaic-spark runner instead of this command (needs --out DIR; no --threads, --pareto, "
                    + "--report: `mosaic sweep-report DIR` reports a Spark sweep's rows).")
    String spark;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (spark != null) {
            throw new UsageException("--spark " + spark + ": this is the local sweep command; a Spark sweep is started by the "
                    + "./mosaic script (or spark-submit --class org.mosaic.spark.SparkSweep mosaic-spark.jar): expected ./mosaic "
                    + "sweep ... --spark " + spark + " (hint: or drop --spark to run on this machine's cores)");
        }
        List<Axis> axes = vary.stream().map(Axis::parse).toList();
        SweepSpec sweep = new SweepSpec(study, axes, sets, SweepSpec.Sampling.parse(sample), metrics, seed, maxPoints, force);
        String name = out == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csvFile = name.endsWith(".csv");
        boolean parquetFile = name.endsWith(".parquet");
        RowFiles.Format fmt = format != null ? RowFiles.Format.of(format)
                : csvFile || out == null ? RowFiles.Format.CSV : RowFiles.Format.PARQUET;
        if ((csvFile && fmt != RowFiles.Format.CSV) || (parquetFile && fmt != RowFiles.Format.PARQUET)) {
            throw new UsageException("--out " + out + " with --format " + format + ": expected the file's ending to match the "
                    + "format (hint: --out " + out.resolveSibling(name.substring(0, name.lastIndexOf('.')) + "." + fmt.extension())
                    + ", or a directory)");
        }
        if (out == null && fmt != RowFiles.Format.CSV) {
            throw new UsageException("--format " + format + " without --out: Parquet is written to files, expected --out DIR or "
                    + "--out FILE.parquet (standard output takes CSV)");
        }
        SweepPlan plan = SweepPlan.of(sweep);   // every problem of the axes, values and metrics, before any work
        List<Pareto.Objective> objectives = objectives(plan);
        LocalRunner runner = threads == null ? LocalRunner.allCores() : new LocalRunner(threads);
        PrintWriter summaryOut = out == null ? err : stdout;
        Path dir = out == null ? temporaryDirectory() : csvFile || parquetFile ? out.resolveSibling(out.getFileName() + ".parts") : out;
        if (out != null && (csvFile || parquetFile) && Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a directory: expected a file name ending in ." + fmt.extension()
                    + ", or a directory name without that ending");
        }
        LocalRunner.Summary summary;
        try (Progress progress = Progress.onTerminal(err)) {
            summary = runner.run(plan, dir, fmt, progress);
        }
        String empty = LocalRunner.emptyMetricsWarning(plan, LocalRunner.metricsWithoutValues(plan, dir, fmt));
        String front = objectives.isEmpty() ? "" : front(plan, objectives, dir);
        Path index = null;
        if (report != null) {
            try {
                index = SweepReport.write(SweepReportCommand.load(dir, pareto), report);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        if (out == null) {
            concatenateCsv(dir, stdout);
            delete(dir);
        } else if (csvFile || parquetFile) {
            joinInto(dir, out, fmt);
            delete(dir);
        }
        summaryOut.print(describe(plan, summary, out == null ? null : out, csvFile || parquetFile,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads));
        err.print(empty);
        err.flush();
        summaryOut.print(front);
        if (index != null) {
            summaryOut.println("report: " + index);
        }
        summaryOut.flush();
        stdout.flush();
        return 0;
    }

    /** The --pareto objectives, each a kept metric (refused before any work otherwise). */
    private List<Pareto.Objective> objectives(SweepPlan plan) {
        List<Pareto.Objective> objectives = new ArrayList<>();
        for (String text : pareto) {
            Pareto.Objective o = Pareto.Objective.parse(text);
            if (!plan.metrics().contains(o.metric())) {
                throw new UsageException("--pareto " + text + ": " + o.metric() + " is not a metric of this sweep: expected one of "
                        + String.join(", ", plan.metrics()) + (metrics.isEmpty() ? "" : " (hint: add it to --metrics)"));
            }
            objectives.add(o);
        }
        return objectives;
    }

    /** The Pareto front of the rows written in {@code dir}, as a table: point, the axes as given, the objectives. */
    static String front(SweepPlan plan, List<Pareto.Objective> objectives, Path dir) {
        List<String> names = new ArrayList<>(List.of("point"));
        plan.spec().axes().forEach(a -> names.add(a.key()));
        List<String> metricColumns = new ArrayList<>();
        for (Pareto.Objective o : objectives) {
            metricColumns.add(plan.columns().stream().map(org.mosaic.sweep.Column::name)
                    .filter(n -> n.equals(o.metric()) || n.startsWith(o.metric() + " [")).findFirst().orElseThrow());
        }
        names.addAll(metricColumns);
        Query.Result r = Query.run(dir, "SELECT " + String.join(", ", names.stream().map(RowFiles::identifier).toList())
                + " FROM results WHERE error IS NULL ORDER BY point");
        int first = names.size() - objectives.size();
        List<double[]> values = new ArrayList<>();
        for (List<Object> row : r.rows()) {
            double[] v = new double[objectives.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = row.get(first + j) instanceof Number n ? n.doubleValue() : Double.NaN;
            }
            values.add(v);
        }
        List<Integer> front = Pareto.front(values, objectives.stream().map(Pareto.Objective::sense).toList());
        List<String> headers = new ArrayList<>(names);
        for (int j = 0; j < objectives.size(); j++) {
            headers.set(first + j, ">" + metricColumns.get(j) + " (" + objectives.get(j).sense().name().toLowerCase(Locale.ROOT) + ")");
        }
        headers.set(0, ">point");
        List<List<String>> rows = new ArrayList<>();
        for (int i : front) {
            rows.add(r.rows().get(i).stream().map(v -> v == null ? "" : v instanceof Double d ? Output.number(d, 6) : v.toString())
                    .toList());
        }
        return String.format(Locale.ROOT, "Pareto front (%s): %,d of %,d points that ran%n",
                String.join(", ", objectives.stream().map(Pareto.Objective::toString).toList()), front.size(), r.rows().size())
                + Output.table(headers, rows);
    }

    /** The summary: points, failures grouped by reason, where the rows are. */
    static String describe(SweepPlan plan, LocalRunner.Summary s, Path out, boolean oneFile, int threads) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "sweep %s: %,d points (%,d evaluated now, %,d already written) in %.1f s on %d thread%s; "
                        + "seed %d%n", plan.study().name(), s.points(), s.evaluated(), s.skipped(), s.seconds(), threads,
                threads == 1 ? "" : "s", plan.spec().seed()));
        b.append(String.format(Locale.ROOT, "columns: %d (%d axes, %d metrics)%n", plan.columns().size(), plan.spec().axes().size(),
                plan.metrics().size()));
        if (s.failed() == 0) {
            b.append("failed: none\n");
        } else {
            b.append(String.format(Locale.ROOT, "failed: %,d of %,d points, by reason:%n", s.failed(), s.points()));
            for (LocalRunner.Summary.Reason r : s.reasons()) {
                b.append(String.format(Locale.ROOT, "  %,d × %s (first: point %d)%n", r.points(), r.reason(), r.firstPoint()));
            }
        }
        if (out == null) {
            b.append("rows: on standard output (CSV)\n");
        } else if (oneFile) {
            b.append("rows: ").append(out).append('\n');
        } else {
            b.append("rows: ").append(out).append("/part-*.").append(s.format().extension()).append(" (").append(plan.spec()
                    .study()).append(" sweep; ").append(out).append("/sweep.json holds the spec and columns; a rerun resumes)\n");
        }
        return b.toString();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("mosaic-sweep-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    private static List<Path> parts(Path dir, RowFiles.Format format) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("part-")
                    && p.getFileName().toString().endsWith("." + format.extension())).sorted().toList();
        }
    }

    /** The CSV parts, in point order, as one CSV (one header). */
    private static void concatenateCsv(Path dir, Appendable to) {
        try {
            boolean first = true;
            for (Path p : parts(dir, RowFiles.Format.CSV)) {
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                for (int i = first ? 0 : 1; i < lines.size(); i++) {
                    to.append(lines.get(i)).append('\n');
                }
                first = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sweep's parts in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The parts joined into one file (written under a temporary name, then renamed). */
    private static void joinInto(Path dir, Path file, RowFiles.Format format) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (format == RowFiles.Format.CSV) {
                try (var w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    concatenateCsv(dir, w);
                }
            } else {
                try (Connection c = RowFiles.duckdb(); Statement s = c.createStatement()) {
                    s.execute("COPY (SELECT * FROM read_parquet(" + RowFiles.literal(dir.resolve("part-*.parquet").toString())
                            + ") ORDER BY point) TO " + RowFiles.literal(tmp.toString()) + " (FORMAT PARQUET, COMPRESSION ZSTD)");
                } catch (SQLException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary directory is harmless; the rows were written
        }
    }
}
