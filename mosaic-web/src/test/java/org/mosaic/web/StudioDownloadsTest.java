package org.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.studies.MetricRow;
import org.mosaic.studies.Results;
import org.mosaic.studies.cable.CableStudy;

/** The downloads: the edited document as YAML (taken back as it is) and the result's metric rows as CSV. */
class StudioDownloadsTest {
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

    static final String EDITED = "{\"preset\": \"mosaic-800g\", \"set\": {\"fiber.length\": \"12 m\", \"plan.spares\": \"8\"}}";

    @Test
    void theEditedDocumentDownloadsAsYamlThatIsTheSameDocument() throws Exception {
        Http.Answer yaml = http.post("/api/studies/cable/document?format=yaml", "{\"input\": \"cable\", \"value\": " + EDITED + "}");
        assertThat(yaml.status()).as(yaml.body()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("formatVersion: 1\nkind: cable").contains("length: 12 m").doesNotStartWith("---");
        Http.Answer json = http.post("/api/studies/cable/document", "{\"input\": \"cable\", \"value\": " + EDITED + "}");
        // the YAML read back is the resolved JSON tree, value for value
        JsonNode back = new ObjectMapper(new YAMLFactory()).readTree(yaml.body());
        assertThat(back).isEqualTo(json.json());
        // and a document ./mosaic and the studio take as it is: the study answers exactly as for the preset and its edits
        ScenarioDocument.parse("downloaded.yaml", yaml.body(), true);
        String fromYaml = http.post("/api/studies/cable/run", Http.MAPPER.writeValueAsString(Http.MAPPER.createObjectNode()
                .set("cable", Http.MAPPER.createObjectNode().put("yaml", yaml.body())))).body();
        String fromEdits = http.post("/api/studies/cable/run", "{\"cable\": " + EDITED + "}").body();
        JsonNode a = Http.MAPPER.readTree(fromYaml);
        JsonNode b = Http.MAPPER.readTree(fromEdits);
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("scenario");   // where it came from differs, nothing else
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("scenario");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void theResultDownloadsAsTheClisCsvRows() {
        Http.Answer csv = http.post("/api/studies/cable/run?format=csv", "{\"cable\": " + EDITED + "}");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-800g").with("fiber.length", "12 m").with("plan.spares", "8");
        CableStudy study = new CableStudy();
        List<MetricRow> rows = Results.rows(study, study.run(new CableStudy.Input(doc, false)));
        String[] lines = csv.body().split("\n");
        assertThat(lines[0]).isEqualTo("metric,value,unit");
        assertThat(lines).hasSize(rows.size() + 1);
        MetricRow power = rows.stream().filter(r -> r.name().equals("power.perEndWatts")).findFirst().orElseThrow();
        assertThat(csv.body()).contains("\npower.perEndWatts," + power.value() + ",W\n");
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheFormats() {
        Http.Answer a = http.post("/api/studies/cable/run?format=xml", "{}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).contains("xml").contains("json, csv");
        Http.Answer d = http.post("/api/studies/cable/document?format=csv", "{\"input\": \"cable\", \"value\": \"mosaic-800g\"}");
        assertThat(d.status()).isEqualTo(400);
        assertThat(d.json().get("error").asText()).contains("json, yaml");
    }
}
