package org.mosaic.cli;

import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.UsageException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.units.Dimension;
import org.mosaic.optics.Calibration;
import org.mosaic.optics.CalibrationException;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.optics.ChannelSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic optics fit}: fits unknown channel parameters to measured (length, rate, BER) points. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit chosen parameters of a channel scenario to measured BERs (least squares on log10 BER).",
            "The CSV has a header naming the columns length, rate and ber, e.g.:",
            "  length,rate,ber", "  20 m,2 Gb/s,2e-8", "  30 m,2 Gb/s,3e-4",
            "A parameter the data do not determine (standard error above 50 % of its value, or 2 dB) is refused (exit 2). "
                    + "A poor fit (RMS of log10(measured/model) above 0.3 decades, twice the counting scatter of a BER from 10 "
                    + "errors) is printed with a warning and exit 2 unless --accept-poor-fit.",
            "Example data: docs/examples/lab.csv (see docs/examples/README.md)."})
public final class FitCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--measured", paramLabel = "FILE.csv", required = true, description = "Measured points: length,rate,ber.")
    Path measured;

    @Option(names = "--free", paramLabel = "PARAM", required = true, split = ",",
            description = "Parameters to fit, by dotted path, e.g. led.averagePower,fiber.modalBandwidth.")
    List<String> free;

    @Option(names = "--accept-poor-fit",
            description = "Exit 0 even when the model misses the data by more than 0.3 decades RMS (the warning is still printed).")
    boolean acceptPoorFit;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    /** Keys each measured point overrides, or that do not enter the fit: a --set of one would change nothing. */
    private static final Map<String, String> NOT_IN_THE_FIT = Map.of(
            "fiber.length", "every measured point gives its own length",
            "link.channelRate", "every measured point gives its own rate",
            "link.berTarget", "the fit compares BERs, so the BER target does not enter it");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> setKeys = scenario.setKeys();
        for (String k : setKeys) {
            if (NOT_IN_THE_FIT.containsKey(k)) {
                throw new UsageException("--set " + k + " has no effect on the fit: " + NOT_IN_THE_FIT.get(k)
                        + " (hint: drop the --set)");
            }
        }
        ScenarioDocument doc = scenario.load(ScenarioOptions.defaultPreset());
        ChannelSpec base = ChannelScenarios.bind(doc); // the same checks as optics and link
        List<String> paths = free.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        Map<String, String> given = new LinkedHashMap<>();
        setKeys.forEach(k -> given.put(k, "--set"));
        paths.forEach(k -> given.put(k, "--free"));
        ChannelScenarios.refuseUnused(base, doc.source(), given);
        Calibration.FitResult fit;
        List<Calibration.Measurement> data;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            data = Calibration.readCsv(measured);
            progress.task("fitting " + String.join(", ", paths) + " to " + data.size() + " points (model evaluations)", 0);
            fit = Calibration.fit(doc, data, paths, progress::step);
        } catch (CalibrationException e) {
            throw new UsageException(e.getMessage(), e);
        }
        out.print(switch (output.format) {
            case JSON -> Output.json(json(doc, fit));
            case CSV -> csv(fit);
            case TABLE -> table(doc, fit, data.size());
        });
        out.flush();
        if (fit.poor()) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf(Locale.ROOT, "mosaic: %s: the model misses the measurements by %.2f decades RMS (log10 of measured/model "
                    + "BER), more than %.1f — twice the scatter of a BER counted from 10 errors — so it does not describe these "
                    + "data and the fitted values are not to be trusted (hint: look at the largest residuals; free another "
                    + "parameter, or check the scenario against the setup measured; --accept-poor-fit to exit 0 anyway)%n",
                    acceptPoorFit ? "warning" : "poor fit", fit.rmsLog10(), Calibration.POOR_FIT_RMS_LOG10);
            err.flush();
            return acceptPoorFit ? 0 : Main.USAGE;
        }
        return 0;
    }

    private ObjectNode json(ScenarioDocument doc, Calibration.FitResult fit) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("scenario", doc.source());
        root.put("measured", measured.toString());
        root.put("iterations", fit.iterations());
        root.put("rmsLog10", fit.rmsLog10());
        root.put("poorFit", fit.poor());
        root.put("poorFitAboveRmsLog10", Calibration.POOR_FIT_RMS_LOG10);
        ArrayNode ps = root.putArray("parameters");
        for (Calibration.FittedParameter p : fit.parameters()) {
            ObjectNode o = ps.addObject();
            o.put("path", p.path());
            o.put("unit", p.dimension().siUnit());
            o.put("value", p.value());
            o.put("standardError", p.standardError());
            o.put("start", p.start());
            o.put("valueText", Output.si(p.value(), p.dimension()));
        }
        ArrayNode rs = root.putArray("residuals");
        for (Calibration.Residual r : fit.residuals()) {
            ObjectNode o = rs.addObject();
            o.put("line", r.measurement().line());
            o.put("lengthMeters", r.measurement().lengthMeters());
            o.put("rateBitsPerSecond", r.measurement().rateBitsPerSecond());
            o.put("measuredBer", r.measurement().ber());
            o.put("modelBer", r.modelBer());
            o.put("log10Residual", r.log10Residual());
        }
        return (ObjectNode) Output.strict(root);
    }

    private static String csv(Calibration.FitResult fit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Calibration.FittedParameter p : fit.parameters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", p.path());
            m.put("unit", p.dimension().siUnit());
            m.put("value", p.value());
            m.put("standardError", p.standardError());
            m.put("start", p.start());
            m.put("rmsLog10", fit.rmsLog10());
            m.put("iterations", fit.iterations());
            rows.add(m);
        }
        return Output.csv(rows);
    }

    private String table(ScenarioDocument doc, Calibration.FitResult fit, int points) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "fit of %s to %d measured points in %s (%s)%n%n", String.join(", ",
                fit.parameters().stream().map(Calibration.FittedParameter::path).toList()), points, measured, doc.source()));
        List<List<String>> ps = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        for (Calibration.FittedParameter p : fit.parameters()) {
            ChannelSpecs.Parameter par = ChannelSpecs.PARAMETERS.get(p.path());
            ps.add(List.of(p.path(), Output.si(p.start(), p.dimension()), Output.si(p.value(), p.dimension()),
                    "± " + Output.si(p.standardError(), p.dimension()), par == null ? "" : par.meaning()));
            sets.add("--set " + p.path() + "=" + Output.si(p.value(), p.dimension()).replace(" ", "").replace('µ', 'u'));
        }
        sb.append(Output.table(List.of("parameter", ">start", ">fitted", ">standard error", "meaning"), ps)).append('\n');
        List<List<String>> rs = new ArrayList<>();
        for (Calibration.Residual r : fit.residuals()) {
            Calibration.Measurement m = r.measurement();
            rs.add(List.of(Integer.toString(m.line()), Output.si(m.lengthMeters(), Dimension.LENGTH),
                    Output.si(m.rateBitsPerSecond(), Dimension.DATA_RATE), Output.ber(m.ber()), Output.ber(r.modelBer()),
                    String.format(Locale.ROOT, "%+.3f", r.log10Residual())));
        }
        sb.append(Output.table(List.of(">line", ">length", ">rate", ">measured BER", ">model BER", ">log10(measured/model)"), rs));
        sb.append(String.format(Locale.ROOT, "rms log10 residual %.3f decades after %d iterations%n", fit.rmsLog10(), fit.iterations()));
        sb.append("to use the fit: ").append(String.join(" ", sets)).append('\n');
        return sb.toString();
    }
}
