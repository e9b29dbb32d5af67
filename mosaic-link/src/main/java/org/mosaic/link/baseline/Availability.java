package org.mosaic.link.baseline;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Whether a technology exists at a host generation, as the sources say. */
public enum Availability {
    /** Sold today at this generation. */
    OFFERED("offered"),
    /** Possible but marginal: the sources say practice avoids it (e.g. passive DAC at 200G/lane). */
    LIMITED("limited"),
    /** No product in the sources; the figures are scaled from the previous generation (3.2T). */
    PROJECTED("projected"),
    /** The sources say it is not offered at this generation (e.g. multimode optics at 200G/lane). */
    NOT_OFFERED("not-offered");

    private final String id;

    Availability(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** True unless {@link #NOT_OFFERED}: the entry has a reach, a power and a FIT. */
    public boolean available() {
        return this != NOT_OFFERED;
    }

    public static Availability fromId(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Availability a : values()) {
            if (a.id.equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown availability \"" + text + "\": expected one of "
                + Arrays.stream(values()).map(Availability::id).collect(Collectors.joining(", ")));
    }
}
