package org.mosaic.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.cluster.topology.LinkTier;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.GroupNetwork;
import org.mosaic.cluster.training.KernelCosts;
import org.mosaic.cluster.training.LinkCost;
import org.mosaic.cluster.training.TrainingSystem;
import org.mosaic.cluster.training.goodput.CampaignResult;
import org.mosaic.cluster.training.goodput.CampaignSimulator;
import org.mosaic.cluster.training.goodput.CampaignSpec;
import org.mosaic.cluster.training.goodput.CheckpointPlan;
import org.mosaic.cluster.training.goodput.Checkpointing;
import org.mosaic.cluster.training.goodput.Estimate;
import org.mosaic.cluster.training.goodput.FailureCause;
import org.mosaic.cluster.training.goodput.TrialResult;
import org.mosaic.cluster.training.goodput.FailureCauses;
import org.mosaic.cluster.training.goodput.CampaignDocument;
import org.mosaic.cluster.training.goodput.IntervalRule;
import org.mosaic.cluster.training.network.NetworkAssumptions;
import org.mosaic.cluster.training.network.TrainingCluster;
import org.mosaic.cluster.training.network.TrainingClusters;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;

/**
 * The training facade: a fleet preset under an interconnect policy as a training job sees it — the hardware for the
 * step model ({@link TrainingSystem}) and the failure causes for the goodput model.
 *
 * <p><b>Failure causes of a job under a policy.</b> The Llama 3 breakdown ([llama3-2024]) per
 * GPU-hour for every component class, except its "Network switch/cable" row, which is split in two: the <i>links</i>
 * of the policy's technologies, at the fleet model's FIT-derived rates for the job's share of every fabric tier (plus
 * the scale-up tier when its links are cables — NVL72 spines or a domain grown over racks; the on-board NVLink of an
 * HGX board is already in "Faulty GPU (incl. NVLink)"), and the <i>switches</i>, the residual: Llama's switch/cable rate
 * minus what our fleet model gives for the links of the Llama-sized h100-16k cluster under today's policy, clamped at
 * 0. With the catalog's FITs that residual IS 0: the links alone give h100-16k today 1.8× Llama's switch/cable rate,
 * so the default over-counts network interruptions against Llama 3's field data; {@link #linkCalibration()} (the CLI's
 * {@code --link-rates llama}) scales every link rate so that h100-16k today reproduces Llama's 35.
 */
public final class TrainingModel {
    /** Name of the link cause. */
    public static final String LINKS = "Network links";
    /** Name of the residual switch cause. */
    public static final String SWITCHES = "Network switches";

    private static volatile TechnologyMenu menu;
    /** Our link failures per GPU-hour of h100-16k under today's policy (the calibration point), computed once. */
    private static volatile Double calibrationLinkRate;

    private TrainingModel() {
    }

    /**
     * A job on a preset under a policy.
     *
     * @param cluster the training view (domain size, fabric, failures)
     * @param system  what the step model needs
     */
    public record Setup(TrainingCluster cluster, TrainingSystem system) {
        /** Why the scale-up domain has its size. */
        public String scaleUpNote() {
            return cluster.scaleUpChoice().reason();
        }
    }

    /** The technology menu, built once (about a second: MOSAIC's channel, power and reliability models). */
    public static TechnologyMenu menu() {
        TechnologyMenu m = menu;
        if (m == null) {
            synchronized (TrainingModel.class) {
                if (menu == null) {
                    menu = TechnologyMenu.standard();
                }
                m = menu;
            }
        }
        return m;
    }

    /**
     * The setup of a job.
     *
     * @param preset  a cluster document: a shipped name (nvl72-rack, h100-16k, cluster-100k) or a file
     * @param gpu     the GPU, or null for the preset's
     * @param policy  interconnect policy name
     * @param jobGpus GPUs of the job (the cluster is built with that many), or null for the preset's
     * @throws IllegalArgumentException naming a bad preset, policy or GPU count
     */
    public static Setup setup(String preset, GpuSpec gpu, String policy, Long jobGpus) {
        return setup(preset, gpu, policy, jobGpus, null);
    }

    /** As {@link #setup(String, GpuSpec, String, Long)} with the policy choosing from {@code ic} (null: the shipped menu). */
    public static Setup setup(String preset, GpuSpec gpu, String policy, Long jobGpus, org.mosaic.cluster.fleet.Interconnect ic) {
        return setup(ClusterDocument.resolve(preset), gpu, policy, jobGpus, ic);
    }

    /** As {@link #setup(String, GpuSpec, String, Long, org.mosaic.cluster.fleet.Interconnect)} on a bound cluster document. */
    public static Setup setup(ClusterDocument preset, GpuSpec gpu, String policy, Long jobGpus, org.mosaic.cluster.fleet.Interconnect ic) {
        TrainingCluster c = cluster(preset, gpu, policy, jobGpus, ic);
        TrainingSystem sys = new TrainingSystem(c.name(), c.gpu(), KernelCosts.of(c.gpu()), c.gpus(), network(c));
        return new Setup(c, sys);
    }

    /** The training view of a preset (see {@link #setup}). */
    public static TrainingCluster cluster(String preset, GpuSpec gpu, String policy, Long jobGpus) {
        return cluster(preset, gpu, policy, jobGpus, null);
    }

    /** As {@link #cluster(String, GpuSpec, String, Long)} with the policy choosing from {@code ic} (null: the shipped menu). */
    public static TrainingCluster cluster(String preset, GpuSpec gpu, String policy, Long jobGpus, org.mosaic.cluster.fleet.Interconnect ic) {
        return cluster(ClusterDocument.resolve(preset), gpu, policy, jobGpus, ic);
    }

    /** As {@link #cluster(String, GpuSpec, String, Long, org.mosaic.cluster.fleet.Interconnect)} on a bound cluster document. */
    public static TrainingCluster cluster(ClusterDocument p, GpuSpec gpu, String policy, Long jobGpus, org.mosaic.cluster.fleet.Interconnect ic) {
        Policy pol = ic == null ? Policy.named(policy) : ic.policy(policy);
        GpuSpec g = gpu == null ? TrainingClusters.defaultGpu(p) : gpu;
        ClusterSpec spec = p.cluster();
        String name = p.name() + " / " + pol.name();
        if (jobGpus != null) {
            if (jobGpus < 1 || jobGpus > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("GPUs " + jobGpus + " — expected 1 to " + Integer.MAX_VALUE);
            }
            spec = new ClusterSpec(jobGpus.intValue(), spec.domain(), spec.fabric());
            name = String.format(Locale.ROOT, "%s x %d GPUs / %s", p.name(), jobGpus, pol.name());
        }
        return TrainingClusters.of(name, spec, p.layout(), g, pol, ic == null ? menu() : ic.menu(), p.economics(),
                NetworkAssumptions.defaults());
    }

    /**
     * The cluster as the step model's network, each (size, stride) answered once and kept (a query walks every hop). A
     * group that stays inside one of the preset's own domains (an HGX board, an NVL72 rack) keeps that domain's one-level
     * latency when the policy grows the domain: only traffic between the original domains crosses the second switch level.
     */
    public static GroupNetwork network(TrainingCluster c) {
        Map<Long, LinkCost> links = new ConcurrentHashMap<>();
        Map<Long, Double> bisection = new ConcurrentHashMap<>();
        int base = c.scaleUpChoice().baseGpus();
        LinkCost local = c.scaleUpChoice().grown()
                ? new LinkCost(c.assumptions().scaleUpLatencySeconds(), c.scaleUp().bandwidthBytesPerSecond()) : c.scaleUp();
        return new GroupNetwork() {
            @Override
            public LinkCost link(int ranks, int stride) {
                // a group that fits inside one of the preset's boards is placed inside one (whole groups per board,
                // GroupNetwork.fitsInDomain), not only when its span divides the board
                return links.computeIfAbsent(key(ranks, stride),
                        k -> base > 1 && GroupNetwork.fitsInDomain(ranks, stride, base) ? local : c.forGroup(ranks, stride));
            }

            @Override
            public double bisectionBytesPerSecond(int ranks, int stride) {
                return bisection.computeIfAbsent(key(ranks, stride), k -> c.bisectionBytesPerSecond(ranks, stride));
            }

            @Override
            public int scaleUpGpus() {
                return c.scaleUpGpus();
            }

            @Override
            public double computeSlowdown(int ranks, int stride) {
                return GroupNetwork.fitsInDomain(ranks, stride, c.scaleUpGpus()) ? SCALE_UP_COMPUTE_SLOWDOWN : FABRIC_COMPUTE_SLOWDOWN;
            }
        };
    }

    private static long key(int ranks, int stride) {
        return ((long) ranks << 32) | (stride & 0xffffffffL);
    }

    /**
     * Interconnect failures per GPU-hour that interrupt a job: the fabric tiers, plus the scale-up tier when its links
     * are cables (see the class comment).
     */
    public static double linkFailuresPerGpuHour(TrainingCluster c) {
        return linkFailuresPerGpuHourByTier(c).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * {@link #linkFailuresPerGpuHour} by tier (tier name → failures per GPU-hour, every tier in order): the scale-up tier
     * counts only its cables (all of an NVL72-class domain's; for an HGX board only the links a grown domain adds).
     */
    public static Map<String, Double> linkFailuresPerGpuHourByTier(TrainingCluster c) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        boolean onBoard = c.onBoardScaleUp();
        for (LinkTier t : LinkTier.values()) {
            double rate = c.failures().perGpuHour(t);
            if (t == LinkTier.SCALE_UP && onBoard) {
                rate = c.scaleUpChoice().extraLinkFailuresPerDay() / 24 / c.gpus();
            }
            out.put(CablePlan.tierName(t), rate);
        }
        return out;
    }

    /**
     * The link failures per GPU-hour of {@link #linkFailuresPerGpuHourByTier} split by technology (technology id → rate,
     * in first-seen order): each tier's rate shared out as the fleet model's failures per day of that tier's technologies
     * (the policy's assignment on the job's cluster), the links a grown scale-up domain adds under its own technology.
     * A failure process that is a sum of Poisson processes, so the job's link interruptions split the same way in
     * expectation. Re-places the cluster (about a second at 100k GPUs).
     */
    public static Map<String, Double> linkFailuresPerGpuHourByTechnology(String preset, String policy, TrainingCluster c) {
        return linkFailuresPerGpuHourByTechnology(preset, policy, c, null);
    }

    /** As {@link #linkFailuresPerGpuHourByTechnology(String, String, TrainingCluster)} choosing from {@code ic} (null: shipped). */
    public static Map<String, Double> linkFailuresPerGpuHourByTechnology(String preset, String policy, TrainingCluster c,
                                                                         org.mosaic.cluster.fleet.Interconnect ic) {
        return linkFailuresPerGpuHourByTechnology(ClusterDocument.resolve(preset), policy, c, ic);
    }

    /** As {@link #linkFailuresPerGpuHourByTechnology(String, String, TrainingCluster, org.mosaic.cluster.fleet.Interconnect)} on a bound document. */
    public static Map<String, Double> linkFailuresPerGpuHourByTechnology(ClusterDocument p, String policy, TrainingCluster c,
                                                                         org.mosaic.cluster.fleet.Interconnect ic) {
        ClusterSpec spec = new ClusterSpec(c.gpus(), p.cluster().domain(), p.cluster().fabric());
        FleetModel.Result fleet = FleetModel.evaluate(spec, p.layout(), ic == null ? Policy.named(policy) : ic.policy(policy),
                ic == null ? menu() : ic.menu(), p.economics());
        Map<String, Map<String, Double>> perDayByTierTech = new java.util.LinkedHashMap<>();
        for (org.mosaic.cluster.fleet.FleetMetrics.GroupRow g : fleet.metrics().groups()) {
            perDayByTierTech.computeIfAbsent(g.tier(), k -> new java.util.LinkedHashMap<>()).merge(g.technology(), g.failuresPerDay(), Double::sum);
        }
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        String scaleUp = CablePlan.tierName(LinkTier.SCALE_UP);
        double extraPerGpuHour = c.scaleUpChoice().extraLinkFailuresPerDay() / 24 / c.gpus();
        linkFailuresPerGpuHourByTier(c).forEach((tier, rate) -> {
            double rest = rate;
            if (tier.equals(scaleUp) && extraPerGpuHour > 0 && c.scaleUpChoice().technology() != null) {
                out.merge(c.scaleUpChoice().technology(), extraPerGpuHour, Double::sum);
                rest = Math.max(0, rate - extraPerGpuHour);
            }
            Map<String, Double> techs = perDayByTierTech.getOrDefault(tier, Map.of());
            double total = techs.values().stream().mapToDouble(Double::doubleValue).sum();
            if (rest > 0 && total > 0) {
                for (Map.Entry<String, Double> e : techs.entrySet()) {
                    out.merge(e.getKey(), rest * e.getValue() / total, Double::sum);
                }
            }
        });
        return out;
    }

    /** Llama's switch/cable rate per GPU-hour minus the link rate of h100-16k today (≥ 0), the switches' share. */
    public static double residualSwitchRatePerGpuHour() {
        return residualSwitchRatePerGpuHour(CampaignDocument.standard());
    }

    /** The campaign's interconnect rate per GPU-hour minus the link rate of h100-16k today (≥ 0), the switches' share. */
    public static double residualSwitchRatePerGpuHour(CampaignDocument campaign) {
        return Math.max(0, interconnectRate(campaign) - calibrationLinkRate());
    }

    /** Our link rate per GPU-hour on the calibration cluster (h100-16k, today), built once (a fleet evaluation). */
    private static double calibrationLinkRate() {
        Double r = calibrationLinkRate;
        if (r == null) {
            r = linkFailuresPerGpuHour(cluster("h100-16k", null, Policy.TODAY, null));
            calibrationLinkRate = r;
        }
        return r;
    }

    /**
     * Llama's switch/cable failures per GPU-hour ÷ our link failures per GPU-hour of h100-16k under today's policy: the
     * factor that makes the fleet model's FIT-based link rates agree with what Llama 3 observed (0.56 with the
     * catalog's FITs — they predict 1.8× Llama's switch and cable interruptions).
     */
    public static double linkCalibration() {
        return linkCalibration(CampaignDocument.standard());
    }

    /** As {@link #linkCalibration()} for the interconnect cause of {@code campaign}. */
    public static double linkCalibration(CampaignDocument campaign) {
        return interconnectRate(campaign) / calibrationLinkRate();
    }

    /** The rate per GPU-hour of the campaign's interconnect cause (Llama's switch/cable row). */
    private static double interconnectRate(CampaignDocument campaign) {
        return campaign.ratePerUnitHour(campaign.interconnectCause());
    }

    /**
     * The unplanned and planned failure causes of a job of {@code jobGpus} GPUs on {@code c} (see the class comment),
     * in the Llama table's order with the switch/cable row replaced by links and switches.
     */
    public static FailureCauses causes(TrainingCluster c, long jobGpus, boolean planned) {
        return causes(c, jobGpus, planned, false);
    }

    /** As {@link #causes(TrainingCluster, CampaignDocument, long, boolean, boolean)} for the default campaign. */
    public static FailureCauses causes(TrainingCluster c, long jobGpus, boolean planned, boolean calibrateLinks) {
        return causes(c, CampaignDocument.standard(), jobGpus, planned, calibrateLinks);
    }

    /**
     * The causes of {@code campaign} for a job of {@code jobGpus} GPUs on {@code c}, its interconnect cause replaced by links and
     * switches; with {@code calibrateLinks} every link rate is scaled by {@link #linkCalibration(CampaignDocument)} so that
     * h100-16k under today's policy has exactly the interconnect cause's rate (all of it links, no residual for switches).
     */
    public static FailureCauses causes(TrainingCluster c, CampaignDocument campaign, long jobGpus, boolean planned, boolean calibrateLinks) {
        double linkRate = linkFailuresPerGpuHour(c) * (calibrateLinks ? linkCalibration(campaign) : 1);
        double switchRate = calibrateLinks ? 0 : residualSwitchRatePerGpuHour(campaign);
        FailureCauses base = campaign.causes(jobGpus, planned);
        String interconnect = campaign.interconnectCause().name();
        FailureCause switchCable = base.cause(interconnect);
        List<FailureCause> out = new ArrayList<>();
        for (FailureCause fc : base.causes()) {
            if (fc.name().equals(interconnect)) {
                out.add(FailureCause.unplanned(LINKS, "Network", linkRate, jobGpus, switchCable.recovery()));
                out.add(FailureCause.unplanned(SWITCHES, "Network", switchRate, jobGpus, switchCable.recovery()));
            } else {
                out.add(fc);
            }
        }
        return new FailureCauses(out);
    }

    /**
     * The checkpoint plan for a set of causes: save δ, restart R and an interval from the rule with M the unplanned
     * mean time between failures of the job, or {@code intervalSeconds} when given.
     */
    public static CheckpointPlan checkpoint(FailureCauses causes, double saveSeconds, double restartSeconds, IntervalRule rule,
                                            Double intervalSeconds, boolean hotSpares) {
        double t = intervalSeconds != null ? intervalSeconds : rule.intervalSeconds(causes, saveSeconds, restartSeconds, hotSpares);
        return new CheckpointPlan(t, saveSeconds, restartSeconds);
    }

    /**
     * One policy's campaign.
     *
     * @param policy  policy name
     * @param cluster the training view
     * @param spec    the campaign simulated
     * @param result  its Monte Carlo outcome
     */
    public record Campaign(String policy, TrainingCluster cluster, CampaignSpec spec, CampaignResult result) {
    }

    /**
     * Campaigns of the same job under several policies on the same sampled failures of every non-link component
     * (common random numbers: one seed; each cause's failure times depend only on the seed, the trial and its name).
     * The campaign document gives the length, the causes, spares, planned stops and the checkpointing; the checkpoint
     * interval is chosen per policy from its own failure rate unless the document fixes it.
     */
    public static List<Campaign> campaigns(String preset, List<String> policies, Long jobGpus, CampaignDocument campaign,
                                           boolean calibrateLinks, int trials, long seed) {
        return campaigns(preset, policies, jobGpus, campaign, calibrateLinks, trials, seed, Double.POSITIVE_INFINITY, (done, total) -> { });
    }

    /** Too much work asked of a campaign: the estimate and the bound, for the caller to name its flags. */
    public static final class TooMuchWork extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final double events;
        private final double maxEvents;

        TooMuchWork(double events, double maxEvents) {
            super(String.format(Locale.ROOT, "about %.3g simulated events (trials × (failures + checkpoints) per trial, summed over the "
                    + "policies) — expected at most %.3g, about a few minutes of work", events, maxEvents));
            this.events = events;
            this.maxEvents = maxEvents;
        }

        public double events() {
            return events;
        }

        public double maxEvents() {
            return maxEvents;
        }
    }

    /** Progress of {@link #campaigns}: trials done of the total over every policy. */
    @FunctionalInterface
    public interface TrialProgress {
        void done(long trialsDone, long trialsTotal);
    }

    /**
     * As {@link #campaigns(String, List, Long, CampaignDocument, boolean, int, long)},
     * refusing before any simulation when the estimated work ({@link CampaignSpec#workEvents()}, summed over the
     * policies) exceeds {@code maxWorkEvents}, and reporting each finished trial to {@code progress}.
     *
     * @throws TooMuchWork when the work exceeds the bound
     */
    public static List<Campaign> campaigns(String preset, List<String> policies, Long jobGpus, CampaignDocument campaign,
                                           boolean calibrateLinks, int trials, long seed, double maxWorkEvents, TrialProgress progress) {
        return campaigns(preset, policies, jobGpus, campaign, calibrateLinks, trials, seed, maxWorkEvents, progress, null);
    }

    /** As the campaigns above, each policy choosing from {@code ic} (its menu and rules; null: the shipped menu). */
    public static List<Campaign> campaigns(String preset, List<String> policies, Long jobGpus, CampaignDocument campaign,
                                           boolean calibrateLinks, int trials, long seed, double maxWorkEvents, TrialProgress progress,
                                           org.mosaic.cluster.fleet.Interconnect ic) {
        return campaigns(ClusterDocument.resolve(preset), policies, jobGpus, campaign, calibrateLinks, trials, seed, maxWorkEvents, progress, ic);
    }

    /** As the campaigns above, on a bound cluster document (e.g. one with --set overrides applied). */
    public static List<Campaign> campaigns(ClusterDocument preset, List<String> policies, Long jobGpus, CampaignDocument campaign,
                                           boolean calibrateLinks, int trials, long seed, double maxWorkEvents, TrialProgress progress,
                                           org.mosaic.cluster.fleet.Interconnect ic) {
        List<TrainingCluster> clusters = new ArrayList<>();
        List<CampaignSpec> specs = new ArrayList<>();
        double work = 0;
        for (String policy : policies) {
            TrainingCluster c = cluster(preset, null, policy, jobGpus, ic);
            FailureCauses causes = causes(c, campaign, c.gpus(), campaign.planned(), calibrateLinks);
            CheckpointPlan ck = campaign.checkpoint(causes);
            CampaignSpec spec = new CampaignSpec(c.gpus(), campaign.days(), causes, ck, campaign.hotSpares(), trials, seed);
            clusters.add(c);
            specs.add(spec);
            work += spec.workEvents();
        }
        if (work > maxWorkEvents) {
            throw new TooMuchWork(work, maxWorkEvents);
        }
        long total = (long) trials * policies.size();
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        List<Campaign> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            CampaignResult r = CampaignSimulator.run(specs.get(i), true, () -> progress.done(done.incrementAndGet(), total));
            out.add(new Campaign(policies.get(i), clusters.get(i), specs.get(i), r));
        }
        return out;
    }

    /** Per-trial differences b − a of a per-trial quantity (paired by trial, the common random numbers at work). */
    public static Estimate pairedDifference(CampaignResult a, CampaignResult b, java.util.function.ToDoubleFunction<TrialResult> f) {
        if (a.trials().size() != b.trials().size()) {
            throw new IllegalArgumentException("campaigns of " + a.trials().size() + " and " + b.trials().size() + " trials — expected the same trials");
        }
        double[] d = new double[a.trials().size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(b.trials().get(i)) - f.applyAsDouble(a.trials().get(i));
        }
        return Estimate.of(d);
    }

    /** Where the split of the switch/cable row comes from. */
    public static List<Provenance> provenance() {
        return List.of(new Provenance("training.goodput.cause.network-links", "fleet model FIT rates per policy", Confidence.DERIVED,
                        "[llama3-2024] row 'Network switch/cable'; the fleet model (FITs of [luxoptx-fit], [meta-ecoc-2025] and the baseline catalog)",
                        "the job's share of every fabric tier; the scale-up tier when its links are cables"),
                new Provenance("training.goodput.cause.network-switches", String.format(Locale.ROOT, "%.3g /GPU-h",
                        residualSwitchRatePerGpuHour()), Confidence.DERIVED, "[llama3-2024]",
                        "Llama's 35 switch/cable interruptions in 54 days on 16,384 GPUs minus our h100-16k link failures under today's"
                                + " policy, clamped at 0 (it is 0 with the catalog FITs, which exceed Llama's whole row)"),
                new Provenance("training.goodput.linkCalibration", String.format(Locale.ROOT, "%.3f", linkCalibration()),
                        Confidence.CALIBRATED, "[llama3-2024]",
                        "--link-rates llama: Llama's switch/cable rate ÷ our h100-16k link rate under today's policy"));
    }
}
