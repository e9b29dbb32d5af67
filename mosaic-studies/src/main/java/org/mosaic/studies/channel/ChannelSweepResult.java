package org.mosaic.studies.channel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A channel design swept over one parameter (the {@code channel-sweep} study): the sweep, and the channel's
 * evaluation at every value.
 *
 * @param scenario the design's source
 * @param seed     the design's seed (the same at every point)
 * @param sweep    what was swept, over which range and step
 * @param points   one evaluation per value, in sweep order
 * @param name     the design's name
 * @param berTarget the design's BER target
 * @param definition the sweep as given (for its display units and meaning)
 */
public record ChannelSweepResult(String scenario, long seed, Axis sweep, List<Point> points, @JsonIgnore String name,
                                 @JsonIgnore double berTarget, @JsonIgnore Sweep definition) {
    public ChannelSweepResult {
        points = List.copyOf(points);
    }

    /**
     * The swept parameter: its key, its dimension and SI unit, the range and the step ({@code stepUnit} dB when a
     * power is stepped in dB).
     */
    public record Axis(String key, String dimension, String unit, double from, double to, double step, String stepUnit) {
        static Axis of(Sweep sw) {
            String unit = sw.parameter().dimension().siUnit();
            return new Axis(sw.key(), sw.parameter().dimension().description(), unit, sw.from(), sw.to(), sw.step(),
                    sw.stepInDb() ? "dB" : unit);
        }
    }

    /**
     * One point: the value in SI units, as people read it, and the channel's evaluation there.
     *
     * @param scenario the point's source (the design with the value set), not shown in the JSON
     */
    public record Point(double value, String valueText, ChannelEvaluation result, @JsonIgnore String scenario) {
    }
}
