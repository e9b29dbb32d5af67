package org.mosaic.cluster.training.goodput;

/**
 * Closed forms for checkpoint intervals and the goodput they give, the analytic side of {@link CampaignSimulator}.
 * Notation: δ the blocking save, M the mean time between (unplanned) failures of the job, R the recovery
 * (restart) time, T the computation between checkpoints. Sources: [young-1974], [daly-2006], [nvidia-checkpoint-2024], the worked example of [changlan-checkpointing] and.
 *
 * <ul>
 *   <li>Young (1974): T* = sqrt(2δM).</li>
 *   <li>Daly (2006): T* = sqrt(2δM)·[1 + (1/3)·sqrt(δ/2M) + (1/9)·(δ/2M)] − δ for δ &lt; 2M, else T* = M.</li>
 *   <li>NVIDIA (Saxena et al. 2024), availability-optimal: T* = δ + sqrt(2(M + R)δ + δ²).</li>
 *   <li>changlan.org: steps between checkpoints n* = sqrt(2(M + MTTR)·δ) / t_step.</li>
 *   <li>First-order waste: W ≈ δ/T + T/(2M) + R/M (ETTR ≈ 1 − W; ignores failures during restarts and saves).</li>
 * </ul>
 *
 * <p><b>Renewal model</b> (exact for the simulator's rules when replacement waits are zero). Failures of cause c
 * arrive as independent Poisson processes of rate λ_c in wall-clock time, λ = Σ λ_c, p_c = λ_c/λ. After a failure
 * of cause c the job needs r_c = detection_c + replacement wait_c + R of undisturbed time to be computing again; a
 * failure during that time starts the recovery over with the new cause's r. Let G_c be the expected time from a
 * failure of cause c until the job computes again, and Ḡ = Σ p_c G_c. With X ~ Exp(λ) the time to the next failure,
 * G_c = E[min(X, r_c)] + P(X &lt; r_c)·Ḡ = (1 − e^{−λr_c})/λ + (1 − e^{−λr_c})·Ḡ, so with
 * q = Σ p_c (1 − e^{−λr_c}) (the chance a recovery is interrupted)
 * <pre>  Ḡ = q / (λ (1 − q))        (one cause: Ḡ = (e^{λr} − 1)/λ)</pre>
 * A segment is τ = T + δ of undisturbed time (compute, then save; a failure before the save ends loses both). The
 * number of failed attempts before a clean one is geometric with mean e^{λτ} − 1; a failed attempt lasts
 * E[X | X &lt; τ] and is followed by a recovery of mean Ḡ (the failure's cause is independent of its time). Using
 * (e^{λτ} − 1)·E[X | X &lt; τ] = (e^{λτ} − 1)/λ − τ, the expected wall time per committed segment is
 * <pre>  E(secondary) = (e^{λ(T+δ)} − 1)·(1/λ + Ḡ)       (one cause: (e^{λ(T+δ)} − 1)·M·e^{λr})</pre>
 * and by the renewal-reward theorem ETTR = T / E(secondary) in the long run. The T that maximises it solves
 * λT·e^{λ(T+δ)} = e^{λ(T+δ)} − 1, which does not depend on the recovery; Daly's expansion approximates that root
 * (relative error 4e-6 at δ = 60 s, M = 11,140 s). Planned stops are outside this model.
 */
public final class Checkpointing {
    private Checkpointing() {
    }

    /** Young's interval sqrt(2δM) (s). */
    public static double youngIntervalSeconds(double saveSeconds, double mtbfSeconds) {
        checkSaveAndMtbf(saveSeconds, mtbfSeconds);
        return Math.sqrt(2 * saveSeconds * mtbfSeconds);
    }

    /** Daly's higher-order interval (s): the compute time between checkpoints; M itself when δ ≥ 2M. */
    public static double dalyIntervalSeconds(double saveSeconds, double mtbfSeconds) {
        checkSaveAndMtbf(saveSeconds, mtbfSeconds);
        if (saveSeconds >= 2 * mtbfSeconds) {
            return mtbfSeconds;
        }
        double x = saveSeconds / (2 * mtbfSeconds);
        return Math.sqrt(2 * saveSeconds * mtbfSeconds) * (1 + Math.sqrt(x) / 3 + x / 9) - saveSeconds;
    }

    /** The availability-optimal interval δ + sqrt(2(M + R)δ + δ²) of Saxena et al. (s). */
    public static double availabilityOptimalIntervalSeconds(double saveSeconds, double mtbfSeconds, double recoverySeconds) {
        checkSaveAndMtbf(saveSeconds, mtbfSeconds);
        Require.nonNegative("recovery time", recoverySeconds, "seconds from a failure until the job computes again, e.g. 600");
        return saveSeconds + Math.sqrt(2 * (mtbfSeconds + recoverySeconds) * saveSeconds + saveSeconds * saveSeconds);
    }

    /** Training steps between checkpoints, sqrt(2(M + MTTR)·δ) / t_step (changlan.org), not rounded. */
    public static double stepsPerCheckpoint(double saveSeconds, double mtbfSeconds, double mttrSeconds, double stepSeconds) {
        checkSaveAndMtbf(saveSeconds, mtbfSeconds);
        Require.nonNegative("MTTR", mttrSeconds, "mean time to recover (s), e.g. 600");
        Require.positive("step time", stepSeconds, "seconds per training step, e.g. 15");
        return Math.sqrt(2 * (mtbfSeconds + mttrSeconds) * saveSeconds) / stepSeconds;
    }

    /** First-order waste fraction δ/T + T/(2M) + R/M (ETTR ≈ 1 − W). */
    public static double firstOrderWaste(double intervalSeconds, double saveSeconds, double mtbfSeconds, double recoverySeconds) {
        Require.positive("checkpoint interval", intervalSeconds, "seconds of computation between checkpoints");
        Require.nonNegative("checkpoint save time", saveSeconds, "seconds");
        Require.positive("MTBF", mtbfSeconds, "mean time between failures (s), e.g. 11140");
        Require.nonNegative("recovery time", recoverySeconds, "seconds");
        return saveSeconds / intervalSeconds + intervalSeconds / (2 * mtbfSeconds) + recoverySeconds / mtbfSeconds;
    }

    /**
     * Ḡ, the expected time from a failure until the job computes again when a failure during recovery restarts it
     * with the new cause's recovery (s). {@code ratesPerSecond[c]} and {@code recoverySeconds[c]} describe cause c.
     * 0 when nothing fails.
     */
    public static double meanRecoverySeconds(double[] ratesPerSecond, double[] recoverySeconds) {
        if (ratesPerSecond.length != recoverySeconds.length) {
            throw new IllegalArgumentException("rates for " + ratesPerSecond.length + " causes but recovery times for "
                    + recoverySeconds.length + " — expected one of each per cause");
        }
        double lambda = 0;
        for (int c = 0; c < ratesPerSecond.length; c++) {
            lambda += Require.nonNegative("failure rate of cause " + c, ratesPerSecond[c], "per second");
            Require.nonNegative("recovery time of cause " + c, recoverySeconds[c], "seconds");
        }
        if (lambda == 0) {
            return 0;
        }
        double interrupted = 0; // λ q
        double clean = 0;       // λ (1 − q)
        for (int c = 0; c < ratesPerSecond.length; c++) {
            double x = lambda * recoverySeconds[c];
            interrupted += ratesPerSecond[c] * -Math.expm1(-x);
            clean += ratesPerSecond[c] * Math.exp(-x);
        }
        if (clean == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return interrupted / (lambda * clean);
    }

    /** Ḡ for the unplanned causes of a job: r_c = detection + replacement wait + restart. */
    public static double meanRecoverySeconds(FailureCauses causes, double restartSeconds, boolean hotSpares) {
        Require.nonNegative("restart time", restartSeconds, "seconds");
        FailureCauses u = causes.unplanned();
        double[] rates = new double[u.causes().size()];
        double[] recovery = new double[rates.length];
        for (int c = 0; c < rates.length; c++) {
            FailureCause f = u.causes().get(c);
            rates[c] = f.ratePerSecond();
            recovery[c] = f.recovery().downtimeBeforeRestartSeconds(hotSpares) + restartSeconds;
        }
        return meanRecoverySeconds(rates, recovery);
    }

    /** E(secondary) = (e^{λ(T+δ)} − 1)(1/λ + Ḡ), the expected wall time to commit one checkpoint segment (s); T + δ if λ = 0. */
    public static double expectedSegmentSeconds(double intervalSeconds, double saveSeconds, double failureRatePerSecond,
                                                double meanRecoverySeconds) {
        Require.positive("checkpoint interval", intervalSeconds, "seconds of computation between checkpoints");
        Require.nonNegative("checkpoint save time", saveSeconds, "seconds");
        Require.nonNegative("failure rate", failureRatePerSecond, "per second");
        if (!(meanRecoverySeconds >= 0)) {
            throw new IllegalArgumentException("mean recovery " + meanRecoverySeconds + " s — expected a value >= 0 (from meanRecoverySeconds)");
        }
        double tau = intervalSeconds + saveSeconds;
        if (failureRatePerSecond == 0) {
            return tau;
        }
        return Math.expm1(failureRatePerSecond * tau) * (1 / failureRatePerSecond + meanRecoverySeconds);
    }

    /** The long-run ETTR T / E(secondary) of the renewal model. */
    public static double renewalEttr(double intervalSeconds, double saveSeconds, double failureRatePerSecond, double meanRecoverySeconds) {
        return intervalSeconds / expectedSegmentSeconds(intervalSeconds, saveSeconds, failureRatePerSecond, meanRecoverySeconds);
    }

    /**
     * The long-run ETTR of the renewal model for a job's causes and plan. Planned causes are outside the model and
     * must be removed first ({@link FailureCauses#unplanned()}). Replacement waits are taken at their full length
     * after every failure; the simulator lets an earlier part's replacement run on through later failures, so with
     * waits &gt; 0 this is an approximation — fair while failures during a wait are rare (λ·wait ≪ 1), far too
     * optimistic when they are not (Llama 3 without spares, 8 h repairs at a 3.1 h MTBI: 0.20 here, about 0.10
     * simulated).
     */
    public static double renewalEttr(FailureCauses causes, CheckpointPlan plan, boolean hotSpares) {
        Require.present("failure causes", causes, "e.g. CampaignDocument.standard().causes(16384)");
        Require.present("checkpoint plan", plan, "e.g. CampaignDocument.standard().checkpoint()");
        if (causes.plannedRatePerHour() > 0) {
            throw new IllegalArgumentException("planned causes " + causes.causes().stream().filter(FailureCause::planned)
                    .map(FailureCause::name).toList() + " — expected none: the renewal model covers unplanned failures only"
                    + " (hint: pass causes.unplanned() and compare with a simulation without them)");
        }
        double lambda = causes.unplannedRatePerHour() / 3600.0;
        double g = meanRecoverySeconds(causes, plan.restartSeconds(), hotSpares);
        return renewalEttr(plan.intervalSeconds(), plan.saveSeconds(), lambda, g);
    }

    private static void checkSaveAndMtbf(double saveSeconds, double mtbfSeconds) {
        Require.positive("checkpoint save time", saveSeconds, "seconds the job blocks to save; with free saves checkpoint every step");
        Require.positive("MTBF", mtbfSeconds, "mean time between failures of the job (s), e.g. 11140 for Llama 3's 3.09 h");
    }
}
