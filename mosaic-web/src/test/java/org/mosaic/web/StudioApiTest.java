package org.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.Study;
import org.mosaic.studies.cable.CableStudy;
import org.mosaic.studies.channel.ChannelStudy;

/** The studio's API end to end on loopback: what it lists, what it answers, and how it refuses. */
class StudioApiTest {
    static Studio studio;
    static Http http;

    @BeforeAll
    static void start() {
        studio = Studio.start("127.0.0.1", 0);
        http = new Http(studio);
    }

    @AfterAll
    static void stop() {
        studio.close();
    }

    @Test
    void healthIsOk() {
        Http.Answer a = http.get("/api/health");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void studiesListEveryStudyWithItsDeclaration() {
        JsonNode list = http.get("/api/studies").json();
        List<String> names = new ArrayList<>();
        list.forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactlyElementsOf(Studies.all().stream().map(Study::name).toList());
        for (JsonNode s : list) {
            Study<?, ?> study = Studies.byName(s.get("name").asText()).orElseThrow();
            assertThat(s.get("question").asText()).isEqualTo(study.question());
            assertThat(s.get("inputs").size()).isEqualTo(Inputs.inputs(study).size());
            assertThat(s.get("metrics").size()).isEqualTo(study.metrics().size());
            assertThat(s.get("bindable").isBoolean()).isTrue();
            assertThat(s.get("inputs").get(0).has("name") && s.get("inputs").get(0).has("unit")).isTrue();
        }
        assertThat(http.get("/api/studies/cable").json().get("name").asText()).isEqualTo("cable");
    }

    @Test
    void anUnknownStudyIs404NamingTheStudies() {
        Http.Answer a = http.get("/api/studies/kable");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("error").asText()).contains("kable").contains("cable");
        assertThat(http.post("/api/studies/kable/run", "{}").status()).isEqualTo(404);
    }

    @Test
    void presetsAreListedByKind() {
        JsonNode p = http.get("/api/presets").json();
        for (Documents.Kind k : Documents.Kind.values()) {
            List<String> names = new ArrayList<>();
            p.get(k.id()).forEach(n -> names.add(n.asText()));
            assertThat(names).as(k.id()).isEqualTo(Documents.names(k));
        }
    }

    @Test
    void cableRunAnswersExactlyTheStudysJson() {
        Http.Answer a = http.post("/api/studies/cable/run", "{}");
        assertThat(a.status()).isEqualTo(200);
        String direct = Results.json(new CableStudy().run(new CableStudy.Input(ScenarioDocument.preset(CableStudy.DEFAULT_PRESET), false)));
        assertThat(a.body()).isEqualTo(direct);
    }

    @Test
    void aDocumentEditIsAppliedAsTheClisSetIs() {
        Http.Answer a = http.post("/api/studies/channel/run", "{\"scenario\": {\"preset\": \"mosaic-prototype\", \"set\": "
                + "{\"fiber.length\": \"3 m\"}}}");
        assertThat(a.status()).isEqualTo(200);
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-prototype").with("fiber.length", "3 m");
        String direct = Results.json(new ChannelStudy().run(new ChannelStudy.Input(doc, Map.of("fiber.length", "scenario.set"), false)));
        assertThat(a.body()).isEqualTo(direct);
    }

    @Test
    void defaultsAndTheResolvedDocument() {
        JsonNode d = http.get("/api/studies/cable/defaults").json();
        assertThat(d.get("cable").get("preset").asText()).isEqualTo(CableStudy.DEFAULT_PRESET);
        Http.Answer doc = http.post("/api/studies/cable/document", "{\"input\": \"cable\", \"value\": {\"preset\": \"mosaic-800g\", "
                + "\"set\": {\"fiber.length\": \"20 m\"}}}");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("fiber").get("length").asText()).isEqualTo("20 m");
    }

    @Test
    void aBadValueIs422NamingTheInputTheValueAndWhatWasExpected() {
        Http.Answer a = http.post("/api/studies/cable/run", "{\"cable\": {\"preset\": \"mosaic-800g\", \"set\": {\"fiber.length\": \"banana\"}}}");
        assertThat(a.status()).isEqualTo(422);
        JsonNode p = a.json().get("problems").get(0);
        assertThat(p.get("input").asText()).isEqualTo("cable.fiber.length");
        assertThat(p.get("value").asText()).isEqualTo("banana");
        assertThat(p.get("expected").asText()).contains("a number followed by one of");
    }

    @Test
    void unknownKeysAndWrongTypesAreRefusedAllAtOnce() {
        Http.Answer a = http.post("/api/studies/cable/run", "{\"cabel\": \"mosaic-800g\", \"scale\": \"yes\"}");
        assertThat(a.status()).isEqualTo(422);
        List<String> inputs = new ArrayList<>();
        a.json().get("problems").forEach(p -> inputs.add(p.get("input").asText()));
        assertThat(inputs).containsExactlyInAnyOrder("cabel", "scale");
    }

    @Test
    void aFilePathIsNeverReadAsADocument() {
        for (String path : List.of("/etc/passwd", "../../pom.xml", "presets/mosaic-800g.yaml", "mosaic-800g.yaml")) {
            Http.Answer a = http.post("/api/studies/cable/run", "{\"cable\": \"" + path + "\"}");
            assertThat(a.status()).as(path).isEqualTo(422);
            assertThat(a.body()).as(path).doesNotContain("root:");
        }
    }

    @Test
    void malformedJsonIs400() {
        Http.Answer a = http.post("/api/studies/cable/run", "{\"cable\": ");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).contains("malformed JSON");
        assertThat(http.post("/api/studies/cable/run", "{\"scale\": true, \"scale\": false}").status()).isEqualTo(400);
    }

    @Test
    void anOversizedBodyIs413NamingTheLimit() {
        byte[] big = new byte[Limits.MAX_BODY_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        Http.Answer a = http.post("/api/studies/cable/run", big);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.json().get("error").asText()).contains(Integer.toString(Limits.MAX_BODY_BYTES)).contains("CLI");
    }

    @Test
    void anOversizedDocumentIs413() {
        String yaml = "formatVersion: 1\n" + "# padding\n".repeat(Limits.MAX_DOCUMENT_CHARS / 10 + 1);
        Http.Answer a = http.post("/api/studies/cable/run", "{\"cable\": {\"yaml\": " + Http.MAPPER.valueToTree(yaml) + "}}");
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.json().get("error").asText()).contains(Integer.toString(Limits.MAX_DOCUMENT_CHARS));
    }

    @Test
    void aDocumentSentAsTextIsBound() throws Exception {
        String yaml = Documents.presetText(Documents.Kind.CABLE, "mosaic-800g");
        Http.Answer a = http.post("/api/studies/cable/run", "{\"cable\": {\"yaml\": " + Http.MAPPER.writeValueAsString(yaml) + "}}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("name").asText()).isEqualTo("mosaic-800g");
    }

    @Test
    void anUnknownPathIsAJson404() {
        Http.Answer a = http.get("/api/nothing");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("error").asText()).contains("/api/nothing");
    }
}
