package org.mosaic.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mosaic.studies.UsageException;

class AxisTest {
    @Test
    void aRangeStepsInDecimalArithmeticWithItsUnit() {
        Axis.Shape s = Axis.parse("cable.fiber.length=10 m..50 m:10 m").shape();
        assertThat(s.levels()).containsExactly("10 m", "20 m", "30 m", "40 m", "50 m");
        assertThat(s.numbers()).containsExactly(10, 20, 30, 40, 50);
        assertThat(s.unit()).isEqualTo("m");
        // 0.1 + 2 * 0.1 is 0.3 exactly, not 0.30000000000000004
        assertThat(Axis.parse("x=0.1..0.3:0.1").shape().levels()).containsExactly("0.1", "0.2", "0.3");
    }

    @Test
    void partsWithoutAUnitTakeTheRangesUnit() {
        assertThat(Axis.parse("k=10..30:10 m").shape().levels()).containsExactly("10 m", "20 m", "30 m");
        assertThat(Axis.parse("k=1 Gb/s..2:0.5").shape().levels()).containsExactly("1 Gb/s", "1.5 Gb/s", "2 Gb/s");
    }

    @Test
    void aStepThatDoesNotDivideTheSpanStopsBelowTo() {
        assertThat(Axis.parse("k=0..10:4").shape().levels()).containsExactly("0", "4", "8");
    }

    @Test
    void aLogRangeSpacesItsValuesEvenlyInTheLogarithmWithBothEnds() {
        Axis.Shape s = Axis.parse("ber=1e-12..1e-6:7log").shape();
        assertThat(s.levels()).containsExactly("1e-12", "1e-11", "1e-10", "1e-9", "1e-8", "1e-7", "0.000001");
        assertThat(s.log()).isTrue();
    }

    @Test
    void aListIsNumericOnlyWhenEveryValueIsANumberInOneUnit() {
        assertThat(Axis.parse("k=1 Gb/s,2 Gb/s").shape().numbers()).containsExactly(1, 2);
        assertThat(Axis.parse("k=mosaic-800g,avicena-like").shape().numeric()).isFalse();
        assertThat(Axis.parse("k=1 Gb/s,2000 Mb/s").shape().numeric()).isFalse();
        assertThat(Axis.parse("k=pluggable, cpo").shape().levels()).containsExactly("pluggable", "cpo");
    }

    @Test
    void anEmptyRangeIsRefusedWithItsEnds() {
        assertThatThrownBy(() -> Axis.parse("k=50 m..10 m:10 m")).isInstanceOf(UsageException.class)
                .hasMessageContaining("empty").hasMessageContaining("50 m").hasMessageContaining("10 m");
    }

    @Test
    void aZeroOrNegativeStepIsRefused() {
        assertThatThrownBy(() -> Axis.parse("k=10..50:0")).isInstanceOf(UsageException.class).hasMessageContaining("zero");
        assertThatThrownBy(() -> Axis.parse("k=10..50:-5")).isInstanceOf(UsageException.class).hasMessageContaining("negative");
    }

    @Test
    void mixedUnitsInARangeAreRefused() {
        assertThatThrownBy(() -> Axis.parse("k=10 m..1 km:10 m")).isInstanceOf(UsageException.class)
                .hasMessageContaining("mixes units");
    }

    @Test
    void malformedAxesAreRefusedNamingThem() {
        assertThatThrownBy(() -> Axis.parse("fiber.length")).isInstanceOf(UsageException.class)
                .hasMessageContaining("KEY=FROM..TO:STEP");
        assertThatThrownBy(() -> Axis.parse("k=a..b:1")).isInstanceOf(UsageException.class).hasMessageContaining("\"a\"");
        assertThatThrownBy(() -> Axis.parse("k=1,,2")).isInstanceOf(UsageException.class).hasMessageContaining("empty value");
        assertThatThrownBy(() -> Axis.parse("k=0..1:3log")).isInstanceOf(UsageException.class).hasMessageContaining("FROM > 0");
    }

    @Test
    void aContinuousRangeHasNoLevelsAndMapsTheUnitIntervalOntoItsSpan() {
        Axis.Shape s = Axis.parse("k=10..20").shape();
        assertThat(s.continuous()).isTrue();
        assertThat(s.at(0)).isEqualTo("10");
        assertThat(s.at(0.5)).isEqualTo("15");
        Axis.Shape log = Axis.parse("k=1e-12..1e-6:log").shape();
        assertThat(log.at(0.5)).isEqualTo("1e-9");
    }
}
