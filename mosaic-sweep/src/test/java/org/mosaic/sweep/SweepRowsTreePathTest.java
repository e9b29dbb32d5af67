package org.mosaic.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mosaic.studies.Results;
import org.mosaic.studies.Study;
import org.mosaic.studies.StudyInputs;

/**
 * A sweep's rows are those of the path it replaced (before the metrics were read from the result record and the cable
 * bound once): assign → {@link StudyInputs#bind} → run → the result's JSON tree → {@link Results#number} per metric, a
 * refused point's reason as {@link SweepPlan#reason} words it. Checked on cable, channel, fleet and train sweeps, each
 * with a point that is refused, every scalar metric kept (and the element-name syntax on cable).
 */
class SweepRowsTreePathTest {
    @Test
    void rowsAreThoseOfTheTreePath_cableChannelFleetTrainWithRefusedPoints() {
        check("cable", "--vary", "cable.host.attachment=pluggable,cpo,warp", "--vary", "cable.fiber.length=5 m,10 m");
        check("cable", "--vary", "cable.fiber.length=5 m,10 m", "--metrics",
                "power.breakdown[LED bias],power.perEndWatts,reliability.linkFit");
        check("channel", "--vary", "scenario.fiber.length=5 m,-3 m");
        check("fleet", "--vary", "policy=mosaic,teleport");
        check("train", "--vary", "globalBatch=1024,-5");
    }

    private static void check(String... args) {
        SweepPlan plan = SweepPlan.of(SweepSpec.parse(List.of(args)));
        int refused = 0;
        for (long i = 0; i < plan.size(); i++) {
            Object[] row = plan.evaluate(i);
            Object[] expected = treePath(plan, i);
            assertThat(row).as(String.join(" ", args) + " point " + i).containsExactly(expected);
            refused += row[row.length - 1] == null ? 0 : 1;
        }
        assertThat(refused).as("a refused point in " + String.join(" ", args)).isGreaterThanOrEqualTo(args[args.length - 1]
                .startsWith("power.") ? 0 : 1);
    }

    /** The row as the runner made it before: metrics from the JSON tree, one bind by StudyInputs and one by the study. */
    private static Object[] treePath(SweepPlan plan, long index) {
        Object[] row = plan.evaluate(index).clone();   // the point, seed and axis columns (unchanged by this work)
        int first = row.length - 1 - plan.metrics().size();
        Map<String, String> assigned = plan.assignments(index);
        try {
            JsonNode tree = Results.tree(runFresh(plan.study(), assigned));
            List<Object> metrics = new ArrayList<>();
            for (String m : evaluatedPaths(plan)) {
                metrics.add(Results.number(tree, m));
            }
            for (int k = 0; k < metrics.size(); k++) {
                row[first + k] = metrics.get(k);
            }
            row[row.length - 1] = null;
        } catch (RuntimeException e) {
            for (int k = first; k < row.length - 1; k++) {
                row[k] = null;
            }
            row[row.length - 1] = SweepPlan.reason(e);
        }
        return row;
    }

    private static <I extends Record, R> R runFresh(Study<I, R> study, Map<String, String> assigned) {
        ObjectNode values = StudyInputs.assign(study, StudyInputs.defaults(study), assigned);
        return study.run(StudyInputs.bind(study, values));
    }

    /** The path each kept metric is read at ({@code power.breakdown[LED bias]} is read at its one number's path). */
    private static List<String> evaluatedPaths(SweepPlan plan) {
        return plan.metrics().stream().map(m -> m.endsWith("]") ? m + ".watts" : m).toList();
    }
}
