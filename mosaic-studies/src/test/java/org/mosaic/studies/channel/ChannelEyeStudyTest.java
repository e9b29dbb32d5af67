package org.mosaic.studies.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.optics.ChannelSpecs;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.StudyInputs;
import org.mosaic.studies.UsageException;

/** channel-eye: the eye and the bathtub as data, agreeing with the channel's own figures computed by the analysis path. */
class ChannelEyeStudyTest {
    private static final ChannelEyeStudy STUDY = new ChannelEyeStudy();

    @Test
    void isRegisteredBindableAndDeclaresItsInputs() {
        assertThat(Studies.byName("channel-eye")).containsInstanceOf(ChannelEyeStudy.class);
        assertThat(STUDY.inputs()).extracting(InputSpec::name).containsExactly("scenario", "given");
        assertThat(StudyInputs.bindable(STUDY)).isTrue();
        assertThat(StudyInputs.names(STUDY)).containsExactly("scenario");
    }

    @Test
    void theBathtubAndTheEyeAgreeWithTheChannelsAnalysis() {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-prototype");
        ChannelEyeStudy.Result r = STUDY.run(ChannelEyeStudy.Input.of(doc));
        ChannelResult channel = ChannelAnalysis.analyse(ChannelSpecs.bind(doc));
        // the bathtub's centre is the sampling instant the channel's nominal BER is quoted at (the same model, reached
        // through ChannelAnalysis.analyse's own path): equal to rounding
        assertThat(r.centreBer()).isCloseTo(channel.nominalBer(), within(1e-9 * channel.nominalBer()));
        assertThat(r.eyeWidthUi()).isEqualTo(channel.eyeWidthUi());
        assertThat(r.berTarget()).isEqualTo(channel.berTarget());
        // the bathtub is a bathtub: lowest near the centre (the quoted sampling instant is the ISI cursors' main one, not
        // the bathtub's exact minimum: within an eighth of a UI), rising by decades to both edges
        double[] ber = r.bathtub().ber();
        int c = ber.length / 2;
        assertThat(r.bathtub().phaseUi()[c]).isZero();
        int best = 0;
        for (int i = 0; i < ber.length; i++) {
            best = ber[i] < ber[best] ? i : best;
        }
        assertThat(Math.abs(r.bathtub().phaseUi()[best])).isLessThanOrEqualTo(0.125);
        assertThat(ber[0]).isGreaterThan(ber[best] * 10);
        assertThat(ber[ber.length - 1]).isGreaterThan(ber[best] * 10);
        // the eye: a probability density in level at each instant (integrates to 1 over the levels, to the tails beyond ±0.9
        // OMA), and at the centre its inner opening is the eye height at the target, as a fraction of OMA
        ChannelAnalysis.EyeDiagram eye = r.eyeDiagram();
        int mid = eye.timeUi().length / 2;
        assertThat(eye.timeUi()[mid]).isZero();
        double dl = eye.level()[1] - eye.level()[0];
        double mass = 0;
        for (double d : eye.density()[mid]) {
            mass += d * dl;
        }
        assertThat(mass).isCloseTo(1.0, within(0.02));
        assertThat(eye.innerTop()[mid] - eye.innerBottom()[mid]).isCloseTo(channel.eyeHeightFraction(), within(1e-9));
    }

    @Test
    void aLongerFibreClosesTheEyeAndRaisesTheBathtub() {
        ChannelEyeStudy.Result at20 = STUDY.run(ChannelEyeStudy.Input.of(ScenarioDocument.preset("mosaic-prototype")));
        ChannelEyeStudy.Result at40 = STUDY.run(ChannelEyeStudy.Input.of(ScenarioDocument.preset("mosaic-prototype")
                .with("fiber.length", "40 m")));
        assertThat(at40.fiberLengthMeters()).isEqualTo(40.0);
        assertThat(at40.centreBer()).isGreaterThan(at20.centreBer());
        assertThat(at40.eyeWidthUi()).isLessThanOrEqualTo(at20.eyeWidthUi());
    }

    @Test
    void theJsonCarriesTheChartsData() {
        JsonNode json = Results.tree(STUDY.run(ChannelEyeStudy.Input.of(ScenarioDocument.preset("mosaic-prototype"))));
        assertThat(json.at("/eyeDiagram/density").size()).isEqualTo(json.at("/eyeDiagram/timeUi").size());
        assertThat(json.at("/eyeDiagram/density/0").size()).isEqualTo(ChannelStudy.EYE_LEVELS);
        assertThat(json.at("/bathtub/ber").size()).isEqualTo(json.at("/bathtub/phaseUi").size());
        assertThat(json.get("scenario").asText()).isEqualTo("preset mosaic-prototype");
    }

    @Test
    void aKeyTheDesignDoesNotUseIsRefused() {
        ScenarioDocument microlens = ScenarioDocument.preset("mosaic-prototype").with("optics.lens", "microlens")
                .with("optics.tirGainOverMicrolens", "3");
        assertThatThrownBy(() -> STUDY.run(new ChannelEyeStudy.Input(microlens, Map.of("optics.tirGainOverMicrolens", "--set"))))
                .isInstanceOf(UsageException.class).hasMessageContaining("--set optics.tirGainOverMicrolens has no effect");
    }
}
