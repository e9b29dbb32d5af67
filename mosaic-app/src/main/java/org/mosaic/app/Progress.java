package org.mosaic.app;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress display on stderr ({@code \r}-updated, at most ten times a second). Quiet when
 * the output is not a terminal ({@code System.console() == null}), so pipes, files and tests see
 * nothing. Thread-safe: {@link #step()} may be called from worker threads.
 */
public final class Progress implements AutoCloseable {
    private static final long INTERVAL_NANOS = 100_000_000L;
    private static final long SHOW_AFTER_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile String task = "";
    private volatile long total;
    private long lastPrint;
    private boolean printed;

    private Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Shows progress on {@code err} only if the process runs on a terminal. */
    public static Progress onTerminal(PrintWriter err) {
        return new Progress(err, System.console() != null);
    }

    /** A progress that prints nothing. */
    public static Progress quiet() {
        return new Progress(null, false);
    }

    /** Starts a new task of {@code total} steps. */
    public void task(String name, long totalSteps) {
        task = name;
        total = totalSteps;
        done.set(0);
        print(true);
    }

    /** Sets the work done and the total (for engines that report absolute progress from worker threads). */
    public void set(long doneSteps, long totalSteps) {
        total = totalSteps;
        done.accumulateAndGet(doneSteps, Math::max);
        print(false);
    }

    public void step() {
        done.incrementAndGet();
        print(false);
    }

    private synchronized void print(boolean force) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - startNanos < SHOW_AFTER_NANOS || (!force && now - lastPrint < INTERVAL_NANOS)) {
            return;
        }
        lastPrint = now;
        long d = done.get();
        long t = total;
        String bar = t > 0 ? String.format(Locale.ROOT, " %3d%% (%d/%d)", 100 * d / t, d, t) : "";
        String line = String.format(Locale.ROOT, "%s%s  %.0f s", task, bar, (now - startNanos) / 1e9);
        err.print("\r" + line + "\u001b[K");
        err.flush();
        printed = true;
    }

    /** Clears the progress line. */
    @Override
    public synchronized void close() {
        if (enabled && printed) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
