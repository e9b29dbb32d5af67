package org.mosaic.studies.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.studies.In;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Parallel;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * {@code channel-sweep}: one channel design evaluated at every value of one parameter (one row per value): BER over
 * the array and of the nominal channel, Q, margin, reach, CTLE peaking, eye. Every point is checked before the long
 * part; the points are evaluated in parallel, in a deterministic order.
 */
public final class ChannelSweepStudy implements Study<ChannelSweepStudy.Input, ChannelSweepResult> {

    /**
     * @param scenario the design, every other override applied
     * @param sweep    the parameter and its values
     * @param given    the keys the user set, each with how (the swept key is added as {@code --sweep}); a key the
     *                 design does not use is refused (a key both set and swept is the front end's to refuse: the
     *                 sweep replaces it)
     */
    public record Input(
            @In(value = "the channel design: a channel or cable scenario with every other override applied", document = "channel",
                    defaultValue = ChannelStudy.DEFAULT_PRESET) ScenarioDocument scenario,
            @In(value = "the parameter swept and its values, KEY=FROM..TO:STEP with units (a power may step in dB)",
                    range = "at most " + Sweep.MAX_POINTS + " points") Sweep sweep,
            @In(value = "keys the user gave besides the sweep, each with how it was given (named in the refusal when the design "
                    + "does not use the key)") Map<String, String> given) {
        public Input {
            given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
        }
    }

    @Override
    public String name() {
        return "channel-sweep";
    }

    @Override
    public String question() {
        return "How do a channel's BER, Q, margin and reach change over a range of one of its parameters?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<ChannelSweepResult> resultType() {
        return ChannelSweepResult.class;
    }

    @Override
    public List<MetricSpec> metrics() {
        return ChannelMetrics.complete(Study.super.metrics());
    }

    @Override
    public ChannelSweepResult run(Input input, Progress progress) {
        ScenarioDocument doc = input.scenario();
        Sweep sw = input.sweep();
        ChannelSpec base = ChannelScenarios.bind(doc); // a cable scenario is checked whole, as link checks it
        Map<String, String> given = new LinkedHashMap<>(input.given());
        given.put(sw.key(), "--sweep");
        ChannelScenarios.refuseUnused(base, doc.source(), given);
        List<ChannelSpec> specs = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (double v : sw.points()) {
            ScenarioDocument d = doc.with(sw.key(), sw.valueText(v));
            sources.add(d.source());
            try {
                specs.add(ChannelScenarios.bind(d)); // every point validated before the long part
            } catch (UsageException | ScenarioException e) {
                throw new UsageException("--sweep " + sw.key() + " at " + sw.display(v) + ": " + e.getMessage()
                        + "\n(hint: narrow the sweep's range to designs that are valid)");
            }
        }
        progress.task("sweeping " + sw.key() + " over " + specs.size() + " points", specs.size());
        List<ChannelResult> results = Parallel.map(specs.size(), i -> ChannelAnalysis.analyse(specs.get(i)), progress);
        List<ChannelSweepResult.Point> points = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            double v = sw.points().get(i);
            points.add(new ChannelSweepResult.Point(v, sw.display(v), ChannelEvaluation.of(null, results.get(i), null), sources.get(i)));
        }
        return new ChannelSweepResult(doc.source(), specs.get(0).seed(), ChannelSweepResult.Axis.of(sw), points, specs.get(0).name(),
                specs.get(0).berTarget(), sw);
    }
}
