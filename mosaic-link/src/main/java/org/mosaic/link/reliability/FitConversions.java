package org.mosaic.link.reliability;

/**
 * Conversions for a constant hazard rate, as defined in (standard constant-hazard FIT/AFR definitions): FIT = failures per 10⁹
 * device-hours; MTBF = 10⁹ / FIT hours; AFR = 1 − exp(−FIT × 8760 / 10⁹) (the probability of failing within one
 * year of 8760 h); a fleet of L such links sees one failure every 10⁹ / (L × FIT) hours.
 *
 * <p>Only valid for constant hazards. For a cable with spares or wear-out, the averaged FIT over a service life
 * ({@link #averagedFit}) is the constant FIT that gives the same survival at the end of that life; feeding it to
 * {@link #afr} gives the average annual failure probability over the life.
 */
public final class FitConversions {
    /** Device-hours per FIT unit: 1 FIT = 1 failure per 10⁹ h ((standard constant-hazard FIT/AFR definitions)). */
    public static final double HOURS_PER_FIT_UNIT = 1e9;
    /** Hours in the year used for AFR: 365 × 24 = 8760 h ((standard constant-hazard FIT/AFR definitions)). */
    public static final double HOURS_PER_YEAR = org.mosaic.core.units.Quantities.HOURS_PER_YEAR;
    /** Hours per day. */
    public static final double HOURS_PER_DAY = 24;

    private FitConversions() {
    }

    /** Hazard rate per hour of a constant FIT. */
    public static double ratePerHour(double fit) {
        checkFit(fit);
        return fit / HOURS_PER_FIT_UNIT;
    }

    /** FIT of a constant hazard rate per hour. */
    public static double fitFromRatePerHour(double ratePerHour) {
        if (!(ratePerHour >= 0 && ratePerHour < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("hazard rate " + ratePerHour + " per hour — expected a finite number ≥ 0");
        }
        return ratePerHour * HOURS_PER_FIT_UNIT;
    }

    /** MTBF (= MTTF for a constant hazard) in hours: 10⁹ / FIT; infinite for 0 FIT. */
    public static double mtbfHours(double fit) {
        checkFit(fit);
        return HOURS_PER_FIT_UNIT / fit;
    }

    /** FIT of a constant-hazard part with the given MTBF. */
    public static double fitFromMtbfHours(double mtbfHours) {
        if (!(mtbfHours > 0)) {
            throw new IllegalArgumentException("MTBF " + mtbfHours + " h — expected a number > 0 hours");
        }
        return HOURS_PER_FIT_UNIT / mtbfHours;
    }

    /** Annual failure probability 1 − exp(−FIT × 8760 / 10⁹), accurate for tiny FIT (expm1). */
    public static double afr(double fit) {
        checkFit(fit);
        return -Math.expm1(-fit * HOURS_PER_YEAR / HOURS_PER_FIT_UNIT);
    }

    /** The constant FIT whose AFR is {@code afr}. */
    public static double fitFromAfr(double afr) {
        if (!(afr >= 0 && afr < 1)) {
            throw new IllegalArgumentException("AFR " + afr + " — expected a probability in [0, 1); hint: 0.87 % is 0.0087");
        }
        return -Math.log1p(-afr) * HOURS_PER_FIT_UNIT / HOURS_PER_YEAR;
    }

    /**
     * The FIT averaged over a service life: λ̄ = −ln R(T) / T × 10⁹, the constant FIT with the same survival
     * {@code reliability} after {@code hours}. Pass ln R directly with {@link #averagedFitFromLog} when R is
     * within 1e-16 of 1.
     */
    public static double averagedFit(double reliability, double hours) {
        if (!(reliability > 0 && reliability <= 1)) {
            throw new IllegalArgumentException("reliability " + reliability + " — expected a probability in (0, 1]");
        }
        return averagedFitFromLog(Math.log(reliability), hours);
    }

    /** λ̄ = −lnR / T × 10⁹ from the log-survival (exact for survival close to 1). */
    public static double averagedFitFromLog(double logReliability, double hours) {
        if (!(hours > 0 && hours < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("time " + hours + " h — expected a finite number of hours > 0");
        }
        if (!(logReliability <= 0)) {
            throw new IllegalArgumentException("log-reliability " + logReliability + " — expected a number ≤ 0");
        }
        return -logReliability / hours * HOURS_PER_FIT_UNIT;
    }

    /** Mean hours between failures across a fleet of {@code links} links of {@code fitPerLink} FIT each. */
    public static double fleetHoursBetweenFailures(long links, double fitPerLink) {
        checkLinks(links);
        checkFit(fitPerLink);
        return HOURS_PER_FIT_UNIT / (links * fitPerLink);
    }

    /** Expected failures per day across a fleet of {@code links} links of {@code fitPerLink} FIT each. */
    public static double fleetFailuresPerDay(long links, double fitPerLink) {
        checkLinks(links);
        checkFit(fitPerLink);
        return links * fitPerLink / HOURS_PER_FIT_UNIT * HOURS_PER_DAY;
    }

    private static void checkLinks(long links) {
        if (links < 1) {
            throw new IllegalArgumentException("fleet size " + links + " links — expected at least 1 link");
        }
    }

    static void checkFit(double fit) {
        if (!(fit >= 0 && fit < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("FIT " + fit + " — expected a finite number ≥ 0 (failures per 10⁹ "
                    + "device-hours); hint: an MTBF of 1e6 h is 1000 FIT");
        }
    }
}
