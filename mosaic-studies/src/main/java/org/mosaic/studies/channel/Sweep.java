package org.mosaic.studies.channel;

import org.mosaic.studies.Output;
import org.mosaic.studies.UsageException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.core.units.UnitException;
import org.mosaic.optics.ChannelSpecs;

/**
 * A one-parameter sweep {@code KEY=FROM..TO:STEP}, e.g. {@code fiber.length=5m..60m:5m}: FROM, TO and STEP
 * in the key's dimension. A power may also be stepped in dB ({@code led.averagePower=-10dBm..0dBm:1dB}),
 * which spaces the points geometrically.
 */
public record Sweep(String key, ChannelSpecs.Parameter parameter, double from, double to, double step, boolean stepInDb,
                    List<Double> points) {
    /** Most points a sweep may have. */
    public static final int MAX_POINTS = 1000;
    private static final String FORM = "expected KEY=FROM..TO:STEP, e.g. --sweep fiber.length=5m..60m:5m";

    public Sweep {
        points = List.copyOf(points);
    }

    public static Sweep parse(String text) {
        String t = text.trim();
        int eq = t.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--sweep \"" + text + "\": no KEY= found; " + FORM);
        }
        String key = t.substring(0, eq).trim();
        String range = t.substring(eq + 1).trim();
        ChannelSpecs.Parameter p = ChannelSpecs.PARAMETERS.get(key);
        if (p == null) {
            throw new UsageException("--sweep \"" + text + "\": unknown key \"" + key + "\": expected one of "
                    + String.join(", ", ChannelSpecs.PARAMETERS.keySet()) + hint(key));
        }
        int dots = range.indexOf("..");
        int colon = range.lastIndexOf(':');
        if (dots < 0 || colon < dots) {
            throw new UsageException("--sweep \"" + text + "\": the range \"" + range + "\" is not FROM..TO:STEP; " + FORM);
        }
        String fromText = range.substring(0, dots).trim();
        String toText = range.substring(dots + 2, colon).trim();
        String stepText = range.substring(colon + 1).trim();
        Dimension d = p.dimension();
        double from = part(text, key, "FROM", fromText, d);
        double to = part(text, key, "TO", toText, d);
        boolean inDb = false;
        double step;
        if (d == Dimension.POWER && stepText.matches(".*\\d\\s*dB\\s*$")) {
            inDb = true;
            step = part(text, key, "STEP", stepText, Dimension.DECIBEL);
        } else {
            step = part(text, key, "STEP", stepText, d);
        }
        if (!(step > 0)) {
            String example = to > from && !inDb ? Output.si((to - from) / 10, d).replace(" ", "") : d.example().replace(" ", "");
            throw new UsageException("--sweep \"" + text + "\": STEP \"" + stepText + "\" must be positive (e.g. " + key + "="
                    + fromText + ".." + toText + ":" + example + ")");
        }
        if (to < from) {
            throw new UsageException("--sweep \"" + text + "\": TO (" + toText + ") is below FROM (" + fromText
                    + "): expected FROM ≤ TO");
        }
        for (String[] end : new String[][] {{"FROM", fromText}, {"TO", toText}}) {
            double v = end[0].equals("FROM") ? from : to;
            if (v < p.min() || v > p.max()) {
                throw new UsageException("--sweep \"" + text + "\": " + end[0] + " \"" + end[1] + "\" is outside the allowed range of "
                        + key + ": " + Output.si(p.min(), d) + " to " + Output.si(p.max(), d));
            }
        }
        if (inDb && from <= 0) {
            throw new UsageException("--sweep \"" + text + "\": a STEP in dB needs FROM above 0 W");
        }
        double n = inDb ? 10 * Math.log10(to / from) / step : (to - from) / step;
        if (n + 1 > MAX_POINTS) {
            String minStep = inDb ? String.format(Locale.ROOT, "%.3gdB", 10 * Math.log10(to / from) / (MAX_POINTS - 1))
                    : Output.si((to - from) / (MAX_POINTS - 1), d).replace(" ", "");
            throw new UsageException(String.format(Locale.ROOT, "--sweep \"%s\": %.0f points, at most %d allowed (each point is a "
                    + "full channel analysis) (hint: a STEP of at least %s, or split the range over several runs)",
                    text, Math.floor(n + 1e-9) + 1, MAX_POINTS, minStep));
        }
        List<Double> pts = new ArrayList<>();
        int count = (int) Math.floor(n + 1e-9) + 1;
        for (int i = 0; i < count; i++) {
            pts.add(inDb ? from * Math.pow(10, i * step / 10) : from + i * step);
        }
        return new Sweep(key, p, from, to, step, inDb, pts);
    }

    private static double part(String text, String key, String which, String value, Dimension d) {
        if (value.isEmpty()) {
            throw new UsageException("--sweep \"" + text + "\": " + which + " is empty; " + FORM);
        }
        try {
            return Quantities.parse(value, d);
        } catch (UnitException e) {
            throw new UsageException("--sweep \"" + text + "\": " + which + " of " + key + ": " + e.getMessage());
        }
    }

    /** The value as the scenario's --set text: SI number and SI unit, exact (no rounding). */
    public String valueText(double si) {
        String unit = parameter.dimension().siUnit();
        return unit.isEmpty() ? Double.toString(si) : Double.toString(si) + " " + unit;
    }

    /** The value for people: engineering prefix and unit. */
    public String display(double si) {
        return Output.si(si, parameter.dimension());
    }

    private static String hint(String key) {
        return org.mosaic.core.scenario.SpecReader.didYouMean(key, ChannelSpecs.PARAMETERS.keySet());
    }
}
