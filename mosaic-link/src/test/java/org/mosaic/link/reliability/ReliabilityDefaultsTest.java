package org.mosaic.link.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.junit.jupiter.api.Test;

class ReliabilityDefaultsTest {
    @Test
    void channelPartsShareThePapersChannelFit() {
        for (double fit : new double[] {ReliabilityDefaults.CHANNEL_FIT, ReliabilityDefaults.CHANNEL_FIT_OPTIMISTIC}) {
            List<Part> parts = ReliabilityDefaults.channelParts(fit, ReliabilityDefaults.OPERATING_KELVIN);
            double sum = parts.stream().mapToDouble(p -> p.component().fitAtReference() * p.quantity()).sum();
            assertThat(sum).isCloseTo(fit, within(fit * 1e-15));
            // FIT quoted at the default operating temperature: no acceleration by default
            assertThat(parts).allSatisfy(p -> assertThat(p.accelerationFactor()).isEqualTo(1.0));
        }
        // the split follows the midpoints of [luxoptx-fit], [meta-ecoc-2025]: laser 50–200, driver 50–200, PD 20–100, TIA 30–150
        double total = 125 + 125 + 60 + 90;
        assertThat(ReliabilityDefaults.LED_SHARE).isEqualTo((50 + 200) / 2.0 / total);
        assertThat(ReliabilityDefaults.PHOTODIODE_SHARE).isEqualTo((20 + 100) / 2.0 / total);
        assertThat(ReliabilityDefaults.TIA_SHARE).isEqualTo((30 + 150) / 2.0 / total);
    }

    @Test
    void commonModeDefaultsLieInOrBelowTheBaselineRanges() {
        // gearbox at the bottom of the DSP range (100–500), SerDes at the bottom of the driver range (50–200)
        assertThat(ReliabilityDefaults.GEARBOX_FIT).isEqualTo(100);
        assertThat(ReliabilityDefaults.HOST_SERDES_FIT).isEqualTo(50);
        assertThat(ReliabilityDefaults.CLOCKING_FIT).isBetween(30.0, 150.0);
        assertThat(ReliabilityDefaults.REGULATOR_FIT).isBetween(30.0, 150.0);
    }

    @Test
    void everyDefaultNumberHasASourceAndConfidence() {
        List<Provenance> entries = ReliabilityDefaults.provenance();
        Set<String> paths = new HashSet<>();
        for (Provenance p : entries) {
            assertThat(paths.add(p.path())).as("unique path %s", p.path()).isTrue();
            assertThat(p.source()).as(p.path()).isNotBlank();
            assertThat(p.value()).as(p.path()).isNotBlank();
            assertThat(p.confidence()).isNotNull();
        }
        assertThat(entries).filteredOn(p -> p.path().equals("reliability.channel.fit"))
                .singleElement().extracting(Provenance::confidence).isEqualTo(Confidence.PAPER_DERIVED);
        // one entry per default part FIT, per share and per activation-energy class
        for (String path : List.of("reliability.end.gearbox.fit", "reliability.end.hostSerdes.fit",
                "reliability.end.clocking.fit", "reliability.end.regulator.fit", "reliability.end.connector.fit",
                "reliability.cable.fibre.fit", "reliability.channel.microLED.share", "reliability.channel.driver.share",
                "reliability.channel.photodiode.share", "reliability.channel.tia.share",
                "reliability.activationEnergy.silicon", "reliability.activationEnergy.led",
                "reliability.activationEnergy.passive", "reliability.serviceLife", "reliability.referenceTemperature",
                "reliability.operatingTemperature")) {
            assertThat(paths).contains(path);
        }
    }

    @Test
    void mosaicSpecIsAFullDuplexCableOverFiveYears() {
        CableReliabilitySpec s = ReliabilityDefaults.mosaic(400, 40, 20, 1.0, ReliabilityDefaults.OPERATING_KELVIN,
                ReliabilityDefaults.SERVICE_LIFE_HOURS);
        assertThat(s.directions()).isEqualTo(2);
        assertThat(s.serviceYears()).isEqualTo(5.0);
        assertThat(s.endParts()).extracting(Part::name)
                .containsExactly("gearbox ASIC", "host SerDes", "clocking/PLL", "regulator", "optical connector");
        assertThat(s.cableParts()).extracting(Part::name).containsExactly("imaging fibre");
    }
}
