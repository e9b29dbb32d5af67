package org.mosaic.cluster.fleet;

import org.mosaic.core.catalog.Confidence;
import org.mosaic.link.baseline.Availability;
import org.mosaic.link.baseline.Sourced;
import org.mosaic.link.baseline.TechnologyKind;

/**
 * One technology a link can be built with, at one host generation, as a {@link Policy} sees it: the catalog's
 * baselines (the sources of {@code BaselineCatalog}, docs/sources.md) and our own MOSAIC rows (channel-model reach,
 * bottom-up power, k-out-of-n reliability). Figures are per END; a link has two ends.
 *
 * @param id               stable id used in policy rules, e.g. {@code dac-26awg}, {@code mosaic-pluggable}
 * @param name             display name at this generation
 * @param kind             technology class
 * @param generation       the generation's name, e.g. {@code 800G}
 * @param availability     offered, limited (practice avoids it) or projected (no product; scaled figures)
 * @param reachMeters      reach at the generation's rate (m)
 * @param powerPerEndWatts power per end (W)
 * @param fitPerEnd        failures per 10⁹ device-hours per end
 * @param costPerEndUsd    price per end (USD), or {@code null} where no source gives one
 * @param source           where reach, power, FIT (and cost) come from
 * @param confidence       the weakest confidence among the figures
 * @param ourModel         true for rows from our own models (MOSAIC), false for catalog baselines
 */
public record TechnologyOption(String id, String name, TechnologyKind kind, String generation, Availability availability,
                               double reachMeters, double powerPerEndWatts, double fitPerEnd, Double costPerEndUsd,
                               String source, Confidence confidence, boolean ourModel) {

    /** Ends per link: the FIT and power of a link are twice those of an end. */
    public static final int ENDS_PER_LINK = 2;

    public TechnologyOption {
        String where = id + " at " + generation;
        if (id == null || id.isBlank() || name == null || name.isBlank() || kind == null || generation == null
                || generation.isBlank() || availability == null || confidence == null) {
            throw new IllegalArgumentException("technology option " + where
                    + ": id, name, kind, generation, availability and confidence are required");
        }
        if (!availability.available()) {
            throw new IllegalArgumentException("technology option " + where
                    + " is not offered — expected only technologies available at the generation (hint: leave it out)");
        }
        if (!(reachMeters > 0 && Double.isFinite(reachMeters))) {
            throw new IllegalArgumentException("technology option " + where + ": reach " + reachMeters
                    + " m — expected a positive finite length in metres");
        }
        if (!(powerPerEndWatts >= 0 && Double.isFinite(powerPerEndWatts))) {
            throw new IllegalArgumentException("technology option " + where + ": power " + powerPerEndWatts
                    + " W per end — expected a finite power >= 0 W");
        }
        if (!(fitPerEnd > 0 && Double.isFinite(fitPerEnd))) {
            throw new IllegalArgumentException("technology option " + where + ": FIT " + fitPerEnd
                    + " per end — expected a positive finite rate in failures per 1e9 h (hint: nothing is perfectly reliable)");
        }
        if (costPerEndUsd != null && !(costPerEndUsd >= 0 && Double.isFinite(costPerEndUsd))) {
            throw new IllegalArgumentException("technology option " + where + ": cost " + costPerEndUsd
                    + " USD per end — expected a finite cost >= 0, or null when unknown");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("technology option " + where + " without a source — expected where its figures come from");
        }
    }

    /** Whether a cable of this length is within reach (reach ≥ length). */
    public boolean reaches(double lengthMeters) {
        return reachMeters >= lengthMeters;
    }

    /** Power of a whole link, both ends (W). */
    public double powerPerLinkWatts() {
        return ENDS_PER_LINK * powerPerEndWatts;
    }

    /** FIT of a whole link, both ends (constant hazards add). */
    public double fitPerLink() {
        return ENDS_PER_LINK * fitPerEnd;
    }

    /**
     * The same option with a price per end. The price's confidence is written into the source text rather than
     * folded into {@link #confidence()}, so a guessed price does not mark reach, power and FIT as guesses.
     */
    public TechnologyOption withCostPerEnd(Sourced costUsd) {
        if (costUsd == null) {
            throw new IllegalArgumentException("cost of " + id + " at " + generation + " is null — expected a price per end in USD with its source");
        }
        return new TechnologyOption(id, name, kind, generation, availability, reachMeters, powerPerEndWatts, fitPerEnd, costUsd.value(),
                source + " | cost: " + costUsd.source() + " (" + costUsd.confidence().name().toLowerCase(java.util.Locale.ROOT) + ")",
                confidence, ourModel);
    }
}
