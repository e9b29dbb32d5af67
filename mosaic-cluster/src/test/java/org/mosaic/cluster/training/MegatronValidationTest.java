package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Step times of the four Megatron runs of Korthikanti et al. 2022 Table 5 on Selene (A100 80 GB, DGX A100 nodes,
 * [korthikanti-2022] and), with full recomputation (no sequence parallelism) and with
 * sequence parallelism + selective recomputation ({@link PublishedRuns#MEGATRON}, on {@link PublishedRuns#selene}). The bar
 * (issue 7): mean absolute error ≤ 5 % over the eight.
 */
class MegatronValidationTest {

    @Test
    void tableFiveStepTimesWithinFivePercentOnAverage() {
        List<Double> errors = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (PublishedRuns.Megatron c : PublishedRuns.MEGATRON) {
            for (boolean seqSel : new boolean[] {false, true}) {
                StepResult r = c.evaluate(seqSel);
                double published = c.paperSeconds(seqSel);
                double err = r.stepSeconds() / published - 1;
                errors.add(Math.abs(err));
                report.append(String.format(Locale.ROOT, "%s %s: model %.2f s, paper %.2f s, error %+.1f %%, MFU %.1f %% %s%n",
                        c.model().name(), seqSel ? "seq+sel" : "full", r.stepSeconds(), published, 100 * err, 100 * r.mfu(), r.breakdown()));
            }
        }
        double mean = errors.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(mean).as(report.toString()).isLessThanOrEqualTo(0.05);
    }
}
