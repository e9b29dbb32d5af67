package org.mosaic.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mosaic.studies.Edits;
import java.util.concurrent.Callable;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.link.LinkSpec;
import org.mosaic.link.LinkSpecs;
import org.mosaic.link.baseline.Comparison;
import org.mosaic.link.baseline.ComparisonRow;
import org.mosaic.link.baseline.HostGeneration;
import org.mosaic.studies.ChannelFacts;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.cable.CompareStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic compare}: every link technology side by side at one rate and length. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Every link technology side by side at one rate and cable length: does it reach, watts and pJ/bit "
                + "per end, FIT and AFR per end, cost where known; and the ratios MOSAIC claims (power saving, reach, "
                + "reliability), computed from our models.",
            "Baselines come from a sourced catalog (copper reach computed from a twinax loss model); the microLED rows "
                    + "(MOSAIC and its peers) are evaluated with our own channel, power and reliability models."})
public final class CompareCommand implements Callable<Integer> {
    @Option(names = "--rate", paramLabel = "RATE", defaultValue = "800G",
            description = "Host rate: 800G, 1.6T or 3.2T (default: ${DEFAULT-VALUE}).")
    String rate;

    @Option(names = "--length", paramLabel = "LENGTH", defaultValue = "30 m",
            description = "Cable length the links must reach, with a unit (default: ${DEFAULT-VALUE}).")
    String length;

    @Option(names = "--preset", paramLabel = "NAME|FILE",
            description = "The microLED cables to include: a cable preset or a cable scenario file (repeatable; default: every "
                    + "shipped cable preset).")
    List<String> presets = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a value in every microLED cable (repeatable).")
    List<String> sets = new ArrayList<>();

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        double meters;
        try {
            meters = Quantities.parse(length, Dimension.LENGTH, 30);   // an example that fits a cable length
        } catch (org.mosaic.core.units.UnitException e) {
            throw new UsageException("--length " + e.getMessage());
        }
        if (!(meters > 0)) {
            throw new UsageException("--length \"" + length + "\": expected a positive length, e.g. --length 30m");
        }
        HostGeneration gen;
        try {
            gen = CompareStudy.generation(rate);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rate " + e.getMessage());
        }
        Comparison.Result result;
        List<ScenarioDocument> cables = cables();
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            result = new CompareStudy().run(new CompareStudy.Input(gen.name(), meters, cables), progress);
        }
        out.print(switch (output.format) {
            case JSON -> Results.json(result);
            case CSV -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (ComparisonRow r : result.rows()) {
                    rows.add(Output.flatten(Output.tree(r)));
                }
                yield Output.csv(rows);
            }
            case TABLE -> table(result);
        });
        out.flush();
        return 0;
    }

    private List<ScenarioDocument> cables() {
        List<String> names = presets.isEmpty() ? cablePresets() : presets;
        Map<String, String> edits = ScenarioOptions.overrides(sets);
        List<LinkSpec> used = new ArrayList<>();
        List<ScenarioDocument> out = documents(names, edits, used);
        // every --set must change something compare uses in at least one cable (leave-one-out), else it is refused
        Optional<String> ignored = Edits.firstWithoutEffect(edits, e -> {
            List<LinkSpec> u = new ArrayList<>();
            documents(names, e, u);
            return u;
        }, u -> u, null);
        if (ignored.isPresent()) {
            String key = ignored.get();
            throw new UsageException("--set " + key + "=" + edits.get(key) + " has no effect on compare: "
                    + CompareStudy.withoutEffect(key, edits.get(key)));
        }
        return out;
    }

    /**
     * The cable documents named (presets or files) with the overrides applied, a channel-only one refused; adds to
     * {@code used} what compare uses of each (binding it, so an invalid one is refused in turn).
     */
    private static List<ScenarioDocument> documents(List<String> names, Map<String, String> sets, List<LinkSpec> used) {
        List<ScenarioDocument> out = new ArrayList<>();
        for (String n : names) {
            ScenarioDocument doc = Edits.apply(org.mosaic.core.scenario.Documents.isFile(n)
                    ? ScenarioOptions.scenarioKind(ScenarioDocument.file(java.nio.file.Path.of(n)), org.mosaic.core.scenario.Documents.Kind.CABLE)
                    : ScenarioDocument.preset(n), sets);
            if (!LinkSpecs.isCable(doc)) {
                throw new UsageException("--preset " + n + " describes a channel, not a cable (no host section): expected one of "
                        + cablePresets() + " or a cable scenario file");
            }
            used.add(CompareStudy.used(doc));
            out.add(doc);
        }
        return out;
    }

    /** The shipped presets that describe whole cables. */
    static List<String> cablePresets() {
        List<String> out = new ArrayList<>();
        for (String n : ScenarioDocument.presetNames()) {
            if (LinkSpecs.isCable(ScenarioDocument.preset(n))) {
                out.add(n);
            }
        }
        return out;
    }

    static String table(Comparison.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s (%s) at %s%n%n", r.generation(), r.hostLanes(), Output.meters(r.lengthMeters())));
        List<List<String>> rows = new ArrayList<>();
        for (ComparisonRow c : r.rows()) {
            if (!c.available()) {
                rows.add(List.of(c.technology(), "not offered", "", "", "", "", "", ""));
                continue;
            }
            rows.add(List.of(c.technology() + (c.ourModel() ? " *" : ""), c.reaches() ? "yes" : "no",
                    c.reachMeters() == null ? "" : c.ourModel() ? ChannelFacts.reach(c.reachMeters(), false) : Output.meters(c.reachMeters()), num(c.powerPerEndWatts(), "%.2f"),
                    num(c.perBitPicojoules(), "%.2f"), num(c.fitPerEnd(), "%.4g"),
                    c.afrPerEnd() == null ? "" : Output.percent(c.afrPerEnd()), num(c.costPerEndUsd(), "$%.0f")));
        }
        sb.append(Output.table(List.of("technology", "reaches?", ">reach", ">W/end", ">pJ/bit", ">FIT/end", ">AFR/end", ">cost"), rows));
        sb.append("* our own models (channel, power, reliability); the others from the sourced catalog (copper reach computed).\n");
        for (Comparison.ClaimSet cs : r.claims()) {
            sb.append('\n').append(cs.subject()).append('\n');
            for (Comparison.Ratio ratio : cs.ratios()) {
                // a ratio that does not apply says "n/a — …" in its arithmetic
                sb.append("  ").append(ratio.claim().label()).append(": ").append(ratio.arithmetic()).append('\n');
            }
            for (String n : cs.notComputed()) {
                sb.append("  not computed: ").append(n).append('\n');
            }
        }
        return sb.toString();
    }

    private static String num(Double v, String f) {
        return v == null ? "" : String.format(Locale.ROOT, f, v);
    }
}
