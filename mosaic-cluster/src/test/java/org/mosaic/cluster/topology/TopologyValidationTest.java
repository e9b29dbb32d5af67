package org.mosaic.cluster.topology;

import org.mosaic.cluster.fleet.ClusterDocument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.mosaic.core.catalog.Provenance;
import org.junit.jupiter.api.Test;

/** Bad input gets a message naming the value, what was expected and a hint. */
class TopologyValidationTest {

    private static FabricSpec fatTree(int k, int tiers, double r) {
        return new FabricSpec(FabricKind.FAT_TREE, k, tiers, r, 1, 400e9, 4);
    }

    @Test
    void radixTooSmallSaysWhichRadixFits() {
        // 100k endpoints: k³/4 ≥ 100,000 first at k = 74 (72 → 93,312; 74 → 101,306)
        assertThatThrownBy(() -> new ClusterSpec(100_000, ScaleUpDomainSpec.single(), fatTree(64, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100000 GPUs")
                .hasMessageContaining("expected at most 65536")
                .hasMessageContaining("radix >= 74 with 3 tier(s) fits");
        // 2 tiers of 64 ports hold 2,048; 3 tiers would hold 65,536
        assertThatThrownBy(() -> new ClusterSpec(4_096, ScaleUpDomainSpec.single(), fatTree(64, 2, 1)))
                .hasMessageContaining("expected at most 2048")
                .hasMessageContaining("or 3 tiers of radix 64 (hold 65536)");
        // exactly at capacity is fine
        assertThat(new ClusterSpec(65_536, ScaleUpDomainSpec.single(), fatTree(64, 3, 1)).gpus()).isEqualTo(65_536);
    }

    @Test
    void badFabricParameters() {
        assertThatThrownBy(() -> fatTree(63, 2, 1)).hasMessageContaining("63 is odd")
                .hasMessageContaining("62 or 64");
        assertThatThrownBy(() -> fatTree(64, 2, 0.5)).hasMessageContaining("oversubscription 0.5")
                .hasMessageContaining(">= 1");
        assertThatThrownBy(() -> fatTree(64, 2, Double.NaN)).hasMessageContaining("oversubscription NaN");
        assertThatThrownBy(() -> fatTree(64, 4, 1)).hasMessageContaining("tiers = 4");
        assertThatThrownBy(() -> fatTree(64, 1, 2)).hasMessageContaining("single switch has no uplinks");
        assertThatThrownBy(() -> new FabricSpec(FabricKind.RAIL_OPTIMIZED, 64, 1, 1, 1, 4e11, 4))
                .hasMessageContaining("rail-optimized fabric with 1 tier");
        assertThatThrownBy(() -> new FabricSpec(FabricKind.FAT_TREE, 64, 2, 1, 0, 4e11, 4))
                .hasMessageContaining("NICs per GPU = 0");
        assertThatThrownBy(() -> new FabricSpec(FabricKind.FAT_TREE, 64, 2, 1, 1, 0, 4))
                .hasMessageContaining("port rate 0.0");
    }

    @Test
    void badClusterAndDomain() {
        assertThatThrownBy(() -> new ClusterSpec(0, ClusterDocument.preset("nvl72-rack").cluster().domain(), null)).hasMessageContaining("GPUs = 0")
                .hasMessageContaining("expected 1 to");
        assertThatThrownBy(() -> new ClusterSpec(10, null, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("scale-up domain is null");
        // 72 GPUs × ⌈18/9⌉ = 144 ports on the busiest chip of 72
        assertThatThrownBy(() -> new ScaleUpDomainSpec("x", 72, 18, 2, 2e11, 9, 1, 72))
                .hasMessageContaining("needs 144 ports").hasMessageContaining("expected at most 72");
        assertThatThrownBy(() -> new ScaleUpDomainSpec("x", 8, 0, 0, 0, 0, 0, 0))
                .hasMessageContaining("has no scale-up switch");
        assertThatThrownBy(() -> new ScaleUpDomainSpec("x", 8, 18, 2, 1e11, 0, 4, 64))
                .hasMessageContaining("expected both 0");
        // a rail-optimized fabric needs at least one whole rail group: 72 rails cannot fit one 2-tier k=8 fabric
        assertThatThrownBy(() -> new ClusterSpec(72, ClusterDocument.preset("nvl72-rack").cluster().domain(),
                new FabricSpec(FabricKind.RAIL_OPTIMIZED, 8, 2, 1, 1, 4e11, 4)))
                .hasMessageContaining("expected at most 0 GPUs").hasMessageContaining("72 rails");
    }

    @Test
    void everyPresetNumberHasASource() {
        for (Provenance p : ClusterDocument.presetProvenance()) {
            assertThat(org.mosaic.core.catalog.Sources.bibliography().problems(p.source())).as(p.path()).isEmpty();
            assertThat(p.value()).isNotBlank();
            assertThat(p.confidence()).isNotNull();
        }
        assertThat(ClusterDocument.presetProvenance()).extracting(Provenance::path).doesNotHaveDuplicates();
    }
}
