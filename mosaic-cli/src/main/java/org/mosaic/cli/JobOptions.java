package org.mosaic.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that say where a job runs, shared by {@code train}, {@code goodput} and {@code inference} (one copy, not three):
 * the cluster, the interconnect policies, the job's GPUs, the document edits ({@code --set}) and the technologies the
 * policies choose from ({@link TechnologyOptions}). Each command routes the {@code --set} keys to the documents it uses and
 * refuses the others.
 */
public final class JobOptions {
    @Option(names = "--cluster", paramLabel = "FILE|NAME", defaultValue = "h100-16k",
            description = "The cluster: a shipped name (nvl72-rack, h100-16k or cluster-100k; default: ${DEFAULT-VALUE}) or a "
                    + "kind: cluster document (not with --system).")
    String cluster;

    @Option(names = "--policy", paramLabel = "POLICY", split = ",", defaultValue = "today",
            description = "today, mosaic, mosaic-beyond-copper, all-optical-laser; several separated by commas, or all "
                    + "(default: ${DEFAULT-VALUE}; not with --system).")
    List<String> policies;

    @Option(names = "--gpus", paramLabel = "N", description = "GPUs of the job (default: the cluster's, or the system's).")
    Long gpus;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any value of a document the run uses, by its dotted path: "
            + "model.KEY of the model (model.layers, model.hidden, model.heads, model.experts, ...); the cluster's own paths as "
            + "fleet spells them (gpus, gpu, fabric.radix, scaleUp.gpus, layout.rackPower, economics.pue, ...); system.KEY of the "
            + "--system document (e.g. system.scaleUp.efficiency=0.65; then no cluster paths); gpu.KEY of the --gpu document, else "
            + "of the cluster's or system's GPU (e.g. gpu.hbm.capacity=96 GB); campaign.KEY of goodput's campaign. Repeatable; each "
            + "key once, in any order: all are applied, then each document is checked once; a key of a document the command does "
            + "not use is refused.")
    List<String> sets = new ArrayList<>();

    @Mixin
    TechnologyOptions technologies;

    /** The policies asked for, "all" expanded. */
    List<String> policyNames() {
        return policies.size() == 1 && policies.get(0).equals("all") ? org.mosaic.cluster.fleet.Policy.NAMES : policies;
    }
}
