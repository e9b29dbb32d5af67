package org.mosaic.studies;

/**
 * One declared input of a study.
 *
 * @param name         the input record's component name
 * @param type         {@code number}, {@code integer}, {@code flag}, {@code text}, {@code choice}, {@code list},
 *                     {@code document}
 * @param unit         unit of a number (empty otherwise)
 * @param range        accepted values (empty when any)
 * @param defaultValue the value when not given (empty when none)
 * @param description  what it is
 */
public record InputSpec(String name, String type, String unit, String range, String defaultValue, String description) {
}
