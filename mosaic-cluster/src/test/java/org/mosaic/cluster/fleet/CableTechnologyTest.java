package org.mosaic.cluster.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.cluster.FleetModel;
import org.mosaic.link.ModelRows;
import org.mosaic.link.baseline.BaselineCatalog;

/**
 * A cable design is a technology (issue 13): a cable document's name is its id, its reach comes from the channel model,
 * its watts and FIT per end from the cable model, so an edit of the document moves the fleet by exactly the arithmetic.
 */
class CableTechnologyTest {
    @TempDir
    Path dir;

    static String mosaic800g() throws IOException {
        try (InputStream in = CableTechnologyTest.class.getResourceAsStream("/presets/mosaic-800g.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String copy(String file, String... replacements) throws IOException {
        String text = mosaic800g().replace("name: mosaic-800g", "name: my-cable");
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(text).contains(replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        Path p = dir.resolve(file);
        Files.writeString(p, text);
        return p.toString();
    }

    private static FleetModel.Result fleet(TechnologyMenu menu) {
        ClusterDocument p = ClusterDocument.preset("h100-16k");
        Map<String, List<String>> rules = new LinkedHashMap<>();
        rules.put("gpu-leaf", List.of("my-cable"));
        Policy policy = Policy.perTier("today+rules", rules, Policy.today());
        policy.validate(menu);
        return FleetModel.evaluate(p.cluster(), p.layout(), policy, menu, FleetEconomics.defaults());
    }

    private static TechnologyMenu menu(String file) {
        return TechnologyMenu.withCables(BaselineCatalog.standard(), List.of(CableTechnology.of(file)));
    }

    @Test
    void aCableWithItsHostInterfaceOneWattLowerLowersTheFleetByTwoWattsPerLink_issue13() throws IOException {
        FleetModel.Result base = fleet(menu(copy("same.yaml")));
        FleetModel.Result lower = fleet(menu(copy("lower.yaml", "pluggable: 2.4 W", "pluggable: 1.4 W")));
        long links = base.metrics().linksByTechnology().getOrDefault("my-cable", 0L);
        assertThat(links).isPositive();
        assertThat(lower.metrics().linksByTechnology().get("my-cable")).isEqualTo(links);
        // the host interface is outside the regulator (PowerModel), so 1 W per end is 2 W per link, both ends
        assertThat(base.interconnectPowerWatts() - lower.interconnectPowerWatts()).isCloseTo(2.0 * links, within(1e-6));
    }

    @Test
    void aCableWithAHigherChannelFitRaisesTheFleetsFailuresByTheCableModelsFitChange_issue13() throws IOException {
        String same = copy("same.yaml");
        // with 20 spare channels a small raise is absorbed (k-out-of-n); 3000 FIT per LED exhausts them within the service life
        String worse = copy("worse.yaml", "led: {fit: 0.3125 FIT", "led: {fit: 3000 FIT");
        FleetModel.Result base = fleet(menu(same));
        FleetModel.Result more = fleet(menu(worse));
        long links = base.metrics().linksByTechnology().get("my-cable");
        assertThat(more.metrics().linksByTechnology().get("my-cable")).isEqualTo(links);
        double fitBefore = perEndFit(same);
        double fitAfter = perEndFit(worse);
        assertThat(fitAfter).isGreaterThan(fitBefore);
        double expected = (fitAfter - fitBefore) * TechnologyOption.ENDS_PER_LINK * links * 24 / 1e9;
        assertThat(more.linkFailuresPerDay() - base.linkFailuresPerDay()).isCloseTo(expected, within(1e-9 * expected));
    }

    /** The cable model's FIT per end (with spares) at 800G, evaluated directly. */
    private static double perEndFit(String file) {
        CableTechnology c = CableTechnology.of(file);
        return ModelRows.evaluate("x", c.cable(), "800G", 30).reliability().withSpares().perEndFit();
    }

    @Test
    void theShippedMosaicRowsComeFromTheCablePresetThroughTheSamePath_issue13() {
        TechnologyMenu rebuilt = TechnologyMenu.withCables(BaselineCatalog.standard(), CableTechnology.shipped());
        assertThat(rebuilt.options()).isEqualTo(TechnologyMenu.standard().options());
        // the preset passed as a technology gives the pluggable row's figures under its own id
        TechnologyMenu withPreset = TechnologyMenu.withCables(BaselineCatalog.standard(), List.of(CableTechnology.of("mosaic-800g")));
        for (String g : List.of("800G", "1.6T")) {
            TechnologyOption shipped = TechnologyMenu.standard().option(TechnologyMenu.MOSAIC_PLUGGABLE, g).orElseThrow();
            TechnologyOption preset = withPreset.option("mosaic-800g", g).orElseThrow();
            assertThat(preset.powerPerEndWatts()).isEqualTo(shipped.powerPerEndWatts());
            assertThat(preset.fitPerEnd()).isEqualTo(shipped.fitPerEnd());
            assertThat(preset.reachMeters()).isEqualTo(shipped.reachMeters());
        }
    }

    @Test
    void aCableNamedLikeACatalogTechnologyIsRefused_issue13() throws IOException {
        String clash = copy("clash.yaml", "name: my-cable", "name: aoc-mmf");
        assertThatThrownBy(() -> menu(clash)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aoc-mmf").hasMessageContaining("catalog technology").hasMessageContaining("hint");
    }

    @Test
    void aCableNamedLikeTheShippedMosaicRowsOrGivenTwiceIsRefused_issue13() throws IOException {
        String a = copy("a.yaml");
        assertThatThrownBy(() -> TechnologyMenu.withCables(BaselineCatalog.standard(), List.of(CableTechnology.of(a), CableTechnology.of(a))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("my-cable").hasMessageContaining("twice");
    }
}
