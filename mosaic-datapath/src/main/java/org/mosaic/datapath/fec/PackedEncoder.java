package org.mosaic.datapath.fec;

/**
 * Word-parallel systematic RS encoder: the n − k parity symbols of the division LFSR held as packed
 * {@code long}s, one table row per feedback symbol.
 *
 * <p><b>Model.</b> The encoder of {@link ReedSolomon#encode} divides m(x)·x^(n−k) by the monic g(x) with the
 * LFSR p ← (p shifted by one symbol) ⊕ f·(g_1 … g_{n−k}), f = s ⊕ p_0, once per message symbol s. Here the
 * register p_0 … p_{n−k−1} is packed ⌊64/m⌋ symbols per {@code long}, p_0 in the high bits of the first word,
 * so one step is a shift of every word by m bits (the top symbol of word w + 1 moving into word w) and an XOR
 * of the precomputed row T[f] = (f·g_1, …, f·g_{n−k}) in the same packing. The arithmetic is exactly that of
 * the symbol-wise LFSR (GF(2^m) addition is XOR on each m-bit field, and no field ever carries into its
 * neighbour), so the parity is identical.
 *
 * <p><b>Scope.</b> The register lives in {@value #WORDS} locals, so the packed form applies when n − k ≤
 * 5·⌊64/m⌋ symbols (30 ten-bit symbols for KP4 and KR4) and the two tables, 2 × 2^m × 5 {@code long}s, are at
 * most {@link #MAX_TABLE_LONGS}; {@link #of} returns null otherwise and the caller keeps its symbol-wise loop.
 *
 * <p><b>Two symbols a step.</b> {@link #parity} advances the register two message symbols s_1, s_2 at a time. With
 * G = (g_1 … g_{n−k}) and shift(·) the register moved up one symbol: one step is p' = shift(p) ⊕ (s_1 ⊕ p_0)·G, the
 * next feeds back s_2 ⊕ p'_0 = s_2 ⊕ p_1 ⊕ (s_1 ⊕ p_0)·g_1, so p'' = shift²(p) ⊕ u_1·(shift(G) ⊕ g_1·G) ⊕ u_2·G with
 * u_1 = s_1 ⊕ p_0 and u_2 = s_2 ⊕ p_1, both read from p before the step: two independent table loads (rows2 and
 * rows) instead of a chain of two, and one double shift instead of two. Same parity (tested against long division).
 * Immutable and shareable between threads.
 */
final class PackedEncoder {
    /** Register words held in locals; rows are padded to this stride. */
    static final int WORDS = 5;
    /** Largest pair of tables, in {@code long}s (4 MiB); GF(2^16) codes do not qualify. */
    static final int MAX_TABLE_LONGS = 1 << 19;

    private final int m;
    private final int nParity;
    private final int perWord;
    /** Bit offset of the top symbol in a word: (perWord − 1)·m. */
    private final int topShift;
    /** The perWord·m bits a word uses. */
    private final long wordMask;
    /** rows[f·WORDS + w]: word w of the packed row (f·g_1, …, f·g_{n−k}); unused words and symbol slots 0. */
    private final long[] rows;
    /** rows2[u·WORDS + w]: the row of a feedback symbol u two steps on, u·(shift(G) ⊕ g_1·G) (see {@link #parity}). */
    private final long[] rows2;

    private PackedEncoder(GaloisField field, int[] generator) {
        this.m = field.m();
        this.nParity = generator.length - 1;
        this.perWord = 64 / m;
        this.topShift = (perWord - 1) * m;
        this.wordMask = perWord * m == 64 ? -1L : (1L << (perWord * m)) - 1;
        int size = field.size();
        this.rows = new long[size * WORDS];
        for (int f = 0; f < size; f++) {
            for (int j = 0; j < nParity; j++) {
                long product = field.mul(f, generator[j + 1]);
                rows[f * WORDS + j / perWord] |= product << ((perWord - 1 - j % perWord) * m);
            }
        }
        this.rows2 = new long[size * WORDS];
        int symbolMask = size - 1;
        for (int u = 0; u < size; u++) { // one more step of the register T[u] with input 0
            int at = u * WORDS;
            int f = (int) (rows[at] >>> topShift) & symbolMask;
            for (int w = 0; w < WORDS; w++) {
                long next = w + 1 < WORDS ? rows[at + w + 1] >>> topShift : 0;
                rows2[at + w] = (((rows[at + w] << m) & wordMask) | next) ^ rows[f * WORDS + w];
            }
        }
    }

    /** The packed encoder for g(x) (coefficients highest power first, monic), or null where it does not apply. */
    static PackedEncoder of(GaloisField field, int[] generator) {
        int perWord = 64 / field.m();
        int words = (generator.length - 1 + perWord - 1) / perWord;
        if (words > WORDS || 2L * field.size() * WORDS > MAX_TABLE_LONGS) {
            return null;
        }
        return new PackedEncoder(field, generator);
    }

    /**
     * Copies message[0 … k−1] (validated m-bit symbols) to codewordOut and writes the parity to codewordOut[k …
     * k + n − k − 1]; the arrays may be the same.
     */
    void encode(int[] message, int k, int[] codewordOut) {
        if (message != codewordOut) {
            System.arraycopy(message, 0, codewordOut, 0, k);
        }
        parity(message, k, codewordOut, k);
    }

    /**
     * The parity of the k symbols word[0 … k−1] (validated m-bit symbols), written to out[offset … offset + n − k −
     * 1]; word is only read (out may be word itself when offset ≥ k). The decoder uses it on a received word: the
     * received parity XOR this parity is the parity part of the received word minus a codeword, whose syndromes are
     * those of the received word.
     */
    void parity(int[] word, int k, int[] out, int offset) {
        long[] t = rows;
        long[] t2 = rows2;
        int shift = m;
        int shift2 = 2 * m;
        int top = topShift;
        int second = top - m;
        int symbolMask = (1 << m) - 1;
        long mask = wordMask;
        long r0 = 0;
        long r1 = 0;
        long r2 = 0;
        long r3 = 0;
        long r4 = 0;
        int i = 0;
        if ((k & 1) != 0) { // one step alone, then two a step
            int row = word[0] * WORDS;
            r0 = t[row];
            r1 = t[row + 1];
            r2 = t[row + 2];
            r3 = t[row + 3];
            r4 = t[row + 4];
            i = 1;
        }
        for (; i < k; i += 2) {
            // p'' = shift²(p) ⊕ T2[s_1 ⊕ p_0] ⊕ T[s_2 ⊕ p_1]: the two lookups are independent
            int a = (word[i] ^ (int) (r0 >>> top)) * WORDS;
            int b = (word[i + 1] ^ ((int) (r0 >>> second) & symbolMask)) * WORDS;
            r0 = (((r0 << shift2) & mask) | (r1 >>> second)) ^ t2[a] ^ t[b];
            r1 = (((r1 << shift2) & mask) | (r2 >>> second)) ^ t2[a + 1] ^ t[b + 1];
            r2 = (((r2 << shift2) & mask) | (r3 >>> second)) ^ t2[a + 2] ^ t[b + 2];
            r3 = (((r3 << shift2) & mask) | (r4 >>> second)) ^ t2[a + 3] ^ t[b + 3];
            r4 = ((r4 << shift2) & mask) ^ t2[a + 4] ^ t[b + 4];
        }
        unpack(r0, r1, r2, r3, r4, out, offset);
    }

    /**
     * Two codewords encoded in one pass: the two division chains are independent, so their table loads overlap
     * (one chain alone waits on each load before the next feedback symbol is known). Each output is exactly that of
     * {@link #encode}; messageA/messageB must be distinct from each other's outputs.
     */
    void encode2(int[] messageA, int[] messageB, int k, int[] outA, int[] outB) {
        if (messageA != outA) {
            System.arraycopy(messageA, 0, outA, 0, k);
        }
        if (messageB != outB) {
            System.arraycopy(messageB, 0, outB, 0, k);
        }
        long[] t = rows;
        int shift = m;
        int top = topShift;
        long mask = wordMask;
        long a0 = 0;
        long a1 = 0;
        long a2 = 0;
        long a3 = 0;
        long a4 = 0;
        long b0 = 0;
        long b1 = 0;
        long b2 = 0;
        long b3 = 0;
        long b4 = 0;
        for (int i = 0; i < k; i++) {
            int ra = (messageA[i] ^ (int) (a0 >>> top)) * WORDS;
            int rb = (messageB[i] ^ (int) (b0 >>> top)) * WORDS;
            a0 = (((a0 << shift) & mask) | (a1 >>> top)) ^ t[ra];
            b0 = (((b0 << shift) & mask) | (b1 >>> top)) ^ t[rb];
            a1 = (((a1 << shift) & mask) | (a2 >>> top)) ^ t[ra + 1];
            b1 = (((b1 << shift) & mask) | (b2 >>> top)) ^ t[rb + 1];
            a2 = (((a2 << shift) & mask) | (a3 >>> top)) ^ t[ra + 2];
            b2 = (((b2 << shift) & mask) | (b3 >>> top)) ^ t[rb + 2];
            a3 = (((a3 << shift) & mask) | (a4 >>> top)) ^ t[ra + 3];
            b3 = (((b3 << shift) & mask) | (b4 >>> top)) ^ t[rb + 3];
            a4 = ((a4 << shift) & mask) ^ t[ra + 4];
            b4 = ((b4 << shift) & mask) ^ t[rb + 4];
        }
        unpack(a0, a1, a2, a3, a4, outA, k);
        unpack(b0, b1, b2, b3, b4, outB, k);
    }

    /** The n − k register symbols, p_0 first, to out[offset …] (no allocation). */
    private void unpack(long r0, long r1, long r2, long r3, long r4, int[] out, int offset) {
        unpack(m, nParity, r0, r1, r2, r3, r4, out, offset);
    }

    /** count m-bit symbols packed ⌊64/m⌋ to a word, slot 0 in the high bits of r0, to out[offset …]. */
    static void unpack(int m, int count, long r0, long r1, long r2, long r3, long r4, int[] out, int offset) {
        int perWord = 64 / m;
        int symbolMask = (1 << m) - 1;
        for (int j = 0; j < count; j++) {
            int w = j / perWord;
            long word = w == 0 ? r0 : w == 1 ? r1 : w == 2 ? r2 : w == 3 ? r3 : r4;
            out[offset + j] = (int) (word >>> ((perWord - 1 - j % perWord) * m)) & symbolMask;
        }
    }
}
