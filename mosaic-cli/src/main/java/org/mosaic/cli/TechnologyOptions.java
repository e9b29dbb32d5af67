package org.mosaic.cli;

import org.mosaic.studies.ChannelFacts;
import org.mosaic.studies.UsageException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mosaic.cluster.fleet.CableTechnology;
import org.mosaic.cluster.fleet.Interconnect;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.fleet.TechnologyOption;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.baseline.BaselineCatalog;
import picocli.CommandLine.Option;

/**
 * {@code --technology FILE|PRESET}, {@code --catalog FILE} and {@code --rule TIER=ID,...}, shared by fleet, train and
 * goodput: the technologies the command's policies choose from and the user's rules on top. Without a technology or a
 * catalog, the shipped menu; otherwise the shipped catalog with the user's catalog merged over it, the shipped MOSAIC
 * rows and each user cable, all built by the same path ({@link TechnologyMenu#withCables}).
 */
public final class TechnologyOptions {
    static final List<String> TIERS = List.of("scale-up", "gpu-leaf", "leaf-spine", "spine-core");

    @Option(names = "--technology", paramLabel = "FILE|PRESET", description = "A cable design as a technology (kind: cable; a preset "
            + "such as mosaic-800g, avicena-like, smartsens-unisoc, or a file): its id is the document's name; reach from the channel "
            + "model, watts and FIT per end from the cable model; choose it with --rule TIER=ID (repeatable).")
    List<String> technologies = new ArrayList<>();

    @Option(names = "--catalog", paramLabel = "FILE", description = "A technology catalog (kind: catalog, the format of the shipped "
            + "catalog preset 'baselines'): its technologies add to the shipped catalog or replace the entries with the same id.")
    String catalog;

    @Option(names = "--rule", paramLabel = "TIER=ID[,ID...]", description = "A user rule: on this tier (scale-up, gpu-leaf, "
            + "leaf-spine, spine-core) use the first of these technology ids that reaches; other tiers follow --policy (repeatable).")
    List<String> rules = new ArrayList<>();

    /** The interconnect (menu and rules) and what the user's documents did to the menu (one note each). */
    public record Resolved(Interconnect interconnect, List<String> notes) {
        public Resolved {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Checks the rules before any model runs: each TIER=ID[,ID...], each tier once and one the cluster has as cables,
     * and every --technology named by some rule (otherwise it would change nothing).
     *
     * @param preset  the cluster's name, for messages
     * @param cluster the cluster the rules apply to
     * @param command the command, for messages
     */
    /** With a training system there is no placement and no policy: a technology, catalog or rule would change nothing. */
    void refuseWithSystem() {
        if (!technologies.isEmpty() || catalog != null || !rules.isEmpty()) {
            throw new UsageException("--system with " + (!technologies.isEmpty() ? "--technology" : catalog != null ? "--catalog" : "--rule")
                    + ": a training system states its scale-up and scale-out bandwidth directly, so no technology is chosen "
                    + "for its links (hint: use --cluster NAME|FILE with --policy and --rule to place the job on a cluster)");
        }
    }

    void checkRules(String preset, ClusterSpec cluster, String command) {
        List<String> present = new ArrayList<>();
        if (cluster.domain().switchTrays() > 0) {
            present.add("scale-up");
        }
        if (cluster.fabric() != null) {
            present.add("gpu-leaf");
            if (cluster.fabric().tiers() >= 2) {
                present.add("leaf-spine");
            }
            if (cluster.fabric().tiers() >= 3) {
                present.add("spine-core");
            }
        }
        Map<String, List<String>> byTier = new LinkedHashMap<>();
        for (String r : rules) {
            int eq = r.indexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {
                throw new UsageException("--rule \"" + r + "\": expected TIER=ID[,ID...], e.g. --rule leaf-spine=mosaic-pluggable,dsp-dr8");
            }
            String tier = r.substring(0, eq).trim();
            if (!TIERS.contains(tier)) {
                throw new UsageException("--rule " + r + ": unknown tier \"" + tier + "\": expected scale-up, gpu-leaf, leaf-spine or spine-core"
                        + org.mosaic.core.scenario.SpecReader.didYouMean(tier, TIERS));
            }
            if (tier.equals("scale-up") && cluster.domain().onBoard()) {
                throw new UsageException("--rule " + r + ": " + preset + "'s scale-up links are NVLink traces on the "
                        + cluster.domain().name() + " baseboard, not cables; no technology can replace them (hint: a rule for "
                        + String.join(", ", present.stream().filter(t -> !t.equals("scale-up")).toList()) + ")");
            }
            if (!present.contains(tier)) {
                throw new UsageException("--rule " + r + ": " + preset + " has no " + tier + " tier (its tiers: "
                        + (present.isEmpty() ? "none" : String.join(", ", present)) + "), so the rule would do nothing");
            }
            List<String> ids = new ArrayList<>();
            for (String id : r.substring(eq + 1).split(",")) {
                if (id.isBlank()) {
                    throw new UsageException("--rule " + r + ": an empty technology id — expected TIER=ID[,ID...], e.g. --rule "
                            + tier + "=mosaic-pluggable,aoc-mmf");
                }
                ids.add(id.trim());
            }
            if (byTier.put(tier, ids) != null) {
                throw new UsageException("--rule " + r + ": tier " + tier + " is given twice — expected one rule per tier (hint: list"
                        + " several ids in one rule, in order of preference)");
            }
        }
        for (String t : technologies) {
            String id = load(Documents.Kind.CABLE, "--technology", t).tree().path("name").asText("").trim();
            if (!id.isEmpty() && byTier.values().stream().noneMatch(ids -> ids.contains(id))) {
                throw new UsageException("--technology " + t + ": technology " + id + " is chosen by no --rule, so it would change"
                        + " nothing in " + command + " (the policies choose MOSAIC as " + TechnologyMenu.MOSAIC_PLUGGABLE
                        + " and today's technologies from the catalog) — hint: add --rule TIER=" + id + ", e.g. --rule gpu-leaf=" + id);
            }
        }
    }

    /** A document of {@code kind}, a refusal naming the flag. */
    private static ScenarioDocument load(Documents.Kind kind, String flag, String text) {
        try {
            return Documents.load(kind, text);
        } catch (org.mosaic.core.scenario.ScenarioException e) {
            throw new UsageException(flag + " " + e.getMessage());
        }
    }

    /** The rules by tier, in the order given (call {@link #checkRules} first for the messages). */
    private Map<String, List<String>> byTier() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String r : rules) {
            int eq = r.indexOf('=');
            out.put(r.substring(0, eq).trim(), List.of(r.substring(eq + 1).trim().split("\\s*,\\s*")));
        }
        return out;
    }

    /** The menu (the shipped one, or the catalog with --catalog merged and the shipped and user cables) and the rules. */
    Resolved resolve() {
        List<String> notes = new ArrayList<>();
        TechnologyMenu menu;
        if (technologies.isEmpty() && catalog == null) {
            menu = TechnologyMenu.standard();
        } else {
            BaselineCatalog base = BaselineCatalog.standard();
            if (catalog != null) {
                ScenarioDocument doc = load(Documents.Kind.CATALOG, "--catalog", catalog);
                BaselineCatalog.Extended e;
                try {
                    e = BaselineCatalog.withUserCatalog("--catalog " + catalog, doc.tree());
                } catch (org.mosaic.core.scenario.ScenarioException ex) {
                    throw new UsageException(ex.getMessage()); // the message starts with "--catalog FILE"
                }
                base = e.catalog();
                notes.addAll(e.notes());
            }
            List<CableTechnology> cables = new ArrayList<>(CableTechnology.shipped());
            for (String t : technologies) {
                try {
                    cables.add(CableTechnology.of(t));
                } catch (org.mosaic.core.scenario.ScenarioException e) {
                    throw new UsageException("--technology " + t + ": " + e.getMessage());
                }
            }
            try {
                menu = TechnologyMenu.withCables(base, cables);
            } catch (IllegalArgumentException e) {
                // the shipped MOSAIC rows fail only on a generation a --catalog added that no host interface describes
                boolean shippedRow = e.getMessage().startsWith("technology " + TechnologyMenu.MOSAIC_PLUGGABLE + " ")
                        || e.getMessage().startsWith("technology " + TechnologyMenu.MOSAIC_CPO + " ");
                throw new UsageException((shippedRow && catalog != null ? "--catalog " + catalog + ": " : "--technology ") + e.getMessage());
            }
            for (CableTechnology c : cables.subList(CableTechnology.shipped().size(), cables.size())) {
                TechnologyOption at = menu.options().stream().filter(o -> o.id().equals(c.id())).findFirst().orElseThrow();
                notes.add(String.format(Locale.ROOT, "--technology %s: technology %s, %s host interface, reach %s (channel model),"
                                + " %.3g W and %.4g FIT per end at %s (cable model); choose it with --rule TIER=%s", c.document(), c.id(),
                        c.attachment().name().toLowerCase(Locale.ROOT), ChannelFacts.reach(at.reachMeters(), false),
                        at.powerPerEndWatts(), at.fitPerEnd(), at.generation(), c.id()));
            }
        }
        try {
            return new Resolved(new Interconnect(menu, byTier()), notes);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rule " + e.getMessage());
        }
    }

    /** {@code root} with the notes under {@code technologyNotes} when there are any. */
    static com.fasterxml.jackson.databind.node.ObjectNode withNotes(com.fasterxml.jackson.databind.node.ObjectNode root, List<String> notes) {
        if (!notes.isEmpty()) {
            com.fasterxml.jackson.databind.node.ArrayNode n = root.putArray("technologyNotes");
            notes.forEach(n::add);
        }
        return root;
    }

    /** The notes as lines ("note: ..."), or "" (the table's tail; CSV output prints them on stderr). */
    static String notesText(List<String> notes) {
        StringBuilder sb = new StringBuilder();
        for (String n : notes) {
            sb.append("note: ").append(n).append('\n');
        }
        return sb.toString();
    }
}
