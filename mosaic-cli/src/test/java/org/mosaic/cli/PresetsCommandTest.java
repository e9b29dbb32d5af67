package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;

/** Issue 13: {@code mosaic presets} lists what ships of every kind and prints a preset as shipped; kinds are checked. */
class PresetsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theListNamesEveryShippedDocumentWithItsKind_issue13() throws Exception {
        Cli c = Cli.run("presets", "--format", "json");
        assertThat(c.exit()).as(c.err()).isZero();
        JsonNode list = JSON.readTree(c.out());
        List<String> listed = new ArrayList<>();
        for (JsonNode e : list) {
            listed.add(e.path("kind").asText() + "/" + e.path("name").asText());
            assertThat(e.path("description").asText()).as(e.toString()).isNotBlank().doesNotContain("\n");
        }
        List<String> shipped = new ArrayList<>();
        for (Documents.Kind k : Documents.Kind.values()) {
            for (String n : Documents.names(k)) {
                shipped.add(k.id() + "/" + n);
            }
        }
        assertThat(listed).containsExactlyElementsOf(shipped)
                .contains("channel/mosaic-prototype", "cable/mosaic-800g", "cable/avicena-like", "cable/smartsens-unisoc");
    }

    @Test
    void theTableShowsKindNameAndAOneLineDescription_andOneKindFilters_issue13() {
        Cli all = Cli.run("presets");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out()).contains("kind", "name", "description", "presets show NAME")
                .containsPattern("channel +mosaic-prototype").containsPattern("cable +mosaic-800g");
        // a description's first sentence does not end inside a citation ("Korthikanti et al. 2022")
        assertThat(all.out()).doesNotContainPattern("et al\\.\\s*\n");
        Cli cables = Cli.run("presets", "cable");
        assertThat(cables.exit()).as(cables.err()).isZero();
        assertThat(cables.out()).contains("mosaic-800g", "avicena-like").doesNotContain("mosaic-prototype");
        for (String line : cables.out().split("\n")) {
            assertThat(line.length()).as(line).isLessThan(200);
        }
    }

    @Test
    void anUnknownKindIsRefusedWithTheClosest_issue13() {
        Cli c = Cli.run("presets", "cables");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("\"cables\"", "expected one of channel, cable", "did you mean cable?");
        assertThat(c.noStackTrace()).isTrue();
    }

    @Test
    void showPrintsThePresetExactlyAsShipped_commentsIncluded_issue13() throws Exception {
        for (String name : List.of("mosaic-prototype", "mosaic-800g")) {
            Cli c = Cli.run("presets", "show", name);
            assertThat(c.exit()).as(c.err()).isZero();
            String shipped;
            try (InputStream in = getClass().getResourceAsStream("/presets/" + name + ".yaml")) {
                shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(c.out()).isEqualTo(shipped);
        }
        assertThat(Cli.run("presets", "show", "mosaic-800g").out()).contains("kind: cable", "provenance:");
    }

    @Test
    void showOfAnUnknownNameGivesTheClosest_issue13() {
        Cli c = Cli.run("presets", "show", "mosaic-80g");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("\"mosaic-80g\"", "did you mean mosaic-800g?");
        assertThat(c.out()).isEmpty();
        Cli wrongKind = Cli.run("presets", "show", "mosaic-800g", "--kind", "channel");
        assertThat(wrongKind.exit()).isEqualTo(2);
        assertThat(wrongKind.err()).contains("unknown channel preset \"mosaic-800g\"", "--kind cable");
        assertThat(Cli.run("presets", "show", "mosaic-800g", "--kind", "cable").exit()).isZero();
    }

    @Test
    void aNameTwoKindsShipNeedsKind_issue13() {
        Map<Documents.Kind, List<String>> shipped = Map.of(Documents.Kind.SYSTEM, List.of("selene"),
                Documents.Kind.CLUSTER, List.of("selene", "h100-16k"));
        java.util.function.Function<Documents.Kind, List<String>> names = k -> shipped.getOrDefault(k, List.of());
        assertThatThrownBy(() -> PresetsCommand.resolve("selene", null, names))
                .hasMessageContaining("system and cluster").hasMessageContaining("--kind");
        assertThat(PresetsCommand.resolve("selene", "cluster", names)).isEqualTo(Documents.Kind.CLUSTER);
        assertThat(PresetsCommand.resolve("h100-16k", null, names)).isEqualTo(Documents.Kind.CLUSTER);
    }

    @Test
    void aDocumentOfAnotherKindIsRefusedByTheScenarioCommands_issue13() throws Exception {
        Path gpu = dir.resolve("my-gpu.yaml");
        Files.writeString(gpu, "formatVersion: 1\nkind: gpu\nname: mine\n");
        for (List<String> args : List.of(List.of("optics"), List.of("link"), List.of("emulate", "--ber", "1e-4"),
                List.of("optics", "fit", "--measured", Path.of("..", "docs", "examples", "lab.csv").toString(), "--free", "led.averagePower"))) {
            List<String> a = new ArrayList<>(args);
            a.addAll(List.of("--scenario", gpu.toString()));
            Cli c = Cli.run(a.toArray(String[]::new));
            assertThat(c.exit()).as(a + "\n" + c.err()).isEqualTo(2);
            assertThat(c.err()).as(a.toString()).contains("kind gpu").contains("presets");
            assertThat(c.noStackTrace()).isTrue();
        }
        Path bogus = dir.resolve("bogus.yaml");
        Files.writeString(bogus, "formatVersion: 1\nkind: cabel\nname: mine\n");
        Cli c = Cli.run("link", "--scenario", bogus.toString());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("\"cabel\"", "did you mean cable?");
    }

    @Test
    void compareTakesACableFileWhereItTakesAPresetName_andRefusesAnotherKind_issue13() throws Exception {
        Path cable = dir.resolve("my-800g.yaml");
        Files.writeString(cable, Cli.run("presets", "show", "mosaic-800g").out());
        Cli byName = Cli.run("compare", "--preset", "mosaic-800g", "--format", "json");
        Cli byFile = Cli.run("compare", "--preset", cable.toString(), "--format", "json");
        assertThat(byFile.exit()).as(byFile.err()).isZero();
        assertThat(JSON.readTree(byFile.out())).isEqualTo(JSON.readTree(byName.out()));
        Path gpu = dir.resolve("gpu.yaml");
        Files.writeString(gpu, "formatVersion: 1\nkind: gpu\nname: mine\n");
        Cli other = Cli.run("compare", "--preset", gpu.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("kind gpu", "cable");
    }

    @Test
    void aStatedKindMustAgreeWithTheHostSection_andKindCannotBeSetToAnother_issue13() throws Exception {
        String cable = Documents.presetText(Documents.Kind.CABLE, "mosaic-800g");
        Path asChannel = dir.resolve("as-channel.yaml");
        Files.writeString(asChannel, cable.replace("kind: cable", "kind: channel"));
        Cli c = Cli.run("link", "--scenario", asChannel.toString());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("kind", "\"channel\"", "host section");
        Cli noHost = Cli.run("optics", "--set", "kind=cable");
        assertThat(noHost.exit()).isEqualTo(2);
        assertThat(noHost.err()).contains("kind", "host section");
        Cli other = Cli.run("optics", "--set", "kind=gpu");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("\"gpu\"", "channel, cable");
    }

    @Test
    void aFileWithoutKindIsStillAcceptedWithItsKindInferred_issue13() throws Exception {
        String text = Documents.presetText(Documents.Kind.CABLE, "mosaic-800g").replace("kind: cable\n", "");
        assertThat(text).doesNotContain("kind:");
        Path f = dir.resolve("no-kind.yaml");
        Files.writeString(f, text);
        assertThat(Documents.kindOf(ScenarioDocument.file(f))).isEqualTo(Documents.Kind.CABLE);
        Cli c = Cli.run("link", "--scenario", f.toString(), "--format", "json");
        assertThat(c.exit()).as(c.err()).isZero();
        JsonNode withKind = JSON.readTree(Cli.run("link", "--format", "json").out());
        JsonNode without = JSON.readTree(c.out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) withKind).remove("scenario");
        ((com.fasterxml.jackson.databind.node.ObjectNode) without).remove("scenario");
        assertThat(without).isEqualTo(withKind);
    }

    @Test
    void everyShippedScenarioPresetStatesItsKind_issue13() {
        for (String n : ScenarioDocument.presetNames()) {
            ScenarioDocument doc = ScenarioDocument.preset(n);
            assertThat(doc.tree().path("kind").asText()).as(n).isEqualTo(doc.tree().has("host") ? "cable" : "channel");
        }
    }
}
