package org.mosaic.link.reliability;

import java.util.List;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;

/**
 * Default parts of a MOSAIC cable for the reliability model, every number with its source and confidence
 * ({@link #provenance()}). They are starting points to override; most are assumptions, because no public source
 * gives component FITs for MOSAIC ([mosaic-sigcomm25] abstract, [mosaic-claim-ledger], no µLED lifetime data at Gb/s current densities is published).
 *
 * <ul>
 *   <li>Per channel: 1 FIT in total at the reference temperature — the MOSAIC paper's pessimistic assumption
 *       (0.1 FIT optimistic; [mosaic-sigcomm25] abstract, [mosaic-claim-ledger], [mosaic-claim-ledger] (paper-derived)) — split over microLED, LED driver, photodiode and
 *       TIA in proportion to the midpoints of the component FIT ranges of [luxoptx-fit], [meta-ecoc-2025] (laser 50–200 as the
 *       emitter's proxy, driver 50–200, PD 20–100, TIA 30–150 → 125 : 125 : 60 : 90). The split is assumed.</li>
 *   <li>Per end (common-mode): gearbox ASIC 100 FIT (bottom of the DSP range 100–500 of [luxoptx-fit], [meta-ecoc-2025]: MOSAIC's
 *       gearbox is a low-speed CMOS ASIC without the ADC/DAC and 100G PAM4 equalisation of a DSP, [mosaic-claim-ledger]);
 *       host SerDes 50 FIT (bottom of the driver range 50–200: 8 × 100G PAM4 electrical lanes); clocking/PLL 30 FIT
 *       and regulator 30 FIT (bottom of the TIA range 30–150, as small analog blocks); optical connector 10 FIT
 *       (hard failures only; contamination "flaps" are not hard failures, [guenter-spie-2011]). All assumed.</li>
 *   <li>Per cable: imaging fibre 5 FIT (passive glass; assumed).</li>
 *   <li>FITs are quoted at a 70 °C junction temperature (as the DFB FITs of [luxoptx-fit], [meta-ecoc-2025]) and the parts run at
 *       that temperature by default, so the Arrhenius factor is 1 until the operating temperature is changed.</li>
 *   <li>Activation energies ([guenter-spie-2011]: device-specific, no published default): 0.7 eV for silicon CMOS
 *       blocks (the value commonly used for unknown silicon mechanisms), 0.5 eV for the InGaN microLED and the
 *       photodiode, 0 for passive connector and fibre (mechanical and contamination mechanisms). All assumed.</li>
 *   <li>Service life 5 years (between the 2–3 years datacentre modules are kept and the 20 years telecom parts are
 *       qualified for, [luxoptx-fit], [meta-ecoc-2025]). Assumed. No wear-out by default: the paper assumed constant FITs.</li>
 * </ul>
 */
public final class ReliabilityDefaults {
    /** Reference temperature of every default FIT: 70 °C. */
    public static final double REFERENCE_KELVIN = Arrhenius.kelvin(70);
    /** Default operating temperature of every part: the reference temperature. */
    public static final double OPERATING_KELVIN = REFERENCE_KELVIN;
    /** Default service life: 5 years of 8760 h. */
    public static final double SERVICE_LIFE_HOURS = 5 * FitConversions.HOURS_PER_YEAR;
    /** FIT per channel, the paper's pessimistic assumption. */
    public static final double CHANNEL_FIT = 1.0;
    /** FIT per channel, the paper's optimistic assumption. */
    public static final double CHANNEL_FIT_OPTIMISTIC = 0.1;

    /** Shares of the channel FIT: 125 : 125 : 60 : 90 of 400. */
    public static final double LED_SHARE = 125.0 / 400;
    public static final double DRIVER_SHARE = 125.0 / 400;
    public static final double PHOTODIODE_SHARE = 60.0 / 400;
    public static final double TIA_SHARE = 90.0 / 400;

    public static final double SILICON_EA_EV = 0.7;
    public static final double LED_EA_EV = 0.5;
    public static final double PHOTODIODE_EA_EV = 0.5;
    public static final double PASSIVE_EA_EV = 0;

    public static final double GEARBOX_FIT = 100;
    public static final double HOST_SERDES_FIT = 50;
    public static final double CLOCKING_FIT = 30;
    public static final double REGULATOR_FIT = 30;
    public static final double CONNECTOR_FIT = 10;
    public static final double FIBRE_FIT = 5;

    private static final String PAPER = "[mosaic-sigcomm25] reliability model via [mosaic-claim-ledger] (paper-derived)";
    private static final String RANGES = "[luxoptx-fit], [meta-ecoc-2025] (component FITs, low authority (secondary, unverified))";

    private ReliabilityDefaults() {
    }

    /** The four channel parts sharing {@code channelFit} at {@link #REFERENCE_KELVIN}, run at {@code kelvin}. */
    public static List<Part> channelParts(double channelFit, double kelvin) {
        return List.of(
                Part.of(Component.constant("microLED", channelFit * LED_SHARE, REFERENCE_KELVIN, LED_EA_EV), kelvin),
                Part.of(Component.constant("LED driver", channelFit * DRIVER_SHARE, REFERENCE_KELVIN, SILICON_EA_EV), kelvin),
                Part.of(Component.constant("photodiode", channelFit * PHOTODIODE_SHARE, REFERENCE_KELVIN, PHOTODIODE_EA_EV), kelvin),
                Part.of(Component.constant("TIA", channelFit * TIA_SHARE, REFERENCE_KELVIN, SILICON_EA_EV), kelvin));
    }

    /** The common-mode parts of one end, run at {@code kelvin}. */
    public static List<Part> endParts(double kelvin) {
        return List.of(
                Part.of(Component.constant("gearbox ASIC", GEARBOX_FIT, REFERENCE_KELVIN, SILICON_EA_EV), kelvin),
                Part.of(Component.constant("host SerDes", HOST_SERDES_FIT, REFERENCE_KELVIN, SILICON_EA_EV), kelvin),
                Part.of(Component.constant("clocking/PLL", CLOCKING_FIT, REFERENCE_KELVIN, SILICON_EA_EV), kelvin),
                Part.of(Component.constant("regulator", REGULATOR_FIT, REFERENCE_KELVIN, SILICON_EA_EV), kelvin),
                Part.of(Component.constant("optical connector", CONNECTOR_FIT, REFERENCE_KELVIN, PASSIVE_EA_EV), kelvin));
    }

    /** The parts of the cable itself (the imaging fibre), run at {@code kelvin}. */
    public static List<Part> cableParts(double kelvin) {
        return List.of(Part.of(Component.constant("imaging fibre", FIBRE_FIT, REFERENCE_KELVIN, PASSIVE_EA_EV), kelvin));
    }

    /**
     * A full-duplex MOSAIC cable with the default parts. The channel counts come from the channel plan (the
     * paper's 800G design has ~460 channels including parity and spares, [msr-blog], [mosaic-claim-ledger]).
     */
    public static CableReliabilitySpec mosaic(int dataChannels, int parityChannels, int spareChannels, double channelFit,
                                              double operatingKelvin, double serviceLifeHours) {
        return CableReliabilitySpec.of(dataChannels, parityChannels, spareChannels, 2,
                channelParts(channelFit, operatingKelvin), endParts(operatingKelvin), cableParts(operatingKelvin),
                serviceLifeHours);
    }

    /** Source and confidence of every default number, in the order the report lists them. */
    public static List<Provenance> provenance() {
        return List.of(
                new Provenance("reliability.channel.fit", "1 FIT (0.1 optimistic)", Confidence.PAPER_DERIVED, PAPER,
                        "the MOSAIC paper's assumed per-microLED (per-channel) FIT; not a measurement"),
                new Provenance("reliability.channel.microLED.share", "125/400", Confidence.ASSUMED, RANGES,
                        "split in proportion to range midpoints; DFB laser (50–200 FIT) stands in for the emitter"),
                new Provenance("reliability.channel.driver.share", "125/400", Confidence.ASSUMED, RANGES,
                        "driver range 50–200 FIT, midpoint 125"),
                new Provenance("reliability.channel.photodiode.share", "60/400", Confidence.ASSUMED, RANGES,
                        "photodiode range 20–100 FIT, midpoint 60"),
                new Provenance("reliability.channel.tia.share", "90/400", Confidence.ASSUMED, RANGES,
                        "TIA range 30–150 FIT, midpoint 90"),
                new Provenance("reliability.end.gearbox.fit", "100 FIT", Confidence.ASSUMED,
                        RANGES + "; [mosaic-claim-ledger]",
                        "bottom of the DSP range 100–500: MOSAIC's gearbox is a low-speed CMOS ASIC, not a 100G PAM4 DSP"),
                new Provenance("reliability.end.hostSerdes.fit", "50 FIT", Confidence.ASSUMED, RANGES,
                        "bottom of the driver range 50–200 for the 8 × 100G host-side SerDes"),
                new Provenance("reliability.end.clocking.fit", "30 FIT", Confidence.ASSUMED, RANGES,
                        "small analog block; bottom of the TIA range 30–150"),
                new Provenance("reliability.end.regulator.fit", "30 FIT", Confidence.ASSUMED, RANGES,
                        "small analog block; bottom of the TIA range 30–150"),
                new Provenance("reliability.end.connector.fit", "10 FIT", Confidence.ASSUMED,
                        "assumed (Mosaic developers); context: [luxoptx-fit], [meta-ecoc-2025], [desk-microled-2026]",
                        "hard failures only; contamination (≈ 67 % of optical link failures, (secondary, unverified)) mostly causes flaps"),
                new Provenance("reliability.cable.fibre.fit", "5 FIT", Confidence.ASSUMED, "assumed (Mosaic developers), range 1-20 FIT; the fibre is a shared, non-redundant part",
                        "passive glass; non-device 'plant' failures are modelled separately"),
                new Provenance("reliability.referenceTemperature", "70 °C", Confidence.ASSUMED, RANGES,
                        "DFB FITs are quoted at a 70 °C junction; adopted for every default FIT"),
                new Provenance("reliability.operatingTemperature", "70 °C", Confidence.ASSUMED,
                        "assumed (Mosaic developers); no MOSAIC temperature data published",
                        "no MOSAIC temperature data; equal to the reference so that AF = 1 by default"),
                new Provenance("reliability.activationEnergy.silicon", "0.7 eV", Confidence.ASSUMED,
                        "assumed (Mosaic developers), range 1-20 FIT; the fibre is a shared, non-redundant part",
                        "device-specific and unpublished for MOSAIC; 0.7 eV is the value commonly used for silicon CMOS"),
                new Provenance("reliability.activationEnergy.led", "0.5 eV", Confidence.ASSUMED,
                        "assumed (Mosaic developers), range 1-20 FIT; the fibre is a shared, non-redundant part", "InGaN microLED and photodiode; no MOSAIC data"),
                new Provenance("reliability.activationEnergy.passive", "0 eV", Confidence.ASSUMED,
                        "assumed (Mosaic developers), range 1-20 FIT; the fibre is a shared, non-redundant part", "connector and fibre failures are mechanical, not thermally activated"),
                new Provenance("reliability.serviceLife", "5 years", Confidence.ASSUMED, "assumed (Mosaic developers), range 3-7 years; context: [dc-module-lifetime]",
                        "datacentre modules are replaced every 2–3 years, telecom parts qualified for 20 years"),
                new Provenance("reliability.hoursPerYear", "8760 h", Confidence.DERIVED, "derived (Mosaic developers): 365 x 24 h, the year of the constant-hazard AFR definition",
                        "AFR convention"),
                new Provenance("reliability.boltzmann", "8.617333262e-5 eV/K", Confidence.PUBLISHED,
                        "[codata-2018] (exact in the 2019 SI)", "Arrhenius factor"));
    }
}
