package org.mosaic.app;

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
}
