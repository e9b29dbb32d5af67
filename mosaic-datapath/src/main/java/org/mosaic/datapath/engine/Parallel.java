package org.mosaic.datapath.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.mosaic.core.parallel.IndexedWork;
import org.mosaic.datapath.ProgressListener;

/**
 * Runs chunks [from, to) on {@link IndexedWork} (a fixed number of threads, each with its own scratch state, results
 * indexed by chunk — so merging them in index order gives the same answer for any thread count), reporting progress in
 * work units (superblocks for the Monte Carlo engines), capped at the total.
 */
final class Parallel {
    private Parallel() {
    }

    static <W, R> List<R> run(int from, int to, int threads, Supplier<W> scratch, BiFunction<W, Integer, R> work,
                              ProgressListener progress, long totalWork, AtomicLong done, long workPerChunk) {
        return IndexedWork.map(to - from, threads, scratch, (w, i) -> {
            R r = work.apply(w, from + i);
            progress.progress(Math.min(totalWork, done.addAndGet(workPerChunk)), totalWork);
            return r;
        }, "mosaic-datapath");
    }
}
