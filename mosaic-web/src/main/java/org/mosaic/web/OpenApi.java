package org.mosaic.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Study;
import org.mosaic.studies.StudyInputs;

/**
 * The studio's OpenAPI 3 document, generated from the studies' declarations ({@code Study.inputs()} and
 * {@code metrics()}): one request schema per study, its properties the declared inputs with their type, unit, range and
 * default; nothing listed by hand, so it cannot drift from the code.
 */
final class OpenApi {
    static final String VERSION = "3.0.3";

    private OpenApi() {
    }

    static ObjectNode document(List<Study<?, ?>> studies) {
        ObjectNode doc = Json.object();
        doc.put("openapi", VERSION);
        ObjectNode info = doc.putObject("info");
        info.put("title", "Mosaic studio API");
        info.put("version", "0.1.0");
        info.put("description", "Every Mosaic study over HTTP: the same inputs and the same result JSON as the command line. "
                + "Refusals are 4xx with {error, problems}; see docs/studio.md.");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        commonSchemas(schemas);

        get(paths, "/api/health", "The server is up", "Health");
        get(paths, "/api/studies", "Every study with its declared inputs and metrics", "StudyList");
        get(paths, "/api/presets", "The shipped documents' names by kind", "Presets");
        ObjectNode job = paths.putObject("/api/jobs/{id}");
        job.set("parameters", pathParameter("id", "the job's id"));
        job.set("get", operation("getJob", "A job's state, progress and (when done) result", "Job", 200));
        job.set("delete", operation("cancelJob", "Cancels a queued or running job", "Job", 200));
        ObjectNode openapi = paths.putObject("/openapi.json").putObject("get");
        openapi.put("operationId", "openapi");
        openapi.put("summary", "This document");
        openapi.putObject("responses").putObject("200").put("description", "the OpenAPI document");

        for (Study<?, ?> s : studies) {
            String id = schemaName(s.name());
            ObjectNode describe = paths.putObject("/api/studies/" + s.name()).putObject("get");
            describe.put("operationId", "describe" + id);
            describe.put("summary", s.question());
            responses(describe, "Study", 200);
            if (!Inputs.bindable(s)) {
                continue;
            }
            schemas.set(id + "Input", inputSchema(s));
            schemas.set(id + "Result", resultSchema(s));
            ObjectNode defaults = paths.putObject("/api/studies/" + s.name() + "/defaults").putObject("get");
            defaults.put("operationId", "defaults" + id);
            defaults.put("summary", "The input values of " + s.name() + " with their defaults");
            responses(defaults, id + "Input", 200);

            ObjectNode run = paths.putObject("/api/studies/" + s.name() + "/run").putObject("post");
            run.put("operationId", "run" + id);
            run.put("summary", s.question());
            run.set("requestBody", body(id + "Input"));
            responses(run, id + "Result", 200);

            ObjectNode jobs = paths.putObject("/api/studies/" + s.name() + "/jobs").putObject("post");
            jobs.put("operationId", "submit" + id);
            jobs.put("summary", "Runs " + s.name() + " as a job (progress, cancel)");
            jobs.set("requestBody", body(id + "Input"));
            responses(jobs, "JobId", 202);

            ObjectNode document = paths.putObject("/api/studies/" + s.name() + "/document").putObject("post");
            document.put("operationId", "document" + id);
            document.put("summary", "A document input of " + s.name() + " resolved (preset or text, edits applied)");
            document.set("requestBody", body("DocumentRequest"));
            responses(document, "Document", 200);
        }
        return doc;
    }

    /** A study's name as a schema name: {@code channel-sweep} → {@code ChannelSweep}. */
    static String schemaName(String study) {
        StringBuilder sb = new StringBuilder();
        for (String part : study.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    static ObjectNode inputSchema(Study<?, ?> s) {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        schema.put("description", "The input values of " + s.name() + ", keyed by input name; an absent key takes its default.");
        schema.put("additionalProperties", false);
        ObjectNode props = schema.putObject("properties");
        for (InputSpec in : StudyInputs.inputs(s)) {   // the inputs a user gives (not those derived from them)
            props.set(in.name(), property(in, StudyInputs.presets(s, in.name())));
        }
        return schema;
    }

    static ObjectNode property(InputSpec in, List<String> presets) {
        ObjectNode p = Json.object();
        String type = in.type();
        if (type.startsWith("document")) {
            String kind = type.substring(type.indexOf('(') + 1, type.length() - 1);
            ArrayNode one = p.putArray("oneOf");
            ObjectNode name = one.addObject().put("type", "string").put("description", "a shipped " + kind + " document");
            if (!presets.isEmpty()) {
                ArrayNode e = name.putArray("enum");
                presets.forEach(e::add);
            }
            one.addObject().put("$ref", "#/components/schemas/DocumentValue");
        } else {
            switch (type) {
                case "flag" -> p.put("type", "boolean");
                case "integer" -> p.put("type", "integer");
                case "number" -> {
                    ArrayNode one = p.putArray("oneOf");
                    one.addObject().put("type", "number");
                    one.addObject().put("type", "string").put("description", "a number with its unit, e.g. \"20 " + in.unit() + "\"");
                }
                case "choice" -> p.put("type", "string");
                case "list" -> p.put("type", "array");
                default -> p.put("type", "string");
            }
            if ((type.equals("choice") || type.equals("text")) && in.range().matches("[\\w.-]+(\\|[\\w.-]+)+")) {
                ArrayNode e = p.putArray("enum");
                for (String v : in.range().split("\\|")) {
                    e.add(v);
                }
            }
        }
        StringBuilder d = new StringBuilder(in.description());
        if (!in.unit().isEmpty() && !in.unit().equals("1")) {
            d.append(" Unit: ").append(in.unit()).append('.');
        }
        if (!in.range().isEmpty()) {
            d.append(" Range: ").append(in.range()).append('.');
        }
        if (!in.defaultValue().isEmpty()) {
            d.append(" Default: ").append(in.defaultValue()).append('.');
        }
        p.put("description", d.toString());
        p.put("x-mosaic-type", type);
        if (!in.unit().isEmpty()) {
            p.put("x-mosaic-unit", in.unit());
        }
        return p;
    }

    static ObjectNode resultSchema(Study<?, ?> s) {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        schema.put("description", "The result of " + s.name() + ": exactly the JSON of the CLI's --format json. Its numbers are "
                + "listed in x-mosaic-metrics (path, unit).");
        ArrayNode metrics = schema.putArray("x-mosaic-metrics");
        for (MetricSpec m : s.metrics()) {
            ObjectNode o = metrics.addObject();
            o.put("path", m.path());
            o.put("unit", m.unit());
            if (!m.description().isEmpty()) {
                o.put("description", m.description());
            }
        }
        return schema;
    }

    private static void commonSchemas(ObjectNode schemas) {
        ObjectNode problem = schemas.putObject("Problem");
        problem.put("type", "object");
        ObjectNode pp = problem.putObject("properties");
        pp.putObject("input").put("type", "string").put("description", "the input's name, or INPUT.PATH inside a document");
        pp.putObject("value").put("description", "the value as sent");
        pp.putObject("expected").put("type", "string");
        pp.putObject("hint").put("type", "string");
        pp.putObject("message").put("type", "string");

        ObjectNode error = schemas.putObject("Error");
        error.put("type", "object");
        error.putArray("required").add("error");
        ObjectNode ep = error.putObject("properties");
        ep.putObject("error").put("type", "string");
        ep.putObject("problems").put("type", "array").putObject("items").put("$ref", "#/components/schemas/Problem");
        ep.putObject("incident").put("type", "string").put("description", "on a 500 only: the id of the server's log entry");

        ObjectNode dv = schemas.putObject("DocumentValue");
        dv.put("type", "object");
        dv.put("description", "A shipped document by name, or a document's text, with dotted-path edits; never a file path.");
        dv.put("additionalProperties", false);
        ObjectNode dp = dv.putObject("properties");
        dp.putObject("preset").put("type", "string");
        dp.putObject("yaml").put("type", "string").put("maxLength", Limits.MAX_DOCUMENT_CHARS);
        dp.putObject("set").put("type", "object").putObject("additionalProperties").put("type", "string");

        ObjectNode dr = schemas.putObject("DocumentRequest");
        dr.put("type", "object");
        dr.putArray("required").add("input");
        ObjectNode drp = dr.putObject("properties");
        drp.putObject("input").put("type", "string");
        drp.putObject("value").put("description", "a preset name or a DocumentValue");
        schemas.putObject("Document").put("type", "object").put("description", "the resolved document tree");

        ObjectNode job = schemas.putObject("Job");
        job.put("type", "object");
        ObjectNode jp = job.putObject("properties");
        jp.putObject("id").put("type", "string");
        jp.putObject("study").put("type", "string");
        ArrayNode states = jp.putObject("state").put("type", "string").putArray("enum");
        for (Jobs.State st : Jobs.State.values()) {
            states.add(st.name().toLowerCase(Locale.ROOT));
        }
        jp.putObject("done").put("type", "integer");
        jp.putObject("total").put("type", "integer");
        jp.putObject("fraction").put("type", "number");
        jp.putObject("task").put("type", "string");
        jp.putObject("result").put("type", "object");
        jp.putObject("error").put("$ref", "#/components/schemas/Error");
        ObjectNode jobId = schemas.putObject("JobId");
        jobId.put("type", "object");
        jobId.putObject("properties").putObject("id").put("type", "string");

        ObjectNode health = schemas.putObject("Health");
        health.put("type", "object");
        health.putObject("properties").putObject("status").put("type", "string");
        ObjectNode study = schemas.putObject("Study");
        study.put("type", "object");
        ObjectNode sp = study.putObject("properties");
        sp.putObject("name").put("type", "string");
        sp.putObject("question").put("type", "string");
        sp.putObject("bindable").put("type", "boolean");
        sp.putObject("inputs").put("type", "array").putObject("items").put("type", "object");
        sp.putObject("metrics").put("type", "array").putObject("items").put("type", "object");
        schemas.putObject("StudyList").put("type", "array").putObject("items").put("$ref", "#/components/schemas/Study");
        schemas.putObject("Presets").put("type", "object").putObject("additionalProperties").put("type", "array")
                .putObject("items").put("type", "string");
    }

    private static void get(ObjectNode paths, String path, String summary, String schema) {
        ObjectNode op = paths.putObject(path).putObject("get");
        op.put("operationId", schemaName(path.replace("/api/", "")));
        op.put("summary", summary);
        responses(op, schema, 200);
    }

    private static ObjectNode operation(String id, String summary, String schema, int status) {
        ObjectNode op = Json.object();
        op.put("operationId", id);
        op.put("summary", summary);
        responses(op, schema, status);
        return op;
    }

    private static ArrayNode pathParameter(String name, String description) {
        ArrayNode a = Json.WRITER.createArrayNode();
        ObjectNode p = a.addObject();
        p.put("name", name);
        p.put("in", "path");
        p.put("required", true);
        p.put("description", description);
        p.putObject("schema").put("type", "string");
        return a;
    }

    private static ObjectNode body(String schema) {
        ObjectNode b = Json.object();
        b.put("required", false);
        b.putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/" + schema);
        return b;
    }

    private static void responses(ObjectNode op, String schema, int status) {
        ObjectNode r = op.putObject("responses");
        ObjectNode ok = r.putObject(Integer.toString(status));
        ok.put("description", status == 202 ? "accepted" : "OK");
        ok.putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/" + schema);
        for (int code : new int[] {400, 404, 413, 422, 429}) {
            ObjectNode e = r.putObject(Integer.toString(code));
            e.put("description", switch (code) {
                case 400 -> "malformed JSON";
                case 404 -> "no such study or job";
                case 413 -> "too large: the body, a document or the work (the limit is named; hint: the CLI)";
                case 422 -> "refused values, each problem with its input, value, what was expected and a hint";
                default -> "too many jobs";
            });
            e.putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Error");
        }
    }
}
