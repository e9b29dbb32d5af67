package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden JSON (issue 14): every command over the shipped presets prints the JSON captured before the studies
 * refactor, key for key and value for value. The cases are in {@code src/test/resources/golden/invocations.txt}.
 * A change of value is a change of the model or a bug fix: regenerate with {@code -Dgolden.update=true} and list
 * the change in the commit.
 *
 * <p>Numbers are compared to 1e-12 relative: moving a computation may reorder a floating-point sum (a few ulps),
 * which is no change of the answer; anything larger is.
 */
class GoldenJsonTest {
    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("invocations.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|", 2);
            out.add(Arguments.of(parts[0].trim(), parts[1].trim()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void commandPrintsTheGoldenJson(String name, String args) throws IOException {
        List<String> argv = new ArrayList<>(Arrays.asList(args.split("\\s+")));
        argv.add("--format");
        argv.add("json");
        Cli run = Cli.run(argv.toArray(String[]::new));
        assertThat(run.exit()).as("exit of %s: %s", args, run.err()).isZero();
        Path golden = DIR.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, run.out(), StandardCharsets.UTF_8);
            return;
        }
        JsonNode expected = MAPPER.readTree(Files.readString(golden, StandardCharsets.UTF_8));
        JsonNode actual = MAPPER.readTree(run.out());
        List<String> diffs = new ArrayList<>();
        diff("$", expected, actual, diffs);
        assertThat(diffs).as("%s differs from %s", args, golden).isEmpty();
    }

    /**
     * The report's results.json (every section's numbers and the findings) over the shipped presets, as captured
     * before the refactor; the run block (version, commit, date, command) is left out. Kept gzipped (1.5 MB of JSON).
     */
    @org.junit.jupiter.api.Test
    void reportResultsAreTheGoldenResults() throws IOException {
        JsonNode actual = MAPPER.readTree(EvaluatedReport.dir().resolve("results.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) actual).remove("run");
        Path golden = DIR.resolve("evaluate-results.json.gz");
        if (Boolean.getBoolean("golden.update")) {
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(golden))) {
                MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, actual);
            }
            return;
        }
        JsonNode expected;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(golden))) {
            expected = MAPPER.readTree(in);
        }
        List<String> diffs = new ArrayList<>();
        diff("$", expected, actual, diffs);
        assertThat(diffs).as("results.json differs from %s", golden).isEmpty();
    }

    /** Every difference between two JSON trees, by path (at most 20). */
    static void diff(String path, JsonNode e, JsonNode a, List<String> diffs) {
        if (diffs.size() >= 20) {
            return;
        }
        if (e.isNumber() && a.isNumber()) {
            double x = e.doubleValue();
            double y = a.doubleValue();
            if (x != y && Math.abs(x - y) > 1e-12 * Math.max(Math.abs(x), Math.abs(y))) {
                diffs.add(path + ": " + e + " -> " + a);
            }
        } else if (e.isObject() && a.isObject()) {
            List<String> ek = new ArrayList<>();
            e.fieldNames().forEachRemaining(ek::add);
            List<String> ak = new ArrayList<>();
            a.fieldNames().forEachRemaining(ak::add);
            if (!ek.equals(ak)) {
                diffs.add(path + ": keys " + ek + " -> " + ak);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (a.has(f.getKey())) {
                    diff(path + "." + f.getKey(), f.getValue(), a.get(f.getKey()), diffs);
                }
            }
        } else if (e.isArray() && a.isArray()) {
            if (e.size() != a.size()) {
                diffs.add(path + ": " + e.size() + " elements -> " + a.size());
            }
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                diff(path + "[" + i + "]", e.get(i), a.get(i), diffs);
            }
        } else if (!e.equals(a)) {
            diffs.add(path + ": " + abbreviate(e) + " -> " + abbreviate(a));
        }
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
