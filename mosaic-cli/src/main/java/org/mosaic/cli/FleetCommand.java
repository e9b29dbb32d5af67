package org.mosaic.cli;

import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.UsageException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mosaic.report.AtomicFiles;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.export.TopologyExport;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.FleetMetrics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.PolicySavings;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.layout.LayoutSpec;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.cluster.topology.ClusterTopology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic fleet}: a cluster's links, their technologies by policy, and its power, energy, cost and failures. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"A whole cluster: topology (scale-up domains and a scale-out fabric), racks and rows, every cable's "
                + "length from its route, a technology per link by policy, and the interconnect's power, energy and cost "
                + "per year, link failures per day.",
            "Policies: today (copper where it reaches, else laser optics), mosaic (MOSAIC where it reaches, else today's "
                    + "choice), mosaic-beyond-copper (copper, else MOSAIC, else laser optics), all-optical-laser."})
public final class FleetCommand implements Callable<Integer> {
    @Option(names = "--cluster", paramLabel = "FILE|NAME", description = "The cluster: a shipped name (nvl72-rack, h100-16k, "
            + "cluster-100k; default " + ClusterDocument.DEFAULT + ") or a kind: cluster document "
            + "(`mosaic presets show cluster-100k` prints one to start from).")
    String cluster;

    /** The old name of --cluster, kept so that old command lines work; not shown in the help. */
    @Option(names = "--preset", paramLabel = "NAME", hidden = true)
    String preset;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "mosaic",
            description = "today, mosaic, mosaic-beyond-copper or all-optical-laser (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--compare-policies", description = "Evaluate every policy on the same placement, with savings against today.")
    boolean compare;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any value of the cluster document by its dotted path, e.g. "
            + "gpus=65536, fabric.radix=64, fabric.tiers=3, fabric.oversubscription=2, layout.rackPower=40 kW, layout.spreadDomains=true, "
            + "economics.pue=1.3, economics.usdPerKwh=0.1, scaleUp.laneRate=200 Gb/s (repeatable; all applied, then the document "
            + "is checked once).")
    List<String> sets = new ArrayList<>();

    @OutputPaths.Writes(extensions = {".graphml", ".csv"})
    @Option(names = "--export", paramLabel = "FILE.graphml|FILE.csv", description = "Write the placed topology: every switch "
            + "and GPU with its rack, every link with its tier, length and technology (under the first policy), as GraphML or CSV.")
    Path export;

    @OutputPaths.Writes(extensions = {".svg", ".png"})
    @Option(names = "--plot", paramLabel = "FILE.svg|FILE.png",
            description = "Write a chart: interconnect power and link failures per day by policy, stacked by tier.")
    Path plot;

    @Option(names = "--job-gpus", paramLabel = "N", description = "GPUs of a training job for its link-interruption rate "
            + "(default: the whole cluster).")
    Integer jobGpus;

    @Mixin
    FormatOption output;

    @Mixin
    TechnologyOptions technologies;

    /** What --catalog and --technology did to the menu, for the output. */
    private List<String> notes = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String exportName = export == null ? "" : String.valueOf(export.getFileName()).toLowerCase(Locale.ROOT);
        if (cluster != null && preset != null) {
            throw new UsageException("--cluster " + cluster + " and --preset " + preset + ": --preset is the old name of --cluster; "
                    + "expected one of them (hint: drop --preset)");
        }
        if (compare && spec.commandLine().getParseResult().hasMatchedOption("--policy")) {
            throw new UsageException("--policy " + policy + " with --compare-policies: --compare-policies evaluates every policy ("
                    + String.join(", ", Policy.NAMES) + "), so a single --policy means nothing (hint: drop one of the two)");
        }
        // every --set is applied to the document, then it is bound and validated once, so the order of the keys never matters
        ClusterDocument p = ClusterDocument.load(cluster != null ? cluster : preset != null ? preset : ClusterDocument.DEFAULT,
                ScenarioOptions.overrides(sets));
        ClusterSpec cluster = p.cluster();
        LayoutSpec layout = p.layout();
        FleetEconomics economics = p.economics();
        List<String> policies = compare ? Policy.NAMES : List.of(policy);
        for (String name : policies) {
            try {
                Policy.named(name);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--policy " + e.getMessage());
            }
        }
        technologies.checkRules(p.name(), cluster, "fleet");
        if (jobGpus != null && (jobGpus < 1 || jobGpus > cluster.gpus())) {
            throw new UsageException("--job-gpus " + jobGpus + ": expected 1 to " + cluster.gpus() + " (the cluster's GPUs)");
        }
        List<FleetModel.Result> results = new ArrayList<>();
        List<Policy> evaluated = new ArrayList<>();
        RackLayout placed;
        TechnologyMenu menu;
        org.mosaic.cluster.fleet.Interconnect interconnect;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            progress.task("building the technology menu (MOSAIC from its channel, power and reliability models)", 0);
            TechnologyOptions.Resolved resolved = technologies.resolve();
            interconnect = resolved.interconnect();
            menu = interconnect.menu();
            notes = resolved.notes();
            progress.task(String.format(Locale.ROOT, "placing %,d GPUs and routing their cables", cluster.gpus()), 0);
            try {
                placed = RackLayout.place(ClusterTopology.of(cluster), layout);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            progress.task("evaluating " + policies.size() + " polic" + (policies.size() == 1 ? "y" : "ies"), policies.size());
            for (String name : policies) {
                Policy pol = interconnect.policy(name);
                evaluated.add(pol);
                try {
                    results.add(FleetModel.evaluate(placed, pol, menu, economics));
                } catch (IllegalArgumentException e) {
                    // a cluster whose links no technology generation can carry (e.g. a scale-up lane rate no host runs)
                    throw new UsageException("cluster " + p.name() + ": " + e.getMessage());
                }
                progress.step();
            }
        }
        List<PolicySavings> savings = new ArrayList<>();
        if (compare) {
            FleetMetrics today = results.get(0).metrics();
            for (FleetModel.Result r : results.subList(1, results.size())) {
                savings.add(PolicySavings.between(today, r.metrics(), economics));
            }
        }
        if (export != null) {
            AtomicFiles.write(export, tmp -> {
                try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(tmp, java.nio.charset.StandardCharsets.UTF_8)) {
                    Policy first = evaluated.get(0);   // with the --rule overrides, as evaluated
                    if (exportName.endsWith(".graphml")) {
                        TopologyExport.graphml(placed, first, menu, w);
                    } else {
                        TopologyExport.csv(placed, first, menu, w);
                    }
                }
            });
        }
        if (plot != null) {
            org.mosaic.report.Charts.write(policyChart(p.name(), results), plot, 1000, 520);
        }
        out.print(switch (output.format) {
            case JSON -> Output.json(Output.strict(json(results, savings)));
            case CSV -> {
                spec.commandLine().getErr().print(TechnologyOptions.notesText(notes)); // CSV rows hold results only: the notes go beside them
                List<Map<String, Object>> rows = new ArrayList<>();
                for (FleetModel.Result r : results) {
                    ObjectNode n = (ObjectNode) Output.tree(r);
                    n.remove("metrics");
                    n.remove("lengthHistograms");
                    n.set("trainingJob", Output.tree(JobView.of(r, jobGpus(r))));
                    rows.add(Output.flatten(n));
                }
                yield Output.csv(rows);
            }
            case TABLE -> table(p, results, savings) + jobTable(results) + TechnologyOptions.notesText(notes);
        });
        out.flush();
        return 0;
    }

    /** Power (MW) and link failures per day by policy, stacked by tier, from each policy's link groups. */
    static org.jfree.chart.JFreeChart policyChart(String name, List<FleetModel.Result> results) {
        List<String> tiers = List.of("scale-up", "gpu-leaf", "leaf-spine", "spine-core");
        List<String> names = new ArrayList<>();
        double[][] mw = new double[results.size()][tiers.size()];
        double[][] fails = new double[results.size()][tiers.size()];
        for (int i = 0; i < results.size(); i++) {
            names.add(results.get(i).policy());
            for (FleetMetrics.GroupRow g : results.get(i).metrics().groups()) {
                int t = tiers.indexOf(g.tier());
                if (t >= 0) {
                    mw[i][t] += g.powerWatts() / 1e6;
                    fails[i][t] += g.failuresPerDay();
                }
            }
        }
        return org.mosaic.report.FleetCharts.byPolicy(names, tiers, mw, fails, name + ": interconnect power and link failures by policy");
    }

    /**
     * Link interruptions of a synchronous training job on {@code jobGpus} of the cluster's GPUs: a failure of any link
     * the job uses stops it. The job uses its share f = jobGpus / gpus of the scale-up, GPU-leaf and leaf-spine links;
     * spine-core links are counted whole (collectives that cross pods can meet any of them; conservative).
     */
    public record JobView(long gpus, double shareOfCluster, double linkInterruptionsPerDay, Double meanHoursBetweenInterruptions,
                          String assumption) {
        static JobView of(FleetModel.Result r, long jobGpus) {
            double f = Math.min(1, (double) jobGpus / r.gpus());
            double perDay = 0;
            for (FleetMetrics.GroupRow g : r.metrics().groups()) {
                perDay += g.failuresPerDay() * (g.tier().equals("spine-core") ? (f > 0 ? 1 : 0) : f);
            }
            return new JobView(jobGpus, f, perDay, perDay > 0 ? 24 / perDay : null, "a failure of any link the job uses stops it; "
                    + "the job uses its GPU share of scale-up, GPU-leaf and leaf-spine links and every spine-core link");
        }
    }

    private long jobGpus(FleetModel.Result r) {
        if (jobGpus == null) {
            return r.gpus();
        }
        if (jobGpus < 1 || jobGpus > r.gpus()) {
            throw new UsageException("--job-gpus " + jobGpus + ": expected 1 to " + r.gpus() + " (the cluster's GPUs)");
        }
        return jobGpus;
    }

    ObjectNode json(List<FleetModel.Result> results, List<PolicySavings> savings) {
        ObjectNode root;
        if (results.size() == 1) {
            root = (ObjectNode) Output.tree(results.get(0));
            root.set("trainingJob", Output.tree(JobView.of(results.get(0), jobGpus(results.get(0)))));
        } else {
            root = JsonNodeFactory.instance.objectNode();
            ArrayNode a = root.putArray("policies");
            for (FleetModel.Result r : results) {
                ObjectNode n = (ObjectNode) Output.tree(r);
                n.set("trainingJob", Output.tree(JobView.of(r, jobGpus(r))));
                a.add(n);
            }
            root.set("savingsAgainstToday", Output.tree(savings));
        }
        return TechnologyOptions.withNotes(root, notes);
    }

    private String jobTable(List<FleetModel.Result> results) {
        List<List<String>> rows = new ArrayList<>();
        JobView first = null;
        for (FleetModel.Result r : results) {
            JobView j = JobView.of(r, jobGpus(r));
            first = first == null ? j : first;
            rows.add(List.of(r.policy(), String.format(Locale.ROOT, "%.3g", j.linkInterruptionsPerDay()),
                    j.meanHoursBetweenInterruptions() == null ? "n/a" : String.format(Locale.ROOT, "%.3g h", j.meanHoursBetweenInterruptions())));
        }
        return "\n" + Output.table(List.of("policy", ">job link interruptions/day", ">between interruptions"), rows)
                + String.format(Locale.ROOT, "a training job on %,d GPUs (%s of the cluster): %s.%n", first.gpus(),
                        Output.percent(first.shareOfCluster()), first.assumption());
    }

    static String table(ClusterDocument p, List<FleetModel.Result> results, List<PolicySavings> savings) {
        FleetModel.Result f = results.get(0);
        StringBuilder sb = new StringBuilder();
        sb.append(p.name()).append(": ").append(f.cluster()).append(", layout ").append(f.layout()).append('\n')
                .append(String.format(Locale.ROOT, "%,d switches, %,d racks (%,d with GPUs, %.1f kW each, a domain spans %d)%n%n",
                        f.switches(), f.racks(), f.gpuRacks(), f.kwPerRack(), f.racksPerDomain()));
        List<List<String>> lengths = new ArrayList<>();
        boolean anyOnBoard = false;
        for (var t : f.lengthHistograms()) {
            boolean onBoard = t.tier().equals("scale-up") && f.onBoardLinks() > 0;
            anyOnBoard |= onBoard;
            lengths.add(List.of(t.tier(), t.generation(), String.format(Locale.ROOT, "%,d", t.links()), String.valueOf(t.lanesPerLink()),
                    onBoard ? "on-board" : String.format(Locale.ROOT, "%,d", t.generationLinks()),
                    String.format(Locale.ROOT, "%.1f m", t.meanMeters()), String.format(Locale.ROOT, "%.1f m", t.maxMeters())));
        }
        sb.append(Output.table(List.of("tier", "generation", ">links", ">lanes/link", ">cables", ">mean length", ">longest"), lengths));
        sb.append(cableNote(anyOnBoard)).append('\n');
        List<List<String>> rows = new ArrayList<>();
        for (FleetModel.Result r : results) {
            StringBuilder tech = new StringBuilder();
            r.metrics().linksByTechnology().forEach((k, v) -> tech.append(tech.length() == 0 ? "" : "; ")
                    .append(String.format(Locale.ROOT, "%s %,d", k, v)));
            rows.add(List.of(r.policy(), String.format(Locale.ROOT, "%.3f MW", r.interconnectPowerWatts() / 1e6),
                    Output.percent(r.interconnectShareOfIt()), String.format(Locale.ROOT, "%,.0f MWh", r.energyPerYearKwh() / 1e3),
                    String.format(Locale.ROOT, "$%,.0f", r.costPerYearUsd()), String.format(Locale.ROOT, "%.3g", r.linkFailuresPerDay()),
                    r.meanHoursBetweenLinkFailures() == null ? "n/a" : String.format(Locale.ROOT, "%.3g h", r.meanHoursBetweenLinkFailures()),
                    String.format(Locale.ROOT, "%,d", r.unservedLinks()), tech.toString()));
        }
        sb.append(Output.table(List.of("policy", ">interconnect", ">share of IT", ">facility energy/yr", ">cost/yr", ">cable failures/day",
                ">between failures", ">unserved cables", "cables by technology"), rows));
        for (PolicySavings s : savings) {
            sb.append(savingsLine(s)).append('\n');
        }
        if (!savings.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "homes: facility energy per year / %,.0f kWh per household (%s)%n",
                    savings.get(0).householdKwhPerYear(), savings.get(0).householdSource()));
        }
        return sb.toString();
    }

    /** What the tier table's counts are. */
    static String cableNote(boolean onBoard) {
        return "links: topology links (one GPU-switch or switch-switch connection of its lanes); cables: what a policy gives a "
                + "technology, counted as cables of the tier's generation (lanes / the generation's lanes)"
                + (onBoard ? "; on-board: NVLink traces on the GPU baseboard, not cables, kept under every policy (no technology, "
                        + "their power in the server's, their failures in the GPU's)" : "") + ".\n";
    }

    /** One policy against today in words, never a negative saving: "saves 1.140 MW" or "uses 5.900 MW more". */
    static String savingsLine(PolicySavings s) {
        double mw = s.powerSavedMegawatts();
        double fails = s.linkFailuresPerDayAvoided();
        if (Math.abs(mw) < 5e-4 && Math.abs(fails) < 5e-4) {
            return String.format(Locale.ROOT, "%s vs %s: the same interconnect power and cable failures%s", s.to(), s.from(),
                    s.note() == null || s.note().isBlank() ? "" : " — " + s.note());
        }
        String power = mw >= 0 ? String.format(Locale.ROOT, "saves %.3f MW of interconnect power", mw)
                : String.format(Locale.ROOT, "uses %.3f MW more interconnect power", -mw);
        String energy = String.format(Locale.ROOT, "%,.0f MWh/yr %s facility energy, $%,.0f/yr %s, the energy of %,.0f homes",
                Math.abs(s.energySavedMwhPerYear()), s.energySavedMwhPerYear() >= 0 ? "less" : "more", Math.abs(s.costSavedUsdPerYear()),
                s.costSavedUsdPerYear() >= 0 ? "saved" : "more", Math.abs(s.homesEquivalent()));
        String failures = String.format(Locale.ROOT, "%.3g %s cable failures/day", Math.abs(fails), fails >= 0 ? "fewer" : "more");
        return String.format(Locale.ROOT, "%s vs %s: %s (%s); %s%s", s.to(), s.from(), power, energy, failures,
                s.note() == null || s.note().isBlank() ? "" : " — " + s.note());
    }
}
