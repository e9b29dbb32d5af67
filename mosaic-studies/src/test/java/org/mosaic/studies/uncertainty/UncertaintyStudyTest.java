package org.mosaic.studies.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.studies.Results;
import org.mosaic.studies.UsageException;

/** The uncertainty and sensitivity studies over a study's ranged document inputs. */
class UncertaintyStudyTest {
    private static final UncertaintyStudy UNCERTAINTY = new UncertaintyStudy();
    private static final SensitivityStudy SENSITIVITY = new SensitivityStudy();

    /** Every range in every shipped channel/cable document reads, and holds its assumed value. */
    @Test
    void everyShippedRangeIsValidAndHoldsItsValue() {
        int ranged = 0;
        for (String name : ScenarioDocument.presetNames()) {
            ranged += Ranges.ofTree("", ScenarioDocument.preset(name).tree()).size();
        }
        assertThat(ranged).isGreaterThanOrEqualTo(31);   // the 800G design's assumed inputs at least
    }

    /** A range that does not hold its document's value, or cannot be read, is refused naming the entry. */
    @Test
    void badRangesAreRefusedNamingTheEntry() {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-800g");
        var tree = doc.tree().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("provenance").path("fiber.attenuation"))
                .put("range", "uniform(1, 2)");
        assertThatThrownBy(() -> Ranges.ofTree("cable", tree)).isInstanceOf(UsageException.class)
                .hasMessageContaining("provenance.fiber.attenuation.range").hasMessageContaining("0.2 dB/m");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("provenance").path("fiber.attenuation"))
                .put("range", "beta(1, 2)");
        assertThatThrownBy(() -> Ranges.ofTree("cable", tree)).isInstanceOf(UsageException.class)
                .hasMessageContaining("beta");
    }

    /**
     * The tornado of the cable's power per end: the module's control power enters the core power once and the core is
     * fed through the regulator, so its bar's swing is (200 − 50) mW / 0.9 exactly; the LED's average optical power
     * (30 µW–1 mW, divided by a 12.5 % wall-plug efficiency on 460 channels) swings the most.
     */
    @Test
    void tornadoOfCablePowerFollowsThePowerModelsAlgebra() {
        SensitivityStudy.Result r = SENSITIVITY.run(new SensitivityStudy.Input("cable", List.of(), List.of(), List.of(),
                "power.perEndWatts", 0, 0, false));
        assertThat(r.tornado().bars().get(0).input()).isEqualTo("cable.led.averagePower");
        Tornado.Bar control = r.tornado().bars().stream().filter(b -> b.input().equals("cable.power.control")).findFirst()
                .orElseThrow();
        assertThat(control.swing()).isCloseTo(0.150 / 0.9, within(1e-9));
        assertThat(r.tornado().base()).isCloseTo(5.3, within(0.01));
        assertThat(r.sobol()).isNull();
        assertThat(Results.json(r)).contains("\"tornado\"");
    }

    /** Sobol indices of the power per end over four inputs: the LED power dominates, indices within [0, 1] (+ noise). */
    @Test
    void sobolIndicesOfCablePowerRankTheLedPowerFirst() {
        SensitivityStudy.Result r = SENSITIVITY.run(new SensitivityStudy.Input("cable", List.of(), List.of(),
                List.of("cable.led.averagePower", "cable.power.control", "cable.power.gearboxEnergyPerBit",
                        "cable.power.receiverEnergyPerBit"), "power.perEndWatts", 64, 1, false));
        assertThat(r.sobol().inputs().get(0).input()).isEqualTo("cable.led.averagePower");
        assertThat(r.sobol().inputs().get(0).total()).isGreaterThan(0.5);
    }

    /** With a fixed seed, reruns are identical; a different seed gives a different sample. */
    @Test
    void uncertaintyIsReproducibleWithItsSeed() {
        UncertaintyStudy.Input in = new UncertaintyStudy.Input("cable", List.of(), List.of(),
                List.of("cable.fiber.attenuation", "cable.power.control"), List.of("power.perEndWatts"), 32, "lhs", 7, false);
        String a = Results.json(UNCERTAINTY.run(in));
        String b = Results.json(UNCERTAINTY.run(in));
        assertThat(a).isEqualTo(b);
        UncertaintyStudy.Result other = UNCERTAINTY.run(new UncertaintyStudy.Input("cable", List.of(), List.of(),
                List.of("cable.fiber.attenuation", "cable.power.control"), List.of("power.perEndWatts"), 32, "lhs", 8, false));
        assertThat(Results.json(other)).isNotEqualTo(a);
        Summary s = other.metrics().get(0);
        // control power 50-200 mW through the 90 % regulator: the power per end lies within its base ± 0.167 W
        assertThat(s.p5().value()).isGreaterThan(5.3 - 0.17);
        assertThat(s.p95().value()).isLessThan(5.3 + 0.17);
    }

    @Test
    void badRequestsAreRefusedClearly() {
        assertThatThrownBy(() -> UNCERTAINTY.run(new UncertaintyStudy.Input("cable", List.of(), List.of(), List.of(),
                List.of("power.perEnd"), 8, "lhs", 0, false))).isInstanceOf(UsageException.class)
                .hasMessageContaining("power.perEnd").hasMessageContaining("power.perEndWatts");
        assertThatThrownBy(() -> UNCERTAINTY.run(new UncertaintyStudy.Input("cable", List.of(), List.of(), List.of(),
                List.of(), 100_000, "lhs", 0, false))).isInstanceOf(UsageException.class).hasMessageContaining("--force");
        assertThatThrownBy(() -> UNCERTAINTY.run(new UncertaintyStudy.Input("cable", List.of(), List.of(),
                List.of("cable.nope"), List.of(), 8, "lhs", 0, false))).isInstanceOf(UsageException.class)
                .hasMessageContaining("cable.nope").hasMessageContaining("cable.fiber.attenuation");
        assertThatThrownBy(() -> UNCERTAINTY.run(new UncertaintyStudy.Input("channel", List.of(), List.of(), List.of(),
                List.of(), 8, "lhs", 0, false))).isInstanceOf(UsageException.class).hasMessageContaining("no ranged input");
        assertThatThrownBy(() -> SENSITIVITY.run(new SensitivityStudy.Input("cable", List.of(), List.of(), List.of(),
                null, 0, 0, false))).isInstanceOf(UsageException.class).hasMessageContaining("needs a metric");
    }
}
