package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;

/** TP overlap modes, compute slow-down while communicating, CP ring overlap and GEMM wave quantisation (issue 16). */
class OverlapTest {

    @Test
    void exposuresFollowTheirClosedForms() {
        double c = 1.0;
        int t = 8;
        double u = 0.15;
        assertThat(TpOverlap.NONE.exposed(c, 5, t, u)).isEqualTo(1.0);
        // compute long enough: only the slow-down of the overlapped compute is exposed
        assertThat(TpOverlap.BACKWARD.exposed(c, 5, t, u)).isCloseTo(0.15, within(1e-15));
        // compute shorter than the collective: the rest is exposed
        assertThat(TpOverlap.BACKWARD.exposed(c, 0.4, t, u)).isCloseTo(0.6, within(1e-15));
        assertThat(TpOverlap.RING.exposed(c, 0.8, t, u)).isCloseTo(1 - 0.8 * 7 / 8, within(1e-15));
        assertThat(TpOverlap.PIPELINED.exposed(c, 0.8, t, u)).isCloseTo(1.0 / 8 + 0.2 * 7 / 8, within(1e-15));
        assertThat(TpOverlap.PIPELINED.exposed(c, 5, t, u)).isCloseTo(1.0 / 8 + 0.15 * 7 / 8, within(1e-15));
        assertThat(TpOverlap.RING.exposed(0, 5, t, u)).isZero();
    }

    /** The search's pruning of overlap modes rests on these orderings: pipelined ≥ ring and none ≥ backward, per collective. */
    @Test
    void pipelinedNeverBeatsRingAndNoneNeverBeatsBackward() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(16);
        for (int i = 0; i < 10_000; i++) {
            double c = rnd.nextDouble(1e-5, 1e-2);
            double w = rnd.nextDouble(0, 2e-2);
            double u = rnd.nextDouble(0, 0.99);
            int t = 1 << rnd.nextInt(1, 7);
            assertThat(TpOverlap.PIPELINED.exposed(c, w, t, u)).isGreaterThanOrEqualTo(TpOverlap.RING.exposed(c, w, t, u) * (1 - 1e-12));
            assertThat(TpOverlap.NONE.exposed(c, w, t, u)).isGreaterThanOrEqualTo(TpOverlap.BACKWARD.exposed(c, w, t, u));
        }
    }

    @Test
    void ringAndPipelinedNeedSequenceParallelism() {
        ParallelPlan p = new ParallelPlan(8, 1, 1, 1, 1, 1, 8, 1, Recompute.NONE, false, true, true, TpOverlap.RING, true);
        assertThat(p.problems(Models.preset("gpt3-175b"), 8)).anySatisfy(s -> assertThat(s).contains("sequence parallelism"));
        assertThat(TpOverlap.parse("Pipelined")).isEqualTo(TpOverlap.PIPELINED);
        assertThatThrownBy(() -> TpOverlap.parse("rings")).hasMessageContaining("none, backward, ring, pipelined");
    }

    @Test
    void tpOverlapAndDpOverlapChangeTheStepAsTheyShould() {
        ModelSpec m = Models.preset("llama3-405b");
        TrainingSystem sys = PublishedRuns.llamaSystem(16384);
        ParallelPlan base = new ParallelPlan(8, 16, 128, 1, 1, 1, PublishedRuns.LLAMA_BATCH, 4, Recompute.FULL, true, true, true,
                TpOverlap.NONE, true);
        double none = StepModel.evaluate(m, base, sys).breakdown().get("tp");
        double back = StepModel.evaluate(m, base.withOverlap(TpOverlap.BACKWARD, true), sys).breakdown().get("tp");
        double ring = StepModel.evaluate(m, base.withOverlap(TpOverlap.RING, true), sys).breakdown().get("tp");
        double pipe = StepModel.evaluate(m, base.withOverlap(TpOverlap.PIPELINED, true), sys).breakdown().get("tp");
        assertThat(back).isLessThan(none);
        assertThat(ring).isLessThan(back).isLessThanOrEqualTo(pipe);
        StepResult dpOn = StepModel.evaluate(m, base, sys);
        StepResult dpOff = StepModel.evaluate(m, base.withOverlap(TpOverlap.NONE, false), sys);
        assertThat(dpOff.breakdown().get("dp")).isGreaterThan(dpOn.breakdown().get("dp"));
        assertThat(dpOff.plan().label()).contains("no-dp-overlap");
    }

    /** CP's K/V ring is exposed when the attention compute is shorter than the transfers (a short sequence, a slow tier). */
    @Test
    void contextParallelRingIsExposedWhenComputeIsShorter() {
        ModelSpec shortSeq = Models.preset("llama3-405b");
        // CP over the fabric (stride TP 8 leaves the 8-GPU board): K/V blocks at 47 GB/s
        ParallelPlan cp = new ParallelPlan(8, 16, 64, 1, 2, 1, PublishedRuns.LLAMA_BATCH, 4, Recompute.FULL, true, true, true);
        StepResult r = StepModel.evaluate(shortSeq, cp, PublishedRuns.llamaSystem(16384));
        StepModel.LayerCost lc = StepModel.layerCost(shortSeq, cp, PublishedRuns.llamaSystem(16384));
        // at least the slow-down of the overlapped attention (0.02 on the fabric) is charged
        assertThat(lc.fwdCp()).isPositive();
        assertThat(r.breakdown().get("cp")).isPositive();
        // a 16 x slower fabric: the transfers outlast the attention and the excess shows
        TrainingSystem slow = SystemSpec.from(Documents.preset(Documents.Kind.SYSTEM, "llama3-h100").with("scaleOut.bandwidth", "25 Gb/s"))
                .system(16384);
        StepModel.LayerCost ls = StepModel.layerCost(shortSeq, cp, slow);
        assertThat(ls.fwdCp()).isGreaterThan(10 * lc.fwdCp());
    }

    @Test
    void waveQuantisationFollowsTheTileGrid() {
        KernelCosts a100 = KernelCosts.of(GpuSpec.A100_80G);
        // 2,048 x 4,608: 8 x 36 = 288 tiles of 256 x 128 (or 16 x 18 = 288 of 128 x 256) on 108 SMs = 2.67 waves -> 3
        assertThat(a100.waveEfficiency(2048, 4608, 1)).isCloseTo(288.0 / 324, within(1e-12));
        // a whole number of waves: 108 tiles of 256 x 128
        assertThat(a100.waveEfficiency(256 * 12, 128 * 9, 1)).isEqualTo(1.0);
        // partial edge tiles count as idle area: 100 x 100 in one 256 x 128 tile, 1 of 108 SMs busy
        assertThat(a100.waveEfficiency(100, 100, 1)).isCloseTo(100.0 * 100 / (108 * 256 * 128), within(1e-15));
        // no SM count, no quantisation
        assertThat(KernelCosts.of(new GpuSpec("x", 1e15, 1e12, 1e10, GpuSpec.A100_80G.efficiency())).waveEfficiency(100, 100, 1)).isEqualTo(1);
        assertThat(GpuSpec.A100_80G.multiprocessors()).isEqualTo(108);
        assertThat(GpuSpec.H100_SXM.multiprocessors()).isEqualTo(132);
    }

    @Test
    void computeSlowdownIsReadAndBounded() {
        assertThat(PublishedRuns.selene(64).network().computeSlowdown(8, 1)).isEqualTo(0.63);
        assertThat(PublishedRuns.selene(64).network().computeSlowdown(8, 8)).isEqualTo(0.02);
        ScenarioDocument sel = Documents.preset(Documents.Kind.SYSTEM, "selene");
        assertThatThrownBy(() -> SystemSpec.from(sel.with("scaleUp.computeSlowdown", "1.5"))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("scaleUp.computeSlowdown");
        assertThatThrownBy(() -> GpuSpec.from(Documents.preset(Documents.Kind.GPU, "a100-80g").with("multiprocessors", "0")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("multiprocessors");
    }
}
