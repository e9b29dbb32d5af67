package org.mosaic.studies.datapath;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.EmulationSpec;
import org.mosaic.link.ChannelPlan;

/**
 * What {@code emulate} answers: the emulation's counts ({@link EmulationResult}, unwrapped), the scenario it ran, and
 * whether the channel model closes at the scenario's length (with {@code --ber model}; the sentence why not when it
 * does not). The spec, the cable's channel plan and the scenario's name are kept for rendering, not serialised.
 *
 * @param emulation           the emulator's result
 * @param scenario            where the scenario came from (preset name or file)
 * @param pcsDealing          how each host FEC flow dealt its interleaved symbols to its PCS lanes: symbols or units
 * @param channelCloses       whether the channel model meets its BER target (always with a given BER)
 * @param channelDoesNotClose why it does not, or null
 * @param scenarioName        the scenario's {@code name}
 * @param plan                the cable's channel plan
 * @param spec                the emulation that ran
 */
public record EmulateResult(@JsonUnwrapped EmulationResult emulation, String scenario, String pcsDealing, boolean channelCloses,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String channelDoesNotClose,
                            @JsonIgnore String scenarioName, @JsonIgnore ChannelPlan plan, @JsonIgnore EmulationSpec spec) {
}
