package org.mosaic.datapath.fec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's decoder shortcuts — syndromes from the re-encoded parity difference (by packed table rows), the direct
 * root of a degree-1 locator, the four-position block Chien search, and the split test when its first quarter found
 * no root — give the same
 * outcome as the plain algorithm. Each word is decoded twice: by the fast code, and by the same code over the
 * checking field, which recomputes every syndrome with naive arithmetic, re-runs the Chien walk behind the direct
 * root and behind every rejection of the split test (throwing on any disagreement), and verifies every output.
 * Both must agree on status, positions, values and the corrected word. Deterministic seeds; patterns of weight 0 …
 * t + 6 on KP4, KR4 and small and large-field codes, so every branch (CLEAN, L = 1, split rejections, Chien
 * misses, CORRECTED beyond t) is taken.
 */
class DecoderShortcutsTest {

    private static void checkAgreement(ReedSolomon rs, long seed, int words) {
        ReedSolomon ref = rs.checking();
        ReedSolomon.Decoder fast = rs.newDecoder();
        ReedSolomon.Decoder slow = ref.newDecoder();
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = rs.n();
        int q = rs.field().order();
        int[] seen = new int[3];
        for (int w = 0; w < words; w++) {
            int[] word = rs.encode(RsWords.randomMessage(rs, rnd));
            int weight = Math.min(n, rnd.nextInt(rs.t() + 7));
            RsWords.Errors errors = RsWords.addErrors(word, q, rnd, weight);
            int[] pos = errors.positions();
            int[] val = errors.values();
            DecodeResult ra = RsWords.decodeAlike(fast, slow, word, errors, rs + " word " + w + ", " + weight + " errors")
                    .result();
            // the error-pattern path takes the same shortcuts after its own syndromes
            int[] sortedPos = pos.clone();
            int[] sortedVal = new int[weight];
            Integer[] idx = new Integer[weight];
            for (int e = 0; e < weight; e++) {
                idx[e] = e;
            }
            Arrays.sort(idx, (x, y) -> Integer.compare(pos[x], pos[y]));
            for (int e = 0; e < weight; e++) {
                sortedPos[e] = pos[idx[e]];
                sortedVal[e] = val[idx[e]];
            }
            DecodeResult pa = fast.decodeErrorPattern(sortedPos, sortedVal, weight);
            DecodeResult pb = slow.decodeErrorPattern(sortedPos, sortedVal, weight);
            assertThat(pa.status()).isEqualTo(pb.status());
            assertThat(pa.positions()).isEqualTo(pb.positions());
            assertThat(pa.values()).isEqualTo(pb.values());
            assertThat(pa.status() == DecodeResult.Status.CLEAN ? weight == 0 || !pa.matches(pos, val, weight) : true)
                    .isTrue();
            seen[ra.status().ordinal()]++;
        }
        for (DecodeResult.Status s : DecodeResult.Status.values()) {
            if (s != DecodeResult.Status.CLEAN || rs.t() > 0) {
                assertThat(seen[s.ordinal()]).as("%s: some words end %s", rs, s).isPositive();
            }
        }
    }

    @Test
    void kp4ShortcutsAgreeWithTheCheckedAlgorithm() {
        checkAgreement(ReedSolomon.kp4(), 17_001L, 600);
    }

    @Test
    void kr4ShortcutsAgreeWithTheCheckedAlgorithm() {
        checkAgreement(ReedSolomon.kr4(), 17_002L, 600);
    }

    @Test
    void smallFieldCodesWithPaddedRootTablesAgree() {
        // GF(16) RS(15, 9): 6 roots in an 8-row table; GF(8) RS(7, 3): 4 roots, rows beyond the field's order
        checkAgreement(ReedSolomon.of(GaloisField.standard(4), 15, 9), 17_003L, 400);
        checkAgreement(ReedSolomon.of(GaloisField.standard(3), 7, 3), 17_004L, 300);
        // GF(256) shortened RS(200, 180): 20 roots, 24-row table
        checkAgreement(ReedSolomon.of(GaloisField.standard(8), 200, 180), 17_005L, 300);
    }

    @Test
    void largeFieldFallbackAgrees() {
        // GF(2^14) with 40 parity symbols: no packed encoder (more than five words of parity), Horner over the word
        checkAgreement(ReedSolomon.of(GaloisField.standard(14), 300, 260), 17_006L, 60);
    }

    @Test
    void twoInterleavedEncodingsEqualTwoSingleOnes() {
        SplittableRandom rnd = new SplittableRandom(17_007L);
        for (ReedSolomon rs : new ReedSolomon[] {ReedSolomon.kp4(), ReedSolomon.kr4(),
                ReedSolomon.of(GaloisField.standard(4), 15, 9)}) {
            for (int trial = 0; trial < 20; trial++) {
                int[] ma = new int[rs.k()];
                int[] mb = new int[rs.k()];
                for (int i = 0; i < rs.k(); i++) {
                    ma[i] = rnd.nextInt(rs.field().size());
                    mb[i] = rnd.nextInt(rs.field().size());
                }
                int[] ca = new int[rs.n()];
                int[] cb = new int[rs.n()];
                rs.encode2(ma, mb, ca, cb);
                assertThat(ca).isEqualTo(rs.encode(ma));
                assertThat(cb).isEqualTo(rs.encode(mb));
                int[] xa = new int[rs.n()];
                int[] xb = new int[rs.n()];
                rs.checking().encode2(ma, mb, xa, xb); // verified by naive syndromes
                assertThat(xa).isEqualTo(ca);
                assertThat(xb).isEqualTo(cb);
            }
        }
    }
}
