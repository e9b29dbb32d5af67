package org.mosaic.studies.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.Documents;
import org.mosaic.studies.MetricRow;
import org.mosaic.studies.Output;
import org.mosaic.studies.Results;
import org.mosaic.studies.StudyInputs;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.fleet.FleetStudy;

/**
 * The technology catalog's values are ranged like a document's (issue 19): each sourced value stated with min and max
 * carries a range, the fleet study's ranged inputs include them keyed by technology id, an edit by id changes the fleet's
 * answer by the catalog's arithmetic, and an unknown id is refused with the ids as hint.
 */
class CatalogRangesTest {
    private static final String AOC_FIT = "catalog.technologies.aoc-mmf.at.800G.fit.value";
    private static final String DR8_POWER_1600 = "catalog.technologies.dsp-dr8.at.1.6T.power.value";

    /** Every FIT and watts of the shipped catalog given with both min and max carries a range spanning exactly them. */
    @Test
    void everyCatalogPowerAndFitWithMinAndMaxCarriesARangeSpanningThem() {
        JsonNode tree = Documents.preset(Documents.Kind.CATALOG, "baselines").tree();
        List<Ranged> ranged = Ranges.ofCatalog("catalog", tree);   // throws on a bad range
        List<String> missing = new ArrayList<>();
        for (JsonNode t : tree.get("technologies")) {
            List<Map.Entry<String, JsonNode>> values = new ArrayList<>();
            t.path("common").fields().forEachRemaining(e -> values.add(Map.entry("common." + e.getKey(), e.getValue())));
            t.path("at").fields().forEachRemaining(g -> g.getValue().fields()
                    .forEachRemaining(e -> values.add(Map.entry("at." + g.getKey() + "." + e.getKey(), e.getValue()))));
            for (Map.Entry<String, JsonNode> v : values) {
                boolean powerOrFit = v.getKey().endsWith(".power") || v.getKey().endsWith(".fit");
                if (!powerOrFit || !v.getValue().has("min") || !v.getValue().has("max")) {
                    continue;
                }
                String key = "catalog.technologies." + t.get("id").asText() + "." + v.getKey() + ".value";
                Ranged r = ranged.stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
                if (r == null) {
                    missing.add(key);
                    continue;
                }
                assertThat(r.distribution().low()).as(key).isEqualTo(number(v.getValue().get("min")));
                assertThat(r.distribution().high()).as(key).isEqualTo(number(v.getValue().get("max")));
                assertThat(r.source()).as(key + " carries its source").isNotBlank();
            }
        }
        assertThat(missing).as("catalog values with min and max but no range").isEmpty();
    }

    /**
     * Every assumed or calibrated number of the shipped catalog carries a range (issue 19: "every assumed or calibrated
     * default in every shipped document"); derived values follow from others and published ones carry their stated
     * min..max where the source gives one. Regression: the 1.6T CPO FIT (assumed) and the LACC redriver gain
     * (calibrated) had none, so no study could sample them.
     */
    @Test
    void everyAssumedOrCalibratedCatalogNumberCarriesARange_assumedCatalogValues() {
        JsonNode tree = Documents.preset(Documents.Kind.CATALOG, "baselines").tree();
        List<String> keys = Ranges.ofCatalog("catalog", tree).stream().map(Ranged::key).toList();
        List<String> unranged = new ArrayList<>();
        collectUnranged("catalog", tree, keys, unranged);
        assertThat(unranged).as("assumed or calibrated catalog numbers without a range").isEmpty();
        assertThat(keys).contains("catalog.technologies.cpo.at.1.6T.fit.value",
                "catalog.technologies.lacc.common.reach.twinax.redriverGain.value");
    }

    private static void collectUnranged(String path, JsonNode node, List<String> keys, List<String> unranged) {
        if (node.isArray()) {
            for (JsonNode e : node) {
                String id = e.path("id").asText(e.path("name").asText(""));
                if (!id.isEmpty()) {
                    collectUnranged(path + "." + id, e, keys, unranged);
                }
            }
        } else if (node.isObject() && node.has("value") && node.has("confidence")) {
            String confidence = node.get("confidence").asText();
            boolean numeric = node.get("value").isNumber() || node.get("value").asText().matches("\\s*[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?\\s*\\S*");
            if ((confidence.equals("assumed") || confidence.equals("calibrated")) && numeric
                    && !keys.contains(path + ".value")) {
                unranged.add(path + " = " + node.get("value").asText() + " (" + confidence + ")");
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collectUnranged(path + "." + e.getKey(), e.getValue(), keys, unranged));
        }
    }

    /** The fleet study's ranged inputs include the shipped catalog's, though its catalog input is not given. */
    @Test
    void theFleetStudyRangesTheShippedCatalogByTechnologyId() {
        FleetStudy fleet = new FleetStudy();
        List<Ranged> ranged = Ranges.ofDocuments(fleet, StudyInputs.defaults(fleet));
        Ranged aoc = ranged.stream().filter(r -> r.key().equals(AOC_FIT)).findFirst().orElseThrow();
        assertThat(aoc.assumed()).isEqualTo(1000);
        assertThat(aoc.distribution().toString()).isEqualTo("triangular(500, 1000, 2000)");
        assertThat(aoc.source()).contains("[meta-ecoc-2025]");
        Ranged dr8 = ranged.stream().filter(r -> r.key().equals(DR8_POWER_1600)).findFirst().orElseThrow();
        assertThat(dr8.assumed()).isEqualTo(27);
        assertThat(dr8.unit()).isEqualTo("W");
    }

    /**
     * An edit by technology id changes the fleet's answer as the catalog's arithmetic says: under all-optical-laser every
     * NVLink cable of nvl72-rack is the least-power 1.6T laser optic that reaches (DR8 and 2xFR4 tie at 27 W per end), so
     * DR8 at 25 W takes them all and the interconnect power scales by 25 / 27.
     */
    @Test
    void anEditByTechnologyIdChangesTheFleetResult() {
        FleetStudy fleet = new FleetStudy();
        double base = power(fleet, Map.of("cluster", "nvl72-rack", "policy", "all-optical-laser"));
        double edited = power(fleet, Map.of("cluster", "nvl72-rack", "policy", "all-optical-laser", DR8_POWER_1600, "25 W"));
        assertThat(edited / base).isCloseTo(25.0 / 27.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    /** An unknown technology id is refused with the catalog's ids as hint, never a stack trace. */
    @Test
    void anUnknownTechnologyIdIsRefusedWithTheIds() {
        FleetStudy fleet = new FleetStudy();
        assertThatThrownBy(() -> power(fleet, Map.of("cluster", "nvl72-rack", "catalog.technologies.aoc-mm.at.800G.fit.value", "900")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("no entry \"aoc-mm\"")
                .hasMessageContaining("dac-26awg, dac-30awg, lacc, aec, aoc-mmf, dsp-sr8, dsp-dr8, dsp-2fr4, lpo, cpo")
                .hasMessageContaining("aoc-mmf");
    }

    private static double power(FleetStudy fleet, Map<String, String> set) {
        ObjectNode values = StudyInputs.assign(fleet, Output.JSON.createObjectNode(), set);
        List<MetricRow> rows = Results.rows(fleet, fleet.run(StudyInputs.bind(fleet, values)));
        return rows.stream().filter(r -> r.name().equals("interconnectPowerWatts")).findFirst().orElseThrow().value();
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText().trim().split("\\s+")[0]);
    }
}
