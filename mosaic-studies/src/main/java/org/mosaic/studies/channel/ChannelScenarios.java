package org.mosaic.studies.channel;

import org.mosaic.studies.UsageException;
import org.mosaic.studies.PlanErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.ChannelPlan;
import org.mosaic.link.LinkSpec;
import org.mosaic.link.LinkSpecs;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.optics.ChannelSpecs;

/**
 * The one place a scenario used as a channel is checked (the channel, channel-sweep and channel-fit studies): a
 * cable scenario is checked whole — its cable sections and its plan, exactly as
 * {@code link} checks them — so that one document gets one verdict from every command.
 */
public final class ChannelScenarios {
    private ChannelScenarios() {
    }

    /** The channel of {@code doc}, after the checks {@code link} would make when the document is a cable. */
    public static ChannelSpec bind(ScenarioDocument doc) {
        if (LinkSpecs.isCable(doc)) {
            LinkSpec link = LinkSpecs.bind(doc);
            PlanErrors.guard(() -> ChannelPlan.of(link.channel(), link.host(), link.plan()));
        }
        return ChannelSpecs.bind(doc);
    }

    /**
     * Refuses keys the user gave ({@code flag} says how, e.g. "--set") that have no effect on this design
     * (see {@link ChannelSpecs#unused}): the answer would be for a design other than the one asked about.
     */
    public static void refuseUnused(ChannelSpec spec, String source, Map<String, String> givenKeys) {
        Map<String, String> unused = ChannelSpecs.unused(spec);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> g : givenKeys.entrySet()) {
            String why = unused.get(g.getKey());
            if (why != null) {
                problems.add(g.getValue() + " " + g.getKey() + " has no effect on " + source + ": " + why
                        + " (hint: drop it, or change the setting that switches it off)");
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems));
        }
    }
}
