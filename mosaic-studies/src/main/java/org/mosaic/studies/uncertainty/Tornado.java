package org.mosaic.studies.uncertainty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A one-at-a-time sensitivity of one output: each input moved alone across its plausible range, the output at each end,
 * ranked by the swing. The output at the base (every input assumed) is the bars' common axis.
 *
 * @param output the output's name
 * @param base   the output with every input at its assumed value
 * @param bars   one per input, largest swing first (a refused end has a NaN output and ranks by its other end)
 */
public record Tornado(String output, double base, List<Bar> bars) {
    /**
     * @param input      the input's name
     * @param assumed    its assumed value
     * @param low        the low end of its range
     * @param high       the high end
     * @param outputLow  the output with the input at {@code low}
     * @param outputHigh the output with the input at {@code high}
     * @param swing      |outputHigh − outputLow| (a NaN end counts as the base)
     */
    public record Bar(String input, double assumed, double low, double high, double outputLow, double outputHigh,
                      double swing) {
    }

    /**
     * @param design the one-at-a-time design the outputs were evaluated on
     * @param y      the output at each of the design's points, in index order
     */
    public static Tornado of(String output, OneAtATime design, double[] y) {
        if (y.length != design.size()) {
            throw new IllegalArgumentException("expected " + design.size() + " outputs, got " + y.length);
        }
        double base = y[0];
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < design.names().size(); i++) {
            double lo = y[2 * i + 1];
            double hi = y[2 * i + 2];
            double swing = Math.abs((Double.isFinite(hi) ? hi : base) - (Double.isFinite(lo) ? lo : base));
            bars.add(new Bar(design.names().get(i), design.base(i), design.low(i), design.high(i), lo, hi,
                    Double.isFinite(swing) ? swing : 0));
        }
        bars.sort(Comparator.comparingDouble(Bar::swing).reversed());
        return new Tornado(output, base, List.copyOf(bars));
    }
}
