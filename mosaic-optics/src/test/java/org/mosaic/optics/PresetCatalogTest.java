package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mosaic.core.catalog.Catalog;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.scenario.ScenarioDocument;

/** Every shipped preset binds cleanly and every number in it has a source. */
class PresetCatalogTest {

    static List<String> presets() {
        return ScenarioDocument.presetNames();
    }

    @Test
    void thePresetsAreListed() {
        assertThat(presets()).contains("mosaic-prototype", "mosaic-800g");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void bindsWithoutProblems(String name) {
        assertThatCode(() -> ChannelSpecs.bind(ScenarioDocument.preset(name))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyProvenanceEntryPointsAtAValue(String name) {
        ScenarioDocument doc = ScenarioDocument.preset(name);
        List<Provenance> catalog = Catalog.of(doc);
        assertThat(catalog).isNotEmpty();
        for (Provenance p : catalog) {
            JsonNode value = doc.tree().at("/" + p.path().replace('.', '/'));
            assertThat(value.isMissingNode()).as("%s: provenance for %s, which the preset does not set", name, p.path())
                    .isFalse();
            assertThat(value.isValueNode()).as("%s: %s is a section, not a value", name, p.path()).isTrue();
            assertThat(p.value()).isNotEqualTo("(not set)");
            assertThat(p.source()).as("%s: source of %s", name, p.path()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyNumberFromTheWorldHasProvenance(String name) {
        // numerics.* are resolution settings of the solver, not facts about the world
        List<String> unsourced = Catalog.unsourced(ScenarioDocument.preset(name));
        assertThat(unsourced).allMatch(p -> p.startsWith("numerics."), "only numerics.* may lack provenance");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyNumberHasProvenance(String name) {
        assertThat(Catalog.unsourced(ScenarioDocument.preset(name))).isEmpty();
    }
}
