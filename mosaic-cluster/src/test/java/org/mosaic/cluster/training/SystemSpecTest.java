package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;

class SystemSpecTest {

    /**
     * The selene document is the network Table 5 is validated on: 300 GB/s × 0.65 (Calculon's current system file), 3.4 µs
     * per ring step (NCCL's NVLink ring latency); 25 GB/s × 0.9, 14 µs (NCCL's network ring latency); 8 A100 per node.
     */
    @Test
    void seleneIsTheTableFiveNetwork_issue13() {
        SystemSpec s = SystemSpec.preset("selene");
        assertThat(s.gpu()).isEqualTo(GpuSpec.A100_80G);
        assertThat(s.gpusPerNode()).isEqualTo(8);
        assertThat(s.scaleUp().cost().bandwidthBytesPerSecond()).isEqualTo(300e9 * 0.65);
        assertThat(s.scaleUp().cost().latencySeconds()).isCloseTo(3.4e-6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(s.scaleOut().cost().bandwidthBytesPerSecond()).isEqualTo(25e9 * 0.9);
        assertThat(s.scaleOut().cost().latencySeconds()).isCloseTo(14e-6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(PublishedRuns.selene(64).network().scaleUpGpus()).isEqualTo(8);
        SystemSpec l = SystemSpec.preset("llama3-h100");
        assertThat(l.gpus()).isEqualTo(16384);
        assertThat(l.scaleUp().cost().bandwidthBytesPerSecond()).isCloseTo(370e9, org.assertj.core.api.Assertions.within(1e6));
        assertThat(l.scaleOut().cost().bandwidthBytesPerSecond()).isCloseTo(47e9, org.assertj.core.api.Assertions.within(1e3));
    }

    /** The Selene NVLink efficiency is the current Calculon revision's, and says so (issue 16; the older revision's 0.6 is named). */
    @Test
    void seleneProvenanceSaysTheCurrentCalculonRevision_issue16() {
        assertThat(SystemSpec.provenance()).filteredOn(p -> p.path().equals("training.system.selene.scaleUp.efficiency"))
                .singleElement().satisfies(p -> {
                    assertThat(p.value()).isEqualTo("0.65");
                    assertThat(p.source()).contains("current revision").contains("0.65");
                    assertThat(p.note()).contains("4f81f02").contains("0.6");
                });
        assertThat(SystemSpec.provenance()).filteredOn(p -> p.path().startsWith("training.system.selene.") && p.path().endsWith(".latency"))
                .hasSize(2).allSatisfy(p -> assertThat(p.source()).contains("[nccl-tuning]"));
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
