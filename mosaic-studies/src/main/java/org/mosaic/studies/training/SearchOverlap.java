package org.mosaic.studies.training;

import java.util.Arrays;
import java.util.Locale;
import org.mosaic.cluster.training.TpOverlap;

/**
 * Which TP overlaps a plan search may choose from. {@link TpOverlap#BACKWARD} is the overlap Megatron ran and measured
 * ([korthikanti-2022] §6.2, Table 4, on which the step model's compute slow-down is calibrated); ring and pipelined are
 * Transformer Engine's collective matmuls, whose exposure forms are assumed (Mosaic developers), not measured.
 */
public enum SearchOverlap {
    /** Backward and ring, whichever is faster for each plan (the search's behaviour before the option existed). */
    ALL("all"),
    /** Backward only: every plan is ranked under the overlap that was measured. */
    MEASURED("measured");

    private final String word;

    SearchOverlap(String word) {
        this.word = word;
    }

    /** The CLI / JSON word. */
    public String word() {
        return word;
    }

    /** The scope for a word: all, measured. */
    public static SearchOverlap parse(String word) {
        if (word != null) {
            for (SearchOverlap s : values()) {
                if (s.word.equalsIgnoreCase(word.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "search-overlap '%s' — expected one of %s", word,
                Arrays.stream(values()).map(SearchOverlap::word).toList()));
    }

    /** Whether a plan's TP overlap was measured rather than assumed (none hides nothing, so it assumes nothing). */
    public static boolean measured(TpOverlap mode) {
        return mode == TpOverlap.NONE || mode == TpOverlap.BACKWARD;
    }
}
