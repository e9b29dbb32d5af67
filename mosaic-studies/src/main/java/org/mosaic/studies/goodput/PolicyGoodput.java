package org.mosaic.studies.goodput;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.mosaic.studies.Metric;

/**
 * One policy's campaign: the job, its interruptions, ETTR and lost GPU-hours, the checkpointing chosen for its failure
 * rate, and its link failures. The JSON {@code goodput} prints for a policy, key for key.
 *
 * @param policy                                the interconnect policy
 * @param cluster                               the cluster's name and the policy ({@code h100-16k / today})
 * @param gpus                                  GPUs of the job
 * @param days                                  campaign length
 * @param trials                                Monte Carlo trials
 * @param seed                                  the random seed
 * @param interruptionsPerDay                   interruptions per day, in total and by cause
 * @param interruptionsPerCampaign              mean interruptions (unplanned and planned) of one campaign
 * @param ettr                                  effective training time ratio
 * @param lostGpuHoursPerDay                    GPU-hours lost per day (mean and 95 % interval)
 * @param checkpointIntervalSeconds             checkpoint interval (the campaign's rule for this policy's failure rate)
 * @param checkpointSaveSeconds                 blocking part of a checkpoint save
 * @param restartSeconds                        relaunch and checkpoint load after a failure
 * @param hotSpares                             failed parts replaced from hot spares at once
 * @param mtbiHours                             mean time between unplanned interruptions
 * @param linkFailuresPerGpuHour                the links' failure rate per GPU-hour of the job
 * @param expectedLinkFailuresPerDayByTier      expected link failures per day of the job, by tier
 * @param expectedLinkFailuresPerDayByTechnology expected link failures per day of the job, by technology
 * @param linkInterruptionsPerDay               interruptions by the links per day (mean of the trials)
 * @param scaleUpGpus                           GPUs of a scale-up domain under the policy
 * @param scaleUpNote                           why the domain has that size
 * @param interruptionsPerCampaignByCause       mean interruptions of one campaign by cause (not in the JSON: the table's)
 * @param totalInterruptionsPerCampaign         every interruption of one campaign, mean and 95 % interval (not in the JSON)
 * @param ettrUnclipped                         the ETTR's mean and 95 % interval before clipping to [0, 1] (not in the JSON)
 * @param switchFailuresPerGpuHour              the switches' failure rate per GPU-hour (not in the JSON)
 */
@JsonPropertyOrder({"policy", "cluster", "gpus", "days", "trials", "seed", "interruptionsPerDay", "interruptionsPerCampaign", "ettr",
        "lostGpuHoursPerDay", "checkpointIntervalSeconds", "checkpointSaveSeconds", "restartSeconds", "hotSpares", "mtbiHours",
        "linkFailuresPerGpuHour", "expectedLinkFailuresPerDayByTier", "expectedLinkFailuresPerDayByTechnology", "linkInterruptionsPerDay",
        "scaleUpGpus", "scaleUpNote"})
public record PolicyGoodput(
        String policy,
        String cluster,
        @Metric(unit = "1", value = "GPUs of the job.") int gpus,
        double days,
        @Metric(unit = "1", value = "Monte Carlo trials.") int trials,
        @Metric(unit = "1", value = "The random seed of the sampled failures.") long seed,
        InterruptionsPerDay interruptionsPerDay,
        @Metric(unit = "1", value = "Mean interruptions of one campaign, unplanned and planned.") double interruptionsPerCampaign,
        Ettr ettr,
        @Metric(unit = "GPU·h/d", value = "GPU-hours lost per day: (1 − ETTR) × GPUs × 24 h.") Interval lostGpuHoursPerDay,
        double checkpointIntervalSeconds,
        double checkpointSaveSeconds,
        double restartSeconds,
        boolean hotSpares,
        @Metric(unit = "h", value = "Mean time between unplanned interruptions of the job.") double mtbiHours,
        @Metric(unit = "1/(GPU·h)", value = "Link failures per GPU-hour of the job.") double linkFailuresPerGpuHour,
        @Metric(unit = "1/d", value = "Expected link failures per day of the job on one tier.") Map<String, Double> expectedLinkFailuresPerDayByTier,
        @Metric(unit = "1/d", value = "Expected link failures per day of the job on one technology.")
        Map<String, Double> expectedLinkFailuresPerDayByTechnology,
        double linkInterruptionsPerDay,
        @Metric(unit = "1", value = "GPUs of one scale-up domain under the policy.") int scaleUpGpus,
        String scaleUpNote,
        @JsonIgnore Map<String, Double> interruptionsPerCampaignByCause,
        @JsonIgnore Interval totalInterruptionsPerCampaign,
        @JsonIgnore Interval ettrUnclipped,
        @JsonIgnore double switchFailuresPerGpuHour) {

    public PolicyGoodput {
        expectedLinkFailuresPerDayByTier = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expectedLinkFailuresPerDayByTier));
        expectedLinkFailuresPerDayByTechnology = java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(expectedLinkFailuresPerDayByTechnology));
        interruptionsPerCampaignByCause = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(interruptionsPerCampaignByCause));
    }
}
