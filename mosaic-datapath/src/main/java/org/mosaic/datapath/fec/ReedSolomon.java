package org.mosaic.datapath.fec;

import java.util.Arrays;
import org.mosaic.core.parallel.Memo;

/**
 * A systematic Reed–Solomon code RS(n, k) over GF(2^m) with a bounded-distance hard-decision decoder.
 *
 * <p><b>Code.</b> n − k parity symbols, t = ⌊(n − k)/2⌋ correctable symbol errors, minimum distance n − k + 1.
 * Generator g(x) = Π_{j=0}^{n−k−1} (x − α^j): first consecutive root α^0, as in IEEE 802.3 Clauses 91 and 119
 * ([intel-an846-kp4], [ieee-8023]). n may be less than 2^m − 1 (a shortened code: the
 * missing leading message symbols are zero). A codeword is c(x) = m(x)·x^(n−k) + (m(x)·x^(n−k) mod g(x)).
 *
 * <p><b>Symbol order.</b> Index 0 is the first transmitted symbol and the coefficient of x^(n−1). The message
 * occupies indices 0 … k−1 unchanged; parity occupies k … n−1 (coefficients of x^(n−k−1) … x^0).
 *
 * <p><b>Encoder.</b> The division LFSR by g(x), one step per message symbol; where n − k ≤ 5·⌊64/m⌋ and 2^m·5
 * {@code long}s fit the table bound (KP4, KR4 and every field up to GF(2^15)), the register is packed into five
 * {@code long}s with one precomputed row per feedback symbol (package-private {@code PackedEncoder}), otherwise
 * it runs symbol by symbol through the log/antilog tables. Both give the same parity.
 *
 * <p><b>Decoder.</b> Syndromes S_j = r(α^j), j = 0 … n−k−1. Where the packed encoder applies, the received message
 * part is re-encoded (one division pass, two symbols a step) and its parity XORed with the received parity: zero
 * means a codeword (exit as CLEAN); otherwise that (n − k)-symbol difference has the word's syndromes (the word minus
 * a codeword), read from a table of packed syndrome rows, two rows a symbol (package-private {@code PackedSyndromes}).
 * Elsewhere Horner's rule runs over the word with a per-root multiplication table x ↦ x·α^j, eight roots per pass
 * (branch-free log/antilog tables when the table would be too large). Then Berlekamp–Massey for the error locator
 * Λ(x) of linear complexity L; for L = 1 the root directly (X = Λ_1); for L ≥ 2 the Chien search over the n
 * positions of the (shortened) code only, four positions a table load, in blocks, dividing found roots out of the
 * locator once at most {@link #DEFLATE_AT} are left and taking the last root from Λ_1 = ΣX_j; if a quarter of the
 * positions held no root, a split test (Λ divides x^(2^m) − x, by m squarings modulo Λ) decides before the rest of
 * the walk. Forney's formula gives the magnitudes (with first root α^0: Y = X·Ω(X⁻¹)/Λ'(X⁻¹)). A word is declared
 * UNCORRECTABLE when L &gt; t, when deg Λ ≠ L, when Λ does not have L distinct roots in the field, or when the Chien
 * search finds fewer than L roots among the n positions (a root outside the shortened range counts as missing) — the
 * standard detection checks, in a cheaper order with the same outcome (in checking mode the split test, the direct
 * root and the block search are re-checked by the full walk). Anything else is CORRECTED; if more than t errors
 * occurred that correction may be a miscorrection, which only a caller that knows the truth can tell
 * ({@link DecodeResult#matches}).
 *
 * <p><b>Error-event path.</b> {@link #decodeErrorPattern} decodes codeword + e from e alone: the syndromes of
 * the received word depend only on the error pattern, so the engine never builds the n-symbol word.
 *
 * <p><b>Threads and allocation.</b> A {@code ReedSolomon} is immutable and shareable. Decoding needs scratch
 * space, held by a {@link Decoder}: one per thread, from {@link #newDecoder()}, or implicitly (a thread-local
 * decoder) through the convenience methods {@link #decode} and {@link #decodeErrorPattern}. Nothing of size n is
 * allocated per decode; a CORRECTED result allocates two arrays of ≤ t entries, CLEAN and UNCORRECTABLE results
 * are shared constants.
 *
 * <p><b>Checking mode.</b> Over a {@link GaloisField#checking() checking} field, the small-degree algebra
 * (Berlekamp–Massey, Forney) goes through the checked field operations, and every encoded codeword and every
 * CLEAN or CORRECTED decode is re-verified with naive arithmetic (all syndromes of the output zero; for the
 * error-event path, the found pattern has the same syndromes as the true one). Mismatches throw
 * {@link IllegalStateException}.
 */
public final class ReedSolomon {

    private static final ReedSolomon KP4 = new ReedSolomon(GaloisField.gf1024(), 544, 514);
    private static final ReedSolomon KR4 = new ReedSolomon(GaloisField.gf1024(), 528, 514);

    private final GaloisField field;
    private final int n;
    private final int k;
    private final int nParity;
    private final int t;
    /** g(x) coefficients, highest power first: generator[0] = 1 (monic), generator[n−k] = constant term. */
    private final int[] generator;
    /** zlog of generator[1 … n−k] (index 0 unused), for the branch-free encoder. */
    private final int[] generatorZlog;
    /** The word-parallel encoder, or null where the packed register does not apply (then the symbol-wise LFSR). */
    private final PackedEncoder packedEncoder;
    /** The decoder's syndromes by two division chains and syndrome tables, or null where they do not apply. */
    private final PackedSyndromes packedSyndromes;
    /**
     * alphaMul[j·2^m + x] = x·α^j for 0 ≤ j &lt; {@link #alphaRoots}: one table lookup per Horner step of the syndromes and per
     * Chien step. Null when it would exceed {@link #MAX_ALPHA_TABLE} entries (large fields with many parity
     * symbols); the decoder then multiplies through the log/antilog tables instead.
     */
    private final char[] alphaMul;
    /**
     * Rows of {@link #alphaMul}: n − k rounded up to a multiple of 8, so that every root goes through the
     * eight-roots-per-pass Horner loop (the padding rows, j ≥ n − k, are computed and discarded).
     */
    private final int alphaRoots;
    /**
     * The four-lane Chien table: for slot s (term power i = s + 1) and index e &lt; {@link #laneStride},
     * chienLanes[s·laneStride + e] holds v(e), v(e + i), v(e + 2i), v(e + 3i) in its four 16-bit lanes, lowest first,
     * where v(x) = α^(x mod (2^m − 1)) below {@link #chienZero} and 0 from there on: one load gives a term's values at
     * four consecutive positions. Null when it would exceed {@link #MAX_LANE_TABLE} entries or m &gt; 16 (the search
     * then walks the per-root table or the log tables).
     */
    private final long[] chienLanes;
    /** Entries per slot of {@link #chienLanes}. */
    private final int laneStride;
    /** Positions per block of the deflating Chien search: {@link #CHIEN_BLOCK}, less where t·block would reach 2^m − 1. */
    private final int chienBlock;
    /**
     * Start of the lanes' zero tail, 2^m − 1 + t·chienBlock: above every exponent a nonzero term reaches in a block
     * (each block starts it below 2^m − 1); zero coefficients and padding slots start there.
     */
    private final int chienZero;
    private final ThreadLocal<Decoder> localDecoder;

    /**
     * Positions per block of the deflating Chien search (a speed choice, not a model number, measured best of 16, 32 and
     * 64 for RS(544,514)): small enough that the locator sheds found roots soon, large enough that a block's setup is
     * small next to its walk; at most
     * (2^m − 1 − 1)/t so a term's exponent leaves [0, 2^m − 1) by less than one period per block (lowered per code).
     */
    static final int CHIEN_BLOCK = 64;

    /**
     * The deflating Chien search divides its polynomial by each root found once at most this many roots are left (a
     * speed choice, not a model number, measured best of 0, 8 and 12 for RS(544,514)): the walk pays one table load per
     * term and four positions, its terms padded to a multiple of four, so each group of four roots found saves a load
     * per four positions, for one synthetic division (L dependent multiply-adds) and a term setup per root.
     */
    static final int DEFLATE_AT = 8;

    /** Largest per-root multiplication table, in entries (2 bytes each): 8 MiB. */
    static final int MAX_ALPHA_TABLE = 1 << 22;

    /** Largest four-lane Chien table, in entries (8 bytes each): 8 MiB. */
    static final int MAX_LANE_TABLE = 1 << 20;

    /** 1 in each 16-bit lane (Q_0 = 1 at four positions), and each lane's top bit (the zero-lane test). */
    private static final long LANE_ONES = 0x0001_0001_0001_0001L;
    private static final long LANE_TOPS = 0x8000_8000_8000_8000L;

    private ReedSolomon(GaloisField field, int n, int k) {
        this.field = field;
        this.n = n;
        this.k = k;
        this.nParity = n - k;
        this.t = nParity / 2;
        this.generator = generatorPolynomial(field, nParity);
        int[] zlog = field.zlogTable();
        this.generatorZlog = new int[nParity + 1];
        for (int j = 1; j <= nParity; j++) {
            generatorZlog[j] = zlog[generator[j]];
        }
        this.packedEncoder = PackedEncoder.of(field, generator);
        this.packedSyndromes = packedEncoder == null ? null : PackedSyndromes.of(field, nParity);
        this.alphaRoots = (nParity + 7) / 8 * 8;
        this.alphaMul = (long) alphaRoots * field.size() <= MAX_ALPHA_TABLE
                ? alphaMultiplicationTable(field, alphaRoots) : null;
        this.chienBlock = Math.max(1, Math.min(CHIEN_BLOCK, (field.order() - 1) / Math.max(1, t)));
        this.chienZero = field.order() + t * chienBlock;
        int slots = (t + 3) & ~3;
        // a padding slot advances by at most 4·slots per step over ⌈block/4⌉ steps, and its lanes reach 3·slots further
        long stride = (long) chienZero + (long) slots * 4 * ((chienBlock + 3) / 4) + 3L * slots + 1;
        this.laneStride = (int) Math.min(stride, Integer.MAX_VALUE);
        this.chienLanes = stride * slots <= MAX_LANE_TABLE && field.m() <= 16
                ? chienLaneTable(field, chienZero, laneStride, slots) : null;
        this.localDecoder = ThreadLocal.withInitial(this::newDecoder);
    }

    private static long[] chienLaneTable(GaloisField f, int zeroBase, int stride, int slots) {
        long[] table = new long[stride * slots];
        int order = f.order();
        for (int slot = 0; slot < slots; slot++) {
            int power = slot + 1;
            for (int e = 0; e < stride; e++) {
                long lanes = 0;
                for (int k = 0; k < 4; k++) {
                    long x = e + (long) k * power;
                    lanes |= (x < zeroBase ? (long) f.exp((int) (x % order)) : 0L) << (16 * k);
                }
                table[slot * stride + e] = lanes;
            }
        }
        return table;
    }

    private static char[] alphaMultiplicationTable(GaloisField f, int roots) {
        int size = f.size();
        int[] zexp = f.zexpTable();
        int[] zlog = f.zlogTable();
        char[] table = new char[roots * size];
        for (int j = 0; j < roots; j++) {
            for (int x = 0; x < size; x++) {
                table[j * size + x] = (char) zexp[zlog[x] + j % f.order()];
            }
        }
        return table;
    }

    /** RS(544,514) "KP4" over GF(2^10), p(x) = x^10 + x^3 + 1, t = 15 ([intel-an846-kp4], [ieee-8023]). */
    public static ReedSolomon kp4() {
        return KP4;
    }

    /** RS(528,514) "KR4" over GF(2^10), p(x) = x^10 + x^3 + 1, t = 7 ([intel-an846-kp4], [ieee-8023]). */
    public static ReedSolomon kr4() {
        return KR4;
    }

    /**
     * RS(n, k) over the given field.
     *
     * @throws IllegalArgumentException unless 1 ≤ k &lt; n ≤ 2^m − 1
     */
    public static ReedSolomon of(GaloisField field, int n, int k) {
        if (field == null) {
            throw new IllegalArgumentException("field is null; hint: GaloisField.gf1024() for the IEEE 802.3 codes");
        }
        if (n < 2 || n > field.order()) {
            throw new IllegalArgumentException("code length n = " + n + " symbols is not in 2 … 2^" + field.m()
                    + " − 1 = " + field.order() + " (the longest RS code over GF(2^" + field.m() + ")); hint: use a"
                    + " larger field or a shorter code");
        }
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("message length k = " + k + " symbols is not in 1 … n − 1 = "
                    + (n - 1) + " (n = " + n + "); hint: KP4 is n = 544, k = 514");
        }
        return BUILT.get(new Shape(field, n, k), s -> new ReedSolomon(s.field(), s.n(), s.k()));
    }

    /** A code's key: the field (value-equal: m, polynomial, checking) and the lengths. */
    private record Shape(GaloisField field, int n, int k) {
    }

    /**
     * The last codes built: a code is immutable and thread-safe, and its tables (≈ 0.4 MB for KP4) take milliseconds to
     * build, which every emulation context would otherwise pay again.
     */
    private static final Memo<Shape, ReedSolomon> BUILT = new Memo<>(8);

    /** g(x) = Π_{j=0}^{r−1} (x − α^j), coefficients highest power first (length r + 1, leading 1). */
    private static int[] generatorPolynomial(GaloisField f, int r) {
        int[] g = new int[r + 1];
        g[0] = 1;
        for (int j = 0; j < r; j++) {
            int root = f.exp(j);
            // multiply the degree-j polynomial g[0..j] by (x + root): new[i] = g[i] + root·g[i−1]
            for (int i = j + 1; i >= 1; i--) {
                g[i] = g[i] ^ f.mul(root, g[i - 1]);
            }
        }
        return g;
    }

    /** Code length in symbols. */
    public int n() {
        return n;
    }

    /** Message length in symbols. */
    public int k() {
        return k;
    }

    /** Number of correctable symbol errors, ⌊(n − k)/2⌋. */
    public int t() {
        return t;
    }

    /** Number of parity symbols, n − k. */
    public int parityCount() {
        return nParity;
    }

    /** Bits per symbol, m. */
    public int symbolBits() {
        return field.m();
    }

    public GaloisField field() {
        return field;
    }

    /** The generator polynomial's coefficients, highest power first (a copy; element 0 is 1). */
    public int[] generatorPolynomial() {
        return generator.clone();
    }

    /** This code over the checking version of its field (see the class comment). */
    public ReedSolomon checking() {
        return field.isChecking() ? this : of(field.checking(), n, k);
    }

    // ---------------------------------------------------------------- encoder

    /**
     * Systematic encoding: codewordOut[0 … k−1] = message, codewordOut[k … n−1] = parity. The two arrays may be
     * the same array (of length n, message in its first k entries).
     */
    public void encode(int[] message, int[] codewordOut) {
        if (message == null || message.length != k && !(message == codewordOut && message.length == n)) {
            throw new IllegalArgumentException("message has " + (message == null ? "no" : message.length)
                    + " symbols; expected k = " + k + " for " + this);
        }
        if (codewordOut == null || codewordOut.length != n) {
            throw new IllegalArgumentException("codeword buffer has " + (codewordOut == null ? "no" : codewordOut.length)
                    + " symbols; expected n = " + n + " for " + this);
        }
        requireSymbols(message, k, "message");
        if (packedEncoder != null) {
            packedEncoder.encode(message, k, codewordOut);
        } else {
            encodeSymbolwise(message, codewordOut);
        }
        if (field.isChecking()) {
            verifyCodewordNaive(codewordOut, "encoder output");
        }
    }

    /**
     * Two systematic encodings at once (the two division chains interleaved so their table loads overlap); each
     * output is exactly {@link #encode(int[], int[])} of its message. The four arrays must be distinct.
     */
    public void encode2(int[] messageA, int[] messageB, int[] codewordA, int[] codewordB) {
        if (packedEncoder == null || messageA == null || messageB == null || codewordA == null || codewordB == null
                || messageA.length != k || messageB.length != k || codewordA.length != n || codewordB.length != n
                || messageA == messageB || codewordA == codewordB || messageA == codewordB || messageB == codewordA) {
            encode(messageA, codewordA);
            encode(messageB, codewordB);
            return;
        }
        requireSymbols(messageA, k, "message");
        requireSymbols(messageB, k, "message");
        packedEncoder.encode2(messageA, messageB, k, codewordA, codewordB);
        if (field.isChecking()) {
            verifyCodewordNaive(codewordA, "encoder output");
            verifyCodewordNaive(codewordB, "encoder output");
        }
    }

    /** The division LFSR one symbol at a time through the log/antilog tables (codes the packed encoder skips). */
    private void encodeSymbolwise(int[] message, int[] codewordOut) {
        int[] zexp = field.zexpTable();
        int[] zlog = field.zlogTable();
        int[] glog = generatorZlog;
        int last = n - 1;
        Arrays.fill(codewordOut, k, n, 0);
        for (int i = 0; i < k; i++) {
            int s = message[i];
            codewordOut[i] = s;
            int lf = zlog[s ^ codewordOut[k]];
            for (int j = k, g = 1; j < last; j++, g++) {
                codewordOut[j] = codewordOut[j + 1] ^ zexp[lf + glog[g]];
            }
            codewordOut[last] = zexp[lf + glog[nParity]];
        }
    }

    /** Systematic encoding into a new array of n symbols. */
    public int[] encode(int[] message) {
        int[] c = new int[n];
        encode(message, c);
        return c;
    }

    /** Whether all n − k syndromes of the word are zero. */
    public boolean isCodeword(int[] word) {
        return localDecoder.get().isCodeword(word);
    }

    // ---------------------------------------------------------------- decoder entry points

    /** A new decoder with its own scratch space; use one per thread. */
    public Decoder newDecoder() {
        return new Decoder();
    }

    /** Decodes {@code word} in place with this thread's decoder; see {@link Decoder#decode}. */
    public DecodeResult decode(int[] word) {
        return localDecoder.get().decode(word);
    }

    /** Decodes codeword + e from the error pattern e with this thread's decoder; see {@link Decoder#decodeErrorPattern}. */
    public DecodeResult decodeErrorPattern(int[] positions, int[] values, int count) {
        return localDecoder.get().decodeErrorPattern(positions, values, count);
    }

    private void requireSymbols(int[] symbols, int length, String what) {
        int or = 0;
        for (int i = 0; i < length; i++) {
            or |= symbols[i];
        }
        if ((or >>> field.m()) != 0) {
            for (int i = 0; i < length; i++) {
                if ((symbols[i] >>> field.m()) != 0) {
                    throw new IllegalArgumentException(what + " symbol " + i + " = " + symbols[i] + " is not a "
                            + field.m() + "-bit symbol (expected 0 … " + field.order() + ")");
                }
            }
        }
    }

    /** Naive-arithmetic syndromes r(α^j) of a full word (checking mode and its tests). */
    private int[] naiveSyndromes(int[] word) {
        int[] s = new int[nParity];
        int alphaJ = 1;
        for (int j = 0; j < nParity; j++) {
            int acc = 0;
            for (int i = 0; i < n; i++) {
                acc = field.mulNaive(acc, alphaJ) ^ word[i];
            }
            s[j] = acc;
            alphaJ = field.mulNaive(alphaJ, 2);
        }
        return s;
    }

    /** Naive syndromes Σ_e v_e·α^(j·(n−1−p_e)) of a sparse pattern. */
    private int[] naiveSyndromes(int[] positions, int[] values, int count) {
        int[] s = new int[nParity];
        for (int e = 0; e < count; e++) {
            int x = 1; // α^(n−1−p) by repeated multiplication by α
            for (int i = 0; i < n - 1 - positions[e]; i++) {
                x = field.mulNaive(x, 2);
            }
            int term = values[e];
            for (int j = 0; j < nParity; j++) {
                s[j] ^= term;
                term = field.mulNaive(term, x);
            }
        }
        return s;
    }

    private void verifyCodewordNaive(int[] word, String what) {
        int[] s = naiveSyndromes(word);
        for (int j = 0; j < nParity; j++) {
            if (s[j] != 0) {
                throw new IllegalStateException(this + ": " + what + " is not a codeword by naive arithmetic (S_" + j
                        + " = " + s[j] + ")");
            }
        }
    }

    @Override
    public String toString() {
        return "RS(" + n + "," + k + ") over " + field;
    }

    /**
     * Scratch space and the decoding algorithm for one thread. Not thread-safe; reusable for any number of
     * words of its code.
     */
    public final class Decoder {
        private final int[] zexp = field.zexpTable();
        private final int[] zlog = field.zlogTable();
        private final int order = field.order();
        private final boolean checking = field.isChecking();
        private final int[] syn = new int[nParity];
        private final int[] lambda = new int[nParity + 1];
        private final int[] prev = new int[nParity + 1];
        private final int[] tmp = new int[nParity + 1];
        private final int[] omega = new int[nParity + 1];
        private final int[] chienTerm = new int[nParity + 1];
        private final int[] chienStep = new int[nParity + 1];
        private final int[] errPos = new int[t + 1];
        private final int[] errVal = new int[t + 1];
        /** The received word's parity part XOR the parity recomputed from its message part (clean test). */
        private final int[] parityDiff = new int[nParity];
        /** The monic locator's coefficient logs and the polynomial being squared (split test before Chien). */
        private final int[] monicLog = new int[nParity + 1];
        private final int[] power = new int[2 * nParity + 1];
        /**
         * Split test: the logs of x^d mod Λ for the even d = 2i ≥ L it needs (row i − ⌈L/2⌉, {@code nParity + 1}
         * entries a row), the values of x^d mod Λ as they are built, and the logs of the squared coefficients.
         */
        private final int[] rowLog = new int[(t + 1) * (nParity + 1)];
        private final int[] rowValue = new int[nParity + 1];
        private final int[] squareLog = new int[nParity + 1];
        /** Berlekamp–Massey and Forney on logarithms: log S_j, log Λ_i, log B_i (before the last length change), log Ω_i. */
        private final int[] synLog = new int[nParity];
        private final int[] lambdaLog = new int[nParity + 1];
        private final int[] prevLog = new int[nParity + 1];
        private final int[] tmpLog = new int[nParity + 1];
        private final int[] omegaLog = new int[nParity + 1];
        /** Chien search: Q(X⁻¹) at each position of a block, accumulated eight terms per pass. */
        private final long[] chienSum = new long[(CHIEN_BLOCK + 3) / 4];
        /** Deflating Chien search: the locator as it loses its roots, and its terms' exponents and steps (padded to 8). */
        private final int[] deflated = new int[Math.max(nParity, (t + 3) & ~3) + 1];
        /** {@link #decodeBits}: the unpacked received word. */
        private final int[] bitsWord = new int[n];
        private final int[] blockExp = new int[(t + 3) & ~3];
        /** stamp[p] == stampGeneration when position p was already seen in the current error pattern. */
        private final int[] stamp = new int[n];
        private int stampGeneration;

        private Decoder() {
        }

        /** The code this decoder decodes. */
        public ReedSolomon code() {
            return ReedSolomon.this;
        }

        /**
         * Decodes a received word of n symbols, correcting it in place when CORRECTED; a CLEAN or UNCORRECTABLE
         * word is left unchanged.
         */
        public DecodeResult decode(int[] word) {
            if (word == null || word.length != n) {
                throw new IllegalArgumentException("received word has " + (word == null ? "no" : word.length)
                        + " symbols; expected n = " + n + " for " + ReedSolomon.this);
            }
            requireSymbols(word, n, "received word");
            if (wordSyndromes(word)) {
                return DecodeResult.clean();
            }
            int count = locateAndEvaluate();
            if (count < 0) {
                return DecodeResult.uncorrectable();
            }
            for (int e = 0; e < count; e++) {
                word[errPos[e]] ^= errVal[e];
            }
            if (checking) {
                verifyCodewordNaive(word, "corrected word");
            }
            return corrected(count);
        }

        /**
         * Decodes a received word given as packed bits and writes its message as packed bits ("bits to bits", as
         * AFF3CT's decoders are timed): symbol i is bits m·i … m·i + m − 1 of {@code received}, least significant
         * first, where bit b is bit b mod 64 of {@code received[b / 64]}; the k message symbols — corrected when
         * CORRECTED, as received otherwise — go into {@code messageOut} the same way, its other bits cleared. Bits of
         * {@code received} beyond n·m are ignored. Same result as unpacking, {@link #decode} and packing.
         */
        public DecodeResult decodeBits(long[] received, long[] messageOut) {
            int m = field.m();
            int inWords = (n * m + 63) >>> 6;
            int outWords = (k * m + 63) >>> 6;
            if (received == null || received.length < inWords) {
                throw new IllegalArgumentException("received bits: " + (received == null ? "none" : received.length
                        + " longs") + "; expected at least " + inWords + " longs (n·m = " + n * m + " bits) for "
                        + ReedSolomon.this);
            }
            if (messageOut == null || messageOut.length < outWords) {
                throw new IllegalArgumentException("message buffer: " + (messageOut == null ? "none" : messageOut.length
                        + " longs") + "; expected at least " + outWords + " longs (k·m = " + k * m + " bits) for "
                        + ReedSolomon.this);
            }
            int[] word = bitsWord;
            int mask = (1 << m) - 1;
            long acc = 0;
            int have = 0; // valid low bits of acc
            int w = 0;
            for (int i = 0; i < n; i++) {
                if (have >= m) {
                    word[i] = (int) acc & mask;
                    acc >>>= m;
                    have -= m;
                } else {
                    long next = received[w++];
                    word[i] = (int) (acc | next << have) & mask;
                    acc = next >>> (m - have);
                    have = 64 - (m - have);
                }
            }
            DecodeResult r;
            if (wordSyndromes(word)) {
                r = DecodeResult.clean();
            } else {
                int count = locateAndEvaluate();
                if (count < 0) {
                    r = DecodeResult.uncorrectable();
                } else {
                    for (int e = 0; e < count; e++) {
                        word[errPos[e]] ^= errVal[e];
                    }
                    if (checking) {
                        verifyCodewordNaive(word, "corrected word");
                    }
                    r = corrected(count);
                }
            }
            Arrays.fill(messageOut, 0);
            int bits = 0;
            w = 0;
            acc = 0;
            for (int i = 0; i < k; i++) {
                long v = word[i];
                acc |= v << bits;
                bits += m;
                if (bits >= 64) {
                    messageOut[w++] = acc;
                    bits -= 64;
                    acc = bits == 0 ? 0 : v >>> (m - bits);
                }
            }
            if (bits > 0) {
                messageOut[w] = acc;
            }
            return r;
        }

        /**
         * Decodes the word codeword + e where e has nonzero value {@code values[i]} at symbol index
         * {@code positions[i]} for i &lt; count, and zero elsewhere. The syndromes come from e alone.
         *
         * @throws IllegalArgumentException if a position is outside 0 … n−1 or repeated, or a value is 0 or not a
         *                                  symbol
         */
        public DecodeResult decodeErrorPattern(int[] positions, int[] values, int count) {
            patternSyndromes(positions, values, count);
            if (count == 0 || allZero()) {
                if (checking && count > 0) {
                    verifySameSyndromes(positions, values, count, new int[0], new int[0], 0);
                }
                return DecodeResult.clean();
            }
            int found = locateAndEvaluate();
            if (found < 0) {
                return DecodeResult.uncorrectable();
            }
            if (checking) {
                verifySameSyndromes(positions, values, count, errPos, errVal, found);
            }
            return corrected(found);
        }

        /** Whether all syndromes of the word are zero (the word is a codeword). */
        public boolean isCodeword(int[] word) {
            if (word == null || word.length != n) {
                throw new IllegalArgumentException("word has " + (word == null ? "no" : word.length)
                        + " symbols; expected n = " + n + " for " + ReedSolomon.this);
            }
            requireSymbols(word, n, "word");
            return wordSyndromes(word);
        }

        private DecodeResult corrected(int count) {
            return new DecodeResult(DecodeResult.Status.CORRECTED, count, Arrays.copyOf(errPos, count),
                    Arrays.copyOf(errVal, count));
        }

        /**
         * Fills syn with r(α^j) and returns true if all are zero. Where the packed encoder applies, the parity of
         * the received message part is recomputed (one division pass) and XORed with the received parity: r minus
         * the codeword of its own message symbols is zero outside the parity positions, so it is zero (CLEAN) exactly
         * when r is a codeword, and otherwise its n − k symbols give the same syndromes as r at a 1/(k/(n−k) + 1)
         * of the Horner work. Elsewhere Horner's rule runs over all n symbols.
         */
        private boolean wordSyndromes(int[] r) {
            if (packedEncoder != null) {
                int[] d = parityDiff;
                packedEncoder.parity(r, k, d, 0);
                int or = 0;
                for (int j = 0; j < nParity; j++) {
                    int x = d[j] ^ r[k + j];
                    d[j] = x;
                    or |= x;
                }
                if (or == 0) {
                    Arrays.fill(syn, 0);
                } else if (packedSyndromes != null) {
                    packedSyndromes.syndromes(d, syn);
                } else {
                    horner(d, nParity);
                }
            } else {
                horner(r, n);
            }
            if (checking) {
                int[] naive = naiveSyndromes(r);
                if (!Arrays.equals(naive, syn)) {
                    throw new IllegalStateException(ReedSolomon.this + ": table syndromes " + Arrays.toString(syn)
                            + " differ from naive " + Arrays.toString(naive));
                }
            }
            return allZero();
        }

        /**
         * Fills syn with Σ_i r_i·α^(j·(len−1−i)), i &lt; len (the syndromes of a word whose last len symbols are
         * r[0 … len−1] and whose others are zero) by Horner's rule, all roots advanced together (their chains are
         * independent, so the CPU overlaps them).
         */
        private void horner(int[] r, int len) {
            int[] s = syn;
            char[] tab = alphaMul;
            if (tab != null) {
                int size = field.size();
                for (int j = 0; j < alphaRoots; j += 8) { // eight roots per pass, held in registers; every root
                    int b0 = j * size;
                    int b1 = b0 + size;
                    int b2 = b1 + size;
                    int b3 = b2 + size;
                    int b4 = b3 + size;
                    int b5 = b4 + size;
                    int b6 = b5 + size;
                    int b7 = b6 + size;
                    int s0 = 0;
                    int s1 = 0;
                    int s2 = 0;
                    int s3 = 0;
                    int s4 = 0;
                    int s5 = 0;
                    int s6 = 0;
                    int s7 = 0;
                    for (int i = 0; i < len; i++) {
                        int ri = r[i];
                        s0 = tab[b0 + s0] ^ ri;
                        s1 = tab[b1 + s1] ^ ri;
                        s2 = tab[b2 + s2] ^ ri;
                        s3 = tab[b3 + s3] ^ ri;
                        s4 = tab[b4 + s4] ^ ri;
                        s5 = tab[b5 + s5] ^ ri;
                        s6 = tab[b6 + s6] ^ ri;
                        s7 = tab[b7 + s7] ^ ri;
                    }
                    int rest = nParity - j; // the padding roots (j ≥ n − k) are discarded
                    s[j] = s0;
                    if (rest > 1) {
                        s[j + 1] = s1;
                    }
                    if (rest > 2) {
                        s[j + 2] = s2;
                    }
                    if (rest > 3) {
                        s[j + 3] = s3;
                    }
                    if (rest > 4) {
                        s[j + 4] = s4;
                    }
                    if (rest > 5) {
                        s[j + 5] = s5;
                    }
                    if (rest > 6) {
                        s[j + 6] = s6;
                    }
                    if (rest > 7) {
                        s[j + 7] = s7;
                    }
                }
            } else {
                Arrays.fill(s, 0);
                int[] zx = zexp;
                int[] zl = zlog;
                for (int i = 0; i < len; i++) {
                    int ri = r[i];
                    for (int j = 0; j < nParity; j++) {
                        s[j] = zx[zl[s[j]] + j] ^ ri;
                    }
                }
            }
        }

        /** Fills syn with Σ_e v_e·α^(j·(n−1−p_e)) after validating the pattern. */
        private void patternSyndromes(int[] positions, int[] values, int count) {
            if (positions == null || values == null || count < 0 || count > positions.length
                    || count > values.length) {
                throw new IllegalArgumentException("error pattern of count = " + count + " with "
                        + (positions == null ? "no" : positions.length) + " positions and "
                        + (values == null ? "no" : values.length) + " values; expected 0 ≤ count ≤ both lengths");
            }
            if (++stampGeneration == 0) { // wrapped after 2^32 patterns: restart the stamps
                Arrays.fill(stamp, 0);
                stampGeneration = 1;
            }
            Arrays.fill(syn, 0);
            int[] zx = zexp;
            for (int e = 0; e < count; e++) {
                int p = positions[e];
                int v = values[e];
                if (p < 0 || p >= n) {
                    throw new IllegalArgumentException("error position " + p + " (entry " + e + ") is outside the "
                            + "code's symbol indices 0 … " + (n - 1));
                }
                if (stamp[p] == stampGeneration) {
                    throw new IllegalArgumentException("error position " + p + " appears twice in the pattern "
                            + "(entry " + e + "); expected distinct positions — add the magnitudes instead");
                }
                stamp[p] = stampGeneration;
                if (v == 0 || (v >>> field.m()) != 0) {
                    throw new IllegalArgumentException("error value " + v + " at position " + p + " (entry " + e
                            + ") is not a nonzero " + field.m() + "-bit symbol (expected 1 … " + order + ")");
                }
                int loc = n - 1 - p;
                int a = zlog[v];
                for (int j = 0; j < nParity; j++) {
                    syn[j] ^= zx[a];
                    a += loc;
                    if (a >= order) {
                        a -= order;
                    }
                }
            }
        }

        private boolean allZero() {
            int or = 0;
            for (int j = 0; j < nParity; j++) {
                or |= syn[j];
            }
            return or == 0;
        }

        private int mul(int a, int b) {
            return checking ? field.mul(a, b) : zexp[zlog[a] + zlog[b]];
        }

        /**
         * Berlekamp–Massey, Chien search and Forney on the syndromes in syn. Fills errPos (ascending) and errVal
         * and returns the number of errors, or −1 when the word is detected uncorrectable.
         */
        private int locateAndEvaluate() {
            int length = checking ? berlekampMasseyChecked() : berlekampMasseyLogs();
            return length < 0 ? -1 : locate(length);
        }

        /**
         * Berlekamp–Massey on logarithms (the fast path's {@link #berlekampMasseyChecked}, same Λ and L): the
         * syndromes' logs are taken once, Λ's and B's are kept next to their values, so a discrepancy term or an
         * update term is one antilog load (zero coefficients carry the log sentinel, whose sums index zeros) instead
         * of a multiplication's three loads; only the coefficients an update changes get their log again. Returns L,
         * or −1 when L &gt; t.
         */
        private int berlekampMasseyLogs() {
            int[] zx = zexp;
            int[] zl = zlog;
            int[] lam = lambda;
            int[] ll = lambdaLog;
            int[] bl = prevLog;
            int[] sl = synLog;
            int zeroLog = zl[0];
            for (int j = 0; j < nParity; j++) {
                sl[j] = zl[syn[j]];
            }
            Arrays.fill(lam, 0);
            Arrays.fill(ll, zeroLog);
            Arrays.fill(bl, zeroLog);
            lam[0] = 1;
            ll[0] = 0;
            bl[0] = 0;
            int length = 0;
            int bLength = 0;
            int shift = 1;
            int prevDiscrepancyLog = 0; // log 1
            for (int r = 0; r < nParity; r++) {
                int d = syn[r];
                for (int i = 1; i <= length; i++) {
                    d ^= zx[ll[i] + sl[r - i]];
                }
                if (d == 0) {
                    shift++;
                    continue;
                }
                int dl = zl[d];
                int cl = dl - prevDiscrepancyLog; // log(d / previous discrepancy), in [0, order)
                if (cl < 0) {
                    cl += order;
                }
                if (2 * length <= r) {
                    System.arraycopy(ll, 0, tmpLog, 0, length + 1);
                    for (int i = 0; i <= bLength; i++) {
                        int at = i + shift;
                        int v = lam[at] ^ zx[cl + bl[i]];
                        lam[at] = v;
                        ll[at] = zl[v];
                    }
                    int oldLength = length;
                    length = r + 1 - length;
                    if (length > t) {
                        return -1; // L never decreases: more than t errors, detected
                    }
                    System.arraycopy(tmpLog, 0, bl, 0, oldLength + 1);
                    bLength = oldLength;
                    prevDiscrepancyLog = dl;
                    shift = 1;
                } else {
                    for (int i = 0; i <= bLength; i++) {
                        int at = i + shift;
                        int v = lam[at] ^ zx[cl + bl[i]];
                        lam[at] = v;
                        ll[at] = zl[v];
                    }
                    shift++;
                }
            }
            return length;
        }

        /**
         * Berlekamp–Massey through the field's multiplications (checked in checking mode): the reference of
         * {@link #berlekampMasseyLogs}, used over a checking field. Returns L, or −1 when L &gt; t.
         */
        private int berlekampMasseyChecked() {
            // Berlekamp–Massey (Massey 1969): lam = connection polynomial C(x) of the shortest LFSR (length L)
            // generating S_0 … S_r, lam[0] = 1, deg lam ≤ L; b = C before the last length change (deg b ≤ bLength),
            // prevDiscrepancy its discrepancy, shift = power of x separating them. Only coefficients up to the
            // known degree bounds are touched.
            int[] lam = lambda;
            int[] b = prev;
            Arrays.fill(lam, 0);
            Arrays.fill(b, 0);
            lam[0] = 1;
            b[0] = 1;
            int length = 0;
            int bLength = 0;
            int shift = 1;
            int prevDiscrepancy = 1;
            for (int r = 0; r < nParity; r++) {
                int d = syn[r];
                for (int i = 1; i <= length; i++) {
                    d ^= mul(lam[i], syn[r - i]);
                }
                if (d == 0) {
                    shift++;
                    continue;
                }
                int coef = checking ? field.div(d, prevDiscrepancy)
                        : zexp[zlog[d] + order - zlog[prevDiscrepancy]];
                if (2 * length <= r) {
                    System.arraycopy(lam, 0, tmp, 0, length + 1);
                    for (int i = 0; i <= bLength; i++) {
                        lam[i + shift] ^= mul(coef, b[i]);
                    }
                    int oldLength = length;
                    length = r + 1 - length;
                    if (length > t) {
                        return -1; // L never decreases: more than t errors, detected
                    }
                    System.arraycopy(tmp, 0, b, 0, oldLength + 1);
                    bLength = oldLength;
                    prevDiscrepancy = d;
                    shift = 1;
                } else {
                    for (int i = 0; i <= bLength; i++) {
                        lam[i + shift] ^= mul(coef, b[i]);
                    }
                    shift++;
                }
            }
            return length;
        }

        /**
         * The locator Λ (in {@link #lambda}, linear complexity L from Berlekamp–Massey) to positions and values:
         * degree check, the direct root of a degree-1 locator, the Chien search (with the split test inside) and Forney. Returns
         * the number of errors, or −1 when the word is detected uncorrectable.
         */
        private int locate(int length) {
            int[] lam = lambda;
            int degree = nParity;
            while (degree > 0 && lam[degree] == 0) {
                degree--;
            }
            if (degree != length || length == 0) {
                return -1;
            }
            if (length == 1) {
                // Λ = 1 + Λ_1·x: its one root X⁻¹ = Λ_1⁻¹, so X = Λ_1 and the position is n − 1 − log Λ_1, if that is
                // one of the (shortened) code's positions — what the Chien search below would find, without the walk
                int p = n - 1 - zlog[lam[1]];
                if (p < 0) {
                    return -1;
                }
                errPos[0] = p;
                if (checking && chien(lam, length) != 1) {
                    throw new IllegalStateException(ReedSolomon.this + ": degree-1 locator root at position " + p
                            + " disagrees with the Chien search");
                }
                return forney(lam, length, 1);
            }
            int found = chien(lam, length); // −1: the split test rejected Λ (see chienDeflating)
            if (found != length) {
                return -1; // some roots of Λ are not at positions of this (shortened) code, or repeated
            }
            return forney(lam, length, found);
        }

        /**
         * Whether Λ (degree L ≥ 2, Λ_0 = 1) divides x^(2^m) − x = Π_β (x − β), i.e. has L distinct roots in GF(2^m):
         * x is squared m times modulo Λ (a square in characteristic 2 is the squares of the coefficients at doubled
         * powers) and the result compared with x.
         */
        private boolean splitsIntoDistinctRoots(int[] lam, int length) {
            boolean fast = splitsBySquareTable(lam, length);
            if (checking && fast != splitsByReduction(lam, length)) {
                throw new IllegalStateException(ReedSolomon.this + ": the split test by square table says " + fast
                        + ", by reduction the opposite, for a locator of degree " + length);
            }
            return fast;
        }

        /**
         * The split test with a table of squares: r(x)² = Σ r_i²·x^(2i), and only the x^(2i) with 2i ≥ L need
         * reducing, so x^(2i) mod Λ for those ⌊(L − 1)/2⌋ values of i is built once (x^d = x·x^(d−1) mod Λ, d = L …
         * 2L − 2) and kept as logs; each of the m squarings is then ⌊(L − 1)/2⌋·L independent antilog loads (one a
         * term: log r_i² + log of the row's coefficient), against (L − 1)·L chained multiply-adds for reducing the
         * square row by row ({@link #splitsByReduction}). Same x^(2^m) mod Λ, so the same answer.
         */
        private boolean splitsBySquareTable(int[] lam, int length) {
            int[] zx = zexp;
            int[] zl = zlog;
            int zeroLog = zl[0];
            int[] mu = monicLog; // log of Λ_i / Λ_L: x^L ≡ Σ_{i<L} (Λ_i/Λ_L)·x^i modulo Λ (signs vanish)
            int lead = order - zl[lam[length]];
            int[] cur = rowValue; // x^d mod Λ, d = L first
            for (int i = 0; i < length; i++) {
                int v = zx[zl[lam[i]] + lead];
                cur[i] = v;
                mu[i] = zl[v];
            }
            int half = (length + 1) >>> 1; // rows for i = half … L − 1 (2i ≥ L)
            int[] rows = rowLog;
            int stride = nParity + 1;
            for (int d = length; d <= 2 * length - 2; d++) {
                if (d > length) { // x^d = x·x^(d−1): shift up, fold the overflowing x^L back in
                    int topLog = zl[cur[length - 1]];
                    for (int i = length - 1; i >= 1; i--) {
                        cur[i] = cur[i - 1] ^ zx[topLog + mu[i]];
                    }
                    cur[0] = zx[topLog + mu[0]];
                }
                if ((d & 1) == 0) {
                    int base = (d / 2 - half) * stride;
                    for (int i = 0; i < length; i++) {
                        rows[base + i] = zl[cur[i]];
                    }
                }
            }
            int[] r = power;
            int[] sq = squareLog;
            Arrays.fill(r, 0, length, 0);
            r[1] = 1; // x (L ≥ 2)
            for (int step = 0; step < field.m(); step++) {
                for (int i = 0; i < length; i++) { // log r_i² = 2·log r_i mod order; the sentinel stays a sentinel
                    int l2 = zl[r[i]] << 1;
                    l2 = l2 >= order ? l2 - order : l2;
                    sq[i] = Math.min(l2, zeroLog);
                }
                for (int i = 0; i < length; i++) {
                    r[i] = 0;
                }
                for (int i = 0; i < half; i++) { // 2i < L: x^(2i) needs no reduction
                    r[2 * i] = zx[sq[i]];
                }
                for (int i = half; i < length; i++) {
                    int li = sq[i];
                    if (li != zeroLog) {
                        for (int j = 0, at = (i - half) * stride; j < length; j++, at++) {
                            r[j] ^= zx[li + rows[at]];
                        }
                    }
                }
            }
            return isX(r, length);
        }

        /** Whether the residue r_0 … r_(L−1) is the polynomial x. */
        private static boolean isX(int[] r, int length) {
            int rest = r[0];
            for (int i = 2; i < length; i++) {
                rest |= r[i];
            }
            return rest == 0 && r[1] == 1;
        }

        /** The split test by squaring and reducing the square row by row: the reference of {@link #splitsBySquareTable}. */
        private boolean splitsByReduction(int[] lam, int length) {
            int[] zx = zexp;
            int[] zl = zlog;
            int[] mu = monicLog; // log of Λ_i / Λ_L: x^L ≡ Σ_{i<L} (Λ_i/Λ_L)·x^i modulo Λ (signs vanish)
            int lead = order - zl[lam[length]];
            for (int i = 0; i < length; i++) {
                mu[i] = lam[i] == 0 ? zl[0] : zl[zx[zl[lam[i]] + lead]];
            }
            int[] r = power;
            Arrays.fill(r, 0, 2 * length - 1, 0);
            r[1] = 1; // x (L ≥ 2)
            for (int step = 0; step < field.m(); step++) {
                for (int i = length - 1; i >= 0; i--) { // square in place, highest first
                    int v = r[i];
                    r[i] = 0;
                    r[2 * i] = zx[2 * zl[v]];
                }
                for (int d = 2 * length - 2; d >= length; d--) { // reduce modulo Λ
                    int c = r[d];
                    if (c != 0) {
                        r[d] = 0;
                        int lc = zl[c];
                        for (int i = 0, at = d - length; i < length; i++, at++) {
                            r[at] ^= zx[lc + mu[i]];
                        }
                    }
                }
            }
            return isX(r, length);
        }

        /**
         * Chien search over the n positions only, filling errPos (ascending) and returning the roots found (stops at
         * L). Position p ↔ locator X = α^(n−1−p); Λ(X⁻¹) = 0 there.
         */
        private int chien(int[] lam, int length) {
            if (chienLanes == null) {
                // no deflating search: the split test first, so that a locator of a > t pattern skips the walk
                return length >= 2 && !splitsIntoDistinctRoots(lam, length) ? -1 : chienWalk(lam, length);
            }
            int found = chienDeflating(lam, length);
            if (checking && found < 0) {
                if (chienWalk(lam, length) == length) {
                    throw new IllegalStateException(ReedSolomon.this + ": the split test rejected a locator whose "
                            + length + " roots the Chien search finds");
                }
            } else if (checking) {
                if (found == length && length >= 2 && !splitsIntoDistinctRoots(lam, length)) {
                    throw new IllegalStateException(ReedSolomon.this + ": the split test rejected a locator whose "
                            + length + " roots the deflating Chien search found");
                }
                int[] fast = Arrays.copyOf(errPos, found);
                int walked = chienWalk(lam, length);
                if (walked != found || !Arrays.equals(fast, Arrays.copyOf(errPos, walked))) {
                    throw new IllegalStateException(ReedSolomon.this + ": the deflating Chien search found " + Arrays.toString(fast)
                            + ", the full walk " + Arrays.toString(Arrays.copyOf(errPos, walked)));
                }
            }
            return found;
        }

        /**
         * The Chien search in blocks of {@link #chienBlock} positions, sums Q(X⁻¹) accumulated eight terms per pass, four
         * positions a load from {@link #chienLanes} (slot s, term power s + 1, at a running index), every position of a
         * block whose 16-bit lane of the sum is 0 a root. Q starts as Λ (degree L); once at most {@link #DEFLATE_AT}
         * roots are left, Q is divided by (1 + X·x) for each root found (synthetic division), its terms padded to a
         * multiple of four (eight a pass, then four), so the walk sheds a pass of four terms for every four roots
         * found. When a quarter of the positions held no root, the split test ({@link #splitsIntoDistinctRoots}) runs
         * before the rest of the walk: a locator of a &gt; t pattern rarely has a root there (it has about one root in
         * the whole field), one of L ≤ t errors at uniform positions does with probability 1 − (3/4)^L (98.7 % for L =
         * 15), so the test is paid where it saves a walk; a locator it rejects returns −1. The last root is not walked
         * to: with L distinct roots Λ = Π(1 + X_j·x), so Λ_1 = Σ X_j and the last X is Λ_1 minus the found ones; it is
         * taken if Λ(X⁻¹) = 0 there (Horner) and its position lies after the last found one. Same roots as
         * {@link #chienWalk} (a root of Λ at a position is a root of Q there, Q having lost only factors found at
         * earlier positions; a root checked by Horner past the last found one is the walk's next root, Λ having no
         * more than L). Fills errPos ascending; returns the count.
         */
        private int chienDeflating(int[] lam, int length) {
            int[] q = deflated;
            System.arraycopy(lam, 0, q, 0, length + 1);
            int degree = length;
            int found = 0;
            long[] lanes = chienLanes;
            int stride = laneStride;
            int zeroBase = chienZero;
            int[] ex = blockExp;
            long[] sum = chienSum;
            int xSum = 0; // Σ X of the roots found
            int p0 = 0;
            boolean fresh = true; // the terms must be (re)computed from q at p0
            boolean deflate = length <= DEFLATE_AT; // divide Q by each root found from now on
            boolean splitPending = true; // the split test, if a quarter of the positions held no root
            int slots = 0;
            while (p0 < n) {
                if (found == length - 1) {
                    int x = lam[1] ^ xSum; // the last root's X
                    if (x == 0) {
                        return found;
                    }
                    int p = n - 1 - zlog[x];
                    if (p < 0 || found > 0 && p <= errPos[found - 1]) {
                        return found;
                    }
                    int xInv = zexp[order - zlog[x]];
                    int v = 0;
                    for (int i = length; i >= 0; i--) {
                        v = zexp[zlog[v] + zlog[xInv]] ^ lam[i];
                    }
                    if (v == 0) {
                        errPos[found++] = p;
                    }
                    return found;
                }
                if (fresh) {
                    // slot s holds term i = s + 1 at p0: exponent log Q_i + i·(p0 − n + 1) mod order, then + i per
                    // position; a zero coefficient, and the padding to a multiple of 4, sit in the table's zero tail
                    int off1 = Math.floorMod(p0 - n + 1, order);
                    int off = 0;
                    slots = (degree + 3) & ~3;
                    for (int i = 1; i <= slots; i++) {
                        off += off1;
                        if (off >= order) {
                            off -= order;
                        }
                        int e = zeroBase; // a zero coefficient, or a padding slot beyond the degree
                        if (i <= degree && q[i] != 0) {
                            e = zlog[q[i]] + off;
                            e = e >= order ? e - order : e;
                        }
                        ex[i - 1] = (i - 1) * stride + e;
                    }
                    fresh = false;
                }
                int p1 = Math.min(n, p0 + chienBlock);
                int len = p1 - p0;
                int steps = (len + 3) >>> 2;
                Arrays.fill(sum, 0, steps, LANE_ONES); // Q_0 = 1
                int wide = slots & ~7; // eight terms a pass, then one pass of four if slots is 4 mod 8
                for (int g = 0; g < wide; g += 8) {
                    chienPass8(lanes, ex, sum, steps, g);
                }
                if (wide < slots) {
                    chienPass4(lanes, ex, sum, steps, wide);
                }
                for (int g = 0, base = 0; g < slots; g++, base += stride) { // on by len positions: back into
                    int e = ex[g] - base + (g + 1) * len; // [0, order), the zero tail back to its start
                    ex[g] = base + (e >= zeroBase ? zeroBase : e >= order ? e - order : e);
                }
                for (int j = 0; j < len; j++) {
                    long v = sum[j >>> 2];
                    if (((v - LANE_ONES) & ~v & LANE_TOPS) == 0) { // no zero lane among these four positions
                        j |= 3;
                        continue;
                    }
                    if ((v >>> ((j & 3) << 4) & 0xFFFF) == 0) {
                        int p = p0 + j;
                        errPos[found++] = p;
                        xSum ^= zexp[n - 1 - p];
                        if (found == length) {
                            return found;
                        }
                        if (!deflate && length - found <= DEFLATE_AT) {
                            // few enough roots left: divide Q by the found roots' factors from here on
                            deflate = true;
                            for (int f = 0; f < found; f++) {
                                degree = divideByRoot(q, degree, errPos[f]);
                            }
                            fresh = true;
                        } else if (deflate) {
                            degree = divideByRoot(q, degree, p);
                            fresh = true;
                        }
                    }
                }
                if (splitPending && 4 * p1 >= n) {
                    splitPending = false;
                    if (found == 0 && !splitsIntoDistinctRoots(lam, length)) {
                        return -1;
                    }
                }
                p0 = p1;
            }
            return found;
        }

        /**
         * sum[q] ^= Σ_{s=g}^{g+7} chienLanes[ex[s] + 4·(s + 1)·q] for q &lt; steps: eight terms of the Chien sums at four
         * positions a load, slot s stepping by 4·(s + 1). (Constant steps for g = 0 and 8, written out, measured no
         * faster in alternating A/B runs.)
         */
        private void chienPass8(long[] lanes, int[] ex, long[] sum, int steps, int g) {
            int e0 = ex[g];
            int e1 = ex[g + 1];
            int e2 = ex[g + 2];
            int e3 = ex[g + 3];
            int e4 = ex[g + 4];
            int e5 = ex[g + 5];
            int e6 = ex[g + 6];
            int e7 = ex[g + 7];
            int d = 4 * (g + 1);
            for (int q = 0; q < steps; q++) {
                sum[q] ^= lanes[e0] ^ lanes[e1] ^ lanes[e2] ^ lanes[e3] ^ lanes[e4] ^ lanes[e5] ^ lanes[e6] ^ lanes[e7];
                e0 += d;
                e1 += d + 4;
                e2 += d + 8;
                e3 += d + 12;
                e4 += d + 16;
                e5 += d + 20;
                e6 += d + 24;
                e7 += d + 28;
            }
        }

        /** {@link #chienPass8} for four slots g … g + 3 (the last pass when the slots are 4 mod 8). */
        private void chienPass4(long[] lanes, int[] ex, long[] sum, int steps, int g) {
            int e0 = ex[g];
            int e1 = ex[g + 1];
            int e2 = ex[g + 2];
            int e3 = ex[g + 3];
            int d = 4 * (g + 1);
            for (int q = 0; q < steps; q++) {
                sum[q] ^= lanes[e0] ^ lanes[e1] ^ lanes[e2] ^ lanes[e3];
                e0 += d;
                e1 += d + 4;
                e2 += d + 8;
                e3 += d + 12;
            }
        }

        /** Q(x) = (1 + X·x)·R(x) with X = α^(n−1−p) a root's locator: Q := R (R_0 = 1, R_i = Q_i + X·R_(i−1)); returns deg R. */
        private int divideByRoot(int[] q, int degree, int p) {
            int lx = n - 1 - p; // log X
            int r = 1;
            for (int i = 1; i < degree; i++) {
                r = q[i] ^ zexp[lx + zlog[r]];
                q[i] = r;
            }
            q[degree] = 0;
            return degree - 1;
        }

        /**
         * The plain Chien search over all n positions (the reference of {@link #chienDeflating}; the only search where
         * the α-power table is too large). Fills errPos ascending; returns the roots found (stops at L).
         */
        private int chienWalk(int[] lam, int length) {
            // Term i at position p is Λ_i·α^(i·(p − n + 1)); start at p = 0 and multiply by α^i per step.
            int terms = 0;
            for (int i = 1; i <= length; i++) {
                if (lam[i] != 0) {
                    chienStep[terms] = i;
                    chienTerm[terms] = mul(lam[i], field.exp(-(int) ((long) (n - 1) * i % order)));
                    terms++;
                }
            }
            int found = 0;
            char[] tab = alphaMul;
            int[] term = chienTerm;
            if (tab != null) {
                int size = field.size();
                for (int q = 0; q < terms; q++) {
                    chienStep[q] *= size; // table offset of α^i
                }
                for (int p = 0; p < n; p++) {
                    int sum = 1; // Λ_0
                    for (int q = 0; q < terms; q++) {
                        int v = term[q];
                        sum ^= v;
                        term[q] = tab[chienStep[q] + v];
                    }
                    if (sum == 0) {
                        errPos[found++] = p;
                        if (found == length) {
                            break;
                        }
                    }
                }
            } else {
                int[] zx = zexp;
                int[] zl = zlog;
                for (int p = 0; p < n; p++) {
                    int sum = 1;
                    for (int q = 0; q < terms; q++) {
                        int v = term[q];
                        sum ^= v;
                        term[q] = zx[zl[v] + chienStep[q]];
                    }
                    if (sum == 0) {
                        errPos[found++] = p;
                        if (found == length) {
                            break;
                        }
                    }
                }
            }
            return found;
        }

        /** Forney's magnitudes for the found positions; returns found. */
        private int forney(int[] lam, int length, int found) {
            return checking ? forneyChecked(lam, length, found) : forneyLogs(length, found);
        }

        /**
         * Forney on logarithms (the fast path's {@link #forneyChecked}, same values): Ω_i = Σ S_j·Λ_(i−j) from the
         * logs Berlekamp–Massey left ({@link #synLog}, {@link #lambdaLog}), one antilog load a term; Ω(X⁻¹) and
         * Λ'(X⁻¹) as sums of independent terms whose exponents advance by log X⁻¹ (by 2·log X⁻¹ for Λ's odd part)
         * instead of Horner chains of multiplications; Y = X·Ω(X⁻¹)/Λ'(X⁻¹) as one antilog of a log sum.
         */
        private int forneyLogs(int length, int found) {
            int[] zx = zexp;
            int[] zl = zlog;
            int[] sl = synLog;
            int[] ll = lambdaLog;
            int[] ol = omegaLog;
            for (int i = 0; i < length; i++) {
                int o = 0;
                for (int j = 0; j <= i; j++) {
                    o ^= zx[sl[j] + ll[i - j]];
                }
                ol[i] = zl[o];
            }
            for (int e = 0; e < found; e++) {
                int loc = n - 1 - errPos[e]; // log X, 0 ≤ loc < n ≤ order
                int step = loc == 0 ? 0 : order - loc; // log X⁻¹ in [0, order)
                int step2 = step + step >= order ? step + step - order : step + step;
                int om = 0; // Σ Ω_i X^(−i)
                int ex = 0;
                for (int i = 0; i < length; i++) {
                    om ^= zx[ol[i] + ex];
                    ex += step;
                    if (ex >= order) {
                        ex -= order;
                    }
                }
                int der = 0; // Λ'(X⁻¹) = Σ_{i odd} Λ_i X^(−(i−1)) in characteristic 2
                ex = 0;
                for (int i = 1; i <= length; i += 2) {
                    der ^= zx[ll[i] + ex];
                    ex += step2;
                    if (ex >= order) {
                        ex -= order;
                    }
                }
                if (der == 0 || om == 0) {
                    throw new IllegalStateException(ReedSolomon.this + ": Forney step met Λ'(X⁻¹) = " + der
                            + ", Ω(X⁻¹) = " + om + " at position " + errPos[e]
                            + " — impossible for distinct roots of a minimal Berlekamp–Massey locator");
                }
                int y = loc + zl[om] - zl[der]; // log(X·Ω/Λ'), in (−order, 2·order)
                errVal[e] = zx[y < 0 ? y + order : y];
            }
            return found;
        }

        /** Forney through the field's multiplications (checked in checking mode): the reference of {@link #forneyLogs}. */
        private int forneyChecked(int[] lam, int length, int found) {
            // Forney (first consecutive root α^0): Y = X·Ω(X⁻¹)/Λ'(X⁻¹), Ω = S·Λ mod x^L.
            for (int i = 0; i < length; i++) {
                int o = 0;
                for (int j = 0; j <= i; j++) {
                    o ^= mul(syn[j], lam[i - j]);
                }
                omega[i] = o;
            }
            for (int e = 0; e < found; e++) {
                int loc = n - 1 - errPos[e];
                int xInv = checking ? field.exp(-loc) : zexp[order - loc]; // 0 ≤ loc < n ≤ order
                int om = 0; // Horner, highest power first
                for (int i = length - 1; i >= 0; i--) {
                    om = mul(om, xInv) ^ omega[i];
                }
                int xInv2 = mul(xInv, xInv);
                int der = 0; // Λ'(x) = Σ_{i odd} Λ_i x^(i−1) in characteristic 2
                for (int i = (length % 2 == 1) ? length : length - 1; i >= 1; i -= 2) {
                    der = mul(der, xInv2) ^ lam[i];
                }
                if (der == 0 || om == 0) {
                    throw new IllegalStateException(ReedSolomon.this + ": Forney step met Λ'(X⁻¹) = " + der
                            + ", Ω(X⁻¹) = " + om + " at position " + errPos[e]
                            + " — impossible for distinct roots of a minimal Berlekamp–Massey locator");
                }
                int y = mul(checking ? field.exp(loc) : zexp[loc], om);
                errVal[e] = checking ? field.div(y, der) : zexp[zlog[y] + order - zlog[der]];
            }
            return found;
        }

        private void verifySameSyndromes(int[] truePos, int[] trueVal, int trueCount, int[] pos, int[] val,
                                         int count) {
            int[] a = naiveSyndromes(truePos, trueVal, trueCount);
            int[] b = naiveSyndromes(pos, val, count);
            if (!Arrays.equals(a, b)) {
                throw new IllegalStateException(ReedSolomon.this + ": decoded pattern " + Arrays.toString(
                        Arrays.copyOf(pos, count)) + " does not have the received syndromes (naive check)");
            }
        }
    }
}
