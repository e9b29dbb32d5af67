package org.mosaic.studies;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The unit of a result's number read from its name, by Mosaic's convention that a key ends in its unit
 * ({@code perEndWatts}, {@code reachMeters}, {@code dieAreaMm2}, {@code lineRateBitsPerSecond}). Names that carry no
 * unit are plain numbers ({@code "1"}: counts, ratios, probabilities), unless a {@link Metric} says otherwise.
 */
public final class Units {
    /** Endings, longest first within a family, with their units. */
    private static final List<Map.Entry<String, String>> SUFFIXES = List.of(
            Map.entry("bitspersecond", "b/s"),
            Map.entry("gpuhoursperday", "GPU·h/d"),
            Map.entry("persecond", "1/s"),
            Map.entry("perday", "1/d"),
            Map.entry("peryear", "1/yr"),
            Map.entry("picojoules", "pJ"),
            Map.entry("joules", "J"),
            Map.entry("megawatts", "MW"),
            Map.entry("kilowatts", "kW"),
            Map.entry("watts", "W"),
            Map.entry("kwh", "kWh"),
            Map.entry("gpuhours", "GPU·h"),
            Map.entry("hours", "h"),
            Map.entry("seconds", "s"),
            Map.entry("days", "d"),
            Map.entry("years", "yr"),
            Map.entry("mm2", "mm²"),
            Map.entry("m3", "m³"),
            Map.entry("km", "km"),
            Map.entry("meters", "m"),
            Map.entry("dbm", "dBm"),
            Map.entry("db", "dB"),
            Map.entry("hz", "Hz"),
            Map.entry("usd", "USD"),
            Map.entry("bytes", "B"),
            Map.entry("bits", "bit"),
            Map.entry("fit", "FIT"),
            Map.entry("ui", "UI"),
            Map.entry("percent", "%"));

    /**
     * Beginnings that give the unit when the name ends in a subject instead ({@code fitPerEnd}, {@code kwPerRack},
     * {@code meanHoursBetweenLinkFailures}); checked before the endings. A price per energy is both.
     */
    private static final List<Map.Entry<String, String>> PREFIXES = List.of(
            Map.entry("usdPerKwh", "USD/kWh"),
            Map.entry("usdPer", "USD"),
            Map.entry("fitPer", "FIT"),
            Map.entry("kwPer", "kW"),
            Map.entry("wattsPer", "W"),
            Map.entry("meanHoursBetween", "h"),
            Map.entry("hoursBetween", "h"));

    private Units() {
    }

    /**
     * The unit of a number at a JSON path ({@code latency.averagedLatencySeconds.value}): its own name's, else its
     * parent's when the parent is named for a unit and the number for a statistic of it ({@code value}, {@code lower95}),
     * else {@code "1"}.
     */
    public static String ofPath(String path) {
        String[] parts = path.replaceAll("\\[\\d*]", "").replace(".*", "").split("\\.");
        String own = ofKey(parts[parts.length - 1]);
        if (!own.equals("1") || parts.length < 2) {
            return own;
        }
        return ofKey(parts[parts.length - 2]);
    }

    /** The unit a key's name gives its number: its ending, else {@code "1"}. */
    public static String ofKey(String key) {
        for (Map.Entry<String, String> e : PREFIXES) {
            if (key.startsWith(e.getKey()) && (key.length() == e.getKey().length()
                    || Character.isUpperCase(key.charAt(e.getKey().length())))) {
                return e.getValue();
            }
        }
        String k = key.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : SUFFIXES) {
            if (k.endsWith(e.getKey()) && boundary(key, key.length() - e.getKey().length())) {
                return e.getValue();
            }
        }
        return "1";
    }

    /** The ending starts a word of the camel-case name (so {@code profit} is not FIT, {@code bits} is). */
    private static boolean boundary(String key, int at) {
        return at == 0 || Character.isUpperCase(key.charAt(at));
    }
}
