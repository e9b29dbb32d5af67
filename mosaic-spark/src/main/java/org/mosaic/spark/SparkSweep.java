package org.mosaic.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.core.units.UnitException;
import org.mosaic.studies.UsageException;
import org.mosaic.sweep.Column;
import org.mosaic.sweep.LocalRunner;
import org.mosaic.sweep.RowFiles;
import org.mosaic.sweep.SweepPlan;
import org.mosaic.sweep.SweepSpec;

/**
 * A sweep on Apache Spark: the same arguments as {@code mosaic sweep STUDY ...} plus {@code --spark MASTER}
 * ({@code local[*]}, {@code spark://HOST:PORT}, {@code yarn}, {@code k8s://...}; under spark-submit, the master it was
 * given). The arguments are checked and the {@link SweepPlan} built before Spark starts, so a bad argument exits 2 with
 * the sweep's own message. The points still missing from the output folder are cut into index ranges, a few per core;
 * each task rebuilds the plan from the spec (a pure function of it) and evaluates its range, and Spark writes each
 * range as one Parquet file with the sweep's columns. Into a folder on a file system the driver shares with the
 * executors (local disk for {@code local[*]}, NFS, ...), the files are then renamed to the local runner's layout
 * ({@code part-<first>-<last>.parquet} beside {@code sweep.json}): the same rows, resumable by either runner, read by
 * {@code mosaic query}. Into a cluster file system ({@code hdfs://}, {@code s3a://}), Spark's own part files.
 */
public final class SparkSweep {
    /** Tasks per core of the cluster: enough to even out points of unequal cost, few enough to keep files large. */
    static final int TASKS_PER_CORE = 4;
    private static final Pattern SPARK_PART = Pattern.compile("part-(\\d+)-.*\\.parquet");

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: mosaic sweep STUDY --vary KEY=VALUES... --spark MASTER --out DIR [--set KEY=VALUE]... [--sample grid|lhs:N|sobol:N]",
            "                   [--metrics M1,M2] [--seed N] [--max-points N] [--force] [--verbose]",
            "(--pareto and --report are the local runner's: `mosaic sweep-report DIR --out REPORT [--pareto ...]` reads a Spark",
            "sweep's rows afterwards.)",
            "Sweep any study on Apache Spark: the arguments of `mosaic sweep` (see `mosaic sweep --help` without --spark), plus",
            "  --spark MASTER  local[*], local[N], spark://HOST:PORT, yarn or k8s://https://HOST:PORT (under spark-submit: its --master)",
            "  --out DIR       the folder of Parquet parts: a path the driver and every executor share (resumable, read by",
            "                  `mosaic query`), or hdfs://... / s3a://... (Spark's own part files)",
            "Under spark-submit: spark-submit --master URL --class org.mosaic.spark.SparkSweep mosaic-spark.jar STUDY ...", "");

    private SparkSweep() {
    }

    public static void main(String[] args) {
        int code = run(List.of(args), System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Runs the sweep and returns the exit code: 0 done, 2 bad arguments (before Spark starts), 1 a failure. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        boolean verbose = args.contains("--verbose");
        Job job;
        try {
            job = Job.parse(args);
        } catch (UsageException | ScenarioException | UnitException e) {
            err.println("mosaic: " + e.getMessage());
            return 2;
        }
        try {
            out.print(execute(job, Map.of()).describe(job));
            out.flush();
            err.print(emptyMetricsWarning(job));
            return 0;
        } catch (UsageException e) {
            err.println("mosaic: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("mosaic: failed: the Spark sweep on " + job.master() + ": " + rootMessage(e));
            if (verbose) {
                e.printStackTrace(err);
            } else {
                err.println("(run again with --verbose for the stack trace)");
            }
            return 1;
        }
    }

    /**
     * A checked Spark sweep: its master, its spec and plan, where the rows go ({@code local}: the same as a path on
     * this machine, or null for a cluster file system).
     */
    record Job(String master, SweepSpec spec, SweepPlan plan, String out, Path local) {
        /** Splits off the runner's options, checks the sweep's and builds its plan: every refusal before Spark starts. */
        static Job parse(List<String> args) {
            String master = null;
            String out = null;
            String format = null;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                String name = a.startsWith("--") && a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (name.equals("--pareto") || name.equals("--report")) {
                    throw new UsageException(name + " with --spark: the Spark runner writes the rows only, it does not "
                            + (name.equals("--pareto") ? "print a Pareto front" : "write a report") + ": expected no " + name
                            + " (hint: once the sweep is written, `mosaic sweep-report DIR --out REPORT"
                            + " [--pareto M1:min,M2:max]` prints the front and writes the report from its rows)");
                }
                boolean runner = List.of("--spark", "--out", "--format", "--threads").contains(name);
                if (!runner) {
                    if (!a.equals("--verbose")) {
                        rest.add(a);
                    }
                    continue;
                }
                String value;
                if (!name.equals(a)) {
                    value = a.substring(name.length() + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(name + " needs a value" + (name.equals("--spark")
                            ? ": expected a master URL: local[*], local[N], spark://HOST:PORT, yarn or k8s://https://HOST:PORT" : ""));
                }
                switch (name) {
                    case "--spark" -> master = value;
                    case "--out" -> out = value;
                    case "--format" -> format = value;
                    default -> throw new UsageException("--threads " + value + " with --spark: a Spark sweep runs on the "
                            + "cluster's cores (hint: drop --threads, or give the master local[" + value + "])");
                }
            }
            if (master == null) {
                master = System.getProperty("spark.master");   // spark-submit --master
            }
            if (master == null || master.isBlank()) {
                throw new UsageException("no Spark master: expected --spark local[*], --spark spark://HOST:PORT, --spark yarn or "
                        + "--spark k8s://https://HOST:PORT (or spark-submit --master ...)");
            }
            checkMaster(master);
            SweepSpec spec = SweepSpec.parse(rest);
            if (spec.axes().isEmpty()) {
                throw new UsageException("Missing required option: '--vary=KEY=VALUES'");
            }
            if (format != null && RowFiles.Format.of(format) != RowFiles.Format.PARQUET) {
                throw new UsageException("--format " + format + " with --spark: a Spark sweep writes Parquet parts: expected "
                        + "--format parquet (hint: `mosaic query DIR ... --format csv` gives its rows as CSV)");
            }
            if (out == null) {
                throw new UsageException("a Spark sweep needs --out DIR: expected a folder for its Parquet parts (a path every "
                        + "executor shares, or hdfs://..., s3a://...)");
            }
            String lower = out.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".csv") || lower.endsWith(".parquet")) {
                throw new UsageException("--out " + out + " with --spark: a Spark sweep writes a folder of Parquet parts: expected "
                        + "a directory name (hint: --out " + out.substring(0, out.lastIndexOf('.')) + ")");
            }
            SweepPlan plan = SweepPlan.of(spec);   // every problem of the axes, values and metrics, before Spark starts
            return new Job(master, spec, plan, out, localPath(out));
        }
    }

    /** What a finished Spark sweep holds: the local runner's summary of the folder, and how many tasks ran. */
    record Summary(LocalRunner.Summary rows, int tasks) {
        String describe(Job job) {
            LocalRunner.Summary s = rows;
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "sweep %s on Spark %s: %,d points (%,d evaluated now in %d tasks, %,d already "
                            + "written) in %.1f s; seed %d%n", job.plan().study().name(), job.master(), s.points(), s.evaluated(),
                    tasks, s.skipped(), s.seconds(), job.spec().seed()));
            b.append(String.format(Locale.ROOT, "columns: %d (%d axes, %d metrics)%n", job.plan().columns().size(),
                    job.spec().axes().size(), job.plan().metrics().size()));
            if (s.failed() == 0) {
                b.append("failed: none\n");
            } else {
                b.append(String.format(Locale.ROOT, "failed: %,d of %,d points, by reason:%n", s.failed(), s.points()));
                for (LocalRunner.Summary.Reason r : s.reasons()) {
                    b.append(String.format(Locale.ROOT, "  %,d × %s (first: point %d)%n", r.points(), r.reason(), r.firstPoint()));
                }
            }
            b.append("rows: ").append(job.out()).append("/part-*.parquet");
            b.append(job.local() != null ? " (sweep.json holds the spec and columns; a rerun resumes)\n" : " (Spark's part files)\n");
            return b.toString();
        }
    }

    /**
     * The local runner's warning for the metrics without a value at any point that ran (a misspelt element name, say),
     * read from the rows in the job's folder; empty when the rows are on a cluster file system (Spark's own parts) or every
     * metric has a value somewhere.
     */
    static String emptyMetricsWarning(Job job) {
        if (job.local() == null || !java.nio.file.Files.isDirectory(job.local())) {
            return "";
        }
        return LocalRunner.emptyMetricsWarning(job.plan(),
                LocalRunner.metricsWithoutValues(job.plan(), job.local(), RowFiles.Format.PARQUET));
    }

    /** Runs a checked job on Spark; {@code extraConf} adds Spark settings (tests: the executors' class path). */
    static Summary execute(Job job, Map<String, String> extraConf) {
        long started = System.nanoTime();
        SweepPlan plan = job.plan();
        List<long[]> todo;
        if (job.local() != null) {
            LocalRunner.prepare(plan, job.local(), RowFiles.Format.PARQUET);   // refuses another sweep's folder
            removeUnfinished(job.local());
            todo = LocalRunner.missing(job.local(), plan.size(), RowFiles.Format.PARQUET);
        } else {
            todo = plan.size() == 0 ? List.of() : List.<long[]>of(new long[] {0, plan.size() - 1});
        }
        long skipped = plan.size() - todo.stream().mapToLong(r -> r[1] - r[0] + 1).sum();
        Ran ran = todo.isEmpty() ? new Ran(0, List.of()) : runOnSpark(job, todo, extraConf);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (job.local() == null) {
            long failed = ran.reasons().stream().mapToLong(LocalRunner.Summary.Reason::points).sum();
            return new Summary(new LocalRunner.Summary(null, RowFiles.Format.PARQUET, plan.size(), plan.size(),
                    plan.size() - skipped, skipped, failed, ran.reasons(), seconds), ran.tasks());
        }
        return new Summary(LocalRunner.Summary.read(plan, job.local(), RowFiles.Format.PARQUET, plan.size() - skipped, skipped,
                seconds), ran.tasks());
    }

    /** What Spark ran: its tasks, and (into a cluster file system) the failed points by reason, read back by Spark. */
    private record Ran(int tasks, List<LocalRunner.Summary.Reason> reasons) {
    }

    /** Evaluates the ranges still to run on Spark and writes them. */
    private static Ran runOnSpark(Job job, List<long[]> todo, Map<String, String> extraConf) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("mosaic sweep " + String.join(" ", job.spec().toArgs()))
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.parquet.compression.codec", "zstd");
        if (System.getProperty("spark.master") == null || !System.getProperty("spark.master").equals(job.master())) {
            builder.master(job.master());
        }
        String jar = ownJar();
        if (jar != null && !job.master().startsWith("local") && System.getProperty("spark.jars") == null) {
            builder.config("spark.jars", jar);   // the executors load the studies from this jar
        }
        extraConf.forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<IndexRanges.Range> ranges = IndexRanges.split(todo, TASKS_PER_CORE * jsc.defaultParallelism());
            JavaRDD<Row> rows = jsc.parallelize(ranges, ranges.size()).flatMap(new EvaluateRange(job.spec()));
            Dataset<Row> frame = spark.createDataFrame(rows, schema(job.plan().columns()));
            List<LocalRunner.Summary.Reason> reasons = new ArrayList<>();
            if (job.local() == null) {
                frame.write().mode(SaveMode.ErrorIfExists).parquet(job.out());
                Dataset<Row> failed = spark.read().parquet(job.out()).where("error IS NOT NULL");
                for (Row r : failed.groupBy("error").agg(functions.count("*"), functions.min("point")).collectAsList()) {
                    reasons.add(new LocalRunner.Summary.Reason(r.getString(0), r.getLong(1), r.getLong(2)));
                }
                reasons.sort(Comparator.comparingLong(LocalRunner.Summary.Reason::points).reversed()
                        .thenComparingLong(LocalRunner.Summary.Reason::firstPoint));
            } else {
                Path staging = job.local().resolve(".spark-" + UUID.randomUUID());
                frame.write().mode(SaveMode.ErrorIfExists).parquet(staging.toUri().toString());
                adopt(staging, ranges, job.local());
            }
            return new Ran(ranges.size(), reasons);
        } finally {
            spark.stop();
        }
    }

    /**
     * Renames Spark's file of partition k (range k) to the sweep layout's name for that range, each an atomic move of a
     * complete file, then deletes the staging folder.
     */
    static void adopt(Path staging, List<IndexRanges.Range> ranges, Path dir) {
        try {
            List<Path> files;
            try (Stream<Path> s = Files.list(staging)) {
                files = s.filter(p -> SPARK_PART.matcher(p.getFileName().toString()).matches()).sorted().toList();
            }
            if (files.size() != ranges.size()) {
                throw new IllegalStateException("Spark wrote " + files.size() + " part files for " + ranges.size() + " ranges into "
                        + staging + ": expected one per range (is --out on a file system every executor shares with the driver? "
                        + "hint: for a cluster give an hdfs:// or s3a:// folder)");
            }
            for (Path f : files) {
                Matcher m = SPARK_PART.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                IndexRanges.Range r = ranges.get(Integer.parseInt(m.group(1)));
                Files.move(f, dir.resolve(LocalRunner.partName(r.first(), r.end() - 1, RowFiles.Format.PARQUET)),
                        StandardCopyOption.ATOMIC_MOVE);
            }
            delete(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move Spark's parts from " + staging + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Staging folders of a Spark sweep that stopped before its parts were moved: their rows are run again. */
    private static void removeUnfinished(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".spark-")).toList()) {
                delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The Spark schema of the sweep's columns (BIGINT, VARCHAR, DOUBLE; every column nullable). */
    static StructType schema(List<Column> columns) {
        List<StructField> fields = new ArrayList<>();
        for (Column c : columns) {
            DataType t = switch (c.type()) {
                case BIGINT -> DataTypes.LongType;
                case VARCHAR -> DataTypes.StringType;
                case DOUBLE -> DataTypes.DoubleType;
            };
            fields.add(DataTypes.createStructField(c.name(), t, true));
        }
        return DataTypes.createStructType(fields);
    }

    static void checkMaster(String master) {
        if (!(master.matches("local(\\[(\\*|[1-9]\\d*)(,\\s*[1-9]\\d*)?])?") || master.matches("spark://.+:\\d+(,.+:\\d+)*")
                || master.equals("yarn") || master.startsWith("k8s://"))) {
            throw new UsageException("--spark " + master + ": expected a Spark master URL: local[*], local[N], spark://HOST:PORT, "
                    + "yarn or k8s://https://HOST:PORT");
        }
    }

    /** The local folder of an output path (a plain path or file:), or null for a cluster file system. */
    static Path localPath(String out) {
        if (out.startsWith("file:")) {
            return Path.of(java.net.URI.create(out));
        }
        return out.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !out.matches("^[a-zA-Z]:\\\\.*") ? null : Path.of(out).toAbsolutePath();
    }

    /** The jar this class was loaded from (mosaic-spark.jar), or null when it runs from classes (tests). */
    static String ownJar() {
        try {
            var src = SparkSweep.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return null;
            }
            Path p = Path.of(src.getLocation().toURI());
            return p.toString().endsWith(".jar") ? p.toString() : null;
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
