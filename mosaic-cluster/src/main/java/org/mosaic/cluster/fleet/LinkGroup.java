package org.mosaic.cluster.fleet;

/**
 * Links that share a tier, a host generation and a cable length: the input of a {@link Policy}. A topology
 * and a physical layout produce these (one group per tier and length bin); a hand-written fleet can too.
 *
 * @param tier         the tier's name, e.g. {@code scale-up}, {@code gpu-leaf}, {@code leaf-spine}
 * @param generation   the host generation the links run at, as the catalog names it ({@code 800G}, {@code 1.6T},
 *                     {@code 3.2T}) or as a rate ({@code 1.6 Tb/s}); resolved by {@link TechnologyMenu#generation}
 * @param lengthMeters the cable length (m), positive and finite
 * @param count        how many links (each with two ends), zero or more
 */
public record LinkGroup(String tier, String generation, double lengthMeters, long count) {

    public LinkGroup {
        if (tier == null || tier.isBlank()) {
            throw new IllegalArgumentException("link group tier \"" + tier + "\" is blank — expected a tier name, e.g. leaf-spine");
        }
        if (generation == null || generation.isBlank()) {
            throw new IllegalArgumentException("link group " + tier + ": generation \"" + generation
                    + "\" is blank — expected a host generation, e.g. 800G or 1.6T");
        }
        if (!(lengthMeters > 0 && Double.isFinite(lengthMeters))) {
            throw new IllegalArgumentException("link group " + tier + ": cable length " + lengthMeters
                    + " m — expected a positive finite length in metres (hint: a cable is at least a few centimetres long)");
        }
        if (count < 0) {
            throw new IllegalArgumentException("link group " + tier + ": count " + count + " — expected zero or more links");
        }
    }
}
