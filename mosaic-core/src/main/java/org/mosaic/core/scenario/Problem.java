package org.mosaic.core.scenario;

/**
 * One thing wrong with a scenario: where ({@code path}, dotted), what was found ({@code value}, may be
 * null when missing) and what was expected (unit, range or allowed values, plus a hint).
 */
public record Problem(String path, String value, String expected) {
    @Override
    public String toString() {
        return path + ": " + (value == null ? "missing" : "\"" + value + "\"") + " — " + expected;
    }
}
