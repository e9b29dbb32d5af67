package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GpuSpecTest {

    /** [nvidia-a100-datasheet], [nvidia-h100-datasheet]: dense BF16 peaks A100 312 and H100 SXM 989 TFLOP/s (exact published values). */
    @Test
    void peaksMatchReference() {
        assertThat(GpuSpec.byName("a100-80g").peakBf16FlopsPerSecond()).isEqualTo(312e12);
        assertThat(GpuSpec.byName("h100-sxm").peakBf16FlopsPerSecond()).isEqualTo(989e12);
        assertThat(GpuSpec.presets()).extracting(GpuSpec::name).containsExactly("a100-80g", "h100-sxm", "b200");
        assertThat(GpuSpec.provenance()).isNotEmpty();
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
        assertThatThrownBy(() -> new GpuSpec("x", -1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("peakBf16FlopsPerSecond -1");
        assertThatThrownBy(() -> new GpuSpec("x", 1, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> GpuSpec.byName("tpu")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b200");
    }
}
