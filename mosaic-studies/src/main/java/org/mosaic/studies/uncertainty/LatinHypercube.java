package org.mosaic.studies.uncertainty;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A Latin hypercube sample (McKay, Beckman and Conover 1979): each input's range is cut into {@code n} strata of equal
 * probability and every stratum is hit exactly once; the strata are paired at random across inputs. A point is a pure
 * function of (seed, n, index): each input's stratum order is a seeded permutation, the position inside the stratum a
 * draw seeded by (seed, index, input).
 */
public final class LatinHypercube implements Design {
    private final List<String> names;
    private final List<Distribution> distributions;
    private final int n;
    private final long seed;
    private final int[][] strata;

    public LatinHypercube(List<String> names, List<Distribution> distributions, int n, long seed) {
        if (names.size() != distributions.size() || names.isEmpty()) {
            throw new IllegalArgumentException("one distribution per input, at least one input");
        }
        if (n < 2) {
            throw new IllegalArgumentException("a Latin hypercube needs at least 2 points, got " + n);
        }
        this.names = List.copyOf(names);
        this.distributions = List.copyOf(distributions);
        this.n = n;
        this.seed = seed;
        this.strata = new int[names.size()][];
        for (int d = 0; d < strata.length; d++) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            SplittableRandom r = new SplittableRandom(Design.mix(seed, -1, d));
            for (int i = n - 1; i > 0; i--) {   // Fisher–Yates
                int j = r.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            strata[d] = p;
        }
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public long size() {
        return n;
    }

    /** The point's position in the unit cube (each coordinate in its stratum). */
    public double[] unit(long index) {
        int i = Math.toIntExact(index);
        double[] u = new double[strata.length];
        for (int d = 0; d < u.length; d++) {
            double inside = new SplittableRandom(Design.mix(seed, index, d)).nextDouble();
            u[d] = (strata[d][i] + inside) / n;
        }
        return u;
    }

    @Override
    public double[] point(long index) {
        double[] u = unit(index);
        for (int d = 0; d < u.length; d++) {
            u[d] = distributions.get(d).quantile(u[d]);
        }
        return u;
    }
}
