package org.mosaic.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;

/** The provenance catalog read from a scenario (every shipped preset is checked in mosaic-optics). */
class CatalogTest {

    private static final String DOC = """
            formatVersion: 1
            seed: 3
            name: demo
            led:
              wavelength: 450 nm
              bandwidth: 1.8 GHz
              lens: tir
            fiber:
              length: 50 m
            provenance:
              led.wavelength: {confidence: assumed, source: "[desk-microled-2026]", note: "blue GaN"}
              led.bandwidth: {confidence: paper-derived, source: "[avicena-tech], [cea-leti-lifi], [smartsens-unisoc-2026]"}
              fiber.coreCount: {confidence: published, source: "somewhere"}
            """;

    @Test
    void entriesInFileOrderWithTheirCurrentValues() {
        List<Provenance> p = Catalog.of(ScenarioDocument.parse("t.yaml", DOC, true));
        assertThat(p).extracting(Provenance::path).containsExactly("led.wavelength", "led.bandwidth", "fiber.coreCount");
        assertThat(p.get(0)).isEqualTo(new Provenance("led.wavelength", "450 nm", Confidence.ASSUMED,
                "[desk-microled-2026]", "blue GaN"));
        assertThat(p.get(1).confidence()).isEqualTo(Confidence.PAPER_DERIVED);
        assertThat(p.get(1).note()).isEmpty();
        assertThat(p.get(2).value()).isEqualTo("(not set)");
    }

    @Test
    void valuesFollowOverrides() {
        ScenarioDocument doc = ScenarioDocument.parse("t.yaml", DOC, true).with("led.wavelength", "470 nm");
        assertThat(Catalog.of(doc).get(0).value()).isEqualTo("470 nm");
    }

    @Test
    void unsourcedListsNumbersWithoutProvenance() {
        // fiber.length is a number with a unit and has no entry; seed, formatVersion and words are exempt
        assertThat(Catalog.unsourced(ScenarioDocument.parse("t.yaml", DOC, true))).containsExactly("fiber.length");
    }

    @Test
    void badConfidenceNamesTheAllowedTags() {
        ScenarioDocument doc = ScenarioDocument.parse("t.yaml",
                "formatVersion: 1\nprovenance:\n  led.wavelength: {confidence: guessed}\n", true);
        assertThatThrownBy(() -> Catalog.of(doc))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("provenance.led.wavelength.confidence \"guessed\"")
                .hasMessageContaining("measured, published, paper-derived, derived, calibrated, assumed");
    }

    @Test
    void noProvenanceSectionMeansNoEntriesAndEverythingUnsourced() {
        ScenarioDocument doc = ScenarioDocument.parse("t.yaml", "formatVersion: 1\nfiber: {length: 5 m, count: 7}\n", true);
        assertThat(Catalog.of(doc)).isEmpty();
        assertThat(Catalog.unsourced(doc)).containsExactly("fiber.length", "fiber.count");
    }
}
