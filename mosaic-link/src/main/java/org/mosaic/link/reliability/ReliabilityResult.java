package org.mosaic.link.reliability;

import java.util.List;

/**
 * The reliability of one cable over its service life T, with its spares and, for comparison, without them
 * (the same cable with n = k). Plain data (doubles, strings, lists of records) for JSON and flat rows.
 *
 * <p>Definitions (R(t) is the probability the cable still works at t; see {@link CableReliability}):
 * <ul>
 *   <li>{@code linkFit}: the FIT averaged over the service life, λ̄ = −ln R(T)/T × 10⁹ — the constant FIT with
 *       the same survival at T.</li>
 *   <li>{@code perEndFit}: linkFit / 2, the share of one end of this symmetric cable, comparable with the
 *       per-module FIT of a transceiver (a pluggable link has two modules).</li>
 *   <li>{@code afrPerCable}: the average annual failure probability of the whole cable over the service life, 1 − R(T)^(1/years) with a
 *       year of 8760 h (= 1 − exp(−linkFit × 8760/10⁹), standard constant-hazard FIT/AFR definitions).</li>
 *   <li>{@code afrPerEnd}: 1 − exp(−perEndFit × 8760/10⁹), one end's share, comparable with catalog AFRs per end.</li>
 *   <li>{@code afrFirstYearPerCable}: 1 − R(8760 h), the failure probability within the first year (lower than
 *       {@code afr} when spares or wear-out make the hazard grow with age).</li>
 *   <li>{@code mttfHours}: ∫₀^∞ R(t) dt (beyond the service life: the model extended without replacement).</li>
 * </ul>
 *
 * @param policy                 the remapping policy the numbers assume, in words
 * @param commonModeFit          the averaged FIT of the common-mode (non-redundant) parts alone
 * @param commonModeShare        commonModeFit / linkFit with spares
 * @param mttfCommonModeOnlyHours MTTF the common-mode parts alone would give (+∞ if there are none); when the
 *                               cable's MTTF is close to it, common-mode parts dominate the MTTF
 * @param breakdown              averaged FIT by contributor with spares (sums to linkFit); the channel groups
 *                               appear as one contributor, "channels beyond spares"
 * @param breakdownWithoutSpares averaged FIT by part without spares (sums to withoutSpares.linkFit)
 * @param curve                  R(t) with and without spares and the exhaustion CDF on [0, T]
 * @param notes                  plain-language observations (dominant contributors, spare exhaustion)
 */
public record ReliabilityResult(String policy, int dataChannels, int parityChannels, int spareChannels,
                                int directions, double serviceLifeHours, double serviceYears,
                                Summary withSpares, Summary withoutSpares, double commonModeFit,
                                double commonModeShare, double mttfCommonModeOnlyHours,
                                List<Contribution> breakdown, List<Contribution> breakdownWithoutSpares,
                                Exhaustion exhaustion, List<CurvePoint> curve, List<String> notes) {
    public ReliabilityResult {
        breakdown = List.copyOf(breakdown);
        breakdownWithoutSpares = List.copyOf(breakdownWithoutSpares);
        curve = List.copyOf(curve);
        notes = List.copyOf(notes);
    }

    /**
     * Figures of one cable variant over the service life.
     *
     * @param mttfMethod how the MTTF was computed: "markov" (exact, all hazards constant) or "quadrature"
     */
    public record Summary(double linkFit, double perEndFit, double afrPerCable, double afrPerEnd, double afrFirstYearPerCable,
                          double mttfHours, double reliabilityAtServiceLife, double failureProbabilityAtServiceLife, String mttfMethod) {
    }

    /**
     * One contributor to the averaged FIT.
     *
     * @param role  "per end", "per cable", "per channel" or "channel groups"
     * @param count how many of it the cable holds (copies × places)
     * @param share averagedFit / the variant's linkFit
     */
    public record Contribution(String name, String role, int count, double averagedFit, double share) {
    }

    /**
     * One point of the curves.
     *
     * @param exhaustionProbability probability that some direction has run out of spares by t (common-mode
     *                              failures ignored)
     */
    public record CurvePoint(double timeHours, double reliability, double reliabilityWithoutSpares,
                             double exhaustionProbability) {
    }

    /**
     * The time until the spares run out: the first time some direction has more failed channels than spares
     * (the (n−k+1)-th channel failure of that direction), ignoring common-mode failures.
     *
     * @param probabilityWithinServiceLife P[exhausted by T]
     * @param quantiles                    times by which 1 %, 10 % and 50 % of cables have run out
     * @param cdf                          the CDF on a log-spaced grid from its 0.1 % to its 99.9 % quantile
     *                                     (empty if channels cannot fail)
     */
    public record Exhaustion(double probabilityWithinServiceLife, List<Quantile> quantiles, List<CdfPoint> cdf) {
        public Exhaustion {
            quantiles = List.copyOf(quantiles);
            cdf = List.copyOf(cdf);
        }

        /** The median exhaustion time in hours. */
        public double medianHours() {
            return quantile(0.5);
        }

        /** The time of the quantile with this probability (one of those computed). */
        public double quantile(double probability) {
            for (Quantile q : quantiles) {
                if (q.probability() == probability) {
                    return q.timeHours();
                }
            }
            throw new IllegalArgumentException("exhaustion quantile " + probability + " — not computed; available: "
                    + quantiles.stream().map(q -> Double.toString(q.probability())).toList());
        }
    }

    /** The time by which a fraction {@code probability} of cables have run out of spares (+∞: never). */
    public record Quantile(double probability, double timeHours) {
    }

    /** One point of a distribution function. */
    public record CdfPoint(double timeHours, double probability) {
    }

    /** Averaged FIT with spares. */
    public double linkFit() {
        return withSpares.linkFit();
    }

    /** Average AFR over the service life with spares, of the whole cable (both ends and the fibre). */
    public double afrPerCable() {
        return withSpares.afrPerCable();
    }

    /** Average AFR over the service life with spares, of one end (from perEndFit, as the comparison's rows). */
    public double afrPerEnd() {
        return withSpares.afrPerEnd();
    }

    /** MTTF with spares, hours. */
    public double mttfHours() {
        return withSpares.mttfHours();
    }

    /** R(T) with spares. */
    public double reliabilityAtServiceLife() {
        return withSpares.reliabilityAtServiceLife();
    }
}
