package org.mosaic.optics;

import java.util.ArrayList;
import java.util.List;

/**
 * The optical power path of one channel, emitter to detector: Lambertian emission collected by the lens
 * into the fibre's numerical aperture, the fraction of the spot that lands on cores, Fresnel reflections,
 * connectors, fibre attenuation, power lost to neighbours by crosstalk, and receive coupling.
 */
public final class OpticalPath {
    /** One line of the budget: a level in dBm or a gain/loss in dB. */
    public record Item(String item, double db, boolean level) {
    }

    private OpticalPath() {
    }

    /**
     * Lens collection efficiency into the fibre NA. A Lambertian emitter puts NA² of its power inside the
     * acceptance cone (butt coupling); a lens multiplies that by its gain, but étendue caps the result at
     * (M·NA)² with magnification M = spot/emitter (and at 1).
     */
    public static double lensEfficiency(ChannelSpec spec) {
        return launch(spec).efficiency();
    }

    /**
     * How one emitter's light enters the fibre, from the geometry alone (one source of truth for the channel,
     * the mode solution and the cable plan).
     *
     * @param magnification   spot ÷ emitter diameter (1 for butt coupling)
     * @param efficiency      fraction of the emitted (Lambertian) power inside the fibre's acceptance
     * @param etendueLimit    the Lagrange-invariant cap min(1, (M·NA)²): an emitter of diameter d_e imaged to
     *                        d_s = M·d_e cannot fill more than the fibre's NA·d_s, i.e. collect more than NA_obj = M·NA
     * @param collectedNa     the object-side NA a Lambertian source must be collected within to give that
     *                        efficiency: √efficiency (the power inside NA_obj is NA_obj²)
     * @param launchNa        the image-side NA at the fibre face, collectedNa / M (étendue: d_e·NA_obj = d_s·NA_launch);
     *                        the fibre's NA for butt coupling (the emitter fills every angle)
     */
    public record Launch(double magnification, double efficiency, double etendueLimit, double collectedNa, double launchNa) {
        /** True when étendue, not the lens's collection, sets the efficiency. */
        public boolean etendueLimited() {
            return efficiency >= etendueLimit;
        }
    }

    public static Launch launch(ChannelSpec spec) {
        double na = spec.fiber().numericalAperture();
        if (spec.optics().lens().equals("none")) {
            double eff = Math.min(1, na * na);
            return new Launch(1, eff, Math.min(1, na * na), Math.sqrt(eff), na);
        }
        double gain = switch (spec.optics().lens()) {
            case "microlens" -> spec.optics().microlensGain();
            default -> spec.optics().microlensGain() * spec.optics().tirGainOverMicrolens();
        };
        double m = spec.optics().spotDiameterMeters() / spec.led().emitterDiameterMeters();
        double etendueLimit = Math.min(1.0, m * m * na * na);
        double eff = Math.min(na * na * gain, etendueLimit);
        double collected = Math.sqrt(eff);
        return new Launch(m, eff, etendueLimit, collected, Math.min(na, collected / m));
    }

    /**
     * The modal response of one core of this channel's fibre under its launch: null when
     * {@code fiber.modalBandwidth} overrides the mode solution.
     */
    public static FibreModes.ModalResponse modal(ChannelSpec spec) {
        ChannelSpec.Fiber f = spec.fiber();
        if (f.modalBandwidthOverridden()) {
            return null;
        }
        return FibreModes.of(f.coreDiameterMeters(), f.numericalAperture(), spec.led().wavelengthMeters())
                .response(launch(spec).launchNa(), f.lengthMeters(), f.differentialModeAttenuationDbPerMeter(),
                        f.modeCouplingLengthMeters());
    }

    /** Fraction of the fibre face covered by cores: (π/4)(d/Λ)²·(2/√3) for a hexagonal lattice. */
    public static double fillFactor(ChannelSpec spec) {
        double r = spec.fiber().coreDiameterMeters() / spec.fiber().corePitchMeters();
        return Math.PI / 4 * r * r * 2 / Math.sqrt(3);
    }

    /** Number of fibre cores under one channel's spot. */
    public static double coresPerChannel(ChannelSpec spec) {
        return coresPerChannel(spec.optics().spotDiameterMeters(), spec.fiber().corePitchMeters());
    }

    /** Cores of a hexagonal lattice of {@code pitch} under a spot of diameter {@code spot} (at least one). */
    public static double coresPerChannel(double spotMeters, double pitchMeters) {
        return Math.max(1.0, (Math.PI / 4 * spotMeters * spotMeters) / (Math.sqrt(3) / 2 * pitchMeters * pitchMeters));
    }

    /** Power reflectance of one uncoated silica–air face at the source wavelength, ((n−1)/(n+1))². */
    public static double fresnelReflectance(ChannelSpec spec) {
        double n = Sellmeier.index(spec.led().wavelengthMeters());
        double r = (n - 1) / (n + 1);
        return r * r;
    }

    /** Linear transmission from emitted power to detected average power for a channel (no crosstalk gain). */
    public static double transmission(ChannelSpec spec, Crosstalk xt) {
        double db = 0;
        for (Item i : losses(spec, xt)) {
            db += i.db();
        }
        return Math.pow(10, db / 10);
    }

    /** The loss items (dB, negative = loss), in path order. */
    public static List<Item> losses(ChannelSpec spec, Crosstalk xt) {
        List<Item> out = new ArrayList<>();
        String lensName = switch (spec.optics().lens()) {
            case "none" -> "butt coupling";
            case "microlens" -> "microlens array";
            default -> "TIR micro-optic";
        };
        out.add(new Item(String.format("Lambertian emission into NA %.2f (%s)", spec.fiber().numericalAperture(), lensName),
                db(lensEfficiency(spec)), false));
        out.add(new Item(String.format("core fill factor (%.1f µm cores, %.1f µm pitch; %.0f cores/channel)",
                spec.fiber().coreDiameterMeters() * 1e6, spec.fiber().corePitchMeters() * 1e6, coresPerChannel(spec)),
                db(fillFactor(spec)), false));
        out.add(new Item(spec.optics().fresnelFaces() + " Fresnel faces", spec.optics().fresnelFaces() * db(1 - fresnelReflectance(spec)), false));
        out.add(new Item("connectors / ferrule", -spec.optics().connectorLossDb(), false));
        out.add(new Item(String.format("fibre attenuation (%.1f m × %.3f dB/m)", spec.fiber().lengthMeters(),
                spec.fiber().attenuationDbPerMeter()), -spec.fiber().lengthMeters() * spec.fiber().attenuationDbPerMeter(), false));
        if (!spec.fiber().modalBandwidthOverridden() && spec.fiber().differentialModeAttenuationDbPerMeter() > 0) {
            out.add(new Item(String.format("differential mode attenuation (%.3f dB/m on the highest mode)",
                    spec.fiber().differentialModeAttenuationDbPerMeter()), db(modal(spec).dmaTransmission()), false));
        }
        out.add(new Item("power coupled away to neighbours", db(xt.retained(spec.fiber().lengthMeters())), false));
        out.add(new Item("fibre to detector coupling", -spec.optics().receiveCouplingLossDb(), false));
        return out;
    }

    static double db(double linear) {
        return 10 * Math.log10(linear);
    }
}
