package org.mosaic.report;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;

/**
 * What produced a report: Mosaic's version and git commit (written into {@code org/mosaic/report/build.properties} by
 * the build, {@code .ci/build-info}; "unknown" when absent), when (UTC), and the command line. The seeds come from
 * the sections.
 *
 * @param version     Mosaic's version
 * @param commit      the git commit the jar was built from, "+uncommitted" when the sources differed from it
 * @param generatedAt when the report was computed
 * @param commandLine the command as typed (arguments after {@code mosaic})
 */
public record RunInfo(String version, String commit, Instant generatedAt, List<String> commandLine) {
    static final String UNKNOWN = "unknown";

    public RunInfo {
        commandLine = List.copyOf(commandLine);
    }

    /** This build's version and commit, now, with the given command line. */
    public static RunInfo of(List<String> commandLine) {
        Properties p = build();
        return new RunInfo(p.getProperty("version", UNKNOWN), p.getProperty("commit", UNKNOWN), Instant.now().truncatedTo(ChronoUnit.SECONDS),
                commandLine);
    }

    /** The version and commit recorded by the build (empty when the jar was built without them). */
    public static Properties build() {
        Properties p = new Properties();
        try (InputStream in = RunInfo.class.getResourceAsStream("/org/mosaic/report/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no build information: reported as unknown
        }
        p.entrySet().removeIf(e -> e.getValue().toString().isBlank());
        return p;
    }

    /** "2026-01-01 12:00:00 UTC". */
    public String date() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC).format(generatedAt);
    }

    /** The command line as a shell would take it back: {@code mosaic evaluate --set 'a=b c'}. */
    public String command() {
        StringBuilder sb = new StringBuilder("mosaic");
        for (String a : commandLine) {
            sb.append(' ').append(a.matches("[A-Za-z0-9_@%+=:,./=-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
