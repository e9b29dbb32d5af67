package org.mosaic.studies.datapath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.StudyInputs;
import org.mosaic.studies.UsageException;

/** flr-curves: FLR against pre-FEC BER by mapping, checked against the binomial closed form and the dead channel's physics. */
class FlrCurvesStudyTest {
    private static final FlrCurvesStudy STUDY = new FlrCurvesStudy();

    @Test
    void isRegisteredAndBindableWithItsDefaults() {
        assertThat(Studies.byName("flr-curves")).containsInstanceOf(FlrCurvesStudy.class);
        assertThat(StudyInputs.bindable(STUDY)).isTrue();
        assertThat(StudyInputs.names(STUDY)).containsExactly("deadChannels", "points");
    }

    @Test
    void withNoDeadChannelEveryMappingIsTheBinomialClosedForm() {
        FlrCurvesStudy.Result r = STUDY.run(new FlrCurvesStudy.Input(0, 12));
        assertThat(r.curves()).hasSize(Variant.ALL.size());
        int t = (DatapathReportStudy.FEC.n() - DatapathReportStudy.FEC.k()) / 2;
        for (DatapathReport.Curve c : r.curves()) {
            for (int i = 0; i < c.ber().length; i++) {
                // a symbol errs with 1 - (1 - b)^10; the codeword fails beyond t = 15 of its 544 symbols
                double q = -Math.expm1(10 * Math.log1p(-c.ber()[i]));
                double closed = binomialTail(DatapathReportStudy.FEC.n(), q, t);
                assertThat(c.codewordFailure()[i]).as("%s at %s", c.name(), c.ber()[i])
                        .isCloseTo(closed, within(Math.max(1e-300, 1e-6 * closed)));
            }
        }
        assertThat(t).isEqualTo(15);
    }

    @Test
    void aDeadChannelHurtsTheBitMappingMoreThanTheSymbolMapping() {
        FlrCurvesStudy.Result one = STUDY.run(new FlrCurvesStudy.Input(1, 20));
        DatapathReport.Curve bit = curve(one, "bit");
        DatapathReport.Curve symbol = curve(one, "symbol");
        // at the lowest BER the dead channel alone decides: bit round-robin puts ~13 symbols of a codeword on it, the
        // symbol mapping 1..2, so the bit mapping loses frames where the symbol mapping does not
        assertThat(bit.frameLossRatio()[0]).isGreaterThan(symbol.frameLossRatio()[0] * 1e3);
        // and more dead channels never help
        FlrCurvesStudy.Result three = STUDY.run(new FlrCurvesStudy.Input(3, 20));
        for (int i = 0; i < 20; i++) {
            assertThat(curve(three, "symbol").frameLossRatio()[i]).isGreaterThanOrEqualTo(symbol.frameLossRatio()[i]);
        }
        assertThat(three.deadChannelIndices()).containsExactly(21, 210, 378);
    }

    @Test
    void theBerAtTargetIsWhereTheClosedFormMeetsTheTarget() {
        FlrCurvesStudy.Result r = STUDY.run(new FlrCurvesStudy.Input(0, 60));
        double bisected = FrameLoss.berAtTarget();   // bisection on the i.i.d. closed form, no curve
        for (FlrCurvesStudy.AtTarget a : r.berAtTarget()) {
            // 60 log-spaced points over 5.4 decades: log-log interpolation of a smooth tail is good to well under 1 %
            assertThat(a.preFecBer()).as(a.mapping()).isCloseTo(bisected, within(0.01 * bisected));
        }
        assertThat(FlrCurvesStudy.berAtTarget(new double[] {1e-3}, new double[] {1}, 1e-10)).isNull();
    }

    @Test
    void theJsonCarriesTheCurvesAndBadInputsAreRefused() {
        JsonNode json = Results.tree(STUDY.run(new FlrCurvesStudy.Input(1, 8)));
        assertThat(json.get("curves").size()).isEqualTo(Variant.ALL.size());
        assertThat(json.at("/curves/0/frameLossRatio").size()).isEqualTo(8);
        assertThat(json.at("/curves/0/variant").asText()).isEqualTo("bit");
        assertThatThrownBy(() -> new FlrCurvesStudy.Input(4, 60)).isInstanceOf(UsageException.class).hasMessageContaining("expected 0..3");
        assertThatThrownBy(() -> new FlrCurvesStudy.Input(1, 2)).isInstanceOf(UsageException.class).hasMessageContaining("8..400");
    }

    private static DatapathReport.Curve curve(FlrCurvesStudy.Result r, String id) {
        return r.curves().stream().filter(c -> c.variant().id().equals(id)).findFirst().orElseThrow();
    }

    /** P[X > t], X ~ Binomial(n, q), summed in logs (an independent implementation of the codeword failure). */
    static double binomialTail(int n, double q, int t) {
        double sum = 0;
        for (int k = t + 1; k <= n; k++) {
            double ln = lnChoose(n, k) + k * Math.log(q) + (n - k) * Math.log1p(-q);
            sum += Math.exp(ln);
        }
        return sum;
    }

    private static double lnChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
