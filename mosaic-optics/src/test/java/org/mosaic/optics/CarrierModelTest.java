package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;

/**
 * The microLED's carrier-rate (ABC) model against its closed forms: the steady state solves the cubic, the power is
 * ∝ Bn², the integrated small-signal response has the differential lifetime 1/(A + 2Bn + 3Cn²), the bimolecular
 * LED (A = C = 0) follows its tanh solution, and the currents set the extinction ratio and the "0" level's bandwidth.
 */
class CarrierModelTest {
    /** A 5 µm blue microLED, 12.5 nm of wells, cm-based coefficients converted to SI (illustrative values). */
    static CarrierModel device(double a, double bCm3, double cCm6, double i1, double i0) {
        double volume = Math.PI / 4 * 25e-12 * 12.5e-9;
        return new CarrierModel(a, bCm3 * 1e-6, cCm6 * 1e-12, volume, 1.0, 0.8, i1, i0, 450e-9, 0);
    }

    static final CarrierModel TYPICAL = device(1e7, 2e-11, 1e-29, 2.4e-3, 0.3e-3);

    @Test
    void steadyStateSolvesTheCubic() {
        for (double i : new double[] {1e-6, 1e-5, 1e-4, 1e-3, 2.4e-3, 1e-2}) {
            double n = TYPICAL.steadyDensity(i);
            double g = TYPICAL.generation(i);
            double residual = TYPICAL.aPerSecond() * n + TYPICAL.bCubicMetersPerSecond() * n * n
                    + TYPICAL.cSixthMetersPerSecond() * n * n * n - g;
            assertThat(Math.abs(residual) / g).as("I = %g A", i).isLessThan(1e-12);
            assertThat(n).isPositive();
        }
    }

    @Test
    void powerIsProportionalToBnSquared() {
        double n1 = TYPICAL.steadyDensity(TYPICAL.highCurrentAmps());
        double n0 = TYPICAL.steadyDensity(TYPICAL.lowCurrentAmps());
        double hv = CarrierModel.H * CarrierModel.C_LIGHT / 450e-9;
        assertThat(TYPICAL.power(n1)).isCloseTo(0.8 * hv * TYPICAL.activeVolumeCubicMeters()
                * TYPICAL.bCubicMetersPerSecond() * n1 * n1, within(1e-15));
        assertThat(TYPICAL.highPowerWatts() / TYPICAL.lowPowerWatts()).isCloseTo((n1 / n0) * (n1 / n0), within(1e-9));
        assertThat(TYPICAL.extinctionRatioDb()).isCloseTo(20 * Math.log10(n1 / n0), within(1e-9));
    }

    /**
     * The integrated response to a small current step reaches 1 − 1/e of its swing after the differential lifetime
     * τ_d = 1/(A + 2Bn + 3Cn²) (the small-signal closed form, electrical 3-dB at 1/(2πτ_d)): within 2e-3, the step's
     * own nonlinearity (relative size 1e-4) and the integrator's error (h = τ_d/1000, second order) being far below.
     */
    @Test
    void integratedSmallSignalBandwidthEqualsTheClosedForm() {
        for (double bias : new double[] {0.1e-3, 0.5e-3, 2.4e-3, 8e-3}) {
            double na = TYPICAL.steadyDensity(bias);
            double nb = TYPICAL.steadyDensity(bias * (1 + 1e-4));
            double tau = 1 / TYPICAL.differentialRate(na);
            double n = TYPICAL.advance(na, TYPICAL.generation(bias * (1 + 1e-4)), tau / 1000, 1000, 1);
            double fraction = (TYPICAL.power(n) - TYPICAL.power(na)) / (TYPICAL.power(nb) - TYPICAL.power(na));
            assertThat(fraction).as("bias %g A", bias).isCloseTo(1 - Math.exp(-1), within(2e-3));
            assertThat(TYPICAL.smallSignalBandwidthHz(bias)).isCloseTo(1 / (2 * Math.PI * tau), within(1e-6 / tau));
        }
    }

    /**
     * With A = C = 0 (the bimolecular LED): n = √(G/B), f_3dB = 2√(GB)/(2π), and from n = 0... the large-signal rise
     * from n0 is n(t) = n∞·tanh(√(GB)·t + atanh(n0/n∞)), the integrated pulse within 1e-6 of it.
     */
    @Test
    void bimolecularLedFollowsItsClosedForms() {
        CarrierModel m = device(0, 2e-11, 0, 2e-3, 0.2e-3);
        double b = m.bCubicMetersPerSecond();
        double g1 = m.generation(2e-3);
        double g0 = m.generation(0.2e-3);
        double n1 = Math.sqrt(g1 / b);
        double n0 = Math.sqrt(g0 / b);
        assertThat(m.steadyDensity(2e-3)).isCloseTo(n1, within(1e-12 * n1));
        assertThat(m.smallSignalBandwidthHz(2e-3)).isCloseTo(2 * Math.sqrt(g1 * b) / (2 * Math.PI), within(1e-3));
        assertThat(m.extinctionRatioDb()).isCloseTo(10 * Math.log10(g1 / g0), within(1e-9)); // P ∝ n² ∝ G
        double dt = 1e-12;
        int spu = 500;
        double[] p = m.pulse(-10 * dt, dt, spu, 10 + spu, 1);
        double rate = Math.sqrt(g1 * b);
        double p0 = m.power(n0);
        double oma = m.power(n1) - p0;
        for (int i = 10; i < 10 + spu; i += 37) {
            double t = (i - 10) * dt;
            double n = n1 * Math.tanh(rate * t + atanh(n0 / n1));
            assertThat(p[i]).as("t = %g", t).isCloseTo((m.power(n) - p0) / oma, within(1e-6));
        }
        assertThat(p[5]).isEqualTo(0.0);
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    /** Lowering the "0" current raises the extinction ratio and lowers that level's bandwidth (any ABC device). */
    @Property(tries = 200)
    void extinctionRatioGrowsAndTheZeroLevelSlowsAsTheLowCurrentFalls(
            @ForAll @DoubleRange(min = 0, max = 1e8) double a, @ForAll @DoubleRange(min = 0.5, max = 10) double bE11,
            @ForAll @DoubleRange(min = 0, max = 10) double cE29, @ForAll @DoubleRange(min = 0.05, max = 0.9) double lowFraction,
            @ForAll @DoubleRange(min = 0.1, max = 0.95) double lower) {
        CarrierModel hi = device(a, bE11 * 1e-11, cE29 * 1e-29, 2e-3, 2e-3 * lowFraction);
        CarrierModel lo = device(a, bE11 * 1e-11, cE29 * 1e-29, 2e-3, 2e-3 * lowFraction * lower);
        assertThat(lo.extinctionRatioDb()).isGreaterThan(hi.extinctionRatioDb());
        assertThat(lo.smallSignalBandwidthHz(lo.lowCurrentAmps())).isLessThan(hi.smallSignalBandwidthHz(hi.lowCurrentAmps()));
        assertThat(lo.smallSignalBandwidthHz(lo.lowCurrentAmps())).isLessThan(lo.smallSignalBandwidthHz(lo.highCurrentAmps()));
    }

    /**
     * The large-signal pulse's tail decays at the "0" level's differential rate A + 2Bn0 + 3Cn0² (the linearisation
     * about n0, within 3 % once the excess carriers are a few percent of n0), slower than the "1" level's; and a lower
     * "0" current leaves a larger first post-cursor.
     */
    @Test
    void theTailDecaysAtTheZeroLevelsRateAndGrowsForALowerZeroCurrent() {
        double dt = 2e-12;
        int spu = 250; // 500 ps: one 2 Gb/s bit
        double[] p = TYPICAL.pulse(0, dt, spu, 8 * spu, 1);
        double slope = Math.log(p[6 * spu] / p[7 * spu]) / (spu * dt);
        double rate0 = TYPICAL.differentialRate(TYPICAL.steadyDensity(TYPICAL.lowCurrentAmps()));
        double rate1 = TYPICAL.differentialRate(TYPICAL.steadyDensity(TYPICAL.highCurrentAmps()));
        assertThat(slope).isCloseTo(rate0, within(0.03 * rate0));
        assertThat(rate0).isLessThan(rate1 / 2);
        CarrierModel deeper = device(1e7, 2e-11, 1e-29, 2.4e-3, 0.1e-3);
        double[] q = deeper.pulse(0, dt, spu, 4 * spu, 1);
        assertThat(q[2 * spu] / q[spu]).as("first post-cursor relative to the main").isGreaterThan(p[2 * spu] / p[spu]);
    }

    // --- the channel: led.model: abc ---

    static ScenarioDocument abcPrototype(String lowCurrent) {
        ObjectNode tree = ScenarioDocument.preset("mosaic-prototype").tree().deepCopy();
        ObjectNode led = (ObjectNode) tree.get("led");
        led.remove("bandwidth");
        led.remove("averagePower");
        led.remove("extinctionRatio");
        ((ObjectNode) tree.get("provenance")).remove(java.util.List.of("led.bandwidth", "led.averagePower", "led.extinctionRatio"));
        led.put("model", "abc");
        ObjectNode abc = led.putObject("abc");
        abc.put("a", "1e7 /s");
        abc.put("b", "2e-11 cm^3/s");
        abc.put("c", "1e-29 cm^6/s");
        abc.put("activeThickness", "12.5 nm");
        abc.put("injectionEfficiency", "100 %");
        abc.put("extractionEfficiency", "80 %");
        abc.put("highCurrent", "2.4 mA");
        abc.put("lowCurrent", lowCurrent);
        return ScenarioDocument.parse("abc-prototype", tree.toString(), false);
    }

    @Test
    void theBinderDerivesPowerExtinctionAndBandwidthFromTheCurrents() {
        ChannelSpec s = ChannelSpecs.bind(abcPrototype("0.3 mA"));
        CarrierModel m = s.led().carrier();
        assertThat(m).isNotNull();
        assertThat(m.activeVolumeCubicMeters()).isCloseTo(Math.PI / 4 * 25e-12 * 12.5e-9, within(1e-30));
        assertThat(s.led().averagePowerWatts()).isEqualTo(m.averagePowerWatts());
        assertThat(s.led().extinctionRatioDb()).isEqualTo(m.extinctionRatioDb());
        assertThat(s.led().bandwidthHz()).isEqualTo(m.smallSignalBandwidthHz(2.4e-3));
        // the channel evaluates (the pulse is the carrier model's) and a lower "0" current costs ISI, not only gains swing
        double ber = ChannelAnalysis.nominalBer(s);
        assertThat(ber).isBetween(0.0, 0.5);
    }

    @Test
    void aHigherExtinctionRatioIsNoLongerFree() {
        // at fixed "1" current, a deeper "0" raises the extinction ratio, and the pulse's post-cursor ISI grows with it
        ChannelModel shallow = new ChannelModel(ChannelSpecs.bind(abcPrototype("0.6 mA")));
        ChannelModel deep = new ChannelModel(ChannelSpecs.bind(abcPrototype("0.05 mA")));
        assertThat(deep.spec().led().extinctionRatioDb()).isGreaterThan(shallow.spec().led().extinctionRatioDb() + 5);
        PulseResponse ps = PulseResponse.compute(shallow.cascade(1, 0), 32);
        PulseResponse pd = PulseResponse.compute(deep.cascade(1, 0), 32);
        int[] main = new int[1];
        double[] cs = ps.cursors(ps.peakIndex(), main);
        double isiShallow = cs[main[0] + 1] / cs[main[0]];
        double[] cd = pd.cursors(pd.peakIndex(), main);
        double isiDeep = cd[main[0] + 1] / cd[main[0]];
        assertThat(isiDeep).isGreaterThan(isiShallow);
    }

    /** The blue-shift splits the levels' wavelengths: the time-averaged spectrum's variance grows by w1·w0·Δλ². */
    @Test
    void wavelengthShiftWidensTheSpectrumTheDispersionActsOn() {
        ChannelSpec plain = ChannelSpecs.bind(abcPrototype("0.3 mA"));
        ChannelSpec shifted = ChannelSpecs.bind(abcPrototype("0.3 mA").with("led.abc.wavelengthShift", "-2 nm/mA"));
        CarrierModel m = shifted.led().carrier();
        assertThat(m.levelWavelengthSplitMeters()).isCloseTo(-2e-6 * (0.3e-3 - 2.4e-3), within(1e-15));
        double w1 = m.highPowerWatts() / (m.highPowerWatts() + m.lowPowerWatts());
        double dl = m.levelWavelengthSplitMeters();
        double rms = 10e-9 / (2 * Math.sqrt(2 * Math.log(2)));
        double dl2 = Math.abs(Sellmeier.dispersion(450e-9)) * 20; // s/m per m of rms width over 20 m
        double expected = dl2 * Math.sqrt(rms * rms + w1 * (1 - w1) * dl * dl);
        assertThat(new ChannelModel(shifted).sigmaChromaticSeconds()).isCloseTo(expected, within(1e-6 * expected));
        assertThat(new ChannelModel(plain).sigmaChromaticSeconds()).isCloseTo(dl2 * rms, within(1e-6 * dl2 * rms));
    }

    @Test
    void contradictoryOrIncompleteSourcesAreRefused() {
        assertThatThrownBy(() -> ChannelSpecs.bind(abcPrototype("0.3 mA").with("led.bandwidth", "1 GHz")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("led.bandwidth").hasMessageContaining("led.model: abc");
        assertThatThrownBy(() -> ChannelSpecs.bind(abcPrototype("3 mA")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("led.abc.lowCurrent").hasMessageContaining("below");
        assertThatThrownBy(() -> ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype").with("led.abc.c", "1e-29 cm^6/s")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("led.abc.c").hasMessageContaining("led.model: abc");
        assertThatThrownBy(() -> ChannelSpecs.bind(abcPrototype("0.3 mA").with("led.abc.b", "2e-11")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("led.abc.b");
    }
}
