package org.mosaic.link.baseline;

import org.mosaic.core.catalog.Confidence;

/**
 * One technology at one host generation, as the catalog gives it: reach, power per END, FIT per END and
 * cost per END (null: no trustworthy price, (no trustworthy public price found)), each with its provenance.
 * A technology the sources say is not offered at the generation is kept, marked {@link Availability#NOT_OFFERED}
 * with the source, and has no figures.
 *
 * @param id                 stable id, e.g. {@code dac-26awg}
 * @param name               display name at this generation
 * @param kind               technology class
 * @param generation         the generation's name, e.g. {@code 800G}
 * @param availability       offered, limited, projected or not offered
 * @param availabilitySource why the availability is what it is (required unless offered)
 * @param reachSpec          listed or twinax-computed (null when not offered)
 * @param reach              the reach in metres, resolved (computed for copper) (null when not offered)
 * @param power              power per end in watts (null when not offered)
 * @param fit                failures per 10⁹ hours per end (null when not offered)
 * @param cost               cost per end in USD, or null where no source gives one
 * @param note               free text (may be empty)
 */
public record Baseline(String id, String name, TechnologyKind kind, String generation, Availability availability,
                       String availabilitySource, ReachSpec reachSpec, Sourced reach, Sourced power, Sourced fit,
                       Sourced cost, String note) {

    public Baseline {
        String where = id + " at " + generation;
        if (id == null || id.isBlank() || name == null || name.isBlank() || kind == null || generation == null
                || availability == null) {
            throw new IllegalArgumentException("baseline " + where + ": id, name, kind, generation and availability are required");
        }
        if (availability != Availability.OFFERED && (availabilitySource == null || availabilitySource.isBlank())) {
            throw new IllegalArgumentException("baseline " + where + " is " + availability.id()
                    + " without a source — expected the source that says so");
        }
        if (availability.available()) {
            if (reachSpec == null || reach == null || power == null || fit == null) {
                throw new IllegalArgumentException("baseline " + where + " is " + availability.id()
                        + " but lacks " + (reachSpec == null || reach == null ? "a reach" : power == null ? "a power" : "a FIT")
                        + " — expected reach, power per end and FIT per end");
            }
            if (!(reach.value() > 0)) {
                throw new IllegalArgumentException("baseline " + where + ": reach " + reach.value() + " m — expected a positive length");
            }
            if (!(power.value() >= 0)) {
                throw new IllegalArgumentException("baseline " + where + ": power " + power.value() + " W — expected >= 0 W");
            }
            if (!(fit.value() > 0)) {
                throw new IllegalArgumentException("baseline " + where + ": FIT " + fit.value()
                        + " — expected > 0 failures per 1e9 h (hint: nothing is perfectly reliable; use a small number)");
            }
            if (cost != null && !(cost.value() >= 0)) {
                throw new IllegalArgumentException("baseline " + where + ": cost " + cost.value() + " USD — expected >= 0 or null");
            }
        } else if (reachSpec != null || reach != null || power != null || fit != null || cost != null) {
            throw new IllegalArgumentException("baseline " + where + " is not offered but has figures — expected none");
        }
        note = note == null ? "" : note;
    }

    /** The least trustworthy confidence among reach, power and FIT; {@code null} when not offered (no figures). */
    public Confidence confidence() {
        return availability.available() ? Sourced.weakest(reach, power, fit) : null;
    }
}
