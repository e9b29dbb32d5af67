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
        for (long g : failed) {
            long u = g / spec.host().codewordsPerFlow();
            long first = u * unitBits / frameBits;
            long last = Math.min(frames - 1, (Math.min((u + 1) * unitBits, messageBits) - 1) / frameBits);
            first = Math.max(first, lastLostFrame + 1);
            if (last >= first) {
                lost += last - first + 1;
                lastLostFrame = last;
            }
        }
        double flr = frames == 0 ? 0 : (double) lost / frames;
        Estimate flrEstimate = new Estimate(flr, Math.min(flr, ctx.frameLossRatio(fail.ciLow())),
                Math.max(flr, ctx.frameLossRatio(fail.ciHigh())));

        List<String> notes = new ArrayList<>(commonNotes(ctx));
        if (frames == 0) {
            notes.add("the run holds no complete frame of " + spec.frameBytes() + " bytes: frameLossRatio is 0 by convention");
        }
        notes.add("frameLossRatio CI maps the Clopper–Pearson interval of the codeword failure ratio through the "
                + "independent-failure FLR formula (widened to include the counted value); clustered failures make it optimistic");
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
                List.copyOf(notes));
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
