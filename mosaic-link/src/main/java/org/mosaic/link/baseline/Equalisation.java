package org.mosaic.link.baseline;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What sits in the plugs of a copper cable, and so how much loss the twinax may have at f_Nyquist.
 */
public enum Equalisation {
    /** Passive DAC: the twinax gets the cable allowance (bump-to-bump budget minus host and plug losses). */
    PASSIVE("passive"),
    /**
     * Linear redriver (LACC): the allowance plus the redriver's extra gain in dB at f_Nyquist; the host
     * SerDes still closes the whole channel, so the gain adds to the cable's share.
     */
    REDRIVER("redriver"),
    /**
     * Retimer/DSP in each plug (AEC): the host channel ends at the plug, so the twinax between the two
     * retimers gets the whole bump-to-bump budget (allowance + host and plug losses). An upper bound: the
     * plug's own paddle-card loss is not separated from the host losses in [amd-xapp1392], [intel-an846-kp4].
     */
    RETIMER("retimer");

    private final String id;

    Equalisation(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public static Equalisation fromId(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Equalisation e : values()) {
            if (e.id.equals(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown equalisation \"" + text + "\": expected one of "
                + Arrays.stream(values()).map(Equalisation::id).collect(Collectors.joining(", ")));
    }
}
