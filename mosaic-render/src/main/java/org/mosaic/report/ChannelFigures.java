package org.mosaic.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.core.units.Dimension;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.studies.ChannelFacts;
import org.mosaic.studies.Output;
import org.mosaic.studies.channel.ChannelReportResult.Curve;
import org.mosaic.studies.channel.ChannelReportResult.Scenario;

/** The channel section's charts of one scenario, with their sizes and captions. */
final class ChannelFigures {
    private ChannelFigures() {
    }

    /** The charts of one scenario: budget, eye, bathtub, BER against length, per-channel BER map. */
    static List<ChannelSection.Figure> of(Scenario e) {
        ChannelResult r = e.result();
        String name = e.name();
        List<ChannelSection.Figure> out = new ArrayList<>();
        out.add(new ChannelSection.Figure("budget", Charts.budget(r.budget(), "Link budget, " + name), 980, 520,
                "Waterfall from the microLED's average power to the received OMA, then from the noise-only sensitivity to the "
                        + "sensitivity with ISI and crosstalk; the last bar is the margin (received OMA minus sensitivity)."));
        out.add(new ChannelSection.Figure("eye", Charts.eye(e.eyeDiagram(), "Statistical eye, " + name), 620, 480,
                "Density of the received signal (nominal channel, after the CTLE) over two unit intervals, log10 colour scale "
                        + "(at most six decades); white: the inner eye opening at the BER target. 0 is the decision threshold, ±0.5 the "
                        + "ideal levels."));
        out.add(new ChannelSection.Figure("bathtub", Charts.bathtub(e.bathtub(), r.berTarget(), "Bathtub, " + name), 620, 480,
                "BER of the nominal channel against the sampling phase (CTLE fixed at its optimum); eye width at the target: "
                        + Output.number(r.eyeWidthUi(), 3) + " UI."));
        Map<String, double[]> curves = new LinkedHashMap<>();
        Map<String, double[]> marks = new LinkedHashMap<>();
        double[] lengths = e.berVsLength().lengthsMeters();
        for (Curve c : e.berVsLength().curves()) {
            double reach = c.reachMeters();
            boolean beyond = reach >= ChannelAnalysis.MAX_LENGTH;
            String label = Output.si(c.rateBitsPerSecond(), Dimension.DATA_RATE) + ", reach " + ChannelFacts.reach(reach, beyond);
            curves.put(label, c.ber());
            if (reach > ChannelAnalysis.MIN_LENGTH && reach >= lengths[0] && reach <= lengths[lengths.length - 1]) {
                marks.put(label, new double[] {reach, r.berTarget()});
            }
        }
        out.add(new ChannelSection.Figure("length", Charts.berCurves("BER against fibre length, " + name, "fibre length (m)", lengths,
                curves, r.berTarget(), marks, 1e-20), 980, 480,
                "BER of the nominal channel (CTLE re-optimised at each length; receiver bandwidth scales with the rate). "
                        + "Diamonds: the reach at the BER target. BERs below 1e-20 are off the chart."));
        int failing = 0;
        for (double b : r.perChannelBer()) {
            if (b > r.berTarget()) {
                failing++;
            }
        }
        out.add(new ChannelSection.Figure("array", Charts.arrayMap(r.perChannelBer(), e.rows(), e.cols(), r.berTarget(),
                "Per-channel BER, " + name + " (" + e.rows() + " × " + e.cols() + ")"), 640, 560,
                "log10 BER of every channel (row 0 at the top); the spread comes from the emitter power and bandwidth spread "
                        + "and from the number of neighbours (edge channels have fewer crosstalk aggressors). "
                        + failing + " of " + r.perChannelBer().length + " channels are above the BER target (crossed)."));
        return out;
    }

}
