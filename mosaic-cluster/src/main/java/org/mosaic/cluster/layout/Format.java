package org.mosaic.cluster.layout;

import java.math.BigDecimal;
import java.util.Locale;

/** Numbers in messages: four significant digits, no trailing zeros (1.625, 0.4, 120.6, 40). */
final class Format {
    private Format() {
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return new BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }
}
