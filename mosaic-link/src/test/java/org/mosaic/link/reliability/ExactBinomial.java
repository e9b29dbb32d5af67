package org.mosaic.link.reliability;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Independent reference for the tests: binomial tails summed term by term in BigDecimal (60 significant digits)
 * with exact BigInteger binomial coefficients, from the exact binary value of p. No logarithms, no recurrences.
 */
final class ExactBinomial {
    static final MathContext MC = new MathContext(60);

    private ExactBinomial() {
    }

    /** P[Binomial(n, p) ≥ s + 1] with s = n − k. */
    static BigDecimal failure(int n, int k, double p) {
        BigDecimal bp = new BigDecimal(p);
        BigDecimal bq = BigDecimal.ONE.subtract(bp);
        BigDecimal sum = BigDecimal.ZERO;
        BigInteger c = BigInteger.ONE; // C(n, j), built up from j = 0
        for (int j = 0; j <= n; j++) {
            if (j > 0) {
                c = c.multiply(BigInteger.valueOf(n - j + 1)).divide(BigInteger.valueOf(j));
            }
            if (j > n - k) {
                sum = sum.add(new BigDecimal(c).multiply(bp.pow(j, MC), MC).multiply(bq.pow(n - j, MC), MC), MC);
            }
        }
        return sum;
    }

    /** P[Binomial(n, p) ≤ n − k]. */
    static BigDecimal reliability(int n, int k, double p) {
        BigDecimal bp = new BigDecimal(p);
        BigDecimal bq = BigDecimal.ONE.subtract(bp);
        BigDecimal sum = BigDecimal.ZERO;
        BigInteger c = BigInteger.ONE;
        for (int j = 0; j <= n - k; j++) {
            if (j > 0) {
                c = c.multiply(BigInteger.valueOf(n - j + 1)).divide(BigInteger.valueOf(j));
            }
            sum = sum.add(new BigDecimal(c).multiply(bp.pow(j, MC), MC).multiply(bq.pow(n - j, MC), MC), MC);
        }
        return sum;
    }

    /** Natural log of a positive BigDecimal, also below the double range (to ~1e-15 relative). */
    static double log(BigDecimal x) {
        BigDecimal r = x.round(new MathContext(17));
        return Math.log(r.unscaledValue().doubleValue()) - r.scale() * Math.log(10);
    }
}
