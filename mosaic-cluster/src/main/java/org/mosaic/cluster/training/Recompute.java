package org.mosaic.cluster.training;

import java.util.Arrays;
import java.util.Locale;

/**
 * Activation recomputation (Korthikanti et al. 2022, [korthikanti-2022]): what a layer keeps for its
 * backward pass and what it computes again.
 */
public enum Recompute {
    /** Keep every activation; no extra compute. */
    NONE,
    /** Recompute only the attention core (Q·Kᵀ, softmax, dropout, attention·V): drops the s²-sized activations. */
    SELECTIVE,
    /** Keep only each layer's input; run the whole layer's forward again before its backward. */
    FULL;

    /** The value for a CLI / scenario word: none, selective, full. */
    public static Recompute parse(String word) {
        if (word != null) {
            for (Recompute r : values()) {
                if (r.name().equalsIgnoreCase(word.trim())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "recompute '%s' — expected one of %s", word,
                Arrays.stream(values()).map(r -> r.name().toLowerCase(Locale.ROOT)).toList()));
    }

    /** The lower-case word. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
