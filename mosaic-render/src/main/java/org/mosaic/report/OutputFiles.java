package org.mosaic.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mosaic.studies.UsageException;

/**
 * Checks of output paths (a chart file, a report directory) before any work is done, shared by every front end
 * that writes files: a refusal names the option, the path and the reason, never an internal temporary file.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** The file that marks a directory as a Mosaic report (see {@code Report}). */
    public static final String REPORT_MARKER = ".mosaic-report";

    /**
     * Checks that {@code file} can receive an output: its name ends in one of {@code extensions} (if any are given), it
     * is not a directory or a special file, its directory exists and this process can create a file there; the same
     * for each companion file. Throws a {@link UsageException} naming {@code option}, the path and the reason.
     */
    public static void checkFile(String option, Path file, List<String> extensions, List<String> companions) {
        String given = option + " " + file;
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!extensions.isEmpty() && extensions.stream().noneMatch(e -> lower.endsWith(e) && lower.length() > e.length())) {
            throw new UsageException(given + ": expected a file name ending in " + String.join(" or ", extensions)
                    + " (e.g. " + option + " out" + extensions.get(0) + ")");
        }
        checkFileTarget(given, file);
        for (String c : companions) {
            int dot = name.lastIndexOf('.');
            Path companion = file.resolveSibling(dot < 0 ? name + c : name.substring(0, dot) + c + name.substring(dot));
            checkFileTarget(given + " (it also writes " + companion + ")", companion);
        }
    }

    private static void checkFileTarget(String given, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null) {
            throw new UsageException(given + ": expected a file name, not the file system root");
        }
        checkDirectory(given, dir);
        if (Files.isDirectory(abs)) {
            throw new UsageException(given + ": " + abs + " is a directory, expected a file name (hint: add a file name, e.g. "
                    + abs.resolve("out") + ")");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException(given + ": " + abs + " exists and is not a regular file (hint: choose another name)");
        }
        probe(given, abs, false);
    }

    /**
     * Checks that {@code dir} can receive a report that replaces it as a whole: it is not the root, not a file, and
     * either does not exist, is empty, or holds {@code marker} (a previous report); its parent exists and this process
     * can create (and rename) a directory there.
     */
    public static void checkReportDirectory(String option, Path dir, String marker) {
        String given = option + " " + dir;
        Path abs = dir.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw new UsageException(given + ": cannot write a report as the file system root; expected a directory name such as mosaic-report");
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new UsageException(given + ": " + abs + " is a file, expected a directory (hint: choose another " + option + ")");
        }
        if (Files.isDirectory(abs) && !Files.exists(abs.resolve(marker))) {
            try (Stream<Path> s = Files.list(abs)) {
                if (s.findAny().isPresent()) {
                    throw new UsageException(given + ": " + abs + " already holds files that are not a Mosaic report,"
                            + " and the report replaces the whole directory (hint: choose a new or empty directory)");
                }
            } catch (IOException e) {
                throw new UsageException(given + ": cannot read " + abs + ": " + reason(e) + " (hint: choose another " + option + ")");
            }
        }
        checkDirectory(given, abs.getParent());
        if (Files.isDirectory(abs) && !Files.isWritable(abs)) {
            throw new UsageException(given + ": " + abs + " cannot be replaced: permission denied (hint: choose a directory you can write to)");
        }
        probe(given, abs, true);
    }

    private static void checkDirectory(String given, Path dir) {
        if (!Files.exists(dir)) {
            Path missing = dir;
            while (missing.getParent() != null && !Files.exists(missing.getParent())) {
                missing = missing.getParent();
            }
            throw new UsageException(given + ": the directory " + dir + " does not exist"
                    + (missing.equals(dir) ? "" : " (" + missing + " is missing)") + " (hint: create it first)");
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageException(given + ": " + dir + " is a file, not a directory (hint: choose a path in a directory)");
        }
    }

    /** Creates and deletes a temporary sibling of {@code target}: the only sure test that the directory takes new files. */
    private static void probe(String given, Path target, boolean directory) {
        Path p;
        try {
            p = AtomicFiles.createSibling(target, "probe", directory);
        } catch (IOException e) {
            throw new UsageException(given + ": cannot create " + (directory ? "a directory" : "a file") + " in " + target.getParent()
                    + ": " + reason(e) + " (hint: choose a directory you can write to)");
        }
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UsageException(given + ": cannot delete a file in " + target.getParent() + ": " + reason(e)
                    + " (hint: choose a directory you can write to)");
        }
    }

    /** Why an I/O operation failed, in words, without the path (which may be an internal temporary file's). */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the file system does not allow new files there";
        }
        if (e instanceof FileSystemException fse) {
            return fse.getReason() == null ? fse.getClass().getSimpleName() : fse.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

}
