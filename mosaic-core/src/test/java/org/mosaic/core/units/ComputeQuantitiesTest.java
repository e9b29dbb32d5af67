package org.mosaic.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The units GPU and system documents are written in (issue 13): FLOP/s, FLOP and bytes, decimal prefixes up to P. */
class ComputeQuantitiesTest {

    @Test
    void gpuDocumentUnitsParseToSi_issue13() {
        assertThat(Quantities.parse("989 TFLOP/s", Dimension.COMPUTE_RATE)).isEqualTo(989e12);
        assertThat(Quantities.parse("2.25 PFLOP/s", Dimension.COMPUTE_RATE)).isEqualTo(2.25e15);
        assertThat(Quantities.parse("128 GFLOP", Dimension.OPERATIONS)).isEqualTo(128e9);
        assertThat(Quantities.parse("0 FLOP", Dimension.OPERATIONS)).isEqualTo(0);
        assertThat(Quantities.parse("80 GB", Dimension.DATA_SIZE)).isEqualTo(80e9);
        assertThat(Quantities.parse("100 MB", Dimension.DATA_SIZE)).isEqualTo(100e6);
        assertThat(Quantities.parse("2039 GB/s", Dimension.DATA_RATE) / 8).isEqualTo(2039e9);
    }

    @Test
    void aBareNumberOrAnotherDimensionIsRefused_issue13() {
        assertThatThrownBy(() -> Quantities.parse("989", Dimension.COMPUTE_RATE)).isInstanceOf(UnitException.class)
                .hasMessageContaining("FLOP/s");
        assertThatThrownBy(() -> Quantities.parse("80 Gb", Dimension.DATA_SIZE)).isInstanceOf(UnitException.class);
        assertThatThrownBy(() -> Quantities.parse("80 GB/s", Dimension.DATA_SIZE)).isInstanceOf(UnitException.class);
        assertThatThrownBy(() -> Quantities.parse("128 GFLOP/s", Dimension.OPERATIONS)).isInstanceOf(UnitException.class);
    }

    @Test
    void valuesAreShownInAFittingPrefix_issue13() {
        assertThat(Quantities.format(989e12, Dimension.COMPUTE_RATE)).contains("TFLOP/s");
        assertThat(Quantities.format(80e9, Dimension.DATA_SIZE)).contains("GB");
    }
}
