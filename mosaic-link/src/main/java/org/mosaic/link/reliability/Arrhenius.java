package org.mosaic.link.reliability;

/**
 * Arrhenius temperature acceleration of a thermally activated failure mechanism:
 * <pre>
 *   AF = exp[(Ea / k_B) · (1/T_ref − 1/T_use)]
 * </pre>
 * so that a hazard rate quoted at {@code T_ref} becomes {@code AF ×} that rate at {@code T_use}, and a
 * wear-out life quoted at {@code T_ref} becomes {@code life / AF}. AF &gt; 1 when the part runs hotter than its
 * reference. Temperatures are absolute (kelvin); {@link #kelvin(double)} converts from °C.
 *
 * <p>Assumptions: one activation energy per mechanism, no current or humidity acceleration term (the
 * {@code (I_stress/I_use)^n} factor of [guenter-spie-2011] is left out: MOSAIC's drive current is not
 * public). Ea is device-specific and uncertain ([guenter-spie-2011]), so callers supply it.
 */
public final class Arrhenius {
    /**
     * Boltzmann constant in eV/K: k_B / e = 1.380649e-23 J/K ÷ 1.602176634e-19 C, both exact in the 2019 SI;
     * CODATA 2018 recommended value 8.617 333 262…e-5 eV/K.
     */
    public static final double BOLTZMANN_EV_PER_KELVIN = 8.617333262e-5;
    /** 0 °C in kelvin (exact by definition of the Celsius scale). */
    public static final double ZERO_CELSIUS_KELVIN = 273.15;
    /** Plausible operating temperatures of electronics (−123 °C to 327 °C); outside it a unit mix-up is likely. */
    static final double MIN_KELVIN = 150;
    static final double MAX_KELVIN = 600;
    /** Upper bound of accepted activation energies; electronic failure mechanisms lie within ~0.1–1.5 eV. */
    static final double MAX_ACTIVATION_ENERGY_EV = 5;

    private Arrhenius() {
    }

    /**
     * The acceleration factor at {@code useKelvin} relative to {@code referenceKelvin}.
     *
     * @param activationEnergyEv Ea in eV, ≥ 0 (0: no temperature dependence)
     */
    public static double factor(double activationEnergyEv, double referenceKelvin, double useKelvin) {
        checkActivationEnergy("activation energy", activationEnergyEv);
        checkKelvin("reference temperature", referenceKelvin);
        checkKelvin("use temperature", useKelvin);
        return unchecked(activationEnergyEv, referenceKelvin, useKelvin);
    }

    /** As {@link #factor} with both temperatures in °C. */
    public static double factorCelsius(double activationEnergyEv, double referenceCelsius, double useCelsius) {
        return factor(activationEnergyEv, kelvin(referenceCelsius), kelvin(useCelsius));
    }

    /** °C → K. */
    public static double kelvin(double celsius) {
        return celsius + ZERO_CELSIUS_KELVIN;
    }

    /** K → °C. */
    public static double celsius(double kelvin) {
        return kelvin - ZERO_CELSIUS_KELVIN;
    }

    static double unchecked(double activationEnergyEv, double referenceKelvin, double useKelvin) {
        if (activationEnergyEv == 0 || referenceKelvin == useKelvin) {
            return 1;
        }
        return Math.exp(activationEnergyEv / BOLTZMANN_EV_PER_KELVIN * (1 / referenceKelvin - 1 / useKelvin));
    }

    static void checkKelvin(String what, double kelvin) {
        if (!(kelvin >= MIN_KELVIN && kelvin <= MAX_KELVIN)) {
            throw new IllegalArgumentException(what + " " + kelvin + " K — expected an absolute temperature from "
                    + MIN_KELVIN + " K to " + MAX_KELVIN + " K; hint: temperatures are in kelvin, use "
                    + "Arrhenius.kelvin(°C) (e.g. 70 °C = 343.15 K)");
        }
    }

    static void checkActivationEnergy(String what, double ev) {
        if (!(ev >= 0 && ev <= MAX_ACTIVATION_ENERGY_EV)) {
            throw new IllegalArgumentException(what + " " + ev + " eV — expected 0 to " + MAX_ACTIVATION_ENERGY_EV
                    + " eV; hint: typical electronic failure mechanisms have Ea ≈ 0.1–1.5 eV, 0 disables "
                    + "temperature acceleration");
        }
    }
}
