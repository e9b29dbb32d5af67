package org.mosaic.link.reliability;

import java.util.Objects;

/**
 * A component as placed in a cable: how many of it sit in the place the list describes (per channel, per
 * end, or per cable) and the temperature it runs at (junction or case temperature, as the component's FIT
 * reference is quoted). Each of the {@code quantity} copies fails independently; all are needed (series).
 *
 * @param quantity         copies per place, ≥ 1
 * @param operatingKelvin  temperature the part runs at, kelvin (use {@link Arrhenius#kelvin(double)} for °C)
 */
public record Part(Component component, int quantity, double operatingKelvin) {
    /** Largest accepted quantity per place (a sanity bound against unit or index mix-ups). */
    static final int MAX_QUANTITY = 1_000_000;

    public Part {
        Objects.requireNonNull(component, "part component is null — expected a Component");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity of " + component.name() + " = " + quantity
                    + " — expected 1 to " + MAX_QUANTITY + " copies per place; hint: leave a part out of the list "
                    + "instead of giving it quantity 0");
        }
        Arrhenius.checkKelvin("operating temperature of " + component.name(), operatingKelvin);
    }

    /** One copy at the given temperature. */
    public static Part of(Component component, double operatingKelvin) {
        return new Part(component, 1, operatingKelvin);
    }

    public String name() {
        return component.name();
    }

    /** AF of this placement. */
    public double accelerationFactor() {
        return component.accelerationFactor(operatingKelvin);
    }

    /** Constant hazard of all copies at the operating temperature, per hour. */
    public double constantRatePerHour() {
        return quantity * component.constantRatePerHour(operatingKelvin);
    }

    /** Cumulative hazard of all copies at the operating temperature. */
    public double cumulativeHazard(double timeHours) {
        return quantity * component.cumulativeHazard(timeHours, operatingKelvin);
    }

    /** The same part at another temperature. */
    public Part atKelvin(double kelvin) {
        return new Part(component, quantity, kelvin);
    }
}
