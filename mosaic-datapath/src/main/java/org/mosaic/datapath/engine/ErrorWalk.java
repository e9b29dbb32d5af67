package org.mosaic.datapath.engine;

import java.util.Arrays;

/**
 * The part of a superblock's tally that the error-event engine and the bit-exact engine's fast mode share: its error
 * entries — codeword address in the superblock (codeword·n·m + symbol·m + bit) in the high 32 bits, logical channel in
 * the low 32 — sorted by address (so by codeword, symbol and bit; an entry twice, a bit that erred twice, counts
 * once), then each errored codeword's symbol error pattern classified by an {@link Outcome} and tallied.
 */
final class ErrorWalk {
    /** Superblocks with at most this many errors are insertion-sorted (a speed choice, not a model number). */
    static final int INSERTION_SORT_MAX = 24;

    private ErrorWalk() {
    }

    /**
     * Sorts e[from, to) and tallies the errored codewords among the superblock's first {@code counted} (the run may
     * end inside it), numbered from {@code firstCodeword}. With {@code residual}, the message bits still wrong after
     * decoding are added to the payload mismatches (the bit-exact engine's check of its own comparison).
     */
    static void tally(long[] e, int from, int to, long firstCodeword, int counted, int nm, int m, int[] positions,
                      int[] values, Outcome outcome, boolean residual, Tally tally) {
        if (to - from <= INSERTION_SORT_MAX) {
            for (int i = from + 1; i < to; i++) {
                long x = e[i];
                int j = i - 1;
                while (j >= from && e[j] > x) {
                    e[j + 1] = e[j];
                    j--;
                }
                e[j + 1] = x;
            }
        } else {
            Arrays.sort(e, from, to);
        }
        long[] channelErrors = tally.channelErrors;
        int i = from;
        while (i < to) {
            int j = (int) (e[i] >>> 32) / nm;
            if (j >= counted) {
                return; // the run ends inside this superblock; later entries lie in later codewords
            }
            int start = j * nm;
            int end = start + nm;
            int symbols = 0;
            long last = -1;
            while (i < to) {
                long x = e[i];
                int a = (int) (x >>> 32);
                if (a >= end) {
                    break;
                }
                i++;
                if (x == last) {
                    continue;
                }
                last = x;
                int within = a - start;
                int sym = within / m;
                int bit = 1 << (within - sym * m);
                tally.bitErrors++;
                channelErrors[(int) x]++;
                if (symbols > 0 && positions[symbols - 1] == sym) {
                    values[symbols - 1] |= bit;
                } else {
                    positions[symbols] = sym;
                    values[symbols++] = bit;
                }
            }
            outcome.evaluate(positions, values, symbols);
            if (residual) {
                tally.payloadMismatches += outcome.residualBits;
            }
            tally.codeword(firstCodeword + j, symbols, outcome);
        }
    }
}
