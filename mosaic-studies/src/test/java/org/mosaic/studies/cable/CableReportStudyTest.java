package org.mosaic.studies.cable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.baseline.TwinaxModel;
import org.mosaic.link.reliability.MonteCarloResult;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.link.LinkSpecs;
import org.mosaic.studies.Results;

/** The report's cable study: cables only, the comparison's rows are the cables', the Monte Carlo agrees with the analytic. */
class CableReportStudyTest {
    private static final CableReportStudy STUDY = new CableReportStudy();
    private static CableReportResult result;

    @BeforeAll
    static void run() {
        // a channel-only scenario (skipped) and one cable with fewer Monte Carlo trials than shipped
        result = STUDY.run(new CableReportStudy.Input(List.of(
                new CableReportStudy.Scenario("mosaic-prototype", ScenarioDocument.preset("mosaic-prototype")),
                new CableReportStudy.Scenario("800g", ScenarioDocument.preset("mosaic-800g").with("reliability.monteCarloTrials", "4000")))));
    }

    @Test
    void declaresItsInputAndMetrics() {
        assertThat(STUDY.inputs()).hasSize(1).allSatisfy(i -> assertThat(i.description()).isNotBlank());
        assertThat(STUDY.metrics()).isNotEmpty();
        assertThat(STUDY.metrics()).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("cables.*.reachMeters");
            assertThat(m.unit()).isEqualTo("m");
        });
    }

    @Test
    void evaluatesOnlyTheCablesUnderTheirNames() {
        assertThat(result.cables().keySet()).containsExactly("800g");
        CableReportResult.Cable c = result.cables().get("800g");
        assertThat(c.reliabilityMonteCarlo().trials()).isEqualTo(4000);
        assertThat(c.seed()).isZero();
        assertThat(c.sparePlacement()).isEqualTo("edge");
        assertThat(c.provenance()).isNotEmpty().allSatisfy(p -> assertThat(p.path()).matches("(host|plan|power|reliability)\\..*"));
        // the reach is the channel model's on the design's target definition (the array's mean BER for mosaic-800g, below
        // the nominal channel's), and the comparison's microLED rows carry it
        var channel = LinkSpecs.bind(ScenarioDocument.preset("mosaic-800g")).channel();
        double reach = ChannelAnalysis.targetReach(channel);
        assertThat(reach).isLessThan(ChannelAnalysis.reach(channel));
        assertThat(c.reachMeters()).isEqualTo(reach);
        assertThat(result.comparison800G().row("800g (pluggable)").reachMeters()).isEqualTo(reach);
        assertThat(result.comparison1600G().row("800g (CPO)").reachMeters()).isEqualTo(reach);
        assertThat(result.comparison800G().lengthMeters()).isEqualTo(CableReportStudy.COMPARE_LENGTH_METERS);
        // at 50 m, beyond its reach, the channel does not close, and the sentence says so
        assertThat(reach).isLessThan(50);
        assertThat(c.channelDoesNotClose()).startsWith("the channel does not close at 50.0 m");
    }

    @Test
    void theMonteCarloAgreesWithTheAnalyticReliability() {
        CableReportResult.Cable c = result.cables().get("800g");
        MonteCarloResult.Proportion mc = c.reliabilityMonteCarlo().reliabilityAtServiceLife();
        double analytic = c.reliability().withSpares().reliabilityAtServiceLife();
        // binomial standard error at 4,000 trials; 4 of them: a false failure below 1e-4 (fixed seed: deterministic)
        double se = Math.sqrt(analytic * (1 - analytic) / mc.trials());
        assertThat(mc.estimate()).isCloseTo(analytic, within(4 * se));
    }

    @Test
    void copperReachFallsWithFrequencyAndIsTheBudgetOverTheLoss() {
        assertThat(result.copperReach()).extracting(CableReportResult.CopperCurve::cable).hasSize(2);
        for (CableReportResult.CopperCurve cc : result.copperReach()) {
            List<Double> reach = new ArrayList<>();
            for (TwinaxModel.ReachPoint p : cc.points()) {
                assertThat(p.reachMeters()).isCloseTo(p.cableBudgetDb() / p.lossDbPerMeter(), within(1e-9));
                reach.add(p.reachMeters());
            }
            assertThat(reach).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @Test
    void theJsonHoldsTheNumbersNotTheRenderingAids() {
        JsonNode j = Results.tree(result);
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("cables", "comparison800G", "comparison1600G");
        List<String> cable = new ArrayList<>();
        j.path("cables").path("800g").fieldNames().forEachRemaining(cable::add);
        assertThat(cable).containsExactly("plan", "power", "powerOtherAttachment", "reliability", "reliabilityMonteCarlo", "reachMeters");
    }
}
