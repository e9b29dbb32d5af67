package org.mosaic.studies.goodput;

import org.mosaic.studies.training.JobChecks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mosaic.cluster.TrainingModel;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.fleet.Interconnect;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.training.goodput.CampaignDocument;
import org.mosaic.cluster.training.goodput.CampaignResult;
import org.mosaic.cluster.training.goodput.Estimate;
import org.mosaic.cluster.training.goodput.TrialResult;
import org.mosaic.studies.In;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * {@code goodput}: failures and goodput of a synchronous training campaign. Every component class fails as a Poisson
 * process (the campaign document's causes and rates; links at the fleet model's FIT rates for the policy's
 * technologies, or scaled to Llama 3's field rate), each failure costs detection, restart and the work since the last
 * checkpoint; a discrete-event Monte Carlo gives interruptions by cause, the effective training time ratio and lost
 * GPU-hours with 95 % intervals, beside the analytic renewal ETTR. Policies are simulated on the same sampled failures of
 * every non-link component (common random numbers), so their paired differences are sharper than either interval.
 *
 * <p>Refusals name the input as the command line spells it ({@code --trials}, {@code --gpus}, ...).
 */
public final class GoodputStudy implements Study<GoodputStudy.Input, GoodputResult> {

    /**
     * Largest simulation accepted: events (trials × (failures + checkpoints), over the policies). At about 10⁷ events a
     * second and core this is a few minutes; the defaults on cluster-100k are about 10⁷.
     */
    public static final double MAX_WORK_EVENTS = 2e9;

    /** Most trials accepted. */
    public static final int MAX_TRIALS = 100_000;

    /** Where the links' failure rates come from. */
    public enum LinkRates {
        /** The technologies' FITs, as the fleet command. */
        FLEET,
        /** Scaled so that h100-16k under today's policy has Llama 3's switch/cable rate. */
        LLAMA
    }

    /**
     * The question's inputs.
     *
     * @param cluster         the cluster, bound (edits applied)
     * @param policies        the interconnect policies, the first the reference of the differences
     * @param gpus            GPUs of the job; null for the cluster's
     * @param campaign        the campaign document, bound (edits applied)
     * @param linkRates       where the links' failure rates come from
     * @param trials          Monte Carlo trials
     * @param seed            random seed
     * @param interconnect    the technologies the policies choose from and the user's rules; null for the shipped menu
     * @param technologyNotes what the user's technology documents did to the menu, carried to the result
     */
    public record Input(
            @In(value = "The cluster the job runs on (a shipped name or a cluster document, its edits applied).", document = "cluster",
                    defaultValue = "h100-16k") ClusterDocument cluster,
            @In(value = "The interconnect policies compared on the same sampled failures; the first is the reference of the differences.",
                    range = "today|mosaic|mosaic-beyond-copper|all-optical-laser, each once", defaultValue = "today") List<String> policies,
            @In(value = "GPUs of the job.", unit = "1", range = "1..10000000", defaultValue = "the cluster's") Long gpus,
            @In(value = "The campaign: length, failure causes and rates, detection, replacement, checkpointing, spares, planned stops.",
                    document = "campaign", defaultValue = CampaignDocument.DEFAULT) CampaignDocument campaign,
            @In(value = "Link failure rates: the technologies' FITs (fleet) or scaled so that h100-16k today has Llama 3's switch/cable "
                    + "rate (llama).", range = "fleet|llama", defaultValue = "fleet") LinkRates linkRates,
            @In(value = "Monte Carlo trials.", unit = "1", range = "2..100000", defaultValue = "200") int trials,
            @In(value = "Random seed of the sampled failures.", unit = "1", defaultValue = "0") long seed,
            @In(value = "The technologies the policies choose from (the catalog with the user's cables) and the user's rules per tier.",
                    document = "catalog", defaultValue = "the shipped menu") Interconnect interconnect,
            @In(value = "What the user's technology documents did to the menu, one note each; carried to the result.",
                    defaultValue = "none") List<String> technologyNotes) {

        public Input {
            policies = List.copyOf(policies);
            technologyNotes = technologyNotes == null ? List.of() : List.copyOf(technologyNotes);
        }

        /** The defaults: h100-16k, today, the cluster's GPUs, llama3-54d, fleet rates, 200 trials, seed 0, the shipped menu. */
        public static Input defaults() {
            return new Input(ClusterDocument.resolve("h100-16k"), List.of(Policy.TODAY), null, CampaignDocument.standard(), LinkRates.FLEET,
                    200, 0, null, List.of());
        }
    }

    @Override
    public String name() {
        return "goodput";
    }

    @Override
    public String question() {
        return "How often is a training campaign interrupted, by what, and how much of its time and GPU-hours do the failures cost "
                + "under each interconnect policy?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<GoodputResult> resultType() {
        return GoodputResult.class;
    }

    @Override
    public GoodputResult run(Input in, Progress progress) {
        JobChecks.checkGpus(in.gpus());
        checkTrials(in.trials());
        CampaignDocument camp = in.campaign();
        checkSave(camp, "--checkpoint-save " + Output.number(camp.saveSeconds(), 4) + " s");
        JobChecks.checkPolicies("--policy", in.policies());
        boolean calibrate = in.linkRates() == LinkRates.LLAMA;
        List<TrainingModel.Campaign> runs;
        try {
            progress.task(String.format(Locale.ROOT, "simulating %d trials of %.0f days for %d polic%s", in.trials(), camp.days(),
                    in.policies().size(), in.policies().size() == 1 ? "y" : "ies"), (long) in.trials() * in.policies().size());
            runs = TrainingModel.campaigns(in.cluster(), in.policies(), in.gpus(), camp, calibrate, in.trials(), in.seed(), MAX_WORK_EVENTS,
                    progress::set, in.interconnect());
        } catch (TrainingModel.TooMuchWork e) {
            throw new UsageException(String.format(Locale.ROOT, "--trials %d × --days %.4g%s: %s (hint: fewer --trials — 200 give intervals "
                    + "of a few %% — or fewer --days or policies)", in.trials(), camp.days(), in.gpus() == null ? "" : " × --gpus " + in.gpus(),
                    e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new UsageException((in.gpus() == null ? "" : "--gpus " + in.gpus() + ": ") + e.getMessage());
        }
        // a link no technology of the policy reaches has no failure rate: counting it as never failing would understate the
        // interruptions (a regression of issue 15's shorter reaches under a user's --rule), so such a policy is refused
        for (TrainingModel.Campaign c : runs) {
            long unserved = c.cluster().failures().unservedLinks();
            if (unserved > 0) {
                throw new UsageException(String.format(Locale.ROOT, "--policy %s leaves %,d link%s of %s unserved: no technology the "
                                + "policy gives their tier reaches them, so their failures cannot be counted — expected every link "
                                + "served (hint: give the tier a fallback, e.g. --rule gpu-leaf=my-cable,aoc-mmf; ./mosaic fleet "
                                + "--policy %s lists the unserved cables by tier)", c.policy(), unserved, unserved == 1 ? "" : "s",
                        c.cluster().name(), c.policy()));
            }
        }
        // expected link failures per day by tier and by technology, scaled as the campaign's link rate was
        double linkScale = calibrate ? TrainingModel.linkCalibration(camp) : 1;
        List<PolicyGoodput> policies = new ArrayList<>();
        for (TrainingModel.Campaign c : runs) {
            double perDay = linkScale * c.spec().gpus() * 24;
            policies.add(policy(c, perDay(TrainingModel.linkFailuresPerGpuHourByTier(c.cluster()), perDay),
                    perDay(TrainingModel.linkFailuresPerGpuHourByTechnology(in.cluster(), c.policy(), c.cluster(), in.interconnect()), perDay)));
        }
        List<PolicyDifference> differences = null;
        if (runs.size() > 1) {
            differences = new ArrayList<>();
            TrainingModel.Campaign first = runs.get(0);
            for (TrainingModel.Campaign c : runs.subList(1, runs.size())) {
                int g = c.spec().gpus();
                Estimate interruptions = TrainingModel.pairedDifference(first.result(), c.result(), GoodputStudy::interruptions);
                differences.add(new PolicyDifference(c.policy(), first.policy(),
                        Interval.of(TrainingModel.pairedDifference(first.result(), c.result(), TrialResult::ettr), 1),
                        Interval.of(interruptions, 1 / first.spec().days()),
                        Interval.of(TrainingModel.pairedDifference(first.result(), c.result(), t -> t.lostGpuHoursPerDay(g)), 1),
                        Interval.of(interruptions)));
            }
        }
        return new GoodputResult(policies.get(0), runs.size() > 1 ? policies : null, differences, in.technologyNotes(), calibrate,
                TrainingModel.linkCalibration(camp), runs);
    }

    /** One policy's campaign as the result shows it. */
    private static PolicyGoodput policy(TrainingModel.Campaign c, Map<String, Double> byTier, Map<String, Double> byTechnology) {
        CampaignResult r = c.result();
        double days = c.spec().days();
        Estimate total = total(r);
        Map<String, Double> byCause = new LinkedHashMap<>();
        Map<String, Double> perCampaign = new LinkedHashMap<>();
        r.interruptionsByCause().forEach((k, v) -> {
            byCause.put(k, v.mean() / days);
            perCampaign.put(k, v.mean());
        });
        InterruptionsPerDay ipd = new InterruptionsPerDay(total.mean() / days, total.lower95() / days, total.upper95() / days,
                r.unplannedInterruptions().mean() / days, r.plannedInterruptions().mean() / days, byCause);
        Ettr ettr = new Ettr(r.ettr().mean(), Math.max(0, r.ettr().lower95()), Math.min(1, r.ettr().upper95()),   // a ratio: the t
                r.renewalEttrUnplanned());                                                                       // interval is clipped
        return new PolicyGoodput(c.policy(), c.cluster().name(), c.spec().gpus(), days, c.spec().trials(), c.spec().seed(), ipd,
                total.mean(), ettr, Interval.of(r.lostGpuHoursPerDay()), c.spec().checkpoint().intervalSeconds(),
                c.spec().checkpoint().saveSeconds(), c.spec().checkpoint().restartSeconds(), c.spec().hotSpares(),
                c.spec().causes().unplannedMtbfSeconds() / 3600, c.spec().causes().cause(TrainingModel.LINKS).ratePerUnitHour(), byTier,
                byTechnology, r.interruptions(TrainingModel.LINKS).mean() / days, c.cluster().scaleUpGpus(),
                c.cluster().scaleUpChoice().reason(), perCampaign, Interval.of(total), Interval.of(r.ettr()),
                c.spec().causes().cause(TrainingModel.SWITCHES).ratePerUnitHour());
    }

    private static double interruptions(TrialResult t) {
        return t.unplannedInterruptions() + t.plannedInterruptions();
    }

    /** Every interruption of a campaign, unplanned and planned, over the trials. */
    private static Estimate total(CampaignResult r) {
        double[] v = new double[r.trials().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = interruptions(r.trials().get(i));
        }
        return Estimate.of(v);
    }

    private static Map<String, Double> perDay(Map<String, Double> perGpuHour, double factor) {
        Map<String, Double> out = new LinkedHashMap<>();
        perGpuHour.forEach((k, v) -> out.put(k, v * factor));
        return out;
    }

    /**
     * Refuses a checkpoint save that takes the whole campaign (it would never complete).
     *
     * @param label the save as the user gave it, for the message ({@code --checkpoint-save 30 h})
     */
    public static void checkSave(CampaignDocument camp, String label) {
        if (camp.saveSeconds() >= camp.days() * 86_400) {
            throw new UsageException(String.format(Locale.ROOT, "%s: expected a save shorter than the campaign (%.4g days = "
                    + "%.4g s); a checkpoint that takes the whole campaign never completes (hint: seconds to minutes, e.g. 10 s)",
                    label, camp.days(), camp.days() * 86_400));
        }
    }

    /** Refuses fewer than 2 trials (no interval) or more than {@link #MAX_TRIALS}. */
    public static void checkTrials(int trials) {
        if (trials < 2 || trials > MAX_TRIALS) {
            throw new UsageException("--trials " + trials + ": expected 2 to 100,000 (confidence intervals need at least 2)");
        }
    }

}
