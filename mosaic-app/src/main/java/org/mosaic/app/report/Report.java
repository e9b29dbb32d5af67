package org.mosaic.app.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.mosaic.app.Output;
import org.mosaic.app.OutputPaths;

/**
 * The HTML report: a list of {@link Section}s rendered to {@code index.html} (self-contained: inline CSS and
 * SVG), {@code results.json} (every section's numbers) and {@code results.csv} (long format: section,
 * subject, quantity, value, unit), plus each section's data files. Written into a temporary directory beside
 * the target and renamed into place, so a failed run leaves the previous report as it was.
 */
public final class Report {
    /** A file that marks a directory as a Mosaic report, so {@code --out} never replaces anything else. */
    public static final String MARKER = OutputPaths.REPORT_MARKER;
    private static final Set<String> OWN_FILES = Set.of("index.html", "results.json", "results.csv", MARKER);

    private final String title;
    private final String introHtml;
    private final List<Section> sections = new ArrayList<>();

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
        OutputPaths.checkReportDirectory("--out", dir, MARKER);
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
            throw new IOException("cannot write the report to " + dir + ": " + OutputPaths.reason(e), e);
        } finally {
            if (tmp != null) {
                AtomicFiles.deleteRecursively(tmp);
            }
        }
        return target.resolve("index.html");
    }

    public String resultsJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("title", title);
        root.put("generator", "mosaic 0.1.0");
        ObjectNode secs = root.putObject("sections");
        for (Section s : sections) {
            secs.set(s.id(), s.json());
        }
        return Output.json(Output.strict(root));
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

    public String indexHtml() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<header><h1>").append(Html.esc(title)).append("</h1>\n").append(introHtml).append("\n");
        Set<String> dataFiles = new LinkedHashSet<>(List.of("results.json", "results.csv"));
        sections.forEach(s -> s.files().forEach(f -> dataFiles.add(f.name())));
        sb.append("<p class=\"files\">The numbers: ");
        List<String> links = new ArrayList<>();
        for (String f : dataFiles) {
            links.add("<a href=\"" + Html.esc(f) + "\">" + Html.esc(f) + "</a>");
        }
        sb.append(String.join(" · ", links)).append("</p>\n");
        sb.append("<nav><ol>\n");
        for (Section s : sections) {
            sb.append("<li><a href=\"#").append(Html.esc(s.id())).append("\">").append(Html.esc(s.title())).append("</a></li>\n");
        }
        sb.append("</ol></nav>\n</header>\n<main>\n");
        for (Section s : sections) {
            sb.append("<section id=\"").append(Html.esc(s.id())).append("\">\n<h2>").append(Html.esc(s.title())).append("</h2>\n")
                    .append(s.html()).append("</section>\n");
        }
        sb.append("</main>\n<footer>Generated by mosaic 0.1.0. Evaluation is a pure function of the scenario and its seed;"
                + " the same inputs give the same report.</footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #222;
                   max-width: 1120px; margin: 0 auto; padding: 1em 1.5em 3em; line-height: 1.45; }
            h1 { font-size: 1.7em; margin-bottom: 0.2em; }
            h2 { border-bottom: 2px solid #0072B2; padding-bottom: 0.2em; margin-top: 2em; }
            h3 { margin-top: 1.6em; }
            h4 { margin: 1.2em 0 0.4em; }
            nav ol { columns: 2; }
            table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 0.92em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
            th { background: #f0f3f7; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.assumed td { background: #fff4d6; }
            tr.calibrated td { background: #e3f0ff; }
            tr.bad td { background: #fde2e1; }
            tr.good td { background: #e5f5e9; }
            .legend span { display: inline-block; padding: 0 0.5em; margin-right: 0.6em; border: 1px solid #ccc; }
            .legend .assumed { background: #fff4d6; } .legend .calibrated { background: #e3f0ff; }
            figure { margin: 1em 0 1.6em; }
            figure svg { width: 100%; height: auto; max-width: 980px; display: block; border: 1px solid #eee; }
            figcaption { font-size: 0.9em; color: #555; margin-top: 0.3em; max-width: 980px; }
            .grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }
            .grid2 figure svg { max-width: 100%; }
            @media (max-width: 800px) { .grid2 { grid-template-columns: 1fr; } nav ol { columns: 1; } }
            .note { color: #555; font-size: 0.92em; }
            .warn { background: #fde2e1; padding: 0.4em 0.8em; border-left: 4px solid #C00000; }
            code { background: #f4f4f4; padding: 0 0.2em; }
            footer { margin-top: 3em; color: #777; font-size: 0.85em; }
            """;
}
