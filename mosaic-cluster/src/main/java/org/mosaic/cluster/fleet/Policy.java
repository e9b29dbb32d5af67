package org.mosaic.cluster.fleet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mosaic.link.baseline.TechnologyKind;

/**
 * A technology policy: for each link group, an ordered list of {@link Rule}s (the tier's own, or the default);
 * the first rule that yields a technology OFFERED at the group's generation (offered, limited or projected) that
 * REACHES its length (reach ≥ length) wins. A group no rule can serve is reported as unserved by
 * {@link FleetAssignment}, never dropped.
 *
 * <p>The named policies:
 * <ul>
 *   <li>{@value #TODAY}: passive copper (DAC) where it reaches, else the lowest-power laser optic that reaches,
 *       the laser optics being the AOC and the DSP pluggables (SR, DR, FR). This is the practice of
 *       [superpod-rail], [msr-blog]: copper inside the rack, multimode SR or AOC from NIC to leaf (tens of metres),
 *       single-mode DR (500 m) or FR (2 km) between leaves, spines and cores. With the catalog's figures it picks
 *       the AOC up to 50 m, DR up to 500 m, FR beyond. AEC, LACC, LPO and CPO are left out of {@value #TODAY} on
 *       purpose (emerging or niche in [superpod-rail], [msr-blog]'s table); a per-tier rule can name them.</li>
 *   <li>{@value #MOSAIC}: MOSAIC with a pluggable host interface where it reaches, else {@value #TODAY}'s choice.
 *       Read literally (as issue 6 states it), it also replaces in-rack copper, which costs power on an unchanged
 *       layout: it is the policy for a layout spread out because MOSAIC reaches further.</li>
 *   <li>{@value #MOSAIC_BEYOND_COPPER}: passive copper where it reaches, else MOSAIC where it reaches, else
 *       {@value #TODAY}'s laser optic — MOSAIC replacing laser optics only, on the same layout.</li>
 *   <li>{@value #ALL_OPTICAL_LASER}: every link on today's lowest-power laser optic that reaches, copper links
 *       included (the fleet in which a scale-up domain is spread out with lasers).</li>
 * </ul>
 * User policies ({@link #perTier}) give an ordered list of technology ids per tier, with an optional fallback
 * policy for the tiers they do not name. Tiers keep the order they were given in; nothing depends on hash order.
 *
 * @param name        the policy's name, e.g. {@code today}
 * @param description what it does, for reports
 * @param rules       the rules for tiers without their own
 * @param tierRules   rules per tier name (in the order given)
 */
public record Policy(String name, String description, List<Rule> rules, Map<String, List<Rule>> tierRules) {
    public static final String TODAY = "today";
    public static final String MOSAIC = "mosaic";
    public static final String ALL_OPTICAL_LASER = "all-optical-laser";
    public static final String MOSAIC_BEYOND_COPPER = "mosaic-beyond-copper";
    /**
     * "none" — the cluster without MOSAIC, what every comparison is against — is {@value #TODAY}: copper where it reaches,
     * else laser optics. {@link #named} takes it as another name of {@value #TODAY} (the result says {@value #TODAY}), so
     * there is one baseline, listed first in every fleet and goodput comparison (issue 20).
     */
    public static final String NONE = "none";
    /** The named policies, in report order. */
    public static final List<String> NAMES = List.of(TODAY, MOSAIC, MOSAIC_BEYOND_COPPER, ALL_OPTICAL_LASER);

    /** Today's copper: passive DACs ([superpod-rail], [msr-blog], "inside NVL72 ... passive copper"). */
    static final List<TechnologyKind> COPPER = List.of(TechnologyKind.PASSIVE_COPPER);
    /** Today's laser optics: AOC and DSP pluggables ([superpod-rail], [msr-blog], "MMF SR / AOC", "SMF DR / FR"). */
    static final List<TechnologyKind> LASER = List.of(TechnologyKind.ACTIVE_OPTICAL_CABLE, TechnologyKind.DSP_PLUGGABLE);

    public Policy {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("policy name \"" + name + "\" is blank — expected a name, e.g. my-rules");
        }
        description = description == null ? "" : description;
        rules = List.copyOf(rules == null ? List.of() : rules);
        Map<String, List<Rule>> copy = new LinkedHashMap<>();
        if (tierRules != null) {
            for (Map.Entry<String, List<Rule>> e : tierRules.entrySet()) {
                if (e.getKey() == null || e.getKey().isBlank()) {
                    throw new IllegalArgumentException("policy " + name + ": a tier name is blank — expected the tier's name, e.g. leaf-spine");
                }
                if (e.getValue() == null || e.getValue().isEmpty()) {
                    throw new IllegalArgumentException("policy " + name + ": tier " + e.getKey()
                            + " has no rule — expected at least one technology id (hint: leave the tier out to use the fallback)");
                }
                copy.put(e.getKey(), List.copyOf(e.getValue()));
            }
        }
        tierRules = Collections.unmodifiableMap(copy);
        if (rules.isEmpty() && tierRules.isEmpty()) {
            throw new IllegalArgumentException("policy " + name + " has no rules — expected rules for some tier or a fallback");
        }
    }

    /** How one rule picks a technology among those offered at a group's generation. */
    public sealed interface Rule {
        /** The technology this rule gives a link of {@code lengthMeters}, among {@code offered} (menu order). */
        Optional<TechnologyOption> pick(double lengthMeters, List<TechnologyOption> offered);

        /** The ids this rule names (to check them against a menu); empty for a rule by kind. */
        List<String> ids();

        String describe();

        /** The first of {@code ids}, in their order, that is offered and reaches. */
        record Ids(List<String> ids) implements Rule {
            public Ids {
                if (ids == null || ids.isEmpty() || ids.stream().anyMatch(i -> i == null || i.isBlank())) {
                    throw new IllegalArgumentException("rule ids " + ids + " — expected a non-empty list of technology ids, e.g. [dac-26awg, aoc-mmf]");
                }
                ids = List.copyOf(ids);
            }

            @Override
            public Optional<TechnologyOption> pick(double lengthMeters, List<TechnologyOption> offered) {
                for (String id : ids) {
                    for (TechnologyOption o : offered) {
                        if (o.id().equals(id) && o.reaches(lengthMeters)) {
                            return Optional.of(o);
                        }
                    }
                }
                return Optional.empty();
            }

            @Override
            public String describe() {
                return "first of [" + String.join(", ", ids) + "] that reaches";
            }
        }

        /** The lowest power per end among the offered technologies of {@code kinds} that reach; ties: menu order. */
        record LowestPower(List<TechnologyKind> kinds) implements Rule {
            public LowestPower {
                if (kinds == null || kinds.isEmpty() || kinds.stream().anyMatch(java.util.Objects::isNull)) {
                    throw new IllegalArgumentException("rule kinds " + kinds + " — expected a non-empty list of technology kinds");
                }
                kinds = List.copyOf(kinds);
            }

            @Override
            public Optional<TechnologyOption> pick(double lengthMeters, List<TechnologyOption> offered) {
                // min() keeps the first of equal elements, so menu order breaks ties
                return offered.stream().filter(o -> kinds.contains(o.kind()) && o.reaches(lengthMeters))
                        .min(Comparator.comparingDouble(TechnologyOption::powerPerEndWatts));
            }

            @Override
            public List<String> ids() {
                return List.of();
            }

            @Override
            public String describe() {
                return "lowest-power " + kinds.stream().map(TechnologyKind::id).collect(Collectors.joining(" or ")) + " that reaches";
            }
        }
    }

    /** The rules for a tier: its own, else the default ones. */
    public List<Rule> rulesFor(String tier) {
        List<Rule> own = tierRules.get(tier);
        if (own != null) {
            return own;
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("policy " + name + " has no rule for tier \"" + tier + "\": expected one of its tiers "
                    + tierRules.keySet() + " (hint: add a rule for " + tier + ", or give the policy a fallback such as today)");
        }
        return rules;
    }

    /** The technology for a link of {@code lengthMeters} on {@code tier}, among {@code offered}; empty if none. */
    public Optional<TechnologyOption> choose(String tier, double lengthMeters, List<TechnologyOption> offered) {
        for (Rule r : rulesFor(tier)) {
            Optional<TechnologyOption> o = r.pick(lengthMeters, offered);
            if (o.isPresent()) {
                return o;
            }
        }
        return Optional.empty();
    }

    /**
     * Checks every id the policy names against {@code menu}.
     *
     * @throws IllegalArgumentException naming the id, the tier whose rule has it and the known ids
     */
    public void validate(TechnologyMenu menu) {
        for (Rule r : rules) {
            for (String id : r.ids()) {
                menu.requireKnown(id, "policy " + name + " (default rule)");
            }
        }
        for (Map.Entry<String, List<Rule>> e : tierRules.entrySet()) {
            for (Rule r : e.getValue()) {
                for (String id : r.ids()) {
                    menu.requireKnown(id, "policy " + name + ", the rule for tier \"" + e.getKey() + "\"");
                }
            }
        }
    }

    // ---------------------------------------------------------------- the named policies

    /** {@value #TODAY}: passive copper where it reaches, else the lowest-power AOC or DSP pluggable that reaches. */
    public static Policy today() {
        return new Policy(TODAY, "passive copper where it reaches, else the lowest-power laser optic (AOC or DSP pluggable) that"
                + " reaches ([superpod-rail], [msr-blog] practice)", List.of(new Rule.LowestPower(COPPER), new Rule.LowestPower(LASER)), null);
    }

    /** {@value #MOSAIC}: MOSAIC (pluggable host interface) where it reaches, else {@link #today()}'s choice. */
    public static Policy mosaic() {
        List<Rule> r = new ArrayList<>();
        r.add(new Rule.Ids(List.of(TechnologyMenu.MOSAIC_PLUGGABLE)));
        r.addAll(today().rules());
        return new Policy(MOSAIC, "MOSAIC (pluggable host interface) where it reaches, else today's choice", r, null);
    }

    /** {@value #MOSAIC_BEYOND_COPPER}: passive copper where it reaches, else MOSAIC, else today's laser optic. */
    public static Policy mosaicBeyondCopper() {
        List<Rule> r = List.of(new Rule.LowestPower(COPPER), new Rule.Ids(List.of(TechnologyMenu.MOSAIC_PLUGGABLE)),
                new Rule.LowestPower(LASER));
        return new Policy(MOSAIC_BEYOND_COPPER, "passive copper where it reaches, else MOSAIC (pluggable host interface) where it"
                + " reaches, else today's laser optic", r, null);
    }

    /** {@value #ALL_OPTICAL_LASER}: the lowest-power AOC or DSP pluggable that reaches, for every link. */
    public static Policy allOpticalLaser() {
        return new Policy(ALL_OPTICAL_LASER, "every link on the lowest-power laser optic (AOC or DSP pluggable) that reaches, copper"
                + " links included", List.of(new Rule.LowestPower(LASER)), null);
    }

    /**
     * A named policy.
     *
     * @throws IllegalArgumentException naming the value and listing the names
     */
    public static Policy named(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case TODAY, NONE -> today();
            case MOSAIC -> mosaic();
            case MOSAIC_BEYOND_COPPER -> mosaicBeyondCopper();
            case ALL_OPTICAL_LASER -> allOpticalLaser();
            default -> throw new IllegalArgumentException("unknown policy \"" + name + "\": expected one of " + String.join(", ", NAMES)
                    + TechnologyMenu.nearest(n, NAMES) + " (per-tier rules are given as a list of technology ids per tier)");
        };
    }

    /**
     * A user policy: per tier, an ordered list of technology ids (the first offered at the group's generation that
     * reaches wins; none reaching leaves the group unserved); tiers not named use {@code fallback}'s rules, or fail
     * when {@code fallback} is null. Tiers are listed (in descriptions and messages) in the map's iteration order:
     * pass a {@code LinkedHashMap} for a fixed order.
     */
    public static Policy perTier(String name, Map<String, List<String>> idsByTier, Policy fallback) {
        if (idsByTier == null) {
            throw new IllegalArgumentException("policy " + name + ": rules are null — expected a list of technology ids per tier");
        }
        Map<String, List<Rule>> tiers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : idsByTier.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("policy " + name + ": tier " + e.getKey()
                        + " has an empty list — expected at least one technology id, e.g. [mosaic-pluggable, aoc-mmf]");
            }
            tiers.put(e.getKey(), List.of(new Rule.Ids(e.getValue())));
        }
        String desc = "per tier: " + tiers.entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue().get(0).describe())
                .collect(Collectors.joining("; ")) + (fallback == null ? "" : "; other tiers: " + fallback.name());
        return new Policy(name, desc, fallback == null ? List.of() : fallback.rules(), tiers);
    }
}
