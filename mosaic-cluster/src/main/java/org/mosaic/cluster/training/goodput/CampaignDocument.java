package org.mosaic.cluster.training.goodput;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mosaic.core.catalog.Catalog;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.core.units.Dimension;

/**
 * A goodput campaign as a {@code kind: campaign} document: how long it runs, hot spares or repairs, whether planned stops are
 * included, checkpointing (save, restart, interval rule or time), and the failure causes with the window they were observed
 * over, their detection and replacement. The shipped one, {@code llama3-54d} (resource {@code /presets/campaign/llama3-54d.yaml}),
 * holds Meta's Llama 3 405B run ([llama3-2024]): 16,384 H100 GPUs, a 54-day snapshot, 419 unexpected interruptions in 18 rows
 * and 47 planned ones, "&gt; 90 % effective training time". Every number carries its source under {@code provenance:}.
 *
 * <p><b>Rates.</b> A cause {@code per: gpu} (the default for unplanned causes) fails at count / (observed days × 24 h × observed
 * GPUs) per GPU-hour and scales with the job's GPUs (hosts, NICs and switch ports grow in proportion to GPUs in a fixed node
 * design); a cause {@code per: job} (the default for planned ones) at count / (observed days × 24 h) per hour whatever the job's
 * size. The Llama 3 table's share column is not used: 148 of 419 is 35.3 %, not the printed 30.1 % (the other rows match
 * count / 419), so the counts are taken as the data.
 *
 * <p><b>Recovery.</b> An unplanned cause is noticed after the detection time of its kind ({@code failStop} or {@code hang}); one
 * with {@code replace: true} then waits for its part: the hot-spare swap with hot spares, the repair without. A planned cause
 * (checkpoint first, nothing lost) has neither.
 *
 * <p><b>The interconnect.</b> {@code interconnect:} names the cause an interconnect changes (Llama's "Network switch/cable" row):
 * the training facade replaces it with the links of a policy's technologies plus a residual for switches.
 *
 * <p><b>Checkpoints.</b> The shipped pair is the asynchronous one of the worked example of [young-1974], [daly-2006],
 * [nvidia-checkpoint-2024] (δ = 10 s, R = 5 min); the blocking pair (δ = 60 s, R = 10 min) gives a first-order waste of ≈ 16 %
 * at Llama 3's MTBI (ETTR ≈ 84 %), which contradicts the published "&gt; 90 %"; the asynchronous pair gives ≈ 7 %. The choice is
 * thus calibrated against that one figure, so the ETTR check against it is a consistency check, not an independent validation.
 *
 * @param name             the document's name
 * @param description      one line
 * @param days             campaign length (days)
 * @param hotSpares        replacements are hot-spare swaps (else repairs)
 * @param planned          include the planned causes
 * @param saveSeconds      δ, the blocking save (s)
 * @param restartSeconds   R, relaunch and checkpoint load (s)
 * @param intervalRule     the rule choosing the interval, or null when {@code intervalSeconds} is given
 * @param intervalSeconds  a fixed interval (s), or null for the rule
 * @param observedGpus     GPUs of the observed run the counts come from
 * @param observedDays     days of the observed run
 * @param failStopDetectionSeconds detection of a fail-stop fault (s)
 * @param hangDetectionSeconds     detection of a hang (s)
 * @param hotSpareSwapSeconds      wait for a hot-spare swap (s)
 * @param repairSeconds            wait for a repair without spares (s)
 * @param interconnect     id of the cause an interconnect replaces
 * @param causes           the causes, in the document's order
 */
public record CampaignDocument(String name, String description, double days, boolean hotSpares, boolean planned, double saveSeconds,
                               double restartSeconds, IntervalRule intervalRule, Double intervalSeconds, int observedGpus,
                               double observedDays, double failStopDetectionSeconds, double hangDetectionSeconds,
                               double hotSpareSwapSeconds, double repairSeconds, String interconnect, List<Cause> causes) {

    /** The campaign goodput uses when none is given. */
    public static final String DEFAULT = "llama3-54d";
    /** Longest campaign (days): ten years. */
    public static final double MAX_DAYS = 3650;
    /** Longest detection, replacement, save, restart or interval (s): 30 days, far beyond any real one (a unit slip otherwise). */
    public static final double MAX_TIME_SECONDS = 30 * 86_400.0;

    /**
     * One cause of the document.
     *
     * @param id       its key under {@code causes:}
     * @param name     its name in reports (it also keys the cause's random stream)
     * @param category a grouping for reports
     * @param count    interruptions in the observed window
     * @param planned  a planned stop (checkpoint first)
     * @param perGpu   the count scales with GPUs (else per job)
     * @param hang     detected as a hang (else as a fail-stop fault); unused when planned
     * @param replace  its part is replaced before the restart; unused when planned
     */
    public record Cause(String id, String name, String category, int count, boolean planned, boolean perGpu, boolean hang, boolean replace) {
    }

    public CampaignDocument {
        causes = List.copyOf(causes);
    }

    /** Names of the shipped campaigns. */
    public static List<String> names() {
        return Documents.names(Documents.Kind.CAMPAIGN);
    }

    /** The shipped campaign {@code name}. */
    public static CampaignDocument preset(String name) {
        return bind(Documents.preset(Documents.Kind.CAMPAIGN, name));
    }

    /** The default campaign, {@value #DEFAULT}. */
    public static CampaignDocument standard() {
        return preset(DEFAULT);
    }

    /** A campaign file or preset name ({@code FILE|NAME}). */
    public static CampaignDocument load(String fileOrName) {
        return bind(Documents.load(Documents.Kind.CAMPAIGN, fileOrName));
    }

    /** Binds a campaign document, reporting every problem at once (unknown keys with the closest known one). */
    public static CampaignDocument bind(ScenarioDocument doc) {
        SpecReader r = Documents.reader(Documents.Kind.CAMPAIGN, doc);
        String name = r.text("name", null);
        if (name == null || name.isBlank()) {
            r.problem("name", name, "a name for the campaign, e.g. my-campaign");
            name = "";
        }
        String description = r.text("description", "");
        double days = positive(r, "days", Dimension.DIMENSIONLESS, MAX_DAYS, "a number of days, e.g. 54");
        boolean hotSpares = r.bool("hotSpares", true);
        boolean planned = r.bool("planned", true);
        double save = positive(r, "checkpoint.save", Dimension.TIME, MAX_TIME_SECONDS, "a time, e.g. 10 s");
        double restart = nonNegative(r, "checkpoint.restart", "e.g. 5 min");
        IntervalRule rule = null;
        Double interval = null;
        if (!r.has("checkpoint.interval")) {
            r.problem("checkpoint.interval", null, "daly, young, optimal or a time such as 10 min is required");
        } else {
            String t = r.text("checkpoint.interval", "").trim();
            rule = IntervalRule.of(t.toLowerCase(Locale.ROOT));
            if (rule == null) {
                if (t.matches("[-+]?[0-9.].*")) {
                    interval = positive(r, "checkpoint.interval", Dimension.TIME, MAX_DAYS * 86_400, "a time, e.g. 10 min");
                } else {
                    r.problem("checkpoint.interval", t, "daly, young, optimal or a time such as 10 min");
                }
            }
        }
        int observedGpus = 1;
        if (!r.has("observed.gpus")) {
            r.problem("observed.gpus", null, "the GPUs of the run the counts were observed on is required, e.g. 16384");
        } else {
            observedGpus = r.integer("observed.gpus", 1, 100_000_000, 1);
        }
        double observedDays = positive(r, "observed.days", Dimension.DIMENSIONLESS, 36_500, "the days the counts were observed over, e.g. 54");
        double failStop = nonNegative(r, "detection.failStop", "e.g. 60 s");
        double hang = nonNegative(r, "detection.hang", "e.g. 10 min");
        double swap = nonNegative(r, "replacement.hotSpareSwap", "e.g. 0 s");
        double repair = nonNegative(r, "replacement.repair", "e.g. 8 h");
        List<Cause> causes = new ArrayList<>();
        JsonNode section = doc.tree().get("causes");
        if (section == null || !section.isObject() || section.isEmpty()) {
            r.problem("causes", section == null ? null : section.toString(), "a section of causes, each under its own key: "
                    + "{name: Faulty GPU, category: GPU, count: 148, detection: failStop, replace: true}");
        } else {
            Set<String> seen = new HashSet<>();
            Iterator<String> ids = section.fieldNames();
            while (ids.hasNext()) {
                String id = ids.next();
                String p = "causes." + id;
                if (!section.get(id).isObject()) {
                    r.problem(p, section.get(id).asText(), "a cause: {name: ..., category: ..., count: N, detection: failStop|hang, replace: true|false}");
                    continue;
                }
                String cname = r.text(p + ".name", id);
                String category = r.text(p + ".category", null);
                if (category == null || category.isBlank()) {
                    r.problem(p + ".category", category, "a category for reports, e.g. GPU, Host, Network");
                    category = "?";
                }
                int count = 0;
                if (!r.has(p + ".count")) {
                    r.problem(p + ".count", null, "the interruptions observed, a whole number >= 0, is required");
                } else {
                    count = r.integer(p + ".count", 0, 1_000_000_000, 0);
                }
                boolean isPlanned = r.bool(p + ".planned", false);
                boolean perGpu = r.choice(p + ".per", List.of("gpu", "job"), isPlanned ? "job" : "gpu").equals("gpu");
                boolean isHang = false;
                boolean replace = false;
                if (isPlanned) {
                    for (String k : List.of("detection", "replace")) {
                        if (r.has(p + "." + k)) {
                            r.problem(p + "." + k, r.text(p + "." + k, ""), "nothing: a planned stop is not detected and replaces nothing "
                                    + "(hint: model a stop that needs a repair as an unplanned cause)");
                        }
                    }
                } else {
                    if (!r.has(p + ".detection")) {
                        r.problem(p + ".detection", null, "failStop or hang is required");
                    } else {
                        isHang = r.choice(p + ".detection", List.of("failStop", "hang"), "failStop").equals("hang");
                    }
                    if (!r.has(p + ".replace")) {
                        r.problem(p + ".replace", null, "true (the part is replaced before the restart) or false (a restart only) is required");
                    } else {
                        replace = r.bool(p + ".replace", false);
                    }
                }
                if (!seen.add(cname)) {
                    r.problem(p + ".name", cname, "a name no other cause has (it keys the cause's random stream and its row)");
                }
                causes.add(new Cause(id, cname, category, count, isPlanned, perGpu, isHang, replace));
            }
        }
        String interconnect = r.text("interconnect", null);
        if (interconnect == null) {
            r.problem("interconnect", null, "the key of the cause an interconnect changes is required (e.g. network-switch-cable)");
        } else if (!causes.isEmpty()) {
            Cause ic = causes.stream().filter(c -> c.id().equals(interconnect)).findFirst().orElse(null);
            if (ic == null) {
                List<String> keys = causes.stream().map(Cause::id).toList();
                r.problem("interconnect", interconnect, "the key of one of the causes: " + String.join(", ", keys)
                        + SpecReader.didYouMean(interconnect, keys));
            } else if (ic.planned() || !ic.perGpu()) {
                r.problem("interconnect", interconnect, "an unplanned cause per GPU (the links of a job grow with its GPUs)");
            }
        }
        r.finish();
        return new CampaignDocument(name.trim(), description, days, hotSpares, planned, save, restart, rule, interval, observedGpus,
                observedDays, failStop, hang, swap, repair, interconnect, causes);
    }

    private static double positive(SpecReader r, String path, Dimension dim, double max, String example) {
        if (!r.has(path)) {
            r.problem(path, null, example + " is required");
            return 1;
        }
        double v = r.quantity(path, dim, 0, max);
        if (v == 0) {
            r.problem(path, r.text(path, ""), "more than 0: " + example);
            return 1;
        }
        return Double.isNaN(v) ? 1 : v;
    }

    private static double nonNegative(SpecReader r, String path, String example) {
        if (!r.has(path)) {
            r.problem(path, null, "a time >= 0 is required, " + example);
            return 0;
        }
        double v = r.quantity(path, Dimension.TIME, 0, MAX_TIME_SECONDS);
        return Double.isNaN(v) ? 0 : v;
    }

    /** GPU-hours of the observed window (observed days × 24 × observed GPUs). */
    public double observedGpuHours() {
        return observedDays * 24 * observedGpus;
    }

    /** Failures per unit-hour of {@code c}: per GPU-hour for a per-GPU cause, per hour for a per-job one. */
    public double ratePerUnitHour(Cause c) {
        return c.count() / (c.perGpu() ? observedGpuHours() : observedDays * 24);
    }

    /** The recovery of {@code c}. */
    public Recovery recovery(Cause c) {
        if (c.planned()) {
            return Recovery.IMMEDIATE;
        }
        double detection = c.hang() ? hangDetectionSeconds : failStopDetectionSeconds;
        return c.replace() ? Recovery.replace(detection, hotSpareSwapSeconds, repairSeconds) : Recovery.restartOnly(detection);
    }

    /** The cause {@code c} for a job of {@code gpus} GPUs. */
    public FailureCause failureCause(Cause c, double gpus) {
        double units = c.perGpu() ? gpus : 1;
        return c.planned() ? FailureCause.planned(c.name(), c.category(), ratePerUnitHour(c), units)
                : FailureCause.unplanned(c.name(), c.category(), ratePerUnitHour(c), units, recovery(c));
    }

    /** The unplanned causes for a job on {@code gpus} GPUs. */
    public FailureCauses causes(double gpus) {
        return causes(gpus, false);
    }

    /** The unplanned causes for {@code gpus} GPUs plus the planned ones. */
    public FailureCauses causesWithPlanned(double gpus) {
        return causes(gpus, true);
    }

    /** The causes of a job on {@code gpus} GPUs, with the planned ones when {@code withPlanned}. */
    public FailureCauses causes(double gpus, boolean withPlanned) {
        Require.positive("GPU count", gpus, "GPUs of the job, e.g. 16384");
        List<FailureCause> out = new ArrayList<>();
        for (Cause c : causes) {
            if (!c.planned() || withPlanned) {
                out.add(failureCause(c, gpus));
            }
        }
        return new FailureCauses(out);
    }

    /** The causes this campaign simulates for {@code gpus} GPUs: the planned ones when {@link #planned()}. */
    public FailureCauses jobCauses(double gpus) {
        return causes(gpus, planned);
    }

    /** The cause an interconnect replaces. */
    public Cause interconnectCause() {
        return causes.stream().filter(c -> c.id().equals(interconnect)).findFirst().orElseThrow();
    }

    /** Unplanned interruptions in the observed window. */
    public int unplannedCount() {
        return causes.stream().filter(c -> !c.planned()).mapToInt(Cause::count).sum();
    }

    /** Planned interruptions in the observed window. */
    public int plannedCount() {
        return causes.stream().filter(Cause::planned).mapToInt(Cause::count).sum();
    }

    /** The observed mean time between unplanned interruptions (s): observed days / unplanned count (Llama 3: 11,135 s). */
    public double mtbiSeconds() {
        return observedDays * 86_400 / unplannedCount();
    }

    /** The checkpoint plan for a job with {@code causes}: the fixed interval, or the rule's for their failure rate. */
    public CheckpointPlan checkpoint(FailureCauses causes) {
        double t = intervalSeconds != null ? intervalSeconds : intervalRule.intervalSeconds(causes, saveSeconds, restartSeconds, hotSpares);
        return new CheckpointPlan(t, saveSeconds, restartSeconds);
    }

    /** The plan at the observed run's MTBI: the fixed interval or the rule's (Daly's ≈ 465 s for Llama 3). */
    public CheckpointPlan checkpoint() {
        return checkpoint(causes(observedGpus));
    }

    /** The observed run as a campaign: its GPUs, this length, the causes, the plan, the spares. */
    public CampaignSpec campaign(int trials, long seed) {
        FailureCauses c = jobCauses(observedGpus);
        return new CampaignSpec(observedGpus, days, c, checkpoint(c.unplanned()), hotSpares, trials, seed);
    }

    /** Where every number of the shipped campaigns comes from (their {@code provenance:} sections). */
    public static List<Provenance> provenance() {
        List<Provenance> out = new ArrayList<>();
        for (String n : names()) {
            for (Provenance p : Catalog.of(Documents.preset(Documents.Kind.CAMPAIGN, n))) {
                out.add(new Provenance("training.goodput." + n + "." + p.path(), p.value(), p.confidence(), p.source(), p.note()));
            }
        }
        return out;
    }
}
