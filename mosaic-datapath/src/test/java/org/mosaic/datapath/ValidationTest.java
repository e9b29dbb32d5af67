package org.mosaic.datapath;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mosaic.datapath.channel.ChannelFault;
import org.mosaic.datapath.channel.Crosstalk;

/** Bad arguments get errors that name the value, what was expected and a hint. */
class ValidationTest {

    @Test
    void negativeBer() {
        assertThatThrownBy(() -> EmulationSpec.builder().uniformBer(-1e-3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.001").hasMessageContaining("[0, 0.5]")
                .hasMessageContaining("hint");
    }

    @Test
    void berAboveOneHalf() {
        double[] ber = new double[420];
        ber[3] = 0.7;
        assertThatThrownBy(() -> EmulationSpec.builder().channelBer(ber).build())
                .hasMessageContaining("channelBer[3] = 0.7").hasMessageContaining("dead channel");
    }

    @Test
    void berArrayOfTheWrongLength() {
        assertThatThrownBy(() -> EmulationSpec.builder().channelBer(new double[400]).build())
                .hasMessageContaining("400 entries").hasMessageContaining("420").hasMessageContaining("uniformBer");
    }

    @Test
    void channelIndexOutOfRange() {
        assertThatThrownBy(() -> EmulationSpec.builder().fault(ChannelFault.dead(420, 0)).build())
                .hasMessageContaining("fault channel 420").hasMessageContaining("[0, 419]").hasMessageContaining("spares");
    }

    @Test
    void moreFailuresThanChannels() {
        EmulationSpec.Builder b = EmulationSpec.builder().channels(new ChannelPlan(4, 1, 2)).uniformBer(0);
        for (int i = 0; i < 6; i++) {
            b.fault(ChannelFault.dead(i % 5, 0));
        }
        assertThatThrownBy(b::build).hasMessageContaining("6 channel faults").hasMessageContaining("at most one per physical channel (5)");
    }

    @Test
    void unknownMappingAndEngine() {
        assertThatThrownBy(() -> Mapping.parse("diagonal")).hasMessageContaining("\"diagonal\"")
                .hasMessageContaining("bit, symbol, codeword-aware").hasMessageContaining("hint");
        assertThatThrownBy(() -> Engine.parse("fast")).hasMessageContaining("\"fast\"").hasMessageContaining("error-event");
        assertThatThrownBy(() -> FecSpec.named("ldpc")).hasMessageContaining("kp4 or kr4");
    }

    @Test
    void importanceRefusesCorrelatedErrors() {
        assertThatThrownBy(() -> Emulator.run(EmulationSpec.builder().engine(Engine.IMPORTANCE).crosstalk(new Crosstalk(0.1)).build()))
                .hasMessageContaining("crosstalk").hasMessageContaining("error-event");
    }

    @Test
    void otherBadNumbers() {
        assertThatThrownBy(() -> EmulationSpec.builder().codewords(0).build()).hasMessageContaining("codewords = 0");
        assertThatThrownBy(() -> EmulationSpec.builder().detectionLatencySeconds(-1).build()).hasMessageContaining("detectionLatency = -1");
        assertThatThrownBy(() -> new HostSpec(3, 1e9, 2, 2, 16)).hasMessageContaining("multiple of the 3 host lanes");
        assertThatThrownBy(() -> new FecSpec("x", 544, 515, 10, 0x409)).hasMessageContaining("even number of parity symbols");
        assertThatThrownBy(() -> ChannelFault.flapping(1, 0, 0, 1)).hasMessageContaining("fault.on = 0.0");
    }
}
