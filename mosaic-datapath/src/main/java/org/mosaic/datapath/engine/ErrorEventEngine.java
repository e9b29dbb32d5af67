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
        private long[] keys = new long[1024];
        private final int[] positions;
        private final int[] values;

        Worker(Context ctx) {
            this.ctx = ctx;
            this.outcome = new Outcome(ctx.rs, ctx.spec.checkDecoder());
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
            int count = 0;
            if (keys.length < buffer.size()) {
                keys = new long[Math.max(buffer.size(), keys.length * 2)];
            }
            int nm = ctx.nm;
            for (int i = 0; i < buffer.size(); i++) {
                long s = buffer.slot(i);
                long q = s / slotsPerChannel;
                int a = ctx.map.address(buffer.channel(i), (int) (s - q * slotsPerChannel));
                long g = q * ctx.codewordsPerSuperblock + a / nm;
                if (g < ctx.codewords) {
                    keys[count++] = g * nm + a % nm;
                }
            }
            Arrays.sort(keys, 0, count);
            tallyPatterns(ctx, keys, count, tally, outcome, positions, values);
            return tally;
        }
    }

    /**
     * Walks sorted global bit keys (codeword·n·m + symbol·m + bit; duplicates allowed, counted once), builds
     * each codeword's symbol error pattern and tallies it.
     */
    static void tallyPatterns(Context ctx, long[] keys, int count, Tally tally, Outcome outcome, int[] positions, int[] values) {
        int nm = ctx.nm;
        int m = ctx.m;
        int i = 0;
        while (i < count) {
            long g = keys[i] / nm;
            int symbols = 0;
            long last = -1;
            while (i < count && keys[i] / nm == g) {
                long key = keys[i++];
                if (key == last) {
                    continue;
                }
                last = key;
                int within = (int) (key - g * nm);
                int sym = within / m;
                tally.bitErrors++;
                int slot = ctx.map.slot((int) (g % ctx.codewordsPerSuperblock) * nm + within);
                tally.channelErrors[slot / ctx.slotsPerChannel]++;
                if (symbols > 0 && positions[symbols - 1] == sym) {
                    values[symbols - 1] |= 1 << (within % m);
                } else {
                    positions[symbols] = sym;
                    values[symbols++] = 1 << (within % m);
                }
            }
            outcome.evaluate(positions, values, symbols);
            tally.codeword(g, symbols, outcome);
        }
    }
}
