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
}
