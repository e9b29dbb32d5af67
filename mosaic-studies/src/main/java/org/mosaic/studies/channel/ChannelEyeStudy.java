package org.mosaic.studies.channel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.studies.In;
import org.mosaic.studies.Metric;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;

/**
 * {@code channel-eye}: the pictures of one channel design's nominal channel — its statistical eye (signal density over two
 * unit intervals, with the inner opening at the BER target) and its bathtub (BER against the sampling phase) — as data, so
 * that any front end (the web studio) draws them from the result JSON alone. The same model calls as the report's channel
 * section ({@link ChannelReportStudy}) for one design, without the report's Monte Carlo cross-check and rate curves (BER
 * against length is {@code channel-sweep}).
 */
public final class ChannelEyeStudy implements Study<ChannelEyeStudy.Input, ChannelEyeStudy.Result> {
    /**
     * @param scenario the design, every override applied
     * @param given    the keys the user gave, each with how (a key the design does not use is refused)
     */
    public record Input(
            @In(value = "the channel design: a channel or cable scenario with every override applied", document = "channel",
                    defaultValue = ChannelStudy.DEFAULT_PRESET) ScenarioDocument scenario,
            @In(value = "keys the user gave, each with how it was given (named in the refusal when the design does not use the key)")
            Map<String, String> given) {
        public Input {
            given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
        }

        public static Input of(ScenarioDocument scenario) {
            return new Input(scenario, Map.of());
        }
    }

    /**
     * @param scenario            where the design came from
     * @param name                the design's name
     * @param channelRateBitsPerSecond the channel's rate
     * @param fiberLengthMeters   the fibre's length
     * @param berTarget           the BER target the inner opening is drawn at
     * @param centreBer           the bathtub's BER at phase 0 (the sampling instant the channel's BER is quoted at)
     * @param eyeWidthUi          width of the phase window meeting the target
     * @param eyeDiagram          the statistical eye: {@code density[time][level]}, levels as a fraction of OMA
     *                            (0 = decision threshold), time in UI; inner opening at the target ({@code null} = closed)
     * @param bathtub             BER at each sampling-phase offset (UI)
     */
    public record Result(String scenario, String name, double channelRateBitsPerSecond, double fiberLengthMeters,
                         @Metric(unit = "1") double berTarget, @Metric(unit = "1") double centreBer, @Metric(unit = "UI") double eyeWidthUi,
                         ChannelAnalysis.EyeDiagram eyeDiagram, ChannelAnalysis.Bathtub bathtub) {
    }

    @Override
    public String name() {
        return "channel-eye";
    }

    @Override
    public String question() {
        return "What do one channel design's statistical eye and bathtub (BER against sampling phase) look like?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<Result> resultType() {
        return Result.class;
    }

    @Override
    public Result run(Input input, Progress progress) {
        ScenarioDocument doc = input.scenario();
        ChannelSpec s = ChannelScenarios.bind(doc);
        ChannelScenarios.refuseUnused(s, doc.source(), input.given());
        progress.task("the bathtub of " + s.name(), 2);
        ChannelAnalysis.Bathtub tub = ChannelAnalysis.bathtub(s);
        progress.step();
        progress.task("the statistical eye of " + s.name(), 0);
        ChannelAnalysis.EyeDiagram eye = ChannelAnalysis.eyeDiagram(s, ChannelStudy.EYE_LEVELS);
        int centre = tub.phaseUi().length / 2;
        int left = centre;
        int right = centre;
        double target = s.berTarget();
        if (tub.ber()[centre] <= target) {
            while (left > 0 && tub.ber()[left - 1] <= target) {
                left--;
            }
            while (right < tub.ber().length - 1 && tub.ber()[right + 1] <= target) {
                right++;
            }
        }
        double width = tub.ber()[centre] <= target ? tub.phaseUi()[right] - tub.phaseUi()[left] : 0;
        return new Result(doc.source(), s.name(), s.rateBitsPerSecond(), s.fiber().lengthMeters(), target, tub.ber()[centre], width, eye, tub);
    }
}
