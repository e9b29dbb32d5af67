package org.mosaic.studies.channel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.mosaic.core.units.Dimension;
import org.mosaic.studies.Metric;

/**
 * Several channel parameters fitted jointly to a measurements document (the {@code channel-calibration} study).
 *
 * @param scenario      the design's source
 * @param measurements  the measurements document's name
 * @param iterations    iterations of the Levenberg–Marquardt fit
 * @param chiSquared    Σ of the squared weighted residuals at the optimum
 * @param residualCount the number of weighted residuals (one per BER, one per received power)
 * @param degenerate    whether a direction of the free parameters is undetermined by the data
 * @param degeneracies  each undetermined direction in words
 * @param parameters    the fitted parameters, in the order given
 * @param correlations  the correlation of every pair of fitted parameters
 * @param singularValues the singular values of the column-scaled Jacobian relative to the largest (1 first; near 0: undetermined)
 * @param residuals     one per measured point
 */
public record ChannelCalibrationResult(String scenario, String measurements, int iterations,
                                       @Metric(unit = "1", value = "sum of the squared weighted residuals") double chiSquared,
                                       int residualCount, boolean degenerate, List<String> degeneracies,
                                       List<Parameter> parameters, List<Correlation> correlations,
                                       @Metric(unit = "1", value = "singular values of the column-scaled Jacobian, relative to the largest")
                                       List<Double> singularValues,
                                       List<Residual> residuals) {
    public ChannelCalibrationResult {
        degeneracies = List.copyOf(degeneracies);
        parameters = List.copyOf(parameters);
        correlations = List.copyOf(correlations);
        singularValues = List.copyOf(singularValues);
        residuals = List.copyOf(residuals);
    }

    /** A fitted parameter in SI units of its dimension; an undetermined one has an infinite (JSON: null) standard error. */
    public record Parameter(String path, String unit,
                            @Metric(unit = "(unit)", value = "the fitted value, in the parameter's unit") double value,
                            @Metric(unit = "(unit)", value = "its standard error (null: undetermined)") double standardError,
                            @Metric(unit = "(unit)", value = "the scenario's value the fit started from") double start,
                            boolean determined, String valueText, @JsonIgnore Dimension dimension, @JsonIgnore String meaning) {
    }

    /** The correlation coefficient of two fitted parameters (±1: they move together and cannot be told apart). */
    public record Correlation(String first, String second,
                              @Metric(unit = "1", value = "correlation coefficient of the two parameters' estimates") double coefficient) {
    }

    /** One measured point and the model there. */
    public record Residual(int point, double lengthMeters, double rateBitsPerSecond, double measuredBer, double modelBer,
                           @Metric(unit = "decades", value = "log10(measured/model BER)") double log10BerResidual,
                           double measuredReceivedPowerWatts, double modelReceivedPowerWatts,
                           @Metric(unit = "dB", value = "measured/model received power (null: not measured)") double receivedPowerResidualDb,
                           String note) {
    }
}
