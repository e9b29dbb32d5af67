package org.mosaic.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the datapath section words a latency limit. */
class DatapathLatencyTextTest {

    /** Regression: the budget text printed "hitless 2.21e+52 s", a number that reads as if it meant something. */
    @Test
    void aLimitBeyondAYearReadsOverAYearNotAHugeNumber_hitless1e52() {
        assertThat(DatapathTables.fmtTime(2.21e52)).isEqualTo("over a year");
        assertThat(DatapathTables.fmtTime(DatapathTables.YEAR_SECONDS)).isEqualTo("over a year");
        assertThat(DatapathTables.fmtTime(Double.POSITIVE_INFINITY)).isEqualTo("unlimited");
    }

    @Test
    void limitsUpToAYearKeepTheirNumber() {
        assertThat(DatapathTables.fmtTime(2.0e5)).startsWith("2").endsWith(" s").doesNotContain("year");
        assertThat(DatapathTables.fmtTime(0.0012)).contains("ms");
    }
}
