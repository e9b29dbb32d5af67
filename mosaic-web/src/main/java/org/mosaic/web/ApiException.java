package org.mosaic.web;

import java.util.List;

/**
 * A request the studio refuses: an HTTP status in 4xx, a message and the problems, each with its input, value, what was
 * expected and a hint. The server turns it into {@code {"error": ..., "problems": [...]}} with that status.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<Problem> problems;

    public ApiException(int status, String message, List<Problem> problems) {
        super(message, null, false, false);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("an API refusal is a 4xx status, not " + status);
        }
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public ApiException(int status, String message) {
        this(status, message, List.of());
    }

    public int status() {
        return status;
    }

    public List<Problem> problems() {
        return problems;
    }
}
