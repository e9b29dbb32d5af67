package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Llama 3 405B pre-training on 8,192 and 16,384 H100s ([llama3-2024]): TP 8, CP 1,
 * PP 16, DP 64 / 128, sequence 8,192, 16 M tokens per step (2,048 sequences), micro-batch 1 — published MFU 43 % and
 * 41 %. What Meta did not publish (interleave, recomputation) is chosen the way its engineers would: the fastest that
 * fits in 80 GB. The bar (issue 7): MFU within 3 points.
 *
 * <p>The network is {@link PublishedRuns#llamaSystem}: the [astra-sim], [nccl-tests-290], [aiconfigurator-477] measurements (NVLink 4 ring busbw 370 GB/s inside the
 * 8-GPU board, 47 GB/s per 400G NIC), latencies assumed.
 */
class LlamaValidationTest {

    @ParameterizedTest(name = "{0} GPUs: MFU {1} %")
    @CsvSource({"8192, 64, 43", "16384, 128, 41"})
    void mfuWithinThreePointsOfThePublishedRuns(int gpus, int dp, double publishedMfuPercent) {
        PublishedRuns.Llama run = PublishedRuns.LLAMA.stream().filter(l -> l.gpus() == gpus).findFirst().orElseThrow();
        assertThat(run.dp()).isEqualTo(dp);
        assertThat(100 * run.publishedMfu()).isEqualTo(publishedMfuPercent);
        StepResult best = run.fastestPublishedShape();
        assertThat(best.plan().tp()).isEqualTo(8);
        assertThat(best.plan().dp()).isEqualTo(dp);
        assertThat(best.memory().fits()).isTrue();
        assertThat(100 * best.mfu()).as("%s: %s, breakdown %s", best.plan().label(), best.memory().describe(), best.breakdown())
                .isCloseTo(publishedMfuPercent, org.assertj.core.data.Offset.offset(3.0));
    }
}
