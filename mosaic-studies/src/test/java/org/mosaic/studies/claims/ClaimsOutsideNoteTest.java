package org.mosaic.studies.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.studies.uncertainty.Distribution;
import org.mosaic.studies.uncertainty.Ranged;
import org.mosaic.studies.uncertainty.Tornado;

/**
 * Regression: the 50 m reach claim's point value (18.7 m) lay above its own P5-P95 (5.6-18.0 m) with nothing saying why,
 * which reads as a misplaced default. The figures below are that claim's, from the claims golden.
 */
class ClaimsOutsideNoteTest {
    private static final List<Tornado.Bar> BARS = List.of(
            new Tornado.Bar("scenario.led.averagePower", 300, 30, 1000, 0.01, 24.02, 24.01),
            new Tornado.Bar("scenario.fiber.attenuation", 0.2, 0.05, 0.5, 22.32, 13.11, 9.21),
            new Tornado.Bar("scenario.fiber.numericalAperture", 0.35, 0.2, 0.5, 16.79, 10.76, 6.03));
    private static final List<Ranged> RANGED = List.of(
            new Ranged("scenario.led.averagePower", 300, "uW", Distribution.logUniform(30, 1000), "assumed", "test"),
            new Ranged("scenario.fiber.attenuation", 0.2, "dB/m", Distribution.uniform(0.05, 0.5), "assumed", "test"),
            new Ranged("scenario.fiber.numericalAperture", 0.35, "1", Distribution.uniform(0.2, 0.5), "assumed", "test"));

    @Test
    void aPointAboveItsOwnP95SaysWhy_reach50m() {
        String note = ClaimsStudy.withOutsideNote("channel study", 18.71, 5.61, 18.03, 8, BARS, RANGED);
        assertThat(note).startsWith("channel study. the point value lies above its own P5-P95 (of 8 samples): ")
                .contains("the metric peaks near the assumed scenario.fiber.numericalAperture")
                .contains("scenario.led.averagePower's median 173.2 lies below its assumed 300.0, and the metric rises with it")
                .contains("scenario.fiber.attenuation's median 0.2750 lies above its assumed 0.2000, and the metric falls with it");
    }

    @Test
    void aPointInsideItsP5ToP95KeepsItsNote() {
        assertThat(ClaimsStudy.withOutsideNote("n", 10, 5, 18, 8, BARS, RANGED)).isEqualTo("n");
    }

    @Test
    void aPointBelowItsP5NamesTheDirection() {
        assertThat(ClaimsStudy.withOutsideNote(null, 1, 5, 18, 8, BARS, RANGED)).startsWith("the point value lies below its own P5-P95");
    }

    /**
     * A loguniform range centred on the assumed value (the wall-plug efficiency's loguniform(6.25, 25) around 12.5 %) has
     * its median equal to it up to rounding: the note never says "median 12.50 lies above its assumed 12.50".
     */
    @Test
    void aMedianEqualToTheAssumedValueUpToRoundingIsOnNeitherSide_centredMedian() {
        List<Tornado.Bar> bars = List.of(new Tornado.Bar("cable.power.ledWallPlugEfficiency", 12.5, 6.25, 25, 0.56, 0.77, 0.21));
        List<Ranged> ranged = List.of(new Ranged("cable.power.ledWallPlugEfficiency", 12.5, "%",
                Distribution.parse("loguniform(6.25, 25)"), "assumed", "test"));
        String note = ClaimsStudy.withOutsideNote("n", 0.60, 0.70, 0.78, 2, bars, ranged);
        assertThat(note).contains("lies below its own P5-P95").doesNotContain("ledWallPlugEfficiency's median");
    }
}
