package org.mosaic.datapath.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mosaic.datapath.ChannelPlan;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.EmulationSpec;
import org.mosaic.datapath.Emulator;
import org.mosaic.datapath.Engine;
import org.mosaic.datapath.FecSpec;
import org.mosaic.datapath.Importance;
import org.mosaic.datapath.HostSpec;
import org.mosaic.datapath.Mapping;
import org.mosaic.datapath.channel.ChannelFault;
import org.mosaic.datapath.channel.Crosstalk;
import org.mosaic.datapath.channel.GilbertElliott;
import org.mosaic.datapath.fec.PostFec;

/** The three engines against the analytic formulas and against each other. */
class EngineAgreementTest {

    private static EmulationSpec.Builder base() {
        return EmulationSpec.builder().fec(FecSpec.KP4).mapping(Mapping.SYMBOL);
    }

    /** |x − λ| in standard deviations of a Poisson count with mean λ. */
    private static double sigmas(long x, double lambda) {
        return Math.abs(x - lambda) / Math.sqrt(lambda);
    }

    @Test
    void errorEventMatchesTheAnalyticCodewordFailureForIndependentErrors() {
        // KP4 at BER 1e-3: P_cw = 1.530e-4 ((standard bounded-distance decoding) lists 1.5e-4). 400,000 codewords → λ = 61.2 failures.
        // Failures are independent Bernoulli(P_cw), so the count is ≈ Poisson(λ); |x − λ| ≤ 4.5σ fails by chance
        // with probability ≈ 7e-6 for a random seed (fixed seed here).
        EmulationResult r = Emulator.run(base().engine(Engine.ERROR_EVENT).uniformBer(1e-3).codewords(400_000).threads(2).build());
        double pcw = PostFec.codewordFailureProbability(544, 15, PostFec.symbolErrorProbability(1e-3, 10));
        assertThat(pcw).isCloseTo(1.5e-4, within(0.05e-4));
        long failures = r.uncorrectableCodewords() + r.miscorrectedCodewords();
        assertThat(sigmas(failures, pcw * 400_000)).isLessThan(4.5);
        assertThat(r.analytic().binomialCodewordFailure()).isCloseTo(pcw, within(pcw * 1e-9));
        // the measured pre-FEC BER: 2.176e9 bits at 1e-3 → σ/BER = 6.8e-4; 5σ
        assertThat(r.preFecBer()).isCloseTo(1e-3, within(5 * Math.sqrt(1e-3 / r.bits())));
        // symbol errors per codeword: mean 544·p_s = 5.42
        double mean = 0;
        for (int i = 0; i < r.symbolErrorsPerCodeword().length; i++) {
            mean += i * r.symbolErrorDistribution()[i];
        }
        double ps = PostFec.symbolErrorProbability(1e-3, 10);
        // per codeword variance 544·ps·(1−ps) = 5.37 → σ of the mean over 4e5 codewords = 3.7e-3; 5σ
        assertThat(mean).isCloseTo(544 * ps, within(5 * Math.sqrt(544 * ps * (1 - ps) / 400_000)));
    }

    @Test
    void errorEventMatchesKr4AtTwoE4() {
        // KR4 at 2e-4: P_cw ≈ 5.5e-5 ((standard bounded-distance decoding): 5.2e-5 at 2.4e-4, lower at 2e-4); 1e6 codewords → λ ≈ 20
        EmulationResult r = Emulator.run(base().fec(FecSpec.KR4).engine(Engine.ERROR_EVENT).uniformBer(2e-4).codewords(1_000_000)
                .threads(2).build());
        double pcw = PostFec.codewordFailureProbability(528, 7, PostFec.symbolErrorProbability(2e-4, 10));
        long failures = r.uncorrectableCodewords() + r.miscorrectedCodewords();
        assertThat(sigmas(failures, pcw * 1_000_000)).isLessThan(4.5); // false-failure rate ≈ 7e-6
    }

    @Test
    void importanceSamplerReachesKp4AtThresholdBer() {
        // (standard bounded-distance decoding): KP4 at 2.4e-4 fails with P_cw ≈ 8.2e-13 (2 significant digits; exact 8.1516e-13)
        EmulationResult r = Emulator.run(base().engine(Engine.IMPORTANCE).uniformBer(2.4e-4)
                .importance(new Importance(20_000, 2_000_000, 0.05, 0)).build());
        double exact = PostFec.codewordFailureProbability(544, 15, PostFec.symbolErrorProbability(2.4e-4, 10));
        assertThat(exact / 8.2e-13).isCloseTo(1, within(0.01));
        assertThat(r.analytic().mappingAwareCodewordFailure() / exact).isCloseTo(1, within(1e-9));
        var f = r.codewordFailureRatio();
        assertThat(f.relativeHalfWidth()).isLessThanOrEqualTo(0.05);
        // the interval is mean ± 1.96σ; a miss beyond 2 half-widths (3.9σ) happens by chance with probability ≈ 1e-4
        assertThat(Math.abs(f.value() - exact)).isLessThan(2 * (f.ciHigh() - f.ciLow()) / 2);
    }

    @Test
    void importanceSamplerReachesAFrameLossRatioOfOneE15WithinTwentyPercent() {
        // BER 1.45e-4: P_cw ≈ 4.4e-16, 64-byte frames → FLR ≈ 1e-15 (a frame touches ≥ 1 block of 2 codewords)
        EmulationResult r = Emulator.run(base().engine(Engine.IMPORTANCE).uniformBer(1.45e-4)
                .importance(new Importance(2_000, 1_000_000, 0.10, 0)).threads(2).build());
        double exactPcw = r.analytic().mappingAwareCodewordFailure();
        double exactFlr = r.analytic().frameLossRatio();
        assertThat(exactFlr).isBetween(5e-16, 5e-15);
        var flr = r.frameLossRatio();
        assertThat(flr.relativeHalfWidth()).isLessThanOrEqualTo(0.2);
        assertThat(Math.abs(flr.value() - exactFlr)).isLessThan(2 * (flr.ciHigh() - flr.ciLow()) / 2); // ≈ 1e-4 false failures
        assertThat(exactPcw).isLessThan(exactFlr);
    }

    @Test
    void importanceSamplerMatchesErrorEventWhereBothReach() {
        // KR4 at 1e-3 with the symbol mapping: P_cw ≈ 0.16, miscorrections observable (≈ 1/7! of failures … rare)
        EmulationSpec.Builder b = base().fec(FecSpec.KR4).uniformBer(1e-3).threads(2);
        EmulationResult ee = Emulator.run(b.engine(Engine.ERROR_EVENT).codewords(100_000).build());
        EmulationResult is = Emulator.run(b.engine(Engine.IMPORTANCE).importance(new Importance(50_000, 50_000, 0.01, 0)).build());
        double exact = is.analytic().mappingAwareCodewordFailure();
        // error-event: binomial count, σ = sqrt(n p (1−p)) = 116 of 16,000; IS: its own interval; 4.5σ each
        double sdEe = Math.sqrt(exact * (1 - exact) / 100_000);
        assertThat(ee.codewordFailureRatio().value()).isCloseTo(exact, within(4.5 * sdEe));
        assertThat(is.codewordFailureRatio().value()).isCloseTo(exact,
                within(4.5 / 1.96 * (is.codewordFailureRatio().ciHigh() - is.codewordFailureRatio().value())));
    }

    @Test
    void importanceOverTheRunHonoursAFailureAndMatchesErrorEvent_issue12() {
        // KR4 at 3e-4 (symbol mapping): channel 17 dies at 20 us, failover 50 us later; 40,000 codewords ≈ 248 us.
        // Without the failure P_cw ≈ 2.3e-4; with it the run fails ≈ 3× as often (≈ 28 failures in 40,000 codewords).
        EmulationSpec.Builder b = base().fec(FecSpec.KR4).uniformBer(3e-4).codewords(40_000).fault(ChannelFault.dead(17, 20e-6))
                .detectionLatencySeconds(50e-6).threads(2);
        EmulationResult ee = Emulator.run(b.engine(Engine.ERROR_EVENT).build());
        EmulationResult is = Emulator.run(b.engine(Engine.IMPORTANCE).importance(new Importance(20_000, 200_000, 0.05, 0, true)).build());
        EmulationResult noFail = Emulator.run(base().fec(FecSpec.KR4).uniformBer(3e-4).codewords(40_000).engine(Engine.IMPORTANCE)
                .importance(new Importance(20_000, 200_000, 0.05, 0, true)).threads(2).build());
        double exact = is.analytic().mappingAwareCodewordFailure();
        double exactNoFail = noFail.analytic().mappingAwareCodewordFailure();
        // the failure is honoured: the run's failure ratio is many times the no-failure one
        assertThat(exact).isGreaterThan(2 * exactNoFail);
        assertThat(is.codewordFailureRatio().value()).isGreaterThan(2 * noFail.codewordFailureRatio().ciHigh());
        assertThat(is.failovers()).hasSize(1);
        // the importance estimate against the exact mixture: 4.5 / 1.96 half-widths (false-failure rate ≈ 7e-6)
        assertThat(is.codewordFailureRatio().value()).isCloseTo(exact,
                within(4.5 / 1.96 * (is.codewordFailureRatio().ciHigh() - is.codewordFailureRatio().value())));
        // error-event counts failures over the same run: binomial, σ = sqrt(n p (1 − p)); 4.5σ (≈ 7e-6), plus the
        // boundary superblocks' timing (each codeword sits in one state in the sampler): within 15 % of the mixture
        long failures = ee.uncorrectableCodewords() + ee.miscorrectedCodewords();
        double sd = Math.sqrt(40_000 * exact * (1 - exact));
        assertThat((double) failures).isCloseTo(40_000 * exact, within(4.5 * sd + 0.15 * 40_000 * exact));
    }

    @Test
    void importanceOverTheRunWithoutFaultsIsTheSnapshot_issue12() {
        // a stationary link has one stratum: the over-the-run sampler is the snapshot sampler, stream for stream
        EmulationSpec.Builder b = base().fec(FecSpec.KR4).uniformBer(1e-3).engine(Engine.IMPORTANCE).threads(2);
        EmulationResult snap = Emulator.run(b.importance(new Importance(10_000, 10_000, 0.05, 0)).build());
        EmulationResult run = Emulator.run(b.importance(new Importance(10_000, 10_000, 0.05, 0, true)).build());
        assertThat(run.codewordFailureRatio()).isEqualTo(snap.codewordFailureRatio());
    }

    @Test
    void bitExactAndErrorEventSeeTheSameErrorsWithTheSameSeed() {
        // common random numbers: both engines draw the channel errors from the same chunk streams, so with no
        // stuck-at fault their tallies are identical — a checking mode of the fast engine against the slow one
        EmulationSpec.Builder b = base().fec(FecSpec.KR4).mapping(Mapping.BIT).uniformBer(3e-4).codewords(3_000)
                .burst(GilbertElliott.ofMeanBurst(2e-6, 20, 0.5)).crosstalk(new Crosstalk(0.05))
                .fault(ChannelFault.dead(7, 2e-6)).detectionLatencySeconds(3e-6).seed(11);
        EmulationResult be = Emulator.run(b.engine(Engine.BIT_EXACT).build());
        EmulationResult ee = Emulator.run(b.engine(Engine.ERROR_EVENT).checkDecoder(true).build());
        assertThat(be.preFecBitErrors()).isPositive().isEqualTo(ee.preFecBitErrors());
        assertThat(be.symbolErrorsPerCodeword()).isEqualTo(ee.symbolErrorsPerCodeword());
        assertThat(be.preFecBerPerChannel()).isEqualTo(ee.preFecBerPerChannel());
        assertThat(be.uncorrectableCodewords()).isPositive().isEqualTo(ee.uncorrectableCodewords());
        assertThat(be.miscorrectedCodewords()).isEqualTo(ee.miscorrectedCodewords());
        assertThat(be.postFecBitErrors()).isEqualTo(ee.postFecBitErrors());
        assertThat(be.lostFrames()).isEqualTo(ee.lostFrames());
        assertThat(be.payloadMismatches()).isEqualTo(be.postFecBitErrors());
        assertThat(be.unaccountedPayloadMismatches()).isZero();
        assertThat(ee.decoderDisagreements()).isZero();
    }

    @Test
    void bitExactAndErrorEventAgreeStatisticallyWithDifferentSeeds() {
        // KR4, BER 1e-3, codeword-aware: P_cw ≈ 0.16. Independent runs of 4,000 codewords each: the difference of two
        // binomial ratios has σ = sqrt(2 p (1−p)/4000) = 8.2e-3; 4.5σ → false failures ≈ 7e-6
        EmulationSpec.Builder b = base().fec(FecSpec.KR4).mapping(Mapping.CODEWORD_AWARE).uniformBer(1e-3).codewords(4_000);
        EmulationResult be = Emulator.run(b.engine(Engine.BIT_EXACT).seed(1).build());
        EmulationResult ee = Emulator.run(b.engine(Engine.ERROR_EVENT).seed(2).build());
        double p = be.analytic().mappingAwareCodewordFailure();
        double sd = Math.sqrt(2 * p * (1 - p) / 4_000);
        assertThat(be.codewordFailureRatio().value() - ee.codewordFailureRatio().value()).isCloseTo(0, within(4.5 * sd));
        // histograms: chi-square homogeneity over bins 0..12 (pooled tail), 13 bins → 12 dof; 99.99 % point = 36.5
        long[] x = be.symbolErrorsPerCodeword();
        long[] y = ee.symbolErrorsPerCodeword();
        double chi2 = 0;
        for (int i = 0; i <= 12; i++) {
            long xi = i < 12 ? x[i] : tail(x, 12);
            long yi = i < 12 ? y[i] : tail(y, 12);
            if (xi + yi > 0) {
                double e = (xi + yi) / 2.0;
                chi2 += (xi - e) * (xi - e) / e + (yi - e) * (yi - e) / e;
            }
        }
        assertThat(chi2).isLessThan(36.5);
        assertThat(be.unaccountedPayloadMismatches()).isZero();
        assertThat(be.payloadMismatches()).isEqualTo(be.postFecBitErrors()).isPositive();
    }

    private static long tail(long[] h, int from) {
        long s = 0;
        for (int i = from; i < h.length; i++) {
            s += h[i];
        }
        return s;
    }

    @Test
    void bitExactDeliversEveryPayloadBitWhenNoCodewordFails() {
        // KP4 at 1e-4: P_cw = 1.4e-18, so over 5,000 codewords (P ≈ 7e-15 that any fails) every codeword is corrected
        EmulationResult r = Emulator.run(base().engine(Engine.BIT_EXACT).uniformBer(1e-4).codewords(5_000).threads(2).build());
        assertThat(r.preFecBitErrors()).isGreaterThan(2_000); // the decoder had work: ≈ 2,720 errors expected
        assertThat(r.uncorrectableCodewords() + r.miscorrectedCodewords()).isZero();
        assertThat(r.payloadMismatches()).isZero();
        assertThat(r.unaccountedPayloadMismatches()).isZero();
        assertThat(r.lostFrames()).isZero();
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        EmulationSpec.Builder b = base().engine(Engine.ERROR_EVENT).uniformBer(1e-3).codewords(50_000).seed(5);
        EmulationResult one = Emulator.run(b.threads(1).build());
        EmulationResult two = Emulator.run(b.threads(2).build());
        assertThat(two.symbolErrorsPerCodeword()).isEqualTo(one.symbolErrorsPerCodeword());
        assertThat(two.preFecBitErrors()).isEqualTo(one.preFecBitErrors());
        assertThat(two.lostFrames()).isEqualTo(one.lostFrames());
    }

    @Test
    void deadChannelCostsEachCodewordWhatTheHandCountSays() {
        // a dead channel (random bits) and no other errors, never remapped: each codeword loses the symbols the
        // channel carries, each wrong unless all its bits on the channel happen to be right (2^-bits)
        // GearboxMapTest's counts: single-symbol dealing (default) 28 (bit, > t), 3 (symbol), 2 (codeword-aware);
        // unit dealing 14, 2, 2
        for (HostSpec.PcsDealing dealing : HostSpec.PcsDealing.values()) {
            for (Mapping m : Mapping.values()) {
                EmulationResult r = Emulator.run(base().host(HostSpec.HOST_800G.withDealing(dealing)).mapping(m).engine(Engine.ERROR_EVENT)
                        .uniformBer(0).channels(new ChannelPlan(400, 0, 20)).fault(ChannelFault.dead(123, 0)).codewords(20_000).build());
                long[] h = r.symbolErrorsPerCodeword();
                int max = 0;
                for (int i = 0; i < h.length; i++) {
                    if (h[i] > 0) {
                        max = i;
                    }
                }
                boolean symbols = dealing == HostSpec.PcsDealing.SYMBOLS;
                int expectedMax = m == Mapping.BIT ? (symbols ? 28 : 14) : m == Mapping.SYMBOL && symbols ? 3 : 2;
                if (expectedMax <= 15) {
                    assertThat(max).as(m.id() + ", " + dealing).isEqualTo(expectedMax);
                    assertThat(r.uncorrectableCodewords()).isZero(); // ≤ 14 < t = 15 with nothing else wrong
                } else {
                    // 27–28 symbols at risk on half of the codewords, each wrong with probability ½: P[Bin(27, ½) > 15]
                    // ≈ 0.22, so thousands of the 20,000 fail; all 28 wrong at once has probability 2^-28 per codeword, so
                    // the largest count seen lies between t + 1 and 28 (about 23)
                    assertThat(max).as(m.id() + ", " + dealing).isBetween(16, expectedMax);
                    assertThat(r.uncorrectableCodewords() + r.miscorrectedCodewords()).isGreaterThan(1000);
                }
            }
        }
    }
}
