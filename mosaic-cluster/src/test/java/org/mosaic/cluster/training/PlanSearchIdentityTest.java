package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mosaic.cluster.training.ModelSpec.Family;
import org.mosaic.cluster.training.pipeline.PipelineInput;
import org.mosaic.cluster.training.pipeline.PipelineSchedule;
import org.mosaic.cluster.training.pipeline.PipelineSimulator;

/**
 * Regression for the search's speed work (t16b): the bounded search — one evaluation per plan shared by its memory test,
 * its offload and TP-overlap variants, each variant's layer cost computed once for the dominance test and the step, and
 * the busy-time bound before the pipeline is simulated — must rank exactly what the exhaustive path ranks (a listener
 * turns every bound off and times every fitting variant in full), and every step it reports must be bit-identical to a
 * fresh {@link StepModel#evaluate} of the same plan, which shares nothing with the search.
 */
class PlanSearchIdentityTest {

    private record Job(String name, ModelSpec model, TrainingSystem system, int globalBatch, PlanSearch.Fixed fixed, int keep,
                       double[] stragglers) {
    }

    private static List<Job> jobs() {
        ModelSpec small = ModelSpec.dense("s", Family.LLAMA, 16, 2048, 5632, 16, 4, 32000, 2048);
        TrainingSystem h100x64 = new TrainingSystem("h100x64", GpuSpec.H100_SXM, KernelCosts.of(GpuSpec.H100_SXM), 64,
                GroupNetwork.twoLevel(8, new LinkCost(1e-6, 370e9), new LinkCost(5e-6, 47e9), 0.15, 0.02));
        return List.of(
                new Job("gpt3-175b on 64 A100s", Models.preset("gpt3-175b"), PublishedRuns.selene(64), 64, PlanSearch.Fixed.NONE, 5,
                        new double[0]),
                new Job("deepseek-v3-like on 256 H100s (expert parallelism)", Models.preset("deepseek-v3-like"),
                        PublishedRuns.llamaSystem(256), 256, PlanSearch.Fixed.NONE, 5, new double[0]),
                new Job("gpt3-175b on 8 A100s, offload searched", Models.preset("gpt3-175b"), PublishedRuns.selene(8), 8,
                        PlanSearch.Fixed.NONE.withOffload(Offload.NONE, true), 3, new double[0]),
                new Job("small model, compute slow-downs and two stragglers", small, h100x64, 256, PlanSearch.Fixed.NONE, 7,
                        new double[] {1.3, 1.1}));
    }

    @Test
    void boundedSearchRanksExactlyWhatTheExhaustivePathRanks() {
        List<Job> jobs = new ArrayList<>(jobs());
        // the benchmark's model and network (context parallelism, interleaving, both TP overlaps) on 1,024 GPUs
        jobs.add(new Job("llama3-405b on 1,024 H100s", Models.preset("llama3-405b"), PublishedRuns.llamaSystem(1024), 256,
                PlanSearch.Fixed.NONE, 5, new double[0]));
        for (Job j : jobs) {
            PlanSearch.Result bounded = PlanSearch.search(j.model(), j.system(), j.globalBatch(), j.fixed(), null, j.keep(), j.stragglers());
            List<PlanSearch.Examined> every = new ArrayList<>();
            PlanSearch.Result exhaustive = PlanSearch.search(j.model(), j.system(), j.globalBatch(), j.fixed(), null, j.keep(), j.stragglers(),
                    every::add);
            assertThat(bounded.ranked()).as(j.name()).isNotEmpty();
            assertThat(bounded.ranked()).as(j.name()).extracting(r -> r.plan().label())
                    .containsExactlyElementsOf(exhaustive.ranked().stream().map(r -> r.plan().label()).toList());
            assertThat(bounded.ranked()).as(j.name()).extracting(StepResult::stepSeconds)
                    .containsExactlyElementsOf(exhaustive.ranked().stream().map(StepResult::stepSeconds).toList());
            assertThat(bounded.evaluated()).as(j.name()).isEqualTo(exhaustive.evaluated());
            assertThat(bounded.rejectedMemory()).as(j.name()).isEqualTo(exhaustive.rejectedMemory());
            long timed = every.stream().filter(e -> e.outcome().equals("fits")).count();
            assertThat(exhaustive.pruned()).as(j.name()).isZero();
            // every variant the exhaustive path times is either timed or bounded out by the bounded search
            assertThat(bounded.pruned()).as(j.name()).isPositive().isLessThan((int) timed);
        }
    }

    @Test
    void everyStepTheSearchTimesEqualsAFreshEvaluationOfThePlan() {
        for (Job j : jobs()) {
            List<PlanSearch.Examined> every = new ArrayList<>();
            PlanSearch.search(j.model(), j.system(), j.globalBatch(), j.fixed(), null, j.keep(), j.stragglers(), every::add);
            int checked = 0;
            for (PlanSearch.Examined e : every) {
                if (e.outcome().equals("fits")) {
                    StepResult fresh = StepModel.evaluate(j.model(), e.plan(), j.system(), j.stragglers(), false);
                    assertThat(e.step().stepSeconds()).as(j.name() + ": " + e.plan().label()).isEqualTo(fresh.stepSeconds());
                    assertThat(e.step().breakdown()).as(j.name() + ": " + e.plan().label()).isEqualTo(fresh.breakdown());
                    assertThat(e.memory().totalBytes()).as(j.name() + ": " + e.plan().label()).isEqualTo(fresh.memory().totalBytes());
                    checked++;
                } else {
                    assertThat(e.memory().totalBytes()).as(j.name() + ": " + e.plan().label())
                            .isEqualTo(StepModel.memory(j.model(), e.plan(), j.system()).totalBytes());
                }
            }
            assertThat(checked).as(j.name()).isPositive();
        }
    }

    /**
     * The pipeline bound the search skips plans with is a lower bound of the simulated makespan: 400 random stage/chunk times
     * (fixed seed; a violation beyond rounding is a bug, not a chance event — the bound is proved in its javadoc), and the closed form
     * (m + (p − 1)/v)·(f + b) for uniform chunks.
     */
    @Test
    void pipelineLowerBoundNeverExceedsTheSimulatedMakespan() {
        java.util.Random rnd = new java.util.Random(16);
        for (int trial = 0; trial < 400; trial++) {
            int p = 1 + rnd.nextInt(8);
            int v = p == 1 ? 1 : new int[] {1, 2, 3, 4}[rnd.nextInt(4)];
            int m = v == 1 ? 1 + rnd.nextInt(24) : p * (1 + rnd.nextInt(4));
            double[][] fwd = new double[p][v];
            double[][] bwd = new double[p][v];
            for (int s = 0; s < p; s++) {
                for (int c = 0; c < v; c++) {
                    fwd[s][c] = 0.1 + 2 * rnd.nextDouble();
                    bwd[s][c] = 0.1 + 4 * rnd.nextDouble();
                }
            }
            double makespan = PipelineSimulator.simulate(v > 1 ? PipelineSchedule.INTERLEAVED : PipelineSchedule.ONE_F_ONE_B,
                    new PipelineInput(p, m, v, fwd, bwd, 0)).makespanSeconds();
            assertThat(StepModel.Evaluation.pipelineLowerBound(fwd, bwd, m)).as("p %d v %d m %d", p, v, m)
                    .isLessThanOrEqualTo(makespan * (1 + 1e-13));   // equal up to rounding (m·Σ vs a running sum); the search keeps 1e-9
            assertThat(StepModel.BOUND_ROUNDING_MARGIN).isGreaterThan(1e-13);
        }
        double[][] f = {{1, 1}, {1, 1}, {1, 1}, {1, 1}};
        double[][] b = {{2, 2}, {2, 2}, {2, 2}, {2, 2}};
        assertThat(StepModel.Evaluation.pipelineLowerBound(f, b, 8)).isEqualTo((8 * 2 + 3) * 3.0);   // (m + (p−1)/v)·v·(f + b), chunk f 1, b 2
    }
}
