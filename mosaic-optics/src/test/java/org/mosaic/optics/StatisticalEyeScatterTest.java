package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Regression guard of the statistical eye's speed-ups (issues 15/20): the PMF is built by four shifted, vectorisable
 * passes per cursor instead of a scatter over the source bins, and (s15b) the cursors and interferers are convolved
 * smallest amplitude first instead of in pulse order, and the BER sums take Q from the Horner form of the same ln Q
 * cubic ({@link Gaussians#qPoly}). Convolution commutes and every bin is a sum of non-negative products, so the two
 * differ by rounding only: the BER must equal the scatter's to 1e-12 relative (each bin carries at most ~90 roundings
 * of 1.1e-16; each Q a few ulp of |ln Q| ≤ ~700 relative; the BER is a sum of non-negative terms; measured ≤ 1.2e-13,
 * from the deepest tails). The scatter is kept here, as it was (pulse order, qFast), as the reference.
 */
class StatisticalEyeScatterTest {

    /** The BER as the eye computed it before the speed-up: scatter convolution, then the same Gaussian integral. */
    static double scatterBer(double[] cursors, int mainIndex, double[] interferers, double extraVariance, double v1,
                             double v0, int bins) {
        double main = cursors[mainIndex];
        double halfRange = 0;
        for (int k = 0; k < cursors.length; k++) {
            if (k != mainIndex) {
                halfRange += Math.abs(cursors[k]) / 2;
            }
        }
        for (double x : interferers) {
            halfRange += Math.abs(x) / 2;
        }
        int pad = cursors.length + interferers.length + 2;
        int size = bins + 2 * pad;
        double[] p = new double[size];
        double step = halfRange > 0 ? 2 * halfRange / (bins - 1) : 1;
        double start = -halfRange - pad * step;
        double pos0 = (0 - start) / step;
        int f = (int) Math.floor(pos0);
        double w = pos0 - f;
        p[f] += 1 - w;
        if (w > 0) {
            p[f + 1] += w;
        }
        int lo = Math.max(0, f - 1);
        int hi = Math.min(size - 1, f + 1);
        double extra = extraVariance;
        double[] tmp = new double[size];
        for (int k = 0; k < cursors.length + interferers.length; k++) {
            double amp;
            if (k < cursors.length) {
                if (k == mainIndex) {
                    continue;
                }
                amp = Math.abs(cursors[k]) / 2;
            } else {
                amp = Math.abs(interferers[k - cursors.length]) / 2;
            }
            if (amp == 0) {
                continue;
            }
            if (amp < 0.25 * step || halfRange == 0) {
                extra += amp * amp;
                continue;
            }
            double s = amp / step;
            int si = (int) Math.floor(s);
            double sw = s - si;
            java.util.Arrays.fill(tmp, Math.max(0, lo - si - 1), Math.min(size, hi + si + 2), 0.0);
            for (int j = lo; j <= hi; j++) {
                double m = 0.5 * p[j];
                if (m == 0) {
                    continue;
                }
                int a = j + si;
                tmp[a] += m * (1 - sw);
                if (sw > 0) {
                    tmp[a + 1] += m * sw;
                }
                int b = j - si;
                tmp[b] += m * (1 - sw);
                if (sw > 0) {
                    tmp[b - 1] += m * sw;
                }
            }
            int nlo = Math.max(0, lo - si - 1);
            int nhi = Math.min(size - 1, hi + si + 1);
            System.arraycopy(tmp, nlo, p, nlo, nhi - nlo + 1);
            lo = nlo;
            hi = nhi;
        }
        double invOne = 1 / Math.sqrt(v1 + extra);
        double invZero = 1 / Math.sqrt(v0 + extra);
        double e1 = 0;
        double e0 = 0;
        for (int j = 0; j < p.length; j++) {
            if (p[j] < 1e-300) {
                continue;
            }
            double v = 1.0 * (start + j * step);
            e1 += p[j] * Gaussians.qFast((main / 2 + v - 0) * invOne);
            e0 += p[j] * Gaussians.qFast((main / 2 - v + 0) * invZero);
        }
        return 0.5 * (e1 + e0);
    }

    /**
     * 300 random channels (fixed seed): 1–60 cursors with long tails (amplitudes spread over five decades, so some fold
     * into the variance, some shift by less than a bin and some by many), 0–28 interferers, 64–1024 bins.
     */
    @Test
    void sortedShiftedPassesGiveTheScatterBerToRounding() {
        SplittableRandom rng = new SplittableRandom(20261207L);
        double worst = 0;
        for (int c = 0; c < 300; c++) {
            int n = 1 + rng.nextInt(60);
            int mainIndex = rng.nextInt(n);
            double[] cursors = new double[n];
            for (int k = 0; k < n; k++) {
                cursors[k] = (rng.nextBoolean() ? 1 : -1) * Math.pow(10, -5 * rng.nextDouble()) * 0.3;
            }
            cursors[mainIndex] = 0.5 + rng.nextDouble();
            double[] xt = new double[rng.nextInt(29)];
            for (int i = 0; i < xt.length; i++) {
                xt[i] = Math.pow(10, -4 * rng.nextDouble()) * 0.05;
            }
            double extra = rng.nextBoolean() ? 0 : 1e-4 * rng.nextDouble();
            double v1 = Math.pow(10, -3 - 2 * rng.nextDouble());
            double v0 = v1 * (0.5 + rng.nextDouble());
            int bins = 64 << rng.nextInt(5);
            double fast = new StatisticalEye(cursors, mainIndex, xt, extra, v1, v0, bins).ber();
            double reference = scatterBer(cursors, mainIndex, xt, extra, v1, v0, bins);
            if (reference == 0) {
                // an eye so open that every term underflows: the sorted passes must underflow too
                assertThat(fast).as("case %s", c).isZero();
                continue;
            }
            double rel = Math.abs(fast - reference) / reference;
            worst = Math.max(worst, rel);
            assertThat(rel).as("case %s: %s vs %s", c, fast, reference).isLessThanOrEqualTo(1e-12);
        }
        System.out.println("StatisticalEyeScatterTest: worst relative difference " + worst);
    }
}
