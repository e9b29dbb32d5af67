package org.mosaic.core.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario that could not be read or failed validation; carries every problem found, not just the first. */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ScenarioException(String source, List<Problem> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(String message) {
        super(message);
        this.problems = List.of();
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(String source, List<Problem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + source + ":\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }
}
