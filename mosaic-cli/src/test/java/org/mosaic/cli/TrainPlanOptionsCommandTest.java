package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mosaic.cli.TrainCommandTest.json;
import static org.mosaic.cli.TrainCommandTest.usageError;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.training.DataType;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.Models;
import org.mosaic.cluster.training.ParallelPlan;
import org.mosaic.cluster.training.PublishedRuns;
import org.mosaic.cluster.training.Recompute;
import org.mosaic.cluster.training.StepModel;
import org.mosaic.cluster.training.TpOverlap;
import org.mosaic.cluster.training.TrainingSystem;

/**
 * {@code train --tp-overlap, --[no-]dp-overlap, --matmul-type, --search-overlap} (issue 16): each option reaches the step
 * model (the printed step is the step model's for the plan built directly), the table and the JSON show them, a search keeps
 * them fixed and says which TP overlap its best plan relies on, and what cannot be honoured is refused. GPT-3 175B on 64 GPUs
 * of Selene at a batch of 64 keeps every run small.
 */
class TrainPlanOptionsCommandTest {
    private static final ModelSpec GPT3 = Models.preset("gpt3-175b");
    private static final TrainingSystem SELENE = PublishedRuns.SELENE.system(64);

    /** train on 64 GPUs of selene, GPT-3, batch 64, then {@code more}. */
    private static String[] selene(String... more) {
        List<String> a = new ArrayList<>(List.of("train", "--system", "selene", "--model", "gpt3-175b", "--gpus", "64", "--global-batch", "64"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** TP8 PP4 DP2 with full recomputation: TP collectives and a DP reduction to overlap, fits on 80 GB. */
    private static String[] tp8pp4(String... more) {
        List<String> a = new ArrayList<>(List.of(selene("--tp", "8", "--pp", "4", "--recompute", "full", "--format", "json")));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static ParallelPlan tp8pp4Plan(TpOverlap tpo, boolean dpo, DataType type) {
        return new ParallelPlan(8, 4, 2, 1, 1, 1, 64, 1, Recompute.FULL, true, true, true, tpo, dpo, type);
    }

    @Test
    void everyOverlapAndTypeReachesTheStepModelAndTheJsonShowsIt() {
        for (TpOverlap tpo : TpOverlap.values()) {
            JsonNode j = json(Cli.run(tp8pp4("--tp-overlap", tpo.word(), "--no-dp-overlap", "--matmul-type", "fp32")));
            double direct = StepModel.evaluate(GPT3, tp8pp4Plan(tpo, false, DataType.FP32), SELENE).stepSeconds();
            assertThat(j.get("stepSeconds").asDouble()).as(tpo.word()).isCloseTo(direct, within(1e-12 * direct));
            assertThat(j.get("plan").get("tpOverlap").asText()).isEqualTo(tpo.word());
            assertThat(j.get("plan").get("dpOverlap").asBoolean()).isFalse();
            assertThat(j.get("plan").get("matmulType").asText()).isEqualTo("fp32");
        }
        JsonNode on = json(Cli.run(tp8pp4("--tp-overlap", "ring", "--dp-overlap")));
        double direct = StepModel.evaluate(GPT3, tp8pp4Plan(TpOverlap.RING, true, DataType.BF16), SELENE).stepSeconds();
        assertThat(on.get("stepSeconds").asDouble()).isCloseTo(direct, within(1e-12 * direct));
        assertThat(on.get("plan").get("dpOverlap").asBoolean()).isTrue();
    }

    @Test
    void withoutTheOptionsAGivenPlanIsMegatronsAsBefore() {
        JsonNode j = json(Cli.run(tp8pp4()));
        double direct = StepModel.evaluate(GPT3, new ParallelPlan(8, 4, 2, 1, 1, 1, 64, 1, Recompute.FULL, true, true, true), SELENE)
                .stepSeconds();
        assertThat(j.get("stepSeconds").asDouble()).isCloseTo(direct, within(1e-12 * direct));
        assertThat(j.get("plan").get("tpOverlap").asText()).isEqualTo("backward");
        assertThat(j.get("plan").get("dpOverlap").asBoolean()).isTrue();
        assertThat(j.get("plan").get("matmulType").asText()).isEqualTo("bf16");
        // --dp-overlap and --matmul-type bf16 given explicitly are the defaults
        assertThat(json(Cli.run(tp8pp4("--dp-overlap", "--matmul-type", "bf16", "--tp-overlap", "backward"))).get("stepSeconds").asDouble())
                .isEqualTo(j.get("stepSeconds").asDouble());
    }

    @Test
    void fp8RunsWhereTheGpuHasItAndIsRefusedWithTheGpusTypesWhereNot() {
        JsonNode j = json(Cli.run(tp8pp4("--gpu", "h100-sxm", "--matmul-type", "fp8")));
        TrainingSystem h100 = PublishedRuns.SELENE.withGpu(GpuSpec.H100_SXM).system(64);
        double direct = StepModel.evaluate(GPT3, tp8pp4Plan(TpOverlap.BACKWARD, true, DataType.FP8), h100).stepSeconds();
        assertThat(j.get("stepSeconds").asDouble()).isCloseTo(direct, within(1e-12 * direct));
        assertThat(j.get("planLabel").asText()).endsWith(" fp8");
        // Selene's A100 has BF16 and TF32 tensor cores, no FP8: refused with the types it has, for a plan and for a search
        usageError(tp8pp4("--matmul-type", "fp8"), "--matmul-type fp8", "a100-80g", "expected a type it computes in: bf16, fp32", "hint");
        usageError(selene("--search", "--matmul-type", "fp8"), "--matmul-type fp8", "bf16, fp32");
    }

    @Test
    void aSearchSaysWhichTpOverlapItsBestPlanReliesOnAndMeasuredRanksUnderBackwardOnly() {
        JsonNode free = json(Cli.run(selene("--search", "--top", "3", "--format", "json")));
        JsonNode rel = free.get("search").get("bestPlanTpOverlap");
        assertThat(rel.get("tpOverlap").asText()).isEqualTo(free.get("plan").get("tpOverlap").asText()).isEqualTo("ring");
        assertThat(rel.get("assumed").asBoolean()).isTrue();
        assertThat(rel.get("searchOverlap").asText()).isEqualTo("all");
        JsonNode p = free.get("plan");
        ParallelPlan back = new ParallelPlan(p.get("tp").asInt(), p.get("pp").asInt(), p.get("dp").asInt(), 1, p.get("cp").asInt(),
                p.get("microBatch").asInt(), 64, p.get("interleave").asInt(), Recompute.parse(p.get("recompute").asText()), true, true, true,
                TpOverlap.BACKWARD, true, DataType.BF16);
        double measuredStep = StepModel.evaluate(GPT3, back, SELENE).stepSeconds();
        assertThat(rel.get("stepWithMeasuredSeconds").asDouble()).isCloseTo(measuredStep, within(1e-12 * measuredStep));

        JsonNode measured = json(Cli.run(selene("--search", "--top", "3", "--search-overlap", "measured", "--format", "json")));
        assertThat(measured.get("plan").get("tpOverlap").asText()).isEqualTo("backward");
        assertThat(measured.get("search").get("bestPlanTpOverlap").get("assumed").asBoolean()).isFalse();
        assertThat(measured.get("search").get("bestPlanTpOverlap").has("stepWithMeasuredSeconds")).isFalse();
        for (JsonNode r : measured.get("search").get("ranked")) {
            assertThat(r.get("plan").asText()).doesNotContain("tp-overlap");
            assertThat(r.get("stepSeconds").asDouble()).isGreaterThanOrEqualTo(free.get("stepSeconds").asDouble());
        }
        // the measured search looked at the free best under backward too, so it finds that step or a faster one
        assertThat(measured.get("stepSeconds").asDouble()).isLessThanOrEqualTo(measuredStep);

        String table = Cli.run(selene("--search", "--top", "1")).out();
        assertThat(table).contains("the best plan relies on the ring TP overlap, whose form is assumed")
                .contains("--search-overlap measured").contains("plan options: TP overlap ring, DP overlap on, multiplies in bf16");
    }

    @Test
    void aSearchKeepsGivenOptionsFixed() {
        JsonNode j = json(Cli.run(selene("--search", "--top", "3", "--tp-overlap", "none", "--no-dp-overlap", "--format", "json")));
        for (JsonNode r : j.get("search").get("ranked")) {
            String label = r.get("plan").asText();
            assertThat(label).contains("no-dp-overlap");
            assertThat(label.startsWith("TP1 ") || label.contains("tp-overlap none")).as(label).isTrue();
        }
        assertThat(j.get("plan").get("dpOverlap").asBoolean()).isFalse();
        assertThat(j.get("search").get("bestPlanTpOverlap").get("searchOverlap").asText()).isEqualTo("fixed by --tp-overlap");
    }

    @Test
    void theTableShowsTheChosenOptions() {
        Cli c = Cli.run(selene("--tp", "8", "--pp", "4", "--recompute", "full", "--tp-overlap", "pipelined", "--no-dp-overlap", "--matmul-type",
                "fp32"));
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("TP8 PP4 DP2 mb1 full tp-overlap pipelined no-dp-overlap fp32")
                .contains("plan options: TP overlap pipelined, DP overlap off, multiplies in fp32");
        Cli csv = Cli.run(selene("--tp", "8", "--pp", "4", "--recompute", "full", "--tp-overlap", "none", "--format", "csv"));
        assertThat(csv.out().lines().findFirst().orElseThrow()).contains("plan.tpOverlap").contains("plan.dpOverlap").contains("plan.matmulType");
    }

    @Test
    void optionsThatCannotBeHonouredAreRefusedNamingTheValue() {
        usageError(tp8pp4("--tp-overlap", "async"), "--tp-overlap async", "none, backward, ring, pipelined", "hint");
        usageError(tp8pp4("--matmul-type", "int8"), "--matmul-type int8", "bf16, fp8, fp32", "hint");
        usageError(selene("--search", "--search-overlap", "some"), "--search-overlap some", "all, measured", "hint");
        usageError(tp8pp4("--tp-overlap", "ring", "--no-seq-parallel"), "--tp-overlap ring", "--no-seq-parallel", "sequence parallelism",
                "hint");
        usageError(selene("--tp", "1", "--pp", "8", "--tp-overlap", "none"), "--tp-overlap none", "--tp 1", "expected --tp > 1", "hint");
        usageError(selene("--pp", "8", "--tp-overlap", "backward"), "--tp 1 (the default)");
        usageError(tp8pp4("--search-overlap", "measured"), "--search-overlap measured", "fixed plan", "hint");
        usageError(tp8pp4("--search-overlap", "all"), "--search-overlap all", "fixed plan", "hint");
        usageError(selene("--search", "--tp-overlap", "pipelined", "--search-overlap", "measured"), "--tp-overlap pipelined",
                "--search-overlap measured", "hint");
    }
}
