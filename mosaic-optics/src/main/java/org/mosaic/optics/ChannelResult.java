package org.mosaic.optics;

import java.util.List;

/**
 * Everything the channel evaluation reports, in SI units with the unit in each name. Serialises to JSON
 * as is (records), so the field names are the JSON keys.
 *
 * @param ber per-channel BER over the array (median, mean, worst, best)
 * @param qFactor Q of the nominal (centre, typical-emitter) channel, from its BER
 * @param marginDb received OMA of the nominal channel minus its sensitivity (with ISI and crosstalk), dB
 * @param reachMeters longest fibre at which the nominal channel still meets the BER target (CTLE re-optimised)
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
        double[] perChannelBer) {

    /** Median, mean, worst and best per-channel BER over the array. */
    public record BerSummary(double median, double mean, double worst, double best) {
    }

    /** A budget line: a level in dBm (for levels) or a gain/loss/penalty in dB. */
    public record BudgetItem(String item, double db, String unit) {
    }
}
