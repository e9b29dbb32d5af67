package org.mosaic.studies.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mosaic.cluster.training.StepSchedule;

/**
 * The first run's step stage by stage, as the step model scheduled it ({@link StepSchedule}), in columns so that a step of
 * thousands of ops stays small: per stage, its intervals in time order; they tile [0, stepSeconds], so interval i runs from
 * the previous end (0 for the first) to its own {@code end} entry.
 *
 * @param plan             the plan's label
 * @param schedule         the pipeline schedule simulated: 1F1B or interleaved
 * @param stages           pipeline stages
 * @param microBatches     micro-batches per step
 * @param chunks           model chunks per stage
 * @param stepSeconds      the step (the last interval of every stage ends there; equals the run's stepSeconds)
 * @param pipelineSeconds  the pipeline's makespan
 * @param dpSeconds        the slowest stage's exposed data-parallel communication after the pipeline
 * @param optimizerSeconds the slowest stage's optimizer step
 * @param kinds            the interval kinds, indexed by {@link Stage#kind}: forward, backward, send (an op's blocking p2p
 *                         tail), bubble (idle in the pipeline), dp, wait (for the slowest stage), optimizer
 * @param byStage          per stage, its intervals
 */
public record PipelineTimeline(String plan, String schedule, int stages, int microBatches, int chunks, double stepSeconds,
                               double pipelineSeconds, double dpSeconds, double optimizerSeconds, List<String> kinds,
                               List<Stage> byStage) {

    /**
     * One stage's intervals, column by column.
     *
     * @param kind       index into {@link PipelineTimeline#kinds}
     * @param microBatch the micro-batch of a forward, backward or send, else −1
     * @param chunk      the local model chunk of a forward, backward or send, else −1
     * @param end        when the interval ends (s)
     */
    public record Stage(int stage, int[] kind, int[] microBatch, int[] chunk, double[] end) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Stage s && stage == s.stage && Arrays.equals(kind, s.kind) && Arrays.equals(microBatch, s.microBatch)
                    && Arrays.equals(chunk, s.chunk) && Arrays.equals(end, s.end);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * (31 * stage + Arrays.hashCode(kind)) + Arrays.hashCode(microBatch)) + Arrays.hashCode(chunk))
                    + Arrays.hashCode(end);
        }

        @Override
        public String toString() {
            return "Stage[" + stage + ", " + kind.length + " intervals]";
        }
    }

    /** The columns of {@code s}, run under {@code planLabel}. */
    public static PipelineTimeline of(String planLabel, StepSchedule s) {
        List<String> kinds = Arrays.stream(StepSchedule.Kind.values()).map(StepSchedule.Kind::word).toList();
        List<Stage> stages = new ArrayList<>();
        for (int st = 0; st < s.stages(); st++) {
            List<StepSchedule.Interval> list = s.byStage().get(st);
            int n = list.size();
            int[] kind = new int[n];
            int[] mb = new int[n];
            int[] chunk = new int[n];
            double[] end = new double[n];
            for (int i = 0; i < n; i++) {
                StepSchedule.Interval iv = list.get(i);
                kind[i] = iv.kind().ordinal();
                mb[i] = iv.microBatch();
                chunk[i] = iv.chunk();
                end[i] = iv.endSeconds();
            }
            stages.add(new Stage(st, kind, mb, chunk, end));
        }
        return new PipelineTimeline(planLabel, s.schedule(), s.stages(), s.microBatches(), s.chunks(), s.stepSeconds(), s.pipelineSeconds(),
                s.dpSeconds(), s.optimizerSeconds(), kinds, List.copyOf(stages));
    }
}
