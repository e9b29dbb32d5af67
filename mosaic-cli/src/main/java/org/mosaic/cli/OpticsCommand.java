package org.mosaic.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.optics.ChannelResult;
import org.mosaic.report.Charts;
import org.mosaic.studies.ChannelFacts;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.channel.ChannelEvaluation;
import org.mosaic.studies.channel.ChannelStudy;
import org.mosaic.studies.channel.ChannelSweepResult;
import org.mosaic.studies.channel.ChannelSweepStudy;
import org.mosaic.studies.channel.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic optics}: one channel design evaluated (the channel study), or swept over one parameter (channel-sweep). */
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
        if (sw == null) {
            ChannelEvaluation e;
            try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
                e = new ChannelStudy().run(new ChannelStudy.Input(doc, given, plot != null), progress);
                if (plot != null) {
                    progress.task("plotting the statistical eye", 0);
                    Charts.write(Charts.eye(e.eye(), "Statistical eye, " + e.channel().name()), plot, 800, 560);
                }
            }
            out.print(single(e));
        } else {
            ChannelSweepResult r;
            try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
                r = new ChannelSweepStudy().run(new ChannelSweepStudy.Input(doc, sw, given), progress);
            }
            if (plot != null) {
                Charts.write(sweepChart(r), plot, 900, 520);
            }
            out.print(swept(r));
        }
        out.flush();
        return 0;
    }

    private String single(ChannelEvaluation e) {
        return switch (output.format) {
            case JSON -> Results.json(e);
            case CSV -> Output.csv(List.of(Output.flatten(Results.tree(e))));
            case TABLE -> {
                ChannelResult r = e.channel();
                StringBuilder sb = new StringBuilder();
                sb.append(r.name()).append("  (").append(e.scenario()).append(")\n");
                if (!e.channelCloses()) {
                    sb.append("WARNING: ").append(e.channelDoesNotClose()).append('\n');
                }
                sb.append('\n');
                List<List<String>> rows = new ArrayList<>();
                for (ChannelFacts.Fact f : ChannelFacts.of(r)) {
                    rows.add(List.of(f.label(), f.value()));
                }
                sb.append(Output.table(List.of("quantity", ">value"), rows)).append('\n');
                sb.append(Output.table(List.of("link budget", ">value"), ChannelFacts.budget(r)));
                List<List<String>> reach = new ArrayList<>();
                for (ChannelFacts.ReachRow row : ChannelFacts.arrayReach(r)) {
                    reach.add(List.of(row.definition(), row.reach(), row.margin(), row.target() ? "<- target" : ""));
                }
                if (!reach.isEmpty()) {
                    sb.append('\n').append(Output.table(List.of("array reach by definition", ">reach", ">margin", "design target"), reach));
                }
                if (plot != null) {
                    sb.append("\nplot: ").append(plot.toAbsolutePath()).append('\n');
                }
                yield sb.toString();
            }
        };
    }

    private String swept(ChannelSweepResult result) {
        Sweep sw = result.definition();
        return switch (output.format) {
            case JSON -> Results.json(result);
            case CSV -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                String unit = result.sweep().unit();
                for (ChannelSweepResult.Point p : result.points()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put(sw.key() + (unit.isEmpty() ? "" : " [" + unit + "]"), p.value());
                    row.putAll(Output.flatten(Results.tree(p.result().withScenario(p.scenario()))));
                    rows.add(row);
                }
                yield Output.csv(rows);
            }
            case TABLE -> {
                List<List<String>> rows = new ArrayList<>();
                for (ChannelSweepResult.Point p : result.points()) {
                    ChannelResult r = p.result().channel();
                    rows.add(List.of(p.valueText(), Output.ber(r.ber().median()), Output.ber(r.ber().mean()),
                            Output.ber(r.ber().worst()), Output.ber(r.nominalBer()), Output.number(r.qFactor(), 3),
                            Output.margin(r.marginDb()), ChannelFacts.reach(r), Output.db(r.ctlePeakingDb()),
                            Output.percent(r.eyeHeightFraction())));
                }
                StringBuilder sb = new StringBuilder();
                sb.append(result.name()).append("  (").append(result.scenario()).append("), seed ").append(result.seed())
                        .append(", sweeping ").append(sw.key()).append(" (").append(sw.parameter().meaning()).append(")\n\n");
                sb.append(Output.table(List.of(">" + sw.key(), ">median BER", ">mean BER", ">worst BER", ">nominal BER", ">Q",
                        ">margin", ">reach", ">CTLE peaking", ">eye height"), rows));
                sb.append("BER over the array (median, mean, worst) and of the nominal channel; Q, margin, reach, eye height "
                        + "(of OMA) of the nominal channel at BER ").append(Output.ber(result.berTarget())).append(".\n");
                if (plot != null) {
                    sb.append("plot: ").append(plot.toAbsolutePath()).append('\n');
                }
                yield sb.toString();
            }
        };
    }

    private static JFreeChart sweepChart(ChannelSweepResult result) {
        Sweep sw = result.definition();
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
        List<ChannelSweepResult.Point> points = result.points();
        int n = points.size();
        double[] x = new double[n];
        double[] median = new double[n];
        double[] mean = new double[n];
        double[] worst = new double[n];
        double[] nominal = new double[n];
        for (int i = 0; i < n; i++) {
            ChannelResult r = points.get(i).result().channel();
            x[i] = points.get(i).value() / factor;
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
        return Charts.berCurves("BER against " + sw.key() + ", " + result.name(), label, x, series, result.berTarget(), null, 1e-30);
    }
}
