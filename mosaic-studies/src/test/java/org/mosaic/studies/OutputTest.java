package org.mosaic.studies;


import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputTest {
    /** A margin of −∞ dB (an ISI / crosstalk floor) reads as what it is, not as a number (issue 15). */
    @Test
    void minusInfiniteMarginIsABerFloorAboveTheTarget_issue15() {
        assertThat(Output.margin(Double.NEGATIVE_INFINITY)).isEqualTo("BER floor above target");
        assertThat(Output.margin(-1.5)).isEqualTo("-1.50 dB");
        assertThat(Output.margin(2)).isEqualTo("2.00 dB");
        assertThat(Output.margin(Double.POSITIVE_INFINITY)).isEqualTo(Output.db(Double.POSITIVE_INFINITY));
    }

    @Test
    void tinyPercentagesAreScientificNeverHundredsOfZeros_issue12() {
        assertThat(Output.percent(7.6e-214)).isEqualTo("7.6e-212 %");
        assertThat(Output.percent(3e-54)).isEqualTo("3e-52 %");
        assertThat(Output.percent(0.0039)).isEqualTo("0.39 %");
        assertThat(Output.percent(0.5)).isEqualTo("50.0 %");
    }

    @Test
    void numbersKeepTheirSignificantDigitsAndGoScientificWhenTinyOrHuge_issue12() {
        assertThat(Output.number(1.3509353e-51, 4)).isEqualTo("1.351e-51");
        assertThat(Output.number(-2.1049999999999997e8, 4)).isEqualTo("-2.105e8");
        assertThat(Output.number(12.345, 3)).isEqualTo("12.3");
        assertThat(Output.number(0.00123, 2)).isEqualTo("0.0012");
        assertThat(Output.number(2247188.6, 4)).isEqualTo("2247000");
        assertThat(Output.number(0, 3)).isEqualTo("0");
    }
}
