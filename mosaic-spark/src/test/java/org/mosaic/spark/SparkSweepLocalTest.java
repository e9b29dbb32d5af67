package org.mosaic.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.studies.Progress;
import org.mosaic.sweep.LocalRunner;
import org.mosaic.sweep.RowFiles;
import org.mosaic.sweep.SweepPlan;
import org.mosaic.sweep.SweepSpec;

/** Spark local[2] against the local runner: the same rows, the same layout, the same resumption. */
class SparkSweepLocalTest {
    /** Three attachments (one the binder refuses: a failed point) by three lengths. */
    static final List<String> SWEEP = List.of("cable", "--vary", "cable.host.attachment=pluggable,cpo,warp",
            "--vary", "cable.fiber.length=2 m..8 m:3 m", "--metrics", "power.perEndWatts,reliability.linkFit");

    @TempDir
    Path tmp;

    @Test
    void sparkLocal2RowsEqualTheLocalRunnersSortedByPointFailedPointsWithTheSameErrorText() throws Exception {
        Path local = tmp.resolve("local");
        new LocalRunner(2).run(SweepPlan.of(SweepSpec.parse(SWEEP)), local, RowFiles.Format.PARQUET, Progress.quiet());
        Path spark = tmp.resolve("spark");
        Run r = run(concat(SWEEP, "--spark", "local[2]", "--out", spark.toString()));
        assertThat(r.code).as(r.err).isZero();

        List<List<Object>> expected = rows(local);
        List<List<Object>> actual = rows(spark);
        assertThat(expected).hasSize(9);
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(columns(spark)).containsExactlyElementsOf(columns(local));
        assertThat(actual).filteredOn(row -> row.get(row.size() - 1) != null).hasSize(3)
                .allSatisfy(row -> assertThat((String) row.get(row.size() - 1)).contains("warp"));
        assertThat(r.out).contains("sweep cable on Spark local[2]: 9 points").contains("failed: 3 of 9 points");
        // the sweep layout: parts named by their index ranges beside sweep.json, nothing of Spark's left
        try (Stream<Path> s = Files.list(spark)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).contains("sweep.json")
                    .allMatch(n -> n.equals("sweep.json") || n.matches("part-\\d{12}-\\d{12}\\.parquet"));
        }

        // resumable: a part lost, the rerun evaluates only its points, no point missing or twice
        Path lost;
        try (Stream<Path> s = Files.list(spark)) {
            lost = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList().get(1);
        }
        Files.delete(lost);
        Run again = run(concat(SWEEP, "--spark", "local[2]", "--out", spark.toString()));
        assertThat(again.code).as(again.err).isZero();
        assertThat(again.out).doesNotContain("0 already written").contains("9 points");
        assertThat(rows(spark)).containsExactlyElementsOf(expected);
    }

    @Test
    void intoAClusterFileSystemSparksOwnPartsHoldTheSameRowsAndTheSummaryCountsTheFailures() throws Exception {
        Path local = tmp.resolve("local");
        SweepPlan plan = SweepPlan.of(SweepSpec.parse(SWEEP));
        new LocalRunner(2).run(plan, local, RowFiles.Format.PARQUET, Progress.quiet());
        // a file: URI standing in for hdfs:// or s3a://: the job as parse() makes it for a folder it cannot rename in
        Path remote = tmp.resolve("remote");
        SparkSweep.Job job = new SparkSweep.Job("local[2]", plan.spec(), plan, remote.toUri().toString(), null);
        SparkSweep.Summary s = SparkSweep.execute(job, java.util.Map.of());
        assertThat(s.rows().failed()).isEqualTo(3);
        assertThat(s.rows().reasons()).hasSize(3).allSatisfy(r -> assertThat(r.reason()).contains("warp"));
        assertThat(rows(remote)).containsExactlyElementsOf(rows(local));
        assertThat(s.describe(job)).contains("failed: 3 of 9 points").contains("(Spark's part files)");
    }

    record Run(int code, String out, String err) {
    }

    static Run run(List<String> args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = SparkSweep.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** Every row of a sweep folder's parts, all columns, sorted by point (read with DuckDB, as `mosaic query` does). */
    static List<List<Object>> rows(Path dir) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = RowFiles.duckdb(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM read_parquet(" + RowFiles.literal(dir.resolve("part-*.parquet").toString())
                     + ") ORDER BY point")) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(r.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    /** The columns' names and SQL types of a sweep folder's parts. */
    static List<String> columns(Path dir) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = RowFiles.duckdb(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + RowFiles.literal(dir.resolve("part-*.parquet")
                     .toString()) + ")")) {
            while (r.next()) {
                out.add(r.getString(1) + " " + r.getString(2));
            }
        }
        return out;
    }

    static List<String> concat(List<String> a, String... b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(Arrays.asList(b));
        return out;
    }
}
