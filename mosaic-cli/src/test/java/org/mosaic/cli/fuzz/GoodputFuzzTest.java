package org.mosaic.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import org.mosaic.cli.fuzz.Fuzz.Run;

/** Fuzz of {@code mosaic goodput} with a small campaign (cheap): bad values of every option, unknown options. */
class GoodputFuzzTest {
    static final List<String> SMALL = List.of("goodput", "--format", "json", "--gpus", "1024", "--days", "1", "--trials", "2");

    static Run small(String... more) {
        List<String> args = new ArrayList<>(SMALL);
        for (int i = 0; i + 1 < more.length; i += 2) {
            int at = args.indexOf(more[i]);
            if (at >= 0) {
                args.remove(at + 1);
                args.remove(at);
            }
        }
        args.addAll(List.of(more));
        return Fuzz.run(args);
    }

    @Property(tries = 24, seed = "1271", shrinking = ShrinkingMode.OFF)
    void badOptionValueIsRefusedNamingIt(@ForAll("badValues") List<String> ov) {
        Fuzz.refused(small(ov.get(0), ov.get(1)), ov.get(0), ov.get(1));
    }

    @Provide
    Arbitrary<List<String>> badValues() {
        return Arbitraries.oneOf(
                pairs("--technology", "no-such-cable", "mosaic-prototype", "missing.yaml"),
                pairs("--catalog", "missing.yaml", "mosaic-800g"),
                pairs("--rule", "nowhere=dac-26awg", "gpu-leaf=nothing", "="),
                pairs("--days", "0", "-1", "1e9", "NaN", "abc", "Infinity", "1 d"),
                pairs("--trials", "0", "1", "-5", "1e9", "abc", "99999999999"),
                pairs("--gpus", "0", "-1", "abc", "99999999999", "1e12"),
                pairs("--checkpoint-save", "10", "-1 s", "10 m", "abc", "NaN s", "1e99 s"),
                pairs("--restart", "5", "-5 min", "5 kg", "abc"),
                pairs("--interval", "sometimes", "0 s", "-5 min", "10", "10 m"),
                pairs("--policy", "tomorrow", "", "today,,mosaic"),
                pairs("--cluster", "h100-1m", ""),
                pairs("--link-rates", "both", ""),
                pairs("--seed", "abc", "1.5"));
    }

    static Arbitrary<List<String>> pairs(String option, String... values) {
        return Arbitraries.of(values).map(v -> List.of(option, v));
    }

    @Property(tries = 3, seed = "1272", shrinking = ShrinkingMode.OFF)
    void validDaysAreHonoured(@ForAll @IntRange(min = 1, max = 5) int days) {
        Run r = small("--days", Integer.toString(days));
        Fuzz.refusedOrHonoured(r, x -> Fuzz.close(x.json().path(0).path("days").asDouble(x.json().path("days").asDouble()), days),
                "--days");
    }

    @Property(tries = 5, seed = "1273", shrinking = ShrinkingMode.OFF)
    void misspeltOptionIsRefusedNamingIt(@ForAll("options") String option) {
        Fuzz.refused(Fuzz.run("goodput", option, "1"), option);
    }

    @Provide
    Arbitrary<String> options() {
        return Fuzz.misspelling(Fuzz.optionNames("goodput"));
    }

    @Example
    void theSeedIsHonoured() {
        Run r = small("--seed", "7");
        Fuzz.refusedOrHonoured(r, x -> x.json().path(0).path("seed").asLong(x.json().path("seed").asLong()) == 7, "--seed");
    }
}
