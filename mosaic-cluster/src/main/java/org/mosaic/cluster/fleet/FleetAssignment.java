package org.mosaic.cluster.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mosaic.link.baseline.HostGeneration;

/**
 * Every link group with the technology a policy gives it, and the groups nothing can serve (with the reason).
 * Groups keep their input order; nothing is dropped: {@code served + unserved} is every input group.
 *
 * @param policy   the policy's name
 * @param served   groups with their technology, in input order
 * @param unserved groups no rule of the policy can serve, in input order
 */
public record FleetAssignment(String policy, List<Served> served, List<Unserved> unserved) {

    public FleetAssignment {
        served = List.copyOf(served);
        unserved = List.copyOf(unserved);
    }

    /**
     * A group and its technology.
     *
     * @param group      the links
     * @param generation the group's generation as the menu names it (e.g. {@code 1.6T} for {@code 1.6 Tb/s})
     * @param technology the technology each of its links gets; it is offered at the generation and reaches
     */
    public record Served(LinkGroup group, String generation, TechnologyOption technology) {
        public Served {
            if (!technology.reaches(group.lengthMeters()) || !technology.generation().equals(generation)) {
                throw new IllegalArgumentException("link group " + group.tier() + " at " + group.lengthMeters() + " m, " + generation
                        + ": technology " + technology.id() + " (" + technology.reachMeters() + " m at " + technology.generation()
                        + ") — expected a technology offered at the group's generation that reaches its length");
            }
        }
    }

    /**
     * A group nothing can serve.
     *
     * @param group  the links
     * @param reason why: the rules tried, and the longest reach offered at the generation
     */
    public record Unserved(LinkGroup group, String reason) {
    }

    /**
     * Assigns a technology to each group by {@code policy} among the technologies {@code menu} offers at the
     * group's generation.
     *
     * @throws IllegalArgumentException for an id in the policy that the menu does not know, a generation the menu does
     *                                  not know, or a tier the policy has no rule for
     */
    public static FleetAssignment of(List<LinkGroup> groups, Policy policy, TechnologyMenu menu) {
        if (groups == null || policy == null || menu == null) {
            throw new IllegalArgumentException("link groups, policy and technology menu are required (got "
                    + (groups == null ? "no groups" : groups.size() + " groups") + ", policy " + (policy == null ? null : policy.name()) + ")");
        }
        policy.validate(menu);
        List<Served> served = new ArrayList<>();
        List<Unserved> unserved = new ArrayList<>();
        for (LinkGroup g : groups) {
            HostGeneration gen;
            try {
                gen = menu.generation(g.generation());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("link group " + g.tier() + " (" + g.lengthMeters() + " m): " + e.getMessage(), e);
            }
            List<TechnologyOption> offered = menu.options(gen.name());
            Optional<TechnologyOption> t = policy.choose(g.tier(), g.lengthMeters(), offered);
            if (t.isPresent()) {
                served.add(new Served(g, gen.name(), t.get()));
            } else {
                unserved.add(new Unserved(g, reason(g, gen, policy, offered)));
            }
        }
        return new FleetAssignment(policy.name(), served, unserved);
    }

    private static String reason(LinkGroup g, HostGeneration gen, Policy policy, List<TechnologyOption> offered) {
        String rules = policy.rulesFor(g.tier()).stream().map(Policy.Rule::describe).reduce((a, b) -> a + ", then " + b).orElse("");
        String longest = offered.stream().max(Comparator.comparingDouble(TechnologyOption::reachMeters))
                .map(o -> String.format(Locale.ROOT, "; the longest reach offered at %s is %s's %s m", gen.name(), o.id(), meters(o.reachMeters())))
                .orElse("; nothing is offered at " + gen.name());
        return String.format(Locale.ROOT, "policy %s (%s) has no technology at %s that reaches %s m%s", policy.name(), rules,
                gen.name(), meters(g.lengthMeters()), longest);
    }

    /** A length with four significant digits and no trailing zeros: 900, 45.6, 0.973. */
    static String meters(double m) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", m)).stripTrailingZeros().toPlainString();
    }

    /** Links served. */
    public long servedLinks() {
        return served.stream().mapToLong(s -> s.group().count()).sum();
    }

    /** Links nothing can serve. */
    public long unservedLinks() {
        return unserved.stream().mapToLong(u -> u.group().count()).sum();
    }
}
