package org.mosaic.optics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.core.units.Dimension;

/**
 * Binds a scenario document to a {@link ChannelSpec}: every quantity with its unit and allowed range,
 * every problem reported at once. {@link #PARAMETERS} lists the numeric parameters by path, so the CLI
 * can sweep and fit them by name.
 */
public final class ChannelSpecs {
    /** A numeric scenario parameter: dotted path, dimension and allowed range (SI). */
    public record Parameter(String path, Dimension dimension, double min, double max, String meaning) {
    }

    /** Every numeric channel parameter, in the order the report lists them. */
    public static final Map<String, Parameter> PARAMETERS = new LinkedHashMap<>();

    private static void p(String path, Dimension d, double min, double max, String meaning) {
        PARAMETERS.put(path, new Parameter(path, d, min, max, meaning));
    }

    static {
        p("link.channelRate", Dimension.DATA_RATE, 1e6, 1e12, "line rate of one channel");
        p("link.berTarget", Dimension.DIMENSIONLESS, 1e-18, 0.1, "BER the budget, sensitivity and reach are computed at");
        p("led.wavelength", Dimension.LENGTH, Sellmeier.MIN_WAVELENGTH, Sellmeier.MAX_WAVELENGTH, "centre wavelength");
        p("led.spectralWidth", Dimension.LENGTH, 0, 200e-9, "spectral FWHM (Gaussian)");
        p("led.bandwidth", Dimension.FREQUENCY, 1e6, 1e12, "modulation bandwidth, electrical 3-dB (1/(2πτ))");
        p("led.averagePower", Dimension.POWER, 1e-9, 1.0, "average modulated optical power into the forward hemisphere");
        p("led.extinctionRatio", Dimension.DECIBEL, 0.1, 40, "P1/P0");
        p("led.powerSpread", Dimension.DECIBEL, 0, 10, "emitter-to-emitter power spread (σ, lognormal)");
        p("led.bandwidthSpread", Dimension.FRACTION, 0, 2, "emitter-to-emitter bandwidth spread (σ of ln f)");
        p("led.emitterDiameter", Dimension.LENGTH, 0.1e-6, 1e-3, "emitting area diameter");
        p("led.abc.a", Dimension.RATE_CONSTANT, 0, 1e10, "carrier model (led.model: abc): Shockley-Read-Hall coefficient A");
        p("led.abc.b", Dimension.RECOMBINATION_B, 1e-20, 1e-14, "carrier model: radiative coefficient B");
        p("led.abc.c", Dimension.RECOMBINATION_C, 0, 1e-38, "carrier model: Auger coefficient C");
        p("led.abc.activeThickness", Dimension.LENGTH, 0.1e-9, 1e-6,
                "carrier model: total quantum-well thickness (with the emitter's area, the active volume)");
        p("led.abc.injectionEfficiency", Dimension.FRACTION, 1e-3, 1, "carrier model: fraction of the current reaching the wells");
        p("led.abc.extractionEfficiency", Dimension.FRACTION, 1e-4, 1,
                "carrier model: fraction of the generated photons emitted into the forward hemisphere");
        p("led.abc.highCurrent", Dimension.CURRENT, 1e-9, 1, "carrier model: drive current of a 1");
        p("led.abc.lowCurrent", Dimension.CURRENT, 1e-9, 1, "carrier model: drive current of a 0 (above zero: a finite extinction ratio)");
        p("led.abc.wavelengthShift", Dimension.WAVELENGTH_PER_CURRENT, -1e-5, 1e-5,
                "carrier model: emission wavelength shift per drive current (negative: blue-shift; omit: none)");
        p("optics.microlensGain", Dimension.DIMENSIONLESS, 0.1, 100, "microlens collection gain over butt coupling");
        p("optics.tirGainOverMicrolens", Dimension.DIMENSIONLESS, 0.1, 100, "TIR optic gain over the microlens array");
        p("optics.spotDiameter", Dimension.LENGTH, 0.1e-6, 1e-3, "emitter image diameter on the fibre face");
        p("optics.connectorLoss", Dimension.DECIBEL, 0, 30, "connector / ferrule loss");
        p("optics.receiveCouplingLoss", Dimension.DECIBEL, 0, 30, "fibre-to-detector coupling loss");
        p("optics.inputCrosstalk", Dimension.DECIBEL, -100, 0, "spill of one emitter's image onto a nearest-neighbour channel");
        p("optics.couplingSpread", Dimension.DECIBEL, 0, 10, "channel-to-channel coupling (alignment) spread (σ, lognormal)");
        p("fiber.length", Dimension.LENGTH, 0, 10_000, "fibre length");
        p("fiber.attenuation", Dimension.ATTENUATION, 0, 10, "attenuation at the source wavelength");
        p("fiber.numericalAperture", Dimension.DIMENSIONLESS, 0.01, 1, "core numerical aperture");
        p("fiber.coreDiameter", Dimension.LENGTH, 0.1e-6, 1e-3, "core diameter");
        p("fiber.corePitch", Dimension.LENGTH, 0.1e-6, 1e-3, "core-to-core pitch (hexagonal lattice)");
        p("fiber.modalBandwidth", Dimension.BANDWIDTH_LENGTH, 1e6, 1e15,
                "measured modal bandwidth-length product: overrides the mode solution (omit to derive it from the modes)");
        p("fiber.modeCouplingLength", Dimension.LENGTH, 1e-3, 1e7, "mode coupling length: beyond it the modal spread grows as √L (omit: none)");
        p("fiber.differentialModeAttenuation", Dimension.ATTENUATION, 0, 10, "extra loss of the highest-order mode, ∝ (U/V)²");
        p("fiber.crosstalk", Dimension.DECIBEL, -100, -10,
                "measured nearest-neighbour channel coupling at the reference length: overrides the cores' coupling (omit to derive it from the geometry)");
        p("fiber.crosstalkReferenceLength", Dimension.LENGTH, 1e-3, 10_000, "length at which fiber.crosstalk applies");
        p("fiber.channelPitch", Dimension.LENGTH, 0.1e-6, 10e-3,
                "centre-to-centre pitch of the channels' spots on the fibre face (omit: spot diameter + one core pitch)");
        p("fiber.crosstalkCorrelationLength", Dimension.LENGTH, 1e-4, 100,
                "correlation length of the perturbations that turn the cores' coherent coupling into power diffusion");
        p("fiber.coreDiameterSpread", Dimension.FRACTION, 0, 0.3,
                "core-to-core diameter spread (σ relative): detunes neighbouring cores and suppresses their coupling");
        p("receiver.responsivity", Dimension.RESPONSIVITY, 0.001, 2, "photodiode responsivity at the wavelength");
        p("receiver.darkCurrent", Dimension.CURRENT, 0, 1e-3, "photodiode dark current");
        p("receiver.noiseDensity", Dimension.NOISE_CURRENT_DENSITY, 0, 1e-9, "TIA input-referred noise density");
        p("receiver.bandwidthPerRate", Dimension.DIMENSIONLESS, 0.05, 5, "receiver 3-dB bandwidth / bit rate");
        p("receiver.responsivitySpread", Dimension.FRACTION, 0, 1, "photodiode-to-photodiode responsivity spread (σ of ln R)");
        p("receiver.noiseSpread", Dimension.FRACTION, 0, 1, "TIA-to-TIA input noise density spread (σ of ln i_n)");
        p("receiver.inputCapacitance", Dimension.CAPACITANCE, 0, 1e-9, "capacitance at the TIA input (photodiode, pad, amplifier)");
        p("receiver.voltageNoiseDensity", Dimension.VOLTAGE_NOISE_DENSITY, 0, 1e-6,
                "TIA input voltage noise e_n: with the input capacitance, current noise 2π·f·C·e_n rising with frequency");
        p("receiver.electricalCrosstalk", Dimension.DECIBEL, -100, -6,
                "power ratio of a nearest receiver's signal coupled electrically into this input (omit: none)");
        p("receiver.randomJitter", Dimension.TIME, 0, 1e-9, "rms random jitter of the sampling instant (Gaussian)");
        p("receiver.deterministicJitter", Dimension.TIME, 0, 1e-9, "peak-to-peak deterministic jitter of the sampling instant (dual-Dirac)");
        p("receiver.apdGain", Dimension.DIMENSIONLESS, 1, 1000, "mean avalanche gain of an APD receiver (omit: a PIN photodiode, gain 1)");
        p("receiver.apdIonizationRatio", Dimension.DIMENSIONLESS, 0, 1, "APD ionisation-coefficient ratio k of the excess noise factor");
        p("ctle.maxPeaking", Dimension.DECIBEL, 0, 40, "largest CTLE zero-to-pole ratio the optimiser may use");
        p("ctle.maxBoost", Dimension.DECIBEL, 0, 30, "largest CTLE boost max|H(f)|/|H(0)| the optimiser may use (with ctle.maxPeaking: both hold)");
        p("ctle.poleFrequencyPerRate", Dimension.DIMENSIONLESS, 0.05, 5, "CTLE pole frequency / bit rate");
        p("ctle.minPoleFrequencyPerRate", Dimension.DIMENSIONLESS, 0.05, 5,
                "lower bound of the CTLE pole frequency / bit rate when the optimiser chooses it (with ctle.maxPoleFrequencyPerRate)");
        p("ctle.maxPoleFrequencyPerRate", Dimension.DIMENSIONLESS, 0.05, 5,
                "upper bound of the CTLE pole frequency / bit rate when the optimiser chooses it (with ctle.minPoleFrequencyPerRate)");
        p("ctle.peaking", Dimension.DECIBEL, 0, 40, "fixed CTLE zero-to-pole ratio (omit to optimise)");
        p("ctle.boost", Dimension.DECIBEL, 0, 30, "fixed CTLE boost max|H(f)|/|H(0)| (instead of ctle.peaking; omit to optimise)");
    }

    /**
     * Default bounds of a free CTLE pole, × rate, when only one is given: assumed (Mosaic developers), a quarter of the
     * rate to the rate, around the usual pole at Nyquist (0.5 × rate).
     */
    static final double DEFAULT_MIN_POLE = 0.25;
    static final double DEFAULT_MAX_POLE = 1.0;

    private ChannelSpecs() {
    }

    /** The top-level sections a channel scenario consists of; other sections belong to higher layers. */
    public static final List<String> SECTIONS = List.of("formatVersion", "kind", "name", "description", "seed", "provenance",
            "link", "led", "optics", "fiber", "receiver", "ctle", "numerics");

    /**
     * The sections a cable scenario adds (bound by mosaic-link's {@code LinkSpecs}); a document with a
     * {@code host} section is a cable.
     */
    public static final List<String> CABLE_SECTIONS = List.of("host", "plan", "power", "reliability");

    /**
     * Binds a channel scenario, reporting every problem at once, unknown keys at any depth included (with
     * the closest known key). The cable's sections ({@link #CABLE_SECTIONS}) are left to the cable binder
     * when the document is a cable (has {@code host}), which callers then run on the whole document (the
     * CLI does); in a channel-only document they are refused, since nothing would read them.
     */
    public static ChannelSpec bind(ScenarioDocument doc) {
        SpecReader r = doc.reader();
        boolean cable = doc.has("host");
        for (String section : doc.keys()) {
            if (CABLE_SECTIONS.contains(section)) {
                r.ignore(section);
                if (!cable) {
                    r.problem(section, doc.tree().get(section).toString(), "a cable section, but " + doc.source() + " describes one channel (it has no host "
                            + "section), so nothing would read it (hint: remove it, or use a cable scenario such as the "
                            + "mosaic-800g preset)");
                }
            }
        }
        ChannelSpec spec = read(r, doc);
        r.finish();
        return spec;
    }

    /**
     * The parameters that have no effect on this design, each with the reason: setting, sweeping or
     * fitting one of them would change nothing, so the CLI refuses it rather than answer for a design
     * the user did not ask about.
     */
    public static Map<String, String> unused(ChannelSpec s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!s.ctle().enabled()) {
            for (String k : List.of("ctle.maxPeaking", "ctle.maxBoost", "ctle.poleFrequencyPerRate", "ctle.peaking", "ctle.boost",
                    "ctle.minPoleFrequencyPerRate", "ctle.maxPoleFrequencyPerRate")) {
                out.put(k, "the CTLE is off (ctle.enabled: false)");
            }
        } else if (!Double.isNaN(s.ctle().fixedPeakingDb())) {
            out.put("ctle.maxPeaking", "ctle.peaking fixes the peaking, so the optimiser's limit ctle.maxPeaking is not used");
            out.put("ctle.maxBoost", "a fixed CTLE (ctle.peaking or ctle.boost) leaves the optimiser's limit ctle.maxBoost unused");
        }
        if (s.fiber().crosstalkOverridden()) {
            String why = "fiber.crosstalk overrides the cores' coupling, so the geometry's spot pitch and correlation length are not used";
            out.put("fiber.channelPitch", why);
            out.put("fiber.crosstalkCorrelationLength", why);
            out.put("fiber.coreDiameterSpread", why);
        } else {
            out.put("fiber.crosstalkReferenceLength", "the crosstalk follows from the cores' geometry (no fiber.crosstalk), so "
                    + "its reference length is not used");
        }
        if (s.fiber().modalBandwidthOverridden()) {
            String why = "fiber.modalBandwidth overrides the mode solution, so the modes' coupling and attenuation are not used";
            out.put("fiber.modeCouplingLength", why);
            out.put("fiber.differentialModeAttenuation", why);
        }
        switch (s.optics().lens()) {
            case "none" -> {
                out.put("optics.microlensGain", "optics.lens is none (butt coupling)");
                out.put("optics.tirGainOverMicrolens", "optics.lens is none (butt coupling)");
            }
            case "microlens" -> out.put("optics.tirGainOverMicrolens", "optics.lens is microlens, not tir");
            default -> {
            }
        }
        return out;
    }

    /**
     * Reads the channel sections of {@code doc} like {@link #read(SpecReader, String)}, and checks its {@code kind}:
     * optional (a file without it is a cable when it has a host section, a channel otherwise), but when stated it
     * must agree with the sections, since the two would otherwise give one document two readings.
     */
    public static ChannelSpec read(SpecReader r, ScenarioDocument doc) {
        boolean hasHost = doc.has("host");
        var stated = doc.has("kind") ? doc.path("kind") : null;
        if (stated != null && stated.isTextual()) {
            if (stated.asText().equals("cable") && !hasHost) {
                r.problem("kind", "cable", "a cable to have a host section (host.interface, e.g. 800GAUI-8), or kind: channel "
                        + "(hint: `mosaic presets show mosaic-800g` prints a cable)");
            } else if (stated.asText().equals("channel") && hasHost) {
                r.problem("kind", "channel", "kind: cable, since the document has a host section (hint: or remove the cable "
                        + "sections " + String.join(", ", CABLE_SECTIONS) + " to describe one channel)");
            }
        }
        return read(r, doc.source());
    }

    /** Reads the channel sections into a spec without finishing the reader (for binders of higher layers). */
    public static ChannelSpec read(SpecReader r, String source) {
        r.ignore("name");
        r.ignore("description");
        r.ignore("provenance");
        r.choice("kind", List.of("channel", "cable"), "channel");   // agreement with the sections: read(r, doc)
        long seed = r.longValue("seed", 0L);
        String name = r.text("name", source);
        double rate = q(r, "link.channelRate");
        double ber = q(r, "link.berTarget");
        int rows = r.integer("link.array.rows", 1, 1000, 1);
        int cols = r.integer("link.array.cols", 1, 1000, 1);

        var led = readLed(r);
        String lens = r.choice("optics.lens", List.of("none", "microlens", "tir"), "tir");
        var optics = new ChannelSpec.Optics(lens, q(r, "optics.microlensGain"), q(r, "optics.tirGainOverMicrolens"),
                q(r, "optics.spotDiameter"), r.integer("optics.fresnelFaces", 0, 20, 2), q(r, "optics.connectorLoss", 0),
                q(r, "optics.receiveCouplingLoss", 0), q(r, "optics.inputCrosstalk", -100), q(r, "optics.couplingSpread", 0));
        var fiber = new ChannelSpec.Fiber(q(r, "fiber.length"), q(r, "fiber.attenuation"), q(r, "fiber.numericalAperture"),
                q(r, "fiber.coreDiameter"), q(r, "fiber.corePitch"), r.integer("fiber.coreCount", 1, 10_000_000, 10_000),
                q(r, "fiber.modalBandwidth", Double.NaN), q(r, "fiber.crosstalk", Double.NaN), q(r, "fiber.crosstalkReferenceLength", 10),
                q(r, "fiber.modeCouplingLength", Double.POSITIVE_INFINITY), q(r, "fiber.differentialModeAttenuation", 0),
                q(r, "fiber.channelPitch", Double.NaN),
                q(r, "fiber.crosstalkCorrelationLength", ChannelSpec.Fiber.DEFAULT_CORRELATION_LENGTH),
                q(r, "fiber.coreDiameterSpread", 0));
        var receiver = new ChannelSpec.Receiver(q(r, "receiver.responsivity"), q(r, "receiver.darkCurrent", 0),
                q(r, "receiver.noiseDensity"), q(r, "receiver.bandwidthPerRate"), q(r, "receiver.responsivitySpread", 0),
                q(r, "receiver.noiseSpread", 0), q(r, "receiver.inputCapacitance", 0), q(r, "receiver.voltageNoiseDensity", 0),
                q(r, "receiver.electricalCrosstalk", Double.NEGATIVE_INFINITY), q(r, "receiver.randomJitter", 0),
                q(r, "receiver.deterministicJitter", 0), q(r, "receiver.apdGain", 1), q(r, "receiver.apdIonizationRatio", 0));
        // the CTLE's bound and fixed setting, each by zero-to-pole ratio (peaking) or by real boost, not both
        // both bounds, when both are given, hold: the tighter one sets the optimiser's range
        double maxPeaking = q(r, "ctle.maxPeaking", 12);
        if (r.has("ctle.maxBoost")) {
            double byBoost = ChannelSpec.Ctle.peakingDbForBoost(q(r, "ctle.maxBoost", 0));
            maxPeaking = r.has("ctle.maxPeaking") ? Math.min(maxPeaking, byBoost) : byBoost;
        }
        double fixed = q(r, "ctle.peaking", Double.NaN);
        if (r.has("ctle.boost")) {
            double boost = q(r, "ctle.boost", 0);
            if (r.has("ctle.peaking")) {
                r.problem("ctle.boost", r.text("ctle.boost", ""), "either ctle.boost or ctle.peaking, not both: they set the "
                        + "same CTLE (hint: keep ctle.boost, the real boost max|H(f)|/|H(0)|)");
            }
            fixed = ChannelSpec.Ctle.peakingDbForBoost(boost);
        }
        // the poles: fixed at ctle.poleFrequencyPerRate (default 0.5, Nyquist), or free within the two bounds
        double pole = q(r, "ctle.poleFrequencyPerRate", 0.5);
        double minPole = pole;
        double maxPole = pole;
        boolean hasMin = r.has("ctle.minPoleFrequencyPerRate");
        boolean hasMax = r.has("ctle.maxPoleFrequencyPerRate");
        if (hasMin || hasMax) {
            double lo = q(r, "ctle.minPoleFrequencyPerRate", DEFAULT_MIN_POLE);
            double hi = q(r, "ctle.maxPoleFrequencyPerRate", DEFAULT_MAX_POLE);
            String key = hasMin ? "ctle.minPoleFrequencyPerRate" : "ctle.maxPoleFrequencyPerRate";
            if (r.has("ctle.poleFrequencyPerRate")) {
                r.problem(key, r.text(key, ""), "either a fixed ctle.poleFrequencyPerRate or the optimiser's bounds "
                        + "ctle.minPoleFrequencyPerRate/ctle.maxPoleFrequencyPerRate, not both (hint: remove ctle.poleFrequencyPerRate to let the "
                        + "optimiser choose the poles)");
            } else if (!(lo < hi)) {
                r.problem(key, r.text(key, ""), String.format(java.util.Locale.ROOT, "ctle.minPoleFrequencyPerRate (%.3g) below "
                        + "ctle.maxPoleFrequencyPerRate (%.3g) (hint: to fix the poles, give ctle.poleFrequencyPerRate instead)", lo, hi));
            } else {
                minPole = lo;
                maxPole = hi;
                pole = Math.sqrt(lo * hi);
            }
        }
        var ctle = new ChannelSpec.Ctle(r.bool("ctle.enabled", true), maxPeaking, pole, fixed, minPole, maxPole);
        var numerics = new ChannelSpec.Numerics(r.integer("numerics.samplesPerUi", 4, 1024, 32),
                r.integer("numerics.eyeBins", 64, 1 << 16, 512));

        if (fiber.coreDiameterMeters() >= fiber.corePitchMeters()) {
            r.problem("fiber.coreDiameter", r.text("fiber.coreDiameter", ""),
                    "must be smaller than fiber.corePitch (cores cannot overlap)");
        }
        // the channel array's spots must find their cores: the same rule the cable plan applies to all its
        // channels (data, parity, spares), here for the rows x cols array every command models
        double spot = optics.spotDiameterMeters();
        double pitch = fiber.corePitchMeters();
        if (spot > 0 && pitch > 0) {
            double perChannel = OpticalPath.coresPerChannel(spot, pitch);
            double lit = perChannel * rows * cols;
            if (lit > fiber.coreCount()) {
                r.problem("fiber.coreCount", r.text("fiber.coreCount", String.valueOf(fiber.coreCount())), String.format(
                        java.util.Locale.ROOT, "the %d x %d array's spots light %.1f cores (%.1f per channel: a %.3g um spot on a "
                                + "%.3g um core pitch) but the fibre has %d (hint: at least %.0f cores, fewer channels in "
                                + "link.array, or a smaller optics.spotDiameter)", rows, cols, lit, perChannel, spot * 1e6,
                        pitch * 1e6, fiber.coreCount(), Math.ceil(lit)));
            }
        }
        for (String k : List.of("ctle.peaking", "ctle.boost")) {
            if (!ctle.enabled() && r.has(k)) {
                r.problem(k, r.text(k, ""), "a fixed CTLE setting, but ctle.enabled is false: the value "
                        + "would be ignored (hint: remove " + k + ", or set ctle.enabled: true)");
            }
        }
        if (r.has("receiver.apdIonizationRatio") && !r.has("receiver.apdGain")) {
            r.problem("receiver.apdIonizationRatio", r.text("receiver.apdIonizationRatio", ""), "receiver.apdGain with it: "
                    + "the ratio sets an APD's excess noise, and without a gain the receiver is a PIN photodiode (hint: add "
                    + "receiver.apdGain, e.g. 10, or remove receiver.apdIonizationRatio)");
        }
        if (fiber.modalBandwidthOverridden()) {
            for (String k : List.of("fiber.modeCouplingLength", "fiber.differentialModeAttenuation")) {
                if (r.has(k)) {
                    r.problem(k, r.text(k, ""), "no fiber.modalBandwidth: a measured bandwidth-length product already includes "
                            + "the fibre's mode coupling and attenuation, so " + k + " would be ignored (hint: remove "
                            + "fiber.modalBandwidth to derive the modal spread from the modes, or remove " + k + ")");
                }
            }
        }
        if (fiber.crosstalkOverridden()) {
            for (String k : List.of("fiber.channelPitch", "fiber.crosstalkCorrelationLength", "fiber.coreDiameterSpread")) {
                if (r.has(k)) {
                    r.problem(k, r.text(k, ""), "no fiber.crosstalk: a measured channel-to-channel crosstalk overrides the "
                            + "cores' coupling, so " + k + " would be ignored (hint: remove fiber.crosstalk to derive the "
                            + "crosstalk from the cores' geometry, or remove " + k + ")");
                }
            }
        } else if (r.has("fiber.crosstalkReferenceLength")) {
            r.problem("fiber.crosstalkReferenceLength", r.text("fiber.crosstalkReferenceLength", ""), "fiber.crosstalk with it: "
                    + "the reference length only scales a measured fiber.crosstalk; without one the crosstalk follows from the "
                    + "cores' geometry (hint: add fiber.crosstalk, or remove fiber.crosstalkReferenceLength)");
        }
        if (fiber.numericalAperture() >= Sellmeier.index(led.wavelengthMeters())) {
            r.problem("fiber.numericalAperture", r.text("fiber.numericalAperture", ""), "a numerical aperture below the "
                    + "core index (no fibre guides beyond NA = n_core)");
        }
        // the channel the reach is judged on: the nominal one, the array's mean BER, or the worst left after spares
        String definition = r.choice("link.reach.target", ChannelSpec.ReachTarget.DEFINITIONS, "nominal");
        int covered = r.integer("link.reach.coveredChannels", 0, 1_000_000, 0);
        if (r.has("link.reach.coveredChannels") && !definition.equals("kth-worst")) {
            r.problem("link.reach.coveredChannels", r.text("link.reach.coveredChannels", ""), "link.reach.target: kth-worst: "
                    + "the channels spares cover only matter for the worst channel left (hint: remove it, or set "
                    + "link.reach.target: kth-worst)");
        }
        if (covered >= rows * cols) {
            r.problem("link.reach.coveredChannels", String.valueOf(covered), String.format(java.util.Locale.ROOT,
                    "fewer than the array's %d channels (hint: the spares of the cable, e.g. 20)", rows * cols));
            covered = 0;
        }
        return new ChannelSpec(name, seed, rate, ber, rows, cols, led, optics, fiber, receiver, ctle, numerics,
                new ChannelSpec.ReachTarget(definition, covered));
    }

    /** The keys of the carrier-rate model ({@code led.model: abc}). */
    static final List<String> ABC_KEYS = List.of("led.abc.a", "led.abc.b", "led.abc.c", "led.abc.activeThickness",
            "led.abc.injectionEfficiency", "led.abc.extractionEfficiency", "led.abc.highCurrent", "led.abc.lowCurrent",
            "led.abc.wavelengthShift");
    /** The keys a carrier-rate model derives from the drive currents. */
    static final List<String> DERIVED_BY_ABC = List.of("led.bandwidth", "led.averagePower", "led.extinctionRatio");

    /**
     * The source: first order from {@code led.bandwidth}, {@code led.averagePower} and {@code led.extinctionRatio}
     * (the default), or {@code led.model: abc}, where those three follow from the carrier-rate model and its two drive
     * currents (and are refused when given, since two values of one quantity cannot both hold).
     */
    private static ChannelSpec.Led readLed(SpecReader r) {
        String model = r.choice("led.model", List.of("first-order", "abc"), "first-order");
        double lambda = q(r, "led.wavelength");
        double width = q(r, "led.spectralWidth");
        double powerSpread = q(r, "led.powerSpread", 0);
        double bandwidthSpread = q(r, "led.bandwidthSpread", 0);
        double emitter = q(r, "led.emitterDiameter");
        if (!model.equals("abc")) {
            for (String k : ABC_KEYS) {
                if (r.has(k)) {
                    r.problem(k, r.text(k, ""), "led.model: abc with it: the carrier-rate model's keys are only read by "
                            + "that model (hint: add led.model: abc and all of led.abc.a, b, c, activeThickness, "
                            + "injectionEfficiency, extractionEfficiency, highCurrent, lowCurrent; or remove " + k + ")");
                }
            }
            return new ChannelSpec.Led(lambda, width, q(r, "led.bandwidth"), q(r, "led.averagePower"),
                    q(r, "led.extinctionRatio"), powerSpread, bandwidthSpread, emitter);
        }
        for (String k : DERIVED_BY_ABC) {
            if (r.has(k)) {
                r.problem(k, r.text(k, ""), "no " + k + " with led.model: abc: the carrier-rate model derives the LED's "
                        + "bandwidth, average power and extinction ratio from its drive currents (hint: remove " + k
                        + ", or set led.abc.highCurrent / led.abc.lowCurrent / led.abc.extractionEfficiency instead)");
            }
        }
        double a = q(r, "led.abc.a");
        double b = q(r, "led.abc.b");
        double c = q(r, "led.abc.c");
        double thickness = q(r, "led.abc.activeThickness");
        double etaInj = q(r, "led.abc.injectionEfficiency");
        double etaExtr = q(r, "led.abc.extractionEfficiency");
        double i1 = q(r, "led.abc.highCurrent");
        double i0 = q(r, "led.abc.lowCurrent");
        double shift = q(r, "led.abc.wavelengthShift", 0);
        if (i0 >= i1) {
            r.problem("led.abc.lowCurrent", r.text("led.abc.lowCurrent", ""), String.format(java.util.Locale.ROOT,
                    "a current below led.abc.highCurrent (%.4g mA): the 0 level is the lower drive (hint: e.g. a tenth of it)",
                    i1 * 1e3));
        }
        double volume = Math.PI / 4 * emitter * emitter * thickness;
        double[] all = {a, b, c, volume, etaInj, etaExtr, i1, i0, lambda, shift};
        for (double v : all) {
            if (Double.isNaN(v)) {
                return new ChannelSpec.Led(lambda, width, Double.NaN, Double.NaN, Double.NaN, powerSpread, bandwidthSpread,
                        emitter); // problems already reported; the reader throws at finish
            }
        }
        if (i0 >= i1) {
            return new ChannelSpec.Led(lambda, width, Double.NaN, Double.NaN, Double.NaN, powerSpread, bandwidthSpread, emitter);
        }
        CarrierModel m = new CarrierModel(a, b, c, volume, etaInj, etaExtr, i1, i0, lambda, shift);
        double avg = m.averagePowerWatts();
        Parameter pp = PARAMETERS.get("led.averagePower");
        if (!(avg >= pp.min() && avg <= pp.max())) {
            r.problem("led.abc.highCurrent", r.text("led.abc.highCurrent", ""), String.format(java.util.Locale.ROOT,
                    "drive currents whose average emitted power lies in [%.3g, %.3g] W, but the carrier model gives %.4g W "
                            + "(hint: check the coefficients' units, the active thickness and the extraction efficiency)",
                    pp.min(), pp.max(), avg));
        }
        return ChannelSpec.Led.fromCarrier(width, powerSpread, bandwidthSpread, emitter, m);
    }

    private static double q(SpecReader r, String path) {
        Parameter p = PARAMETERS.get(path);
        return r.quantity(path, p.dimension(), p.min(), p.max());
    }

    private static double q(SpecReader r, String path, double defaultSi) {
        Parameter p = PARAMETERS.get(path);
        return r.quantity(path, p.dimension(), p.min(), p.max(), defaultSi);
    }
}
