package org.mosaic.studies.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.optics.CalibrationException;
import org.mosaic.optics.ChannelSpecs;
import org.mosaic.optics.JointCalibration;
import org.mosaic.studies.In;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * {@code channel-calibration}: several parameters of a channel design fitted jointly to a measurements document (BER at
 * several lengths and rates, received power where known), with standard errors and correlations; a combination the data
 * cannot determine is reported as such, not refused (see {@link JointCalibration}).
 */
public final class ChannelCalibrationStudy implements Study<ChannelCalibrationStudy.Input, ChannelCalibrationResult> {
    /**
     * @param scenario     the design; its values of the free parameters are the start
     * @param measurements the measurements document, parsed
     * @param free         the parameters to fit (empty: the document's own {@code free} list)
     * @param given        the keys the user set, each with how (refused when the fit cannot see them or the design does not use them)
     */
    public record Input(
            @In(value = "the channel design whose parameters are fitted; its values of the free parameters are the start",
                    document = "channel") ScenarioDocument scenario,
            @In("the measurements document (kind: measurements): points of length, rate, BER and optional received power")
            JointCalibration.Measurements measurements,
            @In("the parameters to fit, by dotted path (empty: the measurements document's free list)") List<String> free,
            @In("keys the user set, each with how it was given (refused when the fit cannot see them or the design does not use them)")
            Map<String, String> given) {
        public Input {
            free = List.copyOf(free);
            given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
        }
    }

    @Override
    public String name() {
        return "channel-calibration";
    }

    @Override
    public String question() {
        return "Which values of several channel parameters, fitted jointly, reproduce measured BERs and received powers, how well "
                + "is each determined, how are they correlated, and which combinations can the data not tell apart?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<ChannelCalibrationResult> resultType() {
        return ChannelCalibrationResult.class;
    }

    /** The parameters the fit frees: the given ones, else the document's. */
    public static List<String> freed(Input input) {
        List<String> free = input.free().isEmpty() ? input.measurements().free() : input.free();
        if (free.isEmpty()) {
            throw new UsageException("no parameter to fit: give --free (e.g. led.averagePower,fiber.attenuation) or a free: list in "
                    + input.measurements().source());
        }
        return free;
    }

    @Override
    public ChannelCalibrationResult run(Input input, Progress progress) {
        ScenarioDocument doc = input.scenario();
        List<String> paths = ChannelFitStudy.check(doc, freed(input), input.given());
        JointCalibration.Result fit;
        try {
            progress.task("fitting " + String.join(", ", paths) + " to " + input.measurements().points().size()
                    + " points (model evaluations)", 0);
            fit = JointCalibration.fit(doc, input.measurements(), paths, progress::step);
        } catch (CalibrationException e) {
            throw new UsageException(e.getMessage(), e);
        }
        List<ChannelCalibrationResult.Parameter> ps = new ArrayList<>();
        for (JointCalibration.Parameter p : fit.parameters()) {
            ChannelSpecs.Parameter par = ChannelSpecs.PARAMETERS.get(p.path());
            ps.add(new ChannelCalibrationResult.Parameter(p.path(), p.dimension().siUnit(), p.value(), p.standardError(), p.start(),
                    p.determined(), Output.si(p.value(), p.dimension()), p.dimension(), par == null ? "" : par.meaning()));
        }
        List<ChannelCalibrationResult.Correlation> cs = new ArrayList<>();
        for (int a = 0; a < ps.size(); a++) {
            for (int b = a + 1; b < ps.size(); b++) {
                cs.add(new ChannelCalibrationResult.Correlation(ps.get(a).path(), ps.get(b).path(), fit.correlation()[a][b]));
            }
        }
        List<Double> sv = new ArrayList<>();
        for (double s : fit.singularValues()) {
            sv.add(fit.singularValues()[0] > 0 ? s / fit.singularValues()[0] : 0);
        }
        List<ChannelCalibrationResult.Residual> rs = new ArrayList<>();
        for (JointCalibration.Residual r : fit.residuals()) {
            JointCalibration.Point p = r.point();
            rs.add(new ChannelCalibrationResult.Residual(p.index(), p.lengthMeters(), p.rateBitsPerSecond(), p.ber(), r.modelBer(),
                    r.log10BerResidual(), p.receivedPowerWatts(), r.modelReceivedPowerWatts(), r.powerResidualDb(), p.note()));
        }
        return new ChannelCalibrationResult(doc.source(), input.measurements().name(), fit.iterations(), fit.chiSquared(),
                fit.residualCount(), fit.degenerate(), fit.degeneracies(), ps, cs, sv, rs);
    }
}
