package org.mosaic.datapath;

import java.util.Locale;

/** The three emulation engines; all report the same {@link EmulationResult}. */
public enum Engine {
    /** Every payload bit moves through encoder, gearbox, channels, deskew, inverse gearbox and decoder. */
    BIT_EXACT("bit-exact"),
    /** Only error positions are sampled; syndromes come from the error pattern alone; clean codewords cost nothing. */
    ERROR_EVENT("error-event"),
    /** Codeword failures sampled under tilted symbol-error probabilities and reweighted by the likelihood ratio. */
    IMPORTANCE("importance");

    private final String id;

    Engine(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses {@code bit-exact}, {@code error-event} or {@code importance} (case-insensitive). */
    public static Engine parse(String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Engine e : values()) {
                if (e.id.equals(t)) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("engine \"" + text + "\" is unknown — expected one of bit-exact, "
                + "error-event, importance (hint: importance reaches frame loss ratios far below brute force)");
    }
}
