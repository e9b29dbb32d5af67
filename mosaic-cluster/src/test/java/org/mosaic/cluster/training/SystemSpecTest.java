package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;

class SystemSpecTest {

    /** The selene document is the network Table 5 is validated on: 300 GB/s × 0.6, 1 µs; 25 GB/s × 0.9, 2 µs; 8 A100 per node. */
    @Test
    void seleneIsTheTableFiveNetwork_issue13() {
        SystemSpec s = SystemSpec.preset("selene");
        assertThat(s.gpu()).isEqualTo(GpuSpec.A100_80G);
        assertThat(s.gpusPerNode()).isEqualTo(8);
        assertThat(s.scaleUp().cost().bandwidthBytesPerSecond()).isEqualTo(300e9 * 0.6);
        assertThat(s.scaleUp().cost().latencySeconds()).isEqualTo(1e-6);
        assertThat(s.scaleOut().cost().bandwidthBytesPerSecond()).isEqualTo(25e9 * 0.9);
        assertThat(s.scaleOut().cost().latencySeconds()).isEqualTo(2e-6);
        assertThat(PublishedRuns.selene(64).network().scaleUpGpus()).isEqualTo(8);
        SystemSpec l = SystemSpec.preset("llama3-h100");
        assertThat(l.gpus()).isEqualTo(16384);
        assertThat(l.scaleUp().cost().bandwidthBytesPerSecond()).isCloseTo(370e9, org.assertj.core.api.Assertions.within(1e6));
        assertThat(l.scaleOut().cost().bandwidthBytesPerSecond()).isCloseTo(47e9, org.assertj.core.api.Assertions.within(1e3));
    }

    /** The provenance tells the true story of the Selene NVLink numbers (issue 16): an older Calculon revision, not the current one. */
    @Test
    void seleneProvenanceSaysTheOlderCalculonRevision_issue13() {
        assertThat(SystemSpec.provenance()).filteredOn(p -> p.path().equals("training.system.selene.scaleUp.efficiency"))
                .singleElement().satisfies(p -> assertThat(p.source()).contains("older revision").contains("0.65"));
    }

    @Test
    void anInlineGpuIsTheSameAsItsPresetName_issue13() {
        ScenarioDocument sel = Documents.preset(Documents.Kind.SYSTEM, "selene");
        String gpu = Documents.preset(Documents.Kind.GPU, "a100-80g").toYaml().replace("---\n", "").replaceAll("(?m)^", "  ");
        String inline = sel.toYaml().replace("gpu: \"a100-80g\"", "gpu:\n" + gpu);
        SystemSpec s = SystemSpec.from(ScenarioDocument.parse("inline", inline, true));
        assertThat(s).isEqualTo(SystemSpec.preset("selene"));
    }

    @Test
    void unknownKeysAtAnyDepthAreRefusedWithTheClosest_issue13() {
        ScenarioDocument sel = Documents.preset(Documents.Kind.SYSTEM, "selene");
        assertThatThrownBy(() -> SystemSpec.from(sel.with("scaleUp.latncy", "1 us").with("gpusPerNod", "8")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("scaleUp.latncy").hasMessageContaining("did you mean scaleUp.latency")
                .hasMessageContaining("gpusPerNod").hasMessageContaining("did you mean gpusPerNode");
        assertThatThrownBy(() -> SystemSpec.from(sel.with("gpu", "a100")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("a100-80g");
        assertThatThrownBy(() -> SystemSpec.from(sel.with("scaleOut.bandwidth", "25")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("scaleOut.bandwidth");
        assertThatThrownBy(() -> PublishedRuns.LLAMA3.system(20000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16,384");
    }
}
