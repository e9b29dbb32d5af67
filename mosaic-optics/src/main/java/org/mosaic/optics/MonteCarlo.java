package org.mosaic.optics;

import java.util.random.RandomGenerator;
import org.mosaic.core.random.RandomStreams;

/**
 * Time-domain Monte Carlo of the nominal channel, independent of the statistical eye's algebra: a PRBS31
 * bit stream drives the microLED (first-order, exact for the held NRZ input), the fibre's Gaussian
 * response (sampled kernel), white TIA noise and signal-dependent shot noise at the receiver input, then
 * the same receiver poles and CTLE as discrete filters; each bit is decided at the sampling instant the
 * statistical eye chose, against the mean signal level, and the errors are counted. Crosstalk enters as
 * random neighbour bits at the decision instant (as in the statistical eye). Meant for BER ≥ 1e-6.
 */
public final class MonteCarlo {
    /**
     * @param lower95 lower end of the Wilson 95 % interval of the BER
     * @param statisticalEyeBer the statistical eye's BER for the same channel, for comparison
     */
    public record Result(long bits, long errors, double ber, double lower95, double upper95, double statisticalEyeBer,
                         long seed) {
    }

    private MonteCarlo() {
    }

    public static Result run(ChannelSpec spec, long bits) {
        if (bits < 100) {
            throw new IllegalArgumentException("Monte Carlo needs at least 100 bits, got " + bits);
        }
        ChannelModel model = new ChannelModel(spec);
        double peaking = model.optimalPeakingDb();
        ChannelModel.Evaluation ev = model.evaluate(model.nominal(), peaking);
        PulseResponse.Cascade c = model.cascade(1, peaking);
        int spu = spec.numerics().samplesPerUi();
        double dt = c.unitInterval() / spu;
        // decision instant relative to the start of the bit, in samples
        int decision = (int) Math.round(ev.pulse().timeOf(ev.mainIndex()) / dt);

        RandomStreams streams = RandomStreams.of(spec.seed());
        RandomGenerator bitRng = streams.stream(RandomStreams.Purpose.MONTE_CARLO_BITS);
        RandomGenerator noiseRng = streams.stream(RandomStreams.Purpose.MONTE_CARLO_NOISE);
        RandomGenerator xtRng = streams.stream(RandomStreams.Purpose.MONTE_CARLO_CROSSTALK);
        Prbs31 prbs = new Prbs31(bitRng.nextInt() | 1);

        double apd = spec.receiver().apdGain();
        double r = spec.receiver().responsivityAmpsPerWatt() * apd; // an APD's multiplied responsivity
        double pAvg = model.receivedAveragePower(1);
        double er = Math.pow(10, spec.led().extinctionRatioDb() / 10);
        double p0 = 2 * pAvg / (er + 1);
        double oma = model.omaFromAverage(pAvg);
        // mean optical power the neighbours couple in: a DC offset (tracked by the threshold) and shot noise
        double xtMeanPower = 0;
        ChannelModel.Emitter e = model.nominal();
        for (Crosstalk.Interferer i : model.crosstalk().interferers(e.row(), e.col(), spec.rows(), spec.cols(),
                spec.fiber().lengthMeters())) {
            xtMeanPower += i.coupling() * pAvg;
        }
        double fs = 1 / dt;
        double in = spec.receiver().noiseDensityAmpsPerRootHz();
        double thermalStd = in * Math.sqrt(fs / 2);
        // the TIA's voltage noise across its input capacitance: i = C·dv/dt of white v (density e_n), a first
        // difference per sample, whose PSD (2 sin(πf·dt)/dt)²·C²·e_n² is (2πf·C·e_n)² well below the sample rate
        double capNoise = spec.receiver().inputCapacitanceFarads() * spec.receiver().voltageNoiseDensityVoltsPerRootHz()
                * Math.sqrt(fs / 2) / dt;
        double previousV = 0;
        // shot noise of the multiplied current I = M·I_primary: 2q·M²·F·I_primary = 2q·M·F·I per unit bandwidth
        double shotPerAmp = 2 * ChannelModel.ELECTRON_CHARGE * apd * spec.receiver().excessNoiseFactor() * fs / 2;
        double dark = spec.receiver().darkCurrentAmps() * apd;

        // filters
        double ledE = Math.exp(-dt / c.ledTau());
        double[] kernel = gaussianKernel(c.fibreSigma(), dt);
        int half = kernel.length / 2;
        // the last kernel.length samples, each written twice (at i and i + kernel.length) so that the taps read one
        // contiguous run backwards from the newest sample
        double[] ring = new double[2 * kernel.length];
        Foh rx1 = new Foh(dt, 1 / (2 * Math.PI * c.rxPoleHz()));
        Foh rx2 = new Foh(dt, 1 / (2 * Math.PI * c.rxPoleHz()));
        boolean ctle = !Double.isInfinite(c.ctlePoleHz());
        double tauP = ctle ? 1 / (2 * Math.PI * c.ctlePoleHz()) : 0;
        Foh ct1 = new Foh(dt, tauP);
        Foh ct2 = new Foh(dt, tauP);
        double g = c.ctlePeakingLinear();

        double threshold = r * (p0 + oma / 2 + xtMeanPower);
        // bit history so the decision (delayed by the FIR half-width) is compared with the right bit
        int delaySamples = half;
        int historyBits = 4 + (delaySamples + Math.abs(decision)) / spu + 2;
        int[] history = new int[historyBits * 2 + 8];
        double led = 0;
        long errors = 0;
        long counted = 0;
        long warmupBits = historyBits + 64;
        double xtExtraStd = Math.sqrt(ev.extraVariance());
        long totalSamples = (bits + warmupBits) * spu + delaySamples + Math.max(0, decision) + spu;
        int bit = 0;
        // positions kept as counters (the same values as n / spu, n % spu and n % kernel.length, without a division
        // per sample and per tap)
        int ringLength = kernel.length;
        int at = 0; // n % ringLength
        long bitIndex = 0; // n / spu
        int phase = 0; // n % spu
        long offset = delaySamples + decision; // the decision for sample n is bit t = n − offset's, when t % spu == 0
        int decisionPhase = (int) Math.floorMod(offset, (long) spu);
        for (long n = 0; n < totalSamples; n++) {
            if (phase == 0) {
                bit = prbs.next();
                history[(int) (bitIndex % history.length)] = bit;
            }
            // microLED: first-order response, exact for the input held over the sample
            led = ledE * led + (1 - ledE) * bit;
            // fibre: centred Gaussian FIR over the samples so far (tap j reads sample n − j); output delayed by `half`.
            // Four partial sums (taps j ≡ 0, 1, 2, 3 mod 4) so the additions are not one dependent chain of
            // kernel.length; the rounding differs from a single running sum by ~1e-16 relative
            ring[at] = led;
            ring[at + ringLength] = led;
            int taps = (int) Math.min(kernel.length, n + 1);
            int newest = at + ringLength; // tap j reads ring[newest − j]
            double f0 = 0;
            double f1 = 0;
            double f2 = 0;
            double f3 = 0;
            int j = 0;
            for (; j + 3 < taps; j += 4) {
                f0 += kernel[j] * ring[newest - j];
                f1 += kernel[j + 1] * ring[newest - j - 1];
                f2 += kernel[j + 2] * ring[newest - j - 2];
                f3 += kernel[j + 3] * ring[newest - j - 3];
            }
            for (; j < taps; j++) {
                f0 += kernel[j] * ring[newest - j];
            }
            double fibre = (f0 + f1) + (f2 + f3);
            double current = r * (p0 + oma * fibre + xtMeanPower);
            double noise = thermalStd * noiseRng.nextGaussian()
                    + Math.sqrt(shotPerAmp * (Math.max(0, current) + dark)) * noiseRng.nextGaussian();
            if (capNoise > 0) {
                double v = noiseRng.nextGaussian();
                noise += capNoise * (v - previousV);
                previousV = v;
            }
            double y = rx2.step(rx1.step(current + noise));
            if (ctle) {
                double y1 = ct1.step(y);
                y = g * y1 + (1 - g) * ct2.step(y1);
            }
            // decision: the sample at (bit start + decision) of bit k arrives delayed by `half`
            long t = n - offset;
            if (t >= 0 && phase == decisionPhase) {
                long k = t / spu;
                if (k >= warmupBits && counted < bits) {
                    double sample = y;
                    for (double x : ev.interferers()) {
                        sample += (xtRng.nextBoolean() ? 0.5 : -0.5) * x;
                    }
                    if (xtExtraStd > 0) {
                        sample += xtExtraStd * xtRng.nextGaussian();
                    }
                    int sent = history[(int) (k % history.length)];
                    int decided = sample > threshold ? 1 : 0;
                    if (decided != sent) {
                        errors++;
                    }
                    counted++;
                }
            }
            at = at + 1 == ringLength ? 0 : at + 1;
            if (++phase == spu) {
                phase = 0;
                bitIndex++;
            }
        }
        double p = errors / (double) counted;
        double z = 1.959963984540054;
        double denom = 1 + z * z / counted;
        double centre = (p + z * z / (2 * counted)) / denom;
        double hw = z * Math.sqrt(p * (1 - p) / counted + z * z / (4.0 * counted * counted)) / denom;
        return new Result(counted, errors, p, Math.max(0, centre - hw), centre + hw, ev.ber(), spec.seed());
    }

    /** Sample-integrated Gaussian: tap j holds the mass of N(0, σ) over [(j−½)Δt, (j+½)Δt]. */
    static double[] gaussianKernel(double sigma, double dt) {
        if (sigma < 1e-3 * dt) {
            return new double[] {1};
        }
        int h = (int) Math.ceil(7 * sigma / dt);
        double[] k = new double[2 * h + 1];
        double sum = 0;
        for (int j = -h; j <= h; j++) {
            double v = Gaussians.phi((j + 0.5) * dt / sigma) - Gaussians.phi((j - 0.5) * dt / sigma);
            k[j + h] = v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** First-order low pass, exact for an input linear between samples (as in {@link PulseResponse}). */
    private static final class Foh {
        private final double e;
        private final double k;
        private final boolean passThrough;
        private double y;
        private double prev;
        private boolean started;

        Foh(double dt, double tau) {
            passThrough = tau <= 0;
            double a = passThrough ? 1 : dt / tau;
            e = Math.exp(-a);
            k = (1 - e) / a;
        }

        double step(double x) {
            if (passThrough) {
                return x;
            }
            if (!started) {
                y = x;
                prev = x;
                started = true;
                return y;
            }
            y = e * y + x - e * prev - (x - prev) * k;
            prev = x;
            return y;
        }
    }

    /** PRBS31 (x^31 + x^28 + 1), the ITU-T O.150 pattern, from a non-zero start state. */
    static final class Prbs31 {
        private int state;

        Prbs31(int seed) {
            state = seed & 0x7FFFFFFF;
            if (state == 0) {
                state = 1;
            }
        }

        int next() {
            int b = ((state >>> 30) ^ (state >>> 27)) & 1;
            state = ((state << 1) | b) & 0x7FFFFFFF;
            return b;
        }
    }
}
