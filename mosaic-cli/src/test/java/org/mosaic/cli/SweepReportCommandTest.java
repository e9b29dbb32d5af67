package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.sweep.Pareto;
import org.mosaic.sweep.Query;

/** {@code sweep --report DIR} and {@code sweep-report RESULTS --out DIR} over a small cable sweep. */
class SweepReportCommandTest {
    @TempDir
    Path tmp;

    /** attachment (3, "warp" refused) × length (2): a two-axis grid of 6 points, 2 refused. */
    private Cli sweep(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", "cable", "--vary", "cable.host.attachment=pluggable,cpo,warp",
                "--vary", "cable.fiber.length=2m,4m", "--metrics", "power.perEndWatts,reliability.afrPerCable,dieAreaMm2",
                "--out", out.toString(), "--threads", "2"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    static Set<Long> ids(String html, String chart, String kind) {
        Matcher m = Pattern.compile("id=[\"']" + Pattern.quote(chart) + "-" + kind + "-(\\d+)[\"']").matcher(html);
        Set<Long> out = new TreeSet<>();
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    @Test
    void sweepReportHoldsOneChartPerPanelTheGridAndTheFrontOfTheRows() throws Exception {
        Path out = tmp.resolve("runs");
        Path report = tmp.resolve("report");
        Cli r = sweep(out, "--pareto", "power.perEndWatts:min,dieAreaMm2:min", "--report", report.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("report: " + report.toAbsolutePath().resolve("index.html"));
        String html = Files.readString(report.resolve("index.html"));
        // the Pareto chart, a heat map per metric (3), the scatter matrix (3 metrics × 2 axes)
        assertThat(html.split("<svg", -1)).hasSize(1 + 1 + 3 + 6);
        for (int m = 0; m < 3; m++) {
            String chart = "heat-" + m;
            assertThat(ids(html, chart, "cell").size() + ids(html, chart, "refused").size() + ids(html, chart, "novalue").size())
                    .as("cells of " + chart + " = grid size").isEqualTo(6);
            assertThat(ids(html, chart, "refused")).containsExactly(4L, 5L);   // warp: the first axis varies slowest
        }
        // the front drawn = Pareto.front over the rows as written, computed here independently of the report
        Query.Result rows = Query.run(out, "SELECT point, \"power.perEndWatts [W]\", \"dieAreaMm2 [mm²]\" FROM results "
                + "WHERE error IS NULL ORDER BY point");
        List<double[]> values = rows.rows().stream().map(x -> new double[] {((Number) x.get(1)).doubleValue(),
                ((Number) x.get(2)).doubleValue()}).toList();
        Set<Long> front = new TreeSet<>();
        for (int i : Pareto.front(values, List.of(Pareto.Sense.MIN, Pareto.Sense.MIN))) {
            front.add(((Number) rows.rows().get(i).get(0)).longValue());
        }
        assertThat(front).isNotEmpty();
        assertThat(ids(html, "pareto-0", "front")).isEqualTo(front);
        // refused rows are never plotted as values
        Set<Long> refused = Set.of(4L, 5L);
        for (String chart : List.of("pareto-0", "scatter-0-0", "scatter-0-1", "scatter-1-0", "scatter-2-1")) {
            assertThat(ids(html, chart, "pt")).doesNotContainAnyElementsOf(refused);
            assertThat(ids(html, chart, "front")).doesNotContainAnyElementsOf(refused);
        }
        assertThat(html).contains("2 refused points not plotted");
    }

    @Test
    void sweepReportCommandReportsAFinishedSweepWithoutRunningItAgain() throws Exception {
        Path out = tmp.resolve("runs");
        assertThat(sweep(out).exit()).isZero();
        Path report = tmp.resolve("later");
        Cli r = Cli.run("sweep-report", out.toString(), "--out", report.toString(), "--pareto", "power.perEndWatts:min,dieAreaMm2:min");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("6 of 6 points written, 4 ran, 2 refused").contains("Pareto front: ");
        String html = Files.readString(report.resolve("index.html"));
        assertThat(html).contains("<svg id='pareto-0'").contains("<svg id='heat-0'").contains("mosaic sweep cable --vary");
        // a second report replaces the first
        assertThat(Cli.run("sweep-report", out.toString(), "--out", report.toString()).exit()).isZero();
        assertThat(Files.readString(report.resolve("index.html"))).doesNotContain("<svg id='pareto-0'");
    }

    @Test
    void sweepReportRefusalsNameTheValueAndTheClosestMetric() throws Exception {
        Path out = tmp.resolve("runs");
        assertThat(sweep(out).exit()).isZero();
        Cli typo = Cli.run("sweep-report", out.toString(), "--out", tmp.resolve("r1").toString(), "--pareto", "power.perEndWats:min");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("power.perEndWats").contains("did you mean power.perEndWatts?");
        assertThat(typo.noStackTrace()).isTrue();
        Cli missing = Cli.run("sweep-report", tmp.resolve("nothing").toString(), "--out", tmp.resolve("r2").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist").contains("sweep.json");
        Path file = Files.writeString(tmp.resolve("rows.csv"), "point\n");
        Cli oneFile = Cli.run("sweep-report", file.toString(), "--out", tmp.resolve("r3").toString());
        assertThat(oneFile.exit()).isEqualTo(2);
        assertThat(oneFile.err()).contains("is a file").contains("--report DIR");
        assertThat(Files.exists(tmp.resolve("r1"))).isFalse();
        assertThat(Files.exists(tmp.resolve("r3"))).isFalse();
    }
}
