package org.mosaic.cluster.training.goodput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mosaic.cluster.training.goodput.Timeline.Kind.CHECKPOINT;
import static org.mosaic.cluster.training.goodput.Timeline.Kind.COMPUTE;
import static org.mosaic.cluster.training.goodput.Timeline.Kind.DETECT;
import static org.mosaic.cluster.training.goodput.Timeline.Kind.REPLACE;
import static org.mosaic.cluster.training.goodput.Timeline.Kind.RESTART;
import static org.mosaic.cluster.training.goodput.Timeline.Kind.REWORK;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulator's rules on hand-made events, each outcome worked out by hand: a one-day campaign, T = 1,000 s of
 * computation, δ = 100 s save, R = 300 s restart; a GPU fault (detected in 60 s, hot-spare swap 200 s, repair
 * 5,000 s), a software crash (detected in 60 s) and planned maintenance.
 */
class ReplayTest {
    private static final FailureCauses CAUSES = FailureCauses.of(
            FailureCause.unplanned("gpu", "GPU", 1e-6, 1, Recovery.replace(60, 200, 5000)),
            FailureCause.unplanned("bug", "Dependency", 1e-6, 1, Recovery.restartOnly(60)),
            FailureCause.planned("maint", "Planned", 1e-6, 1));
    private static final CampaignSpec SPEC = new CampaignSpec(8, 1, CAUSES, new CheckpointPlan(1000, 100, 300), true, 2, 0);

    private static FailureEvent gpu(double t) {
        return new FailureEvent(t, "gpu", false);
    }

    private static FailureEvent bug(double t) {
        return new FailureEvent(t, "bug", false);
    }

    private static FailureEvent maint(double t) {
        return new FailureEvent(t, "maint", true);
    }

    private static Timeline.Segment seg(Timeline.Kind kind, double start, double end) {
        return new Timeline.Segment(kind, start, end);
    }

    /** The first {@code n} segments of a replay. */
    private static List<Timeline.Segment> first(CampaignSimulator.Replay r, int n) {
        return r.timeline().segments().subList(0, n);
    }

    private static void assertAddsUp(TrialResult r) {
        double sum = r.productiveSeconds() + r.reworkSeconds() + r.uncommittedSeconds() + r.checkpointSeconds() + r.downtimeSeconds();
        assertThat(sum).isCloseTo(r.wallSeconds(), within(1e-6));
    }

    @Test
    void withoutFailuresTheJobAlternatesComputeAndSave() {
        CampaignSimulator.Replay r = CampaignSimulator.replay(SPEC, List.of());
        // 86,400 s = 78 cycles of 1,100 s + 600 s of computation not yet saved
        assertThat(r.result().checkpointsCompleted()).isEqualTo(78);
        assertThat(r.result().productiveSeconds()).isCloseTo(78_000, within(1e-6));
        assertThat(r.result().checkpointSeconds()).isCloseTo(7_800, within(1e-6));
        assertThat(r.result().uncommittedSeconds()).isCloseTo(600, within(1e-6));
        assertThat(r.result().ettr()).isCloseTo(78_000 / 86_400.0, within(1e-12));
        assertThat(r.result().lostGpuHoursPerDay(8)).isCloseTo(8_400 * 8 / 3600.0, within(1e-9));
        assertAddsUp(r.result());
    }

    @Test
    void aFailureLosesTheUncommittedWorkThenDetectsReplacesAndRestarts() {
        CampaignSimulator.Replay r = CampaignSimulator.replay(SPEC, List.of(gpu(1500)));
        assertThat(first(r, 7)).containsExactly(seg(COMPUTE, 0, 1000), seg(CHECKPOINT, 1000, 1100), seg(REWORK, 1100, 1500),
                seg(DETECT, 1500, 1560), seg(REPLACE, 1560, 1760), seg(RESTART, 1760, 2060), seg(COMPUTE, 2060, 3060));
        TrialResult t = r.result();
        assertThat(t.reworkSeconds()).isCloseTo(400, within(1e-9));
        assertThat(t.detectSeconds()).isCloseTo(60, within(1e-9));
        assertThat(t.replaceSeconds()).isCloseTo(200, within(1e-9));
        assertThat(t.restartSeconds()).isCloseTo(300, within(1e-9));
        assertThat(t.unplannedInterruptions()).isEqualTo(1);
        assertThat(t.interruptionsByCause()).containsEntry("gpu", 1L).containsEntry("bug", 0L).containsEntry("maint", 0L);
        assertThat(r.timeline().events()).containsExactly(gpu(1500));
        assertAddsUp(t);
    }

    @Test
    void withoutSparesTheRestartWaitsForTheRepair() {
        CampaignSimulator.Replay r = CampaignSimulator.replay(SPEC.withHotSpares(false), List.of(gpu(1500)));
        assertThat(first(r, 6).subList(3, 6)).containsExactly(seg(DETECT, 1500, 1560), seg(REPLACE, 1560, 6560), seg(RESTART, 6560, 6860));
    }

    @Test
    void aFailureDuringTheRestartRestartsTheRestart() {
        CampaignSimulator.Replay r = CampaignSimulator.replay(SPEC, List.of(bug(1500), bug(1700)));
        assertThat(first(r, 8).subList(3, 8)).containsExactly(seg(DETECT, 1500, 1560), seg(RESTART, 1560, 1700),
                seg(DETECT, 1700, 1760), seg(RESTART, 1760, 2060), seg(COMPUTE, 2060, 3060));
        assertThat(r.result().restartSeconds()).isCloseTo(140 + 300, within(1e-9));
        assertThat(r.result().reworkSeconds()).isCloseTo(400, within(1e-9)); // the second failure found no work to lose
        assertThat(r.result().unplannedInterruptions()).isEqualTo(2);
        assertAddsUp(r.result());
    }

    @Test
    void aFailureDuringASaveLosesTheWorkItWasSaving() {
        CampaignSimulator.Replay r = CampaignSimulator.replay(SPEC, List.of(bug(1050)));
        assertThat(first(r, 5)).containsExactly(seg(REWORK, 0, 1000), seg(CHECKPOINT, 1000, 1050), seg(DETECT, 1050, 1110),
                seg(RESTART, 1110, 1410), seg(COMPUTE, 1410, 2410));
        assertThat(r.result().reworkSeconds()).isCloseTo(1000, within(1e-9));
        assertAddsUp(r.result());
    }

    @Test
    void aReplacementUnderWayRunsOnWhenAnotherFailureStrikes() {
        // the GPU's spare is ready at 1500 + 60 + 200 = 1760; a crash at 1600 is detected at 1660, and the restart
        // still waits for the spare
        CampaignSimulator.Replay r = CampaignSimulator.replay(SPEC, List.of(gpu(1500), bug(1600)));
        assertThat(first(r, 9).subList(3, 9)).containsExactly(seg(DETECT, 1500, 1560), seg(REPLACE, 1560, 1600),
                seg(DETECT, 1600, 1660), seg(REPLACE, 1660, 1760), seg(RESTART, 1760, 2060), seg(COMPUTE, 2060, 3060));
    }

    @Test
    void aPlannedStopDuringComputeSavesFirstAndLosesNothing() {
        CampaignSimulator.Replay r = CampaignSimulator.replay(SPEC, List.of(maint(500)));
        assertThat(first(r, 4)).containsExactly(seg(COMPUTE, 0, 500), seg(CHECKPOINT, 500, 600), seg(RESTART, 600, 900),
                seg(COMPUTE, 900, 1900));
        assertThat(r.result().reworkSeconds()).isZero();
        assertThat(r.result().plannedInterruptions()).isEqualTo(1);
        assertThat(r.result().unplannedInterruptions()).isZero();
        assertAddsUp(r.result());
    }

    @Test
    void aPlannedStopDuringASaveLetsItFinish() {
        CampaignSimulator.Replay r = CampaignSimulator.replay(SPEC, List.of(maint(1050)));
        assertThat(first(r, 4)).containsExactly(seg(COMPUTE, 0, 1000), seg(CHECKPOINT, 1000, 1100), seg(RESTART, 1100, 1400),
                seg(COMPUTE, 1400, 2400));
    }

    @Test
    void aPlannedStopDuringARestartRestartsItAndDuringDetectionCostsNothing() {
        CampaignSimulator.Replay restart = CampaignSimulator.replay(SPEC, List.of(bug(1500), maint(1700)));
        assertThat(first(restart, 7).subList(3, 7)).containsExactly(seg(DETECT, 1500, 1560), seg(RESTART, 1560, 1700),
                seg(RESTART, 1700, 2000), seg(COMPUTE, 2000, 3000));
        CampaignSimulator.Replay detect = CampaignSimulator.replay(SPEC, List.of(gpu(1500), maint(1530)));
        CampaignSimulator.Replay alone = CampaignSimulator.replay(SPEC, List.of(gpu(1500)));
        assertThat(detect.result().productiveSeconds()).isEqualTo(alone.result().productiveSeconds());
        assertThat(detect.result().plannedInterruptions()).isEqualTo(1);
    }

    @Test
    void aReplayOfTheDrawnEventsIsTheTrialItself() {
        CampaignSpec spec = CampaignDocument.standard().campaign(3, 5);
        CampaignResult run = CampaignSimulator.run(spec, false);
        TrialResult t0 = run.trials().get(0);
        CampaignSimulator.Replay replay = CampaignSimulator.replay(spec, CampaignSimulator.failureEvents(spec, 0));
        TrialResult r = replay.result();
        assertThat(r.trial()).isEqualTo(-1);
        assertThat(new TrialResult(0, r.interruptionsByCause(), r.unplannedInterruptions(), r.plannedInterruptions(), r.checkpointsCompleted(),
                r.wallSeconds(), r.productiveSeconds(), r.reworkSeconds(), r.uncommittedSeconds(), r.checkpointSeconds(), r.detectSeconds(),
                r.replaceSeconds(), r.restartSeconds())).isEqualTo(t0);
        assertThat(replay.timeline()).isEqualTo(run.timeline());
    }
}
