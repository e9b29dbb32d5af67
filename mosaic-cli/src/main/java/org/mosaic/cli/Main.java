package org.mosaic.cli;

import org.mosaic.studies.UsageException;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.core.units.UnitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code mosaic} command line. Exit codes: 0 success, 2 bad input (flag, value, file), 1 a failure
 * of the program itself. No stack trace unless {@code --verbose}.
 */
@Command(name = "mosaic", mixinStandardHelpOptions = true, version = "mosaic 0.1.0",
        description = "Digital twin of wide-and-slow microLED optical links.",
        subcommands = {EvaluateCommand.class, OpticsCommand.class, LinkCommand.class, CompareCommand.class, EmulateCommand.class,
                FleetCommand.class, TrainCommand.class, InferenceCommand.class, GoodputCommand.class, PresetsCommand.class,
                StudiesCommand.class, RunCommand.class, SweepCommand.class, SweepReportCommand.class, QueryCommand.class,
                UncertaintyCommand.class, SensitivityCommand.class, ClaimsCommand.class, ServeCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad input. */
    public static final int USAGE = 2;
    /** Exit code for a failure that is not the user's fault. */
    public static final int FAILURE = 1;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: expected one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(new CommandLine(new Main()), out, err, args);
    }

    /**
     * Runs {@code cl} with the given streams. Nothing escapes as a stack trace (unless {@code --verbose}): parse errors
     * and bad input exit with 2 and a hint, an output path that cannot be written is refused before any work, work too
     * large for the memory exits with 2 naming the sizes given, anything else exits with 1.
     */
    static int execute(CommandLine cl, PrintWriter out, PrintWriter err, String... args) {
        System.setProperty("java.awt.headless", "true");
        boolean verbose = Arrays.asList(args).contains("--verbose");
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, rest) -> {
            CommandLine c = ex.getCommandLine();
            String unknown = ex instanceof CommandLine.UnmatchedArgumentException ? null : unknownOption(c.getUnmatchedArguments());
            if (unknown != null) {
                // an unknown option is the first thing to say, even when picocli stopped at a missing required one
                err.println("mosaic: " + unknownOptionMessage(c, unknown));
            }
            err.println("mosaic: " + parseMessage(ex));
            if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || unknownOption(u.getUnmatched()) == null) {
                CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            }
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            Throwable oom = cause(ex, OutOfMemoryError.class);
            if (oom != null) {
                return tooLarge(err, args, oom, verbose);
            }
            int code = exitCode(ex);
            if (code == USAGE) {
                err.println("mosaic: " + usageCause(ex).getMessage());
            } else {
                err.println("mosaic: failed: " + describe(ex));
                if (!verbose) {
                    err.println("(run again with --verbose for the stack trace)");
                }
            }
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        cl.setExecutionStrategy(parsed -> {
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help;
            }
            OutputPaths.checkAll(parsed);   // every output path, before any work
            return new CommandLine.RunLast().execute(parsed);
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            code = tooLarge(err, args, e, verbose);
        } catch (StackOverflowError e) {
            err.println("mosaic: failed: the computation recursed too deeply (StackOverflowError) for: mosaic " + String.join(" ", args));
            if (verbose) {
                e.printStackTrace(err);
            } else {
                err.println("(run again with --verbose for the stack trace)");
            }
            code = FAILURE;
        } catch (RuntimeException | Error e) {
            Throwable oom = cause(e, OutOfMemoryError.class);
            if (oom != null) {
                code = tooLarge(err, args, oom, verbose);
            } else {
                err.println("mosaic: failed: " + describe(e));
                if (verbose) {
                    e.printStackTrace(err);
                } else {
                    err.println("(run again with --verbose for the stack trace)");
                }
                code = FAILURE;
            }
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Work that did not fit in the memory: a usage error (2) naming the sizes the user gave, since the work grows with
     * them. The real fix is a bound in the command; this is the net under all of them.
     */
    private static int tooLarge(PrintWriter err, String[] args, Throwable e, boolean verbose) {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        java.util.List<String> sizes = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].matches(".*\\d.*")) {
                sizes.add(i > 0 && args[i - 1].startsWith("-") && !args[i].startsWith("-") ? args[i - 1] + " " + args[i] : args[i]);
            }
        }
        err.println("mosaic: the work asked for does not fit in the memory (" + maxMb + " MB of Java heap): mosaic "
                + String.join(" ", args));
        err.println("  it grows with " + (sizes.isEmpty() ? "the preset's sizes" : "the sizes given: " + String.join(", ", sizes))
                + " (hint: make them smaller, or give Java more memory, e.g. JAVA_OPTS=-Xmx8g)");
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return USAGE;
    }

    /** The message of a parse error, with the closest known option for an unknown one. */
    static String parseMessage(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            String unknown = unknownOption(u.getUnmatched());
            if (unknown != null) {
                return unknownOptionMessage(u.getCommandLine(), unknown);
            }
            CommandLine.Model.CommandSpec spec = u.getCommandLine().getCommandSpec();
            if (spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty() && !u.getUnmatched().isEmpty()) {
                return "unexpected argument '" + u.getUnmatched().get(0) + "': " + spec.qualifiedName() + " takes only options"
                        + " (hint: a value with a space needs quotes, e.g. --set \"fiber.length=30 m\", or no space: 30m)";
            }
        }
        return ex.getMessage();
    }

    private static String unknownOptionMessage(CommandLine c, String unknown) {
        CommandLine.Model.CommandSpec spec = c.getCommandSpec();
        String hint = org.mosaic.core.scenario.SpecReader.didYouMean(unknown, spec.optionsMap().keySet());
        if (hint.isEmpty()) {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (CommandLine.Model.OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    names.add(o.longestName());
                }
            }
            hint = " (expected one of " + String.join(", ", names) + ")";
        }
        return "unknown option '" + unknown + "' for " + spec.qualifiedName() + hint;
    }

    /** The first argument that looks like an option (without any {@code =value}), or null. */
    private static String unknownOption(java.util.List<String> unmatched) {
        for (String a : unmatched) {
            if (a.startsWith("-") && a.length() > 1 && !a.matches("-[0-9.].*")) {
                int eq = a.indexOf('=');
                return eq > 0 ? a.substring(0, eq) : a;
            }
        }
        return null;
    }

    /** 2 if the failure is bad input (anywhere in its cause chain, e.g. thrown in a worker thread), else 1. */
    static int exitCode(Throwable ex) {
        if (cause(ex, OutOfMemoryError.class) != null) {
            return USAGE;
        }
        return usageCause(ex) != null ? USAGE : FAILURE;
    }

    /** The first bad-input exception in the cause chain of {@code ex}, or null. */
    private static Throwable usageCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UsageException || t instanceof ScenarioException || t instanceof UnitException) {
                return t;
            }
        }
        return null;
    }

    private static Throwable cause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String describe(Throwable ex) {
        String m = ex.getMessage();
        String kind = ex.getClass().getSimpleName();
        return m == null || m.isBlank() ? kind : kind + ": " + m;
    }
}
