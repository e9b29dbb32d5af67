package org.mosaic.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** jqwik properties of {@link Quantities}; jqwik's default seed handling prints the seed of any failure. */
class QuantitiesPropertyTest {

    @Property
    void formatThenParseRoundTripsTo4SignificantDigits(@ForAll Dimension dim,
            @ForAll @DoubleRange(min = -20, max = 20) double log10, @ForAll boolean negative) {
        double x = (negative ? -1 : 1) * Math.pow(10, log10);
        String text = Quantities.format(x, dim);
        // 4 significant digits, rounded half up: relative error at most 5e-4
        assertThat(Quantities.parse(text, dim)).as(text).isCloseTo(x, offset(Math.abs(x) * 1e-3));
    }

    /** A spelling, its dimension and its value in SI, written out independently of {@link Quantities}. */
    record Spelling(String unit, Dimension dim, double factor) {
    }

    private static final Map<String, Double> PREFIX = Map.ofEntries(
            Map.entry("f", 1e-15), Map.entry("p", 1e-12), Map.entry("n", 1e-9), Map.entry("u", 1e-6),
            Map.entry("µ", 1e-6), Map.entry("m", 1e-3), Map.entry("", 1.0), Map.entry("k", 1e3),
            Map.entry("M", 1e6), Map.entry("G", 1e9), Map.entry("T", 1e12));

    private static void add(List<Spelling> out, Dimension dim, String prefixes, String unit, double factor) {
        for (String p : prefixes.split(",", -1)) {
            out.add(new Spelling(p + unit, dim, PREFIX.get(p) * factor));
        }
    }

    @Provide
    Arbitrary<Spelling> spellings() {
        List<Spelling> s = new ArrayList<>();
        add(s, Dimension.LENGTH, "n,u,µ,m,,k", "m", 1);
        add(s, Dimension.TIME, "f,p,n,u,µ,m,", "s", 1);
        add(s, Dimension.FREQUENCY, ",k,M,G,T", "Hz", 1);
        for (String bits : List.of("b/s", "bit/s", "bps")) {
            add(s, Dimension.DATA_RATE, ",k,M,G,T", bits, 1);
        }
        add(s, Dimension.DATA_RATE, ",k,M,G", "B/s", 8);
        add(s, Dimension.POWER, "p,n,u,µ,m,", "W", 1);
        add(s, Dimension.CURRENT, "f,p,n,u,µ,m,", "A", 1);
        for (String root : List.of("/sqrt(Hz)", "/√Hz", "/rtHz")) {
            add(s, Dimension.NOISE_CURRENT_DENSITY, "f,p,n,u", "A" + root, 1);
        }
        for (String dot : List.of("*", "·", ".")) {
            add(s, Dimension.BANDWIDTH_LENGTH, ",k,M,G", "Hz" + dot + "m", 1);
            add(s, Dimension.BANDWIDTH_LENGTH, ",k,M,G", "Hz" + dot + "km", 1e3);
        }
        s.add(new Spelling("dB/m", Dimension.ATTENUATION, 1));
        s.add(new Spelling("dB/km", Dimension.ATTENUATION, 1e-3));
        s.add(new Spelling("dB/cm", Dimension.ATTENUATION, 1e2));
        s.add(new Spelling("dB", Dimension.DECIBEL, 1));
        s.add(new Spelling("A/W", Dimension.RESPONSIVITY, 1));
        s.add(new Spelling("mA/mW", Dimension.RESPONSIVITY, 1));
        s.add(new Spelling("ps/(nm*km)", Dimension.DISPERSION, 1e-6));
        s.add(new Spelling("ps/(nm·km)", Dimension.DISPERSION, 1e-6));
        s.add(new Spelling("ps/nm/km", Dimension.DISPERSION, 1e-6));
        s.add(new Spelling("%", Dimension.FRACTION, 1e-2));
        return Arbitraries.of(s);
    }

    @Property
    void prefixedUnitsParseToValueTimesPrefix(@ForAll("spellings") Spelling spelling,
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double x, @ForAll boolean space) {
        String text = x + (space ? " " : "") + spelling.unit();
        double expected = x * spelling.factor();
        assertThat(Quantities.parse(text, spelling.dim())).as(text).isCloseTo(expected, offset(Math.abs(expected) * 1e-12));
    }

    @Provide
    Arbitrary<String> unitLikeGarbage() {
        return Arbitraries.strings().withChars("0123456789.eE+- %/()*·µμ√kMGTmnpfcusHzbBWAdtqrNaIiy\t\u00A0")
                .ofMinLength(0).ofMaxLength(14);
    }

    @Property(tries = 3000)
    void garbageOnlyEverThrowsUnitException(@ForAll Dimension dim, @ForAll("unitLikeGarbage") String text) {
        checkParseOrUnitException(text, dim);
    }

    @Property
    void arbitraryStringsOnlyEverThrowUnitException(@ForAll Dimension dim, @ForAll String text) {
        checkParseOrUnitException(text, dim);
    }

    private static void checkParseOrUnitException(String text, Dimension dim) {
        try {
            assertThat(Quantities.parse(text, dim)).isFinite();
        } catch (UnitException e) { // any other exception fails the property
            assertThat(e.dimension()).isEqualTo(dim);
            assertThat(e.text()).isEqualTo(text);
            assertThat(e.getMessage()).contains("\"" + text + "\"").contains(dim.description()).contains("e.g. \"");
        }
    }
}
