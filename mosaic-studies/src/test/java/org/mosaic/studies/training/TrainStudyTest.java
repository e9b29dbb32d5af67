package org.mosaic.studies.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.training.DataType;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.ParallelPlan;
import org.mosaic.cluster.training.PublishedRuns;
import org.mosaic.cluster.training.Recompute;
import org.mosaic.cluster.training.StepModel;
import org.mosaic.cluster.training.StepResult;
import org.mosaic.cluster.training.TpOverlap;
import org.mosaic.cluster.training.TrainingSystem;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.UsageException;

/** The train study: its declaration, a Megatron run against the paper and the step model, a search, and its refusals. */
class TrainStudyTest {
    private static final TrainStudy STUDY = new TrainStudy();

    /** GPT-3 175B on 64 A100 of Selene as Megatron's Table 5 ran it (sequence parallelism + selective recomputation). */
    private static final PublishedRuns.Megatron GPT3 = PublishedRuns.MEGATRON.stream().filter(m -> m.model().name().equals("gpt3-175b"))
            .findFirst().orElseThrow();

    private static TrainStudy.Input onSelene(ParallelPlan p, List<Double> stragglers) {
        return new TrainStudy.Input(GPT3.model(), PublishedRuns.SELENE, null, null, null, false, (long) GPT3.gpus(), List.of(), null, List.of(),
                p.tp(), p.pp(), p.dp(), p.ep(), p.cp(), p.interleave(), p.microBatch(), p.globalBatch(), p.recompute(), p.sequenceParallel(),
                p.distributedOptimizer(), p.flashAttention(), p.tpOverlap(), p.dpOverlap(), p.matmulType(), null, false, 5, stragglers, false);
    }

    @Test
    void declaresEveryInputAndMetricsWithUnits() {
        assertThat(Studies.byName("train")).containsInstanceOf(TrainStudy.class);
        List<InputSpec> inputs = STUDY.inputs();
        assertThat(inputs).extracting(InputSpec::name).contains("model", "cluster", "policies", "tp", "globalBatch", "stragglers", "top");
        assertThat(inputs).allSatisfy(i -> assertThat(i.description()).isNotBlank());
        List<MetricSpec> metrics = STUDY.metrics();
        assertThat(metrics).isNotEmpty();
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("stepSeconds");
            assertThat(m.unit()).isEqualTo("s");
        });
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("breakdown.*");
            assertThat(m.unit()).isEqualTo("s");
        });
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("tflopsPerGpu");
            assertThat(m.unit()).isEqualTo("TFLOP/s");
        });
        assertThat(metrics).anySatisfy(m -> assertThat(m.path()).isEqualTo("memory.weightBytes"));
    }

    @Test
    void aMegatronRunIsTheStepModelsAndNearThePaper() {
        ParallelPlan plan = GPT3.plan(true);
        TrainResult r = STUDY.run(onSelene(plan, List.of()));
        StepResult direct = GPT3.evaluate(true);
        assertThat(r.first().stepSeconds()).isCloseTo(direct.stepSeconds(), within(1e-12 * direct.stepSeconds()));
        // Korthikanti et al. 2022 Table 5: 13.75 s; the step model's validation bar is 10 %
        assertThat(r.first().stepSeconds() / GPT3.paperSeconds(true) - 1).isBetween(-0.10, 0.10);
        // tokens per second and TFLOP/s per GPU from their definitions
        assertThat(r.first().tokensPerSecond()).isCloseTo(plan.globalBatch() * (double) GPT3.model().sequenceLength() / r.first().stepSeconds(),
                within(1e-9 * r.first().tokensPerSecond()));
        assertThat(r.first().tflopsPerGpu()).isCloseTo(direct.flopsPerGpuPerSecond() / 1e12, within(1e-9));
        assertThat(r.first().breakdown().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(r.first().stepSeconds(), within(1e-9 * r.first().stepSeconds()));
        assertThat(r.search()).isNull();
        assertThat(r.policies()).isNull();
        assertThat(r.first().label()).isEqualTo(PublishedRuns.SELENE.name());
        JsonNode j = Results.tree(r);
        assertThat(j.has("policy")).isFalse();
        assertThat(j.get("plan").get("recompute").asText()).isEqualTo("selective");
        assertThat(j.get("memory").get("totalBytes").asDouble()).isEqualTo(direct.memory().totalBytes());
        assertThat(j.has("technologyNotes")).isFalse();
    }

    @Test
    void aStragglerSlowsTheStepAsTheStepModelSays() {
        ParallelPlan plan = GPT3.plan(true);
        TrainResult r = STUDY.run(onSelene(plan, List.of(1.5)));
        StepResult direct = StepModel.evaluate(GPT3.model(), plan, PublishedRuns.SELENE.system(GPT3.gpus()), new double[] {1.5}, false);
        assertThat(r.first().stepSeconds()).isCloseTo(direct.stepSeconds(), within(1e-12 * direct.stepSeconds()));
        assertThat(r.first().stepSeconds()).isGreaterThan(GPT3.evaluate(true).stepSeconds());
    }

    @Test
    void aSearchRanksFittingPlansAndEveryPolicyIsListed() {
        ModelSpec small = new ModelSpec("gpt3-1.3b-shape", ModelSpec.Family.GPT, 24, 2048, 8192, 16, 16, 51200, 2048, 1, 1);
        TrainStudy.Input in = new TrainStudy.Input(small, null, ClusterDocument.resolve("nvl72-rack"), "nvl72-rack", null, false, null,
                List.of("today", "mosaic"), null, List.of("a note"), null, null, null, null, null, null, null, 2048, null, null, true, true, null, null, null, null,
                false, 3, List.of(), false);
        TrainResult r = STUDY.run(in);
        assertThat(r.policies()).hasSize(2);
        assertThat(r.policies()).extracting(p -> p.run().policy()).containsExactly("today", "mosaic");
        for (TrainResult.PolicyRun p : r.runs()) {
            List<TrainResult.RankedPlan> ranked = p.search().ranked();
            assertThat(ranked).hasSizeBetween(1, 3);
            for (int i = 1; i < ranked.size(); i++) {
                assertThat(ranked.get(i).stepSeconds()).isGreaterThanOrEqualTo(ranked.get(i - 1).stepSeconds());
            }
            assertThat(p.run().stepSeconds()).isEqualTo(ranked.get(0).stepSeconds());
            assertThat(p.run().memory().fits()).isTrue();
            assertThat(p.run().gpus()).isEqualTo(72);
            // the best plan, evaluated by the step model directly on the same system, takes the same step
            StepResult again = StepModel.evaluate(small, p.run().step().plan(), org.mosaic.cluster.TrainingModel.setup(
                    ClusterDocument.resolve("nvl72-rack"), null, p.run().policy(), null, null).system(), new double[0], false);
            assertThat(again.stepSeconds()).isCloseTo(p.run().stepSeconds(), within(1e-12 * again.stepSeconds()));
        }
        JsonNode j = Results.tree(r);
        assertThat(j.get("policy").asText()).isEqualTo("today");
        assertThat(j.get("policies")).hasSize(2);
        assertThat(j.get("policies").get(1).has("search")).isTrue();
        assertThat(j.get("policies").get(1).has("communication")).isFalse();
        assertThat(j.get("technologyNotes").get(0).asText()).isEqualTo("a note");
        assertThat(Results.rows(STUDY, r)).anySatisfy(row -> {
            assertThat(row.name()).isEqualTo("policies[1].stepSeconds");
            assertThat(row.unit()).isEqualTo("s");
        });
    }

    @Test
    void questionChecksAreRefusedNamingTheValue() {
        ParallelPlan plan = GPT3.plan(true);
        assertThatThrownBy(() -> TrainStudy.checkOptions(0, 2048, List.of())).isInstanceOf(UsageException.class).hasMessageContaining("--top 0");
        assertThatThrownBy(() -> TrainStudy.checkOptions(5, 70_000, List.of())).isInstanceOf(UsageException.class)
                .hasMessageContaining("--global-batch 70000");
        assertThatThrownBy(() -> onSelene(plan, List.of(0.5))).isInstanceOf(UsageException.class).hasMessageContaining("--straggler 0.5");
        assertThatThrownBy(() -> TrainStudy.checkSequenceParallel(false, true, 1)).isInstanceOf(UsageException.class)
                .hasMessageContaining("expected --tp > 1");
        // a plan whose TP × PP does not divide the GPUs
        TrainStudy.Input bad = new TrainStudy.Input(GPT3.model(), PublishedRuns.SELENE, null, null, null, false, 63L, List.of(), null, List.of(),
                8, 8, null, null, null, null, null, 64, null, null, true, true, null, null, null, null, false, 5, List.of(), false);
        assertThatThrownBy(() -> STUDY.run(bad)).isInstanceOf(UsageException.class).hasMessageContaining("does not divide the job's 63 GPUs");
    }

    // ---- the plan options of issue 16: TP overlap, DP overlap, matrix-multiply type, the search's overlap scope ----

    /** GPT-3 175B on {@code gpus} of Selene (or its GPU replaced), every plan option given; null plan sizes search. */
    private static TrainStudy.Input withOptions(GpuSpec gpu, Integer tp, Integer pp, Integer dp, Recompute r, TpOverlap tpo, Boolean dpo,
                                                DataType type, SearchOverlap scope, boolean search) {
        return new TrainStudy.Input(GPT3.model(), PublishedRuns.SELENE, null, null, gpu, gpu != null, 64L, List.of(), null, List.of(),
                tp, pp, dp, null, null, null, null, 64, r, null, true, true, tpo, dpo, type, scope, search, 3, List.of(), false);
    }

    @Test
    void theOverlapsAndTheMultiplyTypeReachTheStepModelAsGiven() {
        // TP8 PP4 DP2: DP has a reduction to overlap or not, TP collectives to overlap
        TrainingSystem selene = PublishedRuns.SELENE.system(64);
        for (TpOverlap tpo : TpOverlap.values()) {
            for (boolean dpo : new boolean[] {true, false}) {
                for (DataType type : List.of(DataType.BF16, DataType.FP32)) {
                    TrainResult r = STUDY.run(withOptions(null, 8, 4, 2, Recompute.FULL, tpo, dpo, type, null, false));
                    ParallelPlan plan = new ParallelPlan(8, 4, 2, 1, 1, 1, 64, 1, Recompute.FULL, true, true, true, tpo, dpo, type);
                    StepResult direct = StepModel.evaluate(GPT3.model(), plan, selene);
                    assertThat(r.first().step().plan()).isEqualTo(plan);
                    assertThat(r.first().stepSeconds()).as("%s %s %s", tpo, dpo, type).isCloseTo(direct.stepSeconds(),
                            within(1e-12 * direct.stepSeconds()));
                    JsonNode j = Results.tree(r).get("plan");
                    assertThat(j.get("tpOverlap").asText()).isEqualTo(tpo.word());
                    assertThat(j.get("dpOverlap").asBoolean()).isEqualTo(dpo);
                    assertThat(j.get("matmulType").asText()).isEqualTo(type.word());
                }
            }
        }
        // each option changes the step the way its physics says: exposing more never makes the step shorter, TF32 is half BF16's peak
        double back = STUDY.run(withOptions(null, 8, 4, 2, Recompute.FULL, null, null, null, null, false)).first().stepSeconds();
        double none = STUDY.run(withOptions(null, 8, 4, 2, Recompute.FULL, TpOverlap.NONE, null, null, null, false)).first().stepSeconds();
        TrainResult noDp = STUDY.run(withOptions(null, 8, 4, 2, Recompute.FULL, null, false, null, null, false));
        double fp32 = STUDY.run(withOptions(null, 8, 4, 2, Recompute.FULL, null, null, DataType.FP32, null, false)).first().stepSeconds();
        assertThat(none).isGreaterThan(back);
        assertThat(noDp.first().stepSeconds()).isGreaterThan(back);
        assertThat(noDp.first().breakdown().get("dp")).isGreaterThan(0.0);
        assertThat(fp32).isGreaterThan(back);
    }

    @Test
    void theDefaultsAreTheModelsDefaults() {
        // no option given: the plan Megatron ran (backward TP overlap, DP overlap on, BF16), the same as before the options existed
        TrainResult r = STUDY.run(withOptions(null, 8, 4, 2, Recompute.FULL, null, null, null, null, false));
        ParallelPlan megatron = new ParallelPlan(8, 4, 2, 1, 1, 1, 64, 1, Recompute.FULL, true, true, true);
        assertThat(r.first().step().plan()).isEqualTo(megatron);
        assertThat(megatron.tpOverlap()).isEqualTo(TpOverlap.BACKWARD);
        assertThat(megatron.dpOverlap()).isTrue();
        assertThat(megatron.matmulType()).isEqualTo(DataType.BF16);
    }

    @Test
    void fp8RunsOnAGpuThatHasItAndIsRefusedWithTheGpusTypesWhereItHasNot() {
        TrainResult r = STUDY.run(withOptions(GpuSpec.H100_SXM, 8, 4, 2, Recompute.FULL, null, null, DataType.FP8, null, false));
        ParallelPlan plan = new ParallelPlan(8, 4, 2, 1, 1, 1, 64, 1, Recompute.FULL, true, true, true).withMatmulType(DataType.FP8);
        StepResult direct = StepModel.evaluate(GPT3.model(), plan, PublishedRuns.SELENE.withGpu(GpuSpec.H100_SXM).system(64));
        assertThat(r.first().stepSeconds()).isCloseTo(direct.stepSeconds(), within(1e-12 * direct.stepSeconds()));
        double bf16 = STUDY.run(withOptions(GpuSpec.H100_SXM, 8, 4, 2, Recompute.FULL, null, null, null, null, false)).first().stepSeconds();
        assertThat(r.first().stepSeconds()).isLessThan(bf16);
        // Selene's A100 has no FP8 tensor cores: refused naming the type, the GPU and the types it has, fixed plan and search alike
        for (boolean search : new boolean[] {false, true}) {
            assertThatThrownBy(() -> STUDY.run(withOptions(null, search ? null : 8, search ? null : 4, null, Recompute.FULL, null, null,
                    DataType.FP8, null, search))).isInstanceOf(UsageException.class)
                    .hasMessageContaining("--matmul-type fp8").hasMessageContaining("a100-80g").hasMessageContaining("bf16, fp32")
                    .hasMessageContaining("hint");
        }
    }

    @Test
    void aSearchKeepsAGivenOverlapAndTypeFixed() {
        TrainResult r = STUDY.run(withOptions(null, null, null, null, null, TpOverlap.NONE, false, DataType.FP32, null, true));
        TrainResult.SearchSummary s = r.search();
        assertThat(s.ranked()).isNotEmpty();
        for (TrainResult.RankedPlan p : s.ranked()) {
            assertThat(p.plan()).contains("no-dp-overlap").contains("fp32");
            assertThat(p.plan().startsWith("TP1 ") || p.plan().contains("tp-overlap none")).as(p.plan()).isTrue();
        }
        assertThat(s.bestPlanTpOverlap().searchOverlap()).isEqualTo("fixed by --tp-overlap");
        assertThat(s.bestPlanTpOverlap().assumed()).isFalse();
    }

    @Test
    void aSearchSaysWhichOverlapItsBestPlanReliesOnAndMeasuredRestrictsItToBackward() {
        TrainResult free = STUDY.run(withOptions(null, null, null, null, null, null, null, null, null, true));
        TrainResult measured = STUDY.run(withOptions(null, null, null, null, null, null, null, null, SearchOverlap.MEASURED, true));
        ParallelPlan best = free.first().step().plan();
        TrainResult.OverlapReliance rel = free.search().bestPlanTpOverlap();
        assertThat(rel.tpOverlap()).isEqualTo(best.tpOverlap().word());
        assertThat(rel.searchOverlap()).isEqualTo("all");
        // GPT-3 on 64 A100 at batch 64: the fastest plan hides its TP collectives by the (assumed) ring form
        assertThat(best.tpOverlap()).isEqualTo(TpOverlap.RING);
        assertThat(rel.assumed()).isTrue();
        double again = StepModel.evaluate(GPT3.model(), best.withOverlap(TpOverlap.BACKWARD, best.dpOverlap()), PublishedRuns.SELENE.system(64))
                .stepSeconds();
        assertThat(rel.stepWithMeasuredSeconds()).isCloseTo(again, within(1e-12 * again));
        assertThat(rel.explanation()).contains("ring").contains("assumed").contains("--search-overlap measured");
        // measured: every ranked plan under backward, none faster than the free search, and the best is the free best's step or more
        for (TrainResult.RankedPlan p : measured.search().ranked()) {
            assertThat(p.plan()).doesNotContain("tp-overlap");
            assertThat(p.stepSeconds()).isGreaterThanOrEqualTo(free.first().stepSeconds());
        }
        assertThat(measured.first().step().plan().tpOverlap()).isEqualTo(TpOverlap.BACKWARD);
        assertThat(measured.search().bestPlanTpOverlap().assumed()).isFalse();
        assertThat(measured.search().bestPlanTpOverlap().stepWithMeasuredSeconds()).isNull();
        assertThat(measured.search().bestPlanTpOverlap().searchOverlap()).isEqualTo("measured");
        // the measured search's best is no slower than the free best re-timed under backward (it searched every plan under backward)
        assertThat(measured.first().stepSeconds()).isLessThanOrEqualTo(again);
        JsonNode j = Results.tree(free).get("search").get("bestPlanTpOverlap");
        assertThat(j.get("tpOverlap").asText()).isEqualTo("ring");
        assertThat(j.get("stepWithMeasuredSeconds").asDouble()).isEqualTo(again);
        assertThat(Results.tree(measured).get("search").get("bestPlanTpOverlap").has("stepWithMeasuredSeconds")).isFalse();
    }

    @Test
    void overlapOptionsThatCannotBeHonouredAreRefused() {
        // ring and pipelined need sequence parallelism
        assertThatThrownBy(() -> TrainStudy.checkOverlaps(false, 8, false, TpOverlap.RING, SearchOverlap.ALL)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--tp-overlap ring").hasMessageContaining("--no-seq-parallel").hasMessageContaining("hint");
        assertThatThrownBy(() -> TrainStudy.checkOverlaps(true, null, false, TpOverlap.PIPELINED, SearchOverlap.ALL))
                .isInstanceOf(UsageException.class).hasMessageContaining("--tp-overlap pipelined");
        // no TP, nothing to overlap: a fixed plan's default TP 1, or TP 1 fixed in a search
        assertThatThrownBy(() -> TrainStudy.checkOverlaps(false, null, null, TpOverlap.NONE, SearchOverlap.ALL)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--tp 1 (the default)").hasMessageContaining("expected --tp > 1");
        assertThatThrownBy(() -> TrainStudy.checkOverlaps(true, 1, null, TpOverlap.RING, SearchOverlap.ALL)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--tp 1");
        // the search's scope: only for a search, and not against a given unmeasured overlap
        assertThatThrownBy(() -> TrainStudy.checkOverlaps(false, 8, null, null, SearchOverlap.MEASURED)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--search-overlap measured").hasMessageContaining("given plan");
        assertThatThrownBy(() -> TrainStudy.checkOverlaps(true, null, null, TpOverlap.RING, SearchOverlap.MEASURED))
                .isInstanceOf(UsageException.class).hasMessageContaining("--tp-overlap ring").hasMessageContaining("--search-overlap measured");
        // the same through the study's input (refused before any work)
        assertThatThrownBy(() -> withOptions(null, 8, 8, null, Recompute.FULL, TpOverlap.RING, null, null, SearchOverlap.MEASURED, false))
                .isInstanceOf(UsageException.class);
        // accepted: backward with measured, a given overlap on a TP plan, a given overlap in a free search
        TrainStudy.checkOverlaps(true, null, null, TpOverlap.BACKWARD, SearchOverlap.MEASURED);
        TrainStudy.checkOverlaps(false, 8, true, TpOverlap.PIPELINED, SearchOverlap.ALL);
        TrainStudy.checkOverlaps(true, null, null, TpOverlap.NONE, SearchOverlap.ALL);
    }

    @Test
    void thePlanOptionsAreDeclared() {
        List<InputSpec> inputs = STUDY.inputs();
        assertThat(inputs).extracting(InputSpec::name).contains("tpOverlap", "dpOverlap", "matmulType", "searchOverlap");
        assertThat(inputs).filteredOn(i -> i.name().equals("matmulType")).singleElement().satisfies(i -> {
            assertThat(i.range()).isEqualTo("bf16|fp8|fp32");
            assertThat(i.defaultValue()).isEqualTo("bf16");
        });
        assertThat(inputs).filteredOn(i -> i.name().equals("searchOverlap")).singleElement()
                .satisfies(i -> assertThat(i.defaultValue()).isEqualTo("all"));
        assertThat(inputs).filteredOn(i -> i.name().equals("dpOverlap")).singleElement()
                .satisfies(i -> assertThat(i.defaultValue()).isEqualTo("true"));
        assertThat(inputs).filteredOn(i -> i.name().equals("tpOverlap")).singleElement()
                .satisfies(i -> assertThat(i.range()).isEqualTo("none|backward|ring|pipelined"));
    }

    /** Issue 20: the JSON's pipeline schedule (the studio's timeline) is the step model's, and every stage ends at the step. */
    @Test
    void theJsonsPipelineScheduleEndsEveryStageAtTheStepTime() {
        ParallelPlan p = GPT3.plan(true);
        TrainStudy.Input in = new TrainStudy.Input(GPT3.model(), PublishedRuns.SELENE, null, null, null, false, (long) GPT3.gpus(), List.of(),
                null, List.of(), p.tp(), p.pp(), p.dp(), p.ep(), p.cp(), p.interleave(), p.microBatch(), p.globalBatch(), p.recompute(),
                p.sequenceParallel(), p.distributedOptimizer(), p.flashAttention(), p.tpOverlap(), p.dpOverlap(), p.matmulType(), null, false, 5,
                List.of(), true);
        JsonNode json = Results.tree(STUDY.run(in));
        JsonNode s = json.get("pipelineSchedule");
        assertThat(s).isNotNull();
        assertThat(s.get("stepSeconds").doubleValue()).isEqualTo(json.get("stepSeconds").doubleValue());
        assertThat(s.get("stages").intValue()).isEqualTo(p.pp());
        assertThat(s.get("byStage")).hasSize(p.pp());
        List<String> kinds = new java.util.ArrayList<>();
        s.get("kinds").forEach(k -> kinds.add(k.textValue()));
        int forward = kinds.indexOf("forward");
        for (JsonNode stage : s.get("byStage")) {
            JsonNode end = stage.get("end");
            assertThat(end.get(end.size() - 1).doubleValue()).isEqualTo(json.get("stepSeconds").doubleValue());
            long forwards = 0;
            for (JsonNode k : stage.get("kind")) {
                forwards += k.intValue() == forward ? 1 : 0;
            }
            assertThat(forwards).isEqualTo((long) p.microBatches() * p.interleave());
        }
        // without the timeline asked, the JSON has no schedule (sweeps and claims over train stay small)
        assertThat(Results.tree(STUDY.run(onSelene(p, List.of()))).has("pipelineSchedule")).isFalse();
    }

    /** Issue 20: "none" is today's policy (no MOSAIC), so a list naming both names the baseline twice and is refused. */
    @Test
    void noneIsTodayAndNamingBothIsRefused() {
        JobChecks.checkPolicies("--policy", List.of("none", "mosaic"));
        assertThatThrownBy(() -> JobChecks.checkPolicies("--policy", List.of("today", "none")))
                .isInstanceOf(UsageException.class).hasMessageContaining("none is today");
    }
}
