package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;

/** The README's fit example: the shipped data are what {@link LabData} generates, and the fit recovers the truth. */
class LabDataTest {
    private static final Path SHIPPED = Path.of("..", "docs", "examples", "lab.csv");

    @Test
    void shippedExampleDataAreWhatTheGeneratorMakes_issue12() throws Exception {
        assertThat(Files.readString(SHIPPED, StandardCharsets.UTF_8)).isEqualTo(LabData.generate());
    }

    @Test
    void readmeFitRecoversTheTrueValuesWithinItsStandardErrors_issue12() {
        List<Calibration.Measurement> data = Calibration.readCsv(SHIPPED);
        Calibration.FitResult fit = Calibration.fit(ScenarioDocument.preset("mosaic-prototype"), data,
                List.of("fiber.modalBandwidth", "led.averagePower"));
        double trueModal = Quantities.parse(LabData.TRUE_MODAL_BANDWIDTH, Dimension.BANDWIDTH_LENGTH);
        double truePower = Quantities.parse(LabData.TRUE_AVERAGE_POWER, Dimension.POWER);
        Calibration.FittedParameter modal = fit.parameters().get(0);
        Calibration.FittedParameter power = fit.parameters().get(1);
        // within 2.5 standard errors: a false failure about once in 80 fits of fresh noise per parameter
        assertThat(Math.abs(modal.value() - trueModal)).isLessThan(2.5 * modal.standardError());
        assertThat(Math.abs(power.value() - truePower)).isLessThan(2.5 * power.standardError());
        // and both are determined (the fit did not refuse), and the residual matches the injected noise
        assertThat(modal.standardError() / modal.value()).isLessThan(Calibration.MAX_RELATIVE_STANDARD_ERROR);
        assertThat(fit.rmsLog10()).isBetween(0.5 * LabData.NOISE_DECADES, 2 * LabData.NOISE_DECADES);
        assertThat(fit.poor()).isFalse();
    }

    @Test
    void aParameterTheDataDoNotDetermineIsRefused_issue12() {
        // five points at 1.5 and 2 Gb/s: the BER depends on the modal bandwidth too weakly there (SE about 70 %)
        List<Calibration.Measurement> data = Calibration.readCsv(SHIPPED).subList(0, 5);
        assertThatThrownBy(() -> Calibration.fit(ScenarioDocument.preset("mosaic-prototype"), data,
                List.of("fiber.modalBandwidth", "led.averagePower")))
                .isInstanceOf(CalibrationException.class)
                .hasMessageContaining("do not determine fiber.modalBandwidth")
                .hasMessageContaining("% of the value")
                .hasMessageContaining("50 %");
    }
}
