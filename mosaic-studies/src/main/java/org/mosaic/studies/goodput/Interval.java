package org.mosaic.studies.goodput;

import org.mosaic.cluster.training.goodput.Estimate;

/**
 * A Monte Carlo mean with its 95 % interval (Student t over the trials), scaled to the unit of the key that holds it.
 *
 * @param mean    the mean of the trials
 * @param lower95 lower end of the 95 % interval
 * @param upper95 upper end of the 95 % interval
 */
public record Interval(double mean, double lower95, double upper95) {

    /** The estimate's mean and interval, each multiplied by {@code scale} (e.g. 1/days for a rate per day). */
    static Interval of(Estimate e, double scale) {
        return new Interval(e.mean() * scale, e.lower95() * scale, e.upper95() * scale);
    }

    /** The estimate's mean and interval as they are. */
    static Interval of(Estimate e) {
        return new Interval(e.mean(), e.lower95(), e.upper95());
    }
}
