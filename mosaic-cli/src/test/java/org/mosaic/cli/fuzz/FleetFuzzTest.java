package org.mosaic.cli.fuzz;

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
import org.mosaic.cli.fuzz.Fuzz.Run;

/** Fuzz of {@code mosaic fleet} on the one-rack preset (cheap): bad --set keys and values, bad options, conflicts. */
class FleetFuzzTest {
    static final Set<String> KEYS = Set.of("gpus", "fabric.radix", "fabric.tiers", "fabric.oversubscription", "layout.rackPower",
            "layout.spreadDomains", "economics.pue", "economics.usdPerKwh");

    static Run small(String... more) {
        List<String> args = new ArrayList<>(List.of("fleet", "--format", "json", "--preset", "nvl72-rack"));
        args.addAll(List.of(more));
        return Fuzz.run(args);
    }

    @Property(tries = 9, seed = "1251", shrinking = ShrinkingMode.OFF)
    void unknownOrMisspeltSetKeyIsRefusedNamingIt(@ForAll("unknownKeys") String key) {
        Fuzz.refused(small("--set", key + "=1"), key);
    }

    @Provide
    Arbitrary<String> unknownKeys() {
        return Arbitraries.oneOf(Fuzz.unknownKey(KEYS), Fuzz.misspelling(KEYS));
    }

    @Property(tries = 21, seed = "1252", shrinking = ShrinkingMode.OFF)
    void badSetValueIsRefusedNamingIt(@ForAll("badValues") List<String> kv) {
        Fuzz.refused(small("--set", kv.get(0) + "=" + kv.get(1)), kv.get(0), kv.get(1));
    }

    @Provide
    Arbitrary<List<String>> badValues() {
        return Arbitraries.oneOf(
                pairs("gpus", "-1", "0", "abc", "2.5", "1e12", "99999999999", ""),
                pairs("fabric.radix", "0", "-64", "3", "abc", "1e9"),
                pairs("fabric.tiers", "0", "-1", "9", "abc"),
                pairs("fabric.oversubscription", "0", "-1", "0.5", "NaN", "Infinity", "abc"),
                pairs("layout.rackPower", "40", "40 kg", "-40 kW", "0 W", "NaN kW", "1e99 W"),
                pairs("layout.spreadDomains", "maybe", "2", ""),
                pairs("economics.pue", "0", "0.5", "-1", "NaN", "abc"),
                pairs("economics.usdPerKwh", "-1", "NaN", "Infinity", "abc"));
    }

    static Arbitrary<List<String>> pairs(String key, String... values) {
        return Arbitraries.of(values).map(v -> List.of(key, v));
    }

    @Property(tries = 6, seed = "1253", shrinking = ShrinkingMode.OFF)
    void badOptionValueIsRefusedNamingIt(@ForAll("badOptions") List<String> ov) {
        Fuzz.refused(small(ov.get(0), ov.get(1)), ov.get(0), ov.get(1));
    }

    @Provide
    Arbitrary<List<String>> badOptions() {
        return Arbitraries.oneOf(
                pairs("--policy", "tomorrow", "", "mosaic,today"),
                pairs("--rule", "scale-up", "nowhere=dac-26awg", "scale-up=nothing", "="),
                pairs("--technology", "no-such-cable", "mosaic-prototype", "missing.yaml", "baselines"),
                pairs("--catalog", "missing.yaml", "mosaic-800g", "no-such-catalog"),
                pairs("--job-gpus", "-1", "0", "abc", "99999999999"));
    }

    @Property(tries = 5, seed = "1254", shrinking = ShrinkingMode.OFF)
    void misspeltOptionIsRefusedNamingIt(@ForAll("options") String option) {
        Fuzz.refused(Fuzz.run("fleet", option, "1"), option);
    }

    @Provide
    Arbitrary<String> options() {
        return Fuzz.misspelling(Fuzz.optionNames("fleet"));
    }

    @Example
    void policyWithComparePoliciesIsRefused() {
        Fuzz.refused(small("--policy", "today", "--compare-policies"), "--policy", "--compare-policies");
    }

    @Example
    void unknownPresetIsRefused() {
        Fuzz.refused(Fuzz.run("fleet", "--preset", "cluster-1m"), "cluster-1m");
    }

    @Example
    void gpusSetIsHonoured() {
        Run r = small("--set", "gpus=144");
        Fuzz.refusedOrHonoured(r, x -> x.json().get("gpus").asInt() == 144, "gpus");
    }
}
