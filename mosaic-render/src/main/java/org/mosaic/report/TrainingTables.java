package org.mosaic.report;

import static org.mosaic.report.TrainingSection.f;

import java.util.ArrayList;
import java.util.List;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.studies.Output;
import org.mosaic.studies.training.TrainingReport;
import org.mosaic.studies.training.TrainingReport.CampaignRow;
import org.mosaic.studies.training.TrainingReport.Interval;
import org.mosaic.studies.training.TrainingReport.PolicyPlans;
import org.mosaic.studies.training.TrainingReport.RankedStep;
import org.mosaic.studies.training.TrainingReport.StepTime;

/** The training section's tables and the sentences beside them, rendered from {@link TrainingReport}. */
final class TrainingTables {
    private final TrainingReport report;
    private final int tableRanks;

    TrainingTables(TrainingReport report, int tableRanks) {
        this.report = report;
        this.tableRanks = tableRanks;
    }

    private String daysText() {
        return f("%.0f", report.goodput().days());
    }

    private List<CampaignRow> fleet() {
        return report.goodput().fleetLinkRates();
    }

    private List<CampaignRow> scaled() {
        return report.goodput().llamaScaledLinkRates();
    }

    String scaleUp() {
        List<List<String>> rows = new ArrayList<>();
        for (TrainingReport.ScaleUp p : report.scaleUp()) {
            rows.add(List.of(p.policy(), f("%,d", p.scaleUpGpus()), p.note()));
        }
        return Html.table(List.of("policy", ">scale-up GPUs", "why the scale-up domain has this size"), rows, null);
    }

    String plans(StepTime wp) {
        List<List<String>> rows = new ArrayList<>();
        List<String> cls = new ArrayList<>();
        double today = wp.policy(Policy.TODAY).best().stepSeconds();
        for (PolicyPlans p : wp.policyList()) {
            List<RankedStep> ranked = p.ranked();
            for (int i = 0; i < Math.min(tableRanks, ranked.size()); i++) {
                RankedStep r = ranked.get(i);
                rows.add(List.of(p.policy(), Integer.toString(i + 1), r.plan(), f("%.3f s", r.stepSeconds()),
                        f("%+.1f %%", 100 * (r.stepSeconds() / today - 1)), Output.percent(r.mfu()), f("%,.0f", r.tokensPerSecond()),
                        f("%.1f GB", r.hbmBytes() / 1e9), f("%,d", p.scaleUpGpus())));
                cls.add(i == 0 ? "good" : null);
            }
        }
        return Html.table(List.of("policy", ">rank", "plan", ">step", ">vs today's best", ">MFU", ">tokens/s", ">HBM (of 80 GB)",
                ">scale-up GPUs"), rows, cls)
                + "<p class=\"note\">" + Html.esc(f("The %d fastest plans that fit, per policy (the best highlighted; the %d kept in "
                + "training-plans.csv). Plan: tensor (TP), "
                + "context (CP), pipeline (PP, v = chunks per stage, interleaved), data (DP) and expert (EP) parallel sizes, micro-batch "
                + "(mb) and recomputation; sequence parallelism with TP > 1, distributed optimizer and flash attention on. Today: %s.",
                tableRanks, report.keep(), wp.policyList().get(0).description())) + "</p>\n" + gapNotes(wp);
    }

    /** For each policy whose best plan beats the published run by 10+ MFU points: which assumed overlap makes it so. */
    private static String gapNotes(StepTime wp) {
        StringBuilder sb = new StringBuilder();
        for (PolicyPlans p : wp.policyList()) {
            if (p.publishedGap() != null) {
                sb.append("<p class=\"note\"><b>Beats the published run (").append(Html.esc(p.policy())).append(").</b> ")
                        .append(Html.esc(p.publishedGap().explanation())).append("</p>\n");
            }
        }
        return sb.toString();
    }

    String megatron() {
        List<List<String>> rows = new ArrayList<>();
        List<String> cls = new ArrayList<>();
        for (TrainingReport.MegatronRun r : report.validation().megatron()) {
            rows.add(List.of(r.model(), f("%,d", r.gpus()), r.plan(), r.seqSel() ? "seq. parallel + selective" : "full recomputation",
                    f("%.2f s", r.modelSeconds()), f("%.2f s", r.paperSeconds()), f("%+.1f %%", 100 * r.error()), Output.percent(r.mfu())));
            cls.add(Math.abs(r.error()) > 0.10 ? "bad" : null);
        }
        return "<h4>Megatron-LM on Selene (A100), Korthikanti et al. 2022 Table 5</h4>\n"
                + Html.table(List.of("model", ">GPUs", "plan", "recomputation", ">model step", ">paper step", ">error", ">model MFU"), rows, cls)
                + "<p class=\"note\">" + Html.esc(f("The shipped system document selene (mosaic presets show selene; the same "
                + "`mosaic train --system selene` runs on): %s; DP 1, no distributed optimizer, no flash attention. Rows over 10 %% "
                + "error are marked.", report.validation().seleneNote())) + "</p>\n";
    }

    String llama() {
        List<List<String>> rows = new ArrayList<>();
        List<String> cls = new ArrayList<>();
        for (TrainingReport.LlamaRun r : report.validation().llama3()) {
            rows.add(List.of(f("%,d", r.gpus()), r.plan(), f("%.2f s", r.stepSeconds()), f("%.0f", r.flopsPerGpuPerSecond() / 1e12),
                    f("%.0f", r.publishedFlopsPerGpuPerSecond() / 1e12), Output.percent(r.mfu()), Output.percent(r.publishedMfu()),
                    f("%+.1f points", 100 * r.difference())));
            cls.add(Math.abs(r.difference()) > 0.03 ? "bad" : null);
        }
        return "<h4>Llama 3 405B on H100 ([llama3-2024])</h4>\n"
                + Html.table(List.of(">GPUs", "plan", ">model step", ">model TFLOP/s per GPU", ">published", ">model MFU", ">published MFU",
                        ">difference"), rows, cls)
                + "<p class=\"note\">" + Html.esc(f("Published TP 8, PP 16, CP 1, micro-batch 1 and DP, %,d sequences of 8,192; what Meta "
                + "did not publish (interleave, recomputation) is the fastest that fits. The shipped system document llama3-h100: %s "
                + "([astra-sim], [nccl-tests-290], [aiconfigurator-477]). Issue 7's bar: within 3 points (rows beyond are marked).",
                org.mosaic.studies.training.TrainingReportStudy.LLAMA_BATCH,
                report.validation().llamaNote())) + "</p>\n";
    }

    String goodput() {
        List<List<String>> rows = new ArrayList<>();
        for (CampaignRow c : fleet()) {
            rows.add(List.of(c.policy(), ci(c.interruptions(), 1, "%.1f", ""), f("%.1f", c.linkInterruptions()),
                    f("%.2f h", c.unplannedMtbfSeconds() / 3600), f("%.0f s", c.checkpointIntervalSeconds()), ci(c.ettr(), 100, "%.2f", " %"),
                    f("%.2f %%", 100 * c.renewalEttrUnplanned()), f("%,.0f", c.lostGpuHoursPerDay().mean())));
        }
        TrainingReport.Goodput g = report.goodput();
        return Html.table(List.of("policy", ">interruptions [95 % CI]", ">links", ">MTBI", ">checkpoint every",
                ">ETTR [95 % CI]", ">analytic ETTR", ">lost GPU-h/day"), rows, null)
                + "<p class=\"note\">" + Html.esc(f("Per %s-day campaign, mean of %d trials (seed %d), the same sampled non-link failures for "
                + "every policy. MTBI: mean time between unplanned interruptions. Checkpoint save 10 s, restart 300 s (asynchronous, "
                + "[young-1974], [daly-2006], [nvidia-checkpoint-2024]), at Daly's interval for the policy's MTBI; hot spares; Llama 3's 47 planned stops per "
                + "54 days included. Analytic ETTR: the renewal formula for the unplanned failures only (no planned stops).", daysText(),
                g.trials(), g.seed())) + "</p>\n";
    }

    String beside() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < fleet().size(); i++) {
            CampaignRow r = fleet().get(i);
            CampaignRow s = scaled().get(i);
            rows.add(List.of(r.policy(), f("%.1f", r.linkInterruptions()), f("%.1f", s.linkInterruptions()), ci(r.ettr(), 100, "%.2f", " %"),
                    ci(s.ettr(), 100, "%.2f", " %")));
        }
        return "<h4>Fleet link rates and Llama-scaled link rates side by side</h4>\n"
                + Html.table(List.of("policy", ">links, fleet rates", ">links, Llama-scaled", ">ETTR, fleet rates", ">ETTR, Llama-scaled"), rows,
                null);
    }

    String differences() {
        List<List<String>> rows = new ArrayList<>();
        CampaignRow today = fleet().get(0);
        for (int i = 1; i < fleet().size(); i++) {
            CampaignRow c = fleet().get(i);
            CampaignRow s = scaled().get(i);
            rows.add(List.of(c.policy() + " − " + today.policy(), ci(c.ettrMinusFirst(), 100, "%+.3f", ""),
                    ci(s.ettrMinusFirst(), 100, "%+.3f", ""), ci(c.interruptionsMinusFirst(), 1, "%+.1f", ""),
                    ci(c.lostGpuHoursPerDayMinusFirst(), 1, "%+,.0f", "")));
        }
        return "<h4>Paired differences against today</h4>\n"
                + Html.table(List.of("policy", ">ETTR points, fleet rates", ">ETTR points, Llama-scaled", ">interruptions", ">lost GPU-h/day"),
                rows, null)
                + "<p class=\"note\">Means with 95 % intervals. Each trial of a policy is paired with the same trial of today (common random "
                + "numbers: the non-link failures are the same events), so these intervals are much narrower than the difference of "
                + "the two intervals above. Interruptions per campaign and lost GPU-hours with the fleet rates.</p>\n";
    }

    /** A mean and its 95 % interval, scaled and formatted: "91.28 [91.24, 91.32] %". */
    private static String ci(Interval e, double scale, String numberFormat, String unit) {
        return f(numberFormat, e.mean() * scale) + " [" + f(numberFormat, e.lower95() * scale) + ", " + f(numberFormat, e.upper95() * scale) + "]"
                + unit;
    }

    /** The published campaign against its interruptions and ETTR. */
    String llamaReproduction() {
        TrainingReport.Goodput g = report.goodput();
        TrainingReport.Llama3Reproduction r = g.llama3Reproduction();
        Interval u = r.unexpectedInterruptions();
        return f("Llama 3 reproduced: its own failure table on %,d GPUs for %.0f days (%d trials, seed %d) gives %.1f [%.1f, %.1f] "
                        + "unexpected interruptions against the %d published (the 95 %% interval %s it), plus %.1f planned against %d; "
                        + "ETTR %.2f %% [%.2f, %.2f] against the published \"more than %.0f %%\" (%s). The asynchronous checkpoint numbers "
                        + "were chosen with that figure in mind, so this is a consistency check, not an independent validation.",
                r.observedGpus(), r.observedDays(), g.trials(), g.seed(), u.mean(), u.lower95(), u.upper95(),
                r.publishedUnexpectedInterruptions(), r.publishedInsideInterval() ? "holds" : "misses", r.plannedInterruptions().mean(),
                r.publishedPlannedInterruptions(), 100 * r.ettr().mean(), 100 * r.ettr().lower95(), 100 * r.ettr().upper95(),
                100 * r.publishedEttrAtLeast(), r.ettr().lower95() > r.publishedEttrAtLeast() ? "consistent" : "NOT consistent");
    }

    String calibrationNote() {
        TrainingReport.Goodput g = report.goodput();
        double k = g.linkCalibration();
        double residual = g.residualSwitchRatePerGpuHour();
        return f("Link rates: the fleet's FIT-based rates give today %.2f× the switch/cable interruptions Llama 3 observed (%.1f against "
                        + "%d per %s days: the catalog's FITs are pessimistic, or Meta's links better than the catalog's), so the "
                        + "Llama-scaled columns multiply every policy's link rate by %.3f (TrainingModel.linkCalibration()). With them "
                        + "all of Llama's switch/cable interruptions are charged to links, the part a link technology changes; %s",
                1 / k, fleet().get(0).linkInterruptions(), g.llamaSwitchCableCount(), daysText(), k,
                residual == 0 ? "with the fleet rates the switches' residual is zero as well."
                        : f("with the fleet rates the switches keep a residual of %.3g per GPU-hour.", residual));
    }
}
