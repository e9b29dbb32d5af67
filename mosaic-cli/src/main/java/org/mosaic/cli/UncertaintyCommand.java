package org.mosaic.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.uncertainty.Summary;
import org.mosaic.studies.uncertainty.UncertaintyStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic uncertainty STUDY}: Monte Carlo over the ranges of a study's assumed inputs (the uncertainty study). */
@Command(name = "uncertainty", mixinStandardHelpOptions = true,
        description = {"How uncertain a study's answers are: Monte Carlo over the plausible ranges of its assumed inputs "
                + "(the range: entries of its documents' provenance, or --range), each metric's P5, P50 and P95 with "
                + "their 95 %% intervals.",
            "Example: mosaic uncertainty cable --metric power.perEndWatts --metric reliability.linkFit --samples 256"})
public final class UncertaintyCommand implements Callable<Integer> {
    @Mixin
    RangedInputsOptions scope;

    @Option(names = "--metric", paramLabel = "NAME", description = "A metric to summarise, as `mosaic run STUDY --format "
            + "table` names it (repeatable; default: all).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--samples", paramLabel = "N", defaultValue = "256", description = "Points (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--design", paramLabel = "lhs|sobol", defaultValue = "lhs",
            description = "Latin hypercube or Sobol sequence (default: ${DEFAULT-VALUE}).")
    String design;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The Latin hypercube's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Allow more than " + UncertaintyStudy.MAX_SAMPLES + " points.")
    boolean force;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        UncertaintyStudy.Input in = new UncertaintyStudy.Input(scope.study, scope.sets, scope.ranges, scope.inputs, metrics, samples,
                design, seed, force);
        UncertaintyStudy.Result r;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            r = new UncertaintyStudy().run(in, progress);
        }
        String text = switch (output.format) {
            case JSON -> Results.json(r);
            case CSV -> Output.csv(r.metrics().stream().map(s -> Output.flatten(Results.tree(s))).toList());
            case TABLE -> table(r);
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static String table(UncertaintyStudy.Result r) {
        List<List<String>> rows = new ArrayList<>();
        for (Summary s : r.metrics()) {
            rows.add(s.p50() == null ? List.of(s.output(), "-", "-", "-", "-", "0")
                    : List.of(s.output(), num(s.p5().value()), num(s.p50().value()), num(s.p95().value()), num(s.mean()),
                    String.valueOf(s.n())));
        }
        return r.study() + ": " + r.samples() + " points (" + r.design() + ", seed " + r.seed() + ") over " + r.inputs().size()
                + " ranged inputs" + (r.refused() > 0 ? "; " + r.refused() + " refused: " + r.reasons() : "") + "\n"
                + Output.table(List.of("metric", ">P5", ">P50", ">P95", ">mean", ">n"), rows);
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }
}
