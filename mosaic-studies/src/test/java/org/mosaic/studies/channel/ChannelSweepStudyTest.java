package org.mosaic.studies.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelSpecs;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.UsageException;

class ChannelSweepStudyTest {
    private static final ChannelSweepStudy STUDY = new ChannelSweepStudy();

    @Test
    void declaresItsInputsAndMetricsWithUnits() {
        assertThat(Studies.byName("channel-sweep")).containsInstanceOf(ChannelSweepStudy.class);
        assertThat(STUDY.inputs()).extracting(InputSpec::name).containsExactly("scenario", "sweep", "given");
        assertThat(STUDY.inputs()).allSatisfy(i -> assertThat(i.description()).isNotBlank());
        Map<String, String> units = ChannelStudyTest.units(STUDY.metrics());
        assertThat(units).containsEntry("points[].result.fiberLengthMeters", "m").containsEntry("points[].result.marginDb", "dB")
                .containsEntry("points[].result.dispersionPsPerNmKm", "ps/(nm·km)").containsEntry("seed", "1");
    }

    @Test
    void onePointPerValueEachTheModelsAnswerAtThatValue() {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-prototype");
        ChannelSweepResult r = STUDY.run(new ChannelSweepStudy.Input(doc, Sweep.parse("fiber.length=10m..30m:10m"), Map.of()));
        assertThat(r.points()).extracting(ChannelSweepResult.Point::value).containsExactly(10.0, 20.0, 30.0);
        assertThat(r.points()).extracting(ChannelSweepResult.Point::valueText).containsExactly("10 m", "20 m", "30 m");
        double previous = 0;
        for (ChannelSweepResult.Point p : r.points()) {
            double direct = ChannelAnalysis.nominalBer(ChannelSpecs.bind(doc.with("fiber.length", p.value() + " m")));
            assertThat(p.result().channel().nominalBer()).isEqualTo(direct);
            assertThat(p.result().channel().fiberLengthMeters()).isEqualTo(p.value());
            assertThat(direct).as("a longer fibre never lowers the BER").isGreaterThan(previous);
            previous = direct;
            assertThat(p.scenario()).isEqualTo("preset mosaic-prototype (with fiber.length=" + p.value() + " m)");
        }
        JsonNode json = Results.tree(r);
        assertThat(json.get("sweep").get("unit").asText()).isEqualTo("m");
        assertThat(json.get("sweep").get("stepUnit").asText()).isEqualTo("m");
        assertThat(json.get("points").get(0).get("result").has("scenario")).as("the point's source is not in its JSON").isFalse();
        assertThat(json.get("points").get(0).get("result").get("channelCloses").asBoolean()).isTrue();
    }

    @Test
    void refusesASweepOfAParameterTheDesignDoesNotUse() {
        ScenarioDocument off = ScenarioDocument.preset("mosaic-prototype").with("ctle.enabled", "false");
        assertThatThrownBy(() -> STUDY.run(new ChannelSweepStudy.Input(off, Sweep.parse("ctle.maxPeaking=0dB..6dB:2dB"),
                Map.of("ctle.enabled", "--set")))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--sweep ctle.maxPeaking has no effect");
    }
}
