package org.mosaic.cluster.training.goodput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The checkpoint closed forms against the published worked examples ([young-1974], [daly-2006], [nvidia-checkpoint-2024]) and
 * the renewal ETTR against values computed independently with mpmath (30 digits) in the comments.
 */
class CheckpointingTest {

    /** Llama 3's MTBI as [young-1974], [daly-2006], [nvidia-checkpoint-2024] rounds it. */
    private static final double M = 11_140;

    @Test
    void youngAndTheFirstOrderWasteReproduceTheWorkedExampleOfSection35() {
        // blocking: δ = 60 s, R = 10 min -> T* ≈ 19 min, W ≈ 16 %
        double blocking = Checkpointing.youngIntervalSeconds(60, M);
        assertThat(blocking).isCloseTo(Math.sqrt(2 * 60 * M), within(1e-9));
        assertThat(blocking / 60).isCloseTo(19, within(0.5)); // 19.27 min; [young-1974], [daly-2006], [nvidia-checkpoint-2024] rounds to minutes
        double wBlocking = Checkpointing.firstOrderWaste(blocking, 60, M, 600);
        assertThat(wBlocking).isCloseTo(0.157648175459925555, within(1e-12)); // mpmath
        assertThat(wBlocking).isCloseTo(0.16, within(0.005));                 // "W ≈ 16 %"
        // async: δ = 10 s, R = 5 min -> T* ≈ 8 min, W ≈ 7 %
        double async = Checkpointing.youngIntervalSeconds(10, M);
        assertThat(async / 60).isCloseTo(8, within(0.5)); // 7.87 min
        double wAsync = Checkpointing.firstOrderWaste(async, 10, M, 300);
        assertThat(wAsync).isCloseTo(0.0693013419073822132, within(1e-12));
        assertThat(wAsync).isCloseTo(0.07, within(0.005));
    }

    @Test
    void theChanglanExampleGivesAbout24StepsPerCheckpoint() {
        // M = 6,000 s, MTTR = 600 s, δ = 10 s, step 15 s -> ~24 steps (changlan.org)
        double n = Checkpointing.stepsPerCheckpoint(10, 6000, 600, 15);
        assertThat(n).isCloseTo(24.2212028327799333, within(1e-12));
        assertThat(Math.round(n)).isEqualTo(24);
    }

    @Test
    void theAvailabilityOptimalIntervalIsTheNvidiaFormulaAndNearYoungWhenTheSaveIsSmall() {
        // δ + sqrt(2(M + R)δ + δ²) at δ = 10, M = 6,000, R = 600: mpmath 373.455636907724957
        assertThat(Checkpointing.availabilityOptimalIntervalSeconds(10, 6000, 600)).isCloseTo(373.455636907724957, within(1e-9));
        // δ ≪ R ≪ M: within a few per cent of Young (the difference is δ + R/M·T*/2 to first order)
        double t = Checkpointing.availabilityOptimalIntervalSeconds(1, 1e7, 100);
        assertThat(t / Checkpointing.youngIntervalSeconds(1, 1e7)).isCloseTo(1, within(3e-3));
    }

    @Test
    void dalyIsTheExactOptimumOfTheRenewalModelToHigherOrder() {
        // the exact optimum solves λT e^{λ(T+δ)} = e^{λ(T+δ)} − 1; mpmath roots:
        // (M, δ) = (11140, 60) -> 1116.55145307997; (11140, 10) -> 465.373955161823; (3600, 600) -> 1699.23089306899
        assertThat(Checkpointing.dalyIntervalSeconds(60, M)).isCloseTo(1116.55145307997, within(1116.55 * 1e-5));
        assertThat(Checkpointing.dalyIntervalSeconds(10, M)).isCloseTo(465.373955161823, within(465.37 * 1e-6));
        // δ/M = 1/6: Daly's expansion is off by 9e-4 relative, Young by 22 %
        assertThat(Checkpointing.dalyIntervalSeconds(600, 3600)).isCloseTo(1699.23089306899, within(1699.2 * 1.5e-3));
        // and the renewal ETTR of this class peaks there: a golden-section search over T finds the same optimum
        double lambda = 1 / M;
        double best = argMax(t -> Checkpointing.renewalEttr(t, 60, lambda, 700), 100, 10_000);
        assertThat(best).isCloseTo(1116.55145307997, within(0.01));
    }

    @Test
    void dalyIsMWhenTheSaveIsAtLeastTwiceTheMtbf() {
        assertThat(Checkpointing.dalyIntervalSeconds(200, 100)).isEqualTo(100);
        assertThat(Checkpointing.dalyIntervalSeconds(199.999, 100)).isGreaterThan(0);
    }

    @Test
    void theRenewalEttrMatchesTheSingleCauseClosedForm() {
        // λ = 1/3600 s, r = 900 s, T = 1200 s, δ = 120 s; mpmath: Ḡ = (e^{λr} − 1)/λ = 1022.49150007586934,
        // E(secondary) = (e^{λ(T+δ)} − 1)(1/λ + Ḡ) = 2047.37945135453245, ETTR = 0.586115094203025279
        double lambda = 1 / 3600.0;
        double g = Checkpointing.meanRecoverySeconds(new double[] {lambda}, new double[] {900});
        assertThat(g).isCloseTo(1022.49150007586934, within(1e-9));
        assertThat(Checkpointing.expectedSegmentSeconds(1200, 120, lambda, g)).isCloseTo(2047.37945135453245, within(1e-9));
        assertThat(Checkpointing.renewalEttr(1200, 120, lambda, g)).isCloseTo(0.586115094203025279, within(1e-14));
    }

    @Test
    void theMixtureRecoveryMatchesTheLinearSystemItComesFrom() {
        // two causes, 0.3/h with r = 60 + 1200 s and 0.2/h with r = 1800 + 1200 s. mpmath solved the linear system
        // G_c = (1 − e^{−λr_c})/λ + (1 − e^{−λr_c}) Σ p_j G_j directly: Ḡ = 2182.69106343579355;
        // with T = 1500 s, δ = 300 s the ETTR is 0.562868100481590311
        FailureCauses causes = FailureCauses.of(FailureCause.unplanned("crash", "X", 0.3, 1, Recovery.restartOnly(60)),
                FailureCause.unplanned("hang", "Y", 0.2, 1, Recovery.restartOnly(1800)));
        assertThat(Checkpointing.meanRecoverySeconds(causes, 1200, true)).isCloseTo(2182.69106343579355, within(1e-9));
        assertThat(Checkpointing.renewalEttr(causes, new CheckpointPlan(1500, 300, 1200), true))
                .isCloseTo(0.562868100481590311, within(1e-14));
        // equal recoveries collapse to the single-cause form
        double g = Checkpointing.meanRecoverySeconds(new double[] {1e-4, 3e-4}, new double[] {500, 500});
        assertThat(g).isCloseTo(Math.expm1(4e-4 * 500) / 4e-4, within(1e-9));
    }

    @Test
    void theRenewalWasteTendsToTheFirstOrderWasteWhenFailuresAreRare() {
        // M = 1e7 s, δ = 10, R = 300, T = Young: 1 − ETTR and W differ by O((T/M)²) + O(R/M · T/M) ≈ 1e-6 relative
        double m = 1e7;
        double t = Checkpointing.youngIntervalSeconds(10, m);
        double g = Checkpointing.meanRecoverySeconds(new double[] {1 / m}, new double[] {300});
        double waste = 1 - Checkpointing.renewalEttr(t, 10, 1 / m, g);
        double w = Checkpointing.firstOrderWaste(t, 10, m, 300);
        assertThat(waste / w).isCloseTo(1, within(2e-3));
    }

    @Test
    void nothingFailsGivesTheSaveOverheadOnly() {
        assertThat(Checkpointing.renewalEttr(900, 100, 0, 0)).isCloseTo(0.9, within(1e-15));
        assertThat(Checkpointing.meanRecoverySeconds(new double[] {0}, new double[] {600})).isZero();
        assertThat(Checkpointing.renewalEttr(FailureCauses.of(), new CheckpointPlan(900, 100, 300), true)).isCloseTo(0.9, within(1e-15));
    }

    /** Golden-section search for the maximum of a unimodal function on [a, b]. */
    private static double argMax(java.util.function.DoubleUnaryOperator f, double a, double b) {
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        while (b - a > 1e-4) {
            if (f.applyAsDouble(c) > f.applyAsDouble(d)) {
                b = d;
            } else {
                a = c;
            }
            c = b - g * (b - a);
            d = a + g * (b - a);
        }
        return (a + b) / 2;
    }
}
