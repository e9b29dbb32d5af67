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
        Numerics numerics,
        ReachTarget reachTarget) {

    /** A design with the nominal channel as its reach target. */
    public ChannelSpec(String name, long seed, double rateBitsPerSecond, double berTarget, int rows, int cols, Led led,
                       Optics optics, Fiber fiber, Receiver receiver, Ctle ctle, Numerics numerics) {
        this(name, seed, rateBitsPerSecond, berTarget, rows, cols, led, optics, fiber, receiver, ctle, numerics,
                ReachTarget.NOMINAL);
    }

    /**
     * Which channel the design's reach and margin are judged on.
     * @param definition {@code nominal} (the centre channel with the typical emitter), {@code mean} (the array's mean
     *                   BER: what an FEC striped over all channels sees) or {@code kth-worst} (the worst channel left
     *                   when spares replace the {@code coveredChannels} worst)
     * @param coveredChannels the worst channels spares replace (kth-worst only)
     */
    public record ReachTarget(String definition, int coveredChannels) {
        public static final java.util.List<String> DEFINITIONS = java.util.List.of("nominal", "mean", "kth-worst");
        public static final ReachTarget NOMINAL = new ReachTarget("nominal", 0);

        public ReachTarget {
            if (!DEFINITIONS.contains(definition) || coveredChannels < 0) {
                throw new IllegalArgumentException("reach target " + definition + " covering " + coveredChannels
                        + ": expected one of " + DEFINITIONS + " and a count >= 0");
            }
        }

        /** The definition in words: "nominal channel", "array's mean BER", "worst channel after 4 spares". */
        public String describe() {
            return switch (definition) {
                case "mean" -> "array's mean BER";
                case "kth-worst" -> "worst channel after " + coveredChannels + " spares";
                default -> "nominal channel";
            };
        }
    }

    /**
     * Centre-to-centre pitch of the channels' spots on the fibre face: {@code fiber.channelPitch}, or when not given the
     * spot diameter plus one core pitch (assumed, Mosaic developers: the closest spacing at which neighbouring spots
     * share no core; range spot + 0.5 to spot + 3 core pitches).
     */
    public double faceChannelPitchMeters() {
        double p = fiber.channelPitchMeters();
        return Double.isNaN(p) ? optics.spotDiameterMeters() + fiber.corePitchMeters() : p;
    }

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
     * @param carrier the carrier-rate (ABC) model ({@code led.model: abc}) from which the power, extinction ratio and
     *                large-signal response follow (then {@code averagePowerWatts} and {@code extinctionRatioDb} are its
     *                values and {@code bandwidthHz} is the "1" level's small-signal bandwidth); null for the first-order
     *                response of {@code bandwidthHz} (the default)
     */
    public record Led(double wavelengthMeters, double spectralFwhmMeters, double bandwidthHz,
                      double averagePowerWatts, double extinctionRatioDb, double powerSpreadDb,
                      double bandwidthSpread, double emitterDiameterMeters, CarrierModel carrier) {
        /** A first-order source (no carrier model). */
        public Led(double wavelengthMeters, double spectralFwhmMeters, double bandwidthHz, double averagePowerWatts,
                   double extinctionRatioDb, double powerSpreadDb, double bandwidthSpread, double emitterDiameterMeters) {
            this(wavelengthMeters, spectralFwhmMeters, bandwidthHz, averagePowerWatts, extinctionRatioDb, powerSpreadDb,
                    bandwidthSpread, emitterDiameterMeters, null);
        }

        /**
         * A source driven by a carrier-rate model: its average power and extinction ratio are the model's, its bandwidth
         * the "1" level's small-signal bandwidth.
         */
        public static Led fromCarrier(double spectralFwhmMeters, double powerSpreadDb, double bandwidthSpread,
                                      double emitterDiameterMeters, CarrierModel m) {
            return new Led(m.wavelengthMeters(), spectralFwhmMeters, m.smallSignalBandwidthHz(m.highCurrentAmps()),
                    m.averagePowerWatts(), m.extinctionRatioDb(), powerSpreadDb, bandwidthSpread, emitterDiameterMeters, m);
        }

        public double carrierLifetimeSeconds() {
            return 1.0 / (2 * Math.PI * bandwidthHz);
        }

        public Led withBandwidthHz(double v) {
            return new Led(wavelengthMeters, spectralFwhmMeters, v, averagePowerWatts, extinctionRatioDb, powerSpreadDb, bandwidthSpread, emitterDiameterMeters, carrier);
        }

        public Led withAveragePowerWatts(double v) {
            return new Led(wavelengthMeters, spectralFwhmMeters, bandwidthHz, v, extinctionRatioDb, powerSpreadDb, bandwidthSpread, emitterDiameterMeters, carrier);
        }
    }

    /**
     * Micro-optics between the array and the fibre (and fibre to detector).
     * @param lens {@code none} (butt coupling), {@code microlens} or {@code tir} (reflective two-part TIR optic)
     * @param microlensGain collection gain of a microlens array over butt coupling (linear)
     * @param tirGainOverMicrolens gain of the TIR optic over the microlens array (MOSAIC: "more than doubles")
     * @param spotDiameterMeters diameter of one emitter's image on the fibre face (sets cores per channel)
     * @param inputCrosstalkDb power of one emitter's image spilling onto one nearest-neighbour channel at the fibre input
     * @param couplingSpreadDb standard deviation (dB) of the lognormal channel-to-channel spread of the coupled
     *                         power (the alignment of each emitter's optic to the fibre face), 0 for none
     */
    public record Optics(String lens, double microlensGain, double tirGainOverMicrolens, double spotDiameterMeters,
                         int fresnelFaces, double connectorLossDb, double receiveCouplingLossDb, double inputCrosstalkDb,
                         double couplingSpreadDb) {
        /** Optics without a channel-to-channel coupling (alignment) spread. */
        public Optics(String lens, double microlensGain, double tirGainOverMicrolens, double spotDiameterMeters,
                      int fresnelFaces, double connectorLossDb, double receiveCouplingLossDb, double inputCrosstalkDb) {
            this(lens, microlensGain, tirGainOverMicrolens, spotDiameterMeters, fresnelFaces, connectorLossDb,
                    receiveCouplingLossDb, inputCrosstalkDb, 0);
        }
    }

    /**
     * The multicore imaging fibre.
     * @param modalBandwidthHzMeters a measured modal bandwidth-length product (optical 3-dB of a Gaussian
     *                               response) that overrides the mode solution; NaN to derive the modal spread
     *                               from the cores' guided modes and the launch ({@link FibreModes})
     * @param crosstalkDb channel-to-nearest-channel intensity coupling accumulated over {@code crosstalkReferenceLengthMeters}:
     *                    an override; NaN to derive the crosstalk from the cores' geometry ({@link CoreCoupling})
     * @param channelPitchMeters centre-to-centre pitch of the channel spots on the fibre face (NaN: spot + one core pitch)
     * @param crosstalkCorrelationLengthMeters correlation length of the random perturbations that turn the cores'
     *                                         coherent coupling into power diffusion ({@link CoreCoupling})
     * @param coreDiameterSpread standard deviation of the cores' diameters relative to the mean (0: identical cores),
     *                           which detunes neighbouring cores' propagation constants ({@link CoreCoupling})
     * @param modeCouplingLengthMeters length beyond which mode coupling makes the modal spread grow as √L
     *                                 (infinite: no coupling); used with the mode solution only
     * @param differentialModeAttenuationDbPerMeter extra loss of the highest-order mode ((U/V)² = 1), falling as
     *                                 (U/V)² towards the fundamental; used with the mode solution only
     */
    public record Fiber(double lengthMeters, double attenuationDbPerMeter, double numericalAperture,
                        double coreDiameterMeters, double corePitchMeters, int coreCount,
                        double modalBandwidthHzMeters, double crosstalkDb, double crosstalkReferenceLengthMeters,
                        double modeCouplingLengthMeters, double differentialModeAttenuationDbPerMeter,
                        double channelPitchMeters, double crosstalkCorrelationLengthMeters, double coreDiameterSpread) {
        /**
         * The default correlation length of the random perturbations that dephase core-to-core coupling: assumed
         * (Mosaic developers) 5 cm, range 1 mm – 1 m; the scale [koshiba-2011-mcf-cpt] studies.
         */
        public static final double DEFAULT_CORRELATION_LENGTH = 0.05;

        /** A fibre whose crosstalk, when derived from its geometry, uses the default spot pitch and correlation length. */
        public Fiber(double lengthMeters, double attenuationDbPerMeter, double numericalAperture,
                     double coreDiameterMeters, double corePitchMeters, int coreCount,
                     double modalBandwidthHzMeters, double crosstalkDb, double crosstalkReferenceLengthMeters,
                     double modeCouplingLengthMeters, double differentialModeAttenuationDbPerMeter) {
            this(lengthMeters, attenuationDbPerMeter, numericalAperture, coreDiameterMeters, corePitchMeters, coreCount,
                    modalBandwidthHzMeters, crosstalkDb, crosstalkReferenceLengthMeters, modeCouplingLengthMeters,
                    differentialModeAttenuationDbPerMeter, Double.NaN, DEFAULT_CORRELATION_LENGTH, 0);
        }

        /** True when {@code fiber.crosstalk} sets the channel-to-channel coupling (else it follows from the geometry). */
        public boolean crosstalkOverridden() {
            return !Double.isNaN(crosstalkDb);
        }

        /** A fibre without mode coupling or differential mode attenuation. */
        public Fiber(double lengthMeters, double attenuationDbPerMeter, double numericalAperture,
                     double coreDiameterMeters, double corePitchMeters, int coreCount,
                     double modalBandwidthHzMeters, double crosstalkDb, double crosstalkReferenceLengthMeters) {
            this(lengthMeters, attenuationDbPerMeter, numericalAperture, coreDiameterMeters, corePitchMeters, coreCount,
                    modalBandwidthHzMeters, crosstalkDb, crosstalkReferenceLengthMeters, Double.POSITIVE_INFINITY, 0);
        }

        /** True when {@code fiber.modalBandwidth} overrides the mode solution. */
        public boolean modalBandwidthOverridden() {
            return !Double.isNaN(modalBandwidthHzMeters);
        }

        public Fiber withLength(double v) {
            return new Fiber(v, attenuationDbPerMeter, numericalAperture, coreDiameterMeters, corePitchMeters, coreCount,
                    modalBandwidthHzMeters, crosstalkDb, crosstalkReferenceLengthMeters, modeCouplingLengthMeters,
                    differentialModeAttenuationDbPerMeter, channelPitchMeters, crosstalkCorrelationLengthMeters, coreDiameterSpread);
        }

        public Fiber withCoreCount(int n) {
            return new Fiber(lengthMeters, attenuationDbPerMeter, numericalAperture, coreDiameterMeters, corePitchMeters, n,
                    modalBandwidthHzMeters, crosstalkDb, crosstalkReferenceLengthMeters, modeCouplingLengthMeters,
                    differentialModeAttenuationDbPerMeter, channelPitchMeters, crosstalkCorrelationLengthMeters, coreDiameterSpread);
        }
    }

    /**
     * Photodiode + TIA.
     * @param noiseDensityAmpsPerRootHz input-referred TIA current noise density (one-sided)
     * @param bandwidthPerRate receiver 3-dB bandwidth as a fraction of the bit rate (a receiver designed for the rate);
     *                         modelled as two equal real poles (critically damped second order)
     * @param responsivitySpread standard deviation of ln(responsivity) across the array's photodiodes (lognormal)
     * @param noiseSpread standard deviation of ln(noise density) across the array's TIAs (lognormal)
     * @param inputCapacitanceFarads capacitance at the TIA input (photodiode, pad, amplifier input), F
     * @param voltageNoiseDensityVoltsPerRootHz the TIA's input voltage noise density e_n, which through the input
     *                                          capacitance adds current noise rising with frequency (0: white noise only)
     * @param electricalCrosstalkDb power ratio (dB) of a nearest receiver's signal that couples electrically into this
     *                              receiver's input (amplitude 10^(dB/20)); −∞ for none
     * @param randomJitterSeconds rms random jitter of the sampling instant (Gaussian), s
     * @param deterministicJitterSeconds peak-to-peak deterministic jitter of the sampling instant (dual-Dirac), s
     * @param apdGain mean avalanche gain M of an APD receiver (1: a PIN photodiode, the default)
     * @param apdIonizationRatio the APD's ionisation-coefficient ratio k (excess noise F = kM + (1 − k)(2 − 1/M))
     */
    public record Receiver(double responsivityAmpsPerWatt, double darkCurrentAmps, double noiseDensityAmpsPerRootHz,
                           double bandwidthPerRate, double responsivitySpread, double noiseSpread,
                           double inputCapacitanceFarads, double voltageNoiseDensityVoltsPerRootHz,
                           double electricalCrosstalkDb, double randomJitterSeconds, double deterministicJitterSeconds,
                           double apdGain, double apdIonizationRatio) {
        /** A receiver whose channels are all alike (no responsivity or noise spread) and whose noise is white. */
        public Receiver(double responsivityAmpsPerWatt, double darkCurrentAmps, double noiseDensityAmpsPerRootHz,
                        double bandwidthPerRate) {
            this(responsivityAmpsPerWatt, darkCurrentAmps, noiseDensityAmpsPerRootHz, bandwidthPerRate, 0, 0, 0, 0,
                    Double.NEGATIVE_INFINITY, 0, 0, 1, 0);
        }

        /** A receiver with white input noise only. */
        public Receiver(double responsivityAmpsPerWatt, double darkCurrentAmps, double noiseDensityAmpsPerRootHz,
                        double bandwidthPerRate, double responsivitySpread, double noiseSpread) {
            this(responsivityAmpsPerWatt, darkCurrentAmps, noiseDensityAmpsPerRootHz, bandwidthPerRate, responsivitySpread,
                    noiseSpread, 0, 0, Double.NEGATIVE_INFINITY, 0, 0, 1, 0);
        }

        /**
         * The coefficient of the TIA's input noise that rises as f²: the amplifier's voltage noise e_n across the input
         * capacitance C gives a current noise of density 2π·f·C·e_n, so the input current noise PSD is
         * i_n² + (2π·C·e_n)²·f². Returns (2π·C·e_n)², A²/Hz³.
         */
        public double fSquaredNoiseCoefficient() {
            return fSquaredCoefficient();
        }

        /**
         * The avalanche photodiode's excess noise factor F(M) = k·M + (1 − k)·(2 − 1/M) for mean gain M and
         * ionisation-coefficient ratio k ([mcintyre-1966]); 1 for a PIN photodiode (M = 1).
         */
        public double excessNoiseFactor() {
            double m = apdGain;
            return apdIonizationRatio * m + (1 - apdIonizationRatio) * (2 - 1 / m);
        }

        private double fSquaredCoefficient() {
            double k = 2 * Math.PI * inputCapacitanceFarads * voltageNoiseDensityVoltsPerRootHz;
            return k * k;
        }
    }

    /**
     * Analog CTLE, one zero and two equal poles, unity DC gain: H(s) = (1 + s/ωz)/(1 + s/ωp)²; peaking = ωp/ωz
     * (the zero-to-pole ratio, not the boost: see {@link #boostDb(double)}).
     * @param fixedPeakingDb NaN to optimise the peaking in [0, maxPeakingDb] for the lowest BER
     */
    public record Ctle(boolean enabled, double maxPeakingDb, double poleFrequencyPerRate, double fixedPeakingDb,
                       double minPoleFrequencyPerRate, double maxPoleFrequencyPerRate) {
        /** A CTLE whose two poles sit at {@code poleFrequencyPerRate} × rate. */
        public Ctle(boolean enabled, double maxPeakingDb, double poleFrequencyPerRate, double fixedPeakingDb) {
            this(enabled, maxPeakingDb, poleFrequencyPerRate, fixedPeakingDb, poleFrequencyPerRate, poleFrequencyPerRate);
        }

        /**
         * True when the optimiser chooses the (two equal) poles' frequency within [min, max] × rate; then
         * {@code poleFrequencyPerRate} is only the bounds' geometric centre, not the pole used.
         */
        public boolean poleFree() {
            return enabled && maxPoleFrequencyPerRate > minPoleFrequencyPerRate;
        }

        /**
         * The real boost of the CTLE, max_f |H(f)|/|H(0)| in dB, for a zero-to-pole ratio g = 10^(peaking/20):
         * with y = (f/fp)², |H|² = (1 + g²y)/(1 + y)², largest at y = (g² − 2)/g² where it is g⁴/(4(g² − 1));
         * no boost (the maximum is at DC) when g² ≤ 2.
         */
        public static double boostDb(double peakingDb) {
            double g2 = Math.pow(10, peakingDb / 10);
            if (g2 <= 2) {
                return 0;
            }
            return 10 * Math.log10(g2 * g2 / (4 * (g2 - 1)));
        }

        /**
         * The largest zero-to-pole ratio (dB) whose boost is {@code boostDb}: the larger root of
         * g⁴ − 4B·g² + 4B = 0, g² = 2B + 2√(B² − B), B = 10^(boost/10) (3.01 dB for no boost).
         */
        public static double peakingDbForBoost(double boostDb) {
            double b = Math.pow(10, Math.max(0, boostDb) / 10);
            return 10 * Math.log10(2 * b + 2 * Math.sqrt(Math.max(0, b * b - b)));
        }

        /** |H(f)|/|H(0)| in dB at {@code frequencyOverPole} = f/fp. */
        public static double gainDb(double peakingDb, double frequencyOverPole) {
            double g2 = Math.pow(10, peakingDb / 10);
            double y = frequencyOverPole * frequencyOverPole;
            return 10 * Math.log10((1 + g2 * y) / ((1 + y) * (1 + y)));
        }

        /** |H(f_N)|/|H(0)| in dB at the Nyquist frequency, rate/2, with the poles at {@code poleFrequencyPerRate}. */
        public double nyquistGainDb(double peakingDb) {
            return nyquistGainDb(peakingDb, poleFrequencyPerRate);
        }

        /** |H(f_N)|/|H(0)| in dB at the Nyquist frequency with the poles at {@code polePerRate} × rate. */
        public double nyquistGainDb(double peakingDb, double polePerRate) {
            return enabled ? gainDb(peakingDb, 0.5 / polePerRate) : 0;
        }
    }

    /** Numerical resolution: time samples per unit interval and bins of the statistical-eye grid. */
    public record Numerics(int samplesPerUi, int eyeBins) {
    }

    public ChannelSpec withLength(double meters) {
        return new ChannelSpec(name, seed, rateBitsPerSecond, berTarget, rows, cols, led, optics, fiber.withLength(meters), receiver, ctle, numerics, reachTarget);
    }

    public ChannelSpec withRate(double bitsPerSecond) {
        return new ChannelSpec(name, seed, bitsPerSecond, berTarget, rows, cols, led, optics, fiber, receiver, ctle, numerics, reachTarget);
    }

    public ChannelSpec withLed(Led l) {
        return new ChannelSpec(name, seed, rateBitsPerSecond, berTarget, rows, cols, l, optics, fiber, receiver, ctle, numerics, reachTarget);
    }

    public ChannelSpec withFiber(Fiber f) {
        return new ChannelSpec(name, seed, rateBitsPerSecond, berTarget, rows, cols, led, optics, f, receiver, ctle, numerics, reachTarget);
    }

    public ChannelSpec withCtle(Ctle c) {
        return new ChannelSpec(name, seed, rateBitsPerSecond, berTarget, rows, cols, led, optics, fiber, receiver, c, numerics, reachTarget);
    }

    public ChannelSpec withNumerics(Numerics n) {
        return new ChannelSpec(name, seed, rateBitsPerSecond, berTarget, rows, cols, led, optics, fiber, receiver, ctle, n, reachTarget);
    }
}
