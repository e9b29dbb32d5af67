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
 * (issue 16): mean absolute error below Calculon's 3.65 % over the eight and no run above 8 % — Calculon's own error on the
 * same runs ([calculon-sc23]); Megatron's step times are single measurements whose run-to-run spread the paper does not give.
 * Every run is still under-predicted (by 0.9–5.4 %); the bias is bounded here (mean signed error above −3 %) and explained in
 * docs/training.md: for the 22B, Table 4's per-layer times (which the model reproduces, {@link KorthikantiLayerTest}) leave
 * 114–126 ms of each measured step outside the layers, against the model's 90 ms.
 */
class MegatronValidationTest {

    @Test
    void tableFiveStepTimesBeatCalculonsError_issue16() {
        List<Double> errors = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (PublishedRuns.Megatron c : PublishedRuns.MEGATRON) {
            for (boolean seqSel : new boolean[] {false, true}) {
                StepResult r = c.evaluate(seqSel);
                double published = c.paperSeconds(seqSel);
                double err = r.stepSeconds() / published - 1;
                errors.add(err);
                report.append(String.format(Locale.ROOT, "%s %s: model %.2f s, paper %.2f s, error %+.1f %%, MFU %.1f %% %s%n",
                        c.model().name(), seqSel ? "seq+sel" : "full", r.stepSeconds(), published, 100 * err, 100 * r.mfu(), r.breakdown()));
            }
        }
        double mean = errors.stream().mapToDouble(Math::abs).average().orElseThrow();
        assertThat(mean).as(report.toString()).isLessThan(0.0365);
        assertThat(errors).as(report.toString()).allSatisfy(e -> assertThat(Math.abs(e)).isLessThan(0.08));
        double signed = errors.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(signed).as("the bias, bounded\n" + report).isGreaterThan(-0.03);
    }
}
