package org.mosaic.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.hipparchus.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mosaic.core.catalog.Catalog;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.optics.ChannelSpecs;

/**
 * The microLED peer presets, {@code avicena-like} and {@code smartsens-unisoc}: each binds as an 800G cable,
 * every number it sets has provenance, its channel plan builds and passes its geometry checks, its power per
 * end is finite and adds up, and the Avicena-like cable's power agrees with Avicena's published energy per
 * bit ([avicena-tech], [cea-leti-lifi], [smartsens-unisoc-2026]). The reach our channel model computes for each is printed for the report, with a check
 * that it is the crossing of the BER target it claims to be (or, at the search floor, that the link closes at
 * no length at all). The presets load by name from the classpath; they need not be listed in index.txt.
 */
class PeerPresetsTest {

    private static final double BOLTZMANN = 1.380649e-23;

    private static ScenarioDocument doc(String name) {
        return ScenarioDocument.preset(name);
    }

    private static LinkSpec spec(String name) {
        return LinkSpecs.bind(doc(name));
    }

    private static ChannelPlan plan(LinkSpec s) {
        return ChannelPlan.of(s.channel(), s.host(), s.plan());
    }

    @ParameterizedTest
    @ValueSource(strings = {"avicena-like", "smartsens-unisoc"})
    void bindsAsAn800gCableWithProvenanceForEveryNumber(String name) {
        ScenarioDocument d = doc(name);
        assertThat(Catalog.unsourced(d)).as("numbers without a provenance entry").isEmpty();
        // no stale entry: every provenance path names a value the preset sets, and says where it comes from
        assertThat(Catalog.of(d)).allSatisfy(p -> {
            assertThat(p.value()).as(p.path()).isNotEqualTo("(not set)");
            assertThat(p.source()).as("source of " + p.path()).isNotBlank();
        });
        // the channel layer alone binds it too (it leaves the cable sections to LinkSpecs), as the channel report does
        assertThat(ChannelSpecs.bind(d).name()).isEqualTo(name);
        LinkSpec s = LinkSpecs.bind(d);
        assertThat(s.host().id()).isEqualTo("800GAUI-8");
        assertThat(s.channel().name()).isEqualTo(name);
    }

    @Test
    void everySmartsensUnisocNumberIsMarkedAssumedBecauseNoneIsPublished() {
        // [avicena-tech], [cea-leti-lifi], [smartsens-unisoc-2026]: no figures published
        assertThat(Catalog.of(doc("smartsens-unisoc"))).extracting(Provenance::confidence).containsOnly(Confidence.ASSUMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"avicena-like", "smartsens-unisoc"})
    void thePlanBuildsAndPassesItsGeometryChecks(String name) {
        ChannelPlan p = plan(spec(name));
        assertThat(p.coresLit()).isLessThanOrEqualTo(p.fibreCores());
        assertThat(p.checks()).allSatisfy(c -> assertThat(c.ok()).as(c.name() + ": " + c.detail()).isTrue());
        System.out.printf(Locale.ROOT, "%s plan: %d data + %d parity + %d spare = %d channels at %.4f Gb/s on a %d x %d grid, "
                        + "%.1f cores/channel, %.0f of %d cores lit, die %.2f mm2, skew %.2f UI%n", name, p.dataChannels(),
                p.parityChannels(), p.spareChannels(), p.totalChannels(), p.channelRateBitsPerSecond() / 1e9, p.gridRows(),
                p.gridCols(), p.coresPerChannel(), p.coresLit(), p.fibreCores(), p.dieAreaSquareMillimeters(), p.skewUnitIntervals());
    }

    @Test
    void theAvicenaPlanIsTheEkitsThreeHundredTwentyChannels() {
        LinkSpec s = spec("avicena-like");
        ChannelPlan p = plan(s);
        // [avicena-tech], [cea-leti-lifi], [smartsens-unisoc-2026]: eKit 320 channels = 256 active + 64 spare at up to 3.5 Gb/s, no FEC
        assertThat(p.dataChannels()).isEqualTo(256);
        assertThat(p.spareChannels()).isEqualTo(64);
        assertThat(p.parityChannels()).isZero();
        assertThat(p.totalChannels()).isEqualTo(320);
        // 850 Gb/s / 256 = 3.3203125 Gb/s exactly: every lane used, inside "up to 3.5 Gb/s"
        assertThat(p.utilisation()).isCloseTo(1.0, within(1e-12));
        assertThat(p.channelRateBitsPerSecond()).isLessThanOrEqualTo(3.5e9);
        // ~50 um cores: one core per channel, and the spot fits inside it
        assertThat(p.coresPerChannel()).isEqualTo(1.0);
        assertThat(s.channel().optics().spotDiameterMeters()).isLessThan(s.channel().fiber().coreDiameterMeters());
        assertThat(s.channel().berTarget()).isEqualTo(1e-9);
    }

    @Test
    void theSmartsensPlanIsMosaicsFourHundredChannelsWithoutParity() {
        ChannelPlan p = plan(spec("smartsens-unisoc"));
        assertThat(p.dataChannels()).isEqualTo(400);
        assertThat(p.spareChannels()).isEqualTo(20);
        assertThat(p.parityChannels()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"avicena-like", "smartsens-unisoc"})
    void powerPerEndIsFinitePositiveAndAddsUp(String name) {
        LinkSpec s = spec(name);
        ChannelPlan p = plan(s);
        for (PowerModel.Attachment a : PowerModel.Attachment.values()) {
            PowerModel.Power pw = PowerModel.evaluate(s.channel(), p, s.power(), a);
            assertThat(pw.perEndWatts()).isFinite().isPositive();
            assertThat(pw.breakdown()).allSatisfy(i -> assertThat(i.watts()).as(i.item()).isFinite().isNotNegative());
            assertThat(pw.breakdown().stream().mapToDouble(PowerModel.Item::watts).sum()).isCloseTo(pw.perEndWatts(), within(1e-12));
            System.out.printf(Locale.ROOT, "%s power per end (%s): %.3f W = %.2f pJ/bit (core without host interface %.3f W)%n",
                    name, a.id(), pw.perEndWatts(), pw.perBitPicojoules(), pw.coreWatts());
        }
        PowerModel.evaluate(s.channel(), p, s.power(), s.attachment()).breakdown().forEach(i ->
                System.out.printf(Locale.ROOT, "  %-26s %7.3f W  %s%n", i.item(), i.watts(), i.basis()));
    }

    /**
     * Avicena publishes Tx 80-200 fJ/bit, a full link below 1 pJ/bit and a 0.1-0.5 pJ/bit link target
     * ([avicena-tech], [cea-leti-lifi], [smartsens-unisoc-2026]); none of it includes a gearbox to host lanes or the host interface. One cable end holds
     * one direction's transmitters and the other direction's receivers, so per end it spends one whole link's
     * energy per bit on each bit of one direction's 850 Gb/s: 0.5 pJ/bit x 850 Gb/s = 0.425 W at the top of
     * the target, 1 pJ/bit x 850 Gb/s = 0.85 W at the stated full-link bound. The model's end without its
     * host interface (optical channels + gearbox + clocking + control + regulator loss) must lie within a
     * factor 3 of that range: 0.85/3 = 0.28 W to 3 x 0.425 = 1.275 W.
     */
    @Test
    void avicenaPowerAgreesWithItsPublishedEnergyPerBit() {
        LinkSpec s = spec("avicena-like");
        ChannelPlan p = plan(s);
        PowerModel.Power pw = PowerModel.evaluate(s.channel(), p, s.power(), PowerModel.Attachment.PLUGGABLE);
        double laneBits = p.channelRateBitsPerSecond() * p.neededChannels();
        double tx = (watts(pw, "LED bias") + watts(pw, "LED driver switching")) / laneBits;
        double link = tx + (watts(pw, "TIA + limiting amplifier") + watts(pw, "CTLE")) / laneBits;
        assertThat(tx).as("Tx energy per bit").isBetween(80e-15, 200e-15);
        assertThat(link).as("optical link energy per bit").isBetween(0.1e-12, 0.5e-12);
        double implied05 = 0.5e-12 * p.lineRateBitsPerSecond();
        double implied1 = 1e-12 * p.lineRateBitsPerSecond();
        assertThat(implied05).isCloseTo(0.425, within(1e-12));
        assertThat(pw.coreWatts()).isBetween(implied1 / 3, 3 * implied05);
        System.out.printf(Locale.ROOT, "avicena-like: Tx %.0f fJ/bit, optical link %.3f pJ/bit; end without host interface %.3f W "
                        + "= %.2f x the 0.425 W of 0.5 pJ/bit, %.2f x the 0.85 W of 1 pJ/bit; pluggable end %.3f W = %.1f x 0.85 W%n",
                tx * 1e15, link * 1e12, pw.coreWatts(), pw.coreWatts() / implied05, pw.coreWatts() / implied1,
                pw.perEndWatts(), pw.perEndWatts() / implied1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"avicena-like", "smartsens-unisoc"})
    void theModelsReachIsFiniteAndIsWhereTheBerCrossesTheTarget(String name) {
        ChannelSpec c = spec(name).channel();
        double reach = ChannelAnalysis.reach(c);
        double target = c.berTarget();
        assertThat(reach).isFinite().isBetween(ChannelAnalysis.MIN_LENGTH, ChannelAnalysis.MAX_LENGTH);
        double berAtFloor = ChannelAnalysis.nominalBer(c.withLength(ChannelAnalysis.MIN_LENGTH));
        if (reach <= ChannelAnalysis.MIN_LENGTH * (1 + 1e-6)) {
            // the search floor: the link misses the target at every length
            assertThat(berAtFloor).isGreaterThan(target);
            System.out.printf(Locale.ROOT, "%s reach at BER %.3g: none (BER %.3g already at %.2f m)%n", name, target, berAtFloor,
                    ChannelAnalysis.MIN_LENGTH);
        } else {
            // the solver stops within 1e-4 in ln(length); 2 % either side is well clear of it
            assertThat(ChannelAnalysis.nominalBer(c.withLength(reach * 0.98))).isLessThanOrEqualTo(target);
            if (reach < ChannelAnalysis.MAX_LENGTH) {
                assertThat(ChannelAnalysis.nominalBer(c.withLength(reach * 1.02))).isGreaterThan(target);
            }
            System.out.printf(Locale.ROOT, "%s reach at BER %.3g: %.2f m%n", name, target, reach);
        }
        if (target != 2.4e-4) {
            ChannelSpec kp4 = LinkSpecs.bind(doc(name).with("link.berTarget", "2.4e-4")).channel();
            System.out.printf(Locale.ROOT, "%s reach at the KP4 threshold 2.4e-4: %.2f m%n", name, ChannelAnalysis.reach(kp4));
        }
    }

    /**
     * A hand cross-check of the cable's failure rate for the report (the reliability model proper lives
     * elsewhere): shared parts (per end and per cable) in series, Arrhenius-accelerated to the operating
     * temperature, plus each direction's k-of-n channel array, which fails when more channels die over the
     * service life than there are spares: P = Σ_{j>s} C(n,j) p^j (1−p)^{n−j}, p = 1 − exp(−λ_channel t)
     * ((standard constant-hazard FIT/AFR definitions)). The channel term is carried as the service-life average rate −ln(1−P)/t. With the
     * presets' spares it must be negligible beside the shared parts ([guenter-spie-2011]: the non-redundant
     * shared parts dominate once spares cover the emitters).
     */
    @ParameterizedTest
    @ValueSource(strings = {"avicena-like", "smartsens-unisoc"})
    void sparesMakeTheSharedPartsDominateTheFailureRate(String name) {
        LinkSpec s = spec(name);
        ChannelPlan p = plan(s);
        LinkSpec.ReliabilityInputs r = s.reliability();
        double shared = 0;
        double perChannel = 0;
        for (LinkSpec.Part part : r.parts()) {
            double af = Math.exp(part.activationEnergyJoules() / BOLTZMANN
                    * (1 / part.referenceTemperatureKelvin() - 1 / r.operatingTemperatureKelvin()));
            double rate = part.failureRatePerSecond() * af;
            switch (part.where()) {
                case "channel" -> perChannel += rate;
                case "end" -> shared += 2 * rate;
                default -> shared += rate;
            }
        }
        double t = r.serviceLifeSeconds();
        double pChannel = -Math.expm1(-perChannel * t);
        int n = p.totalChannels();
        int spares = p.spareChannels();
        double log10Tail = log10BinomialTail(n, spares, pChannel);
        // two directions; -ln(1-P)/t ~ P/t for the tiny P here
        double channelTermPerSecond = 2 * Math.pow(10, log10Tail) / t;
        double sharedFit = shared * 3600 * 1e9; // 1 FIT = 1 failure per 1e9 h
        double channelFit = channelTermPerSecond * 3600 * 1e9;
        double noSparesFit = 2 * p.neededChannels() * perChannel * 3600 * 1e9;
        assertThat(sharedFit).isFinite().isPositive();
        assertThat(channelFit).isLessThan(0.01 * sharedFit);
        System.out.printf(Locale.ROOT, "%s FIT (5-year average, %.0f C): shared parts %.1f + channel arrays %.3g "
                        + "(P(> %d of %d channels fail in %.1f y) = 1e%.1f per direction) = %.1f FIT, AFR %.3f %%; "
                        + "without spares the channels alone would add %.0f FIT%n", name,
                r.operatingTemperatureKelvin() - 273.15, sharedFit, channelFit, spares, n, t / (8760 * 3600.0), log10Tail,
                sharedFit + channelFit, -Math.expm1(-(sharedFit + channelFit) * 8760e-9) * 100, noSparesFit);
    }

    /** log10 of P(X > s) for X ~ Binomial(n, p), summed in logs so that tails far below 1e-300 stay finite. */
    private static double log10BinomialTail(int n, int s, double p) {
        double max = Double.NEGATIVE_INFINITY;
        double[] logs = new double[n - s];
        for (int j = s + 1; j <= n; j++) {
            double l = CombinatoricsUtils.binomialCoefficientLog(n, j) + j * Math.log(p) + (n - j) * Math.log1p(-p);
            logs[j - s - 1] = l;
            max = Math.max(max, l);
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        return (max + Math.log(sum)) / Math.log(10);
    }

    private static double watts(PowerModel.Power pw, String item) {
        List<PowerModel.Item> hits = pw.breakdown().stream().filter(i -> i.item().equals(item)).toList();
        assertThat(hits).as("breakdown item " + item).hasSize(1);
        return hits.get(0).watts();
    }
}
