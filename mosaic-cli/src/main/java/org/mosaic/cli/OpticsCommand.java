package org.mosaic.cli;

import org.mosaic.studies.Output;
import org.mosaic.studies.Closure;
import org.mosaic.studies.ChannelFacts;
import org.mosaic.studies.Parallel;
import org.mosaic.studies.Progress;
import org.mosaic.studies.UsageException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import org.mosaic.report.Charts;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.optics.ChannelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic optics}: one channel design evaluated (or swept over one parameter). */
@Command(name = "optics", mixinStandardHelpOptions = true, subcommands = FitCommand.class,
        description = {"Evaluate one microLED channel design: BER over the array, Q, margin, reach, link budget.",
            "With --sweep, one row per value of a parameter; with --plot, a chart (the statistical eye, or BER against "
                    + "the swept parameter)."})
public final class OpticsCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Mixin
    FormatOption output;

    @OutputPaths.Writes(extensions = {".svg", ".png"})
    @Option(names = "--plot", paramLabel = "FILE.svg|FILE.png",
            description = "Write a chart: the statistical eye, or with --sweep the BER against the swept parameter.")
    Path plot;

    @Option(names = "--sweep", paramLabel = "KEY=FROM..TO:STEP",
            description = "Sweep one parameter, e.g. fiber.length=5m..60m:5m (FROM, TO, STEP with units).")
    String sweep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Sweep sw = sweep == null ? null : Sweep.parse(sweep);
        Map<String, String> given = new LinkedHashMap<>();
        for (String k : scenario.setKeys()) {
            given.put(k, "--set");
        }
        if (sw != null && given.containsKey(sw.key())) {
            throw new UsageException("--set " + sw.key() + " and --sweep " + sweep + " both give " + sw.key()
                    + ": the sweep would replace the --set value at every point (hint: drop the --set, or sweep another key)");
        }
        ScenarioDocument doc = scenario.load(ScenarioOptions.defaultPreset());
        ChannelSpec s = ChannelScenarios.bind(doc); // a cable scenario is checked whole, as link checks it
        if (sw != null) {
            given.put(sw.key(), "--sweep");
        }
        ChannelScenarios.refuseUnused(s, doc.source(), given);
        if (sw == null) {
            ChannelResult r;
            try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
                progress.task("evaluating " + s.name(), 1);
                r = ChannelAnalysis.analyse(s);
                if (plot != null) {
                    progress.task("plotting the statistical eye", 0);
                    Charts.write(Charts.eye(ChannelAnalysis.eyeDiagram(s, 181), "Statistical eye, " + s.name()), plot, 800, 560);
                }
            }
            out.print(single(doc, r));
        } else {
            out.print(swept(doc, sw));
        }
        out.flush();
        return 0;
    }

    private String single(ScenarioDocument doc, ChannelResult r) {
        return switch (output.format) {
            case JSON -> Output.json(resultJson(doc, r));
            case CSV -> Output.csv(List.of(Output.flatten(resultJson(doc, r))));
            case TABLE -> {
                StringBuilder sb = new StringBuilder();
                sb.append(r.name()).append("  (").append(doc.source()).append(")\n");
                String closure = Closure.statement(r);
                if (closure != null) {
                    sb.append("WARNING: ").append(closure).append('\n');
                }
                sb.append('\n');
                List<List<String>> rows = new ArrayList<>();
                for (ChannelFacts.Fact f : ChannelFacts.of(r)) {
                    rows.add(List.of(f.label(), f.value()));
                }
                sb.append(Output.table(List.of("quantity", ">value"), rows)).append('\n');
                sb.append(Output.table(List.of("link budget", ">value"), ChannelFacts.budget(r)));
                if (plot != null) {
                    sb.append("\nplot: ").append(plot.toAbsolutePath()).append('\n');
                }
                yield sb.toString();
            }
        };
    }

    /** The result as JSON, without the per-channel BER array (the report has it). */
    static ObjectNode resultJson(ScenarioDocument doc, ChannelResult r) {
        ObjectNode node = (ObjectNode) Output.tree(r);
        node.remove("perChannelBer");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("scenario", doc.source());
        String closure = Closure.statement(r);
        out.put("channelCloses", closure == null);
        if (closure != null) {
            out.put("channelDoesNotClose", closure);
        }
        out.setAll(node);
        return out;
    }

    private String swept(ScenarioDocument doc, Sweep sw) throws Exception {
        List<ChannelSpec> specs = new ArrayList<>();
        List<ScenarioDocument> docs = new ArrayList<>();
        for (double v : sw.points()) {
            ScenarioDocument d = doc.with(sw.key(), sw.valueText(v));
            docs.add(d);
            try {
                specs.add(ChannelScenarios.bind(d)); // every point validated before the long part
            } catch (UsageException | org.mosaic.core.scenario.ScenarioException e) {
                throw new UsageException("--sweep " + sw.key() + " at " + sw.display(v) + ": " + e.getMessage()
                        + "\n(hint: narrow the sweep's range to designs that are valid)");
            }
        }
        List<ChannelResult> results;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            progress.task("sweeping " + sw.key() + " over " + specs.size() + " points", specs.size());
            results = Parallel.map(specs.size(), i -> ChannelAnalysis.analyse(specs.get(i)), progress);
        }
        if (plot != null) {
            Charts.write(sweepChart(sw, results), plot, 900, 520);
        }
        return switch (output.format) {
            case JSON -> {
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                root.put("scenario", doc.source());
                root.put("seed", specs.get(0).seed());
                ObjectNode s = root.putObject("sweep");
                s.put("key", sw.key());
                s.put("dimension", sw.parameter().dimension().description());
                s.put("unit", sw.parameter().dimension().siUnit());
                s.put("from", sw.from());
                s.put("to", sw.to());
                s.put("step", sw.step());
                s.put("stepUnit", sw.stepInDb() ? "dB" : sw.parameter().dimension().siUnit());
                ArrayNode pts = root.putArray("points");
                for (int i = 0; i < results.size(); i++) {
                    ObjectNode p = pts.addObject();
                    p.put("value", sw.points().get(i));
                    p.put("valueText", sw.display(sw.points().get(i)));
                    ObjectNode r = resultJson(docs.get(i), results.get(i));
                    r.remove("scenario");
                    p.set("result", r);
                }
                yield Output.json(Output.strict(root));
            }
            case CSV -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                String unit = sw.parameter().dimension().siUnit();
                for (int i = 0; i < results.size(); i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put(sw.key() + (unit.isEmpty() ? "" : " [" + unit + "]"), sw.points().get(i));
                    JsonNode r = resultJson(docs.get(i), results.get(i));
                    row.putAll(Output.flatten(r));
                    rows.add(row);
                }
                yield Output.csv(rows);
            }
            case TABLE -> {
                List<List<String>> rows = new ArrayList<>();
                for (int i = 0; i < results.size(); i++) {
                    ChannelResult r = results.get(i);
                    rows.add(List.of(sw.display(sw.points().get(i)), Output.ber(r.ber().median()), Output.ber(r.ber().mean()),
                            Output.ber(r.ber().worst()), Output.ber(r.nominalBer()), Output.number(r.qFactor(), 3),
                            Output.db(r.marginDb()), ChannelFacts.reach(r), Output.db(r.ctlePeakingDb()),
                            Output.percent(r.eyeHeightFraction())));
                }
                StringBuilder sb = new StringBuilder();
                sb.append(specs.get(0).name()).append("  (").append(doc.source()).append("), seed ").append(specs.get(0).seed())
                        .append(", sweeping ").append(sw.key()).append(" (").append(sw.parameter().meaning()).append(")\n\n");
                sb.append(Output.table(List.of(">" + sw.key(), ">median BER", ">mean BER", ">worst BER", ">nominal BER", ">Q",
                        ">margin", ">reach", ">CTLE peaking", ">eye height"), rows));
                sb.append("BER over the array (median, mean, worst) and of the nominal channel; Q, margin, reach, eye height "
                        + "(of OMA) of the nominal channel at BER ").append(Output.ber(specs.get(0).berTarget())).append(".\n");
                if (plot != null) {
                    sb.append("plot: ").append(plot.toAbsolutePath()).append('\n');
                }
                yield sb.toString();
            }
        };
    }

    private static JFreeChart sweepChart(Sweep sw, List<ChannelResult> results) {
        double max = 0;
        for (double v : sw.points()) {
            max = Math.max(max, Math.abs(v));
        }
        // the display unit of the largest value, e.g. "µW" with factor 1e-6
        String shown = Output.si(max, sw.parameter().dimension());
        int space = shown.indexOf(' ');
        double factor = 1;
        String unit = sw.parameter().dimension().siUnit();
        if (space > 0 && max > 0) {
            try {
                factor = max / Double.parseDouble(shown.substring(0, space));
                unit = shown.substring(space + 1);
            } catch (NumberFormatException e) {
                factor = 1;
            }
        }
        int n = results.size();
        double[] x = new double[n];
        double[] median = new double[n];
        double[] mean = new double[n];
        double[] worst = new double[n];
        double[] nominal = new double[n];
        for (int i = 0; i < n; i++) {
            ChannelResult r = results.get(i);
            x[i] = sw.points().get(i) / factor;
            median[i] = r.ber().median();
            mean[i] = r.ber().mean();
            worst[i] = r.ber().worst();
            nominal[i] = r.nominalBer();
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("median over the array", median);
        series.put("mean over the array", mean);
        series.put("worst channel", worst);
        series.put("nominal channel", nominal);
        String label = sw.key() + (unit.isEmpty() ? "" : " (" + unit + ")");
        return Charts.berCurves("BER against " + sw.key() + ", " + results.get(0).name(), label, x, series,
                results.get(0).berTarget(), null, 1e-30);
    }
}
