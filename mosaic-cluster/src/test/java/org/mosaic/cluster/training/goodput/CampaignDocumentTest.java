package org.mosaic.cluster.training.goodput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.core.catalog.Catalog;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;

/**
 * The llama3-54d campaign document against the [llama3-2024] table and the [young-1974], [daly-2006], [nvidia-checkpoint-2024]
 * numbers of the cited sources; strict binding of campaign documents (issue 13).
 */
class CampaignDocumentTest {
    static final CampaignDocument LLAMA = CampaignDocument.standard();

    private static ScenarioDocument doc() {
        return Documents.preset(Documents.Kind.CAMPAIGN, CampaignDocument.DEFAULT);
    }

    @Test
    void theTableHasEighteenUnplannedRowsSummingTo419() {
        List<CampaignDocument.Cause> rows = LLAMA.causes().stream().filter(c -> !c.planned()).toList();
        assertThat(rows).hasSize(18);
        assertThat(LLAMA.unplannedCount()).isEqualTo(419);
        assertThat(LLAMA.plannedCount()).isEqualTo(47);
        assertThat(rows.stream().filter(r -> r.category().equals("GPU")).mapToInt(CampaignDocument.Cause::count).sum())
                .isEqualTo(148 + 72 + 19 + 17 + 6 + 6);
        assertThat(rows.get(3).name()).isEqualTo("Network switch/cable");
        assertThat(rows.get(3).count()).isEqualTo(35);
        assertThat(LLAMA.interconnectCause()).isEqualTo(rows.get(3));
        assertThat(rows.get(7).name()).isEqualTo("NIC");
        assertThat(rows.get(7).count()).isEqualTo(7);
    }

    @Test
    void eachRateIsTheCountOverTheRunsGpuHours() {
        assertThat(LLAMA.observedGpuHours()).isEqualTo(21_233_664.0);
        FailureCauses causes = LLAMA.causes(16_384);
        for (CampaignDocument.Cause row : LLAMA.causes()) {
            if (row.planned()) {
                continue;
            }
            FailureCause c = causes.cause(row.name());
            assertThat(c.ratePerUnitHour()).isCloseTo(row.count() / 21_233_664.0, within(1e-18));
            assertThat(c.units()).isEqualTo(16_384);
            assertThat(c.expectedCount(54 * 24)).isCloseTo(row.count(), within(1e-9));
            assertThat(c.category()).isEqualTo(row.category());
            assertThat(c.planned()).isFalse();
        }
        // job MTBI 54 d / 419 = 11,135 s ≈ 3.09 h ([llama3-2024] "MTBI ≈ 3.1 h"); [young-1974], [daly-2006], [nvidia-checkpoint-2024] rounds it to 11,140 s
        assertThat(causes.unplannedMtbfSeconds()).isCloseTo(11_135.08, within(0.01));
        assertThat(LLAMA.mtbiSeconds() / 3600).isCloseTo(3.09, within(0.005));
        // per GPU: 4.7e-4 per GPU-day ([llama3-2024] derived rates)
        assertThat(causes.unplannedRatePerHour() * 24 / 16_384).isCloseTo(4.7e-4, within(0.05e-4));
    }

    @Test
    void recoveriesFollowTheDetectionKindAndReplacement() {
        FailureCauses causes = LLAMA.causes(16_384);
        assertThat(causes.cause("Faulty GPU").recovery()).isEqualTo(Recovery.replace(60, 0, 8 * 3600));
        assertThat(causes.cause("Network switch/cable").recovery()).isEqualTo(Recovery.replace(600, 0, 8 * 3600));
        assertThat(causes.cause("Software bug").recovery()).isEqualTo(Recovery.restartOnly(60));
        assertThat(causes.cause("NCCL watchdog timeouts").recovery()).isEqualTo(Recovery.restartOnly(600));
    }

    @Test
    void theSwitchCableRowCanBeSplitByTheCaller() {
        FailureCauses causes = LLAMA.causes(16_384);
        String sc = LLAMA.interconnectCause().name();
        FailureCause residual = causes.cause(sc).withRatePerUnitHour(10 / LLAMA.observedGpuHours());
        FailureCauses split = causes.withCause(residual)
                .withCause(FailureCause.unplanned("links (mosaic)", "Network", 2e-9, 50_000, causes.cause(sc).recovery()));
        assertThat(split.names()).hasSize(19).startsWith("Faulty GPU").endsWith("links (mosaic)");
        assertThat(split.names().get(3)).isEqualTo(sc); // replaced in place
        assertThat(split.cause(sc).expectedCount(54 * 24)).isCloseTo(10, within(1e-9));
        FailureCauses without = causes.without(sc);
        assertThat(without.names()).hasSize(17).doesNotContain(sc);
        assertThat(without.unplannedRatePerHour() * 54 * 24).isCloseTo(384, within(1e-9)); // the [llama3-2024] upper bound: 419 -> ~384
        assertThat(causes.names()).hasSize(18); // the original is unchanged
    }

    @Test
    void plannedMaintenanceIsA47In54DaysJobLevelCause() {
        FailureCause planned = LLAMA.causesWithPlanned(8_192).cause("Planned maintenance");
        assertThat(planned.planned()).isTrue();
        assertThat(planned.units()).isEqualTo(1);
        assertThat(planned.expectedCount(54 * 24)).isCloseTo(47, within(1e-9));
        assertThat(LLAMA.causesWithPlanned(16_384).plannedRatePerHour()).isEqualTo(planned.ratePerHour());
        assertThat(LLAMA.causesWithPlanned(8_192).unplannedRatePerHour() * 54 * 24).isCloseTo(209.5, within(1e-9));
        assertThat(LLAMA.causes(8_192).plannedRatePerHour()).isZero();
    }

    @Test
    void theCheckpointDefaultsAreTheAsyncPairOfSection35AtDalysInterval() {
        CheckpointPlan plan = LLAMA.checkpoint();
        assertThat(plan.saveSeconds()).isEqualTo(10);
        assertThat(plan.restartSeconds()).isEqualTo(300);
        assertThat(plan.intervalSeconds()).isCloseTo(Checkpointing.dalyIntervalSeconds(10, 4_665_600.0 / 419), within(1e-9));
        assertThat(plan.intervalSeconds() / 60).isCloseTo(7.75, within(0.05)); // ≈ 8 min, as [young-1974], [daly-2006], [nvidia-checkpoint-2024]'s Young figure
        CampaignSpec spec = LLAMA.campaign(10, 0);
        assertThat(spec.gpus()).isEqualTo(16_384);
        assertThat(spec.days()).isEqualTo(54);
        assertThat(spec.hotSpares()).isTrue();
        assertThat(spec.causes().names()).hasSize(19).endsWith("Planned maintenance");
        // the blocking pair of the worked example, as a document edit
        CampaignDocument blocking = CampaignDocument.bind(doc().with("checkpoint.save", "60 s").with("checkpoint.restart", "10 min"));
        assertThat(blocking.checkpoint().saveSeconds()).isEqualTo(60);
        assertThat(blocking.checkpoint().restartSeconds()).isEqualTo(600);
        assertThat(blocking.checkpoint().intervalSeconds()).isCloseTo(Checkpointing.dalyIntervalSeconds(60, 4_665_600.0 / 419), within(1e-9));
        CampaignDocument fixed = CampaignDocument.bind(doc().with("checkpoint.interval", "10 min"));
        assertThat(fixed.checkpoint().intervalSeconds()).isEqualTo(600);
    }

    @Test
    void everyDefaultNumberHasASourceAndAConfidence() {
        List<Provenance> p = CampaignDocument.provenance();
        assertThat(p).allSatisfy(x -> {
            assertThat(x.source()).isNotBlank();
            assertThat(x.confidence()).isNotNull();
            assertThat(x.path()).startsWith("training.goodput.llama3-54d.");
        });
        assertThat(p.stream().map(Provenance::path).distinct().count()).isEqualTo(p.size());
        assertThat(p.stream().filter(x -> x.path().matches(".*causes\\..*\\.count"))).hasSize(19)
                .allSatisfy(x -> assertThat(x.confidence()).isEqualTo(Confidence.PUBLISHED));
        assertThat(p).anySatisfy(x -> {
            assertThat(x.path()).isEqualTo("training.goodput.llama3-54d.causes.network-switch-cable.count");
            assertThat(x.value()).isEqualTo("35");
            assertThat(x.note()).contains("(derived) 35 / (54 d x 24 h x 16,384 GPUs)");
        });
        // the recovery times are guesses and say so, with a range
        assertThat(p.stream().filter(x -> x.path().contains(".detection.") || x.path().contains(".replacement.")))
                .hasSize(4).allSatisfy(x -> {
                    assertThat(x.confidence()).isEqualTo(Confidence.ASSUMED);
                    assertThat(x.source()).contains("assumed (Mosaic developers)").contains("range");
                });
        assertThat(Catalog.unsourced(doc())).isEmpty();
    }

    // ---- issue 13: the campaign is a document ----

    @Test
    void aPresetWrittenOutAndReadBackIsTheSameCampaign_issue13() {
        assertThat(CampaignDocument.bind(ScenarioDocument.parse("copy.yaml", doc().toYaml(), true))).isEqualTo(LLAMA);
    }

    @Test
    void unknownKeysAtAnyDepthAreRefusedWithTheClosestKey_issue13() {
        assertThatThrownBy(() -> CampaignDocument.bind(doc().with("dayz", "5"))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("dayz").hasMessageContaining("did you mean days?");
        assertThatThrownBy(() -> CampaignDocument.bind(doc().with("checkpoint.sav", "5 s"))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("checkpoint.sav").hasMessageContaining("checkpoint.save");
        assertThatThrownBy(() -> CampaignDocument.bind(doc().with("causes.nic.cont", "5"))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("causes.nic.cont").hasMessageContaining("causes.nic.count");
    }

    @Test
    void everyProblemIsReportedAtOnce_issue13() {
        ScenarioDocument bad = doc().with("days", "0").with("checkpoint.save", "10").with("detection.hang", "-1 s")
                .with("causes.nic.detection", "slow").with("interconnect", "network-switch-cabel")
                .with("causes.planned-maintenance.replace", "true");
        assertThatThrownBy(() -> CampaignDocument.bind(bad)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("6 problems").hasMessageContaining("days").hasMessageContaining("checkpoint.save")
                .hasMessageContaining("detection.hang").hasMessageContaining("one of failStop, hang")
                .hasMessageContaining("did you mean network-switch-cable?").hasMessageContaining("a planned stop");
    }

    @Test
    void aUsersCauseIsSimulatedLikeAShippedOne_issue13() {
        CampaignDocument mine = CampaignDocument.bind(doc().with("causes.cosmic-rays.name", "Cosmic rays")
                .with("causes.cosmic-rays.category", "GPU").with("causes.cosmic-rays.count", "54")
                .with("causes.cosmic-rays.detection", "hang").with("causes.cosmic-rays.replace", "false"));
        FailureCause c = mine.causes(16_384).cause("Cosmic rays");
        assertThat(c.expectedCount(54 * 24)).isCloseTo(54, within(1e-9));
        assertThat(c.recovery()).isEqualTo(Recovery.restartOnly(600));
        assertThat(mine.unplannedCount()).isEqualTo(419 + 54);
    }
}
