package org.mosaic.studies.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.inference.ServingModel;
import org.mosaic.cluster.inference.ServingPlan;
import org.mosaic.cluster.inference.ServingPrecision;
import org.mosaic.cluster.inference.ServingResult;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.Models;
import org.mosaic.cluster.training.SystemSpec;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.UsageException;

class InferenceStudyTest {
    private static final InferenceStudy STUDY = new InferenceStudy();

    private static InferenceStudy.Input onSystem(String model, String system, Integer tp, Integer pp, Integer ep, Integer dp, Integer batch,
                                             boolean search, Double target) {
        return new InferenceStudy.Input(Models.preset(model), SystemSpec.preset(system), null, null, null, null, List.of(), null, tp, pp, ep, dp,
                batch, 2048, 256, search, target, 5);
    }

    @Test
    void declaresItsInputsAndMetricsWithUnits() {
        assertThat(Studies.byName("inference")).isPresent();
        List<InputSpec> inputs = STUDY.inputs();
        assertThat(inputs).extracting(InputSpec::name).contains("model", "system", "cluster", "tp", "pp", "ep", "dp", "batch", "promptTokens",
                "outputTokens", "latencyTargetSeconds");
        assertThat(inputs).allSatisfy(i -> assertThat(i.description()).isNotBlank());
        List<MetricSpec> metrics = STUDY.metrics();
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("runs[].serving.timePerOutputTokenSeconds");
            assertThat(m.unit()).isEqualTo("s");
        });
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("runs[].serving.gpuTokensPerSecond");
            assertThat(m.unit()).isEqualTo("1/s");
        });
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("kvCachePerTokenBytes");
            assertThat(m.unit()).isEqualTo("B");
        });
    }

    @Test
    void aFixedPlanIsTheServingModelOnTheSystem() {
        InferenceResult r = STUDY.run(onSystem("llama3-405b", "llama3-h100", 8, 2, null, null, 16, false, null));
        ServingResult direct = ServingModel.evaluate(Models.preset("llama3-405b"), SystemSpec.preset("llama3-h100").system(16384),
                new ServingPlan(8, 2, 1, 1), 16, 2048, 256);
        assertThat(r.runs()).hasSize(1);
        assertThat(r.runs().get(0).serving()).isEqualTo(direct);
        assertThat(r.runs().get(0).search()).isNull();
        assertThat(r.kvCachePerTokenBytes()).isEqualTo(516_096.0);
        assertThat(Results.json(r)).contains("\"timeToFirstTokenSeconds\"").doesNotContain("\"policy\"");
    }

    @Test
    void aSearchKeepsOnlyPlansWithinTheLatencyTargetRankedByTokensPerGpu() {
        double target = 0.05;
        InferenceResult r = STUDY.run(onSystem("llama3-405b", "llama3-h100", null, null, null, 1, null, true, target));
        InferenceResult.Search s = r.runs().get(0).search();
        assertThat(s.ranked()).isNotEmpty();
        assertThat(s.ranked()).allSatisfy(p -> assertThat(p.timePerOutputTokenSeconds()).isLessThanOrEqualTo(target));
        for (int i = 1; i < s.ranked().size(); i++) {
            assertThat(s.ranked().get(i).gpuTokensPerSecond()).isLessThanOrEqualTo(s.ranked().get(i - 1).gpuTokensPerSecond());
        }
        assertThat(s.meetingTarget()).isLessThanOrEqualTo(s.fitting()).isLessThanOrEqualTo(s.examined());
        // the target binds: without it the best plan has more tokens/s per GPU and a longer time per output token
        InferenceResult free = STUDY.run(onSystem("llama3-405b", "llama3-h100", null, null, null, 1, null, true, null));
        assertThat(free.runs().get(0).serving().gpuTokensPerSecond()).isGreaterThan(r.runs().get(0).serving().gpuTokensPerSecond());
        assertThat(free.runs().get(0).serving().timePerOutputTokenSeconds()).isGreaterThan(target);
    }

    @Test
    void eachPolicyIsServedOnItsOwnScaleUpDomain() {
        ModelSpec m = Models.preset("deepseek-v3-like");
        InferenceStudy.Input in = new InferenceStudy.Input(m, null, ClusterDocument.resolve("h100-16k"), "h100-16k", null, null,
                List.of("today", "mosaic"), null, 2, 1, 32, 1, 64, 2048, 256, false, null, 5);
        InferenceResult r = STUDY.run(in);
        assertThat(r.runs()).extracting(InferenceResult.Run::policy).containsExactly("today", "mosaic");
        assertThat(r.runs()).allSatisfy(run -> assertThat(run.serving().plan()).isEqualTo(new ServingPlan(2, 1, 32, 1)));
        for (InferenceResult.Run run : r.runs()) {
            assertThat(run.serving().epInScaleUp()).isEqualTo(64 <= run.scaleUpGpus() && run.scaleUpGpus() % 64 == 0);
        }
    }

    @Test
    void impossiblePlansAreRefusedWithAHint() {
        assertThatThrownBy(() -> STUDY.run(onSystem("llama3-405b", "llama3-h100", 3, null, null, null, 1, false, null)))
                .isInstanceOf(UsageException.class).hasMessageContaining("--tp 3").hasMessageContaining("hint");
        assertThatThrownBy(() -> STUDY.run(onSystem("llama3-405b", "llama3-h100", 8, null, null, null, 1, false, null)))
                .isInstanceOf(UsageException.class).hasMessageContaining("does not fit").hasMessageContaining("hint");
        assertThatThrownBy(() -> STUDY.run(onSystem("llama3-405b", "llama3-h100", null, null, null, 1, null, true, 1e-4)))
                .isInstanceOf(UsageException.class).hasMessageContaining("--latency-target").hasMessageContaining("fastest");
        assertThatThrownBy(() -> STUDY.run(onSystem("llama3-405b", "llama3-h100", 8, 2, null, null, 16, false, 0.05)))
                .isInstanceOf(UsageException.class).hasMessageContaining("--search");
    }

    @Test
    void fp8WeightsAndKvCacheAreTheServingModelsInFp8AndNamedInTheResult() {
        InferenceStudy.Input bf16 = onSystem("llama3-405b", "llama3-h100", 8, 2, null, null, 16, false, null);
        InferenceStudy.Input fp8 = new InferenceStudy.Input(bf16.model(), bf16.system(), null, null, null, null, List.of(), null, 8, 2, null, null,
                16, 2048, 256, false, null, 5, "fp8", "fp8");
        InferenceResult r = STUDY.run(fp8);
        ServingResult direct = ServingModel.evaluate(Models.preset("llama3-405b"), SystemSpec.preset("llama3-h100").system(16384),
                new ServingPlan(8, 2, 1, 1), 16, 2048, 256, ServingPrecision.parse("fp8", "fp8"));
        assertThat(r.runs().get(0).serving()).isEqualTo(direct);
        assertThat(r.kvCachePerTokenBytes()).isEqualTo(516_096.0 / 2);
        assertThat(r.runs().get(0).serving().weightsType()).isEqualTo("fp8");
        assertThat(Results.json(r)).contains("\"kvCacheType\" : \"fp8\"");
        assertThat(r.runs().get(0).serving().timePerOutputTokenSeconds()).isLessThan(STUDY.run(bf16).runs().get(0).serving().timePerOutputTokenSeconds());
        assertThatThrownBy(() -> STUDY.run(new InferenceStudy.Input(bf16.model(), bf16.system(), null, null, null, null, List.of(), null, 8, 2,
                null, null, 16, 2048, 256, false, null, 5, "int8", "bf16"))).isInstanceOf(UsageException.class).hasMessageContaining("--weights-type int8");
        assertThatThrownBy(() -> STUDY.run(new InferenceStudy.Input(bf16.model(), SystemSpec.preset("selene"), null, null, null, null, List.of(),
                null, 8, 2, null, null, 16, 2048, 256, false, null, 5, "fp8", "bf16"))).isInstanceOf(UsageException.class).hasMessageContaining("hint");
    }
}
