package org.mosaic.studies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link MetricReader} reads from the result record what {@link Results#number} reads from its JSON tree, at every path:
 * checked against that independent implementation (the tree) on every row, every element by name, and paths that are
 * absent, on fixtures with Jackson's features (unwrapped, ignored, NON_NULL, Optional, maps with dotted keys, enums, NaN)
 * and on the real results of the studies a sweep runs most (cable, channel, fleet, train).
 */
class MetricReaderTest {
    enum Kind { A, B }

    record Tier(String name, double reachMeters, @Metric(unit = "FIT") double linkFit, Kind kind) {
    }

    record Inner(double a, double b, double perChannelBer, String label) {
    }

    record Tagged(Kind name, double x) {
    }

    record Result(String label, double perEndWatts, boolean closes, List<Tier> tiers, Map<String, Double> byTier,
                  @JsonUnwrapped @JsonIgnoreProperties("perChannelBer") Inner inner, @JsonInclude(JsonInclude.Include.NON_NULL) Double maybe,
                  Optional<Double> opt, double[] raw, Map<Kind, Double> byKind, List<Tagged> tagged, JsonNode extra,
                  double nan, Float small, long count, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Tier> none,
                  @JsonInclude(JsonInclude.Include.NON_EMPTY) String blank, @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Double> absent) {
        public double derivedWatts() {   // a getter Jackson writes too
            return perEndWatts * 2;
        }
    }

    private static Result result() {
        Map<String, Double> byTier = new LinkedHashMap<>();
        byTier.put("gpu-leaf", 0.39);
        byTier.put("leaf.spine", 0.5);
        byTier.put("gone", null);
        return new Result("800G", 2.5, false, List.of(new Tier("a", 30, 10, Kind.A), new Tier("b", 500, Double.POSITIVE_INFINITY, Kind.B)),
                byTier, new Inner(1, 2, 3, "in"), null, Optional.of(4.0), new double[] {5, Double.NaN}, Map.of(Kind.A, 6.0),
                List.of(new Tagged(Kind.B, 7)), Results.tree(Map.of("k", 8.0, "n", List.of(1, 2))), Double.NaN, 0.1f, 1L << 40, List.of(), "", Optional.empty());
    }

    @Test
    void readsWhatTheTreeHoldsAtEveryPath_fixture() {
        Result r = result();
        List<String> paths = paths(r);
        paths.addAll(List.of("byTier.leaf.spine", "byTier[leaf.spine]", "tiers[b].reachMeters", "tiers[c].reachMeters",
                "byTier.leaf", "perChannelBer", "maybe", "opt", "raw[0]", "raw[1]", "raw[2]", "byKind.A", "byKind[A]",
                "tagged[B].x", "extra.k", "extra.n[1]", "nan", "small", "count", "derivedWatts", "a", "b", "label", "nope",
                "tiers[0].kind", "tiers[9].reachMeters", "none", "none[0].reachMeters", "blank", "absent", "tiers[].reachMeters", "inner.a", "byTier.gone", "tiers[a]"));
        assertSame(r, paths);
        assertThat(MetricReader.number(r, "a")).isEqualTo(1.0);
        assertThat(MetricReader.number(r, "tagged[B].x")).isEqualTo(7.0);
        assertThat(MetricReader.number(r, "perChannelBer")).isNull();
    }

    /** The cable's result (its scaling list is left out when empty) is read from the record, not from its tree. */
    @Test
    void theCableResultIsReadFromTheRecordNotItsTree_cableWasOpaque() throws Exception {
        Study<?, ?> study = Studies.byName("cable").orElseThrow();
        Object result = run(study);
        var opaque = MetricReader.class.getDeclaredMethod("opaque", Object.class);
        opaque.setAccessible(true);
        assertThat(opaque.invoke(null, result)).isEqualTo(false);
    }

    @Test
    void readsWhatTheTreeHoldsAtEveryPath_cableChannelFleetTrain() {
        for (String name : List.of("cable", "channel", "fleet", "train")) {
            Study<?, ?> study = Studies.byName(name).orElseThrow();
            Object result = run(study);
            assertSame(result, paths(result));
        }
    }

    private static <I extends Record, R> R run(Study<I, R> study) {
        return study.run(StudyInputs.bind(study, StudyInputs.defaults(study)));
    }

    private static void assertSame(Object result, List<String> paths) {
        JsonNode tree = Results.tree(result);
        MetricReader reader = MetricReader.of(paths);
        Double[] read = reader.read(result);
        for (int i = 0; i < paths.size(); i++) {
            assertThat(read[i]).as(paths.get(i)).isEqualTo(Results.number(tree, paths.get(i)));
        }
    }

    /** Every row's name, every element by name with each of its fields, and a missing field below each object. */
    private static List<String> paths(Object result) {
        JsonNode tree = Results.tree(result);
        List<String> out = new ArrayList<>();
        Results.rows(result, List.of()).forEach(r -> out.add(r.name()));
        walk("", tree, out);
        return out;
    }

    private static void walk(String path, JsonNode n, List<String> out) {
        if (n.isObject()) {
            out.add(path + (path.isEmpty() ? "" : ".") + "noSuchKey");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                JsonNode e = n.get(i);
                walk(path + "[" + i + "]", e, out);
                if (e.isObject()) {
                    for (String f : Results.NAME_FIELDS) {
                        if (e.has(f)) {
                            String name = e.get(f).asText();
                            if (!name.contains("]")) {
                                e.fieldNames().forEachRemaining(k -> out.add(path + "[" + name + "]." + k));
                            }
                            break;
                        }
                    }
                }
            }
        } else {
            out.add(path);
        }
    }
}
