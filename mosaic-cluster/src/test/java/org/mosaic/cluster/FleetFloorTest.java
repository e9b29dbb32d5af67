package org.mosaic.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.ClusterTopology;

/** Issue 20's fleet floor: racks where the layout put them, and links by rack pair and technology as the fleet model counts them. */
class FleetFloorTest {
    static final TechnologyMenu MENU = TechnologyMenu.standard();

    @Test
    void racksHaveDistinctPositionsInsideTheirRoomsAndLinksAddUpToTheFleetModelsCounts() {
        for (String cluster : new String[] {"nvl72-rack", "h100-16k"}) {
            ClusterDocument doc = ClusterDocument.preset(cluster);
            RackLayout placed = RackLayout.place(ClusterTopology.of(doc.cluster()), doc.layout());
            for (Policy policy : new Policy[] {Policy.today(), Policy.mosaic()}) {
                FleetFloor f = FleetFloor.of(placed, policy, MENU);
                FleetModel.Result r = FleetModel.evaluate(placed, policy, MENU, FleetEconomics.defaults());
                String at = cluster + " under " + policy.name();
                // positions: one rack per (room, row, position), inside its room's rows, ids 0..n-1 in order
                assertThat(f.racks()).as(at).hasSize(r.racks());
                assertThat(f.racks().stream().filter(s -> s.kind() == RackLayout.RackKind.GPU).count()).as(at).isEqualTo(r.gpuRacks());
                Set<String> spots = new HashSet<>();
                for (int i = 0; i < f.racks().size(); i++) {
                    RackLayout.RackSlot s = f.racks().get(i);
                    assertThat(s.id()).isEqualTo(i);
                    assertThat(spots.add(s.room() + " " + s.row() + " " + s.position())).as(at + ": rack " + s.id() + " alone at its spot").isTrue();
                    assertThat(s.row()).isBetween(0, (s.room() == RackLayout.Room.HALL ? f.hallRows() : f.spineRoomRows()) - 1);
                    assertThat(s.position()).isBetween(0, f.racksPerRow());
                }
                // links: every rack id on the floor, and per tier the topology links the fleet model counts
                Map<String, Long> perTier = new LinkedHashMap<>();
                long total = 0;
                for (FleetFloor.RackLinks l : f.links()) {
                    assertThat(l.from()).isBetween(0, l.to());
                    assertThat(l.to()).isLessThan(f.racks().size());
                    perTier.merge(l.tier(), l.links(), Long::sum);
                    total += l.links();
                }
                assertThat(perTier).as(at).isEqualTo(r.topologyLinks());
                assertThat(f.linksByTechnology().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
                // technologies: per tier, exactly those the fleet model gave cables (on-board traces apart)
                for (String tier : r.topologyLinks().keySet()) {
                    Set<String> floorTechs = new HashSet<>();
                    f.links().stream().filter(l -> l.tier().equals(tier) && !l.technology().equals(FleetModel.ON_BOARD))
                            .forEach(l -> floorTechs.add(l.technology()));
                    Set<String> modelTechs = new HashSet<>(r.links().getOrDefault(tier, Map.of()).keySet());
                    if (r.unservedLinks() > 0) {
                        floorTechs.remove(FleetFloor.UNSERVED);
                    }
                    assertThat(floorTechs).as(at + " " + tier).isEqualTo(modelTechs);
                }
                assertThat(f.linksByTechnology().getOrDefault(FleetModel.ON_BOARD, 0L)).isEqualTo(r.onBoardLinks());
            }
        }
    }
}
