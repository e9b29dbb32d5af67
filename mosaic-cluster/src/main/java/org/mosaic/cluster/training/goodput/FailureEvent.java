package org.mosaic.cluster.training.goodput;

/**
 * One failure (or planned stop) in a campaign: when, and of which cause.
 *
 * @param timeSeconds wall-clock time from the start of the campaign (s)
 * @param cause       the cause's name
 * @param planned     whether the cause is planned
 */
public record FailureEvent(double timeSeconds, String cause, boolean planned) {

    public FailureEvent {
        Require.nonNegative("failure time", timeSeconds, "seconds from the start of the campaign");
        Require.nonBlank("failure event cause", cause, "the name of one of the campaign's causes");
    }
}
