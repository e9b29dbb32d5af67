package org.mosaic.web;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import java.util.Locale;

/**
 * What one request may ask of the studio, so that a browser tab (or anything else that reaches the port) cannot take the
 * machine: the size of a request body and of a document's text, and the work of one run (points, trials, GPUs,
 * codewords). Each limit is named in its refusal with the hint to run larger work with the CLI, which has none of them.
 * All are assumed (Mosaic developers): sized so that one run answers within seconds on a laptop core.
 */
final class Limits {
    /** Largest request body, bytes: a shipped document is ~10 KB, so 1 MB holds any sensible request with room. */
    static final int MAX_BODY_BYTES = 1_000_000;
    /** Largest document text, characters (a shipped document is ~2..15 KB). */
    static final int MAX_DOCUMENT_CHARS = 256 * 1024;

    /** Longest a /run request may compute, seconds: beyond it the run is cancelled and refused with 413 (a job may take longer). */
    static final int RUN_SECONDS = 30;
    /**
     * Runs computing at once (each on a thread of the studio's run pool; the request's thread waits for it), and runs
     * waiting for a thread (429 beyond). Assumed (Mosaic developers): 4 keeps a 2..8-core laptop responsive (range 2..16);
     * 256 waiting holds the loopback load test's 200 concurrent clients (range 64..1024).
     */
    static final int RUN_THREADS = 4;
    static final int RUN_QUEUE = 256;
    /** Longest a job may compute, seconds. */
    static final int JOB_SECONDS = 15 * 60;
    /** Most GPUs of a cluster (or a job) for a /run: the shipped 100k cluster fits; a job may take {@link #JOB_GPUS}. */
    static final long RUN_GPUS = 131_072;
    static final long JOB_GPUS = 1_048_576;

    /**
     * One limit on a declared input: at most {@code run} in a /run request, {@code job} in a job (a job's limit may be the
     * study's own, then the study refuses beyond it).
     */
    record Limit(String study, String input, long run, long job, String what) {
    }

    /** The work limits, by study and declared input (see the class comment; assumed, Mosaic developers). */
    static final List<Limit> WORK = List.of(
            new Limit("goodput", "trials", 1_000, 100_000, "Monte Carlo trials"),
            new Limit("goodput", "gpus", RUN_GPUS, JOB_GPUS, "GPUs of the job"),
            new Limit("train", "gpus", RUN_GPUS, JOB_GPUS, "GPUs of the job"),
            new Limit("inference", "gpus", RUN_GPUS, JOB_GPUS, "GPUs"),
            new Limit("emulate", "codewords", 10_000_000, 100_000_000, "codewords"),
            new Limit("channel-sweep", "sweep", 200, 1_000, "sweep points"),
            // the claims audit runs other studies (samples + tornado + break-even solves) per claim: a job only, 64 points at most
            new Limit("claims", "samples", 0, 64, "Latin-hypercube points per claim"));

    /**
     * Studies that only run as a job: their work is many runs of other studies, longer than a request should wait (issue 20:
     * the claims audit). A /run is refused with 413 naming the jobs route.
     */
    static final java.util.Set<String> JOB_ONLY = java.util.Set.of("claims");

    private Limits() {
    }

    /**
     * Refuses (413) work beyond the studio's limits: the declared inputs of {@link #WORK}, the GPUs of every cluster
     * document among the inputs, and emulate's long run (beyond its engine's own limit). Each refusal names the limit and
     * the hint to run larger work with the CLI.
     */
    static void checkWork(org.mosaic.studies.Study<?, ?> study, Record input, boolean job) {
        if (!job && JOB_ONLY.contains(study.name())) {
            throw new ApiException(413, "the " + study.name() + " study runs as a job, not in one request: it runs other studies many "
                    + "times (hint: POST /api/studies/" + study.name() + "/jobs with the same body, or ./mosaic " + study.name() + ")", List.of());
        }
        List<Problem> problems = new java.util.ArrayList<>();
        for (java.lang.reflect.RecordComponent c : input.getClass().getRecordComponents()) {
            Object v = value(c, input);
            for (Limit l : WORK) {
                if (l.study().equals(study.name()) && l.input().equals(c.getName())) {
                    long n = count(v);
                    long max = job ? l.job() : l.run();
                    if (n > max) {
                        problems.add(new Problem(c.getName(), com.fasterxml.jackson.databind.node.LongNode.valueOf(n), String.format(Locale.ROOT,
                                "at most %,d %s %s", max, l.what(), job ? "in a studio job" : "in one request (a job may take "
                                        + String.format(Locale.ROOT, "%,d", l.job()) + ")"),
                                "run larger work with the CLI: ./mosaic " + study.name() + " ...", null));
                    }
                }
            }
            for (Object o : v instanceof java.util.Collection<?> col ? col : java.util.Collections.singletonList(v)) {
                if (o instanceof org.mosaic.cluster.fleet.ClusterDocument cd) {
                    long gpus = cd.cluster().gpus();
                    long max = job ? JOB_GPUS : RUN_GPUS;
                    if (gpus > max) {
                        problems.add(new Problem(c.getName(), com.fasterxml.jackson.databind.node.LongNode.valueOf(gpus),
                                String.format(Locale.ROOT, "a cluster of at most %,d GPUs %s", max, job ? "in a studio job" : "in one request"),
                                "run larger clusters with the CLI: ./mosaic " + study.name() + " --cluster FILE", null));
                    }
                }
            }
            if (study.name().equals("emulate") && c.getName().equals("longRun") && Boolean.TRUE.equals(v)) {
                problems.add(new Problem("longRun", com.fasterxml.jackson.databind.node.BooleanNode.TRUE,
                        "false: the studio keeps to the engine's limit", "run long emulations with the CLI: ./mosaic emulate --long-run", null));
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder("too much work for the studio:");
            for (Problem p : problems) {
                sb.append(' ').append(p.input()).append(' ').append(p.value()).append(" — expected ").append(p.expected()).append(';');
            }
            sb.setLength(sb.length() - 1);
            sb.append(" (hint: ").append(problems.get(0).hint()).append(')');
            List<Problem> named = new java.util.ArrayList<>();
            for (Problem p : problems) {
                named.add(new Problem(p.input(), p.value(), p.expected(), p.hint(), p.input() + " " + p.value() + ": expected " + p.expected()));
            }
            throw new ApiException(413, sb.toString(), named);
        }
    }

    private static Object value(java.lang.reflect.RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    /** A count from an input's value: a number, the points of a sweep, the size of a list (0 when none). */
    private static long count(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof org.mosaic.studies.channel.Sweep sw) {
            return sw.points().size();
        }
        if (v instanceof java.util.Collection<?> c) {
            return c.size();
        }
        return 0;
    }

    static ApiException bodyTooLarge(long bytes) {
        return new ApiException(413, String.format(Locale.ROOT, "the request body (%s bytes) exceeds the studio's limit of %d bytes "
                + "(hint: run large inputs with the CLI, e.g. ./mosaic link --scenario FILE)", bytes < 0 ? "more than " + MAX_BODY_BYTES
                : Long.toString(bytes), MAX_BODY_BYTES));
    }

    static void checkDocument(String input, String text) {
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new ApiException(413, String.format(Locale.ROOT, "the document %s has %d characters: the studio accepts at most %d "
                    + "(hint: run it with the CLI, --scenario FILE)", input, text.length(), MAX_DOCUMENT_CHARS),
                    List.of(new Problem(input, IntNode.valueOf(text.length()), "at most " + MAX_DOCUMENT_CHARS + " characters",
                            "run it with the CLI", null)));
        }
    }
}
