package org.mosaic.datapath.engine;

import java.util.Arrays;

/** Counts of one chunk of a Monte Carlo engine; merged in chunk order. */
final class Tally {
    long codewords;
    long bitErrors;
    final long[] channelErrors;
    final long[] histogram;
    long uncorrectable;
    long miscorrected;
    long residualBits;
    double residualSquares;
    long decoderDisagreements;
    long payloadMismatches;
    long unaccountedMismatches;
    long[] failedCodewords = new long[8];
    int failedCount;

    Tally(int channels, int n) {
        channelErrors = new long[channels];
        histogram = new long[n + 1];
    }

    void codeword(long globalIndex, int symbolErrors, Outcome o) {
        codeword(globalIndex, symbolErrors, o.status, o.residualBits, o.disagreement);
    }

    /** One errored codeword: its symbol error count, outcome status ({@link Outcome}), residual message bit errors. */
    void codeword(long globalIndex, int symbolErrors, int status, int residual, boolean disagreement) {
        histogram[symbolErrors]++;
        if (disagreement) {
            decoderDisagreements++;
        }
        if (status == Outcome.UNCORRECTABLE) {
            uncorrectable++;
        } else if (status == Outcome.MISCORRECTED) {
            miscorrected++;
        }
        if (status != Outcome.OK) {
            if (failedCount == failedCodewords.length) {
                failedCodewords = Arrays.copyOf(failedCodewords, failedCount * 2);
            }
            failedCodewords[failedCount++] = globalIndex;
        }
        residualBits += residual;
        residualSquares += (double) residual * residual;
    }

    void add(Tally o) {
        codewords += o.codewords;
        bitErrors += o.bitErrors;
        for (int i = 0; i < channelErrors.length; i++) {
            channelErrors[i] += o.channelErrors[i];
        }
        for (int i = 0; i < histogram.length; i++) {
            histogram[i] += o.histogram[i];
        }
        uncorrectable += o.uncorrectable;
        miscorrected += o.miscorrected;
        residualBits += o.residualBits;
        residualSquares += o.residualSquares;
        decoderDisagreements += o.decoderDisagreements;
        payloadMismatches += o.payloadMismatches;
        unaccountedMismatches += o.unaccountedMismatches;
        if (failedCount + o.failedCount > failedCodewords.length) {
            failedCodewords = Arrays.copyOf(failedCodewords, Math.max(failedCodewords.length * 2, failedCount + o.failedCount));
        }
        System.arraycopy(o.failedCodewords, 0, failedCodewords, failedCount, o.failedCount);
        failedCount += o.failedCount;
    }
}
