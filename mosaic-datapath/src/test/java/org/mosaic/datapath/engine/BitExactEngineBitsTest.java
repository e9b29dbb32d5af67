package org.mosaic.datapath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bit helpers of the bit-exact engine against one-bit-at-a-time references: {@code pack} against
 * {@code or} per symbol, {@code differs} against a bitwise scan. Deterministic over fixed-seed random cases
 * (every case must agree), covering word-aligned and unaligned starts, symbol widths 2 … 16 and ranges inside
 * one word.
 */
class BitExactEngineBitsTest {

    @Test
    void packEqualsSymbolBySymbolOr() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 2000; trial++) {
            int m = 2 + rnd.nextInt(15);
            int count = 1 + rnd.nextInt(80);
            int pos = trial % 3 == 0 ? 64 * rnd.nextInt(3) : rnd.nextInt(200);
            int words = (pos + count * m + 63) / 64 + 1;
            int[] symbols = rnd.ints(count, 0, 1 << m).toArray();
            long[] background = rnd.longs(words).toArray();
            // clear the target range in the background so OR-ing is well defined, keep the bits around it
            for (int b = pos; b < pos + count * m; b++) {
                background[b >>> 6] &= ~(1L << b);
            }
            long[] expected = background.clone();
            for (int s = 0; s < count; s++) {
                BitExactEngine.or(expected, pos + s * m, m, symbols[s]);
            }
            long[] actual = background.clone();
            BitExactEngine.pack(symbols, count, m, actual, pos);
            assertThat(actual).as("m = %d, count = %d, pos = %d", m, count, pos).isEqualTo(expected);
        }
    }

    @Test
    void differsEqualsBitwiseScan() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int trial = 0; trial < 5000; trial++) {
            int words = 1 + rnd.nextInt(6);
            long[] a = rnd.longs(words).toArray();
            long[] b = a.clone();
            int pos = rnd.nextInt(64 * words);
            int len = 1 + rnd.nextInt(64 * words - pos);
            if (rnd.nextBoolean()) { // one flipped bit, inside or outside the range
                int bit = rnd.nextInt(64 * words);
                b[bit >>> 6] ^= 1L << bit;
            }
            boolean scan = false;
            for (int i = pos; i < pos + len; i++) {
                scan |= ((a[i >>> 6] ^ b[i >>> 6]) >>> i & 1) != 0;
            }
            assertThat(BitExactEngine.differs(a, b, pos, len)).as("pos = %d, len = %d", pos, len).isEqualTo(scan);
        }
    }
}
