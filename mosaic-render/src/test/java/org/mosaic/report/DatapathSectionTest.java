package org.mosaic.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.studies.Results;
import org.mosaic.studies.datapath.DatapathReport;
import org.mosaic.studies.datapath.DatapathReportStudy;
import org.mosaic.studies.datapath.Variant;

/**
 * The datapath section renders the report's datapath study (computed once with the report's plan, about 10 s on
 * 2 cores): four figures, tables, its JSON (the study's result as it serialises), rows and CSV files. The numbers
 * themselves are tested with the study (DatapathReportStudyTest in mosaic-studies).
 */
class DatapathSectionTest {
    private static DatapathReport report;
    private static DatapathSection section;

    @BeforeAll
    static void compute() {
        report = new DatapathReportStudy().run(new DatapathReportStudy.Input(0));
        section = new DatapathSection(report);
    }

    // ---- structure ----

    @Test
    void rendersFourFiguresTablesJsonRowsAndCsvFiles(@TempDir Path dir) throws Exception {
        assertThat(section.id()).isEqualTo("datapath");
        assertThat(section.title()).isNotBlank();
        String html = section.html();
        assertThat(html.split("<svg", -1)).hasSize(5);
        assertThat(html.split("<figure>", -1)).hasSize(5);
        assertThat(html.split("<table>", -1).length - 1).isGreaterThanOrEqualTo(5);
        assertThat(html).contains("6.20e-11", "hitless", "averaged", "codeword-aware", "unit PCS dealing", "one 10-bit symbol at a time")
                .doesNotContain("NaN", "Infinity");
        for (String key : List.of("dp-iid", "dp-dead", "dp-cases", "dp-budget")) {
            assertThat(html).contains("<svg id='" + key + "'");
        }

        JsonNode json = section.json();
        assertThat(json).isEqualTo(Results.tree(report));
        for (String key : List.of("seed", "targetFrameLossRatio", "framesPerSecond", "backgroundBer", "detectionLatencySeconds",
                "averagingPeriodSeconds", "deadChannels", "curves", "points", "deadChannelCases", "latencyBudget", "provenance")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("deadChannelCases")).hasSize(Variant.ALL.size() * 3);
        assertThat(json.get("latencyBudget")).hasSize(report.budgets().size());
        JsonNode unlimited = json.get("latencyBudget").get(4); // symbol at the design background BER
        assertThat(unlimited.get("variant").asText()).isEqualTo("symbol");
        assertThat(unlimited.get("averagedUnlimited").asBoolean()).isTrue();
        assertThat(unlimited.get("averagedLatencySeconds").get("value").isNull()).isTrue();

        assertThat(section.seeds()).containsExactly("datapath emulations: 0");
        assertThat(section.findings()).hasSize(Variant.MAPPINGS.size());
        assertThat(section.charts()).containsOnlyKeys("iid", "dead", "cases", "budget");
        assertThat(section.rows()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.subject()).isNotBlank();
            if (r.value() instanceof Double d) {
                assertThat(d).isFinite();
            }
        });

        List<Section.DataFile> files = section.files();
        assertThat(files).extracting(Section.DataFile::name).containsExactly("datapath-flr-curves.csv",
                "datapath-engine-points.csv", "datapath-dead-channels.csv", "datapath-latency-budget.csv");
        int curvePoints = report.curves().stream().mapToInt(c -> c.ber().length).sum();
        assertThat(files.get(0).content().split("\n")).hasSize(1 + curvePoints);
        assertThat(files.get(1).content().split("\n")).hasSize(1 + report.points().size());
        assertThat(files.get(2).content().split("\n")).hasSize(1 + report.deadCases().size());
        assertThat(files.get(3).content().split("\n")).hasSize(1 + report.budgets().size());
        for (Section.DataFile f : files) {
            String[] lines = f.content().split("\n");
            int columns = cells(lines[0]);
            for (String l : lines) {
                assertThat(cells(l)).as(f.name() + ": " + l).isEqualTo(columns);
            }
        }

        Path out = dir.resolve("r");
        new Report("T", "").add(section).write(out);
        assertThat(Files.readString(out.resolve("index.html"))).contains("<section id=\"datapath\">");
        assertThat(Files.readString(out.resolve("results.csv"))).contains("datapath,");
        assertThat(out.resolve("datapath-latency-budget.csv")).exists();
    }

    // ---- helpers ----

    /** Cells of one RFC 4180 line: commas outside double quotes, plus one. */
    private static int cells(String line) {
        int n = 1;
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                n++;
            }
        }
        return n;
    }
}
