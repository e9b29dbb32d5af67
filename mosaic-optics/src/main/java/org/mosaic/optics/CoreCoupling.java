package org.mosaic.optics;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.special.BesselJ;

/**
 * Core-to-core crosstalk of a multicore imaging fibre from its geometry.
 *
 * <p><b>Field coupling between two identical step-index cores</b> (weakly guiding scalar coupled-mode theory,
 * [snyder-love-1983] §18 and §29): for an LP_lm mode of U, W = √(V² − U²) in cores of radius ρ, relative index
 * difference Δ = NA²/(2n₁²), at centre-to-centre distance d,
 *
 * <pre>
 *   κ = (k/(2n₁))·(n₁² − n₂²)·∫_core2 ψ₁ψ₂ dA / ∫ψ₁² dA = (V√(2Δ)/(2ρ))·I
 * </pre>
 *
 * with ψ = J_l(U r/ρ)/J_l(U) in the core and K_l(W r/ρ)/K_l(W) outside, times cos lφ (even) or sin lφ (odd);
 * for LP0m modes Graf's addition theorem gives the closed form ([snyder-love-1983] Table 18-3)
 * κ = (√(2Δ)/ρ)·U²·K₀(W d/ρ)/(V³·K₁²(W)). Here every lit mode group's κ comes from the overlap integral (the
 * closed form is its test), for l ≥ 1 in both orientations relative to the pair's axis.
 *
 * <p><b>Coherent exchange</b>: two identical cores exchange a mode's power as cos²(κz) / sin²(κz).
 * <b>Random perturbations</b> along the fibre (bends, twist, core-size fluctuation) dephase the exchange; the
 * coupled-power theory of [koshiba-2011-mcf-cpt] (exponential autocorrelation of correlation length D, identical
 * cores, Δβ = 0) turns it into diffusion with the power-coupling coefficient h = 2κ²D; cores whose diameters differ
 * (σ relative, {@code fiber.coreDiameterSpread}) are detuned by Δβ and couple with h = 2κ²D/(1 + (ΔβD)²), averaged
 * over the pairs' normal Δβ (the mechanism by which image fibres keep their pixels apart, [reichenbach-xu-2007]).
 * For incoherent light
 * spread over a group's orientations the group's h is the mean of its even and odd orientations' (an
 * approximation: the orientation basis is the pair's axis, which differs between the six neighbours).
 *
 * <p><b>Diffusion over the core lattice</b>: dP_i/dz = h·Σ_{j ∈ nn(i)} (P_j − P_i) on the hexagonal lattice of
 * the fibre's cores (a finite patch with closed, reflecting edges: power is conserved), solved exactly by
 * uniformisation, P(z) = Σ_k Poisson(k; λ)·(I − L/q)^k P(0), λ = q·h·z (q = 6 neighbours). A channel's spot
 * launches equal power into the cores whose centres lie inside it (at least the nearest core); the power that
 * reaches the cores inside a neighbour's spot is the channel-to-channel coupling.
 */
public final class CoreCoupling {
    private CoreCoupling() {
    }

    // ---------------------------------------------------------------------------------------------- coupling κ

    /**
     * κ (1/m) of an LP0m mode between two identical cores, the closed form of [snyder-love-1983] Table 18-3:
     * (√(2Δ)/ρ)·U²·K₀(W d/ρ)/(V³·K₁²(W)).
     */
    public static double kappaClosedForm(double radiusMeters, double delta, double u, double v, double pitchMeters) {
        double w = Math.sqrt(v * v - u * u);
        double dr = pitchMeters / radiusMeters;
        // K₀(W·D)/K₁(W)² with exponentially scaled functions: e^{−W(D − 2)} · k̂₀(WD)/k̂₁(W)²
        double ratio = kScaled(0, w * dr) / (kScaled(1, w) * kScaled(1, w)) * Math.exp(-w * (dr - 2));
        return Math.sqrt(2 * delta) / radiusMeters * u * u / (v * v * v) * ratio;
    }

    /** Gauss–Legendre nodes in the radial direction and trapezoid points in the angle of the overlap integral. */
    static final int RADIAL_POINTS = 24;
    static final int ANGULAR_POINTS = 64;

    /**
     * κ (1/m) of the LP_lm mode of (U, V) between two identical cores by the overlap integral over core 2 (in
     * units of ρ, Gauss–Legendre in the radius, trapezoid rule in the angle, spectrally accurate for the periodic
     * integrand); {even, odd} orientation relative to the pair's axis (odd is 0 for l = 0).
     */
    public static double[] kappaOverlap(int l, double u, double v, double radiusMeters, double delta, double pitchMeters) {
        double w = Math.sqrt(v * v - u * u);
        double dr = pitchMeters / radiusMeters;
        double jl = BesselJ.value(l, u);
        double[][] gl = gaussLegendre01(RADIAL_POINTS);
        double even = 0;
        double odd = 0;
        for (int i = 0; i < RADIAL_POINTS; i++) {
            double s = gl[0][i];
            double psi2r = BesselJ.value(l, u * s) / jl;
            for (int j = 0; j < ANGULAR_POINTS; j++) {
                double th = 2 * Math.PI * j / ANGULAR_POINTS;
                double x = dr + s * Math.cos(th);
                double y = s * Math.sin(th);
                double r1 = Math.hypot(x, y);
                double phi1 = Math.atan2(y, x);
                // K_l(W r1)/K_l(W) with scaled functions
                double psi1r = kScaled(l, w * r1) / kScaled(l, w) * Math.exp(-w * (r1 - 1));
                double weight = gl[1][i] * s * (2 * Math.PI / ANGULAR_POINTS);
                even += weight * psi1r * Math.cos(l * phi1) * psi2r * Math.cos(l * th);
                odd += weight * psi1r * Math.sin(l * phi1) * psi2r * Math.sin(l * th);
            }
        }
        double norm = modeNorm(l, u, w);
        double scale = v * Math.sqrt(2 * delta) / (2 * radiusMeters);
        return new double[] {scale * even / norm, l == 0 ? 0 : scale * odd / norm};
    }

    /**
     * ∫ψ² dA / ρ² over the plane: A_l·(½[J_l² − J_{l−1}J_{l+1}](U)/J_l²(U) + ½[K_{l−1}K_{l+1} − K_l²](W)/K_l²(W)),
     * A_l = 2π for l = 0 and π otherwise (the cos lφ or sin lφ factor).
     */
    static double modeNorm(int l, double u, double w) {
        double jl = BesselJ.value(l, u);
        double jm = l == 0 ? -BesselJ.value(1, u) : BesselJ.value(l - 1, u);
        double jp = BesselJ.value(l + 1, u);
        double kl = kScaled(l, w);
        double km = kScaled(Math.abs(l - 1), w);
        double kp = kScaled(l + 1, w);
        double core = 0.5 * (jl * jl - jm * jp) / (jl * jl);
        double clad = 0.5 * (km * kp - kl * kl) / (kl * kl);
        return (l == 0 ? 2 * Math.PI : Math.PI) * (core + clad);
    }

    /** Coherent exchange between two identical cores: {power left in core 1, power in core 2} = {cos²κz, sin²κz}. */
    public static double[] twoCoreExchange(double kappaPerMeter, double lengthMeters) {
        double c = Math.cos(kappaPerMeter * lengthMeters);
        double s = Math.sin(kappaPerMeter * lengthMeters);
        return new double[] {c * c, s * s};
    }

    /**
     * The same exchange by integrating the coupled-mode equations dA₁/dz = −iκA₂, dA₂/dz = −iκA₁ numerically
     * (classical RK4 on the complex amplitudes): the independent check of {@link #twoCoreExchange}.
     */
    static double[] twoCoreExchangeNumerical(double kappa, double length, int steps) {
        double[] a = {1, 0, 0, 0}; // re1, im1, re2, im2
        double h = length / steps;
        for (int n = 0; n < steps; n++) {
            double[] k1 = cmDeriv(a, kappa);
            double[] k2 = cmDeriv(axpy(a, k1, h / 2), kappa);
            double[] k3 = cmDeriv(axpy(a, k2, h / 2), kappa);
            double[] k4 = cmDeriv(axpy(a, k3, h), kappa);
            for (int i = 0; i < 4; i++) {
                a[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return new double[] {a[0] * a[0] + a[1] * a[1], a[2] * a[2] + a[3] * a[3]};
    }

    private static double[] cmDeriv(double[] a, double kappa) {
        // −iκ(x + iy) = κy − iκx
        return new double[] {kappa * a[3], -kappa * a[2], kappa * a[1], -kappa * a[0]};
    }

    private static double[] axpy(double[] a, double[] k, double h) {
        double[] o = new double[4];
        for (int i = 0; i < 4; i++) {
            o[i] = a[i] + h * k[i];
        }
        return o;
    }

    /** The coupled-power coefficient (1/m) of [koshiba-2011-mcf-cpt] for identical cores: h = 2κ²D. */
    public static double powerCoupling(double kappaPerMeter, double correlationLengthMeters) {
        return 2 * kappaPerMeter * kappaPerMeter * correlationLengthMeters;
    }

    /**
     * The coupled-power coefficient (1/m) between cores detuned by Δβ: h = 2κ²D/(1 + (ΔβD)²) [koshiba-2011-mcf-cpt],
     * averaged over neighbour pairs whose Δβ is normal of rms {@code sigmaBeta} (1/m): 2κ²D·g(s), s = σ_β·D,
     * g(s) = E[1/(1 + s²Z²)] = √(π/2)/s · e^{1/(2s²)} · erfc(1/(√2 s)) (1 − s² + 3s⁴ below s = 0.05).
     */
    public static double powerCoupling(double kappaPerMeter, double correlationLengthMeters, double sigmaBeta) {
        return powerCoupling(kappaPerMeter, correlationLengthMeters) * detuningFactor(sigmaBeta * correlationLengthMeters);
    }

    /** g(s) = E[1/(1 + s²Z²)], Z ~ N(0, 1). */
    static double detuningFactor(double s) {
        if (s < 0.05) {
            double s2 = s * s;
            return 1 - s2 + 3 * s2 * s2;
        }
        double a = 1 / (Math.sqrt(2) * s);
        // e^{a²}·erfc(a): for large a by its asymptotic series (erfc underflows past a ≈ 26)
        double ex = a < 20 ? Math.exp(a * a) * org.hipparchus.special.Erf.erfc(a)
                : 1 / (a * Math.sqrt(Math.PI)) * (1 - 1 / (2 * a * a) + 3 / (4 * Math.pow(a, 4)) - 15 / (8 * Math.pow(a, 6)));
        return Math.sqrt(Math.PI / 2) / s * ex;
    }

    /**
     * rms Δβ (1/m) between two neighbouring cores of a mode whose diameters differ at random by the relative spread σ
     * each (the pair's difference √2·σ): β ≈ k₀(n₂ + b·n₁Δ), so Δβ = k₀·n₁Δ·(db/dV)·V·δ, with db/dV = (d(Vb)/dV − b)/V.
     */
    static double sigmaBeta(FibreModes fm, FibreModes.Mode m, double diameterSpread) {
        double k0 = 2 * Math.PI / fm.wavelengthMeters();
        double n1Delta = fm.numericalAperture() * fm.numericalAperture() / (2 * Sellmeier.index(fm.wavelengthMeters()));
        double dbdvTimesV = m.delayFactor() - m.b();
        return k0 * n1Delta * dbdvTimesV * Math.sqrt(2) * diameterSpread;
    }

    /**
     * Each mode group of the fibre's cores with its launch weight (fraction of the launched power), its κ (even,
     * odd) at the core pitch and the group's power-coupling coefficient h (1/m).
     */
    public record Group(FibreModes.Mode mode, double weight, double kappaEven, double kappaOdd, double powerCouplingPerMeter) {
    }

    /** The lit mode groups (launch weight > 0) of the spec's cores with their coupling. */
    public static List<Group> groups(ChannelSpec spec) {
        ChannelSpec.Fiber f = spec.fiber();
        FibreModes fm = FibreModes.of(f.coreDiameterMeters(), f.numericalAperture(), spec.led().wavelengthMeters());
        double[] w = fm.launchWeights(OpticalPath.launch(spec).launchNa());
        double total = 0;
        for (double x : w) {
            total += x;
        }
        List<Group> out = new ArrayList<>();
        double rho = f.coreDiameterMeters() / 2;
        for (int i = 0; i < w.length; i++) {
            if (w[i] <= 0) {
                continue;
            }
            FibreModes.Mode m = fm.modes().get(i);
            double[] k = kappaOverlap(m.l(), m.u(), fm.vNumber(), rho, fm.delta(), f.corePitchMeters());
            double d = f.crosstalkCorrelationLengthMeters();
            double sb = sigmaBeta(fm, m, f.coreDiameterSpread());
            double h = m.l() == 0 ? powerCoupling(k[0], d, sb) : 0.5 * (powerCoupling(k[0], d, sb) + powerCoupling(k[1], d, sb));
            out.add(new Group(m, w[i] / total, k[0], k[1], h));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- lattice

    /**
     * A finite patch of the core lattice: core positions (m), nearest-neighbour lists (cores within 1.01 pitch),
     * each core's neighbour count in the infinite lattice ({@code coordination}).
     */
    public static final class Lattice {
        final double[] x;
        final double[] y;
        final int[][] neighbours;
        final int coordination;

        Lattice(double[] x, double[] y, double pitch, int coordination) {
            this.x = x;
            this.y = y;
            this.coordination = coordination;
            int n = x.length;
            // neighbours by a cell grid of one pitch: O(n)
            double cell = pitch;
            java.util.Map<Long, List<Integer>> grid = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                grid.computeIfAbsent(key((long) Math.floor(x[i] / cell), (long) Math.floor(y[i] / cell)),
                        k -> new ArrayList<>()).add(i);
            }
            this.neighbours = new int[n][];
            for (int i = 0; i < n; i++) {
                long cx = (long) Math.floor(x[i] / cell);
                long cy = (long) Math.floor(y[i] / cell);
                List<Integer> nb = new ArrayList<>();
                for (long dx = -2; dx <= 2; dx++) {
                    for (long dy = -2; dy <= 2; dy++) {
                        for (int j : grid.getOrDefault(key(cx + dx, cy + dy), List.of())) {
                            double d = Math.hypot(x[j] - x[i], y[j] - y[i]);
                            if (j != i && d < 1.01 * pitch) {
                                nb.add(j);
                            }
                        }
                    }
                }
                java.util.Collections.sort(nb);
                neighbours[i] = nb.stream().mapToInt(Integer::intValue).toArray();
            }
        }

        private static long key(long a, long b) {
            return a * 1_000_003L + b;
        }

        public int size() {
            return x.length;
        }

        /** A hexagonal lattice of {@code pitch} covering the square |x|, |y| ≤ half, with a core at the origin. */
        public static Lattice hexagonal(double pitch, double half) {
            List<double[]> pts = new ArrayList<>();
            double dy = pitch * Math.sqrt(3) / 2;
            int rows = (int) Math.ceil(half / dy);
            for (int r = -rows; r <= rows; r++) {
                double off = (r & 1) == 0 ? 0 : pitch / 2;
                int cols = (int) Math.ceil(half / pitch) + 1;
                for (int c = -cols; c <= cols; c++) {
                    double px = c * pitch + off;
                    double py = r * dy;
                    if (Math.abs(px) <= half && Math.abs(py) <= half) {
                        pts.add(new double[] {px, py});
                    }
                }
            }
            return of(pts, pitch, 6);
        }

        /** A square lattice of {@code pitch} covering |x|, |y| ≤ half (for the closed-form test). */
        public static Lattice square(double pitch, double half) {
            List<double[]> pts = new ArrayList<>();
            int n = (int) Math.floor(half / pitch);
            for (int r = -n; r <= n; r++) {
                for (int c = -n; c <= n; c++) {
                    pts.add(new double[] {c * pitch, r * pitch});
                }
            }
            return of(pts, pitch, 4);
        }

        private static Lattice of(List<double[]> pts, double pitch, int coordination) {
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            return new Lattice(x, y, pitch, coordination);
        }

        /** The cores whose centres lie within {@code radius} of (cx, cy); the nearest core if none does. */
        public int[] coresInside(double cx, double cy, double radius) {
            List<Integer> in = new ArrayList<>();
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < x.length; i++) {
                double d = Math.hypot(x[i] - cx, y[i] - cy);
                if (d <= radius) {
                    in.add(i);
                }
                if (d < best) {
                    best = d;
                    nearest = i;
                }
            }
            if (in.isEmpty()) {
                in.add(nearest);
            }
            return in.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * The power distribution after {@code hz} = h·z of diffusion dP_i/dz = h·Σ_nn (P_j − P_i) from {@code p0},
         * exact by uniformisation: e^{−hzL} = Σ_k Poisson(k; λ)·M^k with M = I − L/q, λ = q·h·z (M is a stochastic,
         * symmetric matrix for the closed patch, so power is conserved to rounding). Beyond λ = {@link #MAX_LAMBDA}
         * the power has spread far beyond the patch's channels: the closed patch's equilibrium (uniform) is returned.
         */
        public double[] diffuse(double[] p0, double hz) {
            int n = x.length;
            double lambda = coordination * hz;
            if (lambda == 0) {
                return p0.clone();
            }
            if (lambda > MAX_LAMBDA) {
                double total = 0;
                for (double v : p0) {
                    total += v;
                }
                double[] u = new double[n];
                java.util.Arrays.fill(u, total / n);
                return u;
            }
            int kmax = (int) Math.ceil(lambda + 10 * Math.sqrt(lambda) + 30);
            double[] cur = p0.clone();
            double[] next = new double[n];
            double[] out = new double[n];
            double logLambda = Math.log(lambda);
            double lgam = 0; // ln k!
            for (int k = 0; k <= kmax; k++) {
                if (k > 0) {
                    lgam += Math.log(k);
                    // cur ← M·cur
                    for (int i = 0; i < n; i++) {
                        double s = cur[i] * (1 - (double) neighbours[i].length / coordination);
                        for (int j : neighbours[i]) {
                            s += cur[j] / coordination;
                        }
                        next[i] = s;
                    }
                    double[] t = cur;
                    cur = next;
                    next = t;
                }
                double wk = Math.exp(-lambda + k * logLambda - lgam);
                if (wk > 0) {
                    for (int i = 0; i < n; i++) {
                        out[i] += wk * cur[i];
                    }
                }
            }
            return out;
        }
    }

    /** λ = q·h·z above which the diffusion is taken as fully mixed over the patch (~√(λ/q) pitches ≫ the patch). */
    static final double MAX_LAMBDA = 20_000;

    /**
     * The fibre's channel-to-channel power coupling table over channel offsets |dm|, |dn| ≤ radius at one length:
     * entry [dm + radius][dn + radius] is the fraction of a channel's launched power found in the cores inside the
     * spot of the channel at (dm, dn) (the centre entry: the power it keeps).
     */
    public static double[][] channelCoupling(ChannelSpec spec, double lengthMeters, int radius) {
        return channelCoupling(groups(spec), spec.fiber().corePitchMeters(), spec.faceChannelPitchMeters(),
                spec.optics().spotDiameterMeters(), lengthMeters, radius);
    }

    static double[][] channelCoupling(List<Group> groups, double corePitch, double channelPitch, double spot,
                                      double lengthMeters, int radius) {
        double half = (radius + 1.5) * channelPitch + 2 * corePitch;
        Lattice lat = Lattice.hexagonal(corePitch, half);
        return channelCoupling(lat, groups, channelPitch, spot, lengthMeters, radius);
    }

    static double[][] channelCoupling(Lattice lat, List<Group> groups, double channelPitch, double spot,
                                      double lengthMeters, int radius) {
        int[] own = lat.coresInside(0, 0, spot / 2);
        double[] p0 = new double[lat.size()];
        for (int i : own) {
            p0[i] = 1.0 / own.length;
        }
        double[] p = new double[lat.size()];
        for (Group g : groups) {
            double[] pg = lat.diffuse(p0, g.powerCouplingPerMeter() * lengthMeters);
            for (int i = 0; i < p.length; i++) {
                p[i] += g.weight() * pg[i];
            }
        }
        double[][] out = new double[2 * radius + 1][2 * radius + 1];
        for (int dm = -radius; dm <= radius; dm++) {
            for (int dn = -radius; dn <= radius; dn++) {
                double s = 0;
                for (int i : lat.coresInside(dn * channelPitch, dm * channelPitch, spot / 2)) {
                    s += p[i];
                }
                out[dm + radius][dn + radius] = s;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- Bessel K

    /** e^x·K_n(x), x > 0: [abramowitz-stegun-1964] 9.8.5–9.8.8 for n = 0, 1, then K_{n+1} = K_{n−1} + (2n/x)K_n. */
    static double kScaled(int n, double x) {
        double k0 = scaledK0(x);
        if (n == 0) {
            return k0;
        }
        double k1 = scaledK1(x);
        for (int i = 1; i < n; i++) {
            double k2 = k0 + 2 * i / x * k1;
            k0 = k1;
            k1 = k2;
        }
        return k1;
    }

    private static double scaledK0(double x) {
        if (x <= 2) {
            return FibreModes.k0(x) * Math.exp(x);
        }
        double t = 2 / x;
        return 1 / Math.sqrt(x) * (1.25331414 + t * (-0.07832358 + t * (0.02189568 + t * (-0.01062446
                + t * (0.00587872 + t * (-0.00251540 + t * 0.00053208))))));
    }

    private static double scaledK1(double x) {
        if (x <= 2) {
            return FibreModes.k1(x) * Math.exp(x);
        }
        double t = 2 / x;
        return 1 / Math.sqrt(x) * (1.25331414 + t * (0.23498619 + t * (-0.03655620 + t * (0.01504268
                + t * (-0.00780353 + t * (0.00325614 - t * 0.00068245))))));
    }

    /** Gauss–Legendre nodes and weights on [0, 1] (Newton on P_n, Golub-free: n ≤ 64). */
    static double[][] gaussLegendre01(int n) {
        double[] xs = new double[n];
        double[] ws = new double[n];
        for (int i = 0; i < n; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p1 = 1;
                double p2 = 0;
                for (int j = 1; j <= n; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
                }
                dp = n * (z * p1 - p2) / (z * z - 1);
                double z1 = z;
                z = z1 - p1 / dp;
                if (Math.abs(z - z1) < 1e-15) {
                    break;
                }
            }
            xs[i] = 0.5 * (1 - z);
            ws[i] = 1.0 / ((1 - z * z) * dp * dp);
        }
        return new double[][] {xs, ws};
    }
}
