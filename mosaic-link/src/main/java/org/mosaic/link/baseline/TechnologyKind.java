package org.mosaic.link.baseline;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The class of a link technology. The declaration order is the order of rows in a comparison (copper
 * first, then optics from the most to the least integrated, then microLED links from our own model).
 */
public enum TechnologyKind {
    PASSIVE_COPPER("passive-copper", "passive copper (DAC)"),
    LINEAR_ACTIVE_COPPER("linear-active-copper", "linear active copper (LACC)"),
    ACTIVE_ELECTRICAL_CABLE("active-electrical-cable", "active electrical cable (AEC)"),
    ACTIVE_OPTICAL_CABLE("active-optical-cable", "active optical cable (AOC)"),
    DSP_PLUGGABLE("dsp-pluggable", "DSP pluggable optics"),
    LINEAR_PLUGGABLE_OPTICS("linear-pluggable-optics", "linear pluggable optics (LPO)"),
    CO_PACKAGED_OPTICS("co-packaged-optics", "co-packaged optics (CPO)"),
    MICROLED("microled", "microLED wide-and-slow link");

    private final String id;
    private final String label;

    TechnologyKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The spelling used in the catalog file and in JSON, e.g. {@code passive-copper}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** A human-readable name, e.g. "passive copper (DAC)". */
    public String label() {
        return label;
    }

    /** Parses the catalog spelling ({@code dsp-pluggable}); the message lists every kind when it is unknown. */
    public static TechnologyKind fromId(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (TechnologyKind k : values()) {
            if (k.id.equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown technology kind \"" + text + "\": expected one of "
                + Arrays.stream(values()).map(TechnologyKind::id).collect(Collectors.joining(", ")));
    }
}
