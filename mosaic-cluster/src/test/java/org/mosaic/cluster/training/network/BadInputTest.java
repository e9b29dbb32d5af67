package org.mosaic.cluster.training.network;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.topology.FabricKind;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.LinkCost;

/** Bad input is refused with a message naming the value, what was expected and a hint. */
class BadInputTest {

    @Test
    void groupsMustBePositiveAndFitTheCluster() {
        TrainingCluster c = NetFixtures.oversubscribed();
        assertThatThrownBy(() -> c.forGroup(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group of 0 ranks at stride 1").hasMessageContaining("expected both >= 1");
        assertThatThrownBy(() -> c.fabric(4, -2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stride -2");
        assertThatThrownBy(() -> c.bisectionBytesPerSecond(7, 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spans 49 GPUs").hasMessageContaining("at most the 48 GPUs").hasMessageContaining("hint");
        assertThatThrownBy(() -> c.group(50_000, 50_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spans 2500000000 GPUs");
    }

    @Test
    void presetsPoliciesAndGpuCountsAreChecked() {
        assertThatThrownBy(() -> TrainingClusters.of("h100-32k", Policy.today())).isInstanceOf(org.mosaic.core.scenario.ScenarioException.class)
                .hasMessageContaining("h100-32k").hasMessageContaining("h100-16k");
        assertThatThrownBy(() -> TrainingClusters.of("h100-16k", GpuSpec.H100_SXM, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy is null");
        assertThatThrownBy(() -> TrainingClusters.of("h100-16k", null, Policy.today())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GPU null");
        // the SuperPOD fabric (3 tiers of 64 ports, rail-optimized) holds 65,536 GPUs
        assertThatThrownBy(() -> TrainingClusters.of("h100-16k", GpuSpec.H100_SXM, Policy.today(), 70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000 GPUs").hasMessageContaining("expected at most");
    }

    @Test
    void aClusterWithoutFabricRefusesFabricCosts() {
        TrainingCluster c = TrainingClusters.of("nvl72-rack", Policy.today());
        assertThatThrownBy(() -> c.fabric(8, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no scale-out fabric").hasMessageContaining("hint");
    }

    @Test
    void assumptionsAreValidated() {
        NetworkAssumptions d = NetworkAssumptions.defaults();
        assertThatThrownBy(() -> new NetworkAssumptions(1.2, 0.94, 7e-7, 1e-7, 1e-6, 5e-7, 5e-9, 1, 256, 576))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale-up achievable fraction 1.2")
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new NetworkAssumptions(0.8, 0.94, -1, 1e-7, 1e-6, 5e-7, 5e-9, 1, 256, 576))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale-up step latency -1");
        assertThatThrownBy(() -> d.withCoreOversubscription(0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("core oversubscription 0.5").hasMessageContaining("1:7");
        assertThatThrownBy(() -> new ScaleOutFabric(FabricKind.FAT_TREE, 2, 8, 1, 32, 0, 4, 4, 50e9, 0.94, 1,
                new ScaleOutFabric.Latency(1e-6, 5e-7, 5e-9, 0, 0, 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaf up ports 0");
        assertThatThrownBy(() -> new ScaleOutFabric.Latency(1e-6, Double.NaN, 5e-9, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }

    @Test
    void recordsRefuseInconsistentNumbers() {
        TrainingCluster c = NetFixtures.oversubscribed();
        assertThatThrownBy(() -> new TrainingCluster(c.name(), c.gpu(), c.gpus(), 96, c.scaleUp(), c.fabric(), c.scaleUpChoice(), c.failures(),
                c.assumptions(), false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale-up domain of 96 GPUs")
                .hasMessageContaining("48");
        // a fabric too small for the GPUs
        ScaleOutFabric small = new ScaleOutFabric(FabricKind.FAT_TREE, 2, 2, 1, 6, 2, 4, 4, 50e9, 0.94, 1, c.fabric().latency());
        assertThatThrownBy(() -> new TrainingCluster(c.name(), c.gpu(), c.gpus(), 2, new LinkCost(0, 1e9), small, c.scaleUpChoice(),
                c.failures(), c.assumptions(), false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 8 leaves")
                .hasMessageContaining("has 4");
        assertThatThrownBy(() -> c.failures().perHour(49)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job of 49 GPUs").hasMessageContaining("48");
        assertThatThrownBy(() -> new InterconnectFailures(48, Map.of("scale-up", 1e-6), 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gpu-leaf");
    }
}
