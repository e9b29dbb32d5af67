package org.mosaic.optics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.special.BesselJ;

/**
 * The guided modes of one step-index core in the weakly guiding approximation: linearly polarised LP_lm
 * modes [gloge-1971]. From the core diameter 2a, the numerical aperture NA and the wavelength λ:
 * <ul>
 * <li>V = (2π/λ)·a·NA; a mode LP_lm is guided above its cut-off V_c = j_{l−1,m} (l ≥ 1) or j_{1,m−1}
 *     (l = 0, with j_{1,0} = 0: LP01 has no cut-off), j_{n,k} the k-th zero of J_n;</li>
 * <li>its transverse wavenumber U solves the exact LP eigenvalue equation
 *     U·J_{l+1}(U)/J_l(U) = W·K_{l+1}(W)/K_l(W), W² = V² − U² ([gloge-1971] §2); b = 1 − U²/V²;</li>
 * <li>its group delay per metre, τ/L = (1/c)·[N₂ + (N₁ − N₂)·d(Vb)/dV] ([gloge-1971] §4), with
 *     N₁ − N₂ ≈ N₁·Δ, Δ = NA²/(2n₁²), N₁ the group index of fused silica [malitson-1965]; d(Vb)/dV by a
 *     central difference of the exact solution;</li>
 * <li>degeneracy 2 for l = 0 and 4 for l ≥ 1 (two polarisations, cos/sin azimuthal): the mode count tends to
 *     V²/2 for large V.</li>
 * </ul>
 * The core index n₁ is that of fused silica at λ (the dopants change it by order Δ, a few per cent of the
 * delays). Closed forms kept beside the exact solution for tests and for the documentation: Gloge's
 * approximations of U(V) and the ray limit of the delay spread.
 */
public final class FibreModes {
    static final double C = 299_792_458.0;

    /**
     * One LP mode group member (l, m) with its degeneracy, cut-off V, transverse wavenumber U, normalised
     * propagation constant b and normalised group delay d(Vb)/dV.
     */
    public record Mode(int l, int m, int degeneracy, double cutoffV, double u, double b, double delayFactor) {
    }

    private final double coreDiameterMeters;
    private final double numericalAperture;
    private final double wavelengthMeters;
    private final double v;
    private final double coreIndex;
    private final double groupIndex;
    private final List<Mode> modes;

    private FibreModes(double d, double na, double lambda) {
        this.coreDiameterMeters = d;
        this.numericalAperture = na;
        this.wavelengthMeters = lambda;
        this.v = vNumber(d, na, lambda);
        this.coreIndex = Sellmeier.index(lambda);
        this.groupIndex = Sellmeier.groupIndex(lambda);
        this.modes = solveModes(v);
    }

    private static final Map<List<Double>, FibreModes> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Double>, FibreModes> e) {
                    return size() > 64;
                }
            });

    /** The modes of a core of diameter {@code coreDiameterMeters} and numerical aperture {@code na} at a wavelength. */
    public static FibreModes of(double coreDiameterMeters, double na, double wavelengthMeters) {
        if (!(coreDiameterMeters > 0) || !(na > 0) || !(na < Sellmeier.index(wavelengthMeters)) || !(wavelengthMeters > 0)) {
            throw new IllegalArgumentException("core diameter, NA and wavelength must be positive (NA below the core index): "
                    + coreDiameterMeters + " m, " + na + ", " + wavelengthMeters + " m");
        }
        List<Double> key = List.of(coreDiameterMeters, na, wavelengthMeters);
        FibreModes cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        FibreModes m = new FibreModes(coreDiameterMeters, na, wavelengthMeters);
        CACHE.put(key, m);
        return m;
    }

    /** V = π·d·NA/λ. */
    public static double vNumber(double coreDiameterMeters, double na, double wavelengthMeters) {
        return Math.PI * coreDiameterMeters * na / wavelengthMeters;
    }

    public double vNumber() {
        return v;
    }

    /** Modes sorted by U (lowest order first), each (l, m) once with its degeneracy. */
    public List<Mode> modes() {
        return modes;
    }

    /** Guided modes counting polarisation and orientation (Σ degeneracy). */
    public int modeCount() {
        int n = 0;
        for (Mode m : modes) {
            n += m.degeneracy();
        }
        return n;
    }

    /** Relative index difference Δ = NA²/(2n₁²) (weak guidance). */
    public double delta() {
        return numericalAperture * numericalAperture / (2 * coreIndex * coreIndex);
    }

    /** Group delay of a mode relative to the cladding's group delay, s/m: N₁Δ/c · d(Vb)/dV. */
    public double relativeDelaySecondsPerMeter(Mode m) {
        return groupIndex * delta() / C * m.delayFactor();
    }

    /** Ray-limit delay spread of a step-index core (steepest guided ray minus axial ray), s/m: N₁Δ/c. */
    public double rayLimitSpreadSecondsPerMeter() {
        return groupIndex * delta() / C;
    }

    public double coreDiameterMeters() {
        return coreDiameterMeters;
    }

    public double numericalAperture() {
        return numericalAperture;
    }

    public double wavelengthMeters() {
        return wavelengthMeters;
    }

    /**
     * The power each mode receives (summed over its degenerate members, fractions of the power launched
     * into the core) from a launch that fills the acceptance disc uniformly up to {@code launchNa}: a
     * Lambertian source imaged by a lens has uniform radiance, so uniform power in direction-cosine space,
     * where every guided mode occupies an equal cell (N modes fill the disc of radius NA). Modes sorted by U
     * fill that disc from the centre outwards (U/V = sine of the mode's ray angle / NA), so mode i takes the
     * annulus of area fractions [c_i, c_{i+1}) (cumulative degeneracy / N) and receives the part of it inside
     * (launchNa/NA)². A launch at or above the fibre's NA fills every mode equally.
     */
    public double[] launchWeights(double launchNa) {
        double rho2 = Math.min(1, Math.pow(Math.max(0, launchNa) / numericalAperture, 2));
        int total = modeCount();
        double[] w = new double[modes.size()];
        int before = 0;
        for (int i = 0; i < w.length; i++) {
            int deg = modes.get(i).degeneracy();
            double lo = (double) before / total;
            double hi = (double) (before + deg) / total;
            w[i] = Math.max(0, Math.min(hi, rho2) - lo);
            before += deg;
        }
        return w;
    }

    /**
     * The modal impulse response's rms width, s, over {@code lengthMeters}: power-weighted delays of the
     * launched modes after differential mode attenuation (loss ∝ (U/V)², the steepest rays lose most,
     * [gloge-1972-power-flow]) of {@code dmaDbPerMeter} at the highest mode's (U/V)² = 1, then mode coupling:
     * for coupling length L_c the spread grows as L for L ≪ L_c and as √(L·L_c) for L ≫ L_c
     * [gloge-1972-power-flow], joined here as σ = σ_uncoupled / √(1 + L/L_c). {@code couplingLengthMeters}
     * infinite means no coupling.
     */
    public ModalResponse response(double launchNa, double lengthMeters, double dmaDbPerMeter, double couplingLengthMeters) {
        double[] w = launchWeights(launchNa);
        double sw = 0;
        double mean = 0;
        double launched = 0;
        for (int i = 0; i < w.length; i++) {
            Mode m = modes.get(i);
            launched += w[i];
            double uv = m.u() / v;
            w[i] *= Math.pow(10, -dmaDbPerMeter * lengthMeters * uv * uv / 10);
            sw += w[i];
            mean += w[i] * relativeDelaySecondsPerMeter(m);
        }
        mean /= sw;
        double var = 0;
        int excited = 0;
        for (int i = 0; i < w.length; i++) {
            double d = relativeDelaySecondsPerMeter(modes.get(i)) - mean;
            var += w[i] * d * d;
            if (w[i] > 0) {
                excited += modes.get(i).degeneracy();
            }
        }
        double sigmaPerMeter = Math.sqrt(var / sw);
        double coupling = Double.isInfinite(couplingLengthMeters) ? 1 : 1 / Math.sqrt(1 + lengthMeters / couplingLengthMeters);
        double sigma = sigmaPerMeter * lengthMeters * coupling;
        return new ModalResponse(v, modeCount(), excited, launchNa, sigma, sw / launched, w);
    }

    /**
     * The modal response of one core over a length: V, the guided and excited mode counts, the launch NA,
     * the rms width σ (s), the power fraction surviving differential mode attenuation, and the power per mode.
     */
    public record ModalResponse(double vNumber, int guidedModes, int excitedModes, double launchNa, double sigmaSeconds,
                                double dmaTransmission, double[] modePower) {
        /** Bandwidth-length product (Hz·m) of the Gaussian of this σ in the channel's convention: 0.1874·L/σ. */
        public double bandwidthLengthHzMeters(double lengthMeters) {
            return sigmaSeconds > 0 ? 0.1874 * lengthMeters / sigmaSeconds : Double.POSITIVE_INFINITY;
        }
    }

    // ---- closed forms (Gloge 1971) ----

    /** Gloge's approximation of LP01's U: (1 + √2)·V / (1 + (4 + V⁴)^¼) [gloge-1971]. */
    public static double glogeLp01U(double vNumber) {
        return (1 + Math.sqrt(2)) * vNumber / (1 + Math.pow(4 + Math.pow(vNumber, 4), 0.25));
    }

    /**
     * Gloge's approximation of U for LP_lm above cut-off U_c: U_c·exp{[asin(s/U_c) − asin(s/V)]/s},
     * s = √(U_c² − l² − 1) [gloge-1971] (not for LP01, whose U_c is 0).
     */
    public static double glogeU(int l, double cutoffU, double vNumber) {
        double s = Math.sqrt(cutoffU * cutoffU - l * l - 1);
        return cutoffU * Math.exp((Math.asin(s / cutoffU) - Math.asin(s / vNumber)) / s);
    }

    /** The mode-count asymptote of a step-index core, V²/2 [gloge-1971]. */
    public static double glogeModeCount(double vNumber) {
        return vNumber * vNumber / 2;
    }

    // ---- the exact weakly guiding solution ----

    private static List<Mode> solveModes(double v) {
        List<Mode> out = new ArrayList<>();
        double vMax = v * (1 + 2e-4) + 1;
        for (int l = 0; ; l++) {
            double[] cut = cutoffs(l, v);
            if (cut.length == 0) {
                break;
            }
            double[] poles = besselZeros(l, vMax).stream().mapToDouble(Double::doubleValue).toArray();
            for (int k = 0; k < cut.length; k++) {
                int m = k + 1;
                double u = solveU(l, cut[k], v, poles);
                if (Double.isNaN(u)) {
                    continue;
                }
                double b = 1 - (u / v) * (u / v);
                out.add(new Mode(l, m, l == 0 ? 2 : 4, cut[k], u, b, delayFactor(l, cut[k], v, poles)));
            }
        }
        out.sort(Comparator.comparingDouble(Mode::u).thenComparingInt(Mode::l));
        return List.copyOf(out);
    }

    /** Cut-off V of LP_l1, LP_l2, … below v: zeros of J_{l−1} (l ≥ 1), or 0 and the zeros of J_1 (l = 0). */
    static double[] cutoffs(int l, double v) {
        if (l == 0) {
            List<Double> z = besselZeros(1, v);
            double[] out = new double[z.size() + 1];
            for (int i = 0; i < z.size(); i++) {
                out[i + 1] = z.get(i);
            }
            return out;
        }
        return besselZeros(l - 1, v).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Positive zeros of J_n below {@code limit} (x = 0 excluded), by scanning in steps of 0.1 and refining. */
    static List<Double> besselZeros(int n, double limit) {
        List<Double> out = new ArrayList<>();
        BrentSolver solver = new BrentSolver(1e-14, 1e-14);
        double step = 0.1; // zeros of J_n are spaced by more than π/… > 2.4: no pair shares a step
        double a = Math.max(1e-9, n - 1.0);
        double fa = BesselJ.value(n, a);
        for (double b = a + step; b < limit + step; b += step) {
            double fb = BesselJ.value(n, b);
            if (fa == 0 && a > 1e-6) {
                if (a < limit) {
                    out.add(a);
                }
            } else if (fa * fb < 0) {
                double z = solver.solve(200, x -> BesselJ.value(n, x), a, b);
                if (z < limit) {
                    out.add(z);
                }
            }
            a = b;
            fa = fb;
        }
        return out;
    }

    /** U of LP_lm with cut-off {@code cutoff} at V = v, or NaN when the mode is not guided there. */
    static double solveU(int l, double cutoff, double v) {
        return solveU(l, cutoff, v, besselZeros(l, v + 1).stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** As {@link #solveU(int, double, double)} with the zeros of J_l (beyond v) given. */
    static double solveU(int l, double cutoff, double v, double[] zerosOfJl) {
        if (!(cutoff < v)) {
            return Double.NaN;
        }
        // the bracket, in ln W (LP0m modes leave cut-off with W exponentially small, out of reach of a bracket
        // in U): from the cut-off (U = U_c) to the next zero of J_l (the left side's pole) or to V (W → 0)
        double upper = v;
        for (double z : zerosOfJl) {
            if (z > cutoff + 1e-9) {
                upper = Math.min(v, z);
                break;
            }
        }
        double wHi = Math.sqrt(v * v - cutoff * cutoff) * (1 - 1e-12);
        double wLo = upper < v ? Math.sqrt(v * v - upper * upper) * (1 + 1e-12) : 1e-200;
        if (!(wHi > wLo)) {
            return Double.NaN;
        }
        double tLo = Math.log(wLo);
        double tHi = Math.log(wHi);
        double fLo = eigenW(l, Math.exp(tLo), v);
        double fHi = eigenW(l, Math.exp(tHi), v);
        if (!(fLo > 0 && fHi < 0)) {
            return Double.NaN;
        }
        double t = new BrentSolver(1e-15, 1e-15).solve(300, x -> eigenW(l, Math.exp(x), v), tLo, tHi);
        double w = Math.exp(t);
        return Math.sqrt(v * v - w * w);
    }

    private static double eigenW(int l, double w, double v) {
        double u = Math.sqrt(v * v - w * w);
        return u * BesselJ.value(l + 1, u) / BesselJ.value(l, u) - w * kRatio(l, w);
    }

    /** U·J_{l+1}(U)/J_l(U) − W·K_{l+1}(W)/K_l(W), W = √(V² − U²). */
    static double eigen(int l, double u, double v) {
        double w = Math.sqrt(Math.max(0, v * v - u * u));
        return u * BesselJ.value(l + 1, u) / BesselJ.value(l, u) - w * kRatio(l, w);
    }

    /** d(Vb)/dV of LP_lm at v by a central difference (one-sided next to the cut-off). */
    static double delayFactor(int l, double cutoff, double v, double[] zerosOfJl) {
        return delayFactor(l, cutoff, v, zerosOfJl, DELAY_STEP);
    }

    /** The relative step of the central difference behind d(Vb)/dV (convergence: {@code ConvergenceTest}). */
    static final double DELAY_STEP = 1e-4;

    /** d(Vb)/dV with the difference step {@code relativeStep}·V. */
    static double delayFactor(int l, double cutoff, double v, double[] zerosOfJl, double relativeStep) {
        double h = relativeStep * v;
        double vb0 = vb(l, cutoff, v, zerosOfJl);
        double vbP = vb(l, cutoff, v + h, zerosOfJl);
        double vbM = vb(l, cutoff, v - h, zerosOfJl);
        if (!Double.isNaN(vbM)) {
            return (vbP - vbM) / (2 * h);
        }
        return (vbP - vb0) / h;
    }

    private static double vb(int l, double cutoff, double v, double[] zerosOfJl) {
        double u = solveU(l, cutoff, v, zerosOfJl);
        return Double.isNaN(u) ? Double.NaN : v * (1 - (u / v) * (u / v));
    }

    /**
     * W·K_{l+1}(W)/K_l(W) divided by W, i.e. K_{l+1}(W)/K_l(W), from K_0 and K_1 (polynomial approximations of
     * [abramowitz-stegun-1964] 9.8.5–9.8.8, |ε| &lt; 2e-7 relative) and the upward recurrence
     * K_{n+1} = K_{n−1} + (2n/W)·K_n (stable upwards), carried as the ratio.
     */
    static double kRatio(int l, double w) {
        if (w <= 0) {
            return l == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        double r = k1(w) / k0(w);
        // the ratio r_n = K_{n+1}/K_n obeys r_n = 1/r_{n−1} + 2n/W: no overflow even at W ~ 1e-200
        for (int n = 1; n <= l; n++) {
            r = 1 / r + 2 * n / w;
        }
        return r;
    }

    static double i0(double x) {
        double t = x / 3.75;
        t *= t;
        return 1 + t * (3.5156229 + t * (3.0899424 + t * (1.2067492 + t * (0.2659732 + t * (0.0360768 + t * 0.0045813)))));
    }

    static double i1(double x) {
        double t = x / 3.75;
        t *= t;
        return x * (0.5 + t * (0.87890594 + t * (0.51498869 + t * (0.15084934 + t * (0.02658733 + t * (0.00301532
                + t * 0.00032411))))));
    }

    /** K_0 ([abramowitz-stegun-1964] 9.8.1, 9.8.5, 9.8.6). */
    static double k0(double x) {
        if (x <= 2) {
            double t = x * x / 4;
            return -Math.log(x / 2) * i0(x) - 0.57721566 + t * (0.42278420 + t * (0.23069756 + t * (0.03488590
                    + t * (0.00262698 + t * (0.00010750 + t * 0.00000740)))));
        }
        double t = 2 / x;
        return Math.exp(-x) / Math.sqrt(x) * (1.25331414 + t * (-0.07832358 + t * (0.02189568 + t * (-0.01062446
                + t * (0.00587872 + t * (-0.00251540 + t * 0.00053208))))));
    }

    /** K_1 ([abramowitz-stegun-1964] 9.8.3, 9.8.7, 9.8.8). */
    static double k1(double x) {
        if (x <= 2) {
            double t = x * x / 4;
            return (x * Math.log(x / 2) * i1(x) + 1 + t * (0.15443144 + t * (-0.67278579 + t * (-0.18156897
                    + t * (-0.01919402 + t * (-0.00110404 - t * 0.00004686)))))) / x;
        }
        double t = 2 / x;
        return Math.exp(-x) / Math.sqrt(x) * (1.25331414 + t * (0.23498619 + t * (-0.03655620 + t * (0.01504268
                + t * (-0.00780353 + t * (0.00325614 - t * 0.00068245))))));
    }
}
