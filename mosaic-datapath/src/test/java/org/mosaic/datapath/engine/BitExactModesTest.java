package org.mosaic.datapath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.EmulationSpec;
import org.mosaic.datapath.Emulator;
import org.mosaic.datapath.Engine;
import org.mosaic.datapath.FecSpec;
import org.mosaic.datapath.Mapping;
import org.mosaic.datapath.channel.BerMonitor;
import org.mosaic.datapath.channel.ChannelFault;
import org.mosaic.datapath.channel.Crosstalk;
import org.mosaic.datapath.channel.GilbertElliott;
import org.mosaic.datapath.channel.Skew;

/**
 * The bit-exact engine's fast mode (error flags through the gearbox, each errored codeword decoded from its pattern;
 * issue 17) against its checking mode (every payload bit encoded, moved through both gearbox passes and decoded as a
 * received word): the same seed must give the same result, field by field — every counter, histogram, per-channel
 * BER, estimate and interval — in scenarios that take every path: a partial last superblock, many failures and
 * miscorrections (BER 3e-3), bursts with crosstalk, dead, flapping and stuck-at channels with failover, a channel that degrades and is remapped by the BER monitor (stuck
 * superblocks take the full path inside the fast mode, with the payload draws of skipped superblocks kept in step),
 * deskew slips and KR4. Deterministic: equality, not a statistical band.
 */
class BitExactModesTest {

    private static void sameTallies(EmulationSpec.Builder b) {
        EmulationSpec fastSpec = b.engine(Engine.BIT_EXACT).bitExactFull(false).build();
        EmulationSpec fullSpec = fastSpec.toBuilder().bitExactFull(true).build();
        EmulationResult fast = Emulator.run(fastSpec);
        EmulationResult full = Emulator.run(fullSpec);
        assertThat(full.unaccountedPayloadMismatches()).as("checking mode accounts for every mismatch").isZero();
        assertThat(fast).usingRecursiveComparison().as("fast vs full, %s", fastSpec).isEqualTo(full);
        assertThat(full.preFecBitErrors()).as("the scenario has errors").isPositive();
    }

    @Test
    void atTheKp4ThresholdWithAPartialLastSuperblock() {
        sameTallies(EmulationSpec.builder().uniformBer(2.4e-4).codewords(3_050).seed(1));
    }

    @Test
    void manyFailuresAndMiscorrectionsUnderTheBitMapping() {
        EmulationSpec.Builder b = EmulationSpec.builder().mapping(Mapping.BIT).uniformBer(3e-3).codewords(1_050).seed(2);
        sameTallies(b);
        assertThat(Emulator.run(b.build()).uncorrectableCodewords()).isPositive();
    }

    @Test
    void burstsCrosstalkAndFaultsWithFailover() {
        sameTallies(EmulationSpec.builder().mapping(Mapping.CODEWORD_AWARE).uniformBer(1e-5)
                .burst(GilbertElliott.ofMeanBurst(1e-6, 20, 0.3)).crosstalk(new Crosstalk(0.05))
                .fault(ChannelFault.dead(3, 0)).fault(ChannelFault.flapping(50, 1e-6, 2e-6, 3e-6))
                .fault(ChannelFault.stuck(120, 1, 3e-6)).fault(ChannelFault.stuck(121, 0, 0))
                .fault(ChannelFault.degraded(200, 2e-3, 4e-6)).berMonitor(BerMonitor.of(1e-3, 5e-6))
                .codewords(3_000).threads(2).seed(3));
    }

    @Test
    void deskewSlipsOnKr4() {
        double[] skew = new double[420];
        for (int i = 0; i < skew.length; i += 7) {
            skew[i] = 40e-9; // 85 bits at 2.125 Gb/s: beyond the 64-bit deskew buffer
        }
        sameTallies(EmulationSpec.builder().fec(FecSpec.KR4).uniformBer(5e-5).skew(new Skew(skew, null))
                .codewords(2_000).seed(4));
    }
}
