package org.mosaic.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.reliability.Arrhenius;
import org.mosaic.link.reliability.CableReliability;
import org.mosaic.link.reliability.ReliabilityDefaults;
import org.mosaic.link.reliability.ReliabilityResult;

/** The cable evaluated whole: the scenario's reliability parts, temperature, wear-out and scaling. */
class LinkModelTest {
    private static LinkSpec preset(String... sets) {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-800g");
        for (int i = 0; i < sets.length; i += 2) {
            doc = doc.with(sets[i], sets[i + 1]);
        }
        return LinkSpecs.bind(doc);
    }

    @Test
    void thePresetsPartsAreTheReliabilityDefaults() {
        // one set of numbers: the scenario file and the programmatic defaults must not drift apart
        LinkSpec s = preset();
        LinkModel.LinkResult r = LinkModel.evaluate(s);
        ReliabilityResult defaults = CableReliability.evaluate(ReliabilityDefaults.mosaic(400, 40, 20,
                ReliabilityDefaults.CHANNEL_FIT, ReliabilityDefaults.OPERATING_KELVIN, ReliabilityDefaults.SERVICE_LIFE_HOURS));
        assertThat(r.reliability().linkFit()).isCloseTo(defaults.linkFit(), within(defaults.linkFit() * 1e-12));
        assertThat(r.reliability().mttfHours()).isCloseTo(defaults.mttfHours(), within(defaults.mttfHours() * 1e-9));
        // with spares, the channels (1 FIT each) vanish; the common-mode parts are the cable FIT:
        // 2 ends x (100 + 50 + 30 + 30 + 10) + 5 = 445 FIT
        assertThat(r.reliability().linkFit()).isCloseTo(445, within(1e-6));
        // without spares, 2 directions x 440 needed channels x 1 FIT are added (constant hazards: FITs add)
        assertThat(r.reliability().withoutSpares().linkFit()).isCloseTo(445 + 880, within(1e-6));
    }

    @Test
    void aHotterCableFailsMoreByTheArrheniusFactorOfEachPart() {
        LinkSpec hot = preset("reliability.temperature", "85 C");
        ReliabilityResult r = LinkModel.evaluate(hot).reliability();
        double si = Arrhenius.factor(0.7, Arrhenius.kelvin(70), Arrhenius.kelvin(85));
        // silicon common-mode parts 2 x 210 FIT accelerate, connectors (2 x 10) and fibre (5) do not
        assertThat(r.linkFit()).isCloseTo(2 * 210 * si + 2 * 10 + 5, within(1e-6));
        assertThat(si).isCloseTo(2.71, within(0.02)); // exp(0.7 eV / k (1/343.15 - 1/358.15)) = 2.70
    }

    @Test
    void aWearOutPartIsBoundAndRaisesTheAveragedFit() {
        LinkSpec worn = preset("reliability.parts.end.gearboxAsic.wearOut.type", "weibull",
                "reliability.parts.end.gearboxAsic.wearOut.life", "10 years",
                "reliability.parts.end.gearboxAsic.wearOut.shape", "3");
        LinkModel.LinkResult r = LinkModel.evaluate(worn);
        // Weibull cumulative hazard (5/10)^3 = 0.125 over the life, per end: 2 x 0.125 / 43,800 h = 5.71e-6 /h = 5,708 FIT
        assertThat(r.reliability().linkFit()).isCloseTo(445 + 2 * 0.125 / 43_800 * 1e9, within(1.0));
    }

    @Test
    void scalingTo1600GShowsWhatEachWayCosts() {
        LinkSpec s = preset();
        List<Scaling.Option> opts = Scaling.options(s, HostInterface.forGeneration("1.6T"), false);
        Scaling.Option larger = opts.get(0);
        Scaling.Option faster = opts.get(1);
        // larger array: 1700 Gb/s / 2.125 Gb/s = 800 data channels on ceil(sqrt 800) = 29 columns, 28 rows
        assertThat(larger.plan().dataChannels()).isEqualTo(800);
        assertThat(larger.plan().dataCols()).isEqualTo(29);
        assertThat(larger.plan().channelRateBitsPerSecond()).isEqualTo(2.125e9);
        // it lights more cores than the 10,000-core fibre has: the cost is a bigger fibre
        assertThat(larger.fibreSuffices()).isFalse();
        assertThat(larger.fibreCoresNeeded()).isGreaterThan(10_000);
        // faster channels: the same 400 data channels at 4.25 Gb/s, the same die
        assertThat(faster.plan().dataChannels()).isEqualTo(400);
        assertThat(faster.plan().channelRateBitsPerSecond()).isCloseTo(4.25e9, within(1.0));
        assertThat(faster.plan().dieAreaSquareMillimeters()).isCloseTo(1.15, within(1e-9));
        assertThat(larger.plan().dieAreaSquareMillimeters()).isGreaterThan(2);
        // per bit, faster channels cost more in the analog parts (exponent 0.5), the larger array more LEDs
        assertThat(faster.power().perEndWatts()).isPositive();
        assertThat(larger.power().perEndWatts()).isPositive();
    }

    @Test
    void fasterChannelsReachLess() {
        LinkSpec s = preset();
        List<Scaling.Option> opts = Scaling.options(s, HostInterface.forGeneration("1.6T"), true);
        assertThat(opts.get(1).reachMeters()).isLessThan(opts.get(0).reachMeters());
    }
}
