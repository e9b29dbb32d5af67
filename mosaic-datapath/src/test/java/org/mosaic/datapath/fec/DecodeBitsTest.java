package org.mosaic.datapath.fec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code Decoder.decodeBits} (bits to bits, word-wise unpacking and packing) gives exactly what unpacking bit by bit,
 * {@code decode} and packing bit by bit give: the same result and the same message bits, on KP4, KR4 and codes whose
 * symbols straddle the 64-bit words differently (m = 3, 8, 12), for clean words, up to t errors and beyond t.
 */
class DecodeBitsTest {


    private static void check(ReedSolomon rs, long seed, int words) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ReedSolomon.Decoder fast = rs.newDecoder();
        ReedSolomon.Decoder ref = rs.newDecoder();
        int n = rs.n();
        int m = rs.symbolBits();
        int q = rs.field().order();
        for (int w = 0; w < words; w++) {
            int[] msg = new int[rs.k()];
            for (int i = 0; i < msg.length; i++) {
                msg[i] = rnd.nextInt(q + 1);
            }
            int[] word = rs.encode(msg);
            int weight = Math.min(n, rnd.nextInt(rs.t() + 4));
            for (int e = 0; e < weight; e++) {
                word[rnd.nextInt(n)] ^= 1 + rnd.nextInt(q);
            }
            long[] in = RsWords.packNaive(word, n, m);
            long[] out = new long[(rs.k() * m + 63) / 64];
            java.util.Arrays.fill(out, -1L); // decodeBits clears what it does not write
            DecodeResult a = fast.decodeBits(in, out);
            int[] r = word.clone();
            DecodeResult b = ref.decode(r);
            assertThat(a.status()).as("%s word %d", rs, w).isEqualTo(b.status());
            assertThat(a.positions()).isEqualTo(b.positions());
            assertThat(a.values()).isEqualTo(b.values());
            assertThat(out).as("%s word %d: message bits", rs, w).isEqualTo(RsWords.packNaive(r, rs.k(), m));
        }
    }

    @Test
    void kp4AndKr4BitsToBitsEqualUnpackDecodePack() {
        check(ReedSolomon.kp4(), 17, 400);
        check(ReedSolomon.kr4(), 18, 200);
    }

    @Test
    void symbolsStraddlingWordsDifferentlyEqualUnpackDecodePack() {
        check(ReedSolomon.of(GaloisField.standard(3), 7, 3), 19, 300);
        check(ReedSolomon.of(GaloisField.standard(8), 255, 223), 20, 100);
        check(ReedSolomon.of(GaloisField.standard(12), 600, 560), 21, 60);
    }

    @Test
    void buffersTooShortAreRefusedNamingTheLengths() {
        ReedSolomon.Decoder d = ReedSolomon.kp4().newDecoder();
        assertThatThrownBy(() -> d.decodeBits(new long[84], new long[81]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 85 longs");
        assertThatThrownBy(() -> d.decodeBits(new long[85], new long[80]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 81 longs");
    }
}
