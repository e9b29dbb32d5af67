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
 * @param document     the document kind of a document input ({@code cable}, {@code cluster}, ...); empty otherwise
 * @param presets      the shipped documents a document input may name (a channel input: every channel and cable
 *                     scenario); empty otherwise
 */
public record InputSpec(String name, String type, String unit, String range, String defaultValue, String description,
                        String document, java.util.List<String> presets) {
    public InputSpec {
        presets = java.util.List.copyOf(presets);
    }

    /** An input that is not a document. */
    public InputSpec(String name, String type, String unit, String range, String defaultValue, String description) {
        this(name, type, unit, range, defaultValue, description, "", java.util.List.of());
    }
}
