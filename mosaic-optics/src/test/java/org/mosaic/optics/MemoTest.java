package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;

/** The memo of the channel analysis: a pure function's answers, bounded, and never an answer to a different spec. */
class MemoTest {
    @Test
    void anEqualKeyIsComputedOnceAndTheLeastRecentlyUsedGoesFirst() {
        AtomicInteger calls = new AtomicInteger();
        Memo<String, Integer> m = new Memo<>(2);
        assertThat(m.get("a", k -> calls.incrementAndGet())).isEqualTo(1);
        assertThat(m.get(new String("a"), k -> calls.incrementAndGet())).isEqualTo(1);
        m.get("b", k -> calls.incrementAndGet());
        m.get("a", k -> calls.incrementAndGet());   // a is now the most recent
        m.get("c", k -> calls.incrementAndGet());   // evicts b
        assertThat(m.size()).isEqualTo(2);
        assertThat(calls.get()).isEqualTo(3);
        m.get("a", k -> calls.incrementAndGet());
        assertThat(calls.get()).as("a kept").isEqualTo(3);
        m.get("b", k -> calls.incrementAndGet());
        assertThat(calls.get()).as("b evicted, computed again").isEqualTo(4);
        assertThatThrownBy(() -> new Memo<String, Integer>(0)).hasMessageContaining("capacity 0");
    }

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
