package org.mosaic.spark;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.mosaic.studies.UsageException;

/**
 * A sweep on Apache Spark: the same arguments as {@code mosaic sweep STUDY ...} plus {@code --spark MASTER}
 * ({@code local[*]}, {@code spark://HOST:PORT}, {@code yarn}, {@code k8s://...}; under spark-submit the master it
 * was given). The arguments are checked and the plan built before Spark starts (a bad argument exits 2 with the
 * sweep's own message); then [0, size) is split into index ranges, a few per core, each task rebuilds the plan from the
 * arguments and evaluates its range, and Spark writes the rows, with the sweep's columns, as Parquet part files into the
 * output folder ({@code mosaic query} reads them like the local runner's).
 */
public final class SparkSweep {
    /** Tasks per core of the cluster: enough to even out points of unequal cost, few enough to keep files large. */
    static final int TASKS_PER_CORE = 4;

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
        boolean verbose = args.contains("--verbose");
        Job job;
        try {
            job = Job.parse(args);
        } catch (UsageException e) {
            err.println("mosaic: " + e.getMessage());
            return 2;
        }
        try {
            Summary s = execute(job, null);
            out.println(s.describe());
            return 0;
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

    /** A checked Spark sweep: its master, the sweep's own arguments, its plan and where the rows go. */
    record Job(String master, List<String> sweepArgs, PointPlan plan, String out) {
        /** Splits off --spark, checks the sweep's arguments and builds its plan: every refusal before Spark starts. */
        static Job parse(List<String> args) {
            String master = null;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--spark")) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException("--spark needs a master URL: expected local[*], local[N], spark://HOST:PORT, "
                                + "yarn or k8s://https://HOST:PORT");
                    }
                    master = args.get(++i);
                } else if (a.startsWith("--spark=")) {
                    master = a.substring("--spark=".length());
                } else if (!a.equals("--verbose")) {
                    rest.add(a);
                }
            }
            if (master == null) {
                master = System.getProperty("spark.master");   // set by spark-submit --master
            }
            if (master == null || master.isBlank()) {
                throw new UsageException("no Spark master: expected --spark local[*], --spark spark://HOST:PORT, --spark yarn or "
                        + "--spark k8s://https://HOST:PORT (or spark-submit --master ...)");
            }
            checkMaster(master);
            PointPlan plan = Plans.of(rest);
            String out = outOf(rest);
            Path local = localPath(out);
            if (local != null && Files.exists(local)) {
                throw new UsageException("--out " + out + " already exists: expected a new folder for the Spark sweep's Parquet files "
                        + "(hint: choose another --out, or remove it)");
            }
            return new Job(master, rest, plan, out);
        }
    }

    /** What a finished sweep wrote. */
    record Summary(String out, long points, Map<String, Long> failures, int tasks) {
        String describe() {
            long failed = failures.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%d points in %d Spark tasks, %d failed; Parquet in %s", points, tasks, failed, out));
            failures.forEach((reason, n) -> b.append(String.format(Locale.ROOT, "%n  %d × %s", n, reason)));
            return b.toString();
        }
    }

    /**
     * Runs a checked job on Spark; {@code extraConf} adds Spark settings (tests: the executors' class path).
     */
    static Summary execute(Job job, Map<String, String> extraConf) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("mosaic sweep " + String.join(" ", job.sweepArgs()))
                .master(job.master())
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.parquet.compression.codec", "zstd");
        String jar = ownJar();
        if (jar != null && !job.master().startsWith("local")) {
            builder.config("spark.jars", jar);   // the executors load the studies from this jar
        }
        if (extraConf != null) {
            extraConf.forEach(builder::config);
        }
        SparkSession spark = builder.getOrCreate();
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<IndexRanges.Range> ranges = IndexRanges.split(job.plan().size(), TASKS_PER_CORE * jsc.defaultParallelism());
            JavaRDD<Row> rows = jsc.parallelize(ranges, Math.max(1, ranges.size())).flatMap(new EvaluateRange(job.sweepArgs()));
            Dataset<Row> frame = spark.createDataFrame(rows, schema(job.plan().columns()));
            frame.write().mode(SaveMode.ErrorIfExists).parquet(job.out());
            Map<String, Long> failures = new TreeMap<>();
            long points = 0;
            for (Row r : spark.read().parquet(job.out()).groupBy("error").count().collectAsList()) {
                long n = r.getLong(1);
                points += n;
                if (!r.isNullAt(0)) {
                    failures.put(r.getString(0), n);
                }
            }
            return new Summary(job.out(), points, failures, ranges.size());
        } finally {
            spark.stop();
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
        if (!(master.matches("local(\\[(\\*|[1-9]\\d*)(,\\s*[1-9]\\d*)?])?") || master.startsWith("spark://")
                || master.equals("yarn") || master.startsWith("k8s://") || master.startsWith("mesos://"))) {
            throw new UsageException("--spark " + master + ": expected a Spark master URL: local[*], local[N], spark://HOST:PORT, "
                    + "yarn or k8s://https://HOST:PORT");
        }
    }

    /** The value of --out among the sweep's arguments. */
    static String outOf(List<String> sweepArgs) {
        for (int i = 0; i < sweepArgs.size(); i++) {
            if (sweepArgs.get(i).equals("--out") && i + 1 < sweepArgs.size()) {
                return sweepArgs.get(i + 1);
            }
            if (sweepArgs.get(i).startsWith("--out=")) {
                return sweepArgs.get(i).substring("--out=".length());
            }
        }
        throw new UsageException("a Spark sweep needs --out DIR: expected a folder (local, hdfs://, s3a://, ...) for its Parquet files");
    }

    /** The local file of an output path (a plain path or file:), or null for a cluster file system. */
    static Path localPath(String out) {
        if (out.startsWith("file:")) {
            return Path.of(java.net.URI.create(out));
        }
        return out.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") ? null : Path.of(out);
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
        } catch (URISyntaxException | SecurityException e) {
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
