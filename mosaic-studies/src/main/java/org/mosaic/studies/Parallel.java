package org.mosaic.studies;

import java.util.List;
import java.util.function.IntFunction;
import org.mosaic.core.parallel.IndexedWork;

/**
 * Runs independent pure evaluations on all cores ({@link IndexedWork}), stepping the progress line per item. Results
 * come back by index, so the output never depends on thread scheduling; the first failure is rethrown as it was thrown.
 */
public final class Parallel {
    private Parallel() {
    }

    public static <T> List<T> map(int n, IntFunction<T> task, Progress progress) {
        int threads = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
        return IndexedWork.map(n, threads, () -> null, (ignored, i) -> {
            T v = task.apply(i);
            progress.step();
            return v;
        }, "mosaic-worker");
    }
}
