package org.mosaic.core.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario as a tree of values (YAML or JSON), before it is bound to typed records. Presets ship
 * as resources under {@code /presets/NAME.yaml}; any value can be overridden by a dotted path
 * ({@code fiber.length=30 m}). Immutable: {@link #with} returns a new document.
 */
public final class ScenarioDocument {
    /** The scenario format this build reads. A file with another {@code formatVersion} is refused. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String source;
    private final ObjectNode root;
    /** What binders made of this document, by binder (the document is immutable, so a binding is a pure function of it). */
    private final java.util.concurrent.ConcurrentMap<Object, Object> bound = new java.util.concurrent.ConcurrentHashMap<>(2);

    private ScenarioDocument(String source, ObjectNode root) {
        this.source = source;
        this.root = root;
    }

    /** Names of the presets shipped with this build, in a fixed order. */
    public static List<String> presetNames() {
        return PresetIndex.NAMES;
    }

    /** The shipped index, read once (a resource of this build: it does not change while it runs). */
    private static final class PresetIndex {
        static final List<String> NAMES = readPresetNames();
    }

    private static List<String> readPresetNames() {
        try (InputStream in = ScenarioDocument.class.getResourceAsStream("/presets/index.txt")) {
            if (in == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.trim());
                }
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new ScenarioException("cannot list presets: " + e.getMessage());
        }
    }

    /**
     * The shipped preset {@code name}, read once per process: a document is immutable, so every caller may share it
     * (a sweep binds the same preset at every point, and reading it is most of the cost of binding).
     */
    public static ScenarioDocument preset(String name) {
        ScenarioDocument cached = PRESETS.get(name);
        if (cached != null) {
            return cached;
        }
        ScenarioDocument read = readPreset(name);
        PRESETS.putIfAbsent(name, read);
        return read;
    }

    private static final java.util.concurrent.ConcurrentMap<String, ScenarioDocument> PRESETS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static ScenarioDocument readPreset(String name) {
        try (InputStream in = ScenarioDocument.class.getResourceAsStream("/presets/" + name + ".yaml")) {
            if (in == null) {
                throw new ScenarioException("unknown preset \"" + name + "\": expected one of " + presetNames()
                        + " (hint: use --scenario FILE for your own file)");
            }
            return parse("preset " + name, new String(in.readAllBytes(), StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new ScenarioException("cannot read preset " + name + ": " + e.getMessage());
        }
    }

    public static ScenarioDocument file(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("scenario file " + path + " does not exist (hint: check the path, or use --preset NAME)");
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario file " + path + ": " + e.getMessage());
        }
        boolean yaml = !path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return parse(path.toString(), text, yaml);
    }

    /**
     * Parses YAML (a superset of JSON) or strict JSON text. A syntax error is explained in plain words
     * with its line (see {@link ParseErrors}); a key given twice in one mapping, and a YAML alias
     * ({@code *name}, which the tree reader would silently turn into the text "name"), are refused with
     * their lines: the last value would otherwise win without a word.
     */
    public static ScenarioDocument parse(String source, String text, boolean yaml) {
        JsonNode node;
        try {
            node = (yaml ? YAML : JSON).readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(ParseErrors.describe(source, text, yaml, e));
        }
        List<Problem> structure = structureProblems(text, yaml);
        if (!structure.isEmpty()) {
            throw new ScenarioException(source, structure);
        }
        if (node == null || node.isMissingNode()) {
            throw new ScenarioException(source + " is empty — expected a mapping of keys to values starting with formatVersion: "
                    + FORMAT_VERSION + " (hint: `mosaic presets show NAME` prints a whole document to start from)");
        }
        if (!node.isObject()) {
            throw new ScenarioException(source + " must be a mapping of keys to values (found "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)) + ")");
        }
        JsonNode version = node.get("formatVersion");
        if (version == null) {
            throw new ScenarioException(source + ": formatVersion is missing — expected formatVersion: " + FORMAT_VERSION
                    + " at the top of the file");
        }
        String v = version.asText().trim();
        if (!(version.isIntegralNumber() || (version.isTextual() && v.matches("[0-9]+"))) || !v.equals(String.valueOf(FORMAT_VERSION))) {
            throw new ScenarioException(source + ": formatVersion \"" + version.asText() + "\" is not supported — this build reads formatVersion "
                    + FORMAT_VERSION);
        }
        return new ScenarioDocument(source, (ObjectNode) node);
    }

    /**
     * Keys given twice in one mapping (with both lines) and YAML aliases, found by streaming the text
     * again: the tree reader keeps the last duplicate and reads an alias as its anchor's name.
     */
    private static List<Problem> structureProblems(String text, boolean yaml) {
        List<Problem> out = new ArrayList<>();
        try (JsonParser p = (yaml ? YAML : JSON).getFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                walkObject(p, "", out);
            }
        } catch (IOException e) {
            // readTree accepted the text, so the stream does too; nothing more to report
        }
        return out;
    }

    private static void walkObject(JsonParser p, String prefix, List<Problem> out) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        Map<String, String> values = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            JsonToken v = p.nextToken();
            String shown = v.isScalarValue() ? p.getText() : v == JsonToken.START_OBJECT ? "a section" : "a list";
            checkAlias(p, path, out);
            Integer first = lines.putIfAbsent(name, line);
            if (first != null) {
                out.add(new Problem(path, shown, "the key " + name + " is given twice in the same section: at line " + first
                        + " (" + quoteShown(values.get(name)) + ") and at line " + line + " (" + quoteShown(shown)
                        + "); expected each key once (hint: delete one of them — today's readers would silently keep the last)"));
            } else {
                values.put(name, shown);
            }
            walkValue(p, v, path, out);
        }
    }

    private static void walkValue(JsonParser p, JsonToken v, String path, List<Problem> out) throws IOException {
        if (v == JsonToken.START_OBJECT) {
            walkObject(p, path, out);
        } else if (v == JsonToken.START_ARRAY) {
            int i = 0;
            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY && e != null; e = p.nextToken()) {
                checkAlias(p, path + "[" + i + "]", out);
                walkValue(p, e, path + "[" + i + "]", out);
                i++;
            }
        }
    }

    private static void checkAlias(JsonParser p, String path, List<Problem> out) throws IOException {
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            out.add(new Problem(path, "*" + p.getValueAsString(""), "a YAML alias (line " + p.currentTokenLocation().getLineNr()
                    + "): anchors and aliases are not supported in scenarios; write the value out (hint: use --set to vary it)"));
        }
    }

    private static String quoteShown(String shown) {
        return shown.equals("a section") || shown.equals("a list") ? shown : "\"" + shown + "\"";
    }

    /**
     * Returns a copy with the value at {@code dottedPath} replaced by {@code value} (kept as text; the
     * binder parses units). Intermediate mappings are created; a path through a non-mapping is refused.
     */
    public ScenarioDocument with(String dottedPath, String value) {
        if (dottedPath == null || dottedPath.isBlank() || dottedPath.startsWith(".") || dottedPath.endsWith(".")
                || dottedPath.contains("..")) {
            throw new ScenarioException("--set \"" + dottedPath + "=" + value + "\": the key must be a dotted path such as fiber.length");
        }
        if (dottedPath.equals("formatVersion") || dottedPath.startsWith("formatVersion.")) {
            throw new ScenarioException("--set " + dottedPath + "=" + value + ": formatVersion says how the file is written and was "
                    + "checked when it was read (this build reads formatVersion " + FORMAT_VERSION + "); it is not a value to override");
        }
        ObjectNode copy = root.deepCopy();
        String[] parts = dottedPath.split("\\.");
        ObjectNode cursor = copy;
        int i = 0;
        while (true) {
            // a key that itself holds a dot (a generation "1.6T"): the longest run of parts naming an existing key
            int end = i;
            for (int j = parts.length - 1; j > i; j--) {
                if (cursor.has(String.join(".", List.of(parts).subList(i, j + 1)))) {
                    end = j;
                    break;
                }
            }
            String key = String.join(".", List.of(parts).subList(i, end + 1));
            if (end == parts.length - 1) {
                cursor.set(key, scalar(value));
                break;
            }
            JsonNode next = cursor.get(key);
            if (next == null) {
                next = cursor.putObject(key);
            } else if (next.isArray()) {
                // a list of entries with an id (or a name) is edited by that id: technologies.aoc-mmf.at.800G.fit.value
                end++;
                next = element(dottedPath, String.join(".", List.of(parts).subList(0, end)), next, parts, end);
                String id = next == null ? null : next.path("id").asText(next.path("name").asText(""));
                end += id == null ? 0 : id.split("\\.", -1).length - 1;
                if (end == parts.length - 1) {
                    throw new ScenarioException("--set " + dottedPath + ": " + String.join(".", List.of(parts).subList(0, end + 1))
                            + " is a whole entry of a list, not a value — expected a key of it, e.g. " + dottedPath + ".name");
                }
            } else if (!next.isObject()) {
                throw new ScenarioException("--set " + dottedPath + ": " + String.join(".", List.of(parts).subList(0, end + 1))
                        + " is a value, not a section, so it has no key " + parts[end + 1]);
            }
            cursor = (ObjectNode) next;
            i = end + 1;
        }
        return new ScenarioDocument(source + " (with " + dottedPath + "=" + value + ")", copy);
    }

    /**
     * The entry of {@code list} whose {@code id} (or, without ids, {@code name}) the path names from part {@code at} on
     * (an id may hold dots); refused with the list's ids as hint.
     */
    private static ObjectNode element(String dottedPath, String listPath, JsonNode list, String[] parts, int at) {
        List<String> ids = new ArrayList<>();
        for (JsonNode e : list) {
            String id = e.isObject() ? e.path("id").asText(e.path("name").asText("")) : "";
            if (!id.isEmpty()) {
                ids.add(id);
                int n = id.split("\\.", -1).length;
                if (at + n <= parts.length && id.equals(String.join(".", List.of(parts).subList(at, at + n)))) {
                    return (ObjectNode) e;
                }
            }
        }
        if (ids.isEmpty()) {
            throw new ScenarioException("--set " + dottedPath + ": " + listPath + " is a list whose entries have no id or name, "
                    + "so none can be edited by a dotted path (hint: give the whole document)");
        }
        throw new ScenarioException("--set " + dottedPath + ": " + listPath + " has no entry \"" + parts[at] + "\" — expected one of "
                + String.join(", ", ids) + SpecReader.didYouMean(parts[at], ids));
    }

    private static JsonNode scalar(String value) {
        String v = value.trim();
        if (v.equals("true") || v.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(v));
        }
        if (v.matches("[+-]?\\d+")) {
            try {
                return JsonNodeFactory.instance.numberNode(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return TextNode.valueOf(v);
            }
        }
        return TextNode.valueOf(v);
    }

    public String source() {
        return source;
    }

    /** Whether the document has a top-level key ({@code host}), without copying the tree. */
    public boolean has(String key) {
        return root.has(key);
    }

    /** The top-level keys, in the document's order. */
    public List<String> keys() {
        List<String> out = new java.util.ArrayList<>();
        root.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** A copy of one top-level value ({@code path("reliability")}; a missing node when absent), without copying the rest. */
    public JsonNode path(String key) {
        return root.path(key).deepCopy();
    }

    /**
     * This document bound by {@code binder}, computed once per document and binder and then shared: a document is
     * immutable, so its binding is a pure function of it, and the value must be immutable too. A study's input holds the
     * document the front end's binder already validated by binding it; the study binding it again gets that same value
     * instead of doing the work twice. A binder that refuses the document throws each time (nothing is kept).
     *
     * @param key    the binder's identity (its class, say): one value per key
     * @param binder the document → its immutable binding
     */
    @SuppressWarnings("unchecked")
    public <T> T bound(Object key, java.util.function.Function<ScenarioDocument, T> binder) {
        Object v = bound.get(key);
        if (v == null) {
            v = binder.apply(this);
            bound.putIfAbsent(key, v);
        }
        return (T) v;
    }

    /** A read-only view of the tree (a deep copy). */
    public ObjectNode tree() {
        return root.deepCopy();
    }

    /** A reader that binds values and collects every problem. */
    public SpecReader reader() {
        return new SpecReader(source, root);
    }

    public String toYaml() {
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
