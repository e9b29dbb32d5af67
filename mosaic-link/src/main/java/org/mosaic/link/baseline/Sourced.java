package org.mosaic.link.baseline;

import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.mosaic.core.catalog.Confidence;

/**
 * A number from the world with its provenance: the value (SI units, or the unit the field names), an
 * optional range the source gives, how far it can be trusted and where it comes from.
 *
 * @param value      the default value
 * @param min        the low end of the range the source gives, or {@code null}
 * @param max        the high end of the range the source gives, or {@code null}
 * @param confidence how the number was obtained
 * @param source     the [key]s of the sources (bibliography, {@code docs/sources.md}) and what is taken from them
 * @param note       what the number means or why it was chosen (may be empty)
 */
public record Sourced(double value, Double min, Double max, Confidence confidence, String source, String note) {

    public Sourced {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value " + value + " is not a finite number (source: " + source
                    + ") — expected a finite value");
        }
        if (min != null && !(Double.isFinite(min) && min <= value)) {
            throw new IllegalArgumentException("min " + min + " — expected a finite number <= the value " + value
                    + " (hint: the range must contain the default)");
        }
        if (max != null && !(Double.isFinite(max) && max >= value)) {
            throw new IllegalArgumentException("max " + max + " — expected a finite number >= the value " + value
                    + " (hint: the range must contain the default)");
        }
        Objects.requireNonNull(confidence, "confidence — expected one of " + java.util.Arrays.toString(Confidence.values()));
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source of the value " + value
                    + " is blank — expected the [key] of a source, e.g. \"[nvidia-linkx-100g]\", or \"assumed (Mosaic developers)\"");
        }
        note = note == null ? "" : note;
    }

    /** A number without a range. */
    public static Sourced of(double value, Confidence confidence, String source, String note) {
        return new Sourced(value, null, null, confidence, source, note);
    }

    /** The same number, range scaled by {@code factor}, with a new provenance (used for projections). */
    public Sourced scaled(double factor, Confidence newConfidence, String newSource, String newNote) {
        return new Sourced(value * factor, min == null ? null : min * factor, max == null ? null : max * factor,
                newConfidence, newSource, newNote);
    }

    /**
     * The least trustworthy confidence of the given numbers, nulls skipped: the latest in {@link Confidence}'s
     * declaration order, which runs from measured to assumed. ASSUMED when no number is given.
     */
    public static Confidence weakest(Sourced... numbers) {
        return Stream.of(numbers).filter(Objects::nonNull).map(Sourced::confidence)
                .max(Comparator.naturalOrder()).orElse(Confidence.ASSUMED);
    }

    /** The later (less trustworthy) of two confidences. */
    public static Confidence weaker(Confidence a, Confidence b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
