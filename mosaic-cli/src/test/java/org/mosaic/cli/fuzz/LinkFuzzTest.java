package org.mosaic.cli.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/** Fuzz of {@code mosaic link}: bad --set keys and values of a cable scenario, malformed files, unknown options. */
class LinkFuzzTest {
    static final String PRESET = "mosaic-800g";
    static final Set<String> KEYS = Fuzz.presetKeys(PRESET);
    static final Path DIR = Fuzz.tempDir();

    @Property(tries = 10, seed = "1221", shrinking = ShrinkingMode.OFF)
    void unknownOrMisspeltSetKeyIsRefusedNamingIt(@ForAll("unknownKeys") String key) {
        Run r = Fuzz.run("link", "--format", "json", "--set", key + "=30 m");
        Fuzz.refused(r, key, key.substring(key.lastIndexOf('.') + 1));
    }

    @Provide
    Arbitrary<String> unknownKeys() {
        return Arbitraries.oneOf(Fuzz.unknownKey(KEYS), Fuzz.misspelling(KEYS));
    }

    @Property(tries = 10, seed = "1222", shrinking = ShrinkingMode.OFF)
    void badQuantityIsRefusedNamingTheKey(@ForAll("badQuantities") List<String> kv) {
        Run r = Fuzz.run("link", "--format", "json", "--set", kv.get(0) + "=" + kv.get(1));
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

    @Property(tries = 4, seed = "1223", shrinking = ShrinkingMode.OFF)
    void badSparesAreRefused(@ForAll("badSpares") String value) {
        Fuzz.refused(Fuzz.run("link", "--format", "json", "--set", "plan.spares=" + value), "plan.spares", value);
    }

    @Provide
    Arbitrary<String> badSpares() {
        return Arbitraries.of("-1", "1e12", "2.5", "abc", "-5 %", "150 %", "5 m", "");
    }

    @Property(tries = 3, seed = "1224", shrinking = ShrinkingMode.OFF)
    void validSparesAreHonoured(@ForAll @IntRange(min = 0, max = 60) int spares) {
        Run r = Fuzz.run("link", "--format", "json", "--set", "plan.spares=" + spares);
        Fuzz.refusedOrHonoured(r, x -> x.json().path("channels").path("spare").asInt(-1) == spares, "plan.spares");
    }

    @Property(tries = 6, seed = "1225", shrinking = ShrinkingMode.OFF)
    void malformedScenarioFileIsRefused(@ForAll("malformed") Fuzz.Malformed doc) {
        Run r = Fuzz.run("link", "--format", "json", "--scenario", doc.write(DIR).toString());
        Fuzz.refused(r, doc.names());
    }

    @Provide
    Arbitrary<Fuzz.Malformed> malformed() {
        return Fuzz.malformed(PRESET);
    }

    @Property(tries = 6, seed = "1226", shrinking = ShrinkingMode.OFF)
    void misspeltOptionIsRefusedNamingIt(@ForAll("options") String option) {
        Fuzz.refused(Fuzz.run("link", option, "json"), option);
    }

    @Provide
    Arbitrary<String> options() {
        return Fuzz.misspelling(Fuzz.optionNames("link"));
    }

    @Example
    void channelScenarioIsRefusedAsACable() {
        Fuzz.refused(Fuzz.run("link", "--preset", "mosaic-prototype"), "mosaic-prototype", "cable");
    }

    @Example
    void tooFewFibreCoresAreRefused() {
        Fuzz.refused(Fuzz.run("link", "--format", "json", "--set", "fiber.coreCount=10"), "fiber.coreCount", "cores");
    }
}
