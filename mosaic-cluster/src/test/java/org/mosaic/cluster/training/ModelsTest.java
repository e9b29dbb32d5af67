package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.training.ModelSpec.Family;
import org.mosaic.core.catalog.Catalog;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;

/** The model documents (issue 13): the shipped YAML gives the shapes the Java presets had; strict binding. */
class ModelsTest {

    @Test
    void theShippedDocumentsHoldTheShapesTheJavaPresetsHad_issue13() {
        // the values of the former ModelPresets constants, written out once more
        List<ModelSpec> expected = List.of(
                ModelSpec.dense("gpt3-175b", Family.GPT, 96, 12288, 4 * 12288, 96, 96, 51200, 2048),
                ModelSpec.dense("megatron-22b", Family.GPT, 48, 6144, 4 * 6144, 64, 64, 51200, 2048),
                ModelSpec.dense("megatron-530b", Family.GPT, 105, 20480, 4 * 20480, 128, 128, 51200, 2048),
                ModelSpec.dense("megatron-1t", Family.GPT, 128, 25600, 4 * 25600, 160, 160, 51200, 2048),
                ModelSpec.dense("llama3-405b", Family.LLAMA, 126, 16384, 53248, 128, 8, 128256, 8192),
                new ModelSpec("mixtral-8x7b", Family.LLAMA, 32, 4096, 14336, 32, 8, 32000, 4096, 8, 2),
                new ModelSpec("deepseek-v3-like", Family.LLAMA, 61, 7168, 2048, 128, 128, 129280, 4096, 256, 9));
        assertThat(Models.all()).containsExactlyElementsOf(expected);
    }

    @Test
    void everyShippedNumberHasItsProvenance_issue13() {
        for (String n : Models.names()) {
            ScenarioDocument d = Documents.preset(Documents.Kind.MODEL, n);
            assertThat(Catalog.unsourced(d)).as(n).isEmpty();
            assertThat(d.tree().path("description").asText()).as(n).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void aPresetWrittenOutAndReadBackIsTheSameModel_issue13() {
        for (String n : Models.names()) {
            ScenarioDocument d = Documents.preset(Documents.Kind.MODEL, n);
            assertThat(Models.bind(ScenarioDocument.parse("copy", d.toYaml(), true))).isEqualTo(Models.preset(n));
        }
    }

    @Test
    void unknownKeysAtAnyDepthAreRefusedWithTheClosestKey_issue13() {
        ScenarioDocument d = Documents.preset(Documents.Kind.MODEL, "gpt3-175b");
        assertThatThrownBy(() -> Models.bind(d.with("layerz", "3"))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("layerz").hasMessageContaining("layers");
        assertThatThrownBy(() -> Models.bind(d.with("moe.experts", "3"))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("moe.experts").hasMessageContaining("experts");
    }

    @Test
    void everyProblemIsReportedAtOnce_issue13() {
        ScenarioDocument d = ScenarioDocument.parse("mine.yaml", "formatVersion: 1\nkind: model\nname: mine\nfamily: bert\nlayers: x\n", true);
        assertThatThrownBy(() -> Models.bind(d)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("family").hasMessageContaining("bert").hasMessageContaining("layers")
                .hasMessageContaining("hidden").hasMessageContaining("heads").hasMessageContaining("vocab").hasMessageContaining("seq");
    }

    @Test
    void aDocumentOfAnotherKindIsRefused_issue13() {
        ScenarioDocument d = ScenarioDocument.parse("c.yaml", "formatVersion: 1\nkind: campaign\nname: c\n", true);
        assertThatThrownBy(() -> Models.bind(d)).isInstanceOf(ScenarioException.class).hasMessageContaining("campaign")
                .hasMessageContaining("model");
    }

    @Test
    void optionalKeysTakeTheirDefaults() {
        ScenarioDocument d = ScenarioDocument.parse("m.yaml", "formatVersion: 1\nkind: model\nname: m\nfamily: llama\nlayers: 2\n"
                + "hidden: 64\nheads: 4\nvocab: 100\nseq: 16\n", true);
        assertThat(Models.bind(d)).isEqualTo(new ModelSpec("m", Family.LLAMA, 2, 64, 256, 4, 4, 100, 16, 1, 1));
    }
}
