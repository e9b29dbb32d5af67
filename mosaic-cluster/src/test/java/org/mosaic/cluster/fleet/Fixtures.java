package org.mosaic.cluster.fleet;

import java.util.List;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.link.baseline.Availability;
import org.mosaic.link.baseline.BaselineCatalog;
import org.mosaic.link.baseline.TechnologyKind;

/** Hand-made technologies with round numbers, so expected results can be worked out by hand. */
final class Fixtures {
    private Fixtures() {
    }

    static TechnologyOption option(String id, TechnologyKind kind, String generation, double reachMeters, double watts, double fit,
                                   Double cost) {
        return new TechnologyOption(id, id, kind, generation, Availability.OFFERED, reachMeters, watts, fit, cost,
                "test fixture (hand-made)", Confidence.ASSUMED, kind == TechnologyKind.MICROLED);
    }

    /**
     * At 800G: copper (2 m, 0.1 W, 10 FIT), thin copper (1 m, 0.1 W), AOC (50 m, 11 W, 1000 FIT), SR (50 m, 16 W),
     * DR (500 m, 16 W), FR (2000 m, 16 W), LPO (500 m, 8 W), MOSAIC (40 m, 5 W, 200 FIT, $300).
     * At 1.6T: copper (1 m), DR (500 m, 27 W, $2000), MOSAIC (40 m, 8 W).
     */
    static TechnologyMenu menu() {
        return TechnologyMenu.of(BaselineCatalog.standard().generations(), List.of(
                option("dac-26awg", TechnologyKind.PASSIVE_COPPER, "800G", 2, 0.1, 10, null),
                option("dac-30awg", TechnologyKind.PASSIVE_COPPER, "800G", 1, 0.1, 10, null),
                option("aoc-mmf", TechnologyKind.ACTIVE_OPTICAL_CABLE, "800G", 50, 11, 1000, null),
                option("dsp-sr8", TechnologyKind.DSP_PLUGGABLE, "800G", 50, 16, 1000, null),
                option("dsp-dr8", TechnologyKind.DSP_PLUGGABLE, "800G", 500, 16, 1000, 1000.0),
                option("dsp-2fr4", TechnologyKind.DSP_PLUGGABLE, "800G", 2000, 16, 1000, 1500.0),
                option("lpo", TechnologyKind.LINEAR_PLUGGABLE_OPTICS, "800G", 500, 8, 1000, 800.0),
                option(TechnologyMenu.MOSAIC_PLUGGABLE, TechnologyKind.MICROLED, "800G", 40, 5, 200, 300.0),
                option("dac-26awg", TechnologyKind.PASSIVE_COPPER, "1.6T", 1, 0.1, 10, null),
                option("dsp-dr8", TechnologyKind.DSP_PLUGGABLE, "1.6T", 500, 27, 1000, 2000.0),
                option(TechnologyMenu.MOSAIC_PLUGGABLE, TechnologyKind.MICROLED, "1.6T", 40, 8, 200, null)));
    }
}
