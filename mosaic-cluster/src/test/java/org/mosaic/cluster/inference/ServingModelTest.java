package org.mosaic.cluster.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.training.DataType;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.GroupNetwork;
import org.mosaic.cluster.training.KernelCosts;
import org.mosaic.cluster.training.LinkCost;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.Models;
import org.mosaic.cluster.training.SystemSpec;
import org.mosaic.cluster.training.TrainingSystem;

class ServingModelTest {

    private static final double ALPHA = 2e-6;
    private static final double LINK = 400e9;
    private static final double HBM = 3.35e12;

    /** A GPU whose kernels run at their nominal rates (efficiency 1, no wave quantisation) and whose arithmetic is free. */
    private static TrainingSystem ideal(long gpus) {
        GpuSpec.KernelEfficiency one = new GpuSpec.KernelEfficiency(List.of(new GpuSpec.Step(0, 1)), List.of(new GpuSpec.Step(0, 1)));
        GpuSpec g = new GpuSpec("ideal", 1e18, HBM, 1e15, one);
        return new TrainingSystem("ideal", g, KernelCosts.of(g), gpus, GroupNetwork.twoLevel(8, new LinkCost(ALPHA, LINK),
                new LinkCost(5e-6, 50e9)));
    }

    private static ModelSpec llama2_70b() {
        return Models.load("../docs/examples/llama2-70b.yaml");
    }

    @Test
    void kvCacheOfLlama3_405bIs126LayersTimes8KvHeadsTimes128DimTimesKAndVTimes2Bytes() {
        assertEquals(126.0 * 8 * 128 * 2 * 2, ServingModel.kvCachePerTokenBytes(Models.preset("llama3-405b")), 0);
        assertEquals(516_096, ServingModel.kvCachePerTokenBytes(Models.preset("llama3-405b")), 0);
    }

    @Test
    void singleGpuDecodeIsWeightsPlusKvCacheOverHbmBandwidth() {
        ModelSpec m = llama2_70b();
        int prompt = 1000;
        int output = 2; // context 1001
        ServingResult r = ServingModel.evaluate(m, ideal(1), new ServingPlan(1, 1, 1, 1), 1, prompt, output);
        double h = m.hiddenSize();
        double weights = (m.layers() * (m.attentionParametersPerLayer() + m.expertParameters()) + m.vocabSize() * h) * 2;
        double kv = m.layers() * 1001.0 * 2 * m.kvHeads() * m.headDim() * 2;
        // what is left: the activations read and written by each kernel (a few hidden vectors, 1e-4 of the weights)
        assertEquals((weights + kv) / HBM, r.timePerOutputTokenSeconds(), 1e-3 * r.timePerOutputTokenSeconds());
        assertEquals(r.timePerOutputTokenSeconds(), r.decode().totalSeconds(), 1e-12);
        assertEquals(0, r.decode().tpAllReduceSeconds());
    }

    /** A GPU with an FP8 peak, flat kernel efficiencies (η_F 1, η_Q {@code hbmEfficiency}), on a two-level network. */
    private static TrainingSystem withFp8(long gpus, double bf16Peak, double fp8Peak, double hbm, double hbmEfficiency) {
        GpuSpec.KernelEfficiency e = new GpuSpec.KernelEfficiency(List.of(new GpuSpec.Step(0, 1)), List.of(new GpuSpec.Step(0, hbmEfficiency)));
        GpuSpec g = new GpuSpec("fp8-ideal", bf16Peak, hbm, 1e15, e, 0, fp8Peak, 0);
        return new TrainingSystem("fp8-ideal", g, KernelCosts.of(g), gpus, GroupNetwork.twoLevel(8, new LinkCost(ALPHA, LINK),
                new LinkCost(5e-6, 50e9)));
    }

    private static final ServingPrecision FP8_WEIGHTS = new ServingPrecision(DataType.FP8, DataType.BF16);
    private static final ServingPrecision FP8_ALL = new ServingPrecision(DataType.FP8, DataType.FP8);

    /**
     * Issue 16's closed form for decode on one GPU, bandwidth-bound: (weights read + KV read) / (HBM bandwidth × η_Q), with
     * the linear layers' weights at 2 B (BF16) or 1 B (FP8), the output projection in BF16 (2 B, unquantised), and the K and V
     * of the context at 2 B or 1 B. Arithmetic is free (peaks of 1e18) and η_Q is 0.8 for every size; what is left is the
     * activations each kernel reads and writes (a few hidden vectors, 1e-4 of the weights).
     */
    @Test
    void singleGpuDecodeIsWeightsPlusKvBytesOverHbmBandwidthTimesEfficiencyInBf16AndFp8() {
        ModelSpec m = llama2_70b();
        double eta = 0.8;
        TrainingSystem sys = withFp8(1, 1e18, 2e18, HBM, eta);
        double context = 1001; // prompt 1000, output 2
        double linear = m.layers() * (m.attentionParametersPerLayer() + m.expertParameters());
        double logits = (double) m.vocabSize() * m.hiddenSize();
        double kvElements = m.layers() * context * 2 * m.kvHeads() * m.headDim();
        for (ServingPrecision p : List.of(ServingPrecision.BF16, FP8_WEIGHTS, FP8_ALL)) {
            ServingResult r = ServingModel.evaluate(m, sys, new ServingPlan(1, 1, 1, 1), 1, 1000, 2, p);
            double bytes = linear * p.weightBytes() + logits * 2 + kvElements * p.kvBytes();
            assertEquals(bytes / (HBM * eta), r.timePerOutputTokenSeconds(), 1e-3 * r.timePerOutputTokenSeconds(), p.label());
            assertEquals(p.weights().word(), r.weightsType());
            assertEquals(p.kvCache().word(), r.kvCacheType());
        }
        double bf16 = ServingModel.evaluate(m, sys, new ServingPlan(1, 1, 1, 1), 1, 1000, 2).timePerOutputTokenSeconds();
        double fp8 = ServingModel.evaluate(m, sys, new ServingPlan(1, 1, 1, 1), 1, 1000, 2, FP8_ALL).timePerOutputTokenSeconds();
        // 137.9 GB of linear weights → 69.0 GB; the 0.5 GB BF16 output projection and the 0.3 GB KV cache of a 1,001-token context keep it above ½
        assertTrue(fp8 / bf16 > 0.5 && fp8 / bf16 < 0.51, () -> "FP8/BF16 " + fp8 / bf16);
    }

    /**
     * With HBM out of the way (1e18 B/s) and a large batch, the decode step's linear layers are the FP8 peak's: 2 FLOPs per
     * weight and token over peak.fp8 (η_F 1), not the BF16 peak's; attention stays on the BF16 peak.
     */
    @Test
    void fp8MultipliesRunAtTheGpusFp8Peak() {
        ModelSpec m = llama2_70b();
        TrainingSystem sys = withFp8(1, 1e15, 2e15, 1e18, 1);
        int batch = 64;
        double linearFlops = 2.0 * batch * m.layers() * (m.attentionParametersPerLayer() + m.expertParameters());
        ServingResult fp8 = ServingModel.evaluate(m, sys, new ServingPlan(1, 1, 1, 1), batch, 128, 2, FP8_WEIGHTS);
        ServingResult bf16 = ServingModel.evaluate(m, sys, new ServingPlan(1, 1, 1, 1), batch, 128, 2);
        assertEquals(linearFlops / 2e15, fp8.decode().weightsSeconds(), 1e-4 * fp8.decode().weightsSeconds());
        assertEquals(linearFlops / 1e15, bf16.decode().weightsSeconds(), 1e-4 * bf16.decode().weightsSeconds());
        assertEquals(bf16.decode().attentionSeconds(), fp8.decode().attentionSeconds(), 1e-15);
    }

    @Test
    void fp8KvCacheHalvesTheKvMemoryAndFp8WeightsHalveTheLinearWeights() {
        ModelSpec m = llama2_70b();
        TrainingSystem sys = SystemSpec.preset("llama3-h100").system(8);
        ServingPlan plan = new ServingPlan(4, 1, 1, 1);
        ServingResult bf16 = ServingModel.evaluate(m, sys, plan, 64, 2048, 2048);
        ServingResult kv8 = ServingModel.evaluate(m, sys, plan, 64, 2048, 2048, new ServingPrecision(DataType.BF16, DataType.FP8));
        ServingResult all8 = ServingModel.evaluate(m, sys, plan, 64, 2048, 2048, FP8_ALL);
        assertEquals(bf16.memory().kvCacheBytes() / 2, kv8.memory().kvCacheBytes(), 0);
        assertEquals(bf16.memory().kvCachePerTokenBytes() / 2, kv8.memory().kvCachePerTokenBytes(), 0);
        assertEquals(bf16.memory().weightBytes(), kv8.memory().weightBytes(), 0);
        double h = m.hiddenSize();
        double linear = m.layers() * (m.attentionParametersPerLayer() + m.expertParameters()) / 4;
        assertEquals(linear, bf16.memory().weightBytes() - all8.memory().weightBytes(), 1e-9 * linear);
        // the rest stays BF16: both embeddings (÷ TP) and two norms per layer
        assertEquals((2.0 * m.vocabSize() * h / 4 + 2 * h * m.layers()) * 2, all8.memory().weightBytes() - linear, 1);
    }

    @Test
    void fp8WeightsOnAGpuWithoutAnFp8PeakAreRefusedWithTheGpuAndAHint() {
        TrainingSystem a100 = SystemSpec.preset("selene").system(8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServingModel.evaluate(llama2_70b(), a100,
                new ServingPlan(4, 1, 1, 1), 1, 128, 128, FP8_WEIGHTS));
        assertTrue(e.getMessage().contains("a100") && e.getMessage().contains("hint"), e.getMessage());
        // an FP8 KV cache is storage only: any GPU takes it
        assertTrue(ServingModel.evaluate(llama2_70b(), a100, new ServingPlan(4, 1, 1, 1), 1, 128, 128,
                new ServingPrecision(DataType.BF16, DataType.FP8)).timePerOutputTokenSeconds() > 0);
    }

    @Test
    void servingTypesOtherThanBf16AndFp8AreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServingPrecision.parse("fp32", "bf16"));
        assertTrue(e.getMessage().contains("--weights-type fp32") && e.getMessage().contains("bf16 or fp8"), e.getMessage());
        IllegalArgumentException kv = assertThrows(IllegalArgumentException.class, () -> ServingPrecision.parse("bf16", "int4"));
        assertTrue(kv.getMessage().contains("--kv-cache-type int4"), kv.getMessage());
        assertEquals(FP8_ALL, ServingPrecision.parse("FP8", "fp8"));
    }

    @Test
    void tensorParallelDecodeCommunicationIsTwoAllReducesPerLayerOfTheBatchHiddenStates() {
        ModelSpec m = llama2_70b();
        int batch = 8;
        ServingResult r = ServingModel.evaluate(m, ideal(8), new ServingPlan(8, 1, 1, 1), batch, 512, 64);
        double n = batch * m.hiddenSize() * 2.0;
        double p = 8;
        double beta = 1 / LINK;
        double ring = 2 * (p - 1) * ALPHA + 2 * (p - 1) / p * n * beta;
        double tree = 2 * 3 * ALPHA + 2 * (p - 1) / p * n * beta;
        double binomial = 2 * 3 * (ALPHA + n * beta);
        double doubling = 3 * (ALPHA + n * beta);
        double one = Math.min(Math.min(ring, tree), Math.min(binomial, doubling));
        assertEquals(2 * m.layers() * one, r.decode().tpAllReduceSeconds(), 1e-12);
        assertEquals(0, r.decode().epAllToAllSeconds());
        assertTrue(r.tpInScaleUp());
    }

    @Test
    void expertParallelDecodeCommunicationIsDispatchAndCombineOfTopKCopiesPerLayer() {
        ModelSpec m = Models.preset("mixtral-8x7b");
        int batch = 16; // 2 sequences per attention group
        ServingResult r = ServingModel.evaluate(m, ideal(8), new ServingPlan(1, 1, 8, 1), batch, 512, 64);
        double send = 2 * m.topK() * m.hiddenSize() * 2.0;
        double p = 8;
        double one = (p - 1) * ALPHA + (p - 1) / p * send / LINK;
        assertEquals(m.layers() * 2 * one, r.decode().epAllToAllSeconds(), 1e-12);
        assertEquals(0, r.decode().tpAllReduceSeconds());
        assertTrue(r.epInScaleUp());
    }

    @Test
    void expertParallelismAcrossScaleUpDomainsPaysTheFabric() {
        ModelSpec m = Models.preset("deepseek-v3-like");
        ServingResult inside = ServingModel.evaluate(m, ideal(64), new ServingPlan(1, 1, 8, 1), 64, 1024, 256);
        ServingResult across = ServingModel.evaluate(m, ideal(64), new ServingPlan(1, 1, 16, 1), 64, 1024, 256);
        assertTrue(inside.epInScaleUp());
        assertFalse(across.epInScaleUp());
        assertTrue(across.decode().epAllToAllSeconds() > 4 * inside.decode().epAllToAllSeconds());
    }

    /**
     * [trtllm-perf-v05], Low Latency, A100 FP16: LLaMA 70B (Llama 2 70B), batch 1, TP 4, input 2,048 tokens: first-token
     * latency 377 ms, on the selene system (DGX A100 80 GB, NVLink 3; the benchmark's own machine is an A100 node of the same
     * kind, its NVLink efficiency not stated). The model gives 339 ms (−10 %). Tolerance 15 %: the tensor-core efficiency table
     * ([calculon-sc23]) carries a compute-bound prefill, and it is a step function whose steps are 5–30 points apart; TensorRT-LLM
     * v0.5's fused kernels are not modelled one by one. The same row at 128 tokens (47 ms) is weight-read and compute in equal
     * parts: the model gives 45.7 ms (−3 %).
     */
    @Test
    void timeToFirstTokenOfLlama2_70bOnFourA100sReproducesTensorRtLlm() {
        TrainingSystem selene = SystemSpec.preset("selene").system(8);
        ServingResult r = ServingModel.evaluate(llama2_70b(), selene, new ServingPlan(4, 1, 1, 1), 1, 2048, 1);
        assertEquals(0.377, r.timeToFirstTokenSeconds(), 0.15 * 0.377, () -> "TTFT " + r.timeToFirstTokenSeconds());
        ServingResult shortPrompt = ServingModel.evaluate(llama2_70b(), selene, new ServingPlan(4, 1, 1, 1), 1, 128, 1);
        assertEquals(0.047, shortPrompt.timeToFirstTokenSeconds(), 0.15 * 0.047, () -> "TTFT " + shortPrompt.timeToFirstTokenSeconds());
    }

    @Test
    void planThatDoesNotFitIsFlagged() {
        TrainingSystem h100 = SystemSpec.preset("llama3-h100").system(8);
        ServingResult r = ServingModel.evaluate(Models.preset("llama3-405b"), h100, new ServingPlan(1, 1, 1, 1), 1, 128, 128);
        assertFalse(r.memory().fits());
        ServingResult tp8 = ServingModel.evaluate(Models.preset("llama3-405b"), h100, new ServingPlan(8, 1, 1, 1), 1, 128, 128);
        assertFalse(tp8.memory().fits()); // 810 GB of BF16 weights in 8 × 72 GB usable
        ServingResult pp2 = ServingModel.evaluate(Models.preset("llama3-405b"), SystemSpec.preset("llama3-h100").system(16),
                new ServingPlan(8, 2, 1, 1), 2, 128, 128);
        assertTrue(pp2.memory().fits());
    }

    @Test
    void impossiblePlansAreRefusedWithTheValueAndAHint() {
        TrainingSystem h100 = SystemSpec.preset("llama3-h100").system(64);
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class, () -> ServingModel.evaluate(Models.preset("llama3-405b"),
                h100, new ServingPlan(3, 1, 1, 1), 1, 128, 128));
        assertTrue(heads.getMessage().contains("--tp 3") && heads.getMessage().contains("hint"), heads.getMessage());
        IllegalArgumentException dense = assertThrows(IllegalArgumentException.class, () -> ServingModel.evaluate(Models.preset("llama3-405b"),
                h100, new ServingPlan(8, 1, 2, 1), 2, 128, 128));
        assertTrue(dense.getMessage().contains("dense"), dense.getMessage());
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class, () -> ServingModel.evaluate(Models.preset("llama3-405b"),
                h100, new ServingPlan(8, 2, 1, 1), 3, 128, 128));
        assertTrue(batch.getMessage().contains("--batch 3"), batch.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServingModel.evaluate(Models.preset("llama3-405b"), h100,
                new ServingPlan(8, 1, 1, 16), 1, 128, 128));
    }
}
