package org.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mosaic.studies.Progress;

/** The studio's jobs: progress read from the study's Progress, cancel through it, a bounded queue, results dropped in time. */
class JobsTest {
    /** Work that steps until it is cancelled (a study's long loop). */
    static final Function<Progress, JsonNode> ENDLESS = p -> {
        p.task("stepping", 1_000_000);
        while (true) {
            p.step();
            sleep(1);
        }
    };

    static final Function<RuntimeException, com.fasterxml.jackson.databind.node.ObjectNode> FAILURE =
            e -> Json.object().put("error", String.valueOf(e.getMessage()));

    @Test
    void progressAdvancesAndCancelStopsTheWork() {
        try (Jobs jobs = new Jobs(2, 8, Duration.ofMinutes(1), 8, 600)) {
            Jobs.Job job = jobs.submit("test", ENDLESS, FAILURE);
            long first = waitFor(job, v -> v.get("done").asLong() > 0).get("done").asLong();
            JsonNode later = waitFor(job, v -> v.get("done").asLong() > first);
            assertThat(later.get("state").asText()).isEqualTo("running");
            assertThat(later.get("task").asText()).isEqualTo("stepping");
            assertThat(later.get("total").asLong()).isEqualTo(1_000_000);
            assertThat(later.get("fraction").asDouble()).isBetween(0.0, 1.0);
            assertThat(jobs.cancel(job.id)).isTrue();
            JsonNode end = waitFor(job, v -> v.get("state").asText().equals("cancelled"));
            long stoppedAt = end.get("done").asLong();
            sleep(100);
            assertThat(job.view().get("done").asLong()).as("no step after the cancel").isEqualTo(stoppedAt);
        }
    }

    @Test
    void beyondTheBoundIs429AndAQueuedJobCancelsAtOnce() {
        CountDownLatch release = new CountDownLatch(1);
        Function<Progress, JsonNode> blocked = p -> {
            await(release);
            return Json.object().put("ok", true);
        };
        try (Jobs jobs = new Jobs(1, 1, Duration.ofMinutes(1), 8, 600)) {
            Jobs.Job running = jobs.submit("test", blocked, FAILURE);
            waitFor(running, v -> v.get("state").asText().equals("running"));
            Jobs.Job queued = jobs.submit("test", blocked, FAILURE);
            assertThat(queued.view().get("state").asText()).isEqualTo("queued");
            assertThatThrownBy(() -> jobs.submit("test", blocked, FAILURE)).isInstanceOfSatisfying(ApiException.class,
                    e -> {
                        assertThat(e.status()).isEqualTo(429);
                        assertThat(e.getMessage()).contains("1 jobs at once with 1 waiting");
                    });
            jobs.cancel(queued.id);
            assertThat(queued.view().get("state").asText()).isEqualTo("cancelled");
            release.countDown();
            JsonNode done = waitFor(running, v -> v.get("state").asText().equals("done"));
            assertThat(done.get("result").get("ok").asBoolean()).isTrue();
            assertThat(done.get("fraction").asDouble()).isEqualTo(1.0);
            // the bound is free again
            Jobs.Job next = jobs.submit("test", p -> Json.object(), FAILURE);
            waitFor(next, v -> v.get("state").asText().equals("done"));
        }
    }

    @Test
    void aJobPastItsTimeLimitFailsNamingTheLimit() {
        try (Jobs jobs = new Jobs(1, 1, Duration.ofMinutes(1), 8, 1)) {
            Jobs.Job job = jobs.submit("test", ENDLESS, FAILURE);
            JsonNode end = waitFor(job, v -> v.get("state").asText().equals("failed"));
            assertThat(end.get("error").get("error").asText()).contains("longer than 1 s").contains("CLI");
        }
    }

    @Test
    void aFailingJobSaysWhyAndFinishedJobsAreDroppedBeyondTheNumberKept() {
        try (Jobs jobs = new Jobs(1, 8, Duration.ofMinutes(1), 2, 600)) {
            Jobs.Job bad = jobs.submit("test", p -> {
                throw new IllegalStateException("broken");
            }, FAILURE);
            assertThat(waitFor(bad, v -> v.get("state").asText().equals("failed")).get("error").get("error").asText()).isEqualTo("broken");
            Jobs.Job[] more = new Jobs.Job[3];
            for (int i = 0; i < more.length; i++) {
                more[i] = jobs.submit("test", p -> Json.object(), FAILURE);
                Jobs.Job j = more[i];
                waitFor(j, v -> v.get("state").asText().equals("done"));
            }
            jobs.submit("test", p -> Json.object(), FAILURE);   // a submit sweeps the finished jobs
            assertThat(jobs.get(bad.id)).isEmpty();
            assertThat(jobs.get(more[0].id)).isEmpty();
            assertThat(jobs.get(more[2].id)).isPresent();
        }
    }

    @Test
    void finishedJobsAreDroppedAfterTheKeepTime() {
        try (Jobs jobs = new Jobs(1, 8, Duration.ofMillis(50), 8, 600)) {
            Jobs.Job job = jobs.submit("test", p -> Json.object(), FAILURE);
            waitFor(job, v -> v.get("state").asText().equals("done"));
            sleep(120);
            assertThat(jobs.get(job.id)).isEmpty();
        }
    }

    static JsonNode waitFor(Jobs.Job job, java.util.function.Predicate<JsonNode> until) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            JsonNode v = job.view();
            if (until.test(v)) {
                return v;
            }
            sleep(5);
        }
        throw new AssertionError("the job never got there: " + job.view());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.mosaic.studies.Cancelled();
        }
    }

    static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.mosaic.studies.Cancelled();
        }
    }
}
