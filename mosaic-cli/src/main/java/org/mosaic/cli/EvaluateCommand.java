package org.mosaic.cli;

import org.mosaic.studies.Finding;

import org.mosaic.studies.Output;
import org.mosaic.studies.ChannelFacts;
import org.mosaic.studies.Progress;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.channel.ChannelReportResult;
import org.mosaic.studies.channel.ChannelReportStudy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mosaic.report.CableSection;
import org.mosaic.studies.cable.CableReportResult;
import org.mosaic.studies.cable.CableReportStudy;
import org.mosaic.report.ChannelSection;
import org.mosaic.report.DatapathSection;
import org.mosaic.studies.datapath.DatapathReport;
import org.mosaic.studies.datapath.DatapathReportStudy;
import org.mosaic.studies.datapath.Variant;
import org.mosaic.report.FleetSection;
import org.mosaic.studies.fleet.FleetReport;
import org.mosaic.studies.fleet.FleetReportStudy;
import org.mosaic.report.Report;
import org.mosaic.report.RunInfo;
import org.mosaic.report.Section;
import org.mosaic.report.ServingSection;
import org.mosaic.report.TrainingSection;
import org.mosaic.studies.inference.ServingReportStudy;
import org.mosaic.studies.training.TrainingReport;
import org.mosaic.studies.training.TrainingReportStudy;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.units.Dimension;
import org.mosaic.optics.ChannelResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mosaic evaluate}: evaluates the default scenarios, writes the HTML report and prints a summary. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate the shipped scenarios — every channel preset, the cables, the datapath, the fleet by policy and "
                + "training throughput and goodput by policy — and write a self-contained HTML report with charts, plus its numbers "
                + "as JSON and CSV.",
            "The report directory is replaced as a whole, and only once the new report is complete."})
public final class EvaluateCommand implements Callable<Integer> {
    @OutputPaths.Writes(reportDirectory = true)
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mosaic-report",
            description = "Report directory (default: ${DEFAULT-VALUE} in the current directory).")
    Path out;

    @Option(names = "--preset", paramLabel = "NAME", description = "Evaluate only these presets (repeatable; default: all).")
    List<String> presets = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "FILE", description = "Also evaluate this scenario file (repeatable).")
    List<Path> scenarios = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a value in every scenario (repeatable), e.g. --set seed=1; keys of the cable sections "
                    + "(host, plan, power, reliability) apply to the cable scenarios only.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--claims-samples", paramLabel = "N", defaultValue = "4",
            description = "Points of each claim's Latin hypercube in the report's claims audit (default: ${DEFAULT-VALUE}, "
                    + "enough for the verdicts; `mosaic claims --samples N` for a steadier P5-P95).")
    int claimsSamples;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        long start = System.nanoTime();
        Report.checkTarget(out);
        // a key of a cable section (host, plan, power, reliability) applies to the cable scenarios only: a
        // channel-only scenario has nothing it could change; refused when no scenario evaluated is a cable
        ScenarioOptions checked = new ScenarioOptions();
        checked.sets = sets;
        checked.setKeys();   // KEY=VALUE form, each key once, no key inside another: all checked before any work
        ScenarioOptions overrides = new ScenarioOptions();
        ScenarioOptions cableOverrides = new ScenarioOptions();
        for (String s : sets) {
            String section = s.substring(0, s.indexOf('=')).split("\\.", 2)[0].trim();
            (org.mosaic.optics.ChannelSpecs.CABLE_SECTIONS.contains(section) ? cableOverrides : overrides).sets.add(s);
        }
        boolean[] anyCable = {false};
        java.util.function.UnaryOperator<ScenarioDocument> apply = d -> {
            ScenarioDocument doc = overrides.apply(d);
            if (doc.tree().has("host")) {
                anyCable[0] = true;
                doc = cableOverrides.apply(doc);
            }
            return doc;
        };
        List<ChannelSection.Input> inputs = new ArrayList<>();
        List<String> names = presets.isEmpty() && scenarios.isEmpty() ? ScenarioDocument.presetNames() : presets;
        for (String p : names) {
            inputs.add(new ChannelSection.Input(p, apply.apply(ScenarioDocument.preset(p))));
        }
        for (Path f : scenarios) {
            ScenarioDocument doc = apply.apply(ScenarioOptions.scenarioKind(ScenarioDocument.file(f), org.mosaic.core.scenario.Documents.Kind.CHANNEL));
            String name = doc.tree().path("name").asText(f.getFileName().toString());
            String unique = name;
            for (int k = 2; taken(inputs, unique); k++) {
                unique = name + " (" + k + ")";
            }
            inputs.add(new ChannelSection.Input(unique, doc));
        }
        if (!cableOverrides.sets.isEmpty() && !anyCable[0]) {
            throw new UsageException("--set " + String.join(", --set ", cableOverrides.sets) + ": a cable key (sections "
                    + String.join(", ", org.mosaic.optics.ChannelSpecs.CABLE_SECTIONS) + "), but no scenario evaluated is a "
                    + "cable: it would change nothing (hint: add a cable preset, e.g. --preset mosaic-800g)");
        }
        // every scenario bound before any work: the claims audit (the first section, tens of seconds) used to run before the
        // channel section found an unknown --set key
        ChannelReportStudy.refuseBadScenarios(inputs.stream().map(ChannelSection.Input::doc).toList());
        Path index;
        ChannelSection channel;
        CableSection cable;
        DatapathSection datapath;
        FleetSection fleet;
        TrainingSection training;
        org.mosaic.report.ClaimsSection claims;
        ServingSection serving;
        List<Finding> findings;
        RunInfo run = RunInfo.of(spec.commandLine().getParseResult().originalArgs());
        try (Progress progress = Progress.onTerminal(stderr)) {
            int parts = 8;
            progress.section("claims", 1, parts);
            claims = new org.mosaic.report.ClaimsSection(new org.mosaic.studies.claims.ClaimsStudy().run(
                    new org.mosaic.studies.claims.ClaimsStudy.Input(claimsSamples, 0), progress));
            progress.section("channel", 2, parts);
            channel = new ChannelSection(new ChannelReportStudy().run(new ChannelReportStudy.Input(
                    inputs.stream().map(ChannelSection.Input::scenario).toList()), progress));
            progress.section("cable", 3, parts);
            cable = new CableSection(new CableReportStudy().run(new CableReportStudy.Input(inputs.stream()
                    .map(i -> new CableReportStudy.Scenario(i.name(), i.doc())).toList()), progress));
            progress.section("datapath", 4, parts);
            datapath = new DatapathSection(new DatapathReportStudy().run(new DatapathReportStudy.Input(seed(inputs)), progress));
            progress.section("fleet", 5, parts);
            fleet = new FleetSection(new FleetReportStudy().run(FleetReportStudy.Input.shipped(), progress));
            progress.section("training", 6, parts);
            training = new TrainingSection(new TrainingReportStudy().run(TrainingReportStudy.Input.standard(), progress));
            progress.section("serving", 7, parts);
            serving = new ServingSection(new ServingReportStudy().run(ServingReportStudy.Input.standard(), progress));
            progress.section("report", 8, parts);
            progress.task("writing the report", 0);
            Report report = new Report("Mosaic report: wide-and-slow microLED links",
                    "<p>What the model says about the MOSAIC prototype and the 800G design, with every number's source. "
                            + "Sections: the published claims at a glance, the channel, the cable (plan, power, reliability, "
                            + "today's links side by side), "
                            + "the datapath (the host's FEC against dead channels, mappings and failover), the fleet (a 16k and a "
                            + "100k-GPU cluster: cables, technologies by policy, power, cost, failures, rack density), training (step time by "
                            + "plan and policy, its validation, and the goodput of a long campaign), serving (the best plan of a large "
                            + "MoE model within latency targets by policy).</p>");
            report.add(claims);
            report.add(channel);
            report.add(cable);
            report.add(datapath);
            report.add(fleet);
            report.add(training);
            report.add(serving);
            report.run(run);
            index = report.write(out);
            findings = report.findings();
        }
        stdout.print(findingsSummary(findings));
        stdout.print(summary(channel));
        stdout.print(cableSummary(cable));
        stdout.print(datapathSummary(datapath));
        stdout.print(fleetSummary(fleet));
        stdout.print(trainingSummary(training));
        stdout.printf(Locale.ROOT, "%nreport: %s%n        (numbers in results.json and results.csv beside it; evaluated in %.1f s)%n",
                index, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** The report's summary of findings as lines: verdict mark, finding. */
    static String findingsSummary(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("Findings (✓ holds, ✗ does not hold, • for information; evidence in the report):\n");
        for (Finding f : findings) {
            sb.append("  ").append(f.verdict().mark()).append(' ').append(f.text()).append('\n');
        }
        return sb.append('\n').toString();
    }

    static String cableSummary(CableSection cable) {
        if (cable.cables().isEmpty()) {
            return "";
        }
        List<String> h = List.of("cable", ">channels", ">W/end", ">pJ/bit", ">other host", ">FIT/end", ">AFR/end", ">reach");
        List<List<String>> rows = new ArrayList<>();
        for (CableReportResult.Cable r : cable.cables()) {
            rows.add(List.of(r.name(), r.plan().dataChannels() + "+" + r.plan().parityChannels() + "+" + r.plan().spareChannels(),
                    String.format(Locale.ROOT, "%.2f (%s)", r.power().perEndWatts(), r.power().attachment().id()),
                    String.format(Locale.ROOT, "%.2f", r.power().perBitPicojoules()),
                    String.format(Locale.ROOT, "%.2f W (%s)", r.powerOtherAttachment().perEndWatts(), r.powerOtherAttachment().attachment().id()),
                    String.format(Locale.ROOT, "%.4g", r.reliability().withSpares().perEndFit()),
                    Output.percent(r.reliability().afrPerEnd()), Output.meters(r.reachMeters())));
        }
        StringBuilder sb = new StringBuilder("\n").append(Output.table(h, rows));
        String first = cable.cables().get(0).name();
        sb.append("channels: data+parity+spare; FIT and AFR over the service life with spares. ").append(first)
                .append(" against today's links at 800G, 30 m (all cables: see the report):\n");
        for (var cs : cable.comparison800().claims()) {
            if (!cs.subject().startsWith(first + " ")) {
                continue;
            }
            for (var ratio : cs.ratios()) {
                sb.append("  ").append(cs.subject()).append(": ").append(ratio.claim().label()).append(" ")
                        .append(ratio.arithmetic()).append('\n');
            }
        }
        return sb.toString();
    }

    static String datapathSummary(DatapathSection datapath) {
        List<List<String>> rows = new ArrayList<>();
        for (Variant v : Variant.MAPPINGS) {
            List<String> row = new ArrayList<>(List.of(v.label()));
            for (int dead = 1; dead <= 3; dead++) {
                for (DatapathReport.DeadCase d : datapath.result().deadCases()) {
                    if (d.variant().equals(v) && d.deadChannels() == dead) {
                        row.add(Output.ber(d.exactWindowFrameLossRatio()));
                    }
                }
            }
            rows.add(row);
        }
        return "\n" + Output.table(List.of("gearbox mapping", ">1 dead", ">2 dead", ">3 dead"), rows)
                + "datapath: frame loss ratio of 64-byte frames while channels are dead, before failover to spares (KP4, "
                + "other channels at BER " + Output.ber(DatapathReportStudy.BACKGROUND_BER) + "); after failover it is back to background.\n";
    }

    static String fleetSummary(FleetSection fleet) {
        List<List<String>> rows = new ArrayList<>();
        for (FleetReport.ClusterFleet f : fleet.report().fleets()) {
            for (var r : f.results()) {
                rows.add(List.of(f.name(), r.policy(), String.format(Locale.ROOT, "%.2f MW", r.interconnectPowerWatts() / 1e6),
                        String.format(Locale.ROOT, "$%,.0f", r.costPerYearUsd()), String.format(Locale.ROOT, "%.3g", r.linkFailuresPerDay()),
                        String.format(Locale.ROOT, "%,d", r.unservedLinks())));
            }
        }
        return "\n" + Output.table(List.of("cluster", "policy", ">interconnect", ">facility cost/yr", ">link failures/day", ">unserved"), rows)
                + "fleet: every cable's length from its route, the first technology of the policy that reaches it.\n";
    }

    static String trainingSummary(TrainingSection training) {
        TrainingReport t = training.report();
        List<List<String>> rows = new ArrayList<>();
        for (TrainingReport.StepTime wp : t.plans()) {
            for (TrainingReport.PolicyPlans p : wp.policyList()) {
                var b = p.best();
                rows.add(List.of(wp.model(), p.policy(), b.plan().label(), String.format(Locale.ROOT, "%.3f s", b.stepSeconds()),
                        Output.percent(b.mfu())));
            }
        }
        StringBuilder sb = new StringBuilder("\n").append(Output.table(List.of("model", "policy", "best plan", ">step", ">MFU"), rows));
        sb.append(String.format(Locale.ROOT, "training on %s; step model vs Megatron Table 5: mean absolute error %.1f %%; goodput over %.0f days, ETTR:",
                t.cluster(), 100 * t.validation().megatronMeanAbsoluteError(), t.goodput().days()));
        for (var c : t.goodput().fleetLinkRates()) {
            sb.append(String.format(Locale.ROOT, " %s %.2f %%", c.policy(), 100 * c.ettr().mean()));
        }
        return sb.append('\n').toString();
    }

    /** The seed of the datapath section: the first scenario's (0 unless set). */
    private static long seed(List<ChannelSection.Input> inputs) {
        return inputs.isEmpty() ? 0 : inputs.get(0).doc().tree().path("seed").asLong(0);
    }

    private static boolean taken(List<ChannelSection.Input> inputs, String name) {
        return inputs.stream().anyMatch(i -> i.name().equals(name));
    }

    static String summary(ChannelSection channel) {
        List<String> h = List.of("scenario", ">rate", ">length", ">median BER", ">mean BER", ">worst BER", ">Q",
                ">margin", ">reach", ">CTLE peaking");
        List<List<String>> rows = new ArrayList<>();
        for (ChannelReportResult.Scenario e : channel.evaluated()) {
            ChannelResult r = e.result();
            rows.add(List.of(e.name(), Output.si(r.channelRateBitsPerSecond(), Dimension.DATA_RATE),
                    Output.si(r.fiberLengthMeters(), Dimension.LENGTH), Output.ber(r.ber().median()), Output.ber(r.ber().mean()),
                    Output.ber(r.ber().worst()), Output.number(r.qFactor(), 3), Output.margin(r.marginDb()),
                    ChannelFacts.reach(r) + " (" + ChannelFacts.reachDefinition(r) + ")", Output.db(r.ctlePeakingDb())));
        }
        double target = channel.evaluated().isEmpty() ? Double.NaN : channel.evaluated().get(0).result().berTarget();
        return Output.table(h, rows) + "BER over the array (median, mean, worst); Q and margin of the nominal channel at BER "
                + Output.ber(target) + "; reach on the channel definition each design is judged on (link.reach.target).\n";
    }
}
