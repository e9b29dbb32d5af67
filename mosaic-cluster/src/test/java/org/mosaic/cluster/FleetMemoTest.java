package org.mosaic.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.layout.GenerationMap;
import org.mosaic.cluster.layout.LayoutSpec;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.ClusterTopology;
import org.mosaic.cluster.topology.TopologyBuilder;

/**
 * The memos of the topology, the placement and the cable plan: an equal question is served the answer computed
 * for it, equal to one computed afresh, and a different question (another cluster, another layout, a topology built
 * apart) never gets another's answer.
 */
class FleetMemoTest {
    @Test
    void memoisedTopologyPlacementAndPlanAreTheComputedOnesAndNeverAnotherSpecs() {
        ClusterDocument rack = ClusterDocument.preset("nvl72-rack");
        ClusterTopology topology = ClusterTopology.of(rack.cluster());
        assertThat(ClusterTopology.of(ClusterDocument.preset("nvl72-rack").cluster())).isSameAs(topology);
        ClusterTopology fresh = TopologyBuilder.build(rack.cluster());
        assertThat(fresh.linksByTier()).isEqualTo(topology.linksByTier());
        assertThat(fresh.graph().nodeCount()).isEqualTo(topology.graph().nodeCount());
        ClusterTopology other = ClusterTopology.of(ClusterDocument.preset("h100-16k").cluster());
        assertThat(other).isNotSameAs(topology);
        assertThat(other.graph().nodeCount()).isNotEqualTo(topology.graph().nodeCount());

        RackLayout placed = RackLayout.place(topology, rack.layout());
        assertThat(RackLayout.place(topology, rack.layout())).isSameAs(placed);
        RackLayout placedApart = RackLayout.place(fresh, rack.layout());
        assertThat(placedApart).as("a topology built apart is placed anew").isNotSameAs(placed);
        assertThat(placedApart.racks()).isEqualTo(placed.racks());
        LayoutSpec spread = rack.layout().withSpreadDomains(true);
        assertThat(RackLayout.place(topology, spread)).isNotSameAs(placed);

        GenerationMap generations = new GenerationMap(FleetModelTest.MENU.generations());
        CablePlan plan = CablePlan.of(placed, generations);
        assertThat(CablePlan.of(placed, generations)).isSameAs(plan);
        CablePlan planApart = CablePlan.of(placedApart, generations);
        assertThat(planApart).isNotSameAs(plan).isEqualTo(plan);
    }
}
