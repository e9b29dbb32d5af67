package org.mosaic.cluster.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.cluster.topology.ClusterTopology;
import org.mosaic.cluster.topology.FabricKind;
import org.mosaic.cluster.topology.FabricSpec;
import org.mosaic.cluster.topology.LinkClass;
import org.mosaic.cluster.topology.LinkTier;
import org.mosaic.cluster.topology.Node;
import org.mosaic.cluster.topology.NodeKind;
import org.mosaic.cluster.topology.ScaleUpDomainSpec;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.junit.jupiter.api.Test;

/** Placement: every vertex once, nothing overlapping, domains in racks by power, clear errors. */
class PlacementTest {

    /** Every GPU in one GPU rack, no two devices in the same units of a rack, every rack within its units. */
    static void assertPlacedOnce(RackLayout l) {
        LayoutSpec.Equipment eq = l.spec().equipment();
        int units = l.spec().rack().units();
        // rack -> unit -> occupant key; a server's GPUs share their server's units
        List<TreeMap<Integer, String>> used = new ArrayList<>();
        for (int i = 0; i < l.racks().size(); i++) {
            used.add(new TreeMap<>());
        }
        int[] gpusPerRack = new int[l.racks().size()];
        for (Node v : l.topology().graph().vertexSet()) {
            int rack = l.rackOf(v);
            assertThat(rack).isBetween(0, l.racks().size() - 1);
            int h;
            String key;
            switch (v.kind()) {
                case GPU -> {
                    assertThat(l.racks().get(rack).kind()).isEqualTo(RackLayout.RackKind.GPU);
                    gpusPerRack[rack]++;
                    h = eq.serverUnits();
                    key = "server " + v.group() + "." + v.index() / eq.gpusPerServer();
                }
                case SCALE_UP_SWITCH -> {
                    if (eq.scaleUpTrayUnits() == 0) {
                        continue; // on the baseboard of a server
                    }
                    h = eq.scaleUpTrayUnits();
                    key = v.toString();
                }
                default -> {
                    h = eq.fabricSwitchUnits();
                    key = v.toString();
                }
            }
            int u0 = l.unitOf(v);
            assertThat(u0).isGreaterThanOrEqualTo(0);
            assertThat(u0 + h).isLessThanOrEqualTo(units);
            for (int u = u0; u < u0 + h; u++) {
                String prev = used.get(rack).putIfAbsent(u, key);
                assertThat(prev == null || prev.equals(key)).as("rack %d unit %d: %s and %s", rack, u, prev, key).isTrue();
            }
        }
        int total = 0;
        for (int i = 0; i < l.gpuRacks(); i++) {
            total += gpusPerRack[i];
        }
        assertThat(total).isEqualTo(l.topology().spec().gpus());
        for (RackLayout.RackSlot r : l.racks()) {
            assertThat(r.unitsUsed()).isLessThanOrEqualTo(units);
            assertThat(r.powerWatts()).isLessThanOrEqualTo(l.spec().rack().powerBudgetWatts() * (1 + 1e-12));
        }
    }

    @Test
    void everyVertexOfThe16kH100ClusterIsPlacedOnce() {
        RackLayout l = RackLayout.place(ClusterTopology.of(ClusterDocument.preset("h100-16k").cluster()), ClusterDocument.preset("h100-16k").layout());
        assertPlacedOnce(l);
        // 16 GPUs per 20.4 kW rack (Meta's Llama 3 racks, [llama3-2024]): 16,384 / 16 = 1,024 GPU racks
        assertThat(l.gpuRacks()).isEqualTo(1024);
        assertThat(l.fit().domainsPerRack()).isEqualTo(2);
        // 16 GPU racks per row of 20 -> 64 rows
        assertThat(l.hallRows()).isEqualTo(64);
    }

    @Test
    void aPartialLastDomainAndTopOfRackLeavesArePlacedOnce() {
        // 100 GPUs in 8-GPU domains (last one 4 GPUs), 16-port leaves on top of the racks
        ClusterSpec spec = new ClusterSpec(100, ClusterDocument.preset("h100-16k").cluster().domain(), new FabricSpec(FabricKind.FAT_TREE, 16, 2, 1, 1, 400e9, 4));
        LayoutSpec l = ClusterDocument.preset("h100-16k").layout();
        LayoutSpec tor = new LayoutSpec("tor", new LayoutSpec.Rack(25e3, 42, Cooling.AIR, 0.6, 1.2),
                l.equipment(), l.floor(), SwitchPlacement.TOP_OF_RACK, SwitchPlacement.END_OF_ROW, SwitchPlacement.SPINE_ROOM,
                l.cabling(), false);
        RackLayout placed = RackLayout.place(ClusterTopology.of(spec), tor);
        assertPlacedOnce(placed);
        // 13 domains, 2 per rack -> 7 GPU racks
        assertThat(placed.gpuRacks()).isEqualTo(7);
    }

    @Test
    void aDomainTooLargeForTheRackIsAnErrorWithTheNumbers() {
        LayoutSpec dense40 = ClusterDocument.preset("nvl72-rack").layout().spreadOver(40e3).withSpreadDomains(false);
        assertThatThrownBy(() -> RackLayout.place(ClusterTopology.of(ClusterDocument.preset("nvl72-rack").cluster()), dense40))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("72 GPUs x 1.625 kW + 9 trays x 0.4 kW = 120.6 kW > 40 kW rack budget")
                .hasMessageContaining("spread the domain over 4 racks")
                .hasMessageContaining("raise the rack budget to >= 120.6 kW (LIQUID cooling)");
    }

    @Test
    void aSpreadDomainTakesTheFewestRacksWithinBudget() {
        // 18 compute trays of 6.5 kW, 9 switch trays of 0.4 kW (3.6 kW) in the middle rack, budget 40 kW:
        // 3 racks: 6 trays = 39 kW, the middle one 39 + 3.6 = 42.6 kW > 40 -> no; 4 racks: 5, 5, 4(+3.6), 4 trays
        RackLayout l = RackLayout.place(ClusterTopology.of(ClusterDocument.preset("nvl72-rack").cluster()), ClusterDocument.preset("nvl72-rack").layout().spreadOver(40e3));
        assertThat(l.fit().racksPerDomain()).isEqualTo(4);
        assertThat(l.racks()).extracting(RackLayout.RackSlot::powerWatts)
                .containsExactly(32_500.0, 32_500.0, 29_600.0, 26_000.0);
        assertPlacedOnce(l);
        // scale-up links now cross racks: the longest goes from rack 0 to rack 2 over the tray
        Node gpu0 = l.topology().graph().nodes(NodeKind.GPU).get(0);
        Node tray0 = l.topology().graph().nodes(NodeKind.SCALE_UP_SWITCH).get(0);
        assertThat(l.rackOf(gpu0)).isZero();
        assertThat(l.rackOf(tray0)).isEqualTo(2);
        double z = 0.5 * LayoutSpec.RACK_UNIT_METERS;
        double zTray = (2 + 0.5) * LayoutSpec.RACK_UNIT_METERS; // rack 2: 2 compute trays, then the switch trays
        assertThat(l.routeMeters(gpu0, tray0)).isCloseTo((2.6 - z) + (2.6 - zTray) + 2 * 0.6, within(1e-12));
    }

    @Test
    void topOfRackSwitchesOverTheBudgetAreAnError() {
        // one 1 kW GPU per 1.4 kW rack; a 0.5 kW leaf on top of it makes 1.5 kW
        ClusterTopology t = CableLengthTest.oneLeaf();
        assertThatThrownBy(() -> RackLayout.place(t, CableLengthTest.small(5, SwitchPlacement.TOP_OF_RACK, SwitchPlacement.SPINE_ROOM, 1400)))
                .hasMessageContaining("1.5 kW with 1 top-of-rack switch(es)")
                .hasMessageContaining("expected at most 10 U and 1.4 kW");
        RackLayout ok = RackLayout.place(t, CableLengthTest.small(5, SwitchPlacement.TOP_OF_RACK, SwitchPlacement.SPINE_ROOM, 1500));
        assertPlacedOnce(ok);
        // the leaf sits at the top (unit 9) of the rack of its median GPU (GPU 2)
        Node leaf = t.graph().nodes(NodeKind.LEAF).get(0);
        assertThat(ok.rackOf(leaf)).isEqualTo(ok.rackOf(t.graph().nodes(NodeKind.GPU).get(2)));
        assertThat(ok.unitOf(leaf)).isEqualTo(9);
    }

    @Test
    void fullNetworkRacksSpillIntoTheNearestRowAndRunningOutIsAnError() {
        // 8 single GPUs, one per rack; rows of 3 (GPU racks at 0 and 2, one mid-row network rack of 10 U): 4 rows.
        // 2 tiers of 4-port switches: 4 leaves (leaf l serves GPUs 2l, 2l+1: median GPU 2l+1, row l), 2 spines
        // (median leaf = leaf 2, row 2).
        ClusterTopology t = ClusterTopology.of(new ClusterSpec(8, ScaleUpDomainSpec.single(),
                new FabricSpec(FabricKind.FAT_TREE, 4, 2, 1, 1, 400e9, 4)));
        LayoutSpec s = CableLengthTest.small(3, SwitchPlacement.MIDDLE_OF_ROW, SwitchPlacement.MIDDLE_OF_ROW, 1000);
        // 5 U switches: 2 per network rack. Row 2 takes leaf 2 and spine 0; spine 1 spills to row 1 (lower row first)
        LayoutSpec five = new LayoutSpec("five", s.rack(), new LayoutSpec.Equipment(1000, 1, 1, 0, 0, 500, 5), s.floor(), s.leaf(),
                s.spine(), s.core(), s.cabling(), false);
        RackLayout l = RackLayout.place(t, five);
        assertPlacedOnce(l);
        assertThat(l.hallRows()).isEqualTo(4);
        List<Node> spines = t.graph().nodes(NodeKind.SPINE);
        assertThat(l.racks().get(l.rackOf(spines.get(0))).row()).isEqualTo(2);
        assertThat(l.racks().get(l.rackOf(spines.get(1))).row()).isEqualTo(1);
        // 10 U switches: 1 per rack, 4 rows hold 4 of the 6 switches
        LayoutSpec ten = new LayoutSpec("ten", s.rack(), new LayoutSpec.Equipment(1000, 1, 1, 0, 0, 500, 10), s.floor(), s.leaf(),
                s.spine(), s.core(), s.cabling(), false);
        assertThatThrownBy(() -> RackLayout.place(t, ten)).hasMessageContaining("no room for SPINE")
                .hasMessageContaining("4 rows x 1 racks x 1 switches (10 U, 500 W each) fit 4 switches");
        // switches of 20 U in 10 U racks are refused by the spec
        assertThatThrownBy(() -> new LayoutSpec("big", s.rack(), new LayoutSpec.Equipment(1000, 1, 1, 0, 0, 500, 20), s.floor(),
                s.leaf(), s.spine(), s.core(), s.cabling(), false)).hasMessageContaining("does not fit a 10 U rack");
    }

    @Test
    void specErrorsNameTheValue() {
        LayoutSpec s = ClusterDocument.preset("nvl72-rack").layout();
        assertThatThrownBy(() -> s.withRack(new LayoutSpec.Rack(120e3, 48, Cooling.AIR, 0.6, 1.2)))
                .hasMessageContaining("rack budget 120.0 kW with AIR cooling — expected at most 50 kW");
        assertThatThrownBy(() -> new LayoutSpec.Rack(-1, 42, Cooling.AIR, 0.6, 1.2)).hasMessageContaining("rack power budget -1.0 W");
        assertThatThrownBy(() -> new LayoutSpec(s.name(), s.rack(), s.equipment(), new LayoutSpec.Floor(24, 1.2, 2, 50, 1.0), s.leaf(),
                s.spine(), s.core(), s.cabling(), false)).hasMessageContaining("cable tray at 1.000 m is below the top of a 48 U rack");
        assertThatThrownBy(() -> new LayoutSpec(s.name(), s.rack(), s.equipment(), s.floor(), s.leaf(), SwitchPlacement.TOP_OF_RACK,
                s.core(), s.cabling(), false)).hasMessageContaining("only leaves sit at the top of a GPU rack");
        assertThatThrownBy(() -> new LayoutSpec(s.name(), s.rack(), s.equipment(), s.floor(), s.leaf(), SwitchPlacement.SPINE_ROOM,
                SwitchPlacement.END_OF_ROW, s.cabling(), false)).hasMessageContaining("spine room too");
        assertThatThrownBy(() -> new LayoutSpec.Cabling(0, 1.5, 0.5, CountRule.LANE_EQUIVALENT)).hasMessageContaining("slack fraction 1.5");
    }

    @Test
    void generationsFollowTheLaneRate() {
        GenerationMap m = new GenerationMap(TechnologyMenu.standard().generations());
        assertThat(m.generationOf(new LinkClass(LinkTier.LEAF_ACCESS, 4, 100e9)).name()).isEqualTo("800G");
        assertThat(m.generationOf(new LinkClass(LinkTier.LEAF_ACCESS, 8, 100e9)).name()).isEqualTo("800G");
        assertThat(m.generationOf(new LinkClass(LinkTier.SCALE_UP, 2, 200e9)).name()).isEqualTo("1.6T");
        assertThat(m.generationOf(new LinkClass(LinkTier.LEAF_SPINE, 16, 200e9)).name()).isEqualTo("3.2T");
        assertThat(m.generationOf(new LinkClass(LinkTier.LEAF_SPINE, 32, 100e9)).name()).isEqualTo("800G");
        assertThatThrownBy(() -> m.generationOf(new LinkClass(LinkTier.LEAF_SPINE, 4, 50e9)))
                .hasMessageContaining("no host generation has 50 Gb/s lanes").hasMessageContaining("800G (8 x 100G)");
    }
}
