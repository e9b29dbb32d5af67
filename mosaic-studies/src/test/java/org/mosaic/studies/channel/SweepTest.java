package org.mosaic.studies.channel;

import org.mosaic.studies.UsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mosaic.core.units.Quantities;
import org.mosaic.optics.ChannelSpecs;

class SweepTest {
    @Test
    void parsesEndpointsAndStepWithTheKeysDimension() {
        Sweep s = Sweep.parse("fiber.length=5m..60m:5m");
        assertThat(s.points()).hasSize(12);
        assertThat(s.points().get(0)).isEqualTo(5.0);
        assertThat(s.points().get(11)).isCloseTo(60.0, within(1e-9));
    }

    @Test
    void endpointIsKeptDespiteRounding() {
        assertThat(Sweep.parse("led.spectralWidth=10nm..25nm:0.1nm").points()).hasSize(151);
    }

    @Test
    void powerCanBeSteppedInDecibels() {
        Sweep s = Sweep.parse("led.averagePower=-10dBm..0dBm:2dB");
        assertThat(s.points()).hasSize(6);
        assertThat(s.points().get(5)).isCloseTo(1e-3, within(1e-12));
    }

    @Test
    void valuesGoIntoTheScenarioExactly() {
        for (ChannelSpecs.Parameter p : ChannelSpecs.PARAMETERS.values()) {
            double v = p.max() > 0 ? p.max() / 3 : p.min() / 3;
            Sweep s = new Sweep(p.path(), p, v, v, 1, false, java.util.List.of(v));
            assertThat(Quantities.parse(s.valueText(v), p.dimension())).as(p.path()).isEqualTo(v);
        }
    }

    @Test
    void unitOfTheWrongDimensionIsNamed() {
        assertThatThrownBy(() -> Sweep.parse("fiber.length=5GHz..6GHz:1GHz"))
                .isInstanceOf(UsageException.class).hasMessageContaining("FROM").hasMessageContaining("frequency");
    }
}
