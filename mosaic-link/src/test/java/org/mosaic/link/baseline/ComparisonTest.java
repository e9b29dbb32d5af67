package org.mosaic.link.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.link.baseline.Comparison.Claim;
import org.mosaic.link.baseline.Comparison.ClaimSet;
import org.mosaic.link.baseline.Comparison.Ratio;
import org.mosaic.link.baseline.Comparison.Result;

/** The comparison's arithmetic against hand-computed values, its row selection and ordering, its JSON and its errors. */
class ComparisonTest {
    private static final BaselineCatalog CATALOG = BaselineCatalog.standard();
    /** MOSAIC's published modelled figures per 800G end ([mosaic-sigcomm25] abstract, [mosaic-claim-ledger], [mosaic-sigcomm25] abstract, [mosaic-claim-ledger]); FIT 10 stands in for our reliability model. */
    private static final ModelRow MOSAIC_CPO = new ModelRow("MOSAIC 800G (CPO host)", TechnologyKind.MICROLED, 50, 3.1, 10, null,
            Confidence.PAPER_DERIVED, "test row", "");
    private static final ModelRow MOSAIC_PLUGGABLE = new ModelRow("MOSAIC 800G (pluggable host)", TechnologyKind.MICROLED, 50, 5.3, 10,
            null, Confidence.PAPER_DERIVED, "test row", "");
    private static final String AOC = "AOC (VCSEL, multimode, with DSP)";

    @Test
    void arithmeticByHand() {
        // 1 − 3.1/9.8 = 0.683673... (the paper's "up to 68 %"); 1 − 5.3/12 = 0.558333... (its 56 %)
        assertThat(Comparison.powerSaving(3.1, 9.8)).isCloseTo(0.6836734693877551, within(1e-15));
        assertThat(Comparison.powerSaving(5.3, 12)).isCloseTo(0.5583333333333333, within(1e-15));
        // 5.3 W / 800 Gb/s × 1000 = 6.625 pJ/bit; 27 W / 1600 Gb/s = 16.875 pJ/bit; 3.1 W -> 3.875
        assertThat(Comparison.perBitPicojoules(5.3, 800e9)).isCloseTo(6.625, within(1e-12));
        assertThat(Comparison.perBitPicojoules(27, 1.6e12)).isCloseTo(16.875, within(1e-12));
        assertThat(Comparison.perBitPicojoules(3.1, 800e9)).isCloseTo(3.875, within(1e-12));
        // AFR = 1 − exp(−FIT·8760/1e9), values from mpmath at 30 digits; relative error for small probabilities
        assertThat(Comparison.afr(1000)).isCloseTo(0.00872174299196444305677524, withinPercentage(1e-10));
        assertThat(Comparison.afr(385)).isCloseTo(0.00336691917280042784957336, withinPercentage(1e-10));
        assertThat(Comparison.afr(0.1)).isCloseTo(8.7599961631211203687e-7, withinPercentage(1e-10));
        assertThat(Comparison.afr(0)).isEqualTo(0.0);
        // the [msr-blog] table: 1,000 FIT -> 0.87 %, 2,000 FIT -> 1.74 %
        assertThat(100 * Comparison.afr(2000)).isCloseTo(1.74, within(0.005));
    }

    @Test
    void againstAnAocOf9_8WTheSavingIsThePapers68Percent() throws IOException {
        BaselineCatalog lowAoc = BaselineCatalog.parse("low-aoc.yaml", BaselineCatalogTest.resourceText()
                .replace("power: {value: 11 W, min: 9.8 W, max: 12 W", "power: {value: 9.8 W, min: 9.8 W, max: 12 W"));
        Result r = Comparison.run(lowAoc, lowAoc.generation("800G"), 30, List.of(MOSAIC_CPO, MOSAIC_PLUGGABLE));
        Ratio cpo = r.claims().get(0).ratio(Claim.POWER_SAVING_VS_AOC).orElseThrow();
        assertThat(cpo.value()).isCloseTo(1 - 3.1 / 9.8, within(1e-15));
        assertThat(cpo.arithmetic()).isEqualTo("1 − 3.1 W / 9.8 W = 68.4 %");
        assertThat(cpo.subject()).isEqualTo("MOSAIC 800G (CPO host)");
        assertThat(cpo.reference()).isEqualTo(AOC);
        assertThat(cpo.referenceValue()).isEqualTo(9.8);
        Ratio pluggable = r.claims().get(1).ratio(Claim.POWER_SAVING_VS_AOC).orElseThrow();
        assertThat(pluggable.arithmetic()).isEqualTo("1 − 5.3 W / 9.8 W = 45.9 %");
        assertThat(r.row("MOSAIC 800G (pluggable host)").perBitPicojoules()).isCloseTo(6.625, within(1e-12));
    }

    @Test
    void at800GAnd30mEveryTechnologyIsSideBySide() {
        Result r = Comparison.run("800G", 30, List.of(MOSAIC_CPO));
        assertThat(r.generation()).isEqualTo("800G");
        assertThat(r.payloadBitsPerSecond()).isEqualTo(800e9);
        assertThat(r.rows()).hasSize(11);
        assertThat(r.rows()).filteredOn(ComparisonRow::reaches).extracting(ComparisonRow::id).containsExactlyInAnyOrder(
                "aoc-mmf", "dsp-sr8", "dsp-dr8", "dsp-2fr4", "lpo", "cpo", "model:mosaic-800g-cpo-host");
        // copper does not reach 30 m: DAC 3.41 m, LACC 5.0 m, AEC 6.59 m
        assertThat(r.row("Passive DAC (26 AWG twinax)").reachMeters()).isCloseTo(3.408, within(0.001));
        ComparisonRow aoc = r.row(AOC);
        assertThat(aoc.powerPerEndWatts()).isEqualTo(11.0);
        assertThat(aoc.powerMinWatts()).isEqualTo(9.8);
        assertThat(aoc.powerMaxWatts()).isEqualTo(12.0);
        assertThat(aoc.perBitPicojoules()).isCloseTo(13.75, within(1e-12)); // 11 W / 800 Gb/s
        assertThat(aoc.afrPerEnd()).isCloseTo(Comparison.afr(1000), within(0.0));
        assertThat(aoc.confidence()).isEqualTo(Confidence.PAPER_DERIVED);
        assertThat(aoc.source()).contains("[mosaic-claim-ledger]").contains("http");
        ComparisonRow mosaic = r.rows().get(r.rows().size() - 1);
        assertThat(mosaic.ourModel()).isTrue();
        assertThat(mosaic.perBitPicojoules()).isCloseTo(3.875, within(1e-12));
    }

    @Test
    void rowsAreOrderedByKindThenAvailabilityThenPowerThenName() {
        Result r = Comparison.run("1.6T", 10, List.of(MOSAIC_CPO));
        List<ComparisonRow> rows = r.rows();
        for (int i = 1; i < rows.size(); i++) {
            ComparisonRow a = rows.get(i - 1);
            ComparisonRow b = rows.get(i);
            assertThat(a.kind().compareTo(b.kind())).as(a.technology() + " before " + b.technology()).isLessThanOrEqualTo(0);
            if (a.kind() == b.kind() && a.available() && b.available()) {
                assertThat(a.powerPerEndWatts()).isLessThanOrEqualTo(b.powerPerEndWatts());
            }
            if (a.kind() == b.kind() && !a.available()) {
                assertThat(b.available()).as("not offered rows last within their kind").isFalse();
            }
        }
        assertThat(rows).extracting(ComparisonRow::id).containsExactly("dac-26awg", "dac-30awg", "lacc", "aec", "aoc-mmf",
                "dsp-2fr4", "dsp-dr8", "dsp-sr8", "lpo", "cpo", "model:mosaic-800g-cpo-host");
    }

    @Test
    void theClaimsComeFromTheRowsTheyName() {
        ClaimSet c = Comparison.run("800G", 30, List.of(MOSAIC_CPO)).claims().get(0);
        assertThat(c.notComputed()).isEmpty();
        assertThat(c.ratios()).extracting(Ratio::claim).containsExactly(Claim.POWER_SAVING_VS_AOC, Claim.POWER_SAVING_VS_DSP_PLUGGABLE,
                Claim.REACH_VS_PASSIVE_COPPER, Claim.RELIABILITY_VS_AOC, Claim.RELIABILITY_VS_DSP_PLUGGABLE);
        // 1 − 3.1/11 = 71.8 % against the catalog's default AOC (11 W, [luxoptx-fit], [meta-ecoc-2025])
        assertThat(c.ratio(Claim.POWER_SAVING_VS_AOC).orElseThrow().value()).isCloseTo(1 - 3.1 / 11, within(1e-15));
        // the three 800G DSP pluggables are all 16 W; the tie goes to catalog order: 2xSR4 (reaches 50 m >= 30 m)
        Ratio dsp = c.ratio(Claim.POWER_SAVING_VS_DSP_PLUGGABLE).orElseThrow();
        assertThat(dsp.reference()).isEqualTo("DSP pluggable 2xSR4 ('SR8', multimode)");
        assertThat(dsp.value()).isCloseTo(1 - 3.1 / 16, within(1e-15));
        // reach × against the longest passive copper, 26 AWG: 50 / (15 / 4.40142) = 14.6714 (mpmath)
        Ratio reach = c.ratio(Claim.REACH_VS_PASSIVE_COPPER).orElseThrow();
        assertThat(reach.reference()).isEqualTo("Passive DAC (26 AWG twinax)");
        assertThat(reach.value()).isCloseTo(14.6714002101863, withinPercentage(1e-10));
        assertThat(reach.arithmetic()).isEqualTo("50 m / 3.41 m = 14.7×");
        // reliability: 1000 FIT / 10 FIT = 100×, MOSAIC's "100×"
        Ratio rel = c.ratio(Claim.RELIABILITY_VS_AOC).orElseThrow();
        assertThat(rel.value()).isCloseTo(100, within(1e-12));
        assertThat(rel.arithmetic()).isEqualTo("1000 FIT / 10 FIT = 100×");
        assertThat(rel.subjectReaches()).isTrue();
        assertThat(rel.referenceReaches()).isTrue();
        assertThat(Claim.POWER_SAVING_VS_AOC.claimed()).contains("68 %").contains("[mosaic-sigcomm25]");
    }

    @Test
    void at1_6TThereIsNoAocSoThatClaimSaysWhy() {
        ModelRow mosaic16 = new ModelRow("MOSAIC 1.6T", TechnologyKind.MICROLED, 50, 6.2, 20, null, Confidence.DERIVED, "test", "");
        Result r = Comparison.run("1.6T", 30, List.of(mosaic16));
        ClaimSet c = r.claims().get(0);
        assertThat(c.ratio(Claim.POWER_SAVING_VS_AOC)).isEmpty();
        assertThat(c.notComputed()).anySatisfy(s -> assertThat(s).startsWith("power saving vs AOC: no AOC is offered at 1.6T")
                .contains("lasers are not available"));
        assertThat(c.notComputed()).anySatisfy(s -> assertThat(s).startsWith("reliability × vs AOC"));
        Ratio dsp = c.ratio(Claim.POWER_SAVING_VS_DSP_PLUGGABLE).orElseThrow();
        assertThat(dsp.reference()).isEqualTo("DSP pluggable DR8 (8x200G, parallel SMF)");
        assertThat(dsp.value()).isCloseTo(1 - 6.2 / 27, within(1e-15));
        // copper is limited at 200G/lane but still the reference for reach: 26 AWG, 9.5 dB / 6.62910 dB/m = 1.4331 m
        Ratio reach = c.ratio(Claim.REACH_VS_PASSIVE_COPPER).orElseThrow();
        assertThat(reach.referenceValue()).isCloseTo(9.5 / (0.72 * Math.sqrt(53.125) + 0.026 * 53.125), within(1e-12));
        ComparisonRow aoc = r.row(AOC);
        assertThat(aoc.available()).isFalse();
        assertThat(aoc.reaches()).isFalse();
        assertThat(aoc.reachMeters()).isNull();
        assertThat(aoc.confidence()).isNull();
        assertThat(aoc.source()).startsWith("not offered at 1.6T");
    }

    @Test
    void beyondEveryDspPluggableThatClaimIsNotComputedAndReachFlagsShow() {
        ClaimSet c = Comparison.run("800G", 5000, List.of(MOSAIC_CPO)).claims().get(0);
        assertThat(c.notComputed()).contains("power saving vs DSP pluggable: no DSP pluggable offered at 800G reaches 5000 m");
        Ratio aoc = c.ratio(Claim.POWER_SAVING_VS_AOC).orElseThrow();
        assertThat(aoc.subjectReaches()).isFalse();
        assertThat(aoc.referenceReaches()).isFalse();
    }

    @Test
    void reachesMeansReachAtLeastTheLength() {
        assertThat(Comparison.run("800G", 50, List.of()).row(AOC).reaches()).isTrue();
        assertThat(Comparison.run("800G", 50.001, List.of()).row(AOC).reaches()).isFalse();
    }

    @Test
    void theJsonIsAListOfRowsWithTheAgreedFields() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode tree = json.readTree(json.writeValueAsString(Comparison.run("1.6T", 30, List.of(MOSAIC_CPO))));
        JsonNode rows = tree.get("rows");
        assertThat(rows.isArray()).isTrue();
        assertThat(rows.size()).isEqualTo(11);
        for (JsonNode row : rows) {
            for (String field : List.of("technology", "reaches", "reachMeters", "powerPerEndWatts", "fitPerEnd", "perBitPicojoules",
                    "afrPerEnd", "costPerEndUsd", "kind", "availability", "source")) {
                assertThat(row.has(field)).as(row.get("technology") + " has " + field).isTrue();
            }
            assertThat(row.get("reaches").isBoolean()).isTrue();
        }
        assertThat(rows.get(0).get("kind").asText()).isEqualTo("passive-copper");
        JsonNode aoc = rows.get(4);
        assertThat(aoc.get("technology").asText()).isEqualTo(AOC);
        assertThat(aoc.get("availability").asText()).isEqualTo("not-offered");
        assertThat(aoc.get("reachMeters").isNull()).isTrue();
        assertThat(tree.get("claims").get(0).get("ratios").get(0).get("claim").asText()).isEqualTo("POWER_SAVING_VS_DSP_PLUGGABLE");
    }

    @Test
    void badInputGetsClearErrors() {
        assertThatThrownBy(() -> Comparison.run("1.2T", 30, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"1.2T\"").hasMessageContaining("800G (8 × 106.25 Gb/s), 1.6T (8 × 212.5 Gb/s)");
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Comparison.run("800G", bad, List.of())).hasMessageContaining("cable length " + bad + " m");
        }
        assertThatThrownBy(() -> Comparison.run("800G", 30, List.of(MOSAIC_CPO, MOSAIC_CPO))).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> Comparison.run("800G", 30, List.of(new ModelRow(AOC, TechnologyKind.MICROLED, 50, 3, 10, null,
                Confidence.DERIVED, "x", "")))).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new ModelRow("m", TechnologyKind.MICROLED, 50, 3.1, 0, null, Confidence.DERIVED, "x", ""))
                .hasMessageContaining("FIT 0.0");
        assertThatThrownBy(() -> new ModelRow("m", TechnologyKind.MICROLED, -5, 3.1, 1, null, Confidence.DERIVED, "x", ""))
                .hasMessageContaining("reach -5.0 m");
        assertThatThrownBy(() -> new ModelRow("m", TechnologyKind.MICROLED, 5, 3.1, 1, null, Confidence.DERIVED, " ", ""))
                .hasMessageContaining("without a source");
        assertThatThrownBy(() -> Comparison.perBitPicojoules(1, 0)).hasMessageContaining("payload 0.0 b/s");
        assertThatThrownBy(() -> Comparison.afr(-1)).hasMessageContaining("FIT -1.0");
    }
}
