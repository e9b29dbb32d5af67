package org.mosaic.datapath.channel;

import org.mosaic.datapath.Require;

/**
 * Errors correlated between grid neighbours: a random (or burst) error on one channel in bit slot i
 * causes an error on each 4-connected grid neighbour that carries data, in the same slot, with
 * probability {@code conditionalProbability}, independently per neighbour. One generation only (an
 * induced error induces nothing), and fault or deskew-slip errors induce nothing. A channel's BER thus
 * rises by about conditionalProbability × Σ (neighbours' BER). 0 disables it.
 */
public record Crosstalk(double conditionalProbability) {
    public static final Crosstalk NONE = new Crosstalk(0);

    public Crosstalk {
        Require.probability("crosstalk.conditionalProbability", conditionalProbability, 1,
                "P(error on a neighbour in the same slot | error here)");
    }

    public boolean enabled() {
        return conditionalProbability > 0;
    }
}
