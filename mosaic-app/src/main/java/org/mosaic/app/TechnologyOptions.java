package org.mosaic.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mosaic.cluster.fleet.CableTechnology;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.fleet.TechnologyOption;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.baseline.BaselineCatalog;
import picocli.CommandLine.Option;

/**
 * {@code --technology FILE|PRESET} and {@code --catalog FILE}, shared by fleet, train and goodput: the technology
 * menu the command's policies and rules choose from. Without either, the shipped menu; otherwise the shipped
 * catalog with the user's catalog merged over it, the shipped MOSAIC rows and each user cable, built by the
 * same path ({@link TechnologyMenu#withCables}).
 */
public final class TechnologyOptions {
    @Option(names = "--technology", paramLabel = "FILE|PRESET", description = "A cable design as a technology (kind: cable; a preset "
            + "such as mosaic-800g, avicena-like, smartsens-unisoc, or a file): its id is the document's name; reach from the channel "
            + "model, watts and FIT per end from the cable model; choose it with --rule TIER=ID (repeatable).")
    List<String> technologies = new ArrayList<>();

    @Option(names = "--catalog", paramLabel = "FILE", description = "A technology catalog (kind: catalog, the format of "
            + "'mosaic presets show baselines'): its technologies add to the shipped catalog or replace entries with the same id.")
    String catalog;

    /** The menu and what the user's documents did to it (one note each). */
    public record Resolved(TechnologyMenu menu, List<String> notes) {
        public Resolved {
            notes = List.copyOf(notes);
        }
    }

    /** Whether the user gave a technology or a catalog. */
    boolean given() {
        return !technologies.isEmpty() || catalog != null;
    }

    /**
     * A --technology no --rule names would change nothing (the named policies choose MOSAIC by the shipped ids and
     * today's technologies by kind among the catalog's): refused, naming the document. Checked before any model runs,
     * by the documents' names.
     */
    void requireChosen(List<String> rules, String command) {
        List<String> named = new ArrayList<>();
        for (String r : rules) {
            int eq = r.indexOf('=');
            if (eq > 0) {
                for (String id : r.substring(eq + 1).split(",")) {
                    named.add(id.trim());
                }
            }
        }
        for (String t : technologies) {
            String id = Documents.load(Documents.Kind.CABLE, t).tree().path("name").asText("").trim();
            if (!id.isEmpty() && !named.contains(id)) {
                throw new UsageException("--technology " + t + ": technology " + id + " is chosen by no --rule, so it would change"
                        + " nothing in " + command + " (the policies choose MOSAIC as " + TechnologyMenu.MOSAIC_PLUGGABLE
                        + " and today's technologies from the catalog) — hint: add --rule TIER=" + id + ", e.g. --rule gpu-leaf=" + id);
            }
        }
    }

    /** The menu: the shipped one, or the catalog (with --catalog merged) and the shipped and user cables. */
    Resolved resolve() {
        if (!given()) {
            return new Resolved(TechnologyMenu.standard(), List.of());
        }
        List<String> notes = new ArrayList<>();
        BaselineCatalog base = BaselineCatalog.standard();
        if (catalog != null) {
            ScenarioDocument doc = Documents.load(Documents.Kind.CATALOG, catalog);
            BaselineCatalog.Extended e = BaselineCatalog.withUserCatalog("--catalog " + catalog, doc.tree());
            base = e.catalog();
            notes.addAll(e.notes());
        }
        List<CableTechnology> cables = new ArrayList<>(CableTechnology.shipped());
        for (String t : technologies) {
            cables.add(CableTechnology.of(t));
        }
        TechnologyMenu menu;
        try {
            menu = TechnologyMenu.withCables(base, cables);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--technology " + e.getMessage());
        }
        for (CableTechnology c : cables.subList(2, cables.size())) {
            TechnologyOption at = menu.options().stream().filter(o -> o.id().equals(c.id())).findFirst().orElseThrow();
            notes.add(String.format(Locale.ROOT, "--technology %s: technology %s, %s host interface, reach %.3g m (channel model),"
                            + " %.3g W and %.4g FIT per end at %s (cable model); choose it with --rule TIER=%s", c.document(), c.id(),
                    c.attachment().name().toLowerCase(Locale.ROOT), at.reachMeters(), at.powerPerEndWatts(), at.fitPerEnd(),
                    at.generation(), c.id()));
        }
        return new Resolved(menu, notes);
    }
}
