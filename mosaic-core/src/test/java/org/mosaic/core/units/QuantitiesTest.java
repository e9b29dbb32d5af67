package org.mosaic.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.mosaic.core.units.Dimension.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

    /** Text, dimension, expected SI value (closed forms: prefixes are exact powers of ten). */
    @ParameterizedTest(name = "\"{0}\" as {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "2 Gb/s          | DATA_RATE             | 2e9",
            "2Gb/s           | DATA_RATE             | 2e9",
            "  2 Gbps        | DATA_RATE             | 2e9",
            "2 Gbit/s        | DATA_RATE             | 2e9",
            "1 GB/s          | DATA_RATE             | 8e9",
            "1 kB/s          | DATA_RATE             | 8e3",
            "100 Mb/s        | DATA_RATE             | 1e8",
            "450 nm          | LENGTH                | 4.5e-7",
            "50 m            | LENGTH                | 50",
            "1.5e-3m         | LENGTH                | 1.5e-3",
            "1.5 µm          | LENGTH                | 1.5e-6",
            "1.5 μm          | LENGTH                | 1.5e-6",
            "2 cm            | LENGTH                | 0.02",
            "3 km            | LENGTH                | 3000",
            "+10 ns          | TIME                  | 1e-8",
            "10 GHz          | FREQUENCY             | 1e10",
            "0.2 dB/m        | ATTENUATION           | 0.2",
            "0.2 dB/km       | ATTENUATION           | 2e-4",
            "1 dB/cm         | ATTENUATION           | 100",
            "-27 dBm         | POWER                 | 1.9952623149688787e-6",
            "0 dBm           | POWER                 | 1e-3",
            "0 dBW           | POWER                 | 1",
            "300 uW          | POWER                 | 3e-4",
            "300 µW          | POWER                 | 3e-4",
            "1 mA            | CURRENT               | 1e-3",
            "2 pA/sqrt(Hz)   | NOISE_CURRENT_DENSITY | 2e-12",
            "2 pA/√Hz        | NOISE_CURRENT_DENSITY | 2e-12",
            "2 pA/rtHz       | NOISE_CURRENT_DENSITY | 2e-12",
            "150 fF          | CAPACITANCE           | 1.5e-13",
            "1 pF            | CAPACITANCE           | 1e-12",
            "1.5 nV/sqrt(Hz) | VOLTAGE_NOISE_DENSITY | 1.5e-9",
            "3 nV/√Hz        | VOLTAGE_NOISE_DENSITY | 3e-9",
            "2 pA / sqrt(Hz) | NOISE_CURRENT_DENSITY | 2e-12",
            "20 GHz*m        | BANDWIDTH_LENGTH      | 2e10",
            "20 GHz·m        | BANDWIDTH_LENGTH      | 2e10",
            "20 GHz.m        | BANDWIDTH_LENGTH      | 2e10",
            "500 MHz*km      | BANDWIDTH_LENGTH      | 5e11",
            "500 MHz·km      | BANDWIDTH_LENGTH      | 5e11",
            "2 GHz*km        | BANDWIDTH_LENGTH      | 2e12",
            "0.5 A/W         | RESPONSIVITY          | 0.5",
            "0.5 mA/mW       | RESPONSIVITY          | 0.5",
            "17 ps/(nm*km)   | DISPERSION            | 1.7e-5",
            "17 ps/(nm·km)   | DISPERSION            | 1.7e-5",
            "17 ps/nm/km     | DISPERSION            | 1.7e-5",
            "-768 ps/(nm·km) | DISPERSION            | -7.68e-4",
            "3 dB            | DECIBEL               | 3",
            "-20 dB          | DECIBEL               | -20",
            "10 %            | FRACTION              | 0.1",
            "10%             | FRACTION              | 0.1",
            "0.25            | FRACTION              | 0.25",
            "1e-12           | DIMENSIONLESS         | 1e-12",
            "2.4e-4          | DIMENSIONLESS         | 2.4e-4",
            ".5              | DIMENSIONLESS         | 0.5",
    })
    void parsesToSi(String text, Dimension dim, double expected) {
        assertThat(Quantities.parse(text, dim)).isCloseTo(expected, withinPercentage(1e-9));
    }

    @Test
    void bitsAndBytesDiffer() {
        assertThat(Quantities.parse("1 GB/s", DATA_RATE))
                .isCloseTo(8 * Quantities.parse("1 Gb/s", DATA_RATE), withinPercentage(1e-9));
    }

    @ParameterizedTest(name = "{0} as {1} is \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "2e9       | DATA_RATE             | 2 Gb/s",
            "4.5e-7    | LENGTH                | 450 nm",
            "3e-4      | POWER                 | 300 µW",
            "2e-12     | NOISE_CURRENT_DENSITY | 2 pA/√Hz",
            "20e9      | BANDWIDTH_LENGTH      | 20 GHz·m",
            "-7.68e-4  | DISPERSION            | -768 ps/(nm·km)",
            "0.2       | ATTENUATION           | 0.2 dB/m",
            "2e-4      | ATTENUATION           | 0.2 dB/km",
            "3         | DECIBEL               | 3 dB",
            "0.1       | FRACTION              | 10 %",
            "0         | LENGTH                | 0 m",
            "0         | ATTENUATION           | 0 dB/m",
            "50        | LENGTH                | 50 m",
            "1.23456e-3| LENGTH                | 1.235 mm",
            "9.99996e-7| LENGTH                | 1 µm",
            "1e-12     | DIMENSIONLESS         | 1e-12",
            "2.4e-4    | DIMENSIONLESS         | 2.4e-4",
            "12345     | DIMENSIONLESS         | 1.235e4",
            "1e20      | LENGTH                | 1e17 km",
            "1.5e-4    | DECIBEL               | 1.5e-4 dB",
            "0.5       | RESPONSIVITY          | 0.5 A/W",
    })
    void formatsWithEngineeringPrefix(double si, Dimension dim, String expected) {
        assertThat(Quantities.format(si, dim)).isEqualTo(expected);
    }

    @Test
    void dbmConversions() {
        assertThat(Quantities.dbmToWatts(0)).isCloseTo(1e-3, withinPercentage(1e-9));
        assertThat(Quantities.dbmToWatts(30)).isCloseTo(1, withinPercentage(1e-9));
        assertThat(Quantities.dbmToWatts(-30)).isCloseTo(1e-6, withinPercentage(1e-9));
        assertThat(Quantities.wattsToDbm(1e-3)).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Quantities.wattsToDbm(Quantities.dbmToWatts(-27))).isCloseTo(-27, withinPercentage(1e-9));
    }

    @Test
    void unknownUnitNamesValueDimensionAndExample() {
        UnitException e = catchThrowableOfType(UnitException.class, () -> Quantities.parse("2 GB/m", DATA_RATE));
        assertThat(e.getMessage()).isEqualTo("\"2 GB/m\" is not a data rate: expected a number followed by one of "
                + "b/s, kb/s, Mb/s, Gb/s, Tb/s, B/s, GB/s (e.g. \"2 Gb/s\")");
        assertThat(e.text()).isEqualTo("2 GB/m");
        assertThat(e.dimension()).isEqualTo(DATA_RATE);
    }

    @Test
    void bareNumberWhereUnitRequired() {
        assertThatThrownBy(() -> Quantities.parse("450", LENGTH))
                .isInstanceOf(UnitException.class)
                .hasMessage("\"450\" has no unit: a length needs one of nm, um, mm, m, km (e.g. \"450 nm\")");
        assertThatThrownBy(() -> Quantities.parse("1e-3", POWER))
                .hasMessageContaining("\"1e-3\"").hasMessageContaining("power").hasMessageContaining("e.g. \"300 uW\"");
    }

    @Test
    void examplesFitTheKeyWhenItsTypicalValueIsKnown_issue12() {
        // a fibre length typed without a unit: the example is in metres, not "30 nm"
        assertThatThrownBy(() -> Quantities.parse("30", LENGTH, 20))
                .hasMessage("\"30\" has no unit: a length needs one of nm, um, mm, m, km (e.g. \"30 m\")");
        // a rack's power: kW, not "100 uW"
        assertThatThrownBy(() -> Quantities.parse("100", POWER, 120e3)).hasMessageContaining("e.g. \"100 kW\"");
        assertThatThrownBy(() -> Quantities.parse("30 dB/m", LENGTH, 50)).hasMessageContaining("e.g. \"30 m\"");
        assertThatThrownBy(() -> Quantities.parse("blue", POWER, 450e-6)).hasMessageContaining("e.g. \"450 uW\"");
        // without a typical value, the user's number is not glued to a prefix chosen blindly
        assertThatThrownBy(() -> Quantities.parse("30", LENGTH)).hasMessageNotContaining("30 nm").hasMessageContaining("e.g. \"450 nm\"");
        assertThatThrownBy(() -> Quantities.parse("100", POWER)).hasMessageNotContaining("100 uW");
        // one unit only: keeping the number is safe
        assertThatThrownBy(() -> Quantities.parse("3 m", DIMENSIONLESS)).hasMessageContaining("e.g. \"3\"");
        for (Dimension d : Dimension.values()) {
            String example = Quantities.example(d, 20, null);
            assertThat(Quantities.parse(example, d)).as(example).isFinite();
        }
    }

    @Test
    void unitOfAnotherDimensionIsNamedAsHint() {
        assertThatThrownBy(() -> Quantities.parse("450 nm", FREQUENCY))
                .isInstanceOf(UnitException.class)
                .hasMessageStartingWith("\"450 nm\" is a length, not a frequency: expected")
                .hasMessageContaining("GHz").hasMessageContaining("e.g. \"10 GHz\"");
        assertThatThrownBy(() -> Quantities.parse("3 dB", POWER))
                .hasMessageStartingWith("\"3 dB\" is a level in dB, not a power");
        assertThatThrownBy(() -> Quantities.parse("3 dB", DIMENSIONLESS))
                .hasMessage("\"3 dB\" is a level in dB, not a dimensionless number: expected a bare number (e.g. \"3\")");
        assertThatThrownBy(() -> Quantities.parse("10 %", DIMENSIONLESS))
                .hasMessageStartingWith("\"10 %\" is a fraction, not a dimensionless number");
        assertThatThrownBy(() -> Quantities.parse("1 dB/km", LENGTH))
                .hasMessageStartingWith("\"1 dB/km\" is an attenuation, not a length");
    }

    @Test
    void rejectsShorthandsWrongCaseAndNonNumbers() {
        for (String bad : new String[] {"800G", "2 gb/s", "2 GBPS", "2 G"}) {
            assertThatThrownBy(() -> Quantities.parse(bad, DATA_RATE)).isInstanceOf(UnitException.class)
                    .hasMessageContaining("\"" + bad + "\"").hasMessageContaining("data rate").hasMessageContaining("e.g.");
        }
        assertThatThrownBy(() -> Quantities.parse("10 mHz", FREQUENCY)).isInstanceOf(UnitException.class);
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "NaN m", "Infinity m", "abc", "", "  ", "m", "1,5 m", "- 5 m"}) {
            assertThatThrownBy(() -> Quantities.parse(bad, LENGTH)).isInstanceOf(UnitException.class)
                    .hasMessageContaining("\"" + bad + "\"").hasMessageContaining("length")
                    .hasMessageContaining("e.g. \"");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1e400 m        | LENGTH",
            "1e308 GB/s     | DATA_RATE",
            "1e9999999999 m | LENGTH",
            "10000 dBm      | POWER",
    })
    void rejectsValuesOutOfDoubleRange(String bad, Dimension dim) {
        assertThatThrownBy(() -> Quantities.parse(bad, dim)).isInstanceOf(UnitException.class)
                .hasMessageStartingWith("\"" + bad + "\" is out of range for " + dim.withArticle());
    }

    @Test
    void missingValue() {
        UnitException e = catchThrowableOfType(UnitException.class, () -> Quantities.parse(null, LENGTH));
        assertThat(e.getMessage()).startsWith("no value given: a length needs").contains("e.g. \"450 nm\"");
        assertThat(e.text()).isNull();
    }

    @Test
    void messagesAreSingleLineWithoutStackTrace() {
        UnitException e = catchThrowableOfType(UnitException.class, () -> Quantities.parse("2 GB/m", DATA_RATE));
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void everyDimensionExampleParsesAndListedUnitsAreAccepted() {
        for (Dimension d : Dimension.values()) {
            assertThat(Quantities.parse(d.example(), d)).as(d.example()).isFinite();
            for (String unit : d.units()) {
                assertThat(Quantities.parse("1 " + unit, d)).as(unit).isFinite();
            }
        }
    }

    @Test
    void reliabilityAndPowerUnits() {
        // 1 FIT = 1 failure per 1e9 device-hours; 85 °C = 358.15 K; 1 eV = 1.602176634e-19 J (exact, SI 2019)
        assertThat(Quantities.parse("1 FIT", Dimension.FAILURE_RATE)).isCloseTo(1e-9 / 3600, offset(1e-25));
        assertThat(Quantities.parse("85 C", Dimension.TEMPERATURE)).isCloseTo(358.15, offset(1e-12));
        assertThat(Quantities.parse("300 K", Dimension.TEMPERATURE)).isEqualTo(300.0);
        assertThat(Quantities.parse("0.7 eV", Dimension.ENERGY)).isCloseTo(0.7 * 1.602176634e-19, offset(1e-30));
        assertThat(Quantities.parse("1.5 pJ/bit", Dimension.ENERGY_PER_BIT)).isCloseTo(1.5e-12, offset(1e-24));
        assertThat(Quantities.parse("5 years", Dimension.TIME)).isEqualTo(5 * 8760 * 3600.0);
        assertThat(Quantities.parse("10 h", Dimension.TIME)).isEqualTo(36_000.0);
        assertThat(Quantities.format(358.15, Dimension.TEMPERATURE)).isEqualTo("85 °C");
        assertThat(Quantities.format(1e-9 / 3600, Dimension.FAILURE_RATE)).isEqualTo("1 FIT");
        assertThat(Quantities.format(0.7 * 1.602176634e-19, Dimension.ENERGY)).isEqualTo("0.7 eV");
        assertThat(Quantities.format(5 * 8760 * 3600.0, Dimension.TIME)).isEqualTo("4.38e4 h");
    }
}
