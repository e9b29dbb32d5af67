package org.mosaic.link;

/**
 * Coefficients of the bottom-up power model of one cable end (validated by {@link LinkSpecs}; each has its
 * source in the scenario's provenance).
 *
 * @param ledWallPlugEfficiency  average optical power out / electrical power into the LED and its current source
 * @param driverEnergyPerBitJoules switching energy of the LED driver and pre-driver per transmitted bit
 * @param receiverEnergyPerBitJoules TIA + limiting amplifier energy per received bit
 * @param ctleEnergyPerBitJoules analog CTLE energy per received bit (0 when the CTLE is disabled)
 * @param referenceRateBitsPerSecond the channel rate at which the per-bit energies above are stated
 * @param analogRateExponent     per-bit energy of the analog parts scales as (rate / reference)^exponent
 *                               (MOSAIC's argument: analog power grows faster than the rate, [mosaic-claim-ledger])
 * @param gearboxEnergyPerBitJoules gearbox logic energy per bit of line rate, per direction
 * @param clockingWatts          PLLs and clock distribution of one end
 * @param controlWatts           management controller, monitoring, channel health monitor of one end
 * @param regulatorEfficiency    DC-DC / LDO efficiency applied to everything but the host interface
 * @param hostPluggableWatts     host-interface power of a pluggable module (module-side electrical SerDes)
 * @param hostCpoWatts           host-interface power when co-packaged (short on-package link)
 */
public record PowerSpec(double ledWallPlugEfficiency, double driverEnergyPerBitJoules, double receiverEnergyPerBitJoules,
                        double ctleEnergyPerBitJoules, double referenceRateBitsPerSecond, double analogRateExponent,
                        double gearboxEnergyPerBitJoules, double clockingWatts, double controlWatts,
                        double regulatorEfficiency, double hostPluggableWatts, double hostCpoWatts) {

    public PowerSpec {
        if (!(ledWallPlugEfficiency > 0 && ledWallPlugEfficiency <= 1) || !(regulatorEfficiency > 0 && regulatorEfficiency <= 1)) {
            throw new IllegalArgumentException("efficiencies must be in (0, 1]: LED " + ledWallPlugEfficiency
                    + ", regulator " + regulatorEfficiency);
        }
        double[] nonNegative = {driverEnergyPerBitJoules, receiverEnergyPerBitJoules, ctleEnergyPerBitJoules,
            gearboxEnergyPerBitJoules, clockingWatts, controlWatts, hostPluggableWatts, hostCpoWatts};
        for (double v : nonNegative) {
            if (!(v >= 0)) {
                throw new IllegalArgumentException("power coefficients must be >= 0, got " + v);
            }
        }
        if (!(referenceRateBitsPerSecond > 0)) {
            throw new IllegalArgumentException("reference rate must be > 0, got " + referenceRateBitsPerSecond);
        }
    }

    public PowerSpec withReceiverEnergyPerBitJoules(double v) {
        return new PowerSpec(ledWallPlugEfficiency, driverEnergyPerBitJoules, v, ctleEnergyPerBitJoules,
                referenceRateBitsPerSecond, analogRateExponent, gearboxEnergyPerBitJoules, clockingWatts, controlWatts,
                regulatorEfficiency, hostPluggableWatts, hostCpoWatts);
    }
}
