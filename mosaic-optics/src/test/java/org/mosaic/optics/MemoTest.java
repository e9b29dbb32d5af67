package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;

/** The memo of the channel analysis ({@link org.mosaic.core.parallel.Memo}): the computed answer, never one for a different spec. */
class MemoTest {
    @Test
    void theMemoisedAnalysisIsTheComputedOneAndAnEditedSpecIsNotServedTheOldAnswer() {
        ChannelSpec spec = ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype"));
        ChannelResult first = ChannelAnalysis.analyse(spec, false);
        // an equal spec bound again from the same document is the same key
        assertThat(ChannelAnalysis.analyse(ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype")), false)).isSameAs(first);
        ChannelResult fresh = ChannelAnalysis.compute(spec, false);
        assertThat(fresh.reachMeters()).isEqualTo(first.reachMeters());
        assertThat(fresh.perChannelBer()).containsExactly(first.perChannelBer());
        assertThat(fresh.marginDb()).isEqualTo(first.marginDb());
        // one number changed: a different key and a different answer
        ChannelSpec longer = ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype").with("fiber.length", "25 m"));
        ChannelResult other = ChannelAnalysis.analyse(longer, false);
        assertThat(other).isNotSameAs(first);
        assertThat(other.marginDb()).isLessThan(first.marginDb());
        assertThat(ChannelAnalysis.targetReach(spec)).isEqualTo(ChannelAnalysis.targetReach(spec))
                .isEqualTo(Math.min(first.reachMeters(), ChannelAnalysis.MAX_LENGTH));
    }
}
