package org.mosaic.cluster.fleet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a message naming the value, what was expected and, where it can, a hint. */
class BadInputTest {
    private static final TechnologyMenu MENU = Fixtures.menu();

    @ParameterizedTest
    @ValueSource(doubles = {-3, 0, Double.NaN, Double.POSITIVE_INFINITY})
    void aLengthThatIsNotPositiveAndFinite(double meters) {
        assertThatThrownBy(() -> new LinkGroup("leaf-spine", "800G", meters, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaf-spine").hasMessageContaining("cable length " + meters + " m")
                .hasMessageContaining("expected a positive finite length in metres");
    }

    @Test
    void aNegativeCountOrABlankTier() {
        assertThatThrownBy(() -> new LinkGroup("spine", "800G", 3, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count -1").hasMessageContaining("expected zero or more links");
        assertThatThrownBy(() -> new LinkGroup(" ", "800G", 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a tier name");
    }

    @Test
    void anUnknownTechnologyIdInARuleNamesTheTierTheKnownIdsAndTheNearest() {
        Policy p = Policy.perTier("mine", Map.of("scale-up", List.of("dac-26awg", "mosiac-pluggable")), null);
        assertThatThrownBy(() -> FleetAssignment.of(List.of(new LinkGroup("scale-up", "800G", 1, 1)), p, MENU))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown technology id \"mosiac-pluggable\"")
                .hasMessageContaining("tier \"scale-up\"")
                .hasMessageContaining("expected one of dac-26awg, dac-30awg")
                .hasMessageContaining("did you mean mosaic-pluggable?");
    }

    @Test
    void anUnknownPolicyListsTheNames() {
        assertThatThrownBy(() -> Policy.named("todya")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown policy \"todya\"")
                .hasMessageContaining("today, mosaic, mosaic-beyond-copper, all-optical-laser")
                .hasMessageContaining("did you mean today?");
    }

    @Test
    void anUnknownGenerationNamesTheGroupAndTheGenerations() {
        assertThatThrownBy(() -> FleetAssignment.of(List.of(new LinkGroup("gpu-leaf", "900G", 5, 1)), Policy.today(), MENU))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("link group gpu-leaf").hasMessageContaining("\"900G\"").hasMessageContaining("800G");
    }

    @Test
    void anEmptyRuleListAndBadEconomics() {
        assertThatThrownBy(() -> Policy.perTier("mine", Map.of("scale-up", List.of()), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tier scale-up has an empty list");
        assertThatThrownBy(() -> FleetEconomics.defaults().withPue(0.9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PUE 0.9").hasMessageContaining("between 1 and 10");
        assertThatThrownBy(() -> FleetEconomics.defaults().withUsdPerKwh(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.1 USD/kWh");
        FleetAssignment a = FleetAssignment.of(List.of(), Policy.today(), MENU);
        assertThatThrownBy(() -> FleetMetrics.of(a, -5, FleetEconomics.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-5.0 W").hasMessageContaining("hint: GPUs x W per GPU");
    }

    @Test
    void aPriceForATechnologyNotOfferedAtTheGeneration() {
        assertThatThrownBy(() -> MENU.withCostPerEnd("aoc-mmf", "1.6T", FleetDefaults.vendorPrices800G().get(0).costPerEndUsd()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aoc-mmf is not available at 1.6T");
    }
}
