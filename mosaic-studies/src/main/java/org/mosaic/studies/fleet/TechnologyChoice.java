package org.mosaic.studies.fleet;

import java.util.List;

/**
 * The technologies a fleet, training or goodput study's policies choose from, and the user's rules on top: cable
 * documents added as technologies (each chosen by a rule), a catalog merged over the shipped one, and rules
 * {@code TIER=ID[,ID...]} as the user writes them (on this tier, the first of these ids that reaches).
 *
 * @param technologies cable documents (kind cable) as technologies; their ids are their names
 * @param catalog      a technology catalog (kind catalog) merged over the shipped one, or null
 * @param rules        per-tier rules, {@code TIER=ID[,ID...]}, in the order given
 */
public record TechnologyChoice(List<NamedDocument> technologies, NamedDocument catalog, List<String> rules) {
    public TechnologyChoice {
        technologies = technologies == null ? List.of() : List.copyOf(technologies);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The shipped menu and no rules. */
    public static TechnologyChoice shipped() {
        return new TechnologyChoice(List.of(), null, List.of());
    }

    /** Whether the choice is the shipped menu (no cable, no catalog: then the rules apply to the standard menu). */
    public boolean standardMenu() {
        return technologies.isEmpty() && catalog == null;
    }
}
