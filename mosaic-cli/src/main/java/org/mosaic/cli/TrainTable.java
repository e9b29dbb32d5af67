package org.mosaic.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mosaic.studies.Output;
import org.mosaic.studies.training.TrainResult;
import org.mosaic.studies.training.TrainRun;

/** The text {@code mosaic train} prints: the model, one row per run, each run's breakdown, note and plan search. */
final class TrainTable {
    private TrainTable() {
    }

    static String text(TrainResult result) {
        TrainResult.ModelFacts m = result.modelFacts();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %.1f B parameters (%.1f B active), %.3g FLOPs per token, sequence %d%n", m.name(),
                m.parameters() / 1e9, m.activeParameters() / 1e9, m.flopsPerToken(), m.sequenceLength()));
        List<List<String>> rows = new ArrayList<>();
        for (TrainResult.PolicyRun pr : result.runs()) {
            TrainRun r = pr.run();
            rows.add(List.of(r.label(), String.valueOf(r.scaleUpGpus()), r.planLabel(),
                    String.format(Locale.ROOT, "%.3f s", r.stepSeconds()), Output.percent(r.mfu()),
                    String.format(Locale.ROOT, "%,.0f", r.tokensPerSecond()), String.format(Locale.ROOT, "%.1f GB", r.memory().totalBytes() / 1e9)));
        }
        sb.append(Output.table(List.of(result.first().policy() == null ? "system" : "policy", ">scale-up GPUs", "plan", ">step", ">MFU",
                ">tokens/s", ">HBM"), rows)).append('\n');
        for (TrainResult.PolicyRun pr : result.runs()) {
            TrainRun r = pr.run();
            StringBuilder b = new StringBuilder();
            r.breakdown().forEach((k, v) -> {
                if (v > 0) {
                    b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(String.format(Locale.ROOT, "%.3f s", v));
                }
            });
            sb.append(r.label()).append(": ").append(b).append('\n');
            TrainRun.Plan p = r.plan();
            sb.append("  plan options: ").append(p.tp() > 1 ? "TP overlap " + p.tpOverlap() : "no TP (no TP overlap)").append(", DP overlap ")
                    .append(p.dpOverlap() ? "on" : "off").append(", multiplies in ").append(p.matmulType()).append('\n');
            if (p.offload() != null) {
                sb.append(String.format(Locale.ROOT, "  offload %s: %.1f GB in the second memory tier (of %.1f GB), %.3f s of its transfers "
                        + "exposed%n", p.offload(), r.memory().footprint().hostBytes() / 1e9, r.memory().footprint().hostCapacityBytes() / 1e9,
                        r.breakdown().getOrDefault("offload", 0.0)));
            }
            sb.append("  ").append(r.scaleUpNote()).append('\n');
            if (r.publishedGap() != null) {
                sb.append("  beats the published run: ").append(r.publishedGap().explanation()).append('\n');
            }
            if (pr.search() != null) {
                sb.append("  ").append(pr.search().description()).append('\n');
                sb.append("  ").append(pr.search().bestPlanTpOverlap().explanation()).append('\n');
                int i = 1;
                for (TrainResult.RankedPlan x : pr.search().ranked()) {
                    sb.append(String.format(Locale.ROOT, "  %d. %-40s %.3f s  MFU %s  HBM %.1f GB%n", i++, x.plan(), x.stepSeconds(),
                            Output.percent(x.mfu()), x.memoryBytes() / 1e9));
                }
            }
        }
        return sb.toString();
    }
}
