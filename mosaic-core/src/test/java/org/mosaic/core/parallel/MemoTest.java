package org.mosaic.core.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The memo: a pure function's answers, each computed once while kept, bounded, least recently used first out. */
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

}
