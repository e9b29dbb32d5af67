package org.mosaic.cluster.inference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.training.DataType;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.Models;
import org.mosaic.cluster.training.SystemSpec;
import org.mosaic.cluster.training.TrainingSystem;

/**
 * The serve model against a published decode measurement with its whole configuration: TensorRT-LLM v0.5's High Throughput
 * table for H100 FP8 ([trtllm-perf-v05]): LLaMA 70B (Llama 2 70B), TP 4, batch 64, static batching (gptSessionBenchmark: the
 * batch's prompts, then OSL decode steps), engines built with FP8 GEMMs and an FP8 KV cache, output tokens/s of the whole run:
 *
 * <pre>
 *   ISL / OSL     measured    model (bounds)    measured / the model's lower bound
 *   128 / 128       3,317     3,815 – 6,155        0.87
 *   128 / 2048      2,616     5,265 – 5,443        0.50
 *   2048 / 128        843     1,156 – 5,153        0.73
 *   2048 / 2048     1,583     4,092 – 4,942        0.39
 * </pre>
 *
 * The model's run time is OSL × TPOT plus the batch's prefill, bounded below by none and above by 64 prompts one after the
 * other (batch × the one-prompt TTFT; batching them only helps), hence a range. The measurement is <b>not reproduced</b>: the
 * model is 2.0× faster on the decode-dominated row (128 / 2048: measured ≤ 24.5 ms per step, model 11.8 ms = 8.2 ms weights and
 * their multiplies at 90 % of HBM bandwidth + 1.7 ms KV cache + 1.2 ms TP all-reduces + 0.6 ms element-wise). The rows tell
 * where v0.5 lost the time: from 128 / 128 to 128 / 2048 the mean context grows by 960 tokens, which the model prices at
 * +1.4 ms per step (FP8 K and V of 64 × 960 tokens, 2.5 GB per GPU) and the measurement at +5.2 ms (4×: v0.5's
 * masked-multi-head generation kernel reads the cache far below HBM bandwidth); the fixed part (17.8 ms measured at 128 / 128
 * after the prefill, 10.4 ms modelled) is 1.7× the model's: kernel launches without CUDA graphs and v0.5's first FP8 GEMMs on
 * 64-row activations are not modelled. Later TensorRT-LLM releases replaced this table, so the gap is v0.5's software, not a
 * bound the model breaks; this test pins what holds: the model is optimistic on every row, even at its slowest reading
 * (measured ≤ the lower bound), and within 3.3× of it (measured ≥ 0.3 × the lower bound), and the decode-dominated row's step
 * is 1.8–2.3× the model's, so a change of the model that moves it past either edge is seen.
 */
class InferenceValidationTest {

    private static final ServingPrecision FP8 = new ServingPrecision(DataType.FP8, DataType.FP8);

    /** {ISL, OSL, measured output tokens/s} of the v0.5 H100 FP8 LLaMA 70B rows (TP 4, batch 64). */
    private static final int[][] ROWS = {{128, 128, 3317}, {128, 2048, 2616}, {2048, 128, 843}, {2048, 2048, 1583}};

    @Test
    void tensorRtLlmV05H100Fp8ThroughputOfLlama2_70bIsBelowTheModelsBoundOnEveryRowAndHalfOfItWhereDecodeDominates() {
        ModelSpec m = Models.load("../docs/examples/llama2-70b.yaml");
        TrainingSystem h100 = SystemSpec.preset("llama3-h100").system(8);
        int batch = 64;
        StringBuilder report = new StringBuilder();
        for (int[] row : ROWS) {
            ServingResult r = ServingModel.evaluate(m, h100, new ServingPlan(4, 1, 1, 1), batch, row[0], row[1], FP8);
            double decode = row[1] * r.timePerOutputTokenSeconds();
            double upper = batch * (double) row[1] / decode; // no prefill time
            double lower = batch * (double) row[1] / (decode + batch * r.timeToFirstTokenSeconds()); // prompts one by one
            double measured = row[2];
            report.append(String.format(Locale.ROOT, "%d/%d: measured %.0f, model %.0f–%.0f, TPOT %.2f ms%n", row[0], row[1], measured, lower,
                    upper, r.timePerOutputTokenSeconds() * 1e3));
            assertTrue(measured <= lower, report::toString); // below even the model's slowest reading
            assertTrue(measured >= 0.3 * lower, report::toString);
        }
        // the decode-dominated row: the model twice as fast as v0.5 (the gap the class comment explains)
        ServingResult r = ServingModel.evaluate(m, h100, new ServingPlan(4, 1, 1, 1), batch, 128, 2048, FP8);
        double measuredStep = batch / 2616.0; // an upper bound: the run's time per decode step, prefill included
        double ratio = measuredStep / r.timePerOutputTokenSeconds();
        assertTrue(ratio > 1.8 && ratio < 2.3, () -> "measured / model step " + ratio + "\n" + report);
    }
}
