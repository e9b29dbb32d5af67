package org.mosaic.studies.channel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.studies.Closure;

/**
 * One channel design evaluated (the {@code channel} study): where the design came from, whether it closes at its
 * length (and the sentence saying why not), and the channel's numbers. The JSON is the channel's result without the
 * per-channel BER array (the report's channel section has it).
 *
 * @param scenario            the scenario's source ({@code preset mosaic-prototype}); absent in a sweep's points
 * @param channelCloses       whether the NOMINAL channel meets its BER target at its length (the
 *                            sentence says so); the reach, by contrast, is on the design's link.reach.target
 * @param channelDoesNotClose the sentence saying it does not, with the BER, the target and the reach; absent when it closes
 * @param channel             the channel's numbers
 * @param eye                 the statistical eye, when it was asked for (for a chart; not in the JSON)
 */
public record ChannelEvaluation(
        @JsonInclude(JsonInclude.Include.NON_NULL) String scenario,
        boolean channelCloses,
        @JsonInclude(JsonInclude.Include.NON_NULL) String channelDoesNotClose,
        @JsonUnwrapped @JsonIgnoreProperties("perChannelBer") ChannelResult channel,
        @JsonIgnore ChannelAnalysis.EyeDiagram eye) {

    /** The evaluation of {@code r}, with its closure sentence. */
    public static ChannelEvaluation of(String scenario, ChannelResult r, ChannelAnalysis.EyeDiagram eye) {
        String closure = Closure.statement(r);
        return new ChannelEvaluation(scenario, closure == null, closure, r, eye);
    }

    /** The same evaluation with another source shown (null: none). */
    public ChannelEvaluation withScenario(String source) {
        return new ChannelEvaluation(source, channelCloses, channelDoesNotClose, channel, eye);
    }
}
