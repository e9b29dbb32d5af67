package org.mosaic.studies;

/**
 * Thrown by {@link Progress#step()}, {@link Progress#task}, {@link Progress#set} and {@link Progress#section} once the
 * progress was {@linkplain Progress#cancel() cancelled}: the study stops at its next report of progress, with no change
 * to the study. Unchecked, so it passes through every study and through {@link Parallel}'s workers; a front end that
 * cancels catches it (the web studio's jobs end "cancelled").
 */
public final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Cancelled() {
        super("cancelled", null, false, false);
    }
}
