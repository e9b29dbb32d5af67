package org.mosaic.report;

import org.mosaic.studies.Finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mosaic.studies.Output;
import org.mosaic.studies.Results;

/**
 * The HTML report: a list of {@link Section}s rendered to {@code index.html} (self-contained: inline CSS and
 * SVG), {@code results.json} (every section's numbers) and {@code results.csv} (long format: section,
 * subject, quantity, value, unit), plus each section's data files. Written into a temporary directory beside
 * the target and renamed into place, so a failed run leaves the previous report as it was.
 */
public final class Report {
    /** A file that marks a directory as a Mosaic report, so {@code --out} never replaces anything else. */
    public static final String MARKER = OutputFiles.REPORT_MARKER;
    private static final Set<String> OWN_FILES = Set.of("index.html", "results.json", "results.csv", MARKER);

    private final String title;
    private final String introHtml;
    private final List<Section> sections = new ArrayList<>();
    private RunInfo run;

    /** @param introHtml HTML shown under the title (already escaped) */
    public Report(String title, String introHtml) {
        this.title = title;
        this.introHtml = introHtml;
    }

    public Report add(Section section) {
        for (Section s : sections) {
            if (s.id().equals(section.id())) {
                throw new IllegalArgumentException("two report sections with the id " + section.id());
            }
        }
        sections.add(section);
        return this;
    }

    public List<Section> sections() {
        return List.copyOf(sections);
    }

    /**
     * Checks, before any work, that {@code dir} can receive a report: it does not exist, is empty, or is a
     * previous Mosaic report (holds {@value #MARKER}).
     */
    public static void checkTarget(Path dir) {
        OutputFiles.checkReportDirectory("--out", dir, MARKER);
    }

    /**
     * Renders every file in memory, writes them into a new temporary directory beside {@code dir} and
     * renames it into place (replacing a previous report only now). Returns the path of index.html.
     */
    public Path write(Path dir) throws IOException {
        checkTarget(dir);
        Path target = dir.toAbsolutePath().normalize();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("index.html", indexHtml());
        files.put("results.json", resultsJson());
        files.put("results.csv", resultsCsv());
        for (Section s : sections) {
            for (Section.DataFile f : s.files()) {
                if (!f.name().matches("[A-Za-z0-9._-]+") || OWN_FILES.contains(f.name()) || files.containsKey(f.name())) {
                    throw new IllegalArgumentException("section " + s.id() + ": bad or duplicate data file name " + f.name());
                }
                files.put(f.name(), f.content());
            }
        }
        files.put(MARKER, "This directory is a Mosaic report; `mosaic evaluate` replaces it as a whole.\n");
        Path tmp = null;
        try {
            tmp = AtomicFiles.createSibling(target, "tmp", true);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(tmp.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            AtomicFiles.replaceDirectory(tmp, target);
        } catch (IOException e) {
            throw new IOException("cannot write the report to " + dir + ": " + OutputFiles.reason(e), e);
        } finally {
            if (tmp != null) {
                AtomicFiles.deleteRecursively(tmp);
            }
        }
        return target.resolve("index.html");
    }

    public String resultsJson() {
        List<Listed> findings = findings().stream()
                .map(f -> new Listed(f.verdict().name().toLowerCase(java.util.Locale.ROOT), f.text(), f.anchor())).toList();
        Map<String, Object> secs = new LinkedHashMap<>();
        for (Section s : sections) {
            secs.put(s.id(), s.json());
        }
        Run r = run == null ? null : new Run(run.version(), run.commit(), run.generatedAt().toString(), run.command());
        return Results.json(new ResultsFile(title, "mosaic " + (run == null ? RunInfo.UNKNOWN : run.version()), r, seeds(),
                findings, secs));
    }

    /** results.json: the report's title and run, every seed, the findings and each section's numbers. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ResultsFile(String title, String generator, Run run, List<String> seeds, List<Listed> findings,
            Map<String, Object> sections) {
    }

    /** What produced the report. */
    record Run(String version, String commit, String generatedAt, String command) {
    }

    /** A finding as results.json lists it (the verdict in lower case). */
    record Listed(String verdict, String text, String anchor) {
    }

    public String resultsCsv() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Section s : sections) {
            for (Section.ResultRow r : s.rows()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("section", s.id());
                m.put("subject", r.subject());
                m.put("quantity", r.quantity());
                m.put("value", r.value());
                m.put("unit", r.unit());
                rows.add(m);
            }
        }
        if (rows.isEmpty()) {
            return "section,subject,quantity,value,unit\n";
        }
        return Output.csv(rows);
    }

    /** Records what produced the report (version, commit, date, command line); without it the run block says "unknown". */
    public Report run(RunInfo info) {
        this.run = info;
        return this;
    }

    /** Every section's findings, in section order. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        sections.forEach(s -> all.addAll(s.findings()));
        return all;
    }

    /** Every section's seeds, in section order. */
    public List<String> seeds() {
        List<String> all = new ArrayList<>();
        sections.forEach(s -> all.addAll(s.seeds()));
        return all;
    }

    public String indexHtml() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n")
                .append("<body id=\"top\">\n<div class=\"layout\">\n");
        // the table of contents: a sticky sidebar on wide screens, a sticky bar on narrow ones
        sb.append("<nav id=\"toc\" aria-label=\"Contents\"><a class=\"toc-title\" href=\"#top\">Contents</a><ol>\n")
                .append("<li><a href=\"#summary\">Summary of findings</a></li>\n");
        for (Section s : sections) {
            sb.append("<li><a href=\"#").append(Html.esc(s.id())).append("\">").append(Html.esc(s.title())).append("</a></li>\n");
        }
        sb.append("<li><a href=\"#run\">This run and its files</a></li>\n</ol></nav>\n<main>\n");
        sb.append("<header><h1>").append(Html.esc(title)).append("</h1>\n").append(runLine()).append("</header>\n");
        sb.append(summaryHtml());
        sb.append("<div class=\"intro\">").append(introHtml).append("</div>\n");
        for (Section s : sections) {
            sb.append("<section id=\"").append(Html.esc(s.id())).append("\">\n<h2>").append(Html.esc(s.title())).append("</h2>\n")
                    .append(s.html()).append(BACK_TO_TOP).append("</section>\n");
        }
        sb.append(runHtml());
        sb.append("</main>\n</div>\n<footer>Generated by mosaic ").append(Html.esc(run == null ? RunInfo.UNKNOWN : run.version()))
                .append(". Evaluation is a pure function of the scenario and its seed; the same inputs give the same report.</footer>\n"
                        + "</body>\n</html>\n");
        return sb.toString();
    }

    private static final String BACK_TO_TOP = "<p class=\"top\"><a href=\"#top\">↑ back to the top</a></p>\n";

    /** One line under the title: version, commit, date, command and seeds (the details are in #run). */
    private String runLine() {
        List<String> seeds = seeds();
        StringBuilder sb = new StringBuilder("<dl id=\"run-summary\" class=\"meta\">");
        meta(sb, "Mosaic", run == null ? RunInfo.UNKNOWN : run.version());
        meta(sb, "commit", run == null ? RunInfo.UNKNOWN : run.commit());
        meta(sb, "generated", run == null ? RunInfo.UNKNOWN : run.date());
        sb.append("<div class=\"wide\"><dt>command</dt><dd><code>").append(Html.esc(run == null ? RunInfo.UNKNOWN : run.command()))
                .append("</code></dd></div>");
        sb.append("<div class=\"wide\"><dt>seeds</dt><dd>").append(Html.esc(seeds.isEmpty() ? "none (no random numbers drawn)"
                : String.join("; ", seeds))).append("</dd></div>");
        return sb.append("</dl>\n").toString();
    }

    private static void meta(StringBuilder sb, String key, String value) {
        sb.append("<div><dt>").append(Html.esc(key)).append("</dt><dd>").append(Html.esc(value)).append("</dd></div>");
    }

    /** The findings of every section, each with its verdict and a link to its evidence. */
    private String summaryHtml() {
        List<Finding> all = findings();
        StringBuilder sb = new StringBuilder("<section id=\"summary\">\n<h2>Summary of findings</h2>\n");
        if (all.isEmpty()) {
            return sb.append("<p class=\"note\">The sections evaluated make no findings.</p>\n</section>\n").toString();
        }
        Map<Finding.Verdict, Integer> count = new java.util.EnumMap<>(Finding.Verdict.class);
        all.forEach(f -> count.merge(f.verdict(), 1, Integer::sum));
        sb.append("<p class=\"note\">Each line is computed from the results below; follow “evidence” to the numbers. ");
        List<String> c = new ArrayList<>();
        for (Finding.Verdict v : Finding.Verdict.values()) {
            if (count.containsKey(v)) {
                String what = switch (v) {
                    case HOLDS -> count.get(v) == 1 ? "holds" : "hold";
                    case FAILS -> count.get(v) == 1 ? "does not hold" : "do not hold";
                    case NOTE -> "for information";
                };
                c.add("<span class=\"mark " + v.name().toLowerCase(java.util.Locale.ROOT) + "\">" + v.mark() + "</span> " + count.get(v)
                        + " " + what);
            }
        }
        sb.append(String.join(", ", c)).append(".</p>\n<ul class=\"findings\">\n");
        for (Finding f : all) {
            String v = f.verdict().name().toLowerCase(java.util.Locale.ROOT);
            sb.append("<li class=\"").append(v).append("\"><span class=\"mark ").append(v).append("\" title=\"")
                    .append(Html.esc(f.verdict().meaning())).append("\">").append(f.verdict().mark()).append("</span> <span class=\"text\">")
                    .append(Html.esc(f.text())).append("</span> <a class=\"evidence\" href=\"#").append(Html.esc(f.anchor()))
                    .append("\">evidence</a></li>\n");
        }
        return sb.append("</ul>\n</section>\n").toString();
    }

    /** The run in full and the data files. */
    private String runHtml() {
        StringBuilder sb = new StringBuilder("<section id=\"run\">\n<h2>This run and its files</h2>\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Mosaic version", run == null ? RunInfo.UNKNOWN : run.version()));
        rows.add(List.of("git commit", run == null ? RunInfo.UNKNOWN : run.commit()));
        rows.add(List.of("generated (UTC)", run == null ? RunInfo.UNKNOWN : run.date()));
        rows.add(List.of("command", run == null ? RunInfo.UNKNOWN : run.command()));
        for (String seed : seeds()) {
            rows.add(List.of("seed", seed));
        }
        sb.append(Html.table(List.of("", "value"), rows, null));
        Set<String> dataFiles = new LinkedHashSet<>(List.of("results.json", "results.csv"));
        sections.forEach(s -> s.files().forEach(f -> dataFiles.add(f.name())));
        sb.append("<p class=\"files\">The numbers: ");
        List<String> links = new ArrayList<>();
        for (String f : dataFiles) {
            links.add("<a href=\"" + Html.esc(f) + "\">" + Html.esc(f) + "</a>");
        }
        sb.append(String.join(" · ", links)).append("</p>\n").append(BACK_TO_TOP).append("</section>\n");
        return sb.toString();
    }

    static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #222;
                   margin: 0; line-height: 1.45; }
            html { scroll-padding-top: 3.2em; }
            .layout { display: grid; grid-template-columns: 15rem minmax(0, 1fr); gap: 2em; max-width: 1480px; margin: 0 auto;
                      padding: 0 1.5em; }
            main { min-width: 0; max-width: 1160px; padding: 1em 0 2em; }
            #toc { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; padding: 1.2em 0;
                   font-size: 0.9em; box-sizing: border-box; }
            #toc .toc-title { font-weight: 600; color: #222; text-decoration: none; }
            #toc ol { padding-left: 1.3em; margin: 0.5em 0 0; }
            #toc li { margin: 0.35em 0; }
            #toc a { color: #0b5394; }
            @media (max-width: 1100px) {
              html { scroll-padding-top: 3.6em; }
              .layout { display: block; padding: 0 1em; }
              #toc { z-index: 10; max-height: none; overflow-x: auto; overflow-y: hidden; white-space: nowrap; background: #fff;
                     border-bottom: 1px solid #ccc; padding: 0.5em 0; margin: 0 -1em; padding-left: 1em; }
              #toc .toc-title { margin-right: 1em; }
              #toc ol { display: inline-flex; gap: 1.2em; list-style: none; padding: 0; margin: 0; }
              #toc li { margin: 0; }
            }
            h1 { font-size: 1.7em; margin: 0.2em 0 0.4em; }
            h2 { border-bottom: 2px solid #0072B2; padding-bottom: 0.2em; margin-top: 2em; }
            h3 { margin-top: 1.6em; }
            h4 { margin: 1.2em 0 0.4em; }
            dl.meta { display: flex; flex-wrap: wrap; gap: 0.2em 1.6em; margin: 0 0 1em; font-size: 0.9em; color: #444; }
            dl.meta div { display: flex; gap: 0.4em; min-width: 0; }
            dl.meta div.wide { flex-basis: 100%; }
            dl.meta dt { font-weight: 600; }
            dl.meta dd { margin: 0; overflow-wrap: anywhere; }
            #summary h2 { margin-top: 0.8em; }
            ul.findings { list-style: none; padding: 0; margin: 0.6em 0 1.4em; }
            ul.findings li { display: flex; gap: 0.6em; align-items: baseline; padding: 0.3em 0.6em; border-left: 4px solid #999;
                             margin: 0.25em 0; background: #f7f7f7; }
            ul.findings li.holds { border-left-color: #2e7d32; background: #edf7ee; }
            ul.findings li.fails { border-left-color: #C00000; background: #fdecea; }
            ul.findings li .text { flex: 1; min-width: 0; overflow-wrap: anywhere; }
            ul.findings li a.evidence { white-space: nowrap; font-size: 0.9em; }
            .mark { font-weight: 700; }
            .mark.holds { color: #2e7d32; } .mark.fails { color: #C00000; } .mark.note { color: #555; }
            p.top { text-align: right; font-size: 0.85em; margin: 1.5em 0 0; }
            .tbl { overflow-x: auto; max-width: 100%; margin: 0.6em 0 1.2em; }
            table { border-collapse: collapse; font-size: 0.92em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
            td { overflow-wrap: anywhere; min-width: 5.5em; }
            th { background: #f0f3f7; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; overflow-wrap: normal; min-width: 0; }
            tr.assumed td { background: #fff4d6; }
            tr.calibrated td { background: #e3f0ff; }
            tr.bad td { background: #fde2e1; }
            tr.good td { background: #e5f5e9; }
            .legend span { display: inline-block; padding: 0 0.5em; margin-right: 0.6em; border: 1px solid #ccc; }
            .legend .assumed { background: #fff4d6; } .legend .calibrated { background: #e3f0ff; }
            figure { margin: 1em 0 1.6em; }
            figure svg { width: 100%; height: auto; max-width: 980px; display: block; border: 1px solid #eee; }
            figcaption { font-size: 0.9em; color: #555; margin-top: 0.3em; max-width: 980px; }
            .grid2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1em; }
            .grid2 figure svg { max-width: 100%; }
            @media (max-width: 800px) { .grid2 { grid-template-columns: minmax(0, 1fr); } }
            .note { color: #555; font-size: 0.92em; }
            .warn { background: #fde2e1; padding: 0.4em 0.8em; border-left: 4px solid #C00000; }
            code { background: #f4f4f4; padding: 0 0.2em; overflow-wrap: anywhere; }
            footer { margin: 1em auto 2em; color: #777; font-size: 0.85em; max-width: 1480px; padding: 0 1.5em; }
            """;
}
