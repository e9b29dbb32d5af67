package org.mosaic.datapath.fec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The analytic post-FEC formulas against (standard bounded-distance decoding)'s table (rounded to its printed digits), against
 * mpmath at 60 digits (relative 1e-10) and against independent computations (brute-force enumeration, direct
 * summation). The mpmath references were computed with python3 + mpmath 1.3.0, {@code mp.dps = 60}:
 * <pre>
 * ps_of(pb, m) = 1 - (1 - mpf(pb))**m
 * tail(n, t, ps) = fsum(binomial(n, i) * ps**i * (1 - ps)**(n - i) for i in range(t + 1, n + 1))
 * ser(n, t, ps) = fsum(mpf(i)/n * binomial(n, i) * ps**i * (1 - ps)**(n - i) for i in range(t + 1, n + 1))
 * ber(n, t, m, pb) = ser(n, t, ps_of(pb, m)) * pb / ps_of(pb, m)
 * </pre>
 * printed with {@code nstr(v, 20)}; inputs are decimal strings (mpf('2.4e-4')), which differ from the Java doubles
 * by ≤ 1e-16 relative, amplified by at most the tail's condition number (≈ t + 1) — far inside 1e-10.
 */
class PostFecTest {

    private static double rel(double actual, double expected) {
        return Math.abs(actual - expected) / Math.abs(expected);
    }

    /**
     * The table of (standard bounded-distance decoding) prints each value rounded to one or two significant digits, so a correct
     * computation must round to the printed value: |computed − printed| ≤ half a unit of its last digit (plus
     * 1e-9 relative for the double arithmetic).
     */
    private static void assertRoundsTo(double computed, String printed, String what) {
        BigDecimal p = new BigDecimal(printed);
        double halfUnit = 0.5 * Math.pow(10, -p.scale());
        assertThat(Math.abs(computed - p.doubleValue())).as("%s = %s, table %s", what, computed, printed)
                .isLessThanOrEqualTo(halfUnit + 1e-9 * Math.abs(computed));
    }

    @ParameterizedTest(name = "p_b = {0}")
    @CsvSource({
            // p_b,  p_s,    KP4 P_cw, KP4 BER, KR4 P_cw, KR4 BER   ((standard bounded-distance decoding), "Computed (derived)")
            "1e-5,   1.0e-4, 2e-34,    6e-37,   1.4e-15,  2e-18",
            "1e-4,   1.0e-3, 1.4e-18,  4e-21,   8.9e-8,   1.4e-10",
            "2.4e-4, 2.4e-3, 8.2e-13,  2.4e-15, 5.2e-5,   8e-8",
            "5e-4,   5.0e-3, 2.8e-8,   8.3e-11, 5.6e-3,   8.9e-6",
            "1e-3,   1.0e-2, 1.5e-4,   4.6e-7,  0.16,     2.7e-4",
    })
    void reproducesTheBaselinesTable(double pb, String ps, String kp4Cw, String kp4Ber, String kr4Cw, String kr4Ber) {
        double s = PostFec.symbolErrorProbability(pb, 10);
        assertRoundsTo(s, ps, "p_s");
        assertRoundsTo(PostFec.codewordFailureProbability(544, 15, s), kp4Cw, "KP4 P_cw");
        assertRoundsTo(PostFec.postFecBitErrorRate(544, 15, 10, pb), kp4Ber, "KP4 post-FEC BER");
        assertRoundsTo(PostFec.codewordFailureProbability(528, 7, s), kr4Cw, "KR4 P_cw");
        assertRoundsTo(PostFec.postFecBitErrorRate(528, 7, 10, pb), kr4Ber, "KR4 post-FEC BER");
    }

    @ParameterizedTest(name = "P[Bin({0},{2}) > {1}]")
    @CsvSource({
            "544, 15, 0.0024, 8.282996177691509897e-13,   -27.819401448770836258",
            "544, 15, 1e-4,   2.1412060971147969835e-34,  -77.526523894742195751",
            "544, 15, 0.05,   0.99311328172844042636,     -0.0069105411531522047543",
            "528, 7,  1e-3,   8.9572506765985175344e-8,   -16.228217408181448401",
            "255, 16, 1e-2,   1.4002286944544061011e-9,   -20.386630260484157762",
            "544, 15, 1e-9,   2.2502941465049465394e-114, -261.68363966186955743",
            "544, 15, 1e-12,  2.2502952636507801514e-162, -372.20772362913951516",
            "544, 0,  1e-6,   0.00054385233068013541336,  -7.516832798913444267",
            "15,  3,  0.3,    0.703132072112952,          -0.35221053552373621067",
            "544, 543, 0.5,   1.7365302730352167839e-164, -377.07206622461024832",
    })
    void binomialTailMatchesMpmath(int n, int t, double ps, double expected, double expectedLn) {
        assertThat(rel(PostFec.codewordFailureProbability(n, t, ps), expected)).isLessThan(1e-10);
        assertThat(rel(PostFec.lnCodewordFailureProbability(n, t, ps), expectedLn)).isLessThan(1e-10);
    }

    @Test
    void logTailReachesBelowTheDoubleRange() {
        // mpmath: P = 2.2502952647690445274e-370, ln P = -851.14542297140407626 (not a normal double)
        assertThat(rel(PostFec.lnCodewordFailureProbability(544, 15, 1e-25), -851.14542297140407626))
                .isLessThan(1e-10);
        assertThat(PostFec.codewordFailureProbability(544, 15, 1e-25)).isZero();
    }

    @ParameterizedTest(name = "SER({0},{1},{2})")
    @CsvSource({
            "544, 15, 0.0024, 2.4483513096509343238e-14",
            "528, 7,  1e-3,   1.367439622332872956e-9",
            "544, 15, 0.05,   0.049821648709446662901",
    })
    void postFecSymbolErrorRateMatchesMpmath(int n, int t, double ps, double expected) {
        assertThat(rel(PostFec.postFecSymbolErrorRate(n, t, ps), expected)).isLessThan(1e-10);
    }

    @ParameterizedTest(name = "BER({0},{1},{2},{3})")
    @CsvSource({
            "544, 15, 10, 2.4e-4, 2.4120938895557708396e-15",
            "544, 15, 10, 1e-5,   6.2946546924742021842e-37",
            "528, 7,  10, 1e-4,   1.3634163476593498725e-10",
            "255, 16, 8,  1e-3,   3.9489492837948030569e-13",
    })
    void postFecBitErrorRateMatchesMpmath(int n, int t, int m, double pb, double expected) {
        assertThat(rel(PostFec.postFecBitErrorRate(n, t, m, pb), expected)).isLessThan(1e-10);
    }

    @Test
    void symbolErrorProbabilityIsAccurateForTinyAndLargeBer() {
        // mpmath: 1 - (1 - 2.4e-4)^10 = 0.002397409658183471018; (1 - 0.5)^10 → 0.9990234375 exactly
        assertThat(rel(PostFec.symbolErrorProbability(2.4e-4, 10), 0.002397409658183471018)).isLessThan(1e-14);
        assertThat(PostFec.symbolErrorProbability(0.5, 10)).isEqualTo(0.9990234375);
        // for tiny p_b, p_s = m·p_b − C(m,2)·p_b² + …: relative error of m·p_b is 4.5e-15 at p_b = 1e-15
        assertThat(rel(PostFec.symbolErrorProbability(1e-15, 10), 1e-14 * (1 - 4.5e-15))).isLessThan(1e-15);
        assertThat(PostFec.symbolErrorProbability(1e-300, 16)).isEqualTo(16e-300, org.assertj.core.api.Assertions.within(1e-313));
        assertThat(PostFec.symbolErrorProbability(0, 10)).isZero();
        assertThat(PostFec.symbolErrorProbability(1, 10)).isEqualTo(1);
    }

    @Test
    void symbolErrorRateIsTheDirectSumOfTheReference() {
        // Σ_{i>t} (i/n)·C(n,i)·p^i(1−p)^(n−i), summed term by term in the log domain (independent of the identity)
        for (double ps : new double[] {1e-4, 2.4e-3, 0.03, 0.2}) {
            int n = 544;
            int t = 15;
            double direct = 0;
            for (int i = t + 1; i <= n; i++) {
                direct += (double) i / n * Math.exp(PostFec.lnChoose(n, i) + i * Math.log(ps)
                        + (n - i) * Math.log1p(-ps));
            }
            assertThat(rel(PostFec.postFecSymbolErrorRate(n, t, ps), direct)).as("p_s = %s", ps).isLessThan(1e-11);
            double upper = PostFec.postFecSymbolErrorRateUpperBound(n, t, ps);
            double cw = PostFec.codewordFailureProbability(n, t, ps);
            assertThat(rel(upper, direct + (double) t / n * cw)).isLessThan(1e-12);
        }
    }

    @Test
    void poissonBinomialEqualsBinomialForEqualProbabilities() {
        for (double ps : new double[] {1e-5, 2.4e-3, 0.05, 0.5}) {
            double[] p = new double[544];
            Arrays.fill(p, ps);
            for (int t : new int[] {0, 7, 15, 100}) {
                double binomial = PostFec.codewordFailureProbability(544, t, ps);
                double dp = PostFec.codewordFailureProbability(p, t);
                if (PostFec.lnCodewordFailureProbability(544, t, ps) < -745.2) { // below the smallest double
                    assertThat(binomial).isZero();
                    assertThat(dp).isZero();
                    continue;
                }
                // both sum positive terms; the DP accumulates ≈ n·t roundings: allow 1e-11 relative
                assertThat(rel(dp, binomial)).as("p_s = %s, t = %d", ps, t).isLessThan(1e-11);
            }
        }
    }

    @Test
    void poissonBinomialMatchesBruteForceEnumeration() {
        SplittableRandom rnd = new SplittableRandom(201);
        for (int trial = 0; trial < 20; trial++) {
            int n = 14;
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = Math.pow(10, -6 * rnd.nextDouble()); // 1e-6 … 1, very unequal
            }
            for (int t = 0; t < n; t++) {
                double brute = 0; // Σ over all 2^n outcomes with more than t errors
                for (int mask = 0; mask < 1 << n; mask++) {
                    if (Integer.bitCount(mask) > t) {
                        double pr = 1;
                        for (int i = 0; i < n; i++) {
                            pr *= ((mask >>> i) & 1) != 0 ? p[i] : 1 - p[i];
                        }
                        brute += pr;
                    }
                }
                assertThat(rel(PostFec.codewordFailureProbability(p, t), brute)).isLessThan(1e-12);
            }
            assertThat(PostFec.codewordFailureProbability(p, n)).isZero();
        }
    }

    @Test
    void poissonBinomialKeepsTinyTailsAccurate() {
        // 544 symbols at 1e-12 and t = 15: equal to the binomial tail 2.2502952636507801514e-162 (mpmath)
        double[] p = new double[544];
        Arrays.fill(p, 1e-12);
        assertThat(rel(PostFec.codewordFailureProbability(p, 15), 2.2502952636507801514e-162)).isLessThan(1e-10);
    }

    /** FLR by enumerating every start offset of the frame in a block (the model of the javadoc, written out). */
    private static double flrByEnumeration(double pcw, long frameBits, long messageBits, int interleave) {
        long block = messageBits * interleave;
        double sum = 0;
        for (long u = 0; u < block; u++) {
            long blocks = 1 + (u + frameBits - 1) / block;
            sum += -Math.expm1(blocks * interleave * Math.log1p(-pcw)); // 1 − (1 − P)^(codewords touched)
        }
        return sum / block;
    }

    @Test
    void frameLossRatioAveragesOverFrameAlignment() {
        for (double pcw : new double[] {1e-3, 0.2, 1e-12}) {
            for (long frame : new long[] {1, 512, 5140, 5141, 12_144, 100_000}) {
                for (int interleave : new int[] {1, 2}) {
                    double flr = PostFec.frameLossRatio(pcw, frame, 5140, interleave);
                    double expected = flrByEnumeration(pcw, frame, 5140, interleave);
                    // the enumeration sums 5,140–10,280 positive terms: ≈ 1e-12 relative rounding at most
                    assertThat(rel(flr, expected)).as("P %s frame %d interleave %d", pcw, frame, interleave)
                            .isLessThan(1e-11);
                }
            }
        }
        // small P: FLR ≈ P·I·(1 + (F−1)/(I·k·m)): a 64-octet frame over 2 interleaved KP4 codewords
        double p = 1e-15;
        double flr = PostFec.frameLossRatio(p, 512, 5140, 2);
        assertThat(rel(flr, p * 2 * (1 + 511.0 / 10280))).isLessThan(1e-9);
        assertThat(PostFec.frameLossRatio(1, 512, 5140, 1)).isEqualTo(1);
        assertThat(PostFec.frameLossRatio(0, 512, 5140, 1)).isZero();
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> PostFec.symbolErrorProbability(1.5, 10)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> PostFec.symbolErrorProbability(Double.NaN, 10)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> PostFec.codewordFailureProbability(544, -1, 0.1)).hasMessageContaining("t = -1");
        assertThatThrownBy(() -> PostFec.codewordFailureProbability(0, 1, 0.1)).hasMessageContaining("n = 0");
        assertThatThrownBy(() -> PostFec.codewordFailureProbability(new double[] {0.1, -0.1}, 1))
                .hasMessageContaining("[1]");
        assertThatThrownBy(() -> PostFec.frameLossRatio(0.1, 0, 5140, 2)).hasMessageContaining("frame length = 0");
        assertThatThrownBy(() -> PostFec.frameLossRatio(0.1, 512, 5140, 0)).hasMessageContaining("interleaved");
        // limits
        assertThat(PostFec.codewordFailureProbability(544, 544, 0.3)).isZero();
        assertThat(PostFec.codewordFailureProbability(544, 15, 0)).isZero();
        assertThat(PostFec.codewordFailureProbability(544, 15, 1)).isEqualTo(1);
        assertThat(PostFec.postFecBitErrorRate(544, 15, 10, 0)).isZero();
    }
}
