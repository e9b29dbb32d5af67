package org.mosaic.studies.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.optics.ChannelSpecs;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.MetricRow;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.UsageException;

class ChannelStudyTest {
    private static final ChannelStudy STUDY = new ChannelStudy();

    @Test
    void declaresItsInputsAndMetricsWithUnits() {
        assertThat(Studies.byName("channel")).containsInstanceOf(ChannelStudy.class);
        assertThat(STUDY.inputs()).extracting(InputSpec::name).containsExactly("scenario", "given", "eyeDiagram");
        assertThat(STUDY.inputs()).allSatisfy(i -> assertThat(i.description()).isNotBlank());
        Map<String, String> units = units(STUDY.metrics());
        assertThat(units).containsEntry("channelRateBitsPerSecond", "b/s").containsEntry("fiberLengthMeters", "m")
                .containsEntry("marginDb", "dB").containsEntry("receivedOmaDbm", "dBm").containsEntry("ber.median", "1")
                .containsEntry("channelCloses", "bool").containsEntry("eyeWidthUi", "UI")
                // the model's record cannot carry @Metric: completed by the study, not "km" from the name's ending
                .containsEntry("dispersionPsPerNmKm", "ps/(nm·km)");
        assertThat(units).doesNotContainKey("eye").doesNotContainKey("perChannelBer[]");
    }

    @Test
    void answersWhatTheModelAnswersWithoutThePerChannelArray() {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-prototype");
        ChannelEvaluation e = STUDY.run(ChannelStudy.Input.of(doc));
        ChannelResult direct = ChannelAnalysis.analyse(ChannelSpecs.bind(doc));
        assertThat(e.channel().nominalBer()).isEqualTo(direct.nominalBer());
        assertThat(e.channel().ber()).isEqualTo(direct.ber());
        assertThat(e.channel().reachMeters()).isEqualTo(direct.reachMeters());
        assertThat(e.scenario()).isEqualTo("preset mosaic-prototype");
        // 5.9e-9 at 20 m against 2.4e-4: it closes, and the JSON says so without a sentence
        assertThat(e.channelCloses()).isTrue();
        JsonNode json = Results.tree(e);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.subList(0, 4)).containsExactly("scenario", "channelCloses", "name", "seed");
        assertThat(keys).doesNotContain("channelDoesNotClose", "perChannelBer", "eye", "channel");
        assertThat(e.eye()).isNull();
        List<MetricRow> rows = Results.rows(STUDY, e);
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("marginDb");
            assertThat(r.value()).isEqualTo(direct.marginDb());
            assertThat(r.unit()).isEqualTo("dB");
        });
    }

    @Test
    void saysWhenTheChannelDoesNotCloseWithTheModelsNumbers() {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-prototype").with("fiber.length", "60 m");
        ChannelEvaluation e = STUDY.run(ChannelStudy.Input.of(doc));
        double nominal = ChannelAnalysis.nominalBer(ChannelSpecs.bind(doc));
        assertThat(nominal).isGreaterThan(e.channel().berTarget());
        assertThat(e.channelCloses()).isFalse();
        assertThat(e.channelDoesNotClose()).startsWith("the channel does not close at 60.0 m").contains("reach");
        assertThat(Results.tree(e).get("channelDoesNotClose").asText()).isEqualTo(e.channelDoesNotClose());
    }

    @Test
    void computesTheEyeOnlyWhenAskedAndRefusesKeysTheDesignDoesNotUse() {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-prototype");
        ChannelEvaluation e = STUDY.run(new ChannelStudy.Input(doc, Map.of(), true));
        assertThat(e.eye().level()).hasSize(ChannelStudy.EYE_LEVELS);
        assertThat(Results.tree(e).has("eye")).isFalse();
        ScenarioDocument microlens = doc.with("optics.lens", "microlens").with("optics.tirGainOverMicrolens", "3");
        assertThatThrownBy(() -> STUDY.run(new ChannelStudy.Input(microlens, Map.of("optics.tirGainOverMicrolens", "--set"), false)))
                .isInstanceOf(UsageException.class).hasMessageContaining("--set optics.tirGainOverMicrolens has no effect");
        // the same document without the key given is answered: the refusal is about what the user asked
        assertThat(STUDY.run(ChannelStudy.Input.of(microlens)).channel().name()).isEqualTo("mosaic-prototype");
    }

    static Map<String, String> units(List<MetricSpec> metrics) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        metrics.forEach(m -> out.put(m.path(), m.unit()));
        return out;
    }
}
