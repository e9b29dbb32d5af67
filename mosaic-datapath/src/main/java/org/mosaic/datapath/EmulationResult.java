package org.mosaic.datapath;

import java.util.List;
import org.mosaic.datapath.channel.LinkTimeline;

/**
 * What one emulation reports; a record of JSON-friendly fields (the names are the JSON keys). Nothing is
 * lost silently: every counted error is in a counter here, and anything not modelled is in {@code notes}.
 *
 * <p>Definitions. A codeword <em>fails</em> when the delivered word differs from the sent one:
 * {@code uncorrectable} (the decoder detected it and passed the word through) or {@code miscorrected}
 * (the decoder delivered a wrong codeword, including the rare undetected error whose pattern is itself a
 * codeword). Post-FEC bit errors are the message bits still wrong after decoding. Frames of
 * {@code frameBytes} are laid end to end over the message bits of the FEC blocks (one flow's interleaved
 * codewords, in time order); a frame is lost when any codeword of a block it touches failed (802.3 RS-FEC
 * marks an uncorrectable block so the PCS discards it); see {@link org.mosaic.datapath.fec.PostFec#frameLossRatio}.
 *
 * @param codewords             codewords emulated (bit-exact, error-event) or sampled under the tilted law (importance)
 * @param bits                  codeword bits emulated (codewords × n × m)
 * @param simulatedSeconds      line time the emulated codewords occupy on the host (bits / host rate)
 * @param preFecBer             channel bit errors / bits (importance: the exact mean of the channel BERs at the evaluation time)
 * @param preFecBerPerChannel   per logical data channel (whichever physical channel carried it)
 * @param symbolErrorsPerCodeword histogram: entry i = codewords with i symbol errors (importance: of the tilted samples)
 * @param symbolErrorDistribution estimated P(i symbol errors) per codeword (importance: reweighted)
 * @param payloadMismatches     bit-exact only (else null): message bits whose delivered value differs from the sent one
 * @param unaccountedPayloadMismatches bit-exact only: |mismatches − post-FEC bit errors predicted from the error
 *                              patterns and decoder outcomes|, plus mismatches in codewords that did not fail; must be 0
 * @param decoderDisagreements  with {@code checkDecoder}: patterns of ≤ t symbol errors the decoder did not correct exactly (must be 0)
 * @param misalignedChannels    physical channels whose delay left the deskew buffer
 * @param slippedBits           channel bits delivered from the wrong position by the deskewer
 * @param faultBits             channel bits in dead, flapping-dead or stuck phases or slips
 * @param analytic              independent-error formulas beside the emulation
 * @param berMonitor            with the BER monitor on: its settings and the channels it remapped (else null, not written)
 */
public record EmulationResult(
        long seed,
        String engine,
        String mapping,
        String code,
        int t,
        long codewords,
        long bits,
        double simulatedSeconds,
        long preFecBitErrors,
        double preFecBer,
        double[] preFecBerPerChannel,
        long[] symbolErrorsPerCodeword,
        double[] symbolErrorDistribution,
        long uncorrectableCodewords,
        Estimate uncorrectableCodewordRatio,
        long miscorrectedCodewords,
        Estimate miscorrectedCodewordRatio,
        Estimate codewordFailureRatio,
        long postFecBitErrors,
        Estimate postFecBer,
        int frameBytes,
        long frames,
        long lostFrames,
        Estimate frameLossRatio,
        Long payloadMismatches,
        Long unaccountedPayloadMismatches,
        long decoderDisagreements,
        List<LinkTimeline.Failover> failovers,
        long unrepairedChannels,
        int[] misalignedChannels,
        long slippedBits,
        long faultBits,
        Analytic analytic,
        long importanceSamples,
        List<String> notes,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        BerMonitorReport berMonitor) {

    /**
     * Independent-error formulas ((standard bounded-distance decoding)) at the link state at time 0 (importance: at its
     * evaluation time).
     *
     * @param meanChannelBer                  mean of the data channels' BERs (dead/stuck channels count 0.5)
     * @param binomialCodewordFailure         P[X &gt; t], X ~ Bin(n, p_s) with p_s from the mean BER
     * @param mappingAwareCodewordFailure     P[X &gt; t] with each symbol's own p_s from its bits' channels
     *                                        (Poisson-binomial), averaged over the codewords of a superblock
     * @param postFecBer                      post-FEC BER from the binomial formula at the mean BER
     * @param frameLossRatio                  FLR from the mapping-aware codeword failure probability
     */
    public record Analytic(double meanChannelBer, double binomialCodewordFailure, double mappingAwareCodewordFailure,
                           double postFecBer, double frameLossRatio) {
    }
}
