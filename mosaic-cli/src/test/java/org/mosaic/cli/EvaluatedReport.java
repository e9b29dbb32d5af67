package org.mosaic.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code mosaic evaluate} takes minutes on a shared machine, so the tests that read its report share one run per
 * test JVM (surefire reuses its fork): {@link EvaluateCommandTest} and {@link ReportBrowserTest}.
 */
final class EvaluatedReport {
    private static Cli run;
    private static Path out;

    private EvaluatedReport() {
    }

    /** The report directory, written by one {@code evaluate} run under target/. */
    static synchronized Path dir() {
        if (run == null) {
            try {
                Path parent = Files.createDirectories(Path.of("target"));
                out = Files.createTempDirectory(parent, "evaluate-").resolve("report");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            run = Cli.run("evaluate", "--out", out.toString());
        }
        return out;
    }

    /** What that run printed and returned. */
    static synchronized Cli run() {
        dir();
        return run;
    }
}
