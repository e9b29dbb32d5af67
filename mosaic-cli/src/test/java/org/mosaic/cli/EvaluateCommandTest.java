package org.mosaic.cli;

import org.mosaic.studies.Output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.report.Report;
import org.mosaic.core.scenario.ScenarioDocument;

/** {@code mosaic evaluate} is slow (minutes), so it runs once for the test JVM ({@link EvaluatedReport}). */
class EvaluateCommandTest {
    @TempDir
    static Path dir;
    static Path out;
    static Cli run;

    @BeforeAll
    static void evaluate() {
        out = EvaluatedReport.dir();
        run = EvaluatedReport.run();
    }

    @Test
    void reportOpensWithItsRunMetadataAndSummaryOfFindings_issue12() throws Exception {
        String html = Files.readString(out.resolve("index.html"));
        int meta = html.indexOf("id=\"run-summary\"");
        int summary = html.indexOf("<section id=\"summary\">");
        int firstSection = html.indexOf("<section id=\"channel\">");
        assertThat(meta).isPositive();
        assertThat(summary).isGreaterThan(meta);
        assertThat(firstSection).isGreaterThan(summary);
        String head = html.substring(meta, summary);
        assertThat(head).contains("0.1.0-SNAPSHOT", "mosaic evaluate --out", " UTC", "channel mosaic-prototype: 0", "datapath emulations: 0");
        assertThat(head).containsPattern("commit</dt><dd>([0-9a-f]{12}(\\+uncommitted)?|unknown)</dd>");
        // every finding links to an element that exists
        var anchors = java.util.regex.Pattern.compile("class=\"evidence\" href=\"#([^\"]+)\"").matcher(html);
        int n = 0;
        while (anchors.find()) {
            assertThat(html).as("anchor " + anchors.group(1)).contains("id=\"" + anchors.group(1) + "\"");
            n++;
        }
        assertThat(n).isGreaterThanOrEqualTo(10);
    }

    @Test
    void summaryFindingsCarryTheComputedNumbers_issue12() throws Exception {
        JsonNode n = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        double reach = n.get("sections").get("channel").get("scenarios").get("mosaic-800g").get("result").get("reachMeters").asDouble();
        String html = Files.readString(out.resolve("index.html"));
        // the 800G cable's verdict follows its computed reach against its 50 m, with that reach in the text
        String line = html.lines().filter(l -> l.contains("mosaic-800g") && l.contains("close") && l.contains("class=\"evidence\""))
                .findFirst().orElseThrow();
        assertThat(line).contains(Output.meters(reach));
        assertThat(line).contains(reach >= 50 ? "class=\"holds\"" : "class=\"fails\"");
        assertThat(n.get("findings").size()).isGreaterThanOrEqualTo(10);
        assertThat(run.out()).startsWith("Findings (").contains("✗ mosaic-800g");
    }

    @Test
    void noNumberInTheReportIsARunOfZerosOrRawJavaNotation_issue12() throws Exception {
        String text = Files.readString(out.resolve("index.html")).replaceAll("(?s)<svg.*?</svg>", "");
        assertThat(text).doesNotContainPattern("0\\.0{8,}");
        assertThat(text).doesNotContainPattern("\\d\\.\\d*E-?\\d");
        assertThat(text).doesNotContainPattern("\\d\\.\\d*9{6,}\\d");
    }

    @Test
    void everyTableSitsInItsOwnScrollBox_issue12() throws Exception {
        String html = Files.readString(out.resolve("index.html"));
        int tables = html.split("<table>", -1).length - 1;
        assertThat(tables).isGreaterThan(20);
        assertThat(html.split("<div class=\"tbl\"><table>", -1).length - 1).isEqualTo(tables);
    }

    @Test
    void evaluateIsQuietOnStderrWhenNotATerminal_issue12() {
        assertThat(run.err()).isEmpty();
    }

    @Test
    void succeedsAndPrintsASummaryAndThePath() {
        assertThat(run.exit()).as(run.err()).isZero();
        for (String p : ScenarioDocument.presetNames()) {
            assertThat(run.out()).contains(p);
        }
        assertThat(run.out()).contains("median BER", "margin", "reach", "CTLE peaking", " dB", " m ",
                out.resolve("index.html").toString());
    }

    @Test
    void writesHtmlJsonAndCsv() throws Exception {
        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(out.resolve("results.json")).isRegularFile();
        assertThat(out.resolve("results.csv")).isRegularFile();
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("<svg", "Statistical eye", "Bathtub", "BER against fibre length", "Link budget",
                "Per-channel BER", "Monte Carlo", "assumed", "calibrated");
        assertThat(html).doesNotContain("<script", "<link", "src=\"http");
        // five channel charts per scenario; per cable its plan and reliability curve, and three comparison charts
        int cables = CompareCommand.cablePresets().size();
        assertThat(cables).isEqualTo(3);
        assertThat(html.split("<svg", -1).length - 1).as("charts")
                .isEqualTo(5 * ScenarioDocument.presetNames().size() + 2 * cables + 3 + 4 + 7 + 5 + 1 + 2); // + 4 datapath, 7 fleet, 5 training, 1 serving, 2 claims charts (intervals, tornadoes)
        assertThat(html).contains("Channel plan", "Power per end at 800G", "FIT per end", "Reach against lane rate",
                "Reliability over the service life", "MOSAIC's claims, recomputed");
        assertThat(html).contains("<section id=\"training\">", "<svg id='training-pipeline'", "Korthikanti", "Llama 3 reproduced");
        assertThat(html).contains("<section id=\"serving\">", "<svg id='serving-throughput'", "TPOT target");
        assertThat(run.out()).contains("best plan", "llama3-405b", "deepseek-v3-like", "ETTR");
        assertThat(out.resolve("training-plans.csv")).isRegularFile();
    }

    @Test
    void theCableSectionIsInTheNumbers() throws Exception {
        JsonNode n = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode cable = n.get("sections").get("cable");
        assertThat(cable.get("cables").get("mosaic-800g").get("plan").get("dataChannels").asInt()).isEqualTo(400);
        assertThat(cable.get("comparison800G").get("rows").size()).isGreaterThan(8);
        var lines = Files.readAllLines(out.resolve("results.csv"));
        assertThat(lines).anyMatch(l -> l.startsWith("cable,mosaic-800g,power per end, pluggable,") || l.startsWith("cable,mosaic-800g,\"power per end, pluggable\","));
    }

    @Test
    void jsonHoldsThePerChannelBerAndTheCurves() throws Exception {
        JsonNode n = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode proto = n.get("sections").get("channel").get("scenarios").get("mosaic-prototype");
        assertThat(proto.get("result").get("perChannelBer")).hasSize(100);
        assertThat(proto.get("berVsLength").get("curves")).hasSize(3);
        assertThat(proto.get("provenance").size()).isGreaterThan(10);
    }

    @Test
    void csvIsLongFormatWithUnits() throws Exception {
        var lines = Files.readAllLines(out.resolve("results.csv"));
        assertThat(lines.get(0)).isEqualTo("section,subject,quantity,value,unit");
        assertThat(lines).anyMatch(l -> l.startsWith("channel,mosaic-800g,reachMeters,") && l.endsWith(",m"));
    }

    @Test
    void anExistingReportSurvivesAFailedRun() throws Exception {
        Path copy = dir.resolve("kept");
        Files.createDirectories(copy);
        Files.writeString(copy.resolve(Report.MARKER), "x");
        Files.writeString(copy.resolve("index.html"), "the old report");
        Cli failed = Cli.run("evaluate", "--out", copy.toString(), "--set", "fiber.length=thirty metres");
        assertThat(failed.exit()).isEqualTo(2);
        assertThat(failed.err()).contains("fiber.length");
        assertThat(failed.noStackTrace()).isTrue();
        assertThat(Files.readString(copy.resolve("index.html"))).isEqualTo("the old report");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(f -> f.contains(".tmp-") || f.contains(".old-"));
        }
    }

    @Test
    void refusesToReplaceADirectoryThatIsNotAReport() throws Exception {
        Path other = dir.resolve("photos");
        Files.createDirectories(other);
        Files.writeString(other.resolve("cat.jpg"), "meow");
        Cli r = Cli.run("evaluate", "--out", other.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not a Mosaic report");
        assertThat(other.resolve("cat.jpg")).hasContent("meow");
    }
}
