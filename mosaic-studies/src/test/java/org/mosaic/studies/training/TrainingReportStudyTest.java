package org.mosaic.studies.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.TrainingModel;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.KernelCosts;
import org.mosaic.cluster.training.Models;
import org.mosaic.cluster.training.PublishedRuns;
import org.mosaic.cluster.training.StepModel;
import org.mosaic.cluster.training.StepResult;
import org.mosaic.cluster.training.SystemSpec;
import org.mosaic.cluster.training.goodput.CampaignDocument;
import org.mosaic.cluster.training.goodput.Estimate;
import org.mosaic.cluster.training.goodput.TrialResult;
import org.mosaic.cluster.training.network.TrainingClusters;
import org.mosaic.cluster.training.pipeline.PipelineResult;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;

/**
 * The report's training study, run once on its standard input (six plan searches, ten validation runs, seven campaigns of
 * 200 trials): the searches, the validation against the published runs, the campaigns on common random numbers, and the
 * Llama 3 campaign against its published count (one statistical check, its false-failure rate stated).
 */
class TrainingReportStudyTest {
    private static final TrainingReportStudy STUDY = new TrainingReportStudy();
    private static TrainingReport report;

    @BeforeAll
    static void run() {
        report = STUDY.run(TrainingReportStudy.Input.standard());
    }

    @Test
    void declaresEveryInputAndMetricsWithUnits() {
        assertThat(Studies.byName("report-training")).containsInstanceOf(TrainingReportStudy.class);
        assertThat(STUDY.inputs()).extracting(i -> i.name()).containsExactly("cluster", "policies", "workloads", "keep", "campaign", "trials",
                "seed");
        assertThat(STUDY.inputs()).allSatisfy(i -> assertThat(i.description()).isNotBlank());
        List<MetricSpec> metrics = STUDY.metrics();
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("stepTime.*.policies.*.ranked[].breakdownSeconds.*");
            assertThat(m.unit()).isEqualTo("s");
        });
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("pipeline.makespanSeconds");
            assertThat(m.unit()).isEqualTo("s");
        });
        assertThat(metrics).anySatisfy(m -> assertThat(m.path()).isEqualTo("goodput.fleetLinkRates[].ettr.mean"));
    }

    @Test
    void theSearchesRankFittingPlansOnTheWholeCluster() {
        assertThat(report.plans()).extracting(TrainingReport.StepTime::model).containsExactly("llama3-405b", "deepseek-v3-like");
        assertThat(report.plans()).extracting(TrainingReport.StepTime::globalBatch).containsExactly(2048, 4096);
        for (TrainingReport.StepTime wp : report.plans()) {
            assertThat(wp.tokensPerStep()).isEqualTo((double) wp.globalBatch() * wp.sequenceLength());
            assertThat(wp.policies().keySet()).containsExactlyElementsOf(TrainingReportStudy.POLICIES);
            for (TrainingReport.PolicyPlans p : wp.policyList()) {
                List<TrainingReport.RankedStep> ranked = p.ranked();
                assertThat(ranked).hasSizeBetween(1, TrainingReportStudy.KEEP);
                for (int i = 1; i < ranked.size(); i++) {
                    assertThat(ranked.get(i).stepSeconds()).isGreaterThanOrEqualTo(ranked.get(i - 1).stepSeconds());
                }
                assertThat(p.best().memory().fits()).isTrue();
                assertThat(p.best().gpus()).isEqualTo(16384);
                assertThat(ranked.get(0).hbmBytes()).isEqualTo(p.best().memory().totalBytes());
            }
        }
        assertThat(report.scaleUp()).extracting(TrainingReport.ScaleUp::policy).containsExactlyElementsOf(TrainingReportStudy.POLICIES);
        // copper keeps the domain in the rack: today's is the preset's 8 GPUs
        assertThat(report.scaleUp().get(0).scaleUpGpus()).isEqualTo(8);
    }

    @Test
    void theTimelineIsTheBestDensePlanUnderToday() {
        StepResult best = report.plans("llama3-405b").policy(Policy.TODAY).best();
        StepResult tl = report.pipeline().timeline();
        assertThat(tl.plan()).isEqualTo(best.plan());
        assertThat(tl.stepSeconds()).isCloseTo(best.stepSeconds(), within(1e-12 * best.stepSeconds()));
        PipelineResult p = tl.pipeline();
        // every (micro-batch, chunk) once forward and once backward on every stage
        assertThat(p.timeline()).hasSize(2 * tl.plan().pp() * tl.plan().microBatches() * tl.plan().interleave());
        assertThat(report.pipeline().ops()).isEqualTo(p.timeline().size());
        assertThat(report.pipeline().bubbleFraction()).isCloseTo(p.bubbleSeconds() / p.makespanSeconds(), within(1e-9));
    }

    @Test
    void theMeanErrorsAreTheMeansOfTheRowsAndMeetIssueSevensBars() {
        List<TrainingReport.MegatronRun> m = report.validation().megatron();
        assertThat(m).hasSize(8);
        double abs = 0;
        double signed = 0;
        for (TrainingReport.MegatronRun r : m) {
            double e = r.result().stepSeconds() / r.paperSeconds() - 1;
            assertThat(r.error()).isEqualTo(e);
            abs += Math.abs(e);
            signed += e;
        }
        assertThat(report.validation().megatronMeanAbsoluteError()).isCloseTo(abs / 8, within(1e-15));
        assertThat(report.validation().megatronMeanError()).isCloseTo(signed / 8, within(1e-15));
        // the paper's step times as published ([korthikanti-2022]), full then seq+sel per model
        assertThat(m).extracting(TrainingReport.MegatronRun::paperSeconds).containsExactly(1.42, 1.10, 18.13, 13.75, 49.05, 37.83, 94.42, 71.49);
        assertThat(m).extracting(TrainingReport.MegatronRun::seqSel).containsExactly(false, true, false, true, false, true, false, true);
        // the same construction as mosaic-cluster's MegatronValidationTest and LlamaValidationTest
        assertThat(report.validation().megatronMeanAbsoluteError()).isLessThanOrEqualTo(0.05);
        assertThat(report.validation().llama3()).hasSize(2);
        for (TrainingReport.LlamaRun r : report.validation().llama3()) {
            assertThat(r.result().plan().tp()).isEqualTo(8);
            assertThat(r.result().plan().pp()).isEqualTo(16);
            assertThat(r.result().plan().dp()).isEqualTo(r.dp());
            assertThat(r.result().plan().cp()).isEqualTo(1);
            assertThat(r.result().memory().fits()).isTrue();
            assertThat(Math.abs(r.difference())).as(r.plan()).isLessThanOrEqualTo(0.03);
        }
    }

    @Test
    void theCampaignsAreTheBriefsOnCommonRandomNumbers() {
        TrainingReport.Goodput g = report.goodput();
        for (List<TrainingReport.CampaignRow> rows : List.of(g.fleetLinkRates(), g.llamaScaledLinkRates())) {
            assertThat(rows).extracting(TrainingReport.CampaignRow::policy).containsExactlyElementsOf(TrainingReportStudy.POLICIES);
            for (TrainingReport.CampaignRow row : rows) {
                TrainingModel.Campaign c = row.campaign();
                assertThat(c.spec().gpus()).isEqualTo(16384);
                assertThat(c.spec().days()).isEqualTo(54);
                assertThat(c.spec().trials()).isEqualTo(200);
                assertThat(c.spec().seed()).isEqualTo(1);
                assertThat(c.spec().hotSpares()).isTrue();
                assertThat(c.spec().checkpoint().saveSeconds()).isEqualTo(10);
                assertThat(c.spec().checkpoint().restartSeconds()).isEqualTo(300);
                assertThat(c.spec().causes().find("Planned maintenance")).isPresent();
                Estimate tot = TrainingReportStudy.totalInterruptions(c.result());
                assertThat(row.interruptions().mean()).isCloseTo(c.result().unplannedInterruptions().mean()
                        + c.result().plannedInterruptions().mean(), within(1e-9 * tot.mean()));
            }
            // the same sampled GPU failures in every trial of every policy
            for (int t = 0; t < 200; t++) {
                long gpu = rows.get(0).campaign().result().trials().get(t).interruptionsByCause().get("Faulty GPU");
                for (TrainingReport.CampaignRow c : rows) {
                    assertThat(c.campaign().result().trials().get(t).interruptionsByCause().get("Faulty GPU")).isEqualTo(gpu);
                }
            }
            // paired differences only after the first, and they are the model's paired differences
            assertThat(rows.get(0).ettrMinusFirst()).isNull();
            for (TrainingReport.CampaignRow c : rows.subList(1, rows.size())) {
                Estimate d = TrainingModel.pairedDifference(rows.get(0).campaign().result(), c.campaign().result(), TrialResult::ettr);
                assertThat(c.ettrMinusFirst().mean()).isEqualTo(d.mean());
                assertThat(c.ettrMinusFirst().lower95()).isEqualTo(d.lower95());
            }
        }
        // the Llama-scaled rates give today exactly Llama's switch/cable rate in its links
        TrainingModel.Campaign todayScaled = g.llamaScaledLinkRates().get(0).campaign();
        double llama = 35 / CampaignDocument.standard().observedGpuHours();
        assertThat(todayScaled.spec().causes().cause(TrainingModel.LINKS).ratePerUnitHour()).isCloseTo(llama, within(1e-12 * llama));
        assertThat(g.linkCalibration()).isCloseTo(TrainingModel.linkCalibration(), within(0.0));
        assertThat(g.llamaSwitchCableCount()).isEqualTo(35);
    }

    @Test
    void theLlamaThreeCampaignReproducesTheirInterruptions() {
        TrainingReport.Llama3Reproduction r = report.goodput().llama3Reproduction();
        Estimate u = r.result().unplannedInterruptions();
        // the rates are 419 / (54 d × 16,384 GPUs) per GPU-hour, so the expected count is 419 (closed form); the mean of 200
        // trials lies within 4 standard errors of it except with probability 6e-5 (normal tails)
        assertThat(r.result().expectedUnplannedInterruptions()).isCloseTo(419, within(1e-9));
        assertThat(Math.abs(u.mean() - 419)).isLessThan(4 * u.standardError());
        assertThat(r.publishedUnexpectedInterruptions()).isEqualTo(419);
        assertThat(r.unexpectedInterruptions().mean()).isEqualTo(u.mean());
        assertThat(r.publishedInsideInterval()).isEqualTo(u.contains(419, 0.95));
    }

    @Test
    void provenanceHoldsEveryListOnceWithOurOwnChoices() {
        List<Provenance> p = report.provenance();
        Set<String> paths = new HashSet<>();
        for (Provenance x : p) {
            assertThat(paths.add(x.path())).as("duplicate " + x.path()).isTrue();
        }
        for (List<Provenance> l : List.of(Models.provenance(), GpuSpec.provenance(), KernelCosts.provenance(), StepModel.provenance(),
                TrainingClusters.provenance(), CampaignDocument.provenance(), TrainingModel.provenance(), PublishedRuns.provenance(),
                SystemSpec.provenance())) {
            for (Provenance x : l) {
                assertThat(paths).contains(x.path());
            }
        }
        assertThat(p).anyMatch(x -> x.path().equals("report.training.deepseek-v3-like.globalBatch") && x.confidence() == Confidence.ASSUMED);
        assertThat(p).anyMatch(x -> x.path().equals("training.system.llama3-h100.scaleUp.latency") && x.confidence() == Confidence.ASSUMED);
    }

    @Test
    void theJsonHasTheSectionsKeysInOrder() {
        JsonNode json = Results.tree(report);
        List<String> keys = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("cluster", "scaleUp", "stepTime", "pipeline", "validation", "goodput", "provenance");
        assertThat(json.get("goodput").get("fleetLinkRates").get(0).has("ettrMinusFirst")).isFalse();
        assertThat(json.get("goodput").get("fleetLinkRates").get(1).has("ettrMinusFirst")).isTrue();
        assertThat(json.get("stepTime").get("llama3-405b").get("policies").get(Policy.MOSAIC).get("ranked").get(0).get("stepSeconds").asDouble())
                .isEqualTo(report.plans("llama3-405b").policy(Policy.MOSAIC).best().stepSeconds());
    }
}
