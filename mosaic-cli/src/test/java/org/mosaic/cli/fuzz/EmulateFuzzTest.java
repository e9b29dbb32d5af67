package org.mosaic.cli.fuzz;

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
import net.jqwik.api.constraints.IntRange;
import org.mosaic.cli.fuzz.Fuzz.Run;

/**
 * Fuzz of {@code mosaic emulate}: bad values of every option, --set keys, conflicting options. Work is kept small
 * (--ber given, so no channel model; a few thousand codewords).
 */
class EmulateFuzzTest {
    static final Set<String> KEYS = Fuzz.presetKeys(LinkFuzzTest.PRESET);
    static final List<String> CHEAP = List.of("emulate", "--format", "json", "--ber", "1e-4", "--codewords", "2000");

    static Run cheap(String... more) {
        List<String> args = new ArrayList<>(CHEAP);
        for (int i = 0; i < more.length; i += 2) {
            int at = args.indexOf(more[i]);
            if (at >= 0 && i + 1 < more.length) {
                args.remove(at + 1);
                args.remove(at);
            }
        }
        args.addAll(List.of(more));
        return Fuzz.run(args);
    }

    @Property(tries = 24, seed = "1241", shrinking = ShrinkingMode.OFF)
    void badOptionValueIsRefusedNamingIt(@ForAll("badValues") List<String> ov) {
        Run r = cheap(ov.get(0), ov.get(1));
        Fuzz.refused(r, ov.get(0), ov.get(1));
    }

    @Provide
    Arbitrary<List<String>> badValues() {
        return Arbitraries.oneOf(
                pairs("--codewords", "-1", "0", "1e20", "99999999999999999999", "abc", "2.5", ""),
                pairs("--duration", "0s", "0 s", "-1 ms", "5", "5 m", "abc", "NaN s"),
                pairs("--ber", "-1e-4", "2", "1.5", "NaN", "abc", "1e-4 m", "Infinity"),
                pairs("--detect", "-1 us", "5", "5 m", "abc"),
                pairs("--frame-bytes", "0", "-64", "1e12", "abc", "99999999999999"),
                pairs("--dead-channels", "-1", "100000", "abc", "1e9"),
                pairs("--mapping", "bits", "xyz", ""),
                pairs("--engine", "exact", "fast", ""),
                pairs("--fec", "kp5", "rs", ""),
                pairs("--fail", "17", "17@", "@5us", "-1@5us", "100000@5us", "17@-5us", "17@5", "17@5us:melted", "x@y", "17@1e99s"));
    }

    static Arbitrary<List<String>> pairs(String option, String... values) {
        return Arbitraries.of(values).map(v -> List.of(option, v));
    }

    @Property(tries = 3, seed = "1242", shrinking = ShrinkingMode.OFF)
    void validCodewordsAreHonoured(@ForAll @IntRange(min = 1, max = 4000) int n) {
        Run r = cheap("--codewords", Integer.toString(n));
        Fuzz.refusedOrHonoured(r, x -> x.json().get("codewords").asLong() == n, "--codewords");
    }

    @Property(tries = 6, seed = "1243", shrinking = ShrinkingMode.OFF)
    void unknownSetKeyIsRefusedNamingIt(@ForAll("unknownKeys") String key) {
        Fuzz.refused(cheap("--set", key + "=1 m"), key, key.substring(key.lastIndexOf('.') + 1));
    }

    @Provide
    Arbitrary<String> unknownKeys() {
        return Arbitraries.oneOf(Fuzz.unknownKey(KEYS), Fuzz.misspelling(KEYS));
    }

    @Property(tries = 6, seed = "1244", shrinking = ShrinkingMode.OFF)
    void misspeltOptionIsRefusedNamingIt(@ForAll("options") String option) {
        Fuzz.refused(Fuzz.run("emulate", option, "1"), option);
    }

    @Provide
    Arbitrary<String> options() {
        return Fuzz.misspelling(Fuzz.optionNames("emulate"));
    }

    /** A failure after the end of the run would change nothing: refused (or the run extended, visibly). */
    @Property(tries = 3, seed = "1245", shrinking = ShrinkingMode.OFF)
    void failureAfterTheEndIsRefused(@ForAll @IntRange(min = 2, max = 50) int ms) {
        Run r = Fuzz.run("emulate", "--format", "json", "--ber", "1e-4", "--duration", "1ms", "--fail", "17@" + ms + "ms");
        Fuzz.refused(r, "--fail", "17@" + ms + "ms");
    }

    @Property(tries = 2, seed = "1246", shrinking = ShrinkingMode.OFF)
    void conflictingOptionsAreRefused(@ForAll("conflicts") List<String> args) {
        List<String> all = new ArrayList<>(List.of("emulate", "--format", "json"));
        all.addAll(args);
        Fuzz.refused(Fuzz.run(all), args.get(0), args.get(args.size() - 2));
    }

    @Provide
    Arbitrary<List<String>> conflicts() {
        return Arbitraries.of(
                List.of("--codewords", "1000", "--duration", "1ms"),
                List.of("--ber", "2.4e-4", "--codewords", "1000", "--detect", "10us"));
    }

    @Example
    void zeroDurationIsRefused() {
        Fuzz.refused(cheap("--codewords", "1", "--duration", "0s"), "--duration");
    }

    @Example
    void hugeWorkIsRefusedBeforeRunning() {
        Fuzz.refused(Fuzz.runIsolated(10, "emulate", "--format", "json", "--ber", "1e-4", "--codewords", "1000000000000"),
                "--codewords", "1000000000000");
        Fuzz.refused(Fuzz.runIsolated(10, "emulate", "--format", "json", "--ber", "1e-4", "--duration", "1 years"), "--duration", "1 years");
        Fuzz.refused(Fuzz.runIsolated(10, "emulate", "--format", "json", "--ber", "1e-4", "--duration", "1e9 s"), "--duration", "1e9 s");
    }

    @Example
    void channelScenarioAsCableIsRefused() {
        Fuzz.refused(cheap("--preset", "mosaic-prototype"), "mosaic-prototype");
    }

    @Property(tries = 2, seed = "1247", shrinking = ShrinkingMode.OFF)
    void modelBerWithSetLengthIsCleanWhenTheKeyIsReal(@ForAll("realLengths") String length) {
        Run r = Fuzz.run("emulate", "--format", "json", "--codewords", "1000", "--set", "fiber.length=" + length);
        Fuzz.refusedOrHonoured(r, x -> true, "fiber.length");  // here the property is only: clean and bounded
    }

    @Provide
    Arbitrary<String> realLengths() {
        return Combinators.combine(Arbitraries.integers().between(1, 60), Arbitraries.of(" m", "m")).as((n, u) -> n + u);
    }
}
