package org.mosaic.core.units;

import java.util.List;

/**
 * What a number with a unit measures. Each constant knows its SI unit, how it is named in messages,
 * the unit spellings it lists in messages and an example. The full set of accepted spellings (every
 * SI prefix, {@code u}/{@code µ}, {@code ·}/{@code *}/{@code .}, …) lives in {@link Quantities}.
 */
public enum Dimension {
    LENGTH("length", "m", "450 nm", "nm", "um", "mm", "m", "km"),
    TIME("time", "s", "10 ns", "fs", "ps", "ns", "us", "ms", "s", "min", "h", "d", "years"),
    FREQUENCY("frequency", "Hz", "10 GHz", "Hz", "kHz", "MHz", "GHz", "THz"),
    DATA_RATE("data rate", "b/s", "2 Gb/s", "b/s", "kb/s", "Mb/s", "Gb/s", "Tb/s", "B/s", "GB/s"),
    POWER("power", "W", "300 uW", "pW", "nW", "uW", "mW", "W", "dBm", "dBW"),
    CURRENT("current", "A", "1 mA", "fA", "pA", "nA", "uA", "mA", "A"),
    NOISE_CURRENT_DENSITY("noise current density", "A/√Hz", "2 pA/sqrt(Hz)",
            "fA/sqrt(Hz)", "pA/sqrt(Hz)", "nA/sqrt(Hz)", "uA/sqrt(Hz)", "pA/√Hz", "pA/rtHz"),
    ATTENUATION("attenuation", "dB/m", "0.2 dB/m", "dB/m", "dB/km", "dB/cm"),
    /** A level or ratio kept in dB (gain, extinction ratio, crosstalk); parsing does not linearise it. */
    DECIBEL("level in dB", "dB", "3 dB", "dB"),
    BANDWIDTH_LENGTH("bandwidth-length product", "Hz·m", "20 GHz*m", "GHz*m", "GHz*km", "MHz*km", "Hz*m"),
    RESPONSIVITY("responsivity", "A/W", "0.5 A/W", "A/W", "mA/mW"),
    DISPERSION("dispersion", "s/m²", "17 ps/(nm*km)", "ps/(nm*km)", "ps/nm/km", "s/m^2"),
    /** Energy per bit, e.g. of a driver or a receiver ("1 pJ/bit"). */
    ENERGY_PER_BIT("energy per bit", "J/bit", "1 pJ/bit", "fJ/bit", "pJ/bit", "nJ/bit"),
    /** An energy, in practice an activation energy ("0.7 eV"). */
    ENERGY("energy", "J", "0.7 eV", "meV", "eV", "J"),
    /** A temperature, kelvin inside; degrees Celsius are converted ("85 C" is 358.15 K). */
    TEMPERATURE("temperature", "K", "85 C", "C", "°C", "K"),
    /** A constant failure rate, 1/s inside; FIT is failures per 10^9 device-hours ("1 FIT"). */
    FAILURE_RATE("failure rate", "1/s", "1 FIT", "FIT", "/h"),
    /** A dimensionless ratio: a bare number or a percentage. */
    FRACTION("fraction", "", "10 %", "%"),
    /** A bare number; any unit is an error. */
    DIMENSIONLESS("dimensionless number", "", "1e-12"),
    /** A compute rate in floating-point operations per second ("989 TFLOP/s"); decimal prefixes. */
    COMPUTE_RATE("compute rate", "FLOP/s", "989 TFLOP/s", "GFLOP/s", "TFLOP/s", "PFLOP/s"),
    /** A count of floating-point operations, e.g. a kernel's size ("128 GFLOP"); decimal prefixes. */
    OPERATIONS("operation count", "FLOP", "128 GFLOP", "MFLOP", "GFLOP", "TFLOP"),
    /** An amount of data in bytes ("80 GB", "100 MB"); decimal prefixes, GB = 1e9 B. */
    DATA_SIZE("data size", "B", "80 GB", "kB", "MB", "GB", "TB"),
    /** A capacitance, e.g. at a receiver's input ("150 fF"). */
    CAPACITANCE("capacitance", "F", "150 fF", "fF", "pF", "nF"),
    /** An amplifier's input voltage noise density ("1.5 nV/sqrt(Hz)"). */
    VOLTAGE_NOISE_DENSITY("noise voltage density", "V/√Hz", "1.5 nV/sqrt(Hz)",
            "nV/sqrt(Hz)", "uV/sqrt(Hz)", "nV/√Hz", "nV/rtHz"),
    /** A first-order rate constant, e.g. a Shockley–Read–Hall recombination coefficient A ("5e7 /s"). */
    RATE_CONSTANT("rate constant", "1/s", "5e7 /s", "/s", "1/s", "/ns", "/us"),
    /** A bimolecular (radiative) recombination coefficient B ("2e-11 cm^3/s"). */
    RECOMBINATION_B("bimolecular recombination coefficient", "m³/s", "2e-11 cm^3/s", "cm^3/s", "m^3/s"),
    /** A three-carrier (Auger) recombination coefficient C ("1e-29 cm^6/s"). */
    RECOMBINATION_C("Auger recombination coefficient", "m⁶/s", "1e-29 cm^6/s", "cm^6/s", "m^6/s"),
    /** A wavelength shift per drive current, e.g. a microLED's blue-shift ("-0.05 nm/mA"). */
    WAVELENGTH_PER_CURRENT("wavelength shift per current", "m/A", "-0.05 nm/mA", "nm/mA", "nm/A", "pm/mA");

    private final String description;
    private final String siUnit;
    private final String example;
    private final List<String> units;

    Dimension(String description, String siUnit, String example, String... units) {
        this.description = description;
        this.siUnit = siUnit;
        this.example = example;
        this.units = List.of(units);
    }

    /** How messages name this dimension, e.g. {@code "data rate"}. */
    public String description() {
        return description;
    }

    /** The SI unit that {@link Quantities#parse} returns, e.g. {@code "b/s"}; empty for ratios. */
    public String siUnit() {
        return siUnit;
    }

    /** The unit spellings shown in messages (a subset of those accepted); empty for {@link #DIMENSIONLESS}. */
    public List<String> units() {
        return units;
    }

    /** A valid example value, e.g. {@code "2 Gb/s"}. */
    public String example() {
        return example;
    }

    /** The example with its number replaced, e.g. {@code example("5")} is {@code "5 Gb/s"}. */
    String example(String number) {
        int space = example.indexOf(' ');
        return space < 0 ? number : number + example.substring(space);
    }

    /** The description with its article, e.g. {@code "an attenuation"}. */
    public String withArticle() {
        return ("aeio".indexOf(description.charAt(0)) >= 0 ? "an " : "a ") + description;
    }
}
