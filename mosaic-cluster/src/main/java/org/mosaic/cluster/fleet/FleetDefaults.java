package org.mosaic.cluster.fleet;

import java.util.List;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.link.baseline.Comparison;
import org.mosaic.link.baseline.Sourced;

/**
 * The hours in a year and the few optics prices the reference gives, each with its source (the [key] of a source in
 * the bibliography, docs/sources.md). PUE, electricity price, household energy and server power per GPU are values of
 * the cluster documents ({@link ClusterDocument}, {@code economics:} and {@code layout.equipment:}), with their sources.
 */
public final class FleetDefaults {
    private FleetDefaults() {
    }

    /** Hours per (non-leap) year, as in the AFR definition ((standard constant-hazard FIT/AFR definitions)). */
    public static final double HOURS_PER_YEAR = Comparison.HOURS_PER_YEAR;

    /**
     * A price per end for one technology at one generation.
     *
     * @param id            technology id
     * @param generation    generation name
     * @param costPerEndUsd the price with its source
     */
    public record Price(String id, String generation, Sourced costPerEndUsd) {
    }

    private static final String PRICES = "[luxoptx-cost] (luxoptx vendor blog (secondary), volume 1000+)";

    /**
     * The 800G module prices of [luxoptx-cost] (midpoints of the ranges; one module is one end):
     * DR8 $1,100-1,400, FR4 $1,500-1,900, LPO $700-900. No AOC, SR, copper or MOSAIC price is published in our sources, so
     * those stay unknown and a fleet using them has no complete capex.
     */
    public static List<Price> vendorPrices800G() {
        return List.of(
                new Price("dsp-dr8", "800G", new Sourced(1250, 1100.0, 1400.0, Confidence.PUBLISHED, PRICES,
                        "800G OSFP DR8 $1,100-1,400; midpoint")),
                new Price("dsp-2fr4", "800G", new Sourced(1700, 1500.0, 1900.0, Confidence.PUBLISHED, PRICES,
                        "800G FR4 $1,500-1,900, taken for the catalog's 2xFR4 module; midpoint")),
                new Price("lpo", "800G", new Sourced(800, 700.0, 900.0, Confidence.PUBLISHED, PRICES, "800G LPO $700-900; midpoint")));
    }
}
