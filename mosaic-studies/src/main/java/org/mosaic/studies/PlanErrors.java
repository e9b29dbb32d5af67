package org.mosaic.studies;

import java.util.function.Supplier;
import org.mosaic.link.PlanException;

/** Turns an impossible cable plan into a usage error (exit 2) that names the key, its value and a hint. */
public final class PlanErrors {
    private PlanErrors() {
    }

    public static <T> T guard(Supplier<T> s) {
        try {
            return s.get();
        } catch (PlanException e) {
            throw new UsageException("impossible cable plan: " + e.getMessage());
        }
    }
}
