package org.mosaic.datapath;

import org.mosaic.datapath.engine.BitExactEngine;
import org.mosaic.datapath.engine.Context;
import org.mosaic.datapath.engine.ErrorEventEngine;
import org.mosaic.datapath.engine.ImportanceSampler;

/**
 * The datapath emulator: {@code run(spec)} is a pure function of the spec (seed included); the thread
 * count changes only the wall time. The engine is chosen by {@link EmulationSpec#engine()}.
 */
public final class Emulator {
    private Emulator() {
    }

    public static EmulationResult run(EmulationSpec spec) {
        return run(spec, ProgressListener.NONE);
    }

    public static EmulationResult run(EmulationSpec spec, ProgressListener progress) {
        Require.notNull("spec", spec);
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        Context ctx = new Context(spec);
        return switch (spec.engine()) {
            case ERROR_EVENT -> ErrorEventEngine.run(ctx, p);
            case BIT_EXACT -> BitExactEngine.run(ctx, p);
            case IMPORTANCE -> ImportanceSampler.run(ctx, p);
        };
    }
}
