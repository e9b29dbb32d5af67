package org.mosaic.datapath;

/**
 * The host's Reed–Solomon code: RS(n, k) over GF(2^m) with primitive polynomial {@code primitivePolynomial},
 * correcting t = (n − k)/2 symbol errors. KP4 and KR4 are IEEE 802.3 clause 91/119 codes
 * ([intel-an846-kp4], [ieee-8023], published; the polynomial x^10 + x^3 + 1 is unverified there and
 * corroborated by public implementations).
 */
public record FecSpec(String name, int n, int k, int symbolBits, int primitivePolynomial) {
    /** RS(544,514), t = 15: 100GBASE-KP4 and every 50G/100G-per-lane PAM4 Ethernet PHY ([intel-an846-kp4], [ieee-8023]). */
    public static final FecSpec KP4 = new FecSpec("kp4", 544, 514, 10, 0x409);
    /** RS(528,514), t = 7: 100GBASE-KR4/CR4/SR4, 25GBASE-R ([intel-an846-kp4], [ieee-8023]). */
    public static final FecSpec KR4 = new FecSpec("kr4", 528, 514, 10, 0x409);

    public FecSpec {
        Require.notNull("fec.name", name);
        Require.inRange("fec.symbolBits", symbolBits, 2, 16, "10 for the IEEE 802.3 codes");
        Require.inRange("fec.n", n, 3, (1 << symbolBits) - 1, "a Reed–Solomon codeword has at most 2^m − 1 symbols");
        Require.inRange("fec.k", k, 1, n - 2, "k < n with n − k even (2t parity symbols)");
        if ((n - k) % 2 != 0) {
            throw new IllegalArgumentException("fec n − k = " + (n - k) + " — expected an even number of parity symbols 2t"
                    + " (hint: RS(544,514) has 30)");
        }
        if (primitivePolynomial >>> symbolBits != 1) {
            throw new IllegalArgumentException("fec.primitivePolynomial = 0x" + Integer.toHexString(primitivePolynomial)
                    + " — expected degree " + symbolBits + " (hint: 0x409 = x^10 + x^3 + 1)");
        }
    }

    /** Parses {@code kp4} or {@code kr4}. */
    public static FecSpec named(String name) {
        if ("kp4".equalsIgnoreCase(name) || "RS(544,514)".equalsIgnoreCase(name)) {
            return KP4;
        }
        if ("kr4".equalsIgnoreCase(name) || "RS(528,514)".equalsIgnoreCase(name)) {
            return KR4;
        }
        throw new IllegalArgumentException("fec \"" + name + "\" is unknown — expected kp4 or kr4 (hint: the 800G host uses kp4)");
    }

    public int t() {
        return (n - k) / 2;
    }

    public int codewordBits() {
        return n * symbolBits;
    }

    public int messageBits() {
        return k * symbolBits;
    }

    /** {@code RS(n,k)}. */
    public String label() {
        return "RS(" + n + "," + k + ")";
    }
}
