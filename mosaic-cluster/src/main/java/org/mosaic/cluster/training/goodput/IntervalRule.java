package org.mosaic.cluster.training.goodput;

/** How a campaign chooses its checkpoint interval from the job's failures (see {@link Checkpointing}). */
public enum IntervalRule {
    /** T = sqrt(2δM). */
    YOUNG("young"),
    /** Daly's refinement (the default). */
    DALY("daly"),
    /** NVIDIA's availability-optimal T = δ + sqrt(2(M + R)δ + δ²), R the mean recovery. */
    AVAILABILITY_OPTIMAL("optimal");

    private final String word;

    IntervalRule(String word) {
        this.word = word;
    }

    /** The word a document or the CLI uses: young, daly or optimal. */
    public String word() {
        return word;
    }

    /** The rule called {@code word}, or null when the word names none. */
    public static IntervalRule of(String word) {
        for (IntervalRule r : values()) {
            if (r.word.equals(word)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The interval (s) for {@code causes}: M is the unplanned mean time between failures of the job, R the mean recovery
     * with {@code restartSeconds} and the campaign's spares.
     */
    public double intervalSeconds(FailureCauses causes, double saveSeconds, double restartSeconds, boolean hotSpares) {
        double m = causes.unplannedMtbfSeconds();
        return switch (this) {
            case YOUNG -> Checkpointing.youngIntervalSeconds(saveSeconds, m);
            case DALY -> Checkpointing.dalyIntervalSeconds(saveSeconds, m);
            case AVAILABILITY_OPTIMAL -> Checkpointing.availabilityOptimalIntervalSeconds(saveSeconds, m,
                    Checkpointing.meanRecoverySeconds(causes.unplanned(), restartSeconds, hotSpares));
        };
    }
}
