package org.mosaic.studies.goodput;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.mosaic.studies.Metric;

/**
 * A policy against the first, trial by trial on the same sampled failures of every non-link component (common random
 * numbers): the mean and 95 % interval of the paired differences (this policy − the first).
 *
 * @param policy                   the policy
 * @param against                  the first policy
 * @param ettr                     difference in ETTR
 * @param interruptionsPerDay      difference in interruptions per day
 * @param lostGpuHoursPerDay       difference in GPU-hours lost per day
 * @param interruptionsPerCampaign difference in interruptions of one campaign (not in the JSON: the table's)
 */
public record PolicyDifference(
        String policy,
        String against,
        @Metric(unit = "1", value = "ETTR of the policy minus the first's, paired by trial.") Interval ettr,
        @Metric(unit = "1/d", value = "Interruptions per day of the policy minus the first's, paired by trial.") Interval interruptionsPerDay,
        @Metric(unit = "GPU·h/d", value = "GPU-hours lost per day of the policy minus the first's, paired by trial.") Interval lostGpuHoursPerDay,
        @JsonIgnore Interval interruptionsPerCampaign) {
}
