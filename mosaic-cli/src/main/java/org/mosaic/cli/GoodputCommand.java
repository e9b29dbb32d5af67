package org.mosaic.cli;

import org.mosaic.studies.training.JobChecks;

import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.goodput.GoodputResult;
import org.mosaic.studies.goodput.GoodputStudy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.training.goodput.CampaignDocument;
import org.mosaic.cluster.training.goodput.IntervalRule;
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
    JobOptions job;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> unused = new java.util.HashMap<>();
        unused.put("model", "goodput runs no training step (model.KEY is train's)");
        unused.put("system", "goodput runs on a --cluster, not a training system (system.KEY is train --system's)");
        unused.put("gpu", "goodput reads no GPU document (gpu.KEY is train's)");
        Map<String, Map<String, String>> routed = DocumentSets.split(job.sets, unused);
        org.mosaic.cluster.fleet.ClusterDocument clusterDoc = TrainCommand.clusterDocument(job.cluster, routed.getOrDefault(DocumentSets.CLUSTER,
                Map.of()), GOODPUT_HINT);
        JobChecks.checkGpus(job.gpus);
        if (days != null && !(days > 0 && days <= CampaignDocument.MAX_DAYS)) {
            throw new UsageException("--days " + days + ": expected a campaign of more than 0 and at most 3,650 days");
        }
        GoodputStudy.checkTrials(trials);
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
        if (save != null) {
            GoodputStudy.checkSave(camp, "--checkpoint-save " + save);   // named as typed; the study names a document's value
        }
        GoodputStudy.LinkRates rates = switch (linkRates.toLowerCase(Locale.ROOT)) {
            case "fleet" -> GoodputStudy.LinkRates.FLEET;
            case "llama" -> GoodputStudy.LinkRates.LLAMA;
            default -> throw new UsageException("--link-rates " + linkRates + ": expected fleet or llama");
        };
        List<String> names = job.policyNames();
        JobChecks.checkPolicies("--policy", names);
        job.technologies.checkRules(job.cluster, clusterDoc.cluster(), "goodput");
        GoodputResult result;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            TechnologyOptions.Resolved tech = job.technologies.resolve();
            result = new GoodputStudy().run(new GoodputStudy.Input(clusterDoc, names, job.gpus, camp, rates, trials, seed, tech.interconnect(),
                    tech.notes()), progress);
        }
        if (plot != null) {
            org.mosaic.report.GoodputCharts.writePlot(plot, result);
        }
        out.print(switch (output.format) {
            case JSON -> Results.json(result);
            case CSV -> {
                spec.commandLine().getErr().print(TechnologyOptions.notesText(result.technologyNotes())); // CSV rows hold results only
                yield Output.csv(result.all().stream().map(p -> Output.flatten(Results.tree(p))).toList());
            }
            case TABLE -> GoodputTable.render(result) + TechnologyOptions.notesText(result.technologyNotes());
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
}
