package org.mosaic.cluster.training.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One simulated pipeline step ({@link PipelineSimulator}). Time 0 is when every stage may start; the step ends
 * when the last stage finishes its last backward (the data-parallel gradient reduction and the optimizer step
 * that follow are not part of it). Per-stage arrays are indexed by stage and copied on the way in and out.
 *
 * @param makespanSeconds          end of the last op on any stage (s)
 * @param busySeconds              per stage: the sum of its op times (s)
 * @param bubbleSeconds            makespan − the busiest stage's busy time (s): the idle time of the stage that
 *                                 bounds the step
 * @param bubbleFraction           bubbleSeconds / makespanSeconds
 * @param peakInFlight             per stage: the largest number of (micro-batch, chunk) forwards whose backward had
 *                                 not yet run, counted after each forward — the multiplier of one chunk's stored
 *                                 activations in the stage's activation memory
 * @param lastBackwardStartSeconds per stage: when its last backward started (s)
 * @param finishSeconds            per stage: when its last op ended (s)
 * @param timeline                 every op, grouped by stage in execution order; empty unless the simulation
 *                                 was asked to record it ({@link PipelineSimulator#simulateWithTimeline})
 */
public record PipelineResult(double makespanSeconds, double[] busySeconds, double bubbleSeconds, double bubbleFraction,
                             int[] peakInFlight, double[] lastBackwardStartSeconds, double[] finishSeconds,
                             List<Op> timeline) {

    /**
     * One forward or backward pass of one micro-batch through one model chunk on one stage.
     *
     * @param stage        pipeline stage (0 = first)
     * @param microBatch   micro-batch index
     * @param chunk        local model chunk on the stage (global chunk = chunk·p + stage)
     * @param forward      true for a forward pass, false for a backward pass
     * @param startSeconds start (s)
     * @param endSeconds   end (s)
     */
    public record Op(int stage, int microBatch, int chunk, boolean forward, double startSeconds, double endSeconds) {
        public Op {
            if (stage < 0 || microBatch < 0 || chunk < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "op stage %d, micro-batch %d, chunk %d — expected indices ≥ 0", stage, microBatch, chunk));
            }
            if (!(startSeconds >= 0 && endSeconds >= startSeconds && Double.isFinite(endSeconds))) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "op on stage %d runs from %s s to %s s — expected finite times with 0 ≤ start ≤ end",
                        stage, startSeconds, endSeconds));
            }
        }

        /** Duration (s). */
        public double durationSeconds() {
            return endSeconds - startSeconds;
        }
    }

    public PipelineResult {
        if (!(makespanSeconds >= 0 && Double.isFinite(makespanSeconds))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "makespan %s s — expected a finite time ≥ 0", makespanSeconds));
        }
        if (busySeconds == null || peakInFlight == null || lastBackwardStartSeconds == null || finishSeconds == null
                || timeline == null) {
            throw new IllegalArgumentException("pipeline result with a null array or timeline — expected per-stage "
                    + "arrays and a (possibly empty) timeline");
        }
        int p = busySeconds.length;
        if (p == 0 || peakInFlight.length != p || lastBackwardStartSeconds.length != p || finishSeconds.length != p) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "per-stage arrays of lengths %d, %d, %d, %d — expected one equal, positive length (the stages)",
                    p, peakInFlight.length, lastBackwardStartSeconds.length, finishSeconds.length));
        }
        if (!(bubbleSeconds >= 0 && bubbleSeconds <= makespanSeconds && bubbleFraction >= 0 && bubbleFraction <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bubble %s s (fraction %s) — expected 0 ≤ bubble ≤ makespan %s s", bubbleSeconds, bubbleFraction,
                    makespanSeconds));
        }
        busySeconds = busySeconds.clone();
        peakInFlight = peakInFlight.clone();
        lastBackwardStartSeconds = lastBackwardStartSeconds.clone();
        finishSeconds = finishSeconds.clone();
        timeline = List.copyOf(timeline);
    }

    /** Pipeline stages p. */
    public int stages() {
        return busySeconds.length;
    }

    /** The largest per-stage busy time (s): the step time of a pipeline with no bubble. */
    public double busiestStageSeconds() {
        double max = 0;
        for (double b : busySeconds) {
            max = Math.max(max, b);
        }
        return max;
    }

    /** Busy time of stage {@code stage} (s). */
    public double busySeconds(int stage) {
        return busySeconds[stage];
    }

    /** Peak in-flight forwards of stage {@code stage}. */
    public int peakInFlight(int stage) {
        return peakInFlight[stage];
    }

    @Override
    public double[] busySeconds() {
        return busySeconds.clone();
    }

    @Override
    public int[] peakInFlight() {
        return peakInFlight.clone();
    }

    @Override
    public double[] lastBackwardStartSeconds() {
        return lastBackwardStartSeconds.clone();
    }

    @Override
    public double[] finishSeconds() {
        return finishSeconds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PipelineResult that && Double.compare(makespanSeconds, that.makespanSeconds) == 0
                && Double.compare(bubbleSeconds, that.bubbleSeconds) == 0
                && Double.compare(bubbleFraction, that.bubbleFraction) == 0
                && Arrays.equals(busySeconds, that.busySeconds) && Arrays.equals(peakInFlight, that.peakInFlight)
                && Arrays.equals(lastBackwardStartSeconds, that.lastBackwardStartSeconds)
                && Arrays.equals(finishSeconds, that.finishSeconds) && timeline.equals(that.timeline);
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(makespanSeconds);
        h = 31 * h + Arrays.hashCode(busySeconds);
        h = 31 * h + Double.hashCode(bubbleSeconds);
        h = 31 * h + Double.hashCode(bubbleFraction);
        h = 31 * h + Arrays.hashCode(peakInFlight);
        h = 31 * h + Arrays.hashCode(lastBackwardStartSeconds);
        h = 31 * h + Arrays.hashCode(finishSeconds);
        return 31 * h + timeline.hashCode();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PipelineResult[makespanSeconds=%s, busySeconds=%s, bubbleSeconds=%s, "
                        + "bubbleFraction=%s, peakInFlight=%s, lastBackwardStartSeconds=%s, finishSeconds=%s, "
                        + "timeline=%d ops]", makespanSeconds, Arrays.toString(busySeconds), bubbleSeconds, bubbleFraction,
                Arrays.toString(peakInFlight), Arrays.toString(lastBackwardStartSeconds),
                Arrays.toString(finishSeconds), timeline.size());
    }
}
