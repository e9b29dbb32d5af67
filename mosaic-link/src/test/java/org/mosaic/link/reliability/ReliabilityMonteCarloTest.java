package org.mosaic.link.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Monte Carlo against the analytic model, at accelerated hazards where failures happen within the service
 * life. Every comparison is a two-sided 4σ band (σ from the analytic value for proportions, from the sample for
 * means), so each fails by chance with probability ≈ 6.3e-5 for a correct model; with 14 such comparisons in
 * this class the false-failure rate of a random seed is below 1e-3 (union bound). The seeds are fixed, so the
 * test is deterministic.
 */
class ReliabilityMonteCarloTest {
    private static final double REF = Arrhenius.kelvin(70);
    private static final int TRIALS = 20_000;
    private static final double BAND = 4;

    private static Part p(String name, double fit, double kelvin) {
        return Part.of(Component.constant(name, fit, REF, 0.7), kelvin);
    }

    /** Constant hazards: R(T) ≈ 0.5, groups fail with probability ≈ 0.5, common parts ≈ 0.11. */
    private static CableReliabilitySpec constantCable() {
        return CableReliabilitySpec.of(16, 2, 4, 2,
                List.of(p("LED", 9750, REF), p("TIA", 6500, REF)),
                List.of(p("gearbox", 4000, REF), p("SerDes", 1000, REF)), List.of(p("fibre", 2000, REF)), 1e4);
    }

    /** Wear-out in channels and in a common part, parts at 85 °C (R(T) ≈ 0.58): exercises quadrature and root finding. */
    private static CableReliabilitySpec wearOutCable() {
        double hot = Arrhenius.kelvin(85);
        Component led = new Component("LED", 3000, REF, 0.5, new WearOut.Lognormal(6e4, 0.5));
        Component asic = new Component("gearbox", 2000, REF, 0.7, new WearOut.Weibull(2.5, 1.5e5));
        return CableReliabilitySpec.of(20, 0, 3, 2, List.of(Part.of(led, hot), p("TIA", 1000, hot)),
                List.of(Part.of(asic, hot)), List.of(p("fibre", 500, REF)), 1e4);
    }

    private static void assertProportion(MonteCarloResult.Proportion mc, double analytic) {
        double sigma = Math.sqrt(analytic * (1 - analytic) / mc.trials());
        assertThat(Math.abs(mc.estimate() - analytic)).as("MC %s vs analytic %s", mc.estimate(), analytic)
                .isLessThanOrEqualTo(BAND * sigma);
    }

    private static void assertMean(MonteCarloResult.Mean mc, double analytic) {
        assertThat(Math.abs(mc.estimate() - analytic)).as("MC %s ± %s vs analytic %s", mc.estimate(), mc.standardError(), analytic)
                .isLessThanOrEqualTo(BAND * mc.standardError());
    }

    /** The empirical CDF of the exhaustion time at each analytic quantile is the quantile's probability. */
    private static void assertExhaustionQuantiles(CableReliabilitySpec spec, ReliabilityResult analytic, long seed) {
        double[] sorted = ReliabilityMonteCarlo.tally(spec, TRIALS, seed, true).exhaustionHours();
        for (ReliabilityResult.Quantile q : analytic.exhaustion().quantiles()) {
            int below = Arrays.binarySearch(sorted, q.timeHours());
            double fraction = (below >= 0 ? below + 1 : -below - 1) / (double) sorted.length;
            double sigma = Math.sqrt(q.probability() * (1 - q.probability()) / sorted.length);
            assertThat(Math.abs(fraction - q.probability())).as("F̂(t_%s)", q.probability())
                    .isLessThanOrEqualTo(BAND * sigma);
        }
    }

    @Test
    void agreesWithTheAnalyticModelForConstantHazards() {
        CableReliabilitySpec spec = constantCable();
        ReliabilityResult analytic = CableReliability.evaluate(spec);
        assertThat(analytic.reliabilityAtServiceLife()).isBetween(0.3, 0.7);
        MonteCarloResult mc = ReliabilityMonteCarlo.run(spec, TRIALS, 11);
        assertProportion(mc.reliabilityAtServiceLife(), analytic.reliabilityAtServiceLife());
        assertProportion(mc.reliabilityWithoutSpares(), analytic.withoutSpares().reliabilityAtServiceLife());
        assertProportion(mc.exhaustedWithinServiceLife(), analytic.exhaustion().probabilityWithinServiceLife());
        assertMean(mc.mttfHours(), analytic.mttfHours());
        assertMean(mc.mttfWithoutSparesHours(), analytic.withoutSpares().mttfHours());
        assertExhaustionQuantiles(spec, analytic, 11);
        // the reported 95 % intervals bracket the estimates
        assertThat(mc.reliabilityAtServiceLife().lower95()).isLessThan(mc.reliabilityAtServiceLife().estimate());
        assertThat(mc.mttfHours().upper95()).isGreaterThan(mc.mttfHours().estimate());
        assertThat(mc.exhaustionQuantiles()).hasSize(3);
        for (MonteCarloResult.QuantileEstimate q : mc.exhaustionQuantiles()) {
            assertThat(q.lower95Hours()).isLessThanOrEqualTo(q.timeHours());
            assertThat(q.upper95Hours()).isGreaterThanOrEqualTo(q.timeHours());
        }
    }

    @Test
    void agreesWithTheAnalyticModelWithWearOut() {
        CableReliabilitySpec spec = wearOutCable();
        ReliabilityResult analytic = CableReliability.evaluate(spec);
        assertThat(analytic.withSpares().mttfMethod()).isEqualTo("quadrature");
        assertThat(analytic.reliabilityAtServiceLife()).isBetween(0.1, 0.9);
        MonteCarloResult mc = ReliabilityMonteCarlo.run(spec, TRIALS, 12);
        assertProportion(mc.reliabilityAtServiceLife(), analytic.reliabilityAtServiceLife());
        assertProportion(mc.reliabilityWithoutSpares(), analytic.withoutSpares().reliabilityAtServiceLife());
        assertProportion(mc.exhaustedWithinServiceLife(), analytic.exhaustion().probabilityWithinServiceLife());
        assertMean(mc.mttfHours(), analytic.mttfHours());
        assertMean(mc.mttfWithoutSparesHours(), analytic.withoutSpares().mttfHours());
        assertExhaustionQuantiles(spec, analytic, 12);
    }

    @Test
    void resultDependsOnTheSeedOnlyNotOnThreads() {
        CableReliabilitySpec spec = constantCable();
        MonteCarloResult parallel = ReliabilityMonteCarlo.run(spec, 5000, 3, true);
        MonteCarloResult serial = ReliabilityMonteCarlo.run(spec, 5000, 3, false);
        assertThat(parallel).isEqualTo(serial);
        assertThat(ReliabilityMonteCarlo.run(spec, 5000, 3, true)).isEqualTo(parallel);
        assertThat(ReliabilityMonteCarlo.run(spec, 5000, 4, true)).isNotEqualTo(parallel);
    }

    @Test
    void rejectsTooFewTrials() {
        assertThatThrownBy(() -> ReliabilityMonteCarlo.run(constantCable(), 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trials = 1");
    }
}
