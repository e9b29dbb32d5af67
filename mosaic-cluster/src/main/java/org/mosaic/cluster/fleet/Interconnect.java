package org.mosaic.cluster.fleet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a named policy chooses from and any user rules on top: the technology menu (the shipped one, or one with a
 * user's catalog and cables) and per-tier technology ids ({@code --rule TIER=ID,...}) that override the named
 * policy on their tiers. The fleet, training and goodput models take it wherever they take a policy name.
 *
 * @param menu  the technologies
 * @param rules technology ids per tier, in the order given (empty: the named policies as they are)
 */
public record Interconnect(TechnologyMenu menu, Map<String, List<String>> rules) {
    public Interconnect {
        if (menu == null) {
            throw new IllegalArgumentException("an interconnect needs a technology menu (hint: TechnologyMenu.standard())");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (rules != null) {
            rules.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        rules = Collections.unmodifiableMap(copy);
        if (!rules.isEmpty()) {
            Policy.perTier("rules", rules, Policy.today()).validate(menu); // every id known, before any model runs
        }
    }

    /** The shipped menu, no rules. */
    public static Interconnect standard() {
        return new Interconnect(TechnologyMenu.standard(), Map.of());
    }

    /**
     * The named policy ({@link Policy#named}), with the rules on their tiers when there are any (named
     * {@code NAME+rules}).
     */
    public Policy policy(String name) {
        Policy p = Policy.named(name);
        if (rules.isEmpty()) {
            return p;
        }
        Policy withRules = Policy.perTier(p.name() + "+rules", rules, p);
        withRules.validate(menu);
        return withRules;
    }
}
