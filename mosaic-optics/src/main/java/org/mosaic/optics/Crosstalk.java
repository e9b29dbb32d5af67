package org.mosaic.optics;

import java.util.ArrayList;
import java.util.List;

/**
 * Intensity crosstalk between channels of the imaging fibre. Light is incoherent, so power (not field)
 * couples. Along the fibre, power hops between neighbouring channel spots at a rate κ per metre (a
 * continuous-time random walk on the square channel grid, nearest neighbours only), whose exact solution
 * for an interior channel is P(m,n;L) = e^{−4κL}·I_m(2κL)·I_n(2κL) (I = modified Bessel function of the
 * first kind) — crosstalk grows with length, roughly linearly while small, and reaches diagonal and
 * second neighbours at higher order. κ is set so that the nearest-neighbour coupling equals
 * {@code fiber.crosstalk} at {@code fiber.crosstalkReferenceLength}. At the fibre input the optics spill
 * a fixed fraction ({@code optics.inputCrosstalk}) onto each nearest neighbour.
 */
public final class Crosstalk {
    /** Neighbours are considered up to this Chebyshev distance on the grid. */
    public static final int RADIUS = 2;

    private final double kappaPerMeter;
    private final double inputFraction;

    /** The channel coupling from the cores' geometry ({@link CoreCoupling}); null when {@code fiber.crosstalk} overrides it. */
    private final ChannelSpec geometry;
    /** The geometry's last table: {length, table}, replaced atomically. */
    private volatile Object[] geometryCache = {Double.NaN, null};

    public Crosstalk(ChannelSpec spec) {
        this.inputFraction = Math.pow(10, spec.optics().inputCrosstalkDb() / 10);
        if (spec.fiber().crosstalkOverridden()) {
            double target = Math.pow(10, spec.fiber().crosstalkDb() / 10);
            this.kappaPerMeter = solveKappa(target, spec.fiber().crosstalkReferenceLengthMeters());
            this.geometry = null;
        } else {
            this.kappaPerMeter = Double.NaN;
            this.geometry = spec;
        }
    }

    /** True when the coupling follows from the cores' geometry rather than {@code fiber.crosstalk}. */
    public boolean fromGeometry() {
        return geometry != null;
    }

    /** The geometry's channel coupling table at a length ({@link CoreCoupling#channelCoupling}), cached for the last length. */
    private double[][] geometryTable(double lengthMeters) {
        Object[] c = geometryCache;
        if ((double) c[0] == lengthMeters) {
            return (double[][]) c[1];
        }
        double[][] t = CoreCoupling.channelCoupling(geometry, lengthMeters, RADIUS);
        geometryCache = new Object[] {lengthMeters, t};
        return t;
    }

    public double kappaPerMeter() {
        return kappaPerMeter;
    }

    /** Fraction of a channel's power that arrives on the channel offset by (dm, dn) after {@code lengthMeters}. */
    public double coupling(int dm, int dn, double lengthMeters) {
        boolean nearest = Math.abs(dm) + Math.abs(dn) == 1;
        if (geometry != null) {
            double f = Math.abs(dm) <= RADIUS && Math.abs(dn) <= RADIUS ? geometryTable(lengthMeters)[dm + RADIUS][dn + RADIUS] : 0;
            return f + (nearest ? inputFraction : 0);
        }
        double x = 2 * kappaPerMeter * lengthMeters;
        double fibre = Math.exp(-2 * x) * besselI(Math.abs(dm), x) * besselI(Math.abs(dn), x);
        return fibre + (nearest ? inputFraction : 0);
    }

    /** Fraction of a channel's own power still on its spot at the output (the rest became crosstalk). */
    public double retained(double lengthMeters) {
        if (geometry != null) {
            return geometryTable(lengthMeters)[RADIUS][RADIUS] * (1 - 4 * inputFraction);
        }
        double x = 2 * kappaPerMeter * lengthMeters;
        double i0 = besselI(0, x);
        return Math.exp(-2 * x) * i0 * i0 * (1 - 4 * inputFraction);
    }

    /** One interfering channel seen by a victim: its grid offset and intensity coupling. */
    public record Interferer(int row, int col, double coupling) {
    }

    /** Interferers of the channel at (row, col) in a rows × cols array (edge channels have fewer). */
    public List<Interferer> interferers(int row, int col, int rows, int cols, double lengthMeters) {
        List<Interferer> out = new ArrayList<>();
        for (int dm = -RADIUS; dm <= RADIUS; dm++) {
            for (int dn = -RADIUS; dn <= RADIUS; dn++) {
                int r = row + dm;
                int c = col + dn;
                if ((dm == 0 && dn == 0) || r < 0 || c < 0 || r >= rows || c >= cols) {
                    continue;
                }
                double k = coupling(dm, dn, lengthMeters);
                if (k > 1e-12) {
                    out.add(new Interferer(r, c, k));
                }
            }
        }
        return out;
    }

    /** κ·L at which the nearest-neighbour coupling of the walk peaks (x = 2κL = 0.654): −9.85 dB. */
    static final double PEAK_KAPPA_L = 0.327;

    /**
     * κ such that the nearest-neighbour coupling after {@code refLength} equals {@code target}, on the rising
     * branch κL ∈ [0, 0.327] (beyond it power has spread past the neighbours). The binder limits
     * {@code fiber.crosstalk} to −10 dB, below the −9.85 dB peak.
     */
    private static double solveKappa(double target, double refLength) {
        if (target <= 1e-12) {
            return 0;
        }
        double lo = 0;
        double hi = PEAK_KAPPA_L / refLength;
        if (nearest(hi * refLength) < target) {
            throw new IllegalArgumentException("nearest-neighbour crosstalk " + target + " exceeds the largest the coupling walk reaches (0.1035)");
        }
        for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (nearest(mid * refLength) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double nearest(double kappaL) {
        double x = 2 * kappaL;
        return Math.exp(-2 * x) * besselI(1, x) * besselI(0, x);
    }

    /** Modified Bessel function I_n(x) by its power series (x ≥ 0; converges for all x, used for x ≲ 50). */
    static double besselI(int n, double x) {
        double half = 0.5 * x;
        double term = 1;
        for (int k = 1; k <= n; k++) {
            term *= half / k;
        }
        double sum = term;
        double h2 = half * half;
        for (int k = 1; k < 500; k++) {
            term *= h2 / (k * (double) (k + n));
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }
}
