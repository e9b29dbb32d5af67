package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mosaic.cluster.training.StepSchedule.Interval;
import org.mosaic.cluster.training.StepSchedule.Kind;
import org.mosaic.cluster.training.pipeline.PipelineInput;
import org.mosaic.cluster.training.pipeline.PipelineResult;
import org.mosaic.cluster.training.pipeline.PipelineSchedule;
import org.mosaic.cluster.training.pipeline.PipelineSimulator;

/** The step's per-stage schedule (issue 20's pipeline timeline): its makespan is the step, against the 1F1B closed form and the step model. */
class StepScheduleTest {

    /** Each stage's intervals start at 0, follow each other with no gap or overlap and end at the step. */
    static void assertTiles(StepSchedule s) {
        assertThat(s.byStage()).hasSize(s.stages());
        for (List<Interval> stage : s.byStage()) {
            assertThat(stage.get(0).startSeconds()).isEqualTo(0.0);
            for (int i = 1; i < stage.size(); i++) {
                assertThat(stage.get(i).startSeconds()).isEqualTo(stage.get(i - 1).endSeconds());
                assertThat(stage.get(i).endSeconds()).isGreaterThanOrEqualTo(stage.get(i).startSeconds());
            }
            assertThat(stage.get(stage.size() - 1).endSeconds()).isEqualTo(s.stepSeconds());
        }
    }

    @Test
    void equalStagesOf1F1BHaveTheClosedFormBubbleAndMakespan() {
        // 1F1B with equal stages and no p2p: makespan (m + p − 1)(f + b), each stage idle (p − 1)(f + b), bubble fraction
        // (p − 1)/(m + p − 1) (Narayanan et al. 2021 §2.2)
        int p = 4;
        int m = 8;
        double f = 1.0;
        double b = 2.0;
        PipelineResult pr = PipelineSimulator.simulateWithTimeline(PipelineSchedule.ONE_F_ONE_B, PipelineInput.uniform(p, m, 1, f, b, 0));
        StepSchedule s = StepSchedule.of("1F1B", pr, m, 1, 0, new double[p], new double[p]);
        assertTiles(s);
        assertThat(s.stepSeconds()).isCloseTo((m + p - 1) * (f + b), within(1e-12));
        for (int stage = 0; stage < p; stage++) {
            assertThat(s.seconds(stage, Kind.FORWARD)).isCloseTo(m * f, within(1e-12));
            assertThat(s.seconds(stage, Kind.BACKWARD)).isCloseTo(m * b, within(1e-12));
            assertThat(s.seconds(stage, Kind.BUBBLE) / s.stepSeconds()).isCloseTo((p - 1.0) / (m + p - 1), within(1e-12));
            assertThat(s.byStage().get(stage)).noneMatch(i -> i.kind() == Kind.SEND || i.kind() == Kind.DP || i.kind() == Kind.OPTIMIZER);
        }
    }

    @Test
    void theScheduleOfAStepEndsAtTheStepTimeWithItsCommunicationAndOptimizer() {
        // GPT-3 175B on 128 Selene GPUs: TP 8, PP 8 interleaved by 3, DP 2, so every kind of interval appears
        ParallelPlan plan = new ParallelPlan(8, 8, 2, 1, 1, 1, 64, 3, Recompute.FULL, false, false, false, TpOverlap.BACKWARD, true);
        StepResult r = StepModel.evaluate(Models.preset("gpt3-175b"), plan, PublishedRuns.selene(128), null, true);
        StepSchedule s = r.schedule();
        assertThat(s).isNotNull();
        assertThat(s.schedule()).isEqualTo("interleaved");
        assertTiles(s);
        assertThat(s.stepSeconds()).isEqualTo(r.stepSeconds());
        assertThat(s.pipelineSeconds()).isEqualTo(r.pipeline().makespanSeconds());
        assertThat(s.dpSeconds()).isCloseTo(r.breakdown().get("dp"), within(1e-15));
        assertThat(s.optimizerSeconds()).isCloseTo(r.breakdown().get("optimizer"), within(1e-15));
        double p2p = r.communication().get("p2pSeconds");
        assertThat(p2p).isPositive();
        for (int stage = 0; stage < s.stages(); stage++) {
            double busy = s.seconds(stage, Kind.FORWARD) + s.seconds(stage, Kind.BACKWARD) + s.seconds(stage, Kind.SEND);
            assertThat(busy).isCloseTo(r.pipeline().busySeconds(stage), within(1e-9 * busy));
            // every op sends but the last global chunk's forwards and the first global chunk's backwards: m per such chunk
            int sends = 2 * plan.microBatches() * plan.interleave() - (stage == 0 || stage == s.stages() - 1 ? plan.microBatches() : 0);
            assertThat(s.byStage().get(stage).stream().filter(i -> i.kind() == Kind.SEND).count()).isEqualTo(sends);
            assertThat(s.seconds(stage, Kind.SEND)).isCloseTo(sends * p2p, within(1e-9));
            assertThat(s.seconds(stage, Kind.OPTIMIZER)).isPositive();
        }
        int busiest = 0;
        for (int stage = 1; stage < s.stages(); stage++) {
            busiest = r.pipeline().busySeconds(stage) > r.pipeline().busySeconds(busiest) ? stage : busiest;
        }
        assertThat(s.seconds(busiest, Kind.BUBBLE)).isCloseTo(r.breakdown().get("pipelineBubble"), within(1e-9));
    }

    @Test
    void aStepWithoutTimelineHasNoSchedule() {
        ParallelPlan plan = new ParallelPlan(1, 2, 1, 1, 1, 1, 4, 1, Recompute.NONE, false, false, false);
        assertThat(StepModel.evaluate(StepModelTest.GPT, plan, StepModelTest.ideal(2)).schedule()).isNull();
        assertThat(StepModel.evaluate(StepModelTest.GPT, plan, StepModelTest.ideal(2), null, true).schedule().stages()).isEqualTo(2);
    }
}
