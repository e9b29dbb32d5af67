package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * One transformer layer of the 22B model on Selene against Megatron's own measured profile: Korthikanti et al. 2022 Table 4
 * ([korthikanti-2022]; TP 8, micro-batch 4, sequence 2,048, no flash attention), forward and backward times of the five
 * experiments. One of the ten numbers (the baseline backward, 11.9 ms) calibrates the NVLink tier's compute slow-down
 * (the selene document, 0.63); the nine others are out of sample. Tolerance 3 %: the table gives 0.1 ms (0.5–1.4 % of
 * these times) and the paper no run-to-run spread; 3 % is twice the worst rounding plus the model's per-kernel tables.
 */
class KorthikantiLayerTest {

    private record Row(String name, Recompute recompute, boolean sequenceParallel, double forwardMs, double backwardMs) {
    }

    private static final Row[] TABLE_4 = {
            new Row("baseline no recompute", Recompute.NONE, false, 7.7, 11.9),
            new Row("sequence parallelism", Recompute.NONE, true, 7.2, 11.8),
            new Row("baseline with recompute", Recompute.FULL, false, 7.7, 19.5),
            new Row("selective recompute", Recompute.SELECTIVE, false, 7.7, 13.2),
            new Row("selective + sequence", Recompute.SELECTIVE, true, 7.2, 13.1)};

    @Test
    void tableFourLayerTimesWithinThreePercent_issue16() {
        ModelSpec m = Models.preset("megatron-22b");
        TrainingSystem selene = PublishedRuns.selene(8);
        StringBuilder report = new StringBuilder();
        double worst = 0;
        for (Row row : TABLE_4) {
            ParallelPlan plan = new ParallelPlan(8, 1, 1, 1, 1, 4, 4, 1, row.recompute(), row.sequenceParallel(), false, false,
                    TpOverlap.BACKWARD, true);
            StepModel.LayerCost lc = StepModel.layerCost(m, plan, selene);
            double f = 1e3 * lc.forward();
            double b = 1e3 * lc.backward();
            worst = Math.max(worst, Math.max(Math.abs(f / row.forwardMs() - 1), Math.abs(b / row.backwardMs() - 1)));
            report.append(String.format(Locale.ROOT, "%-24s forward %.2f ms (paper %.1f), backward %.2f ms (paper %.1f)%n", row.name(), f,
                    row.forwardMs(), b, row.backwardMs()));
        }
        assertThat(worst).as(report.toString()).isLessThan(0.03);
    }

    /** Without the backward overlap the backward is over-predicted: the overlap is what Megatron ran ([korthikanti-2022] §6.2). */
    @Test
    void theBackwardOverlapIsWhatMakesTheBackwardFit() {
        ModelSpec m = Models.preset("megatron-22b");
        TrainingSystem selene = PublishedRuns.selene(8);
        ParallelPlan none = new ParallelPlan(8, 1, 1, 1, 1, 4, 4, 1, Recompute.NONE, false, false, false, TpOverlap.NONE, true);
        ParallelPlan back = none.withOverlap(TpOverlap.BACKWARD, true);
        assertThat(1e3 * StepModel.layerCost(m, none, selene).backward()).isGreaterThan(11.9 * 1.05);
        assertThat(StepModel.layerCost(m, back, selene).forward()).isEqualTo(StepModel.layerCost(m, none, selene).forward());
    }
}
