package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.Documents.Kind;

/**
 * Issue 13's bar: for every shipped preset of every kind, {@code mosaic presets show NAME} written to a file and passed
 * back as a file to the command that reads that kind gives output identical to the preset's name. Kinds without
 * presets in this build have nothing to iterate; a kind that has presets but no row in {@link #READERS} fails.
 *
 * <p>What legitimately differs: the output names its source — "preset NAME" against the file's path — under the keys
 * in {@link #SOURCE_KEYS}; those are removed before comparing, and the file's output must not mention the path
 * anywhere else.
 */
class PresetRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a command reads a document of one kind: by preset name, by file, plus arguments that keep the run short. */
    record Reader(List<String> command, String presetFlag, String fileFlag, List<String> extra) {
    }

    /** Every kind, the command that reads it and the flags. One table: add the row when a kind gains presets. */
    static final Map<Kind, Reader> READERS = new EnumMap<>(Map.of(
            Kind.CHANNEL, new Reader(List.of("optics"), "--preset", "--scenario", List.of()),
            Kind.CABLE, new Reader(List.of("link"), "--preset", "--scenario", List.of()),
            Kind.CLUSTER, new Reader(List.of("fleet"), "--cluster", "--cluster", List.of()),
            Kind.SYSTEM, new Reader(List.of("train"), "--system", "--system", List.of("--model", "gpt3-175b", "--gpus", "64",
                    "--tp", "8", "--pp", "8", "--global-batch", "64", "--recompute", "selective")),   // selene states no job size
            Kind.GPU, new Reader(List.of("train"), "--gpu", "--gpu", List.of()),
            Kind.MODEL, new Reader(List.of("train"), "--model", "--model", List.of()),
            Kind.CAMPAIGN, new Reader(List.of("goodput"), "--campaign", "--campaign", List.of("--trials", "20")),
            Kind.CATALOG, new Reader(List.of("fleet"), "--catalog", "--catalog", List.of())));

    /** Output keys that name the document's source (a preset or a file), at any depth: they differ by design. */
    static final Set<String> SOURCE_KEYS = Set.of("scenario", "source",
            "technologyNotes");   // fleet --catalog: "catalog FILE|NAME adds/replaces ..." names where the entries came from

    @TempDir
    Path dir;

    @Test
    void everyKindThatShipsPresetsHasACommandThatReadsIt_issue13() {
        for (Kind k : Kind.values()) {
            if (!Documents.names(k).isEmpty()) {
                assertThat(READERS).as("kind " + k.id() + " ships presets " + Documents.names(k)
                        + " but the round-trip table has no command for it").containsKey(k);
            }
        }
        assertThat(Documents.names(Kind.CHANNEL)).isNotEmpty();
        assertThat(Documents.names(Kind.CABLE)).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> aPresetShownAndPassedBackAsAFileGivesTheSameAnswer_issue13() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Kind k : Kind.values()) {
            Reader reader = READERS.get(k);
            for (String name : Documents.names(k)) {
                if (reader != null) {
                    tests.add(DynamicTest.dynamicTest(k.id() + " " + name, () -> roundTrip(k, name, reader)));
                }
            }
        }
        return tests.stream();
    }

    private void roundTrip(Kind kind, String name, Reader r) throws Exception {
        Cli shown = Cli.run("presets", "show", name, "--kind", kind.id());
        assertThat(shown.exit()).as(shown.err()).isZero();
        Path file = dir.resolve(kind.id() + "-" + name + ".yaml");
        Files.writeString(file, shown.out());

        JsonNode byName = run(r, r.presetFlag(), name);
        JsonNode byFile = run(r, r.fileFlag(), file.toString());
        assertThat(byFile.toString()).as("the file's output names its path only under " + SOURCE_KEYS)
                .doesNotContain(file.toString());
        assertThat(byFile).as(kind.id() + " " + name + ": the file gives the preset's answer").isEqualTo(byName);
    }

    private static JsonNode run(Reader r, String flag, String value) throws Exception {
        List<String> args = new ArrayList<>(r.command());
        args.addAll(List.of(flag, value, "--format", "json"));
        args.addAll(r.extra());
        Cli c = Cli.run(args.toArray(String[]::new));
        assertThat(c.exit()).as(args + "\n" + c.err()).isZero();
        return withoutSource(JSON.readTree(c.out()));
    }

    private static JsonNode withoutSource(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            o.remove(SOURCE_KEYS);
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                withoutSource(it.next());
            }
        } else if (node.isArray()) {
            for (JsonNode e : node) {
                withoutSource(e);
            }
        }
        return node;
    }
}
