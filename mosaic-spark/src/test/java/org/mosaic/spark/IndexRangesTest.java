package org.mosaic.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class IndexRangesTest {
    /** Two missing stretches [0, a) and [a + gap, a + gap + b), as a rerun finds them after a lost middle part. */
    @Property(tries = 500)
    void theRangesCoverEveryMissingPointExactlyOnceInIndexOrder(@ForAll @LongRange(min = 0, max = 5000) long a,
                                                               @ForAll @LongRange(min = 0, max = 5000) long gap,
                                                               @ForAll @LongRange(min = 0, max = 5000) long b,
                                                               @ForAll @IntRange(min = 1, max = 64) int tasks) {
        List<long[]> todo = new ArrayList<>();
        if (a > 0) {
            todo.add(new long[] {0, a - 1});
        }
        if (b > 0) {
            todo.add(new long[] {a + gap, a + gap + b - 1});
        }
        List<IndexRanges.Range> ranges = IndexRanges.split(todo, tasks);
        long covered = 0;
        long previousEnd = 0;
        for (IndexRanges.Range r : ranges) {
            assertThat(r.count()).isPositive().isLessThanOrEqualTo((a + b + tasks - 1) / tasks);
            assertThat(r.first()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(todo).anySatisfy(t -> assertThat(r.first() >= t[0] && r.end() - 1 <= t[1]).isTrue());
            covered += r.count();
            previousEnd = r.end();
        }
        // in order, disjoint, inside the stretches, and as many points as they hold: every missing point once
        assertThat(covered).isEqualTo(a + b);
        assertThat(ranges.size()).isLessThanOrEqualTo(tasks + 1);
    }
}
