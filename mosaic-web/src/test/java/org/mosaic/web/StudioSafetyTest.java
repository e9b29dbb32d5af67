package org.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The studio refuses what another web site could make a browser send it: a request addressed to another name (DNS
 * rebinding), a request from another site's page (Origin, Sec-Fetch-Site), a POST whose body is not application/json (an
 * HTML form); and its time limits act even while a study reports no progress. Raw HTTP over a socket, so that the test
 * can send any Host header.
 */
class StudioSafetyTest {
    static Studio studio;

    @BeforeAll
    static void start() {
        studio = Studio.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (studio != null) {
            studio.close();
        }
    }

    /** One raw HTTP/1.1 exchange: status and body. */
    record Raw(int status, String body) {
        JsonNode json() {
            return Json.parse(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    static Raw send(String method, String path, Map<String, String> headers, String body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", studio.port())) {
            s.setSoTimeout(60_000);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                req.append("Content-Length: ").append(b.length).append("\r\n");
            }
            req.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            String rest = text.substring(split + 4);
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                rest = unchunk(rest);
            }
            return new Raw(status, rest);
        }
    }

    private static String unchunk(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int eol = s.indexOf("\r\n", i);
            int n = Integer.parseInt(s.substring(i, eol).trim(), 16);
            if (n == 0) {
                break;
            }
            out.append(s, eol + 2, eol + 2 + n);
            i = eol + 2 + n + 2;
        }
        return out.toString();
    }

    static Map<String, String> headers(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    String self() {
        return "127.0.0.1:" + studio.port();
    }

    @Test
    void aRequestAddressedToAnotherNameIsRefused_dnsRebinding() throws IOException {
        for (String path : new String[] {"/api/health", "/api/studies", "/", "/openapi.json"}) {
            Raw r = send("GET", path, headers("Host", "evil.example:" + studio.port()), null);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.json().get("error").asText()).contains("evil.example:" + studio.port()).contains("DNS rebinding")
                    .contains("127.0.0.1:" + studio.port());
            assertThat(r.json().get("problems").get(0).get("input").asText()).isEqualTo("Host");
        }
        Raw run = send("POST", "/api/studies/cable/run", headers("Host", "evil.example:" + studio.port(), "Content-Type", "application/json"), "{}");
        assertThat(run.status()).isEqualTo(403);
        // the right name on another port (a proxy or a forwarded port) is not this studio either
        assertThat(send("GET", "/api/health", headers("Host", "127.0.0.1:1"), null).status()).isEqualTo(403);
        assertThat(send("GET", "/api/health", headers("Host", "127.0.0.1"), null).status()).as("no port: port 80").isEqualTo(403);
        // the loopback names with the studio's port are its own
        for (String h : new String[] {self(), "localhost:" + studio.port(), "LOCALHOST:" + studio.port(), "[::1]:" + studio.port()}) {
            Raw ok = send("GET", "/api/health", headers("Host", h), null);
            assertThat(ok.status()).as(h).isEqualTo(200);
            assertThat(ok.json().get("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void aRequestFromAnotherSitesPageIsRefused() throws IOException {
        Raw other = send("POST", "/api/studies/cable/run", headers("Host", self(), "Origin", "http://evil.example",
                "Content-Type", "application/json"), "{}");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("error").asText()).contains("http://evil.example").contains("another site");
        // the same name on another port is another origin
        assertThat(send("GET", "/api/studies", headers("Host", self(), "Origin", "http://127.0.0.1:1"), null).status()).isEqualTo(403);
        assertThat(send("GET", "/api/studies", headers("Host", self(), "Origin", "null"), null).status()).as("a sandboxed page").isEqualTo(403);
        assertThat(send("DELETE", "/api/jobs/abc", headers("Host", self(), "Sec-Fetch-Site", "cross-site"), null).status()).isEqualTo(403);
        // the studio's own page
        Raw own = send("POST", "/api/studies/cable/run", headers("Host", self(), "Origin", "http://" + self(), "Sec-Fetch-Site", "same-origin",
                "Content-Type", "application/json"), "{}");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().has("power")).isTrue();
        assertThat(send("GET", "/api/health", headers("Host", "localhost:" + studio.port(), "Origin", "http://localhost:" + studio.port()),
                null).status()).isEqualTo(200);
    }

    @Test
    void aPostWhoseBodyIsNotJsonIsRefused_aFormCannotStartAStudy() throws IOException {
        for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"}) {
            Raw r = send("POST", "/api/studies/cable/run", headers("Host", self(), "Content-Type", type), "{}");
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.json().get("error").asText()).contains(type.split(";")[0]).contains("application/json");
        }
        Raw none = send("POST", "/api/studies/cable/jobs", headers("Host", self()), "{}");
        assertThat(none.status()).isEqualTo(415);
        assertThat(none.json().get("error").asText()).contains("no Content-Type");
        assertThat(send("POST", "/api/studies/cable/document", headers("Host", self(), "Content-Type", "text/plain"),
                "{\"input\": \"cable\", \"value\": \"mosaic-800g\"}").status()).isEqualTo(415);
        Raw charset = send("POST", "/api/studies/cable/run", headers("Host", self(), "Content-Type", "application/json; charset=utf-8"), "{}");
        assertThat(charset.status()).isEqualTo(200);
    }

    @Test
    void aRunPastItsLimitIsAnsweredAtOnceEvenWithoutAProgressReport() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean inside = new AtomicBoolean();
        try (Runs runs = new Runs(1, 4)) {
            assertThatThrownBy(() -> runs.call(p -> {
                inside.set(true);
                awaitUninterruptibly(release);   // computes without a report and ignores interrupts
                inside.set(false);
                return "late";
            }, Duration.ofMillis(200), "slow", "hint: a job")).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(413);
                assertThat(e.getMessage()).contains("slow took longer than 0.200 s").contains("hint: a job");
            });
            assertThat(inside.get()).as("answered while the work is still computing").isTrue();
            assertThat(runs.abandoned()).isEqualTo(1);
            // its one thread is held by the abandoned run: a new run is refused at once, not queued behind it
            assertThatThrownBy(() -> runs.call(p -> "x", Duration.ofSeconds(5), "next", "hint")).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(429));
            release.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (runs.abandoned() > 0 && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertThat(runs.abandoned()).as("the thread is the pool's again once the work ends").isZero();
            String again = runs.call(p -> "again", Duration.ofSeconds(30), "next", "hint");
            assertThat(again).isEqualTo("again");
        }
    }

    @Test
    void aRunWaitingForAThreadIsTimedFromItsStartNotRefusedForWaiting_loadTest429() throws Exception {
        try (Runs runs = new Runs(1, 4)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            java.util.concurrent.CompletableFuture<String> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> runs.call(p -> {
                holding.countDown();
                awaitUninterruptibly(release);
                return "first";
            }, Duration.ofSeconds(60), "first", "hint"));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            // the second waits for the one thread far longer than its own limit, then computes within it: answered
            java.util.concurrent.CompletableFuture<String> second = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> runs.call(p -> "second", Duration.ofMillis(300), "second", "hint"));
            Thread.sleep(1_000);
            assertThat(second).isNotDone();
            release.countDown();
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("second");
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        }
    }

    @Test
    void anAbandonedRunThatWaitsIsInterruptedAndItsProgressCancelled() throws Exception {
        try (Runs runs = new Runs(2, 4)) {
            AtomicBoolean interrupted = new AtomicBoolean();
            CountDownLatch ended = new CountDownLatch(1);
            assertThatThrownBy(() -> runs.call(p -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.set(p.cancelled());
                } finally {
                    ended.countDown();
                }
                return "never";
            }, Duration.ofMillis(100), "sleeper", "hint")).isInstanceOf(ApiException.class);
            assertThat(ended.await(30, TimeUnit.SECONDS)).as("the wait ended by the interrupt").isTrue();
            assertThat(interrupted.get()).as("interrupted, its progress cancelled").isTrue();
            // the run's own exceptions pass through as they are
            assertThatThrownBy(() -> runs.call(p -> {
                throw new IllegalArgumentException("own");
            }, Duration.ofSeconds(30), "x", "hint")).isInstanceOf(IllegalArgumentException.class).hasMessage("own");
        }
    }

    @Test
    void aJobPastItsLimitFailsAtOnceEvenWithoutAProgressReport() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean inside = new AtomicBoolean();
        try (Jobs jobs = new Jobs(1, 1, Duration.ofMinutes(1), 8, 1)) {
            Jobs.Job job = jobs.submit("test", p -> {
                inside.set(true);
                awaitUninterruptibly(release);
                inside.set(false);
                return Json.object();
            }, JobsTest.FAILURE);
            JsonNode end = JobsTest.waitFor(job, v -> v.get("state").asText().equals("failed"));
            assertThat(inside.get()).as("failed while the work is still computing").isTrue();
            assertThat(end.get("error").get("error").asText()).contains("longer than 1 s");
            release.countDown();
            JobsTest.sleep(50);
            assertThat(job.view().get("state").asText()).as("a late result is dropped").isEqualTo("failed");
            Jobs.Job next = jobs.submit("test", p -> Json.object().put("interrupted", Thread.currentThread().isInterrupted()), JobsTest.FAILURE);
            JsonNode done = JobsTest.waitFor(next, v -> v.get("state").asText().equals("done"));
            assertThat(done.get("result").get("interrupted").asBoolean()).as("the interrupt ended with its job").isFalse();
        }
    }

    static void awaitUninterruptibly(CountDownLatch l) {
        boolean interrupted = false;
        while (true) {
            try {
                l.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
