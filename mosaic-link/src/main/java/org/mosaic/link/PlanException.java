package org.mosaic.link;

/** A cable plan that cannot be built, naming the scenario key, its value and what would make it work. */
public final class PlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String value;

    public PlanException(String path, String value, String expected) {
        super(path + " = " + value + ": " + expected);
        this.path = path;
        this.value = value;
    }

    public String path() {
        return path;
    }

    public String value() {
        return value;
    }
}
