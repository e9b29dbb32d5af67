package org.mosaic.studies.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.mosaic.cluster.TrainingModel;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.KernelCosts;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.Models;
import org.mosaic.cluster.training.PlanSearch;
import org.mosaic.cluster.training.PublishedGap;
import org.mosaic.cluster.training.PublishedRuns;
import org.mosaic.cluster.training.StepModel;
import org.mosaic.cluster.training.StepResult;
import org.mosaic.cluster.training.SystemSpec;
import org.mosaic.cluster.training.goodput.CampaignDocument;
import org.mosaic.cluster.training.goodput.CampaignResult;
import org.mosaic.cluster.training.goodput.CampaignSimulator;
import org.mosaic.cluster.training.goodput.Estimate;
import org.mosaic.cluster.training.goodput.TrialResult;
import org.mosaic.cluster.training.network.TrainingClusters;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.studies.In;
import org.mosaic.studies.Parallel;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.training.TrainingReport.CampaignRow;
import org.mosaic.studies.training.TrainingReport.Interval;

/**
 * {@code report-training}: does a better interconnect make training faster or more reliable, and by how much?
 *
 * <p><b>Faster.</b> For each workload (by default llama3-405b, dense, {@value #LLAMA_BATCH} sequences of 8,192 = Llama 3's
 * 16 M tokens, and deepseek-v3-like, MoE, {@value #DEEPSEEK_BATCH} sequences of 4,096, about the same tokens per step) on
 * the cluster (by default {@value #CLUSTER}, 16,384 H100), {@link PlanSearch} finds the fastest plans that fit under each
 * policy; the pipeline of the first workload's best plan under the first policy is simulated op by op. The policies change
 * the step only through the cluster they give ({@link TrainingModel#setup}).
 *
 * <p><b>Validated.</b> The step model against the four Megatron runs of Korthikanti et al. 2022 Table 5 on Selene (full
 * recomputation, and sequence parallelism + selective) and against Llama 3 405B's MFU at 8,192 and 16,384 GPUs, built as
 * {@code MegatronValidationTest} and {@code LlamaValidationTest} of mosaic-cluster build them.
 *
 * <p><b>More reliable.</b> {@link TrainingModel#campaigns}: the campaign document's job on the whole cluster, the link
 * causes from each policy's technologies, on common random numbers; once with the fleet's FIT-based link rates and once
 * scaled to the campaign's observed switch/cable rate; beside it the campaign as published, against its counts.
 */
public final class TrainingReportStudy implements Study<TrainingReportStudy.Input, TrainingReport> {
    /** The fleet preset the jobs run on (16,384 H100, Llama 3 scale). */
    public static final String CLUSTER = "h100-16k";
    /** The policies compared, {@value Policy#TODAY} first (the differences are against it). */
    public static final List<String> POLICIES = List.of(Policy.TODAY, Policy.MOSAIC_BEYOND_COPPER, Policy.MOSAIC);
    /** Plans kept per search. */
    public static final int KEEP = 5;
    /** Sequences per step of llama3-405b: 2,048 × 8,192 = 16.8 M tokens (Llama 3's, [llama3-2024]). */
    public static final int LLAMA_BATCH = PublishedRuns.LLAMA_BATCH;
    /** Sequences per step of deepseek-v3-like: 4,096 × 4,096 = 16.8 M tokens, the same as Llama's (assumed, see provenance). */
    public static final int DEEPSEEK_BATCH = 4096;
    /** Monte Carlo trials per campaign. */
    public static final int TRIALS = 200;
    /** Seed of the campaigns. */
    public static final long SEED = 1;
    /** Llama 3's published effective training time ("more than 90 %", [llama3-2024]). */
    public static final double LLAMA_ETTR_FLOOR = 0.90;

    /** A model and its global batch. */
    public record Workload(ModelSpec model, int globalBatch) {
        public Workload {
            if (globalBatch < 1) {
                throw new IllegalArgumentException("global batch " + globalBatch + " — expected at least 1 sequence");
            }
        }

        public double tokensPerStep() {
            return (double) globalBatch * model.sequenceLength();
        }
    }

    /**
     * What the section evaluates.
     *
     * @param cluster   the cluster preset
     * @param policies  the policies, the first the reference of every difference
     * @param workloads the models and their batches; the first's pipeline is drawn
     * @param keep      plans kept per search
     * @param campaign  the campaign (length, failure table, checkpointing) run on the whole cluster
     * @param trials    Monte Carlo trials per campaign
     * @param seed      seed of the campaigns (common random numbers across policies)
     */
    public record Input(
            @In(value = "the cluster preset the jobs run on", document = "cluster", defaultValue = CLUSTER) String cluster,
            @In(value = "the interconnect policies compared, the first the reference", range = "today|mosaic|mosaic-beyond-copper|all-optical-laser",
                    defaultValue = "today,mosaic-beyond-copper,mosaic") List<String> policies,
            @In(value = "the models and their global batches (sequences per step)", document = "model",
                    defaultValue = "llama3-405b × 2048, deepseek-v3-like × 4096") List<Workload> workloads,
            @In(value = "plans kept per search", unit = "1", range = "1..100", defaultValue = "5") int keep,
            @In(value = "the training campaign under failures", document = "campaign", defaultValue = "llama3-54d") CampaignDocument campaign,
            @In(value = "Monte Carlo trials per campaign", unit = "1", range = ">= 1", defaultValue = "200") int trials,
            @In(value = "seed of the campaigns", unit = "1", defaultValue = "1") long seed) {
        public Input {
            policies = List.copyOf(policies);
            workloads = List.copyOf(workloads);
            if (policies.isEmpty() || workloads.isEmpty()) {
                throw new IllegalArgumentException("no policies or no workloads — expected at least one of each");
            }
            if (keep < 1 || trials < 1) {
                throw new IllegalArgumentException("keep " + keep + ", trials " + trials + " — expected at least 1 of each");
            }
        }

        /** The report's: h100-16k, today / mosaic-beyond-copper / mosaic, Llama 3 405B and DeepSeek-V3-like, llama3-54d. */
        public static Input standard() {
            return new Input(CLUSTER, POLICIES, List.of(new Workload(Models.preset("llama3-405b"), LLAMA_BATCH),
                    new Workload(Models.preset("deepseek-v3-like"), DEEPSEEK_BATCH)), KEEP, CampaignDocument.standard(), TRIALS, SEED);
        }
    }

    @Override
    public String name() {
        return "report-training";
    }

    @Override
    public String question() {
        return "Does a better interconnect make training faster (best plans per policy, validated against Megatron and Llama 3) or more "
                + "reliable (a campaign's interruptions and effective training time per policy)?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<TrainingReport> resultType() {
        return TrainingReport.class;
    }

    /**
     * Runs everything on all cores: the policies' clusters, {@code workloads × policies} plan searches, 8 Megatron and 2
     * Llama validation runs, two sets of campaigns and the published campaign, then the timeline of the best dense plan.
     */
    @Override
    public TrainingReport run(Input in, Progress progress) {
        List<Workload> workloads = in.workloads();
        List<String> policies = in.policies();
        int nw = workloads.size();
        int np = policies.size();
        long total = np + (long) nw * np + 2L * PublishedRuns.MEGATRON.size() + PublishedRuns.LLAMA.size() + 3 + 1;
        progress.task(f("training: %d clusters, %d plan searches, %d validation runs, %d goodput campaigns", np, nw * np,
                2 * PublishedRuns.MEGATRON.size() + PublishedRuns.LLAMA.size(), 2 * np + 1), total);
        TrainingModel.menu(); // built once, before the workers share it
        List<TrainingModel.Setup> setups = Parallel.map(np, i -> TrainingModel.setup(in.cluster(), null, policies.get(i), null), progress);

        List<Supplier<Object>> tasks = new ArrayList<>();
        // the searches first, the largest (MoE) first, so the two workers finish together
        for (int w = nw - 1; w >= 0; w--) {
            Workload wl = workloads.get(w);
            for (TrainingModel.Setup s : setups) {
                tasks.add(() -> PlanSearch.search(wl.model(), s.system(), wl.globalBatch(), PlanSearch.Fixed.NONE, null, in.keep()));
            }
        }
        tasks.add(() -> TrainingModel.campaigns(in.cluster(), policies, null, in.campaign(), false, in.trials(), in.seed()));
        tasks.add(() -> TrainingModel.campaigns(in.cluster(), policies, null, in.campaign(), true, in.trials(), in.seed()));
        tasks.add(() -> CampaignSimulator.run(in.campaign().campaign(in.trials(), in.seed())));
        for (PublishedRuns.Megatron c : PublishedRuns.MEGATRON) {
            for (boolean seqSel : new boolean[] {false, true}) {
                tasks.add(() -> megatron(c, seqSel));
            }
        }
        for (PublishedRuns.Llama c : PublishedRuns.LLAMA) {
            tasks.add(() -> llama(c));
        }
        List<Object> out = Parallel.map(tasks.size(), i -> tasks.get(i).get(), progress);

        int k = 0;
        PlanSearch.Result[][] searches = new PlanSearch.Result[nw][np];
        for (int w = nw - 1; w >= 0; w--) {
            for (int p = 0; p < np; p++) {
                searches[w][p] = (PlanSearch.Result) out.get(k++);
            }
        }
        Map<String, TrainingReport.StepTime> stepTime = new LinkedHashMap<>();
        for (int w = 0; w < nw; w++) {
            Workload wl = workloads.get(w);
            Map<String, TrainingReport.PolicyPlans> pp = new LinkedHashMap<>();
            for (int p = 0; p < np; p++) {
                PlanSearch.Result r = searches[w][p];
                if (r.ranked().isEmpty()) {
                    throw new IllegalStateException("no plan of " + wl.model().name() + " fits on " + r.system() + ": " + PlanSearch.describe(r));
                }
                TrainingModel.Setup s = setups.get(p);
                PublishedGap gap = PublishedGap.of(wl.model(), r.best(), s.system(), new double[0]).orElse(null);
                pp.put(policies.get(p), new TrainingReport.PolicyPlans(r.evaluated(), r.rejectedMemory(), r.pruned(),
                        r.ranked().stream().map(TrainingReport.RankedStep::of).toList(), gap, policies.get(p), s.cluster().scaleUpGpus(),
                        PlanSearch.describe(r)));
            }
            stepTime.put(wl.model().name(), new TrainingReport.StepTime(wl.globalBatch(), wl.tokensPerStep(), pp, wl.model().name(),
                    wl.model().sequenceLength()));
        }
        @SuppressWarnings("unchecked")
        List<TrainingModel.Campaign> fleetRates = (List<TrainingModel.Campaign>) out.get(k++);
        @SuppressWarnings("unchecked")
        List<TrainingModel.Campaign> llamaRates = (List<TrainingModel.Campaign>) out.get(k++);
        CampaignResult published = (CampaignResult) out.get(k++);
        List<TrainingReport.MegatronRun> megatron = new ArrayList<>();
        for (int i = 0; i < 2 * PublishedRuns.MEGATRON.size(); i++) {
            megatron.add((TrainingReport.MegatronRun) out.get(k++));
        }
        List<TrainingReport.LlamaRun> llama = new ArrayList<>();
        for (int i = 0; i < PublishedRuns.LLAMA.size(); i++) {
            llama.add((TrainingReport.LlamaRun) out.get(k++));
        }
        // the pipeline of the best dense plan under the first policy, op by op
        StepResult best = stepTime.values().iterator().next().policies().get(policies.get(0)).best();
        StepResult tl = StepModel.evaluate(workloads.get(0).model(), best.plan(), setups.get(0).system(), new double[0], true);
        progress.step();

        List<TrainingReport.ScaleUp> scaleUp = new ArrayList<>();
        for (int p = 0; p < np; p++) {
            scaleUp.add(new TrainingReport.ScaleUp(policies.get(p), setups.get(p).cluster().scaleUpGpus(), setups.get(p).scaleUpNote()));
        }
        var pipe = tl.pipeline();
        TrainingReport.Pipeline pipeline = new TrainingReport.Pipeline(tl.model(), tl.plan().label(), pipe.timeline().size(),
                pipe.makespanSeconds(), pipe.bubbleSeconds(), pipe.bubbleFraction(), tl);
        TrainingReport.Validation validation = new TrainingReport.Validation(megatron,
                megatron.stream().mapToDouble(r -> Math.abs(r.error())).average().orElseThrow(),
                megatron.stream().mapToDouble(TrainingReport.MegatronRun::error).average().orElseThrow(), llama,
                PublishedRuns.SELENE.networkNote(), PublishedRuns.LLAMA3.networkNote());
        CampaignDocument doc = in.campaign();
        Estimate u = published.unplannedInterruptions();
        TrainingReport.Llama3Reproduction reproduction = new TrainingReport.Llama3Reproduction(Interval.of(u), doc.unplannedCount(),
                Interval.of(published.plannedInterruptions()), doc.plannedCount(), Interval.of(published.ettr()), LLAMA_ETTR_FLOOR,
                u.contains(doc.unplannedCount(), 0.95), doc.observedGpus(), doc.observedDays(), published);
        TrainingReport.Goodput goodput = new TrainingReport.Goodput(doc.days(), in.trials(), in.seed(), TrainingModel.linkCalibration(doc),
                campaignRows(fleetRates), campaignRows(llamaRates), reproduction, TrainingModel.residualSwitchRatePerGpuHour(doc),
                doc.interconnectCause().count());
        return new TrainingReport(in.cluster(), scaleUp, stepTime, pipeline, validation, goodput, provenance(in), in.keep());
    }

    private static TrainingReport.MegatronRun megatron(PublishedRuns.Megatron c, boolean seqSel) {
        StepResult r = c.evaluate(seqSel);
        double paper = c.paperSeconds(seqSel);
        return new TrainingReport.MegatronRun(c.model().name(), c.gpus(), r.plan().label(), seqSel ? "sequence-parallel+selective" : "full",
                r.stepSeconds(), paper, r.stepSeconds() / paper - 1, r.mfu(), seqSel, r);
    }

    private static TrainingReport.LlamaRun llama(PublishedRuns.Llama c) {
        StepResult r = c.fastestPublishedShape();
        return new TrainingReport.LlamaRun(c.gpus(), r.plan().label(), r.stepSeconds(), r.mfu(), c.publishedMfu(), r.flopsPerGpuPerSecond(),
                c.publishedTflopsPerGpu() * 1e12, c.dp(), r);
    }

    /** The campaigns' rows; every one after the first with its paired differences against the first (common random numbers). */
    static List<CampaignRow> campaignRows(List<TrainingModel.Campaign> runs) {
        List<CampaignRow> out = new ArrayList<>();
        TrainingModel.Campaign first = runs.get(0);
        for (TrainingModel.Campaign c : runs) {
            CampaignResult r = c.result();
            Map<String, Double> byCause = new LinkedHashMap<>();
            r.interruptionsByCause().forEach((k, v) -> byCause.put(k, v.mean()));
            boolean later = c != first;
            int gpus = c.spec().gpus();
            out.add(new CampaignRow(c.policy(), gpus, c.cluster().scaleUpGpus(), c.spec().checkpoint().intervalSeconds(),
                    c.spec().causes().unplannedMtbfSeconds(), Interval.of(totalInterruptions(r)), byCause, Interval.of(r.ettr()),
                    r.renewalEttrUnplanned(), Interval.of(r.lostGpuHoursPerDay()),
                    later ? paired(first, c, TrialResult::ettr) : null,
                    later ? paired(first, c, t -> t.unplannedInterruptions() + t.plannedInterruptions()) : null,
                    r.interruptions(TrainingModel.LINKS).mean(), later ? paired(first, c, t -> t.lostGpuHoursPerDay(gpus)) : null, c));
        }
        return out;
    }

    private static Interval paired(TrainingModel.Campaign a, TrainingModel.Campaign b, ToDoubleFunction<TrialResult> f) {
        return Interval.of(TrainingModel.pairedDifference(a.result(), b.result(), f));
    }

    /** Interruptions (unplanned + planned) per campaign, over the trials. */
    public static Estimate totalInterruptions(CampaignResult r) {
        double[] v = new double[r.trials().size()];
        for (int i = 0; i < v.length; i++) {
            TrialResult t = r.trials().get(i);
            v[i] = t.unplannedInterruptions() + t.plannedInterruptions();
        }
        return Estimate.of(v);
    }

    /** The sources of the section's numbers (the standard input's): the training classes' provenance, then its own choices. */
    public static List<Provenance> provenance() {
        return provenance(Input.standard());
    }

    static List<Provenance> provenance(Input in) {
        Map<String, Provenance> byPath = new LinkedHashMap<>();
        List<List<Provenance>> lists = List.of(Models.provenance(), GpuSpec.provenance(), KernelCosts.provenance(), SystemSpec.provenance(),
                StepModel.provenance(), TrainingClusters.provenance(), CampaignDocument.provenance(), TrainingModel.provenance(),
                PublishedRuns.provenance(), own(in));
        for (List<Provenance> l : lists) {
            for (Provenance p : l) {
                byPath.putIfAbsent(p.path(), p);
            }
        }
        return List.copyOf(byPath.values());
    }

    private static List<Provenance> own(Input in) {
        String days = f("%.0f", in.campaign().days());
        return List.of(
                new Provenance("report.training.deepseek-v3-like.globalBatch", "4,096 sequences (16.8 M tokens)", Confidence.ASSUMED,
                        "assumed (Mosaic developers), chosen here", "the same tokens per step as Llama 3 so the two models compare; DeepSeek-V3's own batch schedule is not used here"),
                new Provenance("report.training.campaign.days", days + " days, 16,384 GPUs", Confidence.PUBLISHED,
                        "[llama3-2024]", "the length of Llama 3's snapshot, on the whole h100-16k cluster"),
                new Provenance("report.training.campaign.trials", f("%d trials, seed %d", in.trials(), in.seed()), Confidence.ASSUMED,
                        "assumed (Mosaic developers), chosen here",
                        "enough for the paired ETTR differences to be resolved to hundredths of a point (their intervals are in the "
                                + "tables) while the section stays within seconds"),
                new Provenance("report.training.llama3.ettr", "> 90 %", Confidence.PUBLISHED, "[llama3-2024]",
                        "Meta's effective training time for the 54-day snapshot"));
    }

    private static String f(String fmt, Object... a) {
        return String.format(Locale.ROOT, fmt, a);
    }
}
