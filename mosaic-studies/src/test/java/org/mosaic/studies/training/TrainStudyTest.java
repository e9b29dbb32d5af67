package org.mosaic.studies.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.ParallelPlan;
import org.mosaic.cluster.training.PublishedRuns;
import org.mosaic.cluster.training.StepModel;
import org.mosaic.cluster.training.StepResult;
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
}
