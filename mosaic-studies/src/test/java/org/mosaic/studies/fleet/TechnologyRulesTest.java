package org.mosaic.studies.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.studies.UsageException;

/** The --rule TIER=ID[,ID...] parsing shared by fleet, train, goodput and inference. */
class TechnologyRulesTest {
    /**
     * Found by the web studio's fuzzing (issue 20): a rule without "=" (a JSON number bound as the text "1e308") reached
     * byTier before checkRules and failed with StringIndexOutOfBoundsException, a 500; it is a usage error naming the rule.
     */
    @Test
    void aRuleWithoutAnEqualsSignIsAUsageErrorNotACrash_issue20() {
        for (String rule : List.of("1e308", "=mosaic-pluggable", "gpu-leaf=")) {
            assertThatThrownBy(() -> Technologies.byTier(List.of(rule))).isInstanceOf(UsageException.class)
                    .hasMessageContaining(rule).hasMessageContaining("TIER=ID");
        }
    }

    @Test
    void rulesAreReadByTierInTheOrderGiven() {
        assertThat(Technologies.byTier(List.of("leaf-spine=mosaic-pluggable, dsp-dr8", "gpu-leaf=aoc")))
                .containsExactly(java.util.Map.entry("leaf-spine", List.of("mosaic-pluggable", "dsp-dr8")),
                        java.util.Map.entry("gpu-leaf", List.of("aoc")));
    }
}
