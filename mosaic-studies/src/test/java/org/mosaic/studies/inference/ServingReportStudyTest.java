package org.mosaic.studies.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.TrainingModel;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.inference.ServingResult;
import org.mosaic.cluster.inference.ServingSearch;
import org.mosaic.cluster.training.Models;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Studies;
import org.mosaic.studies.training.TrainStudy;

class ServingReportStudyTest {
    private static final ServingReport REPORT = new ServingReportStudy().run(ServingReportStudy.Input.standard(), Progress.quiet());

    @Test
    void isRegisteredAndAnswersPerPolicyAndTarget() {
        assertThat(Studies.byName("report-serving")).isPresent();
        assertThat(REPORT.policies()).extracting(ServingReport.PolicyServing::policy).containsExactly("today", "mosaic");
        assertThat(REPORT.latencyTargetsSeconds()).containsExactly(0.010, 0.015, 0.025, 0.050);
        for (ServingReport.PolicyServing p : REPORT.policies()) {
            assertThat(p.best()).hasSize(4);
            for (ServingReport.Best b : p.best()) {
                if (b.serving() != null) {
                    assertThat(b.serving().timePerOutputTokenSeconds()).isLessThanOrEqualTo(b.latencyTargetSeconds());
                    assertThat(b.serving().memory().fits()).isTrue();
                }
            }
            assertThat(p.fastest().timePerOutputTokenSeconds()).isLessThanOrEqualTo(p.best().stream()
                    .filter(b -> b.serving() != null).mapToDouble(b -> b.serving().timePerOutputTokenSeconds()).min().orElse(1));
        }
        // a looser target never serves fewer tokens/s per GPU
        for (ServingReport.PolicyServing p : REPORT.policies()) {
            double last = 0;
            for (ServingReport.Best b : p.best()) {
                double v = b.serving() == null ? 0 : b.serving().gpuTokensPerSecond();
                assertThat(v).isGreaterThanOrEqualTo(last);
                last = v;
            }
        }
    }

    /** The best plan within a target is the inference study's search with that target: the same plan, an independent path. */
    @Test
    void eachTargetsBestIsTheSearchWithThatTarget() {
        ClusterDocument c = ClusterDocument.resolve("h100-16k");
        for (ServingReport.PolicyServing p : REPORT.policies()) {
            TrainingModel.Setup setup = TrainStudy.setup(c, "h100-16k", null, p.policy(), null, null);
            for (ServingReport.Best b : List.of(p.best().get(1), p.best().get(3))) {
                ServingSearch.Result r = ServingSearch.search(Models.preset("deepseek-v3-like"), setup.system(),
                        new ServingSearch.Fixed(null, null, null, null, null), 2048, 256, b.latencyTargetSeconds(), 1);
                ServingResult direct = r.ranked().isEmpty() ? null : r.ranked().get(0);
                assertThat(b.serving()).as(p.policy() + " " + b.latencyTargetSeconds()).isEqualTo(direct);
            }
        }
    }
}
