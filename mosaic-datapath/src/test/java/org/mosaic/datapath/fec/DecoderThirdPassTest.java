package org.mosaic.datapath.fec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's third decoder pass (d17b) changes no decoded output: {@link ReedSolomon} against the same code over its
 * checking field ({@link ReedSolomon#checking()}), whose decoder takes the plain routines the pass replaced
 * (Berlekamp–Massey through the field's multiplications, the split test by row-by-row reduction, naive syndromes, the
 * Chien walk behind every shortcut) and throws on any disagreement inside. Every word is decoded by both, through
 * {@code decode}, {@code decodeBits} and {@code decodeErrorPattern}: same status, positions, values, corrected word and
 * message bits, and the message bits are the corrected word's first k symbols packed by this test. Patterns of 0 … t errors (corrected) and of t + 1 …
 * t + 8 (detected, or miscorrected — identically), on KP4, KR4 and codes over GF(8), GF(16), GF(256) and GF(2^14), so
 * every branch of both (CLEAN, L = 1, split rejections, Chien misses, L &gt; t) is taken. Deterministic: fixed seeds.
 */
class DecoderThirdPassTest {


    /** Decodes one word of the given weight both ways and asserts identical outputs; returns the status. */
    private static DecodeResult.Status compare(ReedSolomon rs, ReedSolomon ref, ReedSolomon.Decoder fast,
                                               ReedSolomon.Decoder old, SplittableRandom rnd, int weight) {
        int n = rs.n();
        int q = rs.field().order();
        int m = rs.symbolBits();
        int[] msg = RsWords.randomMessage(rs, rnd);
        int[] word = rs.encode(msg);
        assertThat(word).isEqualTo(ref.encode(msg));
        RsWords.Errors errors = RsWords.addErrors(word, q, rnd, weight);
        int[] pos = errors.positions();
        int[] val = errors.values();
        String what = rs + ", " + weight + " errors at " + Arrays.toString(pos);
        RsWords.Decoded decoded = RsWords.decodeAlike(fast, old, word, errors, what);
        DecodeResult ra = decoded.result();
        int[] a = decoded.word();
        long[] in = RsWords.packNaive(word, n, m);
        long[] outA = new long[(rs.k() * m + 63) / 64];
        long[] outB = new long[outA.length];
        Arrays.fill(outA, -1L);
        DecodeResult ba = fast.decodeBits(in, outA);
        DecodeResult bb = old.decodeBits(in, outB);
        assertThat(ba.status()).as(what + " (bits)").isEqualTo(bb.status());
        assertThat(ba.positions()).as(what + " (bits)").isEqualTo(bb.positions());
        assertThat(ba.values()).as(what + " (bits)").isEqualTo(bb.values());
        assertThat(outA).as(what + ": message bits").isEqualTo(outB);
        if (ra.status() != DecodeResult.Status.UNCORRECTABLE) {
            assertThat(outA).as(what + ": message bits are the corrected word's").isEqualTo(RsWords.packNaive(a, rs.k(), m));
        }
        DecodeResult pa = fast.decodeErrorPattern(pos, val, weight);
        DecodeResult pb = old.decodeErrorPattern(pos, val, weight);
        assertThat(pa.status()).as(what + " (pattern)").isEqualTo(pb.status());
        assertThat(pa.positions()).as(what + " (pattern)").isEqualTo(pb.positions());
        assertThat(pa.values()).as(what + " (pattern)").isEqualTo(pb.values());
        return ra.status();
    }

    private static void agree(ReedSolomon rs, long seed, int wordsPerWeight, int beyond) {
        ReedSolomon ref = rs.checking();
        ReedSolomon.Decoder fast = rs.newDecoder();
        ReedSolomon.Decoder old = ref.newDecoder();
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] seen = new int[3];
        for (int weight = 0; weight <= Math.min(rs.n(), rs.t() + beyond); weight++) {
            for (int w = 0; w < wordsPerWeight; w++) {
                seen[compare(rs, ref, fast, old, rnd, weight).ordinal()]++;
            }
        }
        for (DecodeResult.Status s : DecodeResult.Status.values()) {
            assertThat(seen[s.ordinal()]).as("%s: some words end %s", rs, s).isPositive();
        }
    }

    @Test
    void kp4DecodesExactlyAsBeforeFromZeroToTPlusEightErrors() {
        agree(ReedSolomon.kp4(), 17_301L, 24, 8);
    }

    @Test
    void kr4DecodesExactlyAsBefore() {
        agree(ReedSolomon.kr4(), 17_302L, 40, 8);
    }

    @Test
    void smallAndLargeFieldCodesDecodeExactlyAsBefore() {
        agree(ReedSolomon.of(GaloisField.standard(3), 7, 3), 17_303L, 80, 5);
        agree(ReedSolomon.of(GaloisField.standard(4), 15, 9), 17_304L, 80, 6);
        agree(ReedSolomon.of(GaloisField.standard(8), 200, 180), 17_305L, 30, 8);
        agree(ReedSolomon.of(GaloisField.standard(14), 300, 260), 17_306L, 3, 6);
    }

    /** jqwik, fixed seed: KP4 words of any weight 0 … 30 decode as before (most of 16 … 30 detected by the split test). */
    @Property(tries = 300, seed = "17307")
    void kp4AnyWeightDecodesAsBefore(@ForAll @IntRange(min = 0, max = 30) int weight, @ForAll long seed) {
        ReedSolomon rs = ReedSolomon.kp4();
        ReedSolomon ref = rs.checking();
        compare(rs, ref, rs.newDecoder(), ref.newDecoder(), new SplittableRandom(seed), weight);
    }
}
