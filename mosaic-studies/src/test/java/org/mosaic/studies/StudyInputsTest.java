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
import org.mosaic.studies.datapath.EmulateStudy;

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
            if (s.name().startsWith("report-")) {
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
    void everyStudyButTheReportsIsBindableAndItsDefaultsBindUnlessAnInputIsRequired() {
        for (Study<?, ?> s : Studies.all()) {
            if (s.name().startsWith("report-") || s.name().equals("uncertainty") || s.name().equals("sensitivity")) {
                continue;   // the report studies, and the studies that run another study many times (their own commands)
            }
            // the claims audit binds its two numbers (issue 20: the studio runs it as a job)
            assertThat(StudyInputs.bindable(s)).as(s.name()).isTrue();
            // the inputs a user gives are declared (the study's own less the derived, plus the technologies)
            assertThat(StudyInputs.inputs(s).stream().map(InputSpec::name).toList()).as(s.name()).isEqualTo(StudyInputs.names(s));
            assertThat(StudyInputs.defaults(s).size()).as(s.name()).isEqualTo(StudyInputs.names(s).size());
            if (s.name().equals("channel-sweep") || s.name().equals("channel-fit")) {
                // the sweep, and the measured points with the parameters to fit, must be given
                assertThatThrownBy(() -> bindRaw(s, StudyInputs.defaults(s))).isInstanceOf(UsageException.class);
                continue;
            }
            assertThat(bindRaw(s, StudyInputs.defaults(s))).as(s.name()).isNotNull();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object bindRaw(Study<?, ?> s, JsonNode values) {
        return StudyInputs.bind((Study) s, values);
    }

    @Test
    void aBadUnitAWrongTypeAndAValueOutOfRangeAreNamedTogether() {
        Study<?, ?> compare = Studies.byName("compare").orElseThrow();
        assertThatThrownBy(() -> bindRaw(compare, json("{'lengthMeters': '30 W', 'rate': '900G', 'cables': 7}")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("3 problems with the inputs of compare")
                .hasMessageContaining("lengthMeters: ")
                .hasMessageContaining("30 W")
                .hasMessageContaining("rate: ")
                .hasMessageContaining("900G")
                .hasMessageContaining("cables: 7 — expected a list of documents");
        assertThatThrownBy(() -> bindRaw(compare, json("{'lengthMeters': -1}")))
                .isInstanceOf(UsageException.class).hasMessageContaining("lengthMeters: -1 is out of range — expected > 0 m");
        Study<?, ?> goodput = Studies.byName("goodput").orElseThrow();
        assertThatThrownBy(() -> bindRaw(goodput, json("{'trials': 1, 'seed': 'zero', 'linkRates': 'lama'}")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("trials: 1 is out of range — expected 2..100000")
                .hasMessageContaining("seed: \"zero\" — expected a whole number")
                .hasMessageContaining("linkRates: \"lama\" — expected one of fleet, llama");
    }

    @Test
    void aNumberWithAUnitIsConvertedToTheDeclaredUnit() {
        CompareStudyInput in = CompareStudyInput.of(bindRaw(Studies.byName("compare").orElseThrow(), json("{'lengthMeters': '2000 cm'}")));
        assertThat(in.lengthMeters()).isEqualTo(20.0);
        CompareStudyInput bare = CompareStudyInput.of(bindRaw(Studies.byName("compare").orElseThrow(), json("{'lengthMeters': 20}")));
        assertThat(bare.lengthMeters()).isEqualTo(20.0);
    }

    /** The compare study's length, read from its bound input. */
    private record CompareStudyInput(double lengthMeters) {
        static CompareStudyInput of(Object input) {
            return new CompareStudyInput(((org.mosaic.studies.cable.CompareStudy.Input) input).lengthMeters());
        }
    }

    @Test
    void trainDerivesItsLabelItsGpuFlagAndTheInterconnect() {
        org.mosaic.studies.training.TrainStudy study = new org.mosaic.studies.training.TrainStudy();
        assertThat(StudyInputs.names(study)).doesNotContain("clusterLabel", "gpuFromFlag", "interconnect", "technologyNotes")
                .contains("technologies", "catalog", "rules");
        var in = StudyInputs.bind(study, json("{'cluster': {'preset': 'h100-16k', 'set': {'gpus': '8192'}}, 'gpu': 'b200', "
                + "'model': {'preset': 'gpt3-175b', 'set': {'layers': '48'}}}"));
        assertThat(in.clusterLabel()).isEqualTo("h100-16k with set gpus=8192");
        assertThat(in.gpuFromFlag()).isTrue();
        assertThat(in.model().name()).isEqualTo("gpt3-175b*");
        assertThat(in.interconnect()).isNotNull();
        var sys = StudyInputs.bind(study, json("{'system': 'selene', 'gpus': 64}"));
        assertThat(sys.cluster()).isNull();
        assertThat(sys.policies()).isEmpty();
        assertThatThrownBy(() -> StudyInputs.bind(study, json("{'system': 'selene', 'cluster': 'h100-16k', 'policies': 'all'}")))
                .isInstanceOf(UsageException.class).hasMessageContaining("system with cluster").hasMessageContaining("system with policies");
    }

    /** A sweep's points carry every input's default: the search-only defaults top=5 and searchOverlap=all refused a fixed plan. */
    @Test
    void aFixedTrainPlanBindsWithTheSearchOnlyDefaults_sweepOfAFixedPlan() {
        org.mosaic.studies.training.TrainStudy study = new org.mosaic.studies.training.TrainStudy();
        ObjectNode values = StudyInputs.assign(study, StudyInputs.defaults(study), Map.of("tp", "8", "pp", "8", "gpus", "1024"));
        var in = StudyInputs.bind(study, values);
        assertThat(in.searches()).isFalse();
        assertThat(in.tp()).isEqualTo(8);
        assertThat(in.top()).isEqualTo(5);
        // another value than the default is still refused with a fixed plan, naming it
        assertThatThrownBy(() -> StudyInputs.bind(study, StudyInputs.assign(study, values, Map.of("top", "3"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("top 3 with a fixed plan");
        assertThatThrownBy(() -> StudyInputs.bind(study, StudyInputs.assign(study, values, Map.of("searchOverlap", "measured"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("searchOverlap");
        // with search=true the given options are kept and top ranks the plans
        assertThat(StudyInputs.bind(study, StudyInputs.assign(study, values, Map.of("search", "true", "top", "3"))).top()).isEqualTo(3);
    }

    /**
     * Regression: the emulate form's "this edit has no effect" check built the study's input without {@code monitor} and
     * {@code dealing}, so it judged an edit on an input that was not the one run, and a bad monitor was reported as an
     * edit without effect instead of being refused as the study refuses it (a bad dealing the binder refuses first).
     */
    @Test
    void emulateEditCheckSeesTheMonitorAndTheDealing() {
        EmulateStudy study = new EmulateStudy();
        String edit = "'scenario': {'preset': 'mosaic-800g', 'set': {'power.driverEnergyPerBit': '0.2pJ/bit'}}, 'codewords': '100'";
        assertThatThrownBy(() -> StudyInputs.bind(study, json("{" + edit + ", 'dealing': 'bogus'}")))
                .isInstanceOf(UsageException.class).hasMessageContaining("\"bogus\"")
                .hasMessageNotContaining("has no effect");
        assertThatThrownBy(() -> StudyInputs.bind(study, json("{" + edit + ", 'monitor': '1e-4'}")))
                .isInstanceOf(UsageException.class).hasMessageContaining("--monitor \"1e-4\"")
                .hasMessageNotContaining("has no effect");
        // valid ones: the edit is still judged (it has no effect on emulate) with them in the input
        assertThatThrownBy(() -> StudyInputs.bind(study, json("{" + edit + ", 'dealing': 'units', 'monitor': '1e-4:100us'}")))
                .isInstanceOf(UsageException.class).hasMessageContaining("has no effect on emulate");
        EmulateStudy.Input in = StudyInputs.bind(study, json("{'scenario': {'preset': 'mosaic-800g', 'set': {'plan.spares': '10'}}, "
                + "'codewords': '100', 'dealing': 'units', 'monitor': '1e-4:100us'}"));
        assertThat(in.dealing()).isEqualTo("units");
        assertThat(in.monitor()).isEqualTo("1e-4:100us");
    }
}
