package org.mosaic.studies;

/**
 * One declared number of a study's result.
 *
 * @param path        where it is in the result's JSON: dotted keys, {@code []} for every element of a list,
 *                    {@code *} for every key of a map ({@code power.breakdown[].watts})
 * @param unit        its unit ({@code "1"} for plain numbers, ratios and counts; {@code "bool"} for a yes/no)
 * @param description what it is (empty when its name says it)
 */
public record MetricSpec(String path, String unit, String description) {
}
