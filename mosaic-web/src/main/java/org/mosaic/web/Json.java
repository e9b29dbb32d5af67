package org.mosaic.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The studio's JSON: a strict reader for request bodies (one value, no duplicate keys, bounded nesting, number and string
 * lengths) and a writer for its own answers. A study's result is never written here but by {@code Results.json}, so the
 * API answers exactly the CLI's JSON.
 */
final class Json {
    /** Deepest nesting a request may have; the inputs' values nest at most a few levels (a document's set, a list). */
    static final int MAX_DEPTH = 32;
    /** Longest number literal accepted, in characters (a double needs at most 24). */
    static final int MAX_NUMBER_CHARS = 64;

    static final ObjectMapper READER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .maxStringLength(Limits.MAX_BODY_BYTES)
                    .build())
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static final ObjectMapper WRITER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The request body as one JSON value; an empty body is an empty object (every input at its default). */
    static JsonNode parse(byte[] body) {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return object();
        }
        try {
            JsonNode n = READER.readTree(body);
            return n == null ? object() : n;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : String.format(Locale.ROOT, " at line %d, column %d",
                    e.getLocation().getLineNr(), e.getLocation().getColumnNr());
            throw new ApiException(400, "malformed JSON" + where + ": " + e.getOriginalMessage()
                    + " (expected one JSON object of input values, each key once)");
        } catch (java.io.IOException e) {
            throw new ApiException(400, "unreadable request body: " + e.getMessage());
        }
    }

    static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    /** YAML of a document tree (keys in their order, strings quoted only where YAML would read them otherwise). */
    static final com.fasterxml.jackson.dataformat.yaml.YAMLMapper YAML = com.fasterxml.jackson.dataformat.yaml.YAMLMapper.builder()
            .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    static String yaml(JsonNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the document as YAML", e);
        }
    }
}
