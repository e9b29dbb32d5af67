package org.mosaic.studies.channel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.mosaic.core.units.Dimension;
import org.mosaic.studies.Metric;

/**
 * Chosen channel parameters fitted to measured (length, rate, BER) points (the {@code channel-fit} study): the
 * fitted values with their standard errors, the residual of every point and whether the model describes the data.
 *
 * @param scenario             the design's source
 * @param measured             where the measured points came from (as the user named it)
 * @param iterations           iterations of the least-squares fit
 * @param rmsLog10             RMS of log10(measured/model BER) over the points, decades
 * @param poorFit              whether the model misses the data by more than {@code poorFitAboveRmsLog10}
 * @param poorFitAboveRmsLog10 the RMS above which a fit is poor, decades
 * @param parameters           the fitted parameters, in the order given
 * @param residuals            one per measured point, in the file's order
 */
public record ChannelFitResult(String scenario, String measured, int iterations,
                               @Metric(unit = "decades", value = "RMS of log10(measured/model BER)") double rmsLog10,
                               boolean poorFit,
                               @Metric(unit = "decades", value = "the RMS of log10 residuals above which the fit is poor") double poorFitAboveRmsLog10,
                               List<Parameter> parameters, List<Residual> residuals) {
    public ChannelFitResult {
        parameters = List.copyOf(parameters);
        residuals = List.copyOf(residuals);
    }

    /**
     * A fitted parameter, in SI units of its dimension ({@code unit}).
     *
     * @param meaning what the parameter is (for a table)
     */
    public record Parameter(String path, String unit,
                            @Metric(unit = "(unit)", value = "the fitted value, in the parameter's unit") double value,
                            @Metric(unit = "(unit)", value = "its standard error, in the parameter's unit") double standardError,
                            @Metric(unit = "(unit)", value = "the scenario's value the fit started from") double start,
                            String valueText, @JsonIgnore Dimension dimension, @JsonIgnore String meaning) {
    }

    /** One measured point, the model's BER there and log10(measured/model). */
    public record Residual(int line, double lengthMeters, double rateBitsPerSecond, double measuredBer, double modelBer,
                           @Metric(unit = "decades", value = "log10(measured/model BER)") double log10Residual) {
    }
}
