package org.mosaic.studies.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.optics.Calibration;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.optics.ChannelSpecs;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.UsageException;

class ChannelFitStudyTest {
    private static final ChannelFitStudy STUDY = new ChannelFitStudy();

    @Test
    void declaresItsInputsAndMetricsWithUnits() {
        assertThat(Studies.byName("channel-fit")).containsInstanceOf(ChannelFitStudy.class);
        assertThat(STUDY.inputs()).extracting(InputSpec::name).containsExactly("scenario", "measuredSource", "measured", "free", "given");
        assertThat(STUDY.inputs()).allSatisfy(i -> assertThat(i.description()).isNotBlank());
        Map<String, String> units = ChannelStudyTest.units(STUDY.metrics());
        assertThat(units).containsEntry("rmsLog10", "decades").containsEntry("residuals[].lengthMeters", "m")
                .containsEntry("residuals[].rateBitsPerSecond", "b/s").containsEntry("poorFit", "bool");
    }

    /** Points made by the model at 300 µW (the preset has 620 µW): the fit finds 300 µW and misses nothing. */
    @Test
    void recoversThePowerThatMadeTheData() {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-prototype");
        ChannelSpec truth = ChannelSpecs.bind(doc.with("led.averagePower", "300 uW"));
        List<Calibration.Measurement> data = new ArrayList<>();
        int line = 2;
        for (double[] p : new double[][] {{15, 2e9}, {20, 2e9}, {25, 2e9}, {15, 2.5e9}}) {
            double ber = ChannelAnalysis.nominalBer(truth.withLength(p[0]).withRate(p[1]));
            data.add(new Calibration.Measurement(line++, p[0], p[1], ber));
        }
        ChannelFitResult r = STUDY.run(new ChannelFitStudy.Input(doc, "made-up.csv", data, List.of("led.averagePower"), Map.of()));
        assertThat(r.parameters()).hasSize(1);
        ChannelFitResult.Parameter p = r.parameters().get(0);
        assertThat(p.path()).isEqualTo("led.averagePower");
        assertThat(p.unit()).isEqualTo("W");
        // the fit starts from the preset's calibrated power (620 uW since issue 15), far from the truth
        assertThat(p.start()).isCloseTo(ChannelSpecs.bind(doc).led().averagePowerWatts(), within(1e-12)).isGreaterThan(400e-6);
        assertThat(p.value()).isCloseTo(300e-6, within(3e-7));
        assertThat(r.rmsLog10()).isLessThan(0.01);
        assertThat(r.poorFit()).isFalse();
        assertThat(r.residuals()).extracting(ChannelFitResult.Residual::line).containsExactly(2, 3, 4, 5);
        assertThat(r.measured()).isEqualTo("made-up.csv");
        assertThat(Results.tree(r).get("parameters").get(0).has("dimension")).isFalse();
    }

    @Test
    void refusesKeysTheFitCannotSeeBeforeAnyWork() {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-prototype");
        assertThatThrownBy(() -> STUDY.run(new ChannelFitStudy.Input(doc, "x.csv", List.of(), List.of("led.averagePower"),
                Map.of("fiber.length", "--set")))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--set fiber.length has no effect on the fit").hasMessageContaining("own length");
        ScenarioDocument microlens = doc.with("optics.lens", "microlens");
        assertThatThrownBy(() -> STUDY.run(new ChannelFitStudy.Input(microlens, "x.csv", List.of(),
                List.of("optics.tirGainOverMicrolens"), Map.of()))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--free optics.tirGainOverMicrolens has no effect");
    }
}
