package org.mosaic.optics;

/**
 * The statistical eye at one sampling instant: the exact distribution of inter-symbol interference from
 * the cursors (each neighbouring bit adds ±c_k/2 around the decision threshold, which tracks the mean
 * signal), convolved with each crosstalk interferer (±x_i/2, incoherent intensity) on a fine grid, and
 * with Gaussian noise whose variance depends on the transmitted level (shot noise). Cursors smaller
 * than a quarter of a grid bin are folded into the Gaussian variance (their total variance is kept).
 */
public final class StatisticalEye {
    private final double main;
    private final double[] pmf;
    private final double gridStart;
    private final double gridStep;
    private final double sigmaOne;
    private final double sigmaZero;
    /** The s15b path (amplitudes smallest first, BER sums by {@link Gaussians#qPoly}); false: the reference path. */
    private final boolean fast;
    /** The variance added to the noise: {@code extraVariance} plus the cursors folded in (below a quarter bin). */
    private final double foldedVariance;

    /**
     * @param cursors pulse-response cursors (current units), main cursor at {@code mainIndex}
     * @param interferers crosstalk amplitudes (full swing of each interferer at the victim, current units)
     * @param extraVariance variance added to the noise (e.g. the ISI of the interferers themselves)
     * @param noiseVarianceOne noise variance when a "1" is sent; {@code noiseVarianceZero} likewise
     */
    public StatisticalEye(double[] cursors, int mainIndex, double[] interferers, double extraVariance,
                          double noiseVarianceOne, double noiseVarianceZero, int bins) {
        this(cursors, mainIndex, interferers, extraVariance, noiseVarianceOne, noiseVarianceZero, bins, true);
    }

    /**
     * @param smallestFirst convolve the amplitudes smallest first and sum the BER with {@link Gaussians#qPoly} (the
     *                      model's path); false: in cursor order and with {@link Gaussians#qFast}, as before s15b (the
     *                      checking path of tests, equal to rounding)
     */
    StatisticalEye(double[] cursors, int mainIndex, double[] interferers, double extraVariance,
                   double noiseVarianceOne, double noiseVarianceZero, int bins, boolean smallestFirst) {
        this.main = cursors[mainIndex];
        this.fast = smallestFirst;
        double halfRange = 0;
        for (int k = 0; k < cursors.length; k++) {
            if (k != mainIndex) {
                halfRange += Math.abs(cursors[k]) / 2;
            }
        }
        for (double x : interferers) {
            halfRange += Math.abs(x) / 2;
        }
        // Linear splitting can push mass up to one bin per convolution past the exact support: pad for it.
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
        // The half-amplitudes of every cursor but the main one and of every interferer: those below a quarter bin are
        // folded into the variance (in cursor order, as always); the others are convolved smallest first, so that the
        // passes over the early (narrow) supports are short. Convolution commutes, so the PMF is the same in exact
        // arithmetic in any order; each bin is a sum of non-negative products, so the order changes it by rounding
        // only (~1e-15 relative; StatisticalEyeScatterTest keeps the pulse-order scatter as the reference).
        double[] amps = new double[cursors.length - 1 + interferers.length];
        int na = 0;
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
            amps[na++] = amp;
        }
        if (smallestFirst) {
            java.util.Arrays.sort(amps, 0, na);
        }
        for (int k = 0; k < na; k++) {
            double amp = amps[k];
            double s = amp / step;
            int si = (int) Math.floor(s);
            double sw = s - si;
            java.util.Arrays.fill(tmp, Math.max(0, lo - si - 1), Math.min(size, hi + si + 2), 0.0);
            // Each target bin t receives, in this order, ½p[t−si−1]·sw, ½p[t−si]·(1−sw), ½p[t+si]·(1−sw) and
            // ½p[t+si+1]·sw (half the mass moves up by amp, half down, split linearly between two bins). Done as four
            // shifted passes, which the JIT vectorises; every bin adds the same products in the same order as a
            // scatter over the source bins would (StatisticalEyeTest keeps that scatter as the reference).
            double stay = 1 - sw;
            if (sw > 0) {
                shiftAdd(tmp, p, lo, hi, si + 1, sw);
            }
            shiftAdd(tmp, p, lo, hi, si, stay);
            shiftAdd(tmp, p, lo, hi, -si, stay);
            if (sw > 0) {
                shiftAdd(tmp, p, lo, hi, -si - 1, sw);
            }
            int nlo = Math.max(0, lo - si - 1);
            int nhi = Math.min(size - 1, hi + si + 1);
            // the new PMF is tmp's; the old array becomes the scratch (the next fill clears its support, a subset of
            // the next target range; outside it both arrays are zero)
            double[] swap = p;
            p = tmp;
            tmp = swap;
            lo = nlo;
            hi = nhi;
        }
        this.pmf = p;
        this.gridStart = start;
        this.gridStep = step;
        this.foldedVariance = extra;
        this.sigmaOne = Math.sqrt(noiseVarianceOne + extra);
        this.sigmaZero = Math.sqrt(noiseVarianceZero + extra);
    }

    /** tmp[j + shift] += (½·p[j])·w for j in [lo, hi]. */
    private static void shiftAdd(double[] tmp, double[] p, int lo, int hi, int shift, double w) {
        for (int j = lo; j <= hi; j++) {
            tmp[j + shift] += 0.5 * p[j] * w;
        }
    }

    /** Bit error ratio with the threshold at the mean level (offset 0) and equiprobable bits. */
    public double ber() {
        return berAt(0, 1.0);
    }

    /**
     * BER with the decision threshold moved by {@code offset} (current units) and the signal (ISI,
     * crosstalk and main cursor, not the noise) scaled by {@code scale}.
     */
    public double berAt(double offset, double scale) {
        double e1 = 0;
        double e0 = 0;
        double half = scale * main / 2;
        double invOne = 1 / sigmaOne;
        double invZero = 1 / sigmaZero;
        for (int j = 0; j < pmf.length; j++) {
            double pj = pmf[j];
            if (pj < 1e-300) {
                continue;
            }
            double v = scale * (gridStart + j * gridStep);
            if (fast) {
                e1 += pj * Gaussians.qPoly((half + v - offset) * invOne);
                e0 += pj * Gaussians.qPoly((half - v + offset) * invZero);
            } else {
                e1 += pj * Gaussians.qFast((half + v - offset) * invOne);
                e0 += pj * Gaussians.qFast((half - v + offset) * invZero);
            }
        }
        return 0.5 * (e1 + e0);
    }

    /**
     * The BER of the same channel with every amplitude this eye was built from (cursors, interferers, and so the
     * variance they added: {@code extraVariance} and the folded cursors) multiplied by {@code scale}, and the noise
     * variances replaced. The PMF on the grid depends only on the ratios of the amplitudes, so it is reused: equal, to
     * rounding, to building the eye from the scaled amplitudes ({@code ArrayReachSpeedTest}). The array's margin solve
     * scales every emitter's power and asks this for each step.
     */
    double berScaled(double scale, double noiseVarianceOne, double noiseVarianceZero) {
        double scaledFold = scale * scale * foldedVariance;
        double invOne = 1 / Math.sqrt(noiseVarianceOne + scaledFold);
        double invZero = 1 / Math.sqrt(noiseVarianceZero + scaledFold);
        double half = scale * main / 2;
        double e1 = 0;
        double e0 = 0;
        for (int j = 0; j < pmf.length; j++) {
            double pj = pmf[j];
            if (pj < 1e-300) {
                continue;
            }
            double v = scale * (gridStart + j * gridStep);
            if (fast) {
                e1 += pj * Gaussians.qPoly((half + v) * invOne);
                e0 += pj * Gaussians.qPoly((half - v) * invZero);
            } else {
                e1 += pj * Gaussians.qFast((half + v) * invOne);
                e0 += pj * Gaussians.qFast((half - v) * invZero);
            }
        }
        return 0.5 * (e1 + e0);
    }

    /** Probability that a sent "1" (or "0") lands below (above) {@code level}, measured from the threshold. */
    public double tailOne(double level) {
        double e = 0;
        for (int j = 0; j < pmf.length; j++) {
            if (pmf[j] >= 1e-300) {
                e += pmf[j] * Gaussians.qFast((main / 2 + gridStart + j * gridStep - level) / sigmaOne);
            }
        }
        return e;
    }

    public double tailZero(double level) {
        double e = 0;
        for (int j = 0; j < pmf.length; j++) {
            if (pmf[j] >= 1e-300) {
                e += pmf[j] * Gaussians.qFast((level + main / 2 - (gridStart + j * gridStep)) / sigmaZero);
            }
        }
        return e;
    }

    /**
     * Vertical eye opening at a target BER: from the highest level where a "0" exceeds it with probability
     * ≤ target to the lowest where a "1" falls below it with probability ≤ target; 0 when closed.
     */
    public double eyeHeight(double target) {
        double top = solveLevel(true, target);
        double bottom = solveLevel(false, target);
        return Math.max(0, top - bottom);
    }

    private double solveLevel(boolean one, double target) {
        double lo = -Math.abs(main) - 10 * sigmaOne - Math.abs(gridStart);
        double hi = Math.abs(main) + 10 * sigmaOne + Math.abs(gridStart);
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            double t = one ? tailOne(mid) : tailZero(mid);
            // tailOne grows with level, tailZero shrinks with level
            if (one == (t > target)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Probability density of the received sample for a sent "1" (or "0") at {@code level} (current units). */
    public double density(boolean one, double level) {
        double sigma = one ? sigmaOne : sigmaZero;
        double mean0 = one ? main / 2 : -main / 2;
        double d = 0;
        double norm = 1 / (Math.sqrt(2 * Math.PI) * sigma);
        for (int j = 0; j < pmf.length; j++) {
            if (pmf[j] < 1e-300) {
                continue;
            }
            double v = one ? gridStart + j * gridStep : -(gridStart + j * gridStep);
            double z = (level - mean0 - v) / sigma;
            if (Math.abs(z) < 40) {
                d += pmf[j] * norm * Math.exp(-0.5 * z * z);
            }
        }
        return d;
    }

    public double mainCursor() {
        return main;
    }

    public double sigmaOne() {
        return sigmaOne;
    }

    public double sigmaZero() {
        return sigmaZero;
    }
}
