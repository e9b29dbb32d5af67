package org.mosaic.cluster.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.LinkSpecs;
import org.mosaic.link.ModelRows;
import org.mosaic.link.baseline.Baseline;
import org.mosaic.link.baseline.BaselineCatalog;
import org.mosaic.link.baseline.HostGeneration;
import org.mosaic.link.baseline.ModelRow;
import org.mosaic.link.baseline.TechnologyKind;

/** The shipped menu: the catalog and our MOSAIC rows, unchanged, and today's choice against reference practice. */
class StandardMenuTest {
    private static final TechnologyMenu MENU = TechnologyMenu.standard();

    @Test
    void everyAvailableCatalogEntryIsOnTheMenuWithItsFigures() {
        BaselineCatalog catalog = BaselineCatalog.standard();
        for (HostGeneration g : catalog.generations()) {
            for (Baseline b : catalog.at(g)) {
                var o = MENU.option(b.id(), g.name());
                assertThat(o.isPresent()).as(b.id() + " at " + g.name()).isEqualTo(b.availability().available());
                o.ifPresent(t -> {
                    assertThat(t.reachMeters()).isEqualTo(b.reach().value());
                    assertThat(t.powerPerEndWatts()).isEqualTo(b.power().value());
                    assertThat(t.fitPerEnd()).isEqualTo(b.fit().value());
                    assertThat(t.availability()).isEqualTo(b.availability());
                    assertThat(org.mosaic.core.catalog.Sources.citedKeys(t.source())).isNotEmpty();
                });
            }
        }
    }

    @Test
    void mosaicRowsAreOurModelsFiguresAtEachGeneration() {
        var cable = LinkSpecs.bind(ScenarioDocument.preset(TechnologyMenu.MOSAIC_PRESET));
        for (String gen : List.of("800G", "1.6T")) {
            List<ModelRow> rows = ModelRows.rows(List.of(ModelRows.evaluate("x", cable, gen)));
            TechnologyOption plug = MENU.option(TechnologyMenu.MOSAIC_PLUGGABLE, gen).orElseThrow();
            TechnologyOption cpo = MENU.option(TechnologyMenu.MOSAIC_CPO, gen).orElseThrow();
            assertThat(plug.powerPerEndWatts()).isEqualTo(rows.get(0).powerPerEndWatts());
            assertThat(cpo.powerPerEndWatts()).isEqualTo(rows.get(1).powerPerEndWatts());
            assertThat(plug.reachMeters()).isEqualTo(rows.get(0).reachMeters());
            assertThat(plug.fitPerEnd()).isEqualTo(rows.get(0).fitPerEnd());
            assertThat(plug.kind()).isEqualTo(TechnologyKind.MICROLED);
            assertThat(plug.ourModel()).isTrue();
        }
        // the reach is the channel model's under the preset's own target definition (link.reach.target: the array's mean
        // BER for mosaic-800g), the one the optics study reports, not the nominal channel's
        var channel = cable.channel();
        double reach = MENU.option(TechnologyMenu.MOSAIC_PLUGGABLE, "800G").orElseThrow().reachMeters();
        assertThat(reach).isEqualTo(org.mosaic.optics.ChannelAnalysis.analyse(channel).reachMeters());
        assertThat(channel.reachTarget().definition()).isEqualTo("mean");
        assertThat(reach).isLessThan(org.mosaic.optics.ChannelAnalysis.reach(channel)); // the mean BER is worse than the centre's
    }

    @Test
    void todaysChoiceFollowsThePracticeOfClusterMd44() {
        // [superpod-rail], [msr-blog]: in-rack copper (< 2 m at 800G), NIC to leaf SR multimode or AOC (tens of m,
        // 50-100 m reach), leaf-spine SMF DR (500 m) or FR (2 km)
        List<LinkGroup> groups = List.of(new LinkGroup("scale-up", "800G", 1.5, 1), new LinkGroup("gpu-leaf", "800G", 30, 1),
                new LinkGroup("leaf-spine", "800G", 300, 1), new LinkGroup("spine-core", "800G", 1500, 1));
        FleetAssignment a = FleetAssignment.of(groups, Policy.today(), MENU);
        assertThat(a.served()).extracting(s -> s.technology().kind()).containsExactly(TechnologyKind.PASSIVE_COPPER,
                TechnologyKind.ACTIVE_OPTICAL_CABLE, TechnologyKind.DSP_PLUGGABLE, TechnologyKind.DSP_PLUGGABLE);
        assertThat(a.served().get(2).technology().reachMeters()).isEqualTo(500);   // DR
        assertThat(a.served().get(3).technology().reachMeters()).isEqualTo(2000);  // FR
    }

    @Test
    void mosaicSavesPowerAndFailuresOnNicToLeafLinks() {
        // a 16k-GPU fabric's NIC-to-leaf tier, one 800G link per GPU at a length MOSAIC reaches (our model's reach, rounded
        // down to the metre) and copper does not: MOSAIC vs today's AOC
        TechnologyOption led0 = MENU.option(TechnologyMenu.MOSAIC_PLUGGABLE, "800G").orElseThrow();
        double length = Math.floor(led0.reachMeters());
        assertThat(length).isGreaterThan(MENU.option("dac-26awg", "800G").orElseThrow().reachMeters());
        List<LinkGroup> tier = List.of(new LinkGroup("gpu-leaf", "800G", length, 16_384));
        FleetEconomics e = FleetEconomics.defaults();
        double otherIt = 16_384 * ClusterDocument.preset("h100-16k").layout().equipment().gpuWatts();
        FleetMetrics today = FleetMetrics.of(FleetAssignment.of(tier, Policy.today(), MENU), otherIt, e);
        FleetMetrics mosaic = FleetMetrics.of(FleetAssignment.of(tier, Policy.mosaic(), MENU), otherIt, e);
        TechnologyOption aoc = MENU.option("aoc-mmf", "800G").orElseThrow();
        TechnologyOption led = MENU.option(TechnologyMenu.MOSAIC_PLUGGABLE, "800G").orElseThrow();
        PolicySavings s = PolicySavings.between(today, mosaic, e);
        assertThat(s.powerSavedWatts()).isCloseTo(16_384 * 2 * (aoc.powerPerEndWatts() - led.powerPerEndWatts()), within(1e-6));
        assertThat(s.powerSavedWatts()).isPositive();
        assertThat(s.failureRatio()).isCloseTo(aoc.fitPerEnd() / led.fitPerEnd(), within(1e-9));
        assertThat(FleetAssignment.of(tier, Policy.today(), MENU).served().get(0).technology().id()).isEqualTo("aoc-mmf");
        assertThat(FleetAssignment.of(tier, Policy.mosaic(), MENU).served().get(0).technology().id()).isEqualTo(TechnologyMenu.MOSAIC_PLUGGABLE);
    }

    @Test
    void vendorPricesGiveCapexForAnAllDrFleet() {
        TechnologyMenu priced = MENU.withCosts(FleetDefaults.vendorPrices800G());
        FleetAssignment a = FleetAssignment.of(List.of(new LinkGroup("leaf-spine", "800G", 300, 1000)), Policy.today(), priced);
        FleetMetrics m = FleetMetrics.of(a, 0, FleetEconomics.defaults());
        // 1000 links x 2 ends x $1,250 (DR8 midpoint of $1,100-1,400, [luxoptx-cost])
        assertThat(m.capexUsd()).isCloseTo(2_500_000, within(1e-6));
        assertThat(a.served().get(0).technology().source()).contains("cost: [luxoptx-cost]");
        assertThat(ClusterDocument.presetProvenance()).extracting(p -> p.path()).contains("cluster.cluster-100k.economics.pue",
                "cluster.cluster-100k.economics.householdKwhPerYear");
    }
}
