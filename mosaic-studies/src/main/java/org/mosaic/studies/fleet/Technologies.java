package org.mosaic.studies.fleet;

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
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.link.LinkSpec;
import org.mosaic.link.LinkSpecs;
import org.mosaic.link.baseline.BaselineCatalog;
import org.mosaic.studies.ChannelFacts;
import org.mosaic.studies.UsageException;

/**
 * A {@link TechnologyChoice} checked against a cluster and turned into an {@link Interconnect}, for the fleet,
 * training and goodput studies alike. Without a cable or a catalog, the shipped menu; otherwise the shipped catalog
 * with the user's catalog merged over it, the shipped MOSAIC rows and each user cable, all built by the same path
 * ({@link TechnologyMenu#withCables}): reach from the cable's channel model, watts and FIT per end from its cable model.
 */
public final class Technologies {
    /** The tiers a rule may name, bottom up. */
    public static final List<String> TIERS = List.of("scale-up", "gpu-leaf", "leaf-spine", "spine-core");

    private Technologies() {
    }

    /** The interconnect (menu and rules) and what the user's documents did to the menu (one note each). */
    public record Resolved(Interconnect interconnect, List<String> notes) {
        public Resolved {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Checks the rules before any model runs: each TIER=ID[,ID...], each tier once and one the cluster has as cables,
     * and every cable technology named by some rule (otherwise it would change nothing).
     *
     * @param clusterName the cluster's name, for messages
     * @param cluster     the cluster the rules apply to
     * @param command     the question asked (fleet, train, goodput), for messages
     */
    public static void checkRules(TechnologyChoice choice, String clusterName, ClusterSpec cluster, String command) {
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
        for (String r : choice.rules()) {
            int eq = r.indexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {
                throw new UsageException("--rule \"" + r + "\": expected TIER=ID[,ID...], e.g. --rule leaf-spine=mosaic-pluggable,dsp-dr8");
            }
            String tier = r.substring(0, eq).trim();
            if (!TIERS.contains(tier)) {
                throw new UsageException("--rule " + r + ": unknown tier \"" + tier + "\": expected scale-up, gpu-leaf, leaf-spine or spine-core"
                        + SpecReader.didYouMean(tier, TIERS));
            }
            if (tier.equals("scale-up") && cluster.domain().onBoard()) {
                throw new UsageException("--rule " + r + ": " + clusterName + "'s scale-up links are NVLink traces on the "
                        + cluster.domain().name() + " baseboard, not cables; no technology can replace them (hint: a rule for "
                        + String.join(", ", present.stream().filter(t -> !t.equals("scale-up")).toList()) + ")");
            }
            if (!present.contains(tier)) {
                throw new UsageException("--rule " + r + ": " + clusterName + " has no " + tier + " tier (its tiers: "
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
        for (NamedDocument t : choice.technologies()) {
            String id = t.document().tree().path("name").asText("").trim();
            if (!id.isEmpty() && byTier.values().stream().noneMatch(ids -> ids.contains(id))) {
                throw new UsageException("--technology " + t.given() + ": technology " + id + " is chosen by no --rule, so it would change"
                        + " nothing in " + command + " (the policies choose MOSAIC as " + TechnologyMenu.MOSAIC_PLUGGABLE
                        + " and today's technologies from the catalog) — hint: add --rule TIER=" + id + ", e.g. --rule gpu-leaf=" + id);
            }
        }
    }

    /** The rules by tier, in the order given (call {@link #checkRules} first for the messages). */
    static Map<String, List<String>> byTier(List<String> rules) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String r : rules) {
            int eq = r.indexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {   // as checkRules says it, for a caller that binds before checking
                throw new UsageException("--rule \"" + r + "\": expected TIER=ID[,ID...], e.g. --rule leaf-spine=mosaic-pluggable,dsp-dr8");
            }
            out.put(r.substring(0, eq).trim(), List.of(r.substring(eq + 1).trim().split("\\s*,\\s*")));
        }
        return out;
    }

    /**
     * The menu (the shipped one, or the catalog with the user's catalog merged and the shipped and user cables) and
     * the rules; call {@link #checkRules} first.
     */
    public static Resolved resolve(TechnologyChoice choice) {
        List<String> notes = new ArrayList<>();
        TechnologyMenu menu;
        NamedDocument catalog = choice.catalog();
        if (choice.standardMenu()) {
            menu = TechnologyMenu.standard();
        } else {
            BaselineCatalog base = BaselineCatalog.standard();
            if (catalog != null && catalog.given().equals(BaselineCatalog.PRESET)) {
                // the shipped catalog itself (edited by id, e.g. by a range's sample): read whole, not merged over itself
                try {
                    base = BaselineCatalog.parse(catalog.document().source(), catalog.document().tree().toString());
                } catch (ScenarioException ex) {
                    throw new UsageException("catalog " + catalog.document().source() + ": " + ex.getMessage());
                }
                if (!catalog.document().source().equals(Documents.preset(Documents.Kind.CATALOG, BaselineCatalog.PRESET).source())) {
                    notes.add("catalog: " + catalog.document().source());
                }
            } else if (catalog != null) {
                BaselineCatalog.Extended e;
                try {
                    e = BaselineCatalog.withUserCatalog("--catalog " + catalog.given(), catalog.document().tree());
                } catch (ScenarioException ex) {
                    throw new UsageException(ex.getMessage()); // the message starts with "--catalog FILE"
                }
                base = e.catalog();
                notes.addAll(e.notes());
            }
            List<CableTechnology> cables = new ArrayList<>(CableTechnology.shipped());
            for (NamedDocument t : choice.technologies()) {
                try {
                    cables.add(cable(t));
                } catch (ScenarioException e) {
                    throw new UsageException("--technology " + t.given() + ": " + e.getMessage());
                }
            }
            try {
                menu = TechnologyMenu.withCables(base, cables);
            } catch (IllegalArgumentException e) {
                // the shipped MOSAIC rows fail only on a generation a catalog added that no host interface describes
                boolean shippedRow = e.getMessage().startsWith("technology " + TechnologyMenu.MOSAIC_PLUGGABLE + " ")
                        || e.getMessage().startsWith("technology " + TechnologyMenu.MOSAIC_CPO + " ");
                throw new UsageException((shippedRow && catalog != null ? "--catalog " + catalog.given() + ": " : "--technology ")
                        + e.getMessage());
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
            return new Resolved(new Interconnect(menu, byTier(choice.rules())), notes);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rule " + e.getMessage());
        }
    }

    /**
     * A cable document as a technology whose id is its {@code name:}, at the host attachment it states (as
     * {@link CableTechnology#of} does for a FILE|PRESET, here from the document the front end read).
     */
    static CableTechnology cable(NamedDocument t) {
        ScenarioDocument doc = t.document();
        LinkSpec cable = LinkSpecs.bind(doc);
        String name = doc.tree().path("name").asText("").trim();
        if (name.isEmpty()) {
            throw new ScenarioException(doc.source() + ": a cable used as a technology needs a name: — expected e.g. name: my-cable"
                    + " (its technology id, for --rule TIER=ID)");
        }
        return new CableTechnology(name, name, t.given(), cable, cable.attachment());
    }
}
