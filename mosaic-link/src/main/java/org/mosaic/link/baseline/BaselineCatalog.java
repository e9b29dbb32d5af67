package org.mosaic.link.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.link.baseline.CatalogLoader.Entry;
import org.mosaic.link.baseline.CatalogLoader.TechnologyDef;

/**
 * Today's link technologies (passive DAC in two gauges, linear active copper, AEC, AOC, the DSP pluggables
 * 2×SR4, 2×DR4/DR8, 2×FR4, LPO, CPO) at each host generation, with a source and a confidence for every
 * number, read from the {@code kind: catalog} document {@code baselines.yaml} (shipped as the catalog preset
 * {@code baselines}; {@link #standard()}); a user's catalog document adds entries or replaces them by id
 * ({@link #withUserCatalog}).
 *
 * <p>Model and assumptions:
 * <ul>
 *   <li>Figures are per module END (a link has two), and exclude host SerDes power (as the NVIDIA
 *       pages the catalog cites state, e.g. [nvidia-linkx-100g]).</li>
 *   <li>Copper reaches are computed by the {@link TwinaxModel}, never listed; the practice reach the sources
 *       give is kept beside each copper entry ({@link ReachSpec.Twinax#practiceMeters()}) so the model can be
 *       checked against it. {@link #withTwinax} recomputes every copper reach with other coefficients.</li>
 *   <li>A technology the sources say is not offered at a generation is kept and marked
 *       {@link Availability#NOT_OFFERED} with that source.</li>
 *   <li>A projected generation (3.2T) has no product in the sources: each entry is scaled from the
 *       generation it is projected from — power (and its range, and any cost) × the ratio of the
 *       generations' line rates (unless the entry says its power does not grow with the rate, as a DAC's
 *       EEPROM), FIT per end unchanged, listed reaches unchanged, copper reaches recomputed on the projected
 *       lanes — and every scaled number is marked {@link Confidence#ASSUMED}. An entry limited at the base
 *       generation stays limited.</li>
 *   <li>No prices are shipped ((no trustworthy public price found)): cost is null unless a user catalog gives one.</li>
 * </ul>
 * Immutable; iteration follows the file's order.
 */
public final class BaselineCatalog {
    /** The classpath resource holding the shipped catalog. */
    public static final String RESOURCE = "/presets/catalog/baselines.yaml";
    /** The shipped catalog's preset name (kind catalog), the document {@link #RESOURCE} holds. */
    public static final String PRESET = "baselines";

    private final String source;
    private final List<HostGeneration> generations;
    private final TwinaxModel twinax;
    private final Map<String, Sourced> lanePractice;
    private final List<TechnologyDef> technologies;
    private final List<Provenance> inputProvenance;
    private final List<Baseline> baselines;
    private final List<Provenance> resolvedProvenance;

    BaselineCatalog(String source, List<HostGeneration> generations, TwinaxModel twinax, Map<String, Sourced> lanePractice,
                    List<TechnologyDef> technologies, List<Provenance> inputProvenance) {
        this.source = source;
        this.generations = List.copyOf(generations);
        this.twinax = twinax;
        this.lanePractice = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lanePractice));
        this.technologies = List.copyOf(technologies);
        this.inputProvenance = List.copyOf(inputProvenance);
        List<Baseline> out = new ArrayList<>();
        List<Provenance> prov = new ArrayList<>();
        for (HostGeneration g : this.generations) {
            for (TechnologyDef t : this.technologies) {
                Baseline b = g.projected() ? project(t, g, named(g.projectedFrom())) : resolve(t, t.listed().get(g.name()), g);
                out.add(b);
                derivedProvenance(b, g, prov);
            }
        }
        this.baselines = List.copyOf(out);
        this.resolvedProvenance = List.copyOf(prov);
    }

    /** The shipped catalog ({@value #RESOURCE}), loaded and validated once. */
    public static BaselineCatalog standard() {
        return Standard.CATALOG;
    }

    /** Loads the shipped catalog on first use (a broken resource then fails that call, not class loading). */
    private static final class Standard {
        static final BaselineCatalog CATALOG = load();
    }

    /**
     * Reads a catalog from YAML text in the shipped format.
     *
     * @throws ScenarioException listing every problem (path, value, what was expected)
     */
    public static BaselineCatalog parse(String source, String yamlText) {
        return CatalogLoader.load(source, yamlText);
    }

    /** The shipped catalog with a user's catalog merged over it, and what the merge did (one note per entry). */
    public record Extended(BaselineCatalog catalog, List<String> notes) {
        public Extended {
            notes = List.copyOf(notes);
        }
    }

    /**
     * The shipped catalog with the catalog document {@code tree} (read from {@code source}) merged over it: each of its
     * technologies (by id) and lanes, gauges, generations (by name) replaces the shipped entry of that id or name whole,
     * or is added after the shipped ones; its references are added. The merged whole is then validated once, strictly.
     *
     * @throws ScenarioException listing every problem (an unknown key with the closest known one)
     */
    public static Extended withUserCatalog(String source, com.fasterxml.jackson.databind.JsonNode tree) {
        Map.Entry<String, List<String>> merged = CatalogLoader.merge(shippedText(), tree, source);
        BaselineCatalog catalog = parse(source + " (merged over the shipped catalog " + RESOURCE + ")", merged.getKey());
        return new Extended(catalog, merged.getValue());
    }

    private static String shippedText() {
        try (InputStream in = BaselineCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the baselines catalog " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static BaselineCatalog load() {
        try (InputStream in = BaselineCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the baselines catalog " + RESOURCE + " is missing from the classpath");
            }
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The same catalog with every copper reach recomputed by {@code model} (e.g. user-edited k1, k2, budgets). */
    public BaselineCatalog withTwinax(TwinaxModel model) {
        for (HostGeneration g : generations) {
            model.budget(g.lane().name()); // fails early, naming the lane, if the new model lacks a generation's lane
        }
        return new BaselineCatalog(source + " (twinax model replaced)", generations, model, lanePractice, technologies,
                inputProvenance);
    }

    public String source() {
        return source;
    }

    /** The host generations in file order (listed ones, then projections). */
    public List<HostGeneration> generations() {
        return generations;
    }

    /** One line per generation with its host lane structure, for the CLI's {@code --rate} help. */
    public String generationsHelp() {
        return generations.stream().map(HostGeneration::describe).collect(Collectors.joining("\n"));
    }

    /** The generation named by {@code text} ({@code 800G}, {@code 1.6T}, {@code 1.6 Tb/s}); see {@link HostGeneration#parse}. */
    public HostGeneration generation(String text) {
        return HostGeneration.parse(text, generations);
    }

    public TwinaxModel twinax() {
        return twinax;
    }

    /** The practice reach of passive DACs on a lane, as the sources give it ([nvidia-linkx-100g], [nvidia-xdr-list]), if any. */
    public Optional<Sourced> dacPracticeReach(String laneName) {
        return Optional.ofNullable(lanePractice.get(laneName));
    }

    /** Every entry, generation by generation, technologies in file order. */
    public List<Baseline> baselines() {
        return baselines;
    }

    /** The entries at one generation of this catalog, in file order (including those not offered). */
    public List<Baseline> at(HostGeneration g) {
        if (!generations.contains(g)) {
            throw new IllegalArgumentException("generation " + (g == null ? null : g.name()) + " is not one of this catalog's: expected one of "
                    + generations.stream().map(HostGeneration::name).toList() + " (hint: get it from generation(\"800G\"))");
        }
        return baselines.stream().filter(b -> b.generation().equals(g.name())).toList();
    }

    /** The entry of technology {@code id} at generation {@code g}. */
    public Baseline entry(String id, HostGeneration g) {
        return at(g).stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown technology \"" + id + "\": expected one of "
                        + technologies.stream().map(TechnologyDef::id).collect(Collectors.joining(", "))));
    }

    /**
     * The provenance of every number: those read from the file (paths as in the file, e.g.
     * {@code technologies.aoc-mmf.at.800G.power}), then every computed copper reach and every projected
     * figure (e.g. {@code technologies.dsp-dr8.at.3.2T.power}).
     */
    public List<Provenance> provenance() {
        List<Provenance> all = new ArrayList<>(inputProvenance);
        all.addAll(resolvedProvenance);
        return List.copyOf(all);
    }

    // ---------------------------------------------------------------- resolution

    private Baseline resolve(TechnologyDef t, Entry e, HostGeneration g) {
        if (!e.availability().available()) {
            return new Baseline(t.id(), e.name(), t.kind(), g.name(), e.availability(), e.availabilitySource(),
                    null, null, null, null, null, e.note());
        }
        return new Baseline(t.id(), e.name(), t.kind(), g.name(), e.availability(), e.availabilitySource(), e.reachSpec(),
                reach(e.reachSpec(), g), e.power(), e.fit(), e.cost(), e.note());
    }

    private Sourced reach(ReachSpec spec, HostGeneration g) {
        return spec instanceof ReachSpec.Listed l ? l.meters() : computedReach((ReachSpec.Twinax) spec, g);
    }

    private Sourced computedReach(ReachSpec.Twinax tw, HostGeneration g) {
        CopperBudget b = twinax.budget(g.lane().name());
        double budgetDb = TwinaxModel.cableBudgetDb(b, tw.cable());
        double lossDbPerMeter = twinax.lossDbPerMeter(tw.cable().gauge(), b.lane().nyquistHz());
        double meters = budgetDb / lossDbPerMeter;
        Confidence c = tw.redriverGain() == null ? Confidence.DERIVED : Sourced.weaker(Confidence.DERIVED, tw.redriverGain().confidence());
        String how = String.format(Locale.ROOT, "computed by the twinax model ([ssicable-loss], [amd-xapp1392]): %s, %.1f dB for the cable"
                        + " at %.2f GHz / %.2f dB/m = %.2f m", tw.cable().describe(), budgetDb, b.lane().nyquistHz() / 1e9,
                lossDbPerMeter, meters);
        String note = tw.practiceMeters() == null ? "" : String.format(Locale.ROOT, "practice: %s m (%s)",
                range(tw.practiceMeters()), tw.practiceMeters().source());
        return Sourced.of(meters, c, how, note);
    }

    private Baseline project(TechnologyDef t, HostGeneration g, HostGeneration from) {
        Baseline base = resolve(t, t.listed().get(from.name()), from);
        String why = "projected: " + g.describe() + "; scaled from the " + from.name() + " entry (see generations." + g.name()
                + " in " + RESOURCE + ")";
        if (!base.availability().available()) {
            return new Baseline(t.id(), base.name(), t.kind(), g.name(), Availability.NOT_OFFERED,
                    "as at " + from.name() + ": " + base.availabilitySource(), null, null, null, null, null, base.note());
        }
        double scale = g.lineRateBitsPerSecond() / from.lineRateBitsPerSecond();
        String times = String.format(Locale.ROOT, "× %.3g", scale);
        double powerScale = t.powerScalesWithRate() ? scale : 1;
        String powerHow = t.powerScalesWithRate() ? from.name() + " figure " + times + " (line-rate ratio)"
                : "as at " + from.name() + " (this technology's power does not grow with the rate)";
        Sourced reach = base.reachSpec() instanceof ReachSpec.Listed l
                ? Sourced.of(l.meters().value(), Confidence.ASSUMED, "as at " + from.name() + " (" + l.meters().source() + ")", why)
                : computedReach((ReachSpec.Twinax) base.reachSpec(), g);
        Sourced power = base.power().scaled(powerScale, Confidence.ASSUMED, base.power().source(), powerHow + "; " + why);
        Sourced fit = base.fit().scaled(1, Confidence.ASSUMED, base.fit().source(),
                "as at " + from.name() + ": field FIT is quoted per module, not per bit ([luxoptx-fit], [meta-ecoc-2025]); " + why);
        Sourced cost = base.cost() == null ? null : base.cost().scaled(scale, Confidence.ASSUMED, base.cost().source(),
                from.name() + " cost " + times + "; " + why);
        ReachSpec spec = base.reachSpec() instanceof ReachSpec.Listed ? new ReachSpec.Listed(reach) : base.reachSpec();
        boolean limited = base.availability() == Availability.LIMITED;
        return new Baseline(t.id(), base.name(), t.kind(), g.name(), limited ? Availability.LIMITED : Availability.PROJECTED,
                limited ? "as at " + from.name() + ": " + base.availabilitySource() + "; " + why : why, spec, reach, power, fit, cost,
                base.note());
    }

    private void derivedProvenance(Baseline b, HostGeneration g, List<Provenance> out) {
        String path = "technologies." + b.id() + ".at." + g.name() + ".";
        if (b.reachSpec() instanceof ReachSpec.Twinax || (g.projected() && b.reach() != null)) {
            out.add(provenance(path + "reach", b.reach(), "m"));
        }
        if (g.projected() && b.availability().available()) {
            out.add(provenance(path + "power", b.power(), "W"));
            out.add(provenance(path + "fit", b.fit(), "FIT"));
            if (b.cost() != null) {
                out.add(provenance(path + "costUsd", b.cost(), "USD"));
            }
        }
    }

    private static Provenance provenance(String path, Sourced s, String unit) {
        return new Provenance(path, String.format(Locale.ROOT, "%.4g %s", s.value(), unit), s.confidence(), s.source(), s.note());
    }

    /** E.g. "3 (2 to 3)" for a value with a range, "1" without. */
    static String range(Sourced s) {
        String v = Comparison.fmt(s.value());
        if (s.min() == null && s.max() == null) {
            return v;
        }
        return v + " (" + Comparison.fmt(s.min() == null ? s.value() : s.min()) + " to "
                + Comparison.fmt(s.max() == null ? s.value() : s.max()) + ")";
    }

    private HostGeneration named(String name) {
        return generations.stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("generation " + name + " is not in the catalog"));
    }
}
