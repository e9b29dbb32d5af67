package org.mosaic.cluster.training;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Why a plan beats a published run: when a plan's MFU exceeds the matching published run ({@link PublishedRuns}) by
 * {@link #THRESHOLD_POINTS} or more, the plan is evaluated again with each optimistic overlap of the step model
 * ({@link StepModel.Overlap}) turned off in turn, and with all of them off. An overlap <i>accounts for</i> the gap when
 * turning it off alone brings the plan within the threshold of the published MFU; when none does alone but all
 * together do, they account for it together; when even that is not enough, the rest of the gap lies outside the
 * overlaps (kernel efficiencies, what the published run did not use or did not report).
 *
 * @param published        the published run's label, e.g. "Llama 3 405B on 16,384 H100 (Meta 2024)"
 * @param publishedMfu     its MFU
 * @param mfu              the plan's MFU with every overlap assumed
 * @param mfuWithout       overlap word (cp-overlap, dp-overlap) → the plan's MFU with that overlap off (only overlaps the plan uses)
 * @param mfuWithoutAll    the plan's MFU with every overlap it uses off
 * @param accountedBy      the overlap words that account for the gap (see above), possibly all of them together, or empty
 * @param explanation      one sentence for tables and reports
 */
public record OverlapGap(String published, double publishedMfu, double mfu, Map<String, Double> mfuWithout, double mfuWithoutAll,
                         List<String> accountedBy, String explanation) {
    /** A plan this many MFU points above the published run must say which assumption makes it so. */
    public static final double THRESHOLD_POINTS = 10;

    public OverlapGap {
        mfuWithout = Map.copyOf(new LinkedHashMap<>(mfuWithout));
        accountedBy = List.copyOf(accountedBy);
    }

    /**
     * The gap of {@code best} against the published run matching {@code model} on {@code system}, when there is one and
     * the plan (at the run's global batch) beats it by at least {@link #THRESHOLD_POINTS}; empty otherwise.
     */
    public static Optional<OverlapGap> of(ModelSpec model, StepResult best, TrainingSystem system, double[] stragglers) {
        Optional<PublishedRuns.Llama> run = PublishedRuns.matching(model, system);
        if (run.isEmpty() || best.plan().globalBatch() != PublishedRuns.LLAMA_BATCH
                || 100 * (best.mfu() - run.get().publishedMfu()) < THRESHOLD_POINTS) {
            return Optional.empty();
        }
        return Optional.of(explain(model, best, system, stragglers, run.get().label(), run.get().publishedMfu()));
    }

    /** The gap of {@code best} against a published MFU, computed whatever its size. */
    public static OverlapGap explain(ModelSpec model, StepResult best, TrainingSystem system, double[] stragglers, String published,
                                     double publishedMfu) {
        ParallelPlan p = best.plan();
        Set<StepModel.Overlap> used = EnumSet.noneOf(StepModel.Overlap.class);
        if (p.cp() > 1) {
            used.add(StepModel.Overlap.CP_RING);
        }
        if ((long) p.dp() * p.cp() > 1) {
            used.add(StepModel.Overlap.DP_GRADIENTS);
        }
        double limit = publishedMfu + THRESHOLD_POINTS / 100;
        Map<String, Double> without = new LinkedHashMap<>();
        List<String> alone = new ArrayList<>();
        for (StepModel.Overlap o : used) {
            double mfu = StepModel.evaluateWithout(model, p, system, stragglers, EnumSet.of(o)).mfu();
            without.put(o.word(), mfu);
            if (mfu < limit) {
                alone.add(o.word());
            }
        }
        double all = used.isEmpty() ? best.mfu() : StepModel.evaluateWithout(model, p, system, stragglers, used).mfu();
        List<String> accounted;
        String why;
        String head = String.format(Locale.ROOT, "%s reaches MFU %s against %s's published %s (+%.1f points)", p.label(), pct(best.mfu()),
                published, pct(publishedMfu), 100 * (best.mfu() - publishedMfu));
        StringBuilder each = new StringBuilder();
        for (StepModel.Overlap o : used) {
            each.append(each.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "without the %s (%s): %s", o.label(), o.word(),
                    pct(without.get(o.word()))));
        }
        if (!alone.isEmpty()) {
            accounted = alone;
            why = "the assumed " + String.join(" and ", alone) + " account" + (alone.size() == 1 ? "s" : "") + " for the gap";
        } else if (used.size() > 1 && all < limit) {
            accounted = used.stream().map(StepModel.Overlap::word).toList();
            why = "the assumed overlaps account for the gap together (all off: " + pct(all) + ")";
        } else {
            accounted = List.of();
            why = used.isEmpty() ? "the plan assumes no overlap; the gap lies in the compute model (kernel efficiencies) or in what the "
                    + "published run did not use"
                    : String.format(Locale.ROOT, "the overlaps explain %.1f of the %.1f points (all off: %s); the rest lies in the compute model "
                            + "(kernel efficiencies) or in what the published run did not use", 100 * (best.mfu() - all),
                    100 * (best.mfu() - publishedMfu), pct(all));
        }
        String explanation = head + (each.length() == 0 ? "" : "; " + each) + ": " + why + ".";
        return new OverlapGap(published, publishedMfu, best.mfu(), without, all, accounted, explanation);
    }

    private static String pct(double x) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * x);
    }
}
