package org.mosaic.studies.training;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.mosaic.cluster.TrainingModel;
import org.mosaic.cluster.training.PublishedGap;
import org.mosaic.cluster.training.StepResult;
import org.mosaic.cluster.training.goodput.CampaignResult;
import org.mosaic.cluster.training.goodput.Estimate;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.studies.Metric;

/**
 * The answer of {@link TrainingReportStudy}: does a better interconnect make training faster or more reliable? The
 * components serialise to the report's {@code sections.training}; the components marked {@link JsonIgnore} carry what
 * the report draws (the model's step results and campaigns, for the charts) and the sentences' inputs.
 *
 * @param cluster    the cluster preset the jobs run on
 * @param scaleUp    each policy's scale-up domain and why it has its size
 * @param stepTime   per model, its batch and each policy's plan search
 * @param pipeline   the best dense plan under the first policy, op by op
 * @param validation the step model against Megatron's Table 5 and Llama 3's MFU
 * @param goodput    the campaigns by policy and the Llama 3 campaign against its published counts
 * @param provenance where every number comes from
 * @param keep       plans kept per search
 */
public record TrainingReport(String cluster, List<ScaleUp> scaleUp, Map<String, StepTime> stepTime, Pipeline pipeline, Validation validation,
                             Goodput goodput, List<Provenance> provenance, @JsonIgnore int keep) {

    /** The workloads in the order run. */
    public List<StepTime> plans() {
        return List.copyOf(stepTime.values());
    }

    /** The workload of the model named {@code model}. */
    public StepTime plans(String model) {
        StepTime s = stepTime.get(model);
        if (s == null) {
            throw new IllegalArgumentException("no plans for model " + model + " — expected one of " + stepTime.keySet());
        }
        return s;
    }

    /** One policy's scale-up domain. */
    public record ScaleUp(String policy, int scaleUpGpus, String note) {
    }

    /**
     * One model under every policy.
     *
     * @param tokensPerStep  global batch × sequence length
     * @param policies       policy → its plan search, in the order asked
     * @param model          the model's name
     * @param sequenceLength its sequence length
     */
    public record StepTime(int globalBatch, double tokensPerStep, Map<String, PolicyPlans> policies, @JsonIgnore String model,
                           @JsonIgnore int sequenceLength) {
        /** The policies' searches in order. */
        public List<PolicyPlans> policyList() {
            return List.copyOf(policies.values());
        }

        public PolicyPlans policy(String name) {
            PolicyPlans p = policies.get(name);
            if (p == null) {
                throw new IllegalArgumentException("no plans for policy " + name + " — expected one of " + policies.keySet());
            }
            return p;
        }
    }

    /**
     * One policy's plan search for one model.
     *
     * @param rejectedMemory plan shapes too large for the HBM
     * @param pruned         plan shapes cut by the search's bound
     * @param ranked         the fastest plans that fit, fastest first
     * @param publishedGap   which assumed overlap makes the best plan beat a published run by 10+ MFU points (absent if none)
     * @param policy         the policy
     * @param scaleUpGpus    its scale-up domain
     * @param description    the search in one sentence
     */
    public record PolicyPlans(int evaluated, int rejectedMemory, int pruned, List<RankedStep> ranked,
                              @JsonInclude(JsonInclude.Include.NON_NULL) PublishedGap publishedGap, @JsonIgnore String policy,
                              @JsonIgnore int scaleUpGpus, @JsonIgnore String description) {
        /** The fastest plan. */
        public StepResult best() {
            return ranked.get(0).result();
        }
    }

    /** One plan of a search: its shape, step, breakdown, MFU, tokens/s and HBM; {@code result} the step model's. */
    public record RankedStep(String plan, int tp, int cp, int pp, int interleave, int dp, int ep, int microBatch, String recompute,
                             double stepSeconds, @Metric(unit = "s", value = "seconds of the step by kind") Map<String, Double> breakdownSeconds,
                             double mfu, double tokensPerSecond, double hbmBytes, @JsonIgnore StepResult result) {
        static RankedStep of(StepResult r) {
            var p = r.plan();
            return new RankedStep(p.label(), p.tp(), p.cp(), p.pp(), p.interleave(), p.dp(), p.ep(), p.microBatch(), p.recompute().word(),
                    r.stepSeconds(), r.breakdown(), r.mfu(), r.tokensPerSecond(), r.memory().totalBytes(), r);
        }
    }

    /** One step's pipeline: passes, makespan and the busiest stage's idle time; {@code timeline} the step op by op. */
    public record Pipeline(String model, String plan, int ops, double makespanSeconds, double bubbleSeconds, double bubbleFraction,
                           @JsonIgnore StepResult timeline) {
    }

    /**
     * The step model against published runs.
     *
     * @param megatronMeanAbsoluteError mean of |model / paper − 1|
     * @param megatronMeanError         mean of model / paper − 1 (the bias)
     * @param seleneNote                the Selene system's network, in words
     * @param llamaNote                 the Llama 3 system's network, in words
     */
    public record Validation(List<MegatronRun> megatron, double megatronMeanAbsoluteError, double megatronMeanError, List<LlamaRun> llama3,
                             @JsonIgnore String seleneNote, @JsonIgnore String llamaNote) {
    }

    /**
     * A Megatron run of Table 5: full recomputation, or sequence parallelism + selective.
     *
     * @param error  model / paper − 1
     * @param seqSel whether sequence parallelism + selective recomputation
     */
    public record MegatronRun(String model, int gpus, String plan, String recompute, double modelSeconds, double paperSeconds, double error,
                              double mfu, @JsonIgnore boolean seqSel, @JsonIgnore StepResult result) {
    }

    /** Llama 3 405B with its published plan (the fastest that fits); {@code dp} the published data-parallel size. */
    public record LlamaRun(int gpus, String plan, double stepSeconds, double mfu, double publishedMfu,
                           @Metric(unit = "FLOP/s") double flopsPerGpuPerSecond, @Metric(unit = "FLOP/s") double publishedFlopsPerGpuPerSecond,
                           @JsonIgnore int dp, @JsonIgnore StepResult result) {
        /** Model MFU − published MFU (fraction). */
        public double difference() {
            return mfu - publishedMfu;
        }
    }

    /**
     * The goodput campaigns.
     *
     * @param linkCalibration              Llama's switch/cable rate ÷ our today link rate
     * @param fleetLinkRates               per policy, link rates from the fleet's FITs
     * @param llamaScaledLinkRates         per policy, link rates scaled so that the first has Llama 3's switch/cable rate
     * @param llama3Reproduction           the campaign document as published, against its counts
     * @param residualSwitchRatePerGpuHour Llama's switch/cable rate minus our today link rate (≥ 0), the switches' share
     * @param llamaSwitchCableCount        Llama's published switch/cable interruptions
     */
    public record Goodput(double days, int trials, long seed, double linkCalibration, List<CampaignRow> fleetLinkRates,
                          List<CampaignRow> llamaScaledLinkRates, Llama3Reproduction llama3Reproduction,
                          @JsonIgnore double residualSwitchRatePerGpuHour, @JsonIgnore int llamaSwitchCableCount) {
    }

    /**
     * One policy's campaign.
     *
     * @param interruptions                 unplanned + planned per campaign
     * @param interruptionsByCause          mean per campaign by cause
     * @param ettrMinusFirst                paired difference of the ETTR against the first policy (absent for the first)
     * @param interruptionsMinusFirst       paired difference of the interruptions against the first policy (absent for it)
     * @param linkInterruptions             mean link interruptions per campaign
     * @param lostGpuHoursPerDayMinusFirst  paired difference of the lost GPU-hours per day (absent for the first)
     * @param campaign                      the simulated campaign (for the charts)
     */
    public record CampaignRow(String policy, int gpus, int scaleUpGpus, double checkpointIntervalSeconds, double unplannedMtbfSeconds,
                              Interval interruptions, Map<String, Double> interruptionsByCause, Interval ettr, double renewalEttrUnplanned,
                              @Metric(unit = "GPU·h/d") Interval lostGpuHoursPerDay,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Interval ettrMinusFirst,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Interval interruptionsMinusFirst,
                              @JsonIgnore double linkInterruptions, @JsonIgnore Interval lostGpuHoursPerDayMinusFirst,
                              @JsonIgnore TrainingModel.Campaign campaign) {
    }

    /** A mean with its 95 % interval. */
    public record Interval(double mean, double lower95, double upper95) {
        public static Interval of(Estimate e) {
            return new Interval(e.mean(), e.lower95(), e.upper95());
        }
    }

    /**
     * The published campaign reproduced.
     *
     * @param publishedInsideInterval whether the published unexpected count lies in the 95 % interval
     * @param observedGpus            GPUs of the published run
     * @param observedDays            its days
     * @param result                  the campaign's outcome
     */
    public record Llama3Reproduction(Interval unexpectedInterruptions, int publishedUnexpectedInterruptions, Interval plannedInterruptions,
                                     int publishedPlannedInterruptions, Interval ettr, double publishedEttrAtLeast,
                                     @JsonIgnore boolean publishedInsideInterval, @JsonIgnore int observedGpus, @JsonIgnore double observedDays,
                                     @JsonIgnore CampaignResult result) {
    }
}
