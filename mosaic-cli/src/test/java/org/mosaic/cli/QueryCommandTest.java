package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandTest {
    private static final String[] SWEEP = {"sweep", "cable", "--vary", "cable.host.attachment=pluggable,cpo",
        "--vary", "cable.fiber.length=2m,4m,6m", "--metrics", "power.perEndWatts"};

    @TempDir
    Path tmp;
    Path runs;

    @BeforeEach
    void sweep() {
        runs = tmp.resolve("runs");
        List<String> args = new java.util.ArrayList<>(List.of(SWEEP));
        args.addAll(List.of("--out", runs.toString(), "--threads", "2"));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void aGroupedAggregateAgreesWithTheRowsTheSweepPrintsAsCsv() throws Exception {
        // the independent answer: the same sweep's CSV rows, averaged here
        List<String> lines = Cli.run(SWEEP).out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("point,seed,cable.host.attachment,cable.fiber.length,cable.fiber.length [m],"
                + "power.perEndWatts [W],error");
        Map<String, double[]> sums = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            double[] s = sums.computeIfAbsent(c[2], k -> new double[2]);
            s[0] += Double.parseDouble(c[5]);
            s[1]++;
        }
        Cli q = Cli.run("query", runs.toString(), "SELECT \"cable.host.attachment\" AS a, count(*) AS n, "
                + "avg(\"power.perEndWatts [W]\") AS w FROM results GROUP BY a ORDER BY a", "--format", "json");
        assertThat(q.exit()).as(q.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(q.out());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("a").asText()).isEqualTo("cpo");
        assertThat(rows.get(1).get("a").asText()).isEqualTo("pluggable");
        for (JsonNode row : rows) {
            double[] s = sums.get(row.get("a").asText());
            assertThat(row.get("n").asLong()).isEqualTo(3);
            // the CSV prints Double.toString (shortest round-trip), so only the summation order differs
            assertThat(row.get("w").asDouble()).isCloseTo(s[0] / s[1], within(1e-12 * Math.abs(s[0])));
        }
        Cli table = Cli.run("query", runs.toString(), "SELECT count(*) AS n FROM results WHERE error IS NULL");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("6").contains("(1 row)");
        Cli csv = Cli.run("query", runs.toString(), "select point from results order by point desc limit 2", "--format", "csv");
        assertThat(csv.out()).isEqualTo("point\n5\n4\n");
    }

    @Test
    void aSingleParquetOrCsvFileIsQueriedToo() throws Exception {
        Path file = tmp.resolve("s.csv");
        Cli r = Cli.run("sweep", "cable", "--vary", "cable.fiber.length=1m..3m:1m", "--metrics", "dieAreaMm2", "--out", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Cli q = Cli.run("query", file.toString(), "SELECT sum(\"cable.fiber.length [m]\") AS s FROM results", "--format", "csv");
        assertThat(q.exit()).as(q.err()).isZero();
        assertThat(q.out()).isEqualTo("s\n6.0\n");
    }

    @Test
    void badSqlExitsTwoWithDuckDbsMessageAndNoStackTrace() {
        Cli q = Cli.run("query", runs.toString(), "SELECT nosuchcolumn FROM results");
        assertThat(q.exit()).isEqualTo(2);
        assertThat(q.noStackTrace()).isTrue();
        assertThat(q.err()).startsWith("mosaic: ").contains("nosuchcolumn").contains("DESCRIBE results");
        Cli syntax = Cli.run("query", runs.toString(), "SELECT FROM WHERE");
        assertThat(syntax.exit()).isEqualTo(2);
        assertThat(syntax.noStackTrace()).isTrue();
        assertThat(syntax.err()).containsIgnoringCase("syntax error");
    }

    @Test
    void writeStatementsAreRefusedAndFilesStayUntouched() throws Exception {
        long before;
        try (var files = Files.list(runs)) {
            before = files.count();
        }
        for (String sql : List.of("COPY results TO '" + tmp.resolve("x.csv") + "'", "DROP VIEW results",
                "CREATE TABLE t AS SELECT 1", "/* hidden */ INSERT INTO t VALUES (1)", "SELECT 1; COPY results TO 'y.csv'",
                "ATTACH '" + tmp.resolve("db") + "'")) {
            Cli q = Cli.run("query", runs.toString(), sql);
            assertThat(q.exit()).as(sql + "\n" + q.err()).isEqualTo(2);
            assertThat(q.noStackTrace()).isTrue();
            assertThat(q.err()).as(sql).containsAnyOf("only read-only statements", "one statement");
        }
        assertThat(Cli.run("query", runs.toString(), "DROP VIEW results").err()).contains("SELECT, WITH, DESCRIBE or SUMMARIZE");
        assertThat(Files.exists(tmp.resolve("x.csv"))).isFalse();
        try (var files = Files.list(runs)) {
            assertThat(files.count()).isEqualTo(before);
        }
        // a semicolon inside a string, and a trailing one, are fine
        assertThat(Cli.run("query", runs.toString(), "SELECT count(*) FROM results WHERE error IS DISTINCT FROM 'a;b';").exit())
                .isZero();
    }

    @Test
    void aMissingOrEmptyResultsSourceIsRefusedClearly() throws Exception {
        Cli missing = Cli.run("query", tmp.resolve("nope").toString(), "SELECT 1");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope does not exist").contains("--out directory");
        Files.createDirectories(tmp.resolve("empty"));
        Cli empty = Cli.run("query", tmp.resolve("empty").toString(), "SELECT 1");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("holds no part-*.parquet");
    }
}
