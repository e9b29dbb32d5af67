package org.mosaic.studies.uncertainty;

import java.util.List;

/**
 * The points of a tornado: the base (every input at its assumed value), then each input alone at the low and at the
 * high end of its plausible range with every other input at its base. Point 0 is the base; input i is at its low end
 * at point 2i + 1 and at its high end at point 2i + 2. {@link Tornado#of} reads the outputs back in that order.
 */
public final class OneAtATime implements Design {
    private final List<String> names;
    private final double[] base;
    private final double[] low;
    private final double[] high;

    /**
     * @param names         the inputs
     * @param base          their assumed values
     * @param distributions their plausible spreads (the bars go to each one's {@link Distribution#low()} and
     *                      {@link Distribution#high()})
     */
    public OneAtATime(List<String> names, double[] base, List<Distribution> distributions) {
        if (names.size() != base.length || names.size() != distributions.size() || names.isEmpty()) {
            throw new IllegalArgumentException("one base value and one distribution per input, at least one input");
        }
        this.names = List.copyOf(names);
        this.base = base.clone();
        this.low = new double[base.length];
        this.high = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            low[i] = distributions.get(i).low();
            high[i] = distributions.get(i).high();
        }
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public long size() {
        return 1 + 2L * names.size();
    }

    @Override
    public double[] point(long index) {
        double[] x = base.clone();
        if (index > 0) {
            int i = (int) ((index - 1) / 2);
            x[i] = (index - 1) % 2 == 0 ? low[i] : high[i];
        }
        return x;
    }

    double base(int i) {
        return base[i];
    }

    double low(int i) {
        return low[i];
    }

    double high(int i) {
        return high[i];
    }
}
