package org.mosaic.link.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The twinax copper model against closed forms, the derived tables of the developers' budget (sources
 * [ssicable-loss], [healey-2009-cr4]) and the reaches practice ships ([nvidia-linkx-100g] and the catalog's sources). The coefficients and budgets are the shipped
 * catalog's; none is tuned here.
 */
class TwinaxModelTest {
    private static final TwinaxModel MODEL = BaselineCatalog.standard().twinax();
    private static final double GHZ = 1e9;

    /**
     * Tolerance of the model against practice: a factor of 1.5 either way. Why this size (not tuned to pass):
     * <ul>
     *   <li>k1 comes from a first-principles estimate whose proximity/shield-return allowance ("about 30 %",
     *       [ssicable-loss], [healey-2009-cr4]) is itself a guess; 1.0–1.6 instead of 1.3 moves k1 by ±23 % and the reach by about ±20 %;</li>
     *   <li>the allowances are quoted as "≈" (the 200G one as 9–10 dB, ±5 %);</li>
     *   <li>practice reaches are catalogue lengths (0.5–1 m steps at 1–3 m, i.e. 17–50 % quantisation) set with
     *       an undisclosed margin, while the model gives the length at which the budget is used up.</li>
     * </ul>
     * The sum of these worst cases is about 1.5×. The ratios the model actually gives are printed in the
     * assertion messages; the largest is 1.43 (26 AWG at 200G/lane against "about 1 m").
     */
    static final double PRACTICE_FACTOR = 1.5;

    @ParameterizedTest(name = "{0} at {1} GHz: {2} dB/m")
    @CsvSource({
            // [ssicable-loss], [healey-2009-cr4] table, rounded there to 0.1 dB/m (so ±0.05 dB/m)
            "26AWG, 12.9, 2.9", "26AWG, 26.6, 4.4", "26AWG, 53.1, 6.6",
            "30AWG, 12.9, 4.5", "30AWG, 26.6, 6.6", "30AWG, 53.1, 9.8"})
    void lossPerMetreReproducesTheReferenceTable(String gauge, double fGHz, double expectedDbPerMeter) {
        assertThat(MODEL.lossDbPerMeter(gauge, fGHz * GHZ)).isCloseTo(expectedDbPerMeter, within(0.05 + 1e-9));
    }

    @Test
    void lossIsTheTwoTermFitInClosedForm() {
        TwinaxGauge g = new TwinaxGauge("test", 0.5, 0.02);
        // 0.5·√16 + 0.02·16 = 2 + 0.32
        assertThat(g.lossDbPerMeter(16 * GHZ)).isCloseTo(2.32, within(1e-12));
        assertThat(g.conductorShare(16 * GHZ)).isCloseTo(2 / 2.32, within(1e-12));
    }

    @ParameterizedTest(name = "{0} AWG: k1 {1}, k2 {2}")
    @CsvSource({"26, 0.72, 0.026", "30, 1.15, 0.026"})
    void coefficientsFollowFromTheCableConstruction(int awg, double k1, double k2) {
        // Independent route: the physics of [ssicable-loss], [healey-2009-cr4] (skin effect, proximity 1.3, 100 ohm, foamed PE) with the wire
        // diameter from the AWG definition. The reference rounds each intermediate step (23 ohm/m, 60 ohm/m,
        // 0.3 Np/m, 2.6 dB/m) to 1-2 digits, about 2 % in all, so 3 % is the tolerance.
        TwinaxGauge derived = TwinaxGauge.fromConstruction(awg + "AWG",
                TwinaxGauge.Construction.baselinesReference(TwinaxGauge.Construction.awgDiameterMeters(awg)));
        assertThat(derived.k1DbPerMeterPerRootGHz()).isCloseTo(k1, withinPercentage(3));
        assertThat(derived.k2DbPerMeterPerGHz()).isCloseTo(k2, withinPercentage(3));
        assertThat(MODEL.gauge(awg + "AWG").k1DbPerMeterPerRootGHz()).isEqualTo(k1);
        assertThat(MODEL.gauge(awg + "AWG").k2DbPerMeterPerGHz()).isEqualTo(k2);
    }

    @Test
    void theAwgDefinitionGivesTheReferenceDiameterAndConductorLossScalesAsOneOverDiameter() {
        assertThat(TwinaxGauge.Construction.awgDiameterMeters(26)).isCloseTo(0.405e-3, withinPercentage(0.1));
        var c26 = TwinaxGauge.Construction.baselinesReference(0.4e-3);
        var c13 = TwinaxGauge.Construction.baselinesReference(0.8e-3);
        assertThat(TwinaxGauge.fromConstruction("a", c26).k1DbPerMeterPerRootGHz())
                .isCloseTo(2 * TwinaxGauge.fromConstruction("b", c13).k1DbPerMeterPerRootGHz(), within(1e-12));
        // the [ssicable-loss], [healey-2009-cr4] hand calculation at 12.9 GHz for 26 AWG: about 23 ohm/m per wire -> 2.6 dB/m conductor loss
        double conductorAt129 = TwinaxGauge.fromConstruction("x", TwinaxGauge.Construction.baselinesReference(0.405e-3))
                .k1DbPerMeterPerRootGHz() * Math.sqrt(12.9);
        assertThat(conductorAt129).isCloseTo(2.6, within(0.05));
    }

    @ParameterizedTest(name = "{0}: 26 AWG {1} m, 30 AWG {2} m")
    @CsvSource({
            // [amd-xapp1392], [intel-an846-kp4] table (derived there with the same inputs), rounded to 0.1 m
            "25G-NRZ, 5.8, 3.8", "100G-PAM4, 3.4, 2.3", "200G-PAM4, 1.4, 1.0"})
    void passiveReachReproducesTheReferenceDerivation(String lane, double reach26, double reach30) {
        assertThat(MODEL.passiveReachMeters("26AWG", lane)).isCloseTo(reach26, within(0.05 + 1e-9));
        assertThat(MODEL.passiveReachMeters("30AWG", lane)).isCloseTo(reach30, within(0.05 + 1e-9));
    }

    @Test
    void passiveReachIsTheAllowanceOverTheLossAtNyquist() {
        // 100G PAM4: f_N = 106.25/2/2 = 26.5625 GHz; IL = 0.72·√26.5625 + 0.026·26.5625 = 4.40142 dB/m; 15 dB / IL
        double il = 0.72 * Math.sqrt(26.5625) + 0.026 * 26.5625;
        assertThat(MODEL.budget("100G-PAM4").lane().nyquistHz()).isEqualTo(26.5625e9);
        assertThat(MODEL.passiveReachMeters("26AWG", "100G-PAM4")).isCloseTo(15 / il, within(1e-12));
        assertThat(MODEL.budget("25G-NRZ").lane().nyquistHz()).isEqualTo(12.890625e9);
        assertThat(MODEL.budget("200G-PAM4").lane().nyquistHz()).isEqualTo(53.125e9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"25G-NRZ", "100G-PAM4", "200G-PAM4"})
    void explainsThePracticeReachOfEachLaneRate(String lane) {
        // practice ([nvidia-linkx-100g], [nvidia-xdr-list]) gives the longest DAC each lane rate ships without naming the gauge; the thickest
        // gauge in the model (26 AWG) is the one that sets that longest length
        Sourced practice = BaselineCatalog.standard().dacPracticeReach(lane).orElseThrow();
        double model = MODEL.passiveReachMeters("26AWG", lane);
        double ratio = model / practice.value();
        assertThat(ratio).as("%s: model %.2f m vs practice %.2f m (ratio %.2f)", lane, model, practice.value(), ratio)
                .isBetween(1 / PRACTICE_FACTOR, PRACTICE_FACTOR);
    }

    @Test
    void copperShrinksFromAbout3mAt100GTo1mAt200GAndTheShrinkageSplitsIntoLossAndBudget() {
        TwinaxModel.Shrinkage s = MODEL.shrinkage(CopperReach.passive("26AWG"), "100G-PAM4", "200G-PAM4");
        // closed forms: loss ratio IL(53.125)/IL(26.5625) = 1.506129 (mpmath); budget ratio 15/9.5 = 1.578947
        assertThat(s.lossRatio()).isCloseTo(1.50612906979803, within(1e-12));
        assertThat(s.budgetRatio()).isCloseTo(15 / 9.5, within(1e-12));
        assertThat(s.reachRatio()).isCloseTo(s.lossRatio() * s.budgetRatio(), within(1e-12));
        // practice: about 3 m -> about 1 m, a factor 3; the model's 2.38 is within PRACTICE_FACTOR of it
        assertThat(s.reachRatio()).isBetween(3 / PRACTICE_FACTOR, 3 * PRACTICE_FACTOR);
        assertThat(s.fromReachMeters()).isGreaterThan(s.toReachMeters());
    }

    @Test
    void equalisationAddsTheRedriverGainOrTheHostLossesToTheBudget() {
        CopperBudget b = MODEL.budget("100G-PAM4");
        assertThat(TwinaxModel.cableBudgetDb(b, CopperReach.passive("26AWG"))).isEqualTo(15.0);
        assertThat(TwinaxModel.cableBudgetDb(b, new CopperReach("26AWG", Equalisation.REDRIVER, 7))).isEqualTo(22.0);
        assertThat(TwinaxModel.cableBudgetDb(b, new CopperReach("26AWG", Equalisation.RETIMER, 0))).isEqualTo(b.bumpToBumpDb());
        assertThat(b.bumpToBumpDb()).isEqualTo(29.0);
    }

    @Test
    void theCurveMeetsTheAnchorsInterpolatesInLogFrequencyAndFallsMonotonically() {
        CopperReach dac = CopperReach.passive("30AWG");
        double lo = MODEL.budget("25G-NRZ").lane().nyquistHz();
        double mid = MODEL.budget("100G-PAM4").lane().nyquistHz();
        double hi = MODEL.budget("200G-PAM4").lane().nyquistHz();
        List<TwinaxModel.ReachPoint> curve = MODEL.reachCurve(dac, lo, hi, 201);
        assertThat(curve).hasSize(201);
        assertThat(curve.get(0).reachMeters()).isCloseTo(MODEL.passiveReachMeters("30AWG", "25G-NRZ"), withinPercentage(1e-10));
        assertThat(curve.get(200).reachMeters()).isCloseTo(MODEL.passiveReachMeters("30AWG", "200G-PAM4"), withinPercentage(1e-10));
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).reachMeters()).isLessThan(curve.get(i - 1).reachMeters());
            assertThat(curve.get(i).nyquistHz()).isGreaterThan(curve.get(i - 1).nyquistHz());
        }
        // at the geometric mean of two anchors the log-linear budget is the arithmetic mean of their budgets
        double geo = Math.sqrt(mid * hi);
        assertThat(MODEL.cableBudgetDbAt(dac, geo)).isCloseTo((15 + 9.5) / 2, within(1e-9));
        assertThat(MODEL.cableBudgetDbAt(new CopperReach("30AWG", Equalisation.RETIMER, 0), geo))
                .isCloseTo((29 + 29.5) / 2, within(1e-9));
        assertThat(MODEL.reachMetersAt(dac, mid)).isCloseTo(MODEL.passiveReachMeters("30AWG", "100G-PAM4"), within(1e-12));
    }

    @Test
    void halvingTheLossDoublesEveryReach() {
        TwinaxModel half = new TwinaxModel(
                MODEL.gauges().stream().map(g -> new TwinaxGauge(g.name(), g.k1DbPerMeterPerRootGHz() / 2, g.k2DbPerMeterPerGHz() / 2)).toList(),
                MODEL.budgets());
        for (CopperBudget b : MODEL.budgets()) {
            for (TwinaxGauge g : MODEL.gauges()) {
                assertThat(half.passiveReachMeters(g.name(), b.lane().name()))
                        .isCloseTo(2 * MODEL.passiveReachMeters(g.name(), b.lane().name()), withinPercentage(1e-10));
            }
        }
    }

    @Test
    void badInputGetsMessagesThatNameTheValueAndWhatWasExpected() {
        assertThatThrownBy(() -> MODEL.gauge("28AWG")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("28AWG").hasMessageContaining("26AWG, 30AWG");
        assertThatThrownBy(() -> MODEL.budget("400G-PAM4")).hasMessageContaining("400G-PAM4").hasMessageContaining("100G-PAM4");
        assertThatThrownBy(() -> MODEL.reachMetersAt(CopperReach.passive("26AWG"), 100e9))
                .hasMessageContaining("100.0 GHz").hasMessageContaining("outside");
        assertThatThrownBy(() -> new TwinaxGauge("g", -1, 0.02)).hasMessageContaining("k1 -1.0");
        assertThatThrownBy(() -> new CopperReach("26AWG", Equalisation.PASSIVE, 3)).hasMessageContaining("only equalisation redriver");
        assertThatThrownBy(() -> new TwinaxModel(MODEL.gauges(), List.of(MODEL.budgets().get(1), MODEL.budgets().get(0))))
                .hasMessageContaining("strictly increasing Nyquist");
        assertThatThrownBy(() -> new CopperBudget(new LaneSignal("x", 1e9, 1), 0, 1)).hasMessageContaining("cable allowance 0.0 dB");
        assertThatThrownBy(() -> MODEL.reachCurve(CopperReach.passive("26AWG"), 20e9, 30e9, 1)).hasMessageContaining("at least 2");
    }
}
