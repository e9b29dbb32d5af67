package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;

class GpuSpecTest {
    private static final GpuSpec.KernelEfficiency FLAT = new GpuSpec.KernelEfficiency(List.of(new GpuSpec.Step(0, 1)),
            List.of(new GpuSpec.Step(0, 1)));

    /** [nvidia-a100-datasheet], [nvidia-h100-datasheet]: dense BF16 peaks A100 312 and H100 SXM 989 TFLOP/s (exact published values). */
    @Test
    void peaksMatchReference() {
        assertThat(GpuSpec.byName("a100-80g").peakBf16FlopsPerSecond()).isEqualTo(312e12);
        assertThat(GpuSpec.byName("h100-sxm").peakBf16FlopsPerSecond()).isEqualTo(989e12);
        assertThat(GpuSpec.presets()).extracting(GpuSpec::name).containsExactly("a100-80g", "h100-sxm", "b200", "h200-sxm");
        assertThat(GpuSpec.provenance()).isNotEmpty();
    }

    /** The shipped documents hold Calculon's published tables ([calculon-sc23] systems/a100_80g.json): the step model's costs. */
    @Test
    void theGpuDocumentsHoldCalculonsKernelTables_issue13() {
        KernelCosts k = KernelCosts.of(GpuSpec.A100_80G);
        assertThat(k.flopThresholds()).containsExactly(128e9, 16e9, 1e9, 0);
        assertThat(k.flopEfficiencies()).containsExactly(0.95, 0.9, 0.6, 0.1);
        assertThat(k.byteThresholds()).containsExactly(100e6, 10e6, 1e6, 0);
        assertThat(k.byteEfficiencies()).containsExactly(0.9, 0.75, 0.6, 0.3);
        assertThat(GpuSpec.A100_80G.hbmBandwidthBytesPerSecond()).isEqualTo(2039e9);
        assertThat(GpuSpec.B200.hbmCapacityBytes()).isEqualTo(180e9);
        assertThat(GpuSpec.B200.peakBf16FlopsPerSecond()).isEqualTo(2.25e15);
    }

    /** Each generation is faster and no smaller than the last (a typo of a factor 1000 would break this). */
    @Test
    void generationsAreOrdered() {
        GpuSpec[] g = {GpuSpec.A100_80G, GpuSpec.H100_SXM, GpuSpec.B200};
        for (int i = 1; i < g.length; i++) {
            assertThat(g[i].peakBf16FlopsPerSecond()).isGreaterThan(g[i - 1].peakBf16FlopsPerSecond());
            assertThat(g[i].hbmBandwidthBytesPerSecond()).isGreaterThan(g[i - 1].hbmBandwidthBytesPerSecond());
            assertThat(g[i].hbmCapacityBytes()).isGreaterThanOrEqualTo(g[i - 1].hbmCapacityBytes());
        }
    }

    @Test
    void invalidValuesAreRejected() {
        assertThatThrownBy(() -> new GpuSpec("x", -1, 1, 1, FLAT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("peakBf16FlopsPerSecond -1");
        assertThatThrownBy(() -> new GpuSpec("x", 1, Double.NaN, 1, FLAT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> GpuSpec.byName("tpu")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b200");
    }

    /** A preset written out and read back is the same GPU (the document is the whole preset). */
    @Test
    void aGpuPresetRoundTripsThroughItsYaml_issue13() {
        for (String n : GpuSpec.names()) {
            ScenarioDocument doc = Documents.preset(Documents.Kind.GPU, n);
            assertThat(GpuSpec.from(ScenarioDocument.parse("copy", doc.toYaml(), true))).isEqualTo(GpuSpec.preset(n));
        }
    }

    /** Every problem at once, unknown keys at any depth with the closest known key, units required. */
    @Test
    void aBadGpuDocumentIsRefusedWithEveryProblem_issue13() {
        ScenarioDocument h100 = Documents.preset(Documents.Kind.GPU, "h100-sxm");
        assertThatThrownBy(() -> GpuSpec.from(h100.with("hbm.bandwith", "3 TB/s").with("peek.bf16", "1 PFLOP/s")
                .with("hbm.capacity", "80")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("hbm.bandwith").hasMessageContaining("did you mean hbm.bandwidth")
                .hasMessageContaining("peek").hasMessageContaining("hbm.capacity");
        // issue 16: bf16, fp8 and fp32 are read; another type is refused with the closest
        assertThatThrownBy(() -> GpuSpec.from(h100.with("peak.fp16", "989 TFLOP/s")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("peak.fp16").hasMessageContaining("bf16, fp8 or fp32");
        assertThatThrownBy(() -> GpuSpec.from(Documents.preset(Documents.Kind.GPU, "a100-80g").with("kernelEfficiency.matrixFp8",
                "[{atLeast: \"0 FLOP\", efficiency: 0.5}]")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("kernelEfficiency.matrixFp8");
        String text = h100.toYaml().replace("efficiency: 0.75", "efficency: 0.75");
        assertThatThrownBy(() -> GpuSpec.from(ScenarioDocument.parse("t", text, true)))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("kernelEfficiency.hbm[1].efficency")
                .hasMessageContaining("did you mean kernelEfficiency.hbm[1].efficiency");
        String unordered = h100.toYaml().replace("\"16 GFLOP\"", "\"256 GFLOP\"");
        assertThatThrownBy(() -> GpuSpec.from(ScenarioDocument.parse("t", unordered, true)))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("kernelEfficiency.matrix[1].atLeast");
        assertThatThrownBy(() -> GpuSpec.from(h100.with("kind", "system"))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("kind system");
    }
}
