package org.mosaic.cluster.training.goodput;

import java.util.Locale;

/**
 * A training campaign to simulate: {@code days} of wall-clock time for a job on {@code gpus} GPUs, interrupted by
 * {@code causes}, checkpointing and restarting by {@code checkpoint}, with or without hot spares, repeated over
 * {@code trials} independent Monte Carlo trials from {@code seed}.
 *
 * <p>{@code gpus} only converts lost time into lost GPU-hours; each cause carries its own unit count (GPUs, hosts,
 * links), so a campaign on another GPU count needs causes scaled to it (e.g. {@link CampaignDocument#causes(double)}).
 *
 * @param gpus       GPUs held by the job (≥ 1)
 * @param days       campaign length (days of wall-clock time, &gt; 0)
 * @param causes     the failure causes
 * @param checkpoint checkpoint interval, save and restart times
 * @param hotSpares  whether a replacement is a hot-spare swap ({@link Recovery#spareSwapSeconds()}) rather than a
 *                   repair ({@link Recovery#repairSeconds()})
 * @param trials     Monte Carlo trials (≥ 2, for a confidence interval)
 * @param seed       the seed (0 by default in the presets)
 */
public record CampaignSpec(int gpus, double days, FailureCauses causes, CheckpointPlan checkpoint, boolean hotSpares, int trials, long seed) {

    /** Safety limit on expected failures per trial: more means a unit mistake (a rate per hour given per second?). */
    public static final double MAX_EXPECTED_FAILURES_PER_TRIAL = 1e7;
    /** Safety limit on checkpoint segments per trial: more means an interval given in the wrong unit. */
    public static final double MAX_SEGMENTS_PER_TRIAL = 1e7;

    public CampaignSpec {
        if (gpus < 1) {
            throw new IllegalArgumentException("GPU count " + gpus + " — expected at least 1, e.g. 16384 for the Llama 3 run");
        }
        Require.positive("campaign length", days, "days of wall-clock time, e.g. 54 for the Llama 3 snapshot");
        Require.present("failure causes", causes, "e.g. CampaignDocument.standard().causes(16384)");
        Require.present("checkpoint plan", checkpoint, "e.g. CampaignDocument.standard().checkpoint()");
        if (trials < 2) {
            throw new IllegalArgumentException("trials " + trials + " — expected at least 2 (a confidence interval needs two)");
        }
        double hours = days * 24;
        double expected = (causes.unplannedRatePerHour() + causes.plannedRatePerHour()) * hours;
        if (expected > MAX_EXPECTED_FAILURES_PER_TRIAL) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%.4g expected failures per trial over %s days — expected at most %.0e (hint: rates are per unit per hour)",
                    expected, days, MAX_EXPECTED_FAILURES_PER_TRIAL));
        }
        double segments = hours * 3600 / checkpoint.intervalSeconds();
        if (segments > MAX_SEGMENTS_PER_TRIAL) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "checkpoint interval %s s gives %.4g checkpoints per trial — expected at most %.0e (hint: the interval is in seconds)",
                    checkpoint.intervalSeconds(), segments, MAX_SEGMENTS_PER_TRIAL));
        }
    }

    /**
     * The work of simulating the campaign, in events: trials × (expected failures + planned stops + checkpoints per
     * trial). About 10⁷ events take a second on one core.
     */
    public double workEvents() {
        return (double) trials * (expectedUnplannedFailures() + expectedPlannedStops() + horizonSeconds() / checkpoint.intervalSeconds());
    }

    /** The campaign length in seconds. */
    public double horizonSeconds() {
        return days * 86_400.0;
    }

    /** Expected unplanned failures per trial: Σ rate × length. */
    public double expectedUnplannedFailures() {
        return causes.unplannedRatePerHour() * days * 24;
    }

    /** Expected planned stops per trial. */
    public double expectedPlannedStops() {
        return causes.plannedRatePerHour() * days * 24;
    }

    public CampaignSpec withCauses(FailureCauses newCauses) {
        return new CampaignSpec(gpus, days, newCauses, checkpoint, hotSpares, trials, seed);
    }

    public CampaignSpec withCheckpoint(CheckpointPlan newCheckpoint) {
        return new CampaignSpec(gpus, days, causes, newCheckpoint, hotSpares, trials, seed);
    }

    public CampaignSpec withGpus(int newGpus) {
        return new CampaignSpec(newGpus, days, causes, checkpoint, hotSpares, trials, seed);
    }

    public CampaignSpec withDays(double newDays) {
        return new CampaignSpec(gpus, newDays, causes, checkpoint, hotSpares, trials, seed);
    }

    public CampaignSpec withHotSpares(boolean newHotSpares) {
        return new CampaignSpec(gpus, days, causes, checkpoint, newHotSpares, trials, seed);
    }

    public CampaignSpec withTrials(int newTrials) {
        return new CampaignSpec(gpus, days, causes, checkpoint, hotSpares, newTrials, seed);
    }

    public CampaignSpec withSeed(long newSeed) {
        return new CampaignSpec(gpus, days, causes, checkpoint, hotSpares, trials, newSeed);
    }
}
