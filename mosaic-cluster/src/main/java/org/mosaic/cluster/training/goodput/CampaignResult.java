package org.mosaic.cluster.training.goodput;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Monte Carlo summary of a campaign: means with confidence intervals over the trials, the closed-form
 * expectations to compare them with, each trial's outcome, and the timeline of trial 0.
 *
 * @param spec                          the campaign
 * @param expectedUnplannedInterruptions Σ rate × length over unplanned causes (closed form, per trial)
 * @param expectedPlannedInterruptions  the same for planned causes
 * @param unplannedInterruptions        unplanned failures per trial
 * @param plannedInterruptions          planned stops per trial
 * @param interruptionsByCause          interruptions per trial by cause, in the campaign's cause order
 * @param ettr                          effective training time ratio, productive / wall
 * @param lostGpuHoursPerDay            (wall − productive) × GPUs / days / 3600
 * @param reworkSeconds                 computation lost to failures per trial (s)
 * @param checkpointSeconds             time saving checkpoints per trial (s)
 * @param downtimeSeconds               detection + replacement + restart per trial (s)
 * @param renewalEttrUnplanned          the analytic ETTR of {@link Checkpointing#renewalEttr(FailureCauses, CheckpointPlan, boolean)}
 *                                      for the unplanned causes only (planned stops are outside the closed form)
 * @param trials                        every trial's outcome, in trial order
 * @param timeline                      the timeline of trial 0
 */
public record CampaignResult(CampaignSpec spec, double expectedUnplannedInterruptions, double expectedPlannedInterruptions,
                             Estimate unplannedInterruptions, Estimate plannedInterruptions, Map<String, Estimate> interruptionsByCause,
                             Estimate ettr, Estimate lostGpuHoursPerDay, Estimate reworkSeconds, Estimate checkpointSeconds,
                             Estimate downtimeSeconds, double renewalEttrUnplanned, List<TrialResult> trials, Timeline timeline) {

    public CampaignResult {
        interruptionsByCause = Collections.unmodifiableMap(new LinkedHashMap<>(interruptionsByCause));
        trials = List.copyOf(trials);
    }

    /** The estimate for the cause called {@code name}; throws with the known names otherwise. */
    public Estimate interruptions(String name) {
        Estimate e = interruptionsByCause.get(name);
        if (e == null) {
            throw new IllegalArgumentException("failure cause '" + name + "' — expected one of " + interruptionsByCause.keySet());
        }
        return e;
    }
}
