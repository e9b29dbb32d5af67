package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aSweepWritesPartsAndPrintsItsSummary() throws Exception {
        Path out = tmp.resolve("runs");
        Cli r = Cli.run("sweep", "cable", "--vary", "cable.host.attachment=pluggable,cpo", "--vary", "cable.fiber.length=2m,4m",
                "--metrics", "power.perEndWatts,reliability.afrPerCable", "--out", out.toString(), "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("sweep cable: 4 points (4 evaluated now, 0 already written)").contains("failed: none")
                .contains(out + "/part-*.parquet");
        assertThat(Files.exists(out.resolve("sweep.json"))).isTrue();
        Cli again = Cli.run("sweep", "cable", "--vary", "cable.host.attachment=pluggable,cpo", "--vary", "cable.fiber.length=2m,4m",
                "--metrics", "power.perEndWatts,reliability.afrPerCable", "--out", out.toString());
        assertThat(again.out()).contains("(0 evaluated now, 4 already written)");
    }

    @Test
    void withoutOutTheRowsGoToStandardOutputAsCsv() {
        Cli r = Cli.run("sweep", "cable", "--vary", "cable.host.attachment=pluggable,cpo,warp", "--metrics", "power.perEndWatts");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("point,seed,cable.host.attachment,power.perEndWatts [W],error");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("0,0,pluggable,").endsWith(",");
        assertThat(lines.get(3)).startsWith("2,0,warp,,").contains("warp");
        assertThat(r.err()).contains("failed: 1 of 3 points").contains("(first: point 2)");
    }

    @Test
    void aMetricByElementNameIsAColumnAndOneWithoutValuesIsWarnedAbout() {
        Cli r = Cli.run("sweep", "cable", "--vary", "cable.host.attachment=pluggable,cpo", "--metrics",
                "power.breakdown[host interface],power.breakdown[LED bais]", "--pareto", "power.breakdown[host interface]:min");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo("point,seed,cable.host.attachment,"
                + "power.breakdown[host interface] [W],power.breakdown[LED bais] [W],error");
        assertThat(r.err()).contains("warning: the metric power.breakdown[LED bais] [W] has no value at any point that ran")
                .contains("mosaic studies cable").doesNotContain("warning: the metric power.breakdown[host interface]");
        // the front over the host interface's watts: the co-packaged point
        assertThat(r.err()).contains("Pareto front (power.breakdown[host interface]:min): 1 of 2 points").containsPattern(
                "\\n +1 +cpo ");
    }

    @Test
    void aCsvFileOutIsOneFileWithOneHeader() throws Exception {
        Path file = tmp.resolve("s.csv");
        Cli r = Cli.run("sweep", "cable", "--vary", "cable.fiber.length=1m..3m:1m", "--metrics", "dieAreaMm2", "--out", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(4).first().asString().startsWith("point,seed,cable.fiber.length,"
                + "cable.fiber.length [m],dieAreaMm2 [mm²],error");
        assertThat(Files.exists(tmp.resolve("s.csv.parts"))).isFalse();
    }

    @Test
    void badAxesAreRefusedBeforeAnyWorkWithExitTwo() {
        for (String[] args : List.of(
                new String[] {"--vary", "cable.fibre.length=10m,20m"},
                new String[] {"--vary", "cable.fiber.length=10Gb/s..20Gb/s:5Gb/s"},
                new String[] {"--vary", "cable.fiber.length=50m..10m:10m"},
                new String[] {"--vary", "cable.fiber.length=10m..50m:0m"},
                new String[] {"--vary", "cable.fiber.length=1m..100m:1m", "--vary", "cable.link.array.rows=1..100:1", "--max-points", "100"},
                new String[] {"--vary", "cable.fiber.length=10m,20m", "--metrics", "power.perEnd"},
                new String[] {"--vary", "cable.fiber.length=10m,20m", "--sample", "lhs"})) {
            List<String> all = new java.util.ArrayList<>(List.of("sweep", "cable"));
            all.addAll(List.of(args));
            all.addAll(List.of("--out", tmp.resolve("never").toString()));
            Cli r = Cli.run(all.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.noStackTrace()).isTrue();
            assertThat(r.err()).startsWith("mosaic: ");
        }
        assertThat(Files.exists(tmp.resolve("never"))).isFalse();
        assertThat(Cli.run("sweep", "cable", "--vary", "cable.fibre.length=10m,20m").err()).contains("cable.fiber.length");
        assertThat(Cli.run("sweep", "cable", "--vary", "cable.fiber.length=50m..10m:10m").err()).contains("empty");
        assertThat(Cli.run("sweep", "cable", "--vary", "cable.fiber.length=1m..100m:1m", "--vary", "cable.link.array.rows=1..100:1",
                "--max-points", "100").err()).contains("10,000 points").contains("--force");
    }

    @Test
    void anOutThatCannotBeWrittenIsRefusedWithExitTwoBeforeAnyPoint() throws Exception {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "not a directory");
        Cli r = Cli.run("sweep", "cable", "--vary", "cable.fiber.length=1m,2m", "--out", file.resolve("sub").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--out").contains("cannot be written");
        assertThat(r.noStackTrace()).isTrue();
    }

    @Test
    void theHelpNamesTheSyntax() {
        Cli r = Cli.run("sweep", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--vary").contains("FROM..TO:STEP").contains("Nlog").contains("lhs:N").contains("--out")
                .contains("docs/sweeps.md");
    }

    @Test
    void theHelpSaysSparkIsRunByTheScriptAndNamesTheReport() {
        Cli r = Cli.run("sweep", "--help");
        assertThat(r.out()).contains("--spark").contains("./mosaic script").contains("mosaic-spark").contains("--report")
                .contains("sweep-report");
    }

    @Test
    void sparkGivenToTheLocalCommandIsRefusedBeforeAnyWorkNamingTheScript() {
        Path out = tmp.resolve("never");
        Cli r = Cli.run("sweep", "cable", "--vary", "cable.fiber.length=1m,2m", "--spark", "local[2]", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--spark local[2]").contains("./mosaic").contains("drop --spark");
        assertThat(r.noStackTrace()).isTrue();
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void paretoPrintsTheNonDominatedPointsAfterTheSweep() throws Exception {
        Path out = tmp.resolve("front");
        Cli r = Cli.run("sweep", "cable", "--vary", "cable.host.attachment=pluggable,cpo,warp", "--vary", "cable.fiber.length=2m,6m",
                "--metrics", "power.perEndWatts,reliability.afrPerCable", "--pareto", "power.perEndWatts:min,reliability.afrPerCable:min",
                "--out", out.toString(), "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Pareto front (power.perEndWatts:min, reliability.afrPerCable:min):").contains("of 4 points that ran");
        assertThat(r.out().substring(r.out().indexOf("Pareto front"))).as("failed points take no part").doesNotContain("warp");
        // the independent answer: brute-force dominance over the rows as `mosaic query` returns them
        Cli q = Cli.run("query", out.toString(), "SELECT point, \"power.perEndWatts [W]\" AS w, \"reliability.afrPerCable\" AS a "
                + "FROM results WHERE error IS NULL", "--format", "csv");
        List<double[]> rows = q.out().lines().skip(1).map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble)
                .toArray()).toList();
        long expected = rows.stream().filter(p -> rows.stream().noneMatch(o -> o[1] <= p[1] && o[2] <= p[2]
                && (o[1] < p[1] || o[2] < p[2]))).count();
        assertThat(r.out()).contains(expected + " of 4 points that ran");
    }

    @Test
    void aParetoObjectiveThatIsNotAKeptMetricIsRefusedBeforeAnyWork() {
        Path out = tmp.resolve("never");
        Cli r = Cli.run("sweep", "cable", "--vary", "cable.fiber.length=2m,6m", "--metrics", "power.perEndWatts",
                "--pareto", "reliability.afrPerCable:min", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.noStackTrace()).isTrue();
        assertThat(r.err()).contains("not a metric of this sweep").contains("add it to --metrics");
        assertThat(Cli.run("sweep", "cable", "--vary", "cable.fiber.length=2m,6m", "--pareto", "power.perEndWatts:lowest",
                "--out", out.toString()).err()).contains("METRIC:min or METRIC:max");
        assertThat(Files.exists(out)).isFalse();
    }
}
