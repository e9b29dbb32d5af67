package org.mosaic.studies;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress display on stderr ({@code \r}-updated, at most ten times a second). Quiet when
 * the output is not a terminal ({@code System.console() == null}), so pipes, files and tests see
 * nothing. Thread-safe: {@link #step()} may be called from worker threads.
 *
 * <p>A progress can also be read ({@link #done()}, {@link #total()}, {@link #taskName()}: a web job's state) and
 * cancelled ({@link #cancel()}): after that every report of progress throws {@link Cancelled}, so any study stops at its
 * next step without knowing about cancellation.
 */
public final class Progress implements AutoCloseable {
    private static final long INTERVAL_NANOS = 100_000_000L;
    private static final long SHOW_AFTER_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final long showAfterNanos;
    private final long startNanos = System.nanoTime();
    private volatile String section = "";
    private long sectionStartNanos = startNanos;
    private final AtomicLong done = new AtomicLong();
    private volatile String task = "";
    private volatile long total;
    private long lastPrint;
    private boolean printed;
    private volatile boolean cancelled;

    private Progress(PrintWriter err, boolean enabled) {
        this(err, enabled, SHOW_AFTER_NANOS);
    }

    Progress(PrintWriter err, boolean enabled, long showAfterNanos) {
        this.err = err;
        this.enabled = enabled;
        this.showAfterNanos = showAfterNanos;
    }

    /** Shows progress on {@code err} only if the process runs on a terminal. */
    public static Progress onTerminal(PrintWriter err) {
        return new Progress(err, System.console() != null);
    }

    /** A progress that prints nothing. */
    public static Progress quiet() {
        return new Progress(null, false);
    }

    /** A progress that prints nothing and is read by its owner ({@link #done()}, {@link #total()}) and may be cancelled. */
    public static Progress tracking() {
        return new Progress(null, false);
    }

    /** Asks the work to stop: from now on each report of progress throws {@link Cancelled}. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean cancelled() {
        return cancelled;
    }

    /** Steps done of the current task. */
    public long done() {
        return done.get();
    }

    /** Steps of the current task (0 when unknown). */
    public long total() {
        return total;
    }

    /** The current task, with its section when the work has parts ("" before the first). */
    public String taskName() {
        String s = section;
        String t = task;
        return s.isEmpty() ? t : t.isEmpty() ? s : s + ": " + t;
    }

    private void checkCancelled() {
        if (cancelled) {
            throw new Cancelled();
        }
    }

    /**
     * Starts part {@code index} of {@code count} of a longer job (e.g. a report's sections): the line shows
     * "name (index/count)" before the task, and the part before it is left on its own line with its time.
     */
    public synchronized void section(String name, int index, int count) {
        checkCancelled();
        finishSection();
        section = String.format(Locale.ROOT, "%s (%d/%d)", name, index, count);
        sectionStartNanos = System.nanoTime();
        task = "";
        total = 0;
        done.set(0);
        print(true);
    }

    /** Leaves the finished section's line, "name (i/n) done in 12 s", on a terminal. */
    private void finishSection() {
        if (enabled && !section.isEmpty()) {
            long now = System.nanoTime();
            err.print(String.format(Locale.ROOT, "\r%s done in %.0f s (%.0f s elapsed)\u001b[K%n", section, (now - sectionStartNanos) / 1e9,
                    (now - startNanos) / 1e9));
            err.flush();
            printed = false;
        }
        section = "";
    }

    /** Starts a new task of {@code total} steps. */
    public void task(String name, long totalSteps) {
        checkCancelled();
        task = name;
        total = totalSteps;
        done.set(0);
        print(true);
    }

    /** Sets the work done and the total (for engines that report absolute progress from worker threads). */
    public void set(long doneSteps, long totalSteps) {
        checkCancelled();
        total = totalSteps;
        done.accumulateAndGet(doneSteps, Math::max);
        print(false);
    }

    public void step() {
        checkCancelled();
        done.incrementAndGet();
        print(false);
    }

    private synchronized void print(boolean force) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - startNanos < showAfterNanos || (!force && now - lastPrint < INTERVAL_NANOS)) {
            return;
        }
        lastPrint = now;
        long d = done.get();
        long t = total;
        String bar = t > 0 ? String.format(Locale.ROOT, " %3d%% (%d/%d)", 100 * d / t, d, t) : "";
        String what = section.isEmpty() ? task : task.isEmpty() ? section : section + ": " + task;
        String line = String.format(Locale.ROOT, "%s%s  %.0f s", what, bar, (now - startNanos) / 1e9);
        err.print("\r" + line + "\u001b[K");
        err.flush();
        printed = true;
    }

    /** Clears the progress line. */
    @Override
    public synchronized void close() {
        finishSection();
        if (enabled && printed) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
