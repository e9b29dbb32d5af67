package org.mosaic.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.training.LinkCost;
import org.mosaic.cluster.training.goodput.CampaignResult;
import org.mosaic.cluster.training.goodput.FailureCause;
import org.mosaic.cluster.training.goodput.FailureCauses;
import org.mosaic.cluster.training.goodput.CampaignDocument;
import org.mosaic.cluster.training.goodput.TrialResult;
import org.mosaic.cluster.training.network.TrainingCluster;

/** The training facade: setups per policy, the split of Llama's switch/cable row, campaigns on common random numbers. */
class TrainingModelTest {

    @Test
    void cachedNetworkAnswersAsTheClusterDoes() {
        TrainingModel.Setup s = TrainingModel.setup("h100-16k", null, Policy.TODAY, null);
        TrainingCluster c = s.cluster();
        for (int[] g : new int[][] {{8, 1}, {16, 8}, {128, 8}, {16, 1024}, {2, 8192}}) {
            LinkCost a = s.system().network().link(g[0], g[1]);
            assertThat(a).isEqualTo(c.forGroup(g[0], g[1]));
            assertThat(s.system().network().link(g[0], g[1])).isSameAs(a); // kept, not recomputed
            assertThat(s.system().network().bisectionBytesPerSecond(g[0], g[1])).isEqualTo(c.bisectionBytesPerSecond(g[0], g[1]));
        }
        assertThat(s.system().gpus()).isEqualTo(16_384);
        assertThat(s.system().gpu().name()).isEqualTo("h100-sxm");
    }

    @Test
    void aGrownDomainKeepsTheBoardLatencyForGroupsInsideTheBoard() {
        TrainingModel.Setup s = TrainingModel.setup("h100-16k", null, Policy.MOSAIC, null);
        TrainingCluster c = s.cluster();
        assertThat(c.scaleUpChoice().grown()).isTrue();
        // a group of 16 spread as widely as the grown domain allows (stride = domain / 16): across boards, inside the domain
        // (the domain's size follows MOSAIC's modelled reach; at least two 8-GPU boards once grown)
        int stride = c.scaleUpGpus() / 16;
        assertThat(stride).isPositive();
        assertThat(c.group(16, stride).span()).isEqualTo(org.mosaic.cluster.training.network.GroupSpan.SCALE_UP);
        LinkCost inBoard = s.system().network().link(8, 1);
        LinkCost acrossBoards = s.system().network().link(16, stride);
        assertThat(inBoard.latencySeconds()).isEqualTo(c.assumptions().scaleUpLatencySeconds());
        assertThat(acrossBoards).isEqualTo(c.forGroup(16, stride));
        assertThat(acrossBoards.latencySeconds()).isGreaterThan(inBoard.latencySeconds());
        assertThat(inBoard.bandwidthBytesPerSecond()).isEqualTo(acrossBoards.bandwidthBytesPerSecond());
    }

    @Test
    void aGroupCrossingAnNvl72RackIsCostedOnTheFabric() {
        TrainingModel.Setup s = TrainingModel.setup("cluster-100k", null, Policy.TODAY, 4608L);
        TrainingCluster c = s.cluster();
        assertThat(c.scaleUpGpus()).isEqualTo(72);
        assertThat(s.system().network().link(8, 1)).isEqualTo(c.forGroup(8, 1));
        // a group of 16 fits inside a rack and is placed whole inside one (issue 16's placement rule); 128 cannot
        assertThat(s.system().network().link(16, 1)).isEqualTo(c.forGroup(8, 1));
        LinkCost dp128 = s.system().network().link(128, 1);
        assertThat(dp128).isEqualTo(c.forGroup(128, 1));
        assertThat(dp128.bandwidthBytesPerSecond()).isLessThan(c.scaleUp().bandwidthBytesPerSecond() / 5);
    }

    @Test
    void anNvl72JobOfEightGpusStillCountsItsCabledSpine() {
        TrainingCluster eight = TrainingModel.cluster("nvl72-rack", null, Policy.TODAY, 8L);
        assertThat(eight.onBoardScaleUp()).isFalse();
        assertThat(TrainingModel.linkFailuresPerGpuHour(eight)).isPositive();
        assertThat(TrainingModel.cluster("h100-16k", null, Policy.TODAY, null).onBoardScaleUp()).isTrue();
    }

    @Test
    void linkRatesByTechnologyAddUpToTheLinkRate() {
        for (String policy : List.of(Policy.TODAY, Policy.MOSAIC_BEYOND_COPPER, Policy.MOSAIC)) {
            TrainingCluster c = TrainingModel.cluster("h100-16k", null, policy, null);
            java.util.Map<String, Double> byTech = TrainingModel.linkFailuresPerGpuHourByTechnology("h100-16k", policy, c);
            double sum = byTech.values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(sum).as(policy).isCloseTo(TrainingModel.linkFailuresPerGpuHour(c), within(1e-12 * sum + 1e-20));
            if (!policy.equals(Policy.TODAY)) {
                assertThat(byTech).as(policy).containsKey("mosaic-pluggable");
            }
        }
    }

    @Test
    void switchCableRowIsSplitIntoLinksAndSwitchesThatSumToLlamaOnTheCalibrationCluster() {
        TrainingCluster today = TrainingModel.cluster("h100-16k", null, Policy.TODAY, null);
        FailureCauses causes = TrainingModel.causes(today, 16_384, false);
        assertThat(causes.find(CampaignDocument.standard().interconnectCause().name())).isEmpty();
        FailureCause links = causes.cause(TrainingModel.LINKS);
        FailureCause switches = causes.cause(TrainingModel.SWITCHES);
        double llama = 35 / CampaignDocument.standard().observedGpuHours();
        // the residual is what is left of Llama's rate, never negative
        assertThat(switches.ratePerUnitHour()).isCloseTo(Math.max(0, llama - links.ratePerUnitHour()), within(1e-15));
        // every other cause is Llama's, unchanged
        FailureCauses llamaCauses = CampaignDocument.standard().causes(16_384);
        for (FailureCause c : llamaCauses.causes()) {
            if (!c.name().equals(CampaignDocument.standard().interconnectCause().name())) {
                assertThat(causes.cause(c.name())).isEqualTo(c);
            }
        }
        // calibrated: the links alone carry Llama's rate on the calibration cluster
        FailureCauses cal = TrainingModel.causes(today, 16_384, false, true);
        assertThat(cal.cause(TrainingModel.LINKS).ratePerUnitHour()).isCloseTo(llama, within(llama * 1e-12));
        assertThat(cal.cause(TrainingModel.SWITCHES).ratePerUnitHour()).isZero();
        assertThat(TrainingModel.linkCalibration()).isCloseTo(llama / TrainingModel.linkFailuresPerGpuHour(today), within(1e-12));
    }

    @Test
    void boardNvlinkIsNotALinkFailureButAGrownDomainsCablesAre() {
        TrainingCluster today = TrainingModel.cluster("h100-16k", null, Policy.TODAY, null);
        TrainingCluster mosaic = TrainingModel.cluster("h100-16k", null, Policy.MOSAIC, null);
        assertThat(today.scaleUpGpus()).isEqualTo(8);
        assertThat(mosaic.scaleUpGpus()).isGreaterThan(8);
        double fabricOnly = today.failures().totalPerGpuHour() - today.failures().perGpuHour(org.mosaic.cluster.topology.LinkTier.SCALE_UP);
        assertThat(TrainingModel.linkFailuresPerGpuHour(today)).isCloseTo(fabricOnly, within(1e-15));
        assertThat(TrainingModel.linkFailuresPerGpuHour(mosaic)).isGreaterThan(
                mosaic.failures().totalPerGpuHour() - mosaic.failures().perGpuHour(org.mosaic.cluster.topology.LinkTier.SCALE_UP));
    }

    @Test
    void policiesShareEveryNonLinkFailureTrialByTrial() {
        List<TrainingModel.Campaign> runs = TrainingModel.campaigns("h100-16k", List.of(Policy.TODAY, Policy.MOSAIC_BEYOND_COPPER), null,
                llama(5, "10 min"), false, 20, 7);
        CampaignResult a = runs.get(0).result();
        CampaignResult b = runs.get(1).result();
        for (int i = 0; i < 20; i++) {
            TrialResult ta = a.trials().get(i);
            TrialResult tb = b.trials().get(i);
            for (String cause : List.of("Faulty GPU", "GPU HBM3 memory", "Software bug", "NIC")) {
                assertThat(tb.interruptionsByCause().get(cause)).as("trial %d, %s", i, cause).isEqualTo(ta.interruptionsByCause().get(cause));
            }
        }
        // copper-then-MOSAIC replaces laser optics on the fabric: fewer link interruptions in (almost) every trial
        assertThat(b.interruptions(TrainingModel.LINKS).mean()).isLessThan(a.interruptions(TrainingModel.LINKS).mean());
        assertThat(TrainingModel.pairedDifference(a, b, TrialResult::ettr).mean()).isPositive();
    }

    @Test
    void unknownNamesAreRejected() {
        assertThatThrownBy(() -> TrainingModel.setup("h100-17k", null, Policy.TODAY, null)).hasMessageContaining("h100-17k");
        assertThatThrownBy(() -> TrainingModel.setup("h100-16k", null, "tomorrow", null)).hasMessageContaining("tomorrow");
        assertThatThrownBy(() -> TrainingModel.setup("h100-16k", null, Policy.TODAY, 0L)).hasMessageContaining("GPUs 0");
    }

    @Test
    void onBoardNvlinkStaysATraceInTheTrainingModelUnderEveryPolicy_issue12() {
        // h100-16k: the board's NVLink are neither given a technology nor counted as link failures under any policy; a group
        // inside one board keeps the board's latency and bandwidth; only the cables a grown domain adds can fail
        for (String policy : Policy.NAMES) {
            TrainingModel.Setup s = TrainingModel.setup("h100-16k", null, policy, null);
            TrainingCluster c = s.cluster();
            assertThat(c.onBoardScaleUp()).as(policy).isTrue();
            double extraPerGpuHour = c.scaleUpChoice().extraLinkFailuresPerDay() / 24 / c.gpus();
            assertThat(TrainingModel.linkFailuresPerGpuHourByTier(c).get("scale-up")).as(policy).isCloseTo(extraPerGpuHour, within(1e-18));
            assertThat(c.failures().perGpuHour(org.mosaic.cluster.topology.LinkTier.SCALE_UP)).as(policy)
                    .isCloseTo(extraPerGpuHour, within(1e-18));
            LinkCost inBoard = s.system().network().link(8, 1);
            assertThat(inBoard.latencySeconds()).as(policy).isEqualTo(c.assumptions().scaleUpLatencySeconds());
            assertThat(s.scaleUpNote()).as(policy).doesNotContain("keeps the in-rack scale-up cables");
        }
    }

    @Test
    void campaignsRefuseTooMuchWorkBeforeSimulating_issue12() {
        // 100,000 trials of 10 years on 16k GPUs is ~10^11 events (days of work): refused at once, with the estimate
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> TrainingModel.campaigns("h100-16k", List.of(Policy.TODAY), null, llama(3650, "daly"), false, 100_000, 0,
                2e9, (d, n) -> { }))
                .isInstanceOf(TrainingModel.TooMuchWork.class).hasMessageContaining("simulated events").hasMessageContaining("2.00e+09");
        // the same campaign, small, reports every trial
        java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();
        TrainingModel.campaigns("h100-16k", List.of(Policy.TODAY), null, llama(5, "daly"), false, 7, 0, 2e9, (d, n) -> {
                    assertThat(n).isEqualTo(7);
                    seen.accumulateAndGet(d, Math::max);
                });
        assertThat(seen.get()).isEqualTo(7);
    }

    /** The llama3-54d campaign document with another length and checkpoint interval. */
    static CampaignDocument llama(double days, String interval) {
        return CampaignDocument.bind(org.mosaic.core.scenario.Documents.preset(org.mosaic.core.scenario.Documents.Kind.CAMPAIGN, "llama3-54d")
                .with("days", String.valueOf(days)).with("checkpoint.interval", interval));
    }
}
