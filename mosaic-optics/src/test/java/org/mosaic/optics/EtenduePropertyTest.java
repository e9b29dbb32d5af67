package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.mosaic.core.scenario.ScenarioDocument;

/**
 * Coupling from geometry: whatever the emitter, lens and fibre, the coupled fraction never exceeds the étendue
 * (Lagrange-invariant) limit min(1, (M·NA)²), the launch NA never exceeds the fibre's, and étendue is conserved
 * from the collected cone to the launched one (d_e·NA_obj = d_s·NA_launch).
 */
class EtenduePropertyTest {
    static final ChannelSpec BASE = ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype"));

    @Property(tries = 500)
    void couplingNeverExceedsTheEtendueLimit(@ForAll @DoubleRange(min = 0.5, max = 100) double emitterUm,
                                             @ForAll @DoubleRange(min = 0.5, max = 200) double spotUm,
                                             @ForAll @DoubleRange(min = 0.05, max = 0.9) double na,
                                             @ForAll @DoubleRange(min = 0.1, max = 50) double gain,
                                             @ForAll @IntRange(min = 0, max = 2) int lensIndex) {
        String lens = new String[] {"none", "microlens", "tir"}[lensIndex];
        double emitter = emitterUm * 1e-6;
        double spot = spotUm * 1e-6;
        ChannelSpec s = BASE.withLed(new ChannelSpec.Led(450e-9, 10e-9, 1e9, 1e-4, 6, 0, 0, emitter));
        ChannelSpec.Optics o = s.optics();
        s = new ChannelSpec(s.name(), s.seed(), s.rateBitsPerSecond(), s.berTarget(), s.rows(), s.cols(), s.led(),
                new ChannelSpec.Optics(lens, gain, 2.0, spot, o.fresnelFaces(), o.connectorLossDb(), o.receiveCouplingLossDb(),
                        o.inputCrosstalkDb()),
                new ChannelSpec.Fiber(1, 0, na, 3e-6, 4.5e-6, 10_000, Double.NaN, -100, 10), s.receiver(), s.ctle(), s.numerics());
        OpticalPath.Launch l = OpticalPath.launch(s);
        double m = lens.equals("none") ? 1 : spot / emitter;
        double limit = Math.min(1, m * m * na * na);
        assertThat(l.efficiency()).isLessThanOrEqualTo(limit * (1 + 1e-12)).isLessThanOrEqualTo(1.0);
        assertThat(OpticalPath.lensEfficiency(s)).isEqualTo(l.efficiency());
        assertThat(l.launchNa()).isLessThanOrEqualTo(na * (1 + 1e-12));
        if (!lens.equals("none")) {
            assertThat(l.collectedNa() * emitter).isCloseTo(l.launchNa() * spot, org.assertj.core.api.Assertions.within(1e-9 * l.collectedNa() * emitter));
        }
    }
}
