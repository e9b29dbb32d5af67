package org.mosaic.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.claims.ClaimsStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic claims}: the claims audit (the claims study). */
@Command(name = "claims", mixinStandardHelpOptions = true,
        description = {"The claims audit: each published MOSAIC (and SmartSens + UNISOC) claim recomputed on the shipped "
                + "documents, with its P5-P95 over the ranges of the inputs that matter, a verdict, the input that decides it "
                + "and that input's break-even value (see docs/claims.md).",
            "Example: mosaic claims --format json --samples 16"})
public final class ClaimsCommand implements Callable<Integer> {
    @Option(names = "--samples", paramLabel = "N", defaultValue = "8",
            description = "Points of each claim's Latin hypercube (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The Latin hypercube's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ClaimsStudy.Result r;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            r = new ClaimsStudy().run(new ClaimsStudy.Input(samples, seed), progress);
        }
        String text = switch (output.format) {
            case JSON -> Results.json(r);
            case CSV -> Output.csv(r.claims().stream().map(c -> Output.flatten(Results.tree(c))).toList());
            case TABLE -> table(r);
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    static String table(ClaimsStudy.Result r) {
        List<List<String>> rows = new ArrayList<>();
        for (ClaimsStudy.Claim c : r.claims()) {
            rows.add(List.of(c.id(), c.claimed() + " " + c.unit(), num(c.value()), num(c.p5()) + " - " + num(c.p95()),
                    c.verdict(), c.decidingInput() == null ? "-" : c.decidingInput() + " (" + num(c.assumed()) + " "
                            + c.inputUnit() + ")", c.breakEven() == null ? "-" : num(c.breakEven())));
        }
        return "claims audit: " + r.claims().size() + " claims, " + r.samples() + " points per Latin hypercube (seed "
                + r.seed() + ")\n" + Output.table(List.of("claim", "claimed", ">Mosaic", ">P5 - P95", "verdict",
                "deciding input (assumed)", ">break-even"), rows);
    }

    static String num(Double v) {
        return v != null && Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }
}
