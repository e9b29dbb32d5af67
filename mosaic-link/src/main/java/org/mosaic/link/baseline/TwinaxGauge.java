package org.mosaic.link.baseline;

import java.util.Locale;

/**
 * Insertion loss per metre of one twinax wire gauge, the standard two-term fit
 * {@code IL(f) = k1·√f + k2·f} (dB/m, f in GHz): the conductor (skin-effect) term grows as √f, the
 * dielectric term (constant loss tangent) as f ([ssicable-loss], [healey-2009-cr4]). Valid once the skin effect
 * is fully developed (above a few hundred MHz), which covers every Nyquist frequency used here.
 *
 * @param name                   e.g. {@code 26AWG}
 * @param k1DbPerMeterPerRootGHz conductor coefficient, dB/m/√GHz
 * @param k2DbPerMeterPerGHz     dielectric coefficient, dB/m/GHz
 */
public record TwinaxGauge(String name, double k1DbPerMeterPerRootGHz, double k2DbPerMeterPerGHz) {

    private static final double NEPER_TO_DB = 20 / Math.log(10);
    private static final double MU0_HENRY_PER_METER = 4e-7 * Math.PI;
    private static final double SPEED_OF_LIGHT_METERS_PER_SECOND = 299_792_458.0;
    private static final double ONE_GHZ = 1e9;

    public TwinaxGauge {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("gauge name is blank — expected a name such as 26AWG");
        }
        if (!(k1DbPerMeterPerRootGHz >= 0 && Double.isFinite(k1DbPerMeterPerRootGHz))) {
            throw new IllegalArgumentException("gauge " + name + ": k1 " + k1DbPerMeterPerRootGHz
                    + " dB/m/√GHz — expected a finite value >= 0 (26 AWG is 0.72)");
        }
        if (!(k2DbPerMeterPerGHz >= 0 && Double.isFinite(k2DbPerMeterPerGHz))) {
            throw new IllegalArgumentException("gauge " + name + ": k2 " + k2DbPerMeterPerGHz
                    + " dB/m/GHz — expected a finite value >= 0 (26 AWG is 0.026)");
        }
        if (k1DbPerMeterPerRootGHz + k2DbPerMeterPerGHz == 0) {
            throw new IllegalArgumentException("gauge " + name + ": k1 and k2 are both 0 — a lossless cable has no finite reach");
        }
    }

    /** Insertion loss in dB per metre at {@code frequencyHz}. */
    public double lossDbPerMeter(double frequencyHz) {
        if (!(frequencyHz > 0 && Double.isFinite(frequencyHz))) {
            throw new IllegalArgumentException("frequency " + frequencyHz + " Hz — expected a positive finite frequency");
        }
        double fGHz = frequencyHz / ONE_GHZ;
        return k1DbPerMeterPerRootGHz * Math.sqrt(fGHz) + k2DbPerMeterPerGHz * fGHz;
    }

    /** Shares of the loss at {@code frequencyHz}: the conductor term's fraction of the total. */
    public double conductorShare(double frequencyHz) {
        double fGHz = frequencyHz / ONE_GHZ;
        return k1DbPerMeterPerRootGHz * Math.sqrt(fGHz) / lossDbPerMeter(frequencyHz);
    }

    /**
     * The physical construction of a shielded differential twinax pair, from which k1 and k2 follow
     * ([ssicable-loss], [healey-2009-cr4]):
     * <ul>
     *   <li>conductor: skin-effect resistance per wire per metre {@code R = Rs/(π·d)},
     *       {@code Rs = √(π f μ0 ρ)}; differential resistance {@code 2·p·R} with p the proximity and shield
     *       return factor; attenuation {@code α_c = R_diff/(2·Z)} Np/m;</li>
     *   <li>dielectric: {@code α_d = π f √ε_r tanδ / c} Np/m (a TEM line, independent of the geometry).</li>
     * </ul>
     *
     * @param wireDiameterMeters         conductor diameter (26 AWG: 0.405 mm)
     * @param differentialImpedanceOhms  100 Ω for datacentre twinax
     * @param proximityFactor            extra resistance from proximity effect and shield return (1.3)
     * @param relativePermittivity       of the insulation (foamed PE/FEP about 2)
     * @param lossTangent                of the insulation (about 2e-4)
     * @param resistivityOhmMeters       of the conductor (copper 1.72e-8 Ω·m)
     */
    public record Construction(double wireDiameterMeters, double differentialImpedanceOhms, double proximityFactor,
                               double relativePermittivity, double lossTangent, double resistivityOhmMeters) {
        public Construction {
            positive("wire diameter (m)", wireDiameterMeters);
            positive("differential impedance (ohm)", differentialImpedanceOhms);
            if (!(proximityFactor >= 1 && Double.isFinite(proximityFactor))) {
                throw new IllegalArgumentException("proximity factor " + proximityFactor
                        + " — expected a finite factor >= 1 (1 = skin effect alone; [ssicable-loss], [healey-2009-cr4] uses 1.3)");
            }
            if (!(relativePermittivity >= 1 && Double.isFinite(relativePermittivity))) {
                throw new IllegalArgumentException("relative permittivity " + relativePermittivity + " — expected a finite value >= 1");
            }
            if (!(lossTangent >= 0 && lossTangent < 1)) {
                throw new IllegalArgumentException("loss tangent " + lossTangent + " — expected a value in [0, 1), e.g. 2e-4");
            }
            positive("resistivity (ohm m)", resistivityOhmMeters);
        }

        /**
         * The construction [ssicable-loss], [healey-2009-cr4] assumes for its coefficients: 100 Ω, proximity and
         * return 1.3 ("about 30 %"), foamed PE/FEP ε_r 2 and tanδ 2e-4, copper ρ 1.72e-8 Ω·m. All (derived) there.
         */
        public static Construction baselinesReference(double wireDiameterMeters) {
            return new Construction(wireDiameterMeters, 100, 1.3, 2.0, 2e-4, 1.72e-8);
        }

        /**
         * Conductor diameter of an American Wire Gauge size by its definition (ASTM B258):
         * {@code d = 0.127 mm × 92^((36 − n)/39)}; 26 AWG gives the 0.405 mm of [ssicable-loss], [healey-2009-cr4].
         */
        public static double awgDiameterMeters(int awg) {
            if (awg < 0 || awg > 40) {
                throw new IllegalArgumentException("wire gauge " + awg + " AWG — expected 0 to 40");
            }
            return 0.127e-3 * Math.pow(92, (36 - awg) / 39.0);
        }

        private static void positive(String what, double v) {
            if (!(v > 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException(what + " " + v + " — expected a positive finite value");
            }
        }
    }

    /** The coefficients implied by a construction (see {@link Construction}); no fitting is involved. */
    public static TwinaxGauge fromConstruction(String name, Construction c) {
        double rsAt1GHz = Math.sqrt(Math.PI * ONE_GHZ * MU0_HENRY_PER_METER * c.resistivityOhmMeters());
        double perWireOhmsPerMeter = rsAt1GHz / (Math.PI * c.wireDiameterMeters());
        double differentialOhmsPerMeter = 2 * c.proximityFactor() * perWireOhmsPerMeter;
        double k1 = NEPER_TO_DB * differentialOhmsPerMeter / (2 * c.differentialImpedanceOhms());
        double k2 = NEPER_TO_DB * Math.PI * ONE_GHZ * Math.sqrt(c.relativePermittivity()) * c.lossTangent()
                / SPEED_OF_LIGHT_METERS_PER_SECOND;
        return new TwinaxGauge(name, k1, k2);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (k1 %.3f dB/m/√GHz, k2 %.4f dB/m/GHz)", name, k1DbPerMeterPerRootGHz, k2DbPerMeterPerGHz);
    }
}
