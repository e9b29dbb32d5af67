package org.mosaic.studies.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;

/** Ranges beyond the optics presets: the cluster, GPU, system and campaign documents, and the 800G design's geometry. */
class DocumentRangesTest {
    /** The continuous assumed (or published-with-tolerance) inputs each shipped document must range (issue 19). */
    private static final Map<Documents.Kind, Map<String, List<String>>> MUST_RANGE = Map.of(
            Documents.Kind.CLUSTER, Map.of(
                    "cluster-100k", List.of("economics.pue", "economics.usdPerKwh", "economics.householdKwhPerYear",
                            "layout.equipment.fabricSwitchPower", "layout.floor.spineRoomDistance", "layout.cabling.slackFraction"),
                    "nvl72-rack", List.of("economics.pue", "economics.usdPerKwh", "economics.householdKwhPerYear",
                            "layout.cabling.slackFixed", "layout.floor.trayHeight"),
                    "h100-16k", List.of("economics.pue", "economics.usdPerKwh", "economics.householdKwhPerYear",
                            "layout.rackDepth", "layout.floor.aisleWidth")),
            Documents.Kind.GPU, Map.of("b200", List.of("peak.bf16", "hbm.bandwidth", "hostMemory.bandwidth"),
                    "h100-sxm", List.of("hbm.capacity", "hbm.bandwidth"), "a100-80g", List.of("hbm.capacity", "hbm.bandwidth")),
            Documents.Kind.SYSTEM, Map.of("llama3-h100", List.of("scaleUp.latency", "scaleOut.latency")),
            Documents.Kind.CAMPAIGN, Map.of("llama3-54d", List.of("detection.failStop", "detection.hang",
                    "replacement.hotSpareSwap", "replacement.repair")));

    /** Every range of every shipped cluster, GPU, model, system and campaign document reads and holds its value. */
    @Test
    void everyRangeOfTheClusterGpuSystemAndCampaignDocumentsReadsAndHoldsItsValue() {
        List<String> missing = new ArrayList<>();
        for (Documents.Kind kind : List.of(Documents.Kind.CLUSTER, Documents.Kind.GPU, Documents.Kind.SYSTEM,
                Documents.Kind.MODEL, Documents.Kind.CAMPAIGN)) {
            for (String name : Documents.names(kind)) {
                List<Ranged> ranged = Ranges.ofTree("", Documents.preset(kind, name).tree());   // throws on a bad range
                for (String key : MUST_RANGE.getOrDefault(kind, Map.of()).getOrDefault(name, List.of())) {
                    if (ranged.stream().noneMatch(r -> r.key().equals(key))) {
                        missing.add(kind + " " + name + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).as("inputs without a range").isEmpty();
    }

    /** The 800G design's emitter pitch (the die-area claim) and fibre core count (the scaling claim) carry ranges. */
    @Test
    void theDesignsPitchAndCoreCountAreRanged() {
        List<Ranged> ranged = Ranges.ofTree("", ScenarioDocument.preset("mosaic-800g").tree());
        Ranged pitch = ranged.stream().filter(r -> r.key().equals("plan.emitterPitch")).findFirst().orElseThrow();
        Ranged cores = ranged.stream().filter(r -> r.key().equals("fiber.coreCount")).findFirst().orElseThrow();
        assertThat(pitch.whole()).isFalse();
        assertThat(pitch.unit()).isEqualTo("um");
        assertThat(cores.whole()).as("a count").isTrue();
        assertThat(cores.assumed()).isEqualTo(10_000);
    }

    /** A count is sampled as a whole number (the document refuses 9876.54 cores), a real number as itself. */
    @Test
    void aCountIsSampledAsAWholeNumber_wholeRanges() {
        Ranged count = new Ranged("cable.fiber.coreCount", 10_000, "", Distribution.parse("uniform(9500, 12000)"), "assumed", "", true);
        assertThat(count.value(9876.54)).isEqualTo("9877");
        Ranged real = new Ranged("cable.plan.emitterPitch", 50, "um", Distribution.parse("uniform(43, 56)"), "derived", "");
        assertThat(real.value(51.25)).isEqualTo("51.25 um");
    }
}
