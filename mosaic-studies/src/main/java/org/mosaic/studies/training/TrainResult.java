package org.mosaic.studies.training;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.PlanSearch;
import org.mosaic.cluster.training.StepResult;
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
 */
public record TrainResult(@JsonUnwrapped TrainRun first, @JsonInclude(JsonInclude.Include.NON_NULL) SearchSummary search,
                          @Metric(unit = "s", value = "communication totals") Map<String, Double> communication,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<PolicyRun> policies,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> technologyNotes,
                          @JsonIgnore List<PolicyRun> runs, @JsonIgnore ModelFacts modelFacts, @JsonIgnore StepResult timeline) {

    /** One run with its plan search (absent for a fixed plan). */
    public record PolicyRun(@JsonUnwrapped TrainRun run, @JsonInclude(JsonInclude.Include.NON_NULL) SearchSummary search) {
    }

    /**
     * A plan search: shapes evaluated, rejected for memory, cut by the bound, and the fastest plans that fit.
     *
     * @param description the search in one sentence ({@link PlanSearch#describe})
     */
    public record SearchSummary(int evaluated, int rejectedForMemory, int prunedByBound, List<RankedPlan> ranked,
                                @JsonIgnore String description) {
        static SearchSummary of(PlanSearch.Result r) {
            return new SearchSummary(r.evaluated(), r.rejectedMemory(), r.pruned(),
                    r.ranked().stream().map(s -> new RankedPlan(s.plan().label(), s.stepSeconds(), s.mfu(), s.memory().totalBytes())).toList(),
                    PlanSearch.describe(r));
        }
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
