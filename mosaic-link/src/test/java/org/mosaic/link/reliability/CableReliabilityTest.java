package org.mosaic.link.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/** The analytic cable model against closed forms and an independent exact binomial. */
class CableReliabilityTest {
    private static final double REF = Arrhenius.kelvin(70);
    private static final double LIFE = 43800;

    private static Component c(String name, double fit) {
        return Component.constant(name, fit, REF, 0.7);
    }

    private static Part p(String name, double fit) {
        return Part.of(c(name, fit), REF);
    }

    /** 16 data + 2 parity + {@code spares} per direction, two directions, 5 FIT per channel, 305 FIT common. */
    private static CableReliabilitySpec small(int spares, double channelFit, double lifeHours) {
        return CableReliabilitySpec.of(16, 2, spares, 2,
                List.of(p("LED", 0.6 * channelFit), p("TIA", 0.4 * channelFit)),
                List.of(p("gearbox", 100), p("SerDes", 50)), List.of(p("fibre", 5)), lifeHours);
    }

    private static void assertRelative(double actual, double expected, double rel) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * rel));
    }

    @Test
    void withoutSparesEverythingIsASeriesOfConstantsAndRIsExponential() {
        ReliabilityResult r = CableReliability.evaluate(small(0, 5, LIFE));
        double fit = 2 * 150 + 5 + 2 * 18 * 5; // 485 FIT
        for (ReliabilityResult.CurvePoint pt : r.curve()) {
            assertRelative(pt.reliability(), Math.exp(-fit * 1e-9 * pt.timeHours()), 1e-13);
            assertRelative(pt.reliabilityWithoutSpares(), pt.reliability(), 1e-15);
        }
        assertRelative(r.linkFit(), fit, 1e-12);
        assertRelative(r.withSpares().perEndFit(), fit / 2, 1e-12);
        assertRelative(r.mttfHours(), 1e9 / fit, 1e-12);
        assertRelative(r.afrPerCable(), FitConversions.afr(fit), 1e-12);
        assertRelative(r.afrPerEnd(), FitConversions.afr(fit / 2), 1e-12);
        assertRelative(r.withSpares().afrFirstYearPerCable(), FitConversions.afr(fit), 1e-12);
        assertRelative(r.reliabilityAtServiceLife(), Math.exp(-fit * 1e-9 * LIFE), 1e-13);
    }

    @Test
    void withSparesMatchesTheExactBinomialAtAcceleratedHazards() {
        // 16250 FIT per channel over 1e4 h: p ≈ 0.15, so the groups really fail (R_dir ≈ 0.7)
        double life = 1e4;
        CableReliabilitySpec spec = small(4, 16250, life).withCurvePoints(11);
        ReliabilityResult r = CableReliability.evaluate(spec);
        for (ReliabilityResult.CurvePoint pt : r.curve()) {
            double t = pt.timeHours();
            double pc = -Math.expm1(-16250e-9 * t);
            double dir = pt.timeHours() == 0 ? 1 : ExactBinomial.reliability(22, 18, pc).doubleValue();
            double expected = Math.exp(-305e-9 * t) * dir * dir;
            assertRelative(pt.reliability(), expected, 1e-9);
            assertThat(pt.exhaustionProbability()).isCloseTo(1 - dir * dir, within(1e-12));
        }
        assertThat(r.reliabilityAtServiceLife()).isBetween(0.3, 0.7);
    }

    @Test
    void channelsBeyondSparesContributeTheExactTinyTail() {
        // MOSAIC-like: 460 channels, 440 needed, 1 FIT per channel, 5 years: p = 4.3799e-5 per channel
        CableReliabilitySpec spec = ReliabilityDefaults.mosaic(400, 40, 20, 1.0, ReliabilityDefaults.OPERATING_KELVIN, LIFE);
        ReliabilityResult r = CableReliability.evaluate(spec);
        double pc = -Math.expm1(-1e-9 * LIFE);
        assertRelative(pc, 4.379904e-5, 1e-6);
        BigDecimal fail = ExactBinomial.failure(460, 440, pc);
        double expectedFit = -2 * Math.log1p(-fail.doubleValue()) / LIFE * 1e9;
        ReliabilityResult.Contribution groups = r.breakdown().get(r.breakdown().size() - 1);
        assertThat(groups.name()).isEqualTo("channels beyond spares");
        assertThat(groups.count()).isEqualTo(920);
        assertRelative(groups.averagedFit(), expectedFit, 1e-9);
        assertThat(groups.averagedFit()).isLessThan(1e-40);
        assertRelative(r.exhaustion().probabilityWithinServiceLife(), -Math.expm1(2 * Math.log1p(-fail.doubleValue())), 1e-9);
    }

    @Test
    void breakdownsAddUpToTheLinkFit() {
        for (CableReliabilitySpec spec : List.of(small(4, 16250, 1e4), small(2, 5, LIFE),
                ReliabilityDefaults.mosaic(400, 40, 20, 1.0, Arrhenius.kelvin(85), LIFE))) {
            ReliabilityResult r = CableReliability.evaluate(spec);
            assertRelative(r.breakdown().stream().mapToDouble(ReliabilityResult.Contribution::averagedFit).sum(), r.linkFit(), 1e-12);
            assertRelative(r.breakdownWithoutSpares().stream().mapToDouble(ReliabilityResult.Contribution::averagedFit).sum(),
                    r.withoutSpares().linkFit(), 1e-12);
            assertRelative(r.breakdown().stream().mapToDouble(ReliabilityResult.Contribution::share).sum(), 1, 1e-12);
            assertRelative(r.afrPerCable(), FitConversions.afr(r.linkFit()), 1e-12);
        }
    }

    @Test
    void mosaicDefaultsAreASeriesSumWithoutSparesAndCommonModeWithThem() {
        ReliabilityResult r = CableReliability.evaluate(
                ReliabilityDefaults.mosaic(400, 40, 20, 1.0, ReliabilityDefaults.OPERATING_KELVIN, LIFE));
        // 2 ends × (100 + 50 + 30 + 30 + 10) + 5 + 2 directions × 440 channels × 1 FIT = 1325 FIT
        assertRelative(r.withoutSpares().linkFit(), 1325, 1e-12);
        assertRelative(r.linkFit(), 445, 1e-12);
        assertRelative(r.commonModeFit(), 445, 1e-12);
        assertThat(r.commonModeShare()).isCloseTo(1, within(1e-12));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("Common-mode parts cause"));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("The MTTF"));
        assertThat(r.withSpares().mttfMethod()).isEqualTo("markov");
    }

    @Test
    void arrheniusAcceleratesEachPartByItsOwnActivationEnergy() {
        double hot = Arrhenius.kelvin(85);
        ReliabilityResult r = CableReliability.evaluate(ReliabilityDefaults.mosaic(400, 40, 0, 1.0, hot, LIFE));
        double ref = ReliabilityDefaults.REFERENCE_KELVIN;
        double si = Arrhenius.factor(0.7, ref, hot); // 2.6951 (ArrheniusTest)
        double led = Arrhenius.factor(0.5, ref, hot); // 2.0303
        double perEnd = (100 + 50 + 30 + 30) * si + 10;
        double channel = 0.3125 * led + 0.3125 * si + 0.15 * led + 0.225 * si;
        assertRelative(r.linkFit(), 2 * perEnd + 5 + 2 * 440 * channel, 1e-12);
    }

    @Test
    void markovMttfMatchesClosedForms() {
        double fit = 1000;
        double lambda = fit * 1e-9;
        List<Part> none = List.of();
        // 1-out-of-2 hot standby: 3/(2λ)
        CableReliabilitySpec hotStandby = CableReliabilitySpec.of(1, 0, 1, 1, List.of(p("ch", fit)), none, none, LIFE);
        assertRelative(CableReliability.evaluate(hotStandby).mttfHours(), 1.5 / lambda, 1e-13);
        // two directions of 1-out-of-2: ∫(2e^−λt − e^−2λt)² dt = (2 − 4/3 + 1/4)/λ = 11/(12λ)
        CableReliabilitySpec duplex = CableReliabilitySpec.of(1, 0, 1, 2, List.of(p("ch", fit)), none, none, LIFE);
        assertRelative(CableReliability.evaluate(duplex).mttfHours(), 11 / (12 * lambda), 1e-13);
        // 1-out-of-2 with a common part μ in series: 2/(λ+μ) − 1/(2λ+μ)
        double mu = 300e-9;
        CableReliabilitySpec withCommon = CableReliabilitySpec.of(1, 0, 1, 1, List.of(p("ch", fit)), none,
                List.of(p("fibre", 300)), LIFE);
        assertRelative(CableReliability.evaluate(withCommon).mttfHours(), 2 / (lambda + mu) - 1 / (2 * lambda + mu), 1e-13);
        // 20-out-of-24: Σ_{i=20..24} 1/(iλ)
        CableReliabilitySpec kOfN = CableReliabilitySpec.of(20, 0, 4, 1, List.of(p("ch", fit)), none, none, LIFE);
        double sum = 0;
        for (int i = 20; i <= 24; i++) {
            sum += 1 / (i * lambda);
        }
        assertRelative(CableReliability.evaluate(kOfN).mttfHours(), sum, 1e-13);
        // without spares: a series of constants, 1/Σλ
        ReliabilityResult series = CableReliability.evaluate(small(3, 5, LIFE));
        assertRelative(series.withoutSpares().mttfHours(), 1 / ((2 * 150 + 5 + 2 * 18 * 5) * 1e-9), 1e-13);
    }

    @Test
    void quadratureAgreesWithTheMarkovChain() {
        for (CableReliabilitySpec spec : List.of(small(4, 16250, 1e4), small(2, 200, LIFE),
                ReliabilityDefaults.mosaic(400, 40, 20, 1.0, ReliabilityDefaults.OPERATING_KELVIN, LIFE),
                ReliabilityDefaults.mosaic(400, 40, 20, 1.0, ReliabilityDefaults.OPERATING_KELVIN, LIFE).withoutSpares())) {
            CableReliability m = CableReliability.model(spec);
            double markov = CableReliability.evaluate(spec).mttfHours();
            double quad = CableReliability.mttfByQuadrature(t -> m.logReliability(t, true), spec.serviceLifeHours());
            assertRelative(quad, markov, 1e-9);
            // a different start (and so a different panelling) gives the same integral: converged
            double quad2 = CableReliability.mttfByQuadrature(t -> m.logReliability(t, true), 37 * spec.serviceLifeHours());
            assertRelative(quad2, markov, 1e-9);
        }
    }

    @Test
    void wearOutMttfMatchesWeibullAndLognormalMeans() {
        List<Part> idleChannel = List.of(p("ch", 0));
        Component weibull = new Component("wear", 0, REF, 0.7, new WearOut.Weibull(2, 1e5));
        ReliabilityResult w = CableReliability.evaluate(CableReliabilitySpec.of(1, 0, 0, 1, idleChannel, List.of(),
                List.of(Part.of(weibull, REF)), LIFE));
        assertThat(w.withSpares().mttfMethod()).isEqualTo("quadrature");
        assertRelative(w.mttfHours(), 1e5 * Gamma.gamma(1.5), 1e-9); // η Γ(1 + 1/β) = 88622.69
        Component lognormal = new Component("wear", 0, REF, 0.7, new WearOut.Lognormal(5e4, 0.7));
        ReliabilityResult l = CableReliability.evaluate(CableReliabilitySpec.of(1, 0, 0, 1, idleChannel, List.of(),
                List.of(Part.of(lognormal, REF)), LIFE));
        assertRelative(l.mttfHours(), 5e4 * Math.exp(0.49 / 2), 1e-9);
        assertRelative(l.mttfCommonModeOnlyHours(), 5e4 * Math.exp(0.49 / 2), 1e-9);
        // accelerated to 100 °C, the life shrinks by AF
        double hot = Arrhenius.kelvin(100);
        ReliabilityResult lh = CableReliability.evaluate(CableReliabilitySpec.of(1, 0, 0, 1, idleChannel, List.of(),
                List.of(Part.of(lognormal, hot)), LIFE));
        assertRelative(lh.mttfHours(), 5e4 * Math.exp(0.49 / 2) / Arrhenius.factor(0.7, REF, hot), 1e-9);
    }

    @Test
    void exhaustionQuantilesInvertTheBinomial() {
        double fit = 16250;
        ReliabilityResult r = CableReliability.evaluate(small(4, fit, 1e4));
        for (ReliabilityResult.Quantile q : r.exhaustion().quantiles()) {
            double pc = -Math.expm1(-fit * 1e-9 * q.timeHours());
            double dir = ExactBinomial.reliability(22, 18, pc).doubleValue();
            assertRelative(1 - dir * dir, q.probability(), 1e-9);
        }
        assertThat(r.exhaustion().quantiles()).extracting(ReliabilityResult.Quantile::probability).containsExactly(0.01, 0.1, 0.5);
        List<ReliabilityResult.CdfPoint> cdf = r.exhaustion().cdf();
        assertThat(cdf.get(0).probability()).isCloseTo(CableReliability.CDF_FROM, within(1e-12));
        assertThat(cdf.get(cdf.size() - 1).probability()).isCloseTo(CableReliability.CDF_TO, within(1e-12));
        for (int i = 1; i < cdf.size(); i++) {
            assertThat(cdf.get(i).probability()).isGreaterThan(cdf.get(i - 1).probability());
        }
        assertThat(r.exhaustion().probabilityWithinServiceLife())
                .isCloseTo(r.curve().get(r.curve().size() - 1).exhaustionProbability(), within(1e-15));
    }

    @Test
    void withoutSparesExhaustionIsTheFirstChannelFailure() {
        // one direction, 30 channels, no spares: the first of 30 exponentials, t_q = −ln(1−q)/(30λ)
        double fit = 2000;
        ReliabilityResult r = CableReliability.evaluate(CableReliabilitySpec.of(30, 0, 0, 1, List.of(p("ch", fit)),
                List.of(), List.of(), LIFE));
        for (ReliabilityResult.Quantile q : r.exhaustion().quantiles()) {
            assertRelative(q.timeHours(), -Math.log1p(-q.probability()) / (30 * fit * 1e-9), 1e-12);
        }
    }

    @Test
    void exhaustionWithWearOutChannels() {
        // LED with a Weibull wear-out at 85 °C: the quantile must satisfy the exact binomial at the channel's H(t)
        double hot = Arrhenius.kelvin(85);
        Component led = new Component("LED", 500, REF, 0.5, new WearOut.Weibull(3, 2e5));
        CableReliabilitySpec spec = CableReliabilitySpec.of(20, 0, 3, 2, List.of(Part.of(led, hot)),
                List.of(p("gearbox", 100)), List.of(), LIFE);
        ReliabilityResult r = CableReliability.evaluate(spec);
        double af = Arrhenius.factor(0.5, REF, hot);
        for (ReliabilityResult.Quantile q : r.exhaustion().quantiles()) {
            double t = q.timeHours();
            double h = 500e-9 * af * t + Math.pow(af * t / 2e5, 3);
            double dir = ExactBinomial.reliability(23, 20, -Math.expm1(-h)).doubleValue();
            assertRelative(1 - dir * dir, q.probability(), 1e-9);
        }
        assertThat(r.withSpares().mttfMethod()).isEqualTo("quadrature");
    }

    @Test
    void channelsThatCannotFailNeverExhaust() {
        ReliabilityResult r = CableReliability.evaluate(CableReliabilitySpec.of(10, 0, 1, 2, List.of(p("ch", 0)),
                List.of(p("gearbox", 100)), List.of(), LIFE));
        assertThat(r.exhaustion().medianHours()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.exhaustion().cdf()).isEmpty();
        assertThat(r.exhaustion().probabilityWithinServiceLife()).isZero();
        assertRelative(r.mttfHours(), 1e9 / 200, 1e-13);
    }

    @Test
    void curveStartsAtOneAndNeverRises() {
        ReliabilityResult r = CableReliability.evaluate(small(4, 16250, 1e4));
        List<ReliabilityResult.CurvePoint> curve = r.curve();
        assertThat(curve).hasSize(CableReliabilitySpec.DEFAULT_CURVE_POINTS);
        assertThat(curve.get(0).reliability()).isEqualTo(1.0);
        assertThat(curve.get(0).exhaustionProbability()).isZero();
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).reliability()).isLessThanOrEqualTo(curve.get(i - 1).reliability());
            assertThat(curve.get(i).reliabilityWithoutSpares()).isLessThanOrEqualTo(curve.get(i).reliability());
        }
        assertThat(curve.get(curve.size() - 1).timeHours()).isEqualTo(1e4);
        assertThat(curve.get(curve.size() - 1).reliability()).isEqualTo(r.reliabilityAtServiceLife());
    }

    @Test
    void sparesHelpAndFirstYearIsBetterThanAverageWithSpares() {
        ReliabilityResult r = CableReliability.evaluate(small(4, 16250, 1e4).withServiceLifeHours(4e4));
        assertThat(r.linkFit()).isLessThan(r.withoutSpares().linkFit());
        assertThat(r.mttfHours()).isGreaterThan(r.withoutSpares().mttfHours());
        // spares make the hazard grow with age: the first-year AFR is below the 4.6-year average
        assertThat(r.withSpares().afrFirstYearPerCable()).isLessThan(r.afrPerCable());
    }

    @Test
    void resultSerialisesToJson() throws Exception {
        ReliabilityResult r = CableReliability.evaluate(
                ReliabilityDefaults.mosaic(400, 40, 20, 1.0, ReliabilityDefaults.OPERATING_KELVIN, LIFE));
        String json = new ObjectMapper().writeValueAsString(r);
        assertThat(json).contains("\"linkFit\"", "\"policy\"", "\"exhaustion\"", "\"breakdown\"", "\"curve\"");
        assertThat(CableReliability.sig(2247188.6395)).isEqualTo("2247000");
        assertThat(CableReliability.sig(1.3509353e-51)).isEqualTo("1.351e-51");
    }

    @Test
    void notesShowFourSignificantDigitsNeverFloatingPointNoise_issue12() {
        assertThat(CableReliability.sig(1.9149999999999998E-52)).isEqualTo("1.915e-52");
        assertThat(CableReliability.sig(2.1049999999999997E8)).isEqualTo("2.105e8");
        assertThat(CableReliability.sig(7.507999999999999E-215)).isEqualTo("7.508e-215");
        assertThat(CableReliability.sig(24030.4)).isEqualTo("24030");
        assertThat(CableReliability.sig(0.5)).isEqualTo("0.5");
    }
}
