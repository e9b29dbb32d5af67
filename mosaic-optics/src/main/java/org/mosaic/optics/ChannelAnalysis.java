package org.mosaic.optics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.mosaic.core.parallel.Memo;
import org.mosaic.core.random.RandomStreams;

/**
 * The channel questions answered for one spec: BER over the array, eye, budget with margin,
 * sensitivity, reach and maximum rate, bathtub and eye-diagram data. Pure functions of the spec (and its
 * seed).
 */
public final class ChannelAnalysis {
    /** Reach search range, metres. */
    public static final double MIN_LENGTH = 0.01;
    public static final double MAX_LENGTH = 2000;
    /** Max-rate search range, b/s. */
    public static final double MIN_RATE = 10e6;
    public static final double MAX_RATE = 100e9;
    private static final double BER_FLOOR = 1e-300;

    private ChannelAnalysis() {
    }

    /**
     * The full evaluation (array BER, budget, sensitivity, reach under the design's target definition, max
     * rate), without the array's reach and margin under every definition ({@link ArrayReach}, ~40 array
     * evaluations: ask with {@link #analyse(ChannelSpec, boolean)}).
     */
    public static ChannelResult analyse(ChannelSpec spec) {
        return analyse(spec, false);
    }

    private record AnalysisKey(ChannelSpec spec, boolean withArrayReach) {
    }

    /** Analyses of the specs asked for most recently (pure functions of the spec: {@link Memo}). */
    private static final Memo<AnalysisKey, ChannelResult> ANALYSES = new Memo<>(64);
    /** Target reaches of the specs asked for most recently. */
    private static final Memo<ChannelSpec, Double> TARGET_REACHES = new Memo<>(256);

    /**
     * The full evaluation, with the array's reach and margin under every definition when {@code withArrayReach}. A spec
     * analysed recently gives the same result object (its {@code perChannelBer} array is shared: read it, do not write).
     */
    public static ChannelResult analyse(ChannelSpec spec, boolean withArrayReach) {
        return ANALYSES.get(new AnalysisKey(spec, withArrayReach), k -> compute(k.spec(), k.withArrayReach()));
    }

    static ChannelResult compute(ChannelSpec spec, boolean withArrayReach) {
        ChannelModel model = new ChannelModel(spec);
        double peaking = model.optimalPeakingDb();
        ChannelModel.Evaluation nominal = model.evaluate(model.nominal(), peaking);
        double[] perChannel = model.arrayBer(model.sampleArray(RandomStreams.of(spec.seed())), peaking);
        ChannelModel.BerStats stats = ChannelModel.BerStats.of(perChannel);

        double pAvg = model.receivedAveragePower(1);
        double oma = model.omaFromAverage(pAvg);
        double sensitivityFactor = powerFactorAtTarget(model, peaking, spec.berTarget());
        double sensitivity = oma * sensitivityFactor;
        double noiseOnly = noiseOnlySensitivity(model, peaking, spec.berTarget());
        double margin = -OpticalPath.db(sensitivityFactor);

        List<ChannelResult.BudgetItem> budget = new ArrayList<>();
        budget.add(new ChannelResult.BudgetItem("microLED average power", dbm(spec.led().averagePowerWatts()), "dBm"));
        for (OpticalPath.Item i : OpticalPath.losses(spec, model.crosstalk())) {
            budget.add(new ChannelResult.BudgetItem(i.item(), i.db(), "dB"));
        }
        budget.add(new ChannelResult.BudgetItem("received average power", dbm(pAvg), "dBm"));
        budget.add(new ChannelResult.BudgetItem(String.format("received OMA (extinction ratio %.1f dB)", spec.led().extinctionRatioDb()),
                dbm(oma), "dBm"));
        budget.add(new ChannelResult.BudgetItem("sensitivity, noise only (OMA at BER target)", dbm(noiseOnly), "dBm"));
        budget.add(new ChannelResult.BudgetItem(String.format("ISI + crosstalk penalty after CTLE (%.1f dB peaking)", peaking),
                dbm(sensitivity) - dbm(noiseOnly), "dB"));
        budget.add(new ChannelResult.BudgetItem("sensitivity with ISI and crosstalk (OMA)", dbm(sensitivity), "dBm"));
        budget.add(new ChannelResult.BudgetItem("margin", margin, "dB"));

        double nominalReach = reach(spec);
        double reach = targetReach(spec, nominalReach);
        double maxRate = maxRate(spec);
        double cores = OpticalPath.coresPerChannel(spec);
        return new ChannelResult(spec.name(), spec.seed(), spec.rateBitsPerSecond(), spec.fiber().lengthMeters(),
                spec.led().wavelengthMeters(), spec.led().spectralFwhmMeters(),
                Sellmeier.dispersionPsPerNmKm(spec.led().wavelengthMeters()), Sellmeier.groupIndex(spec.led().wavelengthMeters()),
                model.sigmaChromaticSeconds(), model.sigmaModalSeconds(), spec.led().bandwidthHz(), spec.channels(), cores,
                Math.round(cores * spec.channels()), spec.fiber().coreCount(), peaking, spec.berTarget(),
                new ChannelResult.BerSummary(stats.median(), stats.mean(), stats.worst(), stats.best()),
                nominal.ber(), Gaussians.qFromBer(nominal.ber()),
                nominal.eye().eyeHeight(spec.berTarget()) / nominal.omaCurrent(),
                eyeWidthUi(model, peaking, spec.berTarget()),
                dbm(pAvg), dbm(oma), dbm(sensitivity), dbm(noiseOnly), dbm(sensitivity) - dbm(noiseOnly), margin,
                Math.min(reach, MAX_LENGTH), reach >= MAX_LENGTH, maxRate, List.copyOf(budget), perChannel,
                coupling(spec), modes(model), ctle(model, peaking),
                withArrayReach ? ArrayReach.of(spec, Math.min(nominalReach, MAX_LENGTH), margin) : null,
                fibreCrosstalk(model));
    }

    /**
     * The reach under the design's target definition ({@code link.reach.target}: the nominal channel, the array's mean
     * BER or its k-th worst channel), as {@link ChannelResult#reachMeters()} reports it; what a cable's reach is judged
     * on downstream (comparison, technology menu, fleet). Equals {@link #reach} for a nominal target.
     */
    public static double targetReach(ChannelSpec spec) {
        return TARGET_REACHES.get(spec, s -> Math.min(targetReach(s, reach(s)), MAX_LENGTH));
    }

    /** The reach under the design's target definition ({@code link.reach.target}), from the nominal reach. */
    static double targetReach(ChannelSpec spec, double nominalReach) {
        ChannelSpec.ReachTarget t = spec.reachTarget();
        return switch (t.definition()) {
            case "mean" -> ArrayReach.reach(spec, true, 0, nominalReach);
            case "kth-worst" -> ArrayReach.reach(spec, false, t.coveredChannels(), nominalReach);
            default -> nominalReach;
        };
    }

    static ChannelResult.Coupling coupling(ChannelSpec spec) {
        OpticalPath.Launch l = OpticalPath.launch(spec);
        return new ChannelResult.Coupling(l.magnification(), l.efficiency(), l.etendueLimit(), l.etendueLimited(),
                l.collectedNa(), l.launchNa());
    }

    static ChannelResult.Modes modes(ChannelModel model) {
        ChannelSpec.Fiber f = model.spec().fiber();
        FibreModes core = FibreModes.of(f.coreDiameterMeters(), f.numericalAperture(), model.spec().led().wavelengthMeters());
        FibreModes.ModalResponse m = model.modal();
        return new ChannelResult.Modes(m == null ? "fiber.modalBandwidth" : "modes", model.modalBandwidthLengthHzMeters(),
                core.vNumber(), core.modeCount(), m == null ? core.modeCount() : m.excitedModes(),
                Double.isInfinite(f.modeCouplingLengthMeters()) ? null : f.modeCouplingLengthMeters(),
                f.differentialModeAttenuationDbPerMeter());
    }

    static ChannelResult.FibreCrosstalk fibreCrosstalk(ChannelModel model) {
        ChannelSpec spec = model.spec();
        Crosstalk xt = model.crosstalk();
        double L = spec.fiber().lengthMeters();
        double input = Math.pow(10, spec.optics().inputCrosstalkDb() / 10);
        double retained = xt.retained(L) / (1 - 4 * input);
        if (!xt.fromGeometry()) {
            return new ChannelResult.FibreCrosstalk("fiber.crosstalk", xt.coupling(0, 1, L) - input, xt.coupling(1, 1, L),
                    retained, null, null, null);
        }
        ChannelSpec.Fiber f = spec.fiber();
        return new ChannelResult.FibreCrosstalk("cores", xt.coupling(0, 1, L) - input, xt.coupling(1, 1, L), retained,
                spec.faceChannelPitchMeters(), f.crosstalkCorrelationLengthMeters(), f.coreDiameterSpread());
    }

    static ChannelResult.Ctle ctle(ChannelSpec spec, double peaking) {
        return ctle(spec, peaking, spec.ctle().poleFrequencyPerRate());
    }

    /** The CTLE as the model uses it (with free poles, the optimiser's pole). */
    static ChannelResult.Ctle ctle(ChannelModel model, double peaking) {
        return ctle(model.spec(), peaking, model.spec().ctle().enabled() ? model.ctlePolePerRate() : 0);
    }

    private static ChannelResult.Ctle ctle(ChannelSpec spec, double peaking, double polePerRate) {
        ChannelSpec.Ctle c = spec.ctle();
        return new ChannelResult.Ctle(c.enabled(), peaking, c.enabled() ? ChannelSpec.Ctle.boostDb(peaking) : 0,
                c.nyquistGainDb(peaking, polePerRate), c.enabled() ? polePerRate * spec.rateBitsPerSecond() : 0);
    }

    static double dbm(double watts) {
        return 10 * Math.log10(watts * 1e3);
    }

    /** BER of the nominal channel with the CTLE optimised for it. */
    public static double nominalBer(ChannelSpec spec) {
        ChannelModel m = new ChannelModel(spec);
        return m.evaluate(m.nominal(), m.optimalPeakingDb()).ber();
    }

    /**
     * The factor on the emitter power at which the nominal channel just meets {@code target}
     * (&lt; 1 means margin). Bisection in log power.
     */
    static double powerFactorAtTarget(ChannelModel model, double peaking, double target) {
        ChannelModel.Emitter n = model.nominal();
        DoubleUnaryOperator f = logFactor -> Math.log10(Math.max(BER_FLOOR,
                model.evaluate(new ChannelModel.Emitter(n.row(), n.col(), Math.pow(10, logFactor), 1), peaking).ber()))
                - Math.log10(target);
        double lo = -4;
        double hi = 4;
        if (f.applyAsDouble(hi) > 0) {
            return Double.POSITIVE_INFINITY; // ISI/crosstalk floor: no power is enough
        }
        for (int i = 0; i < 60 && hi - lo > 1e-5; i++) {
            double mid = 0.5 * (lo + hi);
            if (f.applyAsDouble(mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.pow(10, 0.5 * (lo + hi));
    }

    /** OMA (W) at the detector that meets the target with noise alone (no ISI, no crosstalk). */
    static double noiseOnlySensitivity(ChannelModel model, double peaking, double target) {
        ChannelSpec s = model.spec();
        double bn = model.noiseBandwidth(peaking);
        double tia = model.tiaVariance(peaking);
        double gain = s.receiver().apdGain();
        double shotFactor = gain * s.receiver().excessNoiseFactor();
        double r = s.receiver().responsivityAmpsPerWatt() * gain;
        double er = Math.pow(10, s.led().extinctionRatioDb() / 10);
        double lo = -12;
        double hi = 0;
        for (int i = 0; i < 80; i++) {
            double mid = 0.5 * (lo + hi);
            double oma = Math.pow(10, mid);
            double avg = oma * (er + 1) / (2 * (er - 1));
            double p1 = 2 * avg * er / (er + 1);
            double p0 = 2 * avg / (er + 1);
            double s1 = Math.sqrt(tia + 2 * ChannelModel.ELECTRON_CHARGE * shotFactor * (r * p1 + gain * s.receiver().darkCurrentAmps()) * bn);
            double s0 = Math.sqrt(tia + 2 * ChannelModel.ELECTRON_CHARGE * shotFactor * (r * p0 + gain * s.receiver().darkCurrentAmps()) * bn);
            double ber = 0.5 * (Gaussians.q(r * oma / 2 / s1) + Gaussians.q(r * oma / 2 / s0));
            if (ber > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.pow(10, 0.5 * (lo + hi));
    }

    /** BER of the nominal channel against sampling-phase offset: phases in UI, BER per phase. */
    public record Bathtub(double[] phaseUi, double[] ber) {
    }

    public static Bathtub bathtub(ChannelSpec spec) {
        ChannelModel m = new ChannelModel(spec);
        double pk = m.optimalPeakingDb();
        return bathtub(m, pk);
    }

    static Bathtub bathtub(ChannelModel m, double peaking) {
        int spu = m.spec().numerics().samplesPerUi();
        double[] phase = new double[spu + 1];
        double[] ber = new double[spu + 1];
        for (int i = 0; i <= spu; i++) {
            int off = i - spu / 2;
            phase[i] = off / (double) spu;
            ber[i] = m.evaluate(m.nominal(), peaking, null, off).ber();
        }
        return new Bathtub(phase, ber);
    }

    /** Width (UI) of the sampling-phase window in which the nominal channel meets the target. */
    static double eyeWidthUi(ChannelModel m, double peaking, double target) {
        Bathtub b = bathtub(m, peaking);
        int spu = m.spec().numerics().samplesPerUi();
        int centre = spu / 2;
        if (b.ber()[centre] > target) {
            return 0;
        }
        int left = centre;
        while (left > 0 && b.ber()[left - 1] <= target) {
            left--;
        }
        int right = centre;
        while (right < spu && b.ber()[right + 1] <= target) {
            right++;
        }
        return (right - left) / (double) spu;
    }

    /**
     * The statistical eye diagram of the nominal channel over two unit intervals: probability density of
     * the received signal (current normalised to OMA, 0 = decision threshold) at each phase and level.
     */
    public record EyeDiagram(double[] timeUi, double[] level, double[][] density, double berTarget, double[] innerTop,
                             double[] innerBottom) {
    }

    public static EyeDiagram eyeDiagram(ChannelSpec spec, int levels) {
        ChannelModel m = new ChannelModel(spec);
        double pk = m.optimalPeakingDb();
        int spu = spec.numerics().samplesPerUi();
        int n = 2 * spu + 1;
        double[] t = new double[n];
        double[] lv = new double[levels];
        double[][] d = new double[n][levels];
        double[] top = new double[n];
        double[] bottom = new double[n];
        ChannelModel.Evaluation centre = m.evaluate(m.nominal(), pk);
        double oma = centre.omaCurrent();
        double span = 0.9;
        for (int j = 0; j < levels; j++) {
            lv[j] = -span + 2 * span * j / (levels - 1);
        }
        for (int i = 0; i < n; i++) {
            int off = i - spu;
            t[i] = off / (double) spu;
            // the eye repeats every UI: phases beyond ±½ UI are the neighbouring bit's sampling instants
            int wrapped = Math.floorMod(off + spu / 2, spu) - spu / 2;
            ChannelModel.Evaluation ev = m.evaluate(m.nominal(), pk, null, wrapped);
            for (int j = 0; j < levels; j++) {
                double level = lv[j] * oma;
                d[i][j] = 0.5 * (ev.eye().density(true, level) + ev.eye().density(false, level)) * oma;
            }
            double h = ev.eye().eyeHeight(spec.berTarget()) / oma;
            top[i] = h > 0 ? h / 2 : Double.NaN;
            bottom[i] = h > 0 ? -h / 2 : Double.NaN;
        }
        return new EyeDiagram(t, lv, d, spec.berTarget(), top, bottom);
    }

    /** BER of the nominal channel at each length (CTLE re-optimised per length). */
    public static double[] berVsLength(ChannelSpec spec, double[] lengths) {
        double[] out = new double[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            out[i] = nominalBer(spec.withLength(lengths[i]));
        }
        return out;
    }

    /** Longest fibre (m) meeting the BER target at the spec's rate; MAX_LENGTH if it reaches beyond the search. */
    public static double reach(ChannelSpec spec) {
        DoubleUnaryOperator f = len -> Math.log10(Math.max(BER_FLOOR, nominalBer(spec.withLength(len))))
                - Math.log10(spec.berTarget());
        double hint = Math.max(1, spec.fiber().lengthMeters());
        return Math.exp(solveUpper(x -> f.applyAsDouble(Math.exp(x)), Math.log(MIN_LENGTH), Math.log(MAX_LENGTH),
                Math.log(hint), 1e-4));
    }

    /** Highest rate (b/s) meeting the BER target at the spec's length (receiver and CTLE scale with the rate). */
    public static double maxRate(ChannelSpec spec) {
        DoubleUnaryOperator f = logRate -> Math.log10(Math.max(BER_FLOOR, nominalBer(spec.withRate(Math.exp(logRate)))))
                - Math.log10(spec.berTarget());
        return Math.exp(solveUpper(f, Math.log(MIN_RATE), Math.log(MAX_RATE), Math.log(spec.rateBitsPerSecond()), 1e-4));
    }

    /**
     * The crossing of an increasing f in [lo, hi] (hi if f(hi) ≤ 0, lo if f(lo) > 0): brackets it by
     * stepping out from {@code start} in steps of 0.25 (a factor 1.28 in the log domain used here), then
     * refines with Brent's method to {@code accuracy}.
     */
    static double solveUpper(DoubleUnaryOperator f, double lo, double hi, double start, double accuracy) {
        double x = Math.max(lo, Math.min(hi, start));
        double fx = f.applyAsDouble(x);
        double step = 0.25;
        double a;
        double b;
        if (fx <= 0) {
            a = x;
            b = x;
            double fb = fx;
            while (fb <= 0) {
                if (b >= hi) {
                    return hi;
                }
                a = b;
                b = Math.min(hi, b + step);
                fb = f.applyAsDouble(b);
                step *= 1.5;
            }
        } else {
            a = x;
            b = x;
            double fa = fx;
            while (fa > 0) {
                if (a <= lo) {
                    return lo;
                }
                b = a;
                a = Math.max(lo, a - step);
                fa = f.applyAsDouble(a);
                step *= 1.5;
            }
        }
        BrentSolver solver = new BrentSolver(accuracy);
        return solver.solve(100, f::applyAsDouble, a, b);
    }
}
