package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code mosaic inference} (issue 16): the published TTFT through the CLI, a search under a latency target, and refusals (exit 2). */
class InferenceCommandTest {

    /** [trtllm-perf-v05]: Llama 2 70B, TP 4, A100, batch 1, 2,048-token prompt, 377 ms to the first token; 15 % as in ServingModelTest. */
    @Test
    void serveOnSeleneReproducesTensorRtLlmTimeToFirstToken() {
        Cli c = Cli.run("inference", "--system", "selene", "--gpus", "8", "--model", "../docs/examples/llama2-70b.yaml", "--tp", "4", "--batch", "1",
                "--prompt", "2048", "--output", "1", "--format", "json");
        assertThat(c.exit()).as(c.err()).isZero();
        JsonNode run = TrainCommandTest.json(c).get("runs").get(0);
        assertThat(run.get("system").asText()).isEqualTo("selene");
        assertThat(run.get("serving").get("timeToFirstTokenSeconds").asDouble()).isBetween(0.377 * 0.85, 0.377 * 1.15);
        assertThat(run.get("serving").get("plan").get("tp").asInt()).isEqualTo(4);
    }

    @Test
    void searchUnderALatencyTargetListsOnlyPlansWithinIt() {
        Cli c = Cli.run("inference", "--system", "llama3-h100", "--gpus", "64", "--model", "llama3-405b", "--search", "--latency-target", "40ms",
                "--top", "3", "--format", "json");
        assertThat(c.exit()).as(c.err()).isZero();
        JsonNode search = TrainCommandTest.json(c).get("runs").get(0).get("search");
        assertThat(search.get("latencyTargetSeconds").asDouble()).isEqualTo(0.04);
        assertThat(search.get("ranked")).hasSizeBetween(1, 3);
        search.get("ranked").forEach(p -> assertThat(p.get("timePerOutputTokenSeconds").asDouble()).isLessThanOrEqualTo(0.04));
        Cli table = Cli.run("inference", "--system", "llama3-h100", "--gpus", "64", "--search", "--latency-target", "40ms", "--top", "3");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("TPOT", "search:", "KV cache 516 kB per token");
        Cli csv = Cli.run("inference", "--system", "llama3-h100", "--gpus", "16", "--tp", "8", "--pp", "2", "--batch", "2", "--format", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out().lines().findFirst().orElseThrow()).contains("serving.timePerOutputTokenSeconds");
    }

    @Test
    void fp8WeightsAndKvCacheAreTakenAndShown() {
        Cli c = Cli.run("inference", "--system", "llama3-h100", "--gpus", "8", "--model", "../docs/examples/llama2-70b.yaml", "--tp", "4",
                "--batch", "64", "--prompt", "128", "--output", "2048", "--weights-type", "fp8", "--kv-cache-type", "fp8");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("weights (fp8)", "KV cache (fp8)", "KV cache 164 kB per token");
    }

    @Test
    void everyPolicyOfTheClusterIsServed() {
        Cli c = Cli.run("inference", "--cluster", "nvl72-rack", "--policy", "today,mosaic", "--model", "mixtral-8x7b", "--tp", "1", "--ep", "8",
                "--batch", "64", "--format", "json");
        assertThat(c.exit()).as(c.err()).isZero();
        JsonNode runs = TrainCommandTest.json(c).get("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("policy").asText()).isEqualTo("today");
        assertThat(runs.get(1).get("policy").asText()).isEqualTo("mosaic");
    }

    @Test
    void impossiblePlansAreRefusedWithExitTwoAndAHint() {
        for (String[] args : new String[][] {
                {"inference", "--system", "llama3-h100", "--gpus", "8", "--tp", "3"},
                {"inference", "--system", "llama3-h100", "--gpus", "8", "--tp", "8", "--batch", "1"},
                {"inference", "--system", "llama3-h100", "--policy", "mosaic"},
                {"inference", "--system", "llama3-h100", "--gpus", "8", "--search", "--latency-target", "fast"},
                {"inference", "--system", "llama3-h100", "--gpus", "16", "--tp", "8", "--pp", "2", "--batch", "3"},
                {"inference", "--system", "llama3-h100", "--gpus", "16", "--model", "llama3-405b", "--ep", "2"},
                {"inference", "--system", "llama3-h100", "--gpus", "16", "--search", "--latency-target", "0.1ms"},
                {"inference", "--system", "llama3-h100", "--gpus", "16", "--prompt", "0"},
                {"inference", "--system", "llama3-h100", "--gpus", "16", "--weights-type", "fp32"},
                {"inference", "--system", "llama3-h100", "--gpus", "16", "--kv-cache-type", "int4"},
                {"inference", "--system", "selene", "--gpus", "8", "--tp", "8", "--weights-type", "fp8"}}) {
            Cli c = Cli.run(args);
            assertThat(c.exit()).as(String.join(" ", args) + "\n" + c.out() + c.err()).isEqualTo(2);
            assertThat(c.noStackTrace()).as(c.err()).isTrue();
            assertThat(c.err()).as(String.join(" ", args)).containsAnyOf("hint", "expected");
        }
    }
}
