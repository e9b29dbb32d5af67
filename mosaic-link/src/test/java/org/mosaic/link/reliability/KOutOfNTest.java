package org.mosaic.link.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The k-out-of-n tails against exact BigDecimal sums ({@link ExactBinomial}) and small closed forms. */
class KOutOfNTest {
    /** Relative tolerance: the log-domain sum is good to ~1e-13; the brief asks for 1e-9. */
    private static final double REL = 1e-9;

    private static void assertRelative(double actual, BigDecimal exact) {
        double e = exact.doubleValue();
        assertThat(actual).isCloseTo(e, within(Math.abs(e) * REL));
    }

    @ParameterizedTest(name = "n={0} k={1} p={2}")
    @CsvSource({
        // MOSAIC 800G direction: 460 channels, 440 needed; 1 FIT over 5 years (p = 4.38e-5) and over 1 year
        "460, 440, 4.38e-5",
        "460, 440, 8.76e-6",
        "460, 440, 1e-5",
        // tails near the mean and beyond it (survival tail summed directly)
        "460, 440, 0.03",
        "460, 440, 0.2",
        "100, 95, 0.5",
        "1000, 900, 0.001",
        "1000, 950, 0.1",
        "20, 10, 0.999",
        "2, 1, 1e-8",
        "50, 50, 1e-12",
        "7, 1, 0.3"})
    void bothTailsMatchExactSums(int n, int k, double p) {
        KOutOfN g = KOutOfN.of(n, k);
        KOutOfN.Tails t = g.tails(p);
        BigDecimal fail = ExactBinomial.failure(n, k, p);
        BigDecimal rel = ExactBinomial.reliability(n, k, p);
        // the reference itself is consistent
        assertThat(fail.add(rel).subtract(BigDecimal.ONE).abs().doubleValue()).isLessThan(1e-50);
        if (fail.doubleValue() > 1e-300) {
            assertRelative(t.failure(), fail);
        }
        assertRelative(t.reliability(), rel);
        assertThat(t.logFailure()).isCloseTo(ExactBinomial.log(fail), within(Math.abs(ExactBinomial.log(fail)) * 1e-12 + 1e-13));
        assertThat(g.failureProbability(p) + g.reliability(p)).isCloseTo(1.0, within(1e-14));
    }

    @Test
    void tinyTailsAreExactInRelativeTerms() {
        // 1 FIT per channel over 5 years with 20 spares: P_fail ≈ C(460,21)·p^21 ≈ 1e-56
        KOutOfN g = KOutOfN.of(460, 440);
        double p = 4.38e-5;
        BigDecimal exact = ExactBinomial.failure(460, 440, p);
        assertThat(exact.doubleValue()).isBetween(1e-70, 1e-40);
        assertRelative(g.failureProbability(p), exact);
        // 1e-30-ish region: 5 spares
        KOutOfN g5 = KOutOfN.of(445, 440);
        BigDecimal e5 = ExactBinomial.failure(445, 440, 1e-6);
        assertThat(e5.doubleValue()).isBetween(1e-30, 1e-20);
        assertRelative(g5.failureProbability(1e-6), e5);
    }

    @Test
    void tailsBelowTheDoubleRangeKeepTheirLogarithm() {
        // 0.1 FIT over one year with 100 spares: P_fail ~ 1e-500, far below Double.MIN_VALUE
        KOutOfN g = KOutOfN.of(500, 400);
        double p = 8.76e-7;
        BigDecimal exact = ExactBinomial.failure(500, 400, p);
        double logExact = ExactBinomial.log(exact);
        assertThat(logExact).isLessThan(-1000);
        KOutOfN.Tails t = g.tails(p);
        assertThat(t.failure()).isZero();
        assertThat(t.logFailure()).isCloseTo(logExact, within(Math.abs(logExact) * 1e-12));
        assertThat(t.logReliability()).isCloseTo(0.0, within(1e-300));
    }

    @Test
    void cumulativeHazardInputMatchesProbabilityInput() {
        KOutOfN g = KOutOfN.of(460, 440);
        for (double h : new double[] {1e-9, 4.38e-5, 1e-2, 0.05, 0.3, 2}) {
            double p = -Math.expm1(-h);
            BigDecimal exact = ExactBinomial.failure(460, 440, p);
            KOutOfN.Tails t = g.tailsFromCumulativeHazard(h);
            if (exact.doubleValue() > 1e-300) {
                // p carries one rounding (1e-16 relative), amplified at most (s+1)-fold in the tail
                assertRelative(t.failure(), exact);
            }
            assertRelative(t.reliability(), ExactBinomial.reliability(460, 440, p));
        }
        assertThat(g.tailsFromCumulativeHazard(0).logFailure()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(g.tailsFromCumulativeHazard(Double.POSITIVE_INFINITY).logReliability()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(g.tailsFromCumulativeHazard(800).reliability()).isZero();
    }

    @Test
    void smallClosedForms() {
        double p = 1e-3;
        // 1-of-2 hot standby fails when both fail: p²
        assertThat(KOutOfN.of(2, 1).failureProbability(p)).isCloseTo(p * p, within(p * p * 1e-14));
        // 2-of-3: 3p² − 2p³
        double two = 3 * p * p - 2 * p * p * p;
        assertThat(KOutOfN.of(3, 2).failureProbability(p)).isCloseTo(two, within(two * 1e-14));
        // n-of-n (no spares): 1 − (1 − p)^n, computed stably
        double series = -Math.expm1(400 * Math.log1p(-1e-12));
        assertThat(KOutOfN.of(400, 400).failureProbability(1e-12)).isCloseTo(series, within(series * 1e-13));
        // p = 0 and p = 1
        assertThat(KOutOfN.of(10, 8).failureProbability(0)).isZero();
        assertThat(KOutOfN.of(10, 8).failureProbability(1)).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "n={0} k={1} failure={2}")
    @CsvSource({
        "460, 440, 0.01", "460, 440, 0.5", "460, 440, 1e-30", "460, 440, 0.999",
        "460, 460, 0.5", "2, 1, 0.25", "24, 20, 0.1", "1000, 900, 1e-6"})
    void inverseRecoversTheChannelProbability(int n, int k, double failure) {
        KOutOfN g = KOutOfN.of(n, k);
        double p = g.channelProbabilityAtFailure(failure);
        assertThat(g.failureProbability(p)).isCloseTo(failure, within(failure * 1e-12));
        BigDecimal exact = ExactBinomial.failure(n, k, p);
        assertThat(exact.doubleValue()).isCloseTo(failure, within(failure * REL));
    }

    @Test
    void inverseOfClosedForms() {
        // 1-of-2: p² = 0.25 → p = 0.5; n-of-n: 1 − (1−p)^n = u → p = 1 − (1−u)^(1/n)
        assertThat(KOutOfN.of(2, 1).channelProbabilityAtFailure(0.25)).isCloseTo(0.5, within(1e-15));
        double expected = -Math.expm1(Math.log1p(-0.5) / 460);
        assertThat(KOutOfN.of(460, 460).channelProbabilityAtFailure(0.5)).isCloseTo(expected, within(expected * 1e-13));
    }

    @Property(tries = 150, seed = "20250101")
    void randomGroupsMatchExactSums(@ForAll("groups") Tuple.Tuple3<Integer, Integer, Double> g) {
        int n = g.get1();
        int k = g.get2();
        double p = g.get3();
        KOutOfN.Tails t = KOutOfN.of(n, k).tails(p);
        BigDecimal fail = ExactBinomial.failure(n, k, p);
        BigDecimal rel = ExactBinomial.reliability(n, k, p);
        if (fail.doubleValue() > 1e-290) {
            assertRelative(t.failure(), fail);
        }
        if (rel.doubleValue() > 1e-290) {
            assertRelative(t.reliability(), rel);
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple3<Integer, Integer, Double>> groups() {
        return Arbitraries.integers().between(1, 300).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(1, n),
                Arbitraries.doubles().between(-12, 0)).as((k, logP) -> Tuple.of(n, k, Math.pow(10, logP))));
    }

    @Test
    void rejectsImpossibleGroups() {
        assertThatThrownBy(() -> KOutOfN.of(10, 11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k = 11").hasMessageContaining("n = 10").hasMessageContaining("hint");
        assertThatThrownBy(() -> KOutOfN.of(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KOutOfN.of(10, 8).tails(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> KOutOfN.of(10, 8).channelProbabilityAtFailure(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
