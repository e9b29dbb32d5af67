package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mosaic.cluster.training.ModelSpec.Family;

/** The step model against closed forms: ideal hardware, Korthikanti's activation formulas, the bubble, a brute-force search. */
class StepModelTest {
    /** A GPU whose every kernel runs at peak and whose HBM and links are (practically) infinitely fast. */
    static TrainingSystem ideal(long gpus) {
        double[] t = {0};
        double[] e = {1};
        KernelCosts k = new KernelCosts(1e15, 1e30, t, e, t, e);
        GpuSpec gpu = new GpuSpec("ideal", 1e15, 1e30, 1e15, new GpuSpec.KernelEfficiency(List.of(new GpuSpec.Step(0, 1)), List.of(new GpuSpec.Step(0, 1))));
        LinkCost free = new LinkCost(0, 1e30);
        return new TrainingSystem("ideal", gpu, k, gpus, GroupNetwork.twoLevel(1 << 20, free, free));
    }

    static final ModelSpec GPT = ModelSpec.dense("t", Family.GPT, 8, 1024, 4096, 16, 16, 1, 512);

    @Test
    void idealHardwareRunsAtFullModelFlopUtilisation() {
        for (int tp : new int[] {1, 2, 4}) {
            ParallelPlan plan = new ParallelPlan(tp, 1, 1, 1, 1, 2, 8, 1, Recompute.NONE, tp > 1, false, false);
            StepResult r = StepModel.evaluate(GPT, plan, ideal(tp));
            assertThat(r.mfu()).as("TP%d", tp).isCloseTo(1.0, within(1e-9));
        }
        // an MoE model and a Llama-family model too: every matmul FLOP is counted once, as 6·N + 12·l·s·h says
        ModelSpec moe = new ModelSpec("m", Family.LLAMA, 4, 512, 1024, 8, 2, 1000, 256, 8, 2);
        StepResult r = StepModel.evaluate(moe, new ParallelPlan(1, 1, 4, 4, 1, 1, 4, 1, Recompute.NONE, false, false, false), ideal(4));
        assertThat(r.mfu()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void fullRecomputationCostsOneMoreForwardOfTheLayers() {
        ParallelPlan none = new ParallelPlan(1, 1, 1, 1, 1, 1, 4, 1, Recompute.NONE, false, false, false);
        double base = StepModel.evaluate(GPT, none, ideal(1)).stepSeconds();
        double full = StepModel.evaluate(GPT, none.with(Recompute.FULL, false, false, false), ideal(1)).stepSeconds();
        // layers' share of the FLOPs: everything but the (vocab 1) logits; recompute adds a third of the layers' 6 FLOPs per weight
        assertThat(full / base).isCloseTo(8.0 / 6.0, within(1e-3));
    }

    @Test
    void uniformPipelineBubbleMatchesTheClosedForm() {
        // vocab 1 and ideal links: stages are uniform, so step = (m + p − 1)/m × ideal (1F1B) and (m·v + p − 1)/(m·v) interleaved
        int p = 4;
        for (int m : new int[] {4, 8, 16}) {
            ParallelPlan flat = new ParallelPlan(1, 1, 1, 1, 1, 1, m, 1, Recompute.NONE, false, false, false);
            double ideal = StepModel.evaluate(GPT, flat, ideal(1)).stepSeconds();
            ParallelPlan pipe = new ParallelPlan(1, p, 1, 1, 1, 1, m, 1, Recompute.NONE, false, false, false);
            StepResult r = StepModel.evaluate(GPT, pipe, ideal(p));
            // tolerance 1e-4: the vocab-1 logits still make the last stage a hair heavier
            assertThat(r.stepSeconds()).isCloseTo(ideal / p * (m + p - 1) / m, within(ideal * 1e-4));
            ParallelPlan inter = new ParallelPlan(1, p, 1, 1, 1, 1, m, 2, Recompute.NONE, false, false, false);
            assertThat(StepModel.evaluate(GPT, inter, ideal(p)).stepSeconds()).isCloseTo(ideal / p * (2.0 * m + p - 1) / (2.0 * m),
                    within(ideal * 1e-3));
        }
    }

    @Test
    void activationMemoryFollowsKorthikanti() {
        ModelSpec m = ModelSpec.dense("k", Family.GPT, 4, 2048, 8192, 16, 16, 1000, 1024);
        double s = m.sequenceLength();
        double h = m.hiddenSize();
        double a = m.heads();
        int b = 2;
        for (int t : new int[] {1, 2, 8}) {
            double sbh = s * b * h;
            // no SP, no recompute: sbh(10 + 24/t + 5as/(ht)) per layer
            ParallelPlan none = new ParallelPlan(t, 1, 1, 1, 1, b, b, 1, Recompute.NONE, false, false, false);
            assertThat(activations(m, none) / m.layers()).isCloseTo(sbh * (10 + 24.0 / t + 5 * a * s / (h * t)), within(1.0));
            // SP + selective: 34·sbh/t
            ParallelPlan seqSel = new ParallelPlan(t, 1, 1, 1, 1, b, b, 1, Recompute.SELECTIVE, t > 1, false, false);
            double expect = t > 1 ? 34 * sbh / t : sbh * 34;
            assertThat(activations(m, seqSel) / m.layers()).isCloseTo(expect, within(1.0));
        }
    }

    private static double activations(ModelSpec m, ParallelPlan plan) {
        return StepModel.memory(m, plan, ideal(plan.gpus())).activationBytes();
    }

    @Test
    void planThatDoesNotFitIsReportedWithItsNumbers() {
        TrainingSystem one = new TrainingSystem("a100", GpuSpec.A100_80G, KernelCosts.of(GpuSpec.A100_80G), 8,
                PublishedRuns.selene(8).network());
        ParallelPlan plan = new ParallelPlan(1, 1, 8, 1, 1, 1, 8, 1, Recompute.NONE, false, false, true);
        MemoryFootprint mem = StepModel.memory(Models.preset("gpt3-175b"), plan, one);
        assertThat(mem.fits()).isFalse();
        // one stage, no TP: every weight once (GPT-3's output projection is tied to the input embedding), 2 B each
        assertThat(mem.weightBytes()).isCloseTo(2 * Models.preset("gpt3-175b").parameterCount(), within(1.0));
        assertThat(mem.describe()).contains(String.format(java.util.Locale.ROOT, "weights %.1f", mem.weightBytes() / 1e9)).contains("of 80.0 GB");
    }

    @Test
    void mismatchedPlansAreRejectedNamingTheValues() {
        assertThatThrownBy(() -> StepModel.evaluate(GPT, ParallelPlan.of(3, 1, 1, 1, 1, 1, Recompute.NONE), ideal(3)))
                .hasMessageContaining("tp 3 does not divide the 16 attention heads");
        assertThatThrownBy(() -> StepModel.evaluate(GPT, ParallelPlan.of(2, 1, 2, 1, 4, 1, Recompute.NONE), ideal(8)))
                .hasMessageContaining("= 4 GPUs, but the job has 8");
        assertThatThrownBy(() -> ParallelPlan.of(1, 1, 4, 1, 6, 1, Recompute.NONE))
                .hasMessageContaining("global batch 6 is not a multiple of dp × micro-batch");
        assertThatThrownBy(() -> ParallelPlan.of(1, 4, 1, 1, 6, 2, Recompute.NONE))
                .hasMessageContaining("multiple of pp");
        assertThatThrownBy(() -> StepModel.evaluate(GPT, ParallelPlan.of(1, 1, 1, 1, 1, 1, Recompute.NONE), ideal(1), new double[] {0.5}, false))
                .hasMessageContaining("straggler slow-down 0.5");
    }

    @Test
    void aStragglerSlowsItsStageAndThePipelineAbsorbsLessThanItsFactor() {
        ParallelPlan pipe = new ParallelPlan(1, 4, 1, 1, 1, 1, 16, 1, Recompute.NONE, false, false, false);
        double base = StepModel.evaluate(GPT, pipe, ideal(4)).stepSeconds();
        double slow = StepModel.evaluate(GPT, pipe, ideal(4), new double[] {1.5}, false).stepSeconds();
        assertThat(slow).isGreaterThan(base * 1.2).isLessThan(base * 1.5);
        ParallelPlan flat = new ParallelPlan(1, 1, 1, 1, 1, 1, 16, 1, Recompute.NONE, false, false, false);
        double b1 = StepModel.evaluate(GPT, flat, ideal(1)).stepSeconds();
        assertThat(StepModel.evaluate(GPT, flat, ideal(1), new double[] {1.5}, false).stepSeconds()).isCloseTo(1.5 * b1, within(b1 * 1e-9));
    }

    @Test
    void stragglersSitOnTheStagesWithTheMostCompute() {
        // 9 layers on 4 stages split 2, 2, 3, 2: a 2x straggler on the 3-layer stage doubles the step (6 layer-units of
        // busy time per micro-batch against 3); on a 2-layer stage it would cost only 4/3
        ModelSpec nine = ModelSpec.dense("n", Family.GPT, 9, 1024, 4096, 16, 16, 1, 512);
        ParallelPlan pipe = new ParallelPlan(1, 4, 1, 1, 1, 1, 64, 1, Recompute.NONE, false, false, false);
        double base = StepModel.evaluate(nine, pipe, ideal(4)).stepSeconds();
        double slow = StepModel.evaluate(nine, pipe, ideal(4), new double[] {2.0}, false).stepSeconds();
        assertThat(slow / base).isGreaterThan(1.8);
    }

    @Test
    void groupsLargerThanADomainUseTheFabricAndGroupsThatFitStayInside() {
        LinkCost up = new LinkCost(1e-6, 700e9);
        LinkCost out = new LinkCost(5e-6, 47e9);
        GroupNetwork net = GroupNetwork.twoLevel(72, up, out);
        assertThat(net.link(8, 1)).isSameAs(up);
        assertThat(net.link(36, 2)).isSameAs(up);
        // issue 16's placement rule: groups of 16 are placed whole, four to a 72-GPU domain (before: blocks of 16 straddled
        // GPUs 64-79 and the ring took the fabric)
        assertThat(net.link(16, 1)).isSameAs(up);
        assertThat(net.link(2, 32)).isSameAs(up);
        assertThat(net.link(2, 64)).as("span 128 > 72").isSameAs(out);
        assertThat(net.bisectionBytesPerSecond(16, 1)).isInfinite();
        assertThat(net.bisectionBytesPerSecond(2, 64)).isFinite();
    }

    @Test
    void breakdownSumsToTheStep() {
        TrainingSystem sel = PublishedRuns.selene(64);
        StepResult r = StepModel.evaluate(Models.preset("gpt3-175b"), new ParallelPlan(8, 8, 1, 1, 1, 1, 64, 3, Recompute.SELECTIVE, true, false, false), sel);
        double sum = r.breakdown().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo(r.stepSeconds(), within(r.stepSeconds() * 1e-9));
        assertThat(r.breakdown()).containsKeys("compute", "recompute", "tp", "cp", "ep", "pp", "pipelineBubble", "dp", "optimizer");
    }

    @Test
    void searchWithPruningFindsTheSameBestPlansAsExhaustiveEvaluation() {
        ModelSpec m = ModelSpec.dense("s", Family.LLAMA, 16, 2048, 5632, 16, 4, 32000, 2048);
        // with compute slow-downs, so that the TP overlap modes differ (issue 16: the search times only the undominated ones)
        TrainingSystem sys = new TrainingSystem("h100x64", GpuSpec.H100_SXM, KernelCosts.of(GpuSpec.H100_SXM), 64,
                GroupNetwork.twoLevel(8, new LinkCost(1e-6, 370e9), new LinkCost(5e-6, 47e9), 0.15, 0.02));
        PlanSearch.Result r = PlanSearch.search(m, sys, 256, null, 5);
        List<StepResult> all = new ArrayList<>();
        for (int tp = 1; tp <= 16; tp *= 2) {
            for (int cp = 1; cp <= 16; cp *= 2) {
                for (int pp = 1; pp <= 16; pp++) {
                    if (64 % (tp * cp * pp) != 0) {
                        continue;
                    }
                    int dp = 64 / (tp * cp * pp);
                    for (int mb : PlanSearch.MICRO_BATCHES) {
                        for (int v : PlanSearch.INTERLEAVES) {
                            for (Recompute rc : new Recompute[] {Recompute.NONE, Recompute.FULL}) {
                                for (TpOverlap o : tp == 1 ? new TpOverlap[] {TpOverlap.BACKWARD} : TpOverlap.values()) {
                                    ParallelPlan p;
                                    try {
                                        p = new ParallelPlan(tp, pp, dp, 1, cp, mb, 256, v, rc, tp > 1, true, true, o, true);
                                    } catch (IllegalArgumentException e) {
                                        continue;
                                    }
                                    if (!p.problems(m, 64).isEmpty() || (v > 1 && v > m.layers() / pp)) {
                                        continue;
                                    }
                                    StepResult s = StepModel.evaluate(m, p, sys);
                                    if (s.memory().fits()) {
                                        all.add(s);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        all.sort(Comparator.comparingDouble(StepResult::stepSeconds).thenComparing(s -> s.plan().label())); // the search's order, ties by label
        // the search times each shape with its undominated TP overlaps only: compare shapes, each at its fastest overlap
        java.util.function.Function<StepResult, String> shape = s -> s.plan().withOverlap(TpOverlap.BACKWARD, true).label();
        List<StepResult> bestPerShape = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (StepResult s : all) {
            if (seen.add(shape.apply(s))) {
                bestPerShape.add(s);
            }
        }
        List<StepResult> searched = new ArrayList<>();
        seen.clear();
        for (StepResult s : r.ranked()) {
            if (seen.add(shape.apply(s))) {
                searched.add(s);
            }
        }
        assertThat(searched).extracting(s -> s.plan().label())
                .containsExactlyElementsOf(bestPerShape.subList(0, searched.size()).stream().map(s -> s.plan().label()).toList());
        assertThat(r.best().stepSeconds()).isEqualTo(all.get(0).stepSeconds());
        assertThat(r.pruned()).isPositive();
    }

    @Test
    void searchUnderStragglersRanksByTheStepWithStragglers() {
        ModelSpec m = ModelSpec.dense("s", Family.LLAMA, 16, 2048, 5632, 16, 4, 32000, 2048);
        TrainingSystem sys = new TrainingSystem("h100x64", GpuSpec.H100_SXM, KernelCosts.of(GpuSpec.H100_SXM), 64,
                GroupNetwork.twoLevel(8, new LinkCost(1e-6, 370e9), new LinkCost(5e-6, 47e9)));
        double[] slow = {1.5};
        PlanSearch.Result r = PlanSearch.search(m, sys, 256, PlanSearch.Fixed.NONE, null, 3, slow);
        for (StepResult s : r.ranked()) {
            assertThat(s.stepSeconds()).isEqualTo(StepModel.evaluate(m, s.plan(), sys, slow, false).stepSeconds());
        }
        assertThat(r.best().stepSeconds()).isGreaterThan(PlanSearch.search(m, sys, 256, null, 1).best().stepSeconds());
    }

    @Test
    void deepSeekShapedPresetIsNearThePublishedSizes() {
        ModelSpec d = Models.preset("deepseek-v3-like");
        assertThat(d.parameterCount() / 671e9).isCloseTo(1, within(0.06));   // MLA-as-MHA and dense-as-MoE approximations
        assertThat(d.activeParameterCount() / 37e9).isCloseTo(1, within(0.06));
    }
}
