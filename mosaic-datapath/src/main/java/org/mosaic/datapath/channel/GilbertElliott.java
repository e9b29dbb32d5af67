package org.mosaic.datapath.channel;

import org.mosaic.datapath.Require;

/**
 * Gilbert–Elliott burst errors, the same on every channel: a two-state Markov chain per channel bit.
 * Each bit the chain first moves (good → bad with {@code goodToBad}, bad → good with {@code badToGood}),
 * then the bit is wrong with the channel's own BER in the good state and with {@code badStateBer} in the
 * bad state. A bad sojourn lasts L ≥ 1 bits with P(L = l) = (1 − r)^(l−1)·r, r = badToGood, so the mean
 * burst (bad-state) length is 1/badToGood bits; the stationary bad fraction is
 * goodToBad/(goodToBad + badToGood). {@code goodToBad = 0} disables bursts.
 * The engines start each chunk of simulated time in the stationary distribution (bursts that straddle
 * a chunk boundary are cut; chunks are millions of bits, so this matters only for bursts that long).
 */
public record GilbertElliott(double goodToBad, double badToGood, double badStateBer) {
    public static final GilbertElliott NONE = new GilbertElliott(0, 1, 0.5);

    public GilbertElliott {
        Require.probability("burst.goodToBad", goodToBad, 1, "per-bit probability that a burst starts; 0 disables bursts");
        Require.probability("burst.badToGood", badToGood, 1, "1 / mean burst length in bits");
        if (badToGood <= 0) {
            throw new IllegalArgumentException("burst.badToGood = " + badToGood + " — expected > 0 (hint: 1 / mean burst length in bits)");
        }
        Require.probability("burst.badStateBer", badStateBer, 0.5, "0.5 means random bits during a burst");
    }

    /** Bursts with a given mean length (bits) starting at a given per-bit rate. */
    public static GilbertElliott ofMeanBurst(double burstStartsPerBit, double meanBurstBits, double badStateBer) {
        Require.finiteAtLeast("burst.meanLength", meanBurstBits, 1, "mean burst length in bits, at least 1");
        return new GilbertElliott(burstStartsPerBit, 1.0 / meanBurstBits, badStateBer);
    }

    public boolean enabled() {
        return goodToBad > 0;
    }

    public double meanBurstBits() {
        return 1.0 / badToGood;
    }

    public double badFraction() {
        return enabled() ? goodToBad / (goodToBad + badToGood) : 0;
    }

    /** Long-run BER of a channel whose good-state BER is {@code goodBer}. */
    public double averageBer(double goodBer) {
        double b = badFraction();
        return (1 - b) * goodBer + b * badStateBer;
    }
}
