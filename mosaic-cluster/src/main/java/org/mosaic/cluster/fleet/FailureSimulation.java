package org.mosaic.cluster.fleet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator.SplittableGenerator;
import org.mosaic.core.random.RandomStreams;

/**
 * A Monte Carlo of link failures over a period, the check of {@link FleetMetrics#linkFailuresPerDay()}: each
 * served link group is a Poisson process of rate count × FIT per link / 10⁹ per hour (constant hazards, links
 * independent, a failed link repaired at once so the rate stays constant); its failure times are drawn as
 * exponential gaps until the period ends. Expected failures over the period = Σ rate × period.
 *
 * <p>Randomness: the {@code FLEET_FAILURES} stream of {@link RandomStreams#of(long)}; replica r draws from the
 * r-th {@code split()} of that stream (never seed + r), so results do not depend on anything but the seed.
 *
 * @param policy                the policy's name
 * @param seed                  the seed
 * @param periodHours           the simulated period (h)
 * @param replicas              independent replicas
 * @param expectedFailures      Σ rate × period (closed form)
 * @param meanFailures          mean failures per replica
 * @param varianceFailures      sample variance of failures per replica (Poisson: equals the mean)
 * @param standardErrorOfMean   sqrt(expected / replicas), the mean's standard error if the closed form holds
 * @param zScore                (mean − expected) / standard error (0 when nothing can fail)
 * @param failuresPerReplica    failures in each replica, in replica order
 * @param byTechnology          technology id → expected and simulated mean failures per replica
 */
public record FailureSimulation(String policy, long seed, double periodHours, int replicas, double expectedFailures, double meanFailures,
                                double varianceFailures, double standardErrorOfMean, double zScore, List<Long> failuresPerReplica,
                                Map<String, TechnologyFailures> byTechnology) {

    /** Safety limit on drawn failures per replica: a period with more is a mistake (e.g. years given as hours). */
    public static final long MAX_FAILURES_PER_REPLICA = 50_000_000L;

    /**
     * One technology's failures.
     *
     * @param expected     closed form, per replica
     * @param meanSimulated mean over replicas
     */
    public record TechnologyFailures(double expected, double meanSimulated) {
    }

    /** Simulates {@code replicas} periods of {@code periodHours} for the served links of {@code a}. */
    public static FailureSimulation run(FleetAssignment a, double periodHours, int replicas, long seed) {
        if (a == null) {
            throw new IllegalArgumentException("an assignment is required — expected FleetAssignment.of(...)");
        }
        if (!(periodHours > 0 && Double.isFinite(periodHours))) {
            throw new IllegalArgumentException("period " + periodHours + " h — expected a positive finite time in hours, e.g. 720 for 30 days");
        }
        if (replicas < 2) {
            throw new IllegalArgumentException("replicas " + replicas + " — expected at least 2 (a variance needs two)");
        }
        List<FleetAssignment.Served> served = a.served();
        double[] ratePerHour = new double[served.size()];
        double expected = 0;
        Map<String, double[]> perTech = new LinkedHashMap<>(); // {expected, simulated sum}
        for (int i = 0; i < served.size(); i++) {
            FleetAssignment.Served s = served.get(i);
            ratePerHour[i] = s.group().count() * s.technology().fitPerLink() / FleetMetrics.FIT_HOURS;
            expected += ratePerHour[i] * periodHours;
            perTech.computeIfAbsent(s.technology().id(), k -> new double[2])[0] += ratePerHour[i] * periodHours;
        }
        if (expected > MAX_FAILURES_PER_REPLICA) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "period %.4g h gives %.4g expected failures per replica — expected at most %d (hint: the period is in hours)",
                    periodHours, expected, MAX_FAILURES_PER_REPLICA));
        }
        SplittableGenerator root = RandomStreams.of(seed).stream(RandomStreams.Purpose.FLEET_FAILURES);
        List<Long> counts = new ArrayList<>(replicas);
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < replicas; r++) {
            SplittableGenerator rng = root.split();
            long total = 0;
            for (int i = 0; i < served.size(); i++) {
                long n = failures(rng, ratePerHour[i], periodHours);
                total += n;
                perTech.get(served.get(i).technology().id())[1] += n;
            }
            counts.add(total);
            sum += total;
            sumSq += (double) total * total;
        }
        double mean = sum / replicas;
        double variance = Math.max(0, (sumSq - replicas * mean * mean) / (replicas - 1));
        double se = Math.sqrt(expected / replicas);
        Map<String, TechnologyFailures> byTech = new LinkedHashMap<>();
        perTech.forEach((k, v) -> byTech.put(k, new TechnologyFailures(v[0], v[1] / replicas)));
        return new FailureSimulation(a.policy(), seed, periodHours, replicas, expected, mean, variance, se,
                se > 0 ? (mean - expected) / se : 0, Collections.unmodifiableList(counts), Collections.unmodifiableMap(byTech));
    }

    /** Events of a Poisson process of {@code rate} per hour in [0, period]: exponential gaps until the period ends. */
    private static long failures(SplittableGenerator rng, double rate, double periodHours) {
        if (rate <= 0) {
            return 0;
        }
        long n = 0;
        double t = rng.nextExponential() / rate;
        while (t <= periodHours) {
            n++;
            t += rng.nextExponential() / rate;
        }
        return n;
    }
}
