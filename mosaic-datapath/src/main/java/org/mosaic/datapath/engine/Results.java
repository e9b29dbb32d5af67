package org.mosaic.datapath.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.EmulationSpec;
import org.mosaic.datapath.Estimate;

/** Assembles {@link EmulationResult}s from engine tallies. */
final class Results {
    private Results() {
    }

    static EmulationResult monteCarlo(Context ctx, Tally tally, String engine, boolean bitExact) {
        EmulationSpec spec = ctx.spec;
        long cw = ctx.codewords;
        long bits = cw * ctx.nm;
        long[] countedBits = ctx.countedBitsPerChannel();
        double[] perChannel = new double[ctx.dataChannels];
        for (int c = 0; c < perChannel.length; c++) {
            perChannel[c] = countedBits[c] == 0 ? 0 : (double) tally.channelErrors[c] / countedBits[c];
        }
        long[] hist = tally.histogram.clone();
        long errored = 0;
        for (int i = 1; i < hist.length; i++) {
            errored += hist[i];
        }
        hist[0] = cw - errored;
        double[] dist = new double[hist.length];
        for (int i = 0; i < hist.length; i++) {
            dist[i] = (double) hist[i] / cw;
        }
        Estimate unc = Stats.clopperPearson(tally.uncorrectable, cw);
        Estimate mis = Stats.clopperPearson(tally.miscorrected, cw);
        Estimate fail = Stats.clopperPearson(tally.uncorrectable + tally.miscorrected, cw);
        Estimate post = scale(Stats.weightedMean(tally.residualBits, tally.residualSquares, cw), 1.0 / ctx.km);

        long[] failed = Arrays.copyOf(tally.failedCodewords, tally.failedCount);
        Arrays.sort(failed);
        long frameBits = 8L * spec.frameBytes();
        long unitBits = (long) spec.host().codewordsPerFlow() * ctx.km;
        long messageBits = cw * ctx.km;
        long frames = messageBits / frameBits;
        long lost = 0;
        long lastLostFrame = -1;
        long[] perBatch = new long[FLR_BATCHES];
        for (long g : failed) {
            long u = g / spec.host().codewordsPerFlow();
            long first = u * unitBits / frameBits;
            long last = Math.min(frames - 1, (Math.min((u + 1) * unitBits, messageBits) - 1) / frameBits);
            first = Math.max(first, lastLostFrame + 1);
            if (last >= first) {
                lost += last - first + 1;
                lastLostFrame = last;
                addToBatches(perBatch, first, last, frames);
            }
        }
        double flr = frames == 0 ? 0 : (double) lost / frames;
        double lo = Math.min(flr, ctx.frameLossRatio(fail.ciLow()));
        double hi = Math.max(flr, ctx.frameLossRatio(fail.ciHigh()));
        double[] batchMeans = lost >= MIN_LOST_FOR_BATCHES && frames >= FLR_BATCHES ? batchMeans(perBatch, frames) : null;
        boolean batched = batchMeans != null && batchMeans[1] > 0;
        if (batched) {
            // enough lost frames for the spread between stretches to show their clustering: the batch-means interval,
            // which does not assume independent failures (the mapped one is too narrow or too wide when they cluster);
            // when every stretch lost the same share (e.g. all frames) it shows no spread, and the mapped one stays
            lo = Math.min(flr, Math.max(0, batchMeans[0] - batchMeans[1]));
            hi = Math.max(flr, Math.min(1, batchMeans[0] + batchMeans[1]));
        }
        Estimate flrEstimate = new Estimate(flr, lo, hi);

        List<String> notes = new ArrayList<>(commonNotes(ctx));
        if (frames == 0) {
            notes.add("the run holds no complete frame of " + spec.frameBytes() + " bytes: frameLossRatio is 0 by convention");
        }
        notes.add(batched
                ? "frameLossRatio CI: batch means over " + FLR_BATCHES + " consecutive stretches of frames (Student t, "
                + (FLR_BATCHES - 1) + " d.f.; holds when failures cluster)"
                : "frameLossRatio CI maps the Clopper–Pearson interval of the codeword failure ratio through the "
                + "independent-failure FLR formula (widened to include the counted value; fewer than " + MIN_LOST_FOR_BATCHES
                + " lost frames, or no spread between stretches, for batch means); clustered failures make it optimistic");
        if (!bitExact) {
            notes.add("stuck-at channels are treated as random bits (wrong with probability 1/2), the same law as the literal "
                    + "stuck value for uniformly random codeword bits");
        }
        if (!spec.checkDecoder()) {
            notes.add("codewords with at most t symbol errors are counted as corrected without running the decoder "
                    + "(bounded-distance decoding always corrects them; set checkDecoder to verify)");
        }
        return new EmulationResult(spec.seed(), engine, spec.mapping().id(), spec.fec().label(), ctx.t, cw, bits,
                bits / spec.host().rateBitsPerSecond(), tally.bitErrors, (double) tally.bitErrors / bits, perChannel, hist, dist,
                tally.uncorrectable, unc, tally.miscorrected, mis, fail, tally.residualBits, post, spec.frameBytes(), frames, lost,
                flrEstimate, bitExact ? tally.payloadMismatches : null, bitExact ? tally.unaccountedMismatches : null,
                tally.decoderDisagreements, ctx.timeline.failovers(), ctx.timeline.unrepaired(),
                ctx.timeline.misalignedPhysical(), ctx.timeline.slipSlots(), ctx.timeline.faultSlots(), ctx.analytic(0), 0,
                List.copyOf(notes), ctx.berMonitorReport());
    }

    /** Consecutive stretches of frames for the batch-means interval of the counted frame loss ratio. */
    static final int FLR_BATCHES = 32;
    /** Lost frames below which the batch means are too few to estimate a spread (2 per batch on average). */
    static final long MIN_LOST_FOR_BATCHES = 2L * FLR_BATCHES;
    /** Student t quantile 0.975 for FLR_BATCHES − 1 = 31 degrees of freedom. */
    static final double T_975_31 = 2.0395;

    /** Adds the lost frames [first, last] to the batches of frames [b·frames/B, (b+1)·frames/B). */
    static void addToBatches(long[] perBatch, long first, long last, long frames) {
        int batches = perBatch.length;
        while (first <= last) {
            int b = batchOf(first, frames, batches);
            long end = Math.min(last, batchStart(b + 1, frames, batches) - 1);
            perBatch[b] += end - first + 1;
            first = end + 1;
        }
    }

    private static long batchStart(int b, long frames, int batches) {
        return b * frames / batches; // frames < 2^58 (message bits / 8), so no overflow
    }

    private static int batchOf(long frame, long frames, int batches) {
        int b = (int) Math.min(batches - 1, frame * batches / frames);
        while (b < batches - 1 && batchStart(b + 1, frames, batches) <= frame) {
            b++;
        }
        while (b > 0 && batchStart(b, frames, batches) > frame) {
            b--;
        }
        return b;
    }

    /** {mean of the batches' loss ratios, t·sd/√B half width}. */
    static double[] batchMeans(long[] perBatch, long frames) {
        int batches = perBatch.length;
        double[] r = new double[batches];
        double mean = 0;
        for (int b = 0; b < batches; b++) {
            long size = batchStart(b + 1, frames, batches) - batchStart(b, frames, batches);
            r[b] = size == 0 ? 0 : (double) perBatch[b] / size;
            mean += r[b];
        }
        mean /= batches;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (batches - 1));
        return new double[] {mean, T_975_31 * sd / Math.sqrt(batches)};
    }

    static Estimate scale(Estimate e, double f) {
        return new Estimate(e.value() * f, e.ciLow() * f, e.ciHigh() * f);
    }

    static List<String> commonNotes(Context ctx) {
        List<String> notes = new ArrayList<>();
        notes.add("host modelled without 64b/66b or 256b/257b transcoding, scrambler or PCS alignment markers; payload bits "
                + "are uniformly random (see docs/datapath.md)");
        notes.add("superblock: " + ctx.codewordsPerSuperblock + " codewords, " + ctx.slotsPerChannel + " bits per channel; "
                + "the run covers " + ctx.superblocks + " superblocks in " + ctx.chunks + " chunks");
        if (ctx.spec.burst().enabled()) {
            notes.add("Gilbert–Elliott bursts restart in the stationary state at each chunk boundary (every "
                    + ctx.chunkSuperblocks * ctx.slotsPerChannel + " channel bits)");
        }
        if (ctx.timeline.unrepaired() > 0) {
            notes.add(ctx.timeline.unrepaired() + " failed channel(s) found no spare and stayed in service");
        }
        if (ctx.timeline.misalignedPhysical().length > 0) {
            notes.add(ctx.timeline.misalignedPhysical().length + " channel(s) exceeded the deskew buffer; their slipped bits are counted");
        }
        return notes;
    }
}
