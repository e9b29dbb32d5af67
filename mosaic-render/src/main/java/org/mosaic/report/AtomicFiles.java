package org.mosaic.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Writing outputs so that a reader never sees a half-written file and a failed run loses nothing. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Creates a new, uniquely named sibling of {@code target} ({@code .NAME.tmp-RANDOM}) — a file or a
     * directory — with the permissions the process's umask gives (unlike {@code Files.createTemp*}, which
     * makes them private to the owner, a mode the renamed result would keep).
     */
    public static Path createSibling(Path target, String tag, boolean directory) throws IOException {
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path p = target.resolveSibling("." + target.getFileName() + "." + tag + "-" + Long.toHexString(random.nextLong() >>> 16));
            try {
                return directory ? Files.createDirectory(p) : Files.createFile(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** What writes a file's content (to a temporary file that is then renamed into place). */
    @FunctionalInterface
    public interface Body {
        void write(Path tmp) throws IOException;
    }

    /**
     * Writes {@code target} through a temporary sibling renamed into place, so a reader never sees a half-written file
     * and a failure leaves the old file as it was. A failure is reported as "cannot write TARGET: reason", never with
     * the temporary file's name.
     */
    public static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = createSibling(abs, "tmp", false);
            body.write(tmp);
            moveIntoPlace(tmp, abs);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + org.mosaic.report.OutputFiles.reason(e), e);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Renames a finished temporary file over {@code target} (same directory), atomically where the file system can. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Puts the finished directory {@code fresh} in place of {@code target}: the old target (if any) is first
     * renamed aside, then {@code fresh} renamed to {@code target}, then the old one deleted. If the second
     * rename fails the old one is put back. Both must be in the same parent directory.
     */
    public static void replaceDirectory(Path fresh, Path target) throws IOException {
        if (!Files.exists(target)) {
            move(fresh, target);
            return;
        }
        Path old = createSibling(target, "old", true);
        Files.delete(old); // only the unique name is wanted
        move(target, old);
        try {
            move(fresh, target);
        } catch (IOException | RuntimeException e) {
            try {
                move(old, target);
            } catch (IOException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
        deleteRecursively(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a file or directory tree; missing paths are ignored. */
    public static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
