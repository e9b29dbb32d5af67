package org.mosaic.optics;

import java.util.random.RandomGenerator;
import org.mosaic.core.random.RandomStreams;

/**
 * One channel design evaluated: optical path, pulse response of the cascade, CTLE choice, statistical
 * eye, BER. Immutable after construction; cheap per-emitter evaluations reuse the derived quantities.
 */
public final class ChannelModel {
    static final double ELECTRON_CHARGE = 1.602176634e-19;

    private final ChannelSpec spec;
    private final Crosstalk crosstalk;
    private final double dispersion;
    private final double sigmaChromatic;
    private final double sigmaModal;
    private final FibreModes.ModalResponse modal;
    private final double transmission;
    private final double[][] couplingByOffset;
    /** Last noise integrals computed: {peakingDb, ∫|H|²df, ∫f²|H|²df}, replaced atomically (safe to share across threads). */
    private volatile double[] noiseCache = {Double.NaN, 0, 0, Double.NaN};

    public ChannelModel(ChannelSpec spec) {
        this.spec = spec;
        this.crosstalk = new Crosstalk(spec);
        double L = spec.fiber().lengthMeters();
        this.dispersion = Sellmeier.dispersion(spec.led().wavelengthMeters());
        double rmsWidth = spec.led().spectralFwhmMeters() / (2 * Math.sqrt(2 * Math.log(2)));
        if (spec.led().carrier() != null) {
            // the two levels' wavelengths differ (current-dependent shift): the time-averaged spectrum is their mixture
            rmsWidth = Math.sqrt(rmsWidth * rmsWidth + spec.led().carrier().chirpSpectralVariance());
        }
        this.sigmaChromatic = Math.abs(dispersion) * L * rmsWidth;
        this.modal = OpticalPath.modal(spec);
        this.sigmaModal = modal == null ? 0.1874 * L / spec.fiber().modalBandwidthHzMeters() : modal.sigmaSeconds();
        this.transmission = OpticalPath.transmission(spec, crosstalk);
        int r = Crosstalk.RADIUS;
        this.couplingByOffset = new double[2 * r + 1][2 * r + 1];
        for (int dm = -r; dm <= r; dm++) {
            for (int dn = -r; dn <= r; dn++) {
                couplingByOffset[dm + r][dn + r] = (dm == 0 && dn == 0) ? 0 : crosstalk.coupling(dm, dn, L);
            }
        }
    }

    public ChannelSpec spec() {
        return spec;
    }

    public Crosstalk crosstalk() {
        return crosstalk;
    }

    /** Chromatic dispersion of fused silica at the source wavelength, s/m². */
    public double dispersion() {
        return dispersion;
    }

    public double sigmaChromaticSeconds() {
        return sigmaChromatic;
    }

    public double sigmaModalSeconds() {
        return sigmaModal;
    }

    /** The modes' response behind {@link #sigmaModalSeconds()}; null when {@code fiber.modalBandwidth} overrides it. */
    public FibreModes.ModalResponse modal() {
        return modal;
    }

    /**
     * The modal bandwidth-length product the channel uses (Hz·m, Gaussian convention 0.1874·L/σ): the override
     * when given, else the modes' (at 1 m for a zero length; infinite for a single-mode core).
     */
    public double modalBandwidthLengthHzMeters() {
        if (modal == null) {
            return spec.fiber().modalBandwidthHzMeters();
        }
        double L = spec.fiber().lengthMeters();
        return L > 0 ? modal.bandwidthLengthHzMeters(L) : OpticalPath.modal(spec.withLength(1)).bandwidthLengthHzMeters(1);
    }

    public double fibreSigmaSeconds() {
        return Math.hypot(sigmaChromatic, sigmaModal);
    }

    /** Emitted-to-detected power ratio of the nominal channel. */
    public double transmission() {
        return transmission;
    }

    /** Detected average optical power of an emitter with the given power factor, W. */
    public double receivedAveragePower(double powerFactor) {
        return spec.led().averagePowerWatts() * powerFactor * transmission;
    }

    /** OMA from average power and extinction ratio: 2·P·(ER − 1)/(ER + 1). */
    public double omaFromAverage(double averageWatts) {
        double er = Math.pow(10, spec.led().extinctionRatioDb() / 10);
        return 2 * averageWatts * (er - 1) / (er + 1);
    }

    /**
     * One channel of the array: its grid position, its emitter's power and bandwidth relative to nominal, and its
     * coupling (alignment of its optic), photodiode responsivity and TIA noise density relative to nominal.
     */
    public record Emitter(int row, int col, double powerFactor, double bandwidthFactor, double couplingFactor,
                          double responsivityFactor, double noiseFactor) {
        /** A channel whose coupling, responsivity and noise are nominal. */
        public Emitter(int row, int col, double powerFactor, double bandwidthFactor) {
            this(row, col, powerFactor, bandwidthFactor, 1, 1, 1);
        }

        /** The power this channel launches into the fibre relative to nominal: emitter power × coupling. */
        public double launchedFactor() {
            return powerFactor * couplingFactor;
        }

        /** The same channel with its emitter's power scaled by {@code factor}. */
        public Emitter withPowerScaled(double factor) {
            return new Emitter(row, col, powerFactor * factor, bandwidthFactor, couplingFactor, responsivityFactor,
                    noiseFactor);
        }
    }

    /** The nominal emitter at the centre of the array (all neighbours present: the worst crosstalk). */
    public Emitter nominal() {
        return new Emitter(spec.rows() / 2, spec.cols() / 2, 1, 1);
    }

    public PulseResponse.Cascade cascade(double bandwidthFactor, double peakingDb) {
        return cascade(bandwidthFactor, peakingDb, ctlePolePerRate());
    }

    private PulseResponse.Cascade cascade(double bandwidthFactor, double peakingDb, double polePerRate) {
        double rate = spec.rateBitsPerSecond();
        double rxPole = PulseResponse.Cascade.rxPoleForBandwidth(spec.receiver().bandwidthPerRate() * rate);
        boolean ctle = spec.ctle().enabled();
        double tau = 1 / (2 * Math.PI * spec.led().bandwidthHz() * bandwidthFactor);
        return new PulseResponse.Cascade(1 / rate, tau, fibreSigmaSeconds(), rxPole,
                ctle ? polePerRate * rate : Double.POSITIVE_INFINITY,
                ctle ? Math.pow(10, peakingDb / 20) : 1.0, spec.led().carrier(), bandwidthFactor);
    }

    /** The CTLE setting the optimiser chose: {peaking dB, pole frequency / rate}; null until asked for. */
    private volatile double[] ctleOptimum;

    /**
     * The CTLE's pole frequency / rate this model uses: the fixed {@code ctle.poleFrequencyPerRate}, or, with the poles
     * free ({@link ChannelSpec.Ctle#poleFree()}), the one the optimiser chose jointly with the peaking
     * ({@link #optimalCtle()}).
     */
    public double ctlePolePerRate() {
        return spec.ctle().poleFree() ? optimalCtle()[1] : spec.ctle().poleFrequencyPerRate();
    }

    /** The CTLE's pole frequency in Hz (infinite when the CTLE is off). */
    public double ctlePoleHz() {
        return spec.ctle().enabled() ? ctlePolePerRate() * spec.rateBitsPerSecond() : Double.POSITIVE_INFINITY;
    }

    /** ∫₀^∞ |H_rx(f)·H_ctle(f)|² df, Hz: the noise bandwidth of white TIA noise referred to the decision point. */
    public double noiseBandwidth(double peakingDb) {
        return noiseIntegrals(peakingDb, ctlePolePerRate())[1];
    }

    /**
     * ∫₀^∞ f²·|H_rx(f)·H_ctle(f)|² df, Hz³: the weight of the TIA's input noise that rises as f² (e_n across the input
     * capacitance), which the CTLE's boost amplifies more than the white part.
     */
    public double noiseBandwidthF2(double peakingDb) {
        return noiseIntegrals(peakingDb, ctlePolePerRate())[2];
    }

    /**
     * The nominal TIA's input-referred noise variance at the decision point, A²: white i_n² over the noise bandwidth
     * plus the rising term (2π·C·e_n)²·∫f²|H|²df.
     */
    public double tiaVariance(double peakingDb) {
        return tiaVariance(peakingDb, ctlePolePerRate());
    }

    private double tiaVariance(double peakingDb, double polePerRate) {
        double in = spec.receiver().noiseDensityAmpsPerRootHz();
        double k2 = spec.receiver().fSquaredNoiseCoefficient();
        double[] n = noiseIntegrals(peakingDb, polePerRate);
        return in * in * n[1] + (k2 == 0 ? 0 : k2 * n[2]);
    }

    /** {peakingDb, ∫|H|²df, ∫f²|H|²df, pole / rate}, cached for the last setting. */
    private double[] noiseIntegrals(double peakingDb, double polePerRate) {
        double[] cache = noiseCache;
        if (peakingDb == cache[0] && polePerRate == cache[3]) {
            return cache;
        }
        double[] out = noiseIntegrals(peakingDb, polePerRate, NOISE_GRID);
        noiseCache = out;
        return out;
    }

    /** Simpson intervals of the noise integrals in ln f (convergence: {@code ConvergenceTest}). */
    static final int NOISE_GRID = 192;

    /** The noise integrals on a grid of {@code n} (even) Simpson intervals, uncached. */
    double[] noiseIntegrals(double peakingDb, double polePerRate, int n) {
        PulseResponse.Cascade c = cascade(1, peakingDb, polePerRate);
        double fr = c.rxPoleHz();
        double fp = c.ctlePoleHz();
        double g = c.ctlePeakingLinear();
        double fz = Double.isInfinite(fp) ? Double.POSITIVE_INFINITY : fp / g;
        double lo = Math.log(1e-4 * Math.min(fr, Double.isInfinite(fz) ? fr : fz));
        double hi = Math.log(1e4 * Math.max(fr, Double.isInfinite(fp) ? fr : fp));
        // Simpson in ln f over ~18 e-folds: the integrand is smooth there
        double h = (hi - lo) / n;
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i <= n; i++) {
            double f = Math.exp(lo + i * h);
            double xr = f / fr;
            double hr = 1 / ((1 + xr * xr) * (1 + xr * xr));
            double hc = 1;
            if (!Double.isInfinite(fp)) {
                double xz = f / fz;
                double xp = f / fp;
                hc = (1 + xz * xz) / ((1 + xp * xp) * (1 + xp * xp));
            }
            double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * hr * hc * f;
            sum2 += w * hr * hc * f * f * f;
        }
        return new double[] {peakingDb, sum * h / 3, sum2 * h / 3, polePerRate};
    }

    /** Everything about one emitter at one CTLE setting. */
    public record Evaluation(Emitter emitter, double peakingDb, PulseResponse pulse, int mainIndex, double[] cursors,
                             int mainCursor, StatisticalEye eye, double omaCurrent, double ber,
                             double noiseVarianceOne, double noiseVarianceZero, double[] interferers, double extraVariance) {
    }

    /** Evaluates an emitter with its neighbours at nominal power. */
    public Evaluation evaluate(Emitter e, double peakingDb) {
        return evaluate(e, peakingDb, null);
    }

    /**
     * Evaluates an emitter. {@code neighbourPower} gives each array position's launched power factor, emitter power ×
     * coupling (null: nominal).
     */
    public Evaluation evaluate(Emitter e, double peakingDb, double[][] neighbourPower) {
        return evaluate(e, peakingDb, neighbourPower, Integer.MIN_VALUE);
    }

    /**
     * Evaluates an emitter sampled {@code phaseOffset} samples away from its best sampling instant
     * ({@code Integer.MIN_VALUE}: at the best instant). Used for bathtub curves and eye diagrams.
     */
    public Evaluation evaluate(Emitter e, double peakingDb, double[][] neighbourPower, int phaseOffset) {
        return evaluate(e, peakingDb, ctlePolePerRate(), neighbourPower, phaseOffset);
    }

    private Evaluation evaluate(Emitter e, double peakingDb, double polePerRate, double[][] neighbourPower, int phaseOffset) {
        return evaluate(e, peakingDb, polePerRate, neighbourPower, phaseOffset, pulse(e, peakingDb, polePerRate));
    }

    /** The pulse response of an emitter's channel at one CTLE setting: depends on its bandwidth factor only. */
    private PulseResponse pulse(Emitter e, double peakingDb, double polePerRate) {
        return pulse(cascade(e.bandwidthFactor(), peakingDb, polePerRate));
    }

    /**
     * The checking path of tests (s15b): when set (right after construction, before any use), this model computes its
     * pulses, sampling instants and eyes as before the s15b speed-up ({@link PulseResponse#computeReference}, the
     * per-candidate sampling search, eyes convolved in cursor order), so a test can compare every answer of the model
     * with the old arithmetic. Never set by the model itself.
     */
    boolean referencePath;

    private PulseResponse pulse(PulseResponse.Cascade c) {
        return referencePath ? PulseResponse.computeReference(c, spec.numerics().samplesPerUi())
                : PulseResponse.compute(c, spec.numerics().samplesPerUi());
    }


    private Evaluation evaluate(Emitter e, double peakingDb, double polePerRate, double[][] neighbourPower, int phaseOffset,
                                PulseResponse pulse) {
        return evaluate(e, peakingDb, polePerRate, neighbourPower, phaseOffset, pulse, null, false, 0);
    }

    /** A channel's eye at a reference power: its sampling index, its OMA current there, the eye. */
    record EyeRef(int best, double omaCurrent, StatisticalEye eye) {
    }

    /**
     * @param eyes    null, or per channel of an array (at {@code channel}) the reference eyes: without {@code reuse},
     *                this evaluation's eye is recorded there; with it, the recorded eye (same channel, pulse and
     *                neighbours at one common power factor) is reused when the sampling index is the same (the eye's
     *                PMF is scale-free: {@link StatisticalEye#berScaled}) and a new one is built, not recorded, when
     *                not. Without jitter and at the best phase only; a reused evaluation carries only its BER, noise
     *                and OMA (no cursors, no eye).
     */
    private Evaluation evaluate(Emitter e, double peakingDb, double polePerRate, double[][] neighbourPower, int phaseOffset,
                                PulseResponse pulse, EyeRef[] eyes, boolean reuse, int channel) {
        double pAvg = receivedAveragePower(e.launchedFactor());
        // an APD multiplies the primary photocurrent by M (resp below is the multiplied responsivity) and its shot
        // noise by M²·F: 2q·M²·F·(R·P + I_dark)·B = 2q·M·F·(resp·P + M·I_dark)·B
        double gain = spec.receiver().apdGain();
        double excess = spec.receiver().excessNoiseFactor();
        double resp = spec.receiver().responsivityAmpsPerWatt() * e.responsivityFactor() * gain;
        double omaCurrent = resp * omaFromAverage(pAvg);
        double bn = noiseIntegrals(peakingDb, polePerRate)[1];
        double thermal = e.noiseFactor() * e.noiseFactor() * tiaVariance(peakingDb, polePerRate);

        // crosstalk: interferers and the mean power they add
        int r = Crosstalk.RADIUS;
        int count = 0;
        double[] amps = new double[(2 * r + 1) * (2 * r + 1) + 4];
        double xtMeanPower = 0;
        double electrical = electricalCrosstalkAmplitude();
        for (int dm = -r; dm <= r; dm++) {
            for (int dn = -r; dn <= r; dn++) {
                int row = e.row() + dm;
                int col = e.col() + dn;
                if (row < 0 || col < 0 || row >= spec.rows() || col >= spec.cols() || (dm == 0 && dn == 0)) {
                    continue;
                }
                double pf = neighbourPower == null ? 1.0 : neighbourPower[row][col];
                double avg = spec.led().averagePowerWatts() * pf * transmission;
                double k = couplingByOffset[dm + r][dn + r];
                if (k > 0) {
                    xtMeanPower += k * avg;
                    amps[count++] = k * resp * omaFromAverage(avg);
                }
                // electrical: a fraction (amplitude) of the nearest receivers' signal current couples into this input
                if (electrical > 0 && Math.abs(dm) + Math.abs(dn) == 1) {
                    amps[count++] = electrical * spec.receiver().responsivityAmpsPerWatt() * gain * omaFromAverage(avg);
                }
            }
        }
        double[] xtAmps = java.util.Arrays.copyOf(amps, count);

        // sampling instant: maximise a Gaussian-ISI proxy of Q over one UI around the peak
        int best = referencePath ? bestSamplingIndexReference(pulse, thermal / (omaCurrent * omaCurrent), null)
                : bestSamplingIndex(pulse, thermal / (omaCurrent * omaCurrent), null);
        if (phaseOffset != Integer.MIN_VALUE) {
            best = Math.max(0, Math.min(pulse.length() - 1, best + phaseOffset));
        }
        double er = Math.pow(10, spec.led().extinctionRatioDb() / 10);
        double level1 = 2 * pAvg * er / (er + 1) + xtMeanPower;
        double level0 = 2 * pAvg / (er + 1) + xtMeanPower;
        double dark = spec.receiver().darkCurrentAmps();
        double var1 = thermal + 2 * ELECTRON_CHARGE * gain * excess * (resp * level1 + gain * dark) * bn;
        double var0 = thermal + 2 * ELECTRON_CHARGE * gain * excess * (resp * level0 + gain * dark) * bn;
        double[][] nodes = jitterNodes(pulse.dtSeconds());
        boolean reusable = eyes != null && nodes == null && phaseOffset == Integer.MIN_VALUE;
        if (reusable && reuse) {
            EyeRef ref = eyes[channel];
            if (ref != null && ref.best() == best) {
                double ber = ref.eye().berScaled(omaCurrent / ref.omaCurrent(), var1, var0);
                return new Evaluation(e, peakingDb, pulse, best, null, 0, null, omaCurrent, ber, var1, var0, null,
                        Double.NaN);
            }
        }
        Sample centre = sampleAt(pulse, best, omaCurrent, xtAmps, var1, var0);
        double ber = centre.eye().ber();
        if (reusable && !reuse) {
            eyes[channel] = new EyeRef(best, omaCurrent, centre.eye());
        }
        if (nodes != null) {
            ber = 0;
            for (double[] node : nodes) {
                double position = Math.max(0, Math.min(pulse.length() - 1, best + node[0]));
                ber += node[1] * (node[0] == 0 ? centre.eye().ber()
                        : sampleAt(pulse, position, omaCurrent, xtAmps, var1, var0).eye().ber());
            }
        }
        return new Evaluation(e, peakingDb, pulse, best, centre.cursors(), centre.mainCursor(), centre.eye(), omaCurrent,
                ber, var1, var0, centre.interferers(), centre.extraVariance());
    }

    /** The statistical eye at one (possibly fractional) sample position of the pulse, with what built it. */
    private record Sample(double[] cursors, int mainCursor, double[] interferers, double extraVariance, StatisticalEye eye) {
    }

    private Sample sampleAt(PulseResponse pulse, double position, double omaCurrent, double[] xtAmps, double var1,
                            double var0) {
        int[] mainOut = new int[1];
        double[] cursors = cursorsAt(pulse, position, mainOut);
        double isiPower = 0;
        for (int k = 0; k < cursors.length; k++) {
            cursors[k] *= omaCurrent;
            if (k != mainOut[0]) {
                isiPower += cursors[k] * cursors[k];
            }
        }
        double extra = 0;
        double main = cursors[mainOut[0]];
        double[] interferers = xtAmps.clone();
        for (int i = 0; i < interferers.length; i++) {
            // each interferer passes through the same channel: its own ISI adds as variance
            double rel = interferers[i] / omaCurrent;
            extra += rel * rel * isiPower / 4;
            interferers[i] *= main / omaCurrent;
        }
        StatisticalEye eye = new StatisticalEye(cursors, mainOut[0], interferers, extra, var1, var0,
                spec.numerics().eyeBins(), !referencePath);
        return new Sample(cursors, mainOut[0], interferers, extra, eye);
    }

    /**
     * The cursors (normalised to the OMA) at a sample position of the pulse; between two samples, linear interpolation
     * of the two samples' cursors, aligned on their main cursor (beyond the computed pulse the response is 0).
     */
    static double[] cursorsAt(PulseResponse pulse, double position, int[] mainOut) {
        int i0 = (int) Math.floor(position);
        double w = position - i0;
        if (w == 0 || i0 + 1 >= pulse.length()) {
            return pulse.cursors(Math.min(i0, pulse.length() - 1), mainOut);
        }
        int[] m0 = new int[1];
        int[] m1 = new int[1];
        double[] c0 = pulse.cursors(i0, m0);
        double[] c1 = pulse.cursors(i0 + 1, m1);
        int pre = Math.max(m0[0], m1[0]);
        int post = Math.max(c0.length - 1 - m0[0], c1.length - 1 - m1[0]);
        double[] c = new double[pre + post + 1];
        for (int k = -pre; k <= post; k++) {
            int a = m0[0] + k;
            int b = m1[0] + k;
            double va = a >= 0 && a < c0.length ? c0[a] : 0;
            double vb = b >= 0 && b < c1.length ? c1[b] : 0;
            c[k + pre] = (1 - w) * va + w * vb;
        }
        mainOut[0] = pre;
        return c;
    }

    /** Gauss–Hermite points of the random jitter's normal distribution (10: exact for polynomials to degree 19). */
    private static final int JITTER_POINTS = 10;

    /**
     * The sampling-time distribution of the receiver's jitter in samples of {@code dt}, as {offset, weight} nodes: the
     * dual-Dirac deterministic jitter ±DJ/2 (weights ½) convolved with the random jitter's normal distribution (rms
     * RJ) by Gauss–Hermite quadrature; null without jitter.
     */
    double[][] jitterNodes(double dt) {
        double rj = spec.receiver().randomJitterSeconds();
        double dj = spec.receiver().deterministicJitterSeconds();
        if (rj <= 0 && dj <= 0) {
            return null;
        }
        double[] djOffsets = dj > 0 ? new double[] {-dj / 2, dj / 2} : new double[] {0};
        double[] rjPoints = {0};
        double[] rjWeights = {1};
        if (rj > 0) {
            var rule = new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory().hermite(JITTER_POINTS);
            rjPoints = new double[JITTER_POINTS];
            rjWeights = new double[JITTER_POINTS];
            for (int i = 0; i < JITTER_POINTS; i++) {
                // ∫ f(x) e^{−x²} dx ≈ Σ w_i f(x_i): for Z ~ N(0, 1), E f(σZ) = Σ (w_i/√π) f(σ·√2·x_i)
                rjPoints[i] = rj * Math.sqrt(2) * rule.getPoint(i);
                rjWeights[i] = rule.getWeight(i) / Math.sqrt(Math.PI);
            }
        }
        double[][] out = new double[djOffsets.length * rjPoints.length][];
        int n = 0;
        for (double d : djOffsets) {
            for (int i = 0; i < rjPoints.length; i++) {
                out[n++] = new double[] {(d + rjPoints[i]) / dt, rjWeights[i] / djOffsets.length};
            }
        }
        return out;
    }

    /**
     * Amplitude fraction of a nearest receiver's signal current that couples into this receiver's input
     * ({@code receiver.electricalCrosstalk}, a power ratio in dB: 10^(dB/20)); 0 without it.
     */
    double electricalCrosstalkAmplitude() {
        double db = spec.receiver().electricalCrosstalkDb();
        return Double.isInfinite(db) ? 0 : Math.pow(10, db / 20);
    }

    /**
     * The sampling instant that maximises Q with the ISI treated as Gaussian,
     * (c0/2)/sqrt(σ²/OMA² + Σ_{k≠0} c_k²/4), searched over one UI around the pulse peak. Writes that Q into
     * {@code qOut[0]} when given.
     */
    static int bestSamplingIndex(PulseResponse pulse, double relativeNoiseVariance, double[] qOut) {
        int spu = pulse.samplesPerUi();
        int peak = pulse.peakIndex();
        int best = peak;
        double bestQ = -1;
        double[] p = pulse.samplesView();
        int from = Math.max(0, peak - spu / 2);
        int to = Math.min(p.length, peak + spu / 2);
        // Σ_{k ≡ i (mod spu), k ≠ i} p[k]² for every candidate i at once, accumulated per phase block by block: each
        // candidate's sum adds the same terms in the same (ascending) order as a loop over its own phase would, so the
        // sums are bit for bit those, but the inner loop runs over contiguous phases. The candidates (< spu of them,
        // consecutive) lie in at most two blocks, the only ones that need the k ≠ i test.
        double[] isiByPhase = new double[spu];
        int blocks = (p.length + spu - 1) / spu;
        for (int blk = 0; blk < blocks; blk++) {
            int base = blk * spu;
            int m = Math.min(spu, p.length - base);
            if (base + m <= from || base >= to) {
                for (int ph = 0; ph < m; ph++) {
                    double v = p[base + ph];
                    isiByPhase[ph] += v * v;
                }
            } else {
                for (int ph = 0; ph < m; ph++) {
                    int k = base + ph;
                    if (k < from || k >= to) {
                        double v = p[k];
                        isiByPhase[ph] += v * v;
                    }
                }
            }
        }
        for (int i = from; i < to; i++) {
            double c0 = p[i];
            double isi = isiByPhase[i % spu];
            double q = (c0 / 2) / Math.sqrt(relativeNoiseVariance + isi / 4);
            if (q > bestQ) {
                bestQ = q;
                best = i;
            }
        }
        if (qOut != null) {
            qOut[0] = bestQ;
        }
        return best;
    }

    /**
     * {@link #bestSamplingIndex} as it was before s15b, one strided sum per candidate: the checking path of tests (the
     * two are bit for bit equal, {@code ChannelSpeedTest}).
     */
    static int bestSamplingIndexReference(PulseResponse pulse, double relativeNoiseVariance, double[] qOut) {
        int spu = pulse.samplesPerUi();
        int peak = pulse.peakIndex();
        int best = peak;
        double bestQ = -1;
        double[] p = pulse.samplesView();
        for (int i = Math.max(0, peak - spu / 2); i < Math.min(p.length, peak + spu / 2); i++) {
            double c0 = p[i];
            double isi = 0;
            for (int k = i % spu; k < p.length; k += spu) {
                if (k != i) {
                    isi += p[k] * p[k];
                }
            }
            double q = (c0 / 2) / Math.sqrt(relativeNoiseVariance + isi / 4);
            if (q > bestQ) {
                bestQ = q;
                best = i;
            }
        }
        if (qOut != null) {
            qOut[0] = bestQ;
        }
        return best;
    }

    /** Poles tried per grid row of the joint search (log-spaced over the bounds). */
    static final int POLE_GRID = 5;
    /** Golden-section steps per coordinate of the statistical-eye refinement. */
    static final int REFINE_STEPS = 5;
    /** Grid points (best by the Gaussian-Q proxy) whose statistical-eye BER seeds the refinement. */
    static final int EYE_CANDIDATES = 3;

    /**
     * The CTLE setting {peaking dB, pole / rate} that minimises the nominal channel's BER. With a fixed pole, the
     * peaking search below ({@link #optimalPeakingDb()}). With the poles free ({@code ctle.minPoleFrequencyPerRate},
     * {@code ctle.maxPoleFrequencyPerRate}): a grid over the peaking (as below) × {@link #POLE_GRID} log-spaced poles on
     * the Gaussian-Q proxy, the statistical eye's BER at the proxy's {@link #EYE_CANDIDATES} best grid points, then
     * golden-section steps on the statistical eye's BER in the peaking and in ln(pole) around the best (one grid cell
     * each way); the best point the statistical eye evaluated is returned.
     */
    public double[] optimalCtle() {
        double[] c = ctleOptimum;
        if (c != null) {
            return c;
        }
        ChannelSpec.Ctle ctle = spec.ctle();
        if (!ctle.poleFree()) {
            c = new double[] {optimalPeakingDb(), ctle.poleFrequencyPerRate()};
        } else {
            c = jointOptimum();
        }
        ctleOptimum = c;
        return c;
    }

    private double[] jointOptimum() {
        ChannelSpec.Ctle ctle = spec.ctle();
        Emitter e = nominal();
        boolean fixedPeaking = !Double.isNaN(ctle.fixedPeakingDb());
        double max = fixedPeaking ? ctle.fixedPeakingDb() : ctle.maxPeakingDb();
        int steps = fixedPeaking ? 0 : (int) Math.max(2, Math.ceil(max / 2.0));
        double lnLo = Math.log(ctle.minPoleFrequencyPerRate());
        double lnHi = Math.log(ctle.maxPoleFrequencyPerRate());
        int n = (steps + 1) * POLE_GRID;
        double[][] grid = new double[n][];
        for (int i = 0; i <= steps; i++) {
            double pk = fixedPeaking ? max : max * i / steps;
            for (int j = 0; j < POLE_GRID; j++) {
                double pole = Math.exp(lnLo + (lnHi - lnLo) * j / (POLE_GRID - 1));
                grid[i * POLE_GRID + j] = new double[] {pk, pole, objective(e, pk, pole)};
            }
        }
        java.util.Arrays.sort(grid, java.util.Comparator.comparingDouble(g -> g[2]));
        double[] best = null;
        double bestBer = Double.POSITIVE_INFINITY;
        for (int k = 0; k < Math.min(EYE_CANDIDATES, n); k++) {
            double ber = eyeBer(e, grid[k][0], grid[k][1]);
            if (ber < bestBer) {
                bestBer = ber;
                best = new double[] {grid[k][0], grid[k][1]};
            }
        }
        double pkCell = steps == 0 ? 0 : max / steps;
        double lnCell = (lnHi - lnLo) / (POLE_GRID - 1);
        for (int round = 0; round < 1; round++) {
            double scale = 1;
            if (!fixedPeaking) {
                double pole = best[1];
                double[] r = golden(x -> eyeBer(e, x, pole), Math.max(0, best[0] - scale * pkCell),
                        Math.min(max, best[0] + scale * pkCell));
                if (r[1] < bestBer) {
                    bestBer = r[1];
                    best = new double[] {r[0], pole};
                }
            }
            double pk = best[0];
            double ln = Math.log(best[1]);
            double[] r = golden(x -> eyeBer(e, pk, Math.exp(x)), Math.max(lnLo, ln - scale * lnCell),
                    Math.min(lnHi, ln + scale * lnCell));
            if (r[1] < bestBer) {
                bestBer = r[1];
                best = new double[] {pk, Math.exp(r[0])};
            }
        }
        return best;
    }

    /** The nominal channel's BER from the statistical eye at one CTLE setting. */
    private double eyeBer(Emitter e, double peakingDb, double polePerRate) {
        return evaluate(e, peakingDb, polePerRate, null, Integer.MIN_VALUE).ber();
    }

    /** Golden-section search for the minimum of f on [a, b]: {x, f(x)} of the best point evaluated. */
    private static double[] golden(java.util.function.DoubleUnaryOperator f, double a, double b) {
        double gr = (Math.sqrt(5) - 1) / 2;
        double c = b - gr * (b - a);
        double d = a + gr * (b - a);
        double fc = f.applyAsDouble(c);
        double fd = f.applyAsDouble(d);
        for (int i = 0; i < REFINE_STEPS; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - gr * (b - a);
                fc = f.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + gr * (b - a);
                fd = f.applyAsDouble(d);
            }
        }
        return fc < fd ? new double[] {c, fc} : new double[] {d, fd};
    }

    /** The CTLE peaking (dB) that minimises the nominal channel's BER; the fixed value if one is given. */
    public double optimalPeakingDb() {
        if (!spec.ctle().enabled()) {
            return 0;
        }
        if (spec.ctle().poleFree()) {
            return optimalCtle()[0];
        }
        if (!Double.isNaN(spec.ctle().fixedPeakingDb())) {
            return spec.ctle().fixedPeakingDb();
        }
        double max = spec.ctle().maxPeakingDb();
        Emitter e = nominal();
        int steps = (int) Math.max(2, Math.ceil(max / 2.0));
        double bestP = 0;
        double bestV = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= steps; i++) {
            double pk = max * i / steps;
            double v = objective(e, pk);
            if (v < bestV) {
                bestV = v;
                bestP = pk;
            }
        }
        // golden-section refinement inside the bracketing grid cells
        double a = Math.max(0, bestP - max / steps);
        double b = Math.min(max, bestP + max / steps);
        double gr = (Math.sqrt(5) - 1) / 2;
        double c = b - gr * (b - a);
        double d = a + gr * (b - a);
        double fc = objective(e, c);
        double fd = objective(e, d);
        for (int i = 0; i < 8; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - gr * (b - a);
                fc = objective(e, c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + gr * (b - a);
                fd = objective(e, d);
            }
        }
        double refined = fc < fd ? c : d;
        return Math.min(fc, fd) <= bestV ? refined : bestP;
    }

    /**
     * Objective of the CTLE search: −Q of the nominal channel with ISI and crosstalk treated as Gaussian
     * (from the pulse response alone, ~50× cheaper than a statistical eye and smooth in the peaking, so the
     * search is robust); the final BER is then computed with the exact statistical eye.
     */
    private double objective(Emitter e, double peakingDb) {
        return objective(e, peakingDb, ctlePolePerRate());
    }

    private double objective(Emitter e, double peakingDb, double polePerRate) {
        PulseResponse pulse = pulse(cascade(e.bandwidthFactor(), peakingDb, polePerRate));
        double oma = spec.receiver().responsivityAmpsPerWatt() * spec.receiver().apdGain()
                * omaFromAverage(receivedAveragePower(e.powerFactor()));
        double noise = tiaVariance(peakingDb, polePerRate) / (oma * oma);
        double xt = 0;
        int r = Crosstalk.RADIUS;
        for (int dm = -r; dm <= r; dm++) {
            for (int dn = -r; dn <= r; dn++) {
                int row = e.row() + dm;
                int col = e.col() + dn;
                if (row >= 0 && col >= 0 && row < spec.rows() && col < spec.cols()) {
                    double k = couplingByOffset[dm + r][dn + r];
                    xt += k * k / 4;
                }
            }
        }
        double[] q = new double[1];
        if (referencePath) {
            bestSamplingIndexReference(pulse, noise + xt, q);
        } else {
            bestSamplingIndex(pulse, noise + xt, q);
        }
        return -q[0];
    }

    /**
     * The array's channels from the seeded spread stream: per channel, independent lognormal factors on the emitter's
     * power (σ in dB) and bandwidth (σ of ln f), then, in a second pass over the channels so that the first pass's
     * draws do not depend on it, on the coupling (σ in dB), the photodiode's responsivity and the TIA's noise density
     * (σ of ln). Each factor has median 1: the nominal channel is the array's typical one.
     */
    public Emitter[] sampleArray(RandomStreams streams) {
        RandomGenerator rng = streams.stream(RandomStreams.Purpose.EMITTER_SPREAD);
        int n = spec.channels();
        double sp = spec.led().powerSpreadDb();
        double sb = spec.led().bandwidthSpread();
        double[] power = new double[n];
        double[] bandwidth = new double[n];
        for (int i = 0; i < n; i++) {
            double zp = rng.nextGaussian();
            double zb = rng.nextGaussian();
            power[i] = Math.pow(10, sp * zp / 10);
            bandwidth[i] = Math.exp(sb * zb);
        }
        double sc = spec.optics().couplingSpreadDb();
        double sr = spec.receiver().responsivitySpread();
        double sn = spec.receiver().noiseSpread();
        Emitter[] out = new Emitter[n];
        for (int i = 0; i < n; i++) {
            double zc = rng.nextGaussian();
            double zr = rng.nextGaussian();
            double zn = rng.nextGaussian();
            out[i] = new Emitter(i / spec.cols(), i % spec.cols(), power[i], bandwidth[i], Math.pow(10, sc * zc / 10),
                    Math.exp(sr * zr), Math.exp(sn * zn));
        }
        return out;
    }

    /** BER of every channel of the array at one CTLE setting (the design's, shared by all channels). */
    public double[] arrayBer(Emitter[] emitters, double peakingDb) {
        return arrayBer(emitters, peakingDb, null);
    }

    /**
     * {@link #arrayBer(Emitter[], double)} with the channels' pulse responses taken from {@code pulses[i]} where set and
     * stored there where not (null: none kept). A channel's pulse depends only on its emitter's bandwidth factor and the
     * CTLE setting, so one array of pulses serves every power scaling of the same emitters at the same peaking (the
     * array's margin solve); the BERs are bit for bit those computed without it ({@code ArrayReachSpeedTest}).
     */
    double[] arrayBer(Emitter[] emitters, double peakingDb, PulseResponse[] pulses) {
        return arrayBer(emitters, peakingDb, pulses, null, false);
    }

    /**
     * {@link #arrayBer(Emitter[], double, PulseResponse[])} recording each channel's eye into {@code eyes[i]} (without
     * {@code reuse}) or reusing the recorded eyes for the same channels with every power scaled by one common factor
     * (with {@code reuse}; see {@link StatisticalEye#berScaled}): the BERs then equal, to rounding (~1e-14 relative),
     * those computed afresh.
     */
    double[] arrayBer(Emitter[] emitters, double peakingDb, PulseResponse[] pulses, EyeRef[] eyes, boolean reuse) {
        double[][] power = new double[spec.rows()][spec.cols()];
        for (Emitter e : emitters) {
            power[e.row()][e.col()] = e.launchedFactor();
        }
        double pole = ctlePolePerRate();
        double[] out = new double[emitters.length];
        for (int i = 0; i < emitters.length; i++) {
            PulseResponse pulse = pulses == null ? null : pulses[i];
            if (pulse == null) {
                pulse = pulse(emitters[i], peakingDb, pole);
                if (pulses != null) {
                    pulses[i] = pulse;
                }
            }
            out[i] = evaluate(emitters[i], peakingDb, pole, power, Integer.MIN_VALUE, pulse, eyes, reuse, i).ber();
        }
        return out;
    }

    /** Summary of per-channel BERs. */
    public record BerStats(double median, double mean, double worst, double best) {
        public static BerStats of(double[] bers) {
            double[] s = bers.clone();
            java.util.Arrays.sort(s);
            double mean = 0;
            for (double b : s) {
                mean += b;
            }
            mean /= s.length;
            double median = s.length % 2 == 1 ? s[s.length / 2] : Math.sqrt(s[s.length / 2 - 1] * s[s.length / 2]);
            return new BerStats(median, mean, s[s.length - 1], s[0]);
        }
    }
}
