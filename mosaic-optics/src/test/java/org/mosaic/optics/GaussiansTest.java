package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gaussian tails against extended-precision references. All reference values below were generated with
 * python3 + mpmath 1.x at {@code mpmath.mp.dps = 40} and printed with {@code mpmath.nstr(v, 20)}:
 * <ul>
 * <li>Q(x): {@code 0.5*mpmath.erfc(x/mpmath.sqrt(2))}</li>
 * <li>erfc(z): {@code mpmath.erfc(z)}</li>
 * <li>ln Φ(x): {@code mpmath.log(mpmath.ncdf(x))}</li>
 * <li>e^a·Φ(b): {@code mpmath.exp(a)*mpmath.ncdf(b)}</li>
 * <li>Q⁻¹(p): {@code mpmath.findroot(lambda x: mpmath.log(Q(x)) - mpmath.log(p), 5)}</li>
 * </ul>
 */
class GaussiansTest {

    private static final double EPS = Math.ulp(1.0);

    private static double rel(double actual, double expected) {
        return Math.abs(actual - expected) / Math.abs(expected);
    }

    @ParameterizedTest(name = "Q({0}) = {1}")
    @CsvSource({
            "0,      0.5",
            "0.5,    0.30853753872598689636",
            "1,      0.15865525393145705141",
            "2,      0.0227501319481792072",
            "3,      0.0013498980316300945267",
            "3.49,   0.0002415102735678362469",
            "5,      2.8665157187919391167e-7",
            "5.6120, 1.0000071917836124013e-8",
            "7.034,  1.0034756170348593906e-12",
            "8,      6.2209605742717841235e-16",
            "10,     7.619853024160526066e-24",
            "15,     3.6709661993127508858e-51",
            "20,     2.7536241186062336951e-89",
            "30,     4.9067139271481870595e-198",
            "37,     5.7255712225245768227e-300",
            "-1,     0.84134474606854294859",
            "-5,     0.99999971334842812081",
    })
    void qMatchesMpmath(double x, double expected) {
        // Q has condition number |d ln Q / d ln x| ≈ x² in the tail, so one rounding of x²/2 inside erfc costs
        // ≈ (x²/2)·ε relative; measured errors are ≤ 1.06·x²·ε over x ∈ [0, 37.5] at step 1/8 (1.2e-13 at x = 30,
        // 3.3e-13 at x = 37.4). Allow max(1e-13, 1.5·x²·ε): exactly 1e-13 up to x ≈ 20 (Q ≈ 1e-89).
        double tol = Math.max(1e-13, 1.5 * x * x * EPS);
        assertThat(rel(Gaussians.q(x), expected)).as("relative error of Q(%s)", x).isLessThanOrEqualTo(tol);
    }


    @Test
    void qIsOneHalfAtZeroAndSymmetric() {
        // Q(0) = ½ exactly in any correct erfc; Q(x) + Q(−x) = 1 to rounding (a few ulp of 1)
        assertThat(Gaussians.q(0)).isCloseTo(0.5, within(1e-16));
        for (double x = 0; x <= 8; x += 0.125) {
            assertThat(Gaussians.q(x) + Gaussians.q(-x)).isCloseTo(1.0, within(4 * EPS));
        }
    }

    @ParameterizedTest(name = "erfc({0}) = {1}")
    @CsvSource({
            "0.1, 0.8875370839817151078",
            "1,   0.15729920705028513066",
            "3,   0.000022090496998585441373",
            "5,   1.5374597944280348502e-12",
            "5.9, 7.1904097835505082899e-17",
            "8,   1.122429717298292708e-29",
            "10,  2.088487583762544757e-45",
            "15,  7.2129941724512066666e-100",
            "20,  5.3958656116079009289e-176",
            "26,  5.6631924088561428465e-296",
    })
    void hipparchusErfcUsedByQ(double z, double expected) {
        // erfc(z) has condition number ≈ 2z²; measured error ≤ 7.2e-14 at z = 26 (measured ≤ 0.6·z²·ε).
        double tol = Math.max(1e-14, 2 * z * z * EPS);
        assertThat(rel(Erf.erfc(z), expected)).as("Erf.erfc(%s)", z).isLessThanOrEqualTo(tol);
        // through q: erfc(z) = 2·Q(z√2); z√2 is rounded once, and Q's condition number (z√2)² = 2z² turns that
        // into ≈ 2z²·ε more (measured 1.6e-13 at z = 26): allow 4z²·ε on top
        assertThat(rel(2 * Gaussians.q(z * Math.sqrt(2)), expected)).as("2·q(%s·√2)", z)
                .isLessThanOrEqualTo(tol + 4 * z * z * EPS);
    }

    @Test
    void qFastAgreesWithQOnADenseGrid() {
        // qFast interpolates ln Q with cubic Hermite on a 1/64 grid: the interpolation error is
        // h⁴/384·max|(ln Q)''''| ≈ (1/64)⁴/384·O(1) ≈ 1.6e-10 in ln Q, i.e. relative error in Q; measured worst
        // 2.9e-11 (at x ≈ −2.07, where (ln Q)'''' is largest). The documented bound is 1e-9.
        double worst = 0;
        double worstX = Double.NaN;
        for (int i = 0; i <= 48 * 997; i++) {
            double x = -10 + i / 997.0; // 997 points per unit: not commensurate with the 1/64 table
            double exact = Gaussians.q(x);
            double e = rel(Gaussians.qFast(x), exact);
            if (e > worst) {
                worst = e;
                worstX = x;
            }
        }
        assertThat(worst).as("worst relative error at x = %s", worstX).isLessThan(1e-9);
    }

    @Test
    void qFastAtTableNodesAndEdges() {
        // at a node the Hermite interpolant returns exp(ln Q) exactly: only exp/log rounding (a few ulp)
        for (double x : new double[] {-8, -7.984375, 0, 1.5, 37.484375}) {
            assertThat(rel(Gaussians.qFast(x), Gaussians.q(x))).as("node %s", x).isLessThan(1e-13);
        }
        // beyond the table: q itself up to 38.5, then 0 (Q(38.5) ≈ 1e-324 is at the end of the subnormals)
        assertThat(Gaussians.qFast(38)).isEqualTo(Gaussians.q(38));
        assertThat(Gaussians.qFast(39)).isZero();
        assertThat(Gaussians.qFast(-40)).isCloseTo(1.0, within(EPS));
    }

    @ParameterizedTest(name = "qFromBer({0}) = {1}")
    @CsvSource({
            "0.1,    1.281551565544600467",
            "2.4e-4, 3.4916760634039632036",
            "1e-6,   4.7534243088228989482",
    })
    void qFromBerMatchesMpmathInverse(double ber, double expectedQ) {
        // 1e-9 absolute in Q is a 5e-9 relative change in BER at Q = 4.75; measured ≤ 2e-11 down to 1e-6 (the
        // error grows as ε/(2·ber·Q) below that: see the disabled test)
        assertThat(Gaussians.qFromBer(ber)).isCloseTo(expectedQ, within(1e-9));
    }

    @Test
    void qFromBerInvertsQ() {
        // round trip for BER ≥ 1e-6 (x ≤ 4.75): the cancellation in erfInv(1 − 2·ber) costs ≈ ε/(2·ber·x)
        // ≤ 1.2e-11 there; 1e-9 leaves a factor of ~100
        for (double x = 0; x <= 4.75; x += 1.0 / 64) {
            assertThat(Gaussians.qFromBer(Gaussians.q(x))).as("x = %s", x).isCloseTo(x, within(1e-9));
        }
        assertThat(Gaussians.qFromBer(0.5)).isZero();
        assertThat(Gaussians.qFromBer(0.7)).isZero();
        assertThat(Gaussians.qFromBer(0)).isInfinite();
    }

    @ParameterizedTest(name = "qFromBer({0}) = {1}")
    @CsvSource({
            "1e-9,   5.9978070150076868716",
            "1e-12,  7.0344838253011319298",
            "1e-15,  7.941345326170996781",
            "1e-18,  8.7572903487823150639",
            "1e-100, 21.273453560965324295",
            "1e-300, 37.047096299361199237",
    })
    void qFromBerStaysAccurateInTheFarTail(double ber, double expectedQ) {
        // same 1e-9 absolute as above: Q⁻¹ is well conditioned in the tail (dQ⁻¹/d ln p ≈ −1/x)
        assertThat(Gaussians.qFromBer(ber)).isCloseTo(expectedQ, within(1e-9));
        for (double x = 4.75; x <= 37; x += 0.25) {
            assertThat(Gaussians.qFromBer(Gaussians.q(x))).as("round trip at x = %s", x).isCloseTo(x, within(1e-9));
        }
    }

    @ParameterizedTest(name = "ln Φ({0}) = {1}")
    @CsvSource({
            "-5,    -15.064998393988725736",
            "-20,   -203.91715537109726394",
            "-36,   -652.50322759379839685",
            "-37,   -689.0305855768905936",
            "-38,   -726.5572160188201301",
            "-40,   -804.60844201375378817",
            "-50,   -1254.8313611394199013",
            "-100,  -5005.5242086942050886",
            "-1000, -500007.82669481218431",
    })
    void logPhiFarInTheTail(double x, double expected) {
        double v = Gaussians.logPhi(x);
        assertThat(v).isFinite();
        // below −37 the asymptotic series is cut after the 1/x⁶ term: the next term 105/x⁸ ≤ 3.1e-11 is an
        // absolute error in ln Φ; above −37 ln(Φ) inherits Q's ≤ 1.5·x²·ε relative error (≤ 4.6e-13) as an
        // absolute error. 1e-10 absolute covers both (relative ≤ 1e-10/15).
        assertThat(v).isCloseTo(expected, within(1e-10));
    }

    @Test
    void logPhiIsContinuousAcrossTheSeriesSwitch() {
        // the two branches meet at −37; the jump there is the series truncation (≤ 3.1e-11) plus Q's error
        double below = Gaussians.logPhi(Math.nextDown(-37.0));
        double above = Gaussians.logPhi(Math.nextUp(-37.0));
        assertThat(below).isCloseTo(above, within(1e-10));
    }

    @ParameterizedTest(name = "exp({0})·Φ({1}) = {2}")
    @CsvSource({
            "0,    0,     0.5",
            "-3,   1,     0.041888088393457676136",
            "10,   -35,   2.4777807198326314585e-264",
            "2.5,  -29.9, 1.1986317228890070434e-195",
            "2.5,  -30.1, 2.9514128751905791566e-198",
            "650,  -36.5, 1.0846592003936735635e-9",
            "800,  -40,   0.0099673351883013099835",
            "720,  -10,   3.7495017864460250078e+289",
            "-700, 5,     9.8596737174679913675e-305",
            "5000, -100,  0.0039890239813568099764",
    })
    void expTimesPhiWhereTheFactorsOverflowOrUnderflow(double a, double b, double expected) {
        double v = Gaussians.expTimesPhi(a, b);
        assertThat(v).isFinite();
        // exp(a + ln Φ(b)): the absolute error of ln Φ (≤ 3.1e-11 from the series, see above) becomes a relative
        // error; rounding a + ln Φ costs ulp(a) ≈ 1e-12 at a = 5000. Measured worst 1.6e-11 (a = 800, b = −40).
        assertThat(rel(v, expected)).as("relative error").isLessThan(1e-10);
    }

    @Test
    void expTimesPhiFactorsWouldOverflow() {
        // the reason the helper exists: the naive product is ∞·0 = NaN, or 0 for a finite answer
        assertThat(Math.exp(800) * Gaussians.phi(-40)).isNaN();
        assertThat(Gaussians.expTimesPhi(800, -40)).isPositive().isFinite();
    }

    /**
     * The Horner form of the ln Q table (s15b: the pulse's EMG step and the eye's BER sums use it) is the same cubic as
     * qFast's basis form: Q agrees to 1e-15·(1 + |ln Q(x)|) relative (a few ulp of the exponent) on a dense grid over the
     * whole table, both tails included, and lnQPoly agrees with lnQFast to 4e-15·(1 + |ln Q|) absolute.
     */
    @Test
    void hornerTableIsTheSameCubicAsQFast() {
        for (double x = -8.5; x < 38.6; x += 0.000731) {
            double a = Gaussians.qFast(x);
            double b = Gaussians.qPoly(x);
            double lnq = a > 0 ? Math.abs(Math.log(a)) : 0;
            assertThat(b).as("x = %s", x).isCloseTo(a, within(1e-15 * (1 + lnq) * a + 1e-300));
            if (Gaussians.inLnQTable(x)) {
                assertThat(Gaussians.lnQPoly(x)).as("x = %s", x)
                        .isCloseTo(Gaussians.lnQFast(x), within(4e-15 * (1 + Math.abs(Gaussians.lnQFast(x)))));
            }
        }
    }
}
