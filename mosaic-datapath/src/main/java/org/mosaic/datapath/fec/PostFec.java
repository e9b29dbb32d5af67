package org.mosaic.datapath.fec;

/**
 * Analytic post-FEC error rates of a bounded-distance t-error-correcting RS code, following
 * (standard bounded-distance decoding) (confidence DERIVED: standard bounded-distance decoding).
 *
 * <p><b>Model and assumptions.</b> Bit errors are independent with probability p_b; a symbol of m bits is in
 * error with p_s = 1 − (1 − p_b)^m; symbol errors are independent across the n symbols of a codeword and across
 * codewords; the decoder fails exactly when more than t symbols are wrong (miscorrections are not modelled
 * separately: a failure with i errors leaves i wrong symbols, or i + t in the conservative variant). Correlated
 * errors (bursts, dead channels, unequal channel BERs) break these assumptions: use the Poisson-binomial tail
 * {@link #codewordFailureProbability(double[], int)} for unequal independent symbols, and the simulation engines
 * for anything else (the wide-and-slow mapping analysis of docs/datapath.md).
 *
 * <p><b>Numerics.</b> Binomial tails are summed outward from their largest term, with that term computed in the
 * log domain, so results keep full relative accuracy (≈ 1e-13) down to the smallest normal doubles (≈ 1e-300)
 * and never cancel; {@link #lnCodewordFailureProbability} gives the natural log beyond that range.
 */
public final class PostFec {

    /** Terms smaller than this fraction of the running sum are dropped (below double rounding of the sum). */
    private static final double NEGLIGIBLE = 1e-18;

    private PostFec() {
    }

    /** p_s = 1 − (1 − p_b)^m, computed without cancellation for small p_b. */
    public static double symbolErrorProbability(double bitErrorRate, int bitsPerSymbol) {
        requireProbability(bitErrorRate, "bit error rate");
        if (bitsPerSymbol < 1) {
            throw new IllegalArgumentException("bits per symbol = " + bitsPerSymbol + "; expected ≥ 1 (10 for KP4)");
        }
        if (bitErrorRate == 1) {
            return 1;
        }
        return -Math.expm1(bitsPerSymbol * Math.log1p(-bitErrorRate));
    }

    /**
     * P[X &gt; t] for X ~ Binomial(n, p_s): the probability that a codeword has more than t symbol errors and the
     * decoder fails ((standard bounded-distance decoding), P_cw).
     */
    public static double codewordFailureProbability(int n, int t, double symbolErrorProbability) {
        requireCorrectable(t);
        return binomialUpperTail(n, t, symbolErrorProbability);
    }

    /** ln P[X &gt; t] for X ~ Binomial(n, p_s); −∞ when the probability is 0. Accurate below 1e-300 too. */
    public static double lnCodewordFailureProbability(int n, int t, double symbolErrorProbability) {
        validateBinomial(n, t, symbolErrorProbability);
        requireCorrectable(t);
        if (t >= n || symbolErrorProbability == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        Tail tail = upperTail(n, t + 1, symbolErrorProbability);
        return tail.lnScale + Math.log(tail.sum);
    }

    /**
     * Post-FEC symbol error rate ((standard bounded-distance decoding)): Σ_{i&gt;t} (i/n)·C(n,i)·p_s^i·(1−p_s)^(n−i), i.e. a failed
     * codeword passes its i errored symbols through. Evaluated exactly through the identity
     * i·C(n,i) = n·C(n−1,i−1): SER = p_s·P[Binomial(n−1, p_s) ≥ t].
     */
    public static double postFecSymbolErrorRate(int n, int t, double symbolErrorProbability) {
        requireCorrectable(t);
        return symbolErrorProbability * binomialUpperTail(n - 1, t - 1, symbolErrorProbability);
    }

    /**
     * The conservative variant of (standard bounded-distance decoding) that charges a failed codeword with i errors (i + t)/n wrong
     * symbols (the decoder may add up to t by miscorrecting): SER = p_s·P[Bin(n−1,p_s) ≥ t] + (t/n)·P_cw.
     */
    public static double postFecSymbolErrorRateUpperBound(int n, int t, double symbolErrorProbability) {
        return postFecSymbolErrorRate(n, t, symbolErrorProbability)
                + (double) t / n * codewordFailureProbability(n, t, symbolErrorProbability);
    }

    /**
     * Post-FEC BER ≈ SER_post × p_b/p_s ((standard bounded-distance decoding)): an errored symbol holds on average m·p_b/p_s wrong
     * bits of its m. Equals p_b·P[Binomial(n−1, p_s) ≥ t].
     *
     * @param n            code length in symbols
     * @param t            correctable symbols
     * @param m            bits per symbol
     * @param bitErrorRate raw (pre-FEC) bit error rate p_b
     */
    public static double postFecBitErrorRate(int n, int t, int m, double bitErrorRate) {
        double ps = symbolErrorProbability(bitErrorRate, m);
        if (ps == 0) {
            return 0;
        }
        return postFecSymbolErrorRate(n, t, ps) * (bitErrorRate / ps);
    }

    /**
     * P[X &gt; t] for X = Σ_i Bernoulli(p_i), independent symbols with unequal error probabilities (the
     * Poisson-binomial tail), by dynamic programming over the count of errors capped at t + 1: O(n·t), all terms
     * added without subtraction, so tiny tails keep their relative accuracy.
     */
    public static double codewordFailureProbability(double[] symbolErrorProbabilities, int t) {
        if (symbolErrorProbabilities == null) {
            throw new IllegalArgumentException("symbol error probabilities are null; expected one per symbol");
        }
        requireCorrectable(t);
        for (int i = 0; i < symbolErrorProbabilities.length; i++) {
            requireProbability(symbolErrorProbabilities[i], "symbol error probability [" + i + "]");
        }
        if (t >= symbolErrorProbabilities.length) {
            return 0;
        }
        // dist[c] = P[c errors so far] for c ≤ t; tail = P[more than t so far].
        double[] dist = new double[t + 1];
        dist[0] = 1;
        double tail = 0;
        int reach = 0; // highest count with possibly nonzero probability
        for (double p : symbolErrorProbabilities) {
            double q = 1 - p;
            tail += dist[t] * p;
            reach = Math.min(t, reach + 1);
            for (int c = reach; c >= 1; c--) {
                dist[c] = dist[c] * q + dist[c - 1] * p;
            }
            dist[0] *= q;
        }
        return tail;
    }

    /**
     * Frame loss ratio from codeword failures, for frames carried in the message part of a stream of RS
     * codewords.
     *
     * <p><b>Model.</b> Codewords are grouped in blocks of {@code interleavedCodewords} codewords whose symbols are
     * interleaved (2 for 200G/400G/800G Ethernet, [ieee-8023] Clause 119, [ieee-8023bs-flr]; 1 for none), so a block carries
     * B = interleavedCodewords × messageBitsPerCodeword message bits and a frame that touches a block touches all
     * its codewords. A frame of F bits starts at a uniformly random bit of a block, so it touches
     * c = 1 + ⌊(F−1)/B⌋ blocks, or c + 1 with probability frac((F−1)/B). Codewords fail independently with
     * P_cw, and a frame is lost when any codeword it touches fails (the RS-FEC sublayer marks the blocks of an
     * uncorrectable codeword as errors, so the MAC discards every frame overlapping it — recalled from IEEE 802.3
     * Clauses 91/119 ([ieee-8023], recalled); confidence ASSUMED; [fluxlight-fec], [tia-sr4-2] only says
     * FLR is evaluated from the codeword failure probability and (standard bounded-distance decoding) that P_cw is a safe upper bound):
     * FLR = 1 − E[(1 − P_cw)^(interleavedCodewords·N_blocks)].
     *
     * <p>For small P_cw, FLR ≈ interleavedCodewords·P_cw·(1 + (F−1)/B). That exceeds P_cw whenever a frame can
     * touch more than one codeword, so (standard bounded-distance decoding)'s remark that P_cw bounds the FLR holds only for frames
     * confined to a single, non-interleaved codeword.
     *
     * <p>Assumptions: the frame's bits occupy that many message bits (the 256b/257b transcoding overhead of 1/257
     * and the preamble/IPG are left to the caller, who may add them to F); failures independent between
     * codewords (a burst spanning codewords violates this).
     *
     * @param codewordFailureProbability P_cw of one codeword
     * @param frameBits                  F, the frame's length in message bits (512 for a 64-octet frame)
     * @param messageBitsPerCodeword     k·m (5140 for KP4 and KR4)
     * @param interleavedCodewords       codewords interleaved per block, ≥ 1
     */
    public static double frameLossRatio(double codewordFailureProbability, long frameBits,
                                        long messageBitsPerCodeword, int interleavedCodewords) {
        requireProbability(codewordFailureProbability, "codeword failure probability");
        if (frameBits < 1) {
            throw new IllegalArgumentException("frame length = " + frameBits + " bits; expected ≥ 1 (512 for a "
                    + "64-octet frame)");
        }
        if (messageBitsPerCodeword < 1) {
            throw new IllegalArgumentException("message bits per codeword = " + messageBitsPerCodeword
                    + "; expected ≥ 1 (k·m = 5140 for KP4)");
        }
        if (interleavedCodewords < 1) {
            throw new IllegalArgumentException("interleaved codewords = " + interleavedCodewords
                    + "; expected ≥ 1 (2 for 400G/800G Ethernet)");
        }
        if (codewordFailureProbability == 1) {
            return 1;
        }
        long blockBits = messageBitsPerCodeword * interleavedCodewords;
        long whole = 1 + (frameBits - 1) / blockBits;
        double extraProbability = (double) ((frameBits - 1) % blockBits) / blockBits;
        double lnSurvive = Math.log1p(-codewordFailureProbability) * interleavedCodewords; // ln P[one block ok]
        // 1 − [(1−x)·s^c + x·s^(c+1)] = (1 − s^c) + x·s^c·(1 − s), computed with expm1 for tiny P_cw.
        double lossC = -Math.expm1(whole * lnSurvive);
        double survC = Math.exp(whole * lnSurvive);
        double lossOne = -Math.expm1(lnSurvive);
        return lossC + extraProbability * survC * lossOne;
    }

    /**
     * Frame loss ratio from the actual distribution of codeword failure probabilities over the stream, not their mean.
     *
     * <p><b>Model.</b> The codewords of the stream are given in time order as one period that repeats
     * ({@code codewordFailureProbabilities[i]}, e.g. the codewords of a gearbox superblock, whose classes differ in how
     * their bits sit on the channels); consecutive groups of {@code interleavedCodewords} form the blocks of
     * {@link #frameLossRatio(double, long, long, int)}, and frames of F bits start at a uniformly random message bit.
     * Codewords fail independently, each with its own probability (independent bit errors: two codewords share no
     * bit, even on a dead channel), so a frame touching the blocks u … u + L − 1 survives with Π S_v, where
     * S_v = Π_{codewords of v}(1 − P_cw). With L = c or c + 1 as in the scalar formula:
     * FLR = (1/U)·Σ_u [(1 − x)·(1 − Π_{v=u}^{u+c−1} S_v) + x·(1 − Π_{v=u}^{u+c} S_v)], x = frac((F − 1)/B).
     * This is what the counting engines measure when a dead channel hits only some codewords of a block: the scalar
     * formula at the mean P_cw assumes the failures spread evenly and understates the FLR (Jensen). When every
     * probability is equal it is the scalar formula exactly (the same function is called).
     *
     * <p>Numerics: each window's ln survival is a direct sum of log1p terms (no differences of prefix sums), so tiny
     * FLRs keep their relative accuracy next to large ones; O(U²) for U blocks per period.
     */
    public static double frameLossRatio(double[] codewordFailureProbabilities, long frameBits, long messageBitsPerCodeword,
                                        int interleavedCodewords) {
        Windows w = windows(codewordFailureProbabilities, frameBits, messageBitsPerCodeword, interleavedCodewords);
        if (w == null) {
            return frameLossRatio(codewordFailureProbabilities[0], frameBits, messageBitsPerCodeword, interleavedCodewords);
        }
        double sum = 0;
        for (int u = 0; u < w.units; u++) {
            sum += (1 - w.extra) * w.loss(u, w.whole) + w.extra * w.loss(u, w.whole + 1);
        }
        return sum / w.units;
    }

    /**
     * ∂FLR/∂P_i of {@link #frameLossRatio(double[], long, long, int)} for each codeword of the period (for the delta
     * method: independent estimates P̂_i give Var FLR̂ ≈ Σ_i g_i²·Var P̂_i). A codeword with P_i = 1 gets 0 (the
     * windows it touches are lost whatever the others do).
     */
    public static double[] frameLossRatioGradient(double[] codewordFailureProbabilities, long frameBits,
                                                  long messageBitsPerCodeword, int interleavedCodewords) {
        int cpb = interleavedCodewords;
        double[] p = codewordFailureProbabilities;
        Windows w = windows(p, frameBits, messageBitsPerCodeword, interleavedCodewords, true);
        double[] perUnit = new double[w.units]; // Σ over windows of weight · survival · multiplicity of the block
        for (int u = 0; u < w.units; u++) {
            for (int extra = 0; extra <= 1; extra++) {
                long len = w.whole + extra;
                double weight = (extra == 0 ? 1 - w.extra : w.extra) / w.units;
                if (weight == 0) {
                    continue;
                }
                double survive = 1 - w.loss(u, len);
                if (survive == 0) {
                    continue;
                }
                long full = len / w.units;
                int rem = (int) (len % w.units);
                for (int v = 0; v < w.units; v++) {
                    int distance = Math.floorMod(v - u, w.units);
                    long mult = full + (distance < rem ? 1 : 0);
                    perUnit[v] += weight * survive * mult;
                }
            }
        }
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            g[i] = p[i] >= 1 ? 0 : perUnit[i / cpb] / (1 - p[i]);
        }
        return g;
    }

    /** The blocks' ln survivals and the window lengths; null when every probability is equal (scalar formula). */
    private static Windows windows(double[] p, long frameBits, long messageBitsPerCodeword, int interleavedCodewords) {
        return windows(p, frameBits, messageBitsPerCodeword, interleavedCodewords, false);
    }

    private static Windows windows(double[] p, long frameBits, long messageBitsPerCodeword, int interleavedCodewords,
                                   boolean always) {
        if (p == null || p.length == 0) {
            throw new IllegalArgumentException("codeword failure probabilities: none; expected one per codeword of the period");
        }
        frameLossRatio(0, frameBits, messageBitsPerCodeword, interleavedCodewords); // validates the scalars
        if (p.length % interleavedCodewords != 0) {
            throw new IllegalArgumentException("codeword failure probabilities: " + p.length + " — expected whole blocks of "
                    + interleavedCodewords + " interleaved codewords");
        }
        boolean equal = true;
        for (int i = 0; i < p.length; i++) {
            requireProbability(p[i], "codeword failure probability [" + i + "]");
            equal &= p[i] == p[0];
        }
        if (equal && !always) {
            return null;
        }
        int units = p.length / interleavedCodewords;
        double[] lnSurvive = new double[units];
        boolean[] lost = new boolean[units];
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 1) {
                lost[i / interleavedCodewords] = true;
            } else {
                lnSurvive[i / interleavedCodewords] += Math.log1p(-p[i]);
            }
        }
        long blockBits = messageBitsPerCodeword * interleavedCodewords;
        long whole = 1 + (frameBits - 1) / blockBits;
        double extra = (double) ((frameBits - 1) % blockBits) / blockBits;
        return new Windows(units, lnSurvive, lost, whole, extra);
    }

    /** Blocks of one period: ln survival of each (finite part) and whether it is certainly lost. */
    private record Windows(int units, double[] lnSurvive, boolean[] lost, long whole, double extra) {
        /** P[a frame touching blocks u … u + len − 1 (cyclic) is lost]. */
        double loss(int u, long len) {
            long full = len / units;
            int rem = (int) (len % units);
            double ln = 0;
            boolean dead = false;
            if (full > 0) {
                for (int v = 0; v < units; v++) {
                    ln += lnSurvive[v];
                    dead |= lost[v];
                }
                ln *= full;
            }
            for (int i = 0; i < rem; i++) {
                int v = (u + i) % units;
                ln += lnSurvive[v];
                dead |= lost[v];
            }
            return dead ? 1 : -Math.expm1(ln);
        }
    }

    // ---------------------------------------------------------------- binomial tail

    /** P[X ≥ from] / e^lnScale = sum, for X ~ Bin(n, p), with 1 ≤ from ≤ n and 0 &lt; p. */
    private record Tail(double lnScale, double sum) {
    }

    private static double binomialUpperTail(int n, int t, double p) {
        validateBinomial(n, t, p);
        if (t < 0) {
            return 1;
        }
        if (t >= n || p == 0) {
            return 0;
        }
        if (p == 1) {
            return 1;
        }
        Tail tail = upperTail(n, t + 1, p);
        return Math.exp(tail.lnScale) * tail.sum;
    }

    /**
     * Σ_{i=from}^{n} C(n,i) p^i (1−p)^(n−i) as e^lnScale · sum, summing outward from the largest term
     * (i* = max(from, mode)) with the term ratio r_i = (n−i)/(i+1)·p/(1−p); the largest term is computed in the
     * log domain with an exact-sum ln C(n, i*). 0 &lt; p ≤ 1, 1 ≤ from ≤ n.
     */
    private static Tail upperTail(int n, int from, double p) {
        if (p == 1) {
            return new Tail(0, 1);
        }
        int mode = (int) Math.min(n, Math.floor((n + 1) * p));
        int top = Math.max(from, mode);
        double lnP = Math.log(p);
        double ln1mP = Math.log1p(-p);
        double lnTop = lnChoose(n, top) + top * lnP + (n - top) * ln1mP;
        double odds = p / (1 - p);
        double sum = 1; // the top term, scaled to 1
        double term = 1;
        for (int i = top; i < n; i++) { // upward: term_{i+1} = term_i·(n−i)/(i+1)·odds
            term *= (double) (n - i) / (i + 1) * odds;
            sum += term;
            if (term < NEGLIGIBLE * sum) {
                break;
            }
        }
        term = 1;
        for (int i = top; i > from; i--) { // downward: term_{i−1} = term_i·i/(n−i+1)/odds
            term *= (double) i / (n - i + 1) / odds;
            sum += term;
            if (term < NEGLIGIBLE * sum) {
                break;
            }
        }
        return new Tail(lnTop, sum);
    }

    /** ln C(n, k) as a sum of ln((n−k+j)/j), j = 1 … min(k, n−k): accurate to a few ulp per term. */
    static double lnChoose(int n, int k) {
        int kk = Math.min(k, n - k);
        double s = 0;
        for (int j = 1; j <= kk; j++) {
            s += Math.log((double) (n - kk + j) / j);
        }
        return s;
    }

    private static void validateBinomial(int n, int t, double p) {
        if (n < 1) {
            throw new IllegalArgumentException("code length n = " + n + " symbols; expected ≥ 1 (544 for KP4)");
        }
        requireProbability(p, "symbol error probability");
    }

    private static void requireCorrectable(int t) {
        if (t < 0) {
            throw new IllegalArgumentException("t = " + t + "; expected ≥ 0 correctable symbols (15 for KP4)");
        }
    }

    private static void requireProbability(double p, String what) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " = " + p + "; expected a probability in [0, 1]");
        }
    }
}
