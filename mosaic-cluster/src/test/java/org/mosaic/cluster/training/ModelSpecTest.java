package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mosaic.cluster.training.ModelSpec.Family;

class ModelSpecTest {

    private static double rel(double actual, double expected) {
        return Math.abs(actual - expected) / Math.abs(expected);
    }

    /**
     * Published sizes. The Megatron ones are Narayanan et al. 2021 Table 1 (529.6 B, 1008.0 B; recalled, not in
     * the bibliography), GPT-3 175 B and Megatron 22 B are the papers' nominal sizes (two or three significant digits),
     * Llama 3 405 B is [llama3-2024]. Our count omits biases (≈ 13h per layer in Megatron, < 0.01 %),
     * so a table value must agree to 0.1 %; a nominal size carries its rounding, so 0.5 % (175 B: 174.6 B).
     */
    @Test
    void parameterCountsMatchPublishedSizes() {
        assertThat(rel(Models.preset("megatron-530b").parameterCount(), 529.6e9)).isLessThan(1e-3);
        assertThat(rel(Models.preset("megatron-1t").parameterCount(), 1008.0e9)).isLessThan(1e-3);
        assertThat(rel(Models.preset("gpt3-175b").parameterCount(), 175e9)).isLessThan(5e-3);
        assertThat(rel(Models.preset("megatron-22b").parameterCount(), 22e9)).isLessThan(5e-3);
        assertThat(rel(Models.preset("llama3-405b").parameterCount(), 405e9)).isLessThan(5e-3);
    }

    /** Mixtral 8x7B model card: 46.7 B total, 12.9 B active (recalled; nominal, three digits, so 0.5 %). */
    @Test
    void moeCountsTotalAndActiveParameters() {
        ModelSpec m = Models.preset("mixtral-8x7b");
        assertThat(m.isMoe()).isTrue();
        assertThat(rel(m.parameterCount(), 46.7e9)).isLessThan(5e-3);
        assertThat(rel(m.activeParameterCount(), 12.9e9)).isLessThan(5e-3);
        // the difference is exactly the (experts − topK) idle experts per layer
        assertThat(m.parameterCount() - m.activeParameterCount())
                .isCloseTo(m.layers() * (m.experts() - m.topK()) * m.expertParameters(), within(1.0));
    }

    /** Independent closed form for GPT: Megatron's 12·l·h²·(1 + 13/(12h) + (V+s)/(12·l·h)), which adds biases (13h/layer). */
    @Test
    void gptParameterCountAgreesWithMegatronClosedForm() {
        for (ModelSpec m : new ModelSpec[] {Models.preset("megatron-22b"), Models.preset("gpt3-175b"), Models.preset("megatron-530b"),
                Models.preset("megatron-1t")}) {
            double l = m.layers();
            double h = m.hiddenSize();
            double closed = 12 * l * h * h * (1 + 13 / (12 * h) + (m.vocabSize() + m.sequenceLength()) / (12 * l * h));
            double biasesAndNormDifference = l * 13 * h - (2 * l + 1) * h; // closed form counts 13h per layer; we count 2h + final h
            assertThat(m.parameterCount()).as(m.name()).isCloseTo(closed - biasesAndNormDifference, within(1.0));
        }
    }

    /** Narayanan et al. 2021 eq. (model FLOPs, no recomputation): 72·l·h²·(1 + s/(6h) + V/(12·l·h)) per token. */
    @Test
    void gptTrainingFlopsAgreeWithMegatronFormula() {
        for (ModelSpec m : Models.all()) {
            if (m.family() != Family.GPT) {
                continue;
            }
            double l = m.layers();
            double h = m.hiddenSize();
            double s = m.sequenceLength();
            double closed = 72 * l * h * h * (1 + s / (6 * h) + m.vocabSize() / (12 * l * h));
            assertThat(rel(m.trainingFlopsPerToken(), closed)).as(m.name()).isLessThan(1e-12);
        }
    }

    /**
     * [llama3-2024] derives ≈ 2.64e12 FLOPs/token for Llama 3 405B (6·405e9 + ~8 % attention + vocab);
     * its "~8 %" is rounded, so 1 %. And [korthikanti-2022]: the four Megatron runs (seq-par + selective step times) at their
     * published MFUs 41.5/51.4/56.0/56.3 % — our FLOPs give each MFU to 1 % (MFU quoted to three
     * digits; the [korthikanti-2022] "~156 TFLOP/s" is a 6·N-only estimate and 2.5 % lower, as expected without attention).
     */
    @Test
    void flopsPerTokenMatchReferenceDerivations() {
        assertThat(rel(Models.preset("llama3-405b").trainingFlopsPerToken(), 2.64e12)).isLessThan(0.01);
        // model, global batch (sequences) = GPUs for 175B/530B/1T (DP = 1), step time (s), published MFU
        Object[][] megatron = {
            {Models.preset("megatron-22b"), 4, 8, 1.10, 0.415},
            {Models.preset("gpt3-175b"), 64, 64, 13.75, 0.514},
            {Models.preset("megatron-530b"), 280, 280, 37.83, 0.560},
            {Models.preset("megatron-1t"), 512, 512, 71.49, 0.563}};
        for (Object[] row : megatron) {
            ModelSpec m = (ModelSpec) row[0];
            double tokens = (int) row[1] * (double) m.sequenceLength();
            double mfu = m.trainingFlopsPerToken() * tokens / (double) row[3] / ((int) row[2] * GpuSpec.A100_80G.peakBf16FlopsPerSecond());
            assertThat(rel(mfu, (double) row[4])).as(m.name()).isLessThan(0.01);
        }
    }

    @Test
    void attentionTermScalesWithSequenceLength() {
        ModelSpec m = Models.preset("llama3-405b");
        ModelSpec longCtx = m.withSequenceLength(131072);
        assertThat(longCtx.trainingFlopsPerToken() - m.trainingFlopsPerToken())
                .isCloseTo(12.0 * m.layers() * m.hiddenSize() * (131072 - 8192), within(1e3));
        assertThat(longCtx.parameterCount()).isEqualTo(m.parameterCount()); // RoPE: no position weights
    }

    @Test
    void presetsAreFoundByNameAndUnknownNamesAreListed() {
        assertThat(Models.preset("llama3-405b")).isEqualTo(Models.preset("llama3-405b"));
        assertThat(Models.all()).extracting(ModelSpec::name)
                .contains("gpt3-175b", "megatron-22b", "megatron-530b", "megatron-1t", "llama3-405b");
        assertThatThrownBy(() -> Models.preset("gpt5")).isInstanceOf(org.mosaic.core.scenario.ScenarioException.class)
                .hasMessageContaining("gpt5").hasMessageContaining("megatron-1t");
        assertThat(Models.provenance()).isNotEmpty();
    }

    @Test
    void invalidShapesAreRejectedWithTheValue() {
        assertThatThrownBy(() -> ModelSpec.dense("x", Family.GPT, 2, 100, 400, 3, 3, 10, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heads 3").hasMessageContaining("100");
        assertThatThrownBy(() -> ModelSpec.dense("x", Family.GPT, 2, 96, 400, 12, 5, 10, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kvHeads 5");
        assertThatThrownBy(() -> new ModelSpec("x", Family.LLAMA, 2, 96, 400, 12, 4, 10, 8, 4, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topK 5");
        assertThatThrownBy(() -> ModelSpec.dense("x", Family.GPT, 0, 96, 400, 12, 12, 10, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layers 0");
    }

    @Test
    void groupedQueryAttentionShrinksKeyValueProjections() {
        ModelSpec mha = ModelSpec.dense("mha", Family.LLAMA, 1, 1024, 4096, 16, 16, 100, 8);
        ModelSpec gqa = ModelSpec.dense("gqa", Family.LLAMA, 1, 1024, 4096, 16, 2, 100, 8);
        assertThat(mha.attentionParametersPerLayer()).isEqualTo(4.0 * 1024 * 1024);
        assertThat(gqa.attentionParametersPerLayer()).isEqualTo(2.0 * 1024 * 1024 + 2.0 * 1024 * 128);
    }
}
