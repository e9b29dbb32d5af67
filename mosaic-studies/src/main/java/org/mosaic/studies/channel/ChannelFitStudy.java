package org.mosaic.studies.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.optics.Calibration;
import org.mosaic.optics.CalibrationException;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.optics.ChannelSpecs;
import org.mosaic.studies.In;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * {@code channel-fit}: chosen parameters of a channel design fitted to measured (length, rate, BER) points by least
 * squares on log10 BER. Refuses a parameter the data do not determine (standard error above 50 % of its value, 2 dB
 * for a level in dB), and says when the model misses the data by more than 0.3 decades RMS.
 */
public final class ChannelFitStudy implements Study<ChannelFitStudy.Input, ChannelFitResult> {
    /** Keys each measured point overrides, or that do not enter the fit: setting one would change nothing. */
    private static final Map<String, String> NOT_IN_THE_FIT = Map.of(
            "fiber.length", "every measured point gives its own length",
            "link.channelRate", "every measured point gives its own rate",
            "link.berTarget", "the fit compares BERs, so the BER target does not enter it");

    /**
     * @param scenario       the design, every override applied (the values of the free parameters are the start)
     * @param measuredSource where the points came from, as the result names it (e.g. the CSV file)
     * @param measured       the measured points
     * @param free           the parameters to fit, by dotted path
     * @param given          the keys the user set, each with how (e.g. {@code --set}); a key the fit cannot see or the
     *                       design does not use is refused
     */
    public record Input(
            @In(value = "the channel design whose parameters are fitted; its values of the free parameters are the start",
                    document = "channel") ScenarioDocument scenario,
            @In("where the measured points came from, as the result names it (e.g. the CSV file)") String measuredSource,
            @In(value = "the measured points: line, fibre length (m), channel rate (b/s), BER",
                    range = "1.." + Calibration.MAX_MEASUREMENTS + " points") List<Calibration.Measurement> measured,
            @In(value = "the parameters to fit, by dotted path (e.g. led.averagePower, fiber.modalBandwidth)") List<String> free,
            @In("keys the user set, each with how it was given (refused when the fit cannot see them or the design does not use them)")
            Map<String, String> given) {
        public Input {
            measured = List.copyOf(measured);
            free = List.copyOf(free);
            given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
        }
    }

    @Override
    public String name() {
        return "channel-fit";
    }

    @Override
    public String question() {
        return "Which values of chosen channel parameters make the model reproduce measured BERs, how well determined are they, "
                + "and does the model describe the data?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<ChannelFitResult> resultType() {
        return ChannelFitResult.class;
    }

    /** Refuses a given key that does not enter the fit (a front end may call it before it loads the design). */
    public static void refuseKeysNotInTheFit(Map<String, String> given) {
        for (Map.Entry<String, String> g : given.entrySet()) {
            if (NOT_IN_THE_FIT.containsKey(g.getKey())) {
                throw new UsageException(g.getValue() + " " + g.getKey() + " has no effect on the fit: " + NOT_IN_THE_FIT.get(g.getKey())
                        + " (hint: drop the " + g.getValue() + ")");
            }
        }
    }

    /**
     * The checks of the question that need no measured point: the given keys, the design (checked whole, as the channel
     * and cable studies check it) and the free parameters, each used by the design. A front end may call it before it
     * reads the measurements, so that a wrong question is refused before a missing or bad file.
     *
     * @return the free parameters' paths, trimmed
     */
    public static List<String> check(ScenarioDocument doc, List<String> free, Map<String, String> givenKeys) {
        refuseKeysNotInTheFit(givenKeys);
        ChannelSpec base = ChannelScenarios.bind(doc);
        List<String> paths = free.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        Map<String, String> given = new LinkedHashMap<>(givenKeys);
        paths.forEach(k -> given.put(k, "--free"));
        ChannelScenarios.refuseUnused(base, doc.source(), given);
        return paths;
    }

    @Override
    public ChannelFitResult run(Input input, Progress progress) {
        ScenarioDocument doc = input.scenario();
        List<String> paths = check(doc, input.free(), input.given());
        Calibration.FitResult fit;
        try {
            progress.task("fitting " + String.join(", ", paths) + " to " + input.measured().size() + " points (model evaluations)", 0);
            fit = Calibration.fit(doc, input.measured(), paths, progress::step);
        } catch (CalibrationException e) {
            throw new UsageException(e.getMessage(), e);
        }
        List<ChannelFitResult.Parameter> ps = new ArrayList<>();
        for (Calibration.FittedParameter p : fit.parameters()) {
            ChannelSpecs.Parameter par = ChannelSpecs.PARAMETERS.get(p.path());
            ps.add(new ChannelFitResult.Parameter(p.path(), p.dimension().siUnit(), p.value(), p.standardError(), p.start(),
                    Output.si(p.value(), p.dimension()), p.dimension(), par == null ? "" : par.meaning()));
        }
        List<ChannelFitResult.Residual> rs = new ArrayList<>();
        for (Calibration.Residual r : fit.residuals()) {
            Calibration.Measurement m = r.measurement();
            rs.add(new ChannelFitResult.Residual(m.line(), m.lengthMeters(), m.rateBitsPerSecond(), m.ber(), r.modelBer(), r.log10Residual()));
        }
        return new ChannelFitResult(doc.source(), input.measuredSource(), fit.iterations(), fit.rmsLog10(), fit.poor(),
                Calibration.POOR_FIT_RMS_LOG10, ps, rs);
    }
}
