package org.mosaic.datapath.engine;

import org.mosaic.datapath.fec.DecodeResult;
import org.mosaic.datapath.fec.ReedSolomon;

/**
 * Classifies one codeword's error pattern (symbol positions ascending, nonzero values) the way the host's
 * decoder would treat it: with at most t errors a bounded-distance decoder always corrects exactly, so
 * the pattern is decoded only when it has more than t errors, or always in checking mode (then any ≤ t
 * pattern not corrected exactly is a decoder disagreement). Reusable scratch; one per worker.
 */
final class Outcome {
    static final int OK = 0;
    static final int UNCORRECTABLE = 1;
    static final int MISCORRECTED = 2;

    private final ReedSolomon.Decoder decoder;
    private final int t;
    private final int k;
    private final boolean check;
    int status;
    /** Message bits still wrong after decoding. */
    int residualBits;
    boolean disagreement;

    Outcome(ReedSolomon rs, boolean check) {
        this.decoder = rs.newDecoder();
        this.t = rs.t();
        this.k = rs.k();
        this.check = check;
    }

    void evaluate(int[] positions, int[] values, int count) {
        disagreement = false;
        if (count == 0) {
            status = OK;
            residualBits = 0;
            return;
        }
        if (count <= t && !check) {
            status = OK;
            residualBits = 0;
            return;
        }
        DecodeResult r = decoder.decodeErrorPattern(positions, values, count);
        boolean exact = r.matches(positions, values, count);
        if (count <= t && !exact) {
            disagreement = true;
        }
        if (exact) {
            status = OK;
            residualBits = 0;
        } else if (r.status() == DecodeResult.Status.UNCORRECTABLE) {
            status = UNCORRECTABLE;
            residualBits = messageBits(positions, values, count, new int[0], new int[0], 0);
        } else {
            status = MISCORRECTED;
            residualBits = messageBits(positions, values, count, r.positions(), r.values(), r.errorsCorrected());
        }
    }

    /** Bits of the message symbols (index &lt; k) in which the true pattern and the decoder's correction differ. */
    int messageBits(int[] pos, int[] val, int count, int[] dpos, int[] dval, int dcount) {
        int bits = 0;
        int i = 0;
        int j = 0;
        while (i < count || j < dcount) {
            int p = i < count ? pos[i] : Integer.MAX_VALUE;
            int q = j < dcount ? dpos[j] : Integer.MAX_VALUE;
            int at = Math.min(p, q);
            if (at >= k) {
                break;
            }
            int x = 0;
            if (p == at) {
                x ^= val[i++];
            }
            if (q == at) {
                x ^= dval[j++];
            }
            bits += Integer.bitCount(x);
        }
        return bits;
    }
}
