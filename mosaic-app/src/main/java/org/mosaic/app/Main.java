package org.mosaic.app;

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
        subcommands = {EvaluateCommand.class, OpticsCommand.class, LinkCommand.class, CompareCommand.class, EmulateCommand.class, FleetCommand.class, TrainCommand.class, GoodputCommand.class,
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
        System.setProperty("java.awt.headless", "true");
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, rest) -> {
            CommandLine c = ex.getCommandLine();
            err.println("mosaic: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            int code = exitCode(ex);
            if (code == USAGE) {
                err.println("mosaic: " + ex.getMessage());
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
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static int exitCode(Throwable ex) {
        return ex instanceof UsageException || ex instanceof ScenarioException || ex instanceof UnitException
                ? USAGE : FAILURE;
    }

    private static String describe(Throwable ex) {
        String m = ex.getMessage();
        String kind = ex.getClass().getSimpleName();
        return m == null || m.isBlank() ? kind : kind + ": " + m;
    }
}
