package org.mosaic.studies.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.fleet.FleetMetrics;
import org.mosaic.cluster.fleet.Interconnect;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.PolicySavings;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.ClusterTopology;
import org.mosaic.studies.In;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * {@code fleet}: a whole cluster under a technology policy, or under every policy on the same placement: its
 * topology placed in racks and rows, every cable's length from its route, a technology per link by the policy (and
 * the user's rules), and the interconnect's power, energy, cost and link failures, with the interruptions of a
 * training job on part of it. Nothing random: the same inputs give the same result.
 */
public final class FleetStudy implements Study<FleetStudy.Input, FleetResult> {
    /** The policy when none is given. */
    public static final String DEFAULT_POLICY = Policy.MOSAIC;

    /**
     * The question's inputs.
     *
     * @param cluster        the cluster document, bound (with any overrides applied)
     * @param policy         the policy, or null for {@value #DEFAULT_POLICY}; must be null when comparing policies
     * @param comparePolicies every policy on the same placement, with savings against today
     * @param jobGpus        GPUs of a training job, or null for the whole cluster
     * @param technologies   cable documents as technologies, each to be chosen by a rule
     * @param catalog        a technology catalog merged over the shipped one, or null
     * @param rules          per-tier rules TIER=ID[,ID...]
     * @param floor          whether the result gains the floor (racks and links by technology) under the first policy
     * @param floorPolicy    the policy the floor is drawn under (one of those evaluated), or null for the first
     */
    public record Input(
            @In(value = "The cluster: GPUs, scale-up domain, fabric, racks and rows, economics", document = "cluster",
                    defaultValue = ClusterDocument.DEFAULT) ClusterDocument cluster,
            @In(value = "The technology policy: today (copper where it reaches, else laser optics; 'none' is another name for it: the "
                    + "cluster without MOSAIC, the baseline of every comparison), mosaic (MOSAIC where it reaches, "
                    + "else today's choice), mosaic-beyond-copper (copper, else MOSAIC, else laser optics), all-optical-laser",
                    range = "today|mosaic|mosaic-beyond-copper|all-optical-laser", defaultValue = DEFAULT_POLICY) String policy,
            @In(value = "Evaluate every policy on the same placement, with savings against today (then no policy is given)",
                    defaultValue = "false") boolean comparePolicies,
            @In(value = "GPUs of a training job, for its link-interruption rate", unit = "1", range = "1..the cluster's GPUs",
                    defaultValue = "the whole cluster") Integer jobGpus,
            @In(value = "Cable designs as technologies (id: the document's name; reach, watts and FIT per end from its models), each "
                    + "chosen by a rule", document = "cable") List<NamedDocument> technologies,
            @In(value = "A technology catalog whose technologies add to the shipped catalog or replace the entries with their id",
                    document = "catalog") NamedDocument catalog,
            @In(value = "Rules TIER=ID[,ID...]: on this tier (scale-up, gpu-leaf, leaf-spine, spine-core) the first of these "
                    + "technologies that reaches; other tiers follow the policy", range = "TIER=ID[,ID...]") List<String> rules,
            @In(value = "Whether the JSON gains floor: every rack's row and position and the links between racks by technology, "
                    + "under the first policy or floorPolicy (for a floor drawing)", defaultValue = "false") boolean floor,
            @In(value = "The policy whose technologies the floor shows, one of those evaluated (with floor; none given: the first, "
                    + "today when comparing policies)", range = "today|mosaic|mosaic-beyond-copper|all-optical-laser") String floorPolicy) {

        /** The inputs with the floor, if any, under the first policy. */
        public Input(ClusterDocument cluster, String policy, boolean comparePolicies, Integer jobGpus, List<NamedDocument> technologies,
                     NamedDocument catalog, List<String> rules, boolean floor) {
            this(cluster, policy, comparePolicies, jobGpus, technologies, catalog, rules, floor, null);
        }

        /** The inputs without the floor. */
        public Input(ClusterDocument cluster, String policy, boolean comparePolicies, Integer jobGpus, List<NamedDocument> technologies,
                     NamedDocument catalog, List<String> rules) {
            this(cluster, policy, comparePolicies, jobGpus, technologies, catalog, rules, false);
        }

        public Input {
            if (cluster == null) {
                throw new UsageException("a fleet study needs a cluster (hint: ClusterDocument.preset(\"" + ClusterDocument.DEFAULT + "\"))");
            }
            technologies = technologies == null ? List.of() : List.copyOf(technologies);
            rules = rules == null ? List.of() : List.copyOf(rules);
        }

        /** The cluster under one policy, with the shipped technologies. */
        public static Input of(ClusterDocument cluster, String policy) {
            return new Input(cluster, policy, false, null, List.of(), null, List.of());
        }

        /** The cluster under every policy, with the shipped technologies. */
        public static Input comparing(ClusterDocument cluster) {
            return new Input(cluster, null, true, null, List.of(), null, List.of());
        }

        /** The technologies and rules as one choice. */
        public TechnologyChoice technologyChoice() {
            return new TechnologyChoice(technologies, catalog, rules);
        }
    }

    @Override
    public String name() {
        return "fleet";
    }

    @Override
    public String question() {
        return "What does a cluster's interconnect cost in power, energy, money and link failures under a technology policy "
                + "(or under every policy, with the savings against today)?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<FleetResult> resultType() {
        return FleetResult.class;
    }

    @Override
    public FleetResult run(Input in, Progress progress) {
        ClusterDocument p = in.cluster();
        if (in.comparePolicies() && in.policy() != null) {
            throw new UsageException("--policy " + in.policy() + " with --compare-policies: --compare-policies evaluates every policy ("
                    + String.join(", ", Policy.NAMES) + "), so a single --policy means nothing (hint: drop one of the two)");
        }
        List<String> policies = in.comparePolicies() ? Policy.NAMES : List.of(in.policy() == null ? DEFAULT_POLICY : in.policy());
        for (String name : policies) {
            try {
                Policy.named(name);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--policy " + e.getMessage());
            }
        }
        int floorIndex = floorIndex(in, policies);
        TechnologyChoice choice = in.technologyChoice();
        Technologies.checkRules(choice, p.name(), p.cluster(), "fleet");
        Integer jobGpus = in.jobGpus();
        if (jobGpus != null && (jobGpus < 1 || jobGpus > p.cluster().gpus())) {
            throw new UsageException("--job-gpus " + jobGpus + ": expected 1 to " + p.cluster().gpus() + " (the cluster's GPUs)");
        }
        progress.task("building the technology menu (MOSAIC from its channel, power and reliability models)", 0);
        Technologies.Resolved resolved = Technologies.resolve(choice);
        Interconnect interconnect = resolved.interconnect();
        progress.task(String.format(Locale.ROOT, "placing %,d GPUs and routing their cables", p.cluster().gpus()), 0);
        RackLayout placed;
        try {
            placed = RackLayout.place(ClusterTopology.of(p.cluster()), p.layout());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        progress.task("evaluating " + policies.size() + " polic" + (policies.size() == 1 ? "y" : "ies"), policies.size());
        List<PolicyRun> runs = new ArrayList<>();
        List<Policy> evaluated = new ArrayList<>();
        for (String name : policies) {
            Policy pol = interconnect.policy(name);
            evaluated.add(pol);
            FleetModel.Result r;
            try {
                r = FleetModel.evaluate(placed, pol, interconnect.menu(), p.economics());
            } catch (IllegalArgumentException e) {
                // a cluster whose links no technology generation can carry (e.g. a scale-up lane rate no host runs)
                throw new UsageException("cluster " + p.name() + ": " + e.getMessage());
            }
            runs.add(new PolicyRun(r, JobView.of(r, jobGpus == null ? r.gpus() : jobGpus), TierSums.powerWattsByTier(r),
                    TierSums.failuresPerDayByTier(r)));
            progress.step();
        }
        FloorView floor = in.floor() ? FloorView.of(org.mosaic.cluster.FleetFloor.of(placed, evaluated.get(floorIndex), interconnect.menu()))
                : null;
        if (!in.comparePolicies()) {
            return new FleetResult(runs.get(0), null, null, resolved.notes(), p.name(), placed, interconnect.menu(), evaluated, floor);
        }
        FleetMetrics today = runs.get(0).result().metrics();
        List<PolicySavings> savings = new ArrayList<>();
        for (PolicyRun r : runs.subList(1, runs.size())) {
            savings.add(PolicySavings.between(today, r.result().metrics(), p.economics()));
        }
        return new FleetResult(null, runs, savings, resolved.notes(), p.name(), placed, interconnect.menu(), evaluated, floor);
    }

    /** Which of {@code policies} the floor is drawn under: floorPolicy's ("none" is today), else the first; refused when not evaluated. */
    private static int floorIndex(Input in, List<String> policies) {
        if (in.floorPolicy() == null || in.floorPolicy().isBlank()) {
            return 0;
        }
        if (!in.floor()) {
            throw new UsageException("floorPolicy " + in.floorPolicy() + " without floor: the floor is only drawn when asked "
                    + "(hint: set floor=true, or drop floorPolicy)");
        }
        String name;
        try {
            name = Policy.named(in.floorPolicy()).name();
        } catch (IllegalArgumentException e) {
            throw new UsageException("floorPolicy " + e.getMessage());
        }
        for (int i = 0; i < policies.size(); i++) {
            if (Policy.named(policies.get(i)).name().equals(name)) {
                return i;
            }
        }
        throw new UsageException("floorPolicy " + in.floorPolicy() + ": expected one of the policies evaluated (" + String.join(", ", policies)
                + ") (hint: compare policies, or give the same policy as policy)");
    }
}
