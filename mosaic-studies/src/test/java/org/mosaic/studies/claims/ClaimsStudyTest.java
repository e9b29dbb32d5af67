package org.mosaic.studies.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.UsageException;

class ClaimsStudyTest {
    private static ClaimsStudy.Result result;

    @BeforeAll
    static void audit() throws Exception {
        long t0 = System.nanoTime();
        result = new ClaimsStudy().run(new ClaimsStudy.Input(4, 0), Progress.quiet());
        System.err.printf("claims: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        String json = Results.json(result);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "claims.json"), json);
    }

    @Test
    void everyClaimOfTheIssueIsAuditedWithEveryField() {
        assertThat(result.claims()).extracting(ClaimsStudy.Claim::id).containsExactly("reach-50m", "reach-10x-copper",
                "power-68pct", "saving-10w", "reliability-100x", "array-1mm2", "scale-1.6t-3.2t", "fec-dead-channel-bit",
                "fec-dead-channel-symbol", "fec-dead-channel-codeword-aware", "homes-300k", "failures-6-12h",
                "nvl72-laser-20kw", "tco-lower", "training-faster");
        for (ClaimsStudy.Claim c : result.claims()) {
            assertThat(List.of(c.claim(), c.source(), c.metric(), c.unit(), c.verdict(), c.breakEvenNote(), c.study()))
                    .as(c.id()).allMatch(s -> s != null && !s.isBlank());
            assertThat(c.value()).as(c.id() + " value").isFinite();
            assertThat(c.p5()).as(c.id() + " p5").isFinite().isLessThanOrEqualTo(c.p95());
            assertThat(c.claimedFigure()).as(c.id()).isFinite();
            if (c.decidingInput() != null) {
                assertThat(c.inputs()).contains(c.decidingInput());
                assertThat(c.assumed()).isNotNull();
                assertThat(c.range()).isNotBlank();
            } else {
                assertThat(c.breakEven()).as(c.id() + ": a break-even needs a deciding input").isNull();
            }
        }
        String json = Results.json(result);
        assertThat(json).contains("\"claim\"", "\"source\"", "\"value\"", "\"p5\"", "\"p95\"", "\"verdict\"",
                "\"decidingInput\"", "\"breakEven\"", "\"assumed\"");
    }

    @Test
    void theDecidingInputAtItsBreakEvenPutsTheMetricOnTheClaimedFigureWithinOnePercent() {
        long solved = 0;
        for (ClaimsStudy.Claim c : result.claims()) {
            if (c.breakEven() == null) {
                continue;
            }
            solved++;
            double m = ClaimsStudy.metric(c.id(), c.decidingInput(), c.breakEven());
            assertThat(m).as(c.id() + " at " + c.decidingInput() + " = " + c.breakEven())
                    .isCloseTo(c.claimedFigure(), org.assertj.core.data.Percentage.withPercentage(1));
        }
        assertThat(solved).as("claims with a break-even in range").isGreaterThan(0);
    }

    @Test
    void theSampleIsRefusedOutsideItsRange() {
        assertThatThrownBy(() -> new ClaimsStudy().run(new ClaimsStudy.Input(1, 0), Progress.quiet()))
                .isInstanceOf(UsageException.class).hasMessageContaining("samples 1");
    }

    @Test
    void theStudyIsRegistered() {
        assertThat(Studies.byName("claims")).isPresent();
    }
}
