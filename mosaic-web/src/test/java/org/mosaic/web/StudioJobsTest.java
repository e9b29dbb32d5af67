package org.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jobs and work limits over HTTP: a job's result is the run's, a long sweep shows progress and cancels, 429 and 413. */
class StudioJobsTest {
    static Studio studio;
    static Http http;
    /** A sweep of 1000 points: the most a job may have, too many for one request. */
    static final String LONG_SWEEP = "{\"sweep\": \"fiber.length=1m..50.95m:0.05m\"}";

    @BeforeAll
    static void start() {
        studio = Studio.start("127.0.0.1", 0, new Jobs(1, 1, Duration.ofMinutes(10), 32, Limits.JOB_SECONDS));
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
