package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mosaic.cli.TrainCommandTest.json;
import static org.mosaic.cli.TrainCommandTest.usageError;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.cluster.training.DataType;
import org.mosaic.cluster.training.Models;
import org.mosaic.cluster.training.Offload;
import org.mosaic.cluster.training.ParallelPlan;
import org.mosaic.cluster.training.PublishedRuns;
import org.mosaic.cluster.training.Recompute;
import org.mosaic.cluster.training.StepModel;
import org.mosaic.cluster.training.TpOverlap;

/**
 * {@code train --offload, --[no-]offload-overlap} and {@code train --search --all --out FILE.csv} (issue 16): offload reaches
 * the step model, a search with --offload auto finds the plans that fit only with offload, every examined plan is written, and
 * what cannot be honoured is refused.
 */
class TrainOffloadCommandTest {

    @Test
    void aFixedPlansOffloadReachesTheStepModelAndTheJsonShowsIt() {
        JsonNode j = json(Cli.run("train", "--system", "selene", "--model", "gpt3-175b", "--gpus", "64", "--global-batch", "64",
                "--tp", "8", "--pp", "8", "--recompute", "full", "--offload", "weights", "--no-offload-overlap", "--format", "json"));
        ParallelPlan plan = new ParallelPlan(8, 8, 1, 1, 1, 1, 64, 1, Recompute.FULL, true, true, true, TpOverlap.BACKWARD, true,
                DataType.BF16, new Offload(true, false, false, false));
        double direct = StepModel.evaluate(Models.preset("gpt3-175b"), plan, PublishedRuns.selene(64)).stepSeconds();
        assertThat(j.get("stepSeconds").asDouble()).isCloseTo(direct, within(direct * 1e-12));
        assertThat(j.get("plan").get("offload").asText()).isEqualTo("weights,serial");
        assertThat(j.get("breakdown").get("offload").asDouble()).isPositive();
        assertThat(j.get("memory").get("hostBytes").asDouble()).isPositive();
        // without offload the plan JSON has no offload key and the memory no host keys (the golden outputs stay as they were)
        JsonNode none = json(Cli.run("train", "--system", "selene", "--model", "gpt3-175b", "--gpus", "64", "--global-batch", "64",
                "--tp", "8", "--pp", "8", "--recompute", "full", "--format", "json"));
        assertThat(none.get("plan").has("offload")).isFalse();
        assertThat(none.get("memory").has("hostBytes")).isFalse();
        assertThat(none.get("breakdown").has("offload")).isFalse();
    }

    @Test
    void searchWithOffloadAutoFindsPlansThatFitOnlyWithOffload() {
        String[] base = {"train", "--system", "selene", "--model", "gpt3-175b", "--gpus", "8", "--global-batch", "8", "--search"};
        usageError(base, "no plan for gpt3-175b fits", "--offload auto");
        Cli c = Cli.run(concat(base, "--offload", "auto", "--top", "2"));
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("offload optimizer").contains("in the second memory tier");
    }

    @Test
    void allWritesEveryExaminedPlanToTheCsv(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("plans.csv");
        Cli c = Cli.run("train", "--system", "selene", "--model", "gpt3-175b", "--gpus", "64", "--global-batch", "64", "--search",
                "--all", "--out", csv.toString(), "--format", "json");
        JsonNode j = json(c);
        List<String> lines = Files.readAllLines(csv);
        String header = lines.get(0);
        assertThat(header).contains("outcome", "planLabel", "plan.tp", "stepSeconds", "breakdown.compute", "memory.totalBytes");
        int evaluated = j.get("search").get("evaluated").asInt();
        int rejected = j.get("search").get("rejectedForMemory").asInt();
        long fits = lines.stream().skip(1).filter(l -> l.startsWith("fits,")).count();
        long memory = lines.stream().skip(1).filter(l -> l.startsWith("memory,")).count();
        assertThat(memory).isEqualTo(rejected);
        // every fitting shape is timed at least once (both TP overlaps where neither dominates), none bounded out
        assertThat(fits).isGreaterThanOrEqualTo(evaluated - rejected);
        assertThat(j.get("search").get("prunedByBound").asInt()).isZero();
        // the ranking is the same as without --all
        JsonNode plain = json(Cli.run("train", "--system", "selene", "--model", "gpt3-175b", "--gpus", "64", "--global-batch", "64",
                "--search", "--format", "json"));
        assertThat(j.get("planLabel").asText()).isEqualTo(plain.get("planLabel").asText());
        assertThat(j.get("stepSeconds").asDouble()).isEqualTo(plain.get("stepSeconds").asDouble());
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("no temporary file left").containsExactly(csv);
        }
    }

    @Test
    void whatCannotBeHonouredIsRefused() {
        String[] fixed = {"train", "--system", "selene", "--model", "gpt3-175b", "--gpus", "64", "--tp", "8", "--pp", "8"};
        usageError(concat(fixed, "--offload", "auto"), "--offload auto", "fixed plan", "hint");
        usageError(concat(fixed, "--offload", "weight"), "--offload weight", "'weight'", "weights");
        usageError(concat(fixed, "--no-offload-overlap"), "without --offload");
        usageError(new String[] {"train", "--system", "selene", "--model", "gpt3-175b", "--gpus", "64", "--tp", "1", "--pp", "64",
                "--offload", "weights"}, "at least 3 layers per stage");
        usageError(new String[] {"train", "--system", "selene", "--model", "gpt3-175b", "--gpus", "64", "--search", "--all"},
                "--all without --out");
        usageError(new String[] {"train", "--system", "selene", "--model", "gpt3-175b", "--gpus", "64", "--tp", "8", "--all", "--out",
                "x.csv"}, "--all with a fixed plan");
        usageError(new String[] {"train", "--system", "selene", "--model", "gpt3-175b", "--gpus", "64", "--search", "--out", "x.csv"},
                "without --all");
        usageError(new String[] {"train", "--system", "selene", "--model", "gpt3-175b", "--gpus", "64", "--search", "--all", "--out",
                "x.txt"}, "--out");
    }

    private static String[] concat(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }
}
