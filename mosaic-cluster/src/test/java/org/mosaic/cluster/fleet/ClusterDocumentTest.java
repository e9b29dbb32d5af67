package org.mosaic.cluster.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.layout.CountRule;
import org.mosaic.cluster.layout.Cooling;
import org.mosaic.cluster.layout.LayoutSpec;
import org.mosaic.cluster.layout.SwitchPlacement;
import org.mosaic.cluster.topology.FabricKind;
import org.mosaic.cluster.topology.FabricSpec;
import org.mosaic.cluster.topology.ScaleUpDomainSpec;
import org.mosaic.core.catalog.Catalog;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.catalog.Sources;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioException;

/** The kind: cluster documents (issue 13): the shipped clusters, their sources, and the one-pass strict binding. */
class ClusterDocumentTest {

    @Test
    void theShippedClustersHoldTheNumbersTheJavaPresetsHad_issue13() {
        // the values of the former TopologyPresets / LayoutPresets / FleetDefaults, now read from the YAML
        ClusterDocument nvl = ClusterDocument.preset("nvl72-rack");
        assertThat(nvl.cluster().gpus()).isEqualTo(72);
        assertThat(nvl.cluster().fabric()).isNull();
        assertThat(nvl.cluster().domain()).isEqualTo(new ScaleUpDomainSpec("NVL72", 72, 18, 2, 200e9, 9, 2, 72, false));
        assertThat(nvl.layout()).isEqualTo(new LayoutSpec("nvl72-rack", new LayoutSpec.Rack(132e3, 48, Cooling.LIQUID, 0.6, 1.2),
                new LayoutSpec.Equipment(6500.0 / 4, 4, 1, 3600.0 / 9, 1, 1000, 2), new LayoutSpec.Floor(24, 1.2, 2, 50, 2.6),
                SwitchPlacement.MIDDLE_OF_ROW, SwitchPlacement.END_OF_ROW, SwitchPlacement.SPINE_ROOM,
                new LayoutSpec.Cabling(0.25, 0.10, 0.25, CountRule.LANE_EQUIVALENT), false));
        assertThat(nvl.gpu()).isEqualTo("b200");

        ClusterDocument h100 = ClusterDocument.preset("h100-16k");
        assertThat(h100.cluster().gpus()).isEqualTo(16_384);
        assertThat(h100.cluster().domain()).isEqualTo(new ScaleUpDomainSpec("HGX H100", 8, 18, 2, 100e9, 1, 4, 64, true));
        assertThat(h100.cluster().fabric()).isEqualTo(new FabricSpec(FabricKind.RAIL_OPTIMIZED, 64, 3, 1, 1, 400e9, 4));
        assertThat(h100.layout()).isEqualTo(new LayoutSpec("h100-16k", new LayoutSpec.Rack(2 * 10.2e3, 42, Cooling.AIR, 0.6, 1.2),
                new LayoutSpec.Equipment(10.2e3 / 8, 8, 8, 0, 0, 1000, 1), new LayoutSpec.Floor(20, 1.2, 2, 50, 2.4),
                SwitchPlacement.MIDDLE_OF_ROW, SwitchPlacement.END_OF_ROW, SwitchPlacement.SPINE_ROOM,
                new LayoutSpec.Cabling(0.25, 0.10, 0.25, CountRule.LANE_EQUIVALENT), false));
        assertThat(h100.gpu()).isEqualTo("h100-sxm");

        ClusterDocument big = ClusterDocument.preset("cluster-100k");
        assertThat(big.cluster().gpus()).isEqualTo(100_000);
        assertThat(big.cluster().domain()).isEqualTo(nvl.cluster().domain());
        assertThat(big.cluster().fabric()).isEqualTo(new FabricSpec(FabricKind.FAT_TREE, 128, 3, 1, 1, 400e9, 4));
        assertThat(big.layout()).isEqualTo(nvl.layout().named("cluster-100k"));

        // economics: PUE 1.2, $0.078/kWh, Ofgem's typical British household (2,900 kWh/yr: 100 MW gives the claim's > 300,000 homes)
        for (ClusterDocument d : ClusterDocument.presets()) {
            assertThat(d.economics().pue()).isEqualTo(1.2);
            assertThat(d.economics().usdPerKwh()).isEqualTo(0.078);
            assertThat(d.economics().householdKwhPerYear()).isEqualTo(2900);
        }
        assertThat(FleetEconomics.defaults()).isEqualTo(big.economics());
    }

    @Test
    void everyNumberOfEveryShippedClusterHasASource_issue13() {
        for (String name : Documents.names(Documents.Kind.CLUSTER)) {
            var doc = Documents.preset(Documents.Kind.CLUSTER, name);
            assertThat(Catalog.unsourced(doc)).as(name + ": values without a provenance entry").isEmpty();
            for (Provenance p : Catalog.of(doc)) {
                assertThat(p.value()).as(name + " " + p.path() + " names a value of the document").isNotEqualTo("(not set)");
                assertThat(Sources.bibliography().problems(p.source())).as(name + " " + p.path()).isEmpty();
                if (p.confidence() == org.mosaic.core.catalog.Confidence.ASSUMED && p.value().matches("[0-9].*")) {
                    assertThat(p.source()).as(name + " " + p.path() + ": an assumed number carries a range").contains("range");
                }
            }
            assertThat(doc.tree().path("formatVersion").asInt()).isEqualTo(1);
            assertThat(doc.tree().path("description").asText()).as(name).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void everyProblemOfAClusterIsReportedAtOnceWithItsPath_issue13() {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("gpus", "many");
        bad.put("fabric.radix", "63");
        bad.put("layout.cooling", "water");
        bad.put("economics.pue", "0.5");
        bad.put("gpu", "h200");
        bad.put("layout.floor.aisle", "1 m");
        assertThatThrownBy(() -> ClusterDocument.load("h100-16k", bad)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("6 problems")
                .hasMessageContaining("gpus").hasMessageContaining("many")
                .hasMessageContaining("fabric").hasMessageContaining("63")
                .hasMessageContaining("layout.cooling").hasMessageContaining("air, liquid")
                .hasMessageContaining("economics.pue").hasMessageContaining("0.5")
                .hasMessageContaining("gpu").hasMessageContaining("h100-sxm")
                .hasMessageContaining("layout.floor.aisle").hasMessageContaining("aisleWidth");
    }

    @Test
    void aDocumentOfAnotherKindIsNotACluster_issue13() {
        assertThatThrownBy(() -> ClusterDocument.load("mosaic-800g", Map.of())).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("unknown cluster preset").hasMessageContaining("h100-16k");
        assertThatThrownBy(() -> ClusterDocument.bind(org.mosaic.core.scenario.ScenarioDocument.preset("mosaic-800g")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("kind cable").hasMessageContaining("cluster");
    }
}
