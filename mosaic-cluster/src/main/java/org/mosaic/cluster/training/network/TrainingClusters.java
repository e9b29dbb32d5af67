package org.mosaic.cluster.training.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.FleetMetrics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.layout.LayoutSpec;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.cluster.topology.ClusterTopology;
import org.mosaic.cluster.topology.LinkTier;
import org.mosaic.cluster.topology.ScaleUpDomainSpec;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.LinkCost;
import org.mosaic.core.catalog.Provenance;

/**
 * The training view of a fleet preset under a technology policy: a pure function (preset or cluster + layout,
 * GPU, policy, menu, economics, assumptions) → {@link TrainingCluster}.
 *
 * <p><b>Scale-up domain.</b> The policy's technology for the preset's in-rack scale-up cables (its longest one,
 * binned) decides:
 * <ul>
 *   <li>copper (passive DAC, linear active copper, AEC): the preset's domain (NVL72: 72 GPUs in one rack; HGX
 *       H100: 8 on one board) — copper's reach confines scale-up to the rack ([msr-blog]). This is
 *       {@value Policy#TODAY} and {@value Policy#MOSAIC_BEYOND_COPPER}.</li>
 *   <li>an optical technology (MOSAIC for {@value Policy#MOSAIC}, a laser optic for
 *       {@value Policy#ALL_OPTICAL_LASER}): the domain grows by whole GPU racks of the preset's layout, joined through
 *       a second non-blocking switch level in the domain's middle rack, while (a) the longest tray-to-switch-rack cable
 *       that growth needs is within that technology's reach, (b) the domain stays within the largest scale-up switch
 *       system of the generation ({@link NetworkAssumptions#maxScaleUpGpus}: NVL576 for NVL72-class, 256 for HGX
 *       H100-class), and (c) within the cluster. With lasers the reach is long too, so the larger domain is a real
 *       result for {@value Policy#ALL_OPTICAL_LASER}: its difference from MOSAIC is power and failures, not reach.</li>
 * </ul>
 * The reason, with the numbers, is in {@link ScaleUpChoice#reason()}. The added uplinks get the policy's technology
 * at their length, and their failures and power are counted.
 *
 * <p><b>Scale-up cost.</b> B = the domain's per-GPU bandwidth per direction
 * ({@link ScaleUpDomainSpec#bandwidthPerGpuBitsPerSecond()} / 8) × the calibrated achievable fraction (a second
 * switch level is non-blocking, so B does not change); α = the scale-up step latency, plus, for a grown domain,
 * four switch traversals and four passes over its longest cable per round trip. A one-GPU domain has no scale-up
 * links; its cost is the GPU's memory (HBM bandwidth, no latency), used only by one-rank groups, which cost nothing.
 *
 * <p><b>Fabric</b>: {@link ScaleOutFabric#of} with the mean cable length of each tier from the layout.
 * <b>Failures</b>: {@link InterconnectFailures} from {@link FleetModel#evaluate} on the same placement.
 *
 * <p>GPUs of the presets: h100-16k holds H100 SXM; nvl72-rack and cluster-100k hold GB200-class Blackwell GPUs,
 * for which {@link GpuSpec#B200} (HGX B200 figures) is the nearest preset (see {@link #provenance()}); pass another
 * GPU to override.
 */
public final class TrainingClusters {
    private TrainingClusters() {
    }

    /** The GPU a cluster preset holds (its document's {@code gpu:}). */
    public static GpuSpec defaultGpu(String fleetPreset) {
        return defaultGpu(ClusterDocument.preset(fleetPreset));
    }

    /** The GPU a cluster document holds ({@code gpu:}, a GPU preset name). */
    public static GpuSpec defaultGpu(ClusterDocument cluster) {
        return GpuSpec.find(cluster.gpu()).orElseThrow(() -> new IllegalArgumentException("cluster " + cluster.name() + ": gpu \""
                + cluster.gpu() + "\" — expected one of " + GpuSpec.presets().stream().map(GpuSpec::name).toList()));
    }

    /** The preset's cluster with its default GPU. */
    public static TrainingCluster of(String fleetPreset, Policy policy) {
        return of(fleetPreset, defaultGpu(fleetPreset), policy);
    }

    /** The preset's cluster with {@code gpu}. */
    public static TrainingCluster of(String fleetPreset, GpuSpec gpu, Policy policy) {
        ClusterDocument p = ClusterDocument.preset(fleetPreset);
        return of(p.name() + " / " + name(policy), p.cluster(), p.layout(), gpu, policy, TechnologyMenu.standard(), p.economics(),
                NetworkAssumptions.defaults());
    }

    /**
     * The preset's domains, fabric and layout with {@code gpus} GPUs instead of the preset's count (the fabric must
     * hold them; {@link ClusterSpec} says which radix or tiers would otherwise).
     */
    public static TrainingCluster of(String fleetPreset, GpuSpec gpu, Policy policy, int gpus) {
        ClusterDocument p = ClusterDocument.preset(fleetPreset);
        ClusterSpec c = p.cluster();
        return of(String.format(Locale.ROOT, "%s x %d GPUs / %s", p.name(), gpus, name(policy)), new ClusterSpec(gpus, c.domain(), c.fabric()),
                p.layout(), gpu, policy, TechnologyMenu.standard(), p.economics(), NetworkAssumptions.defaults());
    }

    private static String name(Policy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("policy is null — expected a technology policy, e.g. Policy.named(\"mosaic\")");
        }
        return policy.name();
    }

    /** The training view of any cluster and layout (see the class comment). */
    public static TrainingCluster of(String name, ClusterSpec cluster, LayoutSpec layout, GpuSpec gpu, Policy policy, TechnologyMenu menu,
                                     FleetEconomics economics, NetworkAssumptions assumptions) {
        if (cluster == null || layout == null || gpu == null || policy == null || menu == null || economics == null || assumptions == null) {
            throw new IllegalArgumentException("a cluster, a layout, a GPU, a policy, a technology menu, the economics and the network"
                    + " assumptions are required (got cluster " + cluster + ", layout " + (layout == null ? null : layout.name()) + ", GPU "
                    + (gpu == null ? null : gpu.name()) + ", policy " + (policy == null ? null : policy.name()) + "; hint: ClusterDocument.preset(\"h100-16k\"),"
                    + " GpuSpec.H100_SXM, Policy.today(), TechnologyMenu.standard(), FleetEconomics.defaults(), NetworkAssumptions.defaults())");
        }
        RackLayout placed = RackLayout.place(ClusterTopology.of(cluster), layout);
        FleetModel.Result fleet = FleetModel.evaluate(placed, policy, menu, economics);
        Map<String, CablePlan.TierLengths> lengths = new LinkedHashMap<>();
        for (CablePlan.TierLengths t : fleet.lengthHistograms()) {
            lengths.put(t.tier(), t);
        }
        String scaleUpName = CablePlan.tierName(LinkTier.SCALE_UP);
        ScaleUpChoice choice = ScaleUpPlanner.plan(placed, lengths.get(scaleUpName), policy, menu, economics, assumptions);
        ScaleUpDomainSpec dom = cluster.domain();
        LinkCost scaleUp;
        if (dom.switchTrays() == 0) {
            scaleUp = new LinkCost(0, gpu.hbmBandwidthBytesPerSecond());
        } else {
            double extra = choice.grown()
                    ? 4 * assumptions.scaleUpSwitchHopSeconds() + 4 * choice.longestCableMeters() * assumptions.propagationSecondsPerMeter()
                    : 0;
            scaleUp = new LinkCost(assumptions.scaleUpLatencySeconds() + extra,
                    dom.bandwidthPerGpuBitsPerSecond() / 8 * assumptions.scaleUpAchievableFraction());
        }
        ScaleOutFabric fabric = cluster.hasFabric()
                ? ScaleOutFabric.of(cluster, assumptions, mean(lengths, LinkTier.LEAF_ACCESS), mean(lengths, LinkTier.LEAF_SPINE),
                mean(lengths, LinkTier.SPINE_CORE))
                : null;
        // an HGX-style board: the one switch "tray" is the baseboard itself, its NVLink traces not cables
        boolean onBoard = dom.onBoard();
        return new TrainingCluster(name, gpu, cluster.gpus(), choice.gpus(), scaleUp, fabric, choice, failures(fleet, choice, cluster.gpus()),
                assumptions, onBoard);
    }

    private static double mean(Map<String, CablePlan.TierLengths> lengths, LinkTier tier) {
        CablePlan.TierLengths t = lengths.get(CablePlan.tierName(tier));
        return t == null ? 0 : t.meanMeters();
    }

    /** Failures per GPU-hour by tier: the fleet's (plus the added scale-up links') per day / (GPUs × 24 h). */
    static InterconnectFailures failures(FleetModel.Result fleet, ScaleUpChoice choice, int gpus) {
        Map<String, Double> perDay = new LinkedHashMap<>();
        for (LinkTier t : LinkTier.values()) {
            perDay.put(CablePlan.tierName(t), 0.0);
        }
        for (FleetMetrics.GroupRow g : fleet.metrics().groups()) {
            if (!perDay.containsKey(g.tier())) {
                throw new IllegalStateException("link group of unknown tier " + g.tier() + " — expected one of " + perDay.keySet());
            }
            perDay.merge(g.tier(), g.failuresPerDay(), Double::sum);
        }
        perDay.merge(CablePlan.tierName(LinkTier.SCALE_UP), choice.extraLinkFailuresPerDay(), Double::sum);
        Map<String, Double> perGpuHour = new LinkedHashMap<>();
        perDay.forEach((k, v) -> perGpuHour.put(k, v / InterconnectFailures.HOURS_PER_DAY / gpus));
        return new InterconnectFailures(gpus, perGpuHour, fleet.linkFailuresPerDay(), choice.extraLinkFailuresPerDay(), fleet.unservedLinks());
    }

    /** Source and confidence of the shipped clusters' GPUs (each document's {@code gpu:}). */
    public static List<Provenance> provenance() {
        return ClusterDocument.presetProvenance().stream().filter(p -> p.path().endsWith(".gpu")).toList();
    }
}
