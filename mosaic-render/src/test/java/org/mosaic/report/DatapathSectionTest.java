package org.mosaic.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.studies.Progress;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.Estimate;
import org.mosaic.datapath.Importance;
import org.mosaic.datapath.channel.LinkTimeline;
import org.mosaic.datapath.fec.PostFec;
import org.mosaic.report.DatapathSection.Budget;
import org.mosaic.report.DatapathSection.DeadCase;
import org.mosaic.report.DatapathSection.EnginePoint;
import org.mosaic.report.DatapathSection.Exposure;
import org.mosaic.report.DatapathSection.Variant;

/**
 * The datapath section, computed once with the report's plan (about 10 s on 2 cores). Statistical checks use
 * the fixed seed 0; each states how often it would fail by chance for an arbitrary seed.
 */
class DatapathSectionTest {
    private static DatapathSection section;

    @BeforeAll
    static void compute() {
        section = DatapathSection.compute(0, Progress.quiet());
    }

    // ---- structure ----

    @Test
    void rendersFourFiguresTablesJsonRowsAndCsvFiles(@TempDir Path dir) throws Exception {
        assertThat(section.id()).isEqualTo("datapath");
        assertThat(section.title()).isNotBlank();
        String html = section.html();
        assertThat(html.split("<svg", -1)).hasSize(5);
        assertThat(html.split("<figure>", -1)).hasSize(5);
        assertThat(html.split("<table>", -1).length - 1).isGreaterThanOrEqualTo(5);
        assertThat(html).contains("6.20e-11", "hitless", "averaged", "codeword-aware", "single-symbol PCS dealing")
                .doesNotContain("NaN", "Infinity");
        for (String key : List.of("dp-iid", "dp-dead", "dp-cases", "dp-budget")) {
            assertThat(html).contains("<svg id='" + key + "'");
        }

        JsonNode json = section.json();
        for (String key : List.of("seed", "targetFrameLossRatio", "framesPerSecond", "backgroundBer", "detectionLatencySeconds",
                "averagingPeriodSeconds", "deadChannels", "curves", "points", "deadChannelCases", "latencyBudget", "provenance")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("deadChannelCases")).hasSize(Variant.ALL.size() * 3);
        assertThat(json.get("latencyBudget")).hasSize(section.budgets().size());
        JsonNode unlimited = json.get("latencyBudget").get(4); // symbol at the design background BER
        assertThat(unlimited.get("variant").asText()).isEqualTo("symbol");
        assertThat(unlimited.get("averagedUnlimited").asBoolean()).isTrue();
        assertThat(unlimited.get("averagedLatencySeconds").get("value").isNull()).isTrue();

        assertThat(section.rows()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.subject()).isNotBlank();
            if (r.value() instanceof Double d) {
                assertThat(d).isFinite();
            }
        });

        List<Section.DataFile> files = section.files();
        assertThat(files).extracting(Section.DataFile::name).containsExactly("datapath-flr-curves.csv",
                "datapath-engine-points.csv", "datapath-dead-channels.csv", "datapath-latency-budget.csv");
        int curvePoints = section.curves().stream().mapToInt(c -> c.ber().length).sum();
        assertThat(files.get(0).content().split("\n")).hasSize(1 + curvePoints);
        assertThat(files.get(1).content().split("\n")).hasSize(1 + section.points().size());
        assertThat(files.get(2).content().split("\n")).hasSize(1 + section.deadCases().size());
        assertThat(files.get(3).content().split("\n")).hasSize(1 + section.budgets().size());
        for (Section.DataFile f : files) {
            String[] lines = f.content().split("\n");
            int columns = cells(lines[0]);
            for (String l : lines) {
                assertThat(cells(l)).as(f.name() + ": " + l).isEqualTo(columns);
            }
        }

        Path out = dir.resolve("r");
        new Report("T", "").add(section).write(out);
        assertThat(Files.readString(out.resolve("index.html"))).contains("<section id=\"datapath\">");
        assertThat(Files.readString(out.resolve("results.csv"))).contains("datapath,");
        assertThat(out.resolve("datapath-latency-budget.csv")).exists();
    }

    // ---- chart 1: the analytic curve and the i.i.d. points ----

    @Test
    void analyticCurveReproducesThePublishedKp4Table() {
        // (standard bounded-distance decoding) gives two significant digits: 8.2e-13, 2.8e-8, 1.5e-4 (half a unit of the last digit)
        assertThat(DatapathSection.iidCodewordFailure(2.4e-4)).isBetween(8.15e-13, 8.25e-13);
        assertThat(DatapathSection.iidCodewordFailure(5e-4)).isBetween(2.75e-8, 2.85e-8);
        assertThat(DatapathSection.iidCodewordFailure(1e-3)).isBetween(1.45e-4, 1.55e-4);
        DatapathSection.Curve iid = section.curves().get(0);
        int i = Arrays.binarySearch(iid.ber(), 2.4e-4);
        assertThat(i).isNotNegative();
        assertThat(iid.codewordFailure()[i]).isCloseTo(8.2e-13, within(0.05e-13));
        // small-P closed form of the 64-octet FLR with 2 interleaved codewords: 2·P·(1 + 511/10280)
        assertThat(iid.frameLossRatio()[i] / iid.codewordFailure()[i]).isCloseTo(2 * (1 + 511.0 / 10280), within(1e-9));
        assertThat(iid.frameLossRatio()[i]).isEqualTo(PostFec.frameLossRatio(iid.codewordFailure()[i], 512, 5140, 2));
        assertThat(section.backgroundBerAtTarget()).isBetween(2.4e-4, 5e-4);
        assertThat(DatapathSection.frameLossRatio(DatapathSection.iidCodewordFailure(section.backgroundBerAtTarget())))
                .isCloseTo(DatapathSection.TARGET_FRAME_LOSS_RATIO, within(1e-3 * DatapathSection.TARGET_FRAME_LOSS_RATIO));
    }

    @Test
    void iidImportancePointsCoincideAcrossMappingsAndMatchTheAnalyticCurve() {
        for (EnginePoint p : iid(true)) {
            Estimate e = p.result().frameLossRatio();
            // the same seed and the same symbol error probabilities under every mapping: identical estimates
            EnginePoint bit = iid(true).stream().filter(q -> q.ber() == p.ber() && q.variant().equals(Variant.BIT)).findFirst().orElseThrow();
            assertThat(e).isEqualTo(bit.result().frameLossRatio());
            // within two 95 % half-widths (3.9 σ): fails by chance for about 1 seed in 10^4 per BER
            double exact = DatapathSection.frameLossRatio(DatapathSection.iidCodewordFailure(p.ber()));
            assertThat(Math.abs(e.value() - exact)).isLessThanOrEqualTo(2 * (e.ciHigh() - e.ciLow()) / 2);
            assertThat(e.relativeHalfWidth()).isLessThan(0.1);
        }
    }

    @Test
    void iidErrorEventFailureCountsFollowTheBinomialTail() {
        for (EnginePoint p : iid(false)) {
            EmulationResult r = p.result();
            double expected = r.codewords() * DatapathSection.iidCodewordFailure(p.ber());
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
            Exposure x = new Exposure(p.variant(), new int[] {DatapathSection.deadChannels()[0]});
            // an independent implementation of the engines' mapping-aware Poisson-binomial: same value to rounding
            assertThat(x.codewordFailure(p.ber())).isCloseTo(p.result().analytic().mappingAwareCodewordFailure(),
                    within(1e-9 * p.result().analytic().mappingAwareCodewordFailure()));
            EmulationResult r = p.result();
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
            Exposure x = new Exposure(c.variant(), Arrays.copyOf(DatapathSection.deadChannels(), c.deadChannels()));
            assertThat(x.codewordFailure(DatapathSection.BACKGROUND_BER)).isCloseTo(c.window().analytic().mappingAwareCodewordFailure(),
                    within(1e-9 * c.window().analytic().mappingAwareCodewordFailure()));
        }
    }

    @Test
    void exactFrameLossCountsConcentratedFailuresThatTheHomogeneousFormulaMisses() {
        // single-symbol dealing puts a dead channel on some codewords of each block only; the counted FLR follows
        // the exact model, not the class-averaged formula. 5,856 failed codewords of ~21 frames each: the relative
        // standard deviation of the lost-frame count is about 1.2 %, so 5 % is 4 σ (about 1 seed in 10^4)
        DeadCase c = deadCase(Variant.BIT_SINGLE_SYMBOL_DEALING, 1);
        double counted = c.window().frameLossRatio().value();
        assertThat(counted / c.exactWindowFrameLossRatio()).isCloseTo(1, within(0.05));
        assertThat(c.window().analytic().frameLossRatio()).isLessThan(c.exactWindowFrameLossRatio());
        // without concentration (uniform BER, no dead channel) the enumeration agrees with the closed form; frames
        // start at multiples of 8 bits rather than uniformly, which moves the FLR by < 0.1 %
        Exposure none = new Exposure(Variant.SYMBOL, new int[0]);
        double closed = DatapathSection.frameLossRatio(DatapathSection.iidCodewordFailure(2.4e-4));
        assertThat(none.frameLossRatio(2.4e-4)).isCloseTo(closed, within(1e-3 * closed));
        assertThat(none.codewordFailure(2.4e-4)).isCloseTo(DatapathSection.iidCodewordFailure(2.4e-4),
                within(1e-9 * DatapathSection.iidCodewordFailure(2.4e-4)));
    }

    @Test
    void theBitMappingIsWorseThanTheSymbolMappingWhileChannelsAreDead() {
        // one dead channel: 13–14 symbols of a codeword at risk (bit) against 1–2 (symbol), both below t = 15
        assertThat(deadCase(Variant.BIT, 1).maxSymbolsHit()).isBetween(13, 15);
        assertThat(deadCase(Variant.SYMBOL, 1).maxSymbolsHit()).isLessThanOrEqualTo(2);
        Estimate bit = deadCase(Variant.BIT, 1).windowImportance().frameLossRatio();
        for (Variant v : List.of(Variant.SYMBOL, Variant.CODEWORD_AWARE)) {
            Estimate sym = deadCase(v, 1).windowImportance().frameLossRatio();
            assertThat(bit.ciLow()).isGreaterThan(1e20 * sym.ciHigh());
        }
        // two dead channels: the bit mapping fails codewords by the thousand, the symbol mapping not once
        assertThat(deadCase(Variant.BIT, 2).window().uncorrectableCodewords()).isGreaterThan(1000);
        assertThat(deadCase(Variant.SYMBOL, 2).window().uncorrectableCodewords() + deadCase(Variant.SYMBOL, 2).window().miscorrectedCodewords())
                .isZero();
        for (int k = 1; k <= 3; k++) {
            assertThat(deadCase(Variant.BIT, k).exactWindowFrameLossRatio()).isGreaterThan(deadCase(Variant.SYMBOL, k).exactWindowFrameLossRatio());
        }
    }

    @Test
    void afterFailoverTheFrameLossDropsBackToTheBackground() {
        double background = DatapathSection.frameLossRatio(DatapathSection.iidCodewordFailure(DatapathSection.BACKGROUND_BER));
        for (DeadCase c : section.deadCases()) {
            EmulationResult a = c.after();
            List<LinkTimeline.Failover> f = a.failovers();
            assertThat(f).hasSize(c.deadChannels());
            Set<Integer> spares = new HashSet<>();
            for (int i = 0; i < f.size(); i++) {
                assertThat(f.get(i).fromPhysical()).isEqualTo(DatapathSection.deadChannels()[i]);
                assertThat(f.get(i).toPhysical()).isGreaterThanOrEqualTo(400);
                spares.add(f.get(i).toPhysical());
            }
            assertThat(spares).hasSize(c.deadChannels());
            assertThat(a.lostFrames()).isZero();
            // after failover every data channel is at the background BER: the engine's own analytic equals the i.i.d. value
            assertThat(a.analytic().mappingAwareCodewordFailure()).isCloseTo(DatapathSection.iidCodewordFailure(DatapathSection.BACKGROUND_BER),
                    within(1e-9 * a.analytic().mappingAwareCodewordFailure()));
            assertThat(c.backgroundFrameLossRatio()).isEqualTo(background);
            assertThat(c.exactWindowFrameLossRatio()).isGreaterThan(1e5 * background);
        }
    }

    @Test
    void oneFailureEventLosesWhatTheWindowPredicts() {
        for (DeadCase c : section.deadCases()) {
            EmulationResult t = c.timeline();
            for (LinkTimeline.Failover f : t.failovers()) {
                assertThat(f.faultSeconds()).isEqualTo(DatapathSection.FAULT_AT_SECONDS);
                assertThat(f.switchSeconds()).isCloseTo(DatapathSection.FAULT_AT_SECONDS + DatapathSection.DETECTION_LATENCY_SECONDS, within(1e-15));
            }
            double expected = c.expectedLostFrames();
            if (expected < 1e-3) {
                assertThat(t.lostFrames()).isZero();
            } else {
                // ~1,560 codewords in the window; with failure probabilities 0.12–1 the lost-frame count varies by ≤ 7 %
                // (1 σ, the single-symbol-dealing case), so 25 % is ≥ 3.6 σ (≤ 3 seeds in 10^4 per case)
                assertThat((double) t.lostFrames()).as("%s, %d dead", c.variant().id(), c.deadChannels())
                        .isCloseTo(expected, within(0.25 * expected));
            }
        }
    }

    // ---- chart 3: latency budget ----

    @Test
    void latencyCriteriaFollowTheirDefinitions() {
        double target = DatapathSection.TARGET_FRAME_LOSS_RATIO;
        double period = DatapathSection.AVERAGING_PERIOD_SECONDS;
        assertThat(DatapathSection.averagedLatency(1e-6, 0)).isCloseTo(target * period / 1e-6, within(1e-15));
        assertThat(DatapathSection.averagedLatency(0.5 * target, 0)).isInfinite();
        assertThat(DatapathSection.averagedLatency(1e-3, 2 * target)).isZero();
        assertThat(DatapathSection.hitlessLatency(1e-3, 0)).isCloseTo(1 / (1e-3 * DatapathSection.FRAMES_PER_SECOND), within(1e-18));
        // 800GAUI-8: 850 Gb/s with KP4, 514/544 of it payload, 512 bits per frame
        assertThat(DatapathSection.FRAMES_PER_SECOND).isCloseTo(850e9 * 514 / 544 / 512, within(1.0));
    }

    @Test
    void latencyBudgetShrinksWithTheBackgroundBerAndIsTightestForTheBitMappings() {
        // the exact window FLR grows with the background BER for every mapping (deterministic)
        for (DatapathSection.Curve c : section.curves()) {
            for (int i = 1; i < c.ber().length; i++) {
                assertThat(c.frameLossRatio()[i]).as(c.name()).isGreaterThan(c.frameLossRatio()[i - 1]);
            }
        }
        // the engine estimates too, where the steps are large against their noise: the importance-sampled budgets move
        // by orders of magnitude per step; the counted single-symbol-dealing FLR changes only by a few per cent between
        // 2e-8 and 1e-4 (less than its noise allows to order), so only its ends are compared
        for (Variant v : Variant.ALL) {
            List<Budget> bs = section.budgets().stream().filter(b -> b.variant().equals(v)).toList();
            assertThat(bs).hasSize(4);
            boolean counted = v.equals(Variant.BIT_SINGLE_SYMBOL_DEALING);
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
            Budget bit = budget(Variant.BIT, i);
            Budget sym = budget(Variant.SYMBOL, i);
            Budget single = budget(Variant.BIT_SINGLE_SYMBOL_DEALING, i);
            assertThat(bit.hitlessLatencySeconds().value()).isLessThan(sym.hitlessLatencySeconds().value());
            assertThat(single.hitlessLatencySeconds().value()).isLessThan(bit.hitlessLatencySeconds().value());
            // the averaged limit is T·(target − FLR_bg)/frames-per-second times the hitless one
            if (Double.isFinite(bit.averagedLatencySeconds().value())) {
                double ratio = (DatapathSection.TARGET_FRAME_LOSS_RATIO - bit.backgroundFrameLossRatio()) * DatapathSection.AVERAGING_PERIOD_SECONDS
                        * DatapathSection.FRAMES_PER_SECOND;
                assertThat(bit.averagedLatencySeconds().value() / bit.hitlessLatencySeconds().value()).isCloseTo(ratio, within(1e-9 * ratio));
            }
        }
        // at the design background BER a symbol-based mapping keeps 13 symbols of margin with a channel dead: the
        // window FLR stays below the target, so the averaged criterion sets no limit
        assertThat(budget(Variant.SYMBOL, 0).averagedLatencySeconds().value()).isInfinite();
        assertThat(budget(Variant.CODEWORD_AWARE, 0).averagedLatencySeconds().value()).isInfinite();
        // the budget's lost frames per failure agree with the counted failure event at the design point
        Budget single = budget(Variant.BIT_SINGLE_SYMBOL_DEALING, 0);
        assertThat(single.engine()).isEqualTo("error-event");
        assertThat((double) deadCase(Variant.BIT_SINGLE_SYMBOL_DEALING, 1).timeline().lostFrames())
                .isCloseTo(single.lostFramesPerFailure(), within(0.25 * single.lostFramesPerFailure()));
    }

    // ---- determinism and plan ----

    @Test
    void isAPureFunctionOfTheSeed() {
        DatapathSection.Plan small = new DatapathSection.Plan(new double[] {2e-3}, new long[] {2_000}, new double[] {2.4e-4},
                new double[] {2e-3}, new long[] {2_000}, new double[] {DatapathSection.BACKGROUND_BER},
                new double[] {DatapathSection.BACKGROUND_BER}, 2_000, 2_000, 2_000, new Importance(2_000, 2_000, 0.5, 0), 5);
        String a = DatapathSection.compute(7, small, Progress.quiet()).json().toString();
        String b = DatapathSection.compute(7, small, Progress.quiet()).json().toString();
        String c = DatapathSection.compute(8, small, Progress.quiet()).json().toString();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void aPlanWithoutTheDesignPointIsRefused() {
        assertThatThrownBy(() -> new DatapathSection.Plan(new double[] {2e-3}, new long[] {2_000}, new double[] {2.4e-4},
                new double[] {2e-3}, new long[] {2_000}, new double[] {1e-4}, new double[] {1e-4}, 2_000, 2_000, 2_000,
                Importance.DEFAULT, 5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("background BER");
        assertThatThrownBy(() -> new DatapathSection.Plan(new double[] {2e-3}, new long[] {2_000, 3_000}, new double[] {2.4e-4},
                new double[] {2e-3}, new long[] {2_000}, new double[] {DatapathSection.BACKGROUND_BER},
                new double[] {DatapathSection.BACKGROUND_BER}, 2_000, 2_000, 2_000, Importance.DEFAULT, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ----

    /** Cells of one RFC 4180 line: commas outside double quotes, plus one. */
    private static int cells(String line) {
        int n = 1;
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                n++;
            }
        }
        return n;
    }

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
