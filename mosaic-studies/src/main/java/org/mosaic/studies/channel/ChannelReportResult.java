package org.mosaic.studies.channel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.optics.MonteCarlo;
import org.mosaic.studies.Metric;

/**
 * The report's channel section (the {@code report-channel} study): for each scenario its full channel result, the
 * bathtub, the statistical eye, BER against length at the curve rates with the reach at each, a time-domain Monte
 * Carlo cross-check and every parameter with its source.
 *
 * @param curveRatesBitsPerSecond the rates of the BER-against-length curves
 * @param scenarios               by display name, in the order given
 */
public record ChannelReportResult(double[] curveRatesBitsPerSecond, Map<String, Scenario> scenarios) {
    public ChannelReportResult {
        curveRatesBitsPerSecond = curveRatesBitsPerSecond.clone();
        scenarios = Collections.unmodifiableMap(new LinkedHashMap<>(scenarios));
    }

    /** The scenarios in order. */
    public List<Scenario> list() {
        return new ArrayList<>(scenarios.values());
    }

    /**
     * Everything computed for one scenario.
     *
     * @param name        its display name
     * @param description the scenario's description (empty when it has none)
     * @param source      where the scenario came from
     * @param rows        rows of the channel array
     * @param cols        columns of the channel array
     */
    public record Scenario(@JsonIgnore String name, @JsonIgnore String description, String source, ChannelResult result,
                           ChannelAnalysis.Bathtub bathtub, ChannelAnalysis.EyeDiagram eyeDiagram, BerVsLength berVsLength,
                           CrossCheck monteCarlo, List<Provenance> provenance, List<String> unsourced,
                           @JsonIgnore int rows, @JsonIgnore int cols) {
        public Scenario {
            provenance = List.copyOf(provenance);
            unsourced = List.copyOf(unsourced);
        }
    }

    /** BER of the nominal channel against fibre length, one curve per rate. */
    public record BerVsLength(double[] lengthsMeters, List<Curve> curves) {
        public BerVsLength {
            curves = List.copyOf(curves);
        }
    }

    /** One rate's curve: its reach at the BER target and the BER at every length. */
    public record Curve(double rateBitsPerSecond, double reachMeters,
                        @Metric(unit = "1", value = "BER of the nominal channel at each length") double[] ber) {
    }

    /**
     * The Monte Carlo cross-check of one scenario, at {@code lengthMeters}; {@code result} and {@code agrees} are
     * absent with a {@code note} saying why when it was not run.
     *
     * @param agrees whether the statistical eye's BER is inside the Monte Carlo's 95 % interval
     */
    public record CrossCheck(double lengthMeters, String note,
                             @JsonInclude(JsonInclude.Include.NON_NULL) MonteCarlo.Result result,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Boolean agrees) {
        static CrossCheck of(double lengthMeters, MonteCarlo.Result result, String note) {
            Boolean agrees = result == null ? null
                    : result.statisticalEyeBer() >= result.lower95() && result.statisticalEyeBer() <= result.upper95();
            return new CrossCheck(lengthMeters, note, result, agrees);
        }

        /** Whether it ran and agrees. */
        public boolean agreed() {
            return Boolean.TRUE.equals(agrees);
        }
    }
}
