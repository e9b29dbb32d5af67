package org.mosaic.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;

/** A preset is read once per process and shared (a sweep binds it at every point): safe only because a document never changes. */
class PresetCacheTest {
    @Test
    void aPresetIsReadOnceAndAnEditNeverReachesTheSharedCopy() {
        ScenarioDocument first = ScenarioDocument.preset("mosaic-800g");
        String before = first.toYaml();
        ScenarioDocument edited = first.with("fiber.length", "3 m");
        edited.tree().put("name", "changed through a tree copy");
        first.tree().put("name", "changed through another copy");
        assertThat(ScenarioDocument.preset("mosaic-800g")).isSameAs(first);
        assertThat(ScenarioDocument.preset("mosaic-800g").toYaml()).isEqualTo(before);
        assertThat(edited.tree().path("fiber").path("length").asText()).isEqualTo("3 m");
    }
}
