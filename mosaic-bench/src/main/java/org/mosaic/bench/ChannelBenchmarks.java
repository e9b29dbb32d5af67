package org.mosaic.bench;

import java.util.concurrent.TimeUnit;
import org.mosaic.core.random.RandomStreams;
import org.mosaic.core.scenario.ScenarioDocument;
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
 * <li>{@link #ctleOptimise}: the CTLE peaking optimisation of the nominal channel.</li>
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
        ChannelSpec preset = ChannelSpecs.bind(ScenarioDocument.preset(PRESET));
        spec = preset.withNumerics(new ChannelSpec.Numerics(preset.numerics().samplesPerUi(), eyeBins));
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

    /** CTLE peaking minimising the nominal channel's BER (grid + golden-section search). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double ctleOptimise() {
        return model.optimalPeakingDb();
    }
}
