package org.mosaic.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.studies.Progress;
import org.mosaic.studies.UsageException;

class LocalRunnerTest {
    @TempDir
    Path tmp;

    static SweepPlan line(String... args) {
        List<String> all = new ArrayList<>(List.of("line"));
        all.addAll(List.of(args));
        return SweepPlan.of(SweepSpec.parse(all), new LineStudy(), ReflectiveBinder.INSTANCE);
    }

    /** Every row of a sweep's directory, ordered by point, each as text (as DuckDB reads it back). */
    static List<List<String>> rows(Path dir, RowFiles.Format format) throws Exception {
        String glob = RowFiles.literal(dir.resolve("part-*." + format.extension()).toString());
        String source = format == RowFiles.Format.PARQUET ? "read_parquet(" + glob + ")"
                : RowFiles.csvReader(glob);
        List<List<String>> out = new ArrayList<>();
        try (Connection c = RowFiles.duckdb(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM " + source + " ORDER BY CAST(point AS BIGINT)")) {
            ResultSetMetaData md = r.getMetaData();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = r.getObject(i);
                    row.add(v == null ? null : v instanceof Double d ? Double.toString(d) : v.toString());
                }
                out.add(row);
            }
        }
        return out;
    }

    static List<String> parts(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")).sorted().toList();
        }
    }

    @Test
    void aMetricWithoutAValueAtEveryPointThatRanIsNamed_misspelledElement() throws Exception {
        SweepPlan plan = SweepPlan.of(SweepSpec.parse(List.of("cable", "--vary", "cable.host.attachment=pluggable,cpo,warp",
                "--metrics", "power.perEndWatts,power.breakdown[LED bais],power.breakdown[LED bias]")));
        Path dir = tmp.resolve("out");
        new LocalRunner(2).run(plan, dir, RowFiles.Format.CSV, Progress.quiet());
        List<String> empty = LocalRunner.metricsWithoutValues(plan, dir, RowFiles.Format.CSV);
        assertThat(empty).containsExactly("power.breakdown[LED bais] [W]");   // the failed point (warp) takes no part
        assertThat(LocalRunner.emptyMetricsWarning(plan, empty)).contains("power.breakdown[LED bais] [W]")
                .contains("mosaic studies cable");
        SweepPlan allFail = SweepPlan.of(SweepSpec.parse(List.of("cable", "--vary", "cable.host.attachment=warp,teleport",
                "--metrics", "power.perEndWatts")));
        new LocalRunner(1).run(allFail, tmp.resolve("fail"), RowFiles.Format.CSV, Progress.quiet());
        assertThat(LocalRunner.metricsWithoutValues(allFail, tmp.resolve("fail"), RowFiles.Format.CSV)).isEmpty();
    }

    @Test
    void aGridOfTheCableStudyWritesExactlyGridSizeRows() throws Exception {
        SweepPlan plan = SweepPlan.of(SweepSpec.parse(List.of("cable", "--vary", "cable.host.attachment=pluggable,cpo",
                "--vary", "cable.fiber.length=2 m..8 m:3 m", "--metrics", "power.perEndWatts,reliability.linkFit")));
        LocalRunner.Summary s = new LocalRunner(2).run(plan, tmp.resolve("out"), RowFiles.Format.PARQUET, Progress.quiet());
        assertThat(s.points()).isEqualTo(6);
        assertThat(s.rows()).isEqualTo(6);
        assertThat(s.failed()).isZero();
        List<List<String>> rows = rows(tmp.resolve("out"), RowFiles.Format.PARQUET);
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("0", "1", "2", "3", "4", "5");
        try (Connection c = RowFiles.duckdb(); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT count(DISTINCT point), count(DISTINCT \"cable.host.attachment\" || "
                     + "\"cable.fiber.length\"), min(\"cable.fiber.length [m]\"), max(\"cable.fiber.length [m]\") FROM read_parquet("
                     + RowFiles.literal(tmp.resolve("out/part-*.parquet").toString()) + ")")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(6);
            assertThat(r.getLong(2)).isEqualTo(6);
            assertThat(r.getDouble(3)).isEqualTo(2.0);
            assertThat(r.getDouble(4)).isEqualTo(8.0);
        }
        assertThat(Files.readString(tmp.resolve("out/sweep.json"))).contains("\"size\" : 6").contains("power.perEndWatts [W]");
    }

    @Test
    void aSweepStoppedHalfWayAndRunAgainCompletesWithNoPointMissingOrTwice() throws Exception {
        SweepPlan plan = line("--vary", "length=1..400:1 m");
        Path whole = tmp.resolve("whole");
        new LocalRunner(2).run(plan, whole, RowFiles.Format.PARQUET, Progress.quiet());
        Path dir = tmp.resolve("stopped");
        LocalRunner.Summary first = new LocalRunner(2).stopAfter(10).run(plan, dir, RowFiles.Format.PARQUET, Progress.quiet());
        assertThat(first.rows()).isLessThan(400).isGreaterThanOrEqualTo(10 * LocalRunner.chunkSize(400));
        // a crash while writing leaves a temporary file: the rerun removes it
        Files.writeString(dir.resolve(LocalRunner.partName(398, 399, RowFiles.Format.PARQUET) + ".tmp"), "half a file");
        LocalRunner.Summary second = new LocalRunner(2).run(plan, dir, RowFiles.Format.PARQUET, Progress.quiet());
        assertThat(second.skipped()).isEqualTo(first.rows());
        assertThat(second.evaluated()).isEqualTo(400 - first.rows());
        assertThat(second.rows()).isEqualTo(400);
        assertThat(rows(dir, RowFiles.Format.PARQUET)).isEqualTo(rows(whole, RowFiles.Format.PARQUET));
        assertThat(parts(dir)).isEqualTo(parts(whole));
    }

    @Test
    void aDeletedPartIsWrittenAgainOnTheRerun() throws Exception {
        SweepPlan plan = line("--vary", "length=1..300:1 m", "--vary", "lanes=1,2");
        Path dir = tmp.resolve("out");
        new LocalRunner(2).run(plan, dir, RowFiles.Format.CSV, Progress.quiet());
        List<List<String>> before = rows(dir, RowFiles.Format.CSV);
        List<String> parts = parts(dir);
        Files.delete(dir.resolve(parts.get(parts.size() - 1)));
        Files.delete(dir.resolve(parts.get(3)));
        LocalRunner.Summary again = new LocalRunner(1).run(plan, dir, RowFiles.Format.CSV, Progress.quiet());
        assertThat(again.evaluated()).isEqualTo(2 * LocalRunner.chunkSize(600));
        assertThat(rows(dir, RowFiles.Format.CSV)).hasSize(600).isEqualTo(before);
    }

    @Test
    void theRowsAreTheSameOnOneThreadAndOnMany() throws Exception {
        SweepPlan plan = line("--vary", "length=0.5 m..200 m", "--vary", "lanes=0..8:1", "--sample", "lhs:200", "--seed", "9");
        new LocalRunner(1).run(plan, tmp.resolve("one"), RowFiles.Format.PARQUET, Progress.quiet());
        new LocalRunner(4).run(plan, tmp.resolve("four"), RowFiles.Format.PARQUET, Progress.quiet());
        assertThat(parts(tmp.resolve("one"))).isEqualTo(parts(tmp.resolve("four")));
        assertThat(rows(tmp.resolve("one"), RowFiles.Format.PARQUET)).isEqualTo(rows(tmp.resolve("four"), RowFiles.Format.PARQUET));
    }

    @Test
    void failedPointsCarryTheirReasonsGroupedInTheSummary() throws Exception {
        SweepPlan plan = line("--vary", "lanes=-2..3:1", "--vary", "mode=a,b");
        LocalRunner.Summary s = new LocalRunner(2).run(plan, tmp.resolve("out"), RowFiles.Format.PARQUET, Progress.quiet());
        assertThat(s.failed()).isEqualTo(6);
        assertThat(s.reasons()).extracting(LocalRunner.Summary.Reason::reason)
                .containsExactly("lanes -2: expected at least 1", "lanes -1: expected at least 1", "lanes 0: expected at least 1");
        assertThat(s.reasons()).extracting(LocalRunner.Summary.Reason::points).containsExactly(2L, 2L, 2L);
        assertThat(s.reasons().get(1).firstPoint()).isEqualTo(2);
        List<List<String>> rows = rows(tmp.resolve("out"), RowFiles.Format.PARQUET);
        // point, seed, lanes, lanes [1], mode, lossDb, perLaneWatts, draw, long_, error
        assertThat(rows.get(0).get(6)).isNull();
        assertThat(rows.get(0).get(9)).isEqualTo("lanes -2: expected at least 1");
        assertThat(rows.get(6).get(6)).isEqualTo("1.5");
        assertThat(rows.get(6).get(9)).isNull();
    }

    @Test
    void theStudysSeedInputTakesTheSweepsSeedUnlessVaried() throws Exception {
        SweepPlan seeded = line("--vary", "lanes=1,2", "--seed", "42");
        assertThat(seeded.assignments(0)).containsEntry("seed", "42");
        assertThat(seeded.evaluate(0)[1]).isEqualTo(42L);
        SweepPlan varied = line("--vary", "seed=1..3:1", "--seed", "42");
        assertThat(varied.evaluate(2)[1]).isEqualTo(3L);
        assertThat(varied.evaluate(0)[6]).isNotEqualTo(varied.evaluate(1)[6]);
    }

    @Test
    void aDirectoryHoldingAnotherSweepOrOtherFilesIsRefusedBeforeAnyWork() throws Exception {
        Path dir = tmp.resolve("out");
        new LocalRunner(1).run(line("--vary", "lanes=1,2"), dir, RowFiles.Format.PARQUET, Progress.quiet());
        assertThatThrownBy(() -> new LocalRunner(1).run(line("--vary", "lanes=1,3"), dir, RowFiles.Format.PARQUET, Progress.quiet()))
                .isInstanceOf(UsageException.class).hasMessageContaining("holds another sweep").hasMessageContaining("lanes=1,2");
        assertThatThrownBy(() -> new LocalRunner(1).run(line("--vary", "lanes=1,2"), dir, RowFiles.Format.CSV, Progress.quiet()))
                .isInstanceOf(UsageException.class).hasMessageContaining("--format parquet");
        Files.createDirectories(tmp.resolve("other"));
        Files.writeString(tmp.resolve("other/notes.txt"), "mine");
        assertThatThrownBy(() -> new LocalRunner(1).run(line("--vary", "lanes=1,2"), tmp.resolve("other"), RowFiles.Format.PARQUET,
                Progress.quiet())).isInstanceOf(UsageException.class).hasMessageContaining("notes.txt");
        // the limit is not part of what the rows are: a rerun with another --max-points resumes
        assertThat(new LocalRunner(1).run(line("--vary", "lanes=1,2", "--max-points", "10"), dir, RowFiles.Format.PARQUET,
                Progress.quiet()).skipped()).isEqualTo(2);
    }

    @Test
    void csvAndParquetHoldTheSameRows() throws Exception {
        SweepPlan plan = line("--vary", "length=1 m..20 m:0.5 m", "--vary", "mode=a,say \"hi\"");
        new LocalRunner(2).run(plan, tmp.resolve("p"), RowFiles.Format.PARQUET, Progress.quiet());
        new LocalRunner(2).run(plan, tmp.resolve("c"), RowFiles.Format.CSV, Progress.quiet());
        List<List<String>> p = rows(tmp.resolve("p"), RowFiles.Format.PARQUET);
        List<List<String>> c = rows(tmp.resolve("c"), RowFiles.Format.CSV);
        assertThat(c).hasSameSizeAs(p);
        for (int i = 0; i < p.size(); i++) {
            for (int k = 0; k < p.get(i).size(); k++) {
                String pv = p.get(i).get(k);
                String cv = c.get(i).get(k);
                if (pv != null && pv.matches("-?[0-9.]+(E-?[0-9]+)?") && cv != null) {
                    assertThat(Double.parseDouble(cv)).isEqualTo(Double.parseDouble(pv));
                } else {
                    assertThat(cv).isEqualTo(pv);
                }
            }
        }
    }
}
