package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Matrix-multiply types per GPU and as a plan option (issue 16). */
class DataTypeTest {

    @Test
    void presetsGiveEachTypesPeak() {
        assertThat(GpuSpec.H100_SXM.peak(DataType.FP8)).isEqualTo(1979e12);
        assertThat(GpuSpec.H100_SXM.peak(DataType.FP32)).isEqualTo(494.7e12);
        assertThat(GpuSpec.A100_80G.peak(DataType.FP8)).isZero();
        assertThat(GpuSpec.A100_80G.peak(DataType.FP32)).isEqualTo(156e12);
        assertThat(GpuSpec.B200.peak(DataType.FP8)).isEqualTo(4.5e15);
        // no FP8 table of its own: the BF16 one
        assertThat(GpuSpec.H100_SXM.efficiency().matrix(DataType.FP8)).isEqualTo(GpuSpec.H100_SXM.efficiency().matrix());
    }

    /**
     * A large linear layer's multiply in FP8 takes the BF16 time × 989/1979 for its arithmetic, and reads its operands at
     * FP8 size (1 B per element, the BF16 result 2 B: issue 16; before, the FP8 operands were counted at BF16 size).
     */
    @Test
    void fp8MultipliesRunAtTheFp8PeakAndReadFp8Operands() {
        KernelCosts bf16 = KernelCosts.of(GpuSpec.H100_SXM);
        KernelCosts fp8 = KernelCosts.of(GpuSpec.H100_SXM, DataType.FP8);
        double m = 8192;
        double n = 6656;
        double k = 16384;
        double flops = 2 * m * n * k;
        double memoryBf16 = 2 * (m * k + k * n + m * n) / (3350e9 * 0.9);
        double memoryFp8 = (m * k + k * n + 2 * m * n) / (3350e9 * 0.9);   // both above 100 MB: HBM efficiency 0.9
        assertThat(fp8.gemmSeconds(m, n, k, 1) - memoryFp8).isCloseTo((bf16.gemmSeconds(m, n, k, 1) - memoryBf16) * 989 / 1979,
                within(1e-12));
        assertThat(flops).isPositive();
    }

    @Test
    void anFp8PlanIsFasterAndSaysSo() {
        ModelSpec m = Models.preset("llama3-405b");
        TrainingSystem sys = PublishedRuns.llamaSystem(16384);
        ParallelPlan bf16 = new ParallelPlan(8, 16, 128, 1, 1, 1, PublishedRuns.LLAMA_BATCH, 4, Recompute.FULL, true, true, true);
        ParallelPlan fp8 = bf16.withMatmulType(DataType.FP8);
        StepResult a = StepModel.evaluate(m, bf16, sys);
        StepResult b = StepModel.evaluate(m, fp8, sys);
        assertThat(b.breakdown().get("compute")).isLessThan(0.75 * a.breakdown().get("compute"));
        assertThat(b.stepSeconds()).isLessThan(a.stepSeconds());
        assertThat(b.plan().label()).endsWith(" fp8");
        // MFU stays against the BF16 peak
        assertThat(b.mfu() / a.mfu()).isCloseTo(a.stepSeconds() / b.stepSeconds(), within(1e-12));
    }

    @Test
    void aTypeTheGpuLacksIsRefused() {
        ModelSpec m = Models.preset("gpt3-175b");
        ParallelPlan fp8 = new ParallelPlan(8, 8, 1, 1, 1, 1, 64, 3, Recompute.SELECTIVE, true, false, false).withMatmulType(DataType.FP8);
        assertThatThrownBy(() -> StepModel.evaluate(m, fp8, PublishedRuns.selene(64))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fp8").hasMessageContaining("a100-80g").hasMessageContaining("hint");
        assertThatThrownBy(() -> PlanSearch.search(m, PublishedRuns.selene(64), 64, fp8, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("peak.fp8");
        assertThat(PlanSearch.search(m, PublishedRuns.llamaSystem(64), 64, fp8, 1).best().plan().matmulType()).isEqualTo(DataType.FP8);
        assertThatThrownBy(() -> DataType.parse("fp16")).hasMessageContaining("bf16, fp8, fp32");
    }
}
