package org.mosaic.cluster.training.goodput;

/**
 * How a job checkpoints and restarts: after every {@code intervalSeconds} of computation since the last completed
 * checkpoint it blocks for {@code saveSeconds} to save its state (the save is complete, and the work committed,
 * only at its end); after an interruption it spends {@code restartSeconds} relaunching and loading the last
 * checkpoint. An asynchronous checkpoint is modelled by its blocking part only (the copy to storage overlaps
 * computation).
 *
 * @param intervalSeconds T, computation between checkpoints (s, &gt; 0)
 * @param saveSeconds     δ, the blocking save (s, ≥ 0)
 * @param restartSeconds  R, relaunch and checkpoint load after an interruption (s, ≥ 0)
 */
public record CheckpointPlan(double intervalSeconds, double saveSeconds, double restartSeconds) {

    public CheckpointPlan {
        Require.positive("checkpoint interval", intervalSeconds, "seconds of computation between checkpoints, e.g. 480");
        Require.nonNegative("checkpoint save time", saveSeconds, "seconds the job blocks to save, e.g. 10 (async) or 60 (blocking)");
        Require.nonNegative("restart time", restartSeconds, "seconds to relaunch and load the checkpoint, e.g. 300");
    }

    /** A plan at Daly's optimal interval for mean time between failures {@code mtbfSeconds}. */
    public static CheckpointPlan daly(double saveSeconds, double restartSeconds, double mtbfSeconds) {
        return new CheckpointPlan(Checkpointing.dalyIntervalSeconds(saveSeconds, mtbfSeconds), saveSeconds, restartSeconds);
    }

    /** The same save and restart at another interval. */
    public CheckpointPlan withIntervalSeconds(double newIntervalSeconds) {
        return new CheckpointPlan(newIntervalSeconds, saveSeconds, restartSeconds);
    }
}
