package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mosaic.core.scenario.ScenarioDocument;

/** The intensity-coupling random walk on the channel grid and its Bessel-function solution. */
class CrosstalkTest {

    private static ChannelSpec spec(String... overrides) {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-800g");
        for (int i = 0; i < overrides.length; i += 2) {
            doc = doc.with(overrides[i], overrides[i + 1]);
        }
        return ChannelSpecs.bind(doc);
    }

    /**
     * I_n(x) against {@code mpmath.besseli(n, x)} at mp.dps = 40, printed with {@code mpmath.nstr(v, 20)}.
     * The power series has only positive terms (no cancellation), so near-ulp accuracy is expected; measured
     * worst 8.6e-16 (I_5(50)). 1e-14 relative allows ~50 ulp of accumulated rounding over ~100 terms.
     */
    @ParameterizedTest(name = "I_{0}({1}) = {2}")
    @CsvSource({
            "0, 0.001, 1.000000250000015625",
            "0, 0.1,   1.0025015629340956014",
            "0, 1,     1.2660658777520083356",
            "0, 5,     27.239871823604446895",
            "0, 20,    43558282.559553533272",
            "0, 50,    2.9325537838493363267e+20",
            "1, 0.001, 0.00050000006250000260417",
            "1, 0.1,   0.050062526047092692114",
            "1, 1,     0.56515910399248502721",
            "1, 5,     24.335642142450527199",
            "1, 20,    42454973.385127770181",
            "1, 50,    2.9030785901035567968e+20",
            "2, 0.001, 1.2500001041666699219e-7",
            "2, 0.1,   0.001251041992241759124",
            "2, 1,     0.13574766976703828118",
            "2, 5,     17.505614966624236015",
            "2, 20,    39312785.221040756254",
            "2, 50,    2.8164306402451940548e+20",
            "3, 0.001, 2.0833334635416699219e-11",
            "3, 1,     0.022168424924331902476",
            "3, 20,    34592416.340919618931",
            "5, 0.001, 2.6041667751736130487e-19",
            "5, 0.1,   2.6052519298936968899e-9",
            "5, 1,     0.00027146315595697187518",
            "5, 5,     2.1579745473225464669",
            "5, 50,    2.278548307911281896e+20",
    })
    void besselIMatchesMpmath(int n, double x, double expected) {
        double v = Crosstalk.besselI(n, x);
        assertThat(Math.abs(v - expected) / expected).as("relative error").isLessThan(1e-14);
    }

    @Test
    void besselIAtZero() {
        // I_0(0) = 1, I_n(0) = 0 for n ≥ 1: exact series values
        assertThat(Crosstalk.besselI(0, 0)).isCloseTo(1.0, within(1e-16));
        assertThat(Crosstalk.besselI(1, 0)).isCloseTo(0.0, within(1e-300));
        assertThat(Crosstalk.besselI(4, 0)).isCloseTo(0.0, within(1e-300));
    }

    @Test
    void besselGeneratingFunctionSumsToExp() {
        // Σ_{m∈Z} I_m(x) = e^x (I_{−m} = I_m): the identity behind power conservation. Terms beyond |m| = 60
        // are < 1e-40 of the sum for x ≤ 10; the sum of ~120 positive terms is accurate to ~1e-15.
        for (double x : new double[] {0.01, 0.5, 2, 10}) {
            double s = Crosstalk.besselI(0, x);
            for (int m = 1; m <= 60; m++) {
                s += 2 * Crosstalk.besselI(m, x);
            }
            assertThat(s * Math.exp(-x)).as("x = %s", x).isCloseTo(1.0, within(1e-13));
        }
    }

    @ParameterizedTest(name = "L = {0} m")
    @ValueSource(doubles = {0, 1, 10, 50, 200, 1000, 5000})
    void couplingConservesPower(double lengthMeters) {
        // −100 dB input spill (1e-10 onto each of 4 neighbours) is counted as removed from the victim
        // (retained × (1 − 4e-10)) and added to the neighbours, so it cancels up to 4e-10·(1 − retained);
        // the fibre walk conserves power exactly (Σ e^{−2x} I_m I_n = 1). Crosstalk −15 dB at 10 m makes the
        // walk spread over many channels at 5 km (x = 2κL ≈ 37, within the series' x ≲ 50: spread σ ≈ √x ≈ 6
        // channels), so summing |m|, |n| ≤ 80 leaves out nothing representable.
        Crosstalk xt = new Crosstalk(spec("optics.inputCrosstalk", "-100 dB", "fiber.crosstalk", "-15 dB"));
        int radius = 80;
        double sum = xt.retained(lengthMeters);
        for (int dm = -radius; dm <= radius; dm++) {
            for (int dn = -radius; dn <= radius; dn++) {
                if (dm != 0 || dn != 0) {
                    sum += xt.coupling(dm, dn, lengthMeters);
                }
            }
        }
        // 1e-9: the 4e-10 input-spill residue plus ~1e-13 of rounding over 25,000 terms
        assertThat(sum).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void couplingGrowsWithLength() {
        Crosstalk xt = new Crosstalk(spec());
        double prevNearest = xt.coupling(1, 0, 0);
        double prevDiagonal = xt.coupling(1, 1, 0);
        double prevSecond = xt.coupling(0, 2, 0);
        double prevRetained = xt.retained(0);
        for (double L = 5; L <= 500; L += 5) {
            double nearest = xt.coupling(1, 0, L);
            double diagonal = xt.coupling(1, 1, L);
            double second = xt.coupling(0, 2, L);
            double retained = xt.retained(L);
            assertThat(nearest).as("nearest at %s m", L).isGreaterThan(prevNearest);
            assertThat(diagonal).as("diagonal at %s m", L).isGreaterThan(prevDiagonal);
            assertThat(second).as("second neighbour at %s m", L).isGreaterThan(prevSecond);
            assertThat(retained).as("retained at %s m", L).isLessThan(prevRetained);
            // higher order: diagonal and second neighbours are reached through a nearest neighbour
            assertThat(diagonal).isLessThan(nearest);
            assertThat(second).isLessThan(nearest);
            prevNearest = nearest;
            prevDiagonal = diagonal;
            prevSecond = second;
            prevRetained = retained;
        }
    }

    @Test
    void couplingIsSymmetricInTheOffsets() {
        Crosstalk xt = new Crosstalk(spec());
        // the formula only uses |dm|, |dn| and is symmetric in them: exact up to the order of multiplication
        for (int dm = -2; dm <= 2; dm++) {
            for (int dn = -2; dn <= 2; dn++) {
                double c = xt.coupling(dm, dn, 50);
                assertThat(xt.coupling(-dm, dn, 50)).isCloseTo(c, within(c * 1e-15));
                assertThat(xt.coupling(dn, dm, 50)).isCloseTo(c, within(c * 1e-15));
            }
        }
    }

    @Test
    void nearestNeighbourCouplingAtTheReferenceLengthIsTheSpecifiedCrosstalk() {
        ChannelSpec s = spec();
        Crosstalk xt = new Crosstalk(s);
        double target = Math.pow(10, s.fiber().crosstalkDb() / 10); // −30 dB = 1e-3
        double input = Math.pow(10, s.optics().inputCrosstalkDb() / 10); // −30 dB input spill, added on top
        double lRef = s.fiber().crosstalkReferenceLengthMeters();
        // κ is bisected to 1e-15 relative, and the coupling is linear in κ at small κL: 1e-9 relative is loose
        assertThat(xt.coupling(1, 0, lRef) - input).isCloseTo(target, within(target * 1e-9));
        assertThat(xt.coupling(0, -1, lRef) - input).isCloseTo(target, within(target * 1e-9));
        // at zero length only the input spill is there
        assertThat(xt.coupling(1, 0, 0)).isCloseTo(input, within(input * 1e-12));
        assertThat(xt.coupling(1, 1, 0)).isCloseTo(0, within(1e-300));

        // with a negligible input spill the total nearest coupling is fiber.crosstalk itself (1e-10 on 1e-3)
        Crosstalk fibreOnly = new Crosstalk(spec("optics.inputCrosstalk", "-100 dB"));
        assertThat(fibreOnly.coupling(1, 0, lRef)).isCloseTo(target, within(target * 1e-6));
    }

    @ParameterizedTest(name = "fiber.crosstalk = {0}")
    @ValueSource(strings = {"-40 dB", "-20 dB", "-15 dB", "-12 dB"})
    void referenceCouplingIsMetAcrossTheAllowedRange(String crosstalk) {
        ChannelSpec s = spec("fiber.crosstalk", crosstalk, "optics.inputCrosstalk", "-100 dB");
        Crosstalk xt = new Crosstalk(s);
        double target = Math.pow(10, s.fiber().crosstalkDb() / 10);
        double input = 1e-10; // the −100 dB input spill, added on top of the fibre coupling
        // κ is bisected to 1e-15 relative; 1e-9 relative is loose and still catches a wrong root
        assertThat(xt.coupling(1, 0, s.fiber().crosstalkReferenceLengthMeters()) - input)
                .isCloseTo(target, within(target * 1e-9));
    }

    @ParameterizedTest(name = "fiber.crosstalk = {0}")
    @ValueSource(strings = {"-11.7 dB", "-11 dB", "-10 dB"})
    void referenceCouplingIsMetForStrongCrosstalk(String crosstalk) {
        ChannelSpec s = spec("fiber.crosstalk", crosstalk, "optics.inputCrosstalk", "-100 dB");
        Crosstalk xt = new Crosstalk(s);
        double target = Math.pow(10, s.fiber().crosstalkDb() / 10);
        // as in the passing cases above (the 1e-10 input spill is 1e-9 of a ≥ 0.07 target)
        assertThat(xt.coupling(1, 0, s.fiber().crosstalkReferenceLengthMeters())).isCloseTo(target, within(target * 1e-6));
        assertThat(xt.retained(s.fiber().lengthMeters())).isFinite();
    }

    @Test
    void couplingIsNearlyLinearInLengthWhileSmall() {
        // e^{−2x} I_1(x) I_0(x) ≈ x/2·(1 − 2x + …): at −30 dB per 10 m, x(10 m) ≈ 2e-3, so doubling the length
        // doubles the fibre coupling to within ~2x = 0.4 %
        Crosstalk xt = new Crosstalk(spec("optics.inputCrosstalk", "-100 dB"));
        double c10 = xt.coupling(1, 0, 10);
        double c20 = xt.coupling(1, 0, 20);
        assertThat(c20 / c10).isCloseTo(2.0, within(0.01));
    }

    @Test
    void edgeAndCornerChannelsHaveFewerInterferers() {
        ChannelSpec s = spec();
        Crosstalk xt = new Crosstalk(s);
        int rows = s.rows();
        int cols = s.cols();
        double L = s.fiber().lengthMeters();
        List<Crosstalk.Interferer> interior = xt.interferers(rows / 2, cols / 2, rows, cols, L);
        List<Crosstalk.Interferer> edge = xt.interferers(0, cols / 2, rows, cols, L);
        List<Crosstalk.Interferer> corner = xt.interferers(0, 0, rows, cols, L);
        List<Crosstalk.Interferer> farCorner = xt.interferers(rows - 1, cols - 1, rows, cols, L);
        // radius 2 (Chebyshev) and every coupling above the 1e-12 cut at 50 m (the weakest, (2,2), is ~1e-10):
        // 5×5−1 = 24 inside, 3×5−1 = 14 on an edge, 3×3−1 = 8 in a corner
        assertThat(interior).hasSize(24);
        assertThat(edge).hasSize(14);
        assertThat(corner).hasSize(8);
        assertThat(farCorner).hasSize(8);
        double sumInterior = interior.stream().mapToDouble(Crosstalk.Interferer::coupling).sum();
        double sumEdge = edge.stream().mapToDouble(Crosstalk.Interferer::coupling).sum();
        double sumCorner = corner.stream().mapToDouble(Crosstalk.Interferer::coupling).sum();
        assertThat(sumCorner).isLessThan(sumEdge);
        assertThat(sumEdge).isLessThan(sumInterior);
        for (Crosstalk.Interferer i : corner) {
            assertThat(i.row()).isBetween(0, 2);
            assertThat(i.col()).isBetween(0, 2);
        }
    }

    @Test
    void singleRowArrayHasOnlyInRowInterferers() {
        Crosstalk xt = new Crosstalk(spec());
        List<Crosstalk.Interferer> list = xt.interferers(0, 5, 1, 10, 50);
        assertThat(list).hasSize(4).allSatisfy(i -> assertThat(i.row()).isZero());
    }
}
