package org.mosaic.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.studies.cable.CableStudy;
import org.mosaic.studies.channel.ChannelStudy;
import org.mosaic.studies.channel.ChannelSweepStudy;
import org.mosaic.studies.channel.Sweep;

/**
 * The binder: defaults, values and edits give the input the CLI builds from the same flags (the same documents with the
 * same sources, so the same JSON), and every bad value is refused at once, naming its key.
 */
class StudyInputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void reportStudiesAreNotBindableAndSayWhy() {
        for (Study<?, ?> s : Studies.all()) {
            if (s.name().endsWith("-report")) {
                assertThat(StudyInputs.bindable(s)).as(s.name()).isFalse();
                assertThat(StudyInputs.whyNotBindable(s)).contains("report");
                assertThatThrownBy(() -> StudyInputs.defaults(s)).isInstanceOf(UsageException.class).hasMessageContaining(s.name());
            }
        }
    }

    @Test
    void cableDefaultsAreThePresetAndNoScaling() {
        CableStudy study = new CableStudy();
        ObjectNode d = StudyInputs.defaults(study);
        assertThat(d.toString()).isEqualTo("{\"cable\":{\"preset\":\"mosaic-800g\"},\"scale\":false}");
        CableStudy.Input in = StudyInputs.bind(study, d);
        assertThat(in.cable().source()).isEqualTo("preset mosaic-800g");
        assertThat(in.scale()).isFalse();
        // the same input as the CLI's `link` builds: the same JSON
        assertThat(Results.json(study.run(in))).isEqualTo(Results.json(study.run(new CableStudy.Input(
                ScenarioDocument.preset("mosaic-800g"), false))));
    }

    @Test
    void cableWithAnEditedPresetIsThePresetWithTheSetApplied() {
        CableStudy study = new CableStudy();
        CableStudy.Input in = StudyInputs.bind(study, json("{'cable': {'preset': 'avicena-like', 'set': "
                + "{'reliability.serviceLife': '7 years', 'fiber.length': '3 m'}}, 'scale': 'true'}"));
        // edits in sorted path order, as the CLI applies --set
        ScenarioDocument cli = ScenarioDocument.preset("avicena-like").with("fiber.length", "3 m").with("reliability.serviceLife", "7 years");
        assertThat(in.cable().source()).isEqualTo(cli.source());
        assertThat(in.cable().tree()).isEqualTo(cli.tree());
        assertThat(in.scale()).isTrue();
    }

    @Test
    void aDocumentMayBeGivenAsItsText() {
        CableStudy study = new CableStudy();
        String yaml = ScenarioDocument.preset("mosaic-800g").toYaml();
        CableStudy.Input in = StudyInputs.bind(study, JSON.createObjectNode().set("cable", JSON.createObjectNode().put("yaml", yaml)));
        assertThat(in.cable().tree()).isEqualTo(ScenarioDocument.preset("mosaic-800g").tree());
        assertThat(in.cable().source()).isEqualTo("cable (yaml)");
    }

    @Test
    void channelBindsItsDefaultDesignAndDerivesTheGivenKeysFromTheEdits() {
        ChannelStudy study = new ChannelStudy();
        assertThat(StudyInputs.names(study)).containsExactly("scenario", "eyeDiagram");
        ChannelStudy.Input d = StudyInputs.bind(study, StudyInputs.defaults(study));
        assertThat(d.scenario().source()).isEqualTo("preset mosaic-prototype");
        assertThat(d.given()).isEmpty();
        ChannelStudy.Input in = StudyInputs.bind(study, json("{'scenario': {'preset': 'mosaic-800g', 'set': {'fiber.length': '20 m'}}}"));
        assertThat(in.given()).containsExactly(Map.entry("fiber.length", "scenario.set"));
        assertThat(in.scenario().source()).isEqualTo("preset mosaic-800g (with fiber.length=20 m)");
    }

    @Test
    void channelSweepParsesItsSweepAndRefusesAnEditOfTheSweptKey() {
        ChannelSweepStudy study = new ChannelSweepStudy();
        ChannelSweepStudy.Input in = StudyInputs.bind(study, json("{'sweep': 'fiber.length=5m..60m:5m'}"));
        assertThat(in.sweep()).isEqualTo(Sweep.parse("fiber.length=5m..60m:5m"));
        assertThatThrownBy(() -> StudyInputs.bind(study, json("{'sweep': 'fiber.length=5m..10m:5m', "
                + "'scenario': {'preset': 'mosaic-prototype', 'set': {'fiber.length': '3 m'}}}")))
                .isInstanceOf(UsageException.class).hasMessageContaining("both give fiber.length");
        assertThatThrownBy(() -> StudyInputs.bind(study, StudyInputs.defaults(study)))
                .isInstanceOf(UsageException.class).hasMessageContaining("sweep: null");
    }

    @Test
    void everyProblemIsRefusedAtOnceNamingItsKey() {
        CableStudy study = new CableStudy();
        assertThatThrownBy(() -> StudyInputs.bind(study, json("{'cabel': 'mosaic-800g', 'scale': 3}")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("2 problems with the inputs of cable")
                .hasMessageContaining("cabel: unknown input of cable")
                .hasMessageContaining("did you mean cable")
                .hasMessageContaining("scale: 3 — expected true or false");
    }

    @Test
    void aBadDocumentEditIsRefusedNamingTheInputAndThePath() {
        CableStudy study = new CableStudy();
        assertThatThrownBy(() -> StudyInputs.bind(study, json("{'cable': {'preset': 'mosaic-800g', 'set': {'fiber.lenght': '3 m'}}}")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("cable")
                .hasMessageContaining("fiber.lenght");
        assertThatThrownBy(() -> StudyInputs.bind(study, json("{'cable': 'mosaic-801g'}")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("cable: unknown cable preset \"mosaic-801g\"");
        assertThatThrownBy(() -> StudyInputs.bind(study, json("{'cable': {'preset': 'mosaic-800g', 'sett': {}}}")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("cable.sett: unknown key");
        assertThatThrownBy(() -> StudyInputs.bind(study, json("{'cable': 'mosaic-prototype'}")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("describes a channel, not a cable");
    }

    @Test
    void theValuesMustBeAnObject() {
        assertThatThrownBy(() -> StudyInputs.bind(new CableStudy(), json("[1, 2]")))
                .isInstanceOf(UsageException.class).hasMessageContaining("expected a JSON object keyed by input name");
    }

    @Test
    void assignReplacesInputsAndAddsDocumentEdits() {
        CableStudy study = new CableStudy();
        Map<String, String> a = new LinkedHashMap<>();
        a.put("cable.fiber.length", "3 m");
        a.put("cable", "avicena-like");
        a.put("scale", "true");
        ObjectNode v = StudyInputs.assign(study, JSON.createObjectNode(), a);
        assertThat(v).isEqualTo(json("{'cable': {'preset': 'avicena-like', 'set': {'fiber.length': '3 m'}}, 'scale': 'true'}"));
        CableStudy.Input in = StudyInputs.bind(study, v);
        assertThat(in.scale()).isTrue();
        assertThat(in.cable().source()).isEqualTo("preset avicena-like (with fiber.length=3 m)");
        // an edit of a document with no value yet edits its default preset
        ObjectNode e = StudyInputs.assign(study, JSON.createObjectNode(), Map.of("cable.fiber.length", "3 m"));
        assertThat(e.get("cable").get("preset").asText()).isEqualTo(CableStudy.DEFAULT_PRESET);
        assertThatThrownBy(() -> StudyInputs.assign(study, JSON.createObjectNode(), Map.of("scal", "true", "scale.x", "1")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("scal: unknown input of cable")
                .hasMessageContaining("scale is not a document");
    }

    @Test
    void documentGivesTheResolvedTree() {
        ObjectNode tree = StudyInputs.document(new CableStudy(), "cable", json("{'preset': 'mosaic-800g', 'set': {'fiber.length': '9 m'}}"));
        assertThat(tree.get("fiber").get("length").asText()).isEqualTo("9 m");
        assertThat(tree.get("host")).isNotNull();
        assertThat(StudyInputs.presets(new CableStudy(), "cable")).contains("mosaic-800g").doesNotContain("mosaic-prototype");
        assertThatThrownBy(() -> StudyInputs.document(new CableStudy(), "scale", null)).isInstanceOf(UsageException.class);
    }

    @Test
    void theDefaultsOfEveryBindableStudyBindWhenItHasNoRequiredInput() {
        for (Study<?, ?> s : List.<Study<?, ?>>of(new CableStudy(), new ChannelStudy())) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object in = StudyInputs.bind((Study) s, StudyInputs.defaults(s));
            assertThat(in).as(s.name()).isNotNull();
        }
    }
}
