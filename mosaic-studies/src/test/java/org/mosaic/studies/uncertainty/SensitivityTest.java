package org.mosaic.studies.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Sensitivity indices and tornadoes against closed forms. */
class SensitivityTest {
    private static double[] evaluate(Design design, ToDoubleFunction<double[]> f) {
        double[] y = new double[Math.toIntExact(design.size())];
        for (int i = 0; i < y.length; i++) {
            y[i] = f.applyAsDouble(design.point(i));
        }
        return y;
    }

    /**
     * The Ishigami function (Ishigami and Homma 1990; a = 7, b = 0.1, inputs uniform on [−π, π]) has closed-form indices
     * (Saltelli et al., "Global Sensitivity Analysis: The Primer", 2008, §4.8; Sobol' and Levitan 1999). With 8,192 Sobol
     * base rows (40,960 evaluations) the Saltelli/Jansen estimators are within 0.02 of them: the quasi-random error at this
     * size is ~0.005 (Saltelli et al. 2010, Fig. 2), and the design is deterministic, so the test cannot fail by chance.
     */
    @Test
    void ishigamiIndicesMatchTheirClosedForms() {
        double a = 7;
        double b = 0.1;
        double pi4 = Math.pow(Math.PI, 4);
        double v = a * a / 8 + b * pi4 / 5 + b * b * pi4 * pi4 / 18 + 0.5;
        double v1 = 0.5 * Math.pow(1 + b * pi4 / 5, 2);
        double v2 = a * a / 8;
        double v13 = 8 * b * b * pi4 * pi4 / 225;
        Distribution u = Distribution.uniform(-Math.PI, Math.PI);
        SaltelliDesign design = new SaltelliDesign(List.of("x1", "x2", "x3"), List.of(u, u, u), 8192);
        double[] y = evaluate(design, x -> Math.sin(x[0]) + a * Math.pow(Math.sin(x[1]), 2)
                + b * Math.pow(x[2], 4) * Math.sin(x[0]));
        SobolIndices s = SobolIndices.estimate("f", design, y, 1);
        SobolIndices.Index x1 = byName(s, "x1");
        SobolIndices.Index x2 = byName(s, "x2");
        SobolIndices.Index x3 = byName(s, "x3");
        assertThat(x1.first()).isCloseTo(v1 / v, within(0.02));      // 0.3139
        assertThat(x2.first()).isCloseTo(v2 / v, within(0.02));      // 0.4424
        assertThat(x3.first()).isCloseTo(0.0, within(0.02));
        assertThat(x1.total()).isCloseTo((v1 + v13) / v, within(0.02)); // 0.5576
        assertThat(x2.total()).isCloseTo(v2 / v, within(0.02));      // 0.4424
        assertThat(x3.total()).isCloseTo(v13 / v, within(0.02));     // 0.2437
        assertThat(s.inputs().get(0).input()).isEqualTo("x1");       // ranked by total index
        assertThat(x1.firstLow()).isLessThanOrEqualTo(x1.first());
        assertThat(x1.firstHigh()).isGreaterThanOrEqualTo(x1.first());
        assertThat(s.rows()).isEqualTo(8192);
        assertThat(s.dropped()).isZero();
    }

    /** A linear model's indices are its coefficients' variance shares: S_i = ST_i = c_i² Var(x_i) / Σ c_j² Var(x_j). */
    @Test
    void linearModelIndicesAreVarianceShares() {
        double[] c = {3, 1, -5};
        Distribution u = Distribution.uniform(0, 1);
        SaltelliDesign design = new SaltelliDesign(List.of("a", "b", "c"), List.of(u, u, u), 4096);
        double[] y = evaluate(design, x -> c[0] * x[0] + c[1] * x[1] + c[2] * x[2]);
        SobolIndices s = SobolIndices.estimate("y", design, y, 2);
        double sum = 9 + 1 + 25;
        assertThat(byName(s, "a").first()).isCloseTo(9 / sum, within(0.01));
        assertThat(byName(s, "c").total()).isCloseTo(25 / sum, within(0.01));
        assertThat(s.inputs()).extracting(SobolIndices.Index::input).containsExactly("c", "a", "b");
    }

    /** A refused point (NaN output) drops its base row and is counted, not folded in. */
    @Test
    void refusedPointsAreDroppedAndCounted() {
        Distribution u = Distribution.uniform(0, 1);
        SaltelliDesign design = new SaltelliDesign(List.of("a", "b"), List.of(u, u), 256);
        double[] y = evaluate(design, x -> x[0] > 0.95 ? Double.NaN : 2 * x[0] + x[1]);
        SobolIndices s = SobolIndices.estimate("y", design, y, 3);
        assertThat(s.dropped()).isPositive();
        assertThat(s.rows() + s.dropped()).isEqualTo(256);
    }

    /** The tornado of y = 3a + b − 5c over [0, 1] each ranks c, a, b with swings 5, 3, 1. */
    @Test
    void tornadoRanksALinearStudyByItsCoefficients() {
        Distribution u = Distribution.uniform(0, 1);
        OneAtATime design = new OneAtATime(List.of("a", "b", "c"), new double[]{0.5, 0.5, 0.5}, List.of(u, u, u));
        double[] y = evaluate(design, x -> 3 * x[0] + x[1] - 5 * x[2]);
        Tornado t = Tornado.of("y", design, y);
        assertThat(t.base()).isCloseTo(-0.5, within(1e-12));
        assertThat(t.bars()).extracting(Tornado.Bar::input).containsExactly("c", "a", "b");
        assertThat(t.bars().get(0).swing()).isCloseTo(5.0, within(1e-12));
        assertThat(t.bars().get(1).swing()).isCloseTo(3.0, within(1e-12));
        assertThat(t.bars().get(2).swing()).isCloseTo(1.0, within(1e-12));
        assertThat(t.bars().get(0).outputLow()).isCloseTo(2.0, within(1e-12));    // c at 0: 1.5 + 0.5 - 0
        assertThat(t.bars().get(0).outputHigh()).isCloseTo(-3.0, within(1e-12));  // c at 1: 1.5 + 0.5 - 5
    }

    private static SobolIndices.Index byName(SobolIndices s, String name) {
        return s.inputs().stream().filter(i -> i.input().equals(name)).findFirst().orElseThrow();
    }
}
