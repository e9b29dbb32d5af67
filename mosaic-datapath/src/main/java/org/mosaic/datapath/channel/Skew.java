package org.mosaic.datapath.channel;

import java.util.Arrays;
import org.mosaic.datapath.Require;

/**
 * Per physical channel: static skew (seconds, e.g. 50 ps per cm of core length mismatch,
 * [desk-microled-2026], paper-derived) and skew drift (seconds per second, e.g. from temperature).
 * Empty arrays mean no skew; otherwise each array has one entry per physical channel.
 */
public record Skew(double[] skewSeconds, double[] driftSecondsPerSecond) {
    public static final Skew NONE = new Skew(new double[0], new double[0]);

    public Skew {
        skewSeconds = skewSeconds == null ? new double[0] : skewSeconds.clone();
        driftSecondsPerSecond = driftSecondsPerSecond == null ? new double[0] : driftSecondsPerSecond.clone();
        for (int i = 0; i < skewSeconds.length; i++) {
            Require.finite("skew[" + i + "]", skewSeconds[i], "seconds of delay; 50 ps per cm of length mismatch");
        }
        for (int i = 0; i < driftSecondsPerSecond.length; i++) {
            Require.finite("skewDrift[" + i + "]", driftSecondsPerSecond[i], "seconds of delay change per second");
            if (Math.abs(driftSecondsPerSecond[i]) > 1e-3) {
                throw new IllegalArgumentException("skewDrift[" + i + "] = " + driftSecondsPerSecond[i]
                        + " s/s — expected |drift| ≤ 1e-3 (hint: drift is a fraction, e.g. 1e-9 for 1 ns per second)");
            }
        }
    }

    @Override
    public double[] skewSeconds() {
        return skewSeconds.clone();
    }

    @Override
    public double[] driftSecondsPerSecond() {
        return driftSecondsPerSecond.clone();
    }

    public double skew(int physical) {
        return physical < skewSeconds.length ? skewSeconds[physical] : 0;
    }

    public double drift(int physical) {
        return physical < driftSecondsPerSecond.length ? driftSecondsPerSecond[physical] : 0;
    }

    public double minSkew() {
        return Arrays.stream(skewSeconds).min().orElse(0);
    }

    public boolean any() {
        return Arrays.stream(skewSeconds).anyMatch(x -> x != 0) || Arrays.stream(driftSecondsPerSecond).anyMatch(x -> x != 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Skew s && Arrays.equals(skewSeconds, s.skewSeconds) && Arrays.equals(driftSecondsPerSecond, s.driftSecondsPerSecond);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(skewSeconds) + Arrays.hashCode(driftSecondsPerSecond);
    }

    @Override
    public String toString() {
        return "Skew[" + skewSeconds.length + " channels]";
    }
}
