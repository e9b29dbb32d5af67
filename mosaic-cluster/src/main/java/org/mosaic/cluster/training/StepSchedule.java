package org.mosaic.cluster.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mosaic.cluster.training.pipeline.PipelineResult;

/**
 * One training step, stage by stage, as {@link StepModel} times it: the simulated pipeline's forward and backward ops
 * (each op's tail that is its blocking point-to-point send shown apart), the idle time between them (the pipeline
 * bubble), then the stage's exposed data-parallel communication, the wait for the slowest stage's, and the optimizer
 * step (the step waits for the slowest stage's optimizer too). Each stage's intervals tile [0, step] in order, with no
 * gap and no overlap, so the last interval of every stage ends at {@link #stepSeconds}, the step time
 * {@link StepResult#stepSeconds()} (the same sum, in the same order: pipeline makespan + slowest exposed DP + slowest
 * optimizer).
 *
 * @param schedule         the pipeline schedule simulated ("1F1B" or "interleaved")
 * @param stages           pipeline stages p
 * @param microBatches     micro-batches per step m
 * @param chunks           model chunks per stage v
 * @param pipelineSeconds  the pipeline's makespan (s)
 * @param dpSeconds        the slowest stage's exposed data-parallel time (s)
 * @param optimizerSeconds the slowest stage's optimizer step (s)
 * @param stepSeconds      pipelineSeconds + dpSeconds + optimizerSeconds (s)
 * @param byStage          per stage, its intervals in time order
 */
public record StepSchedule(String schedule, int stages, int microBatches, int chunks, double pipelineSeconds, double dpSeconds,
                           double optimizerSeconds, double stepSeconds, List<List<Interval>> byStage) {

    /** What a stage does in an interval. */
    public enum Kind {
        /** a forward pass of one micro-batch through one chunk (compute, TP/CP/EP communication inside it) */
        FORWARD,
        /** a backward pass (with recomputation) of one micro-batch through one chunk */
        BACKWARD,
        /** the blocking point-to-point send at the end of a forward or backward (Megatron's send waits for the transfer) */
        SEND,
        /** idle inside the pipeline: waiting for an input (the pipeline bubble) or for the last stage to finish */
        BUBBLE,
        /** this stage's exposed data-parallel gradient reduction / parameter gather after the pipeline */
        DP,
        /** waiting for the slowest stage's data-parallel communication or optimizer step */
        WAIT,
        /** the optimizer step of this stage's parameter shard */
        OPTIMIZER;

        /** The kind's word in lower case ("forward", ...). */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One interval of one stage.
     *
     * @param microBatch the micro-batch of a forward, backward or send, else −1
     * @param chunk      the stage's local model chunk of a forward, backward or send, else −1
     */
    public record Interval(Kind kind, int microBatch, int chunk, double startSeconds, double endSeconds) {
    }

    public StepSchedule {
        byStage = byStage.stream().map(List::copyOf).toList();
    }

    /**
     * The schedule of one step from its simulated pipeline (recorded op by op) and what follows it.
     *
     * @param schedule         the schedule's name
     * @param pipeline         the simulation, with its timeline recorded
     * @param chunks           chunks per stage v
     * @param p2pSeconds       the send at the end of every forward but the last global chunk's and of every backward but
     *                         the first global chunk's (included in those ops' times)
     * @param stageDpSeconds   per stage, its exposed data-parallel time
     * @param stageOptimizerSeconds per stage, its optimizer step
     * @throws IllegalArgumentException when the pipeline has no timeline or the arrays do not match its stages
     */
    public static StepSchedule of(String schedule, PipelineResult pipeline, int microBatches, int chunks, double p2pSeconds,
                                  double[] stageDpSeconds, double[] stageOptimizerSeconds) {
        int p = pipeline.stages();
        if (pipeline.timeline().isEmpty()) {
            throw new IllegalArgumentException("the pipeline was simulated without its timeline — expected simulateWithTimeline");
        }
        if (stageDpSeconds.length != p || stageOptimizerSeconds.length != p) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d DP and %d optimizer times for %d stages — expected one per stage",
                    stageDpSeconds.length, stageOptimizerSeconds.length, p));
        }
        double makespan = pipeline.makespanSeconds();
        double dp = 0;
        double opt = 0;
        for (int s = 0; s < p; s++) {
            dp = Math.max(dp, stageDpSeconds[s]);
            opt = Math.max(opt, stageOptimizerSeconds[s]);
        }
        double afterDp = makespan + dp;
        double step = afterDp + opt;
        List<List<Interval>> byStage = new ArrayList<>();
        for (int s = 0; s < p; s++) {
            byStage.add(new ArrayList<>());
        }
        double[] clock = new double[p];
        for (PipelineResult.Op op : pipeline.timeline()) {
            int s = op.stage();
            List<Interval> out = byStage.get(s);
            if (op.startSeconds() > clock[s]) {
                out.add(new Interval(Kind.BUBBLE, -1, -1, clock[s], op.startSeconds()));
            }
            boolean sends = p2pSeconds > 0 && (op.forward() ? !(s == p - 1 && op.chunk() == chunks - 1) : !(s == 0 && op.chunk() == 0));
            double computeEnd = sends ? Math.max(op.startSeconds(), op.endSeconds() - p2pSeconds) : op.endSeconds();
            out.add(new Interval(op.forward() ? Kind.FORWARD : Kind.BACKWARD, op.microBatch(), op.chunk(), op.startSeconds(), computeEnd));
            if (sends) {
                out.add(new Interval(Kind.SEND, op.microBatch(), op.chunk(), computeEnd, op.endSeconds()));
            }
            clock[s] = op.endSeconds();
        }
        for (int s = 0; s < p; s++) {
            List<Interval> out = byStage.get(s);
            if (makespan > clock[s]) {
                out.add(new Interval(Kind.BUBBLE, -1, -1, clock[s], makespan));
            }
            double dpEnd = makespan + stageDpSeconds[s];
            if (stageDpSeconds[s] > 0) {
                out.add(new Interval(Kind.DP, -1, -1, makespan, dpEnd));
            }
            if (afterDp > dpEnd) {
                out.add(new Interval(Kind.WAIT, -1, -1, dpEnd, afterDp));
            }
            double optEnd = afterDp + stageOptimizerSeconds[s];
            if (stageOptimizerSeconds[s] > 0) {
                out.add(new Interval(Kind.OPTIMIZER, -1, -1, afterDp, optEnd));
            }
            if (step > optEnd) {
                out.add(new Interval(Kind.WAIT, -1, -1, optEnd, step));
            }
        }
        return new StepSchedule(schedule, p, microBatches, chunks, makespan, dp, opt, step, byStage);
    }

    /** The summed length of the intervals of {@code kind} on {@code stage} (s). */
    public double seconds(int stage, Kind kind) {
        double sum = 0;
        for (Interval i : byStage.get(stage)) {
            if (i.kind() == kind) {
                sum += i.endSeconds() - i.startSeconds();
            }
        }
        return sum;
    }
}
