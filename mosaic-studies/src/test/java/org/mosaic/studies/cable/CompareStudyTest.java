package org.mosaic.studies.cable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.LinkModel;
import org.mosaic.link.LinkSpecs;
import org.mosaic.link.baseline.Comparison;
import org.mosaic.link.baseline.ComparisonRow;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.UsageException;

/** The compare study: its declaration, its microLED rows against the cable model called directly, and its refusals. */
class CompareStudyTest {
    private static final CompareStudy STUDY = new CompareStudy();

    private static Comparison.Result run(String rate, double meters, ScenarioDocument... cables) {
        return STUDY.run(new CompareStudy.Input(rate, meters, List.of(cables)));
    }

    @Test
    void declaresDescribedInputsAndMetricsWithUnits() {
        assertThat(STUDY.inputs()).extracting(InputSpec::name).containsExactly("rate", "lengthMeters", "cables");
        assertThat(STUDY.inputs()).allSatisfy(i -> assertThat(i.description()).isNotBlank());
        assertThat(STUDY.inputs().get(1).unit()).isEqualTo("m");
        Map<String, String> units = STUDY.metrics().stream().collect(Collectors.toMap(MetricSpec::path, MetricSpec::unit));
        assertThat(units).containsEntry("rows[].powerPerEndWatts", "W").containsEntry("rows[].reachMeters", "m")
                .containsEntry("rows[].perBitPicojoules", "pJ").containsEntry("lengthMeters", "m");
    }

    @Test
    void theMicroLedRowsAreTheCableModelsAndTheClaimsTheirRatios() {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-800g");
        // at a length the cable reaches (our model's reach on its target definition, rounded down to the metre), so that its
        // power and reliability ratios are claims; beyond the reach they are not (below)
        double length = Math.floor(org.mosaic.optics.ChannelAnalysis.targetReach(LinkSpecs.bind(doc).channel()));
        assertThat(length).isPositive();
        Comparison.Result r = run("800G", length, doc);
        LinkModel.LinkResult direct = LinkModel.evaluate(LinkSpecs.bind(doc));
        ComparisonRow pluggable = r.row("mosaic-800g (pluggable)");
        ComparisonRow cpo = r.row("mosaic-800g (CPO)");
        assertThat(pluggable.ourModel()).isTrue();
        assertThat(pluggable.powerPerEndWatts()).isCloseTo(direct.power().perEndWatts(), within(1e-12));
        assertThat(cpo.powerPerEndWatts()).isCloseTo(direct.otherAttachment().perEndWatts(), within(1e-12));
        assertThat(pluggable.fitPerEnd()).isCloseTo(direct.reliability().withSpares().perEndFit(), within(1e-12));
        assertThat(pluggable.reaches()).isTrue();
        assertThat(r.lengthMeters()).isEqualTo(length);
        assertThat(r.generation()).isEqualTo("800G");
        // the power saving against an AOC is 1 - ours / theirs, from the two rows' figures
        Comparison.Ratio saving = r.claims().get(0).ratio(Comparison.Claim.POWER_SAVING_VS_AOC).orElseThrow();
        assertThat(saving.value()).isCloseTo(1 - saving.subjectValue() / saving.referenceValue(), within(1e-12));
        assertThat(saving.subjectValue()).isEqualTo(pluggable.powerPerEndWatts());
        // one claim set per microLED row; the other rows are the catalog's
        assertThat(r.claims()).extracting(Comparison.ClaimSet::subject).containsExactly("mosaic-800g (pluggable)", "mosaic-800g (CPO)");
        assertThat(r.rows().stream().filter(ComparisonRow::ourModel).map(ComparisonRow::technology))
                .containsExactlyInAnyOrder("mosaic-800g (pluggable)", "mosaic-800g (CPO)");
        assertThat(r.rows().stream().filter(x -> !x.ourModel()).count()).isGreaterThan(8);
        // beyond the reach (the preset's 50 m) the saving is not a claim, and says why
        Comparison.Ratio beyond = run("800G", 50, doc).claims().get(0).ratio(Comparison.Claim.POWER_SAVING_VS_AOC).orElseThrow();
        assertThat(beyond.value()).isNull();
        assertThat(beyond.subjectReaches()).isFalse();
        assertThat(beyond.notApplicable()).isNotBlank();
    }

    @Test
    void atOnePointSixTheCableIsScaledByALargerArray() {
        ComparisonRow row = run("1.6T", 30, ScenarioDocument.preset("mosaic-800g")).row("mosaic-800g (pluggable)");
        ComparisonRow at800 = run("800G", 30, ScenarioDocument.preset("mosaic-800g")).row("mosaic-800g (pluggable)");
        assertThat(row.reachMeters()).isEqualTo(at800.reachMeters());   // same channel rate, same reach
        assertThat(row.powerPerEndWatts()).isGreaterThan(at800.powerPerEndWatts());
    }

    @Test
    void refusesALengthARateAndADocumentItCannotUse() {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-800g");
        assertThatThrownBy(() -> run("800G", 0, doc)).isInstanceOf(UsageException.class).hasMessageContaining("positive length");
        assertThatThrownBy(() -> run("1.2T", 30, doc)).isInstanceOf(UsageException.class)
                .hasMessageContaining("1.2T").hasMessageContaining("800G");
        assertThatThrownBy(() -> run("800G", 30, ScenarioDocument.preset("mosaic-prototype")))
                .isInstanceOf(UsageException.class).hasMessageContaining("not a cable");
    }

    @Test
    void whatCompareUsesIgnoresTheFibreLengthAndTheAttachmentButNotTheSpares() {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-800g");
        assertThat(CompareStudy.used(doc.with("fiber.length", "10 m"))).isEqualTo(CompareStudy.used(doc));
        assertThat(CompareStudy.used(doc.with("host.attachment", "cpo"))).isEqualTo(CompareStudy.used(doc));
        assertThat(CompareStudy.used(doc.with("plan.spares", "10"))).isNotEqualTo(CompareStudy.used(doc));
    }
}
