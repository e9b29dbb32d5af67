package org.mosaic.datapath.engine;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator.SplittableGenerator;
import org.mosaic.core.random.RandomStreams;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.ProgressListener;
import org.mosaic.datapath.channel.ErrorBuffer;
import org.mosaic.datapath.channel.ErrorSampler;

/**
 * The error-event engine: only error positions are sampled ({@link ErrorSampler}, geometric gaps per
 * channel), each is mapped through the gearbox permutation to (codeword, symbol, bit), the errors are
 * sorted by codeword, and each errored codeword's pattern is classified ({@link Outcome}: decoded from the
 * pattern alone with {@code decodeErrorPattern} when it has more than t symbol errors). Codewords without
 * errors cost nothing. Miscorrection is known exactly because the true pattern is known.
 *
 * <p>Sorting: a chunk's errors are counting-sorted by superblock, then each superblock's few errors are
 * sorted by codeword address (codeword in superblock·n·m + symbol·m + bit), which orders them by global
 * codeword, symbol and bit. Each error carries its logical channel, so the walk needs no inverse gearbox
 * lookup. A bit that erred more than once (crosstalk onto an errored slot) counts once.
 */
public final class ErrorEventEngine {
    private ErrorEventEngine() {
    }

    public static EmulationResult run(Context ctx, ProgressListener progress) {
        SplittableGenerator[] streams = ctx.chunkStreams(RandomStreams.Purpose.DATAPATH_ERRORS);
        ErrorSampler sampler = new ErrorSampler(ctx.spec, ctx.timeline, true);
        AtomicLong done = new AtomicLong();
        List<Tally> parts = Parallel.run(0, ctx.chunks, ctx.spec.threads(), () -> new Worker(ctx),
                (w, i) -> w.chunk(i, sampler, streams[i]), progress, ctx.superblocks, done, ctx.chunkSuperblocks);
        Tally total = new Tally(ctx.dataChannels, ctx.n);
        for (Tally p : parts) {
            total.add(p);
        }
        return Results.monteCarlo(ctx, total, "error-event", false);
    }

    /** Per-thread scratch. */
    static final class Worker {
        private final Context ctx;
        private final ErrorBuffer buffer = new ErrorBuffer();
        private final Outcome outcome;
        /** Bucket bounds by superblock of the chunk (counts, then starts, then ends). */
        private final int[] bucket;
        /** Per error in sampling order: its superblock in the chunk. */
        private int[] block = new int[1024];
        /** Per error: codeword address in the superblock (high 32 bits) and logical channel (low 32 bits). */
        private long[] entry = new long[1024];
        /** The entries grouped by superblock. */
        private long[] sorted = new long[1024];
        private final int[] positions;
        private final int[] values;

        Worker(Context ctx) {
            this.ctx = ctx;
            this.outcome = new Outcome(ctx.rs, ctx.spec.checkDecoder());
            this.bucket = new int[(int) ctx.chunkSuperblocks + 1];
            this.positions = new int[ctx.n];
            this.values = new int[ctx.n];
        }

        Tally chunk(int index, ErrorSampler sampler, SplittableGenerator rng) {
            long sb0 = ctx.chunkFrom(index);
            long sb1 = ctx.chunkTo(index);
            int slotsPerChannel = ctx.slotsPerChannel;
            Tally tally = new Tally(ctx.dataChannels, ctx.n);
            tally.codewords = ctx.codewordsIn(sb0, sb1);
            buffer.clear();
            sampler.sample(sb0 * slotsPerChannel, sb1 * slotsPerChannel, rng, buffer);
            int size = buffer.size();
            if (entry.length < size) {
                int capacity = Math.max(size, entry.length * 2);
                block = new int[capacity];
                entry = new long[capacity];
                sorted = new long[capacity];
            }
            int blocks = (int) (sb1 - sb0);
            int[] bucket = this.bucket;
            Arrays.fill(bucket, 0, blocks + 1, 0);
            // map each error to (superblock, address) and count per superblock
            long firstSlot = sb0 * slotsPerChannel;
            boolean intSlots = (long) blocks * slotsPerChannel <= Integer.MAX_VALUE;
            for (int i = 0; i < size; i++) {
                long rel = buffer.slot(i) - firstSlot;
                int c = buffer.channel(i);
                int b;
                int k;
                if (intSlots) {
                    int r = (int) rel;
                    b = r / slotsPerChannel;
                    k = r - b * slotsPerChannel;
                } else {
                    long q = rel / slotsPerChannel;
                    b = (int) q;
                    k = (int) (rel - q * slotsPerChannel);
                }
                block[i] = b;
                entry[i] = (long) ctx.map.address(c, k) << 32 | c;
                bucket[b + 1]++;
            }
            for (int b = 0; b < blocks; b++) {
                bucket[b + 1] += bucket[b];
            }
            // scatter: afterwards bucket[b] is the end of superblock b's run (and the start of b + 1's)
            for (int i = 0; i < size; i++) {
                sorted[bucket[block[i]]++] = entry[i];
            }
            int from = 0;
            for (int b = 0; b < blocks; b++) {
                int to = bucket[b];
                if (to > from) {
                    superblock(sb0 + b, from, to, tally);
                }
                from = to;
            }
            return tally;
        }

        /** Sorts superblock sb's entries [from, to) by address and tallies each errored codeword. */
        private void superblock(long sb, int from, int to, Tally tally) {
            long firstCodeword = sb * ctx.codewordsPerSuperblock;
            int counted = (int) Math.min(ctx.codewordsPerSuperblock, ctx.codewords - firstCodeword);
            ErrorWalk.tally(sorted, from, to, firstCodeword, counted, ctx.nm, ctx.m, positions, values, outcome, false, tally);
        }
    }
}
