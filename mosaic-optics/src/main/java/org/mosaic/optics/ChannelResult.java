package org.mosaic.optics;

import java.util.List;

/**
 * Everything the channel evaluation reports, in SI units with the unit in each name. Serialises to JSON
 * as is (records), so the field names are the JSON keys.
 *
 * @param ber per-channel BER over the array (median, mean, worst, best)
 * @param qFactor Q of the nominal (centre, typical-emitter) channel, from its BER
 * @param marginDb received OMA of the nominal channel minus its sensitivity (with ISI and crosstalk), dB
 * @param reachMeters longest fibre at which the design's target channel ({@code link.reach.target}: the nominal channel
 *                    unless the design says the array's mean BER or its k-th worst channel) still meets the BER target
 *                    (CTLE re-optimised)
 * @param coupling the launch derived from the emitter, lens and fibre geometry
 * @param modes the fibre's guided modes and the modal bandwidth the channel used, with its source
 * @param ctle the CTLE setting as zero-to-pole ratio, real boost and Nyquist gain
 * @param arrayReach reach and margin for the nominal channel, the array's mean BER and the k-th worst channel, with
 *                   the design's target definition ({@code link.reach.target}); null unless asked for
 *                   ({@link ChannelAnalysis#analyse(ChannelSpec, boolean)})
 * @param fibreCrosstalk the fibre's crosstalk at the design's length and where it came from (the cores' geometry or
 *                       the {@code fiber.crosstalk} override)
 */
public record ChannelResult(
        String name,
        long seed,
        double channelRateBitsPerSecond,
        double fiberLengthMeters,
        double wavelengthMeters,
        double spectralWidthMeters,
        double dispersionPsPerNmKm,
        double groupIndex,
        double sigmaChromaticSeconds,
        double sigmaModalSeconds,
        double ledBandwidthHz,
        int channels,
        double coresPerChannel,
        long coresUsed,
        int fiberCores,
        double ctlePeakingDb,
        double berTarget,
        BerSummary ber,
        double nominalBer,
        double qFactor,
        double eyeHeightFraction,
        double eyeWidthUi,
        double receivedAveragePowerDbm,
        double receivedOmaDbm,
        double sensitivityOmaDbm,
        double noiseOnlySensitivityOmaDbm,
        double isiCrosstalkPenaltyDb,
        double marginDb,
        double reachMeters,
        boolean reachBeyondSearchRange,
        double maxRateBitsPerSecond,
        List<BudgetItem> budget,
        double[] perChannelBer,
        Coupling coupling,
        Modes modes,
        Ctle ctle,
        ArrayReach arrayReach,
        FibreCrosstalk fibreCrosstalk) {

    /**
     * The fibre's channel-to-channel crosstalk at the design's length (the fibre's part; the optics' input spill
     * {@code optics.inputCrosstalk} is separate): {@code source} is {@code "cores"} when it follows from the cores'
     * geometry (coupled-mode κ, coupled-power diffusion over the core lattice, {@link CoreCoupling}) and
     * {@code "fiber.crosstalk"} when that measured override was used (then the geometry's keys, channelPitchMeters
     * among them, are null). Couplings are linear power fractions of a channel's launched power.
     */
    public record FibreCrosstalk(String source, double nearestNeighbourCoupling, double diagonalCoupling,
                                 double retainedFraction, Double channelPitchMeters, Double correlationLengthMeters,
                                 Double coreDiameterSpread) {
    }

    /**
     * The launch from the geometry: magnification (spot ÷ emitter), lens efficiency and its étendue cap, the
     * collected and launched NA.
     */
    public record Coupling(double magnification, double efficiency, double etendueLimit, boolean etendueLimited,
                           double collectedNumericalAperture, double launchNumericalAperture) {
    }

    /**
     * The fibre's modes and the modal spread the channel uses. {@code modalBandwidthSource} is {@code "modes"} when
     * derived from the guided modes and the launch, {@code "fiber.modalBandwidth"} when that override was used (then
     * the mode counts describe the core but did not set the spread); modeCouplingLengthMeters is null without coupling.
     */
    public record Modes(String modalBandwidthSource, double modalBandwidthLengthHzMeters, double vNumber, int guidedModes,
                        int excitedModes, Double modeCouplingLengthMeters, double differentialModeAttenuationDbPerMeter) {
    }

    /**
     * The CTLE as used: the zero-to-pole ratio (peakingDb), its real boost max|H(f)|/|H(0)| and the gain at
     * the Nyquist frequency, all in dB; pole frequency in Hz.
     */
    public record Ctle(boolean enabled, double peakingDb, double boostDb, double nyquistGainDb, double poleFrequencyHz) {
    }

    /** Median, mean, worst and best per-channel BER over the array. */
    public record BerSummary(double median, double mean, double worst, double best) {
    }

    /** A budget line: a level in dBm (for levels) or a gain/loss/penalty in dB. */
    public record BudgetItem(String item, double db, String unit) {
    }
}
