package org.mosaic.datapath.fec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The word-parallel encoder against schoolbook polynomial division with the field's shift-and-add multiply
 * (an independent implementation), on every field size it accepts and parity counts up to its five-word limit,
 * including the packings that fill a {@code long} exactly (m = 2, 4, 8) and the first parity count of each
 * extra word. Deterministic: every sample must agree exactly.
 */
class PackedEncoderTest {

    /** m(x)·x^r mod g(x) by long division, naive arithmetic; coefficients highest power first (length r). */
    private static int[] naiveParity(GaloisField f, int[] g, int[] message) {
        int r = g.length - 1;
        int[] rem = Arrays.copyOf(message, message.length + r); // m(x)·x^r
        for (int i = 0; i < message.length; i++) {
            int c = rem[i];
            if (c != 0) {
                for (int j = 1; j <= r; j++) {
                    rem[i + j] ^= f.mulNaive(c, g[j]);
                }
                rem[i] = 0;
            }
        }
        return Arrays.copyOfRange(rem, message.length, message.length + r);
    }

    @Test
    void parityEqualsLongDivisionForEveryAcceptedShape() {
        SplittableRandom rnd = new SplittableRandom(20261122L);
        int checked = 0;
        for (int m = GaloisField.MIN_M; m <= 12; m++) {
            GaloisField f = GaloisField.standard(m);
            int perWord = 64 / m;
            int maxParity = Math.min(PackedEncoder.WORDS * perWord, f.order() - 1);
            for (int r : new int[] {1, 2, perWord, perWord + 1, 2 * perWord + 1, maxParity - 1, maxParity}) {
                if (r < 1 || r > maxParity) {
                    continue;
                }
                int n = Math.min(f.order(), r + 1 + rnd.nextInt(40));
                int k = n - r;
                ReedSolomon rs = ReedSolomon.of(f, n, k);
                int[] g = rs.generatorPolynomial();
                PackedEncoder enc = PackedEncoder.of(f, g);
                assertThat(enc).as("packed encoder for m = %d, n − k = %d", m, r).isNotNull();
                for (int trial = 0; trial < 5; trial++) {
                    int[] msg = new int[k];
                    for (int i = 0; i < k; i++) {
                        msg[i] = trial == 0 ? f.order() : rnd.nextInt(f.size()); // trial 0: all-ones symbols
                    }
                    int[] cw = new int[n];
                    enc.encode(msg, k, cw);
                    assertThat(Arrays.copyOf(cw, k)).isEqualTo(msg);
                    assertThat(Arrays.copyOfRange(cw, k, n)).as("RS(%d,%d) over GF(2^%d)", n, k, m)
                            .isEqualTo(naiveParity(f, g, msg));
                    int[] inPlace = Arrays.copyOf(msg, n);
                    enc.encode(inPlace, k, inPlace);
                    assertThat(inPlace).isEqualTo(cw);
                    assertThat(rs.encode(msg)).isEqualTo(cw);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    @Test
    void shapesBeyondTheRegisterOrTableFallBack() {
        GaloisField gf1024 = GaloisField.gf1024();
        assertThat(PackedEncoder.of(gf1024, ReedSolomon.kp4().generatorPolynomial())).isNotNull();
        assertThat(PackedEncoder.of(gf1024, ReedSolomon.of(gf1024, 100, 69).generatorPolynomial())).isNull(); // 31
        assertThat(PackedEncoder.of(GaloisField.standard(16), new int[] {1, 1})).isNull(); // table too large
        // the fallback path still encodes: RS(100,69) over GF(2^10) against long division
        ReedSolomon rs = ReedSolomon.of(gf1024, 100, 69);
        SplittableRandom rnd = new SplittableRandom(7);
        int[] msg = rnd.ints(69, 0, 1024).toArray();
        int[] cw = rs.encode(msg);
        assertThat(Arrays.copyOfRange(cw, 69, 100)).isEqualTo(naiveParity(gf1024, rs.generatorPolynomial(), msg));
    }
}
