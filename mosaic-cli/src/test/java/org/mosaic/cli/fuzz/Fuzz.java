package org.mosaic.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.mosaic.cli.Main;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import picocli.CommandLine;

/**
 * The fuzz tests' harness: runs a command line in-process through {@link Main#execute} with captured streams and a
 * time bound, and judges the outcome by the project's rule — exit 2 with a message on stderr naming the offending
 * input, or exit 0 with the input visibly honoured; never exit 0 with the input ignored, never exit 1, never a stack
 * trace or an OutOfMemoryError, never unbounded time. Also the generators shared by the per-command fuzz tests.
 */
final class Fuzz {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Per generated case: generous, since seven builds share two cores; a case that hangs fails here. */
    static final long TIMEOUT_SECONDS = 60;
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-case");
        t.setDaemon(true);
        return t;
    });

    private Fuzz() {
    }

    /** One run of the command line. */
    record Run(List<String> args, int exit, String out, String err) {
        String line() {
            return "mosaic " + String.join(" ", args.stream().map(a -> a.contains(" ") || a.isEmpty() ? "'" + a + "'" : a).toList());
        }

        String describe() {
            return line() + "\n  exit " + exit + "\n  stderr: " + err.strip() + "\n  stdout: " + abbreviate(out.strip(), 400);
        }

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("exit 0 but stdout is not JSON: " + describe(), e);
            }
        }
    }

    static Run run(String... args) {
        return run(List.of(args));
    }

    static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Future<Integer> f = RUNNER.submit(() -> Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new)));
        try {
            int code = f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Run(List.copyOf(args), code, out.toString(), err.toString());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("no answer within " + TIMEOUT_SECONDS + " s (unbounded work?): mosaic " + String.join(" ", args));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("escaped Main.execute: " + e.getCause() + " for mosaic " + String.join(" ", args), e.getCause());
        }
    }

    /**
     * Runs the command line in a separate JVM, killed after {@code seconds}: for a case that may start unbounded work
     * (an in-process thread could not be stopped and would take the cores from the rest of the suite).
     */
    static Run runIsolated(int seconds, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("fuzz-out", ".txt");
            Path err = Files.createTempFile("fuzz-err", ".txt");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try {
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new AssertionError("no answer within " + seconds + " s (work not bounded before it starts?): mosaic "
                            + String.join(" ", args) + "\n  stderr so far: " + abbreviate(Files.readString(err), 400));
                }
                return new Run(List.of(args), p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                p.destroyForcibly();
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Never exit 1, never a stack trace, never an OutOfMemoryError; exit 2 always says something on stderr. */
    static void clean(Run r) {
        String all = r.out + r.err;
        assertThat(r.exit).as("exit code 1 is for failures of the program, not bad input: %s", r.describe()).isNotEqualTo(1);
        assertThat(r.exit).as("exit code: %s", r.describe()).isIn(0, 2);
        assertThat(all).as("a stack trace: %s", r.describe()).doesNotContain("\tat ", "\n\tat");
        assertThat(all).as("a Java exception leaked: %s", r.describe())
                .doesNotContainPattern("(java|javax|com\\.fasterxml|org\\.yaml|picocli)\\.[a-zA-Z.]*(Exception|Error)")
                .doesNotContain("OutOfMemoryError", "NullPointerException", "IllegalStateException", "IllegalArgumentException",
                        "NumberFormatException", "ArithmeticException", "IndexOutOfBounds", "ClassCastException");
        if (r.exit == 2) {
            assertThat(r.err.strip()).as("exit 2 without a message: %s", r.describe()).isNotEmpty();
        }
    }

    /** Exit 2, naming one of {@code names} (case-insensitive) on stderr, and nothing on stdout. */
    static void refused(Run r, String... names) {
        clean(r);
        assertThat(r.exit).as("expected a refusal (exit 2) naming %s: %s", Arrays.toString(names), r.describe()).isEqualTo(2);
        assertNames(r, names);
    }

    /** Exit 2 naming one of {@code names}, or exit 0 with {@code honoured} true of the run. */
    static void refusedOrHonoured(Run r, Predicate<Run> honoured, String... names) {
        clean(r);
        if (r.exit == 2) {
            assertNames(r, names);
        } else {
            assertThat(honoured.test(r)).as("exit 0 but the input %s was not honoured: %s", Arrays.toString(names), r.describe()).isTrue();
        }
    }

    private static void assertNames(Run r, String... names) {
        String err = r.err.toLowerCase(Locale.ROOT);
        boolean named = Arrays.stream(names).anyMatch(n -> err.contains(n.toLowerCase(Locale.ROOT)));
        if (!named) {
            fail("the refusal does not name the input (any of " + Arrays.toString(names) + "): " + r.describe());
        }
    }

    static boolean close(double actual, double expected) {
        return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-300);
    }

    static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "…";
    }

    // ---- generators ----

    /** A misspelling of one of {@code names} that is not itself one of them: a dropped, doubled, swapped or changed letter. */
    static Arbitrary<String> misspelling(Set<String> names) {
        List<String> list = new ArrayList<>(new TreeSet<>(names));
        return Combinators.combine(Arbitraries.of(list), Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 10_000),
                Arbitraries.chars().range('a', 'z')).as((name, op, at, c) -> {
                    int prefix = name.startsWith("--") ? 2 : 0;  // keep an option's dashes: it is an option, misspelt
                    int i = prefix + at % Math.max(1, name.length() - prefix);
                    String s = switch (op) {
                        case 0 -> name.length() - prefix > 2 ? name.substring(0, i) + name.substring(i + 1) : name + c;
                        case 1 -> name.substring(0, i) + name.charAt(i) + name.substring(i);
                        case 2 -> i + 1 < name.length() ? name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2)
                                : name + c;
                        default -> name.substring(0, i) + c + name.substring(i + 1);
                    };
                    return s;
                }).filter(s -> !names.contains(s) && !s.endsWith(".") && !s.contains("..") && !s.startsWith(".") && s.length() > 1
                        && names.stream().noneMatch(n -> n.equalsIgnoreCase(s)));
    }

    /** A key that no scenario knows: a new name at the top, under a real section, or below a real leaf. */
    static Arbitrary<String> unknownKey(Set<String> known) {
        List<String> leaves = new ArrayList<>(new TreeSet<>(known));
        List<String> sections = leaves.stream().filter(k -> k.contains(".")).map(k -> k.substring(0, k.lastIndexOf('.'))).distinct().sorted().toList();
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(9).map(w -> "zz" + w);
        Arbitrary<String> top = word;
        Arbitrary<String> underSection = Combinators.combine(Arbitraries.of(sections.isEmpty() ? List.of("zzsec") : sections), word)
                .as((s, w) -> s + "." + w);
        Arbitrary<String> belowLeaf = Combinators.combine(Arbitraries.of(leaves), word).as((l, w) -> l + "." + w);
        Arbitrary<String> deep = Combinators.combine(word, word, word).as((a, b, c) -> a + "." + b + "." + c);
        return Arbitraries.oneOf(top, underSection, belowLeaf, deep).filter(k -> !known.contains(k));
    }

    /** Every leaf key of a preset, dotted. */
    static Set<String> presetKeys(String preset) {
        List<String> out = new ArrayList<>();
        SpecReader.collectLeaves(ScenarioDocument.preset(preset).tree(), "", out);
        Set<String> keys = new TreeSet<>(out);
        keys.removeIf(k -> k.startsWith("provenance") || k.equals("description") || k.equals("name"));
        return keys;
    }

    /** The leaves of a preset whose value is a quantity with a unit, with that value. */
    static List<String[]> quantityLeaves(String preset) {
        List<String[]> out = new ArrayList<>();
        var tree = ScenarioDocument.preset(preset).tree();
        for (String k : presetKeys(preset)) {
            JsonNode v = tree.at("/" + k.replace('.', '/'));
            if (v.isTextual() && v.asText().matches("[-+]?[0-9.]+(e[-+]?[0-9]+)?\\s*[A-Za-zµ/*()]+.*") && !dimensions(v.asText()).isEmpty()) {
                out.add(new String[] {k, v.asText()});
            }
        }
        return out;
    }

    /** The dimensions that accept {@code value}. */
    static List<Dimension> dimensions(String value) {
        List<Dimension> ds = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            if (d == Dimension.DIMENSIONLESS) {
                continue;
            }
            try {
                Quantities.parse(value, d);
                ds.add(d);
            } catch (RuntimeException e) {
                // not this one
            }
        }
        return ds;
    }

    /** A value that is wrong for a quantity key whose preset value is {@code value}: bare, wrong unit, not finite, garbage. */
    static Arbitrary<String> badQuantity(String value) {
        String number = value.replaceAll("^([-+]?[0-9.]+(e[-+]?[0-9]+)?).*$", "$1");
        List<Dimension> own = dimensions(value);
        List<String> wrongUnits = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            if (d != Dimension.DIMENSIONLESS && d != Dimension.FRACTION && dimensions(d.example()).stream().noneMatch(own::contains)) {
                wrongUnits.add(number + " " + d.example().substring(d.example().indexOf(' ') + 1));
            }
        }
        return Arbitraries.oneOf(
                Arbitraries.just(number),                                           // a bare number where a unit is expected
                Arbitraries.of(wrongUnits),                                         // a unit of another dimension
                Arbitraries.of("NaN " + unit(value), "Infinity " + unit(value), "1e999 " + unit(value), "", "abc", "30 furlongs",
                        number + " " + unit(value) + " " + unit(value), "--" + number));
    }

    static String unit(String value) {
        return value.replaceAll("^[-+]?[0-9.]+(e[-+]?[0-9]+)?\\s*", "");
    }

    /** The long option names of a command (and its inherited ones). */
    static Set<String> optionNames(String... command) {
        CommandLine cl = new CommandLine(new Main());
        for (String c : command) {
            cl = cl.getSubcommands().get(c);
        }
        Set<String> names = new TreeSet<>();
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            for (String n : o.names()) {
                if (n.startsWith("--")) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    // ---- scenario documents ----

    /** The YAML of a preset, as shipped. */
    static String presetYaml(String preset) {
        String yaml = ScenarioDocument.preset(preset).toYaml();
        return yaml.startsWith("---\n") ? yaml.substring(4) : yaml;
    }

    /**
     * Malformed variants of a scenario document: syntax errors, duplicate keys, wrong types, wrong kind or format
     * version, empty; each with the words a refusal must name (any of them).
     */
    static Arbitrary<Malformed> malformed(String preset) {
        String yaml = presetYaml(preset);
        List<String> keys = new ArrayList<>(quantityLeaves(preset).stream().map(l -> l[0]).toList());
        String json = ScenarioDocument.preset(preset).tree().toString();
        Arbitrary<Malformed> fixed = Arbitraries.of(
                new Malformed("yaml", yaml.replaceFirst("formatVersion: 1", "formatVersion: 2"), "formatVersion"),
                new Malformed("yaml", yaml.replaceFirst("formatVersion: 1", "formatVersion: one"), "formatVersion"),
                new Malformed("yaml", yaml.replaceFirst("formatVersion: 1\n", ""), "formatVersion"),
                new Malformed("yaml", "kind: fleet\n" + yaml, "kind"),
                new Malformed("yaml", "", "empty", "formatVersion", "scenario"),
                new Malformed("yaml", "- 1\n- 2\n", "formatVersion", "mapping", "scenario"),
                new Malformed("yaml", yaml + "\n  : broken: [\n", "line", "scenario"),
                new Malformed("yaml", yaml.replaceFirst("\n", "\n\tname: tab\n"), "line", "tab", "scenario"),
                new Malformed("json", json.substring(0, json.length() / 2), "line", "end", "scenario"),
                new Malformed("json", json.replaceFirst("\\{", "{\"formatVersion\": 1, "), "formatVersion", "duplicate"),
                new Malformed("yaml", "formatVersion: 1\nformatVersion: 1\n" + yaml.replaceFirst("formatVersion: 1\n", ""), "formatVersion", "duplicate"));
        Arbitrary<Malformed> duplicate = Arbitraries.of(keys).map(k -> {
            String section = k.contains(".") ? k.substring(0, k.indexOf('.')) : null;
            String leaf = k.substring(k.lastIndexOf('.') + 1);
            String dup = section == null ? yaml + "\n" + leaf + ": 1 m\n"
                    : yaml.replaceFirst("(?m)^" + section + ":\\s*\n", section + ":\n  " + leaf + ": 12345 m\n");
            return new Malformed("yaml", dup, leaf, "duplicate");
        }).filter(m -> !m.text().equals(yaml));
        Arbitrary<Malformed> wrongType = Combinators.combine(Arbitraries.of(keys), Arbitraries.of("[1, 2]", "{a: 1}", "true", "null"))
                .as((k, v) -> {
                    String leaf = k.substring(k.lastIndexOf('.') + 1);
                    String text = yaml.replaceFirst("(?m)^(\\s*)" + java.util.regex.Pattern.quote(leaf) + ": .*$", "$1" + leaf + ": " + v);
                    return new Malformed("yaml", text, leaf, k);
                }).filter(m -> !m.text().equals(yaml));
        return Arbitraries.oneOf(fixed, duplicate, wrongType);
    }

    record Malformed(String ext, String text, String... names) {
        Path write(Path dir) {
            try {
                Path f = Files.createTempFile(dir, "scenario", "." + ext);
                Files.writeString(f, text, StandardCharsets.UTF_8);
                return f;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public String toString() {
            return "Malformed[" + ext + ", names " + Arrays.toString(names) + ", text " + abbreviate(text.replace("\n", "\\n"), 300) + "]";
        }
    }

    static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("mosaic-fuzz");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
