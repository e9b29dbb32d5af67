package org.mosaic.cluster.training.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Discrete-event simulation of one training step of a pipeline-parallel schedule, op by op — not a bubble
 * formula.
 *
 * <p><b>Model.</b> The model's p·v chunks are numbered in layer order; stage r holds chunks r, r+p, r+2p, …
 * ({@link PipelineSchedule}). Each stage has one compute stream that runs its 2·m·v ops one at a time, in the
 * order of the schedule, never reordering them. An op starts at the later of (a) the end of the stage's previous
 * op and (b) the time its input is ready:
 * <ul>
 *   <li>the forward of micro-batch i through global chunk g needs the forward of i through chunk g−1 (on the
 *       previous stage; for g a multiple of p, on the last stage's previous local chunk) plus the p2p time;
 *       chunk 0's input is ready at time 0 (data loading is not modelled);</li>
 *   <li>the backward of i through chunk g needs the backward of i through chunk g+1 plus the p2p time; the last
 *       chunk's backward needs only its own forward (the loss is computed inside that forward).</li>
 * </ul>
 * The duration of an op is the input's per-(stage, chunk) forward or backward time; the same op takes the same
 * time for every micro-batch.
 *
 * <p><b>What overlaps and what does not.</b> Point-to-point sends are asynchronous: a transfer delays only the op
 * that waits for it and never occupies the sender's or receiver's compute stream, and transfers never contend
 * with each other or with other traffic (no link or NIC sharing between stages, between the two directions, or
 * with data-parallel collectives). A stage never runs two ops at once. Megatron's blocking send/receive pairs
 * (without {@code overlap_p2p_comm}) can make a stage wait for a peer that is not ready yet; that coupling is
 * not modelled, so the simulated step is a lower bound for a blocking implementation and matches an overlapped
 * one. Kernel launch gaps, the optimizer step and the data-parallel gradient reduction are outside the step.
 *
 * <p><b>Guarantee.</b> Each op's start equals the longest path to it in the dependency graph made of the data
 * edges above (weighted by the p2p time) and each stage's order; the simulation fails loudly
 * ({@link IllegalStateException}) if a stage's order ever waits on an op that cannot run, which for the
 * Megatron orders would be a bug here.
 *
 * <p><b>Cost.</b> O(p·m·v) time; one array of 2·p·m·v doubles plus per-stage arrays, and no boxing when the
 * timeline is not recorded.
 */
public final class PipelineSimulator {

    private PipelineSimulator() {
    }

    /** Simulates one step without recording the timeline (the fast path for plan searches). */
    public static PipelineResult simulate(PipelineSchedule schedule, PipelineInput input) {
        return run(schedule, input, false);
    }

    /** Simulates one step and records every op in {@link PipelineResult#timeline()}. */
    public static PipelineResult simulateWithTimeline(PipelineSchedule schedule, PipelineInput input) {
        return run(schedule, input, true);
    }

    private static PipelineResult run(PipelineSchedule schedule, PipelineInput in, boolean recordTimeline) {
        if (schedule == null) {
            throw new IllegalArgumentException("pipeline schedule null — expected ONE_F_ONE_B or INTERLEAVED");
        }
        if (in == null) {
            throw new IllegalArgumentException("pipeline input null — expected a PipelineInput "
                    + "(hint: PipelineInput.uniform(stages, microBatches, chunks, fwd, bwd, p2p))");
        }
        final int p = in.stages();
        final int m = in.microBatches();
        final int v = in.chunks();
        schedule.check(p, m, v);
        final Layout layout = new Layout(schedule, p, m, v);
        final int opsPerStage = layout.opsPerStage;
        final int total = layout.total;
        final int lastGlobal = p * v - 1;
        final double link = p > 1 ? in.p2pSeconds() : 0; // one stage: consecutive chunks share the GPU

        final double[] fwd = new double[p * v];
        final double[] bwd = new double[p * v];
        for (int s = 0; s < p; s++) {
            for (int c = 0; c < v; c++) {
                fwd[s * v + c] = in.forwardSeconds(s, c);
                bwd[s * v + c] = in.backwardSeconds(s, c);
            }
        }
        final double[] end = new double[p * opsPerStage]; // end of op j of stage s at s·opsPerStage + j
        final double[] start = recordTimeline ? new double[p * opsPerStage] : null;
        final int[] next = new int[p];
        final double[] free = new double[p];
        final double[] busy = new double[p];
        final int[] inFlight = new int[p];
        final int[] peak = new int[p];
        final double[] lastBackwardStart = new double[p];

        long remaining = (long) p * opsPerStage;
        boolean ascending = true;
        while (remaining > 0) {
            boolean moved = false;
            for (int n = 0; n < p; n++) {
                // sweep up then down: forward inputs flow to higher stages, gradients to lower ones
                final int s = ascending ? n : p - 1 - n;
                final int base = s * opsPerStage;
                final int w = layout.warmup[s];
                int j = next[s];
                double t = free[s];
                while (j < opsPerStage) {
                    final int code = layout.decode(j, w);
                    final boolean forward = (code & 1) == 1;
                    final int k = code >>> 1;
                    final int mb = layout.microBatch(k);
                    final int chunk = layout.chunk(k, forward);
                    final int global = chunk * p + s;
                    double ready;
                    if (forward) {
                        if (global == 0) {
                            ready = 0;
                        } else {
                            int ps = (global - 1) % p;
                            int pos = layout.forwardPosition(ps, mb, (global - 1) / p);
                            if (pos >= next[ps]) {
                                break;
                            }
                            ready = end[ps * opsPerStage + pos] + link;
                        }
                    } else if (global == lastGlobal) {
                        int pos = layout.forwardPosition(s, mb, chunk);
                        if (pos >= next[s]) {
                            break;
                        }
                        ready = end[base + pos];
                    } else {
                        int ns = (global + 1) % p;
                        int pos = layout.backwardPosition(ns, mb, (global + 1) / p);
                        if (pos >= next[ns]) {
                            break;
                        }
                        ready = end[ns * opsPerStage + pos] + link;
                    }
                    final double begin = Math.max(t, ready);
                    final double duration = forward ? fwd[s * v + chunk] : bwd[s * v + chunk];
                    t = begin + duration;
                    end[base + j] = t;
                    if (start != null) {
                        start[base + j] = begin;
                    }
                    busy[s] += duration;
                    if (forward) {
                        peak[s] = Math.max(peak[s], ++inFlight[s]);
                    } else {
                        inFlight[s]--;
                        lastBackwardStart[s] = begin;
                    }
                    next[s] = ++j;
                    remaining--;
                    moved = true;
                }
                free[s] = t;
            }
            if (!moved) {
                throw new IllegalStateException(deadlockMessage(schedule, in, layout, next));
            }
            ascending = !ascending;
        }

        double makespan = 0;
        double busiest = 0;
        for (int s = 0; s < p; s++) {
            makespan = Math.max(makespan, free[s]);
            busiest = Math.max(busiest, busy[s]);
        }
        double bubble = makespan - busiest; // ≥ 0: rounded addition is monotone, so a stage's end ≥ its busy sum
        List<PipelineResult.Op> timeline = recordTimeline ? timeline(layout, start, end) : List.of();
        return new PipelineResult(makespan, busy, bubble, makespan > 0 ? bubble / makespan : 0, peak,
                lastBackwardStart, free, timeline);
    }

    private static List<PipelineResult.Op> timeline(Layout layout, double[] start, double[] end) {
        int p = layout.stages;
        List<PipelineResult.Op> ops = new ArrayList<>(p * layout.opsPerStage);
        for (int s = 0; s < p; s++) {
            for (int j = 0; j < layout.opsPerStage; j++) {
                int code = layout.decode(j, layout.warmup[s]);
                boolean forward = (code & 1) == 1;
                int k = code >>> 1;
                int i = s * layout.opsPerStage + j;
                ops.add(new PipelineResult.Op(s, layout.microBatch(k), layout.chunk(k, forward), forward, start[i], end[i]));
            }
        }
        return ops;
    }

    private static String deadlockMessage(PipelineSchedule schedule, PipelineInput in, Layout layout, int[] next) {
        StringBuilder waiting = new StringBuilder();
        for (int s = 0; s < layout.stages; s++) {
            if (next[s] < layout.opsPerStage) {
                int code = layout.decode(next[s], layout.warmup[s]);
                int k = code >>> 1;
                boolean forward = (code & 1) == 1;
                waiting.append(String.format(Locale.ROOT, " stage %d at op %d (%s mb %d chunk %d);", s, next[s],
                        forward ? "F" : "B", layout.microBatch(k), layout.chunk(k, forward)));
            }
        }
        return String.format(Locale.ROOT, "pipeline schedule %s blocked with p=%d, m=%d, v=%d:%s no stage can proceed "
                        + "— this is a bug in the schedule's op order, please report it with these numbers",
                schedule, in.stages(), in.microBatches(), in.chunks(), waiting);
    }

    /**
     * The op order of every stage as index arithmetic: op j of a stage is forward or backward number k
     * ({@link #decode}), and the inverse maps a (micro-batch, chunk) back to its op position.
     */
    static final class Layout {
        final int stages;
        final int chunks;
        final int total;
        final int opsPerStage;
        final int groupSize;
        final int[] warmup;

        Layout(PipelineSchedule schedule, int p, int m, int v) {
            this.stages = p;
            this.chunks = v;
            this.total = m * v;
            this.opsPerStage = 2 * total;
            this.groupSize = p * v;
            this.warmup = new int[p];
            for (int s = 0; s < p; s++) {
                warmup[s] = schedule.warmupForwards(p, m, v, s);
            }
        }

        /**
         * Op j of a stage with warm-up w: forwards 0..w−1, then forward w+i and backward i alternately, then the
         * remaining backwards. Returns k·2 + 1 for forward k, k·2 for backward k.
         */
        int decode(int j, int w) {
            if (j < w) {
                return (j << 1) | 1;
            }
            if (j < 2 * total - w) {
                int i = (j - w) >> 1;
                return ((j - w) & 1) == 0 ? ((w + i) << 1) | 1 : i << 1;
            }
            return (j - total) << 1;
        }

        /** Micro-batch of forward or backward number k: micro-batches advance in groups of p. */
        int microBatch(int k) {
            int group = k / groupSize;
            return group * stages + (k - group * groupSize) % stages;
        }

        /** Local chunk of forward (or backward) number k. */
        int chunk(int k, boolean forward) {
            int slot = (k % groupSize) / stages;
            return forward ? slot : chunks - 1 - slot;
        }

        /** Op position, on stage s, of the forward of micro-batch mb through local chunk c. */
        int forwardPosition(int s, int mb, int c) {
            int k = (mb / stages) * groupSize + c * stages + mb % stages;
            int w = warmup[s];
            return k < w ? k : 2 * k - w;
        }

        /** Op position, on stage s, of the backward of micro-batch mb through local chunk c. */
        int backwardPosition(int s, int mb, int c) {
            int k = (mb / stages) * groupSize + (chunks - 1 - c) * stages + mb % stages;
            int w = warmup[s];
            return k < total - w ? w + 2 * k + 1 : k + total;
        }
    }
}
