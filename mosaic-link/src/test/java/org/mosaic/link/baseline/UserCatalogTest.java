package org.mosaic.link.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioException;

/** A user's kind: catalog document merged over the shipped catalog: adds technologies, overrides them by id (issue 13). */
class UserCatalogTest {
    /** A user catalog that overrides aoc-mmf (cheaper power) and adds my-aoc. */
    static final String USER = """
            formatVersion: 1
            kind: catalog
            name: my-catalog
            description: "our own AOC quote and a corrected AOC power"
            technologies:
              - id: aoc-mmf
                name: "AOC (VCSEL, multimode, with DSP)"
                kind: active-optical-cable
                at:
                  800G:
                    reach: {value: 50 m, confidence: published, source: "[nvidia-cable-faq]", refs: [nvidia-cable-faq], note: ""}
                    power: {value: 10 W, confidence: assumed, source: "assumed (Mosaic developers), range 9-12 W", note: "a test figure"}
                    fit: {value: 1000, confidence: assumed, source: "assumed (Mosaic developers), range 500-2000", note: ""}
                  1.6T:
                    availability: {status: not-offered, confidence: published, source: "[nvidia-xdr-list]", refs: [nvidia-xdr-list], note: ""}
              - id: my-aoc
                name: "Our AOC"
                kind: active-optical-cable
                common:
                  reach: {value: 70 m, confidence: assumed, source: "assumed (Mosaic developers), range 50-100 m", note: ""}
                  power: {value: 9 W, confidence: assumed, source: "assumed (Mosaic developers), range 8-10 W", note: ""}
                  fit: {value: 800, confidence: assumed, source: "assumed (Mosaic developers), range 500-2000", note: ""}
                at:
                  800G: {}
                  1.6T: {}
            """;

    static JsonNode tree(String yaml) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(yaml);
    }

    @Test
    void aUserCatalogAddsTechnologiesAndOverridesEntriesByIdAndSaysWhich_issue13() throws Exception {
        BaselineCatalog.Extended e = BaselineCatalog.withUserCatalog("my.yaml", tree(USER));
        HostGeneration g = e.catalog().generation("800G");
        assertThat(e.catalog().entry("aoc-mmf", g).power().value()).isEqualTo(10.0);
        assertThat(e.catalog().entry("my-aoc", g).reach().value()).isEqualTo(70.0);
        assertThat(e.catalog().entry("my-aoc", e.catalog().generation("1.6T")).power().value()).isEqualTo(9.0);
        // the shipped entries it does not name are unchanged, in their order, and the new one comes last
        assertThat(e.catalog().at(g).get(0).id()).isEqualTo("dac-26awg");
        assertThat(e.catalog().at(g).get(e.catalog().at(g).size() - 1).id()).isEqualTo("my-aoc");
        assertThat(e.catalog().entry("dsp-dr8", g).power().value()).isEqualTo(BaselineCatalog.standard().entry("dsp-dr8",
                BaselineCatalog.standard().generation("800G")).power().value());
        assertThat(e.notes()).containsExactly("my.yaml overrides the shipped technology aoc-mmf", "my.yaml adds technology my-aoc");
    }

    @Test
    void anUnknownKeyInAUserCatalogIsRefusedWithTheClosestKnownOne_issue13() throws Exception {
        String bad = USER.replace("    kind: active-optical-cable\n    common:", "    kind: active-optical-cable\n    comon:")
                .replace("description:", "descripton:");
        assertThatThrownBy(() -> BaselineCatalog.withUserCatalog("my.yaml", tree(bad))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("descripton").hasMessageContaining("did you mean description?")
                .hasMessageContaining("comon").hasMessageContaining("did you mean common?");
    }

    @Test
    void theShippedCatalogIsAKindCatalogDocument_issue13() throws Exception {
        JsonNode shipped = tree(BaselineCatalogTest.resourceText());
        assertThat(shipped.path("kind").asText()).isEqualTo("catalog");
        assertThat(shipped.path("name").asText()).isEqualTo("baselines");
        assertThat(BaselineCatalog.RESOURCE).isEqualTo("/presets/catalog/baselines.yaml");
    }
}
