package org.mosaic.cluster.topology;

import org.mosaic.cluster.fleet.ClusterDocument;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Closed forms against published sizes ([nvidia-nvl72], [introl-gb300], [al-fares-2008], [superpod-rail]) and the textbook fat-tree formulas. */
class TopologySizingTest {

    private static FabricSpec fatTree(int k, int tiers, double r) {
        return new FabricSpec(FabricKind.FAT_TREE, k, tiers, r, 1, 400e9, 4);
    }

    @ParameterizedTest(name = "k={0} tiers={1}")
    @CsvSource({"2,1", "2,2", "2,3", "4,1", "4,2", "4,3", "6,2", "6,3", "8,3", "16,2", "16,3", "64,2", "64,3",
            "128,3", "144,2"})
    void fullNonBlockingFatTreeMatchesAlFares(int k, int tiers) {
        FabricSpec f = fatTree(k, tiers, 1);
        long kk = k;
        long expectedEndpoints = switch (tiers) {
            case 1 -> kk;
            case 2 -> kk * kk / 2;
            default -> kk * kk * kk / 4;
        };
        assertThat(TopologySizing.maxEndpoints(f)).isEqualTo(expectedEndpoints);
        int gpus = (int) expectedEndpoints;
        TopologySizing s = TopologySizing.of(new ClusterSpec(gpus, ScaleUpDomainSpec.single(), f));
        assertThat(s.fabricSwitches()).isEqualTo(TopologySizing.fullFatTreeSwitches(k, tiers));
        // a full fat tree has one link per endpoint per tier ([al-fares-2008], [superpod-rail]: 2 links per endpoint at 2 tiers, 3 at 3)
        long links = s.accessLinks() + s.leafSpineLinks() + s.spineCoreLinks();
        assertThat(links).isEqualTo(tiers * expectedEndpoints);
    }

    @Test
    void publishedFabricSizes() {
        // [al-fares-2008], [superpod-rail]: QM9700 64 ports → 2,048 (96 switches) at 2 tiers, 65,536 (5,120 switches) at 3 tiers
        assertThat(TopologySizing.maxEndpoints(fatTree(64, 2, 1))).isEqualTo(2_048);
        assertThat(TopologySizing.fullFatTreeSwitches(64, 2)).isEqualTo(96);
        assertThat(TopologySizing.maxEndpoints(fatTree(64, 3, 1))).isEqualTo(65_536);
        assertThat(TopologySizing.fullFatTreeSwitches(64, 3)).isEqualTo(5_120);
        // 128 × 400G: 8,192 / 524,288; Quantum-X800 144 ports: 10,368 / 746,496
        assertThat(TopologySizing.maxEndpoints(fatTree(128, 2, 1))).isEqualTo(8_192);
        assertThat(TopologySizing.maxEndpoints(fatTree(128, 3, 1))).isEqualTo(524_288);
        assertThat(TopologySizing.maxEndpoints(fatTree(144, 2, 1))).isEqualTo(10_368);
        assertThat(TopologySizing.maxEndpoints(fatTree(144, 3, 1))).isEqualTo(746_496);
    }

    @Test
    void oversubscriptionAtTheLeaf() {
        FabricSpec r3 = fatTree(64, 2, 3);
        assertThat(r3.leafDownPorts()).isEqualTo(48);
        assertThat(r3.leafUpPorts()).isEqualTo(16);
        assertThat(r3.effectiveOversubscription()).isEqualTo(3.0);
        // 64 leaves × 48 down; 16 spines of 64 ports
        TopologySizing s = TopologySizing.of(new ClusterSpec(3_072, ScaleUpDomainSpec.single(), r3));
        assertThat(s.leaves()).isEqualTo(64);
        assertThat(s.spines()).isEqualTo(16);
        assertThat(s.leafSpineLinks()).isEqualTo(64 * 16);

        FabricSpec r7 = fatTree(64, 3, 7);
        assertThat(r7.leafDownPorts()).isEqualTo(56);
        assertThat(r7.leafUpPorts()).isEqualTo(8);
        assertThat(TopologySizing.maxEndpoints(r7)).isEqualTo(64L * 32 * 56);
        // a ratio the radix cannot express is rounded towards less oversubscription: 64 ports at 2:1 → 42 : 21
        FabricSpec r2 = fatTree(64, 2, 2);
        assertThat(r2.leafDownPorts()).isEqualTo(42);
        assertThat(r2.leafUpPorts()).isEqualTo(21);
        assertThat(r2.leafDownPorts() + r2.leafUpPorts()).isLessThanOrEqualTo(64);
        TopologySizing s2 = TopologySizing.of(new ClusterSpec(42 * 5, ScaleUpDomainSpec.single(), r2));
        assertThat(s2.leaves()).isEqualTo(5);
        // 5 × 21 = 105 uplinks need ≥ 2 spines of 64; the smallest divisor of 21 that is ≥ 2 is 3
        assertThat(s2.spines()).isEqualTo(3);
    }

    @Test
    void railOptimizedScalableUnit() {
        // [al-fares-2008], [superpod-rail]: DGX H100 SU = 32 nodes = 256 GPUs, 8 rails → 8 leaves with 32 ports down, 32 up
        ClusterSpec su = new ClusterSpec(256, ClusterDocument.preset("h100-16k").cluster().domain(),
                ClusterDocument.preset("h100-16k").cluster().fabric().withTiers(2).withKind(FabricKind.RAIL_OPTIMIZED, 1));
        TopologySizing s = TopologySizing.of(su);
        assertThat(s.leaves()).isEqualTo(8);
        assertThat(s.leafDownPorts()).isEqualTo(32);
        assertThat(s.leafUpPorts()).isEqualTo(32);
    }

    @Test
    void railOptimized512NodesThreeTiersUses320Switches() {
        // [al-fares-2008], [superpod-rail] (secondary): a 512-node (4,096-GPU) 3-tier example uses 320 IB switches, 80 per 128-node SuperPod
        ClusterSpec c = new ClusterSpec(4_096, ClusterDocument.preset("h100-16k").cluster().domain(),
                ClusterDocument.preset("h100-16k").cluster().fabric().withTiers(3).withKind(FabricKind.RAIL_OPTIMIZED, 1));
        TopologySizing s = TopologySizing.of(c);
        assertThat(s.fabricSwitches()).isEqualTo(320);
        assertThat(s.pods()).isEqualTo(4);
        assertThat(s.fabricSwitches() / s.pods()).isEqualTo(80);
    }

    @Test
    void hundredThousandGpusHaveAboutThreeHundredThousandLinks() {
        // [al-fares-2008], [superpod-rail]: 100k GPUs, 3 tiers, 1 NIC/GPU → ~300k links
        TopologySizing s = TopologySizing.of(ClusterDocument.preset("cluster-100k").cluster());
        assertThat(s.accessLinks()).isEqualTo(100_000);
        // 1,563 leaves × 64 uplinks at each of the two upper tiers
        assertThat(s.leaves()).isEqualTo(1_563);
        assertThat(s.leafSpineLinks()).isEqualTo(1_563L * 64);
        assertThat(s.spineCoreLinks()).isEqualTo(1_563L * 64);
        assertThat(s.accessLinks() + s.leafSpineLinks() + s.spineCoreLinks()).isBetween(295_000L, 305_000L);
    }

    @Test
    void trimmingOmitsTiersThatWouldJoinOneSwitch() {
        FabricSpec f = fatTree(8, 3, 1);
        TopologySizing oneLeaf = TopologySizing.of(new ClusterSpec(3, ScaleUpDomainSpec.single(), f));
        assertThat(oneLeaf.leaves()).isEqualTo(1);
        assertThat(oneLeaf.spines()).isZero();
        assertThat(oneLeaf.cores()).isZero();
        TopologySizing onePod = TopologySizing.of(new ClusterSpec(16, ScaleUpDomainSpec.single(), f));
        assertThat(onePod.leaves()).isEqualTo(4);
        assertThat(onePod.pods()).isEqualTo(1);
        assertThat(onePod.spines()).isEqualTo(4);
        assertThat(onePod.cores()).isZero();
        TopologySizing twoPods = TopologySizing.of(new ClusterSpec(17, ScaleUpDomainSpec.single(), f));
        assertThat(twoPods.pods()).isEqualTo(2);
        assertThat(twoPods.coresPerPlane()).isEqualTo(1);
        assertThat(twoPods.cores()).isEqualTo(4);
    }

    @Test
    void nvl72DomainCounts() {
        ScaleUpDomainSpec d = ClusterDocument.preset("nvl72-rack").cluster().domain();
        assertThat(d.switchChips()).isEqualTo(18);
        assertThat(d.linksPerDomain()).isEqualTo(1_296);
        // [nvidia-nvl72], [introl-gb300]: 5,184 NVLink cables = links × 2 lanes × 2 directions
        assertThat(d.linksPerDomain() * d.lanesPerLink() * 2).isEqualTo(5_184);
        // 1.8 TB/s bidirectional per GPU = 7.2e12 b/s per direction
        assertThat(d.bandwidthPerGpuBitsPerSecond() * 2 / 8).isEqualTo(1.8e12);
        assertThat(d.maxPortsUsedPerChip()).isEqualTo(72);
        for (int t = 0; t < 9; t++) {
            assertThat(d.linksToTray(t)).isEqualTo(2);
        }
        TopologySizing s = TopologySizing.of(ClusterDocument.preset("nvl72-rack").cluster());
        assertThat(s.scaleUpSwitchTrays()).isEqualTo(9);
        assertThat(s.scaleUpLinks()).isEqualTo(1_296);
        assertThat(s.fabricSwitches()).isZero();
    }

    @Test
    void hgxLinksSpreadUnevenlyOverFourChips() {
        ScaleUpDomainSpec d = ClusterDocument.preset("h100-16k").cluster().domain();
        // 18 links over 4 chips round-robin: 5, 5, 4, 4 → busiest chip 8 × 5 = 40 ports
        assertThat(d.maxPortsUsedPerChip()).isEqualTo(40);
        assertThat(d.linksToTray(0)).isEqualTo(18);
        // 900 GB/s bidirectional ([astra-sim], [nccl-tests-290], [aiconfigurator-477])
        assertThat(d.bandwidthPerGpuBitsPerSecond() * 2 / 8).isEqualTo(900e9);
    }
}
