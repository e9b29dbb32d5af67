package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.cluster.training.ParallelPlan;
import org.mosaic.cluster.training.PublishedRuns;
import org.mosaic.core.scenario.Documents;

/**
 * {@code mosaic train --system FILE|NAME} and {@code --gpu FILE|NAME} (issue 13): Megatron's Table 5 through the CLI on the
 * shipped selene document with the error of the internal validation, presets written to files give the same output as
 * their names, and bad documents are refused (exit 2) naming the key and the closest known one.
 */
class TrainSystemCommandTest {
    @TempDir
    Path dir;

    /** The CLI arguments of one Table 5 run on selene: the plan of {@link PublishedRuns.Megatron#plan}, spelled as options. */
    static List<String> tableFiveArgs(PublishedRuns.Megatron run, boolean seqSel) {
        ParallelPlan p = run.plan(seqSel);
        return new ArrayList<>(List.of("train", "--system", "selene", "--model", run.model().name(), "--gpus", String.valueOf(run.gpus()),
                "--tp", String.valueOf(p.tp()), "--pp", String.valueOf(p.pp()), "--dp", String.valueOf(p.dp()), "--micro-batch",
                String.valueOf(p.microBatch()), "--global-batch", String.valueOf(p.globalBatch()), "--interleave",
                String.valueOf(p.interleave()), "--recompute", p.recompute().word(), p.sequenceParallel() ? "--seq-parallel" : "--no-seq-parallel",
                "--no-distributed-optimizer", "--no-flash-attention", "--format", "json"));
    }

    /** The issue's bar: the four runs, both recompute modes, mean |error| ≤ 5 %, none above 12 %, the same as the internal validation. */
    @Test
    void trainOnSeleneReproducesTableFiveThroughTheCli_issue13() {
        List<Double> errors = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (PublishedRuns.Megatron run : PublishedRuns.MEGATRON) {
            for (boolean seqSel : new boolean[] {false, true}) {
                JsonNode j = TrainCommandTest.json(Cli.run(tableFiveArgs(run, seqSel).toArray(String[]::new)));
                double step = j.get("stepSeconds").asDouble();
                assertThat(step).as("the CLI on the selene document = the internal validation, %s", run.model().name())
                        .isEqualTo(run.evaluate(seqSel).stepSeconds());
                assertThat(j.get("system").asText()).isEqualTo("selene");
                assertThat(j.get("scaleUpGpus").asInt()).isEqualTo(8);
                double err = step / run.paperSeconds(seqSel) - 1;
                errors.add(Math.abs(err));
                report.append(String.format(Locale.ROOT, "%s %s: %.2f s vs %.2f s (%+.1f %%)%n", run.model().name(), seqSel ? "seq+sel" : "full",
                        step, run.paperSeconds(seqSel), 100 * err));
            }
        }
        assertThat(errors).as(report.toString()).hasSize(8).allSatisfy(e -> assertThat(e).isLessThanOrEqualTo(0.12));
        assertThat(errors.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).as(report.toString()).isLessThanOrEqualTo(0.05);
    }

    private Path write(Documents.Kind kind, String name) throws IOException {
        Path f = dir.resolve(name + "-copy.yaml");
        Files.writeString(f, Documents.preset(kind, name).toYaml());
        return f;
    }

    private static String run(String... args) {
        Cli c = Cli.run(args);
        assertThat(c.exit()).as(c.err()).isZero();
        return c.out();
    }

    @Test
    void aSystemFileGivesTheSameAnswerAsItsPreset_issue13() throws IOException {
        List<String> selene = tableFiveArgs(PublishedRuns.MEGATRON.get(1), true);
        String byName = run(selene.toArray(String[]::new));
        selene.set(2, write(Documents.Kind.SYSTEM, "selene").toString());
        assertThat(run(selene.toArray(String[]::new))).isEqualTo(byName);
        String[] llama = {"train", "--system", "llama3-h100", "--model", "llama3-405b", "--gpus", "1024", "--tp", "8", "--pp", "16",
            "--dp", "8", "--global-batch", "128", "--interleave", "2", "--recompute", "full"};
        String llamaByName = run(llama);
        assertThat(llamaByName).contains("llama3-h100").contains("h100-sxm × 8 per node");
        llama[2] = write(Documents.Kind.SYSTEM, "llama3-h100").toString();
        assertThat(run(llama)).isEqualTo(llamaByName);
    }

    @Test
    void aGpuFileGivesTheSameAnswerAsItsPreset_issue13() throws IOException {
        for (String gpu : List.of("a100-80g", "h100-sxm", "b200")) {
            String[] args = {"train", "--system", "selene", "--gpu", gpu, "--model", "megatron-22b", "--gpus", "8", "--tp", "8",
                "--micro-batch", "4", "--global-batch", "4", "--format", "json"};
            String byName = run(args);
            args[4] = write(Documents.Kind.GPU, gpu).toString();
            assertThat(run(args)).as(gpu).isEqualTo(byName);
        }
        // and on a cluster under a policy, where --gpu replaces the cluster's GPU
        String[] cluster = {"train", "--cluster", "nvl72-rack", "--gpu", "h100-sxm", "--model", "megatron-22b", "--gpus", "8", "--tp", "8",
            "--micro-batch", "4", "--global-batch", "4"};
        String byName = run(cluster);
        cluster[4] = write(Documents.Kind.GPU, "h100-sxm").toString();
        assertThat(run(cluster)).isEqualTo(byName);
    }

    /** --gpu with --system puts that GPU in the system: honoured (a faster GPU gives a shorter step), said in the note. */
    @Test
    void aGpuGivenWithASystemReplacesItsGpu_issue13() {
        List<String> a100 = tableFiveArgs(PublishedRuns.MEGATRON.get(0), true);
        List<String> h100 = new ArrayList<>(a100);
        h100.addAll(List.of("--gpu", "h100-sxm"));
        double slow = TrainCommandTest.json(Cli.run(a100.toArray(String[]::new))).get("stepSeconds").asDouble();
        JsonNode fast = TrainCommandTest.json(Cli.run(h100.toArray(String[]::new)));
        assertThat(fast.get("stepSeconds").asDouble()).isLessThan(slow * 0.7);
        assertThat(fast.get("scaleUpNote").asText()).contains("h100-sxm").contains("--gpu");
    }

    /** Unknown keys at the top level and at any depth, inline GPU included, exit 2 naming the key and the closest one. */
    @Test
    void unknownKeysInAGpuOrSystemFileExitTwoNamingTheClosestKey_issue13() throws IOException {
        String sel = Documents.preset(Documents.Kind.SYSTEM, "selene").toYaml();
        Path top = dir.resolve("top.yaml");
        Files.writeString(top, sel.replace("gpusPerNode:", "gpusPerNod:"));
        refused(new String[] {"train", "--system", top.toString(), "--gpus", "8"}, "gpusPerNod", "did you mean gpusPerNode");
        Path deep = dir.resolve("deep.yaml");
        Files.writeString(deep, sel.replace("latency: \"3.4 us\"", "latncy: \"3.4 us\""));
        refused(new String[] {"train", "--system", deep.toString(), "--gpus", "8"}, "scaleUp.latncy", "did you mean scaleUp.latency");
        String gpu = Documents.preset(Documents.Kind.GPU, "a100-80g").toYaml().replace("---\n", "").replaceAll("(?m)^", "  ");
        Path inline = dir.resolve("inline.yaml");
        Files.writeString(inline, sel.replace("gpu: \"a100-80g\"", "gpu:\n" + gpu.replace("capacity:", "capasity:")));
        refused(new String[] {"train", "--system", inline.toString(), "--gpus", "8"}, "gpu.hbm.capasity", "did you mean gpu.hbm.capacity");
        Path g = dir.resolve("gpu.yaml");
        Files.writeString(g, Documents.preset(Documents.Kind.GPU, "h100-sxm").toYaml().replace("peak:", "peek:"));
        refused(new String[] {"train", "--gpu", g.toString(), "--cluster", "nvl72-rack"}, "--gpu", "peek", "did you mean peak");
        Path wrongKind = write(Documents.Kind.SYSTEM, "selene");
        refused(new String[] {"train", "--gpu", wrongKind.toString()}, "--gpu", "kind system", "gpu document");
    }

    /** --system replaces the cluster-and-policy placement: with --cluster or --policy it means nothing, and is refused. */
    @Test
    void aSystemWithAClusterOrPolicyIsRefused_issue13() {
        refused(new String[] {"train", "--system", "selene", "--gpus", "8", "--cluster", "h100-16k"}, "--system", "--cluster");
        refused(new String[] {"train", "--system", "llama3-h100", "--policy", "mosaic"}, "--system", "--policy");
        refused(new String[] {"train", "--system", "selene", "--model", "megatron-22b"}, "--gpus", "selene");
        refused(new String[] {"train", "--system", "llama3-h100", "--gpus", "20000"}, "--gpus", "16,384");
        refused(new String[] {"train", "--system", "selen"}, "--system", "did you mean selene");
        assertThat(Cli.run("train", "--help").out()).contains("--system").contains("Not with --cluster or --policy");
    }

    private static void refused(String[] args, String... fragments) {
        Cli c = Cli.run(args);
        assertThat(c.exit()).as(c.out() + c.err()).isEqualTo(2);
        assertThat(c.err()).contains(fragments);
        assertThat(c.noStackTrace()).as(c.err()).isTrue();
    }
}
