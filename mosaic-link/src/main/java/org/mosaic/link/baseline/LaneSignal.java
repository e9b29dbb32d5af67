package org.mosaic.link.baseline;

import java.util.Locale;

/**
 * The electrical signalling of one host lane: line rate (including FEC overhead) and bits per symbol
 * (1 = NRZ, 2 = PAM4). The Nyquist frequency, half the symbol rate, is the frequency at which channel
 * loss is budgeted ([intel-an846-kp4], [nvidia-800g-specs]): 12.89 GHz for 25.78 Gb/s NRZ, 26.56 GHz for
 * 106.25 Gb/s PAM4, 53.125 GHz for 212.5 Gb/s PAM4.
 *
 * @param name                   e.g. {@code 100G-PAM4}
 * @param lineRateBitsPerSecond  line rate per lane, e.g. 106.25e9
 * @param bitsPerSymbol          1 for NRZ, 2 for PAM4
 */
public record LaneSignal(String name, double lineRateBitsPerSecond, int bitsPerSymbol) {

    public LaneSignal {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("lane name is blank — expected a name such as 100G-PAM4");
        }
        if (!(lineRateBitsPerSecond > 0 && Double.isFinite(lineRateBitsPerSecond))) {
            throw new IllegalArgumentException("lane " + name + ": line rate " + lineRateBitsPerSecond
                    + " b/s — expected a positive finite rate, e.g. 106.25e9");
        }
        if (bitsPerSymbol < 1 || bitsPerSymbol > 4) {
            throw new IllegalArgumentException("lane " + name + ": bitsPerSymbol " + bitsPerSymbol
                    + " — expected 1 (NRZ) to 4 (PAM16)");
        }
    }

    public double symbolRateBaud() {
        return lineRateBitsPerSecond / bitsPerSymbol;
    }

    public double nyquistHz() {
        return symbolRateBaud() / 2;
    }

    /** NRZ, PAM4, PAM8 or PAM16. */
    public String modulation() {
        return bitsPerSymbol == 1 ? "NRZ" : "PAM" + (1 << bitsPerSymbol);
    }

    /** E.g. "106.25 Gb/s PAM4 (53.125 GBd, Nyquist 26.56 GHz)". */
    public String describe() {
        return String.format(Locale.ROOT, "%s Gb/s %s (%s GBd, Nyquist %.2f GHz)", trim(lineRateBitsPerSecond / 1e9),
                modulation(), trim(symbolRateBaud() / 1e9), nyquistHz() / 1e9);
    }

    static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.5f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
