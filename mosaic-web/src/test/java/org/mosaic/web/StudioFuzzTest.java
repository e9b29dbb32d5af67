package org.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.Documents;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.Studies;
import org.mosaic.studies.Study;

/**
 * API fuzzing: malformed JSON, wrong types, huge numbers, unknown keys, oversized bodies, deep nesting and mutated
 * documents, each sent to every bindable study's run; every answer is 2xx or 4xx (a refusal with its message), none a 5xx,
 * none with a stack trace, and the server is healthy afterwards. The cases come from a fixed seed, so a failure repeats.
 */
class StudioFuzzTest {
    static Studio studio;
    static Http http;

    @BeforeAll
    static void start() {
        studio = Studio.start("127.0.0.1", 0, new Jobs(2, 8, java.time.Duration.ofMinutes(1), 8, 60), 3);
        http = new Http(studio);
    }

    @AfterAll
    static void stop() {
        studio.close();
    }

    /** Values of every JSON type and the edges of the numbers. */
    static final List<String> VALUES = List.of("true", "false", "0", "-1", "1e308", "-1e308", "1e999", "-1e999",
            "4.9e-324", "9223372036854775808", "123456789012345678901234567890", "\"\"", "\"x\"", "\"NaN\"", "\"Infinity\"",
            "\"-5 m\"", "\"1e400 m\"", "\"20 furlongs\"", "\"../../etc/passwd\"", "\"/dev/zero\"", "[]", "[1,2]", "{}",
            "{\"preset\": 3}", "{\"preset\": \"mosaic-800g\", \"set\": {\"fiber.length\": \"1e309 m\"}}",
            "{\"preset\": \"mosaic-800g\", \"set\": {\"no.such.key\": \"1\"}}", "{\"preset\": \"mosaic-800g\", \"set\": []}",
            "{\"yaml\": \"kind: cable\"}", "{\"yaml\": \"!!java.io.File [/etc/passwd]\"}", "{\"yaml\": \"a: &x 1\\nb: *x\"}",
            "{\"yaml\": 5}", "{\"preset\": \"x\", \"yaml\": \"y\"}", "\"\\u0000\"");

    @Test
    void noFuzzCaseReachesAServerError() {
        Random random = new Random(20);
        List<String> bodies = new ArrayList<>();
        // malformed JSON
        bodies.addAll(List.of("{", "}", "{\"a\"", "{\"a\":}", "[", "nul", "{\"a\": 1,}", "{'a': 1}", "{\"a\": 1} {}", "\"\\ud800\"",
                "{\"scale\": tru}", "\u00ff\u00fe", "1", "\"text\"", "[]", "null"));
        // deep nesting, huge numbers
        bodies.add("[".repeat(100_000));
        bodies.add("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
        bodies.add("{\"x\": " + "9".repeat(10_000) + "}");
        bodies.add("{\"x\": \"" + "y".repeat(900_000) + "\"}");
        for (int i = 0; i < 20; i++) {
            byte[] b = new byte[1 + random.nextInt(64)];
            random.nextBytes(b);
            bodies.add(new String(b, StandardCharsets.ISO_8859_1));
        }
        int sent = 0;
        for (Study<?, ?> s : Studies.all()) {
            String run = "/api/studies/" + s.name() + "/run";
            for (String body : bodies) {
                check(run, http.post(run, body));
                sent++;
            }
            if (!Inputs.bindable(s)) {
                continue;
            }
            // every input with values of every type; unknown keys
            for (InputSpec in : Inputs.inputs(s)) {
                // six values of the list per input, drawn with the fixed seed (all of them for every input is minutes of runs)
                for (int k = 0; k < 6; k++) {
                    String v = VALUES.get(random.nextInt(VALUES.size()));
                    check(run + " " + in.name() + "=" + v, http.post(run, "{\"" + in.name() + "\": " + v + "}"));
                    sent++;
                }
            }
            check(run, http.post(run, "{\"noSuchInput\": 1, \"" + Inputs.inputs(s).get(0).name() + "x\": 2}"));
            check(s.name() + " document", http.post("/api/studies/" + s.name() + "/document", "{\"input\": 5}"));
            check(s.name() + " document", http.post("/api/studies/" + s.name() + "/document", "{\"input\": \"nope\", \"value\": 1}"));
            check(s.name() + " job", http.post("/api/studies/" + s.name() + "/jobs", "{\"noSuchInput\": 1}"));
        }
        assertThat(sent).isGreaterThan(600);
        check("health", http.get("/api/health"));
        assertThat(http.get("/api/health").json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void mutatedDocumentsAreAnsweredOrRefusedNeverAServerError() throws Exception {
        Random random = new Random(21);
        String text = Documents.presetText(Documents.Kind.CABLE, "mosaic-800g");
        String[] lines = text.split("\n");
        for (int i = 0; i < 12; i++) {
            StringBuilder sb = new StringBuilder();
            for (String line : lines) {
                int r = random.nextInt(40);
                if (r == 0) {
                    continue;                                        // a line dropped
                } else if (r == 1 && !line.isEmpty()) {
                    int at = random.nextInt(line.length());          // a character replaced
                    line = line.substring(0, at) + "#:-[{ 9x".charAt(random.nextInt(8)) + line.substring(at + 1);
                } else if (r == 2) {
                    line = line.replaceAll("[0-9]+(\\.[0-9]+)?", random.nextBoolean() ? "-1" : "1e300");   // numbers broken
                }
                sb.append(line).append('\n');
            }
            ObjectNode body = Json.object();
            body.putObject("cable").put("yaml", sb.toString());
            check("mutation " + i, http.post("/api/studies/cable/run", Http.MAPPER.writeValueAsString(body)));
        }
        assertThat(http.get("/api/health").json().get("status").asText()).isEqualTo("ok");
    }

    private static void check(String what, Http.Answer a) {
        assertThat(a.status()).as(what + " -> " + a.body()).isBetween(200, 499);
        if (a.status() >= 400) {
            assertThat(a.json().get("error").asText()).as(what).isNotBlank();
            assertThat(a.json().has("incident")).as(what).isFalse();
        }
        assertThat(a.body()).as(what).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain("at org.mosaic.");
    }
}
