package org.mosaic.studies.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Variance-based sensitivity indices of one output: for each input, the first-order index S<sub>i</sub> (the share of
 * the output's variance its own variation explains) and the total index S<sub>Ti</sub> (its share including every
 * interaction), with bootstrap 95 % intervals.
 *
 * <p>Estimators: S<sub>i</sub> = mean(f(B)(f(AB<sub>i</sub>) − f(A))) / V (Saltelli et al. 2010, Table 2 (b)); S<sub>Ti</sub>
 * = mean((f(A) − f(AB<sub>i</sub>))²) / 2V (Jansen 1999, Saltelli et al. 2010 Table 2 (f)); V the variance of f over A
 * and B together. Points whose output is not finite (a refused point) are left out of every estimate and counted.
 *
 * @param output  the output's name
 * @param inputs  one entry per input, ranked by total index, largest first
 * @param rows    base rows used (all of their k + 2 outputs finite)
 * @param dropped base rows left out because one of their outputs was not finite
 */
public record SobolIndices(String output, List<Index> inputs, long rows, long dropped) {
    /**
     * @param input       the input's name
     * @param first       first-order index S_i
     * @param firstLow    its bootstrap 2.5 % point
     * @param firstHigh   its bootstrap 97.5 % point
     * @param total       total index S_Ti
     * @param totalLow    its bootstrap 2.5 % point
     * @param totalHigh   its bootstrap 97.5 % point
     */
    public record Index(String input, double first, double firstLow, double firstHigh, double total, double totalLow,
                        double totalHigh) {
    }

    /** Bootstrap resamples behind the intervals. */
    static final int BOOTSTRAP = 200;

    /**
     * @param design the design the outputs were evaluated on
     * @param y      the output at each of the design's points, in index order
     * @param seed   the bootstrap's seed
     */
    public static SobolIndices estimate(String output, SaltelliDesign design, double[] y, long seed) {
        int k = design.names().size();
        if (y.length != design.size()) {
            throw new IllegalArgumentException("expected " + design.size() + " outputs, got " + y.length);
        }
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < design.baseRows(); j++) {
            boolean ok = true;
            for (int m = 0; m < k + 2 && ok; m++) {
                ok = Double.isFinite(y[j * (k + 2) + m]);
            }
            if (ok) {
                kept.add(j);
            }
        }
        int n = kept.size();
        if (n < 2) {
            throw new IllegalArgumentException("fewer than 2 base rows with finite outputs: no indices can be estimated");
        }
        double[] a = new double[n];
        double[] b = new double[n];
        double[][] abi = new double[k][n];
        for (int r = 0; r < n; r++) {
            int j = kept.get(r);
            a[r] = y[j * (k + 2)];
            b[r] = y[j * (k + 2) + 1];
            for (int i = 0; i < k; i++) {
                abi[i][r] = y[j * (k + 2) + 2 + i];
            }
        }
        int[] all = new int[n];
        Arrays.setAll(all, r -> r);
        SplittableRandom random = new SplittableRandom(seed);
        int[][] resamples = new int[BOOTSTRAP][n];
        for (int[] s : resamples) {
            for (int r = 0; r < n; r++) {
                s[r] = random.nextInt(n);
            }
        }
        List<Index> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] st = estimates(a, b, abi[i], all);
            double[] firsts = new double[BOOTSTRAP];
            double[] totals = new double[BOOTSTRAP];
            for (int s = 0; s < BOOTSTRAP; s++) {
                double[] e = estimates(a, b, abi[i], resamples[s]);
                firsts[s] = e[0];
                totals[s] = e[1];
            }
            Arrays.sort(firsts);
            Arrays.sort(totals);
            out.add(new Index(design.names().get(i), st[0], percentile(firsts, 0.025), percentile(firsts, 0.975), st[1],
                    percentile(totals, 0.025), percentile(totals, 0.975)));
        }
        out.sort(Comparator.comparingDouble(Index::total).reversed());
        return new SobolIndices(output, List.copyOf(out), n, design.baseRows() - n);
    }

    /** {S_i, S_Ti} over the rows listed (with repeats, for the bootstrap). */
    private static double[] estimates(double[] a, double[] b, double[] abi, int[] rows) {
        int n = rows.length;
        double mean = 0;
        for (int r : rows) {
            mean += a[r] + b[r];
        }
        mean /= 2.0 * n;
        double var = 0;
        double first = 0;
        double total = 0;
        for (int r : rows) {
            var += (a[r] - mean) * (a[r] - mean) + (b[r] - mean) * (b[r] - mean);
            first += b[r] * (abi[r] - a[r]);
            total += (a[r] - abi[r]) * (a[r] - abi[r]);
        }
        var /= 2.0 * n - 1;
        if (var == 0) {
            return new double[]{0, 0};
        }
        return new double[]{first / n / var, total / (2.0 * n) / var};
    }

    static double percentile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
