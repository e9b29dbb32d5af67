package org.mosaic.cli.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.SpecReader;

/**
 * Fuzz of {@code mosaic train --system FILE} (issue 13): the selene document with its GPU inline, one key misspelt at any
 * depth or one quantity made wrong, is refused (exit 2) naming it — never accepted, never a stack trace.
 */
class SystemDocumentFuzzTest {
    private static final AtomicInteger FILES = new AtomicInteger();
    /** The selene document with the a100-80g document inline under gpu:. */
    private static final ObjectNode INLINE = inline();
    /** Its leaf keys, structural ones (kind, formatVersion, names, descriptions, provenance) left out. */
    private static final Set<String> KEYS = keys();

    private static ObjectNode inline() {
        ObjectNode sys = Documents.preset(Documents.Kind.SYSTEM, "selene").tree();
        sys.set("gpu", Documents.preset(Documents.Kind.GPU, "a100-80g").tree());
        return sys;
    }

    private static Set<String> keys() {
        List<String> out = new ArrayList<>();
        SpecReader.collectLeaves(INLINE, "", out);
        Set<String> keys = new TreeSet<>(out);
        keys.removeIf(k -> k.contains("provenance") || k.endsWith("name") || k.endsWith("description") || k.equals("kind")
                || k.equals("formatVersion"));
        return keys;
    }

    private static Fuzz.Run train(ObjectNode doc) {
        Path f = Fuzz.tempDir().resolve("system-" + FILES.incrementAndGet() + ".yaml");
        try {
            Files.writeString(f, ScenarioDocument.parse("fuzz", doc.toString(), false).toYaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Fuzz.run("train", "--system", f.toString(), "--model", "megatron-22b", "--gpus", "8", "--tp", "8", "--micro-batch", "4",
                "--global-batch", "4", "--format", "json");
    }

    private static ObjectNode parent(ObjectNode root, String dotted, boolean create) {
        String[] parts = dotted.split("\\.");
        ObjectNode cursor = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = cursor.get(parts[i]);
            if (next == null && create) {
                next = cursor.putObject(parts[i]);
            }
            cursor = (ObjectNode) next;
        }
        return cursor;
    }

    private static String last(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    @Property(tries = 10, seed = "1313", shrinking = ShrinkingMode.OFF)
    void aMisspeltKeyAtAnyDepthIsRefusedNamingIt_issue13(@ForAll("misspelt") List<String> pair) {
        ObjectNode doc = INLINE.deepCopy();
        JsonNode value = parent(doc, pair.get(0), false).remove(last(pair.get(0)));
        parent(doc, pair.get(1), true).set(last(pair.get(1)), value);
        Fuzz.refused(train(doc), pair.get(1));
    }

    @Provide
    Arbitrary<List<String>> misspelt() {
        // gpu.peak holds one entry per data type (any type name is a key there), so its misspellings are not unknown keys
        List<String> misspellable = KEYS.stream().filter(k -> !k.startsWith("gpu.peak.")).toList();
        return Arbitraries.of(misspellable).flatMap(k -> Fuzz.misspelling(Set.of(k))
                .filter(m -> m.split("\\.").length == k.split("\\.").length && !KEYS.contains(m)
                        && !m.substring(0, m.lastIndexOf('.') + 1).equals("gpu.peak.") && parentsExist(m))
                .map(m -> List.of(k, m)));
    }

    /** Misspell the leaf only where its sections stay real (a misspelt section is the same class, the leaf keeps the test simple). */
    private static boolean parentsExist(String m) {
        int dot = m.lastIndexOf('.');
        return dot < 0 || KEYS.stream().anyMatch(k -> k.startsWith(m.substring(0, dot + 1)));
    }

    @Property(tries = 10, seed = "1314", shrinking = ShrinkingMode.OFF)
    void aBadQuantityIsRefusedNamingItsPath_issue13(@ForAll("badQuantities") List<String> pair) {
        ObjectNode doc = INLINE.deepCopy();
        parent(doc, pair.get(0), false).set(last(pair.get(0)), TextNode.valueOf(pair.get(1)));
        Fuzz.refused(train(doc), pair.get(0));
    }

    @Provide
    Arbitrary<List<String>> badQuantities() {
        List<String[]> leaves = new ArrayList<>();
        for (String k : KEYS) {
            JsonNode v = INLINE.at("/" + k.replace('.', '/'));
            if (v.isTextual() && !Fuzz.dimensions(v.asText()).isEmpty() && v.asText().matches("[0-9.]+\\s*[A-Za-zµ/]+.*")) {
                leaves.add(new String[] {k, v.asText()});
            }
        }
        return Arbitraries.of(leaves).flatMap(l -> Combinators.combine(Arbitraries.just(l[0]), Fuzz.badQuantity(l[1]))
                .as((k, bad) -> List.of(k, bad)));
    }
}
