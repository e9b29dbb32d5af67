package org.mosaic.datapath.channel;

/**
 * The receiver's BER health monitor: it estimates each channel's BER from the errors the FEC corrects on it (the
 * gearbox knows which channel carried each corrected bit) over consecutive windows [k·W, (k+1)·W) of the run, and at
 * the end of a window in which a channel's BER is at or above {@code thresholdBer} it declares the channel degraded;
 * the gearbox then moves its traffic to a spare as for a detected fault ({@link LinkTimeline}). A channel degraded
 * from the start is therefore remapped at W: the detection latency is one window. A channel that degrades during the
 * run ({@link ChannelFault#degraded}, BER b before and x after T, T inside window k = ⌊T/W⌋) is declared at the end of
 * window k when that window's mean BER, (b·(T − kW) + x·((k+1)W − T))/W, reaches the threshold, else at the end of
 * window k + 1 (which it fills): a latency between 0 and 2W after T.
 *
 * <p>Simplified: the monitor is taken to see the channel's long-run BER (Gilbert–Elliott bursts at their average)
 * rather than a noisy count. The count over a window is Binomial(N, p), N = W × channel rate; the spec refuses windows
 * that expect fewer than {@link #MIN_ERRORS_AT_THRESHOLD} errors at the threshold, so the count's relative spread there
 * is ≤ 1/√10 ≈ 32 %, and channels within that of the threshold may in reality be missed or flagged late. Dead, stuck
 * and flapping channels are found by the fault detection ({@code detectionLatency}), not by this monitor.
 * Threshold and window are assumed (Mosaic developers): no source fixes them for MOSAIC; the default is off.
 *
 * @param enabled      whether the monitor runs
 * @param thresholdBer BER at or above which a channel is declared degraded, in (0, 0.5]
 * @param windowSeconds length W of one counting window, &gt; 0
 */
public record BerMonitor(boolean enabled, double thresholdBer, double windowSeconds) {
    /** No BER monitor (only faults are detected): today's behaviour. */
    public static final BerMonitor OFF = new BerMonitor(false, 0, 0);
    /** Errors a window must expect at the threshold BER. */
    public static final double MIN_ERRORS_AT_THRESHOLD = 10;

    public BerMonitor {
        if (enabled) {
            if (!(thresholdBer > 0 && thresholdBer <= 0.5)) {
                throw new IllegalArgumentException("berMonitor.threshold = " + thresholdBer + " — expected a BER in (0, 0.5] "
                        + "(hint: 1e-4, well above a healthy channel's BER and below what the FEC can carry)");
            }
            if (!(windowSeconds > 0 && Double.isFinite(windowSeconds))) {
                throw new IllegalArgumentException("berMonitor.window = " + windowSeconds + " s — expected a positive time "
                        + "(e.g. 10 us)");
            }
        }
    }

    /** A monitor with this threshold and window. */
    public static BerMonitor of(double thresholdBer, double windowSeconds) {
        return new BerMonitor(true, thresholdBer, windowSeconds);
    }

    /** Refuses a window too short to see the threshold at this channel rate. */
    public void check(double channelRateBitsPerSecond) {
        if (enabled && thresholdBer * windowSeconds * channelRateBitsPerSecond < MIN_ERRORS_AT_THRESHOLD) {
            throw new IllegalArgumentException("berMonitor.window = " + windowSeconds + " s sees " + thresholdBer * windowSeconds
                    * channelRateBitsPerSecond + " errors at the threshold BER " + thresholdBer + " — expected at least "
                    + MIN_ERRORS_AT_THRESHOLD + " (hint: a window of at least " + MIN_ERRORS_AT_THRESHOLD
                    / (thresholdBer * channelRateBitsPerSecond) + " s)");
        }
    }

    /** When a channel with this long-run BER is declared degraded (+∞: never). */
    public double detectionSeconds(double ber) {
        return enabled && ber >= thresholdBer ? windowSeconds : Double.POSITIVE_INFINITY;
    }

    /**
     * When a channel whose long-run BER is {@code before} until {@code atSeconds} and {@code after} from then on is
     * declared degraded (+∞: never): see the class comment.
     */
    public double detectionSeconds(double before, double after, double atSeconds) {
        if (!enabled) {
            return Double.POSITIVE_INFINITY;
        }
        if (before >= thresholdBer) {
            return windowSeconds;
        }
        if (after < thresholdBer) {
            return Double.POSITIVE_INFINITY;
        }
        double k = Math.floor(atSeconds / windowSeconds);
        double start = k * windowSeconds;
        double mean = (before * (atSeconds - start) + after * (start + windowSeconds - atSeconds)) / windowSeconds;
        return (mean >= thresholdBer ? k + 1 : k + 2) * windowSeconds;
    }
}
