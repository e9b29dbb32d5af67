package org.mosaic.cluster.training.goodput;

/**
 * How a training job gets back to work after one failure of a cause, besides the restart itself (the restart time
 * — relaunch and checkpoint load — belongs to the {@link CheckpointPlan}, as it is the same for every cause).
 *
 * <p>Model: the fault happens; for {@code detectionSeconds} the job runs on or hangs without knowing it (a crash
 * reported by the driver is quick, a hang waits for a watchdog timeout); then, if the faulty part must be replaced
 * before the job can run again, the restart waits for the replacement, which starts when the job notices the fault —
 * a hot-spare swap of {@code spareSwapSeconds} when the campaign has hot spares, a repair of {@code repairSeconds}
 * when it has none; then the restart. Times are
 * fixed (not random): the goodput depends on their means to first order, and fixed times keep the renewal formula
 * of {@link Checkpointing} exact. Spares are never exhausted.
 *
 * @param detectionSeconds time from the fault to the job noticing it (s)
 * @param needsReplacement whether the restart must wait for the faulty part to be replaced
 * @param spareSwapSeconds the wait for a hot-spare swap (s), used when the campaign has hot spares
 * @param repairSeconds    the wait for a repair (s), used when the campaign has no spares
 */
public record Recovery(double detectionSeconds, boolean needsReplacement, double spareSwapSeconds, double repairSeconds) {

    /** No detection delay and nothing to replace: the job restarts at once (what a planned stop needs). */
    public static final Recovery IMMEDIATE = new Recovery(0, false, 0, 0);

    public Recovery {
        Require.nonNegative("detection time", detectionSeconds, "seconds from the fault to the job noticing it, e.g. 60");
        Require.nonNegative("spare swap time", spareSwapSeconds, "seconds to swap in a hot spare, e.g. 0 when the relaunch picks an idle host");
        Require.nonNegative("repair time", repairSeconds, "seconds to repair the part when there are no spares, e.g. 28800 for 8 h");
    }

    /** A fault that only needs the job restarted (a software crash, a timeout): no replacement. */
    public static Recovery restartOnly(double detectionSeconds) {
        return new Recovery(detectionSeconds, false, 0, 0);
    }

    /** A fault whose part must be replaced before the restart. */
    public static Recovery replace(double detectionSeconds, double spareSwapSeconds, double repairSeconds) {
        return new Recovery(detectionSeconds, true, spareSwapSeconds, repairSeconds);
    }

    /** The wait for the replacement after detection: 0 when nothing is replaced, else the swap or the repair time. */
    public double replacementWaitSeconds(boolean hotSpares) {
        if (!needsReplacement) {
            return 0;
        }
        return hotSpares ? spareSwapSeconds : repairSeconds;
    }

    /** Detection plus the replacement wait: the downtime before the restart begins. */
    public double downtimeBeforeRestartSeconds(boolean hotSpares) {
        return detectionSeconds + replacementWaitSeconds(hotSpares);
    }
}
