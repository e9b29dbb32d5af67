package org.mosaic.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mosaic's bibliography ({@code sources.yaml} beside this class; {@code docs/sources.md} is the same list
 * for readers). Provenance cites a source as {@code [key]} followed by the section, table or figure it
 * takes the number from, e.g. {@code "[mosaic-sigcomm25] abstract; [msr-blog]"}. A number no source gives
 * says so: {@code "assumed (Mosaic developers), range ..."} or {@code "derived (Mosaic developers) from ..."}.
 */
public final class Sources {

    /** A citation key in brackets: lower-case words joined by hyphens, e.g. {@code [mosaic-sigcomm25]}. */
    public static final Pattern KEY = Pattern.compile("\\[([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\\]");

    /** What a citation says when no source gives the number: the developers' own assumption or arithmetic. */
    public static final String OWN = "(Mosaic developers)";

    /**
     * Citations of files outside the repository (the developers' private notes), which a reader cannot
     * follow: {@code reference/*.md}, {@code articles/}, {@code ../shared}, {@code /work/} and the notes' names.
     */
    public static final Pattern OUTSIDE_REPO = Pattern.compile(
            "(?<![/\\w])reference/|(?<![/\\w])articles/|\\.\\./shared|/work/|\\b(?:mosaic-facts|baselines|cluster|mosaic)\\.md\\b");

    private static final String RESOURCE = "sources.yaml";
    private static volatile Sources instance;

    private final Map<String, Source> byKey;

    /** One entry of the bibliography. */
    public record Source(String key, String authors, String title, String venue, int year, String url,
                         String kind, String uses, boolean background) {

        /** The full reference: authors, "title", venue, year, URL (when there is one). */
        public String reference() {
            StringBuilder b = new StringBuilder();
            b.append(authors).append(", \u201c").append(title).append("\u201d, ").append(venue).append(", ").append(year);
            if (!url.isEmpty()) {
                b.append(". ").append(url);
            }
            return b.toString();
        }
    }

    private Sources(Map<String, Source> byKey) {
        this.byKey = byKey;
    }

    /** The bibliography shipped with Mosaic. */
    public static Sources bibliography() {
        Sources s = instance;
        if (s == null) {
            try (InputStream in = Sources.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from the mosaic-core jar");
                }
                s = parse(new ObjectMapper(new YAMLFactory()).readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            instance = s;
        }
        return s;
    }

    private static Sources parse(JsonNode root) {
        Map<String, Source> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("sources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode n = e.getValue();
            String key = e.getKey();
            if (!KEY.matcher("[" + key + "]").matches()) {
                throw new IllegalStateException(RESOURCE + ": key \"" + key + "\" — expected lower-case words joined by hyphens");
            }
            for (String field : List.of("authors", "title", "venue", "year", "kind", "uses")) {
                if (n.path(field).asText("").isBlank()) {
                    throw new IllegalStateException(RESOURCE + ": sources." + key + "." + field + " is missing");
                }
            }
            out.put(key, new Source(key, n.path("authors").asText(), n.path("title").asText(), n.path("venue").asText(),
                    n.path("year").asInt(), n.path("url").asText("").trim(), n.path("kind").asText(), n.path("uses").asText(),
                    n.path("background").asBoolean(false)));
        }
        return new Sources(out);
    }

    /** Every entry, in the bibliography's order. */
    public Collection<Source> all() {
        return byKey.values();
    }

    /** The entry of a key, or {@code null}. */
    public Source get(String key) {
        return byKey.get(key);
    }

    /** The keys cited in a text, in order of first appearance. */
    public static List<String> citedKeys(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = KEY.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * What is wrong with a provenance source text, empty when nothing: a key not in the bibliography, a
     * citation of a file outside the repository, or a text that neither cites a key nor says the number is
     * the Mosaic developers' own.
     */
    public List<String> problems(String source) {
        List<String> out = new ArrayList<>();
        String text = source == null ? "" : source;
        List<String> keys = citedKeys(text);
        for (String k : keys) {
            if (!byKey.containsKey(k)) {
                out.add("[" + k + "] is not in the bibliography (mosaic-core sources.yaml)");
            }
        }
        Matcher outside = OUTSIDE_REPO.matcher(text);
        if (outside.find()) {
            out.add("cites \"" + outside.group() + "\", a file outside the repository — cite a [key] of the bibliography");
        }
        if (keys.isEmpty() && !text.contains(OWN)) {
            out.add("\"" + text + "\" cites no [key] and does not say " + OWN);
        }
        return out;
    }
}
