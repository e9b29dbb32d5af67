package org.mosaic.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.ChannelPlan;
import org.mosaic.link.LinkModel;
import org.mosaic.link.LinkSpec;
import org.mosaic.link.LinkSpecs;
import org.mosaic.link.PowerModel;
import org.mosaic.link.reliability.CableReliability;
import org.mosaic.link.reliability.ReliabilityResult;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Studies;
import org.mosaic.studies.Study;
import org.mosaic.studies.cable.CableStudy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Performance bar of the cable model on the {@code mosaic-800g} preset (see docs/benchmarks.md):
 * <ul>
 * <li>{@link #cableEvaluate}: one full cable evaluation, {@link LinkModel#evaluate(LinkSpec)} = channel plan +
 *     power of both attachments + analytic reliability (≥ 10,000 evaluations/s on one core);</li>
 * <li>{@link #channelPlan}, {@link #power} and {@link #reliability}: its parts, one call each, so the figures
 *     say where the time goes ({@code cableEvaluate} ≈ plan + 2 × power + reliability);</li>
 * <li>{@link #cableStudy}: the whole {@code cable} study as the CLI and the studio run it ({@link Studies} → result):
 *     the evaluation above plus the channel's closure at its length, which solves the reach under the design's target
 *     definition (for this preset the array's mean BER over 400 channels); cold, a new seed per call;</li>
 * <li>{@link #reliabilityWithWearOut}: diagnostic, no target — the reliability step when one channel part has
 *     lognormal wear-out, which switches the MTTF from the Markov chain to quadrature.</li>
 * </ul>
 * All inputs (YAML parsing, spec binding, the plan the power and reliability steps take) are made in
 * {@link #setup()}; every benchmark returns its result so nothing is eliminated as dead code.
 * Run single-threaded (one core):
 * {@code java -jar mosaic-bench/target/benchmarks.jar CableBenchmarks -t 1 -f 1 -wi 3 -w 1 -i 5 -r 1}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class CableBenchmarks {
    /** The preset every claim is made for. */
    public static final String PRESET = "mosaic-800g";
    /**
     * Diagnostic wear-out of the LED part: lognormal, median life 200,000 h, σ = 0.8. Assumed, not a claim about
     * microLED life: [guenter-spie-2011] recommends a lognormal wear-out with σ user-set and gives no
     * microLED median; these values only put the wear-out tail inside and beyond the 5-year service life so the
     * quadrature and root finding do real work.
     */
    static final double WEAR_OUT_MEDIAN_SECONDS = 200_000 * 3600.0;
    static final double WEAR_OUT_SIGMA = 0.8;

    private LinkSpec spec;
    private LinkSpec wearOutSpec;
    private ChannelPlan plan;
    private Study<CableStudy.Input, ?> cableStudy;
    private long nextSeed = 1_000_000;

    @Setup(Level.Trial)
    public void setup() {
        spec = LinkSpecs.bind(ScenarioDocument.preset(PRESET));
        @SuppressWarnings("unchecked")
        Study<CableStudy.Input, ?> study = (Study<CableStudy.Input, ?>) Studies.byName("cable").orElseThrow();
        cableStudy = study;
        plan = ChannelPlan.of(spec.channel(), spec.host(), spec.plan());
        if (plan.dataChannels() != 400) {
            throw new IllegalStateException(PRESET + " should plan 400 data channels, plans " + plan.dataChannels());
        }
        List<LinkSpec.Part> parts = new ArrayList<>();
        boolean found = false;
        for (LinkSpec.Part p : spec.reliability().parts()) {
            if (p.where().equals("channel") && p.name().equals("led")) {
                p = new LinkSpec.Part(p.name(), p.where(), p.failureRatePerSecond(), p.referenceTemperatureKelvin(),
                        p.activationEnergyJoules(), "lognormal", WEAR_OUT_MEDIAN_SECONDS, WEAR_OUT_SIGMA);
                found = true;
            }
            parts.add(p);
        }
        if (!found) {
            throw new IllegalStateException(PRESET + " has no reliability.parts.channel.led to give a wear-out");
        }
        LinkSpec.ReliabilityInputs r = spec.reliability();
        wearOutSpec = new LinkSpec(spec.channel(), spec.host(), spec.attachment(), spec.plan(), spec.power(),
                new LinkSpec.ReliabilityInputs(r.serviceLifeSeconds(), r.operatingTemperatureKelvin(), List.copyOf(parts),
                        r.monteCarloTrials()));
        // sanity: the parts reproduce the whole evaluation
        LinkModel.LinkResult whole = LinkModel.evaluate(spec);
        ReliabilityResult rel = reliability();
        if (Double.compare(whole.reliability().linkFit(), rel.linkFit()) != 0
                || Double.compare(whole.power().perEndWatts(), power().perEndWatts()) != 0
                || whole.plan().totalChannels() != channelPlan().totalChannels()) {
            throw new IllegalStateException("the benchmarked parts do not reproduce LinkModel.evaluate");
        }
        if (!(reliabilityWithWearOut().linkFit() > rel.linkFit())) {
            throw new IllegalStateException("the wear-out variant should raise the link FIT");
        }
    }

    /** One full cable evaluation: plan, power of both attachments, analytic reliability. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public LinkModel.LinkResult cableEvaluate() {
        return LinkModel.evaluate(spec);
    }

    /**
     * The {@code cable} study's result for the preset (no scaled options), cold: a new seed per call, so the memoised
     * channel analysis and array never hit (what the studio's first evaluation of a changed cable pays).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object cableStudy() {
        return cableStudy.run(new CableStudy.Input(ScenarioDocument.preset(PRESET).with("seed", String.valueOf(nextSeed++)),
                false), Progress.quiet());
    }

    /** The channel plan alone. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ChannelPlan channelPlan() {
        return ChannelPlan.of(spec.channel(), spec.host(), spec.plan());
    }

    /** The power of one end for the spec's attachment (the evaluation does this twice). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public PowerModel.Power power() {
        return PowerModel.evaluate(spec.channel(), plan, spec.power(), spec.attachment());
    }

    /** The reliability step: the reliability model's spec from the plan, then the analytic model. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ReliabilityResult reliability() {
        return CableReliability.evaluate(LinkModel.reliabilitySpec(spec, plan));
    }

    /** Diagnostic: the reliability step with a lognormal wear-out on every channel's LED (MTTF by quadrature). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ReliabilityResult reliabilityWithWearOut() {
        return CableReliability.evaluate(LinkModel.reliabilitySpec(wearOutSpec, plan));
    }
}
