package org.mosaic.studies.channel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.studies.In;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;

/**
 * {@code channel}: one microLED channel design evaluated — BER over the array, Q, margin, eye, reach, max rate at its
 * length and the link budget, and whether it closes at its length.
 */
public final class ChannelStudy implements Study<ChannelStudy.Input, ChannelEvaluation> {
    /** Signal levels of the statistical eye (over ±0.9 of OMA). */
    public static final int EYE_LEVELS = 181;

    /** The channel design evaluated when none is given (the CLI's {@code optics} default too). */
    public static final String DEFAULT_PRESET = "mosaic-prototype";

    /**
     * @param scenario   the design, every override applied
     * @param given      the keys the user gave, each with how (e.g. {@code --set}), in the order given: a key the
     *                   design does not use is refused, since the answer would be for another design
     * @param eyeDiagram whether to compute the statistical eye too (for a chart)
     */
    public record Input(
            @In(value = "the channel design: a channel or cable scenario with every override applied (a cable is checked whole, "
                    + "plan included)", document = "channel", defaultValue = DEFAULT_PRESET) ScenarioDocument scenario,
            @In(value = "keys the user gave, each with how it was given (named in the refusal when the design does not use the key)")
            Map<String, String> given,
            @In(value = "also compute the statistical eye of the nominal channel (for a chart)", defaultValue = "false")
            boolean eyeDiagram) {
        public Input {
            given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
        }

        /** The design alone: no keys given, no eye. */
        public static Input of(ScenarioDocument scenario) {
            return new Input(scenario, Map.of(), false);
        }
    }

    @Override
    public String name() {
        return "channel";
    }

    @Override
    public String question() {
        return "What BER, Q, margin, eye, reach and link budget does one microLED channel design have, and does it close at its length?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<ChannelEvaluation> resultType() {
        return ChannelEvaluation.class;
    }

    @Override
    public List<MetricSpec> metrics() {
        return ChannelMetrics.complete(Study.super.metrics());
    }

    @Override
    public ChannelEvaluation run(Input input, Progress progress) {
        ScenarioDocument doc = input.scenario();
        ChannelSpec s = ChannelScenarios.bind(doc);
        ChannelScenarios.refuseUnused(s, doc.source(), input.given());
        progress.task("evaluating " + s.name(), 1);
        ChannelResult r = ChannelAnalysis.analyse(s, true); // with the array's reach under every definition
        ChannelAnalysis.EyeDiagram eye = null;
        if (input.eyeDiagram()) {
            progress.task("computing the statistical eye", 0);
            eye = ChannelAnalysis.eyeDiagram(s, EYE_LEVELS);
        }
        return ChannelEvaluation.of(doc.source(), r, eye);
    }
}
