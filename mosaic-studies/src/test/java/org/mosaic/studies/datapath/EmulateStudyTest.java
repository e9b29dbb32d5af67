package org.mosaic.studies.datapath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.fec.PostFec;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.MetricRow;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.UsageException;
import org.junit.jupiter.api.Test;

class EmulateStudyTest {
    private static final EmulateStudy STUDY = new EmulateStudy();

    private static EmulateStudy.Input input(String ber, long codewords, List<String> fails, String detect) {
        return new EmulateStudy.Input(ScenarioDocument.preset("mosaic-800g"), "symbol", ber, 0, fails, detect, "error-event", "kp4",
                codewords, null, false, 64);
    }

    @Test
    void declaresEveryInputAndItsMetricsWithUnits() {
        assertThat(Studies.byName("emulate")).containsInstanceOf(EmulateStudy.class);
        List<InputSpec> in = STUDY.inputs();
        assertThat(in).hasSize(EmulateStudy.Input.class.getRecordComponents().length);
        assertThat(in).allSatisfy(i -> assertThat(i.description()).isNotBlank());
        List<MetricSpec> m = STUDY.metrics();
        assertThat(m).extracting(MetricSpec::path).contains("preFecBer", "uncorrectableCodewords", "simulatedSeconds",
                "frameLossRatio.value", "channelCloses");
        assertThat(m).filteredOn(x -> x.path().equals("simulatedSeconds")).extracting(MetricSpec::unit).containsExactly("s");
        assertThat(m).allSatisfy(x -> assertThat(x.unit()).isNotBlank());
        assertThat(m).extracting(MetricSpec::path).doesNotContain("plan", "spec", "scenarioName");
    }

    /**
     * Every channel at BER 2e-3: the symbol mapping's codeword failures follow the binomial tail P[X &gt; 15],
     * X ~ Bin(544, 1 − (1 − BER)^10) (standard bounded-distance decoding), within 5 standard deviations of the count
     * (false failure rate below 1e-6).
     */
    @Test
    void codewordFailuresFollowTheBinomialTail() {
        long n = 20_000;
        EmulateResult r = STUDY.run(input("2e-3", n, List.of(), null));
        EmulationResult e = r.emulation();
        double p = PostFec.codewordFailureProbability(544, 15, PostFec.symbolErrorProbability(2e-3, 10));
        double failed = e.uncorrectableCodewords() + e.miscorrectedCodewords();
        assertThat(failed).isCloseTo(n * p, org.assertj.core.data.Offset.offset(5 * Math.sqrt(n * p * (1 - p))));
        assertThat(e.preFecBer()).isCloseTo(2e-3, org.assertj.core.data.Offset.offset(2e-4));
        assertThat(r.channelCloses()).isTrue();
        assertThat(r.channelDoesNotClose()).isNull();
        JsonNode j = Results.tree(r);
        assertThat(j.path("scenario").asText()).isEqualTo("preset mosaic-800g");
        assertThat(j.has("channelDoesNotClose")).isFalse();
        assertThat(j.path("codewords").asLong()).isEqualTo(n);
        List<MetricRow> rows = Results.rows(STUDY, r);
        assertThat(rows).filteredOn(x -> x.name().equals("simulatedSeconds")).extracting(MetricRow::unit).containsExactly("s");
    }

    @Test
    void aFailoverAfterTheDetectionLatencyMovesTheChannelToASpare() {
        EmulateResult r = STUDY.run(input("1e-4", 20_000, List.of("17@5us"), "1us"));
        assertThat(r.emulation().failovers()).hasSize(1);
        assertThat(r.emulation().failovers().get(0).fromPhysical()).isEqualTo(17);
        assertThat(r.emulation().failovers().get(0).switchSeconds()).isCloseTo(6e-6, org.assertj.core.data.Offset.offset(1e-7));
    }

    /**
     * Issue 17: the BER monitor in the study. Channel 42 rises to BER 1e-3 at 30 µs; over 50 µs windows the first
     * window's mean is 4e-4 ≥ 1e-4, so the monitor remaps it at 50 µs; the JSON carries the remap, and nothing when off.
     */
    @Test
    void theBerMonitorRemapsAChannelThatDegradesDuringTheRun() {
        EmulateStudy.Input in = new EmulateStudy.Input(ScenarioDocument.preset("mosaic-800g"), "symbol", "1e-6", 0,
                List.of("42@30us:ber=1e-3"), null, "error-event", "kp4", 40_000L, null, false, 64, "1e-4:50us");
        EmulateResult r = STUDY.run(in);
        org.mosaic.datapath.BerMonitorReport m = r.emulation().berMonitor();
        assertThat(m.windowSeconds()).isEqualTo(50e-6);
        assertThat(m.remapped()).singleElement().satisfies(x -> {
            assertThat(x.logicalChannel()).isEqualTo(42);
            assertThat(x.fromPhysical()).isEqualTo(42);
            assertThat(x.toPhysical()).isGreaterThanOrEqualTo(r.plan().dataChannels());
            assertThat(x.degradedSeconds()).isEqualTo(30e-6);
            assertThat(x.switchSeconds()).isEqualTo(50e-6);
            assertThat(x.channelBer()).isEqualTo(1e-3);
        });
        assertThat(Results.tree(r).path("berMonitor").path("remapped").size()).isEqualTo(1);
        assertThat(Results.tree(STUDY.run(input("1e-6", 200, List.of(), null))).has("berMonitor")).isFalse();
        // the degradation alone (no monitor): the channel keeps its errors, nothing is remapped
        EmulateResult off = STUDY.run(new EmulateStudy.Input(ScenarioDocument.preset("mosaic-800g"), "symbol", "1e-6", 0,
                List.of("42@30us:ber=1e-3"), null, "error-event", "kp4", 40_000L, null, false, 64, null));
        assertThat(off.emulation().failovers()).isEmpty();
        // 480 errors expected without the remap vs 43 with it: a factor 3 is far outside either count's 5 σ
        assertThat(off.emulation().preFecBerPerChannel()[42]).isGreaterThan(3 * r.emulation().preFecBerPerChannel()[42]);
    }

    @Test
    void questionsThatCannotBeAnsweredAreRefused() {
        assertThatThrownBy(() -> STUDY.run(input("1e-4", 200, List.of(), "5us"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("nothing to detect");
        assertThatThrownBy(() -> STUDY.run(input("0.7", 200, List.of(), null))).isInstanceOf(UsageException.class)
                .hasMessageContaining("0 to 0.5");
        assertThatThrownBy(() -> STUDY.run(input("1e-4", 200, List.of("420@1us"), null))).isInstanceOf(UsageException.class)
                .hasMessageContaining("0 to 419");
    }

    @Test
    void dependenciesSeeOnlyWhatTheEmulationUses() {
        EmulateStudy.Input a = input("1e-3", 200, List.of(), null);
        ScenarioDocument edited = ScenarioDocument.preset("mosaic-800g").with("power.clocking", "1 W");
        EmulateStudy.Input b = new EmulateStudy.Input(edited, "symbol", "1e-3", 0, List.of(), null, "error-event", "kp4", 200L,
                null, false, 64);
        assertThat(EmulateStudy.dependencies(a)).isEqualTo(EmulateStudy.dependencies(b));
        assertThat(EmulateStudy.dependencies(a)).isNotEqualTo(EmulateStudy.dependencies(input("2e-3", 200, List.of(), null)));
    }

    private static EmulateResult oneDeadChannelAlone(String dealing) {
        // BER 0 elsewhere: every symbol error comes from dead channel 0; 4,000 codewords = 40 superblocks of 100 (26 µs),
        // all inside the 1 s detection latency (no failover)
        return STUDY.run(new EmulateStudy.Input(ScenarioDocument.preset("mosaic-800g"), "bit", "0", 1, List.of(), "1 s",
                "error-event", "kp4", 4_000L, null, false, 64, null, dealing));
    }

    /**
     * Issue 17: --dealing. Under the bit mapping a channel's 54.4 bits per block (4 codewords × 5440 bits / 400
     * channels) each land in a different symbol. With single-symbol dealing (the default, 802.3bs Clause 119) they come
     * from PCS lanes of two of the block's four codewords: 27–28 symbols of each of those two at risk, the other two
     * untouched; with unit dealing every PCS lane carries both codewords of its flow: 13–14 symbols of every codeword.
     * A dead channel's bit is wrong with probability ½, so with no other errors: symbols → exactly half of the codewords
     * clean (a touched one is clean with probability 2^-27; false failure ≈ 2,000·2^-27 ≈ 1.5e-5), at most 28 errors,
     * and many beyond t = 15; units → at most 14 errors, never a failure (deterministic), hardly a clean codeword
     * (expected 4,000·2^-13.6 ≈ 0.33; 10 or more has probability below 1e-15). Both: 6.8 symbol errors per codeword on
     * average (same bits), within 5 σ (σ of the mean ≈ √(13.6·¼/4000) ≈ 0.029; false failure below 1e-6).
     */
    @Test
    void dealingDecidesHowManySymbolsOfACodewordADeadChannelCosts() {
        EmulateResult def = STUDY.run(new EmulateStudy.Input(ScenarioDocument.preset("mosaic-800g"), "bit", "0", 1, List.of(), "1 s",
                "error-event", "kp4", 4_000L, null, false, 64, null));
        EmulateResult symbols = oneDeadChannelAlone("symbols");
        EmulateResult units = oneDeadChannelAlone("UNITS ");
        assertThat(def.pcsDealing()).isEqualTo("symbols");
        assertThat(Results.json(def)).isEqualTo(Results.json(symbols));
        assertThat(STUDY.inputs()).filteredOn(i -> i.name().equals("dealing")).singleElement()
                .satisfies(i -> assertThat(i.defaultValue()).isEqualTo("symbols"));

        long[] hs = symbols.emulation().symbolErrorsPerCodeword();
        assertThat(hs[0]).isEqualTo(2_000);
        assertThat(hs.length <= 29 || java.util.Arrays.stream(hs, 29, hs.length).allMatch(x -> x == 0)).isTrue();
        assertThat(symbols.emulation().uncorrectableCodewords() + symbols.emulation().miscorrectedCodewords()).isGreaterThan(100);
        assertThat(Results.tree(symbols).path("pcsDealing").asText()).isEqualTo("symbols");

        long[] hu = units.emulation().symbolErrorsPerCodeword();
        assertThat(hu.length <= 15 || java.util.Arrays.stream(hu, 15, hu.length).allMatch(x -> x == 0)).isTrue();
        assertThat(hu[0]).isLessThan(10);
        assertThat(units.emulation().uncorrectableCodewords() + units.emulation().miscorrectedCodewords()).isZero();
        assertThat(units.pcsDealing()).isEqualTo("units");

        for (long[] h : new long[][] {hs, hu}) {
            double sum = 0;
            for (int i = 0; i < h.length; i++) {
                sum += (double) i * h[i];
            }
            assertThat(sum / 4_000).isCloseTo(6.8, org.assertj.core.data.Offset.offset(5 * 0.029));
        }
    }

    @Test
    void anUnknownDealingIsRefusedWithTheValueAndTheChoices() {
        assertThatThrownBy(() -> oneDeadChannelAlone("bytes")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--dealing \"bytes\"").hasMessageContaining("expected symbols or units")
                .hasMessageContaining("hint");
    }
}
