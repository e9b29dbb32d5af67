package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.core.scenario.Documents;

/**
 * Clusters as documents (issue 13): a shipped cluster written to a file and passed back gives the same answer as its
 * name (fleet, train, goodput); unknown keys at any depth are refused with the closest known key; every --set is a
 * path of the document, applied all at once, so their order never changes the answer.
 */
class ClusterDocumentCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path written(String name) throws IOException {
        Path f = dir.resolve("my-" + name + ".yaml");
        Files.writeString(f, Documents.preset(Documents.Kind.CLUSTER, name).toYaml(), StandardCharsets.UTF_8);
        return f;
    }

    private static JsonNode json(Cli c) throws IOException {
        assertThat(c.exit()).as(c.err()).isZero();
        return JSON.readTree(c.out());
    }

    @Test
    void aClusterFileGivesTheSameFleetAnswerAsItsPreset_issue13() throws IOException {
        for (String name : Documents.names(Documents.Kind.CLUSTER)) {
            JsonNode byName = json(Cli.run("fleet", "--cluster", name, "--compare-policies", "--format", "json"));
            JsonNode byFile = json(Cli.run("fleet", "--cluster", written(name).toString(), "--compare-policies", "--format", "json"));
            assertThat(byFile).as(name).isEqualTo(byName);
        }
        assertThat(Documents.names(Documents.Kind.CLUSTER)).containsExactly("nvl72-rack", "h100-16k", "cluster-100k");
    }

    @Test
    void aClusterFileGivesTheSameTrainAndGoodputAnswerAsItsPreset_issue13() throws IOException {
        String file = written("h100-16k").toString();
        assertThat(json(Cli.run("train", "--cluster", file, "--policy", "today", "--format", "json")))
                .isEqualTo(json(Cli.run("train", "--cluster", "h100-16k", "--policy", "today", "--format", "json")));
        String[] goodput = {"--policy", "today,mosaic", "--trials", "4", "--days", "5", "--format", "json"};
        assertThat(json(Cli.run(concat(new String[] {"goodput", "--cluster", file}, goodput))))
                .isEqualTo(json(Cli.run(concat(new String[] {"goodput", "--cluster", "h100-16k"}, goodput))));
    }

    @Test
    void anEditedClusterFileChangesTheAnswerByItsEdit_issue13() throws IOException {
        // the file is honoured, not just parsed: a higher PUE raises the facility energy by exactly its ratio
        Path f = dir.resolve("pue.yaml");
        Files.writeString(f, Documents.preset(Documents.Kind.CLUSTER, "h100-16k").with("economics.pue", "1.5").toYaml());
        JsonNode base = json(Cli.run("fleet", "--cluster", "h100-16k", "--policy", "today", "--format", "json"));
        JsonNode edited = json(Cli.run("fleet", "--cluster", f.toString(), "--policy", "today", "--format", "json"));
        assertThat(edited.path("energyPerYearKwh").asDouble() / base.path("energyPerYearKwh").asDouble())
                .isCloseTo(1.5 / 1.2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(edited.path("interconnectPowerWatts")).isEqualTo(base.path("interconnectPowerWatts"));
    }

    @Test
    void unknownClusterKeysAtAnyDepthAreRefusedWithTheClosestKey_issue13() throws IOException {
        String yaml = Documents.preset(Documents.Kind.CLUSTER, "nvl72-rack").toYaml();
        String[][] cases = {
            {"\ngpus: 72", "\ngpuz: 72", "gpuz", "did you mean gpus"},
            {"  aisleWidth:", "  aisleWidht:", "layout.floor.aisleWidht", "did you mean layout.floor.aisleWidth"},
            {"  onBoard: false", "  onBord: false", "scaleUp.onBord", "did you mean scaleUp.onBoard"},
        };
        for (String[] c : cases) {
            assertThat(yaml).contains(c[0]);
            Path f = dir.resolve(c[2] + ".yaml");
            Files.writeString(f, yaml.replace(c[0], c[1]));
            for (String command : List.of("fleet", "train", "goodput")) {
                Cli r = Cli.run(command, "--cluster", f.toString());
                assertThat(r.exit()).as(command + " " + c[2] + ": " + r.err()).isEqualTo(Main.USAGE);
                assertThat(r.err()).as(command).contains(c[2], c[3]);
                assertThat(r.noStackTrace()).isTrue();
            }
        }
        // and through --set, at the top level and in depth
        Cli top = Cli.run("fleet", "--set", "gpu_count=10");
        assertThat(top.exit()).isEqualTo(Main.USAGE);
        assertThat(top.err()).contains("gpu_count", "unknown key");
        Cli deep = Cli.run("fleet", "--set", "layout.equipment.gpuPowr=1 kW");
        assertThat(deep.exit()).isEqualTo(Main.USAGE);
        assertThat(deep.err()).contains("layout.equipment.gpuPowr", "did you mean layout.equipment.gpuPower");
    }

    @Test
    void theOldPresetFlagIsAHiddenAliasOfCluster_issue13() throws IOException {
        assertThat(json(Cli.run("fleet", "--preset", "nvl72-rack", "--policy", "today", "--format", "json")))
                .isEqualTo(json(Cli.run("fleet", "--cluster", "nvl72-rack", "--policy", "today", "--format", "json")));
        Cli both = Cli.run("fleet", "--preset", "nvl72-rack", "--cluster", "h100-16k");
        assertThat(both.exit()).isEqualTo(Main.USAGE);
        assertThat(both.err()).contains("--cluster h100-16k", "--preset nvl72-rack", "hint");
        assertThat(Cli.run("fleet", "--help").out()).contains("--cluster").doesNotContain("--preset");
    }

    @Test
    void aScaleUpLaneRateNoHostRunsIsAUsageErrorNamingTheKey_issue13() {
        // every key of the document is reachable by --set, so a value the fleet model cannot carry is a user mistake (exit 2)
        Cli c = Cli.run("fleet", "--cluster", "nvl72-rack", "--set", "scaleUp.laneRate=112 Gb/s");
        assertThat(c.exit()).as(c.err()).isEqualTo(Main.USAGE);
        assertThat(c.err()).contains("112", "scaleUp.laneRate");
        assertThat(c.noStackTrace()).isTrue();
    }

    /** Overrides of every section (sizes, fabric, layout, cabling, economics) that together make a valid cluster. */
    private static final List<String> OVERRIDES = List.of("gpus=2048", "fabric.tiers=2", "fabric.oversubscription=2",
            "layout.rackPower=30 kW", "layout.floor.racksPerRow=16", "layout.cabling.slackFraction=20 %", "economics.pue=1.3",
            "economics.usdPerKwh=0.1", "scaleUp.laneRate=200 Gb/s");

    private static String expected;

    @Property(tries = 8)
    void anyOrderOfFleetOverridesGivesTheSameJson_issue13(@ForAll("orders") List<String> order) {
        List<String> args = new ArrayList<>(List.of("fleet", "--cluster", "h100-16k", "--policy", "today", "--format", "json"));
        for (String o : order) {
            args.add("--set");
            args.add(o);
        }
        Cli c = Cli.run(args.toArray(String[]::new));
        assertThat(c.exit()).as(c.err()).isZero();
        synchronized (ClusterDocumentCommandTest.class) {
            if (expected == null) {
                Cli first = Cli.run(concat(new String[] {"fleet", "--cluster", "h100-16k", "--policy", "today", "--format", "json"},
                        OVERRIDES.stream().flatMap(o -> java.util.stream.Stream.of("--set", o)).toArray(String[]::new)));
                assertThat(first.exit()).as(first.err()).isZero();
                expected = first.out();
            }
        }
        assertThat(c.out()).isEqualTo(expected);
        assertThat(c.out()).contains("\"gpus\" : 2048");
    }

    @Provide
    Arbitrary<List<String>> orders() {
        return Arbitraries.shuffle(OVERRIDES);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
