package org.mosaic.cluster.training.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
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
 * not modelled, so the simulated step is the fully overlapped ideal and a lower bound for a blocking
 * implementation. Kernel launch gaps, the optimizer step and the data-parallel gradient reduction are outside
 * the step.
 *
 * <p><b>Consequence worth knowing.</b> In the 1F1B steady state a stage's next backward waits for a round trip
 * through the later stages, so a p2p latency c is exposed throughout the step, not only in the fill and drain:
 * with uniform times the 1F1B step is (m+p−1)·(f+b) + 2c·[(p−1) + (m−1) − ⌈(m−1)/p⌉], about 2c·(p−1)/p per
 * micro-batch when m ≫ p (derived and tested in {@code PipelineClosedFormTest}). Megatron's interleaved order
 * instead exposes only one micro-batch's 2·(p·v − 1) crossings, 2·(p·v − 1)·c, while c is small against the
 * chunk times (observed and tested, not derived): its extra p − r − 1 warm-up forwards are slack that hides it.
 *
 * <p><b>Guarantee.</b> Each op's start equals the longest path to it in the dependency graph made of the data
 * edges above (weighted by the p2p time) and each stage's order; the simulation fails loudly
 * ({@link IllegalStateException}) if a stage's order ever waits on an op that cannot run, which for the
 * Megatron orders would be a bug here.
 *
 * <p><b>Cost.</b> O(p·m·v) time; two arrays of p·m·v doubles plus per-stage arrays, no division in the inner
 * loop, and no object per op unless the timeline is recorded.
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
        int p = in.stages();
        schedule.check(p, in.microBatches(), in.chunks());
        int[] warmup = new int[p];
        for (int s = 0; s < p; s++) {
            warmup[s] = schedule.warmupForwards(p, in.microBatches(), in.chunks(), s);
        }
        return run(in, schedule.name(), warmup, recordTimeline);
    }

    /**
     * Simulates stages that run the three-phase order (warm-up forwards, alternating forward/backward, cool-down
     * backwards) with the given warm-up counts. Package-private so that tests can feed the guard a broken order.
     */
    static PipelineResult run(PipelineInput in, String name, int[] warmup, boolean recordTimeline) {
        final int p = in.stages();
        final int m = in.microBatches();
        final int v = in.chunks();
        final int total = m * v;
        final int opsPerStage = 2 * total;
        checkWarmups(warmup, p, total);
        final int lastGlobal = p * v - 1;
        final double link = p > 1 ? in.p2pSeconds() : 0; // one stage: consecutive chunks share the GPU

        final double[] fwd = new double[p * v]; // indexed by global chunk g = c·p + s
        final double[] bwd = new double[p * v];
        for (int s = 0; s < p; s++) {
            for (int c = 0; c < v; c++) {
                fwd[c * p + s] = in.forwardSeconds(s, c);
                bwd[c * p + s] = in.backwardSeconds(s, c);
            }
        }
        // end time of the forward / backward of micro-batch i through global chunk g at g·m + i; −1 = not run yet
        final double[] forwardEnd = new double[p * v * m];
        final double[] backwardEnd = new double[p * v * m];
        Arrays.fill(forwardEnd, -1);
        Arrays.fill(backwardEnd, -1);
        // per stage, where its next forward and next backward stand in Megatron's numbering (PipelineSchedule):
        // op k = g·p·v + j·p + i is micro-batch g·p + i in slot j; stored as (micro-batch, slot j, i) twice
        final int[] cursor = new int[6 * p];
        final int[] next = new int[p];
        final double[] free = new double[p];
        final double[] busy = new double[p];
        final int[] inFlight = new int[p];
        final int[] peak = new int[p];
        final double[] lastBackwardStart = new double[p];
        final PipelineResult.Op[][] byStage = recordTimeline ? new PipelineResult.Op[p][opsPerStage] : null;

        long remaining = (long) p * opsPerStage;
        boolean ascending = true;
        while (remaining > 0) {
            boolean moved = false;
            for (int n = 0; n < p; n++) {
                // sweep up then down: forward inputs flow to higher stages, gradients to lower ones
                final int s = ascending ? n : p - 1 - n;
                final int w = warmup[s];
                final int steadyEnd = 2 * total - w;
                final int start = next[s];
                int j = start;
                double t = free[s];
                double stageBusy = busy[s];
                int stageInFlight = inFlight[s];
                int stagePeak = peak[s];
                double stageLastBackward = lastBackwardStart[s];
                int fMb = cursor[6 * s];
                int fSlot = cursor[6 * s + 1];
                int fIn = cursor[6 * s + 2];
                int bMb = cursor[6 * s + 3];
                int bSlot = cursor[6 * s + 4];
                int bIn = cursor[6 * s + 5];
                while (j < opsPerStage) {
                    final boolean forward = j < w || (j < steadyEnd && ((j - w) & 1) == 0);
                    final int mb;
                    final int global;
                    final double ready;
                    if (forward) {
                        mb = fMb;
                        global = fSlot * p + s;
                        if (global == 0) {
                            ready = 0;
                        } else {
                            double e = forwardEnd[(global - 1) * m + mb];
                            if (e < 0) {
                                break;
                            }
                            ready = e + link;
                        }
                    } else {
                        mb = bMb;
                        global = (v - 1 - bSlot) * p + s;
                        double e = global == lastGlobal ? forwardEnd[global * m + mb] : backwardEnd[(global + 1) * m + mb];
                        if (e < 0) {
                            break;
                        }
                        ready = global == lastGlobal ? e : e + link;
                    }
                    final double begin = t >= ready ? t : ready; // no NaN here, so the plain compare suffices
                    if (forward) {
                        final double duration = fwd[global];
                        t = begin + duration;
                        stageBusy += duration;
                        forwardEnd[global * m + mb] = t;
                        stagePeak = Math.max(stagePeak, ++stageInFlight);
                        // advance to the next forward: next micro-batch of the group, else next slot, else next group
                        if (++fIn < p) {
                            fMb++;
                        } else if (++fSlot < v) {
                            fIn = 0;
                            fMb -= p - 1;
                        } else {
                            fIn = 0;
                            fSlot = 0;
                            fMb++;
                        }
                    } else {
                        final double duration = bwd[global];
                        t = begin + duration;
                        stageBusy += duration;
                        backwardEnd[global * m + mb] = t;
                        stageInFlight--;
                        stageLastBackward = begin;
                        if (++bIn < p) {
                            bMb++;
                        } else if (++bSlot < v) {
                            bIn = 0;
                            bMb -= p - 1;
                        } else {
                            bIn = 0;
                            bSlot = 0;
                            bMb++;
                        }
                    }
                    if (byStage != null) {
                        byStage[s][j] = new PipelineResult.Op(s, mb, global / p, forward, begin, t);
                    }
                    j++;
                }
                if (j > start) {
                    next[s] = j;
                    free[s] = t;
                    busy[s] = stageBusy;
                    inFlight[s] = stageInFlight;
                    peak[s] = stagePeak;
                    lastBackwardStart[s] = stageLastBackward;
                    cursor[6 * s] = fMb;
                    cursor[6 * s + 1] = fSlot;
                    cursor[6 * s + 2] = fIn;
                    cursor[6 * s + 3] = bMb;
                    cursor[6 * s + 4] = bSlot;
                    cursor[6 * s + 5] = bIn;
                    remaining -= j - start;
                    moved = true;
                }
            }
            if (!moved) {
                throw new IllegalStateException(deadlockMessage(in, name, warmup, next, cursor));
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
        List<PipelineResult.Op> timeline = List.of();
        if (byStage != null) {
            timeline = new ArrayList<>(p * opsPerStage);
            for (PipelineResult.Op[] ops : byStage) {
                timeline.addAll(Arrays.asList(ops));
            }
        }
        return new PipelineResult(makespan, busy, bubble, makespan > 0 ? bubble / makespan : 0, peak,
                lastBackwardStart, free, timeline);
    }

    private static void checkWarmups(int[] warmup, int p, int total) {
        if (warmup.length != p) {
            throw new IllegalArgumentException("warm-ups for " + warmup.length + " stages — expected " + p);
        }
        for (int w : warmup) {
            if (w < 0 || w > total) {
                throw new IllegalArgumentException("warm-up " + w + " forwards — expected 0 ≤ w ≤ m·v = " + total);
            }
        }
    }

    private static String deadlockMessage(PipelineInput in, String name, int[] warmup, int[] next, int[] cursor) {
        StringBuilder waiting = new StringBuilder();
        int total = in.microBatches() * in.chunks();
        for (int s = 0; s < in.stages(); s++) {
            int j = next[s];
            if (j < 2 * total) {
                int w = warmup[s];
                boolean forward = j < w || (j < 2 * total - w && ((j - w) & 1) == 0);
                int mb = forward ? cursor[6 * s] : cursor[6 * s + 3];
                int chunk = forward ? cursor[6 * s + 1] : in.chunks() - 1 - cursor[6 * s + 4];
                waiting.append(String.format(Locale.ROOT, " stage %d at op %d (%s mb %d chunk %d);", s, j,
                        forward ? "F" : "B", mb, chunk));
            }
        }
        return String.format(Locale.ROOT, "pipeline schedule %s blocked with p=%d, m=%d, v=%d, warm-ups %s:%s no stage "
                        + "can proceed — this is a bug in the schedule's op order, please report it with these numbers",
                name, in.stages(), in.microBatches(), in.chunks(), Arrays.toString(warmup), waiting);
    }
}
