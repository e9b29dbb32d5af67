package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The step-index LP mode solver against closed forms: cut-offs at the zeros of Bessel functions, Gloge's
 * approximations of U(V), the V²/2 mode count, the ray limit of the delay spread, and a published worked example.
 */
class FibreModesTest {
    static final double LAMBDA = 450e-9;

    /** A core of NA 0.35 at 450 nm sized to the given V. */
    static FibreModes atV(double v) {
        return FibreModes.of(v * LAMBDA / (Math.PI * 0.35), 0.35, LAMBDA);
    }

    /**
     * LP_lm cut-offs are zeros of J_{l−1} (j_{1,m−1} for l = 0), [abramowitz-stegun-1964] Table 9.5 (to 6 digits):
     * just below the cut-off the mode is absent, just above it is guided.
     */
    @ParameterizedTest(name = "LP{0}{1} cut off at V = {2}")
    @CsvSource({"1,1,2.404826", "2,1,3.831706", "0,2,3.831706", "3,1,5.135622", "1,2,5.520078", "4,1,6.380162",
            "2,2,7.015587", "0,3,7.015587"})
    void cutoffsAreBesselZeros(int l, int m, double vc) {
        assertThat(has(atV(vc * (1 - 1e-4)), l, m)).isFalse();
        FibreModes above = atV(vc * (1 + 1e-3));
        assertThat(has(above, l, m)).isTrue();
        FibreModes.Mode mode = above.modes().stream().filter(x -> x.l() == l && x.m() == m).findFirst().orElseThrow();
        assertThat(mode.cutoffV()).isCloseTo(vc, within(2e-6));
        assertThat(mode.degeneracy()).isEqualTo(l == 0 ? 2 : 4);
    }

    private static boolean has(FibreModes f, int l, int m) {
        return f.modes().stream().anyMatch(x -> x.l() == l && x.m() == m);
    }

    @Test
    void singleModeBelowTheFirstCutoffAndThirtyModesAtV73() {
        assertThat(atV(2.3).modeCount()).isEqualTo(2);
        // V = 7.3 (a 3 um, NA 0.35 core at 450 nm is V = 7.33): LP01, 11, 21, 02, 31, 12, 41, 22, 03 (LP51 at 7.588)
        FibreModes f = atV(7.3);
        assertThat(f.modes()).extracting(x -> "LP" + x.l() + x.m())
                .containsExactly("LP01", "LP11", "LP21", "LP02", "LP31", "LP12", "LP41", "LP22", "LP03");
        assertThat(f.modeCount()).isEqualTo(2 + 4 + 4 + 2 + 4 + 4 + 4 + 4 + 2);
        assertThat(FibreModes.vNumber(3e-6, 0.35, LAMBDA)).isCloseTo(7.330, within(1e-3));
    }

    /**
     * [senior-2009] ch. 2, the worked example on V and the mode count: 80 um core, Δ = 1.5 %, n₁ = 1.48, 0.85 um:
     * V = 75.8 and M ≈ V²/2 = 2873 modes. The exact count differs from the asymptote by terms of order V
     * (relative ~1/V ≈ 1.3 %), so it must agree within 2 %.
     */
    @Test
    void seniorWorkedExample() {
        double na = 1.48 * Math.sqrt(2 * 0.015);
        double v = FibreModes.vNumber(80e-6, na, 0.85e-6);
        assertThat(v).isCloseTo(75.8, within(0.05));
        assertThat(FibreModes.glogeModeCount(v)).isCloseTo(2873, within(5.0));
        FibreModes f = FibreModes.of(80e-6, na, 0.85e-6);
        assertThat((double) f.modeCount()).isCloseTo(2873, within(0.02 * 2873));
    }

    /** Gloge's LP01 formula (1 + √2)V/(1 + (4 + V⁴)^¼): within 2 % of the exact U over 1.5 ≤ V ≤ 10 (its largest error, 1.5 %, at V = 1.5). */
    @ParameterizedTest
    @CsvSource({"1.5", "2.0", "2.4", "4.0", "7.3", "10.0"})
    void glogeLp01(double v) {
        FibreModes.Mode lp01 = atV(v).modes().get(0);
        assertThat(lp01.l()).isZero();
        assertThat(lp01.u()).isCloseTo(FibreModes.glogeLp01U(v), within(0.02 * lp01.u()));
    }

    /**
     * Gloge's higher-order formula U_c·exp{[asin(s/U_c) − asin(s/V)]/s}: exact at cut-off by construction and
     * asymptotic; over the modes of V = 4 … 10 it stays within 2.5 % of the exact U (its largest error, ~1.7 %,
     * is LP02 at V = 7.3).
     */
    @Test
    void glogeHigherOrderModes() {
        for (double v : new double[] {4, 7.3, 10}) {
            for (FibreModes.Mode m : atV(v).modes()) {
                if (m.l() == 0 && m.m() == 1) {
                    continue;
                }
                assertThat(m.u()).as("LP%d%d at V=%s", m.l(), m.m(), v)
                        .isCloseTo(FibreModes.glogeU(m.l(), m.cutoffV(), v), within(0.025 * m.u()));
            }
        }
    }

    /**
     * The exact U solves the eigenvalue equation, and the modified Bessel functions behind it match tabulated
     * values ([abramowitz-stegun-1964] Table 9.8: K0(1) = 0.4210244382, K1(1) = 0.6019072302, K0(2.5) = 0.0623475532,
     * K1(2.5) = 0.0738908163) within the polynomial approximations' stated 2e-7.
     */
    @Test
    void eigenvalueEquationAndBesselK() {
        assertThat(FibreModes.k0(1)).isCloseTo(0.4210244382, within(2e-7 * 0.43));
        assertThat(FibreModes.k1(1)).isCloseTo(0.6019072302, within(2e-7 * 0.61));
        assertThat(FibreModes.k0(2.5)).isCloseTo(0.0623475532, within(2e-7 * 0.063));
        assertThat(FibreModes.k1(2.5)).isCloseTo(0.0738908163, within(2e-7 * 0.074));
        for (FibreModes.Mode m : atV(7.3).modes()) {
            assertThat(FibreModes.eigen(m.l(), m.u(), 7.3)).isCloseTo(0, within(1e-8));
        }
    }

    /**
     * Large V, every mode filled: the modal delays spread like the rays, uniformly over N₁Δ/c, so the rms is
     * N₁Δ/(c√12) (the ray limit). Modes near cut-off deviate from the ray picture; at V = 76 the rms must be
     * within 10 % of the ray limit.
     */
    @Test
    void fullyFilledLargeVApproachesTheRayLimit() {
        FibreModes f = FibreModes.of(80e-6, 1.48 * Math.sqrt(0.03), 0.85e-6);
        double rms = f.response(1, 1, 0, Double.POSITIVE_INFINITY).sigmaSeconds();
        assertThat(rms).isCloseTo(f.rayLimitSpreadSecondsPerMeter() / Math.sqrt(12),
                within(0.10 * f.rayLimitSpreadSecondsPerMeter() / Math.sqrt(12)));
        // group delays: the fundamental travels near the axial ray (d(Vb)/dV ≈ 1), the steepest near 2 (1 + the ray-limit spread)
        assertThat(f.modes().get(0).delayFactor()).isCloseTo(1, within(0.05));
        double max = f.modes().stream().mapToDouble(FibreModes.Mode::delayFactor).max().orElseThrow();
        assertThat(max).isBetween(1.8, 2.0);
    }

    @Test
    void launchWeightsFillThePhaseSpaceDisc() {
        FibreModes f = atV(20);
        for (double na : new double[] {0.05, 0.1, 0.2, 0.3, 0.35, 0.5}) {
            double sum = 0;
            for (double w : f.launchWeights(na)) {
                sum += w;
            }
            assertThat(sum).isCloseTo(Math.min(1, Math.pow(na / 0.35, 2)), within(1e-12));
        }
        // full launch: every degenerate mode the same power
        double[] w = f.launchWeights(0.35);
        List<FibreModes.Mode> modes = f.modes();
        for (int i = 0; i < w.length; i++) {
            assertThat(w[i] / modes.get(i).degeneracy()).isCloseTo(1.0 / f.modeCount(), within(1e-12));
        }
        // a restricted launch lights fewer modes and spreads less
        double prev = 0;
        for (double na : new double[] {0.1, 0.2, 0.3, 0.35}) {
            double s = f.response(na, 1, 0, Double.POSITIVE_INFINITY).sigmaSeconds();
            assertThat(s).isGreaterThan(prev);
            prev = s;
        }
    }

    @Test
    void modeCouplingTurnsLinearGrowthIntoSquareRoot() {
        FibreModes f = atV(7.3);
        double lc = 5;
        double un = f.response(0.35, 500, 0, Double.POSITIVE_INFINITY).sigmaSeconds();
        double co = f.response(0.35, 500, 0, lc).sigmaSeconds();
        assertThat(co / un).isCloseTo(1 / Math.sqrt(1 + 500 / lc), within(1e-12));
        // L ≫ L_c: σ ∝ √L
        double s1 = f.response(0.35, 1000, 0, 1).sigmaSeconds();
        double s4 = f.response(0.35, 4000, 0, 1).sigmaSeconds();
        assertThat(s4 / s1).isCloseTo(2, within(0.01));
    }

    @Test
    void differentialModeAttenuationStripsTheHighOrderModes() {
        FibreModes f = atV(7.3);
        FibreModes.ModalResponse plain = f.response(0.35, 50, 0, Double.POSITIVE_INFINITY);
        FibreModes.ModalResponse stripped = f.response(0.35, 50, 0.2, Double.POSITIVE_INFINITY);
        assertThat(stripped.sigmaSeconds()).isLessThan(plain.sigmaSeconds());
        assertThat(stripped.dmaTransmission()).isLessThan(1).isGreaterThan(Math.pow(10, -0.2 * 50 / 10));
        assertThat(plain.dmaTransmission()).isEqualTo(1);
    }
}
