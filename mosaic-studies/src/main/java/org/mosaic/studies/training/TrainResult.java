package org.mosaic.studies.training;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.ParallelPlan;
import org.mosaic.cluster.training.PlanSearch;
import org.mosaic.cluster.training.StepModel;
import org.mosaic.cluster.training.StepResult;
import org.mosaic.cluster.training.TpOverlap;
import org.mosaic.cluster.training.TrainingSystem;
import org.mosaic.studies.Metric;

/**
 * The answer of {@link TrainStudy}: the first run's step (its search, its communication), then every run when there are
 * several policies, then the notes on the technologies the runs used.
 *
 * @param first           the first policy's (or the system's) run
 * @param search          the first run's plan search (absent for a fixed plan)
 * @param communication   the first run's communication totals (seconds)
 * @param policies        every run with its search, when more than one policy was asked
 * @param technologyNotes what the user's technologies and catalog added (absent when none)
 * @param runs            every run, in the order asked
 * @param modelFacts      the model's size, for the table's heading
 * @param timeline        the first run's step with its pipeline op by op (when asked for a plot), else null
 * @param pipelineSchedule the first run's step stage by stage, interval by interval (when the timeline is asked), else absent
 */
public record TrainResult(@JsonUnwrapped TrainRun first, @JsonInclude(JsonInclude.Include.NON_NULL) SearchSummary search,
                          @Metric(unit = "s", value = "communication totals") Map<String, Double> communication,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<PolicyRun> policies,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> technologyNotes,
                          @JsonIgnore List<PolicyRun> runs, @JsonIgnore ModelFacts modelFacts, @JsonIgnore StepResult timeline,
                          @JsonInclude(JsonInclude.Include.NON_NULL) PipelineTimeline pipelineSchedule) {

    /** The result without its pipeline schedule's columns. */
    public TrainResult(TrainRun first, SearchSummary search, Map<String, Double> communication, List<PolicyRun> policies,
                       List<String> technologyNotes, List<PolicyRun> runs, ModelFacts modelFacts, StepResult timeline) {
        this(first, search, communication, policies, technologyNotes, runs, modelFacts, timeline,
                timeline == null || timeline.schedule() == null ? null : PipelineTimeline.of(timeline.plan().label(), timeline.schedule()));
    }

    /** One run with its plan search (absent for a fixed plan). */
    public record PolicyRun(@JsonUnwrapped TrainRun run, @JsonInclude(JsonInclude.Include.NON_NULL) SearchSummary search) {
    }

    /**
     * A plan search: shapes evaluated, rejected for memory, cut by the bound, and the fastest plans that fit.
     *
     * @param description the search in one sentence ({@link PlanSearch#describe})
     */
    public record SearchSummary(int evaluated, int rejectedForMemory, int prunedByBound, List<RankedPlan> ranked,
                                OverlapReliance bestPlanTpOverlap, @JsonIgnore String description,
                                @JsonIgnore List<PlanSearch.Examined> examined) {
        static SearchSummary of(PlanSearch.Result r, OverlapReliance reliance, List<PlanSearch.Examined> examined) {
            return new SearchSummary(r.evaluated(), r.rejectedMemory(), r.pruned(),
                    r.ranked().stream().map(s -> new RankedPlan(s.plan().label(), s.stepSeconds(), s.mfu(), s.memory().totalBytes())).toList(),
                    reliance, PlanSearch.describe(r), examined == null ? null : List.copyOf(examined));
        }
    }

    /**
     * Which TP overlap assumption a search's best plan relies on: its mode, whether that mode's exposure form is assumed
     * (ring, pipelined: Transformer Engine's collective matmuls, forms by the Mosaic developers) or measured (backward:
     * Megatron's, Korthikanti et al. 2022 Table 4; none assumes nothing), and for an assumed one the same plan's step under
     * the measured overlap.
     *
     * @param tpOverlap                 the best plan's TP overlap (none, backward, ring, pipelined)
     * @param assumed                   whether the plan's step relies on an unmeasured overlap form
     * @param searchOverlap             the overlaps the search chose from (all, measured; fixed when the user gave one)
     * @param stepWithMeasuredSeconds   the best plan's step with the backward overlap instead (only when assumed)
     * @param explanation               the above in one sentence
     */
    public record OverlapReliance(String tpOverlap, boolean assumed, String searchOverlap,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Double stepWithMeasuredSeconds, String explanation) {
        static OverlapReliance of(StepResult best, ModelSpec m, TrainingSystem system, double[] slow, SearchOverlap scope, TpOverlap given) {
            ParallelPlan p = best.plan();
            String searched = given != null ? "fixed by --tp-overlap" : scope.word();
            if (p.tp() == 1) {
                return new OverlapReliance(p.tpOverlap().word(), false, searched, null, "the best plan has no tensor parallelism, so it relies "
                        + "on no TP overlap");
            }
            if (SearchOverlap.measured(p.tpOverlap())) {
                return new OverlapReliance(p.tpOverlap().word(), false, searched, null, String.format(Locale.ROOT, "the best plan's TP "
                        + "overlap is %s, %s", p.tpOverlap().word(), p.tpOverlap() == TpOverlap.NONE ? "which hides nothing"
                        : "the overlap Megatron ran and measured (Korthikanti et al. 2022 Table 4)"));
            }
            double measured = StepModel.evaluate(m, p.withOverlap(TpOverlap.BACKWARD, p.dpOverlap()), system, slow, false).stepSeconds();
            return new OverlapReliance(p.tpOverlap().word(), true, searched, measured, String.format(Locale.ROOT, "the best plan relies "
                    + "on the %s TP overlap, whose form is assumed (Mosaic developers), not measured: with Megatron's measured backward "
                    + "overlap the same plan takes %.3f s (%+.1f %%)%s", p.tpOverlap().word(), measured,
                    100 * (measured / best.stepSeconds() - 1), given == null ? "; --search-overlap measured ranks the plans under it" : ""));
        }
    }

    /**
     * One plan a search examined ({@code train --search --all}): timed ("fits", with its step, MFU and breakdown) or rejected
     * ("memory": its footprint says why).
     */
    public record ExaminedPlan(@JsonInclude(JsonInclude.Include.NON_NULL) String policy, String outcome, String planLabel, TrainRun.Plan plan,
                               Double stepSeconds, Double mfu, Map<String, Double> breakdown, TrainRun.Memory memory) {
    }

    /** Every plan the searches examined, policy by policy, in the order examined (empty unless the input asked for them). */
    @JsonIgnore
    public List<ExaminedPlan> examinedPlans() {
        List<ExaminedPlan> out = new java.util.ArrayList<>();
        for (PolicyRun r : runs) {
            if (r.search() == null || r.search().examined() == null) {
                continue;
            }
            for (PlanSearch.Examined e : r.search().examined()) {
                StepResult s = e.step();
                out.add(new ExaminedPlan(r.run().policy(), e.outcome(), e.plan().label(), TrainRun.Plan.of(e.plan()),
                        s == null ? null : s.stepSeconds(), s == null ? null : s.mfu(), s == null ? null : s.breakdown(),
                        TrainRun.Memory.of(e.memory())));
            }
        }
        return out;
    }

    /** One plan of a search's ranking. */
    public record RankedPlan(String plan, double stepSeconds, double mfu, double memoryBytes) {
    }

    /** The model's name and size. */
    public record ModelFacts(String name, double parameters, double activeParameters, double flopsPerToken, int sequenceLength) {
        static ModelFacts of(ModelSpec m) {
            return new ModelFacts(m.name(), m.parameterCount(), m.activeParameterCount(), m.trainingFlopsPerToken(), m.sequenceLength());
        }
    }
}
