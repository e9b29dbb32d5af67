package org.mosaic.cluster.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.TrainingSystem;

/**
 * Every serving plan of a model on a system: TP over the divisors of the heads, EP over the divisors of the experts (1 for a
 * dense model), PP over 1, 2, 4, … up to the layers, the batch over PP × EP × 2<sup>k</sup> (k = 0…{@value #BATCH_DOUBLINGS})
 * unless fixed; DP fills the job's GPUs unless fixed. A plan is kept when it fits in memory and its time per output token is
 * within the target (when one is given); the kept ones are ranked by output tokens/s per GPU, then by time per output token.
 */
public final class ServingSearch {
    /** Doublings of the smallest batch a plan allows (batch up to 1,024 × PP × EP). */
    public static final int BATCH_DOUBLINGS = 10;

    private ServingSearch() {
    }

    /** Options fixed by the user (null: searched). */
    public record Fixed(Integer tp, Integer pp, Integer ep, Integer dp, Integer batch) {
    }

    /**
     * The search's outcome.
     *
     * @param examined       plans evaluated
     * @param fitting        of those, the ones that fit in memory
     * @param meetingTarget  of those, the ones within the latency target (all fitting ones without a target)
     * @param ranked         the best {@code top}, best first
     * @param fastestFitting the fitting plan with the shortest time per output token (null when none fits)
     */
    public record Result(int examined, int fitting, int meetingTarget, List<ServingResult> ranked, ServingResult fastestFitting) {
    }

    /** The search (see the type); {@code latencyTargetSeconds} null for none. */
    public static Result search(ModelSpec m, TrainingSystem sys, Fixed fixed, int prompt, int output, Double latencyTargetSeconds, int top) {
        return search(m, sys, fixed, prompt, output, latencyTargetSeconds, top, ServingPrecision.BF16);
    }

    /** The search in the given number formats (a numerics choice the search keeps, not one it makes). */
    public static Result search(ModelSpec m, TrainingSystem sys, Fixed fixed, int prompt, int output, Double latencyTargetSeconds, int top,
                                ServingPrecision types) {
        List<ServingResult> kept = new ArrayList<>();
        int examined = 0;
        int fitting = 0;
        ServingResult fastest = null;
        for (int tp : values(fixed.tp(), divisors(m.heads()))) {
            for (int ep : values(fixed.ep(), m.isMoe() ? divisors(m.experts()) : List.of(1))) {
                for (int pp : values(fixed.pp(), powersOfTwoUpTo(m.layers()))) {
                    long replica = (long) tp * ep * pp;
                    if (replica > sys.gpus() || m.experts() % ep != 0 || m.heads() % tp != 0) {
                        continue;
                    }
                    int dp = fixed.dp() != null ? fixed.dp() : (int) Math.min(Integer.MAX_VALUE, sys.gpus() / replica);
                    if (dp < 1 || replica * dp > sys.gpus()) {
                        continue;
                    }
                    List<Integer> batches = new ArrayList<>();
                    if (fixed.batch() != null) {
                        if (fixed.batch() % (pp * ep) == 0) {
                            batches.add(fixed.batch());
                        }
                    } else {
                        for (int k = 0; k <= BATCH_DOUBLINGS; k++) {
                            batches.add(pp * ep << k);
                        }
                    }
                    for (int b : batches) {
                        ServingResult r = ServingModel.evaluate(m, sys, new ServingPlan(tp, pp, ep, dp), b, prompt, output, types);
                        examined++;
                        if (!r.memory().fits()) {
                            continue;
                        }
                        fitting++;
                        if (fastest == null || r.timePerOutputTokenSeconds() < fastest.timePerOutputTokenSeconds()) {
                            fastest = r;
                        }
                        if (latencyTargetSeconds == null || r.timePerOutputTokenSeconds() <= latencyTargetSeconds) {
                            kept.add(r);
                        }
                    }
                }
            }
        }
        kept.sort(Comparator.comparingDouble(ServingResult::gpuTokensPerSecond).reversed()
                .thenComparingDouble(ServingResult::timePerOutputTokenSeconds)
                .thenComparing(r -> r.plan().label()));
        return new Result(examined, fitting, kept.size(), List.copyOf(kept.subList(0, Math.min(top, kept.size()))), fastest);
    }

    private static List<Integer> values(Integer fixed, List<Integer> all) {
        return fixed != null ? List.of(fixed) : all;
    }

    static List<Integer> divisors(int n) {
        List<Integer> out = new ArrayList<>();
        for (int d = 1; d <= n; d++) {
            if (n % d == 0) {
                out.add(d);
            }
        }
        return out;
    }

    static List<Integer> powersOfTwoUpTo(int n) {
        List<Integer> out = new ArrayList<>();
        for (int p = 1; p <= n; p *= 2) {
            out.add(p);
        }
        return out;
    }
}
