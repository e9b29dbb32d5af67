package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mosaic.cli.TrainCommandTest.json;
import static org.mosaic.cli.TrainCommandTest.usageError;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@code inference --set} and {@code --technology} through the options train and goodput share ({@link JobOptions}, issue 16):
 * each edit reaches the study, each key of a document the command does not use is refused.
 */
class InferenceJobOptionsTest {

    private static JsonNode serving(String... more) {
        String[] base = {"inference", "--system", "llama3-h100", "--gpus", "16", "--tp", "8", "--pp", "2", "--batch", "2", "--format", "json"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return json(Cli.run(args)).get("runs").get(0).get("serving");
    }

    @Test
    void setEditsTheModelTheGpuAndTheSystem() {
        JsonNode base = serving();
        // half the layers: decode reads half the weights
        JsonNode half = serving("--set", "model.layers=63");
        assertThat(half.get("timePerOutputTokenSeconds").asDouble()).isLessThan(0.6 * base.get("timePerOutputTokenSeconds").asDouble());
        // twice the HBM bandwidth: the bandwidth-bound decode is faster
        JsonNode hbm = serving("--set", "gpu.hbm.bandwidth=6700GB/s");
        assertThat(hbm.get("timePerOutputTokenSeconds").asDouble()).isLessThan(0.8 * base.get("timePerOutputTokenSeconds").asDouble());
        // a slower NVLink: the TP all-reduces take longer
        JsonNode slow = serving("--set", "system.scaleUp.bandwidth=45GB/s");
        assertThat(slow.get("timePerOutputTokenSeconds").asDouble()).isGreaterThan(base.get("timePerOutputTokenSeconds").asDouble());
    }

    @Test
    void technologyReachesThePolicyAndKeysOfUnusedDocumentsAreRefused() {
        Cli c = Cli.run("inference", "--cluster", "h100-16k", "--policy", "today", "--gpus", "16", "--tp", "8", "--pp", "2", "--batch", "2",
                "--technology", "avicena-like", "--rule", "gpu-leaf=avicena-like");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("avicena-like");
        usageError(new String[] {"inference", "--system", "llama3-h100", "--gpus", "16", "--set", "campaign.days=3"}, "campaign");
        usageError(new String[] {"inference", "--gpus", "16", "--set", "system.scaleUp.efficiency=0.5"}, "no --system");
        usageError(new String[] {"inference", "--system", "llama3-h100", "--gpus", "16", "--set", "fabric.radix=64"}, "replaces the cluster");
        usageError(new String[] {"inference", "--system", "llama3-h100", "--gpus", "16", "--technology", "avicena-like"}, "--technology");
    }
}
