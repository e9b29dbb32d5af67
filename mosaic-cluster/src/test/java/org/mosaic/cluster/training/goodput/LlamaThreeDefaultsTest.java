package org.mosaic.cluster.training.goodput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.junit.jupiter.api.Test;

/** The Llama 3 defaults against the [llama3-2024] table and the [young-1974], [daly-2006], [nvidia-checkpoint-2024] numbers of the cited sources. */
class LlamaThreeDefaultsTest {

    @Test
    void theTableHasEighteenRowsSummingTo419() {
        List<LlamaThreeDefaults.Row> rows = LlamaThreeDefaults.table();
        assertThat(rows).hasSize(18);
        assertThat(rows.stream().mapToInt(LlamaThreeDefaults.Row::count).sum()).isEqualTo(419);
        assertThat(rows.stream().filter(r -> r.category().equals("GPU")).mapToInt(LlamaThreeDefaults.Row::count).sum())
                .isEqualTo(148 + 72 + 19 + 17 + 6 + 6);
        assertThat(rows.get(3).name()).isEqualTo("Network switch/cable");
        assertThat(rows.get(3).count()).isEqualTo(35);
        assertThat(rows.get(7).name()).isEqualTo("NIC");
        assertThat(rows.get(7).count()).isEqualTo(7);
    }

    @Test
    void eachRateIsTheCountOverTheRunsGpuHours() {
        assertThat(LlamaThreeDefaults.GPU_HOURS).isEqualTo(21_233_664.0);
        FailureCauses causes = LlamaThreeDefaults.causes();
        for (LlamaThreeDefaults.Row row : LlamaThreeDefaults.table()) {
            FailureCause c = causes.cause(row.name());
            assertThat(c.ratePerUnitHour()).isCloseTo(row.count() / 21_233_664.0, within(1e-18));
            assertThat(c.units()).isEqualTo(16_384);
            assertThat(c.expectedCount(54 * 24)).isCloseTo(row.count(), within(1e-9));
            assertThat(c.category()).isEqualTo(row.category());
            assertThat(c.planned()).isFalse();
        }
        // job MTBI 54 d / 419 = 11,135 s ≈ 3.09 h ([llama3-2024] "MTBI ≈ 3.1 h"); [young-1974], [daly-2006], [nvidia-checkpoint-2024] rounds it to 11,140 s
        assertThat(causes.unplannedMtbfSeconds()).isCloseTo(11_135.08, within(0.01));
        assertThat(LlamaThreeDefaults.mtbiSeconds() / 3600).isCloseTo(3.09, within(0.005));
        // per GPU: 4.7e-4 per GPU-day ([llama3-2024] derived rates)
        assertThat(causes.unplannedRatePerHour() * 24 / 16_384).isCloseTo(4.7e-4, within(0.05e-4));
    }

    @Test
    void theSwitchCableRowCanBeSplitByTheCaller() {
        FailureCauses causes = LlamaThreeDefaults.causes();
        FailureCause residual = causes.cause(LlamaThreeDefaults.NETWORK_SWITCH_CABLE).withRatePerUnitHour(10 / LlamaThreeDefaults.GPU_HOURS);
        FailureCauses split = causes.withCause(residual)
                .withCause(FailureCause.unplanned("links (mosaic)", "Network", 2e-9, 50_000, LlamaThreeDefaults.HANG_REPLACE));
        assertThat(split.names()).hasSize(19).startsWith("Faulty GPU").endsWith("links (mosaic)");
        assertThat(split.names().get(3)).isEqualTo(LlamaThreeDefaults.NETWORK_SWITCH_CABLE); // replaced in place
        assertThat(split.cause(LlamaThreeDefaults.NETWORK_SWITCH_CABLE).expectedCount(54 * 24)).isCloseTo(10, within(1e-9));
        FailureCauses without = causes.without(LlamaThreeDefaults.NETWORK_SWITCH_CABLE);
        assertThat(without.names()).hasSize(17).doesNotContain(LlamaThreeDefaults.NETWORK_SWITCH_CABLE);
        assertThat(without.unplannedRatePerHour() * 54 * 24).isCloseTo(384, within(1e-9)); // the [llama3-2024] upper bound: 419 -> ~384
        assertThat(causes.names()).hasSize(18); // the original is unchanged
    }

    @Test
    void plannedMaintenanceIsA47In54DaysJobLevelCause() {
        FailureCause planned = LlamaThreeDefaults.plannedMaintenance();
        assertThat(planned.planned()).isTrue();
        assertThat(planned.expectedCount(54 * 24)).isCloseTo(47, within(1e-9));
        assertThat(LlamaThreeDefaults.causesWithPlanned(8_192).plannedRatePerHour()).isEqualTo(planned.ratePerHour());
        assertThat(LlamaThreeDefaults.causesWithPlanned(8_192).unplannedRatePerHour() * 54 * 24).isCloseTo(209.5, within(1e-9));
    }

    @Test
    void theCheckpointDefaultsAreTheAsyncPairOfSection35AtDalysInterval() {
        CheckpointPlan plan = LlamaThreeDefaults.checkpoint();
        assertThat(plan.saveSeconds()).isEqualTo(10);
        assertThat(plan.restartSeconds()).isEqualTo(300);
        assertThat(plan.intervalSeconds()).isCloseTo(Checkpointing.dalyIntervalSeconds(10, 4_665_600.0 / 419), within(1e-9));
        assertThat(plan.intervalSeconds() / 60).isCloseTo(7.75, within(0.05)); // ≈ 8 min, as [young-1974], [daly-2006], [nvidia-checkpoint-2024]'s Young figure
        CheckpointPlan blocking = LlamaThreeDefaults.blockingCheckpoint(11_140);
        assertThat(blocking.saveSeconds()).isEqualTo(60);
        assertThat(blocking.restartSeconds()).isEqualTo(600);
        CampaignSpec spec = LlamaThreeDefaults.campaign(10, 0);
        assertThat(spec.gpus()).isEqualTo(16_384);
        assertThat(spec.days()).isEqualTo(54);
        assertThat(spec.hotSpares()).isTrue();
        assertThat(spec.causes().names()).hasSize(19).endsWith(LlamaThreeDefaults.PLANNED_MAINTENANCE);
    }

    @Test
    void everyDefaultNumberHasASourceAndAConfidence() {
        List<Provenance> p = LlamaThreeDefaults.provenance();
        assertThat(p).allSatisfy(x -> {
            assertThat(x.source()).isNotBlank();
            assertThat(x.confidence()).isNotNull();
            assertThat(x.path()).startsWith("training.goodput.");
        });
        assertThat(p.stream().map(Provenance::path).distinct().count()).isEqualTo(p.size());
        // one derived rate per table row, with the count in the note
        assertThat(p.stream().filter(x -> x.path().endsWith(".ratePerGpuHour"))).hasSize(18)
                .allSatisfy(x -> assertThat(x.confidence()).isEqualTo(Confidence.DERIVED))
                .anySatisfy(x -> assertThat(x.path()).isEqualTo("training.goodput.cause.network-switch-cable.ratePerGpuHour"));
        assertThat(p).anySatisfy(x -> {
            assertThat(x.path()).isEqualTo("training.goodput.cause.network-switch-cable.ratePerGpuHour");
            assertThat(x.note()).startsWith("(derived) 35 / (54 d x 24 h x 16,384 GPUs)");
        });
        // the recovery times are guesses and say so
        assertThat(p.stream().filter(x -> x.path().startsWith("training.goodput.recovery.")))
                .hasSize(4).allSatisfy(x -> assertThat(x.confidence()).isEqualTo(Confidence.ASSUMED));
    }
}
