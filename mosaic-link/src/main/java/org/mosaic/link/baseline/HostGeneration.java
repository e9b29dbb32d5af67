package org.mosaic.link.baseline;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.core.units.UnitException;

/**
 * A host interface generation: its payload rate and its electrical lanes (e.g. 800G = 8 × 106.25 Gb/s
 * PAM4 including the RS(544,514) overhead). Energy per bit is always per PAYLOAD bit (800, 1600, 3200 Gb/s;
 * [nvidia-linkx-100g] (payload-rate pJ/bit convention)).
 *
 * @param name                 e.g. {@code 800G}
 * @param lanes                number of host lanes
 * @param lane                 the lane signalling
 * @param payloadBitsPerSecond e.g. 800e9
 * @param projectedFrom        for a generation with no product in the sources, the generation its figures
 *                             are scaled from; otherwise {@code null}
 */
public record HostGeneration(String name, int lanes, LaneSignal lane, double payloadBitsPerSecond, String projectedFrom) {

    private static final Pattern SHORT = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([gGtT])\\s*");

    public HostGeneration {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("generation name is blank — expected e.g. 800G");
        }
        if (lanes < 1) {
            throw new IllegalArgumentException("generation " + name + ": " + lanes + " lanes — expected at least 1");
        }
        if (lane == null) {
            throw new IllegalArgumentException("generation " + name + " without a lane signalling — expected e.g. 100G-PAM4");
        }
        if (!(payloadBitsPerSecond > 0 && Double.isFinite(payloadBitsPerSecond))) {
            throw new IllegalArgumentException("generation " + name + ": payload " + payloadBitsPerSecond
                    + " b/s — expected a positive finite rate");
        }
        double line = lanes * lane.lineRateBitsPerSecond();
        if (line < payloadBitsPerSecond) {
            throw new IllegalArgumentException("generation " + name + ": " + lanes + " × " + lane.name() + " = "
                    + line / 1e9 + " Gb/s is less than the payload " + payloadBitsPerSecond / 1e9
                    + " Gb/s — expected line rate >= payload (the line rate includes FEC overhead)");
        }
    }

    public boolean projected() {
        return projectedFrom != null;
    }

    /** Total line rate over all lanes (payload plus FEC and coding overhead). */
    public double lineRateBitsPerSecond() {
        return lanes * lane.lineRateBitsPerSecond();
    }

    /** E.g. "800G: 8 × 106.25 Gb/s PAM4 (53.125 GBd, Nyquist 26.56 GHz), payload 800 Gb/s". */
    public String describe() {
        return name + ": " + lanes + " × " + lane.describe() + ", payload " + LaneSignal.trim(payloadBitsPerSecond / 1e9)
                + " Gb/s" + (projected() ? " (projected: no product in the sources; figures scaled from " + projectedFrom + ")" : "");
    }

    /**
     * Finds the generation named by {@code text}: a name ({@code 800G}, {@code 1.6T}, case-insensitive), the
     * same number with the other prefix ({@code 1600G}) or a data rate ({@code 1.6 Tb/s}, {@code 800 Gb/s}).
     *
     * @throws IllegalArgumentException naming the value and listing the valid generations with their lanes
     */
    public static HostGeneration parse(String text, List<HostGeneration> known) {
        if (text != null) {
            for (HostGeneration g : known) {
                if (g.name().equalsIgnoreCase(text.trim())) {
                    return g;
                }
            }
        }
        double rate = rateOf(text);
        if (!Double.isNaN(rate)) {
            for (HostGeneration g : known) {
                if (Math.abs(g.payloadBitsPerSecond() - rate) <= 1e-9 * rate) {
                    return g;
                }
            }
        }
        String what = Double.isNaN(rate) ? "not a host rate" : "no host interface has a payload of "
                + LaneSignal.trim(rate / 1e9) + " Gb/s";
        throw new IllegalArgumentException("unknown host rate \"" + text + "\" (" + what + "): expected one of "
                + known.stream().map(g -> g.name() + " (" + g.lanes() + " × " + LaneSignal.trim(g.lane().lineRateBitsPerSecond() / 1e9)
                        + " Gb/s" + (g.projected() ? ", projected" : "") + ")").collect(Collectors.joining(", "))
                + " (hint: write the rate as 800G, 1.6T or 1.6 Tb/s)");
    }

    private static double rateOf(String text) {
        if (text == null) {
            return Double.NaN;
        }
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            double v = Double.parseDouble(m.group(1));
            return v * (m.group(2).toUpperCase(Locale.ROOT).equals("T") ? 1e12 : 1e9);
        }
        try {
            return Quantities.parse(text, Dimension.DATA_RATE);
        } catch (UnitException e) {
            return Double.NaN;
        }
    }
}
