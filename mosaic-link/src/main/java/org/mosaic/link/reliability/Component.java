package org.mosaic.link.reliability;

import java.util.Objects;

/**
 * One kind of part and its failure law: a constant (random-failure) hazard given in FIT at a reference
 * temperature, an Arrhenius activation energy, and an optional wear-out mechanism ({@link WearOut}) as a
 * competing risk. At an operating temperature T the Arrhenius factor AF = {@link Arrhenius#factor}(Ea, T_ref, T)
 * multiplies the constant hazard and divides the wear-out time scale (the same Ea governs both):
 * <pre>
 *   H(t; T) = FIT·10⁻⁹·AF·t + H_wear(AF·t),    S(t; T) = exp(−H(t; T)),    h(t; T) = dH/dt
 * </pre>
 * Times in hours, temperatures in kelvin.
 *
 * @param name               what the part is (e.g. "microLED"), used in breakdowns
 * @param fitAtReference     constant-hazard failure rate at {@code referenceKelvin}, FIT (failures per 10⁹ h), ≥ 0
 * @param referenceKelvin    temperature at which the FIT and the wear-out parameters are quoted
 * @param activationEnergyEv Ea in eV (0: temperature-independent, e.g. passive glass and connectors)
 * @param wearOut            wear-out mechanism, or {@link WearOut#none()}
 */
public record Component(String name, double fitAtReference, double referenceKelvin, double activationEnergyEv,
                        WearOut wearOut) {
    public Component {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("component name \"" + name + "\" — expected a non-blank name, e.g. \"microLED\"");
        }
        if (!(fitAtReference >= 0 && fitAtReference < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("FIT of " + name + " = " + fitAtReference + " — expected a finite number "
                    + "≥ 0 (failures per 10⁹ device-hours); hint: an MTBF of 1e6 h is 1000 FIT");
        }
        Arrhenius.checkKelvin("reference temperature of " + name, referenceKelvin);
        Arrhenius.checkActivationEnergy("activation energy of " + name, activationEnergyEv);
        Objects.requireNonNull(wearOut, () -> "wear-out of " + name + " is null — use WearOut.none() for no wear-out");
    }

    /** A component with a constant hazard only. */
    public static Component constant(String name, double fit, double referenceKelvin, double activationEnergyEv) {
        return new Component(name, fit, referenceKelvin, activationEnergyEv, WearOut.none());
    }

    /** The same component with another wear-out mechanism. */
    public Component withWearOut(WearOut w) {
        return new Component(name, fitAtReference, referenceKelvin, activationEnergyEv, w);
    }

    /** The same component with another FIT at the reference temperature. */
    public Component withFit(double fit) {
        return new Component(name, fit, referenceKelvin, activationEnergyEv, wearOut);
    }

    public boolean hasWearOut() {
        return !(wearOut instanceof WearOut.None);
    }

    /** AF at {@code useKelvin} relative to the reference temperature. */
    public double accelerationFactor(double useKelvin) {
        Arrhenius.checkKelvin("operating temperature of " + name, useKelvin);
        return Arrhenius.unchecked(activationEnergyEv, referenceKelvin, useKelvin);
    }

    /** Constant-hazard part at {@code useKelvin}, per hour. */
    public double constantRatePerHour(double useKelvin) {
        return fitAtReference / FitConversions.HOURS_PER_FIT_UNIT * accelerationFactor(useKelvin);
    }

    /** H(t) at {@code useKelvin}. */
    public double cumulativeHazard(double timeHours, double useKelvin) {
        checkTime(timeHours);
        double af = accelerationFactor(useKelvin);
        return fitAtReference / FitConversions.HOURS_PER_FIT_UNIT * af * timeHours + wearOut.cumulativeHazard(af * timeHours);
    }

    /** h(t) per hour at {@code useKelvin}. */
    public double hazardPerHour(double timeHours, double useKelvin) {
        checkTime(timeHours);
        double af = accelerationFactor(useKelvin);
        return fitAtReference / FitConversions.HOURS_PER_FIT_UNIT * af + af * wearOut.hazardPerHour(af * timeHours);
    }

    /** S(t) at {@code useKelvin}. */
    public double survival(double timeHours, double useKelvin) {
        return Math.exp(-cumulativeHazard(timeHours, useKelvin));
    }

    private static void checkTime(double timeHours) {
        if (!(timeHours >= 0)) {
            throw new IllegalArgumentException("time " + timeHours + " h — expected a number of hours ≥ 0");
        }
    }
}
