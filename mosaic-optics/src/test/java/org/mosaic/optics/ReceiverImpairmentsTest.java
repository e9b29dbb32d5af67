package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;

/**
 * Electrical crosstalk between neighbouring receivers and timing jitter of the sampling instant (issue 15), each
 * checked against its closed form or an independent computation.
 */
class ReceiverImpairmentsTest {
    private static final double PEAKING_DB = 3.0;

    private static ChannelSpec proto(String... kv) {
        ScenarioDocument d = ScenarioDocument.preset("mosaic-prototype").with("numerics.eyeBins", "256");
        for (int i = 0; i < kv.length; i += 2) {
            d = d.with(kv[i], kv[i + 1]);
        }
        return ChannelSpecs.bind(d);
    }

    /**
     * A nearest receiver's signal couples with amplitude a = 10^(dB/20): the victim gains one interferer per nearest
     * receiver (4 inside the array, 2 in a corner) of swing a·R·OMA(neighbour), scaled like the optical ones to the
     * main cursor; the others are unchanged.
     */
    @Test
    void electricalCrosstalkAddsOneInterfererPerNearestReceiver() {
        ChannelModel without = new ChannelModel(proto());
        ChannelModel with = new ChannelModel(proto("receiver.electricalCrosstalk", "-30 dB"));
        assertThat(without.electricalCrosstalkAmplitude()).isZero();
        double a = Math.pow(10, -30 / 20.0);
        assertThat(with.electricalCrosstalkAmplitude()).isCloseTo(a, within(1e-15));
        ChannelModel.Evaluation e0 = without.evaluate(without.nominal(), PEAKING_DB);
        ChannelModel.Evaluation e1 = with.evaluate(with.nominal(), PEAKING_DB);
        assertThat(e1.interferers()).hasSize(e0.interferers().length + 4);
        double r = with.spec().receiver().responsivityAmpsPerWatt();
        double expected = a * r * with.omaFromAverage(with.receivedAveragePower(1)) * e1.cursors()[e1.mainCursor()]
                / e1.omaCurrent();
        double[] added = Arrays.stream(e1.interferers()).filter(x -> Arrays.stream(e0.interferers()).noneMatch(y -> y == x))
                .toArray();
        assertThat(added).hasSize(4);
        for (double x : added) {
            assertThat(x).isCloseTo(expected, within(1e-12 * expected));
        }
        ChannelModel.Evaluation corner0 = without.evaluate(new ChannelModel.Emitter(0, 0, 1, 1), PEAKING_DB);
        ChannelModel.Evaluation corner1 = with.evaluate(new ChannelModel.Emitter(0, 0, 1, 1), PEAKING_DB);
        assertThat(corner1.interferers()).hasSize(corner0.interferers().length + 2);
        assertThat(e1.ber()).isGreaterThan(e0.ber());
        assertThat(new ChannelModel(proto("receiver.electricalCrosstalk", "-20 dB")).evaluate(with.nominal(), PEAKING_DB).ber())
                .isGreaterThan(e1.ber());
    }

    /**
     * The statistical eye with the electrical interferers equals one built independently from the channel without them
     * plus the four interferers: each ±x/2 around the threshold and its own ISI as variance (x/OMA)²·Σc²/4.
     */
    @Test
    void electricalCrosstalkEyeEqualsAnIndependentlyBuiltEye() {
        ChannelModel without = new ChannelModel(proto());
        ChannelModel with = new ChannelModel(proto("receiver.electricalCrosstalk", "-26 dB"));
        ChannelModel.Evaluation e0 = without.evaluate(without.nominal(), PEAKING_DB);
        ChannelModel.Evaluation e1 = with.evaluate(with.nominal(), PEAKING_DB);
        double oma = e0.omaCurrent();
        double main = e0.cursors()[e0.mainCursor()];
        double x = Math.pow(10, -26 / 20.0) * with.spec().receiver().responsivityAmpsPerWatt()
                * with.omaFromAverage(with.receivedAveragePower(1));
        double isi = 0;
        for (int k = 0; k < e0.cursors().length; k++) {
            if (k != e0.mainCursor()) {
                isi += e0.cursors()[k] * e0.cursors()[k];
            }
        }
        double[] interferers = Arrays.copyOf(e0.interferers(), e0.interferers().length + 4);
        double extra = e0.extraVariance();
        for (int i = 0; i < 4; i++) {
            interferers[e0.interferers().length + i] = x * main / oma;
            extra += (x / oma) * (x / oma) * isi / 4;
        }
        StatisticalEye independent = new StatisticalEye(e0.cursors(), e0.mainCursor(), interferers, extra,
                e0.noiseVarianceOne(), e0.noiseVarianceZero(), with.spec().numerics().eyeBins());
        // same terms in another order: the eye grid's linear splitting differs by rounding only
        assertThat(e1.ber() / independent.ber() - 1).isCloseTo(0, within(1e-6));
    }

    /**
     * Dual-Dirac deterministic jitter of 2 samples peak to peak samples one sample early and one late with weight ½:
     * exactly the mean of the jitter-free BERs at offsets −1 and +1.
     */
    @Test
    void deterministicJitterIsTheMeanOfTheTwoDiracPhases() {
        ChannelSpec clean = proto();
        ChannelModel m0 = new ChannelModel(clean);
        double dt = clean.unitIntervalSeconds() / clean.numerics().samplesPerUi();
        ChannelModel mj = new ChannelModel(proto("receiver.deterministicJitter", (2 * dt * 1e12) + " ps"));
        double early = m0.evaluate(m0.nominal(), PEAKING_DB, null, -1).ber();
        double late = m0.evaluate(m0.nominal(), PEAKING_DB, null, 1).ber();
        double jittered = mj.evaluate(mj.nominal(), PEAKING_DB).ber();
        assertThat(jittered).isCloseTo(0.5 * (early + late), within(1e-9 * jittered));
        assertThat(jittered).isGreaterThan(m0.evaluate(m0.nominal(), PEAKING_DB).ber());
    }

    /**
     * Random jitter by Gauss–Hermite quadrature against an independent one: E[BER₀(σZ)] = ∫₀^∞ 2φ(z)·½[BER₀(σz) +
     * BER₀(−σz)] dz, where the bracket is the BER under dual-Dirac jitter of 2σz (checked exactly above), by the
     * trapezoid rule on z ∈ [0, 6] with 120 panels. BER₀ between samples is a linear interpolation of cursors, so
     * the integrand has kinks at sample positions; both rules then carry errors of order 1e-3: 1 %.
     */
    @Test
    void randomJitterMatchesAnIndependentQuadrature() {
        double rjPs = 20;
        ChannelModel mj = new ChannelModel(proto("receiver.randomJitter", rjPs + " ps"));
        double jittered = mj.evaluate(mj.nominal(), PEAKING_DB).ber();
        int panels = 120;
        double zMax = 6;
        double h = zMax / panels;
        double sum = 0;
        for (int i = 0; i <= panels; i++) {
            double z = i * h;
            double symmetric;
            if (z == 0) {
                ChannelModel m0 = new ChannelModel(proto());
                symmetric = m0.evaluate(m0.nominal(), PEAKING_DB).ber();
            } else {
                ChannelModel md = new ChannelModel(proto("receiver.deterministicJitter", (2 * rjPs * z) + " ps"));
                symmetric = md.evaluate(md.nominal(), PEAKING_DB).ber();
            }
            double w = (i == 0 || i == panels) ? 0.5 : 1;
            sum += w * 2 * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) * symmetric;
        }
        double independent = sum * h;
        assertThat(jittered / independent - 1).isCloseTo(0, within(0.01));
        ChannelModel m0 = new ChannelModel(proto());
        assertThat(jittered).isGreaterThan(m0.evaluate(m0.nominal(), PEAKING_DB).ber());
    }

    /** Jitter narrows the bathtub: the eye width at the target shrinks, and vanishing jitter changes nothing. */
    @Test
    void jitterNarrowsTheBathtubAndVanishingJitterChangesNothing() {
        ChannelSpec clean = proto();
        ChannelSpec jittered = proto("receiver.randomJitter", "15 ps", "receiver.deterministicJitter", "40 ps");
        ChannelModel m0 = new ChannelModel(clean);
        ChannelModel mj = new ChannelModel(jittered);
        assertThat(ChannelAnalysis.eyeWidthUi(mj, PEAKING_DB, clean.berTarget()))
                .isLessThan(ChannelAnalysis.eyeWidthUi(m0, PEAKING_DB, clean.berTarget()));
        ChannelModel tiny = new ChannelModel(proto("receiver.randomJitter", "1 fs"));
        double b0 = m0.evaluate(m0.nominal(), PEAKING_DB).ber();
        assertThat(tiny.evaluate(tiny.nominal(), PEAKING_DB).ber()).isCloseTo(b0, within(1e-4 * b0));
    }

    @Test
    void theKeysAreBoundAndBounded() {
        ChannelSpec s = proto("receiver.electricalCrosstalk", "-35 dB", "receiver.randomJitter", "3 ps",
                "receiver.deterministicJitter", "10 ps");
        assertThat(s.receiver().electricalCrosstalkDb()).isEqualTo(-35.0);
        assertThat(s.receiver().randomJitterSeconds()).isCloseTo(3e-12, within(1e-24));
        assertThat(s.receiver().deterministicJitterSeconds()).isCloseTo(10e-12, within(1e-24));
        assertThat(proto().receiver().electricalCrosstalkDb()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(problems(() -> proto("receiver.electricalCrosstalk", "-3 dB"))).contains("receiver.electricalCrosstalk");
        assertThat(problems(() -> proto("receiver.randomJitter", "3"))).contains("receiver.randomJitter");
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
