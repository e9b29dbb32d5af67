package org.mosaic.cli;

import org.mosaic.studies.Output;
import org.mosaic.studies.ChannelFacts;
import org.mosaic.studies.Progress;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.PlanErrors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.link.LinkSpec;
import org.mosaic.link.LinkSpecs;
import org.mosaic.link.ModelRows;
import org.mosaic.link.baseline.BaselineCatalog;
import org.mosaic.link.baseline.Comparison;
import org.mosaic.link.baseline.ComparisonRow;
import org.mosaic.link.baseline.HostGeneration;
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
        BaselineCatalog catalog = BaselineCatalog.standard();
        HostGeneration gen;
        try {
            gen = HostGeneration.parse(rate, catalog.generations());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rate " + e.getMessage());
        }
        Comparison.Result result = run(catalog, gen, meters, cables(), spec.commandLine().getErr());
        out.print(switch (output.format) {
            case JSON -> Output.json(Output.strict(json(result)));
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

    private List<LinkSpec> cables() {
        List<String> names = presets.isEmpty() ? cablePresets() : presets;
        List<LinkSpec> out = bind(names, sets);
        // every --set must change something compare uses in at least one cable (leave-one-out), else it is refused
        for (int i = 0; i < sets.size(); i++) {
            List<String> others = new ArrayList<>(sets);
            String set = others.remove(i);
            List<LinkSpec> without;
            try {
                without = bind(names, others);
            } catch (RuntimeException e) {
                continue; // without it a cable does not bind: it matters
            }
            boolean effect = false;
            for (int c = 0; c < out.size(); c++) {
                effect |= !used(out.get(c)).equals(used(without.get(c)));
            }
            if (!effect) {
                String key = set.substring(0, Math.max(0, set.indexOf('='))).trim();
                String why = key.equals("fiber.length") ? "every cable is evaluated at --length (and its reach is solved), so "
                        + "the scenario's fibre length is not used (hint: --length " + set.substring(set.indexOf('=') + 1).trim() + ")"
                        : key.equals("host.attachment") ? "compare shows every cable with both host attachments (pluggable and cpo)"
                        : "no cable's reach, power or reliability depends on it, or it already has that value";
                throw new UsageException("--set " + set + " has no effect on compare: " + why);
            }
        }
        return out;
    }

    private static List<LinkSpec> bind(List<String> names, List<String> sets) {
        ScenarioOptions overrides = new ScenarioOptions();
        overrides.sets = sets;
        List<LinkSpec> out = new ArrayList<>();
        for (String n : names) {
            ScenarioDocument doc = overrides.apply(org.mosaic.core.scenario.Documents.isFile(n)
                    ? ScenarioOptions.scenarioKind(ScenarioDocument.file(java.nio.file.Path.of(n)), org.mosaic.core.scenario.Documents.Kind.CABLE)
                    : ScenarioDocument.preset(n));
            if (!LinkSpecs.isCable(doc)) {
                throw new UsageException("--preset " + n + " describes a channel, not a cable (no host section): expected one of "
                        + cablePresets() + " or a cable scenario file");
            }
            out.add(LinkSpecs.bind(doc));
        }
        return out;
    }

    /**
     * What compare uses of a cable: everything but the fibre length (the reach is solved; the length is --length) and the
     * host attachment (both are shown).
     */
    private static LinkSpec used(LinkSpec c) {
        return new LinkSpec(c.channel().withLength(1), c.host(), org.mosaic.link.PowerModel.Attachment.PLUGGABLE, c.plan(), c.power(),
                c.reliability());
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

    static Comparison.Result run(BaselineCatalog catalog, HostGeneration gen, double meters, List<LinkSpec> cables,
                                 PrintWriter err) {
        List<ModelRows.Evaluated> evaluated = new ArrayList<>();
        try (Progress progress = Progress.onTerminal(err)) {
            progress.task("evaluating " + cables.size() + " microLED cables at " + gen.name(), cables.size());
            for (LinkSpec c : cables) {
                evaluated.add(PlanErrors.guard(() -> ModelRows.evaluate(label(c), c, gen.name())));
                progress.step();
            }
        }
        return Comparison.run(catalog, gen, meters, ModelRows.rows(evaluated));
    }

    static String label(LinkSpec c) {
        return c.channel().name();
    }

    static ObjectNode json(Comparison.Result r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("generation", r.generation());
        root.put("hostLanes", r.hostLanes());
        root.put("payloadBitsPerSecond", r.payloadBitsPerSecond());
        root.put("lengthMeters", r.lengthMeters());
        ArrayNode rows = root.putArray("rows");
        for (ComparisonRow row : r.rows()) {
            rows.add(Output.tree(row));
        }
        root.set("claims", Output.tree(r.claims()));
        return root;
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
