package org.mosaic.cluster.inference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.training.DataType;
import org.mosaic.cluster.training.GpuSpec;
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

    /*
     * A mature engine: TensorRT-LLM v1.0's throughput table ([trtllm-perf-overview-v1]): trtllm-bench, PyTorch backend,
     * in-flight batching with CUDA graphs, ModelOpt FP8 checkpoints (FP8 weights and, in NVIDIA's recipe, an FP8 KV cache:
     * [nvidia-405b-modelopt-2024]), requests of one ISL/OSL fed at an infinite rate, total output tokens/s. The batch is not
     * published: the engine admits as many requests as its KV cache holds, and the cache is 0.90 (default) or 0.95 ("in many
     * cases") of the memory free after the weights, each request reserving ISL + OSL tokens (the guaranteed-no-evict scheduler).
     * The model reads the run at that batch, for both fractions: OSL decode steps at the mean context, plus the batch's prefill
     * between none (fully hidden in the decode steps) and every prompt alone (batch × the one-prompt TTFT); the range over
     * the two fractions and the two prefill readings is what the measurement is held against.
     */

    /** {ISL, OSL, measured total output tokens/s}: Llama 3.3 70B FP8 on one H200 (TP1), the rows where decode dominates (OSL ≥ 2 × ISL). */
    private static final int[][] H200_TP1_DECODE = {{128, 2048, 4336}, {128, 4096, 2872}, {500, 2000, 3666}, {1000, 2000, 2994}};
    /** The same model on two H100 (TP2). */
    private static final int[][] H100_TP2_DECODE = {{128, 2048, 6651}};
    /** Rows where the prefill carries much of the run: Llama 3.3 70B on one H200 (2048/128, 5000/500, 20000/2000). */
    private static final int[][] H200_TP1_PREFILL = {{2048, 128, 442}, {5000, 500, 566}, {20000, 2000, 283}};
    /** Llama 3.1 405B FP8, TP8 on eight H200: large batches whose multiplies are compute-bound. */
    private static final int[][] H200_TP8_405B = {{128, 2048, 5348}, {2048, 2048, 2948}, {1000, 1000, 3330}};
    /** The engine's KV-cache fraction of the memory free after the weights: default and the one the table often uses. */
    private static final double[] KV_FRACTIONS = {0.90, 0.95};

    /** {slowest, fastest} total output tokens/s the model reads for the engine's run (see the comment above). */
    static double[] engineRunRange(ModelSpec m, TrainingSystem sys, int tp, int isl, int osl, StringBuilder report) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        ServingPlan plan = new ServingPlan(tp, 1, 1, 1);
        for (double fraction : KV_FRACTIONS) {
            ServingResult.Memory one = ServingModel.evaluate(m, sys, plan, 1, isl, osl, FP8).memory();
            int batch = (int) Math.floor(fraction * (one.capacityBytes() - one.weightBytes()) / one.kvCacheBytes());
            ServingResult r = ServingModel.evaluate(m, sys, plan, batch, isl, osl, FP8);
            double decode = osl * r.timePerOutputTokenSeconds();
            double fastest = batch * (double) osl / decode;
            double slowest = batch * (double) osl / (decode + batch * r.timeToFirstTokenSeconds());
            lo = Math.min(lo, slowest);
            hi = Math.max(hi, fastest);
            ServingResult.Decode d = r.decode();
            report.append(String.format(Locale.ROOT, "%s TP%d %s %d/%d kv %.2f: batch %d, TPOT %.1f ms (weights %.1f, attention %.1f, "
                            + "element-wise %.1f, logits %.1f, all-reduce %.1f), TTFT %.0f ms -> %.0f-%.0f tokens/s%n", m.name(), tp,
                    sys.gpu().name(), isl, osl, fraction, batch, r.timePerOutputTokenSeconds() * 1e3, d.weightsSeconds() * 1e3,
                    d.attentionSeconds() * 1e3, d.elementwiseSeconds() * 1e3, d.logitsSeconds() * 1e3, d.tpAllReduceSeconds() * 1e3,
                    r.timeToFirstTokenSeconds() * 1e3, slowest, fastest));
        }
        return new double[] {lo, hi};
    }

    private static TrainingSystem h200Board() {
        return SystemSpec.preset("llama3-h100").withGpu(GpuSpec.preset("h200-sxm")).system(8);
    }

    /**
     * The Bar's reproduction: on every decode-dominated row of the mature engine's table, the measured throughput lies within
     * the model's range widened by 15 % on each side. The 15 %: the model's multiply term adds the weights' read and their
     * arithmetic (Calculon's no-overlap mode; at the engine's batch of ~170 the arithmetic is 11 of the 30 ms, which a kernel
     * overlapping the two would hide) while the engine's scheduling, sampling and padding to CUDA-graph batch sizes are not
     * modelled — errors of about 10 % each, in opposite directions. Measured today: 1.01–1.10 × the fastest reading on the
     * 128-token-prompt rows, inside the range on the others.
     */
    @Test
    void tensorRtLlmV1Llama3_70bFp8DecodeDominatedThroughputOnH200AndH100IsReproducedWithin15Percent() {
        ModelSpec m = Models.load("../docs/examples/llama3-70b.yaml");
        StringBuilder report = new StringBuilder();
        java.util.List<Runnable> checks = new java.util.ArrayList<>();
        for (Object[] cfg : new Object[][] {{h200Board(), 1, H200_TP1_DECODE}, {SystemSpec.preset("llama3-h100").system(8), 2, H100_TP2_DECODE}}) {
            for (int[] row : (int[][]) cfg[2]) {
                double[] range = engineRunRange(m, (TrainingSystem) cfg[0], (int) cfg[1], row[0], row[1], report);
                double measured = row[2];
                report.append(String.format(Locale.ROOT, "  measured %.0f, model %.0f-%.0f%n", measured, range[0], range[1]));
                checks.add(() -> assertTrue(measured >= 0.85 * range[0] && measured <= 1.15 * range[1], report::toString));
            }
        }
        checks.forEach(Runnable::run);
    }

    /**
     * What the model does not reach, pinned: where the run is compute-bound — the prefill-heavy rows on one H200 and Llama 3.1
     * 405B's large TP8 batches — the engine is slower than even the model's slowest reading (the model's FP8 multiplies run at
     * 95 % of the 1,979 TFLOP/s peak by Calculon's table; the measurements imply ~60-75 %: 2048/128 needs ~250 ms per prompt
     * against the 153 ms of its 2.9e14 FLOP at peak), by less than 1.5×. A change that closes or widens this gap is seen.
     */
    @Test
    void computeBoundRowsOfTheMatureEngineAreSlowerThanTheModelByLessThanHalf() {
        StringBuilder report = new StringBuilder();
        java.util.List<Runnable> checks = new java.util.ArrayList<>();
        for (Object[] cfg : new Object[][] {{Models.load("../docs/examples/llama3-70b.yaml"), 1, H200_TP1_PREFILL},
                {Models.preset("llama3-405b"), 8, H200_TP8_405B}}) {
            for (int[] row : (int[][]) cfg[2]) {
                double[] range = engineRunRange((ModelSpec) cfg[0], h200Board(), (int) cfg[1], row[0], row[1], report);
                double measured = row[2];
                report.append(String.format(Locale.ROOT, "  measured %.0f, model %.0f-%.0f%n", measured, range[0], range[1]));
                checks.add(() -> assertTrue(measured < range[0] && measured > range[0] / 1.5, report::toString));
            }
        }
        checks.forEach(Runnable::run);
    }

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
