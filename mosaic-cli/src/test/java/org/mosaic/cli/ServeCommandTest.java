package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mosaic.studies.Studies;
import org.mosaic.studies.Study;
import org.mosaic.studies.StudyInputs;
import picocli.CommandLine;

/**
 * {@code mosaic serve}: it starts the studio, prints its URL and stops; and the studio's result JSON is the CLI's, byte for
 * byte, for the same input — the study's own command with flags, and {@code mosaic run STUDY} for every bindable study.
 */
class ServeCommandTest {
    /** A running {@code mosaic serve}, its output and its URL. */
    record Served(Thread thread, ServeCommand command, StringWriter out, StringWriter err, String url, int[] exit) {
        void stop() throws InterruptedException {
            command.stop.countDown();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    static Served served;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        served = serve("--port", "0");
    }

    @AfterAll
    static void stop() throws Exception {
        served.stop();
        assertThat(served.exit()[0]).isZero();
    }

    static Served serve(String... args) throws InterruptedException {
        CommandLine cl = new CommandLine(new Main());
        ServeCommand command = cl.getSubcommands().get("serve").getCommand();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int[] exit = {-1};
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(List.of(args));
        Thread t = new Thread(() -> exit[0] = Main.execute(cl, new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new)), "serve-test");
        t.start();
        Pattern url = Pattern.compile("Mosaic studio: (http://\\S+/)");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end && t.isAlive()) {
            Matcher m = url.matcher(out.toString());
            if (m.find()) {
                return new Served(t, command, out, err, m.group(1), exit);
            }
            Thread.sleep(20);
        }
        t.join(TimeUnit.SECONDS.toMillis(10));
        return new Served(t, command, out, err, null, exit);
    }

    static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(served.url() + path.substring(1))).timeout(Duration.ofMinutes(3))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void printsItsLoopbackUrlAndAnswers() throws Exception {
        assertThat(served.url()).startsWith("http://127.0.0.1:");
        assertThat(served.err().toString()).doesNotContain("warning");
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(served.url() + "api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"ok\"");
    }

    /** The same input through the study's own command and through the API: the same JSON, byte for byte. */
    @Test
    void theApisJsonIsTheClisForTheSameInput() throws Exception {
        record Case(String study, String body, String... args) {
        }
        List<Case> cases = List.of(
                new Case("cable", "{}", "link", "--format", "json"),
                new Case("cable", "{\"cable\": {\"preset\": \"mosaic-800g\", \"set\": {\"fiber.length\": \"20m\", \"plan.spares\": \"8\"}}}",
                        "link", "--preset", "mosaic-800g", "--set", "fiber.length=20m", "--set", "plan.spares=8", "--format", "json"),
                new Case("channel", "{}", "optics", "--format", "json"),
                new Case("channel", "{\"scenario\": {\"preset\": \"mosaic-prototype\", \"set\": {\"fiber.length\": \"3m\"}}}",
                        "optics", "--set", "fiber.length=3m", "--format", "json"),
                new Case("channel-sweep", "{\"sweep\": \"fiber.length=5m..20m:5m\"}",
                        "optics", "--sweep", "fiber.length=5m..20m:5m", "--format", "json"));
        for (Case c : cases) {
            Cli cli = Cli.run(c.args());
            assertThat(cli.exit()).as(String.join(" ", c.args()) + "\n" + cli.err()).isZero();
            HttpResponse<String> api = post("/api/studies/" + c.study() + "/run", c.body());
            assertThat(api.statusCode()).as(c.body() + " -> " + api.body()).isEqualTo(200);
            assertThat(api.body()).as(String.join(" ", c.args())).isEqualTo(cli.out());
        }
    }

    /**
     * Inputs that only set how much work a study does, made small so that every study runs in seconds (the emulator's default
     * million codewords took minutes of this test); a study that has one gets it both through the CLI and the API.
     */
    static final java.util.Map<String, String> SMALL_WORK = java.util.Map.of("codewords", "20000", "trials", "10", "samples", "2");

    /** Every bindable study at its defaults (its amount of work made small): {@code mosaic run STUDY} and the API agree. */
    @Test
    void everyBindableStudyAnswersAsMosaicRunDoes() throws Exception {
        int compared = 0;
        for (Study<?, ?> s : Studies.all()) {
            if (!StudyInputs.bindable(s)) {
                continue;
            }
            var defaults = StudyInputs.defaults(s);
            List<String> args = new java.util.ArrayList<>(List.of("run", s.name()));
            var body = MAPPER.createObjectNode();
            SMALL_WORK.forEach((key, value) -> {
                if (defaults.has(key)) {
                    args.addAll(List.of("--set", key + "=" + value));
                    body.put(key, Integer.parseInt(value));
                }
            });
            Cli cli = Cli.run(args.toArray(String[]::new));
            HttpResponse<String> api = post("/api/studies/" + s.name() + "/run", body.toString());
            if (cli.exit() == 0 && api.statusCode() == 413 && (api.body().contains("took longer than") || api.body().contains("runs as a job"))) {
                // a loaded machine: the request's time limit cut the run, or a study the studio runs only as a job (claims);
                // the same input as a job (no such limit) instead
                assertThat(jobResult(s.name(), body.toString())).as(s.name()).isEqualTo(MAPPER.readTree(cli.out()));
                compared++;
            } else if (cli.exit() == 0 && api.statusCode() == 200) {
                assertThat(api.body()).as(s.name()).isEqualTo(cli.out());
                compared++;
            } else {
                assertThat(cli.exit()).as(s.name() + ": the CLI " + cli.err() + " / the API " + api.body()).isEqualTo(Main.USAGE);
                assertThat(api.statusCode()).as(s.name() + ": " + api.body()).isBetween(400, 499);
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(2);
    }

    static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The result of {@code study} run as a job with {@code body}, once done. */
    static com.fasterxml.jackson.databind.JsonNode jobResult(String study, String body) throws Exception {
        HttpResponse<String> submitted = post("/api/studies/" + study + "/jobs", body);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = MAPPER.readTree(submitted.body()).get("id").asText();
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (System.nanoTime() < end) {
            com.fasterxml.jackson.databind.JsonNode job = MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(
                    URI.create(served.url() + "api/jobs/" + id)).build(), HttpResponse.BodyHandlers.ofString()).body());
            String state = job.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                assertThat(state).as(job.toString()).isEqualTo("done");
                return job.get("result");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " of " + study + " did not finish");
    }

    @Test
    void aPortInUseIsAUsageErrorNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Cli cli = Cli.run("serve", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(cli.exit()).isEqualTo(Main.USAGE);
            assertThat(cli.err()).contains(Integer.toString(taken.getLocalPort())).contains("--port");
            assertThat(cli.noStackTrace()).isTrue();
        }
    }

    @Test
    void aBadPortOrHostIsAUsageError() {
        Cli port = Cli.run("serve", "--port", "70000");
        assertThat(port.exit()).isEqualTo(Main.USAGE);
        assertThat(port.err()).contains("70000").contains("1..65535");
        Cli host = Cli.run("serve", "--host", "no-such-host.invalid");
        assertThat(host.exit()).isEqualTo(Main.USAGE);
        assertThat(host.err()).contains("no-such-host.invalid");
        assertThat(port.noStackTrace() && host.noStackTrace()).isTrue();
    }

    @Test
    void aNonLoopbackHostIsServedWithAWarning() throws Exception {
        Served open = serve("--host", "0.0.0.0", "--port", "0");
        try {
            assertThat(open.url()).as(open.err().toString()).startsWith("http://0.0.0.0:");
            assertThat(open.err().toString()).contains("warning").contains("0.0.0.0").contains("127.0.0.1");
        } finally {
            open.stop();
        }
        assertThat(open.exit()[0]).isZero();
    }
}
