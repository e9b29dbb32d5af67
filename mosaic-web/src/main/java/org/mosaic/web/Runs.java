package org.mosaic.web;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.mosaic.studies.Progress;

/**
 * The studio's /run work: each run computes on a thread of its own bounded pool while the request's thread waits for it
 * at most the run's time limit, so the limit acts even when a study does not report progress for a long time.
 * <p>
 * Past the limit the request is answered at once (413, naming the limit) and the run is <b>abandoned</b>: its progress is
 * cancelled (the study throws {@code Cancelled} at its next report) and its thread interrupted (any blocking wait ends).
 * Java cannot stop a thread, so a study that neither reports progress nor waits keeps its thread until its computation
 * ends; its result is then dropped. Such a thread still counts in the pool, and when every thread of the pool is held by
 * abandoned runs a new run is refused with 429 (the hint: wait, or use the CLI) instead of queueing behind them.
 */
final class Runs implements AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final int threads;
    private final AtomicInteger abandoned = new AtomicInteger();

    /** {@code threads} runs compute at once, {@code queued} wait (429 beyond). */
    Runs(int threads, int queued) {
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queued), r -> {
            Thread t = new Thread(r, "mosaic-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runs abandoned past their limit whose threads have not ended yet. */
    int abandoned() {
        return abandoned.get();
    }

    /**
     * {@code work} with a fresh progress on a pool thread, waited for at most {@code limit}; past it, refused with 413 naming
     * {@code what} and {@code hint} (the work abandoned as the class comment says). The work's own exceptions are rethrown
     * as they are.
     */
    <T> T call(Function<Progress, T> work, Duration limit, String what, String hint) {
        if (abandoned.get() >= threads) {
            throw busy();
        }
        Progress progress = Progress.tracking();
        AtomicBoolean late = new AtomicBoolean();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Future<T> future;
        try {
            future = pool.submit(() -> {
                started.countDown();
                try {
                    return work.apply(progress);
                } finally {
                    synchronized (late) {
                        if (late.get()) {
                            abandoned.decrementAndGet();
                        }
                        late.set(false);
                    }
                    Thread.interrupted();   // clear an interrupt meant for this run before the thread takes the next
                }
            });
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        try {
            // the limit is on computing: the time waiting for a thread is not counted and not bounded (each run ahead is
            // held to its own limit; the queue's length is bounded, 429 beyond). A bound on the wait refused runs that were
            // only waiting their turn: 110 of 400 answers were 429 in the 200-client load test on a machine at load 30.
            started.await();
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            progress.cancel();
            synchronized (late) {
                if (!future.isDone()) {
                    late.set(true);
                    abandoned.incrementAndGet();
                }
            }
            future.cancel(true);
            throw new ApiException(413, String.format(Locale.ROOT, "%s took longer than %s, the studio's limit for one request (%s)", what,
                    seconds(limit), hint));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } catch (CancellationException e) {
            throw new ApiException(413, what + " was stopped (" + hint + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.cancel();
            future.cancel(true);
            throw new IllegalStateException("the request was interrupted (the server is stopping)", e);
        }
    }

    private ApiException busy() {
        return new ApiException(429, String.format(Locale.ROOT, "the studio computes %d runs at once and all are taken%s (hint: wait and "
                + "retry, or run the work with the CLI)", threads, abandoned.get() > 0 ? " (" + abandoned.get()
                + " by runs past their time limit that have not stopped yet)" : ""));
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.3f s", ms / 1000.0);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
