package org.mosaic.datapath.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.datapath.ChannelPlan;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.EmulationSpec;
import org.mosaic.datapath.Emulator;
import org.mosaic.datapath.Engine;
import org.mosaic.datapath.FecSpec;
import org.mosaic.datapath.HostSpec;
import org.mosaic.datapath.Importance;
import org.mosaic.datapath.Mapping;
import org.mosaic.datapath.channel.ChannelFault;
import org.mosaic.datapath.fec.PostFec;

/**
 * The frame loss ratio from the actual distribution of codeword failures over a block (issue 17): the analytic
 * column and the importance sampler against the FLR the error-event engine counts, for 1–3 dead channels (never
 * remapped) under every mapping and both PCS dealings.
 */
class FrameLossFromBlocksTest {

    /**
     * Background BER per mapping so that the counted FLR is neither 0 nor 1 (a comparison with something in it):
     * the bit mapping fails on the dead channels alone; the symbol-aligned ones need random errors beside them.
     */
    private static double backgroundBer(Mapping m) {
        return m == Mapping.BIT ? 0 : 1.2e-3;
    }

    private static EmulationSpec.Builder spec(HostSpec.PcsDealing dealing, Mapping m, int dead) {
        List<ChannelFault> faults = new ArrayList<>();
        for (int d = 0; d < dead; d++) {
            faults.add(ChannelFault.dead(17 + 131 * d, 0));
        }
        return EmulationSpec.builder().fec(FecSpec.KP4).mapping(m).host(HostSpec.HOST_800G.withDealing(dealing))
                .uniformBer(backgroundBer(m)).channels(new ChannelPlan(400, 0, 20)).faults(faults).codewords(20_000).threads(2);
    }

    @Test
    void countedAnalyticAndImportanceFrameLossAgreeForDeadChannelsUnderEveryMapping() {
        // Counted: batch-means 95 % interval (t, 31 d.f.), or the Clopper–Pearson one mapped when few frames are lost
        // (a case with no failure at all checks that the analytic FLR is tiny too). We accept |analytic − counted| ≤ 2.2 half-widths ≈ 4.5 σ
        // (false-failure rate ≈ 7e-6 per comparison, < 2e-4 over the 18 cases); the importance estimate must lie within
        // the counted value ± (2.2 counted + 2.2 own half-widths), the same 4.5 σ on the difference of two estimates.
        for (HostSpec.PcsDealing dealing : HostSpec.PcsDealing.values()) {
            for (Mapping m : Mapping.values()) {
                for (int dead = 1; dead <= 3; dead++) {
                    EmulationSpec.Builder b = spec(dealing, m, dead);
                    EmulationResult counted = Emulator.run(b.engine(Engine.ERROR_EVENT).build());
                    EmulationResult sampled = Emulator.run(b.engine(Engine.IMPORTANCE)
                            .importance(new Importance(16_000, 32_000, 0.05, 0)).build());
                    String what = dealing + " " + m.id() + " " + dead + " dead";
                    double flr = counted.frameLossRatio().value();
                    double half = halfWidth(counted);
                    assertThat(counted.analytic().frameLossRatio()).as(what + " analytic vs counted")
                            .isCloseTo(flr, within(2.2 * half + 1e-12));
                    assertThat(sampled.frameLossRatio().value()).as(what + " importance vs counted")
                            .isCloseTo(flr, within(2.2 * (half + halfWidth(sampled)) + 1e-12));
                }
            }
        }
    }

    @Test
    void oneDeadChannelWithSingleSymbolDealingLosesMoreFramesThanItsMeanFailureSays() {
        // issue 17's case: bit mapping, single-symbol PCS dealing, one dead channel: the failures fall on the codewords
        // whose PCS lanes the channel serves; the scalar formula at the mean P_cw (≈ 0.229) understates the counted
        // FLR (≈ 0.243); the block-aware formula does not.
        EmulationSpec.Builder b = spec(HostSpec.PcsDealing.SYMBOLS, Mapping.BIT, 1);
        EmulationResult counted = Emulator.run(b.engine(Engine.ERROR_EVENT).codewords(60_000).build());
        double scalar = PostFec.frameLossRatio(counted.analytic().mappingAwareCodewordFailure(), 512, 5140, 2);
        double half = halfWidth(counted);
        assertThat(scalar).as("scalar formula at the mean P_cw").isLessThan(counted.frameLossRatio().ciLow());
        assertThat(counted.analytic().frameLossRatio()).isCloseTo(counted.frameLossRatio().value(), within(2.2 * half));
    }

    @Test
    void blockAwareFormulaIsTheScalarOneWhenEveryCodewordIsAlike() {
        double[] p = new double[100];
        java.util.Arrays.fill(p, 3.7e-9);
        for (long frameBits : new long[] {512, 12_144, 73_728, 1_000_000}) {
            assertThat(PostFec.frameLossRatio(p, frameBits, 5140, 2)).isEqualTo(PostFec.frameLossRatio(3.7e-9, frameBits, 5140, 2));
            p[0] = Math.nextUp(p[0]); // the general path, not the shortcut
            assertThat(PostFec.frameLossRatio(p, frameBits, 5140, 2))
                    .isCloseTo(PostFec.frameLossRatio(3.7e-9, frameBits, 5140, 2), within(1e-12 * PostFec.frameLossRatio(3.7e-9, frameBits, 5140, 2)));
            p[0] = 3.7e-9;
        }
    }

    @Test
    void blockAwareFormulaMatchesAHandCountOfTwoBlocks() {
        // period: block A = codewords (0.5, 0), block B = (0, 0); 512-bit frames in 10,280-bit blocks: a frame touches
        // 1 block, or 2 with probability 511/10,280. Frames starting in A: lost w.p. 0.5; in B: 0.5 if it spills into A.
        double x = 511.0 / 10_280;
        double expected = 0.5 * 0.5 + 0.5 * x * 0.5;
        assertThat(PostFec.frameLossRatio(new double[] {0.5, 0, 0, 0}, 512, 5140, 2)).isCloseTo(expected, within(1e-15));
        // gradient against a central difference
        double[] p = {0.3, 0.01, 0.2, 0.05};
        double[] g = PostFec.frameLossRatioGradient(p, 70_000, 5140, 2);
        for (int i = 0; i < p.length; i++) {
            double[] up = p.clone();
            double[] dn = p.clone();
            up[i] += 1e-6;
            dn[i] -= 1e-6;
            double numeric = (PostFec.frameLossRatio(up, 70_000, 5140, 2) - PostFec.frameLossRatio(dn, 70_000, 5140, 2)) / 2e-6;
            assertThat(g[i]).isCloseTo(numeric, within(1e-7));
        }
    }

    private static double halfWidth(EmulationResult r) {
        return Math.max(r.frameLossRatio().value() - r.frameLossRatio().ciLow(), r.frameLossRatio().ciHigh() - r.frameLossRatio().value());
    }
}
