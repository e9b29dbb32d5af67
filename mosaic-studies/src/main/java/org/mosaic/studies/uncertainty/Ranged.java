package org.mosaic.studies.uncertainty;

/**
 * One input an uncertainty or sensitivity study varies: a document value (addressed as a study's assignment key,
 * {@code INPUT.PATH}, e.g. {@code cable.fiber.attenuation}) with its assumed value and its plausible spread.
 *
 * @param key          the assignment key ({@code INPUT.PATH} of a document input, or an input's name)
 * @param assumed      the value the document assumes, in {@code unit} (NaN when not a number)
 * @param unit         the unit the distribution's numbers are in (empty: a plain number)
 * @param distribution the plausible spread
 * @param confidence   the provenance's confidence (assumed, calibrated, published, ...; "given" for a command-line range)
 * @param source       the provenance's source text, or where the range was given
 * @param whole        the document writes a whole number here (a count: {@link #value} rounds each sample to one)
 */
public record Ranged(String key, double assumed, String unit, Distribution distribution, String confidence,
                     String source, boolean whole) {
    /** A ranged real number. */
    public Ranged(String key, double assumed, String unit, Distribution distribution, String confidence, String source) {
        this(key, assumed, unit, distribution, confidence, source, false);
    }

    /** The assignment value for {@code x}: the number with its unit (a count rounded to the nearest whole number). */
    public String value(double x) {
        String n = whole && Double.isFinite(x) ? Long.toString(Math.round(x)) : Double.toString(x);
        return unit.isEmpty() ? n : n + " " + unit;
    }
}
