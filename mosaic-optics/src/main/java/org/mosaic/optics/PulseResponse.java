package org.mosaic.optics;

/**
 * The sampled response of the whole cascade to one isolated "1" bit (a rectangular optical pulse of one
 * unit interval), in units of the received OMA photocurrent (a long run of ones settles at 1.0):
 * <ol>
 * <li>microLED: first-order response with carrier lifetime τ (electrical 3-dB at 1/(2πτ));</li>
 * <li>fibre: Gaussian impulse response with σ² = σ_chromatic² + σ_modal², where σ_chromatic = |D(λ)|·L·σ_λ
 *     from the Sellmeier dispersion and the source's rms width, and σ_modal = 0.1874·L/EMB (a Gaussian whose
 *     optical 3-dB bandwidth is EMB/L);</li>
 * <li>photodiode + TIA: two equal real poles;</li>
 * <li>CTLE: (1 + s/ωz)/(1 + s/ωp)², unity DC gain, peaking ωp/ωz.</li>
 * </ol>
 * The first two stages are combined exactly (an exponentially modified Gaussian step); the rest are
 * first-order sections integrated exactly for a piecewise-linear input (first-order hold), so the
 * result converges as O(Δt²) when the time step is refined.
 */
public final class PulseResponse {
    private final double[] samples;
    private final int samplesPerUi;
    private final double dt;
    private final double startTime;

    private PulseResponse(double[] samples, int samplesPerUi, double dt, double startTime) {
        this.samples = samples;
        this.samplesPerUi = samplesPerUi;
        this.dt = dt;
        this.startTime = startTime;
    }

    /** Filter parameters of the cascade (all SI). */
    public record Cascade(double unitInterval, double ledTau, double fibreSigma, double rxPoleHz, double ctlePoleHz,
                          double ctlePeakingLinear, CarrierModel carrier, double carrierSpeed) {
        /** A cascade whose LED is first order with time constant {@code ledTau}. */
        public Cascade(double unitInterval, double ledTau, double fibreSigma, double rxPoleHz, double ctlePoleHz,
                       double ctlePeakingLinear) {
            this(unitInterval, ledTau, fibreSigma, rxPoleHz, ctlePoleHz, ctlePeakingLinear, null, 1);
        }

        /** Time constant of each of the two receiver poles for a given overall 3-dB bandwidth. */
        public static double rxPoleForBandwidth(double bandwidthHz) {
            return bandwidthHz / Math.sqrt(Math.sqrt(2) - 1);
        }
    }

    public static PulseResponse compute(Cascade c, int samplesPerUi) {
        double T = c.unitInterval();
        double dt = T / samplesPerUi;
        double sigma = c.fibreSigma();
        double ledSlowest = c.carrier() == null ? c.ledTau() : c.carrier().slowestTimeConstantSeconds() / c.carrierSpeed();
        double slowest = Math.max(ledSlowest, Math.max(1 / (2 * Math.PI * c.rxPoleHz()), Double.isInfinite(c.ctlePoleHz()) ? 0 : 1 / (2 * Math.PI * c.ctlePoleHz())));
        int pre = (int) Math.ceil((6 * sigma) / dt) + 2;
        double span = T + 6 * sigma + 40 * slowest + 2 * T;
        int n = pre + (int) Math.ceil(span / dt);
        n = Math.min(n, samplesPerUi * 400);
        double start = -pre * dt;
        // step response on the grid once; the pulse is S(t) − S(t − T) and T is exactly samplesPerUi samples
        double[] x;
        if (c.carrier() != null) {
            // the large-signal response of the carrier model to one "1", then the fibre's Gaussian
            x = gaussianBlur(c.carrier().pulse(start, dt, samplesPerUi, n, c.carrierSpeed()), dt, sigma);
        } else {
            // Φ(t/σ), the Gaussian's own step, is the same for every emitter of one fibre: taken from the shared table
            double[] phi = sigma > 0 && c.ledTau() > 0 ? gaussianStep(start, dt, sigma, pre, n) : null;
            x = new double[n];
            if (phi == null) {
                for (int i = 0; i < n; i++) {
                    x[i] = emgStep(start + i * dt, sigma, c.ledTau());
                }
            } else {
                emgSteps(x, start, dt, sigma, c.ledTau(), phi);
            }
            // the pulse S(t) − S(t − T) in place, from the end so that every S(t − T) is read before it is replaced
            for (int i = n - 1; i >= samplesPerUi; i--) {
                x[i] -= x[i - samplesPerUi];
            }
        }
        double tauR = 1 / (2 * Math.PI * c.rxPoleHz());
        double tauP = Double.isInfinite(c.ctlePoleHz()) ? 0 : 1 / (2 * Math.PI * c.ctlePoleHz());
        int peak = receiver(x, dt, tauR, tauP, c.ctlePeakingLinear());
        PulseResponse out = new PulseResponse(x, samplesPerUi, dt, start);
        out.peak = peak;
        return out;
    }

    /**
     * The pulse as it was computed before the s15b speed-up, kept as the checking path of tests (not used by the model):
     * the EMG step sample by sample with two exponentials ({@link #emgStep(double, double, double)}), the four receiver
     * stages as separate {@link #lowPass} passes, the peak by search. Same grid as {@link #compute}; carrier-model
     * cascades (whose path did not change) go to {@link #compute}.
     */
    static PulseResponse computeReference(Cascade c, int samplesPerUi) {
        if (c.carrier() != null) {
            return compute(c, samplesPerUi);
        }
        PulseResponse fast = compute(c, samplesPerUi);
        int n = fast.length();
        double dt = fast.dtSeconds();
        double start = fast.timeOf(0);
        double[] step = new double[n];
        for (int i = 0; i < n; i++) {
            step[i] = emgStep(start + i * dt, c.fibreSigma(), c.ledTau());
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = step[i] - (i >= samplesPerUi ? step[i - samplesPerUi] : 0);
        }
        double tauP = Double.isInfinite(c.ctlePoleHz()) ? 0 : 1 / (2 * Math.PI * c.ctlePoleHz());
        lowPass(x, dt, 1 / (2 * Math.PI * c.rxPoleHz()));
        lowPass(x, dt, 1 / (2 * Math.PI * c.rxPoleHz()));
        lowPass(x, dt, tauP);
        double g = c.ctlePeakingLinear();
        if (g != 1.0) {
            double[] y = x.clone();
            lowPass(y, dt, tauP);
            for (int i = 0; i < n; i++) {
                x[i] = g * x[i] + (1 - g) * y[i];
            }
        }
        return new PulseResponse(x, samplesPerUi, dt, start);
    }

    /**
     * The EMG step {@link #emgStep(double, double, double)} at t_i = start + i·dt, i &lt; out.length, for σ &gt; 0 and
     * τ &gt; 0 with Φ(t_i/σ) given, written into {@code out}: one exponential per sample instead of two. Where the ln Q
     * table covers Φ(b) (−37.5 &lt; b &lt; 8, every sample of the presets' pulses), exp(a)·Φ(b) is computed as
     * exp(a + ln Φ(b)) from the same cubic that {@link Gaussians#phiFast} exponentiates (by Horner's rule,
     * {@link Gaussians#lnQPoly}), and a and b from precomputed reciprocals. The term is at most Φ(t/σ) ≤ 1, so each
     * sample differs from {@link #emgStep(double, double, double, double)} by rounding only: |Δ| ≲ 1e-15·(1 + |a|)
     * absolute, ≤ ~1e-14 for the presets ({@code PulseResponseTest.fastEmgStepsAgreeWithTheTwoExponentialStep});
     * elsewhere that method itself.
     */
    static void emgSteps(double[] out, double start, double dt, double sigma, double tau, double[] phi) {
        double invSigma = 1 / sigma;
        double invTau = 1 / tau;
        double sOverTau = sigma / tau;
        double a0 = sigma * sigma / (2 * tau * tau);
        for (int i = 0; i < out.length; i++) {
            double t = start + i * dt;
            double u = t * invSigma;
            double b = u - sOverTau;
            double a = a0 - t * invTau;
            double v;
            if (u < -9) {
                v = 0;
            } else if (b > 9) {
                v = 1 - Math.exp(a);
            } else if (Gaussians.inLnQTable(-b)) {
                v = phi[i] - Math.exp(a + Gaussians.lnQPoly(-b));
            } else {
                v = emgStep(t, sigma, tau, phi[i]);
            }
            out[i] = v;
        }
    }

    /**
     * The receiver's stages in place: two equal poles τ_r, then the CTLE g·L_p[x] + (1 − g)·L_p[L_p[x]] (L_p: one pole
     * τ_p; a stage with τ ≤ 0 is skipped). One pass over the samples doing, per sample, the map of {@link #lowPass}
     * stage after stage (regrouped so that each stage's loop-carried chain is one multiply and one add; equal to four
     * {@link #lowPass} passes to rounding, {@code PulseResponseTest}), which lets the processor overlap the stages'
     * dependency chains. Returns the index of
     * the largest output sample (the first of equal ones: what {@link #peakIndex()} finds), found in the same pass.
     */
    static int receiver(double[] x, double dt, double tauR, double tauP, double g) {
        boolean r = tauR > 0;
        boolean p = tauP > 0;
        boolean ctle = p && g != 1.0;
        double eR = 0;
        double kR = 0;
        double eP = 0;
        double kP = 0;
        if (r) {
            double a = dt / tauR;
            eR = Math.exp(-a);
            kR = (1 - eR) / a;
        }
        if (p) {
            double a = dt / tauP;
            eP = Math.exp(-a);
            kP = (1 - eP) / a;
        }
        // lowPass's y ← e·y + x − e·x_prev − (x − x_prev)·k regrouped as y ← e·y + (x·(1 − k) + x_prev·(k − e)): the
        // same map, with one multiply-add on the loop-carried chain through y instead of four operations (the chain
        // bounds the pass); the outputs differ from lowPass's by rounding (≤ ~1e-15 of full scale, PulseResponseTest)
        double cR = 1 - kR;
        double dR = kR - eR;
        double cP = 1 - kP;
        double dP = kP - eP;
        // state per stage: its output y and its previous input
        double x0 = x[0];
        double y1 = x0;
        double p1 = x0;
        double y2 = y1;
        double p2 = y1;
        double y3 = y2;
        double p3 = y2;
        double y4 = y3;
        double p4 = y3;
        if (!p && g != 1.0) {
            // L_p is the identity: g·x + (1 − g)·x, computed as four passes would
            x[0] = g * x0 + (1 - g) * x0;
        } else if (ctle) {
            x[0] = g * y3 + (1 - g) * y4;
        }
        // the index of the largest output sample (the first of equal ones), as peakIndex() would find it
        double peakValue = x[0];
        int peakAt = 0;
        for (int i = 1; i < x.length; i++) {
            double v = x[i];
            if (r) {
                y1 = eR * y1 + (v * cR + p1 * dR);
                p1 = v;
                v = y1;
                y2 = eR * y2 + (v * cR + p2 * dR);
                p2 = v;
                v = y2;
            }
            if (p) {
                y3 = eP * y3 + (v * cP + p3 * dP);
                p3 = v;
                v = y3;
            }
            if (g != 1.0) {
                double w = v;
                if (p) {
                    y4 = eP * y4 + (v * cP + p4 * dP);
                    p4 = v;
                    w = y4;
                }
                v = g * v + (1 - g) * w;
            }
            x[i] = v;
            if (v > peakValue) {
                peakValue = v;
                peakAt = i;
            }
        }
        return peakAt;
    }

    /** The last table of Φ(t_i/σ) built: shared by every pulse of one fibre (σ) and time grid (dt, start). */
    private static volatile GaussianStep lastGaussianStep;

    private record GaussianStep(double sigma, double dt, int pre, double[] values) {
    }

    /**
     * Φ((start + i·dt)/σ) for i &lt; n with start = −pre·dt, evaluated exactly as {@link #emgStep} does
     * ({@link Gaussians#phiFast}); reused while σ, dt and pre are unchanged (the array's 400 emitters share the fibre),
     * extended when a longer pulse asks for more. The table is never written after publication (thread-safe).
     */
    static double[] gaussianStep(double start, double dt, double sigma, int pre, int n) {
        GaussianStep last = lastGaussianStep;
        if (last != null && last.sigma() == sigma && last.dt() == dt && last.pre() == pre && last.values().length >= n) {
            return last.values();
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Gaussians.phiFast((start + i * dt) / sigma);
        }
        lastGaussianStep = new GaussianStep(sigma, dt, pre, v);
        return v;
    }

    /** {@link #emgStep(double, double, double)} for σ &gt; 0 and τ &gt; 0 with Φ(t/σ) given. */
    static double emgStep(double t, double sigma, double tau, double phiOfU) {
        double u = t / sigma;
        if (u < -9) {
            return 0;
        }
        double b = u - sigma / tau;
        if (b > 9) {
            return 1 - Math.exp(-t / tau + sigma * sigma / (2 * tau * tau));
        }
        return phiOfU - Gaussians.expTimesPhiFast(-t / tau + sigma * sigma / (2 * tau * tau), t / sigma - sigma / tau);
    }

    /**
     * Step response of a unit-area Gaussian (σ) followed by a first-order low pass (τ):
     * Φ(t/σ) − exp(−t/τ + σ²/2τ²)·Φ(t/σ − σ/τ); the exact 1 − e^{−t/τ} when σ = 0.
     */
    static double emgStep(double t, double sigma, double tau) {
        if (sigma <= 0) {
            return t < 0 ? 0 : (tau <= 0 ? 1 : -Math.expm1(-t / tau));
        }
        if (tau <= 0) {
            return Gaussians.phiFast(t / sigma);
        }
        double u = t / sigma;
        if (u < -9) {
            return 0; // Φ(−9) ≈ 1e-19: below double resolution of the pulse
        }
        double b = u - sigma / tau;
        if (b > 9) {
            return 1 - Math.exp(-t / tau + sigma * sigma / (2 * tau * tau));
        }
        return Gaussians.phiFast(t / sigma)
                - Gaussians.expTimesPhiFast(-t / tau + sigma * sigma / (2 * tau * tau), t / sigma - sigma / tau);
    }

    /**
     * Convolution of a sampled waveform with a unit-area Gaussian of rms σ, each sample weighted by the Gaussian's mass
     * over its bin, Φ((k + ½)Δt/σ) − Φ((k − ½)Δt/σ), so the area is kept exactly; the input itself when σ = 0.
     */
    static double[] gaussianBlur(double[] in, double dt, double sigma) {
        if (!(sigma > 0)) {
            return in;
        }
        int half = (int) Math.ceil(6 * sigma / dt) + 1;
        double[] w = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) {
            w[k + half] = Gaussians.phiFast((k + 0.5) * dt / sigma) - Gaussians.phiFast((k - 0.5) * dt / sigma);
        }
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            double s = 0;
            for (int k = -half; k <= half; k++) {
                int j = i - k;
                if (j >= 0 && j < in.length) {
                    s += w[k + half] * in[j];
                }
            }
            out[i] = s;
        }
        return out;
    }

    /** In-place first-order low pass dy/dt = (x − y)/τ, exact for x linear between samples. */
    static void lowPass(double[] x, double dt, double tau) {
        if (tau <= 0) {
            return;
        }
        double a = dt / tau;
        double e = Math.exp(-a);
        double k = (1 - e) / a;
        double y = x[0];
        double prevX = x[0];
        for (int i = 1; i < x.length; i++) {
            double xi = x[i];
            y = e * y + xi - e * prevX - (xi - prevX) * k;
            prevX = xi;
            x[i] = y;
        }
    }

    public double[] samples() {
        return samples.clone();
    }

    /** The samples themselves (not a copy): for hot loops inside the package; do not modify. */
    double[] samplesView() {
        return samples;
    }

    public int length() {
        return samples.length;
    }

    public double at(int i) {
        return i >= 0 && i < samples.length ? samples[i] : 0;
    }

    public int samplesPerUi() {
        return samplesPerUi;
    }

    public double dtSeconds() {
        return dt;
    }

    public double timeOf(int i) {
        return startTime + i * dt;
    }

    /** {@link #peakIndex()} once found (−1 before): every evaluation of a pulse asks for it (racy but idempotent). */
    private int peak = -1;

    /** Index of the largest sample (the first of equal ones). */
    public int peakIndex() {
        int p = peak;
        if (p >= 0) {
            return p;
        }
        int best = 0;
        for (int i = 1; i < samples.length; i++) {
            if (samples[i] > samples[best]) {
                best = i;
            }
        }
        peak = best;
        return best;
    }

    /**
     * Cursors at the sampling instant {@code mainIndex}: c[k] = p(t_main + (k − pre)·T). Returns the array and
     * writes the position of the main cursor into {@code mainOut[0]}.
     */
    public double[] cursors(int mainIndex, int[] mainOut) {
        int pre = mainIndex / samplesPerUi;
        int post = (samples.length - 1 - mainIndex) / samplesPerUi;
        double[] c = new double[pre + post + 1];
        for (int k = -pre; k <= post; k++) {
            c[k + pre] = samples[mainIndex + k * samplesPerUi];
        }
        mainOut[0] = pre;
        return c;
    }
}
