package org.mosaic.cli;

import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.channel.ChannelCalibrationResult;
import org.mosaic.studies.channel.ChannelCalibrationStudy;
import org.mosaic.studies.channel.ChannelFitResult;
import org.mosaic.studies.channel.ChannelFitStudy;

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
import org.mosaic.optics.JointCalibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic optics fit}: fits unknown channel parameters to measured (length, rate, BER) points (the channel-fit study). */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit chosen parameters of a channel scenario to measured BERs (least squares on log10 BER).",
            "The CSV has a header naming the columns length, rate and ber, e.g.:",
            "  length,rate,ber", "  20 m,2 Gb/s,2e-8", "  30 m,2 Gb/s,3e-4",
            "A parameter the data do not determine (standard error above 50 %% of its value, or 2 dB) is refused (exit 2). "
                    + "A poor fit (RMS of log10(measured/model) above 0.3 decades, twice the counting scatter of a BER from 10 "
                    + "errors) is printed with a warning and exit 2 unless --accept-poor-fit.",
            "Example data: docs/examples/lab.csv (see docs/examples/README.md).",
            "With --measurements FILE.yaml (a measurements document: points of length, rate, BER and optional received "
                    + "power) several parameters are fitted jointly, with their correlations; a combination the data cannot "
                    + "determine is reported, not refused. --measurements mosaic-prototype uses the prototype's published point."})
public final class FitCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--measured", paramLabel = "FILE.csv", description = "Measured points: length,rate,ber.")
    Path measured;

    @Option(names = "--measurements", paramLabel = "FILE.yaml|NAME",
            description = "A measurements document (kind: measurements), or a shipped one by name (mosaic-prototype): a joint "
                    + "fit reporting correlations and undetermined combinations.")
    String measurements;

    @Option(names = "--free", paramLabel = "PARAM", split = ",",
            description = "Parameters to fit, by dotted path, e.g. led.averagePower,fiber.modalBandwidth (with --measurements: "
                    + "default the document's free list).")
    List<String> free;

    @Option(names = "--accept-poor-fit",
            description = "Exit 0 even when the model misses the data by more than 0.3 decades RMS (the warning is still printed).")
    boolean acceptPoorFit;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if ((measured == null) == (measurements == null)) {
            throw new UsageException(measured == null ? "no measurements: give --measured FILE.csv (length,rate,ber) or "
                    + "--measurements FILE.yaml (a measurements document, or the shipped mosaic-prototype)"
                    : "--measured and --measurements both given: one source of measurements per fit (hint: --measurements "
                    + "for a joint fit with correlations)");
        }
        if (measurements != null) {
            return joint(out);
        }
        if (free == null || free.isEmpty()) {
            throw new UsageException("--measured needs --free PARAM[,PARAM...]: the parameters to fit, e.g. led.averagePower");
        }
        Map<String, String> given = new LinkedHashMap<>();
        scenario.setKeys().forEach(k -> given.put(k, "--set"));
        ChannelFitStudy.refuseKeysNotInTheFit(given); // before the scenario is read, as it always was
        ScenarioDocument doc = scenario.load(ScenarioOptions.defaultPreset());
        ChannelFitStudy.check(doc, free, given); // the question refused before the file is read
        List<Calibration.Measurement> data;
        try {
            data = Calibration.readCsv(measured);
        } catch (CalibrationException e) {
            throw new UsageException(e.getMessage(), e);
        }
        ChannelFitResult fit;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            fit = new ChannelFitStudy().run(new ChannelFitStudy.Input(doc, measured.toString(), data, free, given), progress);
        }
        out.print(switch (output.format) {
            case JSON -> Results.json(fit);
            case CSV -> csv(fit);
            case TABLE -> table(fit, data.size());
        });
        out.flush();
        if (fit.poorFit()) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf(Locale.ROOT, "mosaic: %s: the model misses the measurements by %.2f decades RMS (log10 of measured/model "
                    + "BER), more than %.1f — twice the scatter of a BER counted from 10 errors — so it does not describe these "
                    + "data and the fitted values are not to be trusted (hint: look at the largest residuals; free another "
                    + "parameter, or check the scenario against the setup measured; --accept-poor-fit to exit 0 anyway)%n",
                    acceptPoorFit ? "warning" : "poor fit", fit.rmsLog10(), fit.poorFitAboveRmsLog10());
            err.flush();
            return acceptPoorFit ? 0 : Main.USAGE;
        }
        return 0;
    }

    private int joint(PrintWriter out) {
        Map<String, String> given = new LinkedHashMap<>();
        scenario.setKeys().forEach(k -> given.put(k, "--set"));
        ChannelFitStudy.refuseKeysNotInTheFit(given);
        ScenarioDocument doc = scenario.load(ScenarioOptions.defaultPreset());
        JointCalibration.Measurements m;
        try {
            Path file = Path.of(measurements);
            if (java.nio.file.Files.isRegularFile(file)) {
                m = JointCalibration.parse(measurements, java.nio.file.Files.readString(file));
            } else if (JointCalibration.SHIPPED.contains(measurements)) {
                m = JointCalibration.shipped(measurements);
            } else {
                throw new UsageException("--measurements " + measurements + ": no such file"
                        + (java.nio.file.Files.isDirectory(file) ? " (it is a directory)" : "") + ", and not a shipped measurements "
                        + "document (expected a YAML file, or one of " + JointCalibration.SHIPPED + ")");
            }
        } catch (CalibrationException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (java.io.IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
            throw new UsageException("--measurements " + measurements + ": cannot read it (" + e.getMessage() + ")", e);
        }
        ChannelCalibrationStudy.Input input = new ChannelCalibrationStudy.Input(doc, m, free == null ? List.of() : free, given);
        ChannelFitStudy.check(doc, ChannelCalibrationStudy.freed(input), given); // the question refused before the fit
        ChannelCalibrationResult fit;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            fit = new ChannelCalibrationStudy().run(input, progress);
        }
        out.print(switch (output.format) {
            case JSON -> Results.json(fit);
            case CSV -> Output.csv(jointRows(fit));
            case TABLE -> jointTable(fit);
        });
        out.flush();
        return 0;
    }

    private static List<Map<String, Object>> jointRows(ChannelCalibrationResult fit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChannelCalibrationResult.Parameter p : fit.parameters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", p.path());
            m.put("unit", p.unit());
            m.put("value", p.value());
            m.put("standardError", p.standardError());
            m.put("determined", p.determined());
            m.put("start", p.start());
            m.put("chiSquared", fit.chiSquared());
            m.put("degenerate", fit.degenerate());
            rows.add(m);
        }
        return rows;
    }

    private static String jointTable(ChannelCalibrationResult fit) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "joint fit of %s to %s (%d residuals) in %s%n%n", String.join(", ",
                fit.parameters().stream().map(ChannelCalibrationResult.Parameter::path).toList()), fit.measurements(),
                fit.residualCount(), fit.scenario()));
        List<List<String>> ps = new ArrayList<>();
        for (ChannelCalibrationResult.Parameter p : fit.parameters()) {
            ps.add(List.of(p.path(), Output.si(p.start(), p.dimension()), Output.si(p.value(), p.dimension()),
                    p.determined() ? "± " + Output.si(p.standardError(), p.dimension()) : "undetermined", p.meaning()));
        }
        sb.append(Output.table(List.of("parameter", ">start", ">fitted", ">standard error", "meaning"), ps)).append('\n');
        if (!fit.correlations().isEmpty()) {
            List<List<String>> cs = new ArrayList<>();
            for (ChannelCalibrationResult.Correlation c : fit.correlations()) {
                cs.add(List.of(c.first(), c.second(), String.format(Locale.ROOT, "%+.3f", c.coefficient())));
            }
            sb.append(Output.table(List.of("parameter", "parameter", ">correlation"), cs)).append('\n');
        }
        List<List<String>> rs = new ArrayList<>();
        for (ChannelCalibrationResult.Residual r : fit.residuals()) {
            rs.add(List.of(Integer.toString(r.point()), Output.si(r.lengthMeters(), Dimension.LENGTH),
                    Output.si(r.rateBitsPerSecond(), Dimension.DATA_RATE), Output.ber(r.measuredBer()), Output.ber(r.modelBer()),
                    String.format(Locale.ROOT, "%+.3f", r.log10BerResidual()),
                    Double.isNaN(r.measuredReceivedPowerWatts()) ? "-" : String.format(Locale.ROOT, "%+.2f dB", r.receivedPowerResidualDb())));
        }
        sb.append(Output.table(List.of(">point", ">length", ">rate", ">measured BER", ">model BER", ">log10(measured/model)",
                ">power measured/model"), rs));
        sb.append(String.format(Locale.ROOT, "chi-squared %.3g over %d residuals after %d iterations%n", fit.chiSquared(),
                fit.residualCount(), fit.iterations()));
        if (fit.degenerate()) {
            sb.append("DEGENERATE: the data do not determine every parameter:\n");
            fit.degeneracies().forEach(d -> sb.append("  - ").append(d).append('\n'));
            sb.append("(hint: add points at other lengths and rates, a received-power reading, or free fewer parameters)\n");
        }
        return sb.toString();
    }

    private static String csv(ChannelFitResult fit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChannelFitResult.Parameter p : fit.parameters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", p.path());
            m.put("unit", p.unit());
            m.put("value", p.value());
            m.put("standardError", p.standardError());
            m.put("start", p.start());
            m.put("rmsLog10", fit.rmsLog10());
            m.put("iterations", fit.iterations());
            rows.add(m);
        }
        return Output.csv(rows);
    }

    private static String table(ChannelFitResult fit, int points) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "fit of %s to %d measured points in %s (%s)%n%n", String.join(", ",
                fit.parameters().stream().map(ChannelFitResult.Parameter::path).toList()), points, fit.measured(), fit.scenario()));
        List<List<String>> ps = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        for (ChannelFitResult.Parameter p : fit.parameters()) {
            ps.add(List.of(p.path(), Output.si(p.start(), p.dimension()), Output.si(p.value(), p.dimension()),
                    "± " + Output.si(p.standardError(), p.dimension()), p.meaning()));
            sets.add("--set " + p.path() + "=" + Output.si(p.value(), p.dimension()).replace(" ", "").replace('µ', 'u'));
        }
        sb.append(Output.table(List.of("parameter", ">start", ">fitted", ">standard error", "meaning"), ps)).append('\n');
        List<List<String>> rs = new ArrayList<>();
        for (ChannelFitResult.Residual r : fit.residuals()) {
            rs.add(List.of(Integer.toString(r.line()), Output.si(r.lengthMeters(), Dimension.LENGTH),
                    Output.si(r.rateBitsPerSecond(), Dimension.DATA_RATE), Output.ber(r.measuredBer()), Output.ber(r.modelBer()),
                    String.format(Locale.ROOT, "%+.3f", r.log10Residual())));
        }
        sb.append(Output.table(List.of(">line", ">length", ">rate", ">measured BER", ">model BER", ">log10(measured/model)"), rs));
        sb.append(String.format(Locale.ROOT, "rms log10 residual %.3f decades after %d iterations%n", fit.rmsLog10(), fit.iterations()));
        sb.append("to use the fit: ").append(String.join(" ", sets)).append('\n');
        return sb.toString();
    }
}
