package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 13: {@code --set} order never changes the result. Any permutation of a valid set of overrides gives the
 * identical JSON, the source line included (it once listed the overrides in the order typed); for optics, link and
 * fleet. The link set holds a pair that is only valid together (1.6TAUI-8 needs the faster channel rate to fit the
 * 20 x 20 array) and the fleet set is the issue's gpus/radix case, so a reader that validated after each override would
 * refuse some orders.
 */
class SetOrderPropertyTest {
    static final List<String> OPTICS = List.of("fiber.length=15 m", "led.averagePower=250 uW", "seed=3", "ctle.maxPeaking=8 dB",
            "fiber.attenuation=0.25 dB/m", "link.berTarget=1e-6");
    static final List<String> LINK = List.of("host.interface=1.6TAUI-8", "link.channelRate=4.25 Gb/s", "plan.spares=10",
            "host.attachment=cpo", "seed=2", "led.averagePower=280 uW");
    /** The issue's case: radix 64 before gpus=65536 was refused, after it accepted. */
    static final List<String> FLEET = List.of("gpus=65536", "fabric.radix=64", "fabric.tiers=3");

    /**
     * train's mixed set: model keys, cluster paths (the issue's gpus/radix pair, valid only together) and a GPU key, each addressed
     * to its own document.
     */
    static final List<String> TRAIN = List.of("model.layers=24", "model.hidden=2048", "model.heads=16", "model.vocab=51200",
            "model.seq=2048", "gpus=8192", "fabric.radix=32", "scaleUp.gpus=4", "gpu.hbm.capacity=60 GB");
    static final List<String> TRAIN_BASE = List.of("--model", "custom", "--cluster", "h100-16k", "--gpus", "64", "--tp", "4", "--pp", "1");

    /** goodput's mixed set: campaign keys and cluster paths (the gpus/radix pair again), each to its own document. */
    static final List<String> GOODPUT = List.of("campaign.detection.hang=5min", "campaign.causes.faulty-gpu.count=100", "gpus=8192",
            "fabric.radix=32", "scaleUp.gpus=4");
    static final List<String> GOODPUT_BASE = List.of("--cluster", "h100-16k", "--gpus", "1024", "--days", "2", "--trials", "4");

    /** The answer for the overrides in the order listed above, computed once per command. */
    private static final ConcurrentHashMap<String, String> REFERENCE = new ConcurrentHashMap<>();

    @Property(tries = 15, seed = "13")
    void opticsGivesTheSameJsonForAnyOrderOfItsOverrides_issue13(@ForAll("opticsOrders") List<String> sets) {
        assertThat(json("optics", sets)).isEqualTo(REFERENCE.computeIfAbsent("optics", c -> json(c, OPTICS)));
    }

    @Property(tries = 15, seed = "13")
    void linkGivesTheSameJsonForAnyOrderOfItsOverrides_issue13(@ForAll("linkOrders") List<String> sets) {
        assertThat(json("link", sets)).isEqualTo(REFERENCE.computeIfAbsent("link", c -> json(c, LINK)));
    }

    @Property(tries = 4, seed = "13")
    void fleetGivesTheSameJsonForAnyOrderOfItsOverrides_issue13(@ForAll("fleetOrders") List<String> sets) {
        assertThat(json("fleet", sets)).isEqualTo(REFERENCE.computeIfAbsent("fleet", c -> json(c, FLEET)));
    }

    @Property(tries = 4, seed = "13")
    void trainGivesTheSameJsonForAnyOrderOfAMixedSetOfOverrides_issue13(@ForAll("trainOrders") List<String> sets) {
        assertThat(json("train", sets)).isEqualTo(REFERENCE.computeIfAbsent("train", c -> json(c, TRAIN)));
    }

    @Property(tries = 3, seed = "13")
    void goodputGivesTheSameJsonForAnyOrderOfAMixedSetOfOverrides_issue13(@ForAll("goodputOrders") List<String> sets) {
        assertThat(json("goodput", sets)).isEqualTo(REFERENCE.computeIfAbsent("goodput", c -> json(c, GOODPUT)));
    }

    @Provide
    Arbitrary<List<String>> goodputOrders() {
        return Arbitraries.shuffle(GOODPUT);
    }

    @Provide
    Arbitrary<List<String>> trainOrders() {
        return Arbitraries.shuffle(TRAIN);
    }

    @Provide
    Arbitrary<List<String>> fleetOrders() {
        return Arbitraries.shuffle(FLEET);
    }

    @Provide
    Arbitrary<List<String>> opticsOrders() {
        return Arbitraries.shuffle(OPTICS);
    }

    @Provide
    Arbitrary<List<String>> linkOrders() {
        return Arbitraries.shuffle(LINK);
    }

    private static String json(String command, List<String> sets) {
        List<String> args = new ArrayList<>(List.of(command, "--format", "json"));
        if (command.equals("train")) {
            args.addAll(TRAIN_BASE);
        } else if (command.equals("goodput")) {
            args.addAll(GOODPUT_BASE);
        }
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        Cli c = Cli.run(args.toArray(String[]::new));
        assertThat(c.exit()).as(args + "\n" + c.err()).isZero();
        return c.out();
    }
}
