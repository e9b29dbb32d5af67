package org.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jobs and work limits over HTTP: a job's result is the run's, a long sweep shows progress and cancels, 429 and 413. */
class StudioJobsTest {
    static Studio studio;
    static Jobs jobs;
    static Http http;
    /** A sweep of 1000 points: the most a job may have, too many for one request. */
    static final String LONG_SWEEP = "{\"sweep\": \"fiber.length=1m..50.95m:0.05m\"}";

    @BeforeAll
    static void start() {
        jobs = new Jobs(1, 1, Duration.ofMinutes(10), 32, Limits.JOB_SECONDS);
        studio = Studio.start("127.0.0.1", 0, jobs);
        http = new Http(studio);
    }

    @AfterAll
    static void stop() {
        studio.close();
    }

    @Test
    void aJobsResultIsTheRunsJson() {
        Http.Answer submitted = http.post("/api/studies/cable/jobs", "{}");
        assertThat(submitted.status()).isEqualTo(202);
        String id = submitted.json().get("id").asText();
        JsonNode done = poll(id, v -> v.get("state").asText().equals("done"));
        assertThat(done.get("fraction").asDouble()).isEqualTo(1.0);
        assertThat(done.get("result")).isEqualTo(http.post("/api/studies/cable/run", "{}").json());
    }

    @Test
    void aLongSweepShowsProgressAndCancels() {
        Http.Answer submitted = http.post("/api/studies/channel-sweep/jobs", LONG_SWEEP);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String id = submitted.json().get("id").asText();
        JsonNode running = poll(id, v -> v.get("done").asLong() > 0);
        assertThat(running.get("total").asLong()).isEqualTo(1000);
        assertThat(running.get("task").asText()).contains("fiber.length");
        // the queue holds one more; the next is refused with 429
        Http.Answer queued = http.post("/api/studies/cable/jobs", "{}");
        Http.Answer refused = http.post("/api/studies/cable/jobs", "{}");
        assertThat(queued.status()).isEqualTo(202);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("error").asText()).contains("DELETE /api/jobs/");
        Http.Answer cancel = http.delete("/api/jobs/" + id);
        assertThat(cancel.status()).isEqualTo(200);
        JsonNode end = poll(id, v -> v.get("state").asText().equals("cancelled"));
        assertThat(end.get("done").asLong()).isLessThan(1000);
        assertThat(end.has("result")).isFalse();
        poll(queued.json().get("id").asText(), v -> v.get("state").asText().equals("done"));
    }

    /**
     * Regression: a cancelled running job showed "running" until the study's next progress report. Now the DELETE's own
     * answer and every later GET say "cancelled" while the study is still computing without a report; a study that waits
     * is interrupted; a late result is dropped; the interrupt does not reach the pool's next job.
     */
    @Test
    void aCancelledRunningJobIsCancelledAtOnceNotAtTheStudysNextReport() throws Exception {
        // a study computing without a report, deaf to interrupts: the state is cancelled while it is still inside
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        AtomicBoolean inside = new AtomicBoolean();
        Jobs.Job deaf = jobs.submit("test", p -> {
            inside.set(true);
            entered.countDown();
            StudioSafetyTest.awaitUninterruptibly(release);
            inside.set(false);
            return Json.object().put("late", true);
        }, JobsTest.FAILURE);
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(http.get("/api/jobs/" + deaf.id).json().get("state").asText()).isEqualTo("running");
        Http.Answer cancel = http.delete("/api/jobs/" + deaf.id);
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().get("state").asText()).as("the DELETE's own answer").isEqualTo("cancelled");
        assertThat(http.get("/api/jobs/" + deaf.id).json().get("state").asText()).isEqualTo("cancelled");
        assertThat(inside.get()).as("cancelled while the study is still computing without a report").isTrue();
        release.countDown();
        JobsTest.sleep(50);
        JsonNode after = http.get("/api/jobs/" + deaf.id).json();
        assertThat(after.get("state").asText()).as("a late result is dropped").isEqualTo("cancelled");
        assertThat(after.has("result")).isFalse();

        // a study that waits is interrupted by the cancel, its progress cancelled
        CountDownLatch sleeping = new CountDownLatch(1);
        CountDownLatch woke = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Jobs.Job sleeper = jobs.submit("test", p -> {
            sleeping.countDown();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                interrupted.set(p.cancelled());
            } finally {
                woke.countDown();
            }
            return Json.object();
        }, JobsTest.FAILURE);
        assertThat(sleeping.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(http.delete("/api/jobs/" + sleeper.id).json().get("state").asText()).isEqualTo("cancelled");
        assertThat(woke.await(30, TimeUnit.SECONDS)).as("the wait ended by the interrupt").isTrue();
        assertThat(interrupted.get()).as("interrupted with its progress cancelled").isTrue();
        assertThat(http.get("/api/jobs/" + sleeper.id).json().get("state").asText()).isEqualTo("cancelled");

        // the pool's next job runs to its end, not interrupted by the cancel meant for the last one
        Jobs.Job next = jobs.submit("test", p -> Json.object().put("interrupted", Thread.currentThread().isInterrupted()), JobsTest.FAILURE);
        JsonNode done = poll(next.id, v -> v.get("state").asText().equals("done"));
        assertThat(done.get("result").get("interrupted").asBoolean()).isFalse();
    }

    @Test
    void tooManyPointsForOneRequestIs413NamingTheLimitAndTheCli() {
        Http.Answer a = http.post("/api/studies/channel-sweep/run", LONG_SWEEP);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.json().get("error").asText()).contains("at most 200 sweep points").contains("CLI");
        JsonNode p = a.json().get("problems").get(0);
        assertThat(p.get("input").asText()).isEqualTo("sweep");
        assertThat(p.get("value").asLong()).isEqualTo(1000);
    }

    @Test
    void anUnknownJobIs404() {
        assertThat(http.get("/api/jobs/nope").status()).isEqualTo(404);
        assertThat(http.delete("/api/jobs/nope").status()).isEqualTo(404);
    }

    static JsonNode poll(String id, Predicate<JsonNode> until) {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < end) {
            Http.Answer a = http.get("/api/jobs/" + id);
            assertThat(a.status()).isEqualTo(200);
            if (until.test(a.json())) {
                return a.json();
            }
            JobsTest.sleep(20);
        }
        throw new AssertionError("job " + id + " never got there: " + http.get("/api/jobs/" + id).body());
    }
}
