package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The statistical eye against an exact enumeration of every bit pattern and against closed forms. */
class StatisticalEyeTest {

    /** One small channel: cursors (main at {@code mainIndex}), interferers, noise. */
    record Case(int id, double[] cursors, int mainIndex, double[] interferers, double extraVariance, double varOne,
                double varZero) {
        @Override
        public String toString() {
            return "case " + id + ": " + cursors.length + " cursors (main at " + mainIndex + "), "
                    + interferers.length + " interferers";
        }
    }

    /**
     * 24 random channels from one fixed-seed stream (drawn in sequence, not one seed per case): 1–10 cursors with
     * the main cursor anywhere, ISI cursors of either sign, 0–3 interferers, extra variance sometimes, noise set
     * so the worst-pattern Q lies between ~1 and ~9 (BER from ~1e-2 to ~1e-15).
     */
    static Stream<Case> cases() {
        SplittableRandom rng = new SplittableRandom(0x5EED_E4EL);
        List<Case> out = new ArrayList<>();
        for (int id = 0; id < 24; id++) {
            int n = id < 3 ? 10 : 1 + rng.nextInt(10); // the first three use the full 10 cursors
            int mainIndex = id == 0 ? 9 : rng.nextInt(n); // case 0: main cursor last (all precursors)
            double main = 0.5 + 1.5 * rng.nextDouble();
            double[] c = new double[n];
            for (int k = 0; k < n; k++) {
                c[k] = k == mainIndex ? main : main * (rng.nextDouble() * 0.24 - 0.12);
            }
            double[] x = new double[id < 2 ? 3 : rng.nextInt(4)];
            for (int i = 0; i < x.length; i++) {
                x[i] = main * 0.05 * rng.nextDouble();
            }
            double sigmaOne = main / 2 / (3 + 6 * rng.nextDouble());
            double sigmaZero = sigmaOne * (0.6 + 0.4 * rng.nextDouble());
            double extra = rng.nextBoolean() ? 0 : Math.pow(0.3 * sigmaZero, 2);
            out.add(new Case(id, c, mainIndex, x, extra, sigmaOne * sigmaOne, sigmaZero * sigmaZero));
        }
        return out.stream();
    }

    /** Exact BER: every pattern of the neighbouring bits and the interferers, threshold at the mean level. */
    static double bruteForceBer(Case k) {
        List<Double> amps = new ArrayList<>();
        for (int i = 0; i < k.cursors().length; i++) {
            if (i != k.mainIndex()) {
                amps.add(k.cursors()[i] / 2);
            }
        }
        for (double x : k.interferers()) {
            amps.add(x / 2);
        }
        double half = k.cursors()[k.mainIndex()] / 2;
        double s1 = Math.sqrt(k.varOne() + k.extraVariance());
        double s0 = Math.sqrt(k.varZero() + k.extraVariance());
        int m = amps.size();
        double sum = 0;
        for (int pattern = 0; pattern < (1 << m); pattern++) {
            double v = 0;
            for (int j = 0; j < m; j++) {
                v += ((pattern >> j) & 1) == 1 ? amps.get(j) : -amps.get(j);
            }
            // a sent one errs below the threshold, a sent zero above it; bits equiprobable
            sum += 0.5 * (Gaussians.q((half + v) / s1) + Gaussians.q((half - v) / s0));
        }
        return sum / (1 << m);
    }

    /**
     * Leading-order bound on the grid's relative error. Each convolution places ±a between two bins with the
     * exact mean and at most step²/4 extra variance (the initial point likewise), so the grid adds at most
     * Δ = (K+1)·step²/4 variance for K shifts; a term Q((h+v)/σ) then moves by ½Δ·Q''/σ² = ½(Δ/σ²)·z·φ(z),
     * i.e. relatively by ≤ ½(Δ/σ²)(z² + 1) (zφ(z)/Q(z) ≤ z² + 1), largest for the best pattern's z.
     */
    static double gridBound(Case k, int bins) {
        double halfRange = 0;
        int shifts = 0;
        for (int i = 0; i < k.cursors().length; i++) {
            if (i != k.mainIndex()) {
                halfRange += Math.abs(k.cursors()[i]) / 2;
                shifts++;
            }
        }
        for (double x : k.interferers()) {
            halfRange += Math.abs(x) / 2;
            shifts++;
        }
        double step = 2 * halfRange / (bins - 1);
        double sigma = Math.sqrt(Math.min(k.varOne(), k.varZero()) + k.extraVariance());
        double zBest = (k.cursors()[k.mainIndex()] / 2 + halfRange) / sigma;
        double delta = (shifts + 1) * step * step / 4;
        return 0.5 * delta / (sigma * sigma) * (zBest * zBest + 1);
    }

    private static StatisticalEye eye(Case k, int bins) {
        return new StatisticalEye(k.cursors(), k.mainIndex(), k.interferers(), k.extraVariance(), k.varOne(),
                k.varZero(), bins);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void berMatchesExactEnumerationOnAFineGrid(Case k) {
        double exact = bruteForceBer(k);
        double ber = eye(k, 4096).ber();
        double rel = Math.abs(ber - exact) / exact;
        // the grid bound (3.8e-3 at most over these cases) plus 1e-8 for qFast's ≤ 3e-11 and the sum's rounding;
        // measured errors are 3–60× below the bound (≤ 9.9e-5; it assumes every split at its worst, w = ½)
        assertThat(rel).as("relative error vs enumeration (exact %s, eye %s)", exact, ber)
                .isLessThanOrEqualTo(gridBound(k, 4096) + 1e-8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void berMatchesExactEnumerationOnTheDefaultGrid(Case k) {
        // 512 bins: the same bound, 64× larger (step² ∝ 1/bins²); measured ≤ 5.1e-3 against bounds up to 0.24
        double exact = bruteForceBer(k);
        double ber = eye(k, 512).ber();
        assertThat(Math.abs(ber - exact) / exact).isLessThanOrEqualTo(gridBound(k, 512) + 1e-8);
    }

    @Test
    void theRandomCasesCoverWhatTheyClaim() {
        List<Case> all = cases().toList();
        assertThat(all).anySatisfy(k -> assertThat(k.cursors()).hasSize(10));
        assertThat(all).anySatisfy(k -> assertThat(k.mainIndex()).isGreaterThan(0).isLessThan(k.cursors().length - 1));
        assertThat(all).anySatisfy(k -> assertThat(k.mainIndex()).isEqualTo(k.cursors().length - 1).isPositive());
        assertThat(all).anySatisfy(k -> assertThat(k.interferers()).hasSize(3));
        double[] bers = all.stream().mapToDouble(StatisticalEyeTest::bruteForceBer).sorted().toArray();
        assertThat(bers[0]).isLessThan(1e-9);
        assertThat(bers[bers.length - 1]).isGreaterThan(1e-4);
        // the fine-grid check is tight: no case's bound exceeds 0.5 % (measured worst bound 3.8e-3)
        assertThat(all.stream().mapToDouble(k -> gridBound(k, 4096)).max().orElseThrow()).isLessThan(5e-3);
    }

    @Test
    void noIsiNoCrosstalkIsTheClosedForm() {
        double c0 = 1e-5; // 10 µA of OMA current
        for (double s1 : new double[] {c0 / 4, c0 / 10, c0 / 16, c0 / 30}) {
            double s0 = 0.8 * s1;
            StatisticalEye e = new StatisticalEye(new double[] {c0}, 0, new double[0], 0, s1 * s1, s0 * s0, 512);
            double expected = 0.5 * (Gaussians.q(c0 / 2 / s1) + Gaussians.q(c0 / 2 / s0));
            // all mass sits exactly on v = 0, so only qFast's ≤ 3e-11 relative error remains; 1e-6 is the brief's
            assertThat(Math.abs(e.ber() - expected) / expected).as("σ1 = %s", s1).isLessThan(1e-6);
        }
    }

    @Test
    void extraVarianceAddsToBothNoiseLevels() {
        double c0 = 1;
        double v1 = 0.01;
        double v0 = 0.005;
        double extra = 0.003;
        StatisticalEye e = new StatisticalEye(new double[] {c0}, 0, new double[0], extra, v1, v0, 512);
        assertThat(e.sigmaOne()).isCloseTo(Math.sqrt(v1 + extra), within(1e-15));
        assertThat(e.sigmaZero()).isCloseTo(Math.sqrt(v0 + extra), within(1e-15));
        double expected = 0.5 * (Gaussians.q(0.5 / Math.sqrt(v1 + extra)) + Gaussians.q(0.5 / Math.sqrt(v0 + extra)));
        // as above: qFast's accuracy only
        assertThat(Math.abs(e.ber() - expected) / expected).isLessThan(1e-6);
    }

    @Test
    void eyeHeightWithoutIsiIsTheClosedForm() {
        // no ISI: the ones' lower level at BER t is c0/2 − σ1·Q⁻¹(t), the zeros' upper level −c0/2 + σ0·Q⁻¹(t)
        double c0 = 2.0;
        double s1 = 0.1;
        double s0 = 0.07;
        double qInv = 7.0344838253011319298; // Q⁻¹(1e-12), mpmath (see GaussiansTest)
        StatisticalEye e = new StatisticalEye(new double[] {c0}, 0, new double[0], 0, s1 * s1, s0 * s0, 512);
        double expected = c0 - (s1 + s0) * qInv;
        // 60 bisection steps on a ~6-unit bracket resolve 5e-18; qFast's 3e-11 relative error in the tail moves
        // a level by σ·3e-11/z ≈ 4e-13; 1e-9 absolute on a height of 0.8 is comfortable
        assertThat(e.eyeHeight(1e-12)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void eyeHeightShrinksAsNoiseGrows() {
        double[] c = {0.05, -0.08, 1.0, 0.2, 0.07, -0.03};
        double[] x = {0.02, 0.01};
        double previous = Double.POSITIVE_INFINITY;
        double previousBer = 0;
        for (double sigma = 0.01; sigma <= 0.08; sigma *= 1.25) { // from BER ~1e-160 (not 0) to a closed eye
            StatisticalEye e = new StatisticalEye(c, 2, x, 0, sigma * sigma, 0.7 * sigma * sigma, 4096);
            double h = e.eyeHeight(1e-12);
            if (previous > 0) {
                assertThat(h).as("σ = %s", sigma).isLessThan(previous);
            } else {
                assertThat(h).as("σ = %s: once closed, stays closed", sigma).isCloseTo(0, within(1e-12));
            }
            assertThat(e.ber()).as("σ = %s", sigma).isGreaterThan(previousBer);
            previous = h;
            previousBer = e.ber();
        }
        // closed at 1e-12 by the end: the inner opening 1 − 0.43 − 0.03 = 0.54 is below (1 + √0.7)·Q⁻¹·σ ≈ 12·σ
        // once σ ≳ 0.045 (Q⁻¹ ≈ 6.4 for the worst pattern, whose probability is 2⁻⁷); measured: closed at σ = 0.06
        assertThat(previous).isCloseTo(0, within(1e-12));
    }

    @Test
    void eyeHeightAtALaxTargetExceedsAStrictTarget() {
        double[] c = {0.1, 1.0, 0.15, -0.05};
        StatisticalEye e = new StatisticalEye(c, 1, new double[] {0.03}, 0, 0.02 * 0.02, 0.015 * 0.015, 4096);
        double lax = e.eyeHeight(1e-3);
        double mid = e.eyeHeight(1e-6);
        double strict = e.eyeHeight(1e-12);
        assertThat(strict).isPositive();
        assertThat(mid).isGreaterThan(strict);
        assertThat(lax).isGreaterThan(mid);
        // and none exceeds the noiseless inner eye: main − Σ|ISI| − Σ|x| = 1 − 0.3 − 0.03
        assertThat(lax).isLessThan(0.67);
    }

    @Test
    void tailsAndDensityAreConsistent() {
        double[] c = {0.1, 1.0, 0.15};
        StatisticalEye e = new StatisticalEye(c, 1, new double[0], 0, 0.05 * 0.05, 0.04 * 0.04, 4096);
        // ber() is the average of the two tails at the threshold
        double fromTails = 0.5 * (e.tailOne(0) + e.tailZero(0));
        assertThat(Math.abs(e.ber() - fromTails) / e.ber()).isLessThan(1e-12); // same sums, different order
        // the density integrates to 1 (trapezoid over ±1.5 with 6000 steps: error ~h²·max|f''| ≪ 1e-6)
        for (boolean one : new boolean[] {true, false}) {
            double h = 3.0 / 6000;
            double sum = 0;
            for (int i = 0; i <= 6000; i++) {
                double w = (i == 0 || i == 6000) ? 0.5 : 1;
                sum += w * e.density(one, -1.5 + i * h);
            }
            assertThat(sum * h).as(one ? "ones" : "zeros").isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void bruteForceItselfMatchesTheClosedFormWithoutIsi() {
        // sanity check of the reference: no other cursor and no interferer leaves one pattern
        Case k = new Case(-1, new double[] {1.0}, 0, new double[0], 0, 0.01, 0.0064);
        double expected = 0.5 * (Gaussians.q(5) + Gaussians.q(6.25));
        assertThat(bruteForceBer(k)).isCloseTo(expected, within(expected * 1e-15));
    }
}
