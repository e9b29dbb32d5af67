package org.mosaic.bench;

import java.util.concurrent.TimeUnit;
import org.mosaic.core.random.RandomStreams;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.optics.ArrayReach;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelModel;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.optics.ChannelSpecs;
import org.mosaic.optics.PulseResponse;
import org.mosaic.optics.StatisticalEye;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Performance bar of the channel model on the {@code mosaic-800g} preset (see docs/benchmarks.md):
 * <ul>
 * <li>{@link #statisticalEyeBer}: the statistical-eye step alone (≥ 20,000 evaluations/s on one core);</li>
 * <li>{@link #channelBer}: one full channel evaluation (pulse response + sampling phase + eye);</li>
 * <li>{@link #link400}: the 400-channel array with per-emitter spread (≤ 20 ms);</li>
 * <li>{@link #reachSolve}: the reach solve (≤ 5 ms);</li>
 * <li>{@link #ctleOptimise}: the CTLE peaking optimisation of the nominal channel;</li>
 * <li>{@link #arrayReach}: the array's reach and margin under every definition ({@link ArrayReach#of}: nominal, mean
 *     BER, k-th worst), cold: each call draws a new seed, so no memoised array is reused (what the studio's first
 *     evaluation of a changed channel pays).</li>
 * </ul>
 * {@link #pulseResponse} is a diagnostic that isolates the pulse-response step of {@link #channelBer}.
 * All inputs (spec binding, YAML parsing, model construction, emitter sampling, cursors) are made in
 * {@link #setup()}; every benchmark returns its result so nothing is eliminated as dead code.
 * Run single-threaded (one core): {@code java -jar mosaic-bench/target/benchmarks.jar -t 1 -f 1}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class ChannelBenchmarks {
    /** The preset every claim is made for. */
    public static final String PRESET = "mosaic-800g";

    /** Bins of the statistical-eye grid; the preset's own value is 512. */
    @Param({"256", "512", "1024"})
    public int eyeBins;

    private ChannelSpec spec;
    private ScenarioDocument presetDocument;
    private double nominalReach;
    private double nominalMarginDb;
    private long nextSeed = 1_000_000;
    private ChannelModel model;
    private double peakingDb;
    private ChannelModel.Emitter nominal;
    private ChannelModel.Emitter[] emitters;
    private PulseResponse.Cascade nominalCascade;

    // inputs of the statistical-eye step, taken from the nominal channel's evaluation
    private double[] cursors;
    private int mainCursor;
    private double[] interferers;
    private double extraVariance;
    private double noiseVarianceOne;
    private double noiseVarianceZero;

    @Setup(Level.Trial)
    public void setup() {
        presetDocument = ScenarioDocument.preset(PRESET).with("numerics.eyeBins", String.valueOf(eyeBins));
        ChannelSpec preset = ChannelSpecs.bind(ScenarioDocument.preset(PRESET));
        spec = preset.withNumerics(new ChannelSpec.Numerics(preset.numerics().samplesPerUi(), eyeBins));
        // the nominal channel's reach and margin do not depend on the seed: solved once, as the analysis would
        ChannelSpec seeded = ChannelSpecs.bind(presetDocument);
        nominalReach = Math.min(ChannelAnalysis.reach(seeded), ChannelAnalysis.MAX_LENGTH);
        nominalMarginDb = ChannelAnalysis.analyse(seeded).marginDb();
        model = new ChannelModel(spec);
        peakingDb = model.optimalPeakingDb();
        nominal = model.nominal();
        nominalCascade = model.cascade(nominal.bandwidthFactor(), peakingDb);
        ChannelModel.Evaluation ev = model.evaluate(nominal, peakingDb);
        cursors = ev.cursors().clone();
        mainCursor = ev.mainCursor();
        interferers = ev.interferers().clone();
        extraVariance = ev.extraVariance();
        noiseVarianceOne = ev.noiseVarianceOne();
        noiseVarianceZero = ev.noiseVarianceZero();
        emitters = model.sampleArray(RandomStreams.of(0));
        if (emitters.length != 400) {
            throw new IllegalStateException(PRESET + " should have 400 channels, has " + emitters.length);
        }
        // sanity: the precomputed inputs reproduce the evaluation's BER
        double check = new StatisticalEye(cursors, mainCursor, interferers, extraVariance, noiseVarianceOne,
                noiseVarianceZero, spec.numerics().eyeBins()).ber();
        if (Double.compare(check, ev.ber()) != 0) {
            throw new IllegalStateException("statistical eye inputs do not reproduce the BER: " + check + " vs " + ev.ber());
        }
    }

    /** The statistical-eye step alone: build the ISI/crosstalk PMF on the grid and integrate the BER. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public double statisticalEyeBer() {
        return new StatisticalEye(cursors, mainCursor, interferers, extraVariance, noiseVarianceOne,
                noiseVarianceZero, eyeBins).ber();
    }

    /** One full channel evaluation of the nominal emitter at the (precomputed) optimal CTLE peaking. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public double channelBer() {
        return model.evaluate(nominal, peakingDb).ber();
    }

    /** Diagnostic: the pulse-response step of {@link #channelBer} alone. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public PulseResponse pulseResponse() {
        return PulseResponse.compute(nominalCascade, spec.numerics().samplesPerUi());
    }

    /** BER of all 400 channels of the array, each emitter with its own power and bandwidth. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double[] link400() {
        return model.arrayBer(emitters, peakingDb);
    }

    /** Longest fibre meeting the BER target (CTLE re-optimised at every trial length). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double reachSolve() {
        return ChannelAnalysis.reach(spec);
    }

    /**
     * The array's reach and margin under every definition, cold: a new seed per call (a new array of 400 channels, so
     * the memo of per-length array BERs never hits; its cost does not depend on the seed beyond the solver's steps).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ArrayReach arrayReach() {
        ChannelSpec s = ChannelSpecs.bind(presetDocument.with("seed", String.valueOf(nextSeed++)));
        return ArrayReach.of(s, nominalReach, nominalMarginDb);
    }

    /** CTLE peaking minimising the nominal channel's BER (grid + golden-section search). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double ctleOptimise() {
        return model.optimalPeakingDb();
    }
}
