package org.mosaic.report;

import static org.mosaic.report.DatapathFigures.IID;

import java.util.List;
import org.mosaic.datapath.Estimate;
import org.mosaic.studies.Output;
import org.mosaic.studies.datapath.DatapathReport;
import org.mosaic.studies.datapath.DatapathReport.Budget;
import org.mosaic.studies.datapath.DatapathReport.Curve;
import org.mosaic.studies.datapath.DatapathReport.DeadCase;
import org.mosaic.studies.datapath.DatapathReport.EnginePoint;
import org.mosaic.studies.datapath.DatapathReport.Run;

/** The datapath section's CSV files beside the report, from {@link DatapathReport}. */
final class DatapathFiles {
    private DatapathFiles() {
    }

    /** The section's data files: curves, engine points, dead-channel cases, latency budget. */
    static List<Section.DataFile> files(DatapathReport report) {
        StringBuilder cv = new StringBuilder("panel,curve,variant,ber,codeword_failure,frame_loss_ratio\n");
        for (Curve c : report.curves()) {
            for (int i = 0; i < c.ber().length; i++) {
                cv.append(String.join(",", c.panel(), Output.csvCell(c.name()), c.variant() == null ? "" : c.variant().id(),
                        Output.csvCell(c.ber()[i]), Output.csvCell(c.codewordFailure()[i]), Output.csvCell(c.frameLossRatio()[i]))).append('\n');
            }
        }
        StringBuilder pt = new StringBuilder("panel,variant,engine,ber,codewords_or_samples,failed_codewords,frames,lost_frames,"
                + "flr,flr_ci_low,flr_ci_high,engine_analytic_flr,exact_flr\n");
        for (EnginePoint p : report.points()) {
            Run r = p.run();
            pt.append(String.join(",", p.panel(), p.variant().id(), r.engine(), Output.csvCell(p.ber()), Long.toString(r.codewords()),
                    Long.toString(r.failedCodewords()), Long.toString(r.frames()),
                    Long.toString(r.lostFrames()), Output.csvCell(r.frameLossRatio().value()), Output.csvCell(r.frameLossRatio().ciLow()),
                    Output.csvCell(r.frameLossRatio().ciHigh()), Output.csvCell(r.analyticFrameLossRatio()),
                    Output.csvCell(p.panel().equals(IID) ? report.iidFrameLossRatioAt(p.ber()) : report.exactAt(p.variant(), p.ber()))))
                    .append('\n');
        }
        StringBuilder dc = new StringBuilder("variant,dead_channels,max_symbols_at_risk,window_flr_ee,window_flr_ee_ci_low,"
                + "window_flr_ee_ci_high,window_flr_is,window_flr_is_ci_low,window_flr_is_ci_high,window_flr_exact,"
                + "window_failed_codewords,window_codewords,after_flr,after_flr_ci_high,after_flr_exact,event_lost_frames,"
                + "event_expected_lost_frames\n");
        for (DeadCase c : report.deadCases()) {
            Estimate ee = c.window().frameLossRatio();
            Estimate is = c.windowImportance() == null ? new Estimate(Double.NaN, Double.NaN, Double.NaN)
                    : c.windowImportance().frameLossRatio();
            dc.append(String.join(",", c.variant().id(), Integer.toString(c.deadChannels()), Integer.toString(c.maxSymbolsHit()),
                    Output.csvCell(ee.value()), Output.csvCell(ee.ciLow()), Output.csvCell(ee.ciHigh()), Output.csvCell(is.value()),
                    Output.csvCell(is.ciLow()), Output.csvCell(is.ciHigh()), Output.csvCell(c.exactWindowFrameLossRatio()),
                    Long.toString(c.window().failedCodewords()),
                    Long.toString(c.window().codewords()), Output.csvCell(c.after().frameLossRatio().value()),
                    Output.csvCell(c.after().frameLossRatio().ciHigh()), Output.csvCell(c.backgroundFrameLossRatio()),
                    Long.toString(c.timeline().run().lostFrames()), Output.csvCell(c.expectedLostFrames()))).append('\n');
        }
        StringBuilder lb = new StringBuilder("variant,background_ber,engine,window_flr,window_flr_ci_low,window_flr_ci_high,background_flr,"
                + "lost_frames_per_failure,averaged_latency_s,averaged_latency_ci_low_s,averaged_latency_ci_high_s,hitless_latency_s,"
                + "hitless_latency_ci_low_s,hitless_latency_ci_high_s\n");
        for (Budget b : report.budgets()) {
            Estimate w = b.windowFrameLossRatio();
            Estimate a = b.averagedLatencySeconds();
            Estimate h = b.hitlessLatencySeconds();
            lb.append(String.join(",", b.variant().id(), Output.csvCell(b.backgroundBer()), b.engine(), Output.csvCell(w.value()),
                    Output.csvCell(w.ciLow()), Output.csvCell(w.ciHigh()), Output.csvCell(b.backgroundFrameLossRatio()),
                    Output.csvCell(b.lostFramesPerFailure()), inf(a.value()), inf(a.ciLow()), inf(a.ciHigh()), inf(h.value()),
                    inf(h.ciLow()), inf(h.ciHigh()))).append('\n');
        }
        return List.of(new Section.DataFile("datapath-flr-curves.csv", cv.toString()), new Section.DataFile("datapath-engine-points.csv", pt.toString()),
                new Section.DataFile("datapath-dead-channels.csv", dc.toString()), new Section.DataFile("datapath-latency-budget.csv", lb.toString()));
    }

    /** CSV cell of a latency: "inf" for unlimited (a CSV reader parses it as infinity). */
    private static String inf(double v) {
        return v == Double.POSITIVE_INFINITY ? "inf" : Output.csvCell(v);
    }
}
