package org.mosaic.cluster.training.goodput;

import java.util.Map;

/**
 * The outcome of one trial. The seconds add up to the wall time: productive + rework + uncommitted + checkpoint +
 * detect + replace + restart = wall.
 *
 * @param trial                 the trial index (-1 for a replay of given events)
 * @param interruptionsByCause  failures and planned stops per cause, in the campaign's cause order
 * @param unplannedInterruptions unplanned failures (at any time, including during restarts)
 * @param plannedInterruptions  planned stops
 * @param checkpointsCompleted  completed checkpoints
 * @param wallSeconds           the campaign length (s)
 * @param productiveSeconds     computation committed by a completed checkpoint (s)
 * @param reworkSeconds         computation lost to failures (s)
 * @param uncommittedSeconds    computation after the last checkpoint when the campaign ends (s; not counted as productive)
 * @param checkpointSeconds     time spent saving, including saves cut short (s)
 * @param detectSeconds         time from faults to their detection (s)
 * @param replaceSeconds        time waiting for replacements (s)
 * @param restartSeconds        time relaunching and loading checkpoints, including restarts cut short (s)
 */
public record TrialResult(int trial, Map<String, Long> interruptionsByCause, long unplannedInterruptions, long plannedInterruptions,
                          long checkpointsCompleted, double wallSeconds, double productiveSeconds, double reworkSeconds,
                          double uncommittedSeconds, double checkpointSeconds, double detectSeconds, double replaceSeconds,
                          double restartSeconds) {

    /** Effective training time ratio: productive / wall. */
    public double ettr() {
        return productiveSeconds / wallSeconds;
    }

    /** Detect + replace + restart (s). */
    public double downtimeSeconds() {
        return detectSeconds + replaceSeconds + restartSeconds;
    }

    /** GPU-hours not spent on committed computation per day: (wall − productive) × GPUs / days / 3600. */
    public double lostGpuHoursPerDay(int gpus) {
        return (wallSeconds - productiveSeconds) * gpus / (wallSeconds / 86_400.0) / 3600.0;
    }
}
