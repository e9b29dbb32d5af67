package org.mosaic.studies.goodput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.TrainingModel;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.training.goodput.CampaignDocument;
import org.mosaic.cluster.training.goodput.Estimate;
import org.mosaic.cluster.training.goodput.TrialResult;
import org.mosaic.studies.MetricRow;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.UsageException;

/**
 * {@link GoodputStudy}: its declaration, and a small campaign (two policies, 2,048 GPUs, 3 days, 8 trials) checked against the
 * campaign model called directly, closed forms that hold trial by trial (lost GPU-hours from ETTR, totals from causes, the
 * expected link failures from the link rate), Llama 3's published switch/cable count, and the refusals.
 */
class GoodputStudyTest {
    private static final double EXACT = 1e-9;   // percent: 1e-11 relative, rounding only
    private static final GoodputStudy STUDY = new GoodputStudy();
    private static final ClusterDocument CLUSTER = ClusterDocument.resolve("h100-16k");
    private static final long GPUS = 2048;
    private static final int TRIALS = 8;
    private static final long SEED = 5;

    static CampaignDocument campaign;
    static GoodputResult result;

    @BeforeAll
    static void runSmallCampaign() {
        campaign = days(CampaignDocument.standard(), 3);
        result = STUDY.run(new GoodputStudy.Input(CLUSTER, List.of("today", "mosaic"), GPUS, campaign, GoodputStudy.LinkRates.FLEET, TRIALS,
                SEED, null, List.of()));
    }

    /** The campaign with another length (every other value as it is). */
    static CampaignDocument days(CampaignDocument c, double days) {
        return new CampaignDocument(c.name(), c.description(), days, c.hotSpares(), c.planned(), c.saveSeconds(), c.restartSeconds(),
                c.intervalRule(), c.intervalSeconds(), c.observedGpus(), c.observedDays(), c.failStopDetectionSeconds(),
                c.hangDetectionSeconds(), c.hotSpareSwapSeconds(), c.repairSeconds(), c.interconnect(), c.causes());
    }

    @Test
    void declaresEveryInputAndTheMetricsWithUnits() {
        assertThat(Studies.byName("goodput")).containsInstanceOf(GoodputStudy.class);
        assertThat(STUDY.inputs()).extracting(i -> i.name()).containsExactly("cluster", "policies", "gpus", "campaign", "linkRates", "trials",
                "seed", "interconnect", "technologyNotes");
        assertThat(STUDY.inputs()).allSatisfy(i -> assertThat(i.description()).isNotBlank());
        Map<String, String> units = new java.util.HashMap<>();
        for (MetricSpec m : STUDY.metrics()) {
            assertThat(units.put(m.path(), m.unit())).as("path %s once", m.path()).isNull();
        }
        assertThat(units).containsEntry("gpus", "1").containsEntry("days", "d").containsEntry("interruptionsPerDay.total", "1/d")
                .containsEntry("interruptionsPerDay.byCause.*", "1/d").containsEntry("ettr.mean", "1")
                .containsEntry("lostGpuHoursPerDay.upper95", "GPU·h/d").containsEntry("checkpointIntervalSeconds", "s")
                .containsEntry("mtbiHours", "h").containsEntry("linkFailuresPerGpuHour", "1/(GPU·h)").containsEntry("hotSpares", "bool")
                .containsEntry("expectedLinkFailuresPerDayByTier.*", "1/d").containsEntry("policies[].ettr.lower95", "1")
                .containsEntry("differencesFromFirst[].interruptionsPerDay.mean", "1/d")
                .containsEntry("differencesFromFirst[].lostGpuHoursPerDay.mean", "GPU·h/d");
        // what only the table and the charts read is not a metric
        assertThat(units).doesNotContainKeys("switchFailuresPerGpuHour", "linkCalibration", "interruptionsPerCampaignByCause.*");
        // and the rows of a result carry those units
        List<MetricRow> rows = Results.rows(STUDY, result);
        assertThat(rows).contains(new MetricRow("interruptionsPerDay.byCause.Faulty GPU",
                result.first().interruptionsPerDay().byCause().get("Faulty GPU"), "1/d"));
        assertThat(rows).filteredOn(r -> r.name().equals("policies[1].lostGpuHoursPerDay.mean")).singleElement()
                .extracting(MetricRow::unit).isEqualTo("GPU·h/d");
    }

    @Test
    void theResultIsTheCampaignModelsAnswer() {
        List<TrainingModel.Campaign> direct = TrainingModel.campaigns(CLUSTER, List.of("today", "mosaic"), GPUS, campaign, false, TRIALS, SEED,
                Double.POSITIVE_INFINITY, (d, t) -> { }, null);
        assertThat(result.policies()).hasSize(2);
        assertThat(result.first()).isEqualTo(result.policies().get(0));
        for (int i = 0; i < 2; i++) {
            PolicyGoodput p = result.policies().get(i);
            TrainingModel.Campaign c = direct.get(i);
            assertThat(p.policy()).isEqualTo(c.policy());
            assertThat(p.gpus()).isEqualTo(GPUS);
            assertThat(p.days()).isEqualTo(3);
            assertThat(p.ettr().mean()).isEqualTo(c.result().ettr().mean());
            assertThat(p.ettr().analyticUnplannedOnly()).isEqualTo(c.result().renewalEttrUnplanned());
            assertThat(p.checkpointIntervalSeconds()).isEqualTo(c.spec().checkpoint().intervalSeconds());
            assertThat(p.lostGpuHoursPerDay().mean()).isEqualTo(c.result().lostGpuHoursPerDay().mean());
            c.result().interruptionsByCause().forEach((cause, e) ->
                    assertThat(p.interruptionsPerCampaignByCause().get(cause)).as(cause).isEqualTo(e.mean()));
        }
        Estimate de = TrainingModel.pairedDifference(direct.get(0).result(), direct.get(1).result(), TrialResult::ettr);
        PolicyDifference d = result.differencesFromFirst().get(0);
        assertThat(d.policy()).isEqualTo("mosaic");
        assertThat(d.against()).isEqualTo("today");
        assertThat(List.of(d.ettr().mean(), d.ettr().lower95(), d.ettr().upper95())).containsExactly(de.mean(), de.lower95(), de.upper95());
    }

    @Test
    void closedFormsHoldForEveryPolicy() {
        for (PolicyGoodput p : result.policies()) {
            InterruptionsPerDay ipd = p.interruptionsPerDay();
            // every interruption has one cause, and is unplanned or planned
            assertThat(ipd.byCause().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(ipd.total(), withPercentage(EXACT));
            assertThat(ipd.unplanned() + ipd.planned()).isCloseTo(ipd.total(), withPercentage(EXACT));
            assertThat(p.interruptionsPerCampaign()).isCloseTo(ipd.total() * p.days(), withPercentage(EXACT));
            assertThat(p.linkInterruptionsPerDay()).isEqualTo(ipd.byCause().get(TrainingModel.LINKS));
            // lost GPU-hours per day = (1 − ETTR) × GPUs × 24 h, trial by trial, so for the means too
            assertThat(p.lostGpuHoursPerDay().mean()).isCloseTo((1 - p.ettr().mean()) * GPUS * 24, withPercentage(EXACT));
            // the expected link failures per day, over the tiers and over the technologies, are the link rate × GPUs × 24 h
            double perDay = p.linkFailuresPerGpuHour() * GPUS * 24;
            assertThat(p.expectedLinkFailuresPerDayByTier().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(perDay, withPercentage(1e-6));
            assertThat(p.expectedLinkFailuresPerDayByTechnology().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(perDay, withPercentage(1e-6));
            // the ETTR's interval is clipped to [0, 1]; the unclipped one is the t interval
            assertThat(p.ettr().lower95()).isEqualTo(Math.max(0, p.ettrUnclipped().lower95()));
            assertThat(p.ettr().upper95()).isEqualTo(Math.min(1, p.ettrUnclipped().upper95()));
            // Daly's interval for the save and the unplanned MTBI ([daly-2006])
            double m = p.mtbiHours() * 3600;
            double delta = p.checkpointSaveSeconds();
            double x = delta / (2 * m);
            assertThat(p.checkpointIntervalSeconds()).isCloseTo(Math.sqrt(2 * delta * m) * (1 + Math.sqrt(x) / 3 + x / 9) - delta,
                    withPercentage(EXACT));
        }
        // the paired difference of means is the difference of the means
        PolicyDifference d = result.differencesFromFirst().get(0);
        assertThat(d.interruptionsPerDay().mean()).isCloseTo(result.policies().get(1).interruptionsPerDay().total()
                - result.policies().get(0).interruptionsPerDay().total(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void llamaLinkRatesAreLlamaThreesPublishedSwitchAndCableRate() {
        // [llama3-2024]: 35 switch/cable interruptions in 54 days on 16,384 GPUs
        GoodputResult r = STUDY.run(new GoodputStudy.Input(CLUSTER, List.of("today"), null, days(CampaignDocument.standard(), 1),
                GoodputStudy.LinkRates.LLAMA, 2, 0, null, List.of()));
        assertThat(r.first().linkFailuresPerGpuHour()).isCloseTo(35.0 / (54 * 24 * 16_384), withPercentage(EXACT));
        assertThat(r.policies()).isNull();
        assertThat(r.differencesFromFirst()).isNull();
        assertThat(Results.tree(r).has("policies")).isFalse();
        assertThat(r.linkRatesCalibrated()).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        GoodputResult again = STUDY.run(new GoodputStudy.Input(CLUSTER, List.of("today", "mosaic"), GPUS, campaign,
                GoodputStudy.LinkRates.FLEET, TRIALS, SEED, null, List.of()));
        assertThat(Results.json(again)).isEqualTo(Results.json(result));
    }

    @Test
    void badInputsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> run(List.of("today"), 1, campaign)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--trials 1").hasMessageContaining("at least 2");
        assertThatThrownBy(() -> run(List.of("today", "today"), 2, campaign)).isInstanceOf(UsageException.class)
                .hasMessageContaining("named twice");
        assertThatThrownBy(() -> run(List.of("cheapest"), 2, campaign)).isInstanceOf(UsageException.class)
                .hasMessageContaining("cheapest").hasMessageContaining("today");
        assertThatThrownBy(() -> run(List.of("today"), 2, days(campaign, 1e-4))).isInstanceOf(UsageException.class)
                .hasMessageContaining("shorter than the campaign");
        assertThatThrownBy(() -> STUDY.run(new GoodputStudy.Input(ClusterDocument.resolve("cluster-100k"), List.of("today"), null,
                days(campaign, 3650), GoodputStudy.LinkRates.FLEET, 100_000, 0, null, List.of()))).isInstanceOf(UsageException.class)
                .hasMessageContaining("simulated events").hasMessageContaining("hint");
        assertThatThrownBy(() -> STUDY.run(new GoodputStudy.Input(CLUSTER, List.of("today"), 0L, campaign, GoodputStudy.LinkRates.FLEET, 2, 0,
                null, List.of()))).isInstanceOf(UsageException.class).hasMessageContaining("--gpus 0");
    }

    private static GoodputResult run(List<String> policies, int trials, CampaignDocument c) {
        return STUDY.run(new GoodputStudy.Input(CLUSTER, policies, GPUS, c, GoodputStudy.LinkRates.FLEET, trials, SEED, null, List.of()));
    }
}
