package org.mosaic.report;

import static org.mosaic.report.TrainingSection.f;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.StepResult;
import org.mosaic.studies.training.TrainingReport;
import org.mosaic.studies.training.TrainingReport.CampaignRow;
import org.mosaic.studies.training.TrainingReport.PolicyPlans;
import org.mosaic.studies.training.TrainingReport.StepTime;

/** The training section's charts and their captions, drawn from {@link TrainingReport}. */
final class TrainingFigures {
    static final int WIDTH = 1000;

    private final TrainingReport report;
    private final double timelineHours;

    TrainingFigures(TrainingReport report, double timelineHours) {
        this.report = report;
        this.timelineHours = timelineHours;
    }

    private String daysText() {
        return f("%.0f", report.goodput().days());
    }

    private String first() {
        return report.scaleUp().get(0).policy();
    }

    private List<CampaignRow> fleet() {
        return report.goodput().fleetLinkRates();
    }

    /** The breakdown chart of one workload: the best plan of each policy. */
    JFreeChart breakdownChart(StepTime wp) {
        List<String> labels = new ArrayList<>();
        List<StepResult> results = new ArrayList<>();
        for (PolicyPlans p : wp.policyList()) {
            labels.add(p.policy() + ": " + p.best().plan().label());
            results.add(p.best());
        }
        return TrainingCharts.breakdown(labels, results, f("%s on %s (%s), %,d sequences per step: the best plan per policy", wp.model(),
                report.cluster(), GpuSpec.H100_SXM.name(), wp.globalBatch()));
    }

    JFreeChart timelineChart() {
        StepResult timeline = report.pipeline().timeline();
        return TrainingCharts.timeline(timeline, f("%s, %s under %s: one step's pipeline (one data-parallel replica)", timeline.model(),
                timeline.plan().label(), first()));
    }

    JFreeChart causesChart() {
        return GoodputCharts.byCause(fleet().stream().map(CampaignRow::campaign).toList(), f("Interruptions by cause: %,d GPUs, %s days, %d "
                + "trials per policy", fleet().get(0).gpus(), daysText(), report.goodput().trials()));
    }

    JFreeChart campaignChart() {
        CampaignRow c = fleet().get(0);
        return GoodputCharts.timeline(c.campaign(), timelineHours, f("%s: one sampled campaign (trial 0), the first %.0f hours", c.policy(),
                timelineHours));
    }

    /** Every chart of the section. */
    List<ChannelSection.Figure> all() {
        List<ChannelSection.Figure> out = new ArrayList<>();
        for (StepTime wp : report.plans()) {
            out.add(new ChannelSection.Figure(wp.model() + "-breakdown", breakdownChart(wp), WIDTH, 150 + 60 * report.scaleUp().size(),
                    breakdownCaption(wp)));
        }
        out.add(new ChannelSection.Figure("pipeline", timelineChart(), WIDTH, 170 + 22 * report.pipeline().timeline().pipeline().stages(),
                timelineCaption()));
        out.add(new ChannelSection.Figure("causes", causesChart(), WIDTH, 720, causesCaption()));
        out.add(new ChannelSection.Figure("campaign", campaignChart(), WIDTH, 460, campaignCaption()));
        return out;
    }

    private String breakdownCaption(StepTime wp) {
        PolicyPlans r = wp.policyList().get(0);
        return f("Seconds per optimizer step of %s, split by what the busiest pipeline stage does (compute, recomputation, exposed "
                + "tensor-, context- and expert-parallel communication, pipeline transfers), the rest of the pipeline's makespan "
                + "(bubble), the exposed data-parallel reduction and the optimizer update; the sum is the step. Each bar is the "
                + "fastest plan that fits in HBM under the policy (%s).", wp.model(),
                f("%,d plan shapes considered per policy, %,d of them too large for 80 GB", r.evaluated(), r.rejectedMemory()));
    }

    private String timelineCaption() {
        TrainingReport.Pipeline p = report.pipeline();
        StepResult timeline = p.timeline();
        return f("Forward (light) and backward (dark, including recomputation) passes of the micro-batches through the model "
                + "chunks of each stage; passes of one kind that follow each other without a gap are drawn as one bar; white gaps are "
                + "the stage idle. %d stages × %d micro-batches × %d chunk(s) per stage: %,d passes. The pipeline's makespan is %.3f s, of which the busiest stage idles %.3f s (%.1f %%, the bubble).",
                timeline.plan().pp(), timeline.plan().microBatches(), timeline.plan().interleave(), p.ops(), p.makespanSeconds(),
                p.bubbleSeconds(), 100 * p.bubbleFraction());
    }

    private String causesCaption() {
        double switches = report.goodput().residualSwitchRatePerGpuHour();
        return f("Mean interruptions per %s-day campaign of a job on the whole %s cluster, by cause, for each policy (the legend gives "
                + "its ETTR). Every cause but the links is Llama 3's observed rate per GPU-hour; the links are the policy's "
                + "technologies at the fleet model's FIT rates; the switches are Llama's switch/cable rate minus our today link "
                + "rate%s.", daysText(), report.cluster(), switches == 0 ? ", here zero (not drawn) because our link rate alone exceeds it"
                : f(" (%.3g per GPU-hour)", switches));
    }

    private String campaignCaption() {
        var c = fleet().get(0).campaign();
        return f("Trial 0 of %s: top, what the job did (computing, detecting a failure, %srestarting, redoing work lost since the "
                + "last checkpoint) and the failures by category; bottom, the work kept against the ideal. Checkpoints every %.0f s "
                + "(Daly's interval for this policy's failure rate) are inside \"computing\".", c.policy(),
                c.spec().hotSpares() ? "" : "waiting for a part, ", c.spec().checkpoint().intervalSeconds());
    }
}
