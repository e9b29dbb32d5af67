package org.mosaic.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.mosaic.studies.UsageException;

/**
 * The Pareto front of a sweep's rows: the rows no other row dominates for the objectives ({@code metric:min} or
 * {@code metric:max}). Row a dominates row b when a is at least as good in every objective and strictly better in one;
 * equal rows do not dominate each other (both stay). Rows with a NaN objective (failed points) take no part.
 *
 * <p>Method: the rows, each objective turned into a minimisation, sorted lexicographically; a row can only be dominated
 * by one before it, and then by one already on the front (dominance is transitive), so each row is checked against the
 * front so far: O(n log n + n·f) for a front of f rows.
 */
public final class Pareto {
    /** Whether an objective is minimised or maximised. */
    public enum Sense { MIN, MAX }

    /** One objective: a metric path and its sense. */
    public record Objective(String metric, Sense sense) {
        /** Parses {@code metric:min} or {@code metric:max}. */
        public static Objective parse(String text) {
            int colon = text.lastIndexOf(':');
            String sense = colon < 0 ? "" : text.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (colon <= 0 || !(sense.equals("min") || sense.equals("max"))) {
                throw new UsageException("--pareto " + text + ": expected METRIC:min or METRIC:max (hint: --pareto "
                        + "power.perEndWatts:min,reliability.afrPerCable:min)");
            }
            return new Objective(text.substring(0, colon).strip(), sense.equals("min") ? Sense.MIN : Sense.MAX);
        }

        @Override
        public String toString() {
            return metric + ":" + sense.name().toLowerCase(Locale.ROOT);
        }
    }

    private Pareto() {
    }

    /**
     * The indices (into {@code rows}, ascending) of the non-dominated rows; {@code rows[i][k]} is objective k's value.
     */
    public static List<Integer> front(List<double[]> rows, List<Sense> senses) {
        int m = senses.size();
        if (m == 0) {
            throw new IllegalArgumentException("a Pareto front needs at least one objective");
        }
        List<double[]> keys = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            if (r.length != m) {
                throw new IllegalArgumentException("row " + i + " has " + r.length + " values for " + m + " objectives");
            }
            double[] k = new double[m];
            boolean ok = true;
            for (int j = 0; j < m; j++) {
                ok &= !Double.isNaN(r[j]);
                k[j] = (senses.get(j) == Sense.MIN ? r[j] : -r[j]) + 0.0;   // + 0.0: -0.0 and 0.0 sort as equal
            }
            if (ok) {
                keys.add(k);
                index.add(i);
            }
        }
        Integer[] order = new Integer[keys.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Arrays.compare(keys.get(a), keys.get(b)));
        List<Integer> front = new ArrayList<>();
        for (int o : order) {
            double[] k = keys.get(o);
            boolean dominated = false;
            for (int f : front) {
                if (dominates(keys.get(f), k)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(o);
            }
        }
        return front.stream().map(index::get).sorted(Comparator.naturalOrder()).toList();
    }

    /** Whether a dominates b, both minimised. */
    static boolean dominates(double[] a, double[] b) {
        boolean strictly = false;
        for (int j = 0; j < a.length; j++) {
            if (a[j] > b[j]) {
                return false;
            }
            strictly |= a[j] < b[j];
        }
        return strictly;
    }
}
