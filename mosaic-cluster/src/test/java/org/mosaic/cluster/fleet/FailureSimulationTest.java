package org.mosaic.cluster.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * The Monte Carlo of link failures against the closed form. Fixed seed 0; each statistical assertion states how
 * often it would fail by chance for a random seed.
 */
class FailureSimulationTest {
    private static final TechnologyMenu MENU = Fixtures.menu();
    /** 20,000 DR links (2,000 FIT each) + 100,000 MOSAIC links (400 FIT each): 8e7 FIT = 0.08 failures per hour. */
    private static final List<LinkGroup> FLEET = List.of(new LinkGroup("leaf-spine", "800G", 300, 20_000),
            new LinkGroup("gpu-leaf", "800G", 20, 100_000));
    private static final double MONTH_HOURS = 720;

    private static FleetAssignment fleet() {
        return FleetAssignment.of(FLEET, Policy.mosaic(), MENU);
    }

    @Test
    void theExpectedCountIsTheFailuresPerDayOverThePeriod() {
        FleetMetrics m = FleetMetrics.of(fleet(), 0, FleetEconomics.defaults());
        FailureSimulation s = FailureSimulation.run(fleet(), MONTH_HOURS, 2, 0);
        // 0.08 /h x 720 h = 57.6, and the same from the metrics' failures per day x 30 days
        assertThat(s.expectedFailures()).isCloseTo(57.6, within(57.6 * 1e-12));
        assertThat(s.expectedFailures()).isCloseTo(m.linkFailuresPerDay() * MONTH_HOURS / 24, within(57.6 * 1e-12));
    }

    @Test
    void theSimulatedMeanMatchesTheClosedForm() {
        int replicas = 400;
        FailureSimulation s = FailureSimulation.run(fleet(), MONTH_HOURS, replicas, 0);
        // mean of 400 Poisson(57.6) counts: standard error sqrt(57.6 / 400) = 0.38. |z| < 4 fails by chance with
        // probability 6.3e-5 (two-sided normal; the mean of 400 Poisson draws with mean 57.6 is very nearly normal).
        assertThat(s.standardErrorOfMean()).isCloseTo(Math.sqrt(57.6 / replicas), within(1e-12));
        assertThat(Math.abs(s.zScore())).isLessThan(4);
        // per technology: DR 20,000 x 2,000 FIT x 720 h = 28.8, MOSAIC 100,000 x 400 FIT x 720 h = 28.8, each |z| < 4
        // (6.3e-5 each, 1.3e-4 for both)
        for (var e : s.byTechnology().entrySet()) {
            FailureSimulation.TechnologyFailures t = e.getValue();
            assertThat(t.expected()).as(e.getKey()).isCloseTo(28.8, within(1e-9));
            assertThat(Math.abs(t.meanSimulated() - t.expected()) / Math.sqrt(t.expected() / replicas)).as(e.getKey()).isLessThan(4);
        }
    }

    @Test
    void theCountsArePoissonDispersed() {
        int replicas = 400;
        FailureSimulation s = FailureSimulation.run(fleet(), MONTH_HOURS, replicas, 0);
        // for Poisson counts (R - 1) s² / λ is approximately chi-squared with R - 1 degrees of freedom;
        // outside its 5e-5 and 1 - 5e-5 quantiles by chance with probability 1e-4
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(replicas - 1);
        double statistic = (replicas - 1) * s.varianceFailures() / s.expectedFailures();
        assertThat(statistic).isBetween(chi2.inverseCumulativeProbability(5e-5), chi2.inverseCumulativeProbability(1 - 5e-5));
    }

    @Test
    void quietPeriodsAreAsFrequentAsThePoissonLawSays() {
        // a 6-hour period: λ = 0.08 x 6 = 0.48, P(no failure) = e^-0.48 = 0.6188. With 4,000 replicas the
        // fraction's standard error is sqrt(p (1 - p) / 4000) = 0.0077; |z| < 4 fails by chance with p = 6.3e-5.
        int replicas = 4000;
        FailureSimulation s = FailureSimulation.run(fleet(), 6, replicas, 0);
        double p0 = Math.exp(-0.48);
        double quiet = s.failuresPerReplica().stream().filter(n -> n == 0).count() / (double) replicas;
        assertThat(Math.abs(quiet - p0) / Math.sqrt(p0 * (1 - p0) / replicas)).isLessThan(4);
    }

    @Test
    void theSameSeedGivesTheSameFailuresAndReplicasAreIndependentOfTheirCount() {
        FailureSimulation a = FailureSimulation.run(fleet(), MONTH_HOURS, 20, 7);
        FailureSimulation b = FailureSimulation.run(fleet(), MONTH_HOURS, 20, 7);
        FailureSimulation fewer = FailureSimulation.run(fleet(), MONTH_HOURS, 10, 7);
        FailureSimulation other = FailureSimulation.run(fleet(), MONTH_HOURS, 20, 8);
        assertThat(a.failuresPerReplica()).isEqualTo(b.failuresPerReplica());
        // replica r draws from the r-th split of the stream, whatever the number of replicas
        assertThat(a.failuresPerReplica().subList(0, 10)).isEqualTo(fewer.failuresPerReplica());
        assertThat(other.failuresPerReplica()).isNotEqualTo(a.failuresPerReplica());
    }

    @Test
    void aFleetWithoutServedLinksHasNoFailures() {
        FleetAssignment none = FleetAssignment.of(List.of(new LinkGroup("far", "800G", 9000, 50)), Policy.today(), MENU);
        FailureSimulation s = FailureSimulation.run(none, MONTH_HOURS, 5, 0);
        assertThat(s.expectedFailures()).isZero();
        assertThat(s.failuresPerReplica()).containsOnly(0L);
        assertThat(s.zScore()).isZero();
    }

    @Test
    void badPeriodsAndReplicaCountsAreRejected() {
        assertThatThrownBy(() -> FailureSimulation.run(fleet(), -1, 10, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period -1.0 h").hasMessageContaining("positive");
        assertThatThrownBy(() -> FailureSimulation.run(fleet(), MONTH_HOURS, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replicas 1");
        // 1e12 hours would draw 8e10 failures per replica: a unit mistake, refused
        assertThatThrownBy(() -> FailureSimulation.run(fleet(), 1e12, 2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hint: the period is in hours");
    }
}
