package org.mosaic.optics;

/**
 * One microLED channel design and its array, in SI units (immutable, validated by {@link ChannelSpecs}).
 * Every field is documented with its unit; bandwidth conventions are stated where they matter.
 */
public record ChannelSpec(
        String name,
        long seed,
        double rateBitsPerSecond,
        double berTarget,
        int rows,
        int cols,
        Led led,
        Optics optics,
        Fiber fiber,
        Receiver receiver,
        Ctle ctle,
        Numerics numerics) {

    /** Unit interval (bit period) in seconds. */
    public double unitIntervalSeconds() {
        return 1.0 / rateBitsPerSecond;
    }

    public int channels() {
        return rows * cols;
    }

    /**
     * The microLED source.
     * @param bandwidthHz small-signal modulation bandwidth, ELECTRICAL 3-dB convention (detected RF power
     *                    down 3 dB, as an S21 measurement reports): f = 1/(2πτ) for carrier lifetime τ
     * @param averagePowerWatts average optical power emitted into the forward hemisphere while modulated
     * @param powerSpreadDb standard deviation (dB) of the lognormal emitter-to-emitter power spread
     * @param bandwidthSpread standard deviation of ln(bandwidth) across emitters (lognormal)
     */
    public record Led(double wavelengthMeters, double spectralFwhmMeters, double bandwidthHz,
                      double averagePowerWatts, double extinctionRatioDb, double powerSpreadDb,
                      double bandwidthSpread, double emitterDiameterMeters) {
        public double carrierLifetimeSeconds() {
            return 1.0 / (2 * Math.PI * bandwidthHz);
        }

        public Led withBandwidthHz(double v) {
            return new Led(wavelengthMeters, spectralFwhmMeters, v, averagePowerWatts, extinctionRatioDb, powerSpreadDb, bandwidthSpread, emitterDiameterMeters);
        }

        public Led withAveragePowerWatts(double v) {
            return new Led(wavelengthMeters, spectralFwhmMeters, bandwidthHz, v, extinctionRatioDb, powerSpreadDb, bandwidthSpread, emitterDiameterMeters);
        }
    }

    /**
     * Micro-optics between the array and the fibre (and fibre to detector).
     * @param lens {@code none} (butt coupling), {@code microlens} or {@code tir} (reflective two-part TIR optic)
     * @param microlensGain collection gain of a microlens array over butt coupling (linear)
     * @param tirGainOverMicrolens gain of the TIR optic over the microlens array (MOSAIC: "more than doubles")
     * @param spotDiameterMeters diameter of one emitter's image on the fibre face (sets cores per channel)
     * @param inputCrosstalkDb power of one emitter's image spilling onto one nearest-neighbour channel at the fibre input
     */
    public record Optics(String lens, double microlensGain, double tirGainOverMicrolens, double spotDiameterMeters,
                         int fresnelFaces, double connectorLossDb, double receiveCouplingLossDb, double inputCrosstalkDb) {
    }

    /**
     * The multicore imaging fibre.
     * @param modalBandwidthHzMeters effective modal bandwidth-length product (optical 3-dB of a Gaussian response)
     * @param crosstalkDb channel-to-nearest-channel intensity coupling accumulated over {@code crosstalkReferenceLengthMeters}
     */
    public record Fiber(double lengthMeters, double attenuationDbPerMeter, double numericalAperture,
                        double coreDiameterMeters, double corePitchMeters, int coreCount,
                        double modalBandwidthHzMeters, double crosstalkDb, double crosstalkReferenceLengthMeters) {
        public Fiber withLength(double v) {
            return new Fiber(v, attenuationDbPerMeter, numericalAperture, coreDiameterMeters, corePitchMeters, coreCount,
                    modalBandwidthHzMeters, crosstalkDb, crosstalkReferenceLengthMeters);
        }
    }

    /**
     * Photodiode + TIA.
     * @param noiseDensityAmpsPerRootHz input-referred TIA current noise density (one-sided)
     * @param bandwidthPerRate receiver 3-dB bandwidth as a fraction of the bit rate (a receiver designed for the rate);
     *                         modelled as two equal real poles (critically damped second order)
     */
    public record Receiver(double responsivityAmpsPerWatt, double darkCurrentAmps, double noiseDensityAmpsPerRootHz,
                           double bandwidthPerRate) {
    }

    /**
     * Analog CTLE, one zero and two equal poles, unity DC gain: H(s) = (1 + s/ωz)/(1 + s/ωp)²; peaking = ωp/ωz.
     * @param fixedPeakingDb NaN to optimise the peaking in [0, maxPeakingDb] for the lowest BER
     */
    public record Ctle(boolean enabled, double maxPeakingDb, double poleFrequencyPerRate, double fixedPeakingDb) {
    }

    /** Numerical resolution: time samples per unit interval and bins of the statistical-eye grid. */
    public record Numerics(int samplesPerUi, int eyeBins) {
    }

    public ChannelSpec withLength(double meters) {
        return new ChannelSpec(name, seed, rateBitsPerSecond, berTarget, rows, cols, led, optics, fiber.withLength(meters), receiver, ctle, numerics);
    }

    public ChannelSpec withRate(double bitsPerSecond) {
        return new ChannelSpec(name, seed, bitsPerSecond, berTarget, rows, cols, led, optics, fiber, receiver, ctle, numerics);
    }

    public ChannelSpec withLed(Led l) {
        return new ChannelSpec(name, seed, rateBitsPerSecond, berTarget, rows, cols, l, optics, fiber, receiver, ctle, numerics);
    }

    public ChannelSpec withCtle(Ctle c) {
        return new ChannelSpec(name, seed, rateBitsPerSecond, berTarget, rows, cols, led, optics, fiber, receiver, c, numerics);
    }

    public ChannelSpec withNumerics(Numerics n) {
        return new ChannelSpec(name, seed, rateBitsPerSecond, berTarget, rows, cols, led, optics, fiber, receiver, ctle, n);
    }
}
