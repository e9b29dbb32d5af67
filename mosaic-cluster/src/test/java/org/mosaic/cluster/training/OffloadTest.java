package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Offload to a second memory tier (issue 16), as Calculon models it ([calculon-sc23]): HBM keeps two layers' worth of what
 * is offloaded, the tier the rest; a layer's transfer is exposed where its compute cannot cover it; the search finds plans
 * that fit only with offload.
 */
class OffloadTest {
    static final ModelSpec GPT3 = Models.preset("gpt3-175b");

    /** TP 8, PP 8 (12 layers a stage), full recomputation, Megatron's switches, on 64 Selene A100s. */
    static ParallelPlan plan(Offload o) {
        return new ParallelPlan(8, 8, 1, 1, 1, 1, 64, 1, Recompute.FULL, true, true, true, TpOverlap.BACKWARD, true, DataType.BF16, o);
    }

    @Test
    void offloadedFootprintKeepsTwoLayersInHbmAndTheRestInTheSecondTier() {
        TrainingSystem sys = PublishedRuns.selene(64);
        MemoryFootprint none = StepModel.memory(GPT3, plan(Offload.NONE), sys);
        MemoryFootprint w = StepModel.memory(GPT3, plan(new Offload(true, false, false, true)), sys);
        MemoryFootprint o = StepModel.memory(GPT3, plan(new Offload(false, false, true, true)), sys);
        // GPT-3 layer: 12h² weights (+ 13h biases and norms), split over TP 8; 12 layers on a middle stage
        double h = GPT3.hiddenSize();
        double layer = (12 * h * h + 13 * h) / 8;
        assertThat(w.hostBytes()).isCloseTo(12 * layer * 2, within(12 * layer * 2 * 1e-3));
        assertThat(none.weightBytes() - w.weightBytes()).isCloseTo(10 * layer * 2, within(10 * layer * 2 * 1e-3));
        assertThat(w.hostCapacityBytes()).isCloseTo(512 * Math.pow(1024, 3), within(1e7));
        // optimizer: DP 1 shards nothing: 12 B per parameter of the layer, and the FP32 gradients 4 B
        assertThat(none.optimizerBytes() - o.optimizerBytes()).isCloseTo(10 * layer * 12, within(10 * layer * 12 * 1e-3));
        assertThat(o.hostBytes()).isCloseTo(12 * layer * 16, within(12 * layer * 16 * 1e-3));
        assertThat(none.gradientBytes() - o.gradientBytes()).isCloseTo(10 * layer * 4, within(10 * layer * 4 * 1e-3));
        assertThat(none.hostBytes()).isZero();
        assertThat(o.fits()).isTrue();
    }

    @Test
    void serialTransferIsExposedInFullAndAnOverlappedOneOnlyBeyondTheCompute() {
        TrainingSystem sys = PublishedRuns.selene(64);
        GpuSpec.HostMemory host = sys.gpu().hostMemory();
        Offload weights = new Offload(true, false, false, false);
        StepResult serial = StepModel.evaluate(GPT3, plan(weights), sys);
        StepResult base = StepModel.evaluate(GPT3, plan(Offload.NONE), sys);
        // forward: the next layer's weights prefetched; backward: again (Calculon's fw and bw offload sizes); per layer and
        // micro-batch on the busiest stage (12 layers, 64 micro-batches)
        double h = GPT3.hiddenSize();
        double perLayer = 2 * host.seconds((12 * h * h + 13 * h) / 8 * 2);
        assertThat(serial.breakdown().get("offload")).isCloseTo(12 * 64 * perLayer, within(12 * 64 * perLayer * 2e-3));
        assertThat(base.breakdown()).doesNotContainKey("offload");
        // the breakdown still sums to the step
        double sum = serial.breakdown().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo(serial.stepSeconds(), within(serial.stepSeconds() * 1e-9));
        // overlapped: per layer, what the layer's compute and communication (less its memory-bound kernels) cannot cover
        double fwdT = perLayer / 2;
        StepModel.LayerCost lc = StepModel.layerCost(GPT3, plan(weights.withOverlap(true)), sys);
        double expected = 12 * 64 * (Math.max(0, fwdT + lc.fwdMemory() - lc.forward()) + Math.max(0, fwdT + lc.bwdMemory() - lc.backward()));
        StepResult overlapped = StepModel.evaluate(GPT3, plan(weights.withOverlap(true)), sys);
        assertThat(overlapped.breakdown().get("offload")).isCloseTo(expected, within(expected * 2e-3))
                .isPositive().isLessThan(serial.breakdown().get("offload"));
        // a Grace-Hopper-class tier (450 GB/s NVLink-C2C, Calculon's h100_80g_nvl8.json) hides the 0.45 GB per layer (1 ms)
        // under the layer's ~3.5 ms forward and backward: the step is that of no offload
        TrainingSystem c2c = new TrainingSystem("c2c tier", sys.gpu().withHostMemory(new GpuSpec.HostMemory(512e9, 450e9, 0.95)),
                sys.kernels(), sys.gpus(), sys.network());
        StepResult hidden = StepModel.evaluate(GPT3, plan(weights.withOverlap(true)), c2c);
        assertThat(hidden.breakdown().get("offload")).isZero();
        assertThat(hidden.stepSeconds()).isCloseTo(base.stepSeconds(), within(1e-12));
    }

    /** Regression for issue 16: "plans that fit only with offload are found by the search". */
    @Test
    void searchFindsPlansThatFitOnlyWithOffload() {
        TrainingSystem sys = PublishedRuns.selene(8);
        // 175B on 8 A100s: ~394 GB of weights, gradients and optimizer per GPU at TP 8 — nothing fits in 80 GB of HBM
        PlanSearch.Result hbmOnly = PlanSearch.search(GPT3, sys, 8, PlanSearch.Fixed.NONE, null, 3);
        assertThat(hbmOnly.ranked()).isEmpty();
        PlanSearch.Result withOffload = PlanSearch.search(GPT3, sys, 8, PlanSearch.Fixed.NONE.withOffload(Offload.NONE, true), null, 3);
        assertThat(withOffload.ranked()).isNotEmpty();
        StepResult best = withOffload.best();
        assertThat(best.plan().offload().any()).isTrue();
        assertThat(best.plan().offload().optimizer()).as("the optimizer state is most of it").isTrue();
        assertThat(best.memory().fits()).isTrue();
        assertThat(best.memory().hostBytes()).isPositive().isLessThanOrEqualTo(best.memory().hostCapacityBytes());
        assertThat(best.plan().label()).contains("offload");
        // every ranked plan is minimal: no offloaded part can be dropped and still fit
        for (StepResult r : withOffload.ranked()) {
            Offload o = r.plan().offload();
            for (Offload fewer : new Offload[] {new Offload(false, o.activations(), o.optimizer(), true),
                    new Offload(o.weights(), false, o.optimizer(), true), new Offload(o.weights(), o.activations(), false, true)}) {
                if (!fewer.equals(o) && r.plan().withOffload(fewer).problems(GPT3, 8).isEmpty()) {
                    assertThat(StepModel.memory(GPT3, r.plan().withOffload(fewer), sys).fits()).isFalse();
                }
            }
        }
    }

    @Test
    void offloadWithoutASecondTierOrWithTooFewLayersIsRefused() {
        TrainingSystem sys = PublishedRuns.selene(64);
        TrainingSystem noTier = new TrainingSystem("no tier", sys.gpu().withHostMemory(null), sys.kernels(), sys.gpus(), sys.network());
        assertThatThrownBy(() -> StepModel.evaluate(GPT3, plan(new Offload(false, true, false, true)), noTier))
                .hasMessageContaining("no second memory tier").hasMessageContaining("hostMemory");
        assertThatThrownBy(() -> PlanSearch.search(GPT3, noTier, 64, PlanSearch.Fixed.NONE.withOffload(Offload.NONE, true), null, 1))
                .hasMessageContaining("no second memory tier");
        ParallelPlan twoLayers = new ParallelPlan(8, 8, 1, 1, 1, 1, 64, 1, Recompute.FULL, true, true, true, TpOverlap.BACKWARD, true,
                DataType.BF16, new Offload(true, false, false, true));
        assertThat(twoLayers.problems(new ModelSpec("gpt3-16", GPT3.family(), 16, GPT3.hiddenSize(),
                GPT3.ffnHiddenSize(), GPT3.heads(), GPT3.kvHeads(), GPT3.vocabSize(), GPT3.sequenceLength(), 1, 1), 64)).anySatisfy(p -> assertThat(p).contains("at least 3 layers per stage"));
        assertThat(Offload.parse("weights+optimizer")).isEqualTo(new Offload(true, false, true, true));
        assertThat(Offload.parse("all").word()).isEqualTo("weights+activations+optimizer");
        assertThatThrownBy(() -> Offload.parse("weight")).hasMessageContaining("'weight'").hasMessageContaining("hint");
    }
}
