package org.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mosaic.studies.Studies;
import org.mosaic.studies.Study;
import org.mosaic.studies.StudyInputs;

/**
 * The OpenAPI document, checked structurally (OpenAPI 3.0's required fields, every $ref resolves, one request schema per
 * bindable study whose properties are its inputs) and as served.
 */
class OpenApiTest {
    static final JsonNode DOC = Json.WRITER.valueToTree(OpenApi.document(Studies.all()));

    @Test
    void hasTheRequiredFieldsOfOpenApi3() {
        assertThat(DOC.get("openapi").asText()).startsWith("3.0.");
        assertThat(DOC.get("info").get("title").asText()).isNotBlank();
        assertThat(DOC.get("info").get("version").asText()).isNotBlank();
        List<String> operationIds = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = DOC.get("paths").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            assertThat(path.getKey()).startsWith("/");
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
                Map.Entry<String, JsonNode> op = o.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                assertThat(op.getKey()).isIn("get", "post", "delete");
                assertThat(op.getValue().get("responses").size()).as(path.getKey()).isPositive();
                for (JsonNode r : op.getValue().get("responses")) {
                    assertThat(r.get("description").asText()).isNotBlank();
                }
                operationIds.add(op.getValue().get("operationId").asText());
            }
            if (path.getKey().contains("{")) {
                assertThat(path.getValue().get("parameters")).as(path.getKey() + " declares its path parameter").isNotNull();
            }
        }
        assertThat(operationIds).doesNotHaveDuplicates();
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collect(DOC, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/components/schemas/");
            assertThat(DOC.get("components").get("schemas").has(ref.substring("#/components/schemas/".length()))).as(ref).isTrue();
        }
    }

    @Test
    void eachBindableStudyHasARequestSchemaOfItsInputs() {
        JsonNode schemas = DOC.get("components").get("schemas");
        for (Study<?, ?> s : Studies.all()) {
            String name = OpenApi.schemaName(s.name()) + "Input";
            if (!StudyInputs.bindable(s)) {
                assertThat(schemas.has(name)).as(name).isFalse();
                continue;
            }
            JsonNode schema = schemas.get(name);
            List<String> props = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(props::add);
            assertThat(props).as(name).containsExactlyElementsOf(StudyInputs.inputs(s).stream().map(i -> i.name()).toList());
            assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
            assertThat(DOC.get("paths").get("/api/studies/" + s.name() + "/run").get("post").get("requestBody").get("content")
                    .get("application/json").get("schema").get("$ref").asText()).isEqualTo("#/components/schemas/" + name);
        }
        JsonNode cable = schemas.get("CableInput").get("properties").get("cable");
        assertThat(cable.get("oneOf").get(0).get("enum").toString()).contains("mosaic-800g");
        assertThat(schemas.get("CableInput").get("properties").get("scale").get("type").asText()).isEqualTo("boolean");
    }

    @Test
    void isServedAtAFixedPath() {
        try (Studio studio = Studio.start("127.0.0.1", 0)) {
            Http.Answer a = new Http(studio).get("/openapi.json");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json()).isEqualTo(DOC);
        }
    }

    private static void collect(JsonNode n, List<String> refs) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), refs);
                }
            }
        } else if (n.isArray()) {
            n.forEach(c -> collect(c, refs));
        }
    }
}
