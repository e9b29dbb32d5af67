package org.mosaic.cli.fuzz;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import org.mosaic.cli.fuzz.Fuzz.Run;

/** Fuzz of {@code mosaic compare}: bad rates and lengths, --set keys, unknown options. */
class CompareFuzzTest {
    static final Set<String> KEYS = Fuzz.presetKeys(LinkFuzzTest.PRESET);

    @Property(tries = 9, seed = "1231", shrinking = ShrinkingMode.OFF)
    void badLengthIsRefusedNamingIt(@ForAll("badLengths") String length) {
        Fuzz.refused(Fuzz.run("compare", "--format", "json", "--length", length), "--length", length);
    }

    @Provide
    Arbitrary<String> badLengths() {
        return Arbitraries.of("30", "-30 m", "0 m", "30 Gb/s", "NaN m", "1e999 m", "abc", "", "30 furlongs");
    }

    @Property(tries = 6, seed = "1232", shrinking = ShrinkingMode.OFF)
    void badRateIsRefusedNamingIt(@ForAll("badRates") String rate) {
        Fuzz.refused(Fuzz.run("compare", "--format", "json", "--rate", rate), "--rate", rate);
    }

    @Provide
    Arbitrary<String> badRates() {
        return Arbitraries.of("801G", "0G", "-800G", "800", "abc", "", "800 m", "1e99G", "800GB/s");
    }

    @Property(tries = 2, seed = "1233", shrinking = ShrinkingMode.OFF)
    void validLengthIsHonoured(@ForAll @IntRange(min = 1, max = 100) int meters) {
        Run r = Fuzz.run("compare", "--format", "json", "--length", meters + " m");
        Fuzz.refusedOrHonoured(r, x -> Fuzz.close(x.json().get("lengthMeters").asDouble(), meters), "--length");
    }

    @Property(tries = 6, seed = "1234", shrinking = ShrinkingMode.OFF)
    void unknownSetKeyIsRefusedNamingIt(@ForAll("unknownKeys") String key) {
        Fuzz.refused(Fuzz.run("compare", "--format", "json", "--set", key + "=1 m"), key, key.substring(key.lastIndexOf('.') + 1));
    }

    @Provide
    Arbitrary<String> unknownKeys() {
        return Arbitraries.oneOf(Fuzz.unknownKey(KEYS), Fuzz.misspelling(KEYS));
    }

    @Property(tries = 5, seed = "1235", shrinking = ShrinkingMode.OFF)
    void misspeltOptionIsRefusedNamingIt(@ForAll("options") String option) {
        Fuzz.refused(Fuzz.run("compare", option, "json"), option);
    }

    @Provide
    Arbitrary<String> options() {
        return Fuzz.misspelling(Fuzz.optionNames("compare"));
    }

    /** The length of the comparison is --length; a fibre length set on the cables is either refused or changes the answer. */
    @Example
    void fibreLengthSetAgainstLengthIsRefusedOrHonoured() {
        Run base = Fuzz.run("compare", "--format", "json", "--length", "30 m");
        Run r = Fuzz.run("compare", "--format", "json", "--length", "30 m", "--set", "fiber.length=10m");
        Fuzz.refusedOrHonoured(r, x -> !x.json().equals(base.json()), "fiber.length");
    }

    @Example
    void hugeLengthIsRefusedOrHonoured() {
        Run r = Fuzz.run("compare", "--format", "json", "--length", "1e9 km");
        Fuzz.refusedOrHonoured(r, x -> Fuzz.close(x.json().get("lengthMeters").asDouble(), 1e12), "--length", "1e9 km");
    }

    @Example
    void unknownPresetIsRefused() {
        Fuzz.refused(Fuzz.run("compare", "--preset", "mosaic-9000"), "mosaic-9000");
    }
}
