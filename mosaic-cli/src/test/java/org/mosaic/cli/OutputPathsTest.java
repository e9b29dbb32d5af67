package org.mosaic.cli;

import org.mosaic.studies.UsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mosaic.report.AtomicFiles;
import picocli.CommandLine;

/** Output paths refused before any work, writes that never lose or half-write a file, and Main's net under crashes. */
class OutputPathsTest {
    @TempDir
    Path dir;

    /** Every output option of every command: its command line (cheap if it ever ran) and whether it writes a directory. */
    static Stream<Object[]> outputs() {
        return Stream.of(
                new Object[] {List.of("optics"), "--plot", ".svg"},
                new Object[] {List.of("fleet", "--preset", "nvl72-rack"), "--plot", ".svg"},
                new Object[] {List.of("fleet", "--preset", "nvl72-rack"), "--export", ".csv"},
                new Object[] {List.of("train", "--model", "gpt3-175b", "--gpus", "64", "--tp", "8", "--pp", "8", "--global-batch", "64"), "--plot", ".svg"},
                new Object[] {List.of("goodput", "--gpus", "1024", "--days", "1", "--trials", "2"), "--plot", ".svg"},
                new Object[] {List.of("train", "--model", "gpt3-175b", "--gpus", "64", "--global-batch", "64", "--search", "--all"),
                        "--out", ".csv"},
                new Object[] {List.of("evaluate"), "--out", ""},
                new Object[] {List.of("sweep", "cable", "--vary", "cable.fiber.length=1m,2m"), "--report", ""},
                new Object[] {List.of("sweep-report", "no-such-results"), "--out", ""});
    }

    @Test
    void everyPathOptionOfEveryCommandIsACheckedOutputOrAKnownInput_issue12() {
        Set<String> inputs = Set.of("--scenario", "--measured");
        // a directory of parts or one file, resumable: the sweep runner checks it before any point (LocalRunner.prepare)
        Set<String> checkedByTheirRunner = Set.of("sweep --out");
        List<String> covered = new ArrayList<>();
        CommandLine root = new CommandLine(new Main());
        List<CommandLine> all = new ArrayList<>(List.of(root));
        for (int i = 0; i < all.size(); i++) {
            all.addAll(all.get(i).getSubcommands().values());
        }
        for (CommandLine c : all) {
            for (CommandLine.Model.OptionSpec o : c.getCommandSpec().options()) {
                boolean path = o.type() == Path.class || o.auxiliaryTypes().length > 0 && o.auxiliaryTypes()[0] == Path.class;
                if (!path) {
                    continue;
                }
                boolean output = o.userObject() instanceof Field f && f.isAnnotationPresent(OutputPaths.Writes.class);
                assertThat(output || inputs.contains(o.longestName())
                        || checkedByTheirRunner.contains(c.getCommandSpec().name() + " " + o.longestName()))
                        .as("%s %s is a Path option: mark it @OutputPaths.Writes or list it as an input", c.getCommandSpec().qualifiedName(), o.longestName())
                        .isTrue();
                if (output) {
                    covered.add(c.getCommandSpec().name() + " " + o.longestName());
                }
            }
        }
        assertThat(covered).containsExactlyInAnyOrder("optics --plot", "fleet --plot", "fleet --export", "train --plot", "goodput --plot",
                "evaluate --out", "train --out",
                "sweep --report", "sweep-report --out");
        assertThat(outputs().map(o -> ((List<?>) o[0]).get(0) + " " + o[1])).containsExactlyInAnyOrderElementsOf(covered);
    }

    private static Cli run(List<String> command, String option, String value) {
        List<String> args = new ArrayList<>(command);
        args.add(option);
        args.add(value);
        return Cli.run(args.toArray(String[]::new));
    }

    private static void refusedNaming(Cli r, String path, String reason) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).as("refused before any work: nothing printed").isEmpty();
        assertThat(r.err()).contains(path, reason).doesNotContain(".tmp-", ".probe-");
        assertThat(r.noStackTrace()).as(r.err()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("outputs")
    void outputInAMissingDirectoryIsRefusedBeforeAnyWork_issue12(List<String> command, String option, String ext) {
        String p = dir.resolve("no/such/out" + ext).toString();
        refusedNaming(run(command, option, p), p, "does not exist");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("outputs")
    void outputUnderAFileIsRefusedBeforeAnyWork_issue12(List<String> command, String option, String ext) throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        String p = file.resolve("out" + ext).toString();
        refusedNaming(run(command, option, p), p, "is a file");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("outputs")
    void outputInADirectoryThatTakesNoFilesIsRefusedBeforeAnyWork_issue12(List<String> command, String option, String ext) {
        // /proc refuses new files even to root, which a read-only test directory would not
        assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        String p = "/proc/out" + ext;
        refusedNaming(run(command, option, p), p, "cannot create");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("outputs")
    void outputFileThatIsADirectoryIsRefused_issue12(List<String> command, String option, String ext) throws IOException {
        if (ext.isEmpty()) {
            return;   // a report is a directory
        }
        Path d = Files.createDirectories(dir.resolve("taken" + ext));
        refusedNaming(run(command, option, d.toString()), d.toString(), "is a directory");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("outputs")
    void outputWithTheWrongExtensionIsRefused_issue12(List<String> command, String option, String ext) {
        if (ext.isEmpty()) {
            return;
        }
        String p = dir.resolve("out.pdf").toString();
        refusedNaming(run(command, option, p), p, "expected a file name ending in");
    }

    @Test
    void companionFileThatCannotBeWrittenIsRefused_issue12() throws IOException {
        Files.createDirectories(dir.resolve("step-timeline.svg"));
        String p = dir.resolve("step.svg").toString();
        Cli r = Cli.run("train", "--model", "gpt3-175b", "--gpus", "64", "--tp", "8", "--pp", "8", "--global-batch", "64", "--plot", p);
        refusedNaming(r, "step-timeline.svg", "is a directory");
    }

    @Test
    void helpWinsOverABadOutputPath() {
        Cli r = Cli.run("optics", "--plot", "/no/such/dir/x.svg", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--plot");
    }

    @Test
    void failedWriteKeepsTheOldFileAndNamesTheTargetNotTheTemporaryFile_issue12() throws IOException {
        Path target = Files.writeString(dir.resolve("chart.svg"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new java.nio.file.FileSystemException(tmp.toString(), null, "No space left on device");
        })).isInstanceOf(IOException.class)
                .hasMessageContaining(target.toString()).hasMessageContaining("no space left on device")
                .hasMessageNotContaining(".tmp-");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("chart.svg");
        }
    }

    @Test
    void writeReplacesTheFileWhole() throws IOException {
        Path target = Files.writeString(dir.resolve("links.csv"), "old");
        AtomicFiles.write(target, tmp -> Files.writeString(tmp, "new"));
        assertThat(Files.readString(target)).isEqualTo("new");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.count()).isEqualTo(1);
        }
    }

    // ---- Main: the net under every command ----

    @picocli.CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        static Throwable toThrow;

        @picocli.CommandLine.Option(names = "--size")
        long size;

        @Override
        public Integer call() throws Exception {
            Throwable t = toThrow;
            if (t instanceof Exception e) {
                throw e;
            }
            throw (Error) t;
        }
    }

    private static Cli boom(Throwable t, String... args) {
        Boom.toThrow = t;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main()).addSubcommand(new Boom());
        int code = Main.execute(cl, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    @Test
    void outOfMemoryIsAUsageErrorNamingTheSizesGivenWithoutStackTrace_issue12() {
        Cli r = boom(new OutOfMemoryError("Java heap space"), "boom", "--size", "1000000000000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("does not fit in the memory", "--size 1000000000000", "hint");
        assertThat(r.noStackTrace()).as(r.err()).isTrue();
        assertThat(r.err()).doesNotContain("OutOfMemoryError");
    }

    @Test
    void outOfMemoryInAWorkerThreadIsCaughtToo_issue12() {
        Cli r = boom(new IllegalStateException("worker failed", new OutOfMemoryError("Java heap space")), "boom", "--size", "7");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("does not fit in the memory", "--size 7");
        assertThat(r.noStackTrace()).isTrue();
    }

    @Test
    void stackOverflowIsAFailureWithoutStackTrace_issue12() {
        Cli r = boom(new StackOverflowError(), "boom");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("recursed too deeply", "--verbose");
        assertThat(r.noStackTrace()).as(r.err()).isTrue();
    }

    @Test
    void stackTraceOnlyWithVerbose() {
        Cli quiet = boom(new IllegalStateException("bug"), "boom");
        assertThat(quiet.exit()).isEqualTo(1);
        assertThat(quiet.err()).contains("bug", "--verbose").doesNotContain("\tat ");
        Cli verbose = boom(new IllegalStateException("bug"), "--verbose", "boom");
        assertThat(verbose.exit()).isEqualTo(1);
        assertThat(verbose.err()).contains("\tat ");
    }

    @Test
    void badInputThrownDeepInsideIsStillAUsageError_issue12() {
        Cli r = boom(new RuntimeException("wrapped", new UsageException("--size 7: expected an even number")), "boom", "--size", "7");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--size 7: expected an even number").doesNotContain("wrapped", "RuntimeException");
    }

    @Test
    void unknownOptionNamesTheClosestKnownOption_issue12() {
        Cli r = Cli.run("optics", "--frmat", "json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'--frmat'", "did you mean --format?");
        Cli far = Cli.run("link", "--zzzzzzzz");
        assertThat(far.exit()).isEqualTo(2);
        assertThat(far.err()).contains("'--zzzzzzzz'", "expected one of", "--scale");
        Cli eq = Cli.run("optics", "--pllot=x.svg");
        assertThat(eq.err()).contains("'--pllot'", "--plot");
    }

    @Test
    void strayWordOfAnUnquotedValueIsNamedWithAHint_issue12() {
        Cli r = Cli.run("emulate", "--ber", "1e-4", "--duration", "1", "ms");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'ms'", "quotes");
    }

    @Test
    void unknownOptionIsNamedEvenWhenARequiredOptionIsMissing_issue12() {
        Cli r = Cli.run("optics", "fit", "--mesured", "lab.csv");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'--mesured'", "did you mean --measured?");
    }
}
