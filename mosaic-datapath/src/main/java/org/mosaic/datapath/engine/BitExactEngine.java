package org.mosaic.datapath.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import org.mosaic.core.random.RandomStreams;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.ProgressListener;
import org.mosaic.datapath.channel.ErrorBuffer;
import org.mosaic.datapath.channel.ErrorSampler;
import org.mosaic.datapath.fec.DecodeResult;
import org.mosaic.datapath.fec.ReedSolomon;
import org.mosaic.datapath.gearbox.GearboxMap;

/**
 * The bit-exact engine: every payload bit moves. Per superblock: random message symbols
 * ({@code DATAPATH_PAYLOAD}) → systematic RS encoding → codeword bits packed in {@code long}s → the
 * gearbox permutation onto the channels' bit slots → channel impairments (the same error events as the
 * error-event engine, from the same {@code DATAPATH_ERRORS} chunk streams, applied as flips; stuck-at
 * ranges set literally) → the inverse permutation → hard-decision decoding of each received word →
 * comparison of every delivered message bit with the sent one.
 *
 * <p>Deskew: the integer channel delays the deskewer compensates are not applied and removed bit by bit
 * (they cancel exactly); the slots where they do not cancel (slips, see {@code Deskew}) arrive as
 * random bits, which is what a neighbouring bit of uniformly random data is.
 *
 * <p>Accounting: the truth (received ⊕ sent) gives each codeword's symbol error pattern; from it and the
 * decoder's outcome the engine predicts the post-FEC message bit errors, and compares them with the
 * payload mismatches actually found: {@code unaccountedPayloadMismatches} must be 0. A codeword whose received
 * bits all equal the sent bits (compared a {@code long} at a time) has no symbol errors and is not unpacked or
 * decoded.
 *
 * <p><b>Two modes</b> ({@link org.mosaic.datapath.EmulationSpec#bitExactFull()}). The full mode above is the
 * checking mode. The fast mode (default, issue 17) uses that the code is linear and the decoder's outcome depends on
 * the error pattern only (the syndromes of codeword + e are those of e): per superblock only the error flags go
 * through the gearbox (one address lookup per error, so its cost is proportional to the errors, not to the bits),
 * they are sorted by codeword address, and each errored codeword is decoded from its pattern
 * ({@code decodeErrorPattern}: syndromes from the errored symbols alone, then the same Berlekamp–Massey, Chien and
 * Forney); the message bits still wrong are those where the pattern and the correction differ. Superblocks that a
 * stuck-at range touches (whose errors depend on the sent bits) take the full path with the same payload draws, so
 * the two modes give identical tallies, codeword by codeword ({@code BitExactModesTest}).
 */
public final class BitExactEngine {
    private BitExactEngine() {
    }

    public static EmulationResult run(Context ctx, ProgressListener progress) {
        SplittableGenerator[] errorStreams = ctx.chunkStreams(RandomStreams.Purpose.DATAPATH_ERRORS);
        SplittableGenerator[] payloadStreams = ctx.chunkStreams(RandomStreams.Purpose.DATAPATH_PAYLOAD);
        ErrorSampler sampler = new ErrorSampler(ctx.spec, ctx.timeline, false);
        Runs runs = new Runs(ctx.map);
        AtomicLong done = new AtomicLong();
        List<Tally> parts = Parallel.run(0, ctx.chunks, ctx.spec.threads(), () -> new Worker(ctx, runs),
                (w, i) -> w.chunk(i, sampler, errorStreams[i], payloadStreams[i]), progress, ctx.superblocks, done,
                ctx.chunkSuperblocks);
        Tally total = new Tally(ctx.dataChannels, ctx.n);
        for (Tally p : parts) {
            total.add(p);
        }
        return Results.monteCarlo(ctx, total, "bit-exact", true);
    }

    /**
     * The gearbox permutation as runs of consecutive slots whose addresses are also consecutive (10-bit runs for
     * the symbol mappings, single bits for the bit mapping), each at most 57 bits so one word read covers it.
     */
    static final class Runs {
        final int[] slot;
        final int[] address;
        final int[] length;

        Runs(GearboxMap map) {
            int total = map.bitsPerSuperblock();
            int per = map.slotsPerChannel();
            int[] s = new int[total];
            int[] a = new int[total];
            int[] l = new int[total];
            int r = -1;
            for (int idx = 0; idx < total; idx++) {
                int addr = map.address(idx / per, idx % per);
                if (r >= 0 && idx % per != 0 && addr == a[r] + l[r] && l[r] < 57) {
                    l[r]++;
                } else {
                    r++;
                    s[r] = idx;
                    a[r] = addr;
                    l[r] = 1;
                }
            }
            slot = java.util.Arrays.copyOf(s, r + 1);
            address = java.util.Arrays.copyOf(a, r + 1);
            length = java.util.Arrays.copyOf(l, r + 1);
        }
    }

    /** len ≤ 57 bits of src starting at bit pos, as the low bits of a long. */
    static long read(long[] src, int pos, int len) {
        int w = pos >>> 6;
        int o = pos & 63;
        long v = src[w] >>> o;
        if (o + len > 64) {
            v |= src[w + 1] << (64 - o);
        }
        return v & ((1L << len) - 1);
    }

    /** ORs len ≤ 57 low bits of v into dst at bit pos. */
    static void or(long[] dst, int pos, int len, long v) {
        int w = pos >>> 6;
        int o = pos & 63;
        dst[w] |= v << o;
        if (o + len > 64) {
            dst[w + 1] |= v >>> (64 - o);
        }
    }

    /**
     * ORs count m-bit symbols into dst as consecutive bit fields from bit pos (symbol 0 lowest), the same layout
     * as {@link #or} per symbol, through a word accumulator.
     */
    static void pack(int[] symbols, int count, int m, long[] dst, int pos) {
        int w = pos >>> 6;
        int bits = pos & 63;
        long acc = 0;
        for (int s = 0; s < count; s++) {
            long v = symbols[s];
            acc |= v << bits;
            bits += m;
            if (bits >= 64) {
                dst[w++] |= acc;
                bits -= 64;
                acc = bits == 0 ? 0 : v >>> (m - bits);
            }
        }
        if (bits > 0) {
            dst[w] |= acc;
        }
    }

    /** Whether bits pos … pos + len − 1 (len ≥ 1) of a and b differ anywhere. */
    static boolean differs(long[] a, long[] b, int pos, int len) {
        int end = pos + len - 1;
        int w0 = pos >>> 6;
        int w1 = end >>> 6;
        long first = -1L << (pos & 63);
        long last = -1L >>> (63 - (end & 63));
        if (w0 == w1) {
            return ((a[w0] ^ b[w0]) & first & last) != 0;
        }
        long d = (a[w0] ^ b[w0]) & first | (a[w1] ^ b[w1]) & last;
        for (int w = w0 + 1; w < w1; w++) {
            d |= a[w] ^ b[w];
        }
        return d != 0;
    }

    static final class Worker {
        private final Runs runs;
        private final Context ctx;
        private final GearboxMap map;
        private final ReedSolomon.Decoder decoder;
        private final ErrorBuffer buffer = new ErrorBuffer();
        private final Outcome outcome;
        private final int[][] sent;
        private final int[] word;
        private final int[] message;
        private final int[] message2;
        private final long[] tx;
        private final long[] chan;
        private final long[] mask;
        private final long[] rx;
        private final int[] positions;
        private final int[] values;
        private int[] order = new int[1024];
        /** Fast mode: per error of a superblock, codeword address (high 32 bits) and logical channel (low 32 bits). */
        private long[] entries = new long[1024];
        /** Fast mode: classifies each errored codeword by decoding its pattern (always, as the full mode does). */
        private final Outcome patternOutcome;
        /** Payload {@code long}s one superblock's messages draw (skipped in fast superblocks of chunks with stuck ranges). */
        private final int payloadLongsPerSuperblock;

        Worker(Context ctx, Runs runs) {
            this.ctx = ctx;
            this.runs = runs;
            this.map = ctx.map;
            this.decoder = ctx.rs.newDecoder();
            this.outcome = new Outcome(ctx.rs, false);
            this.sent = new int[ctx.codewordsPerSuperblock][ctx.n];
            this.word = new int[ctx.n];
            this.message = new int[ctx.k];
            this.message2 = new int[ctx.k];
            int words = (map.bitsPerSuperblock() + 63) >>> 6;
            this.tx = new long[words];
            this.chan = new long[words];
            this.mask = new long[words];
            this.rx = new long[words];
            this.positions = new int[ctx.n];
            this.values = new int[ctx.n];
            this.patternOutcome = new Outcome(ctx.rs, true);
            int draws = 0;
            int left = 0;
            for (int s = 0; s < ctx.k; s++) { // the message loop's draws, as in superblock()
                if (left < ctx.m) {
                    draws++;
                    left = 64;
                }
                left -= ctx.m;
            }
            this.payloadLongsPerSuperblock = draws * ctx.codewordsPerSuperblock;
        }

        Tally chunk(int index, ErrorSampler sampler, RandomGenerator errors, RandomGenerator payload) {
            long sb0 = ctx.chunkFrom(index);
            long sb1 = ctx.chunkTo(index);
            long slots = ctx.slotsPerChannel;
            Tally tally = new Tally(ctx.dataChannels, ctx.n);
            tally.codewords = ctx.codewordsIn(sb0, sb1);
            buffer.clear();
            sampler.sample(sb0 * slots, sb1 * slots, errors, buffer);
            // counting sort of the errors by superblock
            int blocks = (int) (sb1 - sb0);
            int[] start = new int[blocks + 1];
            for (int i = 0; i < buffer.size(); i++) {
                start[(int) (buffer.slot(i) / slots - sb0) + 1]++;
            }
            for (int b = 0; b < blocks; b++) {
                start[b + 1] += start[b];
            }
            if (order.length < buffer.size()) {
                order = new int[Math.max(buffer.size(), 2 * order.length)];
            }
            int[] fill = start.clone();
            for (int i = 0; i < buffer.size(); i++) {
                order[fill[(int) (buffer.slot(i) / slots - sb0)]++] = i;
            }
            boolean full = ctx.spec.bitExactFull();
            boolean anyStuck = buffer.stuckRanges() > 0;
            for (long sb = sb0; sb < sb1; sb++) {
                int b = (int) (sb - sb0);
                if (full || anyStuck && stuckIn(sb)) {
                    superblock(sb, start[b], start[b + 1], payload, tally);
                } else {
                    if (anyStuck) {
                        // a later superblock of this chunk takes the full path: keep its payload draws where they are
                        for (int i = 0; i < payloadLongsPerSuperblock; i++) {
                            payload.nextLong();
                        }
                    }
                    fastSuperblock(sb, start[b], start[b + 1], tally);
                }
            }
            return tally;
        }

        /** Whether a stuck-at range of the chunk overlaps superblock sb. */
        private boolean stuckIn(long sb) {
            long from = sb * ctx.slotsPerChannel;
            long to = from + ctx.slotsPerChannel;
            for (int r = 0; r < buffer.stuckRanges(); r++) {
                if (buffer.stuckFrom(r) < to && buffer.stuckTo(r) > from) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The fast mode's superblock: the error flags [errFrom, errTo) of the chunk order through the gearbox
         * (address of each flagged slot), sorted by address (so by codeword, symbol, bit; a slot flagged twice counts
         * once, as the full mode's OR mask does), and each errored codeword of the run decoded from its pattern.
         */
        private void fastSuperblock(long sb, int errFrom, int errTo, Tally tally) {
            int count = errTo - errFrom;
            if (count == 0) {
                return;
            }
            if (entries.length < count) {
                entries = new long[Math.max(count, 2 * entries.length)];
            }
            long[] e = entries;
            long slot0 = sb * ctx.slotsPerChannel;
            for (int x = 0; x < count; x++) {
                int i = order[errFrom + x];
                int c = buffer.channel(i);
                e[x] = (long) map.address(c, (int) (buffer.slot(i) - slot0)) << 32 | c;
            }
            long cwBase = sb * ctx.codewordsPerSuperblock;
            int counted = (int) Math.min(ctx.codewordsPerSuperblock, ctx.codewords - cwBase);
            ErrorWalk.tally(e, 0, count, cwBase, counted, ctx.nm, ctx.m, positions, values, patternOutcome, true, tally);
        }

        /** One random message: k m-bit symbols, ⌊64/m⌋ from each payload {@code long}. */
        private void draw(RandomGenerator payload, int[] into) {
            int m = ctx.m;
            long r = 0;
            int left = 0;
            for (int s = 0; s < ctx.k; s++) {
                if (left < m) {
                    r = payload.nextLong();
                    left = 64;
                }
                into[s] = (int) (r & ((1 << m) - 1));
                r >>>= m;
                left -= m;
            }
        }

        private void superblock(long sb, int errFrom, int errTo, RandomGenerator payload, Tally tally) {
            int n = ctx.n;
            int m = ctx.m;
            int nm = ctx.nm;
            int cwPer = ctx.codewordsPerSuperblock;
            int slotsPer = ctx.slotsPerChannel;
            java.util.Arrays.fill(tx, 0);
            // payload and encoding, two codewords at a time (their division chains interleaved)
            for (int j = 0; j < cwPer; j += 2) {
                draw(payload, message);
                if (j + 1 < cwPer) {
                    draw(payload, message2);
                    ctx.rs.encode2(message, message2, sent[j], sent[j + 1]);
                    pack(sent[j], n, m, tx, j * nm);
                    pack(sent[j + 1], n, m, tx, (j + 1) * nm);
                } else {
                    ctx.rs.encode(message, sent[j]);
                    pack(sent[j], n, m, tx, j * nm);
                }
            }
            // gearbox: codeword bits -> channel slots (flat index c·K + k)
            java.util.Arrays.fill(chan, 0);
            int[] rs = runs.slot;
            int[] ra = runs.address;
            int[] rl = runs.length;
            for (int r = 0; r < rs.length; r++) {
                or(chan, rs[r], rl[r], read(tx, ra[r], rl[r]));
            }
            // channel errors (flags, so a repeated error is one error) and stuck ranges
            java.util.Arrays.fill(mask, 0);
            long slot0 = sb * slotsPer;
            for (int e = errFrom; e < errTo; e++) {
                int i = order[e];
                int idx = buffer.channel(i) * slotsPer + (int) (buffer.slot(i) - slot0);
                mask[idx >>> 6] |= 1L << idx;
            }
            for (int w = 0; w < mask.length; w++) {
                chan[w] ^= mask[w];
            }
            for (int r = 0; r < buffer.stuckRanges(); r++) {
                long from = Math.max(buffer.stuckFrom(r), slot0);
                long to = Math.min(buffer.stuckTo(r), slot0 + slotsPer);
                int base = buffer.stuckChannel(r) * slotsPer;
                for (long s = from; s < to; s++) {
                    int idx = base + (int) (s - slot0);
                    if (buffer.stuckValue(r) == 1) {
                        chan[idx >>> 6] |= 1L << idx;
                    } else {
                        chan[idx >>> 6] &= ~(1L << idx);
                    }
                }
            }
            // inverse gearbox
            java.util.Arrays.fill(rx, 0);
            for (int r = 0; r < rs.length; r++) {
                or(rx, ra[r], rl[r], read(chan, rs[r], rl[r]));
            }
            // decode and compare
            long cwBase = sb * cwPer;
            int counted = (int) Math.min(cwPer, ctx.codewords - cwBase);
            for (int j = 0; j < counted; j++) {
                int base = j * nm;
                if (!differs(rx, tx, base, nm)) {
                    continue; // every bit received as sent: no symbol errors, nothing to decode or count
                }
                int symbols = 0;
                for (int s = 0; s < n; s++) {
                    int v = (int) read(rx, base + s * m, m);
                    word[s] = v;
                    int err = v ^ sent[j][s];
                    if (err != 0) {
                        positions[symbols] = s;
                        values[symbols++] = err;
                        tally.bitErrors += Integer.bitCount(err);
                        for (int bit = 0; bit < m; bit++) {
                            if (((err >>> bit) & 1) != 0) {
                                tally.channelErrors[map.slot(base + s * m + bit) / slotsPer]++;
                            }
                        }
                    }
                }
                if (symbols == 0) {
                    continue;
                }
                DecodeResult r = decoder.decode(word);
                int mismatch = 0;
                boolean same = true;
                for (int s = 0; s < n; s++) {
                    int d = word[s] ^ sent[j][s];
                    if (d != 0) {
                        same = false;
                        if (s < ctx.k) {
                            mismatch += Integer.bitCount(d);
                        }
                    }
                }
                int status;
                int expected;
                if (same) {
                    status = Outcome.OK;
                    expected = 0;
                } else if (r.status() == DecodeResult.Status.UNCORRECTABLE) {
                    status = Outcome.UNCORRECTABLE;
                    expected = outcome.messageBits(positions, values, symbols, new int[0], new int[0], 0);
                } else {
                    status = Outcome.MISCORRECTED;
                    expected = outcome.messageBits(positions, values, symbols, r.positions(), r.values(), r.errorsCorrected());
                }
                boolean disagreement = symbols <= ctx.t && status != Outcome.OK;
                tally.payloadMismatches += mismatch;
                tally.unaccountedMismatches += Math.abs(mismatch - expected);
                tally.codeword(cwBase + j, symbols, status, mismatch, disagreement);
            }
        }
    }
}
