package org.mosaic.studies.uncertainty;

import java.util.List;

/**
 * The sample for variance-based sensitivity indices (Saltelli et al. 2010, "Variance based sensitivity analysis of model
 * output. Design and estimator for the total sensitivity index", Computer Physics Communications 181, 259–270): two
 * independent matrices A and B of {@code n} rows (the two halves of a 2k-dimensional Sobol sequence) and, for each
 * input i, the matrix AB<sub>i</sub>: A with its column i taken from B. {@code n (k + 2)} evaluations in all.
 *
 * <p>Layout: point {@code j (k + 2) + m} is row j of A (m = 0), of B (m = 1), or of AB<sub>m-2</sub> (m ≥ 2); each a pure
 * function of its index. {@link SobolIndices#estimate} reads the outputs back in that order.
 */
public final class SaltelliDesign implements Design {
    private final List<String> names;
    private final List<Distribution> distributions;
    private final long n;
    private final UnitSobol sequence;

    public SaltelliDesign(List<String> names, List<Distribution> distributions, long n) {
        if (names.size() != distributions.size() || names.isEmpty()) {
            throw new IllegalArgumentException("one distribution per input, at least one input");
        }
        if (n < 2 || n * (names.size() + 2) >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a Saltelli sample needs at least 2 base rows, got " + n);
        }
        this.names = List.copyOf(names);
        this.distributions = List.copyOf(distributions);
        this.n = n;
        this.sequence = new UnitSobol(2 * names.size(), 1);   // the points after the all-zero first one, as SobolDesign
    }

    /** The number of base rows (rows of A and of B). */
    public long baseRows() {
        return n;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public long size() {
        return n * (names.size() + 2);
    }

    @Override
    public double[] point(long index) {
        int k = names.size();
        long row = index / (k + 2);
        int m = (int) (index % (k + 2));
        double[] ab = sequence.point(row);
        double[] x = new double[k];
        for (int d = 0; d < k; d++) {
            boolean fromB = m == 1 || (m >= 2 && m - 2 == d);
            x[d] = distributions.get(d).quantile(ab[fromB ? k + d : d]);
        }
        return x;
    }
}
