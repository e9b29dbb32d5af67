package org.mosaic.core.units;

/**
 * A value that is not a valid quantity of the expected {@link Dimension}. The message names the
 * value, what was expected and an example, and is meant to be shown to the user as it is.
 */
public final class UnitException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String text;
    private final Dimension dimension;

    /**
     * @param text      the offending value as given (may be {@code null} for a missing value)
     * @param dimension what the value should have been
     * @param message   the complete user-facing message
     */
    public UnitException(String text, Dimension dimension, String message) {
        super(message);
        this.text = text;
        this.dimension = dimension;
    }

    /** The offending value as given, or {@code null} if it was missing. */
    public String text() {
        return text;
    }

    /** The dimension the value should have had. */
    public Dimension dimension() {
        return dimension;
    }
}
