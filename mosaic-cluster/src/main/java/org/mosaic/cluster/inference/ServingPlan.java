package org.mosaic.cluster.inference;

import java.util.Locale;
import org.mosaic.cluster.training.ModelSpec;

/**
 * How a model is laid out to serve it. One replica spans {@code pp} pipeline stages of {@code tp × ep} GPUs each: in a
 * stage, attention is tensor-parallel over {@code tp} GPUs and replicated over {@code ep} attention groups, each serving
 * its share of the batch (attention data parallelism, as DeepSeek-V3's serving deployment does); the experts are split
 * over the {@code ep} groups, each expert tensor-parallel over the {@code tp} GPUs of its group. A dense model has
 * {@code ep} 1. {@code dp} replicas serve independent requests. Rank order: TP fastest, then EP, then PP, then DP.
 *
 * @param tp tensor-parallel size
 * @param pp pipeline stages
 * @param ep expert-parallel size (attention groups per stage)
 * @param dp replicas
 */
public record ServingPlan(int tp, int pp, int ep, int dp) {

    public ServingPlan {
        if (tp < 1 || pp < 1 || ep < 1 || dp < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "plan TP %d PP %d EP %d DP %d — expected every size ≥ 1", tp, pp, ep, dp));
        }
    }

    /** GPUs of one replica: tp × ep × pp. */
    public long gpusPerReplica() {
        return (long) tp * ep * pp;
    }

    /** GPUs of every replica. */
    public long gpus() {
        return gpusPerReplica() * dp;
    }

    /** E.g. "TP8 PP1 EP1 DP2". */
    public String label() {
        return String.format(Locale.ROOT, "TP%d PP%d EP%d DP%d", tp, pp, ep, dp);
    }

    /**
     * Refuses a plan the model cannot be cut into (the message names the value, what was expected and a hint): heads not
     * divisible by TP, experts not divisible by EP, EP on a dense model, more stages than layers, a batch the stages'
     * micro-batches and the attention groups cannot share.
     */
    public void check(ModelSpec m, int batch) {
        if (m.heads() % tp != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--tp %d does not divide the %d attention heads of %s — expected a "
                    + "divisor of the heads (hint: --tp %d)", tp, m.heads(), m.name(), largestDivisorAtMost(m.heads(), tp)));
        }
        if (ep > 1 && !m.isMoe()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--ep %d on %s, a dense model — expected --ep 1 (expert parallelism "
                    + "splits the experts of an MoE model)", ep, m.name()));
        }
        if (m.experts() % ep != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--ep %d does not divide the %d experts of %s — expected a divisor "
                    + "of the experts (hint: --ep %d)", ep, m.experts(), m.name(), largestDivisorAtMost(m.experts(), ep)));
        }
        if (pp > m.layers()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--pp %d stages for the %d layers of %s — expected at most one stage "
                    + "per layer", pp, m.layers(), m.name()));
        }
        if (batch < 1 || batch % ((long) pp * ep) != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--batch %d: expected a positive multiple of PP × EP = %d (each of "
                    + "the %d pipeline micro-batches is shared by the %d attention groups; hint: --batch %d)", batch, (long) pp * ep, pp, ep,
                    Math.max(1, (long) Math.ceil(Math.max(1, batch) / (double) (pp * ep))) * pp * ep));
        }
    }

    private static int largestDivisorAtMost(int n, int cap) {
        for (int d = Math.min(n, cap); d >= 1; d--) {
            if (n % d == 0) {
                return d;
            }
        }
        return 1;
    }
}
