package org.mosaic.studies.uncertainty;

import java.util.List;

/**
 * A quasi-random sample from the Sobol sequence ({@link UnitSobol}: Hipparchus's direction numbers, Joe and Kuo 2008), mapped through each
 * input's distribution. Point {@code i} is the sequence's point {@code i + 1} (the all-zero first point is skipped), a
 * pure function of the index: no seed, the same points on every machine.
 */
public final class SobolDesign implements Design {
    private final List<String> names;
    private final List<Distribution> distributions;
    private final long n;
    private final UnitSobol sequence;

    public SobolDesign(List<String> names, List<Distribution> distributions, long n) {
        if (names.size() != distributions.size() || names.isEmpty()) {
            throw new IllegalArgumentException("one distribution per input, at least one input");
        }
        if (n < 1 || n >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a Sobol sample needs 1 to 2^31-2 points, got " + n);
        }
        this.names = List.copyOf(names);
        this.distributions = List.copyOf(distributions);
        this.n = n;
        this.sequence = new UnitSobol(names.size(), 1);
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public long size() {
        return n;
    }

    @Override
    public double[] point(long index) {
        double[] u = sequence.point(index);
        double[] x = new double[u.length];
        for (int d = 0; d < u.length; d++) {
            x[d] = distributions.get(d).quantile(u[d]);
        }
        return x;
    }
}
