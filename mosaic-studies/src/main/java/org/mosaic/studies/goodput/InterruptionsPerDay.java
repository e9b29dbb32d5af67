package org.mosaic.studies.goodput;

import java.util.Map;
import org.mosaic.studies.Metric;

/**
 * Interruptions of the job per day of the campaign (means of the trials).
 *
 * @param total        every interruption, unplanned and planned
 * @param totalLower95 lower end of the total's 95 % interval
 * @param totalUpper95 upper end of the total's 95 % interval
 * @param unplanned    the failures
 * @param planned      the planned stops
 * @param byCause      by failure cause, in the campaign's order of causes
 */
public record InterruptionsPerDay(
        @Metric(unit = "1/d", value = "Interruptions per day, unplanned and planned (mean of the trials).") double total,
        @Metric(unit = "1/d", value = "Lower end of the 95 % interval of the total.") double totalLower95,
        @Metric(unit = "1/d", value = "Upper end of the 95 % interval of the total.") double totalUpper95,
        @Metric(unit = "1/d", value = "Unplanned interruptions (failures) per day.") double unplanned,
        @Metric(unit = "1/d", value = "Planned stops per day.") double planned,
        @Metric(unit = "1/d", value = "Interruptions per day of one failure cause.") Map<String, Double> byCause) {

    public InterruptionsPerDay {
        byCause = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byCause));
    }
}
