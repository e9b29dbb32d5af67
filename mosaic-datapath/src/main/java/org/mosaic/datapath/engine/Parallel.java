package org.mosaic.datapath.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.mosaic.datapath.ProgressListener;

/**
 * Runs chunks [from, to) on a fixed number of threads, each thread with its own scratch state, and returns
 * the chunk results indexed by chunk — so merging them in index order gives the same answer for any
 * thread count. Progress is reported in work units (superblocks for the Monte Carlo engines), capped at the total.
 */
final class Parallel {
    private Parallel() {
    }

    static <W, R> List<R> run(int from, int to, int threads, Supplier<W> scratch, BiFunction<W, Integer, R> work,
                              ProgressListener progress, long totalWork, AtomicLong done, long workPerChunk) {
        int count = to - from;
        List<R> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            results.add(null);
        }
        AtomicInteger next = new AtomicInteger(from);
        Runnable loop = () -> {
            W w = scratch.get();
            int i;
            while ((i = next.getAndIncrement()) < to) {
                R r = work.apply(w, i);
                synchronized (results) {
                    results.set(i - from, r);
                }
                progress.progress(Math.min(totalWork, done.addAndGet(workPerChunk)), totalWork);
            }
        };
        int workers = Math.min(threads, count);
        if (workers <= 1) {
            loop.run();
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread th = new Thread(r, "mosaic-datapath");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                fs.add(pool.submit(loop));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("emulation interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
        return results;
    }
}
