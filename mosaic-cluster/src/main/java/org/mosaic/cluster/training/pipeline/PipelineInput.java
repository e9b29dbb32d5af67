package org.mosaic.cluster.training.pipeline;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one pipeline-parallel step costs, op by op: p stages, m micro-batches, v model chunks per stage, the time
 * one micro-batch takes through each chunk forward and backward, and the point-to-point latency between stages.
 *
 * <p>Per-(stage, chunk) times let a caller model a straggler GPU, or the embedding and logit layers that make the
 * first and last stage heavier. Backward times include activation recomputation if any. The p2p time is the
 * delay between one stage finishing an op and the next stage being able to start the dependent op (the
 * activation going forward, or its gradient going back): a latency on the dependency edge, not work on either
 * stage's compute stream (see {@link PipelineSimulator} for the full model). It applies between different stages
 * only: with p = 1 every chunk lives on the one stage and nothing is sent.
 *
 * <p>The arrays are copied on the way in and on the way out; the record is immutable.
 *
 * @param stages          pipeline stages p ≥ 1
 * @param microBatches    micro-batches per step m ≥ 1
 * @param chunks          model chunks per stage v ≥ 1 (the virtual pipeline size; 1 without interleaving)
 * @param forwardSeconds  [stage][chunk]: one micro-batch's forward through that chunk (s), positive and finite
 * @param backwardSeconds [stage][chunk]: one micro-batch's backward (incl. recomputation) through that chunk (s)
 * @param p2pSeconds      one activation or gradient transfer between consecutive stages (s), ≥ 0 and finite
 */
public record PipelineInput(int stages, int microBatches, int chunks, double[][] forwardSeconds, double[][] backwardSeconds,
                            double p2pSeconds) {

    /** Upper bound on p·m·v·2, the ops of one simulated step (keeps the simulator's arrays well inside the heap). */
    public static final long MAX_OPS = 1L << 24;

    public PipelineInput {
        checkShape(stages, microBatches, chunks);
        forwardSeconds = copyTimes("forwardSeconds", forwardSeconds, stages, chunks);
        backwardSeconds = copyTimes("backwardSeconds", backwardSeconds, stages, chunks);
        if (!(p2pSeconds >= 0 && Double.isFinite(p2pSeconds))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "p2pSeconds %s — expected a finite time ≥ 0 in seconds for one activation transfer between "
                            + "stages (hint: 0 for an ideal link; bytes / bandwidth + latency otherwise)", p2pSeconds));
        }
    }

    /**
     * Every stage and chunk alike.
     *
     * @param forwardSecondsPerChunk  one micro-batch's forward through one chunk (s)
     * @param backwardSecondsPerChunk one micro-batch's backward through one chunk (s)
     */
    public static PipelineInput uniform(int stages, int microBatches, int chunks, double forwardSecondsPerChunk,
                                        double backwardSecondsPerChunk, double p2pSeconds) {
        checkShape(stages, microBatches, chunks);
        return new PipelineInput(stages, microBatches, chunks, filled(stages, chunks, forwardSecondsPerChunk),
                filled(stages, chunks, backwardSecondsPerChunk), p2pSeconds);
    }

    /** The forward time of one micro-batch through local chunk {@code chunk} of stage {@code stage} (s). */
    public double forwardSeconds(int stage, int chunk) {
        return forwardSeconds[stage][chunk];
    }

    /** The backward time of one micro-batch through local chunk {@code chunk} of stage {@code stage} (s). */
    public double backwardSeconds(int stage, int chunk) {
        return backwardSeconds[stage][chunk];
    }

    /** A copy of the forward times, [stage][chunk]. */
    @Override
    public double[][] forwardSeconds() {
        return deepCopy(forwardSeconds);
    }

    /** A copy of the backward times, [stage][chunk]. */
    @Override
    public double[][] backwardSeconds() {
        return deepCopy(backwardSeconds);
    }

    /** Total forward plus backward time of one micro-batch through every chunk of {@code stage} (s). */
    public double stageSecondsPerMicroBatch(int stage) {
        double sum = 0;
        for (int c = 0; c < chunks; c++) {
            sum += forwardSeconds[stage][c] + backwardSeconds[stage][c];
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PipelineInput that && stages == that.stages && microBatches == that.microBatches
                && chunks == that.chunks && Double.compare(p2pSeconds, that.p2pSeconds) == 0
                && Arrays.deepEquals(forwardSeconds, that.forwardSeconds)
                && Arrays.deepEquals(backwardSeconds, that.backwardSeconds);
    }

    @Override
    public int hashCode() {
        int h = Integer.hashCode(stages);
        h = 31 * h + Integer.hashCode(microBatches);
        h = 31 * h + Integer.hashCode(chunks);
        h = 31 * h + Arrays.deepHashCode(forwardSeconds);
        h = 31 * h + Arrays.deepHashCode(backwardSeconds);
        return 31 * h + Double.hashCode(p2pSeconds);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PipelineInput[stages=%d, microBatches=%d, chunks=%d, forwardSeconds=%s, "
                        + "backwardSeconds=%s, p2pSeconds=%s]", stages, microBatches, chunks,
                Arrays.deepToString(forwardSeconds), Arrays.deepToString(backwardSeconds), p2pSeconds);
    }

    /** Validates p, m and v (shared with {@link PipelineSchedule#check}). */
    static void checkShape(int stages, int microBatches, int chunks) {
        if (stages < 1) {
            throw new IllegalArgumentException("pipeline stages " + stages
                    + " — expected at least 1 (the pipeline-parallel size p; 1 means no pipelining)");
        }
        if (microBatches < 1) {
            throw new IllegalArgumentException("micro-batches " + microBatches
                    + " — expected at least 1 (global batch / (micro-batch size × data-parallel size))");
        }
        if (chunks < 1) {
            throw new IllegalArgumentException("model chunks per stage " + chunks
                    + " — expected at least 1 (the virtual pipeline size v; 1 means no interleaving)");
        }
        long ops = 2L * stages * microBatches * chunks;
        if (ops > MAX_OPS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "pipeline of %d stages × %d micro-batches × %d chunks has %d ops — expected at most %d "
                            + "(hint: a step with this many micro-batches is better modelled by its steady state)",
                    stages, microBatches, chunks, ops, MAX_OPS));
        }
    }

    private static double[][] copyTimes(String name, double[][] times, int stages, int chunks) {
        if (times == null) {
            throw new IllegalArgumentException(name + " null — expected a [" + stages + "][" + chunks
                    + "] array of seconds per micro-batch (hint: PipelineInput.uniform for equal times)");
        }
        if (times.length != stages) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s has %d rows — expected one per pipeline stage, %d (indexed [stage][chunk])",
                    name, times.length, stages));
        }
        double[][] copy = new double[stages][];
        for (int s = 0; s < stages; s++) {
            double[] row = times[s];
            if (row == null || row.length != chunks) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s[%d] has %s entries — expected one per model chunk, %d (indexed [stage][chunk])",
                        name, s, row == null ? "null instead of" : String.valueOf(row.length), chunks));
            }
            for (int c = 0; c < chunks; c++) {
                if (!(row[c] > 0 && Double.isFinite(row[c]))) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "%s[%d][%d] %s — expected a positive finite time in seconds for one micro-batch "
                                    + "through that chunk (hint: 1.5 ms is 1.5e-3)", name, s, c, row[c]));
                }
            }
            copy[s] = row.clone();
        }
        return copy;
    }

    private static double[][] filled(int stages, int chunks, double seconds) {
        double[][] a = new double[stages][chunks];
        for (double[] row : a) {
            Arrays.fill(row, seconds);
        }
        return a;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }
}
