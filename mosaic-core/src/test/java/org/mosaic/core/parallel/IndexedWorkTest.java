package org.mosaic.core.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IndexedWorkTest {
    @Test
    void resultsComeBackByIndexWhateverTheThreadCount() {
        for (int threads : new int[] {1, 2, 7}) {
            List<Integer> out = IndexedWork.map(100, threads, () -> null, (w, i) -> i * i, "t");
            assertThat(out).hasSize(100);
            for (int i = 0; i < 100; i++) {
                assertThat(out.get(i)).isEqualTo(i * i);
            }
        }
        assertThat(IndexedWork.map(0, 4, () -> null, (w, i) -> i, "t")).isEmpty();
    }

    @Test
    void eachThreadGetsItsOwnScratch() {
        AtomicInteger made = new AtomicInteger();
        List<int[]> out = IndexedWork.map(50, 3, () -> {
            made.incrementAndGet();
            return new int[1];
        }, (w, i) -> w, "t");
        assertThat(made.get()).isBetween(1, 3);
        // every item saw its own thread's array; a thread that found no item left made one nobody used
        assertThat(out.stream().distinct().count()).isBetween(1L, (long) made.get());
    }

    @Test
    void theFirstFailureIsRethrownAsItWas() {
        assertThatThrownBy(() -> IndexedWork.map(10, 2, () -> null, (w, i) -> {
            if (i == 5) {
                throw new IllegalArgumentException("item 5");
            }
            return i;
        }, "t")).isInstanceOf(IllegalArgumentException.class).hasMessage("item 5");
    }
}
