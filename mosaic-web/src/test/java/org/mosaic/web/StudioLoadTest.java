package org.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A loopback load test: {@code studio.load.clients} concurrent clients, each sending {@code studio.load.requests} runs of
 * the channel and cable studies in turn (their default inputs), every answer checked (200 and the study's JSON); 0 errors
 * expected. Small by default so the suite stays fast; docs/benchmarks.md gives the full run (200 × 20) and its figures:
 * throughput and the p50/p99 latency are printed, never asserted (speed claims are not timed tests).
 */
class StudioLoadTest {
    @Test
    void concurrentClientsGetEveryAnswerWithoutAnError() throws Exception {
        int clients = Integer.getInteger("studio.load.clients", 8);
        int requests = Integer.getInteger("studio.load.requests", 2);
        try (Studio studio = Studio.start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + studio.port();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                    .executor(Executors.newFixedThreadPool(16)).build();
            // one warm-up of each, so the first requests do not measure class loading
            String channel = http.send(post(base, "channel"), HttpResponse.BodyHandlers.ofString()).body();
            String cable = http.send(post(base, "cable"), HttpResponse.BodyHandlers.ofString()).body();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger errors = new AtomicInteger();
            List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < requests; i++) {
                        boolean isChannel = (client + i) % 2 == 0;
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(post(base, isChannel ? "channel" : "cable"), HttpResponse.BodyHandlers.ofString());
                            latencies.add(System.nanoTime() - t0);
                            if (r.statusCode() != 200 || !r.body().equals(isChannel ? channel : cable)) {
                                errors.incrementAndGet();
                                if (firstErrors.size() < 5) {
                                    firstErrors.add(r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
                                }
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 5) {
                                firstErrors.add(e.toString());
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "LOAD clients=%d requests=%d total=%d errors=%d seconds=%.1f throughput=%.1f/s p50=%.0f ms "
                    + "p99=%.0f ms max=%.0f ms cores=%d%n", clients, requests, clients * requests, errors.get(), seconds,
                    clients * requests / seconds, pct(sorted, 0.50), pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6,
                    Runtime.getRuntime().availableProcessors());
            assertThat(errors.get()).as(firstErrors.toString()).isZero();
            assertThat(latencies).hasSize(clients * requests);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
        }
    }

    private static HttpRequest post(String base, String study) {
        return HttpRequest.newBuilder(URI.create(base + "/api/studies/" + study + "/run")).timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    /** The q-quantile in ms (nearest rank). */
    private static double pct(List<Long> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }
}
