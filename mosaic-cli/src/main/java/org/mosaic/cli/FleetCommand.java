package org.mosaic.cli;

import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.fleet.FleetResult;
import org.mosaic.studies.fleet.FleetStudy;
import org.mosaic.studies.fleet.PolicyRun;
import org.mosaic.studies.fleet.TechnologyChoice;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mosaic.report.AtomicFiles;
import org.mosaic.cluster.export.TopologyExport;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.fleet.Policy;
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
            + "and GPU with its rack, every link with its tier, length and technology (under the first policy, as the fleet counts it: the pick at the "
            + "link's length bin), as GraphML or CSV.")
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
        // every --set is applied to the document, then it is bound and validated once, so the order of the keys never matters
        ClusterDocument p = ClusterDocument.load(cluster != null ? cluster : preset != null ? preset : ClusterDocument.DEFAULT,
                ScenarioOptions.overrides(sets));
        TechnologyChoice choice = technologies.choice();
        boolean policyGiven = spec.commandLine().getParseResult().hasMatchedOption("--policy");
        FleetStudy.Input input = new FleetStudy.Input(p, compare ? (policyGiven ? policy : null) : policy, compare, jobGpus,
                choice.technologies(), choice.catalog(), choice.rules(), false); // the floor: the studio's, or `run fleet --set floor=true`
        FleetResult result;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            result = new FleetStudy().run(input, progress);
        }
        if (export != null) {
            AtomicFiles.write(export, tmp -> {
                try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(tmp, java.nio.charset.StandardCharsets.UTF_8)) {
                    Policy first = result.evaluated().get(0);   // with the --rule overrides, as evaluated
                    if (exportName.endsWith(".graphml")) {
                        TopologyExport.graphml(result.placed(), first, result.menu(), w);
                    } else {
                        TopologyExport.csv(result.placed(), first, result.menu(), w);
                    }
                }
            });
        }
        if (plot != null) {
            org.mosaic.report.Charts.write(policyChart(result), plot, 1000, 520);
        }
        out.print(switch (output.format) {
            case JSON -> Results.json(result);
            case CSV -> {
                spec.commandLine().getErr().print(TechnologyOptions.notesText(result.notes())); // CSV rows hold results only: the notes go beside them
                List<Map<String, Object>> rows = new ArrayList<>();
                for (PolicyRun r : result.runs()) {
                    rows.add(Output.flatten(Results.tree(r.row())));
                }
                yield Output.csv(rows);
            }
            case TABLE -> FleetTable.table(result) + FleetTable.jobTable(result) + TechnologyOptions.notesText(result.notes());
        });
        out.flush();
        return 0;
    }

    /** Power (MW) and link failures per day by policy, stacked by tier, from each policy's sums by tier. */
    static org.jfree.chart.JFreeChart policyChart(FleetResult result) {
        List<String> tiers = org.mosaic.studies.fleet.Technologies.TIERS;
        List<String> names = new ArrayList<>();
        double[][] mw = new double[result.runs().size()][tiers.size()];
        double[][] fails = new double[result.runs().size()][tiers.size()];
        for (int i = 0; i < result.runs().size(); i++) {
            PolicyRun r = result.runs().get(i);
            names.add(r.result().policy());
            for (int t = 0; t < tiers.size(); t++) {
                mw[i][t] = r.powerWattsByTier().get(tiers.get(t)) / 1e6;
                fails[i][t] = r.failuresPerDayByTier().get(tiers.get(t));
            }
        }
        return org.mosaic.report.FleetCharts.byPolicy(names, tiers, mw, fails,
                result.clusterName() + ": interconnect power and link failures by policy");
    }
}
