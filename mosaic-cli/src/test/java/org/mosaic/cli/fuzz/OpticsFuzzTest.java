package org.mosaic.cli.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.DoubleRange;
import org.mosaic.cli.fuzz.Fuzz.Run;

/** Fuzz of {@code mosaic optics}: bad --set keys and values, malformed scenario files, unknown and conflicting options. */
class OpticsFuzzTest {
    static final String PRESET = "mosaic-prototype";
    static final Set<String> KEYS = Fuzz.presetKeys(PRESET);
    static final Path DIR = Fuzz.tempDir();

    @Property(tries = 18, seed = "1201", shrinking = ShrinkingMode.OFF)
    void unknownOrMisspeltSetKeyIsRefusedNamingIt(@ForAll("unknownKeys") String key) {
        Run r = Fuzz.run("optics", "--format", "json", "--set", key + "=30 m");
        Fuzz.refused(r, key, key.substring(key.lastIndexOf('.') + 1));
    }

    @Provide
    Arbitrary<String> unknownKeys() {
        return Arbitraries.oneOf(Fuzz.unknownKey(KEYS), Fuzz.misspelling(KEYS), Arbitraries.of("fibre.length", "foo", "fiber.Length"));
    }

    @Property(tries = 18, seed = "1202", shrinking = ShrinkingMode.OFF)
    void badQuantityIsRefusedNamingTheKeyOrValue(@ForAll("badQuantities") List<String> kv) {
        Run r = Fuzz.run("optics", "--format", "json", "--set", kv.get(0) + "=" + kv.get(1));
        Fuzz.refused(r, kv.get(0));
    }

    @Provide
    Arbitrary<List<String>> badQuantities() {
        List<Arbitrary<List<String>>> each = new ArrayList<>();
        for (String[] leaf : Fuzz.quantityLeaves(PRESET)) {
            each.add(Fuzz.badQuantity(leaf[1]).map(v -> List.of(leaf[0], v)));
        }
        return Arbitraries.oneOf(each);
    }

    /** Counts and plain numbers: negative, zero, huge, fractional where whole, not numbers. */
    @Property(tries = 12, seed = "1203", shrinking = ShrinkingMode.OFF)
    void badCountIsRefused(@ForAll("countKeys") String key, @ForAll("badCounts") String value) {
        Run r = Fuzz.run("optics", "--format", "json", "--set", key + "=" + value);
        Fuzz.refused(r, key, value);
    }

    @Provide
    Arbitrary<String> countKeys() {
        return Arbitraries.of("link.array.rows", "link.array.cols", "fiber.coreCount", "optics.fresnelFaces");
    }

    @Provide
    Arbitrary<String> badCounts() {
        return Arbitraries.of("-1", "-7", "2.5", "1e300", "99999999999999999999", "abc", "", "NaN", "10 m");
    }

    @Property(tries = 4, seed = "1204", shrinking = ShrinkingMode.OFF)
    void validLengthIsHonoured(@ForAll @DoubleRange(min = 1, max = 60) double meters) {
        double m = Math.round(meters * 10) / 10.0;
        Run r = Fuzz.run("optics", "--format", "json", "--set", "fiber.length=" + m + " m");
        Fuzz.refusedOrHonoured(r, x -> Fuzz.close(x.json().get("fiberLengthMeters").asDouble(), m), "fiber.length");
    }

    @Property(tries = 3, seed = "1205", shrinking = ShrinkingMode.OFF)
    void outOfRangeLengthIsRefused(@ForAll("hugeLengths") String length) {
        Run r = Fuzz.run("optics", "--format", "json", "--set", "fiber.length=" + length);
        Fuzz.refused(r, "fiber.length", length);
    }

    @Provide
    Arbitrary<String> hugeLengths() {
        return Arbitraries.of("-5 m", "1e9 m", "20000 km", "1e308 km", "-1e-300 m");
    }

    @Property(tries = 15, seed = "1206", shrinking = ShrinkingMode.OFF)
    void malformedScenarioFileIsRefused(@ForAll("malformed") Fuzz.Malformed doc) {
        Path f = doc.write(DIR);
        Run r = Fuzz.run("optics", "--format", "json", "--scenario", f.toString());
        List<String> names = new ArrayList<>(List.of(doc.names()));
        Fuzz.refused(r, names.toArray(String[]::new));
    }

    @Provide
    Arbitrary<Fuzz.Malformed> malformed() {
        return Fuzz.malformed(PRESET);
    }

    @Property(tries = 9, seed = "1207", shrinking = ShrinkingMode.OFF)
    void misspeltOptionIsRefusedNamingIt(@ForAll("options") String option) {
        Run r = Fuzz.run("optics", option, "json");
        Fuzz.refused(r, option);
    }

    @Provide
    Arbitrary<String> options() {
        return Fuzz.misspelling(Fuzz.optionNames("optics"));
    }

    @Property(tries = 5, seed = "1208", shrinking = ShrinkingMode.OFF)
    void badSweepIsRefused(@ForAll("sweeps") String sweep) {
        Run r = Fuzz.run("optics", "--format", "json", "--sweep", sweep);
        Fuzz.refused(r, sweep, sweep.substring(0, Math.max(1, sweep.indexOf('='))));
    }

    @Provide
    Arbitrary<String> sweeps() {
        return Combinators.combine(Arbitraries.of("fiber.length", "fibre.length", "led.wavelength", "zzz"),
                Arbitraries.of("5m..1m:1m", "1m..5m:0m", "1m..5m:-1m", "1m..5m", "1..5:1", "1m..1000km:1mm", "1 Gb/s..2 Gb/s:1 Gb/s", "a..b:c"))
                .as((k, v) -> k + "=" + v);
    }

    @Example
    void setAndSweepOfTheSameKeyIsRefused() {
        Fuzz.refused(Fuzz.run("optics", "--format", "json", "--set", "fiber.length=30m", "--sweep", "fiber.length=5m..10m:5m"),
                "fiber.length");
    }

    @Example
    void presetAndScenarioTogetherAreRefused() {
        Path f = new Fuzz.Malformed("yaml", Fuzz.presetYaml(PRESET)).write(DIR);
        Fuzz.refused(Fuzz.run("optics", "--preset", PRESET, "--scenario", f.toString()), "--preset", "--scenario");
    }

    @Example
    void plotWithCsvOfASweepIsCleanAndUnwritablePlotIsRefused() {
        Fuzz.refused(Fuzz.run("optics", "--plot", DIR.resolve("missing/x.svg").toString()), "missing");
        Fuzz.refused(Fuzz.run("optics", "--plot", DIR.resolve("x.pdf").toString()), "x.pdf");
    }
}
