package org.mosaic.studies;

/**
 * Bad input from the user (a flag, a value, a file): the message names the value, what was expected
 * and, where possible, a hint. Exits with code 2 and no stack trace.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
