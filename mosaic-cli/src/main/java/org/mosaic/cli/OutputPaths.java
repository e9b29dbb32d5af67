package org.mosaic.cli;

import org.mosaic.studies.UsageException;

import java.io.IOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
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
import org.mosaic.report.OutputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one check of every output path of every command ({@code --plot}, {@code --export}, {@code --out}, ...), run by
 * {@link Main} after parsing and before the command does any work. An output option declares itself with
 * {@link Writes} on its field; its value (given or defaulted) must then be a file name with one of the accepted
 * endings (or, for a report, a directory) in an existing directory where this process can create files. A refusal
 * names the option, the path and the reason — never the name of an internal temporary file.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /** Marks a {@code Path} option as an output, checked before any work by {@link #checkAll}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Writes {
        /** The accepted file name endings, lower case with the dot ({@code ".svg"}); empty for a report directory. */
        String[] extensions() default {};

        /** Files written beside the named one: {@code "-timeline"} for {@code x.svg} is {@code x-timeline.svg}. */
        String[] companions() default {};

        /** A report directory (replaced as a whole) rather than a file. */
        boolean reportDirectory() default false;
    }

    /**
     * Checks every {@link Writes} option of the command that is about to run, whether given or defaulted. Throws a
     * picocli {@link CommandLine.ParameterException} (exit code 2, with the usage hint) on the first bad one.
     */
    static void checkAll(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        CommandLine cl = last.commandSpec().commandLine();
        for (OptionSpec o : last.commandSpec().options()) {
            if (!(o.userObject() instanceof Field f) || !f.isAnnotationPresent(Writes.class)) {
                continue;
            }
            Object value = o.getValue();
            if (value == null) {
                continue;
            }
            Writes w = f.getAnnotation(Writes.class);
            try {
                for (Object v : value instanceof java.util.Collection<?> c ? c : List.of(value)) {
                    Path p = (Path) v;
                    if (w.reportDirectory()) {
                        OutputFiles.checkReportDirectory(o.longestName(), p, OutputFiles.REPORT_MARKER);
                    } else {
                        OutputFiles.checkFile(o.longestName(), p, List.of(w.extensions()), List.of(w.companions()));
                    }
                }
            } catch (UsageException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage(), e, o, String.valueOf(value));
            }
        }
    }

    /** Every {@link Writes} option of a command, by its longest name (used by the tests to check that all are covered). */
    public static List<String> outputOptions(CommandLine.Model.CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.userObject() instanceof Field f && f.isAnnotationPresent(Writes.class)) {
                names.add(o.longestName());
            }
        }
        return names;
    }
}
