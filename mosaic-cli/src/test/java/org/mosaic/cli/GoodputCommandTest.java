package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.mosaic.cli.TrainCommandTest.assertPng;
import static org.mosaic.cli.TrainCommandTest.assertSvg;
import static org.mosaic.cli.TrainCommandTest.csvCells;
import static org.mosaic.cli.TrainCommandTest.json;
import static org.mosaic.cli.TrainCommandTest.listing;
import static org.mosaic.cli.TrainCommandTest.usageError;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mosaic goodput} run in-process: the JSON the issue lists and its closed forms (totals, lost GPU-hours from ETTR, the
 * Daly and Young intervals), two policies on common random numbers and their paired differences, reproducibility by seed,
 * a given interval, the Llama 3 link calibration against its published 35 switch/cable interruptions in 54 days (a Monte
 * Carlo test with its false-failure rate), confidence intervals that shrink as 1/√trials, CSV and table, bad input and plots.
 *
 * <p>Every failure cause is a Poisson process in wall-clock time whatever the job is doing (CampaignSimulator's model), so
 * a campaign's count of a cause is Poisson with mean rate × duration: that known variance sets the statistical bounds.
 */
class GoodputCommandTest {
    private static final double CLOSED_FORM_PERCENT = 1e-7; // 1e-9 relative
    /** Llama 3 405B, 54 days on 16,384 H100 ([llama3-2024]): unexpected, planned and switch/cable interruptions. */
    private static final double LLAMA_DAYS = 54;
    private static final double LLAMA_UNEXPECTED = 419;
    private static final double LLAMA_PLANNED = 47;
    private static final double LLAMA_SWITCH_CABLE = 35;
    private static final double LLAMA_FAULTY_GPU = 148;
    /**
     * Four standard errors: a two-sided normal tail of 6.3e-5, the false-failure rate of each bound built on it (the counts
     * here are Poisson with means of hundreds to thousands per run, so the normal approximation is close).
     */
    private static final double Z = 4;

    /** today and mosaic, 20 trials of 10 days, seed 0 (the default): printed JSON. */
    static String todayMosaicOut;
    static JsonNode todayMosaic;

    @TempDir
    Path dir;

    @BeforeAll
    static void runTwoPoliciesOnce() {
        Cli c = Cli.run("goodput", "--policy", "today,mosaic", "--trials", "20", "--days", "10", "--format", "json");
        todayMosaic = json(c);
        todayMosaicOut = c.out();
    }

    // ---- the JSON and its closed forms ----

    @Test
    void jsonHasInterruptionsEttrLostHoursAndTheInterval() {
        JsonNode j = json(Cli.run("goodput", "--trials", "20", "--format", "json"));
        assertThat(j.path("gpus").asInt()).isEqualTo(16_384);
        assertThat(j.path("days").asDouble()).isEqualTo(54);
        assertThat(j.path("trials").asInt()).isEqualTo(20);
        assertThat(j.path("seed").asLong()).isEqualTo(0);   // seed 0 by default, as every command (issue 12)
        JsonNode ipd = j.path("interruptionsPerDay");
        for (String k : new String[] {"total", "totalLower95", "totalUpper95", "unplanned", "planned", "byCause"}) {
            assertThat(ipd.has(k)).as("interruptionsPerDay." + k).isTrue();
        }
        assertThat(ipd.path("byCause").has("Faulty GPU")).isTrue();
        assertThat(ipd.path("byCause").has("Network links")).isTrue();
        assertThat(ipd.path("byCause").has("Planned maintenance")).isTrue();
        assertInterval(j.path("ettr"));
        assertInterval(j.path("lostGpuHoursPerDay"));
        assertThat(ipd.path("totalLower95").asDouble()).isLessThanOrEqualTo(ipd.path("total").asDouble());
        assertThat(ipd.path("totalUpper95").asDouble()).isGreaterThanOrEqualTo(ipd.path("total").asDouble());
        assertThat(j.path("ettr").path("mean").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.path("checkpointIntervalSeconds").asDouble()).isPositive();

        double total = ipd.path("total").asDouble();
        assertThat(ipd.path("unplanned").asDouble() + ipd.path("planned").asDouble()).isCloseTo(total, withPercentage(CLOSED_FORM_PERCENT));
        assertThat(sum(ipd.path("byCause"))).isCloseTo(total, withPercentage(CLOSED_FORM_PERCENT));
        assertThat(j.path("interruptionsPerCampaign").asDouble()).isCloseTo(total * 54, withPercentage(CLOSED_FORM_PERCENT));
        assertThat(j.path("linkInterruptionsPerDay").asDouble()).isEqualTo(ipd.path("byCause").path("Network links").asDouble());
        // lost GPU-hours per day = (1 − ETTR) × GPUs × 24 h, trial by trial, so also for the means
        assertThat(j.path("lostGpuHoursPerDay").path("mean").asDouble())
                .isCloseTo((1 - j.path("ettr").path("mean").asDouble()) * 16_384 * 24, withPercentage(CLOSED_FORM_PERCENT));
        // the default interval is Daly's ([young-1974], [daly-2006], [nvidia-checkpoint-2024]) for the 10 s save and the job's unplanned MTBI, written out here
        double m = j.path("mtbiHours").asDouble() * 3600;
        double delta = j.path("checkpointSaveSeconds").asDouble();
        assertThat(delta).isEqualTo(10);
        double x = delta / (2 * m);
        double daly = Math.sqrt(2 * delta * m) * (1 + Math.sqrt(x) / 3 + x / 9) - delta;
        assertThat(j.path("checkpointIntervalSeconds").asDouble()).isCloseTo(daly, withPercentage(CLOSED_FORM_PERCENT));
        assertThat(j.path("restartSeconds").asDouble()).isEqualTo(300);
    }

    // ---- policies, common random numbers, reproducibility ----

    @Test
    void twoPoliciesGivePairedDifferencesFromTheFirst() {
        JsonNode ps = todayMosaic.path("policies");
        assertThat(ps.size()).isEqualTo(2);
        assertThat(ps.get(0).path("policy").asText()).isEqualTo("today");
        assertThat(ps.get(1).path("policy").asText()).isEqualTo("mosaic");
        JsonNode diffs = todayMosaic.path("differencesFromFirst");
        assertThat(diffs.size()).isEqualTo(1);
        JsonNode d = diffs.get(0);
        assertThat(d.path("policy").asText()).isEqualTo("mosaic");
        assertThat(d.path("against").asText()).isEqualTo("today");
        for (String k : new String[] {"ettr", "interruptionsPerDay", "lostGpuHoursPerDay"}) {
            assertInterval(d.path(k));
        }
        // the mean of paired differences is the difference of the means
        assertThat(d.path("ettr").path("mean").asDouble()).isCloseTo(
                ps.get(1).path("ettr").path("mean").asDouble() - ps.get(0).path("ettr").path("mean").asDouble(), offset(1e-12));
        assertThat(d.path("interruptionsPerDay").path("mean").asDouble()).isCloseTo(ps.get(1).path("interruptionsPerDay").path("total").asDouble()
                - ps.get(0).path("interruptionsPerDay").path("total").asDouble(), offset(1e-9));
        assertThat(d.path("lostGpuHoursPerDay").path("mean").asDouble()).isCloseTo(ps.get(1).path("lostGpuHoursPerDay").path("mean").asDouble()
                - ps.get(0).path("lostGpuHoursPerDay").path("mean").asDouble(), offset(1e-6));
    }

    @Test
    void policiesSeeTheSameFailuresOfEveryComponentButTheLinks() {
        JsonNode today = todayMosaic.path("policies").get(0).path("interruptionsPerDay").path("byCause");
        JsonNode mosaic = todayMosaic.path("policies").get(1).path("interruptionsPerDay").path("byCause");
        assertThat(fieldNames(mosaic)).isEqualTo(fieldNames(today));
        for (String cause : fieldNames(today)) {
            if (!cause.startsWith("Network")) {
                assertThat(mosaic.path(cause).asDouble()).as(cause).isEqualTo(today.path(cause).asDouble());
            }
        }
        // so the paired difference in interruptions is much sharper than either policy's own interval: its spread comes from
        // the link counts only (about 1.2 of ~9 interruptions a day, and mosaic's link times are today's stretched, so even those
        // are correlated). Expected ratio of half-widths ≈ sqrt(var(link difference) / var(total)) ≈ 0.1; the bound of 0.5 fails
        // only if the 20-trial sample deviations are off by a factor of ~5, which has a chance well below 1e-6.
        JsonNode diff = todayMosaic.path("differencesFromFirst").get(0).path("interruptionsPerDay");
        JsonNode ipd = todayMosaic.path("policies").get(0).path("interruptionsPerDay");
        assertThat(diff.path("upper95").asDouble() - diff.path("lower95").asDouble())
                .isLessThan(0.5 * (ipd.path("totalUpper95").asDouble() - ipd.path("totalLower95").asDouble()));
    }

    @Test
    void theSameSeedGivesTheSameOutputAndAnotherSeedAnother() {
        Cli again = Cli.run("goodput", "--policy", "today,mosaic", "--trials", "20", "--days", "10", "--format", "json");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo(todayMosaicOut);
        JsonNode other = json(Cli.run("goodput", "--policy", "today,mosaic", "--trials", "20", "--days", "10", "--seed", "2",
                "--format", "json"));
        assertThat(other.path("seed").asLong()).isEqualTo(2);
        assertThat(other.path("ettr").path("mean").asDouble()).isNotEqualTo(todayMosaic.path("ettr").path("mean").asDouble());
        assertThat(other.path("interruptionsPerDay").path("total").asDouble())
                .isNotEqualTo(todayMosaic.path("interruptionsPerDay").path("total").asDouble());
    }

    // ---- the checkpoint interval ----

    @Test
    void aGivenIntervalIsUsedAsGivenForEveryPolicyAndYoungIsYoung() {
        JsonNode j = json(Cli.run("goodput", "--policy", "today,mosaic", "--interval", "600s", "--trials", "4", "--days", "5",
                "--format", "json"));
        for (JsonNode p : j.path("policies")) {
            assertThat(p.path("checkpointIntervalSeconds").asDouble()).as(p.path("policy").asText()).isEqualTo(600);
        }
        assertThat(json(Cli.run("goodput", "--interval", "10 min", "--trials", "4", "--days", "5", "--format", "json"))
                .path("checkpointIntervalSeconds").asDouble()).isEqualTo(600);
        // Young ([young-1974], [daly-2006], [nvidia-checkpoint-2024]): sqrt(2 δ M), with δ = 60 s here
        JsonNode y = json(Cli.run("goodput", "--interval", "young", "--checkpoint-save", "60 s", "--trials", "4", "--days", "5",
                "--format", "json"));
        double m = y.path("mtbiHours").asDouble() * 3600;
        assertThat(y.path("checkpointSaveSeconds").asDouble()).isEqualTo(60);
        assertThat(y.path("checkpointIntervalSeconds").asDouble()).isCloseTo(Math.sqrt(2 * 60 * m), withPercentage(CLOSED_FORM_PERCENT));
    }

    // ---- Llama 3 calibration ----

    @Test
    void llamaLinkRatesReproduceLlamaThreesSwitchAndCableInterruptions() {
        int trials = 200;
        JsonNode j = json(Cli.run("goodput", "--link-rates", "llama", "--trials", String.valueOf(trials), "--format", "json"));
        assertThat(j.path("gpus").asInt()).isEqualTo(16_384);
        assertThat(j.path("days").asDouble()).isEqualTo(LLAMA_DAYS);
        // the rates, exactly: 35 per (54 d × 24 h × 16,384 GPUs); every unplanned row at Llama's count, so MTBI = 54 d / 419
        assertThat(j.path("linkFailuresPerGpuHour").asDouble())
                .isCloseTo(LLAMA_SWITCH_CABLE / (LLAMA_DAYS * 24 * 16_384), withPercentage(CLOSED_FORM_PERCENT));
        assertThat(j.path("mtbiHours").asDouble()).isCloseTo(LLAMA_DAYS * 24 / LLAMA_UNEXPECTED, withPercentage(CLOSED_FORM_PERCENT));
        JsonNode by = j.path("interruptionsPerDay").path("byCause");
        assertThat(by.path("Network switches").asDouble()).as("all of the switch/cable row goes to links").isZero();
        // the Monte Carlo: a campaign's link interruptions are Poisson(35), so the mean of n trials, per day, has a standard
        // error of sqrt(35 / n) / 54; within Z = 4 of them (false-failure rate 6.3e-5)
        assertThat(j.path("linkInterruptionsPerDay").asDouble()).isCloseTo(LLAMA_SWITCH_CABLE / LLAMA_DAYS,
                offset(Z * Math.sqrt(LLAMA_SWITCH_CABLE / trials) / LLAMA_DAYS));
        assertThat(by.path("Faulty GPU").asDouble()).isCloseTo(LLAMA_FAULTY_GPU / LLAMA_DAYS,
                offset(Z * Math.sqrt(LLAMA_FAULTY_GPU / trials) / LLAMA_DAYS));
        // all interruptions, unplanned and planned: Poisson(419 + 47) a campaign (false-failure rate 6.3e-5)
        double all = LLAMA_UNEXPECTED + LLAMA_PLANNED;
        JsonNode ipd = j.path("interruptionsPerDay");
        assertThat(ipd.path("total").asDouble()).isCloseTo(all / LLAMA_DAYS, offset(Z * Math.sqrt(all / trials) / LLAMA_DAYS));
        // and the printed 95 % interval has the width of a Student-t interval on that Poisson spread: the sample deviation of
        // 200 trials is within ±30 % of the true one (six of its standard errors of ~5 %; false-failure rate < 1e-8)
        double expectedHalf = new TDistribution(trials - 1).inverseCumulativeProbability(0.975) * Math.sqrt(all / trials) / LLAMA_DAYS;
        double half = (ipd.path("totalUpper95").asDouble() - ipd.path("totalLower95").asDouble()) / 2;
        assertThat(half / expectedHalf).isBetween(0.7, 1.3);
        // the fleet rates are another model (the catalog's FITs), so the flag changes the link rate
        JsonNode fleet = json(Cli.run("goodput", "--trials", "2", "--days", "1", "--format", "json"));
        assertThat(fleet.path("linkFailuresPerGpuHour").asDouble()).isNotEqualTo(j.path("linkFailuresPerGpuHour").asDouble());
    }

    @Test
    void moreTrialsShrinkTheIntervals() {
        JsonNode few = json(Cli.run("goodput", "--trials", "20", "--days", "10", "--format", "json"));
        JsonNode many = json(Cli.run("goodput", "--trials", "180", "--days", "10", "--format", "json"));
        // Student-t half-widths t_{n-1}·s/√n: for the Poisson-distributed totals the expected ratio is
        // (t_179 / t_19) · √(20/180) = 0.314; [0.15, 0.75] fails only if the 20-trial deviation is off by a factor of 2.1 or
        // 1/2.4 (chi-square with 19 degrees of freedom: chance ≈ 3e-5)
        double ratio = width(many.path("interruptionsPerDay"), "totalLower95", "totalUpper95")
                / width(few.path("interruptionsPerDay"), "totalLower95", "totalUpper95");
        assertThat(ratio).isBetween(0.15, 0.75);
        // the ETTR interval shrinks too (it would not only if the 20-trial deviation were below a third of the true one)
        assertThat(width(many.path("ettr"), "lower95", "upper95")).isLessThan(width(few.path("ettr"), "lower95", "upper95"));
        assertThat(width(many.path("lostGpuHoursPerDay"), "lower95", "upper95"))
                .isLessThan(width(few.path("lostGpuHoursPerDay"), "lower95", "upper95"));
    }

    // ---- other flags ----

    @Test
    void jobSizePlannedStopsAndSparesAreApplied() {
        // a quarter of the GPUs: a per-GPU cause at a quarter of Llama's rate (Poisson(148/4 × 10/54 × 20) over 20 trials of
        // 10 days; within Z = 4 standard errors, false-failure rate 6.3e-5)
        JsonNode quarter = json(Cli.run("goodput", "--gpus", "4096", "--trials", "20", "--days", "10", "--format", "json"));
        assertThat(quarter.path("gpus").asInt()).isEqualTo(4096);
        double perDay = LLAMA_FAULTY_GPU / LLAMA_DAYS / 4;
        assertThat(quarter.path("interruptionsPerDay").path("byCause").path("Faulty GPU").asDouble())
                .isCloseTo(perDay, offset(Z * Math.sqrt(perDay * 10 / 20) / 10));
        assertThat(quarter.path("mtbiHours").asDouble()).isGreaterThan(todayMosaic.path("mtbiHours").asDouble());

        JsonNode unplannedOnly = json(Cli.run("goodput", "--no-planned", "--trials", "20", "--days", "10", "--format", "json"));
        assertThat(unplannedOnly.path("interruptionsPerDay").path("planned").asDouble()).isZero();
        assertThat(unplannedOnly.path("interruptionsPerDay").path("byCause").path("Planned maintenance").asDouble(0)).isZero();

        // without hot spares a job waits for every repair: on the same sampled failures, ETTR falls
        JsonNode noSpares = json(Cli.run("goodput", "--no-hot-spares", "--trials", "20", "--days", "10", "--format", "json"));
        assertThat(noSpares.path("hotSpares").asBoolean()).isFalse();
        assertThat(noSpares.path("ettr").path("mean").asDouble()).isLessThan(todayMosaic.path("ettr").path("mean").asDouble());
    }

    // ---- formats ----

    @Test
    void csvHasOneRowPerPolicyWithTheJsonValues() {
        Cli csv = Cli.run("goodput", "--policy", "today,mosaic", "--trials", "20", "--days", "10", "--format", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines).hasSize(3);
        List<String> header = csvCells(lines.get(0));
        assertThat(header).contains("policy", "interruptionsPerDay.total", "interruptionsPerDay.byCause.Network links", "ettr.mean",
                "ettr.lower95", "ettr.upper95", "lostGpuHoursPerDay.mean", "checkpointIntervalSeconds");
        for (int row = 1; row <= 2; row++) {
            List<String> cells = csvCells(lines.get(row));
            assertThat(cells).hasSameSizeAs(header);
            JsonNode p = todayMosaic.path("policies").get(row - 1);
            assertThat(cells.get(header.indexOf("policy"))).isEqualTo(p.path("policy").asText());
            assertThat(Double.parseDouble(cells.get(header.indexOf("ettr.mean")))).isEqualTo(p.path("ettr").path("mean").asDouble());
            assertThat(Double.parseDouble(cells.get(header.indexOf("interruptionsPerDay.total"))))
                    .isEqualTo(p.path("interruptionsPerDay").path("total").asDouble());
        }
    }

    @Test
    void tablePrintsThePoliciesTheCausesAndTheDifference() {
        Cli t = Cli.run("goodput", "--policy", "today,mosaic", "--trials", "20", "--days", "10");
        assertThat(t.exit()).as(t.err()).isZero();
        assertThat(t.out()).contains("16,384 GPUs", "10 days", "20 trials (seed 0)", "interruptions/day", "ETTR (95 %)",
                "interruptions per campaign, by cause", "Faulty GPU", "Network links", "Planned maintenance", "mosaic vs today");
        JsonNode today = todayMosaic.path("policies").get(0);
        assertThat(t.out()).contains(String.format(java.util.Locale.ROOT, "%.2f %%", 100 * today.path("ettr").path("mean").asDouble()));
    }

    // ---- bad input ----

    @Test
    void everyBadValueIsAUsageErrorNamingTheValueWhatWasExpectedAndAHint() {
        usageError(new String[] {"goodput", "--cluster", "moon"}, "moon", "h100-16k", "nvl72-rack");
        usageError(new String[] {"goodput", "--policy", "cheapest"}, "cheapest", "today", "mosaic");
        usageError(new String[] {"goodput", "--policy", "today,cheapest"}, "cheapest", "expected one of");
        usageError(new String[] {"goodput", "--days", "0"}, "--days 0", "more than 0", "3,650");
        usageError(new String[] {"goodput", "--days", "-3"}, "--days -3", "more than 0");
        usageError(new String[] {"goodput", "--days", "NaN"}, "--days NaN", "expected");
        usageError(new String[] {"goodput", "--days", "many"}, "--days", "many");
        usageError(new String[] {"goodput", "--trials", "1"}, "--trials 1", "2 to 100,000", "at least 2");
        usageError(new String[] {"goodput", "--checkpoint-save", "-1s"}, "--checkpoint-save", "-1s", "> 0", "e.g. 10 s");
        usageError(new String[] {"goodput", "--checkpoint-save", "10"}, "--checkpoint-save", "\"10\"", "no unit", "min");
        usageError(new String[] {"goodput", "--checkpoint-save", "10 m"}, "--checkpoint-save", "length", "not a time");
        usageError(new String[] {"goodput", "--restart", "-1s"}, "--restart", "-1s", ">= 0");
        usageError(new String[] {"goodput", "--interval", "bogus"}, "--interval", "bogus", "daly", "a time such as 10 min");
        usageError(new String[] {"goodput", "--interval", "10"}, "--interval", "\"10\"", "no unit");
        usageError(new String[] {"goodput", "--interval", "0s"}, "--interval", "0s", "> 0");
        usageError(new String[] {"goodput", "--interval", "1ms"}, "0.001 s", "checkpoints per trial", "expected at most", "hint");
        usageError(new String[] {"goodput", "--link-rates", "x"}, "--link-rates x", "fleet or llama");
        usageError(new String[] {"goodput", "--seed", "abc"}, "--seed", "abc");
        usageError(new String[] {"goodput", "--plot", "/nonexistent/dir/x.png"}, "/nonexistent/dir/x.png", "does not exist", "hint");
        usageError(new String[] {"goodput", "--plot", dir.resolve("x.gif").toString()}, "x.gif", ".svg or .png");
    }

    @Test
    // was a bug (fixed): goodput --interval bogus
    void aBadIntervalNamesTheRulesToo() {
        usageError(new String[] {"goodput", "--interval", "bogus"}, "bogus", "daly", "young", "optimal");
    }

    @Test
    // was a bug (fixed): goodput --gpus 0
    void gpusOutOfRangeNamesTheFlag() {
        usageError(new String[] {"goodput", "--gpus", "0"}, "--gpus", "0", "10");
        Cli c = usageError(new String[] {"goodput", "--gpus", "100000000"}, "--gpus", "100000000");
        assertThat(c.err()).doesNotContain("2147483647", "gpus=");
    }

    // ---- plots ----

    @Test
    void plotWritesInterruptionsByCauseAndTheTimelineAtomically() throws IOException {
        Path png = dir.resolve("goodput.png");
        Cli c = Cli.run("goodput", "--policy", "today,mosaic", "--trials", "4", "--days", "5", "--plot", png.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("mosaic vs today");
        assertPng(png);
        assertPng(dir.resolve("goodput-timeline.png"));
        assertThat(listing(dir)).containsExactly("goodput-timeline.png", "goodput.png");

        Path sub = Files.createDirectory(dir.resolve("svg"));
        Path svg = sub.resolve("g.svg");
        Files.writeString(svg, "old");
        Cli bad = Cli.run("goodput", "--trials", "4", "--days", "5", "--link-rates", "x", "--plot", svg.toString());
        assertThat(bad.exit()).isEqualTo(Main.USAGE);
        assertThat(svg).hasContent("old"); // a failed run leaves the old file
        Cli ok = Cli.run("goodput", "--trials", "4", "--days", "5", "--plot", svg.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertSvg(svg);
        assertSvg(sub.resolve("g-timeline.svg"));
        assertThat(Files.readString(svg)).contains("Faulty GPU");
        assertThat(listing(sub)).containsExactly("g-timeline.svg", "g.svg");
    }

    @Test
    // was a bug (fixed): goodput --plot DIR/x.png
    void aPlotWhoseTimelineCannotBeWrittenIsRefusedBeforeAnythingIsWritten() throws IOException {
        Files.createDirectory(dir.resolve("x-timeline.png"));
        Path png = dir.resolve("x.png");
        usageError(new String[] {"goodput", "--trials", "4", "--days", "5", "--plot", png.toString()}, "x-timeline.png", "directory");
        assertThat(png).doesNotExist();
    }

    // ---- helpers ----

    private static void assertInterval(JsonNode e) {
        assertThat(e.has("mean") && e.has("lower95") && e.has("upper95")).as(e.toString()).isTrue();
        assertThat(e.path("lower95").asDouble()).as(e.toString()).isLessThanOrEqualTo(e.path("mean").asDouble());
        assertThat(e.path("upper95").asDouble()).as(e.toString()).isGreaterThanOrEqualTo(e.path("mean").asDouble());
    }

    private static double width(JsonNode n, String lower, String upper) {
        return n.path(upper).asDouble() - n.path(lower).asDouble();
    }

    private static double sum(JsonNode object) {
        double s = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            s += it.next().getValue().asDouble();
        }
        return s;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    // ---- issue 12 ----

    @Test
    void seedDefaultsToZeroAsEveryCommandAndIsPrinted_issue12() {
        JsonNode dflt = todayMosaic;
        JsonNode zero = json(Cli.run("goodput", "--policy", "today,mosaic", "--trials", "20", "--days", "10", "--seed", "0", "--format", "json"));
        assertThat(dflt.path("seed").asLong()).isZero();
        assertThat(zero).isEqualTo(dflt);
    }

    @Test
    void workThatWouldRunForDaysIsRefusedAtOnce_issue12() {
        Cli c = Cli.run("goodput", "--cluster", "cluster-100k", "--trials", "100000", "--days", "3650");
        assertThat(c.exit()).as(c.err()).isEqualTo(Main.USAGE);
        assertThat(c.err()).contains("--trials 100000", "--days 3650", "simulated events", "hint");
        assertThat(c.noStackTrace()).isTrue();
    }

    @Test
    void aPolicyNamedTwiceIsRefused_issue12() {
        usageError(new String[] {"goodput", "--policy", "today,today"}, "today", "twice");
        usageError(new String[] {"goodput", "--policy", "all,today"}, "all", "alone");
    }

    @Test
    void aCheckpointSaveAsLongAsTheCampaignIsRefused_issue13() {
        // found by GoodputFuzzTest: --checkpoint-save '1e99 s' ran and printed a campaign that never checkpoints
        usageError(new String[] {"goodput", "--checkpoint-save", "1e99 s"}, "--checkpoint-save", "1e99 s", "out of range");
        usageError(new String[] {"goodput", "--days", "1", "--checkpoint-save", "30 h"}, "--checkpoint-save", "30 h", "shorter than the campaign");
        usageError(new String[] {"goodput", "--days", "1", "--checkpoint-save", "1 d"}, "--checkpoint-save", "1 d", "hint");
    }
}
