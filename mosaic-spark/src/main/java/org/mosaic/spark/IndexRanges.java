package org.mosaic.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The split of a sweep's points still to run into contiguous index ranges, one Spark task each. */
final class IndexRanges {
    private IndexRanges() {
    }

    /** A half-open range of point indices [first, end). */
    record Range(long first, long end) implements Serializable {
        long count() {
            return end - first;
        }
    }

    /**
     * [0, size) in {@code min(size, tasks)} contiguous ranges, in index order, whose sizes differ by at most one (the
     * larger first); none when size is 0.
     */
    /**
     * The ranges still to run ({@code todo}, inclusive [first, last] pairs as the local runner lists them) cut into
     * about {@code tasks} ranges of at most ceil(total / tasks) points each, in index order.
     */
    static List<Range> split(List<long[]> todo, int tasks) {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks " + tasks + ": expected at least 1");
        }
        long total = 0;
        for (long[] r : todo) {
            total += r[1] - r[0] + 1;
        }
        List<Range> out = new ArrayList<>();
        if (total == 0) {
            return out;
        }
        long piece = (total + tasks - 1) / tasks;
        for (long[] r : todo) {
            for (long first = r[0]; first <= r[1]; first += piece) {
                out.add(new Range(first, Math.min(r[1] + 1, first + piece)));
            }
        }
        return out;
    }
}
