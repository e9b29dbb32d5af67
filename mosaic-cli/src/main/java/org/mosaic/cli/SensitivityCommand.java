package org.mosaic.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.uncertainty.SensitivityStudy;
import org.mosaic.studies.uncertainty.SobolIndices;
import org.mosaic.studies.uncertainty.Tornado;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic sensitivity STUDY --metric M}: tornado and Sobol indices (the sensitivity study). */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Which assumed inputs decide a study's answer: each ranged input moved alone across its plausible "
                + "range (a tornado, ranked by swing), and Sobol first-order and total indices from a Saltelli sample.",
            "Example: mosaic sensitivity cable --metric power.perEndWatts --samples 128"})
public final class SensitivityCommand implements Callable<Integer> {
    @Mixin
    RangedInputsOptions scope;

    @Option(names = "--metric", paramLabel = "NAME", required = true,
            description = "The metric, as `mosaic run STUDY --format table` names it, e.g. power.perEndWatts.")
    String metric;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "128",
            description = "Saltelli base rows for the Sobol indices, 0 for the tornado only (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The bootstrap's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Allow more than " + SensitivityStudy.MAX_ROWS + " base rows.")
    boolean force;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SensitivityStudy.Result r;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            r = new SensitivityStudy().run(new SensitivityStudy.Input(scope.study, scope.sets, scope.ranges, scope.inputs, metric, samples,
                    seed, force),
                    progress);
        }
        String text = switch (output.format) {
            case JSON -> Results.json(r);
            case CSV -> Output.csv(r.tornado().bars().stream().map(b -> Output.flatten(Results.tree(b))).toList());
            case TABLE -> table(r);
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static String table(SensitivityStudy.Result r) {
        List<List<String>> rows = new ArrayList<>();
        for (Tornado.Bar b : r.tornado().bars()) {
            SobolIndices.Index s = r.sobol() == null ? null
                    : r.sobol().inputs().stream().filter(i -> i.input().equals(b.input())).findFirst().orElse(null);
            rows.add(List.of(b.input(), UncertaintyCommand.num(b.low()) + ".." + UncertaintyCommand.num(b.high()),
                    UncertaintyCommand.num(b.outputLow()), UncertaintyCommand.num(b.outputHigh()),
                    UncertaintyCommand.num(b.swing()), s == null ? "-" : UncertaintyCommand.num(s.first()),
                    s == null ? "-" : UncertaintyCommand.num(s.total())));
        }
        return r.study() + " " + r.metric() + " [" + r.unit() + "] = " + UncertaintyCommand.num(r.tornado().base())
                + " with every input assumed" + (r.refused() > 0 ? "; " + r.refused() + " points refused: " + r.reasons() : "")
                + "\n" + Output.table(List.of("input", "range", ">at low", ">at high", ">swing", ">S1", ">ST"), rows);
    }
}
