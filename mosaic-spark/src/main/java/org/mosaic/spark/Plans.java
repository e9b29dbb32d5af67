package org.mosaic.spark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sweep plan for a list of sweep arguments (the same arguments as {@code mosaic sweep}, without --spark). */
final class Plans {
    /** The plans this JVM built, by their arguments: an executor builds each sweep's plan once, not once per task. */
    private static final Map<List<String>, PointPlan> BUILT = new ConcurrentHashMap<>();

    private Plans() {
    }

    /** The plan of these arguments, built once per JVM (a plan is immutable and a pure function of its arguments). */
    static PointPlan cached(List<String> sweepArgs) {
        return BUILT.computeIfAbsent(List.copyOf(sweepArgs), Plans::of);
    }

    static PointPlan of(List<String> sweepArgs) {
        return new StandInPlan(sweepArgs);
    }
}
