package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A plan that beats the published Llama 3 run by 10+ MFU points says which assumption makes it so (issue 12). */
class PublishedGapTest {
    private static final TrainingSystem LLAMA = PublishedRuns.llamaSystem(16384);
    private static final ModelSpec M = Models.preset("llama3-405b");
    /** The plan the search finds on h100-16k: CP 2 halves the activations, so no recomputation is needed. */
    private static final ParallelPlan CP2 = new ParallelPlan(8, 16, 64, 1, 2, 1, PublishedRuns.LLAMA_BATCH, 4, Recompute.NONE, true, true,
            true);

    @Test
    void turningNoOverlapOffIsThePlainEvaluation() {
        StepResult a = StepModel.evaluate(M, CP2, LLAMA);
        StepResult b = StepModel.evaluateWithout(M, CP2, LLAMA, new double[0], Set.of());
        assertThat(b.stepSeconds()).isEqualTo(a.stepSeconds());
    }

    @Test
    void eachOverlapTurnedOffExposesItsCommunication() {
        StepResult all = StepModel.evaluate(M, CP2, LLAMA);
        StepResult noCp = StepModel.evaluateWithout(M, CP2, LLAMA, new double[0], EnumSet.of(StepModel.Overlap.CP_RING));
        StepResult noDp = StepModel.evaluateWithout(M, CP2, LLAMA, new double[0], EnumSet.of(StepModel.Overlap.DP_GRADIENTS));
        StepResult none = StepModel.evaluateWithout(M, CP2, LLAMA, new double[0], EnumSet.allOf(StepModel.Overlap.class));
        assertThat(noCp.breakdown().get("cp")).isGreaterThan(all.breakdown().get("cp"));
        assertThat(noDp.breakdown().get("dp")).isGreaterThan(all.breakdown().get("dp"));
        assertThat(noCp.stepSeconds()).isGreaterThan(all.stepSeconds());
        assertThat(noDp.stepSeconds()).isGreaterThan(all.stepSeconds());
        assertThat(none.stepSeconds()).isGreaterThanOrEqualTo(Math.max(noCp.stepSeconds(), noDp.stepSeconds()));
    }

    @Test
    void aPlanBeatingThePublishedRunSaysWhatMakesItSo_issue12() {
        StepResult best = StepModel.evaluate(M, CP2, LLAMA);
        PublishedRuns.Llama run = PublishedRuns.LLAMA.get(1);
        assertThat(100 * (best.mfu() - run.publishedMfu())).as("the case of the issue: far above Meta's 41 %")
                .isGreaterThanOrEqualTo(PublishedGap.THRESHOLD_POINTS);
        PublishedGap g = PublishedGap.of(M, best, LLAMA, new double[0]).orElseThrow();
        assertThat(g.publishedMfu()).isEqualTo(0.41);
        assertThat(g.mfuWithout()).containsOnlyKeys("cp-overlap", "dp-overlap");
        g.mfuWithout().values().forEach(v -> assertThat(v).isLessThan(g.mfu()));
        assertThat(g.mfuWithoutOverlaps()).isLessThanOrEqualTo(g.mfuWithout().get("dp-overlap"));
        // computed, not asserted in advance: whatever accounts for it removes at least half of the gap
        assertThat(g.accountedBy()).isNotEmpty();
        double half = (g.mfu() - g.publishedMfu()) / 2;
        for (String a : g.accountedBy()) {
            double without = a.equals("plan") ? g.publishedShapeMfu() : g.mfuWithout().get(a);
            assertThat(g.mfu() - without).as(a).isGreaterThanOrEqualTo(half);
        }
        assertThat(g.publishedShape()).startsWith("TP8 PP16").contains("DP128");
        assertThat(g.explanation()).contains("41.0 %", "cp-overlap", "dp-overlap", "published shape", "account");
    }

    @Test
    void noGapIsReportedBelowTheThresholdOrForAnotherRun() {
        StepResult best = StepModel.evaluate(M, CP2, LLAMA);
        // the published shape itself is within 10 points of Meta's run
        StepResult shape = PlanSearch.search(M, LLAMA, PublishedRuns.LLAMA_BATCH, new PlanSearch.Fixed(8, 16, 128, 1, 1, 1, null, null), null, 1)
                .best();
        assertThat(shape.mfu()).isCloseTo(0.41, within(0.10));
        assertThat(PublishedGap.of(M, shape, LLAMA, new double[0])).isEmpty();
        // another GPU count or model has no published run to match
        assertThat(PublishedGap.of(Models.preset("gpt3-175b"), best, LLAMA, new double[0])).isEmpty();
        assertThat(PublishedRuns.matching(M, PublishedRuns.llamaSystem(4096))).isEmpty();
    }
}
