package org.mosaic.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mosaic.studies.UsageException;

class ParetoTest {
    /** Few distinct values (ties and duplicate rows are common), signed zeros, infinities and NaN (failed rows). */
    @Provide
    Arbitrary<Double> value() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.of(-1.0, 0.0, -0.0, 1.0, 2.0, 3.0)),
                net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(-10, 10)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    }

    @Property(tries = 300, seed = "18")   // deterministic check (no false failures); fixed seed for reproducibility
    void theFrontIsExactlyTheRowsNoOtherRowDominatesByBruteForce(@ForAll @IntRange(min = 1, max = 4) int m,
            @ForAll @IntRange(min = 0, max = 40) int n, @ForAll("senses") List<Pareto.Sense> senseDraw,
            @ForAll("values") List<Double> draws) {
        List<Pareto.Sense> senses = senseDraw.subList(0, m);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] r = new double[m];
            for (int j = 0; j < m; j++) {
                r[j] = draws.get((i * m + j) % draws.size());
            }
            rows.add(r);
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean dominated = false;
            for (int k = 0; k < n && !hasNaN(rows.get(i)); k++) {
                dominated |= k != i && !hasNaN(rows.get(k)) && bruteDominates(rows.get(k), rows.get(i), senses);
            }
            if (!hasNaN(rows.get(i)) && !dominated) {
                expected.add(i);
            }
        }
        assertThat(Pareto.front(rows, senses)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<Pareto.Sense>> senses() {
        return Arbitraries.of(Pareto.Sense.class).list().ofSize(4);
    }

    @Provide
    Arbitrary<List<Double>> values() {
        return value().list().ofMinSize(1).ofMaxSize(160);
    }

    private static boolean hasNaN(double[] r) {
        for (double v : r) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** The definition, per objective with its own sense: no worse in any, better in one. */
    private static boolean bruteDominates(double[] a, double[] b, List<Pareto.Sense> senses) {
        boolean better = false;
        for (int j = 0; j < a.length; j++) {
            boolean min = senses.get(j) == Pareto.Sense.MIN;
            if (min ? a[j] > b[j] : a[j] < b[j]) {
                return false;
            }
            better |= min ? a[j] < b[j] : a[j] > b[j];
        }
        return better;
    }

    @Test
    void aKnownTwoObjectiveFrontWithDuplicatesAndAFailedRow() {
        List<double[]> rows = List.of(new double[] {1, 5}, new double[] {2, 3}, new double[] {2, 3}, new double[] {3, 3},
                new double[] {4, 1}, new double[] {Double.NaN, 0}, new double[] {5, 5});
        assertThat(Pareto.front(rows, List.of(Pareto.Sense.MIN, Pareto.Sense.MIN))).containsExactly(0, 1, 2, 4);
        assertThat(Pareto.front(rows, List.of(Pareto.Sense.MAX, Pareto.Sense.MAX))).containsExactly(6);
    }

    @Test
    void objectivesParseAndBadOnesAreRefused() {
        assertThat(Pareto.Objective.parse("power.perEndWatts:min")).isEqualTo(new Pareto.Objective("power.perEndWatts",
                Pareto.Sense.MIN));
        assertThat(Pareto.Objective.parse("a[0].b:MAX").sense()).isEqualTo(Pareto.Sense.MAX);
        for (String bad : List.of("power", "power:low", ":min", "power:")) {
            assertThatThrownBy(() -> Pareto.Objective.parse(bad)).isInstanceOf(UsageException.class)
                    .hasMessageContaining("METRIC:min or METRIC:max");
        }
    }
}
