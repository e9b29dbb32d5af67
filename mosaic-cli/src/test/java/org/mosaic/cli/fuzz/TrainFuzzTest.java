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

/** Fuzz of {@code mosaic train} on one small fixed plan (cheap): bad plan sizes, model shapes, options, conflicts. */
class TrainFuzzTest {
    static final List<String> PLAN = List.of("train", "--format", "json", "--model", "gpt3-175b", "--gpu", "a100-80g", "--gpus", "64",
            "--tp", "8", "--pp", "8", "--global-batch", "64");
    static final Set<String> KEYS = Set.of("model.layers", "model.hidden", "model.ffn", "model.heads", "model.kvHeads", "model.vocab",
            "model.seq", "model.experts", "model.topK", "model.family");

    static Run plan(String... more) {
        List<String> args = new ArrayList<>(PLAN);
        for (int i = 0; i + 1 < more.length; i += 2) {
            int at = args.indexOf(more[i]);
            if (at >= 0 && more[i].startsWith("--") && !more[i].equals("--set")) {
                args.remove(at + 1);
                args.remove(at);
            }
        }
        args.addAll(List.of(more));
        return Fuzz.run(args);
    }

    @Property(tries = 24, seed = "1261", shrinking = ShrinkingMode.OFF)
    void badOptionValueIsRefusedNamingIt(@ForAll("badValues") List<String> ov) {
        Fuzz.refused(plan(ov.get(0), ov.get(1)), ov.get(0), ov.get(1));
    }

    @Provide
    Arbitrary<List<String>> badValues() {
        return Arbitraries.oneOf(
                pairs("--gpus", "-1", "0", "abc", "1e12", "99999999999", "63"),
                pairs("--tp", "0", "-8", "3", "abc", "1024"),
                pairs("--pp", "0", "-8", "7", "abc"),
                pairs("--dp", "0", "-1", "3"),
                pairs("--global-batch", "0", "-64", "abc", "99999999999"),
                pairs("--micro-batch", "0", "-1", "1000"),
                pairs("--seq-len", "0", "-1", "abc", "99999999999"),
                pairs("--interleave", "0", "-1"),
                pairs("--recompute", "sometimes", ""),
                pairs("--straggler", "0.5", "-1", "NaN", "abc"),
                pairs("--model", "gpt5", ""),
                pairs("--gpu", "z100", ""),
                pairs("--cluster", "h100-1m", ""),
                pairs("--policy", "tomorrow", ""),
                pairs("--technology", "no-such-cable", "mosaic-prototype", "missing.yaml"),
                pairs("--catalog", "missing.yaml", "mosaic-800g"),
                pairs("--rule", "nowhere=dac-26awg", "gpu-leaf=nothing", "="),
                pairs("--top", "0", "-1"));
    }

    static Arbitrary<List<String>> pairs(String option, String... values) {
        return Arbitraries.of(values).map(v -> List.of(option, v));
    }

    @Property(tries = 9, seed = "1262", shrinking = ShrinkingMode.OFF)
    void badModelShapeIsRefusedNamingIt(@ForAll("badShapes") List<String> kv) {
        Fuzz.refused(plan("--model", "custom", "--set", kv.get(0) + "=" + kv.get(1)), kv.get(0), kv.get(1));
    }

    @Provide
    Arbitrary<List<String>> badShapes() {
        return Arbitraries.oneOf(
                Arbitraries.oneOf(Fuzz.unknownKey(KEYS), Fuzz.misspelling(KEYS)).map(k -> List.of(k, "8")),
                pairs("model.layers", "0", "-1", "abc", "1e12", "2.5"),
                pairs("model.hidden", "0", "-1", "99999999999"),
                pairs("model.heads", "0", "-1"),
                pairs("model.family", "bert", ""),
                pairs("model.experts", "0", "-1"));
    }

    @Property(tries = 5, seed = "1263", shrinking = ShrinkingMode.OFF)
    void misspeltOptionIsRefusedNamingIt(@ForAll("options") String option) {
        Fuzz.refused(Fuzz.run("train", option, "1"), option);
    }

    @Provide
    Arbitrary<String> options() {
        return Fuzz.misspelling(Fuzz.optionNames("train"));
    }

    @Example
    void customModelWithoutShapeIsRefused() {
        Fuzz.refused(plan("--model", "custom"), "custom", "model.");
    }

    @Example
    void shapeSetOnANamedModelIsRefusedOrHonoured() {
        // honoured = the step is that of a 48-layer model: shorter than the 96-layer preset's (the JSON names the model
        // "gpt3-175b*", not its shape; a check for the text "48" passed only by coincidence and failed once values moved)
        Run r = plan("--set", "model.layers=48");
        double full = stepSeconds(Fuzz.run(PLAN));
        Fuzz.refusedOrHonoured(r, x -> stepSeconds(x) < 0.75 * full, "model.layers");
    }

    @Example
    void thePlanIsHonoured() {
        Run r = Fuzz.run(PLAN);
        Fuzz.refusedOrHonoured(r, x -> x.out().contains("64"), "--gpus");
    }

    private static double stepSeconds(Run r) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).path("stepSeconds").asDouble(Double.NaN);
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
    }
}
