package org.mosaic.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.mosaic.studies.Cancelled;
import org.mosaic.studies.Progress;

/**
 * Long work as jobs: a bounded executor ({@code running} at once, {@code queued} waiting, 429 beyond), each job's progress
 * read from the study's {@link Progress}, cancelled through it (the study stops at its next step with {@link Cancelled}),
 * and each finished job's result kept for {@code keep} (at most {@code kept} finished jobs), then dropped.
 * <p>
 * A job's time limit and a cancel act at once, even between the study's progress reports: the job is marked failed
 * (naming the limit) or cancelled, its progress cancelled and its thread interrupted. Java cannot stop a thread, so a study that neither
 * reports progress nor waits keeps computing until it ends (its result then dropped) and holds its job slot until then.
 */
final class Jobs implements AutoCloseable {
    /** A job's life: queued, running, then done, failed or cancelled. */
    enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    /** One job; its state changes under its own lock. */
    static final class Job {
        final String id;
        final String study;
        final Progress progress = Progress.tracking();
        private State state = State.QUEUED;
        private JsonNode result;
        private ObjectNode error;
        private long finishedNanos;
        private Future<?> future;

        Job(String id, String study) {
            this.id = id;
            this.study = study;
        }

        synchronized State state() {
            return state;
        }

        /** The job as the API shows it. */
        synchronized ObjectNode view() {
            ObjectNode o = Json.object();
            o.put("id", id);
            o.put("study", study);
            o.put("state", state.id());
            long total = progress.total();
            long done = state == State.DONE && total > 0 ? total : progress.done();
            o.put("done", done);
            o.put("total", total);
            o.put("fraction", state == State.DONE ? 1.0 : total > 0 ? Math.min(1.0, (double) done / total) : 0.0);
            o.put("task", progress.taskName());
            if (result != null) {
                o.set("result", result);
            }
            if (error != null) {
                o.set("error", error);
            }
            return o;
        }

        /** The thread computing the job while it runs (null before and after): the one a cancel or the limit interrupts. */
        private Thread worker;

        private synchronized boolean start(Thread thread) {
            if (state != State.QUEUED) {
                return false;
            }
            state = State.RUNNING;
            worker = thread;
            return true;
        }

        /**
         * Ends a running job now, as {@code s} (cancelled, or failed at the limit), without waiting for the study's next
         * progress report: its progress is cancelled (the study throws {@link Cancelled} at its next report), its thread
         * interrupted (a blocking wait ends) and any late result dropped. Nothing happens once the job has finished.
         */
        private synchronized void stop(State s, ObjectNode e) {
            if (state.finished()) {
                return;
            }
            progress.cancel();
            finish(s, null, e);
            if (worker != null) {
                worker.interrupt();
            }
        }

        /** The job's work has returned: no interrupt reaches its thread from now on. */
        private synchronized void ended() {
            worker = null;
        }

        private synchronized void finish(State s, JsonNode r, ObjectNode e) {
            if (state.finished()) {
                return;
            }
            state = s;
            result = r;
            error = e;
            finishedNanos = System.nanoTime();
        }
    }

    private final int running;
    private final int queued;
    private final long keepNanos;
    private final int kept;
    private final ThreadPoolExecutor executor;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final int limitSeconds;
    private final java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mosaic-job-deadlines");
        t.setDaemon(true);
        return t;
    });

    Jobs(int running, int queued, Duration keep, int kept, int limitSeconds) {
        this.limitSeconds = limitSeconds;
        this.running = running;
        this.queued = queued;
        this.keepNanos = keep.toNanos();
        this.kept = kept;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(running, running, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queued), r -> {
            Thread t = new Thread(r, "mosaic-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Queues {@code work} (the study's run with the job's progress, returning the result's JSON tree); refused with 429 when
     * {@code running + queued} jobs are already waiting or running. {@code failure} turns an exception into the job's error.
     */
    Job submit(String study, Function<Progress, JsonNode> work, Function<RuntimeException, ObjectNode> failure) {
        Job job;
        synchronized (this) {
            sweep();
            job = new Job(HexFormat.of().formatHex(bytes()), study);
            try {
                job.future = executor.submit(() -> run(job, work, failure));
            } catch (RejectedExecutionException e) {
                throw new ApiException(429, String.format(java.util.Locale.ROOT, "the studio runs %d jobs at once with %d waiting, and all "
                        + "are taken (hint: wait for one to finish, cancel one with DELETE /api/jobs/{id}, or run the work with the CLI)",
                        running, queued));
            }
            jobs.put(job.id, job);
        }
        return job;
    }

    private byte[] bytes() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return b;
    }

    private void run(Job job, Function<Progress, JsonNode> work, Function<RuntimeException, ObjectNode> failure) {
        if (!job.start(Thread.currentThread())) {
            return;
        }
        // the limit acts at once, even between the study's progress reports: the job fails now (see Job.stop)
        java.util.concurrent.ScheduledFuture<?> deadline = timer.schedule(() -> job.stop(State.FAILED, tooLong()), limitSeconds,
                TimeUnit.SECONDS);
        try {
            JsonNode r = work.apply(job.progress);
            job.finish(State.DONE, r, null);   // dropped when the job was cancelled or failed at its limit meanwhile
        } catch (RuntimeException e) {
            if (e instanceof Cancelled || job.progress.cancelled()) {
                job.finish(State.CANCELLED, null, null);
            } else {
                job.finish(State.FAILED, null, failure.apply(e));
            }
        } catch (Error e) {
            ObjectNode err = Json.object();
            err.put("error", e instanceof OutOfMemoryError ? "the job did not fit in the server's memory (hint: run it with the CLI)"
                    : "the job failed inside the server");
            job.finish(State.FAILED, null, err);
        } finally {
            deadline.cancel(false);
            job.ended();
            Thread.interrupted();   // an interrupt meant for this job ends with it, not in the pool's next job
        }
    }

    private ObjectNode tooLong() {
        ObjectNode err = Json.object();
        err.put("error", String.format(java.util.Locale.ROOT, "the job took longer than %d s, the studio's limit for a job "
                + "(hint: run it with the CLI)", limitSeconds));
        return err;
    }

    synchronized Optional<Job> get(String id) {
        sweep();
        return Optional.ofNullable(jobs.get(id));
    }

    /**
     * Cancels a queued or running job at once (a finished one stays as it is): its state is {@code cancelled} from this
     * call on, its work is interrupted, and its thread returns to the pool when the study next reports progress or waits
     * (Java cannot stop a thread that does neither; its result is then dropped). False when there is no such job.
     */
    boolean cancel(String id) {
        Job job;
        synchronized (this) {
            job = jobs.get(id);
        }
        if (job == null) {
            return false;
        }
        synchronized (job) {
            if (job.state == State.QUEUED) {
                job.progress.cancel();
                job.future.cancel(false);
                executor.remove((Runnable) job.future);
                job.finish(State.CANCELLED, null, null);
            } else {
                // a running job is cancelled now, not at the study's next progress report (which may be seconds away)
                job.stop(State.CANCELLED, null);
            }
        }
        return true;
    }

    /** Drops finished jobs older than the keep time, and the oldest finished ones beyond the number kept. */
    private void sweep() {
        long now = System.nanoTime();
        List<String> finished = new ArrayList<>();
        for (Job j : jobs.values()) {
            synchronized (j) {
                if (j.state.finished()) {
                    if (now - j.finishedNanos > keepNanos) {
                        finished.add(0, j.id);   // dropped first
                    } else {
                        finished.add(j.id);
                    }
                }
            }
        }
        int drop = 0;
        for (String id : finished) {
            Job j = jobs.get(id);
            boolean old = now - j.finishedNanos > keepNanos;
            if (old || finished.size() - drop > kept) {
                jobs.remove(id);
                drop++;
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            for (Job j : jobs.values()) {
                j.progress.cancel();
            }
        }
        executor.shutdownNow();
        timer.shutdownNow();
    }
}
