package org.mosaic.cluster.training.goodput;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a message naming the value, what was expected and, where it can, a hint. */
class BadInputTest {
    private static final Recovery CRASH = Recovery.restartOnly(60);

    @ParameterizedTest
    @ValueSource(doubles = {-1e-6, Double.NaN, Double.POSITIVE_INFINITY})
    void aRateThatIsNotFiniteAndNonNegative(double rate) {
        assertThatThrownBy(() -> FailureCause.unplanned("GPU", "GPU", rate, 8, CRASH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cause GPU: rate " + rate).hasMessageContaining("expected a finite value >= 0")
                .hasMessageContaining("per unit per hour");
    }

    @Test
    void badUnitsNamesAndRecoveries() {
        assertThatThrownBy(() -> FailureCause.unplanned("GPU", "GPU", 1e-6, -8, CRASH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cause GPU: units -8.0");
        assertThatThrownBy(() -> FailureCause.unplanned(" ", "GPU", 1e-6, 8, CRASH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failure cause name ' '").hasMessageContaining("expected a non-blank name");
        assertThatThrownBy(() -> FailureCause.unplanned("GPU", "GPU", 1e-6, 8, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cause GPU: recovery is missing");
        assertThatThrownBy(() -> new FailureCause("upgrade", "Planned", 1e-3, 1, CRASH, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("planned cause upgrade").hasMessageContaining("expected Recovery.IMMEDIATE");
        assertThatThrownBy(() -> Recovery.replace(-5, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detection time -5.0");
        assertThatThrownBy(() -> Recovery.replace(60, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repair time NaN");
    }

    @Test
    void duplicateAndUnknownCauseNames() {
        FailureCause gpu = FailureCause.unplanned("GPU", "GPU", 1e-6, 8, CRASH);
        assertThatThrownBy(() -> FailureCauses.of(gpu, gpu.withUnits(16))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'GPU' appears twice").hasMessageContaining("withCause(...) replaces");
        assertThatThrownBy(() -> CampaignDocument.standard().causes(16_384).without("Network switch/cabel")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failure cause 'Network switch/cabel'").hasMessageContaining("Network switch/cable");
        assertThatThrownBy(() -> CampaignDocument.standard().causes(16_384).cause("TPU")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected one of [Faulty GPU, GPU HBM3 memory");
    }

    @Test
    void badCheckpointPlansAndClosedFormArguments() {
        assertThatThrownBy(() -> new CheckpointPlan(0, 10, 300)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint interval 0.0").hasMessageContaining("expected a positive finite value");
        assertThatThrownBy(() -> new CheckpointPlan(480, -1, 300)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint save time -1.0");
        assertThatThrownBy(() -> Checkpointing.youngIntervalSeconds(0, 11_140)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint save time 0.0").hasMessageContaining("with free saves");
        assertThatThrownBy(() -> Checkpointing.dalyIntervalSeconds(10, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MTBF Infinity");
        assertThatThrownBy(() -> Checkpointing.stepsPerCheckpoint(10, 6000, 600, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step time 0.0");
        assertThatThrownBy(() -> Checkpointing.meanRecoverySeconds(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rates for 1 causes but recovery times for 2");
        assertThatThrownBy(() -> Checkpointing.renewalEttr(CampaignDocument.standard().causesWithPlanned(16_384), CampaignDocument.standard().checkpoint(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("planned causes [Planned maintenance]")
                .hasMessageContaining("causes.unplanned()");
    }

    @Test
    void badCampaigns() {
        CampaignSpec ok = CampaignDocument.standard().campaign(10, 0);
        assertThatThrownBy(() -> ok.withTrials(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trials 1").hasMessageContaining("expected at least 2");
        assertThatThrownBy(() -> ok.withGpus(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GPU count 0");
        assertThatThrownBy(() -> ok.withDays(-54)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("campaign length -54.0");
        // a rate per second given as per hour, by 3600 x, over 16k GPUs x 10 years: far too many failures
        FailureCauses silly = FailureCauses.of(FailureCause.unplanned("GPU", "GPU", 3600 * 7e-6, 16_384, CRASH));
        assertThatThrownBy(() -> ok.withDays(3650).withCauses(silly)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected failures per trial").hasMessageContaining("rates are per unit per hour");
        assertThatThrownBy(() -> ok.withCheckpoint(new CheckpointPlan(0.01, 10, 300))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint interval 0.01 s").hasMessageContaining("the interval is in seconds");
        assertThatThrownBy(() -> CampaignSimulator.failureEvents(ok, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trial -1");
    }

    @Test
    void replayedEventsMustBeOrderedKnownAndInside() {
        CampaignSpec spec = CampaignDocument.standard().campaign(2, 0);
        assertThatThrownBy(() -> CampaignSimulator.replay(spec, List.of(new FailureEvent(10, "TPU", false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event 0: cause 'TPU'").hasMessageContaining("Faulty GPU");
        assertThatThrownBy(() -> CampaignSimulator.replay(spec, List.of(new FailureEvent(10, "NIC", false), new FailureEvent(5, "NIC", false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event 1 at 5.0 s").hasMessageContaining("in order");
        assertThatThrownBy(() -> CampaignSimulator.replay(spec, List.of(new FailureEvent(5e6, "NIC", false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within [0, 4665600.0)");
        assertThatThrownBy(() -> CampaignSimulator.replay(spec, List.of(new FailureEvent(5, "NIC", true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("planned=true for cause 'NIC'");
        assertThatThrownBy(() -> new FailureEvent(-1, "NIC", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failure time -1.0");
    }

    @Test
    void aConfidenceOutsideZeroToOne() {
        Estimate e = Estimate.of(new double[] {1, 2, 3});
        assertThatThrownBy(() -> e.halfWidth(95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confidence 95.0").hasMessageContaining("e.g. 0.95");
        assertThatThrownBy(() -> Estimate.of(new double[] {1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected at least 2");
    }
}
