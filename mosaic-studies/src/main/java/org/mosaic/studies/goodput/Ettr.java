package org.mosaic.studies.goodput;

import org.mosaic.studies.Metric;

/**
 * The effective training time ratio (productive time / wall time) of the campaign.
 *
 * @param mean                  the mean of the trials
 * @param lower95               lower end of its 95 % interval, clipped at 0 (a ratio)
 * @param upper95               upper end of its 95 % interval, clipped at 1
 * @param analyticUnplannedOnly the renewal formula's ETTR for the unplanned failures alone (no planned stops)
 */
public record Ettr(
        @Metric(unit = "1", value = "Effective training time ratio: productive time / wall time (mean of the trials).") double mean,
        @Metric(unit = "1", value = "Lower end of the ETTR's 95 % interval (clipped at 0).") double lower95,
        @Metric(unit = "1", value = "Upper end of the ETTR's 95 % interval (clipped at 1).") double upper95,
        @Metric(unit = "1", value = "ETTR of the renewal formula, unplanned failures only: the analytic cross-check.") double analyticUnplannedOnly) {
}
