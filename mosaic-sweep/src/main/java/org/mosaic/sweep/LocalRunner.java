package org.mosaic.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mosaic.studies.Progress;
import org.mosaic.studies.UsageException;

/**
 * Runs a sweep on this machine: the points in index ranges (chunks) on a pool of threads, each chunk written to
 * {@code DIR/part-<first>-<last>.<ext>} (12-digit indices) under a temporary name and renamed when complete, beside
 * {@code DIR/sweep.json} (the spec, the columns, the size). A rerun with the same spec finds the ranges already written
 * and evaluates only the rest, so a sweep stopped at any moment completes with no point missing or twice; a different
 * spec in the same directory is refused. The chunk ranges depend on the sweep's size alone and each row on its index
 * alone, so the files are the same whatever the number of threads.
 */
public final class LocalRunner {
    static final Pattern PART = Pattern.compile("part-(\\d{12})-(\\d{12})\\.(parquet|csv)");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The most chunks a sweep is cut into (fewer when it has fewer points), and the most points in one. */
    static final long CHUNKS = 256;
    static final long MAX_CHUNK = 4096;

    private final int threads;
    private int stopAfterChunks = Integer.MAX_VALUE;

    /** A runner on {@code threads} threads (at least 1). */
    public LocalRunner(int threads) {
        if (threads < 1) {
            throw new UsageException("--threads " + threads + ": expected at least 1");
        }
        this.threads = threads;
    }

    /** A runner on every core. */
    public static LocalRunner allCores() {
        return new LocalRunner(Runtime.getRuntime().availableProcessors());
    }

    /** Stops after writing {@code k} chunks, as if interrupted (for tests of resumption). */
    LocalRunner stopAfter(int k) {
        this.stopAfterChunks = k;
        return this;
    }

    /** The points in one chunk of a sweep of {@code size} points. */
    public static long chunkSize(long size) {
        return Math.max(1, Math.min(MAX_CHUNK, (size + CHUNKS - 1) / CHUNKS));
    }

    /** The name of the part holding points {@code first}..{@code last}. */
    public static String partName(long first, long last, RowFiles.Format format) {
        return String.format(Locale.ROOT, "part-%012d-%012d.%s", first, last, format.extension());
    }

    /**
     * Runs every point not yet written to {@code dir} and returns what the directory then holds. A directory that holds
     * another sweep, or files that are not a sweep's, is refused before any work.
     */
    public Summary run(SweepPlan plan, Path dir, RowFiles.Format format, Progress progress) {
        long started = System.nanoTime();
        prepare(plan, dir, format);
        List<long[]> todo = missing(dir, plan.size(), format);
        long already = plan.size() - todo.stream().mapToLong(r -> r[1] - r[0] + 1).sum();
        long chunk = chunkSize(plan.size());
        List<long[]> chunks = new ArrayList<>();
        for (long[] r : todo) {
            for (long first = r[0]; first <= r[1]; first += chunk) {
                chunks.add(new long[] {first, Math.min(r[1], first + chunk - 1)});
            }
        }
        progress.task("sweep " + plan.study().name(), plan.size());
        AtomicLong done = new AtomicLong(already);
        progress.set(already, plan.size());
        AtomicInteger written = new AtomicInteger();
        AtomicLong evaluated = new AtomicLong();
        int workers = Math.max(1, Math.min(threads, chunks.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "mosaic-sweep");
            t.setDaemon(true);
            return t;
        });
        List<RowFiles.Writer> writers = new java.util.concurrent.CopyOnWriteArrayList<>();
        ThreadLocal<RowFiles.Writer> writer = ThreadLocal.withInitial(() -> {
            RowFiles.Writer w = new RowFiles.Writer(format, plan.columns());
            writers.add(w);
            return w;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (long[] c : chunks) {
                futures.add(pool.submit(() -> {
                    if (written.get() >= stopAfterChunks || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    List<Object[]> rows = new ArrayList<>((int) (c[1] - c[0] + 1));
                    for (long i = c[0]; i <= c[1]; i++) {
                        rows.add(plan.evaluate(i));
                        progress.set(done.incrementAndGet(), plan.size());
                    }
                    writer.get().write(dir.resolve(partName(c[0], c[1], format)), rows);
                    evaluated.addAndGet(rows.size());
                    written.incrementAndGet();
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted; run it again to complete it", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writers.forEach(RowFiles.Writer::close);
        }
        return Summary.read(plan, dir, format, evaluated.get(), already, (System.nanoTime() - started) / 1e9);
    }

    /** Checks {@code dir} holds this sweep or nothing, writes sweep.json, removes unfinished temporary files. */
    public static void prepare(SweepPlan plan, Path dir, RowFiles.Format format) {
        Path meta = dir.resolve("sweep.json");
        try {
            if (Files.isRegularFile(dir)) {
                throw new UsageException("--out " + dir + " is a file: expected a directory for the sweep's parts (or a name "
                        + "ending in .csv for one CSV file)");
            }
            Files.createDirectories(dir);
            if (Files.exists(meta)) {
                JsonNode old = JSON.readTree(Files.readString(meta, StandardCharsets.UTF_8));
                SweepSpec before = SweepSpec.fromJson(old.path("spec").toString());
                String oldFormat = old.path("format").asText();
                if (!before.sameRows(plan.spec())) {
                    throw new UsageException("--out " + dir + " holds another sweep (" + String.join(" ", before.toArgs())
                            + "): expected the same study, axes, values, sampling, metrics and seed to resume it (hint: "
                            + "choose another --out, or delete " + dir + ")");
                }
                if (!oldFormat.equals(format.extension())) {
                    throw new UsageException("--out " + dir + " holds this sweep as " + oldFormat + ": expected --format "
                            + oldFormat + " to resume it (hint: or choose another --out)");
                }
            } else {
                try (Stream<Path> files = Files.list(dir)) {
                    List<String> other = files.map(p -> p.getFileName().toString()).sorted().limit(3).toList();
                    if (!other.isEmpty()) {
                        throw new UsageException("--out " + dir + " is not empty and holds no sweep.json (it has "
                                + String.join(", ", other) + "): expected a new or empty directory, or one a sweep wrote");
                    }
                }
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            ObjectNode m = JSON.createObjectNode();
            m.set("spec", JSON.readTree(plan.spec().toJson()));
            m.put("format", format.extension());
            m.put("size", plan.size());
            m.put("chunk", chunkSize(plan.size()));
            ArrayNode cols = m.putArray("columns");
            for (Column c : plan.columns()) {
                cols.addObject().put("name", c.name()).put("type", c.type().name());
            }
            Path tmp = dir.resolve("sweep.json.tmp");
            Files.writeString(tmp, JSON.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, meta, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UsageException("--out " + dir + ": cannot be written (" + (e instanceof java.nio.file.FileAlreadyExistsException
                    ? "a file is in the way: " : "") + e.getMessage() + "): expected a directory this process can create files in (hint: choose another --out)", e);
        }
    }

    /** The index ranges [first, last] of {@code [0, size)} not covered by a complete part in {@code dir}. */
    public static List<long[]> missing(Path dir, long size, RowFiles.Format format) {
        List<long[]> have = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Matcher m = PART.matcher(p.getFileName().toString());
                if (m.matches() && m.group(3).equals(format.extension())) {
                    have.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        have.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> out = new ArrayList<>();
        long next = 0;
        for (long[] h : have) {
            if (h[0] < next) {
                throw new UsageException(dir + " holds parts that overlap (" + partName(h[0], h[1], format) + "): expected each "
                        + "point in one part (hint: delete the directory and run again)");
            }
            if (h[0] > next) {
                out.add(new long[] {next, Math.min(size - 1, h[0] - 1)});
            }
            next = h[1] + 1;
        }
        if (next < size) {
            out.add(new long[] {next, size - 1});
        }
        return out;
    }

    /**
     * What a sweep's directory holds, read back with DuckDB: rows, failed points grouped by reason.
     *
     * @param points    the sweep's size
     * @param rows      rows in the directory's parts
     * @param evaluated points evaluated by this run
     * @param skipped   points found already written
     * @param failed    rows with an error
     * @param reasons   the reasons, most frequent first, each with its count and its first point
     * @param seconds   the run's wall time
     */
    public record Summary(Path dir, RowFiles.Format format, long points, long rows, long evaluated, long skipped, long failed,
                          List<Reason> reasons, double seconds) {
        /** One reason points failed. */
        public record Reason(String reason, long points, long firstPoint) {
        }

        public static Summary read(SweepPlan plan, Path dir, RowFiles.Format format, long evaluated, long skipped,
                                   double seconds) {
            String glob = RowFiles.literal(dir.resolve("part-*." + format.extension()).toString());
            String source = format == RowFiles.Format.PARQUET ? "read_parquet(" + glob + ")"
                    : RowFiles.csvReader(glob);
            List<Reason> reasons = new ArrayList<>();
            long rows = 0;
            long failed = 0;
            List<long[]> gaps = missing(dir, plan.size(), format);
            if (gaps.size() == 1 && gaps.get(0)[0] == 0 && gaps.get(0)[1] == plan.size() - 1) {   // no part yet
                return new Summary(dir, format, plan.size(), 0, evaluated, skipped, 0, List.of(), seconds);
            }
            try (Connection c = RowFiles.duckdb(); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT count(*), count(error) FROM " + source)) {
                    r.next();
                    rows = r.getLong(1);
                    failed = r.getLong(2);
                }
                if (failed > 0) {
                    try (ResultSet r = s.executeQuery("SELECT error, count(*) AS n, min(CAST(point AS BIGINT)) AS first FROM "
                            + source + " WHERE error IS NOT NULL GROUP BY error ORDER BY n DESC, first")) {
                        while (r.next()) {
                            reasons.add(new Reason(r.getString(1), r.getLong(2), r.getLong(3)));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read back " + dir + ": " + e.getMessage(), e);
            }
            return new Summary(dir, format, plan.size(), rows, evaluated, skipped, failed, List.copyOf(reasons), seconds);
        }

        /** Whether every point has its row. */
        public boolean complete() {
            return rows == points;
        }
    }

    /**
     * The metric columns without a value at any point that ran (in column order): a metric path that names no element
     * of the results ({@code power.breakdown[LED bais]}), or one the study leaves empty at every point. Empty when no
     * point ran (then the failures say why) or nothing is written yet.
     */
    public static List<String> metricsWithoutValues(SweepPlan plan, Path dir, RowFiles.Format format) {
        List<String> metricColumns = plan.columns().subList(plan.columns().size() - 1 - plan.metrics().size(),
                plan.columns().size() - 1).stream().map(Column::name).toList();
        if (metricColumns.isEmpty() || missing(dir, plan.size(), format).stream().mapToLong(g -> g[1] - g[0] + 1).sum()
                == plan.size()) {
            return List.of();
        }
        String glob = RowFiles.literal(dir.resolve("part-*." + format.extension()).toString());
        String source = format == RowFiles.Format.PARQUET ? "read_parquet(" + glob + ")" : RowFiles.csvReader(glob);
        List<String> counts = new ArrayList<>(List.of("count(*)"));
        metricColumns.forEach(c -> counts.add("count(" + RowFiles.identifier(c) + ")"));
        List<String> out = new ArrayList<>();
        try (Connection c = RowFiles.duckdb(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT " + String.join(", ", counts) + " FROM " + source + " WHERE error IS NULL")) {
            r.next();
            if (r.getLong(1) == 0) {
                return List.of();
            }
            for (int i = 0; i < metricColumns.size(); i++) {
                if (r.getLong(i + 2) == 0) {
                    out.add(metricColumns.get(i));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read back " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The warning for {@link #metricsWithoutValues}, one line per metric with a hint; empty when there is none. */
    public static String emptyMetricsWarning(SweepPlan plan, List<String> columns) {
        StringBuilder b = new StringBuilder();
        for (String c : columns) {
            b.append("warning: the metric ").append(c).append(" has no value at any point that ran (hint: `mosaic studies ")
                    .append(plan.study().name()).append("` lists its metrics; a list's element is picked by index [0] or by the "
                    + "value of its ").append(String.join("/", SweepPlan.NAME_FIELDS)).append(" field, as `mosaic run ")
                    .append(plan.study().name()).append(" --format json` shows them)\n");
        }
        return b.toString();
    }
}
