package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fused-silica Sellmeier (Malitson 1965) against an independent computation and against textbook figures.
 *
 * <p>Reference values: mpmath at 30-40 digits, the same three-term Sellmeier formula with the same
 * coefficients, and {@code mpmath.diff(n, λ, 2)} (numerical second derivative in extended precision) for
 * D = −(λ/c)·d²n/dλ²; group index N = n − λ·dn/dλ likewise with {@code mpmath.diff(n, λ, 1)}.
 */
class SellmeierTest {

    /** λ (nm), D (ps/(nm·km)) from mpmath. */
    @ParameterizedTest(name = "D({0} nm) = {1} ps/(nm·km)")
    @CsvSource({
            "450,  -767.853151569",
            "850,  -84.0236918212",
            "1310, 3.58181752829",
            "1550, 21.9118002195",
    })
    void dispersionMatchesExtendedPrecisionReference(double nm, double expectedPsPerNmKm) {
        double d = Sellmeier.dispersionPsPerNmKm(nm * 1e-9);
        // The code uses exact analytic derivatives in double: agreement to ~1e-12 is expected; 1e-9 relative
        // (or 1e-9 ps/(nm·km) absolute near the zero at 1.31 µm, where D is small) leaves room for rounding
        // and still catches any wrong coefficient or sign, which would show up at the 1e-3 level or worse.
        assertThat(d).isCloseTo(expectedPsPerNmKm, offset(1e-9 * Math.max(1, Math.abs(expectedPsPerNmKm))));
    }

    @Test
    void dispersionSiAndCustomaryUnitsAgree() {
        // 1 ps/(nm·km) = 1e-12 s / (1e-9 m · 1e3 m) = 1e-6 s/m²; the conversion is a single multiplication,
        // so only rounding (~1e-16 relative) separates the two.
        double si = Sellmeier.dispersion(850e-9);
        assertThat(Sellmeier.dispersionPsPerNmKm(850e-9)).isCloseTo(si * 1e6, offset(1e-12));
        assertThat(si).isCloseTo(-84.0236918212e-6, offset(1e-13));
    }

    @Test
    void phaseAndGroupIndexAt450nm() {
        // mpmath reference n = 1.46556566543522, N = 1.49966284535085; 1e-12 absolute is ~5000 ulp of 1.47,
        // far above double rounding and far below any coefficient error (a 1e-7 change in B1 moves n by ~1e-7).
        assertThat(Sellmeier.index(450e-9)).isCloseTo(1.46556566543522, within(1e-12));
        assertThat(Sellmeier.groupIndex(450e-9)).isCloseTo(1.49966284535085, within(1e-12));
        // the figures quoted in the brief, to their 10 significant digits
        assertThat(Sellmeier.index(450e-9)).isCloseTo(1.465565665, within(5e-10));
        assertThat(Sellmeier.groupIndex(450e-9)).isCloseTo(1.499662845, within(5e-10));
    }

    @Test
    void groupIndexExceedsPhaseIndexInTheNormalDispersionRegion() {
        // dn/dλ < 0 across the transparent range below the IR absorption, so N = n − λ dn/dλ > n
        for (double nm = 300; nm <= 1600; nm += 50) {
            assertThat(Sellmeier.groupIndex(nm * 1e-9)).as("%s nm", nm).isGreaterThan(Sellmeier.index(nm * 1e-9));
        }
    }

    @Test
    void textbookMaterialDispersionAt850nm() {
        // Textbook value (e.g. Agrawal, "Fiber-Optic Communication Systems"; Keiser, "Optical Fiber
        // Communications"): pure-silica material dispersion ≈ −84 to −85 ps/(nm·km) at 850 nm.
        assertThat(Sellmeier.dispersionPsPerNmKm(850e-9)).isBetween(-85.0, -83.5);
    }

    @Test
    void zeroDispersionWavelengthIsNear1270nm() {
        // Bisection on the sign of D; D is monotonically increasing on [1.1, 1.5] µm.
        double lo = 1.1e-6;
        double hi = 1.5e-6;
        assertThat(Sellmeier.dispersionPsPerNmKm(lo)).isNegative();
        assertThat(Sellmeier.dispersionPsPerNmKm(hi)).isPositive();
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (Sellmeier.dispersionPsPerNmKm(mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double zero = 0.5 * (lo + hi);
        // textbook: the material-dispersion zero of pure silica lies at ≈ 1.27 µm
        assertThat(zero).isBetween(1.26e-6, 1.28e-6);
        // mpmath root of d²n/dλ² = 0 for the same formula: 1.27275393277 µm; bisection to 60 halvings
        // of 0.4 µm is exact to double rounding, so 1e-12 m (1 pm) is generous
        assertThat(zero).isCloseTo(1.27275393277e-6, within(1e-12));
    }

    @Test
    void dispersionIsNegativeBelowAndPositiveAboveTheZero() {
        assertThat(Sellmeier.dispersionPsPerNmKm(Sellmeier.MIN_WAVELENGTH)).isNegative();
        assertThat(Sellmeier.dispersionPsPerNmKm(1.0e-6)).isNegative();
        assertThat(Sellmeier.dispersionPsPerNmKm(1.6e-6)).isPositive();
    }
}
