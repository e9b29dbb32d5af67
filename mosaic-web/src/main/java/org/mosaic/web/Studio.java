package org.mosaic.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.mosaic.core.scenario.Documents;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web studio: an HTTP JSON API over the studies (the same inputs, bound by {@link Inputs}, and exactly the CLI's
 * result JSON) and the browser UI's static assets, on Javalin. Loopback by default; every refusal a 4xx with its problems;
 * anything else a 500 with a generic message and an id, the trace only in the server's log. See docs/studio.md.
 */
public final class Studio implements AutoCloseable {
    /** The address the studio binds unless told otherwise: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** Where the browser UI's built assets are on the classpath (built by the front-end build into target/classes). */
    static final String STATIC = "/org/mosaic/web/static";

    /** Request attribute: the answer is the studio's own (an error handler leaves it as it is). */
    private static final String ANSWERED = "mosaic.answered";

    private static final Logger LOG = LoggerFactory.getLogger(Studio.class);

    private final Javalin app;
    private final Jobs jobs;
    private final String host;
    private final Duration runLimit;
    private final Runs runs = new Runs(Limits.RUN_THREADS, Limits.RUN_QUEUE);
    private final Guard guard;

    private Studio(Javalin app, Jobs jobs, String host, Duration runLimit) {
        this.runLimit = runLimit;
        this.app = app;
        this.jobs = jobs;
        this.host = host;
        this.guard = new Guard(host);
    }

    /**
     * Starts the studio on {@code host}:{@code port} ({@code port} 0: any free port). A port in use or an address this
     * machine does not have is refused with a {@link UsageException}.
     */
    public static Studio start(String host, int port) {
        return start(host, port, new Jobs(2, 8, Duration.ofMinutes(10), 32, Limits.JOB_SECONDS));
    }

    static Studio start(String host, int port, Jobs jobs) {
        return start(host, port, jobs, Duration.ofSeconds(Limits.RUN_SECONDS));
    }

    /** A studio whose /run computes at most {@code runSeconds} (tests use a short one). */
    static Studio start(String host, int port, Jobs jobs, int runSeconds) {
        return start(host, port, jobs, Duration.ofSeconds(runSeconds));
    }

    /** A studio whose /run computes at most {@code runLimit} (tests use a short one). */
    static Studio start(String host, int port, Jobs jobs, Duration runLimit) {
        if (port < 0 || port > 65535) {
            throw new UsageException("port " + port + ": expected 1..65535 (hint: --port 8080)");
        }
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = Limits.MAX_BODY_BYTES;
            config.http.defaultContentType = "application/json";
            config.useVirtualThreads = false;
            if (Studio.class.getResource(STATIC + "/index.html") != null) {
                config.staticFiles.add(s -> {
                    s.hostedPath = "/";
                    s.directory = STATIC;
                    s.location = Location.CLASSPATH;
                });
            }
        });
        Studio studio = new Studio(app, jobs, host, runLimit);
        studio.routes();
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            jobs.close();
            studio.runs.close();
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof BindException) {
                    throw new UsageException("cannot listen on " + host + ":" + port + ": " + c.getMessage()
                            + " (hint: another program uses the port: choose another with --port, or an address of this machine with --host)");
                }
            }
            throw e;
        }
        return studio;
    }

    /** The port the studio listens on. */
    public int port() {
        return app.port();
    }

    /** The studio's address, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/";
    }

    /** Whether {@code host} is this machine only (the studio then cannot be reached from the network). */
    public static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new UsageException("--host " + host + ": not an address of this machine (" + e.getMessage()
                    + ") (hint: the default " + DEFAULT_HOST + " serves this machine only)");
        }
    }

    @Override
    public void close() {
        jobs.close();
        runs.close();
        app.stop();
    }

    private void routes() {
        // before any route or asset: the request must be addressed to this studio and not come from another site's page
        app.before(ctx -> {
            guard.checkHost(ctx.header("Host"), port());
            guard.checkOrigin(ctx.header("Origin"), ctx.header("Sec-Fetch-Site"), port());
        });
        app.get("/api/health", ctx -> json(ctx, 200, Json.object().put("status", "ok")));
        app.get("/api/studies", ctx -> {
            ArrayNode a = Json.WRITER.createArrayNode();
            for (Study<?, ?> s : Studies.all()) {
                a.add(describe(s));
            }
            json(ctx, 200, a);
        });
        app.get("/api/studies/{name}", ctx -> json(ctx, 200, describe(study(ctx))));
        app.get("/api/studies/{name}/defaults", ctx -> json(ctx, 200, Inputs.defaults(bindableStudy(ctx))));
        app.post("/api/studies/{name}/document", ctx -> {
            Study<?, ?> s = bindableStudy(ctx);
            JsonNode body = body(ctx);
            JsonNode input = body.get("input");
            if (!body.isObject() || input == null || !input.isTextual()) {
                throw new ApiException(422, "expected {\"input\": NAME, \"value\": <document value>}",
                        List.of(new Problem("input", input, "the name of one of the study's document inputs", null, null)));
            }
            ObjectNode doc = guarded(s, () -> Inputs.document(s, input.textValue(), body.get("value")));
            if (format(ctx, "json", "yaml").equals("yaml")) {
                // the same resolved document as YAML: a file ./mosaic and the studio take back as it is
                ctx.attribute(ANSWERED, Boolean.TRUE);
                ctx.status(200).contentType("application/yaml; charset=utf-8").result(Json.yaml(doc));
            } else {
                json(ctx, 200, doc);
            }
        });
        app.get("/api/presets", ctx -> {
            ObjectNode o = Json.object();
            for (Documents.Kind k : Documents.Kind.values()) {
                ArrayNode names = o.putArray(k.id());
                Documents.names(k).forEach(names::add);
            }
            json(ctx, 200, o);
        });
        app.post("/api/studies/{name}/run", ctx -> run(ctx, bindableStudy(ctx)));
        app.post("/api/studies/{name}/jobs", ctx -> submit(ctx, bindableStudy(ctx)));
        app.get("/api/jobs/{id}", ctx -> json(ctx, 200, job(ctx).view()));
        app.delete("/api/jobs/{id}", ctx -> {
            Jobs.Job j = job(ctx);
            jobs.cancel(j.id);
            json(ctx, 200, j.view());
        });
        app.get("/openapi.json", ctx -> json(ctx, 200, OpenApi.document(Studies.all())));
        if (Studio.class.getResource(STATIC + "/index.html") == null) {
            app.get("/", ctx -> ctx.contentType("text/plain; charset=utf-8").result("Mosaic studio: the browser UI is not in this "
                    + "build; the API is at /api/studies and described at /openapi.json\n"));
        }

        app.exception(ApiException.class, (e, ctx) -> refuse(ctx, e));
        app.exception(Exception.class, (e, ctx) -> {
            RuntimeException bad = Refusals.badInput(e);
            if (bad != null) {
                refuse(ctx, Refusals.of(null, bad));
            } else {
                internal(ctx, e);
            }
        });
        app.error(404, ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                json(ctx, 404, Json.object().put("error", "no such page: " + ctx.method() + " " + ctx.path()
                        + " (hint: GET /api/studies lists the studies, /openapi.json describes the API)"));
            }
        });
        app.error(405, ctx -> json(ctx, 405, Json.object().put("error", ctx.method() + " is not allowed on " + ctx.path())));
        app.error(413, ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                refuse(ctx, Limits.bodyTooLarge(-1));
            }
        });
    }

    private void run(Context ctx, Study<?, ?> study) {
        String format = format(ctx, "json", "csv");
        JsonNode values = body(ctx);
        String out = runStudy(study, values, format.equals("csv"));
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(200).contentType(format.equals("csv") ? "text/csv; charset=utf-8" : "application/json").result(out);
    }

    /** The {@code format} query parameter: one of {@code allowed} (the first when absent), else 400 naming them. */
    private static String format(Context ctx, String... allowed) {
        String f = ctx.queryParam("format");
        if (f == null) {
            return allowed[0];
        }
        for (String a : allowed) {
            if (a.equals(f)) {
                return a;
            }
        }
        throw new ApiException(400, "format " + clip(f) + ": expected one of " + String.join(", ", allowed) + " (hint: ?format="
                + allowed[allowed.length - 1] + ")", List.of(new Problem("format", com.fasterxml.jackson.databind.node.TextNode.valueOf(clip(f)),
                String.join(" or ", allowed), null, null)));
    }

    /**
     * Binds and runs {@code study} within the request's limits: the work limits on its inputs, and the run's time limit
     * ({@link Limits#RUN_SECONDS}), which acts even between the study's progress reports: the study computes on a thread of
     * the run pool ({@link Runs}) and past the limit the request is refused with 413 and the run abandoned.
     */
    private <I extends Record, R> String runStudy(Study<I, R> study, JsonNode values, boolean csv) {
        I input = guarded(study, () -> Inputs.bind(study, values));
        Limits.checkWork(study, input, false);
        return runs.call(progress -> guarded(study, () -> {
            R r = study.run(input, progress);
            return csv ? csv(study, r) : Results.json(r);
        }), runLimit, study.name(),
                String.format(Locale.ROOT, "hint: POST /api/studies/%s/jobs runs it as a job with progress, or run it with the CLI", study.name()));
    }

    /** The result's metric rows as {@code ./mosaic run STUDY --format csv} prints them: metric,value,unit. */
    static <R> String csv(Study<?, R> study, R result) {
        List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
        for (org.mosaic.studies.MetricRow m : Results.rows(study, result)) {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("metric", m.name());
            row.put("value", m.value());
            row.put("unit", m.unit());
            rows.add(row);
        }
        return org.mosaic.studies.Output.csv(rows);
    }

    private static <I extends Record, R> JsonNode runTree(Study<I, R> study, I input, Progress progress) {
        return Results.tree(study.run(input, progress));
    }

    private void submit(Context ctx, Study<?, ?> study) {
        JsonNode values = body(ctx);
        Jobs.Job job = submit(study, values);
        ctx.header("Location", "/api/jobs/" + job.id);
        json(ctx, 202, Json.object().put("id", job.id));
    }

    private <I extends Record> Jobs.Job submit(Study<I, ?> study, JsonNode values) {
        I input = guarded(study, () -> Inputs.bind(study, values));
        Limits.checkWork(study, input, true);
        return jobs.submit(study.name(), p -> runTree(study, input, p), e -> {
            RuntimeException bad = Refusals.badInput(e);
            if (bad != null) {
                return error(Refusals.of(study, bad));
            }
            String id = incident();
            LOG.error("a job of {} failed (incident {})", study.name(), id, e);
            return Json.object().put("error", "the job failed inside the server (incident " + id + "; the server's log has the details)")
                    .put("incident", id);
        });
    }

    /** {@code work} with the user's bad input turned into a 422 naming the study's inputs. */
    private static <T> T guarded(Study<?, ?> study, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            RuntimeException bad = Refusals.badInput(e);
            if (bad != null) {
                throw Refusals.of(study, bad);
            }
            throw e;
        }
    }

    private Jobs.Job job(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.get(id).orElseThrow(() -> new ApiException(404, "no job " + clip(id) + " (hint: finished jobs are kept for "
                + "10 minutes; POST /api/studies/{name}/jobs starts one)"));
    }

    private static Study<?, ?> study(Context ctx) {
        String name = ctx.pathParam("name");
        return Studies.byName(name).orElseThrow(() -> new ApiException(404, "no study " + clip(name) + ": expected one of "
                + Studies.all().stream().map(Study::name).toList() + " (hint: GET /api/studies)"));
    }

    private static Study<?, ?> bindableStudy(Context ctx) {
        Study<?, ?> s = study(ctx);
        if (!Inputs.bindable(s)) {
            throw new ApiException(422, s.name() + " cannot be run from the studio: " + Inputs.whyNotBindable(s)
                    + " (hint: run it with ./mosaic)");
        }
        return s;
    }

    static ObjectNode describe(Study<?, ?> s) {
        ObjectNode o = Json.object();
        o.put("name", s.name());
        o.put("question", s.question());
        o.put("bindable", Inputs.bindable(s));
        o.set("inputs", Json.WRITER.valueToTree(Inputs.inputs(s)));
        o.set("metrics", Json.WRITER.valueToTree(s.metrics()));
        return o;
    }

    /** The request body as JSON, refused with 415 unless declared application/json, 413 beyond {@link Limits#MAX_BODY_BYTES} and 400 when malformed. */
    private static JsonNode body(Context ctx) {
        Guard.checkJson(ctx.header("Content-Type"));
        long declared = ctx.req().getContentLengthLong();
        if (declared > Limits.MAX_BODY_BYTES) {
            throw Limits.bodyTooLarge(declared);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] b = in.readNBytes(Limits.MAX_BODY_BYTES + 1);
            if (b.length > Limits.MAX_BODY_BYTES) {
                throw Limits.bodyTooLarge(-1);
            }
            return Json.parse(b);
        } catch (IOException e) {
            throw new ApiException(400, "the request body could not be read: " + e.getMessage());
        }
    }

    private static void refuse(Context ctx, ApiException e) {
        json(ctx, e.status(), error(e));
    }

    static ObjectNode error(ApiException e) {
        ObjectNode o = Json.object();
        o.put("error", e.getMessage());
        o.set("problems", Json.WRITER.valueToTree(e.problems()));
        return o;
    }

    private static void internal(Context ctx, Exception e) {
        String id = incident();
        LOG.error("{} {} failed (incident {})", ctx.method(), ctx.path(), id, e);
        json(ctx, 500, Json.object().put("error", "the server failed on this request (incident " + id
                + "; the server's log has the details)").put("incident", id));
    }

    private static String incident() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static void json(Context ctx, int status, JsonNode body) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    private static String clip(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }
}
