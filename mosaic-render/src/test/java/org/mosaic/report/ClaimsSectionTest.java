package org.mosaic.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mosaic.studies.Finding;
import org.mosaic.studies.claims.ClaimsStudy;
import org.mosaic.studies.claims.Verdict;

class ClaimsSectionTest {
    private static ClaimsStudy.Claim claim(String id, double value, double p5, double p95, Verdict.Kind kind, String verdict,
                                           String deciding, Double breakEven) {
        return new ClaimsStudy.Claim(id, "claim " + id, "[msr-blog]", "metric of " + id, "m", ">= 10", 10, value, p5, p95, verdict,
                kind, deciding, breakEven, breakEven == null ? "none in range" : "solved", null, deciding == null ? null : 1.0,
                deciding == null ? null : "uniform(0.5, 2)", deciding == null ? null : "dB/m", "channel scenario=mosaic-800g",
                List.of(), "note of " + id, List.of());
    }

    private static final ClaimsStudy.Result RESULT = new ClaimsStudy.Result(4, 0, List.of(
            claim("holds", 12, 11, 14, Verdict.Kind.HOLDS, "holds", null, null),
            claim("only-if", 11, 8, 14, Verdict.Kind.HOLDS_ONLY_IF, "holds only if x >= 0.8 dB/m", "x", 0.8),
            claim("fails", 3, 2, 4, Verdict.Kind.DOES_NOT_HOLD, "does not hold on these assumptions", "x", null),
            claim("negative", -5, -6, -4, Verdict.Kind.DOES_NOT_HOLD, "does not hold on these assumptions", null, null)),
            Map.of("aocPowerPerEndWatts", 11.0));

    @Test
    void theSectionShowsEveryClaimWithItsVerdictIntervalAndBreakEvenAndAChart() {
        ClaimsSection s = new ClaimsSection(RESULT);
        String html = s.html();
        assertThat(s.id()).isEqualTo("claims");
        assertThat(s.title()).isEqualTo("Claims at a glance");
        assertThat(html).contains("<svg", "claim holds", "claim only-if", "holds only if x &gt;= 0.8 dB/m", "does not hold",
                "none in range", "≤0", "claimed").doesNotContain("NaN", "Infinity");
        assertThat(s.json().path("claims")).hasSize(4);
    }

    @Test
    void aRatiosUnitOneIsNotPrintedAfterItsNumber_regression() {
        // before: "(Mosaic 3.197 1, P5–P95 ...)" for a dimensionless ratio
        ClaimsStudy.Claim ratio = new ClaimsStudy.Claim("ratio", "claim ratio", "[msr-blog]", "a ratio", "1", ">= 10", 10, 3.197,
                2, 4, "does not hold on these assumptions", Verdict.Kind.DOES_NOT_HOLD, null, null, "none in range", null, null, null,
                null, "cable scenario=mosaic-800g", List.of(), "note", List.of());
        String text = new ClaimsSection(new ClaimsStudy.Result(4, 0, List.of(ratio), Map.of())).findings().get(0).text();
        assertThat(text).contains("(Mosaic 3.197, P5–P95").doesNotContain("3.197 1");
        assertThat(new ClaimsSection(RESULT).findings().get(0).text()).contains("(Mosaic 12 m,");
    }

    /**
     * The tornado chart: one panel per claim with a swing, its inputs ranked as the claims JSON gives them, the claimed
     * figure as a line and the break-even marked on the deciding input's bar; an arrow when the claimed figure is off the
     * chart; claims without a swing get no panel.
     */
    @Test
    void eachClaimWithRangedInputsGetsATornadoWithItsBreakEvenMarked() {
        var bars = List.of(new org.mosaic.studies.uncertainty.Tornado.Bar("x", 1, 0.5, 2, 8, 14, 6),
                new org.mosaic.studies.uncertainty.Tornado.Bar("y", 3, 1, 5, 10.5, 11.5, 1),
                new org.mosaic.studies.uncertainty.Tornado.Bar("flat", 3, 1, 5, 11, 11, 0));
        ClaimsStudy.Claim onChart = new ClaimsStudy.Claim("only-if", "claim only-if", "[msr-blog]", "metric", "m", ">= 10", 10, 11,
                8, 14, "holds only if x >= 0.8 dB/m", Verdict.Kind.HOLDS_ONLY_IF, "x", 0.8, "solved", null, 1.0, "uniform(0.5, 2)", "dB/m",
                "channel", List.of("x", "y", "flat"), "note", bars);
        var far = List.of(new org.mosaic.studies.uncertainty.Tornado.Bar("x", 1, 0.5, 2, 3, 4, 1));
        ClaimsStudy.Claim offChart = new ClaimsStudy.Claim("fails", "claim fails", "[msr-blog]", "metric", "m", ">= 100", 100, 3.5,
                3, 4, "does not hold on these assumptions", Verdict.Kind.DOES_NOT_HOLD, "x", null, "none in range", null, 1.0,
                "uniform(0.5, 2)", "dB/m", "channel", List.of("x"), "note", far);
        ClaimsSection s = new ClaimsSection(new ClaimsStudy.Result(4, 0, List.of(onChart, offChart,
                claim("unranged", 12, 12, 12, Verdict.Kind.HOLDS, "holds", null, null)), Map.of()));
        String svg = s.tornadoes();
        assertThat(svg).startsWith("<svg id=\"claims-tornado\"").contains("only-if: metric", "fails: metric", "break-even x = 0.8 dB/m",
                "claimed 10 m", "claimed 100 m →").doesNotContain("unranged", ">flat<", "NaN");
        assertThat(svg.indexOf(">x<")).as("the largest swing first").isLessThan(svg.indexOf(">y<"));
        assertThat(s.html()).contains("What moves each claim");
        assertThat(new ClaimsSection(RESULT).tornadoes()).as("no claim with a swing: no chart").isEmpty();
    }

    @Test
    void eachClaimIsAFindingWithItsVerdict() {
        assertThat(new ClaimsSection(RESULT).findings()).extracting(Finding::verdict).containsExactly(Finding.Verdict.HOLDS,
                Finding.Verdict.NOTE, Finding.Verdict.FAILS, Finding.Verdict.FAILS);
    }

    /** The tornado's labels drop the document input and the catalog's and the cable's path words, so none is cut on the left. */
    @Test
    void tornadoLabelsAreShortAndKeepTheirStart_shortLabels() {
        assertThat(ClaimsSection.shortInput("cable.reliability.parts.end.gearboxAsic.fit")).isEqualTo("end gearboxAsic fit");
        assertThat(ClaimsSection.shortInput("catalog.technologies.aoc-mmf.at.800G.fit.value")).isEqualTo("aoc-mmf 800G fit");
        assertThat(ClaimsSection.shortInput("catalog.technologies.dsp-dr8.common.fit.value")).isEqualTo("dsp-dr8 fit");
        assertThat(ClaimsSection.shortInput("catalog.technologies.dsp-dr8.at.1.6T.power.value")).isEqualTo("dsp-dr8 1.6T power");
        assertThat(ClaimsSection.shortInput("scenario.fiber.attenuation")).isEqualTo("fiber.attenuation");
        assertThat(ClaimsSection.shortInput("cluster.economics.householdKwhPerYear")).isEqualTo("economics.householdKwhPerYear");
    }
}
