package org.mosaic.cli;

import org.mosaic.studies.channel.Sweep;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mosaic.optics.ChannelSpecs;

/**
 * Issue 12: bad inputs to {@code optics} (and its sweep and fit) generated at random — misspelt keys at
 * any depth, values without or with the wrong unit, out-of-range and huge values, keys given twice,
 * conflicting options — must each give exit 2 with a message naming the input: never exit 0 with the
 * input ignored, never exit 1, never a stack trace. Every input here is bad by construction and fails
 * before any channel is analysed, so the tries are fast.
 */
class OpticsFuzzTest {

    /** A bad command line and the text its message must contain. */
    record Case(List<String> args, String named) {
    }

    @Property(tries = 60, seed = "12")
    void badInputsAreRefusedNamingTheInput(@ForAll("badInputs") Case c) {
        Cli r = Cli.run(c.args().toArray(String[]::new));
        assertThat(r.exit()).as(c.args() + "\n" + r.err()).isEqualTo(2);
        assertThat(r.err()).as(c.args().toString()).contains(c.named());
        assertThat(r.noStackTrace()).as(r.err()).isTrue();
        assertThat(r.out()).as("no answer for a refused input " + c.args()).isEmpty();
    }

    @Provide
    Arbitrary<Case> badInputs() {
        return Arbitraries.oneOf(misspeltKey(), badValue(), duplicateSet(), setAndSweep(), hugeSweep());
    }

    private static final List<String> KEYS = new ArrayList<>(ChannelSpecs.PARAMETERS.keySet());

    /** A known key with one letter changed, dropped or doubled, or under another section. */
    private Arbitrary<Case> misspeltKey() {
        Arbitrary<String> key = Arbitraries.of(KEYS);
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 1000);
        Arbitrary<Integer> how = Arbitraries.integers().between(0, 3);
        return Combinators.combine(key, where, how).as((k, w, h) -> {
            int i = w % k.length();
            String bad = switch (h) {
                case 0 -> k.substring(0, i) + k.substring(i + 1); // dropped letter
                case 1 -> k.substring(0, i) + k.charAt(i) + k.substring(i); // doubled letter
                case 2 -> "x" + k; // misspelt section
                default -> k + "x"; // misspelt name
            };
            return bad;
        }).filter(bad -> !ChannelSpecs.PARAMETERS.containsKey(bad) && !bad.startsWith(".") && !bad.endsWith(".")
                        && !bad.contains("..") && !bad.startsWith("provenance") && !bad.startsWith("description")
                        && !bad.startsWith("name"))
                .map(bad -> new Case(List.of("optics", "--set", bad + "=1"), bad));
    }

    /** A known key with a value that is not a quantity of its dimension, or out of its range. */
    private Arbitrary<Case> badValue() {
        Arbitrary<String> key = Arbitraries.of(KEYS.stream().filter(k -> !ChannelSpecs.PARAMETERS.get(k).dimension().units().isEmpty())
                .toList());
        Arbitrary<String> value = Arbitraries.of("blue", "30 parsecs", "1e400 m", "NaN", "", "-", "2 GB/m", "1e999999 W", "3 dB/furlong");
        return Combinators.combine(key, value).as((k, v) -> new Case(List.of("optics", "--set", k + "=" + v), k));
    }

    private Arbitrary<Case> duplicateSet() {
        return Arbitraries.of(KEYS).map(k -> new Case(List.of("optics", "--set", k + "=1", "--set", k + "=2"), k));
    }

    private Arbitrary<Case> setAndSweep() {
        return Arbitraries.of("fiber.length=5m..60m:5m", "led.averagePower=-6dBm..-4dBm:1dB", "fiber.attenuation=0.1dB/m..0.3dB/m:0.1dB/m")
                .map(s -> {
                    String key = s.substring(0, s.indexOf('='));
                    return new Case(List.of("optics", "--set", key + "=1", "--sweep", s), "--sweep");
                });
    }

    private Arbitrary<Case> hugeSweep() {
        return Arbitraries.longs().between(Sweep.MAX_POINTS + 1L, 1_000_000_000_000L)
                .map(n -> new Case(List.of("optics", "--sweep", "fiber.length=0m..1000m:" + (1000.0 / n) + "m"), "at most"));
    }
}
