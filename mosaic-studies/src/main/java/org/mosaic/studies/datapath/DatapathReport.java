package org.mosaic.studies.datapath;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.Estimate;
import org.mosaic.studies.Metric;

/**
 * The report's datapath study ({@link DatapathReportStudy}): what the host's RS(544,514) FEC makes of the MOSAIC
 * channels per gearbox mapping — analytic FLR curves, engine points, one to three dead channels before and after
 * failover, and the detection-latency budget. Serialises to the report's {@code sections.datapath}.
 *
 * @param seed                          the seed of every emulation (common random numbers)
 * @param targetFrameLossRatio          the target FLR of 64-octet frames
 * @param targetPostFecBer              the post-FEC BER the target stands for
 * @param frameBytes                    the frame size
 * @param framesPerSecond               64-octet frames per second of the 800G host
 * @param backgroundBer                 BER of every healthy channel
 * @param detectionLatencySeconds       the default detection latency
 * @param averagingPeriodSeconds        the averaging period of the latency criterion
 * @param iidBerAtTargetFrameLossRatio  the BER at which the healthy link alone reaches the target
 * @param deadChannels                  the data channels that die, in order
 * @param curves                        the analytic curves: i.i.d., the no-dead-channel reference, one dead channel per variant
 * @param points                        the engine runs on the charts
 * @param deadCases                     k dead channels per variant
 * @param budgets                       the latency budget per variant and background BER
 * @param provenance                    the numbers used with their sources
 * @param latencyCurves                 the latency limits along the exact one-dead-channel curves (not in JSON)
 */
public record DatapathReport(
        long seed, double targetFrameLossRatio, double targetPostFecBer, int frameBytes,
        @Metric(unit = "1/s") double framesPerSecond, double backgroundBer, double detectionLatencySeconds,
        double averagingPeriodSeconds, double iidBerAtTargetFrameLossRatio, int[] deadChannels, List<Curve> curves,
        List<EnginePoint> points, @JsonProperty("deadChannelCases") List<DeadCase> deadCases,
        @JsonProperty("latencyBudget") List<Budget> budgets, List<Provenance> provenance,
        @JsonIgnore List<LatencyCurve> latencyCurves) {

    public DatapathReport {
        deadChannels = deadChannels.clone();
        curves = List.copyOf(curves);
        points = List.copyOf(points);
        deadCases = List.copyOf(deadCases);
        budgets = List.copyOf(budgets);
        provenance = List.copyOf(provenance);
        latencyCurves = List.copyOf(latencyCurves);
    }

    @Override
    public int[] deadChannels() {
        return deadChannels.clone();
    }

    /** An analytic curve: FLR (and codeword failure) against BER; {@code variant} null for the i.i.d. curves. */
    public record Curve(String panel, String name, Variant variant, double[] ber, double[] codewordFailure, double[] frameLossRatio) {
        /** The index of a BER of the curve's grid. */
        int at(double b) {
            for (int i = 0; i < ber.length; i++) {
                if (ber[i] == b) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no value of " + name + " at BER " + b + " — expected a BER of the curve grid");
        }
    }

    /**
     * One emulation as the report shows it: its counts and estimates, and the full result (not in JSON).
     *
     * @param failedCodewords uncorrectable plus miscorrected codewords
     * @param failovers       "from->to at SECONDS s"
     */
    public record Run(String engine, String mapping, long codewords, double simulatedSeconds, double preFecBer, long failedCodewords,
                      Estimate codewordFailureRatio, long frames, long lostFrames, Estimate frameLossRatio,
                      double analyticFrameLossRatio, double analyticCodewordFailure, List<String> failovers,
                      @JsonIgnore EmulationResult emulation) {
        static Run of(EmulationResult r) {
            List<String> f = new ArrayList<>();
            r.failovers().forEach(x -> f.add(x.fromPhysical() + "->" + x.toPhysical() + " at " + x.switchSeconds() + " s"));
            return new Run(r.engine(), r.mapping(), r.codewords(), r.simulatedSeconds(), r.preFecBer(),
                    r.uncorrectableCodewords() + r.miscorrectedCodewords(), r.codewordFailureRatio(), r.frames(), r.lostFrames(),
                    r.frameLossRatio(), r.analytic().frameLossRatio(), r.analytic().mappingAwareCodewordFailure(), List.copyOf(f), r);
        }

        @JsonIgnore
        public boolean importance() {
            return "importance".equals(engine);
        }
    }

    /** One engine run placed on a chart: panel ({@code iid} or {@code one-dead-channel}), variant, x (BER). */
    public record EnginePoint(String panel, Variant variant, double ber, @JsonUnwrapped Run run) {
        @JsonIgnore
        public boolean importance() {
            return run.importance();
        }
    }

    /**
     * k dead channels at the background BER: the detection window (whole run before detection), after failover
     * (detected at once), and one event (the channels die during the run, are detected after the default latency and
     * fail over); {@code maxSymbolsHit} = most symbols of one codeword on the dead channels.
     */
    public record DeadCase(Variant variant, int deadChannels, @JsonProperty("maxSymbolsAtRiskPerCodeword") int maxSymbolsHit,
                           Run window, double exactWindowFrameLossRatio, double backgroundFrameLossRatio,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Run windowImportance,
                           @JsonProperty("afterFailover") Run after, @JsonProperty("oneEvent") OneEvent timeline) {
        /** The expected lost frames of one failure event at the default latency, from the exact window FLR. */
        @JsonIgnore
        public double expectedLostFrames() {
            return timeline.expectedLostFrames();
        }
    }

    /** The run where the channels die at {@code faultSeconds}, with the lost frames the exact window FLR predicts. */
    public record OneEvent(@JsonUnwrapped Run run, double faultSeconds, @Metric(unit = "1") double expectedLostFrames) {
    }

    /**
     * The latency budget for one channel dying on a link whose healthy channels run at {@code backgroundBer}: the
     * window FLR from an engine, the background FLR (exact), the frames lost per failure at the default latency, and
     * the two latency limits (95 % intervals from the window FLR's; +∞ = unlimited, null in JSON, flagged).
     */
    public record Budget(Variant variant, double backgroundBer, String engine, Estimate windowFrameLossRatio,
                         double backgroundFrameLossRatio, double lostFramesPerFailure, Estimate averagedLatencySeconds,
                         boolean averagedUnlimited, Estimate hitlessLatencySeconds, boolean hitlessUnlimited) {
    }

    /** Along a variant's exact one-dead-channel curve, up to the BER at target: the two latency limits (+∞ = unlimited). */
    public record LatencyCurve(Variant variant, double[] ber, double[] averagedSeconds, double[] hitlessSeconds) {
    }

    /** The analytic i.i.d. curve (panel iid). */
    @JsonIgnore
    public Curve iidCurve() {
        return curves.get(0);
    }

    /** The no-dead-channel reference of the one-dead-channel panel. */
    @JsonIgnore
    public Curve noDeadChannelCurve() {
        return curves.get(1);
    }

    /** The exact one-dead-channel curves, one per variant. */
    @JsonIgnore
    public List<Curve> windowCurves() {
        return curves.stream().filter(c -> c.variant() != null).toList();
    }

    /** The i.i.d. FLR at a BER of the i.i.d. curve's grid (every i.i.d. engine BER is on it). */
    public double iidFrameLossRatioAt(double ber) {
        Curve c = iidCurve();
        return c.frameLossRatio()[c.at(ber)];
    }

    /** The i.i.d. codeword failure at a BER of the i.i.d. curve's grid. */
    public double iidCodewordFailureAt(double ber) {
        Curve c = iidCurve();
        return c.codewordFailure()[c.at(ber)];
    }

    /** The exact one-dead-channel FLR of a variant at a BER of its curve's grid (every engine BER is on it). */
    public double exactAt(Variant v, double ber) {
        for (Curve c : windowCurves()) {
            if (c.variant().equals(v)) {
                return c.frameLossRatio()[c.at(ber)];
            }
        }
        throw new IllegalArgumentException("no exact value for " + v.id() + " at BER " + ber + " — expected a BER of the curve grid");
    }
}
