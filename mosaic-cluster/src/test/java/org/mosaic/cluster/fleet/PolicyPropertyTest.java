package org.mosaic.cluster.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.mosaic.link.baseline.TechnologyKind;

/**
 * For random fleets on the shipped menu (catalog + MOSAIC from our models): no link ever gets a technology that
 * does not reach or is not offered at its generation; no link is lost; and the choice equals an independent
 * oracle written from the policies' definitions (not from {@link Policy.Rule}).
 */
class PolicyPropertyTest {
    private static final TechnologyMenu MENU = TechnologyMenu.standard();

    @Provide
    Arbitrary<LinkGroup> groups() {
        // lengths log-uniform from 5 cm (e^-3) to 4.9 km (e^8.5): copper, MOSAIC, multimode, single-mode and out of reach
        Arbitrary<Double> meters = Arbitraries.doubles().between(-3.0, 8.5).ofScale(6).map(Math::exp);
        Arbitrary<String> gens = Arbitraries.of("800G", "1.6T", "3.2T", "1.6 Tb/s");
        Arbitrary<String> tiers = Arbitraries.of("scale-up", "gpu-leaf", "leaf-spine", "spine-core");
        return net.jqwik.api.Combinators.combine(tiers, gens, meters, Arbitraries.longs().between(0, 100_000))
                .as(LinkGroup::new);
    }

    @Property(tries = 300)
    void everyLinkGetsATechnologyThatReachesOrIsReportedUnserved(@ForAll("fleets") List<LinkGroup> groups,
                                                                 @ForAll("policies") String policyName) {
        Policy policy = Policy.named(policyName);
        FleetAssignment a = FleetAssignment.of(groups, policy, MENU);
        assertThat(a.served().size() + a.unserved().size()).isEqualTo(groups.size());
        assertThat(a.servedLinks() + a.unservedLinks()).isEqualTo(groups.stream().mapToLong(LinkGroup::count).sum());
        for (FleetAssignment.Served s : a.served()) {
            TechnologyOption t = s.technology();
            assertThat(t.reachMeters()).isGreaterThanOrEqualTo(s.group().lengthMeters());
            assertThat(t.generation()).isEqualTo(MENU.generation(s.group().generation()).name());
            assertThat(t.availability().available()).isTrue();
            Optional<TechnologyOption> expected = oracle(policyName, MENU.options(s.group().generation()), s.group().lengthMeters());
            assertThat(expected).as("oracle for %s", s.group()).isPresent();
            assertThat(t.kind()).isEqualTo(expected.get().kind());
            assertThat(t.powerPerEndWatts()).isEqualTo(expected.get().powerPerEndWatts());
        }
        for (FleetAssignment.Unserved u : a.unserved()) {
            assertThat(oracle(policyName, MENU.options(u.group().generation()), u.group().lengthMeters())).isEmpty();
        }
    }

    @Property(tries = 200)
    void perTierRulesNeverPickAnIdOutsideTheListOrOutOfReach(@ForAll("groups") LinkGroup group,
                                                             @ForAll @IntRange(min = 1, max = 5) int listed,
                                                             @ForAll long shuffleSeed) {
        List<String> ids = new ArrayList<>(MENU.ids());
        java.util.Collections.shuffle(ids, new java.util.Random(shuffleSeed)); // test data only, not the model's randomness
        List<String> rule = ids.subList(0, listed);
        Policy p = Policy.perTier("random", java.util.Map.of(group.tier(), rule), null);
        FleetAssignment a = FleetAssignment.of(List.of(group), p, MENU);
        List<TechnologyOption> offered = MENU.options(group.generation());
        // oracle: the first listed id that is offered at the generation and reaches
        Optional<String> first = rule.stream().filter(id -> offered.stream()
                .anyMatch(o -> o.id().equals(id) && o.reachMeters() >= group.lengthMeters())).findFirst();
        if (first.isPresent()) {
            assertThat(a.served()).singleElement().satisfies(s -> assertThat(s.technology().id()).isEqualTo(first.get()));
        } else {
            assertThat(a.unserved()).hasSize(1);
        }
    }

    @Provide
    Arbitrary<List<LinkGroup>> fleets() {
        return groups().list().ofMinSize(0).ofMaxSize(20);
    }

    @Provide
    Arbitrary<String> policies() {
        return Arbitraries.of(Policy.NAMES);
    }

    /** The policies as their documentation states them, written out directly over the offered options. */
    private static Optional<TechnologyOption> oracle(String policy, List<TechnologyOption> offered, double meters) {
        Optional<TechnologyOption> copper = lowest(offered, meters, List.of(TechnologyKind.PASSIVE_COPPER));
        Optional<TechnologyOption> laser = lowest(offered, meters,
                List.of(TechnologyKind.ACTIVE_OPTICAL_CABLE, TechnologyKind.DSP_PLUGGABLE));
        Optional<TechnologyOption> mosaic = offered.stream()
                .filter(o -> o.id().equals(TechnologyMenu.MOSAIC_PLUGGABLE) && o.reachMeters() >= meters).findFirst();
        return switch (policy) {
            case Policy.TODAY -> copper.or(() -> laser);
            case Policy.MOSAIC -> mosaic.or(() -> copper).or(() -> laser);
            case Policy.MOSAIC_BEYOND_COPPER -> copper.or(() -> mosaic).or(() -> laser);
            case Policy.ALL_OPTICAL_LASER -> laser;
            default -> throw new AssertionError(policy);
        };
    }

    private static Optional<TechnologyOption> lowest(List<TechnologyOption> offered, double meters, List<TechnologyKind> kinds) {
        TechnologyOption best = null;
        for (TechnologyOption o : offered) {
            if (kinds.contains(o.kind()) && o.reachMeters() >= meters && (best == null || o.powerPerEndWatts() < best.powerPerEndWatts())) {
                best = o;
            }
        }
        return Optional.ofNullable(best);
    }
}
