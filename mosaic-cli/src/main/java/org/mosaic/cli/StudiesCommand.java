package org.mosaic.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Output;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.Study;
import org.mosaic.studies.StudyDeclaration;
import org.mosaic.studies.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mosaic studies [NAME]}: every question Mosaic answers as a study (name and question), or one study's declaration —
 * its inputs (name, type, unit, range, default, description) and the metrics of its result (JSON path, unit, description),
 * read from its types, never written by hand.
 */
@Command(name = "studies", mixinStandardHelpOptions = true,
        description = {"List the studies (every question Mosaic answers), or one study's inputs and metrics.",
            "  mosaic studies                  name and question of every study",
            "  mosaic studies NAME             its inputs (type, unit, range, default) and metrics (path, unit)"})
public final class StudiesCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A study's name (as `mosaic studies` lists them).")
    String name;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(name == null ? list(Studies.all()) : show(study(name)));
        out.flush();
        return 0;
    }

    /** The study named, or a refusal with the closest name. */
    static Study<?, ?> study(String name) {
        List<String> names = Studies.all().stream().map(Study::name).toList();
        String near = SpecReader.didYouMean(name, names);
        return Studies.byName(name).orElseThrow(() -> new UsageException("study " + name + ": unknown study; expected one of "
                + String.join(", ", names) + (near.isEmpty() ? " (hint: `mosaic studies` lists them with their questions)" : near)));
    }

    private String list(List<Study<?, ?>> studies) {
        List<StudyDeclaration.Summary> summaries = studies.stream().map(StudyDeclaration.Summary::of).toList();
        return switch (output.format) {
            case JSON -> Results.json(summaries);
            case CSV -> Output.csv(summaries.stream().map(s -> Output.flatten(Results.tree(s))).toList());
            case TABLE -> Output.table(List.of("study", "question"), summaries.stream().map(s -> List.of(s.name(), s.question())).toList())
                    + "\n`mosaic studies NAME` prints a study's inputs and metrics.\n";
        };
    }

    private String show(Study<?, ?> study) {
        StudyDeclaration d = StudyDeclaration.of(study);
        return switch (output.format) {
            case JSON -> Results.json(d);
            case CSV -> csv(d);
            case TABLE -> table(d);
        };
    }

    /** One row per input and per metric, the first column saying which. */
    private static String csv(StudyDeclaration d) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InputSpec i : d.inputs()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("study", d.name());
            r.put("part", "input");
            Map<String, Object> flat = Output.flatten(Results.tree(i));
            flat.keySet().removeIf(k -> k.startsWith("presets"));
            r.putAll(flat);
            r.put("presets", String.join(" ", i.presets()));   // one cell: the shipped names, space-separated
            rows.add(r);
        }
        for (MetricSpec m : d.metrics()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("study", d.name());
            r.put("part", "metric");
            r.put("name", m.path());
            r.put("unit", m.unit());
            r.put("description", m.description());
            rows.add(r);
        }
        return Output.csv(rows);
    }

    private static String table(StudyDeclaration d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.name()).append(": ").append(d.question()).append("\n\n");
        List<List<String>> inputs = new ArrayList<>();
        for (InputSpec i : d.inputs()) {
            inputs.add(List.of(i.name(), i.type(), i.unit(), i.range(), i.defaultValue(), i.description()));
        }
        sb.append(Output.table(List.of("input", "type", "unit", "range", "default", "description"), inputs)).append('\n');
        List<List<String>> metrics = new ArrayList<>();
        for (MetricSpec m : d.metrics()) {
            metrics.add(List.of(m.path(), m.unit(), m.description()));
        }
        sb.append(Output.table(List.of("metric", "unit", "description"), metrics));
        return sb.toString();
    }
}
