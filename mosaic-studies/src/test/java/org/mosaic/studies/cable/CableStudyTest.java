package org.mosaic.studies.cable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.PowerModel;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.UsageException;

/** The cable study: its declaration, and its numbers against closed forms of the plan, power and reliability. */
class CableStudyTest {
    private static final CableStudy STUDY = new CableStudy();

    private static CableResult run(ScenarioDocument doc, boolean scale) {
        return STUDY.run(new CableStudy.Input(doc, scale));
    }

    @Test
    void declaresDescribedInputsAndMetricsWithUnits() {
        assertThat(STUDY.inputs()).extracting(InputSpec::name).containsExactly("cable", "scale");
        assertThat(STUDY.inputs()).allSatisfy(i -> assertThat(i.description()).isNotBlank());
        assertThat(STUDY.inputs().get(0).type()).isEqualTo("document (cable)");
        Map<String, String> units = STUDY.metrics().stream().collect(Collectors.toMap(MetricSpec::path, MetricSpec::unit));
        assertThat(units).containsEntry("power.perEndWatts", "W").containsEntry("power.perBitPicojoules", "pJ")
                .containsEntry("reliability.linkFit", "FIT").containsEntry("reliability.mttfHours", "h")
                .containsEntry("skew.unitIntervals", "UI").containsEntry("dieAreaMm2", "mm²")
                .containsEntry("scaling[].reachMeters", "m").containsEntry("channelCloses", "bool");
        assertThat(Studies.byName("cable")).containsInstanceOf(CableStudy.class);
    }

    @Test
    void thePlanPowerAndReliabilityFollowTheirClosedForms() {
        CableResult r = run(ScenarioDocument.preset("mosaic-800g"), false);
        // data channels = ceil(line rate / channel rate): 850 Gb/s over 2.125 Gb/s channels
        assertThat(r.channels().data()).isEqualTo((int) Math.ceil(r.host().lineRateBitsPerSecond() / r.channelRateBitsPerSecond() - 1e-9))
                .isEqualTo(400);
        assertThat(r.channels().total()).isEqualTo(r.channels().data() + r.channels().parity() + r.channels().spare());
        assertThat(r.skew().deskewBufferBits()).isEqualTo((long) r.skew().deskewBitsPerChannel() * r.channels().total());
        // power: the breakdown adds up to the end's watts; per bit against the payload rate; a cable has two ends
        for (CableResult.Power p : new CableResult.Power[] {r.power(), r.powerOtherAttachment()}) {
            assertThat(p.breakdown().stream().mapToDouble(PowerModel.Item::watts).sum()).isCloseTo(p.perEndWatts(), within(1e-9));
            assertThat(p.perBitPicojoules()).isCloseTo(p.perEndWatts() / r.host().payloadBitsPerSecond() * 1e12, within(1e-9));
            assertThat(p.perCableWatts()).isCloseTo(2 * p.perEndWatts(), within(1e-12));
        }
        // the two attachments differ only by the host interface: 2.4 W pluggable, 0.2 W co-packaged
        assertThat(r.power().attachment()).isEqualTo("pluggable");
        assertThat(r.power().perEndWatts() - r.powerOtherAttachment().perEndWatts()).isCloseTo(2.4 - 0.2, within(1e-9));
        // AFR from FIT with a constant hazard: 1 - exp(-FIT x 8760 h / 1e9 h)
        CableResult.Reliability rel = r.reliability();
        assertThat(rel.perEndFit()).isCloseTo(rel.linkFit() / 2, within(1e-9));
        assertThat(rel.afrPerEnd()).isCloseTo(-Math.expm1(-rel.perEndFit() * 8760 / 1e9), within(1e-15));
        assertThat(rel.linkFit()).isLessThan(rel.withoutSpares().linkFit());
        assertThat(rel.serviceYears()).isEqualTo(5.0);
        assertThat(r.scaling()).isEmpty();
    }

    @Test
    void saysWhetherTheChannelClosesAndLeavesTheSentenceOutWhenItDoes() {
        CableResult at50 = run(ScenarioDocument.preset("mosaic-800g"), false);
        assertThat(at50.channelCloses()).isFalse();
        assertThat(at50.channelDoesNotClose()).startsWith("the channel does not close at 50.0 m");
        assertThat(at50.channelDoesNotClose()).contains("on the array's mean BER"); // the reach's definition (link.reach.target)
        // inside the modelled reach (rounded down to the metre) it closes, and no sentence is written
        double reach = org.mosaic.optics.ChannelAnalysis.targetReach(org.mosaic.link.LinkSpecs.bind(ScenarioDocument.preset("mosaic-800g")).channel());
        CableResult inside = run(ScenarioDocument.preset("mosaic-800g").with("fiber.length", Math.floor(reach) + " m"), false);
        assertThat(inside.channelCloses()).isTrue();
        JsonNode json = Results.tree(inside);
        assertThat(json.has("channelDoesNotClose")).isFalse();
        assertThat(json.has("scaling")).isFalse();
        assertThat(json.path("host").has("interface")).isTrue();
    }

    @Test
    void scalingGivesALargerArrayAndFasterChannelsPerGeneration() {
        CableResult r = run(ScenarioDocument.preset("mosaic-800g"), true);
        assertThat(r.scaling()).extracting(CableResult.ScalingOption::target)
                .containsExactly(host("1.6T"), host("1.6T"), host("3.2T"), host("3.2T"));
        CableResult.ScalingOption larger = r.scaling().get(0);
        CableResult.ScalingOption faster = r.scaling().get(1);
        // twice the line rate: twice the data channels at the same rate, or the same array at twice the rate
        assertThat(larger.channelRateBitsPerSecond()).isEqualTo(r.channelRateBitsPerSecond());
        assertThat(larger.dataChannels()).isEqualTo(2 * r.channels().data());
        assertThat(faster.dataChannels()).isEqualTo(r.channels().data());
        assertThat(faster.channelRateBitsPerSecond()).isCloseTo(2 * r.channelRateBitsPerSecond(), within(1.0));
        // the larger array keeps the channel, so its reach; faster channels reach less
        assertThat(faster.reachMeters()).isLessThan(larger.reachMeters());
        assertThat(larger.fibreSuffices()).isEqualTo(larger.fibreCoresNeeded() <= larger.fibreCoresAvailable());
    }

    private static String host(String generation) {
        return org.mosaic.link.HostInterface.forGeneration(generation).id();
    }

    @Test
    void aChannelWithoutAHostSectionIsRefusedWithAHint() {
        assertThatThrownBy(() -> run(ScenarioDocument.preset("mosaic-prototype"), false))
                .isInstanceOf(UsageException.class).hasMessageContaining("not a cable").hasMessageContaining("--preset mosaic-800g");
    }
}
