package org.mosaic.core.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Runs independent work items 0..n−1 on a fixed number of daemon threads, each thread with its own scratch state,
 * and returns the results by index — so the answer never depends on the thread count or on scheduling. The first
 * failure is rethrown as it was thrown (a runtime exception or error), the pool is always shut down.
 */
public final class IndexedWork {
    private IndexedWork() {
    }

    /**
     * Computes {@code work(scratch, i)} for every i in [0, n).
     *
     * @param n       items
     * @param threads threads at most (1 runs on the caller's thread)
     * @param scratch per-thread state (may return null)
     * @param work    the item's computation, pure apart from its scratch
     * @param name    thread name, for stack dumps
     */
    public static <W, R> List<R> map(int n, int threads, Supplier<W> scratch, BiFunction<W, Integer, R> work, String name) {
        if (n < 0 || threads < 1) {
            throw new IllegalArgumentException("items " + n + ", threads " + threads + " — expected n >= 0 and at least one thread");
        }
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        Runnable loop = () -> {
            W w = scratch.get();
            int i;
            while ((i = next.getAndIncrement()) < n) {
                results[i] = work.apply(w, i);   // each slot written by one thread; the joins below publish them
            }
        };
        int workers = Math.min(threads, n);
        if (workers <= 1) {
            loop.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> fs = new ArrayList<>(workers);
                for (int i = 0; i < workers; i++) {
                    fs.add(pool.submit(loop));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(name + " interrupted", e);
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
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) Arrays.asList(results);
        return new ArrayList<>(out);
    }
}
