package org.mosaic.datapath;

import java.util.Locale;

/**
 * How the gearbox deals host bits onto the data channels. Every mapping is a pure index permutation of
 * a superblock (see {@link org.mosaic.datapath.gearbox.GearboxMap}); the receiver applies the inverse.
 */
public enum Mapping {
    /** Round-robin of the aggregate host bit stream (host lanes bit-interleaved): host bit g goes to channel g mod D. */
    BIT("bit"),
    /** The gearbox recovers the FEC symbol stream (PCS lanes taken round-robin) and deals whole symbols round-robin. */
    SYMBOL("symbol"),
    /** Whole symbols, dealt codeword by codeword, so each codeword's symbols cover as many channels as possible. */
    CODEWORD_AWARE("codeword-aware");

    private final String id;

    Mapping(String id) {
        this.id = id;
    }

    /** The name used in scenario files, on the command line and in JSON. */
    public String id() {
        return id;
    }

    /** Parses {@code bit}, {@code symbol} or {@code codeword-aware} (case-insensitive). */
    public static Mapping parse(String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Mapping m : values()) {
                if (m.id.equals(t)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("mapping \"" + text + "\" is unknown — expected one of bit, symbol, "
                + "codeword-aware (hint: symbol keeps each 10-bit symbol on one channel)");
    }
}
