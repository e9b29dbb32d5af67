package org.mosaic.cli;

import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.UsageException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mosaic.cluster.TrainingModel;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.training.goodput.CampaignResult;
import org.mosaic.cluster.training.goodput.CampaignDocument;
import org.mosaic.cluster.training.goodput.Checkpointing;
import org.mosaic.cluster.training.goodput.Estimate;
import org.mosaic.cluster.training.goodput.IntervalRule;
import org.mosaic.cluster.training.goodput.TrialResult;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.core.units.UnitException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic goodput}: a training campaign's interruptions, effective training time and lost GPU-hours by policy. */
@Command(name = "goodput", mixinStandardHelpOptions = true,
        description = {"Failures and goodput of a synchronous training job: every component class fails as a Poisson process (GPUs, "
                + "HBM, hosts, NICs, software … at the Llama 3 405B rates; links at the fleet model's FIT rates for the policy's technologies; "
                + "switches what is left of Llama's switch/cable row — nothing with the catalog FITs, whose links alone exceed it: "
                + "--link-rates llama scales the links to Llama's field data), each failure costs detection, restart and the work since "
                + "the last checkpoint. A discrete-event Monte Carlo gives interruptions by cause, the effective training time ratio "
                + "(ETTR) and lost GPU-hours with 95 %% intervals, beside the analytic renewal ETTR.",
            "Policies are compared on the same sampled failures of every non-link component (common random numbers), so their "
                    + "difference is sharper than either interval."})
public final class GoodputCommand implements Callable<Integer> {

    /**
     * Largest simulation accepted: events (trials × (failures + checkpoints), over the policies). At about 10⁷ events a
     * second and core this is a few minutes; the defaults on cluster-100k are about 10⁷.
     */
    static final double MAX_WORK_EVENTS = 2e9;

    @Option(names = "--cluster", paramLabel = "FILE|NAME", defaultValue = "h100-16k",
            description = "The cluster: a shipped name (nvl72-rack, h100-16k or cluster-100k; default: ${DEFAULT-VALUE}) or a "
                    + "kind: cluster document.")
    String cluster;

    @Option(names = "--policy", paramLabel = "POLICY", split = ",", defaultValue = "today",
            description = "today, mosaic, mosaic-beyond-copper, all-optical-laser; several separated by commas, or all (default: ${DEFAULT-VALUE}).")
    List<String> policies;

    @Option(names = "--gpus", paramLabel = "N", description = "GPUs of the job (default: the cluster's).")
    Long gpus;

    @Option(names = "--campaign", paramLabel = "FILE|NAME", defaultValue = CampaignDocument.DEFAULT,
            description = "A campaign document (kind: campaign: length, failure causes and rates, detection, replacement, checkpointing, "
                    + "spares, planned stops) or a preset (default: ${DEFAULT-VALUE}, Llama 3's 54 days; `mosaic presets show ${DEFAULT-VALUE}` "
                    + "prints it to start from).")
    String campaign;

    @Option(names = "--days", paramLabel = "N", description = "Campaign length in days: the campaign's key days (default: the campaign's, "
            + "54 for llama3-54d, Llama 3's snapshot).")
    Double days;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "200", description = "Monte Carlo trials (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}, as every "
            + "command; printed with the result).")
    long seed;

    @Option(names = "--checkpoint-save", paramLabel = "TIME",
            description = "Blocking part of a checkpoint save: the campaign's key checkpoint.save (default: the campaign's, 10 s for "
                    + "llama3-54d, asynchronous checkpointing; 60 s blocking).")
    String save;

    @Option(names = "--restart", paramLabel = "TIME",
            description = "Relaunch and checkpoint load after a failure: the campaign's key checkpoint.restart (default: the campaign's, "
                    + "5 min for llama3-54d).")
    String restart;

    @Option(names = "--interval", paramLabel = "daly|young|optimal|TIME",
            description = "Checkpoint interval: Young, Daly or availability-optimal for the policy's failure rate, or a time; the campaign's "
                    + "key checkpoint.interval (default: the campaign's, daly for llama3-54d).")
    String interval;

    @Option(names = "--hot-spares", negatable = true,
            description = "Replace failed parts from hot spares at once; without, wait for the repair: the campaign's key hotSpares "
                    + "(default: the campaign's, on for llama3-54d).")
    Boolean hotSpares;

    @Option(names = "--planned", negatable = true,
            description = "Include the campaign's planned stops (Llama 3's planned maintenance): the campaign's key planned (default: the "
                    + "campaign's, on for llama3-54d).")
    Boolean planned;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A key of the campaign document, e.g. campaign.causes.faulty-gpu.count=100 or campaign.detection.hang=5min, "
                    + "or a path of the cluster document as fleet spells it, e.g. scaleUp.gpus=4 or fabric.radix=64 "
                    + "(repeatable; each key once, in any order: all are applied, then each document is checked once; a flag and a --set "
                    + "of the same key are refused).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--link-rates", paramLabel = "fleet|llama", defaultValue = "fleet",
            description = "Link failure rates: fleet (the technologies' FITs, as the fleet command) or llama (scaled so that h100-16k "
                    + "today has Llama 3's switch/cable rate) (default: ${DEFAULT-VALUE}).")
    String linkRates;

    @OutputPaths.Writes(extensions = {".svg", ".png"}, companions = "-timeline")
    @Option(names = "--plot", paramLabel = "FILE.svg|FILE.png",
            description = "Write interruptions by cause and ETTR by policy; beside it (name + \"-timeline\") the first policy's first trial.")
    Path plot;

    @Mixin
    FormatOption output;

    @Mixin
    TechnologyOptions technologies;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> unused = new java.util.HashMap<>();
        unused.put("model", "goodput runs no training step (model.KEY is train's)");
        unused.put("system", "goodput runs on a --cluster, not a training system (system.KEY is train --system's)");
        unused.put("gpu", "goodput reads no GPU document (gpu.KEY is train's)");
        Map<String, Map<String, String>> routed = DocumentSets.split(sets, unused);
        org.mosaic.cluster.fleet.ClusterDocument clusterDoc = TrainCommand.clusterDocument(cluster, routed.getOrDefault(DocumentSets.CLUSTER,
                Map.of()), GOODPUT_HINT);
        TrainCommand.checkGpus(gpus);
        if (days != null && !(days > 0 && days <= CampaignDocument.MAX_DAYS)) {
            throw new UsageException("--days " + days + ": expected a campaign of more than 0 and at most 3,650 days");
        }
        if (trials < 2 || trials > 100_000) {
            throw new UsageException("--trials " + trials + ": expected 2 to 100,000 (confidence intervals need at least 2)");
        }
        if (save != null) {
            time("--checkpoint-save", save, false);
        }
        if (restart != null) {
            time("--restart", restart, true);
        }
        if (interval != null && IntervalRule.of(interval.toLowerCase(Locale.ROOT)) == null) {
            if (!interval.trim().matches("[-+]?[0-9.].*")) {
                throw new UsageException("--interval " + interval + ": expected daly, young, optimal or a time such as 10 min");
            }
            time("--interval", interval, false);   // a number: the unit parser says what is wrong
        }
        CampaignDocument camp = campaign(routed.getOrDefault("campaign", Map.of()));
        if (camp.saveSeconds() >= camp.days() * 86_400) {
            throw new UsageException(String.format(Locale.ROOT, "--checkpoint-save %s: expected a save shorter than the campaign (%.4g days = "
                    + "%.4g s); a checkpoint that takes the whole campaign never completes (hint: seconds to minutes, e.g. 10 s)",
                    save != null ? save : Output.number(camp.saveSeconds(), 4) + " s", camp.days(), camp.days() * 86_400));
        }
        boolean calibrate = switch (linkRates.toLowerCase(Locale.ROOT)) {
            case "fleet" -> false;
            case "llama" -> true;
            default -> throw new UsageException("--link-rates " + linkRates + ": expected fleet or llama");
        };
        List<String> names = policies.size() == 1 && policies.get(0).equals("all") ? Policy.NAMES : policies;
        TrainCommand.checkPolicies("--policy", names);
        technologies.checkRules(cluster, clusterDoc.cluster(), "goodput");
        List<TrainingModel.Campaign> runs;
        TechnologyOptions.Resolved tech;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            tech = technologies.resolve();
            progress.task(String.format(Locale.ROOT, "simulating %d trials of %.0f days for %d polic%s", trials, days, names.size(),
                    names.size() == 1 ? "y" : "ies"), (long) trials * names.size());
            runs = TrainingModel.campaigns(clusterDoc, names, gpus, camp, calibrate, trials, seed, MAX_WORK_EVENTS, progress::set,
                    tech.interconnect());
        } catch (TrainingModel.TooMuchWork e) {
            throw new UsageException(String.format(Locale.ROOT, "--trials %d × --days %.4g%s: %s (hint: fewer --trials — 200 give intervals "
                    + "of a few %% — or fewer --days or policies)", trials, camp.days(), gpus == null ? "" : " × --gpus " + gpus, e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new UsageException((gpus == null ? "" : "--gpus " + gpus + ": ") + e.getMessage());
        }
        // expected link failures per day by tier and by technology, scaled as the campaign's link rate was
        double linkScale = calibrate ? TrainingModel.linkCalibration(camp) : 1;
        Map<String, LinkSplit> splits = new java.util.LinkedHashMap<>();
        for (TrainingModel.Campaign c : runs) {
            double perDay = linkScale * c.spec().gpus() * 24;
            splits.put(c.policy(), new LinkSplit(perDay(TrainingModel.linkFailuresPerGpuHourByTier(c.cluster()), perDay),
                    perDay(TrainingModel.linkFailuresPerGpuHourByTechnology(clusterDoc, c.policy(), c.cluster(), tech.interconnect()), perDay)));
        }
        if (plot != null) {
            org.mosaic.report.GoodputCharts.writePlot(plot, runs);
        }
        out.print(switch (output.format) {
            case JSON -> Output.json(Output.strict(TechnologyOptions.withNotes(json(runs, splits), tech.notes())));
            case CSV -> {
                spec.commandLine().getErr().print(TechnologyOptions.notesText(tech.notes())); // CSV rows hold results only
                yield Output.csv(runs.stream().map(r -> Output.flatten(summary(r, splits.get(r.policy())))).toList());
            }
            case TABLE -> table(runs, splits, calibrate, TrainingModel.linkCalibration(camp)) + TechnologyOptions.notesText(tech.notes());
        });
        out.flush();
        return 0;
    }

    /** The flags that set a key of the campaign document, by key. */
    private Map<String, String> flagValues() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (days != null) {
            out.put("campaign.days", java.math.BigDecimal.valueOf(days).stripTrailingZeros().toPlainString());
        }
        if (save != null) {
            out.put("campaign.checkpoint.save", save);
        }
        if (restart != null) {
            out.put("campaign.checkpoint.restart", restart);
        }
        if (interval != null) {
            out.put("campaign.checkpoint.interval", interval);
        }
        if (hotSpares != null) {
            out.put("campaign.hotSpares", String.valueOf(hotSpares));
        }
        if (planned != null) {
            out.put("campaign.planned", String.valueOf(planned));
        }
        return out;
    }

    private static final Map<String, String> FLAGS = Map.of("campaign.days", "--days", "campaign.checkpoint.save", "--checkpoint-save",
            "campaign.checkpoint.restart", "--restart", "campaign.checkpoint.interval", "--interval", "campaign.hotSpares", "--hot-spares",
            "campaign.planned", "--planned");

    /**
     * The campaign: the document {@code --campaign FILE|NAME} with every {@code --set campaign.KEY} and every flag that sets one of
     * its keys applied, then bound once. A flag and a --set of the same key are refused: they would be two meanings of one value.
     */
    CampaignDocument campaign(Map<String, String> campaignSets) {
        Map<String, String> overrides = new java.util.LinkedHashMap<>(campaignSets);
        Map<String, String> labels = new java.util.HashMap<>();
        for (Map.Entry<String, String> f : flagValues().entrySet()) {
            String flag = FLAGS.get(f.getKey());
            if (overrides.containsKey(f.getKey())) {
                throw new UsageException(flag + " " + f.getValue() + " with --set " + f.getKey() + "=" + overrides.get(f.getKey())
                        + ": both set the campaign's " + f.getKey().substring("campaign.".length()) + "; expected one of them");
            }
            overrides.put(f.getKey(), f.getValue());
            labels.put(f.getKey(), flag + " " + f.getValue());
        }
        if (!Documents.isFile(campaign) && !CampaignDocument.names().contains(campaign)) {
            throw new UsageException("--campaign " + campaign + ": unknown campaign; expected a campaign file (kind: campaign) or one of "
                    + String.join(", ", CampaignDocument.names()) + SpecReader.didYouMean(campaign, CampaignDocument.names())
                    + " (hint: `mosaic presets show " + CampaignDocument.DEFAULT + "` prints a document to copy)");
        }
        return DocumentSets.bind(Documents.load(Documents.Kind.CAMPAIGN, campaign), "campaign", overrides, labels, CampaignDocument::bind);
    }

    /** Added to an unknown cluster key typed with --set: the other document goodput's --set addresses. */
    static final String GOODPUT_HINT = " (goodput's --set also takes campaign.KEY for the campaign document, e.g. campaign.detection.hang=5min)";

    private static double time(String flag, String value, boolean zeroAllowed) {
        double v;
        try {
            v = Quantities.parse(value, Dimension.TIME, flag.equals("--interval") ? 3600 : 60);   // examples that fit the flag
        } catch (UnitException e) {
            throw new UsageException(flag + " " + e.getMessage());
        }
        if (!(zeroAllowed ? v >= 0 : v > 0) || !Double.isFinite(v)) {
            throw new UsageException(flag + " " + value + ": expected a time " + (zeroAllowed ? ">= 0" : "> 0") + ", e.g. 10 s or 5 min");
        }
        return v;
    }

    /** Expected link failures per day of a job, by tier and by technology. */
    record LinkSplit(Map<String, Double> byTier, Map<String, Double> byTechnology) {
    }

    private static Map<String, Double> perDay(Map<String, Double> perGpuHour, double factor) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        perGpuHour.forEach((k, v) -> out.put(k, v * factor));
        return out;
    }

    static ObjectNode summary(TrainingModel.Campaign c, LinkSplit split) {
        CampaignResult r = c.result();
        double days = c.spec().days();
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("policy", c.policy());
        n.put("cluster", c.cluster().name());
        n.put("gpus", c.spec().gpus());
        n.put("days", days);
        n.put("trials", c.spec().trials());
        n.put("seed", c.spec().seed());
        ObjectNode ipd = n.putObject("interruptionsPerDay");
        Estimate total = total(r);
        ipd.put("total", total.mean() / days);
        ipd.put("totalLower95", total.lower95() / days);
        ipd.put("totalUpper95", total.upper95() / days);
        ipd.put("unplanned", r.unplannedInterruptions().mean() / days);
        ipd.put("planned", r.plannedInterruptions().mean() / days);
        ObjectNode by = ipd.putObject("byCause");
        r.interruptionsByCause().forEach((k, v) -> by.put(k, v.mean() / days));
        n.put("interruptionsPerCampaign", total.mean());
        ObjectNode e = n.putObject("ettr");
        e.put("mean", r.ettr().mean());
        e.put("lower95", Math.max(0, r.ettr().lower95()));   // a ratio: the t interval is clipped to [0, 1]
        e.put("upper95", Math.min(1, r.ettr().upper95()));
        e.put("analyticUnplannedOnly", r.renewalEttrUnplanned());
        ObjectNode l = n.putObject("lostGpuHoursPerDay");
        l.put("mean", r.lostGpuHoursPerDay().mean());
        l.put("lower95", r.lostGpuHoursPerDay().lower95());
        l.put("upper95", r.lostGpuHoursPerDay().upper95());
        n.put("checkpointIntervalSeconds", c.spec().checkpoint().intervalSeconds());
        n.put("checkpointSaveSeconds", c.spec().checkpoint().saveSeconds());
        n.put("restartSeconds", c.spec().checkpoint().restartSeconds());
        n.put("hotSpares", c.spec().hotSpares());
        n.put("mtbiHours", c.spec().causes().unplannedMtbfSeconds() / 3600);
        n.put("linkFailuresPerGpuHour", c.spec().causes().cause(TrainingModel.LINKS).ratePerUnitHour());
        n.set("expectedLinkFailuresPerDayByTier", Output.tree(split.byTier()));
        n.set("expectedLinkFailuresPerDayByTechnology", Output.tree(split.byTechnology()));
        n.put("linkInterruptionsPerDay", r.interruptions(TrainingModel.LINKS).mean() / days);
        n.put("scaleUpGpus", c.cluster().scaleUpGpus());
        n.put("scaleUpNote", c.cluster().scaleUpChoice().reason());
        return n;
    }

    private static Estimate total(CampaignResult r) {
        double[] v = new double[r.trials().size()];
        for (int i = 0; i < v.length; i++) {
            TrialResult t = r.trials().get(i);
            v[i] = t.unplannedInterruptions() + t.plannedInterruptions();
        }
        return Estimate.of(v);
    }

    static ObjectNode json(List<TrainingModel.Campaign> runs, Map<String, LinkSplit> splits) {
        ObjectNode root = summary(runs.get(0), splits.get(runs.get(0).policy()));
        if (runs.size() > 1) {
            ArrayNode a = root.putArray("policies");
            for (TrainingModel.Campaign c : runs) {
                a.add(summary(c, splits.get(c.policy())));
            }
            ArrayNode d = root.putArray("differencesFromFirst");
            TrainingModel.Campaign first = runs.get(0);
            for (TrainingModel.Campaign c : runs.subList(1, runs.size())) {
                ObjectNode x = d.addObject();
                x.put("policy", c.policy());
                x.put("against", first.policy());
                put(x, "ettr", TrainingModel.pairedDifference(first.result(), c.result(), TrialResult::ettr), 1);
                put(x, "interruptionsPerDay", TrainingModel.pairedDifference(first.result(), c.result(),
                        t -> t.unplannedInterruptions() + t.plannedInterruptions()), 1 / first.spec().days());
                int g = c.spec().gpus();
                put(x, "lostGpuHoursPerDay", TrainingModel.pairedDifference(first.result(), c.result(), t -> t.lostGpuHoursPerDay(g)), 1);
            }
        }
        return root;
    }

    private static void put(ObjectNode x, String name, Estimate e, double scale) {
        ObjectNode n = x.putObject(name);
        n.put("mean", e.mean() * scale);
        n.put("lower95", e.lower95() * scale);
        n.put("upper95", e.upper95() * scale);
    }

    static String table(List<TrainingModel.Campaign> runs, Map<String, LinkSplit> splits, boolean calibrated, double linkCalibration) {
        StringBuilder sb = new StringBuilder();
        TrainingModel.Campaign f = runs.get(0);
        sb.append(String.format(Locale.ROOT, "%s: a job on %,d GPUs for %.0f days, %d trials (seed %d), checkpoint save %.0f s, restart %.0f s, %s%n%n",
                f.cluster().name().replaceAll(" / .*", ""), f.spec().gpus(), f.spec().days(), f.spec().trials(), f.spec().seed(),
                f.spec().checkpoint().saveSeconds(), f.spec().checkpoint().restartSeconds(), f.spec().hotSpares() ? "hot spares" : "no spares"));
        List<List<String>> rows = new ArrayList<>();
        for (TrainingModel.Campaign c : runs) {
            CampaignResult r = c.result();
            double d = c.spec().days();
            Estimate tot = total(r);
            rows.add(List.of(c.policy(), String.valueOf(c.cluster().scaleUpGpus()), String.format(Locale.ROOT, "%.2f ± %.2f", tot.mean() / d, (tot.upper95() - tot.mean()) / d),
                    String.format(Locale.ROOT, "%.2f", r.interruptions(TrainingModel.LINKS).mean() / d),
                    String.format(Locale.ROOT, "%.2f h", c.spec().causes().unplannedMtbfSeconds() / 3600),
                    String.format(Locale.ROOT, "%.0f s", c.spec().checkpoint().intervalSeconds()),
                    String.format(Locale.ROOT, "%.2f %% ± %.2f", 100 * r.ettr().mean(), 100 * (r.ettr().upper95() - r.ettr().mean())),
                    String.format(Locale.ROOT, "%.2f %%", 100 * r.renewalEttrUnplanned()),
                    String.format(Locale.ROOT, "%,.0f", r.lostGpuHoursPerDay().mean())));
        }
        sb.append(Output.table(List.of("policy", ">scale-up GPUs", ">interruptions/day", ">of which links", ">MTBI", ">ckpt interval", ">ETTR (95 %)",
                ">analytic (unplanned)", ">lost GPU-h/day"), rows)).append('\n');
        for (TrainingModel.Campaign c : runs) {
            StringBuilder b = new StringBuilder();
            splits.get(c.policy()).byTechnology().forEach((tech, perDay) -> b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "%s %.2f", tech, perDay)));
            sb.append(String.format(Locale.ROOT, "%s: expected link failures per day by technology: %s%n", c.policy(),
                    b.length() == 0 ? "none" : b));
        }
        sb.append('\n');
        List<String> causes = new ArrayList<>(f.result().interruptionsByCause().keySet());
        List<List<String>> byCause = new ArrayList<>();
        for (String cause : causes) {
            List<String> row = new ArrayList<>();
            row.add(cause);
            for (TrainingModel.Campaign c : runs) {
                Map<String, Estimate> m = c.result().interruptionsByCause();
                row.add(String.format(Locale.ROOT, "%.1f", m.get(cause).mean()));
            }
            byCause.add(row);
        }
        List<String> head = new ArrayList<>();
        head.add("interruptions per campaign, by cause");
        runs.forEach(c -> head.add(">" + c.policy()));
        sb.append(Output.table(head, byCause));
        if (runs.size() > 1) {
            sb.append('\n');
            for (TrainingModel.Campaign c : runs.subList(1, runs.size())) {
                Estimate de = TrainingModel.pairedDifference(f.result(), c.result(), TrialResult::ettr);
                Estimate di = TrainingModel.pairedDifference(f.result(), c.result(), t -> t.unplannedInterruptions() + t.plannedInterruptions());
                sb.append(String.format(Locale.ROOT, "%s vs %s (same sampled non-link failures): ETTR %+.3f points [%+.3f, %+.3f], "
                                + "interruptions/day %+.3f [%+.3f, %+.3f]%n", c.policy(), f.policy(), 100 * de.mean(), 100 * de.lower95(),
                        100 * de.upper95(), di.mean() / f.spec().days(), di.lower95() / f.spec().days(), di.upper95() / f.spec().days()));
            }
        }
        if (!calibrated && f.spec().causes().cause(TrainingModel.SWITCHES).ratePerUnitHour() == 0) {
            sb.append(String.format(Locale.ROOT, "note: the catalog FITs give the links of h100-16k today %.1fx Llama 3's observed switch/cable "
                    + "rate, so no failures are left for switches; --link-rates llama scales link rates to Llama's field data.%n",
                    1 / linkCalibration));
        }
        sb.append(String.format(Locale.ROOT, "ETTR = productive time / wall time; the analytic value is the renewal formula without planned stops"
                + " (%s).%n", Checkpointing.class.getSimpleName()));
        return sb.toString();
    }
}
