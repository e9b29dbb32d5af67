package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mosaic.core.scenario.ScenarioDocument;

/** Core-to-core coupling of the imaging fibre: κ, the two-core exchange, diffusion over the core lattice. */
class CoreCouplingTest {

    private static ChannelSpec spec(String preset, String... overrides) {
        ScenarioDocument doc = ScenarioDocument.preset(preset);
        for (int i = 0; i < overrides.length; i += 2) {
            doc = doc.with(overrides[i], overrides[i + 1]);
        }
        return ChannelSpecs.bind(doc);
    }

    /** The preset's fibre with its crosstalk from the geometry (no fiber.crosstalk), spots {@code channelPitch} apart. */
    static ChannelSpec geometric(ChannelSpec s, double channelPitch) {
        return geometric(s, channelPitch, 0);
    }

    static ChannelSpec geometric(ChannelSpec s, double channelPitch, double spread) {
        ChannelSpec.Fiber f = s.fiber();
        return s.withFiber(new ChannelSpec.Fiber(f.lengthMeters(), f.attenuationDbPerMeter(), f.numericalAperture(),
                f.coreDiameterMeters(), f.corePitchMeters(), f.coreCount(), f.modalBandwidthHzMeters(), Double.NaN,
                f.crosstalkReferenceLengthMeters(), f.modeCouplingLengthMeters(), f.differentialModeAttenuationDbPerMeter(),
                channelPitch, f.crosstalkCorrelationLengthMeters(), spread));
    }

    /**
     * The overlap integral (Gauss–Legendre × trapezoid over core 2) against Snyder & Love's closed form for LP0m
     * modes, which Graf's addition theorem derives from the same integral: they agree to the K-function
     * approximations' 2e-7 and the quadrature's error; 1e-5 relative is asked.
     */
    @ParameterizedTest(name = "V = {0}, mode LP0{1}, d/rho = {2}")
    @CsvSource({"2.0, 1, 3.0", "2.0, 1, 2.2", "2.4, 1, 4.0", "7.33, 1, 3.0", "7.33, 2, 3.0", "7.33, 3, 3.0", "12, 1, 2.5"})
    void overlapIntegralEqualsTheClosedFormForLp0m(double v, int m, double pitchOverRadius) {
        FibreModes fm = FibreModes.of(v * 450e-9 / (Math.PI * 0.35), 0.35, 450e-9);
        FibreModes.Mode mode = fm.modes().stream().filter(x -> x.l() == 0 && x.m() == m).findFirst().orElseThrow();
        double rho = fm.coreDiameterMeters() / 2;
        double closed = CoreCoupling.kappaClosedForm(rho, fm.delta(), mode.u(), fm.vNumber(), pitchOverRadius * rho);
        double[] overlap = CoreCoupling.kappaOverlap(0, mode.u(), fm.vNumber(), rho, fm.delta(), pitchOverRadius * rho);
        assertThat(closed).isPositive();
        assertThat(overlap[0] / closed).isCloseTo(1, within(1e-5));
        assertThat(overlap[1]).isZero();
    }

    @Test
    void higherOrderModesCoupleMoreStronglyAndBothOrientationsArePositiveForLp11() {
        FibreModes fm = FibreModes.of(3e-6, 0.35, 450e-9);
        double rho = 1.5e-6;
        double prev = 0;
        for (FibreModes.Mode mode : fm.modes()) {
            if (mode.l() > 1 || mode.m() > 1) {
                continue;
            }
            double[] k = CoreCoupling.kappaOverlap(mode.l(), mode.u(), fm.vNumber(), rho, fm.delta(), 4.5e-6);
            double mean = Math.sqrt(0.5 * (k[0] * k[0] + k[1] * k[1]));
            assertThat(Math.abs(k[0])).as("LP%d%d", mode.l(), mode.m()).isGreaterThan(prev);
            prev = mode.l() == 0 ? k[0] : mean;
        }
    }

    /** cos²/sin² exchange of two identical cores against an RK4 integration of the coupled-mode equations. */
    @ParameterizedTest(name = "kappa z = {0}")
    @CsvSource({"0.1", "0.7853981633974483", "1.5707963267948966", "2.5", "10"})
    void twoCoresExchangePowerAsCosineAndSineSquared(double kz) {
        double[] closed = CoreCoupling.twoCoreExchange(2.0, kz / 2.0);
        double[] rk4 = CoreCoupling.twoCoreExchangeNumerical(2.0, kz / 2.0, 4000);
        assertThat(closed[0] + closed[1]).isCloseTo(1, within(1e-15));
        assertThat(rk4[0]).isCloseTo(closed[0], within(1e-9));
        assertThat(rk4[1]).isCloseTo(closed[1], within(1e-9));
    }

    /** Two cores under coupled-power diffusion: P₂ = (1 − e^{−2hz})/2 (the incoherent limit of the exchange). */
    @Test
    void twoCoreDiffusionApproachesEqualPowerExponentially() {
        var lat = new CoreCoupling.Lattice(new double[] {0, 4.5e-6}, new double[] {0, 0}, 4.5e-6, 1);
        for (double hz : new double[] {0.01, 0.3, 1, 3}) {
            double[] p = lat.diffuse(new double[] {1, 0}, hz);
            assertThat(p[1]).isCloseTo((1 - Math.exp(-2 * hz)) / 2, within(1e-12));
            assertThat(p[0] + p[1]).isCloseTo(1, within(1e-12));
        }
    }

    /** On a square lattice the diffusion's exact solution is e^{−4x}·I_m(2x)·I_n(2x), x = h·z (far from the edges). */
    @Test
    void squareLatticeDiffusionMatchesTheBesselClosedForm() {
        double pitch = 1;
        var lat = CoreCoupling.Lattice.square(pitch, 30);
        int centre = lat.coresInside(0, 0, 0.1)[0];
        double[] p0 = new double[lat.size()];
        p0[centre] = 1;
        for (double hz : new double[] {0.05, 0.5, 2}) {
            double[] p = lat.diffuse(p0, hz);
            for (int[] mn : new int[][] {{0, 0}, {1, 0}, {1, 1}, {2, 0}, {3, 2}}) {
                int i = lat.coresInside(mn[0], mn[1], 0.1)[0];
                double x = 2 * hz;
                double expected = Math.exp(-2 * x) * Crosstalk.besselI(mn[0], x) * Crosstalk.besselI(mn[1], x);
                assertThat(p[i]).as("hz %s at %d,%d", hz, mn[0], mn[1]).isCloseTo(expected, within(1e-12 + 1e-10 * expected));
            }
        }
    }

    @Test
    void hexagonalDiffusionConservesPowerAndIsSymmetric() {
        var lat = CoreCoupling.Lattice.hexagonal(4.5e-6, 40e-6);
        assertThat(lat.neighbours[lat.coresInside(0, 0, 1e-7)[0]]).hasSize(6);
        int a = lat.coresInside(0, 0, 1e-7)[0];
        int b = lat.coresInside(13.5e-6, 0, 1e-7)[0];
        double[] pa = new double[lat.size()];
        pa[a] = 1;
        double[] pb = new double[lat.size()];
        pb[b] = 1;
        for (double hz : new double[] {0.1, 1, 10}) {
            double[] fromA = lat.diffuse(pa, hz);
            double[] fromB = lat.diffuse(pb, hz);
            assertThat(java.util.Arrays.stream(fromA).sum()).isCloseTo(1, within(1e-12));
            assertThat(fromA[b]).isCloseTo(fromB[a], within(1e-14));
            assertThat(java.util.Arrays.stream(fromA).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        }
    }

    /** Nearest-channel crosstalk grows with length and falls with the core pitch (a property over a grid). */
    @Test
    void crosstalkGrowsWithLengthAndFallsWithPitch() {
        double[] pitches = {4.25e-6, 4.5e-6, 5.0e-6, 6.0e-6};
        double[] lengths = {1, 3, 10, 30};
        double[][] nn = new double[pitches.length][lengths.length];
        for (int i = 0; i < pitches.length; i++) {
            ChannelSpec s = geometric(spec("mosaic-prototype", "fiber.corePitch", pitches[i] * 1e6 + " um"), 27e-6, 0.03);
            for (int j = 0; j < lengths.length; j++) {
                nn[i][j] = CoreCoupling.channelCoupling(s, lengths[j], 1)[1][2];
            }
        }
        for (int i = 0; i < pitches.length; i++) {
            for (int j = 1; j < lengths.length; j++) {
                assertThat(nn[i][j]).as("pitch %s, length %s", pitches[i], lengths[j]).isGreaterThan(nn[i][j - 1]);
            }
        }
        for (int j = 0; j < lengths.length; j++) {
            for (int i = 1; i < pitches.length; i++) {
                assertThat(nn[i][j]).as("pitch %s, length %s", pitches[i], lengths[j]).isLessThan(nn[i - 1][j]);
            }
        }
    }

    /** g(s) = E[1/(1 + s²Z²)] against a trapezoid quadrature over the normal density (z in [−12, 12], 200,001 points). */
    @ParameterizedTest(name = "s = {0}")
    @CsvSource({"0", "0.01", "0.049", "0.051", "0.3", "1", "5", "40", "1000"})
    void detuningFactorEqualsItsExpectationOverTheNormalDetuning(double s) {
        int n = 200_000;
        double h = 24.0 / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double z = -12 + i * h;
            double f = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / (1 + s * s * z * z);
            sum += (i == 0 || i == n ? 0.5 : 1) * f;
        }
        assertThat(CoreCoupling.detuningFactor(s) / (sum * h)).isCloseTo(1, within(2e-6));
    }

    /** The prototype preset without its fiber.crosstalk override (and its reference length), with extra keys. */
    static ScenarioDocument prototypeFromGeometry(String... overrides) {
        com.fasterxml.jackson.databind.node.ObjectNode tree = ScenarioDocument.preset("mosaic-prototype").tree();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("fiber")).remove(List.of("crosstalk", "crosstalkReferenceLength"));
        tree.remove("provenance");
        ScenarioDocument doc = ScenarioDocument.parse("prototype without fiber.crosstalk", tree.toString(), false);
        for (int i = 0; i < overrides.length; i += 2) {
            doc = doc.with(overrides[i], overrides[i + 1]);
        }
        return doc;
    }

    @Test
    void withoutFiberCrosstalkTheChannelCouplingFollowsFromTheCoresAndTheResultSaysSo() {
        ChannelSpec s = ChannelSpecs.bind(prototypeFromGeometry("fiber.channelPitch", "27 um", "fiber.coreDiameterSpread", "1 %"));
        assertThat(s.fiber().crosstalkOverridden()).isFalse();
        ChannelModel model = new ChannelModel(s);
        assertThat(model.crosstalk().fromGeometry()).isTrue();
        double L = s.fiber().lengthMeters();
        double[][] table = CoreCoupling.channelCoupling(s, L, Crosstalk.RADIUS);
        double input = Math.pow(10, s.optics().inputCrosstalkDb() / 10);
        assertThat(model.crosstalk().coupling(0, 1, L)).isCloseTo(table[2][3] + input, within(1e-15));
        assertThat(model.crosstalk().coupling(1, 1, L)).isCloseTo(table[3][3], within(1e-15));
        assertThat(model.crosstalk().retained(L)).isCloseTo(table[2][2] * (1 - 4 * input), within(1e-15));
        assertThat(table[2][3]).isPositive();
        ChannelResult.FibreCrosstalk r = ChannelAnalysis.fibreCrosstalk(model);
        assertThat(r.source()).isEqualTo("cores");
        assertThat(r.channelPitchMeters()).isCloseTo(27e-6, within(1e-12));
        assertThat(r.coreDiameterSpread()).isCloseTo(0.01, within(1e-12));
        assertThat(r.nearestNeighbourCoupling()).isCloseTo(table[2][3], within(1e-15));

        ChannelResult.FibreCrosstalk preset = ChannelAnalysis.fibreCrosstalk(new ChannelModel(spec("mosaic-prototype")));
        assertThat(preset.source()).isEqualTo("fiber.crosstalk");
        assertThat(preset.channelPitchMeters()).isNull();
        // the override's -30 dB at its 10 m reference length, scaled by the walk to the preset's 20 m
        assertThat(new Crosstalk(spec("mosaic-prototype", "fiber.length", "10 m")).coupling(0, 1, 10) - input)
                .isCloseTo(1e-3, within(1e-9));
    }

    @Test
    void geometryKeysBesideAMeasuredCrosstalkAreRefusedAndTheReferenceLengthWithoutOne() {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype").with("fiber.channelPitch", "50 um")),
                org.mosaic.core.scenario.ScenarioException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.expected()).contains("no fiber.crosstalk"));
        var f = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> ChannelSpecs.bind(prototypeFromGeometry("fiber.crosstalkReferenceLength", "10 m")),
                org.mosaic.core.scenario.ScenarioException.class);
        assertThat(f.problems()).singleElement().satisfies(p -> assertThat(p.expected()).contains("fiber.crosstalk with it"));
    }
}
