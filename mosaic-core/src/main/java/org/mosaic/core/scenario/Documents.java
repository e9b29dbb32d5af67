package org.mosaic.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every input a user may write is a document of one {@link Kind}: a YAML or JSON tree with {@code kind:} and
 * {@code formatVersion:}. Shipped documents (presets) are resources at {@code /presets/KIND/NAME.yaml}, listed
 * in display order by {@code /presets/KIND/index.txt}; the module that owns a kind ships its presets, so this
 * class finds them on the classpath without depending on the module. The channel and cable scenarios keep their
 * historical place ({@code /presets/NAME.yaml}, see {@link ScenarioDocument#preset}); their kind is the one the
 * document states or, when a file leaves it out, {@code cable} when it has a {@code host:} section and
 * {@code channel} otherwise.
 *
 * <p>Wherever a command takes a preset name it takes a file: {@link #load} reads {@code FILE|NAME}, a path when
 * the text names an existing file or ends in .yaml/.yml/.json, otherwise a preset, and refuses a document of
 * another kind than the one asked for.
 */
public final class Documents {
    private Documents() {
    }

    /** The kinds of document, in the order {@code mosaic presets} lists them. */
    public enum Kind {
        CHANNEL("channel", "one microLED channel (optics)"),
        CABLE("cable", "one cable: a channel plus host interface, plan, power and reliability (link, compare, emulate)"),
        GPU("gpu", "an accelerator: peak FLOP/s by data type, HBM, kernel efficiency"),
        SYSTEM("system", "a training system: GPU, GPUs per node, scale-up and scale-out bandwidth, efficiency, latency"),
        MODEL("model", "a dense or MoE transformer"),
        CLUSTER("cluster", "a cluster: scale-up domain, fabric, layout and economics"),
        CATALOG("catalog", "technologies of today with reach, power, FIT and cost"),
        CAMPAIGN("campaign", "a training campaign's failure causes, detection, restart and checkpointing");

        private final String id;
        private final String description;

        Kind(String id, String description) {
            this.id = id;
            this.description = description;
        }

        public String id() {
            return id;
        }

        public String description() {
            return description;
        }

        /** The kind named {@code id}, or an error listing the kinds. */
        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            List<String> ids = new ArrayList<>();
            for (Kind k : values()) {
                ids.add(k.id);
            }
            throw new ScenarioException("unknown document kind \"" + id + "\": expected one of " + String.join(", ", ids)
                    + SpecReader.didYouMean(id, ids));
        }
    }

    /** Names of the shipped documents of {@code kind}, in display order (empty when none ships). */
    public static List<String> names(Kind kind) {
        if (kind == Kind.CHANNEL || kind == Kind.CABLE) {
            List<String> out = new ArrayList<>();
            for (String n : ScenarioDocument.presetNames()) {
                if (kindOf(ScenarioDocument.preset(n)) == kind) {
                    out.add(n);
                }
            }
            return List.copyOf(out);
        }
        return index("/presets/" + kind.id() + "/index.txt");
    }

    /** The shipped document {@code name} of {@code kind}; an unknown name is refused with the closest one. */
    public static ScenarioDocument preset(Kind kind, String name) {
        if (kind == Kind.CHANNEL || kind == Kind.CABLE) {
            List<String> names = ScenarioDocument.presetNames();
            if (names.contains(name)) {
                return checked(kind, ScenarioDocument.preset(name));
            }
            throw unknown(kind, name, names(kind));
        }
        String resource = "/presets/" + kind.id() + "/" + name + ".yaml";
        try (InputStream in = Documents.class.getResourceAsStream(resource)) {
            if (in == null || name.contains("/")) {
                throw unknown(kind, name, names(kind));
            }
            return checked(kind, ScenarioDocument.parse(kind.id() + " preset " + name, new String(in.readAllBytes(),
                    StandardCharsets.UTF_8), true));
        } catch (IOException e) {
            throw new ScenarioException("cannot read " + kind.id() + " preset " + name + ": " + e.getMessage());
        }
    }

    /**
     * The text of the shipped document {@code name} of {@code kind} exactly as shipped (comments included), for
     * {@code mosaic presets show}; an unknown name is refused with the closest one.
     */
    public static String presetText(Kind kind, String name) {
        if (!names(kind).contains(name)) {
            throw unknown(kind, name, names(kind));
        }
        String resource = kind == Kind.CHANNEL || kind == Kind.CABLE ? "/presets/" + name + ".yaml"
                : "/presets/" + kind.id() + "/" + name + ".yaml";
        try (InputStream in = Documents.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ScenarioException(kind.id() + " preset " + name + " is listed but " + resource + " is not in this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException("cannot read " + kind.id() + " preset " + name + ": " + e.getMessage());
        }
    }

    /**
     * {@code FILE|NAME}: a file when {@code text} names an existing file or ends in .yaml, .yml or .json (a
     * missing file is then an error, not a preset lookup), otherwise the shipped preset of that name.
     */
    public static ScenarioDocument load(Kind kind, String text) {
        if (text == null || text.isBlank()) {
            throw new ScenarioException("an empty " + kind.id() + " name: expected a preset name (one of "
                    + String.join(", ", names(kind)) + ") or a file");
        }
        if (isFile(text)) {
            return checked(kind, ScenarioDocument.file(Path.of(text)));
        }
        return preset(kind, text);
    }

    /** Whether {@code text} is meant as a file rather than a preset name. */
    public static boolean isFile(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json") || text.contains("/")
                || text.contains("\\") || Files.isRegularFile(Path.of(text));
    }

    /**
     * The kind a document states ({@code kind:}), or for a channel or cable scenario that leaves it out, the
     * kind its sections say ({@code cable} when it has {@code host:}).
     */
    public static Kind kindOf(ScenarioDocument doc) {
        JsonNode k = doc.has("kind") ? doc.path("kind") : null;
        if (k == null) {
            return doc.has("host") ? Kind.CABLE : Kind.CHANNEL;
        }
        if (!k.isTextual()) {
            throw new ScenarioException(doc.source() + ": kind \"" + k.asText() + "\" — expected the name of a document kind");
        }
        return Kind.of(k.asText().trim());
    }

    /**
     * {@code doc} when it is of {@code kind}; a cable is also a channel (its channel is what optics reads),
     * anything else is refused naming both kinds.
     */
    public static ScenarioDocument checked(Kind kind, ScenarioDocument doc) {
        Kind actual = kindOf(doc);
        if (actual == kind || (kind == Kind.CHANNEL && actual == Kind.CABLE)) {
            return doc;
        }
        throw new ScenarioException(doc.source() + ": a document of kind " + actual.id() + " where a " + kind.id()
                + " document is expected (hint: `mosaic presets " + kind.id() + "` lists the shipped ones; "
                + "`mosaic presets show NAME` prints one to start from)");
    }

    /**
     * A reader for a document of {@code kind} (the kind checked first, as {@link #checked}), with the header every
     * kind shares already taken: {@code kind} read, {@code provenance} left to the provenance tables. The binder reads
     * the rest and calls {@link SpecReader#finish()}.
     */
    public static SpecReader reader(Kind kind, ScenarioDocument doc) {
        checked(kind, doc);
        SpecReader r = doc.reader();
        r.text("kind", null);
        r.ignore("provenance");
        return r;
    }

    private static ScenarioException unknown(Kind kind, String name, List<String> names) {
        return new ScenarioException("unknown " + kind.id() + " preset \"" + name + "\": expected one of "
                + (names.isEmpty() ? "(none ship)" : String.join(", ", names)) + SpecReader.didYouMean(name, names)
                + " (hint: or give a file, e.g. my-" + kind.id() + ".yaml; `mosaic presets show NAME` prints a preset to start from)");
    }

    private static List<String> index(String resource) {
        try (InputStream in = Documents.class.getResourceAsStream(resource)) {
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
            throw new ScenarioException("cannot list " + resource + ": " + e.getMessage());
        }
    }
}
