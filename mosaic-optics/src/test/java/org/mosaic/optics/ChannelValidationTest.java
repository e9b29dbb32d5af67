package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.core.random.RandomStreams;
import org.mosaic.core.scenario.ScenarioDocument;

/** The channel model against the published measurement, an independent simulation and its own inverse. */
class ChannelValidationTest {

    private static ChannelSpec preset(String name) {
        return ChannelSpecs.bind(ScenarioDocument.preset(name));
    }

    /**
     * MOSAIC prototype: median BER < 2e-8 at 2 Gb/s over 20 m ([mosaic-claim-ledger]). The model must
     * reproduce its order of magnitude: below 2e-8, and not many orders below (≥ 2e-10).
     */
    @Test
    void prototypeReproducesTheMeasuredMedianBerAt20m() {
        ChannelSpec spec = preset("mosaic-prototype");
        assertThat(spec.fiber().lengthMeters()).isEqualTo(20.0);
        assertThat(spec.rateBitsPerSecond()).isEqualTo(2e9);
        ChannelModel m = new ChannelModel(spec);
        double pk = m.optimalPeakingDb();
        double median = ChannelModel.BerStats.of(m.arrayBer(m.sampleArray(RandomStreams.of(spec.seed())), pk)).median();
        assertThat(median).isLessThan(2e-8).isGreaterThan(2e-10);
        // every optical value follows from the preset's own geometry: the modal spread from the cores' modes under the
        // launch its emitter, TIR optic and spot give (no free modal bandwidth), the launch inside the cores' NA and
        // the coupling inside the etendue cap (M * NA_f)^2 (issue 15's Bar)
        ChannelResult r = ChannelAnalysis.analyse(spec);
        assertThat(r.modes().modalBandwidthSource()).isNotEqualTo("fiber.modalBandwidth");
        assertThat(r.coupling().magnification()).isCloseTo(
                spec.optics().spotDiameterMeters() / spec.led().emitterDiameterMeters(), within(1e-12));
        assertThat(r.coupling().launchNumericalAperture()).isLessThanOrEqualTo(spec.fiber().numericalAperture());
        assertThat(r.coupling().efficiency()).isLessThanOrEqualTo(r.coupling().etendueLimit() * (1 + 1e-12));
        // the prototype's equaliser is board-level: its poles stay fixed at Nyquist (the preset's provenance)
        assertThat(r.ctle().poleFrequencyHz()).isCloseTo(0.5 * spec.rateBitsPerSecond(), within(1.0));
    }

    /**
     * Avicena publishes 1e-9 raw BER with no FEC over 5-10 m at up to 3.5 Gb/s per lane, with its LEDs driven at
     * 100 uA ([avicena-ekit-2026]). avicena-like, with every optical value from its geometry (5 um emitter imaged to
     * 30 um: launch NA 0.064, 250 of 2970 modes, ~135 GHz*m; the fibre crosstalk from its 50 um, NA 0.22 cores 55 um
     * apart: below -90 dB, negligible) and its on-chip CTLE's poles free, does NOT close: the documented shortfall
     * (docs/channel.md section 7). It is the power, not the fibre: at 10 m the received OMA from 42 uW (100 uA x 2.8 V
     * x 15 % wall-plug) lies 3-5 dB below even the noise-only sensitivity, the margin with ISI and crosstalk is
     * -8 to -5 dB (measured -6.5 dB), and at 5 m it misses too. The same link with 6x the power (250 uW, which
     * 100 uA can give only above ~90 % external quantum efficiency: 100 uA x hc/(q 450 nm) = 275 uW at 100 %)
     * closes at 10 m. A change that makes avicena-like close at 42 uW must say which figure it reconciled.
     */
    @Test
    void avicenaLikeMissesItsPublishedRawBerOnPowerNotOnTheFibre() {
        ChannelSpec spec = preset("avicena-like");
        assertThat(spec.berTarget()).isEqualTo(1e-9);
        ChannelResult at10 = ChannelAnalysis.analyse(spec);
        assertThat(at10.fibreCrosstalk().source()).isEqualTo("cores");
        assertThat(at10.fibreCrosstalk().nearestNeighbourCoupling()).isLessThan(1e-9);
        assertThat(at10.modes().modalBandwidthLengthHzMeters()).isBetween(100e9, 200e9);
        assertThat(at10.coupling().etendueLimited()).isFalse();
        double noiseShortfall = at10.noiseOnlySensitivityOmaDbm() - at10.receivedOmaDbm();
        System.out.printf(java.util.Locale.ROOT, "avicena-like at 10 m: received OMA %.2f dBm, noise-only sensitivity %.2f dBm,"
                        + " margin %.2f dB, nominal BER %.3g, pole %.3g x rate%n", at10.receivedOmaDbm(),
                at10.noiseOnlySensitivityOmaDbm(), at10.marginDb(), at10.nominalBer(),
                at10.ctle().poleFrequencyHz() / spec.rateBitsPerSecond());
        assertThat(noiseShortfall).isBetween(3.0, 5.0);
        assertThat(at10.marginDb()).isBetween(-8.0, -5.0);
        assertThat(ChannelAnalysis.nominalBer(spec.withLength(5.0))).isGreaterThan(1e-9);
        ChannelSpec sixTimes = ChannelSpecs.bind(ScenarioDocument.preset("avicena-like").with("led.averagePower", "250 uW"));
        assertThat(ChannelAnalysis.nominalBer(sixTimes)).isLessThan(1e-9);
    }

    /**
     * The paper's 800G design claims 50 m ([mosaic-sigcomm25] abstract). With the modal spread derived from the
     * cores' modes and the launch its own geometry allows (14 um spots on 15 um channel pitch at the fibre face,
     * and, since issue 15's presets revision, the prototype's 5 um emitter: magnification 2.8, launch NA 0.22, 12 of
     * 30 modes, ~16 GHz*m), this model's 800G reaches ~20 m on its nominal channel (~12 m with the former 10 um
     * emitter, which filled all 30 modes): the claim rests on a modal bandwidth ~12x what 3 um, NA 0.35 cores give
     * under that launch (issue 15). Regression guard: 14-26 m; with the former free 200 GHz*m it reached ~46 m.
     */
    @Test
    void design800gReachIsSetByItsModesNotAFreeBandwidth() {
        double reach = ChannelAnalysis.reach(preset("mosaic-800g"));
        assertThat(reach).isBetween(14.0, 26.0);
        double withOverride = ChannelAnalysis.reach(ChannelSpecs.bind(ScenarioDocument.preset("mosaic-800g")
                .with("fiber.modalBandwidth", "200 GHz*m").with("optics.spotDiameter", "20 um").with("plan.magnification", "1")));
        assertThat(withOverride).isBetween(40.0, 60.0);
    }

    /**
     * Statistical eye vs the time-domain Monte Carlo (PRBS31 through the same filters, noise generated in
     * the time domain). 2e5 bits at BER ~1e-3..1e-4 give ~60-700 errors. The statistical eye's BER must
     * lie inside the Monte Carlo's 99.9 % Wilson interval (z = 3.29): were the two models identical, a
     * random seed would fail this 1 time in 1000; the seed is fixed (0), so the outcome is reproducible.
     */
    @Test
    void statisticalEyeAgreesWithTimeDomainMonteCarlo() {
        for (String[] c : new String[][] {{"mosaic-800g", "52 m"}, {"mosaic-prototype", "30 m"}}) {
            ChannelSpec spec = ChannelSpecs.bind(ScenarioDocument.preset(c[0]).with("fiber.length", c[1]));
            MonteCarlo.Result r = MonteCarlo.run(spec, 200_000);
            assertThat(r.statisticalEyeBer()).isGreaterThanOrEqualTo(1e-6);
            double z = 3.2905;
            double n = r.bits();
            double p = r.ber();
            double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
            double hw = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
            assertThat(r.statisticalEyeBer()).as(c[0] + " at " + c[1] + ": " + r)
                    .isBetween(centre - hw, centre + hw);
        }
    }

    /** The fit recovers known parameters from synthetic data generated by the model itself. */
    @Test
    void fitRecoversKnownParametersFromSyntheticData() {
        ScenarioDocument truth = ScenarioDocument.preset("mosaic-prototype")
                .with("fiber.modalBandwidth", "100 GHz*m").with("led.averagePower", "400 uW");
        ChannelSpec spec = ChannelSpecs.bind(truth);
        List<Calibration.Measurement> data = new ArrayList<>();
        int line = 2;
        for (double len : new double[] {15, 20, 25}) {
            for (double rate : new double[] {1.5e9, 2e9}) {
                data.add(new Calibration.Measurement(line++, len, rate,
                        ChannelAnalysis.nominalBer(spec.withLength(len).withRate(rate))));
            }
        }
        Calibration.FitResult fit = Calibration.fit(ScenarioDocument.preset("mosaic-prototype"), data,
                List.of("fiber.modalBandwidth", "led.averagePower"));
        // noiseless synthetic data: the optimum is the truth up to the solver's convergence (1e-6 relative cost)
        assertThat(fit.parameters().get(0).value()).isCloseTo(100e9, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(fit.parameters().get(1).value()).isCloseTo(400e-6, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(fit.rmsLog10()).isLessThan(0.01);
    }

    @Test
    void fitRefusesWhenTheDataCannotDetermineTheParameters() {
        List<Calibration.Measurement> data = List.of(
                new Calibration.Measurement(2, 20, 2e9, 1e-8),
                new Calibration.Measurement(3, 25, 2e9, 1e-5));
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-prototype");
        assertThatThrownBy(() -> Calibration.fit(doc, data, List.of("fiber.modalBandwidth", "led.averagePower")))
                .isInstanceOf(CalibrationException.class).hasMessageContaining("at least 3 points");
        // the emitter spread does not enter the nominal channel at all
        List<Calibration.Measurement> three = List.of(data.get(0), data.get(1), new Calibration.Measurement(4, 30, 2e9, 1e-3));
        assertThatThrownBy(() -> Calibration.fit(doc, three, List.of("led.powerSpread")))
                .isInstanceOf(CalibrationException.class).hasMessageContaining("cannot determine led.powerSpread");
        assertThatThrownBy(() -> Calibration.fit(doc, three, List.of("fiber.lenght")))
                .isInstanceOf(CalibrationException.class).hasMessageContaining("not a fittable parameter");
    }
}
