package org.mosaic.datapath.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mosaic.datapath.ChannelPlan;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.EmulationSpec;
import org.mosaic.datapath.Emulator;
import org.mosaic.datapath.Engine;

/** The BER health monitor (issue 17): a channel whose BER stays high is remapped to a spare within the window. */
class BerMonitorTest {
    private static final double WINDOW = 100e-6; // 212 errors expected per window at the 1e-4 threshold

    private static EmulationSpec.Builder degraded(BerMonitor monitor) {
        double[] ber = new double[420];
        Arrays.fill(ber, 2e-8);
        ber[42] = 1e-3;  // degraded: held at 1e-3 for the whole run
        ber[7] = 5e-5;   // elevated but below the threshold
        // 40,000 codewords = 400 superblocks × 1,360 bits per channel at 2.125 Gb/s = 256 µs, 2.56 windows
        return EmulationSpec.builder().engine(Engine.ERROR_EVENT).channels(new ChannelPlan(400, 20, 20)).channelBer(ber)
                .codewords(40_000).berMonitor(monitor);
    }

    @Test
    void aChannelHeldAtBer1e3IsRemappedWithinTheConfiguredWindow() {
        EmulationResult r = Emulator.run(degraded(BerMonitor.of(1e-4, WINDOW)).build());
        assertThat(r.failovers()).hasSize(1);
        LinkTimeline.Failover f = r.failovers().get(0);
        assertThat(f.logicalChannel()).isEqualTo(42);
        assertThat(f.fromPhysical()).isEqualTo(42);
        assertThat(f.toPhysical()).isEqualTo(400); // the lowest idle spare
        assertThat(f.switchSeconds()).isLessThanOrEqualTo(WINDOW);
        // the logical channel saw BER 1e-3 only until the switch (100 of 256 µs), then the spare's 2e-8: 212.5 errors
        // expected; ± 35 % is ± 5 σ of the Poisson count (false-failure rate < 1e-6)
        double share = WINDOW / (40_000 / 100 * 1360 / 2.125e9);
        assertThat(r.preFecBerPerChannel()[42]).isBetween(0.65 * share * 1e-3, 1.35 * share * 1e-3);
    }

    @Test
    void withoutTheMonitorOrBelowItsThresholdNothingIsRemapped() {
        EmulationResult off = Emulator.run(degraded(BerMonitor.OFF).build());
        assertThat(off.failovers()).isEmpty();
        // 544 errors expected on the channel over the run; 0.8e-3 is 4.7 σ below (false-failure rate ≈ 1e-6)
        assertThat(off.preFecBerPerChannel()[42]).isGreaterThan(0.8e-3);
        EmulationResult high = Emulator.run(degraded(BerMonitor.of(2e-3, WINDOW)).build());
        assertThat(high.failovers()).isEmpty();
    }

    @Test
    void aWindowTooShortToSeeTheThresholdIsRefusedWithAHint() {
        // 1e-4 × 10 ns × 2.125 Gb/s = 0.002 errors per window
        assertThatThrownBy(() -> degraded(BerMonitor.of(1e-4, 10e-9)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("berMonitor.window").hasMessageContaining("hint");
        assertThatThrownBy(() -> BerMonitor.of(0, WINDOW)).hasMessageContaining("berMonitor.threshold");
    }
}
