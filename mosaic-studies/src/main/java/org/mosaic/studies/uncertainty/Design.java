package org.mosaic.studies.uncertainty;

import java.util.List;

/**
 * Where an uncertainty or sensitivity study evaluates its model: {@link #size()} points, each a pure function of its
 * index (so a retried, resumed or distributed point gives the identical values), in the inputs' own units.
 */
public interface Design {
    /** The inputs' names, in the order of a point's values. */
    List<String> names();

    /** How many points. */
    long size();

    /** The input values of point {@code index} (0 ≤ index < size), in the inputs' units. */
    double[] point(long index);

    /** Mixes a seed, an index and a dimension into one well-spread long (SplitMix64 finaliser). */
    static long mix(long seed, long index, int dimension) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1) + 0xD1B54A32D192ED03L * (dimension + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
