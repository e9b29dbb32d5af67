package org.mosaic.cluster.layout;

import org.mosaic.cluster.fleet.ClusterDocument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.mosaic.cluster.fleet.LinkGroup;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.cluster.topology.ClusterTopology;
import org.mosaic.cluster.topology.FabricKind;
import org.mosaic.cluster.topology.FabricSpec;
import org.mosaic.cluster.topology.Node;
import org.mosaic.cluster.topology.NodeKind;
import org.mosaic.cluster.topology.ScaleUpDomainSpec;
import org.junit.jupiter.api.Test;

/**
 * Cable lengths against layouts worked out by hand. The small layout: racks 0.6 m wide, 1.0 m deep, aisle 1.0 m
 * (row pitch 2.0 m), 10 U, one 1 kW GPU per rack (1 U server at the bottom: exit height 0.5 U = 0.022225 m), 1 U
 * switches, tray at 2.0 m, spine room 20 m away. Every route between racks has the two vertical runs
 * (2 − 0.022225) × 2 = 3.95555 m when both ends sit in the lowest unit.
 */
class CableLengthTest {
    static final double VERTICAL = 2 * (2.0 - 0.5 * LayoutSpec.RACK_UNIT_METERS);

    static LayoutSpec small(int racksPerRow, SwitchPlacement leaf, SwitchPlacement spine, double rackWatts) {
        return new LayoutSpec("small", new LayoutSpec.Rack(rackWatts, 10, Cooling.AIR, 0.6, 1.0),
                new LayoutSpec.Equipment(1000, 1, 1, 0, 0, 500, 1), new LayoutSpec.Floor(racksPerRow, 1.0, 1, 20, 2.0), leaf, spine,
                SwitchPlacement.SPINE_ROOM, new LayoutSpec.Cabling(0.5, 0.1, 0.5, CountRule.LANE_EQUIVALENT), false);
    }

    static ClusterTopology oneLeaf() {
        // 4 single GPUs on one 4-port switch; 400G NICs of 4 x 100G lanes
        return ClusterTopology.of(new ClusterSpec(4, ScaleUpDomainSpec.single(), new FabricSpec(FabricKind.FAT_TREE, 4, 1, 1, 1, 400e9, 4)));
    }

    static Node gpu(RackLayout l, int i) {
        return l.topology().graph().nodes(NodeKind.GPU).get(i);
    }

    static Node first(RackLayout l, NodeKind k, int i) {
        return l.topology().graph().nodes(k).get(i);
    }

    @Test
    void sameRowRoutesRunUpAlongTheTrayAndDown() {
        // one row of 5: GPUs at positions 0..3, the leaf in the end-of-row rack at position 4 (x = 2.7 m)
        RackLayout l = RackLayout.place(oneLeaf(), small(5, SwitchPlacement.END_OF_ROW, SwitchPlacement.SPINE_ROOM, 1000));
        Node leaf = first(l, NodeKind.LEAF, 0);
        assertThat(l.racks().get(l.rackOf(leaf)).position()).isEqualTo(4);
        // GPU 2 is two racks from the leaf: 2 x 0.6 m along the tray
        assertThat(l.routeMeters(gpu(l, 2), leaf)).isCloseTo(VERTICAL + 1.2, within(1e-12));
        assertThat(l.routeMeters(gpu(l, 0), leaf)).isCloseTo(VERTICAL + 2.4, within(1e-12));
        // slack: 10 % + 0.5 m
        assertThat(l.cableMeters(gpu(l, 2), leaf)).isCloseTo((VERTICAL + 1.2) * 1.1 + 0.5, within(1e-12));
        // routes are symmetric
        assertThat(l.routeMeters(leaf, gpu(l, 2))).isEqualTo(l.routeMeters(gpu(l, 2), leaf));
    }

    @Test
    void binsRoundUpAndLaneEquivalentsAddUpExactly() {
        RackLayout l = RackLayout.place(oneLeaf(), small(5, SwitchPlacement.END_OF_ROW, SwitchPlacement.SPINE_ROOM, 1000));
        CablePlan plan = CablePlan.of(l, new GenerationMap(TechnologyMenu.standard().generations()));
        // cables (3.95555 + 0.6 k) x 1.1 + 0.5 for k = 1..4: 5.511, 6.171, 6.831, 7.491 m -> bins 6.0, 6.5, 7.0, 7.5
        CablePlan.TierLengths t = plan.tiers().get(0);
        assertThat(t.tier()).isEqualTo("gpu-leaf");
        assertThat(t.generation()).isEqualTo("800G");
        assertThat(t.bins()).containsExactly(new CablePlan.Bin(6.0, 1), new CablePlan.Bin(6.5, 1), new CablePlan.Bin(7.0, 1),
                new CablePlan.Bin(7.5, 1));
        assertThat(t.maxMeters()).isCloseTo((VERTICAL + 2.4) * 1.1 + 0.5, within(1e-12));
        assertThat(t.meanMeters()).isCloseTo((VERTICAL + 1.5) * 1.1 + 0.5, within(1e-12));
        // 4 links x 4 lanes = 16 lanes = 2 links of 800G (8 lanes); cumulated from the longest bin: 1, 0, 1, 0
        assertThat(plan.groups()).extracting(LinkGroup::count).containsExactly(0L, 1L, 0L, 1L);
        assertThat(t.generationLinks()).isEqualTo(2);
        // one generation link per topology link under ONE_PER_LINK
        LayoutSpec perLink = small(5, SwitchPlacement.END_OF_ROW, SwitchPlacement.SPINE_ROOM, 1000);
        perLink = new LayoutSpec(perLink.name(), perLink.rack(), perLink.equipment(), perLink.floor(), perLink.leaf(), perLink.spine(),
                perLink.core(), new LayoutSpec.Cabling(0.5, 0.1, 0.5, CountRule.ONE_PER_LINK), false);
        CablePlan p1 = CablePlan.of(RackLayout.place(oneLeaf(), perLink), new GenerationMap(TechnologyMenu.standard().generations()));
        assertThat(p1.groups()).extracting(LinkGroup::count).containsExactly(1L, 1L, 1L, 1L);
    }

    @Test
    void acrossRowsTheRouteTakesTheNearerRowEnd() {
        // rows of 3: GPU racks at positions 0 and 2, the leaf mid-row at position 1; GPUs 0,1 in row 0, GPUs 2,3 in
        // row 1; the leaf goes to the row of its median GPU (GPU 2): row 1, x = 0.9 m. Row length L = 1.8 m.
        RackLayout l = RackLayout.place(oneLeaf(), small(3, SwitchPlacement.MIDDLE_OF_ROW, SwitchPlacement.SPINE_ROOM, 1000));
        Node leaf = first(l, NodeKind.LEAF, 0);
        RackLayout.RackSlot r = l.racks().get(l.rackOf(leaf));
        assertThat(r.row()).isEqualTo(1);
        assertThat(r.position()).isEqualTo(1);
        // GPU 0 at x = 0.3: via the x = 0 end, 0.3 + 0.9 = 1.2 (the far end would be 3.6 - 1.2 = 2.4), plus 2.0 m across
        assertThat(l.routeMeters(gpu(l, 0), leaf)).isCloseTo(VERTICAL + 1.2 + 2.0, within(1e-12));
        // GPU 1 at x = 1.5: via the x = L end, 3.6 - 2.4 = 1.2 (the near end would be 2.4), plus 2.0 m across
        assertThat(l.routeMeters(gpu(l, 1), leaf)).isCloseTo(VERTICAL + 1.2 + 2.0, within(1e-12));
        // GPU 3 in the same row, one rack away
        assertThat(l.routeMeters(gpu(l, 3), leaf)).isCloseTo(VERTICAL + 0.6, within(1e-12));
    }

    @Test
    void toTheSpineRoomThroughTheHallExitAndTheDistance() {
        // 2 tiers of 4-port switches: 2 leaves (2 down, 2 up), 1 spine with 2 links from each leaf; leaves at the end of
        // the row (position 4, x = 2.7 m, units 0 and 1), the spine in the spine room (row 0, position 0, x = 0.3 m)
        ClusterTopology t = ClusterTopology.of(new ClusterSpec(4, ScaleUpDomainSpec.single(),
                new FabricSpec(FabricKind.FAT_TREE, 4, 2, 1, 1, 400e9, 4)));
        RackLayout l = RackLayout.place(t, small(5, SwitchPlacement.END_OF_ROW, SwitchPlacement.SPINE_ROOM, 1000));
        Node spine = first(l, NodeKind.SPINE, 0);
        assertThat(l.racks().get(l.rackOf(spine)).room()).isEqualTo(RackLayout.Room.SPINE_ROOM);
        double alongToExit = 3.0 - 2.7;
        double inRoom = 0.3;
        assertThat(l.routeMeters(first(l, NodeKind.LEAF, 0), spine)).isCloseTo(VERTICAL + alongToExit + 20 + inRoom, within(1e-12));
        // the second leaf sits one unit higher: its vertical run is 1 U shorter
        assertThat(l.routeMeters(first(l, NodeKind.LEAF, 1), spine))
                .isCloseTo(VERTICAL - LayoutSpec.RACK_UNIT_METERS + alongToExit + 20 + inRoom, within(1e-12));
        assertThat(l.spineRoomRows()).isEqualTo(1);
        assertThat(l.networkRacks()).isEqualTo(2);
    }

    @Test
    void inOneRackOnlyTheVerticalDistanceCounts() {
        // NVL72 rack: 9 compute trays (U0-8), 9 switch trays (U9-17), 9 compute trays (U18-26), all 1 U
        ClusterTopology t = ClusterTopology.of(ClusterSpec.scaleUpOnly(72, ClusterDocument.preset("nvl72-rack").cluster().domain()));
        RackLayout l = RackLayout.place(t, ClusterDocument.preset("nvl72-rack").layout());
        Node gpu0 = gpu(l, 0);
        Node gpu71 = gpu(l, 71);
        Node tray0 = first(l, NodeKind.SCALE_UP_SWITCH, 0);
        assertThat(l.unitOf(gpu0)).isZero();
        assertThat(l.unitOf(tray0)).isEqualTo(9);
        assertThat(l.unitOf(gpu71)).isEqualTo(26);
        assertThat(l.routeMeters(gpu0, tray0)).isCloseTo(9 * LayoutSpec.RACK_UNIT_METERS, within(1e-12));
        assertThat(l.routeMeters(gpu71, tray0)).isCloseTo(17 * LayoutSpec.RACK_UNIT_METERS, within(1e-12));
        // longest: the top tray of GPUs to the lowest switch tray, 17 U; with slack 0.25 m + 10 %
        CablePlan plan = CablePlan.of(l, new GenerationMap(TechnologyMenu.standard().generations()));
        assertThat(plan.tiers().get(0).maxMeters()).isCloseTo(17 * LayoutSpec.RACK_UNIT_METERS * 1.1 + 0.25, within(1e-12));
        assertThat(plan.tiers().get(0).generation()).isEqualTo("1.6T");
        // 72 GPUs x 18 links x 2 lanes / 8 lanes per 1.6T link
        assertThat(plan.groups().stream().mapToLong(LinkGroup::count).sum()).isEqualTo(72 * 18 * 2 / 8);
        assertThat(List.of(plan.links("scale-up"))).containsExactly(72L * 18);
    }
}
