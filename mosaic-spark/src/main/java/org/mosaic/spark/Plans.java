package org.mosaic.spark;

import java.util.List;

/** The sweep plan for a list of sweep arguments (the same arguments as {@code mosaic sweep}, without --spark). */
final class Plans {
    private Plans() {
    }

    static PointPlan of(List<String> sweepArgs) {
        return new StandInPlan(sweepArgs);
    }
}
