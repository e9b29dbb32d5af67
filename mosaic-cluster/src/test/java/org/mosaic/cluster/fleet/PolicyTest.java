package org.mosaic.cluster.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which technology each named and per-tier policy gives, worked out by hand on {@link Fixtures#menu()}. */
class PolicyTest {
    private static final TechnologyMenu MENU = Fixtures.menu();

    private static String pick(Policy p, String generation, double meters) {
        FleetAssignment a = FleetAssignment.of(List.of(new LinkGroup("t", generation, meters, 1)), p, MENU);
        return a.served().isEmpty() ? "unserved" : a.served().get(0).technology().id();
    }

    @Test
    void todayIsCopperWhereItReachesThenTheLowestPowerLaserOptic() {
        Policy p = Policy.today();
        // both DACs 0.1 W: the tie goes to menu order (26 AWG), and 26 AWG is the one that reaches 2 m
        assertThat(pick(p, "800G", 0.5)).isEqualTo("dac-26awg");
        assertThat(pick(p, "800G", 2.0)).isEqualTo("dac-26awg");
        // beyond copper: AOC 11 W < SR/DR/FR 16 W; the LPO (8 W) and MOSAIC (5 W) are not today's optics
        assertThat(pick(p, "800G", 2.01)).isEqualTo("aoc-mmf");
        assertThat(pick(p, "800G", 50)).isEqualTo("aoc-mmf");
        // SR, DR, FR all 16 W: menu order; SR does not reach 51 m, DR does
        assertThat(pick(p, "800G", 51)).isEqualTo("dsp-dr8");
        assertThat(pick(p, "800G", 500)).isEqualTo("dsp-dr8");
        assertThat(pick(p, "800G", 501)).isEqualTo("dsp-2fr4");
        assertThat(pick(p, "800G", 2001)).isEqualTo("unserved");
        // at 1.6T there is no AOC: DR from 1 m on
        assertThat(pick(p, "1.6T", 1.5)).isEqualTo("dsp-dr8");
    }

    @Test
    void mosaicWhereItReachesElseTodaysChoice() {
        Policy p = Policy.mosaic();
        assertThat(pick(p, "800G", 0.5)).isEqualTo(TechnologyMenu.MOSAIC_PLUGGABLE);
        assertThat(pick(p, "800G", 40)).isEqualTo(TechnologyMenu.MOSAIC_PLUGGABLE);
        assertThat(pick(p, "800G", 40.5)).isEqualTo("aoc-mmf");
        assertThat(pick(p, "800G", 800)).isEqualTo("dsp-2fr4");
        assertThat(pick(p, "1.6T", 30)).isEqualTo(TechnologyMenu.MOSAIC_PLUGGABLE);
    }

    @Test
    void mosaicBeyondCopperKeepsCopperAndReplacesLasersWithinReach() {
        Policy p = Policy.mosaicBeyondCopper();
        assertThat(pick(p, "800G", 1.5)).isEqualTo("dac-26awg");
        assertThat(pick(p, "800G", 3)).isEqualTo(TechnologyMenu.MOSAIC_PLUGGABLE);
        assertThat(pick(p, "800G", 45)).isEqualTo("aoc-mmf");
    }

    @Test
    void allOpticalLaserPutsEvenInRackLinksOnLasers() {
        Policy p = Policy.allOpticalLaser();
        assertThat(pick(p, "800G", 0.5)).isEqualTo("aoc-mmf");
        assertThat(pick(p, "800G", 100)).isEqualTo("dsp-dr8");
    }

    @Test
    void perTierRulesTakeTheFirstListedIdThatIsOfferedAndReaches() {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        rules.put("scale-up", List.of("aoc-mmf", "lpo", "dsp-dr8"));
        Policy p = Policy.perTier("mine", rules, Policy.today());
        List<LinkGroup> groups = List.of(
                new LinkGroup("scale-up", "800G", 10, 1),    // AOC reaches: first listed
                new LinkGroup("scale-up", "800G", 300, 1),   // AOC does not, LPO does (before DR, though equal reach)
                new LinkGroup("scale-up", "1.6T", 10, 1),    // no AOC or LPO at 1.6T: DR
                new LinkGroup("scale-up", "800G", 900, 1),   // none listed reaches: unserved, no fall-through to FR
                new LinkGroup("leaf-spine", "800G", 1, 1));  // tier without a rule: the fallback (today: copper)
        FleetAssignment a = FleetAssignment.of(groups, p, MENU);
        assertThat(a.served()).extracting(s -> s.technology().id()).containsExactly("aoc-mmf", "lpo", "dsp-dr8", "dac-26awg");
        assertThat(a.unserved()).hasSize(1);
        assertThat(a.unserved().get(0).group().lengthMeters()).isEqualTo(900);
        assertThat(a.unserved().get(0).reason()).contains("mine", "900 m", "800G", "dsp-2fr4", "2000 m");
    }

    @Test
    void aTierWithoutARuleAndNoFallbackIsAnErrorNamingTheTier() {
        Policy p = Policy.perTier("mine", Map.of("scale-up", List.of("aoc-mmf")), null);
        assertThatThrownBy(() -> FleetAssignment.of(List.of(new LinkGroup("spine", "800G", 3, 1)), p, MENU))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no rule for tier \"spine\"").hasMessageContaining("[scale-up]").hasMessageContaining("fallback");
    }

    @Test
    void aGenerationWrittenAsARateIsTheSameGeneration() {
        FleetAssignment a = FleetAssignment.of(List.of(new LinkGroup("t", "1.6 Tb/s", 30, 4)), Policy.mosaic(), MENU);
        assertThat(a.served().get(0).generation()).isEqualTo("1.6T");
        assertThat(a.served().get(0).technology().generation()).isEqualTo("1.6T");
    }

    @Test
    void unservedGroupsAreReportedWithTheirLinksNeverDropped() {
        List<LinkGroup> groups = List.of(new LinkGroup("a", "800G", 1, 100), new LinkGroup("b", "800G", 5000, 7),
                new LinkGroup("c", "1.6T", 600, 3));
        FleetAssignment a = FleetAssignment.of(groups, Policy.today(), MENU);
        assertThat(a.servedLinks()).isEqualTo(100);
        assertThat(a.unservedLinks()).isEqualTo(10);
        assertThat(a.unserved()).extracting(u -> u.group().tier()).containsExactly("b", "c");
        // at 1.6T the longest reach is the DR's 500 m
        assertThat(a.unserved().get(1).reason()).contains("1.6T", "dsp-dr8", "500 m");
        FleetMetrics m = FleetMetrics.of(a, 0, FleetEconomics.defaults());
        assertThat(m.unservedLinks()).isEqualTo(10);
        assertThat(m.unservedByTier()).containsExactly(Map.entry("b", 7L), Map.entry("c", 3L));
        assertThat(m.unserved()).hasSize(2);
    }

    /** Issue 20: "none" (no MOSAIC) is today's copper + laser optics, the one baseline every comparison lists first. */
    @Test
    void noneIsTodaysCopperAndLaserOpticsTheBaselineOfEveryComparison() {
        assertThat(Policy.named("none")).isEqualTo(Policy.today());
        assertThat(Policy.named(" None ")).isEqualTo(Policy.today());
        assertThat(Policy.NAMES.get(0)).isEqualTo(Policy.TODAY);
        assertThat(Policy.today().rules()).noneMatch(r -> r.toString().contains(TechnologyMenu.MOSAIC_PLUGGABLE));
    }
}
