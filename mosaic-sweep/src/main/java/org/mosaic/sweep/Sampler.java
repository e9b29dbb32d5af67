package org.mosaic.sweep;

import java.util.SplittableRandom;
import org.mosaic.studies.uncertainty.UnitSobol;

/**
 * Points of the unit hypercube by index, each a pure function of (seed, index), so any runner on any thread gives a
 * point the same coordinates.
 *
 * <ul>
 *   <li><b>Latin hypercube</b> of N points: on each axis the N strata [k/N, (k+1)/N) are dealt to the points by a
 *   pseudo-random permutation of 0..N−1 computed per index (a four-round Feistel network keyed from the seed, with
 *   cycle-walking: a bijection of [0, N) without a table), so each stratum is hit exactly once per axis; the position
 *   inside the stratum is drawn from the point's own {@link SplittableRandom}, seeded from (seed, index).</li>
 *   <li><b>Sobol'</b>: the point of the studies' one Sobol' sequence ({@link UnitSobol}: Hipparchus, Joe and Kuo direction
 *   numbers) at the index, starting from index 0 (the origin), so the first 2^m points form a (t, m, s)-net.</li>
 * </ul>
 */
final class Sampler {
    private static final int ROUNDS = 4;
    private final SweepSpec.Method method;
    private final long n;
    private final int dimensions;
    private final long[][] axisKeys;
    private final long pointKey;
    private final UnitSobol sobol;

    Sampler(SweepSpec.Method method, long n, int dimensions, long seed) {
        this.method = method;
        this.n = n;
        this.dimensions = dimensions;
        // one stream per purpose, split from the seed's root in a fixed order: the axes' permutations, then the points'
        SplittableRandom root = new SplittableRandom(seed);
        axisKeys = new long[dimensions][ROUNDS];
        for (int a = 0; a < dimensions; a++) {
            SplittableRandom s = root.split();
            for (int r = 0; r < ROUNDS; r++) {
                axisKeys[a][r] = s.nextLong();
            }
        }
        pointKey = root.split().nextLong();
        sobol = method == SweepSpec.Method.SOBOL && dimensions > 0
                ? new UnitSobol(dimensions, 0) : null;
    }

    /** The point's coordinates in [0, 1) per axis. */
    double[] point(long index) {
        if (dimensions == 0) {
            return new double[0];
        }
        if (method == SweepSpec.Method.SOBOL) {
            return sobol.point(index);
        }
        double[] u = new double[dimensions];
        SplittableRandom own = pointRandom(index);
        for (int a = 0; a < dimensions; a++) {
            long stratum = permute(index, n, axisKeys[a]);
            u[a] = (stratum + own.nextDouble()) / n;
        }
        return u;
    }

    /** The stratum a point falls in on one axis of a Latin hypercube (for tests). */
    long stratum(long index, int axis) {
        return permute(index, n, axisKeys[axis]);
    }

    /** The point's own generator: seeded by a hash of the points' key and the index (not by adding to a seed). */
    private SplittableRandom pointRandom(long index) {
        return new SplittableRandom(mix(pointKey ^ mix(index + 0x9E3779B97F4A7C15L)));
    }

    /** A bijection of [0, n): a Feistel network on the smallest even number of bits covering n, cycle-walked into range. */
    static long permute(long x, long n, long[] keys) {
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
        if ((bits & 1) == 1) {
            bits++;
        }
        int half = bits / 2;
        long mask = (1L << half) - 1;
        long y = x;
        do {
            long l = y >>> half;
            long r = y & mask;
            for (long k : keys) {
                long t = r;
                r = (l ^ mix(r ^ k)) & mask;
                l = t;
            }
            y = (l << half) | r;
        } while (y >= n);
        return y;
    }

    /** SplitMix64's finaliser: a strong 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
