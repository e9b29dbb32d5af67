package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet command: the JSON keys the issue lists, --set of sizes, policy comparison, export, bad input. */
class FleetCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonHasTheFleetKeys() throws Exception {
        Cli c = Cli.run("fleet", "--preset", "h100-16k", "--policy", "today", "--format", "json");
        assertThat(c.exit()).as(c.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(c.out());
        for (String k : new String[] {"gpus", "switches", "cablesByTier", "onBoardLinks", "interconnectPowerWatts", "energyPerYearKwh", "costPerYearUsd",
            "linkFailuresPerDay", "meanHoursBetweenLinkFailures", "unservedCables", "racks", "kwPerRack"}) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.path("gpus").asLong()).isEqualTo(16_384);
        assertThat(j.path("unservedCables").asLong()).isZero();
        // failures per day and mean hours between them are the same rate: 24 / (failures per day)
        assertThat(j.path("meanHoursBetweenLinkFailures").asDouble())
                .isCloseTo(24 / j.path("linkFailuresPerDay").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-9));
    }

    @Test
    void sizesAreSettableAndTheFatTreeFormulaHolds() throws Exception {
        // 64-port switches, 3 tiers, 1:1: a full fat tree of 64^3/4 = 65,536 endpoints and 5 x 64^2/4 = 5,120 fabric switches
        Cli c = Cli.run("fleet", "--preset", "h100-16k", "--policy", "today", "--set", "gpus=65536", "--set", "fabric.radix=64",
                "--set", "fabric.tiers=3", "--set", "fabric.oversubscription=1", "--format", "json");
        assertThat(c.exit()).as(c.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(c.out());
        assertThat(j.path("gpus").asLong()).isEqualTo(65_536);
        assertThat(j.path("topologyLinks").path("gpu-leaf").asLong()).isEqualTo(65_536);
    }

    @Test
    void comparePoliciesAndExport() throws Exception {
        Path csv = dir.resolve("links.csv");
        Cli c = Cli.run("fleet", "--preset", "h100-16k", "--compare-policies", "--export", csv.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("today", "mosaic", "all-optical-laser", "vs today");
        var lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("edge,source,sourceKind,sourceRack,target").endsWith("lengthMeters,technology");
        assertThat(lines).hasSizeGreaterThan(1000);
        // no link gets a technology that does not reach: under `today` a 1.6T DAC (≈1.4 m reach) only on short cables
        for (String l : lines.subList(1, lines.size())) {
            String[] cells = l.split(",");
            if (cells[13].startsWith("dac")) {
                assertThat(Double.parseDouble(cells[12])).as(l).isLessThanOrEqualTo(3.5);
            }
        }
        Path gml = dir.resolve("cluster.graphml");
        Cli g = Cli.run("fleet", "--preset", "nvl72-rack", "--policy", "mosaic", "--export", gml.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        String xml = Files.readString(gml);
        assertThat(xml).contains("<graphml", "attr.name=\"lengthMeters\"", "attr.name=\"technology\"", "mosaic-pluggable");
        // NVL72: 72 GPUs + 9 switch trays as vertices
        assertThat(xml.split("<node ", -1).length - 1).isEqualTo(81);
    }

    @Test
    void badInputIsAUsageError() {
        for (String[] args : new String[][] {
            {"fleet", "--preset", "moon-base"}, {"fleet", "--policy", "cheapest"}, {"fleet", "--set", "fabric.radx=64"},
            {"fleet", "--set", "gpus=many"}, {"fleet", "--preset", "h100-16k", "--set", "fabric.radix=63"},
            {"fleet", "--preset", "h100-16k", "--set", "gpus=10000000"}, {"fleet", "--export", "links.txt"},
            {"fleet", "--preset", "nvl72-rack", "--set", "layout.rackPower=40kW"}}) {
            Cli c = Cli.run(args);
            assertThat(c.exit()).as(String.join(" ", args) + " -> " + c.err()).isEqualTo(Main.USAGE);
            assertThat(c.noStackTrace()).as(c.err()).isTrue();
        }
        assertThat(Cli.run("fleet", "--set", "fabric.radx=64").err()).contains("did you mean fabric.radix");
        assertThat(Cli.run("fleet", "--preset", "nvl72-rack", "--set", "layout.rackPower=40kW").err()).contains("40 kW");
    }

    @Test
    void aJobOnTheWholeClusterIsInterruptedByEveryLinkFailureAndASmallerJobLess() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode all = m.readTree(Cli.run("fleet", "--preset", "h100-16k", "--policy", "today", "--format", "json").out());
        assertThat(all.path("trainingJob").path("linkInterruptionsPerDay").asDouble())
                .isCloseTo(all.path("linkFailuresPerDay").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-9));
        JsonNode quarter = m.readTree(Cli.run("fleet", "--preset", "h100-16k", "--policy", "today", "--job-gpus", "4096",
                "--format", "json").out());
        double q = quarter.path("trainingJob").path("linkInterruptionsPerDay").asDouble();
        assertThat(q).isLessThan(all.path("linkFailuresPerDay").asDouble()).isGreaterThan(0.25 * all.path("linkFailuresPerDay").asDouble());
        assertThat(Cli.run("fleet", "--preset", "h100-16k", "--job-gpus", "0").exit()).isEqualTo(Main.USAGE);
    }

    @Test
    void userRulesPerTierAreFollowedWhereTheyReachAndUnknownIdsAreErrors() throws Exception {
        JsonNode j = new ObjectMapper().readTree(Cli.run("fleet", "--preset", "h100-16k", "--policy", "today",
                "--rule", "gpu-leaf=mosaic-pluggable", "--format", "json").out());
        assertThat(j.path("cablesByTier").path("gpu-leaf").has("mosaic-pluggable")).as(j.path("cablesByTier").toString()).isTrue();
        Cli bad = Cli.run("fleet", "--preset", "h100-16k", "--rule", "gpu-leaf=mosaic-plugable");
        assertThat(bad.exit()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("mosaic-plugable");
        assertThat(Cli.run("fleet", "--rule", "roof=dac-26awg").exit()).isEqualTo(Main.USAGE);
    }

    @Test
    void plotsThePolicyComparison() throws Exception {
        Path png = dir.resolve("policies.png");
        Cli c = Cli.run("fleet", "--preset", "h100-16k", "--compare-policies", "--plot", png.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(Files.size(png)).isGreaterThan(1000);
        assertThat(Cli.run("fleet", "--plot", dir.resolve("x.gif").toString()).exit()).isEqualTo(Main.USAGE);
    }

    // ---- issue 12: every input honoured or refused, every label true ----

    @Test
    void policyWithComparePoliciesIsRefused_issue12() {
        Cli c = Cli.run("fleet", "--policy", "today", "--compare-policies");
        assertThat(c.exit()).as(c.err()).isEqualTo(Main.USAGE);
        assertThat(c.err()).contains("--policy today", "--compare-policies", "hint");
        assertThat(c.noStackTrace()).isTrue();
    }

    @Test
    void setOverridesAreAppliedThenValidatedOnceInAnyOrder_issue12() throws Exception {
        // was: radix 64 first was checked against the preset's 100,000 GPUs and refused; gpus first was accepted
        ObjectMapper m = new ObjectMapper();
        Cli a = Cli.run("fleet", "--policy", "today", "--set", "fabric.radix=64", "--set", "gpus=65536", "--format", "json");
        Cli b = Cli.run("fleet", "--policy", "today", "--set", "gpus=65536", "--set", "fabric.radix=64", "--format", "json");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(m.readTree(a.out())).isEqualTo(m.readTree(b.out()));
        assertThat(m.readTree(a.out()).path("gpus").asLong()).isEqualTo(65_536);
        // a combination that does not fit is refused in either order, naming every value involved
        for (String[] order : new String[][] {{"fabric.radix=64", "gpus=70000"}, {"gpus=70000", "fabric.radix=64"}}) {
            Cli c = Cli.run("fleet", "--set", order[0], "--set", order[1]);
            assertThat(c.exit()).isEqualTo(Main.USAGE);
            assertThat(c.err()).contains("gpus=70000", "fabric.radix=64", "65536");
        }
        // tiers and oversubscription: the fabric is built once from both
        Cli t = Cli.run("fleet", "--preset", "h100-16k", "--policy", "today", "--set", "fabric.oversubscription=2", "--set", "fabric.tiers=2",
                "--format", "json");
        Cli u = Cli.run("fleet", "--preset", "h100-16k", "--policy", "today", "--set", "fabric.tiers=2", "--set", "fabric.oversubscription=2",
                "--format", "json");
        assertThat(t.exit()).as(t.err()).isEqualTo(u.exit());
        assertThat(t.out()).isEqualTo(u.out());
        Cli twice = Cli.run("fleet", "--set", "gpus=1000", "--set", "gpus=2000");
        assertThat(twice.exit()).isEqualTo(Main.USAGE);
        assertThat(twice.err()).contains("gpus", "twice", "1000", "2000");
    }

    @Test
    void rulesThatWouldDoNothingAreRefused_issue12() {
        Cli onBoard = Cli.run("fleet", "--preset", "h100-16k", "--rule", "scale-up=mosaic-pluggable");
        assertThat(onBoard.exit()).isEqualTo(Main.USAGE);
        assertThat(onBoard.err()).contains("scale-up", "baseboard", "not cables");
        Cli noTier = Cli.run("fleet", "--preset", "nvl72-rack", "--rule", "leaf-spine=dsp-dr8");
        assertThat(noTier.exit()).isEqualTo(Main.USAGE);
        assertThat(noTier.err()).contains("no leaf-spine tier", "scale-up");
    }

    @Test
    void onBoardNvlinkIsNoCableUnderAnyPolicy_issue12() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode j = m.readTree(Cli.run("fleet", "--preset", "h100-16k", "--compare-policies", "--format", "json").out());
        for (JsonNode p : j.path("policies")) {
            assertThat(p.path("cablesByTier").has("scale-up")).as(p.path("policy").asText()).isFalse();
            assertThat(p.path("onBoardLinks").asLong()).isEqualTo(16_384L * 18);
        }
        Path csv = dir.resolve("h100.csv");
        assertThat(Cli.run("fleet", "--preset", "h100-16k", "--policy", "mosaic", "--export", csv.toString()).exit()).isZero();
        for (String l : Files.readAllLines(csv).subList(1, 100)) {
            if (l.contains(",scale-up,")) {
                assertThat(l).endsWith(",on-board-trace");
            }
        }
        String table = Cli.run("fleet", "--preset", "h100-16k", "--policy", "mosaic").out();
        assertThat(table).contains("on-board", "not cables");
    }

    @Test
    void labelsSayWhatTheyCount_issue12() {
        Cli c = Cli.run("fleet", "--compare-policies");
        assertThat(c.exit()).as(c.err()).isZero();
        // the cluster in words, not "NVL72 x 100000 GPUs"
        assertThat(c.out()).contains("100,000 GPUs in 1,389 NVL72 domains of 72 GPUs").doesNotContain("NVL72 x");
        // links (topology) and cables (what a technology serves) named apart, each said what it counts
        assertThat(c.out()).contains(">links".substring(1), "cables", "links: topology links", "cables: what a policy gives a technology",
                "cables by technology", "cable failures/day");
        // no negative savings: "-0.857 fewer" is "0.857 more"
        assertThat(c.out()).doesNotContainPattern("-[0-9.,]+ fewer").doesNotContain("$-").doesNotContainPattern(": -[0-9]");
        assertThat(c.out()).containsPattern("mosaic vs today: uses [0-9.]+ MW more interconnect power")
                .containsPattern("[0-9.]+ more cable failures/day");
    }

    @Test
    void jobGpusIsHonouredInCsv_issue12() {
        Cli c = Cli.run("fleet", "--preset", "h100-16k", "--policy", "today", "--job-gpus", "4096", "--format", "csv");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("trainingJob.gpus", "4096");
    }
}
