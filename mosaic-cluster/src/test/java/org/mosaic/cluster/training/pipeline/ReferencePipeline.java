package org.mosaic.cluster.training.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent, slow implementation for the tests: each stage's op list written out the way Megatron-LM's
 * loops produce it, and the step time as the longest path through the explicit dependency graph (Kahn's
 * topological order), with no event loop at all.
 *
 * <p>The op lists are a literal transliteration of {@code forward_backward_pipelining_without_interleaving} and
 * {@code forward_backward_pipelining_with_interleaving} (Megatron-LM {@code megatron/core/pipeline_parallel/
 * schedules.py}): warm-up loop, steady loop of (forward k + warm-up, backward k), cool-down loop; interleaved ops
 * named by {@code get_model_chunk_id} = (k mod p·v) div p (reversed for backward) and
 * {@code get_microbatch_id_in_model_chunk} = (k div p·v)·p + k mod p.
 */
final class ReferencePipeline {

    /** One op: stage, forward or backward, micro-batch, local chunk. */
    record Key(int stage, boolean forward, int microBatch, int chunk) {
    }

    /** Longest-path times of every op, and the op lists. */
    record Solution(List<List<Key>> order, Map<Key, Double> start, Map<Key, Double> end, double makespanSeconds) {
    }

    private ReferencePipeline() {
    }

    /** The op list of stage {@code r}, in Megatron's order. */
    static List<Key> megatronOrder(PipelineSchedule schedule, int p, int m, int v, int r) {
        List<Key> ops = new ArrayList<>();
        if (schedule == PipelineSchedule.ONE_F_ONE_B || v == 1) {
            // forward_backward_pipelining_without_interleaving
            int warmup = Math.min(p - r - 1, m);
            int remaining = m - warmup;
            for (int i = 0; i < warmup; i++) {
                ops.add(new Key(r, true, i, 0));
            }
            for (int i = 0; i < remaining; i++) {
                ops.add(new Key(r, true, i + warmup, 0));
                ops.add(new Key(r, false, i, 0));
            }
            for (int i = remaining; i < m; i++) {
                ops.add(new Key(r, false, i, 0));
            }
            return ops;
        }
        // forward_backward_pipelining_with_interleaving
        int total = m * v;
        int warmup = Math.min((p - r - 1) * 2 + (v - 1) * p, total);
        int remaining = total - warmup;
        for (int k = 0; k < warmup; k++) {
            ops.add(interleaved(r, k, true, p, v));
        }
        for (int k = 0; k < remaining; k++) {
            ops.add(interleaved(r, k + warmup, true, p, v));
            ops.add(interleaved(r, k, false, p, v));
        }
        for (int k = remaining; k < total; k++) {
            ops.add(interleaved(r, k, false, p, v));
        }
        return ops;
    }

    private static Key interleaved(int r, int k, boolean forward, int p, int v) {
        int inGroup = k % (p * v);
        int chunk = inGroup / p;
        if (!forward) {
            chunk = v - chunk - 1;
        }
        int microBatch = (k / (p * v)) * p + k % p;
        return new Key(r, forward, microBatch, chunk);
    }

    /** Longest path through the dependency graph of {@code schedule} on {@code in}. */
    static Solution solve(PipelineSchedule schedule, PipelineInput in) {
        int p = in.stages();
        int m = in.microBatches();
        int v = in.chunks();
        List<List<Key>> order = new ArrayList<>();
        for (int r = 0; r < p; r++) {
            order.add(megatronOrder(schedule, p, m, v, r));
        }
        return solve(in, order);
    }

    /** Longest path through the dependency graph of the given per-stage op lists. */
    static Solution solve(PipelineInput in, List<List<Key>> order) {
        int p = in.stages();
        int v = in.chunks();
        List<Key> nodes = new ArrayList<>();
        Map<Key, Integer> index = new HashMap<>(); // lookup only; every iteration below is over lists
        for (List<Key> stageOps : order) {
            for (Key k : stageOps) {
                if (index.put(k, nodes.size()) != null) {
                    throw new AssertionError("op listed twice: " + k);
                }
                nodes.add(k);
            }
        }
        int n = nodes.size();
        List<List<int[]>> successors = new ArrayList<>(); // {target, 1 if the edge carries a p2p transfer}
        for (int i = 0; i < n; i++) {
            successors.add(new ArrayList<>());
        }
        int[] indegree = new int[n];
        for (List<Key> stageOps : order) { // each stage's own order
            for (int i = 1; i < stageOps.size(); i++) {
                edge(successors, indegree, index.get(stageOps.get(i - 1)), index.get(stageOps.get(i)), false);
            }
        }
        int lastGlobal = p * v - 1;
        for (int i = 0; i < n; i++) { // data dependencies, from the global layer order
            Key k = nodes.get(i);
            int global = k.chunk() * p + k.stage();
            Key dependency;
            if (k.forward()) {
                dependency = global == 0 ? null : key(true, k.microBatch(), global - 1, p);
            } else {
                dependency = global == lastGlobal ? key(true, k.microBatch(), global, p) : key(false, k.microBatch(), global + 1, p);
            }
            if (dependency != null) {
                Integer from = index.get(dependency);
                if (from == null) {
                    throw new AssertionError("dependency " + dependency + " of " + k + " is never run");
                }
                edge(successors, indegree, from, i, dependency.stage() != k.stage());
            }
        }
        double[] start = new double[n];
        double[] end = new double[n];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                ready.add(i);
            }
        }
        int done = 0;
        double makespan = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            Key k = nodes.get(i);
            double duration = k.forward() ? in.forwardSeconds(k.stage(), k.chunk()) : in.backwardSeconds(k.stage(), k.chunk());
            end[i] = start[i] + duration;
            makespan = Math.max(makespan, end[i]);
            done++;
            for (int[] e : successors.get(i)) {
                double arrival = end[i] + (e[1] == 1 ? in.p2pSeconds() : 0.0);
                start[e[0]] = Math.max(start[e[0]], arrival);
                if (--indegree[e[0]] == 0) {
                    ready.add(e[0]);
                }
            }
        }
        if (done != n) {
            throw new IllegalStateException("dependency graph has a cycle: " + (n - done) + " ops never become ready");
        }
        Map<Key, Double> startByKey = new HashMap<>();
        Map<Key, Double> endByKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            startByKey.put(nodes.get(i), start[i]);
            endByKey.put(nodes.get(i), end[i]);
        }
        return new Solution(order, startByKey, endByKey, makespan);
    }

    /** Forwards minus backwards after each op, maximised: the in-flight peak of one stage's op list. */
    static int peakInFlight(List<Key> stageOps) {
        int inFlight = 0;
        int peak = 0;
        for (Key k : stageOps) {
            inFlight += k.forward() ? 1 : -1;
            peak = Math.max(peak, inFlight);
        }
        return peak;
    }

    private static Key key(boolean forward, int microBatch, int global, int p) {
        return new Key(global % p, forward, microBatch, global / p);
    }

    private static void edge(List<List<int[]>> successors, int[] indegree, int from, int to, boolean p2p) {
        successors.get(from).add(new int[] {to, p2p ? 1 : 0});
        indegree[to]++;
    }
}
