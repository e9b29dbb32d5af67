package org.mosaic.cluster.fleet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.link.LinkSpec;
import org.mosaic.link.ModelRows;
import org.mosaic.link.baseline.Availability;
import org.mosaic.link.baseline.Baseline;
import org.mosaic.link.baseline.BaselineCatalog;
import org.mosaic.link.baseline.HostGeneration;
import org.mosaic.link.baseline.ModelRow;
import org.mosaic.link.baseline.Sourced;

/**
 * The technologies a fleet can be cabled with, per host generation: every catalog baseline that is available
 * at the generation (offered, limited or projected — a technology the sources say is not offered is left out)
 * in the catalog's order, then our own rows: cable designs ({@link CableTechnology}) evaluated by the cable model —
 * the shipped MOSAIC (the mosaic-800g cable preset with a pluggable and a co-packaged host attachment) and any user
 * cable, through the same path ({@link #withCables}).
 *
 * <p>Model and assumptions:
 * <ul>
 *   <li>Figures per END as the catalog and our models give them; catalog powers exclude host SerDes power,
 *       MOSAIC's include its host interface (the baseline catalog's description), which is conservative for MOSAIC.</li>
 *   <li>MOSAIC at a generation other than its preset's own rate is the same channel on a larger array (same
 *       reach; {@link ModelRows#evaluate}); MOSAIC is marked {@link Availability#PROJECTED}: no product exists,
 *       commercialisation is expected late 2027 ([ms-source-2026], [tomshardware-2026], [mediatek-computex]).</li>
 *   <li>Prices: none unless given ({@link #withCostPerEnd}); {@link FleetDefaults#vendorPrices800G()} holds the few
 *       in [luxoptx-cost].</li>
 * </ul>
 * Immutable; iteration follows the order above, never hash order.
 */
public final class TechnologyMenu {
    /** Id of MOSAIC with a pluggable host interface (2.4 W host SerDes per end in our power model). */
    public static final String MOSAIC_PLUGGABLE = "mosaic-pluggable";
    /** Id of MOSAIC co-packaged with the host (0.2 W host interface per end in our power model). */
    public static final String MOSAIC_CPO = "mosaic-cpo";
    /** The preset our MOSAIC rows are evaluated from. */
    public static final String MOSAIC_PRESET = "mosaic-800g";

    private final List<HostGeneration> generations;
    private final List<TechnologyOption> options;
    private final List<String> ids;

    private TechnologyMenu(List<HostGeneration> generations, List<TechnologyOption> options) {
        this.generations = List.copyOf(generations);
        this.options = List.copyOf(options);
        Set<String> all = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (TechnologyOption o : this.options) {
            if (this.generations.stream().noneMatch(g -> g.name().equals(o.generation()))) {
                throw new IllegalArgumentException("technology option " + o.id() + " is at generation " + o.generation()
                        + " — expected one of " + names(this.generations));
            }
            if (!keys.add(o.id() + "@" + o.generation())) {
                throw new IllegalArgumentException("technology " + o.id() + " appears twice at " + o.generation()
                        + " — expected one option per id and generation (hint: give our own rows ids distinct from the catalog's)");
            }
            all.add(o.id());
        }
        this.ids = List.copyOf(all);
    }

    /** The shipped catalog and MOSAIC evaluated from the {@value #MOSAIC_PRESET} preset; built once. */
    public static TechnologyMenu standard() {
        return Standard.MENU;
    }

    private static final class Standard {
        static final TechnologyMenu MENU = build();

        private static TechnologyMenu build() {
            return withCables(BaselineCatalog.standard(), CableTechnology.shipped());
        }
    }

    /**
     * The catalog's available entries, then each cable technology at every generation ({@link #cableOptions}): the
     * shipped menu is {@code withCables(BaselineCatalog.standard(), CableTechnology.shipped())}, a user's menu adds
     * its own cables (and catalog) through the same path.
     *
     * @throws IllegalArgumentException when a cable's id is a catalog id or another cable's
     */
    public static TechnologyMenu withCables(BaselineCatalog catalog, List<CableTechnology> cables) {
        List<String> catalogIds = new ArrayList<>();
        for (Baseline b : catalog.baselines()) {
            if (!catalogIds.contains(b.id())) {
                catalogIds.add(b.id());
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        java.util.Map<LinkSpec, Double> reaches = new java.util.IdentityHashMap<>(); // a cable shared by two attachments: one solve
        List<List<TechnologyOption>> perCable = new ArrayList<>();
        for (CableTechnology c : cables) {
            if (catalogIds.contains(c.id())) {
                throw new IllegalArgumentException("technology " + c.id() + " (" + c.document() + ") has the id of a catalog technology"
                        + " — expected a name of its own (hint: change name: in the cable document, e.g. name: my-" + c.id() + ")");
            }
            if (!seen.add(c.id())) {
                throw new IllegalArgumentException("technology " + c.id() + " (" + c.document() + ") is given twice — expected one cable"
                        + " per id (hint: the shipped MOSAIC rows are " + MOSAIC_PLUGGABLE + " and " + MOSAIC_CPO
                        + "; give another cable another name:)");
            }
            double reach = reaches.computeIfAbsent(c.cable(), k -> org.mosaic.optics.ChannelAnalysis.targetReach(k.channel()));
            perCable.add(cableOptions(c, reach, catalog.generations()));
        }
        List<TechnologyOption> ours = new ArrayList<>(); // generation by generation, cables in the order given
        for (int g = 0; g < catalog.generations().size(); g++) {
            for (List<TechnologyOption> options : perCable) {
                ours.add(options.get(g));
            }
        }
        return of(catalog, ours);
    }

    /**
     * A cable technology at each generation: our cable model ({@link ModelRows#evaluate}, the channel at its own rate on
     * an array sized for the generation, so the reach is the same at every generation) at the cable's attachment.
     */
    public static List<TechnologyOption> cableOptions(CableTechnology c, double reachMeters, List<HostGeneration> generations) {
        List<TechnologyOption> out = new ArrayList<>();
        for (HostGeneration g : generations) {
            ModelRows.Evaluated e;
            try {
                e = ModelRows.evaluate(c.label() + " " + g.name(), c.cable(), g.name(), reachMeters);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("technology " + c.id() + " (" + c.document() + ") cannot be built at " + g.name()
                        + ": " + ex.getMessage(), ex);
            }
            List<ModelRow> rows = ModelRows.rows(List.of(e));
            ModelRow row = rows.get(c.attachment() == org.mosaic.link.PowerModel.Attachment.PLUGGABLE ? 0 : 1);
            out.add(option(c.id(), row, g, c.document()));
        }
        return out;
    }

    /** The catalog's available entries at each of its generations, followed by {@code ourOptions}. */
    public static TechnologyMenu of(BaselineCatalog catalog, List<TechnologyOption> ourOptions) {
        List<TechnologyOption> out = new ArrayList<>();
        for (HostGeneration g : catalog.generations()) {
            for (Baseline b : catalog.at(g)) {
                if (b.availability().available()) {
                    out.add(option(b));
                }
            }
        }
        out.addAll(ourOptions);
        return new TechnologyMenu(catalog.generations(), out);
    }

    /** A menu of the given options (e.g. hand-made figures, or a filtered menu) over {@code generations}. */
    public static TechnologyMenu of(List<HostGeneration> generations, List<TechnologyOption> options) {
        if (generations == null || generations.isEmpty() || options == null) {
            throw new IllegalArgumentException("a menu needs generations and options — expected e.g. BaselineCatalog.standard().generations()");
        }
        return new TechnologyMenu(generations, options);
    }

    /** A catalog entry as an option (it must be available at its generation). */
    public static TechnologyOption option(Baseline b) {
        String source = "reach: " + b.reach().source() + " | power: " + b.power().source() + " | FIT: " + b.fit().source()
                + (b.availability() == Availability.OFFERED ? "" : " | " + b.availability().id() + ": " + b.availabilitySource())
                + (b.cost() == null ? "" : " | cost: " + b.cost().source());
        return new TechnologyOption(b.id(), b.name(), b.kind(), b.generation(), b.availability(), b.reach().value(),
                b.power().value(), b.fit().value(), b.cost() == null ? null : b.cost().value(), source, b.confidence(), false);
    }

    private static TechnologyOption option(String id, ModelRow r, HostGeneration g, String document) {
        String source = r.source() + "; " + r.note() + (document.equals(MOSAIC_PRESET)
                ? " | projected: no MOSAIC product yet, commercialisation expected late 2027 ([ms-source-2026], [mediatek-computex])"
                : " | projected: a cable design (" + document + "), not a catalog product");
        return new TechnologyOption(id, r.technology(), r.kind(), g.name(), Availability.PROJECTED, r.reachMeters(),
                r.powerPerEndWatts(), r.fitPerEnd(), r.costPerEndUsd(), source, r.confidence(), true);
    }

    /** The generations in catalog order. */
    public List<HostGeneration> generations() {
        return generations;
    }

    /**
     * The generation named by {@code text} ({@code 800G}, {@code 1.6T}, {@code 1.6 Tb/s}).
     *
     * @throws IllegalArgumentException naming the value and listing the generations
     */
    public HostGeneration generation(String text) {
        return HostGeneration.parse(text, generations);
    }

    /** Every option, generation by generation, in menu order. */
    public List<TechnologyOption> options() {
        return options;
    }

    /** The options available at a generation (named as {@link #generation} accepts), in menu order. */
    public List<TechnologyOption> options(String generation) {
        String name = generation(generation).name();
        return options.stream().filter(o -> o.generation().equals(name)).toList();
    }

    /** The option {@code id} at a generation, empty when it is not available there. */
    public Optional<TechnologyOption> option(String id, String generation) {
        return options(generation).stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** Every technology id, in menu order (first appearance). */
    public List<String> ids() {
        return ids;
    }

    /** Whether {@code id} is a technology of this menu at any generation. */
    public boolean knows(String id) {
        return ids.contains(id);
    }

    /**
     * Fails unless {@code id} is known, naming {@code where} it was used and the known ids.
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public void requireKnown(String id, String where) {
        if (!knows(id)) {
            throw new IllegalArgumentException("unknown technology id \"" + id + "\" in " + where + ": expected one of "
                    + String.join(", ", ids) + nearest(id, ids));
        }
    }

    /** The same menu with a price per end for technology {@code id} at {@code generation}. */
    public TechnologyMenu withCostPerEnd(String id, String generation, Sourced costUsd) {
        requireKnown(id, "a price");
        String name = generation(generation).name();
        if (option(id, name).isEmpty()) {
            throw new IllegalArgumentException("technology " + id + " is not available at " + name
                    + " — expected a price for a technology offered there, one of " + options(name).stream().map(TechnologyOption::id).toList());
        }
        if (costUsd == null || !(costUsd.value() >= 0)) {
            throw new IllegalArgumentException("price of " + id + " at " + name + ": " + (costUsd == null ? null : costUsd.value())
                    + " USD — expected a price per end >= 0 with its source");
        }
        List<TechnologyOption> out = new ArrayList<>();
        for (TechnologyOption o : options) {
            out.add(o.id().equals(id) && o.generation().equals(name) ? o.withCostPerEnd(costUsd) : o);
        }
        return new TechnologyMenu(generations, out);
    }

    /** The same menu with every price of {@code prices} applied in order. */
    public TechnologyMenu withCosts(List<FleetDefaults.Price> prices) {
        TechnologyMenu m = this;
        for (FleetDefaults.Price p : prices) {
            m = m.withCostPerEnd(p.id(), p.generation(), p.costPerEndUsd());
        }
        return m;
    }

    /** A did-you-mean hint for a misspelt id, or "" (shared with the public {@link Policy#named} lookup). */
    static String nearest(String given, List<String> known) {
        return SpecReader.didYouMean(given, known);
    }

    private static List<String> names(List<HostGeneration> gs) {
        return gs.stream().map(HostGeneration::name).toList();
    }
}
