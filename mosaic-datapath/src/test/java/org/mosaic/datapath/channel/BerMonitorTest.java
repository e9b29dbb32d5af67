package org.mosaic.datapath.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
    void channelsThatDegradeDuringTheRunAreRemappedAtTheEndOfTheWindowThatCrossesTheThreshold() {
        double w = 50e-6; // 10.6 errors expected per window at the 1e-4 threshold
        EmulationSpec.Builder b = EmulationSpec.builder().engine(Engine.ERROR_EVENT).channels(new ChannelPlan(400, 20, 20))
                .uniformBer(2e-8).codewords(40_000)
                // window [0, 50 µs): mean BER 1e-3 × 20/50 = 4e-4 ≥ 1e-4 → declared at 50 µs
                .fault(ChannelFault.degraded(42, 1e-3, 30e-6))
                // mean 1e-3 × 2/50 = 4e-5 < 1e-4 in the first window; the second, [50, 100 µs), is all degraded → 100 µs
                .fault(ChannelFault.degraded(43, 1e-3, 48e-6))
                // degrades below the threshold: never remapped, and the fault detection does not see it either
                .fault(ChannelFault.degraded(44, 5e-5, 10e-6));
        EmulationResult r = Emulator.run(b.berMonitor(BerMonitor.of(1e-4, w)).build());
        assertThat(r.failovers()).containsExactly(new LinkTimeline.Failover(42, 42, 400, 30e-6, 50e-6),
                new LinkTimeline.Failover(43, 43, 401, 48e-6, 100e-6));
        assertThat(r.berMonitor().remapped()).extracting(x -> x.logicalChannel() + ":" + x.toPhysical() + "@" + x.switchSeconds())
                .containsExactly("42:400@5.0E-5", "43:401@1.0E-4");
        assertThat(r.berMonitor().remapped().get(0).channelBer()).isEqualTo(1e-3);
        assertThat(r.berMonitor().thresholdBer()).isEqualTo(1e-4);
        // logical 42 carried 1e-3 for 20 µs of the 256 µs run: 42.5 errors expected; ± 5 σ (± 33) is [9, 76]
        double run = 40_000 / 100 * 1360 / 2.125e9;
        double bits = run * 2.125e9;
        assertThat(r.preFecBerPerChannel()[42] * bits).isBetween(9.0, 76.0);
        // logical 44 stays on its degraded channel from 10 µs: 5e-5 × 246 µs × 2.125 Gb/s = 26 errors; ± 5 σ is [1, 52]
        assertThat(r.preFecBerPerChannel()[44] * bits).isBetween(1.0, 52.0);
        // without the monitor nothing is remapped, and the degraded channels keep their errors: 480 expected on 42
        EmulationResult off = Emulator.run(b.berMonitor(BerMonitor.OFF).build());
        assertThat(off.failovers()).isEmpty();
        assertThat(off.berMonitor()).isNull();
        assertThat(off.preFecBerPerChannel()[42] * bits).isBetween(480 - 5 * Math.sqrt(480), 480 + 5 * Math.sqrt(480));
    }

    @Test
    void theMonitorsLatencyForADegradationFollowsItsWindows() {
        BerMonitor m = BerMonitor.of(1e-4, 100e-6);
        assertThat(m.detectionSeconds(1e-3, 1e-3, 50e-6)).isEqualTo(100e-6);     // degraded from the start
        assertThat(m.detectionSeconds(0, 1e-3, 250e-6)).isCloseTo(300e-6, within(1e-15));      // 1e-3 × 50/100 ≥ 1e-4
        assertThat(m.detectionSeconds(0, 1e-3, 295e-6)).isCloseTo(400e-6, within(1e-15));      // 1e-3 × 5/100 < 1e-4
        assertThat(m.detectionSeconds(0, 5e-5, 0)).isInfinite();                // below the threshold
        assertThat(BerMonitor.OFF.detectionSeconds(0, 0.5, 0)).isInfinite();
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
