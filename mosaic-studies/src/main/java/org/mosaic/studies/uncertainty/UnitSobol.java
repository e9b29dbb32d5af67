package org.mosaic.studies.uncertainty;

import org.hipparchus.random.SobolSequenceGenerator;

/**
 * The one Sobol' sequence of Mosaic's designs: the unit-cube points of Hipparchus's {@link SobolSequenceGenerator} (Joe and
 * Kuo 2008 direction numbers), by index, from a given first point of the sequence. {@link SobolDesign} and
 * {@link SaltelliDesign} start at point 1 (the all-zero first point skipped); a sweep's {@code --sample sobol:N} at point 0
 * (the origin), so that its first 2^m points form a (t, m, s)-net. A point is a pure function of its index (the
 * generator's {@code skipTo} computes it from the index alone), on any thread: each thread has its own generator.
 */
public final class UnitSobol {
    private final int dimensions;
    private final long first;
    private final ThreadLocal<SobolSequenceGenerator> sequence;

    /**
     * @param dimensions the points' dimensions, 1 to 21,201 (Hipparchus's direction numbers)
     * @param first      the sequence's index of point 0
     */
    public UnitSobol(int dimensions, long first) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("a Sobol' sequence needs at least one dimension, got " + dimensions);
        }
        if (first < 0) {
            throw new IllegalArgumentException("the first point of a Sobol' sequence is at index 0 or later, got " + first);
        }
        this.dimensions = dimensions;
        this.first = first;
        this.sequence = ThreadLocal.withInitial(() -> new SobolSequenceGenerator(dimensions));
    }

    public int dimensions() {
        return dimensions;
    }

    /** The unit-cube point {@code first + index} of the sequence (each coordinate in [0, 1)); index + first below 2^31. */
    public double[] point(long index) {
        return sequence.get().skipTo(Math.toIntExact(first + index));
    }
}
