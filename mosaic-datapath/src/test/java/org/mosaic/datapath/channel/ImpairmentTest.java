package org.mosaic.datapath.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mosaic.datapath.ChannelPlan;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.EmulationSpec;
import org.mosaic.datapath.Emulator;
import org.mosaic.datapath.Engine;
import org.mosaic.datapath.HostSpec;
import org.mosaic.datapath.Mapping;

/** Failover, deskew, bursts, crosstalk and stuck channels. */
class ImpairmentTest {
    /** 800G default: 850 Gb/s over 400 channels. */
    private static final double RATE = 2.125e9;

    private static EmulationSpec.Builder quiet() {
        return EmulationSpec.builder().engine(Engine.ERROR_EVENT).mapping(Mapping.SYMBOL).uniformBer(0).codewords(100_000);
    }

    @Test
    void failoverStopsTheErrorsAfterTheDetectionLatency() {
        // channel 5 dies at 100 µs; with a 10 µs latency its traffic moves to spare 400 at 110 µs. 100,000 codewords
        // last 640 µs. Errors: ½ × 10 µs × 2.125 Gb/s = 10,625 (σ ≈ 73); without spares: ½ × 540 µs × rate.
        EmulationResult with = Emulator.run(quiet().fault(ChannelFault.dead(5, 100e-6)).build());
        assertThat(with.failovers()).containsExactly(new LinkTimeline.Failover(5, 5, 400, 100e-6, 110e-6));
        assertThat(with.preFecBitErrors()).isCloseTo(10_625, within(5 * 73L));
        EmulationResult without = Emulator.run(quiet().channels(new ChannelPlan(400, 0, 20)).fault(ChannelFault.dead(5, 100e-6)).build());
        assertThat(without.unrepairedChannels()).isEqualTo(1);
        assertThat(without.failovers().get(0).toPhysical()).isEqualTo(-1);
        double span = without.simulatedSeconds() - 100e-6;
        assertThat(without.preFecBitErrors()).isCloseTo((long) (0.5 * span * RATE), within((long) (5 * Math.sqrt(0.25 * span * RATE))));
        assertThat(with.preFecBitErrors()).isLessThan(without.preFecBitErrors() / 20);
    }

    @Test
    void moreFailuresThanSparesLeaveChannelsUnrepaired() {
        EmulationSpec.Builder b = quiet().channels(new ChannelPlan(400, 2, 20));
        for (int c = 0; c < 4; c++) {
            b.fault(ChannelFault.dead(10 * c, 1e-6 * (c + 1)));
        }
        EmulationResult r = Emulator.run(b.build());
        assertThat(r.failovers()).extracting(LinkTimeline.Failover::toPhysical).containsExactly(400, 401, -1, -1);
        assertThat(r.unrepairedChannels()).isEqualTo(2);
        assertThat(r.notes()).anyMatch(n -> n.contains("found no spare"));
    }

    @Test
    void aFlappingChannelFasterThanTheMonitorIsNeverRemapped() {
        EmulationResult r = Emulator.run(quiet().fault(ChannelFault.flapping(3, 0, 2e-6, 8e-6)).build());
        assertThat(r.failovers()).isEmpty();
        // dead 20 % of the time over the run: ½ × 0.2 × T × rate errors (4.5σ of a binomial count)
        double expected = 0.5 * 0.2 * r.simulatedSeconds() * RATE;
        assertThat((double) r.preFecBitErrors()).isCloseTo(expected, within(0.01 * expected + 4.5 * Math.sqrt(expected)));
        EmulationResult slow = Emulator.run(quiet().fault(ChannelFault.flapping(3, 0, 20e-6, 8e-6)).build());
        assertThat(slow.failovers()).hasSize(1);
    }

    @Test
    void skewWithinTheBufferIsRemovedExactly() {
        double[] skew = new double[420];
        for (int p = 0; p < 420; p++) {
            skew[p] = (p % 7) * 50e-12 * 40; // up to 6 × 2 ns = 12 ns = 25.5 bits, inside the 64-bit buffer
        }
        EmulationResult r = Emulator.run(quiet().engine(Engine.BIT_EXACT).codewords(2_000).skew(new Skew(skew, null)).build());
        assertThat(r.misalignedChannels()).isEmpty();
        assertThat(r.slippedBits()).isZero();
        assertThat(r.preFecBitErrors()).isZero();
        assertThat(r.payloadMismatches()).isZero();
    }

    @Test
    void skewBeyondTheBufferIsReportedAndCounted() {
        double[] skew = new double[420];
        skew[17] = 100 / RATE; // 100 bits > 64-bit buffer
        EmulationResult r = Emulator.run(quiet().codewords(20_000).skew(new Skew(skew, null)).build());
        assertThat(r.misalignedChannels()).containsExactly(17);
        long slots = 20_000 / 100 * 1360; // 200 superblocks × 1360 slots of channel 17
        assertThat(r.slippedBits()).isEqualTo(slots);
        assertThat((double) r.preFecBitErrors()).isCloseTo(slots / 2.0, within(4.5 * Math.sqrt(slots / 4.0)));
        assertThat(r.notes()).anyMatch(n -> n.contains("deskew buffer"));
    }

    @Test
    void driftSlipsUntilTheNextMarkerOrForeverWithTrainingOnly() {
        // x(i) = 0.3 + 1e-6·i bits: the offset becomes 1 at i = 200,000 and 2 at i = 1,200,000
        Deskew markers = new Deskew(Deskew.Mode.MARKERS, 16_384, 64);
        Deskew.Slips s = markers.slips(0.3, 1e-6, 0, 2_000_000);
        // next markers after the changes: 13·16384 = 212,992 and 74·16384 = 1,212,416
        assertThat(s.slots()).containsExactly(200_000, 212_992, 1_200_000, 1_212_416);
        assertThat(s.misaligned()).isFalse();
        Deskew.Slips t = new Deskew(Deskew.Mode.TRAINING, 16_384, 64).slips(0.3, 1e-6, 0, 2_000_000);
        assertThat(t.slots()).containsExactly(200_000, 2_000_000);
        // beyond the buffer: offsets past 2 cannot be compensated with a 2-bit buffer
        Deskew.Slips u = new Deskew(Deskew.Mode.MARKERS, 16_384, 1).slips(0.3, 1e-6, 0, 2_000_000);
        assertThat(u.misaligned()).isTrue();
        assertThat(u.slots()).containsExactly(200_000, 212_992, 1_200_000, 2_000_000);
    }

    @Test
    void gilbertElliottBurstsGiveTheirLongRunBerAndBurstySymbolErrors() {
        // bursts start with 1e-6 per bit, last 50 bits on average, BER ½ inside: long-run BER ≈ 1e-6·50·½ = 2.5e-5
        GilbertElliott ge = GilbertElliott.ofMeanBurst(1e-6, 50, 0.5);
        assertThat(ge.meanBurstBits()).isEqualTo(50);
        // under unit PCS dealing (every PCS lane carries both codewords of its flow) the burst statistics below hold as
        // first written; the default single-symbol dealing is compared with it after
        EmulationResult r = Emulator.run(quiet().host(HostSpec.HOST_800G.withDealing(HostSpec.PcsDealing.UNITS)).burst(ge)
                .codewords(200_000).build());
        double expected = ge.averageBer(0);
        // ≈ 21,760 bursts of ≈ 25 errors; the count's σ ≈ sqrt(bursts)·(mean errors per burst)·√2 ≈ 5.2e3 of 5.4e5 → 1 %;
        // 5 % tolerance is ≈ 5σ
        assertThat(r.preFecBer()).isCloseTo(expected, within(0.05 * expected));
        // a burst hits ≈ 50/10 consecutive symbols of one channel, but consecutive symbols of a channel are 400
        // PCS-order symbols apart and so belong to different codewords: each errored codeword sees ≈ 1 of them
        double units = meanSymbolsPerErroredCodeword(r);
        assertThat(units).isBetween(1.0, 1.5);
        // single-symbol dealing (the default, 802.3bs Clause 119): a PCS lane carries one codeword, so a codeword meets
        // every second of a channel's consecutive symbols (400 ≡ 16 mod 32 PCS lanes: the two flows alternate, the same
        // lane recurs) instead of every fourth: a burst concentrates more, but at most twice as much
        EmulationResult d = Emulator.run(quiet().burst(ge).codewords(200_000).build());
        assertThat(d.preFecBer()).isCloseTo(expected, within(0.05 * expected));
        assertThat(meanSymbolsPerErroredCodeword(d)).isGreaterThan(units).isLessThanOrEqualTo(2 * units);
    }

    private static double meanSymbolsPerErroredCodeword(EmulationResult r) {
        double meanSymbols = 0;
        long errored = 0;
        for (int i = 1; i < r.symbolErrorsPerCodeword().length; i++) {
            meanSymbols += i * r.symbolErrorsPerCodeword()[i];
            errored += r.symbolErrorsPerCodeword()[i];
        }
        return meanSymbols / errored;
    }

    @Test
    void crosstalkRaisesTheNeighboursBerByTheConditionalProbability() {
        // only channel 210 errs (BER 1e-3); its 4 neighbours 190, 209, 211, 230 err with 0.2 × 1e-3 in the same slots
        double[] ber = new double[420];
        ber[210] = 1e-3;
        EmulationResult r = Emulator.run(quiet().channelBer(ber).crosstalk(new Crosstalk(0.2)).codewords(200_000).build());
        double[] per = r.preFecBerPerChannel();
        double slots = 200_000 / 100 * 1360.0;
        for (int nb : new int[] {190, 209, 211, 230}) {
            assertThat(per[nb]).isCloseTo(2e-4, within(4.5 * Math.sqrt(2e-4 / slots)));
        }
        assertThat(per[212]).isZero();
        assertThat(per[210]).isCloseTo(1e-3, within(4.5 * Math.sqrt(1e-3 / slots)));
    }

    @Test
    void stuckChannelsAreWrongWhereTheDataDiffers() {
        EmulationResult r = Emulator.run(quiet().engine(Engine.BIT_EXACT).channels(new ChannelPlan(400, 0, 20))
                .fault(ChannelFault.stuck(9, 1, 0)).codewords(2_000).build());
        long slots = 20 * 1360;
        assertThat((double) r.preFecBitErrors()).isCloseTo(slots / 2.0, within(4.5 * Math.sqrt(slots / 4.0)));
        assertThat(r.uncorrectableCodewords()).isZero(); // ≤ 2 symbols per codeword with the symbol mapping
        assertThat(r.payloadMismatches()).isZero();
    }
}
