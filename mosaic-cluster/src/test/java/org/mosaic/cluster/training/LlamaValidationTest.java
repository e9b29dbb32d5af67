package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Llama 3 405B pre-training on 8,192 and 16,384 H100s ({@code reference/cluster.md} §5.1, §(b) item 7): TP 8, CP 1,
 * PP 16, DP 64 / 128, sequence 8,192, 16 M tokens per step (2,048 sequences), micro-batch 1 — published MFU 43 % and
 * 41 %. What Meta did not publish (interleave, recomputation) is chosen the way its engineers would: the fastest that
 * fits in 80 GB. The bar (issue 7): MFU within 3 points.
 *
 * <p>The network is the §2.3 measurements: NVLink 4 ring busbw 370 GB/s inside the 8-GPU board, 47 GB/s per 400G NIC
 * (46–48 measured); latencies 1 µs and 5 µs (assumed; the step is insensitive to them at these message sizes).
 */
class LlamaValidationTest {

    @ParameterizedTest(name = "{0} GPUs: MFU {1} %")
    @CsvSource({"8192, 64, 43", "16384, 128, 41"})
    void mfuWithinThreePointsOfThePublishedRuns(int gpus, int dp, double publishedMfuPercent) {
        GroupNetwork net = GroupNetwork.twoLevel(8, new LinkCost(1e-6, 370e9), new LinkCost(5e-6, 47e9));
        TrainingSystem sys = new TrainingSystem("llama3 " + gpus, GpuSpec.H100_SXM, KernelCosts.of(GpuSpec.H100_SXM), gpus, net);
        PlanSearch.Fixed published = new PlanSearch.Fixed(8, 16, dp, 1, 1, 1, null, null);
        PlanSearch.Result r = PlanSearch.search(ModelPresets.LLAMA3_405B, sys, 2048, published, null, 1);
        StepResult best = r.best();
        assertThat(best.plan().tp()).isEqualTo(8);
        assertThat(best.plan().dp()).isEqualTo(dp);
        assertThat(best.memory().fits()).isTrue();
        assertThat(100 * best.mfu()).as("%s: %s, breakdown %s", best.plan().label(), best.memory().describe(), best.breakdown())
                .isCloseTo(publishedMfuPercent, org.assertj.core.data.Offset.offset(3.0));
    }
}
