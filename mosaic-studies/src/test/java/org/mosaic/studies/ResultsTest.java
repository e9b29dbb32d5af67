package org.mosaic.studies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Results}: the JSON tree (non-finite numbers as null) and the metric rows: paths with list indices and map keys,
 * units from the declaration (exact paths, paths through maps) else from the key's name, yes/no as 1/0, a declared number
 * that is null as NaN, text left out.
 */
class ResultsTest {

    record Tier(String name, double reachMeters, @Metric(unit = "FIT") double linkFit) {
    }

    record Result(String label, double perEndWatts, boolean closes, List<Tier> tiers, @Metric(unit = "1/d") Map<String, Double> byTier,
                  @Metric(unit = "dB") double margin, double undeclaredSeconds) {
    }

    private static Result result(double margin) {
        Map<String, Double> byTier = new LinkedHashMap<>();
        byTier.put("gpu-leaf", 0.39);
        byTier.put("leaf.spine", 0.5);   // a key with a dot: still one map entry
        return new Result("800G", 2.5, false, List.of(new Tier("a", 30, 10), new Tier("b", 500, 20)), byTier, margin, Double.NaN);
    }

    @Test
    void rowsHaveIndexedPathsAndDeclaredUnits() {
        List<MetricRow> rows = Results.rows(result(3.5), Declarations.metrics(Result.class));
        assertThat(rows.subList(0, rows.size() - 1)).containsExactly(
                new MetricRow("perEndWatts", 2.5, "W"),
                new MetricRow("closes", 0, "bool"),
                new MetricRow("tiers[0].reachMeters", 30, "m"),
                new MetricRow("tiers[0].linkFit", 10, "FIT"),
                new MetricRow("tiers[1].reachMeters", 500, "m"),
                new MetricRow("tiers[1].linkFit", 20, "FIT"),
                new MetricRow("byTier.gpu-leaf", 0.39, "1/d"),
                new MetricRow("byTier.leaf.spine", 0.5, "1/d"),
                new MetricRow("margin", 3.5, "dB"));
        // NaN is written as null; a declared number that is null is a NaN row (so a sweep keeps its column)
        MetricRow last = rows.get(rows.size() - 1);
        assertThat(last.name()).isEqualTo("undeclaredSeconds");
        assertThat(last.value()).isNaN();
        assertThat(last.unit()).isEqualTo("s");
        assertThat(Results.tree(result(3.5)).path("undeclaredSeconds").isNull()).isTrue();
    }

    @Test
    void withoutADeclarationUnitsComeFromNamesAndNullsAreLeftOut() {
        List<MetricRow> rows = Results.rows(result(Double.NaN), List.of());
        assertThat(rows).extracting(MetricRow::name).containsExactly("perEndWatts", "closes", "tiers[0].reachMeters", "tiers[0].linkFit",
                "tiers[1].reachMeters", "tiers[1].linkFit", "byTier.gpu-leaf", "byTier.leaf.spine");
        assertThat(rows).extracting(MetricRow::unit).containsExactly("W", "bool", "m", "FIT", "m", "FIT", "1", "1");
        assertThat(rows.get(1).value()).isZero();
    }

    @Test
    void aTrueIsOne() {
        Result r = new Result("x", 1, true, List.of(), Map.of(), 0, 0);
        assertThat(Results.rows(r, List.of()).get(1)).isEqualTo(new MetricRow("closes", 1, "bool"));
    }

    @Test
    void jsonIsTheTreeIndented() {
        JsonNode t = Results.tree(result(1));
        assertThat(t.path("tiers").get(1).path("name").asText()).isEqualTo("b");
        assertThat(Results.json(result(1))).startsWith("{").contains("\"perEndWatts\" : 2.5").endsWith(System.lineSeparator());
    }

    /** The uncertainty study and a sweep read a metric at its path: every row's number is found at the row's name. */
    @Test
    void numberFindsEveryRowAtItsNameIncludingMapKeysWithDotsAndElementsByName() {
        Result r = result(3.5);
        JsonNode tree = Results.tree(r);
        for (MetricRow row : Results.rows(r, Declarations.metrics(Result.class))) {
            Double x = Results.number(tree, row.name());
            if (Double.isNaN(row.value())) {
                assertThat(x).as(row.name()).isNull();
            } else {
                assertThat(x).as(row.name()).isEqualTo(row.value());
            }
        }
        assertThat(Results.number(tree, "byTier.leaf.spine")).isEqualTo(0.5);
        assertThat(Results.number(tree, "byTier[leaf.spine]")).isEqualTo(0.5);
        assertThat(Results.number(tree, "tiers[b].reachMeters")).isEqualTo(500.0);
        assertThat(Results.number(tree, "tiers[c].reachMeters")).isNull();
        assertThat(Results.number(tree, "byTier.leaf")).isNull();
    }
}
