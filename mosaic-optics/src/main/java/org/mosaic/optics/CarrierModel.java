package org.mosaic.optics;

import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * The microLED's carrier-rate (ABC) model: the carrier density n in the active region obeys
 * <pre>
 *   dn/dt = η_inj·I(t)/(q·V) − R(n),     R(n) = A·n + B·n² + C·n³
 * </pre>
 * (Shockley–Read–Hall, radiative and Auger recombination; [green-2013], [mckendry-2012]), the emitted power is the radiative
 * part, P = η_extr·(hc/λ)·V·B·n², and the small-signal (differential) response at a bias is first order with the
 * differential carrier lifetime 1/τ_d = dR/dn = A + 2Bn + 3Cn², i.e. an electrical 3-dB bandwidth
 * f_3dB = (A + 2Bn + 3Cn²)/(2π). The "1" and "0" drive currents then set both levels' power, hence the extinction
 * ratio and the average power, and each level's bandwidth: the lower current has the lower carrier density and the
 * slower response, so a higher extinction ratio costs bandwidth at the "0" level.
 *
 * <p>The large-signal response to a drive pattern is integrated by the implicit trapezoidal rule (A-stable, second
 * order) with a Newton solve per step, so a short carrier lifetime against the time step cannot make it unstable.
 *
 * @param aPerSecond Shockley–Read–Hall coefficient A, 1/s
 * @param bCubicMetersPerSecond radiative coefficient B, m³/s
 * @param cSixthMetersPerSecond Auger coefficient C, m⁶/s
 * @param activeVolumeCubicMeters the active region's volume V (emitter area × total quantum-well thickness), m³
 * @param injectionEfficiency η_inj, the fraction of the drive current that reaches the active region
 * @param extractionEfficiency η_extr, the fraction of the generated photons emitted into the forward hemisphere
 * @param highCurrentAmps the drive current of a "1"
 * @param lowCurrentAmps the drive current of a "0" (≥ 0)
 * @param wavelengthMeters the emission wavelength (photon energy hc/λ)
 * @param wavelengthShiftMetersPerAmp dλ/dI, the shift of the emission wavelength with drive current (negative: the
 *                                    blue-shift of InGaN wells from screening of the polarisation field and band filling,
 *                                    [zhang-2012-colour-tunable])
 */
public record CarrierModel(double aPerSecond, double bCubicMetersPerSecond, double cSixthMetersPerSecond,
                           double activeVolumeCubicMeters, double injectionEfficiency, double extractionEfficiency,
                           double highCurrentAmps, double lowCurrentAmps, double wavelengthMeters,
                           double wavelengthShiftMetersPerAmp) {
    static final double Q = 1.602176634e-19;
    static final double H = 6.62607015e-34;
    static final double C_LIGHT = 299_792_458.0;
    /** Trapezoidal sub-steps per sample of the pulse grid. */
    static final int SUBSTEPS = 16;

    public CarrierModel {
        if (!(aPerSecond >= 0 && bCubicMetersPerSecond > 0 && cSixthMetersPerSecond >= 0 && activeVolumeCubicMeters > 0
                && injectionEfficiency > 0 && extractionEfficiency > 0 && lowCurrentAmps >= 0
                && highCurrentAmps > lowCurrentAmps)) {
            throw new IllegalArgumentException("carrier model: need A ≥ 0, B > 0, C ≥ 0, V > 0, efficiencies > 0 and "
                    + "0 ≤ I0 < I1; got " + this);
        }
    }

    /** Carriers injected per volume and time at a drive current, η_inj·I/(qV), m⁻³s⁻¹. */
    public double generation(double currentAmps) {
        return injectionEfficiency * currentAmps / (Q * activeVolumeCubicMeters);
    }

    /** R(n) = An + Bn² + Cn³, m⁻³s⁻¹. */
    public double recombination(double n) {
        return n * (aPerSecond + n * (bCubicMetersPerSecond + n * cSixthMetersPerSecond));
    }

    /** dR/dn = A + 2Bn + 3Cn², 1/s: the inverse differential carrier lifetime. */
    public double differentialRate(double n) {
        return aPerSecond + n * (2 * bCubicMetersPerSecond + 3 * n * cSixthMetersPerSecond);
    }

    /** The steady-state carrier density at a drive current: the positive root of Cn³ + Bn² + An = η_inj·I/(qV). */
    public double steadyDensity(double currentAmps) {
        double g = generation(currentAmps);
        if (g <= 0) {
            return 0;
        }
        // R is increasing on n ≥ 0 and every term is below R, so the root lies below each term's own root
        double upper = Math.sqrt(g / bCubicMetersPerSecond);
        if (aPerSecond > 0) {
            upper = Math.min(upper, g / aPerSecond);
        }
        if (cSixthMetersPerSecond > 0) {
            upper = Math.min(upper, Math.cbrt(g / cSixthMetersPerSecond));
        }
        double scale = upper;
        double root = new BrentSolver(1e-15, 1e-14).solve(200, x -> recombination(x * scale) - g, 0, 1.0000001);
        // one Newton polish in absolute units
        double n = root * scale;
        return n - (recombination(n) - g) / differentialRate(n);
    }

    /** Emitted power at a carrier density, η_extr·(hc/λ)·V·B·n², W. */
    public double power(double n) {
        return extractionEfficiency * H * C_LIGHT / wavelengthMeters * activeVolumeCubicMeters * bCubicMetersPerSecond * n * n;
    }

    /** The small-signal electrical 3-dB bandwidth at a drive current, (A + 2Bn + 3Cn²)/(2π), Hz. */
    public double smallSignalBandwidthHz(double currentAmps) {
        return differentialRate(steadyDensity(currentAmps)) / (2 * Math.PI);
    }

    public double highPowerWatts() {
        return power(steadyDensity(highCurrentAmps));
    }

    public double lowPowerWatts() {
        return power(steadyDensity(lowCurrentAmps));
    }

    /** (P1 + P0)/2: the average power of a balanced pattern, W. */
    public double averagePowerWatts() {
        return (highPowerWatts() + lowPowerWatts()) / 2;
    }

    /** 10·log10(P1/P0); infinite when the "0" current is zero. */
    public double extinctionRatioDb() {
        return 10 * Math.log10(highPowerWatts() / lowPowerWatts());
    }

    /** The shift of the "0" level's wavelength from the "1" level's, dλ/dI·(I0 − I1), m. */
    public double levelWavelengthSplitMeters() {
        return wavelengthShiftMetersPerAmp * (lowCurrentAmps - highCurrentAmps);
    }

    /**
     * The extra rms spectral width from the two levels' different wavelengths: the time-averaged spectrum is the
     * power-weighted mixture of the two levels' spectra, whose variance exceeds one level's by w1·w0·Δλ² with
     * w = P/(P1 + P0), m².
     */
    public double chirpSpectralVariance() {
        double p1 = highPowerWatts();
        double p0 = lowPowerWatts();
        double w1 = p1 / (p1 + p0);
        double d = levelWavelengthSplitMeters();
        return w1 * (1 - w1) * d * d;
    }

    /** The slowest time constant of the response: the differential lifetime at the "0" level, s. */
    public double slowestTimeConstantSeconds() {
        return 1 / differentialRate(steadyDensity(lowCurrentAmps));
    }

    /**
     * The emitted power for a drive that is the "1" current on [0, T) and the "0" current elsewhere, starting from the
     * "0" level's steady state, at times {@code start + i·dt} for i = 0 … count−1, normalised to the OMA:
     * (P(t) − P0)/(P1 − P0) (a long run of ones settles at 1). {@code speedFactor} multiplies every rate (a faster
     * or slower emitter of the same steady states: the array's bandwidth spread).
     *
     * @param samplesPerUi T = samplesPerUi·dt; {@code start} must be a whole number of samples before 0
     */
    public double[] pulse(double start, double dt, int samplesPerUi, int count, double speedFactor) {
        double n0 = steadyDensity(lowCurrentAmps);
        double n1 = steadyDensity(highCurrentAmps);
        double p0 = power(n0);
        double oma = power(n1) - p0;
        double g1 = generation(highCurrentAmps);
        double g0 = generation(lowCurrentAmps);
        int zero = (int) Math.round(-start / dt);
        double[] out = new double[count];
        double n = n0;
        double h = dt / SUBSTEPS;
        for (int i = 0; i < count; i++) {
            out[i] = (power(n) - p0) / oma;
            if (i + 1 < count) {
                // the current is constant on [t_i, t_{i+1}): the switches fall on samples 0 and samplesPerUi
                double g = (i >= zero && i < zero + samplesPerUi) ? g1 : g0;
                n = advance(n, g, h, SUBSTEPS, speedFactor);
            }
        }
        return out;
    }

    /** {@code steps} implicit-trapezoid steps of h of dn/dt = k·(g − R(n)), Newton-solved (2–4 iterations each). */
    double advance(double n, double g, double h, int steps, double k) {
        double half = 0.5 * h * k;
        for (int s = 0; s < steps; s++) {
            double rhs = n + half * (g - recombination(n)) + half * g;
            double x = n;
            for (int it = 0; it < 30; it++) {
                double f = x + half * recombination(x) - rhs;
                double dx = f / (1 + half * differentialRate(x));
                x -= dx;
                if (Math.abs(dx) <= 1e-14 * Math.abs(x)) {
                    break;
                }
            }
            n = Math.max(0, x);
        }
        return n;
    }
}
