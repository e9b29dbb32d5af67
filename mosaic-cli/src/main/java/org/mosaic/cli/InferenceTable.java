package org.mosaic.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mosaic.cluster.inference.ServingResult;
import org.mosaic.studies.Output;
import org.mosaic.studies.inference.InferenceResult;

/** The text {@code mosaic inference} prints: the model, one row per run, each run's decode breakdown, memory, note and search. */
final class InferenceTable {
    private InferenceTable() {
    }

    static String text(InferenceResult result) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %.1f B parameters (%.1f B active), KV cache %.0f kB per token%n", result.model(),
                result.parameters() / 1e9, result.activeParameters() / 1e9, result.kvCachePerTokenBytes() / 1e3));
        List<List<String>> rows = new ArrayList<>();
        boolean onSystem = result.runs().get(0).policy() == null;
        for (InferenceResult.Run run : result.runs()) {
            ServingResult r = run.serving();
            rows.add(List.of(onSystem ? run.system() : run.policy(), String.valueOf(run.scaleUpGpus()), r.plan().label(),
                    String.valueOf(r.batch()), ms(r.timeToFirstTokenSeconds()), ms(r.timePerOutputTokenSeconds()),
                    String.format(Locale.ROOT, "%,.0f", r.gpuTokensPerSecond()), String.format(Locale.ROOT, "%.1f GB",
                            (r.memory().weightBytes() + r.memory().kvCacheBytes()) / 1e9)));
        }
        sb.append(Output.table(List.of(onSystem ? "system" : "policy", ">scale-up GPUs", "plan", ">batch", ">TTFT", ">TPOT",
                ">tokens/s/GPU", ">HBM"), rows)).append('\n');
        for (InferenceResult.Run run : result.runs()) {
            ServingResult r = run.serving();
            ServingResult.Decode d = r.decode();
            sb.append(onSystem ? run.system() : run.policy()).append(String.format(Locale.ROOT,
                    ": decode %s = weights %s + attention %s + element-wise %s + logits %s + TP all-reduce %s + EP all-to-all %s + "
                            + "pipeline %s; prompt %d, output %d (context %.0f); request %.2f s%n", ms(d.totalSeconds()), ms(d.weightsSeconds()),
                    ms(d.attentionSeconds()), ms(d.elementwiseSeconds()), ms(d.logitsSeconds()), ms(d.tpAllReduceSeconds()),
                    ms(d.epAllToAllSeconds()), ms(d.pipelineSeconds()), r.promptTokens(), r.outputTokens(), r.decodeContextTokens(),
                    r.requestLatencySeconds()));
            sb.append(String.format(Locale.ROOT, "  memory: %.1f GB weights (%s) + %.1f GB KV cache (%s) of %.1f GB usable (%.0f GB HBM); "
                            + "TP %s, EP %s the scale-up domain%n", r.memory().weightBytes() / 1e9, r.weightsType(), r.memory().kvCacheBytes() / 1e9,
                    r.kvCacheType(), r.memory().usableBytes() / 1e9, r.memory().capacityBytes() / 1e9, r.tpInScaleUp() ? "inside" : "across",
                    r.epInScaleUp() ? "inside" : "across"));
            sb.append("  ").append(run.note()).append('\n');
            if (run.search() != null) {
                InferenceResult.Search s = run.search();
                sb.append(String.format(Locale.ROOT, "  search: %,d plans examined, %,d fit, %,d %s%n", s.examined(), s.fitting(),
                        s.meetingTarget(), s.latencyTargetSeconds() == null ? "ranked" : "within " + ms(s.latencyTargetSeconds())
                                + " per output token"));
                List<List<String>> ranked = new ArrayList<>();
                for (InferenceResult.Ranked p : s.ranked()) {
                    ranked.add(List.of(p.plan(), String.valueOf(p.batch()), ms(p.timeToFirstTokenSeconds()), ms(p.timePerOutputTokenSeconds()),
                            String.format(Locale.ROOT, "%,.0f", p.gpuTokensPerSecond()), String.format(Locale.ROOT, "%.1f GB", p.memoryBytes() / 1e9)));
                }
                sb.append(Output.table(List.of("plan", ">batch", ">TTFT", ">TPOT", ">tokens/s/GPU", ">HBM"), ranked)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.2f ms", seconds * 1e3);
    }
}
