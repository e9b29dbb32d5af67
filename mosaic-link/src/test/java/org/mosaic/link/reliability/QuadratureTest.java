package org.mosaic.link.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuadratureTest {
    /**
     * The 15-point Kronrod rule is exact for polynomials of degree ≤ 22 and its embedded 7-point Gauss rule for
     * degree ≤ 13: this pins every node and weight constant (a wrong digit breaks some degree).
     */
    @Test
    void kronrodAndGaussRulesAreExactToTheirDegree() {
        double[] out = new double[2];
        for (int deg = 0; deg <= 22; deg++) {
            int d = deg;
            Quadrature.kronrod(x -> Math.pow(x, d), -1, 1, out);
            double exact = d % 2 == 1 ? 0 : 2.0 / (d + 1);
            assertThat(out[0]).as("K15, degree %d", d).isCloseTo(exact, within(1e-15));
            if (d <= 13) {
                // K15 and G7 agree to rounding, so the error estimate sits at its floor 50 ε ∫|f|
                assertThat(out[1]).as("G7, degree %d", d).isLessThanOrEqualTo(100 * Math.ulp(1.0));
            }
        }
        // degree 14 is beyond G7: the estimate must see it (∫x^14 = 2/15)
        Quadrature.kronrod(x -> Math.pow(x, 14), -1, 1, out);
        assertThat(out[1]).isGreaterThan(1e-6);
        // shifted interval: ∫_2^5 x^3 dx = (625 − 16)/4
        Quadrature.kronrod(x -> x * x * x, 2, 5, out);
        assertThat(out[0]).isCloseTo(609.0 / 4, within(1e-12));
    }

    @Test
    void adaptiveIntegrationConverges() {
        // ∫_0^30 e^{−x} sin²(5x) dx = (1 − e^{−30}) · [1/2 − 1/(2(1 + 100))] (closed form)
        double exact = -Math.expm1(-30) * (0.5 - 0.5 / 101);
        double v = Quadrature.integrate(x -> Math.exp(-x) * Math.pow(Math.sin(5 * x), 2), 0, 30, 2, 1e-12);
        assertThat(v).isCloseTo(exact, within(exact * 1e-11));
        // a sharp step at x = 1 (width 1e-3) inside a wide range: ∫_0^10 1/(1+e^{(x−1)/1e-3}) dx ≈ 1
        double step = Quadrature.integrate(x -> 1 / (1 + Math.exp((x - 1) / 1e-3)), 0, 10, 3, 1e-12);
        assertThat(step).isCloseTo(1.0, within(1e-10));
    }
}
