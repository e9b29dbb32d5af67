package org.mosaic.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;

/**
 * The parameter catalog of a scenario: for every number a preset sets, its source and a confidence tag.
 * Presets carry it in a {@code provenance:} section keyed by the dotted path of the value:
 * <pre>
 * provenance:
 *   led.wavelength: {confidence: assumed, source: "[desk-microled-2026]", note: "blue GaN"}
 * </pre>
 */
public final class Catalog {
    private Catalog() {
    }

    /** Every provenance entry of the document, in file order, with the value currently at its path. */
    public static List<Provenance> of(ScenarioDocument doc) {
        ObjectNode tree = doc.tree();
        JsonNode section = tree.get("provenance");
        List<Provenance> out = new ArrayList<>();
        if (section == null) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = section.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode entry = e.getValue();
            String conf = entry.path("confidence").asText("");
            Confidence c;
            try {
                c = Confidence.valueOf(conf.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException ex) {
                throw new ScenarioException(doc.source() + ": provenance." + e.getKey() + ".confidence \"" + conf
                        + "\" — expected one of measured, published, paper-derived, derived, calibrated, assumed");
            }
            JsonNode value = at(tree, e.getKey());
            out.add(new Provenance(e.getKey(), value == null ? "(not set)" : value.asText(), c,
                    entry.path("source").asText(""), entry.path("note").asText("")));
        }
        return out;
    }

    /** Paths of numeric or unit-bearing values in the document that have no provenance entry. */
    public static List<String> unsourced(ScenarioDocument doc) {
        ObjectNode tree = doc.tree();
        JsonNode section = tree.get("provenance");
        List<String> leaves = new ArrayList<>();
        org.mosaic.core.scenario.SpecReader.collectLeaves(tree, "", leaves);
        List<String> out = new ArrayList<>();
        for (String leaf : leaves) {
            // numerics.* are resolution settings of the computation, not numbers from the world
            if (leaf.startsWith("provenance.") || leaf.startsWith("numerics.") || leaf.equals("formatVersion") || leaf.equals("seed")) {
                continue;
            }
            JsonNode v = at(tree, leaf);
            if (v.isObject()) {
                continue; // an empty mapping holds no number
            }
            boolean numeric = v.isNumber() || v.asText().matches("\\s*[+-]?[0-9.]+.*");
            if (numeric && (section == null || !section.has(leaf))) {
                out.add(leaf);
            }
        }
        return out;
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode c = root;
        for (String p : dotted.split("\\.")) {
            c = c == null ? null : c.get(p);
        }
        return c;
    }
}
