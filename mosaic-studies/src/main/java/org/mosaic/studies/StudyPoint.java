package org.mosaic.studies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One point of a design over a study: its assignments ({@code KEY=VALUE}, as {@link StudyInputs#assign} takes them) on
 * the base values → the study's input record ({@link StudyInputs#bind}) → the study run → the numbers at the metric
 * paths ({@link MetricReader}). The one assign → bind → run → read step of the sweeps (org.mosaic.sweep's
 * {@code SweepPlan}) and of the uncertainty and sensitivity studies ({@code uncertainty.Evaluation}); each keeps its own
 * account of a refusal, which this step throws.
 */
public final class StudyPoint {
    /** How a point's assignments become the study's input record; by default as every front end does ({@link StudyInputs}). */
    public interface Binding {
        default ObjectNode assign(Study<?, ?> study, ObjectNode values, Map<String, String> assignments) {
            return StudyInputs.assign(study, values, assignments);
        }

        default <I extends Record> I bind(Study<I, ?> study, JsonNode values) {
            return StudyInputs.bind(study, values);
        }
    }

    /** The binding every front end uses: {@link StudyInputs}. */
    public static final Binding STUDY_INPUTS = new Binding() { };

    private StudyPoint() {
    }

    /**
     * The metrics of the study at one point, in the reader's order (null where absent or not finite). A refusal (of the
     * binding or of the study) is thrown as it comes.
     */
    public static <I extends Record, R> Double[] evaluate(Binding binding, Study<I, R> study, ObjectNode base,
                                                          Map<String, String> assignments, MetricReader metrics) {
        I input = binding.bind(study, binding.assign(study, base, assignments));
        return metrics.read(study.run(input, Progress.quiet()));
    }
}
