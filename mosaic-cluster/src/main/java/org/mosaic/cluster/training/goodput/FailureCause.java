package org.mosaic.cluster.training.goodput;

/**
 * One class of components that can interrupt a training job, as a Poisson process: each of {@code units} identical
 * units (GPUs, hosts, links, switches, or 1 for a job-level process such as software) fails at a constant
 * {@code ratePerUnitHour}, independently of the others, so the job sees failures of this cause at rate
 * {@code ratePerUnitHour × units} per hour. A failed unit is replaced at once (the population, hence the rate, stays
 * constant), and units fail in wall-clock time whatever the job is doing (the hardware stays powered while the job
 * restarts). Constant hazards ignore infant mortality and wear-out; for a few-month campaign on burnt-in hardware
 * that is the usual first model.
 *
 * <p>An unplanned failure loses the work since the last completed checkpoint and costs its {@link Recovery}. A
 * <em>planned</em> cause (maintenance, upgrades) stops the job on purpose: a checkpoint is taken first, so nothing
 * is lost, and the job restarts; its recovery must be {@link Recovery#IMMEDIATE}.
 *
 * @param name            unique name within a {@link FailureCauses} list; it keys the cause's random stream
 * @param category        a grouping for reports (e.g. "GPU", "Network", "Host")
 * @param ratePerUnitHour failures per unit per hour (≥ 0; 0 never fires)
 * @param units           how many units the job depends on (≥ 0)
 * @param recovery        detection and replacement after a failure
 * @param planned         whether the interruption is planned (checkpoint first, no rework)
 */
public record FailureCause(String name, String category, double ratePerUnitHour, double units, Recovery recovery, boolean planned) {

    public FailureCause {
        Require.nonBlank("failure cause name", name, "e.g. \"GPU HBM3 memory\"");
        Require.nonBlank("category of cause " + name, category, "e.g. \"GPU\", \"Network\", \"Host\"");
        Require.nonNegative("cause " + name + ": rate", ratePerUnitHour,
                "failures per unit per hour, e.g. 6.97e-6 per GPU-hour; a FIT value is 1e-9 per hour");
        Require.nonNegative("cause " + name + ": units", units, "how many GPUs, hosts or links the job depends on");
        Require.present("cause " + name + ": recovery", recovery, "e.g. Recovery.restartOnly(60)");
        if (planned && !recovery.equals(Recovery.IMMEDIATE)) {
            throw new IllegalArgumentException("planned cause " + name + ": recovery " + recovery
                    + " — expected Recovery.IMMEDIATE (a planned stop is not detected and replaces nothing;"
                    + " hint: model a stop that needs a repair as an unplanned cause)");
        }
    }

    /** An unplanned cause. */
    public static FailureCause unplanned(String name, String category, double ratePerUnitHour, double units, Recovery recovery) {
        return new FailureCause(name, category, ratePerUnitHour, units, recovery, false);
    }

    /** A planned cause: checkpoint first, then restart. */
    public static FailureCause planned(String name, String category, double ratePerUnitHour, double units) {
        return new FailureCause(name, category, ratePerUnitHour, units, Recovery.IMMEDIATE, true);
    }

    /** Failures per hour for the whole job: rate per unit × units. */
    public double ratePerHour() {
        return ratePerUnitHour * units;
    }

    /** Failures per second for the whole job. */
    public double ratePerSecond() {
        return ratePerHour() / 3600.0;
    }

    /** Expected failures in {@code hours} of wall-clock time. */
    public double expectedCount(double hours) {
        return ratePerHour() * hours;
    }

    /** The same cause with another rate per unit. */
    public FailureCause withRatePerUnitHour(double newRatePerUnitHour) {
        return new FailureCause(name, category, newRatePerUnitHour, units, recovery, planned);
    }

    /** The same cause over another number of units. */
    public FailureCause withUnits(double newUnits) {
        return new FailureCause(name, category, ratePerUnitHour, newUnits, recovery, planned);
    }

    /** The same cause with another recovery. */
    public FailureCause withRecovery(Recovery newRecovery) {
        return new FailureCause(name, category, ratePerUnitHour, units, newRecovery, planned);
    }
}
