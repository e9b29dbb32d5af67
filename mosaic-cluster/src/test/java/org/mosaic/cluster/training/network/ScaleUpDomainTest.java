package org.mosaic.cluster.training.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.fleet.TechnologyOption;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.layout.LayoutSpec;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.link.baseline.Availability;
import org.mosaic.link.baseline.BaselineCatalog;
import org.mosaic.link.baseline.TechnologyKind;

/**
 * The scale-up domain each policy allows, with the reach arithmetic done by hand from the layout presets.
 *
 * <p>NVL72 rack (the nvl72-rack cluster document): racks 0.6 m wide, cable tray at 2.6 m, 18 one-unit compute trays with
 * the 9 one-unit switch trays between the 9th and 10th, so switch tray t is centred at (9 + t + ½) × 0.04445 m; a
 * cable is its route × 1.1 + 0.25 m, rounded up to 0.25 m. Between racks a route goes up to the tray, along it and
 * down: 2 × (2.6 − z) + |Δx|.
 */
class ScaleUpDomainTest {
    static final double U = LayoutSpec.RACK_UNIT_METERS;

    /** Cable length of a route, binned as the layout presets do. */
    static double cable(double routeMeters) {
        return Math.ceil((routeMeters * 1.1 + 0.25) / 0.25 - 1e-9) * 0.25;
    }

    /** The longest tray-to-switch-rack cable of an NVL72 domain whose farthest rack is {@code racks} positions away. */
    static double nvl72Cable(int racks) {
        double z0 = (9 + 0.5) * U; // the lowest switch tray: the longest vertical runs
        return cable(2 * (2.6 - z0) + racks * 0.6);
    }

    @Test
    void copperKeepsThePresetDomains() {
        for (String policy : List.of(Policy.TODAY, Policy.MOSAIC_BEYOND_COPPER)) {
            TrainingCluster h = NetFixtures.h100(policy);
            assertThat(h.scaleUpGpus()).as(policy).isEqualTo(8);
            assertThat(h.scaleUpChoice().limit()).isEqualTo(ScaleUpChoice.Limit.COPPER);
            assertThat(h.scaleUpChoice().technology()).isEqualTo("dac-26awg");
            assertThat(h.scaleUpChoice().reason()).contains("copper", "dac-26awg", "3.408 m", "8 GPUs");
            assertThat(h.scaleUpChoice().extraLinks()).isZero();
        }
        TrainingCluster nvl = TrainingClusters.of("nvl72-rack", Policy.today());
        assertThat(nvl.scaleUpGpus()).isEqualTo(72);
        assertThat(nvl.scaleUpChoice().reason()).contains("copper", "1.433 m at 1.6T", "72 GPUs");
        assertThat(nvl.scaleUp().latencySeconds()).isEqualTo(0.7e-6);
    }

    @Test
    void mosaicJoinsEightNvl72RacksUpToTheNvl576Cap() {
        TrainingCluster c = TrainingClusters.of("nvl72-rack", GpuSpec.B200, Policy.mosaic(), 576);
        ScaleUpChoice s = c.scaleUpChoice();
        assertThat(c.scaleUpGpus()).isEqualTo(576);
        assertThat(s.racks()).isEqualTo(8);
        assertThat(s.limit()).isEqualTo(ScaleUpChoice.Limit.SWITCH_SYSTEM);
        assertThat(s.capGpus()).isEqualTo(576);
        // 8 racks in a row, switch level in rack 4: rack 0 is 4 x 0.6 = 2.4 m away.
        // route = 2 x (2.6 - 9.5 x 0.04445) + 2.4 = 6.75545 m -> 7.680995 m -> 7.75 m
        assertThat(nvl72Cable(4)).isEqualTo(7.75);
        assertThat(s.longestCableMeters()).isEqualTo(7.75);
        // the reach is our channel model's (the menu's MOSAIC row at the scale-up generation), and it covers the 7.75 m
        assertThat(s.reachMeters()).isEqualTo(NetFixtures.MENU.option("mosaic-pluggable", s.generation()).orElseThrow().reachMeters())
                .isGreaterThanOrEqualTo(7.75);
        assertThat(s.reason()).contains("mosaic-pluggable", "8 rack(s)", "7.75 m", "576");
        // every tray gets as many uplinks as GPU links: 576 x 18 = 10,368 links of 2 x 200G lanes = 2,592 links of 1.6T
        assertThat(s.extraLinks()).isEqualTo(576L * 18);
        assertThat(s.extraGenerationLinks()).isEqualTo(576L * 18 * 2 / 8);
        double fit = NetFixtures.MENU.option("mosaic-pluggable", "1.6T").orElseThrow().fitPerEnd();
        assertThat(s.extraLinkFailuresPerDay()).isCloseTo(2592 * 2 * fit * 24 / 1e9, within(1e-15));
        // α: 0.7 µs + 4 switch traversals x 0.1 µs + 4 x 7.75 m x 5 ns/m
        assertThat(c.scaleUp().latencySeconds()).isCloseTo(0.7e-6 + 0.4e-6 + 4 * 7.75 * 5e-9, within(1e-18));
        // the bandwidth per GPU does not change with the second (non-blocking) level
        assertThat(c.scaleUp().bandwidthBytesPerSecond()).isEqualTo(TrainingClusters.of("nvl72-rack", Policy.today())
                .scaleUp().bandwidthBytesPerSecond());
        // a TP/EP group of 64 over 8 racks now stays on the scale-up links
        assertThat(c.group(64, 8).span()).isEqualTo(GroupSpan.SCALE_UP);
    }

    @Test
    void todayOnTheSameEightRacksLeavesIsolatedNvl72s() {
        TrainingCluster c = TrainingClusters.of("nvl72-rack", GpuSpec.B200, Policy.today(), 576);
        assertThat(c.scaleUpGpus()).isEqualTo(72);
        assertThat(c.scaleUpDomains()).isEqualTo(8);
        assertThat(c.hasFabric()).isFalse();
        assertThat(c.group(8, 9).span()).isEqualTo(GroupSpan.SCALE_UP);
        assertThatThrownBy(() -> c.forGroup(8, 72)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no scale-out fabric").hasMessageContaining("72-GPU");
    }

    @Test
    void mosaicWithTheModelledReachStopsWhereItsCableRunsOut() {
        // the h100-16k row under MOSAIC with our channel model's reach: the domain grows while the longest added cable is
        // within the reach, and the next size would need a longer one (the numbers are in the reason)
        TrainingCluster c = NetFixtures.h100(Policy.MOSAIC);
        ScaleUpChoice s = c.scaleUpChoice();
        double reach = NetFixtures.MENU.option("mosaic-pluggable", s.generation()).orElseThrow().reachMeters();
        assertThat(s.reachMeters()).isEqualTo(reach);
        assertThat(s.limit()).isIn(ScaleUpChoice.Limit.SWITCH_SYSTEM, ScaleUpChoice.Limit.TECHNOLOGY_REACH);
        if (s.limit() == ScaleUpChoice.Limit.TECHNOLOGY_REACH) {
            assertThat(c.scaleUpGpus()).isLessThan(256);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("would need a ([0-9.]+) m cable, beyond its ([0-9.]+) m reach")
                    .matcher(s.reason());
            assertThat(m.find()).as(s.reason()).isTrue();
            assertThat(m.group(2)).isEqualTo(ScaleUpPlanner.m(reach));
            assertThat(Double.parseDouble(m.group(1))).isGreaterThan(reach);
        }
        if (s.grown()) {
            assertThat(s.longestCableMeters()).isLessThanOrEqualTo(reach);
        }
    }

    @Test
    void mosaicAndLasersJoinSixteenH100RacksUpTo256() {
        // MOSAIC at its claimed 50 m ([mosaic-sigcomm25]; our model gives less, see the test above): a cable that reaches
        // the whole row, so the planner's arithmetic is tested independently of the preset's modelled reach
        // h100-16k: 2 HGX boards per 42 U rack (boards at units 0 and 8, 8 U each; the NVSwitch tray sits on its board,
        // centred at 4 U = 0.1778 m), cable tray at 2.4 m, 16 GPU racks per row at positions 0-7 and 10-17 (network
        // racks at 8-9 and 18-19). A 256-GPU domain is the whole row; its switch rack is the 9th GPU rack, position 10.
        // Farthest: position 0, 10 x 0.6 = 6 m: route = 2 x (2.4 - 0.1778) + 6 = 10.4444 m -> 11.73884 -> 11.75 m
        double expected = cable(2 * (2.4 - 4 * U) + 10 * 0.6);
        assertThat(expected).isEqualTo(11.75);
        org.mosaic.cluster.fleet.TechnologyMenu reaching = NetFixtures.menuWithMosaicReach(NetFixtures.CLAIMED_MOSAIC_REACH_METERS);
        for (String policy : List.of(Policy.MOSAIC, Policy.ALL_OPTICAL_LASER)) {
            TrainingCluster c = NetFixtures.withMenu("h100-16k", Policy.named(policy), reaching);
            ScaleUpChoice s = c.scaleUpChoice();
            assertThat(c.scaleUpGpus()).as(policy).isEqualTo(256);
            assertThat(s.racks()).isEqualTo(16);
            assertThat(s.longestCableMeters()).isEqualTo(expected);
            assertThat(s.limit()).isEqualTo(ScaleUpChoice.Limit.SWITCH_SYSTEM);
            assertThat(s.extraLinks()).isEqualTo(16_384L * 18);
            assertThat(s.extraGenerationLinks()).isEqualTo(16_384L * 18 * 2 / 8);
            assertThat(s.technology()).isEqualTo(policy.equals(Policy.MOSAIC) ? "mosaic-pluggable" : "aoc-mmf");
        }
        // same domain, so the difference between MOSAIC and lasers is failures (and power), not reach
        assertThat(NetFixtures.withMenu("h100-16k", Policy.named(Policy.ALL_OPTICAL_LASER), reaching).scaleUpChoice().extraLinkFailuresPerDay())
                .isGreaterThan(4 * NetFixtures.withMenu("h100-16k", Policy.mosaic(), reaching).scaleUpChoice().extraLinkFailuresPerDay());
    }

    @Test
    void inA100kClusterDomainsThatStraddleRowsNeedLongerCablesButStillFit() {
        // cluster-100k rows: 24 positions, network racks at 10-11 and 22-23, so 20 GPU racks per row; 8-rack domains
        // do not divide 20, so domain 2 holds racks 16-19 (row 0, positions 18-21) and 20-23 (row 1, positions 0-3),
        // its switch rack is rack 20 (row 1, position 0). From position 21 of row 0: along the tray to the nearer row
        // end, min(12.9 + 0.3, 2 x 14.4 - 13.2) = 13.2 m, plus the row pitch 2.4 m, plus 2 x (2.6 - 0.422275):
        // route 19.95545 m -> 22.201 -> 22.25 m, within MOSAIC's claimed 50 m ([mosaic-sigcomm25]; the test's cable, not our
        // model's reach, which is below 22.25 m: see mosaicWithTheModelledReachStopsWhereItsCableRunsOut).
        TrainingCluster c = NetFixtures.withMenu("cluster-100k", Policy.mosaic(),
                NetFixtures.menuWithMosaicReach(NetFixtures.CLAIMED_MOSAIC_REACH_METERS));
        assertThat(c.scaleUpGpus()).isEqualTo(576);
        double z0 = 9.5 * U;
        assertThat(c.scaleUpChoice().longestCableMeters()).isEqualTo(cable(13.2 + 2.4 + 2 * (2.6 - z0))).isEqualTo(22.25);
        assertThat(c.scaleUpChoice().extraLinks()).isEqualTo(100_000L * 18);
    }

    @Test
    void aShortReachOpticStopsWhereItsCableRunsOut() {
        // a hypothetical 6 m optic on the scale-up tier of 8 NVL72 racks: 2 racks (switch level in rack 1, cable
        // 5.75 m) and 3 racks (rack 1 again) fit; 4 racks put the switch level in rack 2, 1.2 m from rack 0:
        // 6.5 m > 6 m. So 3 racks, 216 GPUs.
        assertThat(nvl72Cable(1)).isEqualTo(5.75);
        assertThat(nvl72Cable(2)).isEqualTo(6.5);
        TechnologyOption shortOptic = new TechnologyOption("short-optic", "6 m optic", TechnologyKind.MICROLED, "1.6T", Availability.OFFERED,
                6, 5, 100, null, "test fixture (hand-made)", Confidence.ASSUMED, false);
        TechnologyMenu menu = TechnologyMenu.of(BaselineCatalog.standard().generations(), List.of(shortOptic));
        Policy policy = Policy.perTier("short", Map.of("scale-up", List.of("short-optic")), null);
        TrainingCluster c = TrainingClusters.of("short", new ClusterSpec(576, ClusterDocument.preset("nvl72-rack").cluster().domain(), null), ClusterDocument.preset("nvl72-rack").layout(),
                GpuSpec.B200, policy, menu, FleetEconomics.defaults(), NetworkAssumptions.defaults());
        ScaleUpChoice s = c.scaleUpChoice();
        assertThat(c.scaleUpGpus()).isEqualTo(216);
        assertThat(s.racks()).isEqualTo(3);
        assertThat(s.longestCableMeters()).isEqualTo(5.75);
        assertThat(s.limit()).isEqualTo(ScaleUpChoice.Limit.TECHNOLOGY_REACH);
        assertThat(s.reason()).contains("6.5 m cable", "6 m reach");
        // 576 GPUs in domains of 216, 216, 144: all span racks, so every tray gets its uplinks
        assertThat(s.extraLinks()).isEqualTo(576L * 18);
    }

    @Test
    void aClusterOfOneRackCannotGrowItsDomain() {
        TrainingCluster c = TrainingClusters.of("nvl72-rack", Policy.mosaic());
        assertThat(c.scaleUpGpus()).isEqualTo(72);
        assertThat(c.scaleUpChoice().limit()).isEqualTo(ScaleUpChoice.Limit.CLUSTER_SIZE);
        assertThat(c.scaleUpChoice().technology()).isEqualTo("mosaic-pluggable");
        assertThat(c.scaleUpChoice().reason()).contains("whole cluster of 72 GPUs");
    }

    @Test
    void theGpusAndTheSourcesOfEveryNumberAreReported() {
        assertThat(TrainingClusters.defaultGpu("h100-16k")).isEqualTo(GpuSpec.H100_SXM);
        assertThat(TrainingClusters.defaultGpu("cluster-100k")).isEqualTo(GpuSpec.B200);
        TrainingCluster c = NetFixtures.h100(Policy.TODAY);
        assertThat(c.gpus()).isEqualTo(16_384);
        assertThat(c.provenance()).allSatisfy(p -> {
            assertThat(p.source()).isNotBlank();
            assertThat(p.confidence()).isNotNull();
        });
        assertThat(c.provenance()).extracting(org.mosaic.core.catalog.Provenance::path)
                .contains("training.network.scaleUpAchievableFraction", "training.network.nicAchievableFraction",
                        "training.network.maxScaleUpGpus.nvlink4", "cluster.nvl72-rack.gpu");
        assertThat(NetworkAssumptions.defaults().provenance()).filteredOn(p -> p.confidence() == Confidence.CALIBRATED).hasSize(2);
    }
}
