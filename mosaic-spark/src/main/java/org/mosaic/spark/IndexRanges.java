package org.mosaic.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The split of a sweep's points [0, size) into contiguous index ranges, one Spark task each. */
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
    static List<Range> split(long size, int tasks) {
        if (size < 0 || tasks < 1) {
            throw new IllegalArgumentException("size " + size + " and tasks " + tasks + ": expected size >= 0, tasks >= 1");
        }
        List<Range> out = new ArrayList<>();
        long n = Math.min(size, tasks);
        if (n == 0) {
            return out;
        }
        long base = size / n;
        long extra = size % n;
        long first = 0;
        for (long t = 0; t < n; t++) {
            long count = base + (t < extra ? 1 : 0);
            out.add(new Range(first, first + count));
            first += count;
        }
        return out;
    }
}
