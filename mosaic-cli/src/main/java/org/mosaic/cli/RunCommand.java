package org.mosaic.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mosaic.studies.MetricRow;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.Study;
import org.mosaic.studies.StudyInputs;
import org.mosaic.studies.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mosaic run STUDY}: any study, its inputs bound from a JSON object keyed by input name (the study's defaults when
 * none is given) with {@code --set} assignments on top, through the same binder the web studio and the sweeps use.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run any study by name with its inputs as values: a JSON object keyed by input name (--input), and "
                + "KEY=VALUE assignments (--set): KEY an input's name, or INPUT.PATH to edit a document input "
                + "(e.g. --set cable.fiber.length=\"20 m\").",
            "Prints the result's JSON (as the study's own command prints it with --format json), or its metric rows "
                    + "(--format csv|table). `mosaic studies STUDY` lists the inputs, their units and defaults."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STUDY", description = "The study, as `mosaic studies` lists it (e.g. cable).")
    String study;

    @Option(names = "--input", paramLabel = "FILE.json|-",
            description = "The input values: a JSON object keyed by input name, from a file or - for standard input "
                    + "(default: the study's defaults).")
    String input;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "An input's value (KEY its name) or an edit of a document input (INPUT.PATH=VALUE); repeatable, each "
                    + "key once, in any order.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "Output: json (the result), csv or table (its metric rows) (default: ${DEFAULT-VALUE}).")
    Output.Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Study<?, ?> s = StudiesCommand.study(study);
        if (!StudyInputs.bindable(s)) {
            throw new UsageException("run " + study + ": " + StudyInputs.whyNotBindable(s) + " (hint: `mosaic evaluate` runs the "
                    + "report studies)");
        }
        ObjectNode values = read();
        values = StudyInputs.assign(s, values, assignments());
        PrintWriter out = spec.commandLine().getOut();
        out.print(render(s, values));
        out.flush();
        return 0;
    }

    private <I extends Record, R> String render(Study<I, R> s, ObjectNode values) {
        I in = StudyInputs.bind(s, values);
        R result;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            result = s.run(in, progress);
        }
        if (format == Output.Format.JSON) {
            return Results.json(result);
        }
        List<MetricRow> rows = Results.rows(s, result);
        if (format == Output.Format.CSV) {
            List<Map<String, Object>> csv = new ArrayList<>();
            for (MetricRow r : rows) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("metric", r.name());
                row.put("value", r.value());
                row.put("unit", r.unit());
                csv.add(row);
            }
            return Output.csv(csv);
        }
        List<List<String>> table = new ArrayList<>();
        for (MetricRow r : rows) {
            table.add(List.of(r.name(), Double.isNaN(r.value()) ? "-" : String.format(Locale.ROOT, "%.6g", r.value()), r.unit()));
        }
        return Output.table(List.of("metric", ">value", "unit"), table);
    }

    /** The --input object (a file, or - for standard input), or an empty object: every input its default. */
    private ObjectNode read() {
        if (input == null) {
            return Output.JSON.createObjectNode();
        }
        String text;
        try {
            text = input.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(input), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("--input " + input + ": no such file (hint: a JSON object keyed by input name; "
                    + "- reads standard input)");
        } catch (IOException e) {
            throw new UsageException("--input " + input + ": cannot read it: " + e.getMessage());
        }
        JsonNode node;
        try {
            node = Output.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UsageException("--input " + input + ": not JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + "): expected a JSON object keyed by input name");
        }
        if (node == null || !node.isObject()) {
            throw new UsageException("--input " + input + ": " + (node == null ? "empty" : "a JSON " + node.getNodeType()
                    .toString().toLowerCase(Locale.ROOT)) + " — expected a JSON object keyed by input name, e.g. "
                    + StudyInputs.defaults(StudiesCommand.study(study)));
        }
        return (ObjectNode) node;
    }

    /** The --set assignments by key, each KEY=VALUE and each key once; every problem at once. */
    private Map<String, String> assignments() {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                problems.add("--set \"" + s + "\": expected KEY=VALUE, KEY an input's name or INPUT.PATH (e.g. --set scale=true "
                        + "or --set cable.fiber.length=20m)");
                continue;
            }
            String key = s.substring(0, eq).trim();
            String value = s.substring(eq + 1).trim();
            String before = out.putIfAbsent(key, value);
            if (before != null) {
                problems.add("--set " + key + " is given twice (" + before + " and " + value + "): expected each key once "
                        + "(hint: keep the one you mean)");
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems with --set:\n  - " + String.join("\n  - ", problems));
        }
        return out;
    }
}
