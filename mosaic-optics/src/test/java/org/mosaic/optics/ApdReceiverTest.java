package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;

/** The APD receiver option (issue 15): gain M, McIntyre's excess noise F(M, k); a PIN photodiode by default. */
class ApdReceiverTest {
    private static final double PEAKING_DB = 3.0;

    private static ChannelSpec proto(String... kv) {
        ScenarioDocument d = ScenarioDocument.preset("mosaic-prototype").with("numerics.eyeBins", "256").with("fiber.length", "30 m");
        for (int i = 0; i < kv.length; i += 2) {
            d = d.with(kv[i], kv[i + 1]);
        }
        return ChannelSpecs.bind(d);
    }

    /** F = kM + (1 − k)(2 − 1/M) [mcintyre-1966]: 2 − 1/M for k = 0, M for k = 1, 1 for a PIN (M = 1). */
    @Test
    void excessNoiseFactorIsMcIntyres() {
        assertThat(proto().receiver().excessNoiseFactor()).isEqualTo(1.0);
        assertThat(proto("receiver.apdGain", "10").receiver().excessNoiseFactor()).isCloseTo(1.9, within(1e-12));
        assertThat(proto("receiver.apdGain", "10", "receiver.apdIonizationRatio", "1").receiver().excessNoiseFactor())
                .isCloseTo(10, within(1e-12));
        assertThat(proto("receiver.apdGain", "10", "receiver.apdIonizationRatio", "0.02").receiver().excessNoiseFactor())
                .isCloseTo(0.02 * 10 + 0.98 * 1.9, within(1e-12));
    }

    /**
     * Gain M multiplies the signal current by M and the shot noise (of light and dark current) by M²·F; the TIA noise is
     * unchanged. Checked against the PIN evaluation of the same channel.
     */
    @Test
    void gainMultipliesTheSignalByMAndTheShotNoiseByMSquaredF() {
        ChannelModel pin = new ChannelModel(proto());
        ChannelModel apd = new ChannelModel(proto("receiver.apdGain", "10", "receiver.apdIonizationRatio", "0.02"));
        ChannelModel.Evaluation p = pin.evaluate(pin.nominal(), PEAKING_DB);
        ChannelModel.Evaluation a = apd.evaluate(apd.nominal(), PEAKING_DB);
        double m = 10;
        double f = apd.spec().receiver().excessNoiseFactor();
        assertThat(a.omaCurrent()).isCloseTo(m * p.omaCurrent(), within(1e-12 * a.omaCurrent()));
        double thermal = pin.tiaVariance(PEAKING_DB);
        assertThat(apd.tiaVariance(PEAKING_DB)).isEqualTo(thermal);
        double shotPin = p.noiseVarianceOne() - thermal;
        assertThat(a.noiseVarianceOne() - thermal).isCloseTo(m * m * f * shotPin, within(1e-9 * m * m * f * shotPin));
        double shotPin0 = p.noiseVarianceZero() - thermal;
        assertThat(a.noiseVarianceZero() - thermal).isCloseTo(m * m * f * shotPin0, within(1e-9 * m * m * f * shotPin0));
    }

    /**
     * The optimum gain of a TIA-noise-limited receiver: a moderate gain (10) lowers the BER of the prototype at 30 m,
     * where the PIN is far from its target, by orders of magnitude; a large one (300, F ≈ 8) gives it back to the excess
     * noise. Gain 1 given explicitly is the PIN exactly.
     */
    @Test
    void aModerateGainHelpsAThermalLimitedReceiverAndExcessNoiseCapsIt() {
        double pin = ber(proto());
        double ten = ber(proto("receiver.apdGain", "10", "receiver.apdIonizationRatio", "0.02"));
        double threeHundred = ber(proto("receiver.apdGain", "300", "receiver.apdIonizationRatio", "0.02"));
        assertThat(ten).isLessThan(pin * 1e-3);
        assertThat(threeHundred).isGreaterThan(ten * 100);
        assertThat(ber(proto("receiver.apdGain", "1"))).isEqualTo(pin);
    }

    @Test
    void aRatioWithoutAGainIsRefused() {
        assertThat(problems(() -> proto("receiver.apdIonizationRatio", "0.02"))).contains("receiver.apdGain");
        assertThat(problems(() -> proto("receiver.apdGain", "0.5"))).contains("receiver.apdGain");
    }

    private static double ber(ChannelSpec s) {
        ChannelModel m = new ChannelModel(s);
        return m.evaluate(m.nominal(), PEAKING_DB).ber();
    }

    private static String problems(Runnable r) {
        try {
            r.run();
        } catch (org.mosaic.core.scenario.ScenarioException e) {
            return e.getMessage();
        }
        return "";
    }
}
