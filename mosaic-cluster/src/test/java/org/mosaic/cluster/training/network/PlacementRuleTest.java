package org.mosaic.cluster.training.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mosaic.cluster.TrainingModel;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.training.GroupNetwork;
import org.mosaic.cluster.training.LinkCost;

/**
 * Regression for issue 16's placement rule: a group fits the scale-up domain when it fits inside it (span ≤ domain, whole
 * groups per domain), not only when its span divides the domain — 64 GPUs of an NVL72 domain are inside it (the practice
 * of 64 active GPUs and 8 spares per rack).
 */
class PlacementRuleTest {
    static final LinkCost UP = new LinkCost(1e-6, 900e9);
    static final LinkCost FABRIC = new LinkCost(5e-6, 50e9);

    @Test
    void sixtyFourGpusOfAnNvl72DomainAreInsideIt() {
        GroupNetwork net = GroupNetwork.twoLevel(72, UP, FABRIC, 0.15, 0.02);
        assertThat(net.link(64, 1)).isEqualTo(UP);
        assertThat(net.link(8, 8)).as("a DP group of 8 over TP 8: span 64").isEqualTo(UP);
        assertThat(net.link(72, 1)).isEqualTo(UP);
        assertThat(net.bisectionBytesPerSecond(64, 1)).isInfinite();
        assertThat(net.computeSlowdown(64, 1)).isEqualTo(0.15);
        // a span beyond the domain still crosses the fabric
        assertThat(net.link(128, 1)).isEqualTo(FABRIC);
        assertThat(net.link(10, 8)).as("span 80 > 72").isEqualTo(FABRIC);
        assertThat(net.computeSlowdown(128, 1)).isEqualTo(0.02);
        // the dividing case is unchanged
        assertThat(GroupNetwork.twoLevel(8, UP, FABRIC).link(8, 1)).isEqualTo(UP);
        assertThat(GroupNetwork.fitsInDomain(64, 1, 72)).isTrue();
        assertThat(GroupNetwork.fitsInDomain(73, 1, 72)).isFalse();
    }

    @Test
    void theClusterNetworkPlacesAGroupOf64InsideOneNvl72Rack() {
        TrainingCluster nvl = TrainingClusters.of("nvl72-rack", Policy.today());
        assertThat(nvl.scaleUpGpus()).isEqualTo(72);
        // before the fix, blocks of 64 contiguous ranks straddled racks 0 and 1 and the ring took the fabric
        LinkCost tp64 = nvl.forGroup(64, 1);
        assertThat(tp64).isEqualTo(nvl.forGroup(8, 1));
        assertThat(nvl.bisectionBytesPerSecond(64, 1)).isInfinite();
        GroupNetwork view = TrainingModel.network(nvl);
        assertThat(view.link(64, 1)).isEqualTo(view.link(8, 1));
        assertThat(view.computeSlowdown(64, 1)).isEqualTo(GroupNetwork.SCALE_UP_COMPUTE_SLOWDOWN);
    }
}
