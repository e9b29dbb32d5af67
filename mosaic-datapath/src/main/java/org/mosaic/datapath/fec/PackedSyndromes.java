package org.mosaic.datapath.fec;

/**
 * The n − k syndromes of a word that is zero outside its last n − k symbols, by two table rows per symbol.
 *
 * <p><b>Model.</b> The decoder reduces a received word to d = (its parity) ⊕ (the parity re-encoded from its message
 * part): the word minus the codeword of its own message symbols, zero outside the parity positions, so with the same
 * syndromes. With d_l the coefficient of x^(n−k−1−l), S_j = Σ_l d_l·α^(j·(n−k−1−l)). For each l the map d_l ↦
 * (d_l·α^(j·(n−k−1−l)))_j is GF(2)-linear in d_l, so it is the XOR of one row for d_l's low ⌊m/2⌋ bits and one for
 * its high bits, the n − k syndromes packed ⌊64/m⌋ to a {@code long} like {@link PackedEncoder}'s register: S is the
 * XOR of 2·(n − k) rows, independent loads (Horner's rule over d is n − k dependent steps for each of n − k roots).
 *
 * <p><b>Scope.</b> Where the syndromes fit the packed register, n − k ≤ 5·⌊64/m⌋ ({@link #of} returns null
 * otherwise). The table is (n − k)·(2^⌊m/2⌋ + 2^⌈m/2⌉)·5 {@code long}s: 19 KB for KP4, at most 400 KB (m = 16, 20
 * symbols). Immutable and shareable between threads.
 */
final class PackedSyndromes {
    static final int WORDS = PackedEncoder.WORDS;

    private final int m;
    private final int nParity;
    private final int perWord;
    private final int lowBits;
    private final int lowMask;
    /** Rows per remainder position: 2^lowBits low rows, then the high rows. */
    private final int rowsPerSymbol;
    /** rows[((l·rowsPerSymbol) + v)·WORDS + w]: word w of the packed syndromes of v's part at x^(n−k−1−l). */
    private final long[] rows;

    private PackedSyndromes(GaloisField field, int nParity) {
        this.m = field.m();
        this.nParity = nParity;
        this.perWord = 64 / m;
        this.lowBits = m / 2;
        this.lowMask = (1 << lowBits) - 1;
        int lowRows = 1 << lowBits;
        this.rowsPerSymbol = lowRows + (1 << (m - lowBits));
        this.rows = new long[nParity * rowsPerSymbol * WORDS];
        int order = field.order();
        int[] powers = new int[nParity];
        for (int l = 0; l < nParity; l++) {
            int e = nParity - 1 - l;
            for (int j = 0; j < nParity; j++) {
                powers[j] = field.exp(j * e % order);
            }
            for (int v = 0; v < rowsPerSymbol; v++) {
                int value = v < lowRows ? v : (v - lowRows) << lowBits;
                int at = (l * rowsPerSymbol + v) * WORDS;
                for (int j = 0; j < nParity; j++) {
                    rows[at + j / perWord] |= (long) field.mul(value, powers[j]) << ((perWord - 1 - j % perWord) * m);
                }
            }
        }
    }

    /** The table for n − k parity symbols over the field, or null where it does not apply. */
    static PackedSyndromes of(GaloisField field, int nParity) {
        int perWord = 64 / field.m();
        if ((nParity + perWord - 1) / perWord > WORDS) {
            return null;
        }
        return new PackedSyndromes(field, nParity);
    }

    /** Writes S_0 … S_(n−k−1) of the word whose last n − k symbols are d[0 … n−k−1] (m-bit symbols) to out. */
    void syndromes(int[] d, int[] out) {
        long s0 = 0;
        long s1 = 0;
        long s2 = 0;
        long s3 = 0;
        long s4 = 0;
        long[] t = rows;
        int low = lowMask;
        int bits = lowBits;
        int lowRows = 1 << bits;
        for (int l = 0, base = 0; l < nParity; l++, base += rowsPerSymbol) {
            int v = d[l];
            int x = (base + (v & low)) * WORDS;
            int y = (base + lowRows + (v >>> bits)) * WORDS;
            s0 ^= t[x] ^ t[y];
            s1 ^= t[x + 1] ^ t[y + 1];
            s2 ^= t[x + 2] ^ t[y + 2];
            s3 ^= t[x + 3] ^ t[y + 3];
            s4 ^= t[x + 4] ^ t[y + 4];
        }
        PackedEncoder.unpack(m, nParity, s0, s1, s2, s3, s4, out, 0);
    }
}
