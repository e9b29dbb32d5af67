package org.mosaic.link.reliability;

import org.hipparchus.util.CombinatoricsUtils;

/**
 * A k-out-of-n group of identical, independent channels: it works while at least k of its n channels work,
 * i.e. it fails when more than s = n − k have failed. With per-channel failure probability p (by time t):
 * <pre>
 *   P_fail = P[Binomial(n, p) ≥ s + 1] = Σ_{j=s+1..n} C(n,j) p^j (1−p)^(n−j),    R = 1 − P_fail
 * </pre>
 * ((standard constant-hazard FIT/AFR definitions)). Both tails are summed directly in the log domain from the term nearest the
 * mean outwards (the terms decrease monotonically from there), so the smaller of P_fail and R is accurate to a
 * relative error of ~1e-14 however small it is (1e-30, 1e-300, or below the double range, where the log is
 * still returned); the larger one is its complement. Cost: O(terms until the sum converges), at most n.
 *
 * <p>The log binomial coefficients of the two starting terms are computed once per instance.
 */
public final class KOutOfN {
    /** Largest accepted group size (a sanity bound; a cable direction has hundreds of channels). */
    public static final int MAX_CHANNELS = 1_000_000;

    private final int n;
    private final int k;
    private final int spares;
    /** ln C(n, s+1): first term of the failure tail. */
    private final double lnCUpper;
    /** ln C(n, s): first term of the survival tail. */
    private final double lnCLower;

    private KOutOfN(int n, int k) {
        if (k < 1 || n < k || n > MAX_CHANNELS) {
            throw new IllegalArgumentException("k-out-of-n with k = " + k + ", n = " + n + " — expected 1 ≤ k ≤ n ≤ "
                    + MAX_CHANNELS + "; hint: n counts every channel (needed + spares), k only the needed ones");
        }
        this.n = n;
        this.k = k;
        this.spares = n - k;
        this.lnCUpper = CombinatoricsUtils.binomialCoefficientLog(n, spares + 1); // s + 1 ≤ n since k ≥ 1
        this.lnCLower = CombinatoricsUtils.binomialCoefficientLog(n, spares);
    }

    /** The group that needs {@code k} of its {@code n} channels. */
    public static KOutOfN of(int n, int k) {
        return new KOutOfN(n, k);
    }

    public int n() {
        return n;
    }

    public int k() {
        return k;
    }

    /** s = n − k channels may fail without failing the group. */
    public int spares() {
        return spares;
    }

    /**
     * The two complementary probabilities of the group, kept as logarithms so that neither loses precision:
     * {@code logReliability} = ln P[at most s failed], {@code logFailure} = ln P[more than s failed].
     */
    public record Tails(double logReliability, double logFailure) {
        public double reliability() {
            return Math.exp(logReliability);
        }

        public double failure() {
            return Math.exp(logFailure);
        }
    }

    /** P[more than n − k of the n channels failed] for channel failure probability {@code p}. */
    public double failureProbability(double p) {
        return tails(p).failure();
    }

    /** P[at most n − k of the n channels failed] for channel failure probability {@code p}. */
    public double reliability(double p) {
        return tails(p).reliability();
    }

    /** Both tails for channel failure probability {@code p} ∈ [0, 1]. */
    public Tails tails(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("channel failure probability " + p + " — expected a number in [0, 1]");
        }
        return compute(p, p < 1 ? p / (1 - p) : Double.POSITIVE_INFINITY, Math.log(p), Math.log1p(-p));
    }

    /**
     * Both tails when each channel has cumulative hazard {@code h} (p = 1 − e^(−h)): exact for tiny h, where
     * forming p first and then 1 − p would round.
     */
    public Tails tailsFromCumulativeHazard(double h) {
        if (!(h >= 0)) {
            throw new IllegalArgumentException("channel cumulative hazard " + h + " — expected a number ≥ 0");
        }
        if (h > 700) {
            return compute(-Math.expm1(-h), Double.POSITIVE_INFINITY, Math.log(-Math.expm1(-h)), -h);
        }
        // p/q = e^h − 1 and ln p = ln(e^h − 1) − h: one expm1 and one log, exact for tiny h
        double ratio = Math.expm1(h);
        return compute(ratio / (1 + ratio), ratio, Math.log(ratio) - h, -h);
    }

    /** Both tails from p, the odds p/(1−p) and the logs of p and 1 − p (all consistent). */
    private Tails compute(double p, double odds, double lnp, double lnq) {
        if (p <= 0) {
            return new Tails(0, Double.NEGATIVE_INFINITY);
        }
        if (lnq == Double.NEGATIVE_INFINITY) {
            return new Tails(Double.NEGATIVE_INFINITY, 0);
        }
        int s = spares;
        if (s + 1 >= n * p) {
            // failure tail: terms j = s+1 … n are non-increasing because s+1 ≥ np ≥ mode − 1
            double ratio = odds;
            double term = 1;
            double sum = 1;
            for (int j = s + 1; j < n; j++) {
                term *= (double) (n - j) / (j + 1) * ratio;
                sum += term;
                if (term <= sum * 1e-17) {
                    break;
                }
            }
            double logFail = Math.min(0, lnCUpper + (s + 1) * lnp + (n - s - 1) * lnq + Math.log(sum));
            return new Tails(log1mExp(logFail), logFail);
        }
        // survival tail: terms j = s, s−1, … 0 are non-increasing because s < np
        double ratio = 1 / odds;
        double term = 1;
        double sum = 1;
        for (int j = s; j > 0; j--) {
            term *= (double) j / (n - j + 1) * ratio;
            sum += term;
            if (term <= sum * 1e-17) {
                break;
            }
        }
        double logRel = Math.min(0, lnCLower + s * lnp + (n - s) * lnq + Math.log(sum));
        return new Tails(logRel, log1mExp(logRel));
    }

    /**
     * The channel failure probability p at which the group's failure probability equals {@code failure}:
     * the inverse of {@link #failureProbability}, by safeguarded Newton steps on ln P_fail against ln p
     * (the derivative is the Beta(s+1, n−s) density, n·C(n−1,s)·p^s·(1−p)^(n−1−s)). Relative accuracy ~1e-14.
     */
    public double channelProbabilityAtFailure(double failure) {
        if (!(failure > 0 && failure < 1)) {
            throw new IllegalArgumentException("group failure probability " + failure + " — expected a number in (0, 1)");
        }
        double target = Math.log(failure);
        double lnDensity = lnCUpper + Math.log(spares + 1.0); // ln[n·C(n−1, s)]
        // P_fail ≤ C(n, s+1)·p^(s+1) (union bound), so this start lies at or below the root
        double lo = Double.NEGATIVE_INFINITY;
        double hi = 0;
        double x = Math.min((target - lnCUpper) / (spares + 1), -1e-300);
        for (int iter = 0; iter < 200; iter++) {
            double p = Math.exp(x);
            double lnq = Math.log1p(-p);
            Tails t = compute(p, p / (1 - p), x, lnq);
            double f = t.logFailure() - target;
            if (f == 0) {
                return p;
            }
            if (f < 0) {
                lo = x;
            } else {
                hi = x;
            }
            // d ln P_fail / d ln p = p·density / P_fail
            double slope = Math.exp(lnDensity + (spares + 1) * x + (n - 1 - spares) * lnq - t.logFailure());
            double next = x - f / slope;
            if (next > lo && next < hi) {
                // Newton converges quadratically: after a step of 1e-9 the error is of order 1e-18
                if (Math.abs(next - x) <= 1e-9 * Math.max(1, Math.abs(x))) {
                    return Math.exp(next);
                }
            } else if (hi - lo <= 1e-15 * Math.max(1, Math.abs(x))) {
                return Math.exp(0.5 * (lo + hi)); // bracketed to the resolution of doubles
            } else {
                next = Double.isInfinite(lo) ? 2 * Math.min(x, hi) - 1 : 0.5 * (lo + hi);
            }
            x = next;
        }
        throw new IllegalStateException("k-out-of-n inverse did not converge for failure probability " + failure
                + " (n = " + n + ", k = " + k + ")");
    }

    /** ln(1 − e^x) for x ≤ 0, accurate on both sides of x = −ln 2 (Mächler 2012). */
    static double log1mExp(double x) {
        if (x == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        return x > -0.6931471805599453 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
    }
}
