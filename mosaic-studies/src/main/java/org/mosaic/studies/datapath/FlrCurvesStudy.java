package org.mosaic.studies.datapath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mosaic.studies.In;
import org.mosaic.studies.Metric;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * {@code flr-curves}: the host's RS(544,514) frame loss ratio against pre-FEC BER for each gearbox mapping (bit, symbol,
 * codeword-aware, and the bit mapping under single-symbol PCS dealing), with 0..3 dead channels sending random bits while
 * every other channel errs independently at the BER — the exact analytic curves of the report's datapath section
 * ({@link Exposure}; with no dead channel every mapping gives the i.i.d. binomial curve), without its engine runs, so that
 * a front end (the web studio) draws the chart from this result alone and redraws it as the number of dead channels changes.
 * The MOSAIC 800G host and channel plan of the report; the dead channels are the report's, far apart on the grid.
 */
public final class FlrCurvesStudy implements Study<FlrCurvesStudy.Input, FlrCurvesStudy.Result> {
    /** Lowest and highest pre-FEC BER of the curves (the report's one-dead-channel grid). */
    public static final double MIN_BER = 1e-8;
    public static final double MAX_BER = 2e-3;

    public record Input(
            @In(value = "Dead channels (sending random bits), 0..3: the report's channels 21, 210, 378 in that order", unit = "1",
                    range = "0..3", defaultValue = "1") int deadChannels,
            @In(value = "Points of each curve, log-spaced over 1e-8..2e-3 pre-FEC BER", unit = "1", range = "8..400",
                    defaultValue = "60") int points) {
        public Input {
            if (deadChannels < 0 || deadChannels > DatapathReportStudy.DEAD_CHANNELS.length) {
                throw new UsageException("deadChannels " + deadChannels + ": expected 0.." + DatapathReportStudy.DEAD_CHANNELS.length
                        + " (hint: the report's dead channels are 21, 210, 378)");
            }
            if (points < 8 || points > 400) {
                throw new UsageException("points " + points + ": expected 8..400 (hint: 60 draws a smooth curve)");
            }
        }
    }

    /**
     * @param targetFrameLossRatio the FLR target the report holds the link to (assumed, see {@link DatapathReportStudy})
     * @param deadChannelIndices   the data channels that are dead
     * @param curves               one per mapping: pre-FEC BER, codeword failure probability and FLR at each point
     * @param berAtTarget          per mapping, the highest pre-FEC BER at which the FLR meets the target (log-log
     *                             interpolation between the curve's points; null when no point meets it)
     */
    public record Result(String code, int dataChannels, int deadChannels, int[] deadChannelIndices,
                         @Metric(unit = "1") double targetFrameLossRatio, List<DatapathReport.Curve> curves, List<AtTarget> berAtTarget) {
    }

    /** The highest pre-FEC BER of one mapping's curve that meets the FLR target. */
    public record AtTarget(String mapping, String label, @Metric(unit = "1") Double preFecBer) {
    }

    @Override
    public String name() {
        return "flr-curves";
    }

    @Override
    public String question() {
        return "What frame loss ratio does the host FEC give against pre-FEC BER for each gearbox mapping, with 0 to 3 dead channels?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<Result> resultType() {
        return Result.class;
    }

    @Override
    public Result run(Input input, Progress progress) {
        double[] ber = new double[input.points()];
        for (int i = 0; i < ber.length; i++) {
            ber[i] = Math.exp(Math.log(MIN_BER) + (Math.log(MAX_BER) - Math.log(MIN_BER)) * i / (ber.length - 1));
        }
        int[] dead = Arrays.copyOf(DatapathReportStudy.DEAD_CHANNELS, input.deadChannels());
        String panel = input.deadChannels() == 0 ? DatapathReportStudy.IID : "dead-" + input.deadChannels();
        String what = input.deadChannels() == 0 ? "no dead channel" : input.deadChannels() == 1 ? "one dead channel"
                : input.deadChannels() + " dead channels";
        List<DatapathReport.Curve> curves = new ArrayList<>();
        List<AtTarget> at = new ArrayList<>();
        progress.task("frame loss ratio by mapping, " + what, Variant.ALL.size());
        for (Variant v : Variant.ALL) {
            DatapathReport.Curve c = new Exposure(v, dead).curve(panel, v.label() + ", " + what, v, ber);
            curves.add(c);
            at.add(new AtTarget(v.id(), v.label(), berAtTarget(c.ber(), c.frameLossRatio(), DatapathReportStudy.TARGET_FRAME_LOSS_RATIO)));
            progress.step();
        }
        return new Result(DatapathReportStudy.FEC.label(), DatapathReportStudy.DATA_CHANNELS, input.deadChannels(), dead,
                DatapathReportStudy.TARGET_FRAME_LOSS_RATIO, curves, at);
    }

    /** The highest BER whose FLR is at most the target, interpolated in log-log between the curve's points (null: none). */
    static Double berAtTarget(double[] ber, double[] flr, double target) {
        Double best = null;
        for (int i = 0; i < ber.length; i++) {
            if (flr[i] <= target) {
                best = ber[i];
                if (i + 1 < ber.length && flr[i + 1] > target && flr[i] > 0) {
                    double f = (Math.log(target) - Math.log(flr[i])) / (Math.log(flr[i + 1]) - Math.log(flr[i]));
                    best = Math.exp(Math.log(ber[i]) + f * (Math.log(ber[i + 1]) - Math.log(ber[i])));
                }
            }
        }
        return best;
    }
}
