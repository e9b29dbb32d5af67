package org.mosaic.link.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.catalog.Sources;
import org.mosaic.core.scenario.Problem;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.core.units.UnitException;

/**
 * Reads {@code baselines.yaml} (format described in the file itself) in one pass, collecting every problem
 * (path, value, what was expected) before failing with a {@link ScenarioException}. Every number must
 * carry a confidence and a source that cites {@code [key]}s of the bibliography ({@link Sources}) or of the
 * file's own optional {@code references} (key: {tag, url}), or says the number is the Mosaic developers' own;
 * numbers that are published or paper-derived must also list at least one such key under {@code refs}.
 */
final class CatalogLoader {
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Confidences whose source text alone may carry them (our arithmetic, a calibration or a guess). */
    private static final Set<Confidence> SECTION_IS_ENOUGH = EnumSet.of(Confidence.DERIVED, Confidence.CALIBRATED,
            Confidence.ASSUMED);
    private static final Set<String> SOURCED_KEYS = Set.of("value", "min", "max", "range", "confidence", "source", "refs", "note");
    private static final Set<String> PROVENANCE_KEYS = Set.of("confidence", "source", "refs", "note");
    private static final Set<String> AVAILABILITY_KEYS = Set.of("status", "confidence", "source", "refs", "note");
    private static final Set<String> ENTRY_KEYS = Set.of("name", "availability", "reach", "practiceReach", "power", "fit",
            "costUsd", "note");

    /** The keys a catalog document may have at its top level. */
    static final Set<String> TOP_KEYS = Set.of("formatVersion", "kind", "name", "description", "references", "lanes", "gauges",
            "generations", "technologies");

    private final String source;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Provenance> provenance = new ArrayList<>();
    private final Map<String, String> references = new LinkedHashMap<>();

    private CatalogLoader(String source) {
        this.source = source;
    }

    static BaselineCatalog load(String source, String yamlText) {
        return new CatalogLoader(source).read(yamlText);
    }

    /** The list sections a user catalog merges into the shipped one, with the key that identifies an entry. */
    private static final Map<String, String> MERGED_LISTS = mergedLists();

    private static Map<String, String> mergedLists() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lanes", "name");
        m.put("gauges", "name");
        m.put("generations", "name");
        m.put("technologies", "id");
        return m;
    }

    /**
     * {@code user} (a catalog document's tree) over the shipped catalog's tree {@code shippedText}: every entry of its
     * lists (technologies by id; lanes, gauges, generations by name) replaces the shipped entry with that key whole, or
     * is added after them; its references are added. Keys the format does not know are kept, so that the loader
     * refuses them with the closest known key. Returns the merged YAML text and one note per entry added or replaced.
     */
    static Map.Entry<String, List<String>> merge(String shippedText, JsonNode user, String userSource) {
        ObjectNode merged;
        try {
            merged = (ObjectNode) YAML.readTree(shippedText);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the shipped catalog is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (user == null || !user.isObject()) {
            throw new ScenarioException(userSource + " must be a mapping with kind: catalog, formatVersion and any of lanes, gauges,"
                    + " generations, technologies and references");
        }
        List<String> notes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = user.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String section = f.getKey();
            JsonNode value = f.getValue();
            String idKey = MERGED_LISTS.get(section);
            if (section.equals("name") || section.equals("description")) {
                continue; // the shipped catalog's own name and description describe the merged whole
            }
            if (section.equals("references") && value.isObject() && merged.get("references") instanceof ObjectNode refs) {
                refs.setAll((ObjectNode) value);
            } else if (idKey != null && value.isArray() && merged.get(section) instanceof com.fasterxml.jackson.databind.node.ArrayNode list) {
                for (JsonNode entry : value) {
                    String id = entry.path(idKey).asText("");
                    int at = -1;
                    for (int i = 0; i < list.size() && !id.isEmpty(); i++) {
                        if (id.equals(list.get(i).path(idKey).asText())) {
                            at = i;
                        }
                    }
                    String what = section.substring(0, section.length() - (section.endsWith("ies") ? 3 : 1))
                            + (section.endsWith("ies") ? "y" : "");
                    if (at >= 0) {
                        list.set(at, entry);
                        notes.add(userSource + " overrides the shipped " + what + " " + id);
                    } else {
                        list.add(entry);
                        notes.add(userSource + " adds " + what + " " + (id.isEmpty() ? "(without " + idKey + ")" : id));
                    }
                }
            } else {
                merged.set(section, value); // kind, formatVersion, or a malformed or unknown section: the loader checks it
            }
        }
        try {
            return Map.entry(YAML.writeValueAsString(merged), List.copyOf(notes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the merged catalog: " + e.getOriginalMessage(), e);
        }
    }

    private BaselineCatalog read(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source + " is not valid YAML"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(source + " must be a mapping with formatVersion, lanes, gauges, generations and technologies (references optional)");
        }
        keys(root, "", TOP_KEYS);
        JsonNode kind = root.get("kind");
        if (kind != null && !"catalog".equals(kind.asText())) {
            problems.add(new Problem("kind", kind.asText(), "catalog (this is a technology catalog)"));
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isIntegralNumber() || version.asInt() != FORMAT_VERSION) {
            throw new ScenarioException(source + ": formatVersion " + (version == null ? "is missing" : "\"" + version.asText() + "\" is not supported")
                    + " — this build reads formatVersion " + FORMAT_VERSION);
        }
        if (root.has("references")) {
            readReferences(root.get("references"));
        }
        Map<String, Sourced> lanePractice = new LinkedHashMap<>();
        List<CopperBudget> budgets = readLanes(root.get("lanes"), lanePractice);
        List<TwinaxGauge> gauges = readGauges(root.get("gauges"));
        TwinaxModel model = null;
        if (!budgets.isEmpty() && !gauges.isEmpty()) {
            try {
                model = new TwinaxModel(gauges, budgets);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("lanes/gauges", null, e.getMessage()));
            }
        }
        List<HostGeneration> generations = readGenerations(root.get("generations"), budgets);
        List<TechnologyDef> technologies = model == null ? List.of() : readTechnologies(root.get("technologies"), generations);
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return new BaselineCatalog(source, generations, model, lanePractice, technologies, provenance);
    }

    // ---------------------------------------------------------------- sections

    private void readReferences(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            problems.add(new Problem("references", null, "a mapping of reference keys to {tag, url}"));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "references." + e.getKey();
            JsonNode r = e.getValue();
            keys(r, path, Set.of("tag", "url"));
            String tag = r.path("tag").asText("").trim();
            String url = r.path("url").asText("").trim();
            if (!tag.matches("(\\[(P|S|D|PD|U)\\])(/\\[(P|S|D|PD|U)\\])*")) {
                problems.add(new Problem(path + ".tag", tag, "one of the reference's tags: [P], [S], [D], [PD], [U] (or two joined by /)"));
            }
            if (url.isEmpty()) {
                problems.add(new Problem(path + ".url", null, "the URL or reference the reference file gives"));
            }
            references.put(e.getKey(), tag + " " + url);
        }
    }

    private List<CopperBudget> readLanes(JsonNode node, Map<String, Sourced> lanePractice) {
        List<CopperBudget> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : list(node, "lanes")) {
            String path = e.getKey();
            JsonNode lane = e.getValue();
            keys(lane, path, Set.of("name", "lineRate", "bitsPerSymbol", "cableAllowance", "hostAndPlugLoss", "dacPractice"));
            String name = text(lane, path + ".name");
            path = "lanes." + name;
            Sourced rate = sourced(lane.get("lineRate"), path + ".lineRate", Dimension.DATA_RATE, true);
            int bits = integer(lane, path + ".bitsPerSymbol", 1, 4);
            Sourced allowance = sourced(lane.get("cableAllowance"), path + ".cableAllowance", Dimension.DECIBEL, true);
            Sourced host = sourced(lane.get("hostAndPlugLoss"), path + ".hostAndPlugLoss", Dimension.DECIBEL, true);
            Sourced practice = sourced(lane.get("dacPractice"), path + ".dacPractice", Dimension.LENGTH, false);
            if (name == null || rate == null || bits < 0 || allowance == null || host == null) {
                continue;
            }
            try {
                out.add(new CopperBudget(new LaneSignal(name, rate.value(), bits), allowance.value(), host.value()));
                if (practice != null) {
                    lanePractice.put(name, practice);
                }
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(path, null, ex.getMessage()));
            }
        }
        return out;
    }

    private List<TwinaxGauge> readGauges(JsonNode node) {
        List<TwinaxGauge> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : list(node, "gauges")) {
            JsonNode g = e.getValue();
            keys(g, e.getKey(), Set.of("name", "k1DbPerMeterPerRootGHz", "k2DbPerMeterPerGHz"));
            String name = text(g, e.getKey() + ".name");
            String path = "gauges." + name;
            Sourced k1 = sourced(g.get("k1DbPerMeterPerRootGHz"), path + ".k1DbPerMeterPerRootGHz", null, true);
            Sourced k2 = sourced(g.get("k2DbPerMeterPerGHz"), path + ".k2DbPerMeterPerGHz", null, true);
            if (name == null || k1 == null || k2 == null) {
                continue;
            }
            try {
                out.add(new TwinaxGauge(name, k1.value(), k2.value()));
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(path, null, ex.getMessage()));
            }
        }
        return out;
    }

    private List<HostGeneration> readGenerations(JsonNode node, List<CopperBudget> budgets) {
        List<HostGeneration> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : list(node, "generations")) {
            JsonNode g = e.getValue();
            keys(g, e.getKey(), Set.of("name", "lanes", "lane", "payload", "projectedFrom", "provenance"));
            String name = text(g, e.getKey() + ".name");
            String path = "generations." + name;
            int lanes = integer(g, path + ".lanes", 1, 64);
            String laneName = text(g, path + ".lane");
            LaneSignal lane = null;
            for (CopperBudget b : budgets) {
                if (b.lane().name().equals(laneName)) {
                    lane = b.lane();
                }
            }
            if (laneName != null && lane == null) {
                problems.add(new Problem(path + ".lane", laneName, "one of the lanes: "
                        + budgets.stream().map(b -> b.lane().name()).toList()));
            }
            double payload = quantity(g.get("payload"), path + ".payload", Dimension.DATA_RATE);
            String from = g.hasNonNull("projectedFrom") ? g.get("projectedFrom").asText() : null;
            if (from != null && out.stream().noneMatch(o -> o.name().equals(from) && !o.projected())) {
                problems.add(new Problem(path + ".projectedFrom", from, "an earlier, non-projected generation"));
            }
            if (name == null || lane == null || lanes < 0 || Double.isNaN(payload)) {
                continue;
            }
            try {
                HostGeneration hg = new HostGeneration(name, lanes, lane, payload, from);
                if (out.stream().anyMatch(o -> o.name().equalsIgnoreCase(name))) {
                    problems.add(new Problem(path, name, "a generation name used once"));
                }
                out.add(hg);
                provenanceOnly(g.get("provenance"), path, hg.describe());
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(path, null, ex.getMessage()));
            }
        }
        return out;
    }

    /** A technology as written: its id, name, kind and per-generation entries (projections excluded). */
    record TechnologyDef(String id, String name, TechnologyKind kind, boolean powerScalesWithRate, Map<String, Entry> listed) {
    }

    /**
     * One technology at one listed generation, before copper reaches are computed: what a {@link Baseline}
     * holds, with the reach as a specification (null, with the other figures, when not offered).
     */
    record Entry(String name, Availability availability, String availabilitySource, ReachSpec reachSpec,
                 Sourced power, Sourced fit, Sourced cost, String note) {
    }

    private List<TechnologyDef> readTechnologies(JsonNode node, List<HostGeneration> generations) {
        List<TechnologyDef> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> e : list(node, "technologies")) {
            JsonNode t = e.getValue();
            keys(t, e.getKey(), Set.of("id", "name", "kind", "powerScalesWithRate", "common", "at"));
            String id = text(t, e.getKey() + ".id");
            String path = "technologies." + id;
            if (id != null && !ids.add(id)) {
                problems.add(new Problem(path, id, "a technology id used once"));
            }
            String name = text(t, path + ".name");
            TechnologyKind kind = null;
            String kindText = text(t, path + ".kind");
            if (kindText != null) {
                try {
                    kind = TechnologyKind.fromId(kindText);
                } catch (IllegalArgumentException ex) {
                    problems.add(new Problem(path + ".kind", kindText, ex.getMessage()));
                }
            }
            JsonNode common = t.get("common");
            keys(common, path + ".common", ENTRY_KEYS);
            JsonNode at = t.get("at");
            if (at == null || !at.isObject()) {
                problems.add(new Problem(path + ".at", null, "a mapping of generation name to entry"));
                continue;
            }
            for (Iterator<String> it = at.fieldNames(); it.hasNext(); ) {
                String g = it.next();
                if (generations.stream().noneMatch(h -> h.name().equals(g) && !h.projected())) {
                    problems.add(new Problem(path + ".at." + g, null, "one of the listed (non-projected) generations "
                            + generations.stream().filter(h -> !h.projected()).map(HostGeneration::name).toList()
                            + " (hint: projected generations are computed, not listed)"));
                }
            }
            if (id == null || name == null || kind == null) {
                continue;
            }
            Map<String, Entry> listed = new LinkedHashMap<>();
            for (HostGeneration g : generations) {
                if (g.projected()) {
                    continue;
                }
                JsonNode entry = at.get(g.name());
                if (entry == null) {
                    problems.add(new Problem(path + ".at." + g.name(), null,
                            "an entry for every generation — mark it availability: {status: not-offered, ...} with its source rather than leaving it out"));
                    continue;
                }
                Entry b = entry(name, common, entry, path + ".at." + g.name());
                if (b != null) {
                    listed.put(g.name(), b);
                }
            }
            JsonNode scales = t.get("powerScalesWithRate");
            if (scales != null && !scales.isBoolean()) {
                problems.add(new Problem(path + ".powerScalesWithRate", scales.asText(), "true or false"));
            }
            out.add(new TechnologyDef(id, name, kind, scales == null || scales.asBoolean(), listed));
        }
        return out;
    }

    private Entry entry(String defaultName, JsonNode common, JsonNode own, String path) {
        keys(own, path, ENTRY_KEYS);
        Availability availability = Availability.OFFERED;
        String availabilitySource = null;
        JsonNode av = own.get("availability");
        if (av != null) {
            keys(av, path + ".availability", AVAILABILITY_KEYS);
            String status = av.path("status").asText("");
            try {
                availability = Availability.fromId(status);
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(path + ".availability.status", status, ex.getMessage()));
                return null;
            }
            Provenance p = provenanceOnly(av, path + ".availability", availability.id());
            if (p == null) {
                return null;
            }
            availabilitySource = p.source() + (p.note().isEmpty() ? "" : " — " + p.note());
        }
        String name = own.hasNonNull("name") ? own.get("name").asText() : defaultName;
        String note = own.hasNonNull("note") ? own.get("note").asText() : "";
        if (!availability.available()) {
            for (String k : List.of("reach", "practiceReach", "power", "fit", "costUsd")) {
                if (own.has(k)) {
                    problems.add(new Problem(path + "." + k, own.get(k).toString(), "nothing: the entry is not offered"));
                }
            }
            return new Entry(name, availability, availabilitySource, null, null, null, null, note);
        }
        JsonNode merged = merge(common, own);
        ReachSpec spec = reachSpec(merged.get("reach"), merged.get("practiceReach"), path);
        Sourced power = sourced(merged.get("power"), path + ".power", Dimension.POWER, true);
        Sourced fit = sourced(merged.get("fit"), path + ".fit", null, true);
        Sourced cost = sourced(merged.get("costUsd"), path + ".costUsd", null, false);
        if (spec == null || power == null || fit == null) {
            return null;
        }
        return new Entry(name, availability, availabilitySource, spec, power, fit, cost, note);
    }

    private ReachSpec reachSpec(JsonNode reach, JsonNode practice, String path) {
        if (reach == null) {
            problems.add(new Problem(path + ".reach", null, "a listed reach {value: 500 m, confidence, source} or {twinax: {gauge, equalisation}}"));
            return null;
        }
        JsonNode tw = reach.get("twinax");
        if (tw == null) {
            if (practice != null) {
                problems.add(new Problem(path + ".practiceReach", practice.toString(), "nothing: a listed reach is already practice"));
            }
            Sourced listed = sourced(reach, path + ".reach", Dimension.LENGTH, true);
            return listed == null ? null : new ReachSpec.Listed(listed);
        }
        keys(reach, path + ".reach", Set.of("twinax"));
        keys(tw, path + ".reach.twinax", Set.of("gauge", "equalisation", "redriverGain"));
        String gauge = text(tw, path + ".reach.twinax.gauge");
        String eqText = text(tw, path + ".reach.twinax.equalisation");
        Sourced gain = sourced(tw.get("redriverGain"), path + ".reach.twinax.redriverGain", Dimension.DECIBEL, false);
        Sourced prac = sourced(practice, path + ".practiceReach", Dimension.LENGTH, false);
        if (gauge == null || eqText == null) {
            return null;
        }
        try {
            Equalisation eq = Equalisation.fromId(eqText);
            CopperReach cable = new CopperReach(gauge, eq, gain == null ? 0 : gain.value());
            return new ReachSpec.Twinax(cable, gain, prac);
        } catch (IllegalArgumentException ex) {
            problems.add(new Problem(path + ".reach.twinax", tw.toString(), ex.getMessage()));
            return null;
        }
    }

    // ---------------------------------------------------------------- values

    /**
     * A number with provenance: {@code {value, min?, max?, confidence, source, refs?, note?}}; the value
     * (and range) carries a unit of {@code dim}, or is a bare number when {@code dim} is null.
     */
    private Sourced sourced(JsonNode node, String path, Dimension dim, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new Problem(path, null, "{value" + (dim == null ? "" : ": \"" + dim.example() + "\"")
                        + ", confidence, source} is required"));
            }
            return null;
        }
        if (!node.isObject()) {
            problems.add(new Problem(path, node.asText(), "a mapping {value, confidence, source, ...} (every number needs a source)"));
            return null;
        }
        keys(node, path, SOURCED_KEYS);
        double value = number(node.get("value"), path + ".value", dim, true);
        double min = number(node.get("min"), path + ".min", dim, false);
        double max = number(node.get("max"), path + ".max", dim, false);
        Provenance p = provenance(node, path, node.path("value").asText());
        if (p == null || Double.isNaN(value) || (node.has("min") && Double.isNaN(min)) || (node.has("max") && Double.isNaN(max))) {
            return null;
        }
        try {
            Sourced s = new Sourced(value, node.has("min") ? min : null, node.has("max") ? max : null, p.confidence(), p.source(), p.note());
            provenance.add(p);
            return s;
        } catch (IllegalArgumentException ex) {
            problems.add(new Problem(path, node.toString(), ex.getMessage()));
            return null;
        }
    }

    /** Provenance without a value (a generation, an availability): recorded with {@code shown} as the value. */
    private Provenance provenanceOnly(JsonNode node, String path, String shown) {
        if (node == null || !node.isObject()) {
            problems.add(new Problem(path, null, "{confidence, source, refs?, note?} is required"));
            return null;
        }
        if (!node.has("status")) {
            keys(node, path, PROVENANCE_KEYS);
        }
        Provenance p = provenance(node, path, shown);
        if (p != null) {
            provenance.add(p);
        }
        return p;
    }

    private Provenance provenance(JsonNode node, String path, String shown) {
        String conf = node.path("confidence").asText("");
        Confidence c = null;
        try {
            c = Confidence.valueOf(conf.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException ex) {
            problems.add(new Problem(path + ".confidence", conf.isEmpty() ? null : conf,
                    "one of measured, published, paper-derived, derived, calibrated, assumed"));
        }
        String src = node.path("source").asText("").trim();
        List<String> citeProblems = new ArrayList<>();
        for (String problem : Sources.bibliography().problems(src)) {
            if (!problem.endsWith("is not in the bibliography (mosaic-core sources.yaml)")
                    || !references.containsKey(problem.substring(1, problem.indexOf(']')))) {
                citeProblems.add(problem);
            }
        }
        if (!citeProblems.isEmpty()) {
            problems.add(new Problem(path + ".source", src.isEmpty() ? null : src, "a source citing [key]s of the bibliography"
                    + " or of this file's references, e.g. \"[nvidia-linkx-100g] (3-5 m at 100G/lane)\", or saying"
                    + " \"assumed (Mosaic developers), range ...\" (" + String.join("; ", citeProblems) + ")"));
            src = null;
        }
        List<String> cited = new ArrayList<>();
        JsonNode refs = node.get("refs");
        if (refs != null) {
            if (!refs.isArray()) {
                problems.add(new Problem(path + ".refs", refs.asText(), "a list of reference keys, e.g. [nvidia-linkx-100g]"));
            } else {
                for (JsonNode r : refs) {
                    String text = reference(r.asText());
                    if (text == null) {
                        problems.add(new Problem(path + ".refs", r.asText(), "a key of the bibliography or of references"
                                + closest(r.asText(), allKeys())));
                    } else {
                        cited.add(text);
                    }
                }
            }
        }
        if (c != null && cited.isEmpty() && !SECTION_IS_ENOUGH.contains(c)) {
            problems.add(new Problem(path + ".refs", null, "at least one reference key: a " + conf
                    + " number lists the sources it comes from"));
        }
        if (c == null || src == null) {
            return null;
        }
        String full = cited.isEmpty() ? src : src + " — " + String.join("; ", cited);
        return new Provenance(path, shown, c, full, node.path("note").asText(""));
    }

    /** The "[key] url" of a reference key: this file's own references first, then the bibliography; null if neither has it. */
    private String reference(String key) {
        String own = references.get(key);
        if (own != null) {
            return "[" + key + "] " + own;
        }
        Sources.Source s = Sources.bibliography().get(key);
        return s == null ? null : "[" + key + "] " + (s.url().isEmpty() ? s.venue() : s.url());
    }

    private Set<String> allKeys() {
        Set<String> keys = new LinkedHashSet<>(references.keySet());
        Sources.bibliography().all().forEach(s -> keys.add(s.key()));
        return keys;
    }

    private double number(JsonNode node, String path, Dimension dim, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new Problem(path, null, dim == null ? "a number" : dim.withArticle() + ", e.g. \"" + dim.example() + "\""));
            }
            return Double.NaN;
        }
        if (dim == null) {
            if (!node.isNumber()) {
                problems.add(new Problem(path, node.asText(), "a bare number (the unit is in the key's name)"));
                return Double.NaN;
            }
            return node.asDouble();
        }
        return quantity(node, path, dim);
    }

    private double quantity(JsonNode node, String path, Dimension dim) {
        if (node == null || node.isNull()) {
            problems.add(new Problem(path, null, dim.withArticle() + " is required, e.g. \"" + dim.example() + "\""));
            return Double.NaN;
        }
        if (node.isNumber()) {
            problems.add(new Problem(path, node.asText(), dim.withArticle() + " with its unit, e.g. \"" + dim.example() + "\""));
            return Double.NaN;
        }
        try {
            return Quantities.parse(node.asText(), dim);
        } catch (UnitException ex) {
            problems.add(new Problem(path, node.asText(), ex.getMessage()));
            return Double.NaN;
        }
    }

    private String text(JsonNode parent, String path) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        JsonNode n = parent.get(key);
        if (n == null || n.isNull() || n.asText().isBlank() || !n.isValueNode()) {
            problems.add(new Problem(path, null, "a non-empty text"));
            return null;
        }
        return n.asText().trim();
    }

    private int integer(JsonNode parent, String path, int min, int max) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        JsonNode n = parent.get(key);
        if (n == null || !n.isIntegralNumber() || n.asInt() < min || n.asInt() > max) {
            problems.add(new Problem(path, n == null ? null : n.asText(), "a whole number from " + min + " to " + max));
            return -1;
        }
        return n.asInt();
    }

    /** The items of a required non-empty list, each with its path ({@code lanes[0]}). */
    private List<Map.Entry<String, JsonNode>> list(JsonNode node, String path) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(new Problem(path, null, "a non-empty list"));
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                problems.add(new Problem(path + "[" + i + "]", node.get(i).asText(), "a mapping"));
            } else {
                out.add(Map.entry(path + "[" + i + "]", node.get(i)));
            }
        }
        return out;
    }

    private void keys(JsonNode node, String path, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problems.add(new Problem(path.isEmpty() ? k : path + "." + k, null, "unknown key" + closest(k, allowed)
                        + "; expected one of " + allowed.stream().sorted().toList()));
            }
        }
    }

    private static String closest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known.stream().sorted().toList()) {
            int d = SpecReader.levenshtein(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 4) ? " (did you mean " + best + "?)" : "";
    }

    private static JsonNode merge(JsonNode common, JsonNode own) {
        ObjectNode out = YAML.createObjectNode();
        if (common != null && common.isObject()) {
            out.setAll((ObjectNode) common);
        }
        out.setAll((ObjectNode) own);
        return out;
    }
}
