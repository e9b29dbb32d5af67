package org.mosaic.studies.datapath;

import static org.mosaic.studies.datapath.DatapathReportStudy.AVERAGING_PERIOD_SECONDS;
import static org.mosaic.studies.datapath.DatapathReportStudy.FEC;
import static org.mosaic.studies.datapath.DatapathReportStudy.FRAMES_PER_SECOND;
import static org.mosaic.studies.datapath.DatapathReportStudy.FRAME_BYTES;
import static org.mosaic.studies.datapath.DatapathReportStudy.TARGET_FRAME_LOSS_RATIO;

import org.mosaic.datapath.HostSpec;
import org.mosaic.datapath.fec.PostFec;

/**
 * The closed forms of the report's datapath study: KP4 codeword failure and frame loss of i.i.d. errors, and the
 * detection-latency criteria of one failure.
 */
public final class FrameLoss {
    private FrameLoss() {
    }

    /** Codeword failure of i.i.d. bit errors: P[X &gt; t], X ~ Bin(n, p_s) ((standard bounded-distance decoding)). */
    public static double iidCodewordFailure(double ber) {
        return PostFec.codewordFailureProbability(FEC.n(), FEC.t(), PostFec.symbolErrorProbability(ber, FEC.symbolBits()));
    }

    /** FLR of 64-octet frames for a codeword failure probability, two interleaved codewords per block (800G host). */
    public static double frameLossRatio(double codewordFailure) {
        return PostFec.frameLossRatio(codewordFailure, 8L * FRAME_BYTES, FEC.messageBits(), HostSpec.HOST_800G.codewordsPerFlow());
    }

    /** The BER at which the i.i.d. FLR equals the target (bisection in log BER). */
    static double berAtTarget() {
        double lo = 1e-5;
        double hi = 2e-3;
        for (int i = 0; i < 100; i++) {
            double mid = Math.sqrt(lo * hi);
            if (frameLossRatio(iidCodewordFailure(mid)) < TARGET_FRAME_LOSS_RATIO) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }

    /** Frames lost by one failure event: the excess window FLR times the frames sent during the latency. */
    public static double lostFramesPerFailure(double windowFlr, double backgroundFlr, double latencySeconds) {
        return Math.max(0, windowFlr - backgroundFlr) * FRAMES_PER_SECOND * latencySeconds;
    }

    /**
     * The longest latency L for which the FLR averaged over {@link DatapathReportStudy#AVERAGING_PERIOD_SECONDS} (T)
     * containing one failure stays within the target: (FLR_bg·T + (FLR_win − FLR_bg)·L)/T ≤ target. +∞ when even L = T
     * meets it (the failure alone never breaks the target); 0 when the background FLR already misses it.
     */
    public static double averagedLatency(double windowFlr, double backgroundFlr) {
        if (backgroundFlr >= TARGET_FRAME_LOSS_RATIO) {
            return 0;
        }
        double excess = windowFlr - backgroundFlr;
        if (excess <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double l = (TARGET_FRAME_LOSS_RATIO - backgroundFlr) * AVERAGING_PERIOD_SECONDS / excess;
        return l >= AVERAGING_PERIOD_SECONDS ? Double.POSITIVE_INFINITY : l;
    }

    /** The longest latency for which one failure costs at most one frame on average: 1/((FLR_win − FLR_bg)·frames/s). */
    public static double hitlessLatency(double windowFlr, double backgroundFlr) {
        double excess = windowFlr - backgroundFlr;
        return excess <= 0 ? Double.POSITIVE_INFINITY : 1 / (excess * FRAMES_PER_SECOND);
    }
}
