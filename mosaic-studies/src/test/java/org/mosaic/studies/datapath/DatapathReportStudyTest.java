package org.mosaic.studies.datapath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mosaic.studies.Progress;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.Estimate;
import org.mosaic.datapath.Importance;
import org.mosaic.datapath.channel.LinkTimeline;
import org.mosaic.datapath.fec.PostFec;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.datapath.DatapathReport.Budget;
import org.mosaic.studies.datapath.DatapathReport.Curve;
import org.mosaic.studies.datapath.DatapathReport.DeadCase;
import org.mosaic.studies.datapath.DatapathReport.EnginePoint;

/**
 * The report's datapath study, computed once with the report's plan (about 10 s on 2 cores). Statistical checks use
 * the fixed seed 0; each states how often it would fail by chance for an arbitrary seed.
 */
class DatapathReportStudyTest {
    private static DatapathReport section;

    @BeforeAll
    static void compute() {
        section = new DatapathReportStudy().run(new DatapathReportStudy.Input(0), Progress.quiet());
    }

    @Test
    void declaresItsInputAndMetricsWithUnits() {
        DatapathReportStudy study = new DatapathReportStudy();
        assertThat(Studies.byName("report-datapath")).containsInstanceOf(DatapathReportStudy.class);
        assertThat(study.inputs()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("seed");
            assertThat(i.description()).isNotBlank();
        });
        assertThat(study.metrics()).extracting(MetricSpec::path).contains("framesPerSecond", "detectionLatencySeconds",
                "deadChannelCases[].exactWindowFrameLossRatio", "deadChannelCases[].oneEvent.lostFrames",
                "latencyBudget[].averagedUnlimited").doesNotContain("latencyCurves");
        // a variant is its id in JSON: none of its host's numbers is a metric
        assertThat(study.metrics()).extracting(MetricSpec::path).noneMatch(p -> p.contains("variant.") || p.contains("emulation"));
        assertThat(study.metrics()).filteredOn(m -> m.path().equals("detectionLatencySeconds")).extracting(MetricSpec::unit)
                .containsExactly("s");
        assertThat(Results.rows(study, section)).isNotEmpty();
    }

    // ---- chart 1: the analytic curve and the i.i.d. points ----

    @Test
    void analyticCurveReproducesThePublishedKp4Table() {
        // (standard bounded-distance decoding) gives two significant digits: 8.2e-13, 2.8e-8, 1.5e-4 (half a unit of the last digit)
        assertThat(FrameLoss.iidCodewordFailure(2.4e-4)).isBetween(8.15e-13, 8.25e-13);
        assertThat(FrameLoss.iidCodewordFailure(5e-4)).isBetween(2.75e-8, 2.85e-8);
        assertThat(FrameLoss.iidCodewordFailure(1e-3)).isBetween(1.45e-4, 1.55e-4);
        Curve iid = section.curves().get(0);
        int i = Arrays.binarySearch(iid.ber(), 2.4e-4);
        assertThat(i).isNotNegative();
        assertThat(iid.codewordFailure()[i]).isCloseTo(8.2e-13, within(0.05e-13));
        // small-P closed form of the 64-octet FLR with 2 interleaved codewords: 2·P·(1 + 511/10280)
        assertThat(iid.frameLossRatio()[i] / iid.codewordFailure()[i]).isCloseTo(2 * (1 + 511.0 / 10280), within(1e-9));
        assertThat(iid.frameLossRatio()[i]).isEqualTo(PostFec.frameLossRatio(iid.codewordFailure()[i], 512, 5140, 2));
        assertThat(section.iidBerAtTargetFrameLossRatio()).isBetween(2.4e-4, 5e-4);
        assertThat(FrameLoss.frameLossRatio(FrameLoss.iidCodewordFailure(section.iidBerAtTargetFrameLossRatio())))
                .isCloseTo(DatapathReportStudy.TARGET_FRAME_LOSS_RATIO, within(1e-3 * DatapathReportStudy.TARGET_FRAME_LOSS_RATIO));
    }

    @Test
    void iidImportancePointsCoincideAcrossMappingsAndMatchTheAnalyticCurve() {
        for (EnginePoint p : iid(true)) {
            Estimate e = p.run().emulation().frameLossRatio();
            // the same seed and the same symbol error probabilities under every mapping: identical estimates
            EnginePoint bit = iid(true).stream().filter(q -> q.ber() == p.ber() && q.variant().equals(Variant.BIT)).findFirst().orElseThrow();
            assertThat(e).isEqualTo(bit.run().emulation().frameLossRatio());
            // within two 95 % half-widths (3.9 σ): fails by chance for about 1 seed in 10^4 per BER
            double exact = FrameLoss.frameLossRatio(FrameLoss.iidCodewordFailure(p.ber()));
            assertThat(Math.abs(e.value() - exact)).isLessThanOrEqualTo(2 * (e.ciHigh() - e.ciLow()) / 2);
            assertThat(e.relativeHalfWidth()).isLessThan(0.1);
        }
    }

    @Test
    void iidErrorEventFailureCountsFollowTheBinomialTail() {
        for (EnginePoint p : iid(false)) {
            EmulationResult r = p.run().emulation();
            double expected = r.codewords() * FrameLoss.iidCodewordFailure(p.ber());
            long failed = r.uncorrectableCodewords() + r.miscorrectedCodewords();
            assertThat(failed).as("%s at %s", p.variant().id(), p.ber()).isPositive();
            // 4 σ of a binomial count: fails by chance for about 1 seed in 10^4 per point
            assertThat((double) Math.abs(failed - expected)).isLessThanOrEqualTo(4 * Math.sqrt(expected));
        }
    }

    // ---- chart 1b and chart 2: the exact dead-channel model against the engines ----

    @Test
    void exactDeadChannelModelAgreesWithTheEnginesAnalyticAndCounts() {
        for (EnginePoint p : section.points()) {
            if (!p.panel().equals("one-dead-channel")) {
                continue;
            }
            Exposure x = new Exposure(p.variant(), new int[] {DatapathReportStudy.deadChannels()[0]});
            // an independent implementation of the engines' mapping-aware Poisson-binomial: same value to rounding
            assertThat(x.codewordFailure(p.ber())).isCloseTo(p.run().emulation().analytic().mappingAwareCodewordFailure(),
                    within(1e-9 * p.run().emulation().analytic().mappingAwareCodewordFailure()));
            EmulationResult r = p.run().emulation();
            if (p.importance()) {
                Estimate e = r.codewordFailureRatio();
                // within two 95 % half-widths (3.9 σ): about 1 seed in 10^4 per point
                assertThat(Math.abs(e.value() - x.codewordFailure(p.ber()))).isLessThanOrEqualTo(e.ciHigh() - e.ciLow());
            } else {
                double expected = r.codewords() * x.codewordFailure(p.ber());
                long failed = r.uncorrectableCodewords() + r.miscorrectedCodewords();
                // a sum of independent Bernoulli counts has variance ≤ its mean: 4 σ, about 1 seed in 10^4 per point
                assertThat((double) Math.abs(failed - expected)).as("%s at %s", p.variant().id(), p.ber())
                        .isLessThanOrEqualTo(4 * Math.sqrt(expected) + 1);
            }
        }
        for (DeadCase c : section.deadCases()) {
            Exposure x = new Exposure(c.variant(), Arrays.copyOf(DatapathReportStudy.deadChannels(), c.deadChannels()));
            assertThat(x.codewordFailure(DatapathReportStudy.BACKGROUND_BER)).isCloseTo(c.window().emulation().analytic().mappingAwareCodewordFailure(),
                    within(1e-9 * c.window().emulation().analytic().mappingAwareCodewordFailure()));
        }
    }

    @Test
    void exactFrameLossCountsConcentratedFailuresThatTheHomogeneousFormulaMisses() {
        // the default single-symbol dealing puts a dead channel on some codewords of each block only (the bit mapping:
        // two of four); the counted FLR follows the exact model, not the class-averaged formula. ~5,900 failed codewords
        // of ~21 frames each: the relative standard deviation of the lost-frame count is about 1.2 %, so 5 % is 4 σ
        // (about 1 seed in 10^4)
        DeadCase c = deadCase(Variant.BIT, 1);
        double counted = c.window().emulation().frameLossRatio().value();
        assertThat(counted / c.exactWindowFrameLossRatio()).isCloseTo(1, within(0.05));
        // the emulator's analytic column now computes the FLR from each codeword's own failure probability too (issue 17;
        // it used the class-averaged formula and fell below): it agrees with the study's enumeration up to the 8-bit
        // granularity of the enumerated frame starts (< 0.1 %)
        assertThat(c.window().emulation().analytic().frameLossRatio()).isCloseTo(c.exactWindowFrameLossRatio(),
                within(1e-3 * c.exactWindowFrameLossRatio()));
        // without concentration (uniform BER, no dead channel) the enumeration agrees with the closed form; frames
        // start at multiples of 8 bits rather than uniformly, which moves the FLR by < 0.1 %
        Exposure none = new Exposure(Variant.SYMBOL, new int[0]);
        double closed = FrameLoss.frameLossRatio(FrameLoss.iidCodewordFailure(2.4e-4));
        assertThat(none.frameLossRatio(2.4e-4)).isCloseTo(closed, within(1e-3 * closed));
        assertThat(none.codewordFailure(2.4e-4)).isCloseTo(FrameLoss.iidCodewordFailure(2.4e-4),
                within(1e-9 * FrameLoss.iidCodewordFailure(2.4e-4)));
    }

    @Test
    void theBitMappingIsWorseThanTheSymbolMappingWhileChannelsAreDead() {
        // one dead channel under the default single-symbol dealing: the channel's 54.4 bits per block come from 2 of
        // the 4 PCS lanes of its host lane, each carrying one codeword, so 27–28 symbols of two of the block's four
        // codewords are at risk (bit, > t = 15), 2–3 (symbol: 544 symbols over the 200 channels of one codeword parity),
        // 1–2 (codeword-aware: 544 over 400); under unit dealing the bit mapping spreads 54.4 bits over all four
        // codewords: 13.6, i.e. 13–14 of each (below t)
        assertThat(deadCase(Variant.BIT, 1).maxSymbolsHit()).isEqualTo(28);
        assertThat(deadCase(Variant.SYMBOL, 1).maxSymbolsHit()).isEqualTo(3);
        assertThat(deadCase(Variant.CODEWORD_AWARE, 1).maxSymbolsHit()).isEqualTo(2);
        assertThat(deadCase(Variant.BIT_UNIT_DEALING, 1).maxSymbolsHit()).isBetween(13, 14);
        assertThat(DatapathReportStudy.countedBudget(Variant.BIT)).isTrue();
        assertThat(Variant.ALL.stream().filter(DatapathReportStudy::countedBudget)).containsExactly(Variant.BIT);
        Estimate bit = deadCase(Variant.BIT_UNIT_DEALING, 1).windowImportance().emulation().frameLossRatio();
        for (Variant v : List.of(Variant.SYMBOL, Variant.CODEWORD_AWARE)) {
            Estimate sym = deadCase(v, 1).windowImportance().emulation().frameLossRatio();
            assertThat(bit.ciLow()).isGreaterThan(1e20 * sym.ciHigh());
        }
        // two dead channels: the bit mapping fails codewords by the thousand, the symbol mapping not once
        assertThat(deadCase(Variant.BIT, 2).window().emulation().uncorrectableCodewords()).isGreaterThan(1000);
        assertThat(deadCase(Variant.SYMBOL, 2).window().emulation().uncorrectableCodewords() + deadCase(Variant.SYMBOL, 2).window().emulation().miscorrectedCodewords())
                .isZero();
        for (int k = 1; k <= 3; k++) {
            assertThat(deadCase(Variant.BIT, k).exactWindowFrameLossRatio()).isGreaterThan(deadCase(Variant.SYMBOL, k).exactWindowFrameLossRatio());
        }
    }

    @Test
    void afterFailoverTheFrameLossDropsBackToTheBackground() {
        double background = FrameLoss.frameLossRatio(FrameLoss.iidCodewordFailure(DatapathReportStudy.BACKGROUND_BER));
        for (DeadCase c : section.deadCases()) {
            EmulationResult a = c.after().emulation();
            List<LinkTimeline.Failover> f = a.failovers();
            assertThat(f).hasSize(c.deadChannels());
            Set<Integer> spares = new HashSet<>();
            for (int i = 0; i < f.size(); i++) {
                assertThat(f.get(i).fromPhysical()).isEqualTo(DatapathReportStudy.deadChannels()[i]);
                assertThat(f.get(i).toPhysical()).isGreaterThanOrEqualTo(400);
                spares.add(f.get(i).toPhysical());
            }
            assertThat(spares).hasSize(c.deadChannels());
            assertThat(a.lostFrames()).isZero();
            // after failover every data channel is at the background BER: the engine's own analytic equals the i.i.d. value
            assertThat(a.analytic().mappingAwareCodewordFailure()).isCloseTo(FrameLoss.iidCodewordFailure(DatapathReportStudy.BACKGROUND_BER),
                    within(1e-9 * a.analytic().mappingAwareCodewordFailure()));
            assertThat(c.backgroundFrameLossRatio()).isEqualTo(background);
            assertThat(c.exactWindowFrameLossRatio()).isGreaterThan(1e5 * background);
        }
    }

    @Test
    void oneFailureEventLosesWhatTheWindowPredicts() {
        for (DeadCase c : section.deadCases()) {
            EmulationResult t = c.timeline().run().emulation();
            for (LinkTimeline.Failover f : t.failovers()) {
                assertThat(f.faultSeconds()).isEqualTo(DatapathReportStudy.FAULT_AT_SECONDS);
                assertThat(f.switchSeconds()).isCloseTo(DatapathReportStudy.FAULT_AT_SECONDS + DatapathReportStudy.DETECTION_LATENCY_SECONDS, within(1e-15));
            }
            double expected = c.expectedLostFrames();
            if (expected < 1e-3) {
                assertThat(t.lostFrames()).isZero();
            } else {
                // ~1,560 codewords in the window; with failure probabilities 0.12–1 the lost-frame count varies by ≤ 7 %
                // (1 σ, the bit mapping under single-symbol dealing), so 25 % is ≥ 3.6 σ (≤ 3 seeds in 10^4 per case)
                assertThat((double) t.lostFrames()).as("%s, %d dead", c.variant().id(), c.deadChannels())
                        .isCloseTo(expected, within(0.25 * expected));
            }
        }
    }

    // ---- chart 3: latency budget ----

    @Test
    void latencyCriteriaFollowTheirDefinitions() {
        double target = DatapathReportStudy.TARGET_FRAME_LOSS_RATIO;
        double period = DatapathReportStudy.AVERAGING_PERIOD_SECONDS;
        assertThat(FrameLoss.averagedLatency(1e-6, 0)).isCloseTo(target * period / 1e-6, within(1e-15));
        assertThat(FrameLoss.averagedLatency(0.5 * target, 0)).isInfinite();
        assertThat(FrameLoss.averagedLatency(1e-3, 2 * target)).isZero();
        assertThat(FrameLoss.hitlessLatency(1e-3, 0)).isCloseTo(1 / (1e-3 * DatapathReportStudy.FRAMES_PER_SECOND), within(1e-18));
        // 800GAUI-8: 850 Gb/s with KP4, 514/544 of it payload, 512 bits per frame
        assertThat(DatapathReportStudy.FRAMES_PER_SECOND).isCloseTo(850e9 * 514 / 544 / 512, within(1.0));
    }

    @Test
    void latencyBudgetShrinksWithTheBackgroundBerAndIsTightestForTheBitMappings() {
        // the exact window FLR grows with the background BER for every mapping (deterministic)
        for (Curve c : section.curves()) {
            for (int i = 1; i < c.ber().length; i++) {
                assertThat(c.frameLossRatio()[i]).as(c.name()).isGreaterThan(c.frameLossRatio()[i - 1]);
            }
        }
        // the engine estimates too, where the steps are large against their noise: the importance-sampled budgets move
        // by orders of magnitude per step; the counted FLR of the bit mapping (single-symbol dealing) changes only by a few per cent between
        // 2e-8 and 1e-4 (less than its noise allows to order), so only its ends are compared
        for (Variant v : Variant.ALL) {
            List<Budget> bs = section.budgets().stream().filter(b -> b.variant().equals(v)).toList();
            assertThat(bs).hasSize(4);
            boolean counted = v.equals(Variant.BIT);
            for (int i = 1; i < bs.size(); i++) {
                assertThat(bs.get(i).backgroundBer()).isGreaterThan(bs.get(i - 1).backgroundBer());
                if (!counted || i == bs.size() - 1) {
                    Budget before = bs.get(counted ? 0 : i - 1);
                    assertThat(bs.get(i).hitlessLatencySeconds().value()).isLessThan(before.hitlessLatencySeconds().value());
                    assertThat(bs.get(i).averagedLatencySeconds().value()).isLessThanOrEqualTo(before.averagedLatencySeconds().value());
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            Budget bit = budget(Variant.BIT_UNIT_DEALING, i);
            Budget sym = budget(Variant.SYMBOL, i);
            Budget single = budget(Variant.BIT, i);
            assertThat(bit.hitlessLatencySeconds().value()).isLessThan(sym.hitlessLatencySeconds().value());
            assertThat(single.hitlessLatencySeconds().value()).isLessThan(bit.hitlessLatencySeconds().value());
            // the averaged limit is T·(target − FLR_bg)/frames-per-second times the hitless one
            if (Double.isFinite(bit.averagedLatencySeconds().value())) {
                double ratio = (DatapathReportStudy.TARGET_FRAME_LOSS_RATIO - bit.backgroundFrameLossRatio()) * DatapathReportStudy.AVERAGING_PERIOD_SECONDS
                        * DatapathReportStudy.FRAMES_PER_SECOND;
                assertThat(bit.averagedLatencySeconds().value() / bit.hitlessLatencySeconds().value()).isCloseTo(ratio, within(1e-9 * ratio));
            }
        }
        // at the design background BER a symbol-based mapping keeps 12 (symbol) or 13 (codeword-aware) symbols of margin with a channel dead: the
        // window FLR stays below the target, so the averaged criterion sets no limit
        assertThat(budget(Variant.SYMBOL, 0).averagedLatencySeconds().value()).isInfinite();
        assertThat(budget(Variant.CODEWORD_AWARE, 0).averagedLatencySeconds().value()).isInfinite();
        // the budget's lost frames per failure agree with the counted failure event at the design point
        Budget single = budget(Variant.BIT, 0);
        assertThat(single.engine()).isEqualTo("error-event");
        assertThat(budget(Variant.BIT_UNIT_DEALING, 0).engine()).isEqualTo("importance");
        assertThat((double) deadCase(Variant.BIT, 1).timeline().run().emulation().lostFrames())
                .isCloseTo(single.lostFramesPerFailure(), within(0.25 * single.lostFramesPerFailure()));
    }

    // ---- determinism and plan ----

    @Test
    void isAPureFunctionOfTheSeed() {
        DatapathReportStudy.Plan small = new DatapathReportStudy.Plan(new double[] {2e-3}, new long[] {2_000}, new double[] {2.4e-4},
                new double[] {2e-3}, new long[] {2_000}, new double[] {DatapathReportStudy.BACKGROUND_BER},
                new double[] {DatapathReportStudy.BACKGROUND_BER}, 2_000, 2_000, 2_000, new Importance(2_000, 2_000, 0.5, 0), 5);
        String a = Results.json(DatapathReportStudy.compute(7, small, Progress.quiet()));
        String b = Results.json(DatapathReportStudy.compute(7, small, Progress.quiet()));
        String c = Results.json(DatapathReportStudy.compute(8, small, Progress.quiet()));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void aPlanWithoutTheDesignPointIsRefused() {
        assertThatThrownBy(() -> new DatapathReportStudy.Plan(new double[] {2e-3}, new long[] {2_000}, new double[] {2.4e-4},
                new double[] {2e-3}, new long[] {2_000}, new double[] {1e-4}, new double[] {1e-4}, 2_000, 2_000, 2_000,
                Importance.DEFAULT, 5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("background BER");
        assertThatThrownBy(() -> new DatapathReportStudy.Plan(new double[] {2e-3}, new long[] {2_000, 3_000}, new double[] {2.4e-4},
                new double[] {2e-3}, new long[] {2_000}, new double[] {DatapathReportStudy.BACKGROUND_BER},
                new double[] {DatapathReportStudy.BACKGROUND_BER}, 2_000, 2_000, 2_000, Importance.DEFAULT, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ----

    private static List<EnginePoint> iid(boolean importance) {
        return section.points().stream().filter(p -> p.panel().equals("iid") && p.importance() == importance).toList();
    }

    private static DeadCase deadCase(Variant v, int k) {
        return section.deadCases().stream().filter(c -> c.variant().equals(v) && c.deadChannels() == k).findFirst().orElseThrow();
    }

    private static Budget budget(Variant v, int i) {
        return section.budgets().stream().filter(b -> b.variant().equals(v)).toList().get(i);
    }
}
