package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mosaic.report.DatapathSection;
import org.mosaic.report.FleetSection;
import org.mosaic.report.TrainingSection;
import org.mosaic.cluster.TrainingModel;
import org.mosaic.core.catalog.Catalog;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.catalog.Sources;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.baseline.BaselineCatalog;
import org.mosaic.link.reliability.ReliabilityDefaults;

/**
 * Every citation in the repository can be followed by a reader (issue 12): no text file cites the
 * developers' private notes or any other path outside the repository; every provenance string of the
 * presets, the baseline catalog and the defaults in code cites [key]s of the bibliography (mosaic-core
 * sources.yaml) or says the number is the Mosaic developers' own; every key cited anywhere is in the
 * bibliography; every entry of the bibliography is cited (or marked background reading); docs/sources.md
 * lists the same keys.
 */
class CitationsTest {

    /** The files that must spell the forbidden patterns to detect them. */
    private static final Set<String> DEFINES_THE_PATTERNS = Set.of("Sources.java", "CitationsTest.java");
    private static final Set<String> TEXT = Set.of("java", "yaml", "yml", "md", "json", "txt", "csv", "xml", "html", "properties", "sh");

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.exists(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("mosaic-core")))) {
            p = p.getParent();
        }
        assertThat(p).as("the repository root above %s", Path.of("").toAbsolutePath()).isNotNull();
        return p;
    }

    /** The repository's text files: sources, resources, docs, build files; build output and VCS excluded. */
    private static List<Path> textFiles() throws IOException {
        Path root = repoRoot();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        Path rel = root.relativize(p);
                        Path dir = root;
                        for (Path part : rel) {
                            String n = part.toString();
                            dir = dir.resolve(part);
                            // a report written by evaluate (it holds the .mosaic-report marker), not the mosaic-report module
                            if (n.equals("target") || n.startsWith(".") || n.equals("node_modules")
                                    || Files.isDirectory(dir) && Files.exists(dir.resolve(".mosaic-report"))) {
                                return false;
                            }
                        }
                        String name = p.getFileName().toString();
                        int dot = name.lastIndexOf('.');
                        return name.equals("mosaic") || dot > 0 && TEXT.contains(name.substring(dot + 1));
                    })
                    .sorted().toList();
        }
    }

    @Test
    void noFileCitesAPathOutsideTheRepository_issue12() throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path p : textFiles()) {
            if (DEFINES_THE_PATTERNS.contains(p.getFileName().toString())) {
                continue;
            }
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = Sources.OUTSIDE_REPO.matcher(lines.get(i));
                if (m.find()) {
                    hits.add(repoRoot().relativize(p) + ":" + (i + 1) + ": " + m.group());
                }
            }
        }
        assertThat(hits).as("citations of files outside the repository (cite a [key] of docs/sources.md instead)").isEmpty();
    }

    @Test
    void theScanFindsTheForbiddenCitations_issue12() {
        assertThat(Sources.OUTSIDE_REPO.matcher("source: \"reference" + "/mosaic.md §2.1\"").find()).isTrue();
        assertThat(Sources.OUTSIDE_REPO.matcher("see ../" + "shared/DESIGN.md").find()).isTrue();
        assertThat(Sources.OUTSIDE_REPO.matcher("{@code /" + "work/x}").find()).isTrue();
        assertThat(Sources.OUTSIDE_REPO.matcher("baselines" + ".md §3.4").find()).isTrue();
        assertThat(Sources.OUTSIDE_REPO.matcher("docs/datapath.md and docs/sources.md").find()).isFalse();
        assertThat(Sources.OUTSIDE_REPO.matcher("https://www.researching.cn/articles/OJ48b").find()).isFalse();
    }

    /** Every provenance list the presets, the catalog and the code ship. */
    private static Map<String, List<Provenance>> allProvenance() {
        Map<String, List<Provenance>> out = new LinkedHashMap<>();
        for (String name : ScenarioDocument.presetNames()) {
            out.put("preset " + name, Catalog.of(ScenarioDocument.preset(name)));
        }
        out.put("baseline catalog", BaselineCatalog.standard().provenance());
        out.put("reliability defaults", ReliabilityDefaults.provenance());
        out.put("datapath", DatapathSection.provenance());
        out.put("fleet", FleetSection.provenance());
        out.put("training", TrainingSection.provenance());
        out.put("training model", TrainingModel.provenance());
        return out;
    }

    @Test
    void everyProvenanceCitesTheBibliographyOrSaysItIsOurs_issue12() {
        List<String> bad = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<Provenance>> e : allProvenance().entrySet()) {
            for (Provenance p : e.getValue()) {
                n++;
                for (String problem : Sources.bibliography().problems(p.source())) {
                    bad.add(e.getKey() + ": " + p.path() + ": " + problem);
                }
            }
        }
        assertThat(n).isGreaterThan(400);
        assertThat(bad).isEmpty();
    }

    /** The [key]s cited in the shipped files (main sources, resources and docs; test fixtures excluded). */
    private static Map<String, String> citedKeys() throws IOException {
        Map<String, String> where = new LinkedHashMap<>();
        Path root = repoRoot();
        for (Path p : textFiles()) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            if (rel.contains("/src/test/") || rel.endsWith("sources.yaml") || rel.equals("docs/sources.md")
                    || DEFINES_THE_PATTERNS.contains(p.getFileName().toString())) {
                continue;
            }
            String text = Files.readString(p, StandardCharsets.UTF_8);
            for (String k : Sources.citedKeys(text)) {
                where.putIfAbsent(k, rel);
            }
        }
        return where;
    }

    @Test
    void everyCitedKeyIsInTheBibliographyAndEveryEntryIsCited_issue12() throws IOException {
        Map<String, String> cited = citedKeys();
        List<String> unknown = new ArrayList<>();
        cited.forEach((k, file) -> {
            if (Sources.bibliography().get(k) == null) {
                unknown.add("[" + k + "] in " + file);
            }
        });
        assertThat(unknown).as("keys cited but not in the bibliography").isEmpty();
        List<String> uncited = new ArrayList<>();
        for (Sources.Source s : Sources.bibliography().all()) {
            if (!s.background() && !cited.containsKey(s.key())) {
                uncited.add(s.key());
            }
        }
        assertThat(uncited).as("bibliography entries cited nowhere (cite them or mark them background: true)").isEmpty();
    }

    @Test
    void docsSourcesListsTheSameKeysAsTheBibliography_issue12() throws IOException {
        String doc = Files.readString(repoRoot().resolve("docs/sources.md"), StandardCharsets.UTF_8);
        Set<String> inDoc = new TreeSet<>();
        Matcher m = java.util.regex.Pattern.compile("(?m)^### \\[([a-z0-9-]+)\\]").matcher(doc);
        while (m.find()) {
            inDoc.add(m.group(1));
        }
        Set<String> inYaml = new TreeSet<>();
        Sources.bibliography().all().forEach(s -> inYaml.add(s.key()));
        assertThat(inDoc).isEqualTo(inYaml);
        for (Sources.Source s : Sources.bibliography().all()) {
            assertThat(doc).as(s.key()).contains(s.title());
        }
    }
}
