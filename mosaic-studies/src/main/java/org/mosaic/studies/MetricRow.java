package org.mosaic.studies;

/**
 * One number of a result, flat: for CSV, Parquet and sweeps.
 *
 * @param name  its path in the result's JSON with list indices ({@code scaling[1].reachMeters})
 * @param value the number ({@code NaN} for a missing or non-finite one; a yes/no is 1 or 0)
 * @param unit  its unit, from the study's declaration
 */
public record MetricRow(String name, double value, String unit) {
}
