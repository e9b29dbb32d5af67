package org.mosaic.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mosaic.sweep.SweepPlan;
import org.mosaic.sweep.SweepSpec;

/** The sweep plans this JVM built, by spec: an executor builds each sweep's plan once, not once per task. */
final class Plans {
    private static final Map<SweepSpec, SweepPlan> BUILT = new ConcurrentHashMap<>();

    private Plans() {
    }

    /** The plan of a spec, built once per JVM (a plan is immutable and a pure function of its spec). */
    static SweepPlan cached(SweepSpec spec) {
        return BUILT.computeIfAbsent(spec, SweepPlan::of);
    }
}
