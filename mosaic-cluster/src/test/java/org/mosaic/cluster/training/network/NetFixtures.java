package org.mosaic.cluster.training.network;

import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.fleet.TechnologyOption;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.cluster.topology.FabricKind;
import org.mosaic.cluster.topology.FabricSpec;
import org.mosaic.cluster.topology.ScaleUpDomainSpec;
import org.mosaic.cluster.training.GpuSpec;

/** Small clusters whose answers can be worked out by hand, and the presets built once for the whole package. */
final class NetFixtures {
    private NetFixtures() {
    }

    static final TechnologyMenu MENU = TechnologyMenu.standard();
    static final NetworkAssumptions DEFAULTS = NetworkAssumptions.defaults();
    /** What one NIC achieves in a ring: 400 Gb/s = 50 GB/s × 0.94 (calibrated). */
    static final double NIC = 50e9 * DEFAULTS.nicAchievableFraction();

    /** A scale-up domain of 2 GPUs (NVLink 4 lanes), so that most groups leave it. */
    static final ScaleUpDomainSpec PAIR = new ScaleUpDomainSpec("pair", 2, 18, 2, 100e9, 1, 4, 64);

    /**
     * 48 GPUs in pairs on a 2-tier fat tree of 8-port 400G switches at 1:3: d = ⌊8·3/4⌋ = 6 GPUs per leaf, u = 2 up
     * ports, 8 leaves, 2 spines. Policy today keeps the pairs (copper).
     */
    static TrainingCluster oversubscribed() {
        return Lazy.OVERSUBSCRIBED;
    }

    /** 32 GPUs in pairs on a non-blocking 2-tier fat tree of 8-port switches: d = u = 4, 8 leaves. */
    static TrainingCluster nonBlocking() {
        return Lazy.NON_BLOCKING;
    }

    /** MOSAIC's published reach, "up to 50 m" ([mosaic-sigcomm25] abstract): what the paper claims, not what our model gives. */
    static final double CLAIMED_MOSAIC_REACH_METERS = 50;

    /**
     * The standard menu with MOSAIC's rows (pluggable and CPO, every generation) at {@code reachMeters} instead of our
     * channel model's reach, their power and FIT unchanged: for tests of what the planner does with a cable that reaches a
     * given length, independent of the preset's modelled reach.
     */
    static TechnologyMenu menuWithMosaicReach(double reachMeters) {
        java.util.List<TechnologyOption> options = new java.util.ArrayList<>();
        for (TechnologyOption o : MENU.options()) {
            boolean mosaic = o.id().equals(TechnologyMenu.MOSAIC_PLUGGABLE) || o.id().equals(TechnologyMenu.MOSAIC_CPO);
            options.add(!mosaic ? o : new TechnologyOption(o.id(), o.name(), o.kind(), o.generation(), o.availability(), reachMeters,
                    o.powerPerEndWatts(), o.fitPerEnd(), o.costPerEndUsd(), o.source() + " | test fixture: reach set to "
                    + reachMeters + " m", o.confidence(), o.ourModel()));
        }
        return TechnologyMenu.of(MENU.generations(), options);
    }

    /** A cluster preset (its own GPU count) under {@code policy} with {@code menu}. */
    static TrainingCluster withMenu(String preset, Policy policy, TechnologyMenu menu) {
        ClusterDocument d = ClusterDocument.preset(preset);
        return TrainingClusters.of(preset, d.cluster(), d.layout(), TrainingClusters.defaultGpu(preset), policy, menu,
                d.economics(), DEFAULTS);
    }

    static TrainingCluster fatTree(int gpus, double oversubscription) {
        ClusterSpec spec = new ClusterSpec(gpus, PAIR, new FabricSpec(FabricKind.FAT_TREE, 8, 2, oversubscription, 1, 400e9, 4));
        return TrainingClusters.of("fixture 1:" + oversubscription, spec, ClusterDocument.preset("h100-16k").layout(), GpuSpec.H100_SXM, Policy.today(),
                MENU, FleetEconomics.defaults(), DEFAULTS);
    }

    /** The h100-16k preset under a policy, built once per policy. */
    static TrainingCluster h100(String policy) {
        return switch (policy) {
            case Policy.TODAY -> Lazy.H100_TODAY;
            case Policy.MOSAIC -> Lazy.H100_MOSAIC;
            default -> TrainingClusters.of("h100-16k", Policy.named(policy));
        };
    }

    private static final class Lazy {
        static final TrainingCluster OVERSUBSCRIBED = fatTree(48, 3);
        static final TrainingCluster NON_BLOCKING = fatTree(32, 1);
        static final TrainingCluster H100_TODAY = TrainingClusters.of("h100-16k", Policy.today());
        static final TrainingCluster H100_MOSAIC = TrainingClusters.of("h100-16k", Policy.mosaic());
    }
}
