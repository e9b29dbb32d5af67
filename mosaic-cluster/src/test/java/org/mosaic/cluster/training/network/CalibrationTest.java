package org.mosaic.cluster.training.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.training.CollectiveOp;
import org.mosaic.cluster.training.Collectives;
import org.mosaic.cluster.training.LinkCost;

/**
 * The ring all-reduce bus bandwidth that {@link Collectives} gives on the costs of {@link TrainingCluster} against
 * the published NCCL figures of [astra-sim], [nccl-tests-290], [aiconfigurator-477]. nccl-tests report busbw at large
 * messages, where latency no longer counts; 8 GB is at the top of their usual sweep.
 */
class CalibrationTest {
    static final double LARGE_BYTES = 8e9;

    private static double ringBusbw(int ranks, LinkCost link) {
        double seconds = Collectives.allReduceSeconds(ranks, LARGE_BYTES, link);
        return CollectiveOp.ALL_REDUCE.busBandwidth(ranks, LARGE_BYTES, seconds);
    }

    @Test
    void eightH100sOnNvlinkGiveThePublishedRingBusbw() {
        // [astra-sim], [nccl-tests-290], [aiconfigurator-477]: 8 x H100, NVLink 4 (450 GB/s per direction), ring -> ~370 GB/s (max observed 370.67).
        // The chain under test: the HGX H100 preset's links and lanes -> per-GPU bandwidth -> calibrated fraction ->
        // LinkCost -> Collectives' ring formula -> busbw. Tolerance 1 %: "~370" is a rounded maximum, and at 8 GB
        // the 14 latency terms shift busbw by < 0.03 %.
        assertThat(ClusterDocument.preset("h100-16k").cluster().domain().bandwidthPerGpuBitsPerSecond() / 8).isEqualTo(450e9);
        TrainingCluster c = NetFixtures.h100("today");
        LinkCost nvlink = c.forGroup(8, 1);
        assertThat(c.group(8, 1).span()).isEqualTo(GroupSpan.SCALE_UP);
        assertThat(ringBusbw(8, nvlink)).isCloseTo(370e9, within(370e9 * 0.01));
    }

    @Test
    void aMultiNodeNdrRingGivesThePublishedBusbwPerNic() {
        // [astra-sim], [nccl-tests-290], [aiconfigurator-477]: NDR 400G NICs, NCCL_ALGO=RING across nodes -> 46-48 GB/s per NIC. Here one GPU per node
        // (stride 8) so every ring hop is a NIC: 8 nodes under one rail leaf, and 64 nodes across the spine of the
        // non-blocking SuperPOD fabric, which must not slow it.
        TrainingCluster c = NetFixtures.h100("today");
        assertThat(c.group(8, 8).span()).isEqualTo(GroupSpan.LEAF);
        assertThat(ringBusbw(8, c.forGroup(8, 8))).isBetween(46e9, 48e9);
        assertThat(c.group(64, 8).span()).isEqualTo(GroupSpan.SPINE);
        assertThat(ringBusbw(64, c.forGroup(64, 8))).isBetween(46e9, 48e9);
    }

    @Test
    void smallMessagesAreLatencyBound() {
        // not a published number: the same ring at 1 MB falls well below its large-message busbw, as nccl-tests
        // curves do; the scale-up α is 0.7 µs per step (14 steps = 9.8 µs against 3.9 µs of transfer)
        TrainingCluster c = NetFixtures.h100("today");
        LinkCost nvlink = c.forGroup(8, 1);
        double seconds = Collectives.allReduceSeconds(8, 1e6, nvlink);
        assertThat(seconds).isCloseTo(14 * 0.7e-6 + 1.75 * 1e6 / nvlink.bandwidthBytesPerSecond(), within(1e-15));
        assertThat(CollectiveOp.ALL_REDUCE.busBandwidth(8, 1e6, seconds)).isLessThan(0.5 * ringBusbw(8, nvlink));
    }

    @Test
    void theNvl72DomainUsesTheSameFractionOnItsNvlink5Bandwidth() {
        // no published NVL72 busbw in the reference: the H100 fraction is carried over (assumed) to 900 GB/s
        TrainingCluster c = TrainingClusters.of("nvl72-rack", org.mosaic.cluster.fleet.Policy.today());
        assertThat(c.scaleUp().bandwidthBytesPerSecond())
                .isCloseTo(900e9 * NetworkAssumptions.H100_RING_BUSBW_BYTES_PER_SECOND / 450e9, within(1e-3));
        assertThat(c.gpu()).isEqualTo(org.mosaic.cluster.training.GpuSpec.B200);
    }
}
