package org.mosaic.datapath.fec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Encoder and decoder properties on fixed-seed random data. Deterministic claims (every pattern of weight ≤ t is
 * corrected; both decoding paths agree; outputs are codewords) are asserted for every sample. The statistical
 * claims state their false-failure rate next to the assertion.
 */
class ReedSolomonTest {

    /** A random error pattern: {@code weight} distinct positions (partial Fisher–Yates) and nonzero values. */
    record Pattern(int[] positions, int[] values) {
        static Pattern random(SplittableRandom rnd, int n, int weight, int q) {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            int[] pos = new int[weight];
            int[] val = new int[weight];
            for (int e = 0; e < weight; e++) {
                int j = e + rnd.nextInt(n - e);
                int tmp = idx[e];
                idx[e] = idx[j];
                idx[j] = tmp;
                pos[e] = idx[e];
                val[e] = 1 + rnd.nextInt(q - 1);
            }
            return new Pattern(pos, val);
        }

        int count() {
            return positions.length;
        }

        int[] applyTo(int[] codeword) {
            int[] r = codeword.clone();
            for (int e = 0; e < positions.length; e++) {
                r[positions[e]] ^= values[e];
            }
            return r;
        }
    }

    private static int[] randomMessage(SplittableRandom rnd, ReedSolomon rs) {
        int[] msg = new int[rs.k()];
        for (int i = 0; i < msg.length; i++) {
            msg[i] = rnd.nextInt(rs.field().size());
        }
        return msg;
    }

    /** Naive syndromes r(α^j), j &lt; n − k, with the field's shift-and-add multiply only. */
    private static boolean isCodewordNaive(ReedSolomon rs, int[] word) {
        GaloisField f = rs.field();
        int alphaJ = 1;
        for (int j = 0; j < rs.parityCount(); j++) {
            int acc = 0;
            for (int symbol : word) {
                acc = f.mulNaive(acc, alphaJ) ^ symbol;
            }
            if (acc != 0) {
                return false;
            }
            alphaJ = f.mulNaive(alphaJ, 2);
        }
        return true;
    }

    private static List<ReedSolomon> codes() {
        return List.of(ReedSolomon.kp4(), ReedSolomon.kr4(),
                ReedSolomon.of(GaloisField.standard(8), 255, 223),
                ReedSolomon.of(GaloisField.standard(4), 15, 10),   // odd n − k: t = 2 with one spare syndrome
                ReedSolomon.of(GaloisField.standard(4), 12, 6),    // shortened, small field
                // GF(2^16), shortened; n − k = 70 makes the per-root table too large (70·2^16 > MAX_ALPHA_TABLE),
                // so this code exercises the log/antilog fallback of the syndrome and Chien loops
                ReedSolomon.of(GaloisField.standard(16), 400, 330),
                ReedSolomon.of(GaloisField.standard(3), 7, 1));     // repetition-like, t = 3
    }

    @Test
    void ieeeCodesHaveTheirParameters() {
        ReedSolomon kp4 = ReedSolomon.kp4();
        assertThat(new int[] {kp4.n(), kp4.k(), kp4.t(), kp4.symbolBits()}).containsExactly(544, 514, 15, 10);
        ReedSolomon kr4 = ReedSolomon.kr4();
        assertThat(new int[] {kr4.n(), kr4.k(), kr4.t(), kr4.symbolBits()}).containsExactly(528, 514, 7, 10);
        assertThat(kp4.field()).isEqualTo(GaloisField.gf1024());
    }

    @Test
    void generatorHasRootsAlphaToTheZeroThroughNMinusKMinusOne() {
        for (ReedSolomon rs : codes()) {
            GaloisField f = rs.field();
            int[] g = rs.generatorPolynomial();
            assertThat(g).hasSize(rs.parityCount() + 1);
            assertThat(g[0]).isEqualTo(1);
            int x = 1; // α^j, naive
            for (int j = 0; j <= rs.parityCount(); j++) {
                int v = 0;
                for (int c : g) {
                    v = f.mulNaive(v, x) ^ c;
                }
                if (j < rs.parityCount()) {
                    assertThat(v).as("%s: g(α^%d)", rs, j).isZero();
                } else {
                    assertThat(v).as("%s: α^(n−k) is not a root", rs).isNotZero();
                }
                x = f.mulNaive(x, 2);
            }
        }
    }

    @Test
    void encoderIsSystematicAndLinear() {
        SplittableRandom rnd = new SplittableRandom(101);
        for (ReedSolomon rs : codes()) {
            GaloisField f = rs.field();
            for (int s = 0; s < 20; s++) {
                int[] a = randomMessage(rnd, rs);
                int[] b = randomMessage(rnd, rs);
                int scalar = rnd.nextInt(f.size());
                int[] sum = new int[rs.k()];
                int[] scaled = new int[rs.k()];
                for (int i = 0; i < rs.k(); i++) {
                    sum[i] = a[i] ^ b[i];
                    scaled[i] = f.mul(scalar, a[i]);
                }
                int[] ca = rs.encode(a);
                int[] cb = rs.encode(b);
                assertThat(Arrays.copyOf(ca, rs.k())).containsExactly(a);
                assertThat(isCodewordNaive(rs, ca)).as("%s codeword by naive syndromes", rs).isTrue();
                int[] cSum = rs.encode(sum);
                int[] cScaled = rs.encode(scaled);
                for (int i = 0; i < rs.n(); i++) {
                    assertThat(cSum[i]).isEqualTo(ca[i] ^ cb[i]);
                    assertThat(cScaled[i]).isEqualTo(f.mul(scalar, ca[i]));
                }
            }
        }
    }

    @Test
    void encodesInPlaceAndChecksItsOutputInCheckingMode() {
        SplittableRandom rnd = new SplittableRandom(102);
        ReedSolomon rs = ReedSolomon.kp4();
        int[] msg = randomMessage(rnd, rs);
        int[] buffer = Arrays.copyOf(msg, rs.n());
        rs.encode(buffer, buffer);
        assertThat(buffer).containsExactly(rs.encode(msg));
        assertThat(rs.checking().encode(msg)).containsExactly(buffer);
    }

    @Test
    void everyPatternOfWeightUpToTIsCorrectedByBothPaths() {
        // KP4: 200 random patterns for each weight 1..15 (3,000); the other codes 60 per weight.
        SplittableRandom rnd = new SplittableRandom(103);
        for (ReedSolomon rs : codes()) {
            int perWeight = rs == ReedSolomon.kp4() ? 200 : 60;
            ReedSolomon.Decoder decoder = rs.newDecoder();
            int[] codeword = rs.encode(randomMessage(rnd, rs));
            for (int w = 1; w <= rs.t(); w++) {
                for (int s = 0; s < perWeight; s++) {
                    if (s % 20 == 0) {
                        codeword = rs.encode(randomMessage(rnd, rs));
                    }
                    Pattern e = Pattern.random(rnd, rs.n(), w, rs.field().size());
                    int[] word = e.applyTo(codeword);
                    DecodeResult full = decoder.decode(word);
                    assertThat(full.status()).as("%s weight %d", rs, w).isEqualTo(DecodeResult.Status.CORRECTED);
                    assertThat(full.matches(e.positions(), e.values(), w)).as("%s weight %d", rs, w).isTrue();
                    assertThat(full.errorsCorrected()).isEqualTo(w);
                    assertThat(Arrays.equals(word, codeword)).as("%s weight %d restored", rs, w).isTrue();
                    assertThat(decoder.decodeErrorPattern(e.positions(), e.values(), w)).isEqualTo(full);
                }
            }
            assertThat(decoder.decode(codeword.clone())).isEqualTo(DecodeResult.clean());
            assertThat(decoder.decodeErrorPattern(new int[0], new int[0], 0)).isEqualTo(DecodeResult.clean());
        }
    }

    @Test
    void theLargeFieldCodeUsesTheFallbackPath() {
        assertThat(70L << 16).isGreaterThan(ReedSolomon.MAX_ALPHA_TABLE);
        assertThat(30L << 10).isLessThanOrEqualTo(ReedSolomon.MAX_ALPHA_TABLE); // KP4 uses the table
    }

    @Test
    void beyondTBothPathsAgreeAndNothingButCodewordsIsDelivered() {
        // weights t+1 … t+6 (or up to n): whatever the outcome, the full-word and error-event paths agree, a
        // CORRECTED output is a codeword within distance t, and UNCORRECTABLE leaves the word untouched.
        SplittableRandom rnd = new SplittableRandom(108);
        for (ReedSolomon rs : codes()) {
            ReedSolomon.Decoder decoder = rs.newDecoder();
            int[] codeword = rs.encode(randomMessage(rnd, rs));
            for (int w = rs.t() + 1; w <= Math.min(rs.n(), rs.t() + 6); w++) {
                for (int s = 0; s < 30; s++) {
                    Pattern e = Pattern.random(rnd, rs.n(), w, rs.field().size());
                    int[] received = e.applyTo(codeword);
                    int[] word = received.clone();
                    DecodeResult full = decoder.decode(word);
                    assertThat(decoder.decodeErrorPattern(e.positions(), e.values(), w)).as("%s w=%d", rs, w)
                            .isEqualTo(full);
                    switch (full.status()) {
                        case UNCORRECTABLE -> assertThat(Arrays.equals(word, received)).isTrue();
                        case CORRECTED -> {
                            assertThat(full.errorsCorrected()).isLessThanOrEqualTo(rs.t());
                            assertThat(isCodewordNaive(rs, word)).isTrue();
                            assertThat(full.isMiscorrected(e.positions(), e.values(), w)).isTrue();
                        }
                        case CLEAN -> assertThat(isCodewordNaive(rs, received)).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void kp4BeyondTIsDetectedNeverSilentlyWrong() {
        // A word with more than 15 errors is miscorrected only if it lies within distance 15 of another codeword:
        // for a random word that probability is V(544,15)·1024^514/1024^544 ≈ 4.7e-17, so over 1,500 patterns a
        // miscorrection occurs by chance with probability ≈ 7e-14. Any CORRECTED output must still be a codeword.
        SplittableRandom rnd = new SplittableRandom(104);
        ReedSolomon rs = ReedSolomon.kp4();
        ReedSolomon.Decoder decoder = rs.newDecoder();
        int[] codeword = rs.encode(randomMessage(rnd, rs));
        int detected = 0;
        int miscorrected = 0;
        for (int w = 16; w <= 30; w++) {
            for (int s = 0; s < 100; s++) {
                Pattern e = Pattern.random(rnd, rs.n(), w, rs.field().size());
                DecodeResult r = decoder.decodeErrorPattern(e.positions(), e.values(), w);
                if (s % 10 == 0) { // the full-word path agrees (a tenth of the patterns, to stay fast)
                    int[] word = e.applyTo(codeword);
                    assertThat(decoder.decode(word)).isEqualTo(r);
                    if (r.status() == DecodeResult.Status.CORRECTED) {
                        assertThat(isCodewordNaive(rs, word)).isTrue();
                    }
                }
                assertThat(r.status()).isNotEqualTo(DecodeResult.Status.CLEAN); // weight < d = 31
                if (r.status() == DecodeResult.Status.UNCORRECTABLE) {
                    detected++;
                } else {
                    assertThat(r.errorsCorrected()).isLessThanOrEqualTo(rs.t());
                    miscorrected++;
                }
            }
        }
        assertThat(miscorrected).isZero();
        assertThat(detected).isEqualTo(1500);
    }

    @Test
    void kr4BeyondTIsMostlyDetected() {
        // For a random word the miscorrection probability is V(528,7)/1024^14 ≈ 1.8e-6 per word; over 2,100
        // patterns P[≥ 2 miscorrections] ≈ (2100·1.8e-6)²/2 ≈ 7e-6 (the false-failure rate of this test).
        SplittableRandom rnd = new SplittableRandom(105);
        ReedSolomon rs = ReedSolomon.kr4();
        ReedSolomon.Decoder decoder = rs.newDecoder();
        int miscorrected = 0;
        for (int w = 8; w <= 14; w++) {
            for (int s = 0; s < 300; s++) {
                Pattern e = Pattern.random(rnd, rs.n(), w, rs.field().size());
                DecodeResult r = decoder.decodeErrorPattern(e.positions(), e.values(), w);
                if (r.status() == DecodeResult.Status.CORRECTED) {
                    miscorrected++;
                    assertThat(r.isMiscorrected(e.positions(), e.values(), w)).isTrue();
                }
            }
        }
        assertThat(miscorrected).isLessThanOrEqualTo(1);
    }

    /** Σ_{i ≤ t} C(n,i)(q−1)^i / q^(n−k): the fraction of all words inside some decoding sphere. */
    private static double decodableFraction(int n, int k, int t, int q) {
        BigInteger v = BigInteger.ZERO;
        BigInteger binom = BigInteger.ONE;
        for (int i = 0; i <= t; i++) {
            v = v.add(binom.multiply(BigInteger.valueOf(q - 1).pow(i)));
            binom = binom.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return v.doubleValue() / BigInteger.valueOf(q).pow(n - k).doubleValue();
    }

    @Test
    void uniformRandomWordsAreDecodedExactlyInsideTheDecodingSpheres() {
        // Spheres of radius t around the q^k codewords are disjoint (d = n − k + 1 > 2t), and a bounded-distance
        // decoder succeeds exactly inside them, so a uniform random word decodes (CLEAN or CORRECTED) with
        // probability q^k·V(n,t)/q^n. This checks that the detection rules (L > t, missing Chien roots, roots
        // outside a shortened code) reject exactly the right words. N = 20,000 words per code; tolerance 5σ:
        // false-failure rate ≈ 6e-7 per code.
        SplittableRandom rnd = new SplittableRandom(106);
        List<ReedSolomon> small = List.of(
                ReedSolomon.of(GaloisField.standard(4), 15, 9),   // 0.0930
                ReedSolomon.of(GaloisField.standard(4), 12, 6),   // shortened: 0.0452
                ReedSolomon.of(GaloisField.standard(4), 15, 10),  // odd n − k: 0.0227
                ReedSolomon.of(GaloisField.standard(3), 7, 1));   // 8·V(7,3)/8^7 = 0.0499
        for (ReedSolomon rs : small) {
            ReedSolomon.Decoder decoder = rs.newDecoder();
            int q = rs.field().size();
            int trials = 20_000;
            int decoded = 0;
            for (int s = 0; s < trials; s++) {
                int[] word = new int[rs.n()];
                List<Integer> pos = new ArrayList<>();
                List<Integer> val = new ArrayList<>();
                for (int i = 0; i < rs.n(); i++) {
                    word[i] = rnd.nextInt(q);
                    if (word[i] != 0) {
                        pos.add(i);
                        val.add(word[i]);
                    }
                }
                int[] p = pos.stream().mapToInt(Integer::intValue).toArray();
                int[] v = val.stream().mapToInt(Integer::intValue).toArray();
                // the word is the zero codeword plus the error pattern "word": both paths must agree
                DecodeResult event = decoder.decodeErrorPattern(p, v, p.length);
                DecodeResult r = decoder.decode(word);
                assertThat(event).isEqualTo(r);
                if (r.status() != DecodeResult.Status.UNCORRECTABLE) {
                    decoded++;
                    assertThat(r.errorsCorrected()).isLessThanOrEqualTo(rs.t());
                    assertThat(isCodewordNaive(rs, word)).isTrue();
                }
            }
            double p = decodableFraction(rs.n(), rs.k(), rs.t(), q);
            double sigma = Math.sqrt(p * (1 - p) / trials);
            assertThat((double) decoded / trials).as("%s decodable fraction (expected %.5f)", rs, p)
                    .isBetween(p - 5 * sigma, p + 5 * sigma);
        }
    }

    @Test
    void aNonzeroCodewordAsErrorPatternIsAnUndetectedError() {
        ReedSolomon rs = ReedSolomon.kp4();
        int[] msg = new int[rs.k()];
        msg[100] = 7;
        int[] c = rs.encode(msg);
        List<Integer> pos = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            if (c[i] != 0) {
                pos.add(i);
            }
        }
        int[] p = pos.stream().mapToInt(Integer::intValue).toArray();
        int[] v = Arrays.stream(p).map(i -> c[i]).toArray();
        assertThat(p.length).isGreaterThanOrEqualTo(31); // minimum distance n − k + 1
        DecodeResult r = rs.decodeErrorPattern(p, v, p.length);
        assertThat(r.status()).isEqualTo(DecodeResult.Status.CLEAN);
        assertThat(r.isSilentlyWrong(p, v, p.length)).isTrue();
        assertThat(r.isMiscorrected(p, v, p.length)).isFalse();
    }

    @Test
    void decodersOnManyThreadsGiveTheSequentialResults() throws Exception {
        SplittableRandom rnd = new SplittableRandom(107);
        ReedSolomon rs = ReedSolomon.kp4();
        int[] codeword = rs.encode(randomMessage(rnd, rs));
        List<Pattern> patterns = new ArrayList<>();
        for (int s = 0; s < 400; s++) {
            patterns.add(Pattern.random(rnd, rs.n(), 1 + rnd.nextInt(20), rs.field().size()));
        }
        List<DecodeResult> sequential = new ArrayList<>();
        for (Pattern e : patterns) {
            sequential.add(rs.decodeErrorPattern(e.positions(), e.values(), e.count()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<DecodeResult>>> futures = new ArrayList<>();
            for (int th = 0; th < 4; th++) {
                boolean fullWords = th % 2 == 0;
                futures.add(pool.submit(() -> {
                    List<DecodeResult> out = new ArrayList<>();
                    for (Pattern e : patterns) {
                        out.add(fullWords ? rs.decode(e.applyTo(codeword))
                                : rs.decodeErrorPattern(e.positions(), e.values(), e.count()));
                    }
                    return out;
                }));
            }
            for (Future<List<DecodeResult>> f : futures) {
                assertThat(f.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputIsRejectedWithTheValueNamed() {
        ReedSolomon rs = ReedSolomon.kp4();
        assertThatThrownBy(() -> ReedSolomon.of(GaloisField.gf1024(), 1024, 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n = 1024");
        assertThatThrownBy(() -> ReedSolomon.of(GaloisField.gf1024(), 544, 544))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k = 544");
        assertThatThrownBy(() -> rs.encode(new int[513])).hasMessageContaining("513");
        int[] badMsg = new int[514];
        badMsg[17] = 1024;
        assertThatThrownBy(() -> rs.encode(badMsg)).hasMessageContaining("symbol 17 = 1024");
        assertThatThrownBy(() -> rs.decode(new int[543])).hasMessageContaining("543");
        int[] badWord = new int[544];
        badWord[3] = -1;
        assertThatThrownBy(() -> rs.decode(badWord)).hasMessageContaining("symbol 3 = -1");
        assertThatThrownBy(() -> rs.decodeErrorPattern(new int[] {5, 5}, new int[] {1, 2}, 2))
                .hasMessageContaining("position 5 appears twice");
        assertThatThrownBy(() -> rs.decodeErrorPattern(new int[] {544}, new int[] {1}, 1))
                .hasMessageContaining("position 544");
        assertThatThrownBy(() -> rs.decodeErrorPattern(new int[] {3}, new int[] {0}, 1))
                .hasMessageContaining("error value 0");
        assertThatThrownBy(() -> rs.decodeErrorPattern(new int[] {3}, new int[] {1}, 2))
                .hasMessageContaining("count = 2");
        // after a rejected pattern the decoder still works (the duplicate stamps are per call)
        assertThat(rs.decodeErrorPattern(new int[] {5}, new int[] {1}, 1).status())
                .isEqualTo(DecodeResult.Status.CORRECTED);
    }

    @Test
    void decodeResultValidatesAndMatchesInAnyOrder() {
        DecodeResult r = new DecodeResult(DecodeResult.Status.CORRECTED, 2, new int[] {3, 9}, new int[] {5, 6});
        assertThat(r.matches(new int[] {9, 3}, new int[] {6, 5}, 2)).isTrue();
        assertThat(r.matches(new int[] {9, 3}, new int[] {5, 6}, 2)).isFalse();
        assertThat(r.matches(new int[] {3}, new int[] {5}, 1)).isFalse();
        assertThat(DecodeResult.uncorrectable().matches(new int[0], new int[0], 0)).isFalse();
        assertThat(DecodeResult.clean().matches(new int[0], new int[0], 0)).isTrue();
        assertThatThrownBy(() -> new DecodeResult(DecodeResult.Status.CORRECTED, 0, new int[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecodeResult(DecodeResult.Status.CLEAN, 1, new int[] {1}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecodeResult(DecodeResult.Status.CORRECTED, 2, new int[] {1}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The memo of {@link ReedSolomon#of}: equal fields and lengths share one code, other shapes and fields do not. */
    @Test
    void equalCodesAreOneMemoisedCodeAndOtherShapesOrFieldsAreNot() {
        ReedSolomon code = ReedSolomon.of(GaloisField.gf1024(), 544, 514);
        assertThat(ReedSolomon.of(GaloisField.of(10, 0x409), 544, 514)).as("an equal field").isSameAs(code);
        ReedSolomon shorter = ReedSolomon.of(GaloisField.gf1024(), 528, 514);
        assertThat(shorter).isNotSameAs(code);
        assertThat(shorter.n()).isEqualTo(528);
        ReedSolomon checking = code.checking();
        assertThat(checking).isNotSameAs(code);
        assertThat(checking.field().isChecking()).isTrue();
        assertThat(code.field().isChecking()).isFalse();
        int[] message = new int[514];
        SplittableRandom rnd = new SplittableRandom(20261208L);
        for (int i = 0; i < message.length; i++) {
            message[i] = rnd.nextInt(1024);
        }
        assertThat(code.encode(message)).isEqualTo(ReedSolomon.kp4().encode(message)).isEqualTo(checking.encode(message));
    }
}
