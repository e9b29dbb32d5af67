package org.mosaic.cluster.training.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.FleetMetrics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.cluster.topology.LinkTier;
import org.mosaic.cluster.training.GpuSpec;

/** The failure rates a job sees agree with the fleet model, tier by tier, and count a multi-rack domain's extra links. */
class FailureRateTest {
    /** Sums of the same terms in another order: relative agreement to 1e-12. */
    static final double REL = 1e-12;

    private static double total(InterconnectFailures f) {
        return f.totalPerGpuHour() * f.gpus() * 24;
    }

    @Test
    void ratesTimesGpusGiveTheFleetModelsFailuresPerDay() {
        for (String policy : Policy.NAMES) {
            ClusterDocument p = ClusterDocument.preset("h100-16k");
            FleetModel.Result fleet = FleetModel.evaluate(p.cluster(), p.layout(), Policy.named(policy), NetFixtures.MENU,
                    FleetEconomics.defaults());
            TrainingCluster c = NetFixtures.h100(policy);
            InterconnectFailures f = c.failures();
            assertThat(f.fleetLinkFailuresPerDay()).as(policy).isCloseTo(fleet.linkFailuresPerDay(), within(fleet.linkFailuresPerDay() * REL));
            double expected = fleet.linkFailuresPerDay() + c.scaleUpChoice().extraLinkFailuresPerDay();
            assertThat(total(f)).as(policy).isCloseTo(expected, within(expected * REL));
            assertThat(f.linkFailuresPerDay()).isCloseTo(expected, within(expected * REL));
            // tier by tier against the fleet's group rows
            for (LinkTier t : LinkTier.values()) {
                String tier = CablePlan.tierName(t);
                double perDay = fleet.metrics().groups().stream().filter(g -> g.tier().equals(tier))
                        .mapToDouble(FleetMetrics.GroupRow::failuresPerDay).sum()
                        + (t == LinkTier.SCALE_UP ? c.scaleUpChoice().extraLinkFailuresPerDay() : 0);
                assertThat(f.perGpuHour(t) * 16_384 * 24).as("%s %s", policy, tier).isCloseTo(perDay, within(Math.max(perDay, 1e-30) * REL));
            }
        }
    }

    @Test
    void theH100AccessTierByHand() {
        // today: 16,384 NIC-leaf links of 4 x 100G = 8,192 links of 800G, each an AOC with 2 ends:
        // 8,192 x 2 x FIT / 1e9 per hour, over 16,384 GPUs
        double fit = NetFixtures.MENU.option("aoc-mmf", "800G").orElseThrow().fitPerEnd();
        InterconnectFailures f = NetFixtures.h100(Policy.TODAY).failures();
        assertThat(f.perGpuHour(LinkTier.LEAF_ACCESS)).isCloseTo(8192 * 2 * fit / 1e9 / 16_384, within(1e-21));
        assertThat(f.perHour(1024)).isCloseTo(f.totalPerGpuHour() * 1024, within(1e-18));
        assertThat(f.unservedLinks()).isZero();
        assertThat(f.perGpuHourByTier().keySet()).containsExactly("scale-up", "gpu-leaf", "leaf-spine", "spine-core");
    }

    @Test
    void aGrownDomainAddsItsUplinksToTheScaleUpTier() {
        TrainingCluster c = TrainingClusters.of("nvl72-rack", GpuSpec.B200, Policy.mosaic(), 576);
        FleetModel.Result fleet = FleetModel.evaluate(new ClusterSpec(576, ClusterDocument.preset("nvl72-rack").cluster().domain(), null),
                ClusterDocument.preset("nvl72-rack").layout(), Policy.mosaic(), NetFixtures.MENU, FleetEconomics.defaults());
        // fleet: 576 x 18 in-rack links = 2,592 MOSAIC links of 1.6T; the second level adds as many again
        double fit = NetFixtures.MENU.option("mosaic-pluggable", "1.6T").orElseThrow().fitPerEnd();
        double perDay = 2 * 2592 * 2 * fit * 24 / 1e9;
        assertThat(fleet.linkFailuresPerDay()).isCloseTo(perDay / 2, within(perDay * REL));
        InterconnectFailures f = c.failures();
        assertThat(f.perGpuHour(LinkTier.SCALE_UP) * 576 * 24).isCloseTo(perDay, within(perDay * REL));
        assertThat(f.perGpuHourByTier()).containsAllEntriesOf(Map.of("gpu-leaf", 0.0, "leaf-spine", 0.0, "spine-core", 0.0));
        assertThat(total(f)).isCloseTo(perDay, within(perDay * REL));
    }
}
