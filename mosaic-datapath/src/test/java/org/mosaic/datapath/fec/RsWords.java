package org.mosaic.datapath.fec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

/** Words for the decoder tests: a random message, errors at distinct random positions, and bit-by-bit packing. */
final class RsWords {
    private RsWords() {
    }

    /** The positions and values of the errors added to a word. */
    record Errors(int[] positions, int[] values) {
    }

    /** k random symbols of the code's field. */
    static int[] randomMessage(ReedSolomon rs, SplittableRandom rnd) {
        int q = rs.field().order();
        int[] msg = new int[rs.k()];
        for (int i = 0; i < msg.length; i++) {
            msg[i] = rnd.nextInt(q + 1);
        }
        return msg;
    }

    /** XORs {@code weight} non-zero errors into {@code word} at distinct positions (a partial Fisher–Yates shuffle). */
    static Errors addErrors(int[] word, int q, SplittableRandom rnd, int weight) {
        int n = word.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int[] pos = new int[weight];
        int[] val = new int[weight];
        for (int e = 0; e < weight; e++) {
            int j = e + rnd.nextInt(n - e);
            int tmp = perm[e];
            perm[e] = perm[j];
            perm[j] = tmp;
            pos[e] = perm[e];
            val[e] = 1 + rnd.nextInt(q);
            word[pos[e]] ^= val[e];
        }
        return new Errors(pos, val);
    }

    /** A decode's result and the word as the decoder left it. */
    record Decoded(DecodeResult result, int[] word) {
    }

    /**
     * Decodes a copy of {@code received} with each decoder and asserts the same status, error count, positions, values
     * and corrected word, and, when the errors number at most t, that they were corrected exactly; returns the first
     * decoder's result and word.
     */
    static Decoded decodeAlike(ReedSolomon.Decoder fast, ReedSolomon.Decoder other, int[] received, Errors errors,
                               String what) {
        int[] a = received.clone();
        int[] b = received.clone();
        DecodeResult ra = fast.decode(a);
        DecodeResult rb = other.decode(b);
        assertThat(ra.status()).as(what).isEqualTo(rb.status());
        assertThat(ra.errorsCorrected()).as(what).isEqualTo(rb.errorsCorrected());
        assertThat(ra.positions()).as(what).isEqualTo(rb.positions());
        assertThat(ra.values()).as(what).isEqualTo(rb.values());
        assertThat(a).as(what).isEqualTo(b);
        int weight = errors.positions().length;
        if (weight <= fast.code().t()) {
            assertThat(ra.matches(errors.positions(), errors.values(), weight)).as(what + ": corrected exactly").isTrue();
        }
        return new Decoded(ra, a);
    }

    /** The first {@code count} m-bit symbols packed bit by bit, least significant bit first (the naive reference). */
    static long[] packNaive(int[] symbols, int count, int m) {
        long[] bits = new long[(count * m + 63) / 64];
        for (int i = 0; i < count; i++) {
            for (int b = 0; b < m; b++) {
                if ((symbols[i] >>> b & 1) != 0) {
                    int at = i * m + b;
                    bits[at >>> 6] |= 1L << (at & 63);
                }
            }
        }
        return bits;
    }
}
