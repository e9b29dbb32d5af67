package org.mosaic.cluster.inference;

import java.util.Locale;
import org.mosaic.cluster.training.Collectives;
import org.mosaic.cluster.training.DataType;
import org.mosaic.cluster.training.GpuSpec;
import org.mosaic.cluster.training.GroupNetwork;
import org.mosaic.cluster.training.KernelCosts;
import org.mosaic.cluster.training.LinkCost;
import org.mosaic.cluster.training.ModelSpec;
import org.mosaic.cluster.training.TrainingSystem;

/**
 * Prefill and decode of a transformer under a {@link ServingPlan}, from the same kernel and collective costs as the training
 * step model.
 *
 * <p><b>Kernels.</b> Each matrix multiply is {@link KernelCosts#gemmSeconds}: its FLOPs at the GPU's size-dependent
 * tensor-core efficiency plus its operands' and result's bytes at the size-dependent HBM efficiency (the GPU document's
 * tables, Calculon's [calculon-sc23], "no_overlap"). In decode the weights' bytes dominate, so the time per output token
 * tends to (weights + KV cache read) / (HBM bandwidth × efficiency); in prefill the FLOPs dominate. Attention over the
 * KV cache is one kernel of 4·tokens·context·headDim·(heads/TP) FLOPs reading the K and V of the context (causal prefill
 * halves the FLOPs: FlashAttention skips masked blocks). Element-wise kernels are memory-bound kernels
 * ({@link KernelCosts#memorySeconds}): two RMS norms (read and write the hidden states), two residual adds (two reads, one
 * write), rotary embedding of Q and K (read and write), the gated activation (read the FFN's input halves, write one). Wave quantisation ({@link KernelCosts#waveEfficiency}) is left out:
 * it assumes cuBLAS's largest 256×128 tiles, which would leave 80 % of an A100's SMs idle on the 128 × 2,560 QKV multiply of
 * a 128-token prompt on TP 4, where cuBLAS picks smaller tiles or split-K instead (with it the 128-token TTFT of the check below comes
 * out 96 ms against the 47 ms measured). The embedding lookup is left out (a few hidden vectors).
 *
 * <p><b>Numbers</b> ({@link ServingPrecision}): the linear layers' weights in BF16 (2 B) or FP8 (1 B, multiplied W8A8 at the
 * GPU's {@code peak.fp8} with its FP8 efficiency table, {@link KernelCosts#of(GpuSpec, DataType)}), the KV cache in BF16 or FP8;
 * the embeddings, logits, router, norms, activations and transfers in BF16.
 *
 * <p><b>Communication</b> is exposed (not overlapped with compute), each collective by the fastest algorithm for its size
 * ({@link Collectives#fastestAllReduce}: a tuned library picks tree or ring) on the tier the group's placement gives
 * ({@link GroupNetwork}): per layer a TP all-reduce after attention and one after the FFN (for MoE: of the expert outputs
 * arriving at the group), and for EP &gt; 1 a dispatch and a combine all-to-all of the routed tokens ({@code topK} copies of
 * each, h × 2 B) over the EP groups. Between pipeline stages the activations of the micro-batch (h × 2 B per token).
 *
 * <p><b>MoE routing</b> is assumed uniform (Mosaic developers; real routers are skewed, which makes the busiest group slower):
 * of a group's E/EP local experts, E/EP · (1 − (1 − 1/E)<sup>n·topK</sup>) are hit by the n tokens of the step, each reading its
 * weights once and multiplying its share of the tokens.
 *
 * <p><b>Decode and the pipeline.</b> The batch is cut into PP micro-batches that take turns on the stages, so one output
 * token for every sequence takes PP × the slowest stage's time on a micro-batch; the evaluated context is prompt + output/2,
 * the mean over the generation. <b>Prefill</b> is one prompt alone (batch 1: the time to first token a user sees when the
 * server is not queueing), through the stages in turn.
 *
 * <p><b>Memory.</b> The fullest GPU holds its stage's layers (attention / TP, its experts / TP), its share of the embeddings
 * and the K and V of its layers for the batch / EP sequences of its attention group at the full context (prompt + output);
 * with TP above the KV heads, KV heads are replicated (⌈kvHeads/TP⌉ per GPU). It must fit in {@link #USABLE_MEMORY_FRACTION}
 * of the HBM; the rest covers activations, workspace and fragmentation.
 *
 * <p><b>Checked</b> (ServingModelTest) against closed forms and against TensorRT-LLM's measured time to first token of
 * Llama 2 70B on four A100s at batch 1 ([trtllm-perf-v05], Low Latency, A100 FP16: 377 ms at 2,048 prompt tokens, 47 ms at
 * 128; the model gives 339 ms and 45.7 ms, tolerance 15 %).
 */
public final class ServingModel {

    /** Bytes per activation, and per weight and KV entry in BF16. */
    public static final double BYTES = 2;
    /**
     * The fraction of HBM a serving engine gives weights and KV cache: vLLM's default {@code gpu_memory_utilization} 0.9
     * ([vllm-engine-args]); plausible range 0.85–0.95 (assumed, Mosaic developers).
     */
    public static final double USABLE_MEMORY_FRACTION = 0.9;

    private ServingModel() {
    }

    /** K and V of every layer for one token: 2 · layers · kvHeads · headDim · 2 B. */
    public static double kvCachePerTokenBytes(ModelSpec m) {
        return kvCachePerTokenBytes(m, DataType.BF16);
    }

    /** K and V of every layer for one token in {@code type}: 2 · layers · kvHeads · headDim · bytes. */
    public static double kvCachePerTokenBytes(ModelSpec m, DataType type) {
        return 2.0 * m.layers() * m.kvHeads() * m.headDim() * type.operandBytes();
    }

    /** {@link #evaluate(ModelSpec, TrainingSystem, ServingPlan, int, int, int, ServingPrecision)} in BF16. */
    public static ServingResult evaluate(ModelSpec m, TrainingSystem sys, ServingPlan plan, int batch, int promptTokens, int outputTokens) {
        return evaluate(m, sys, plan, batch, promptTokens, outputTokens, ServingPrecision.BF16);
    }

    /**
     * The plan evaluated; a plan the model cannot be cut into, or that needs more GPUs than the system has, is an
     * {@link IllegalArgumentException} naming the value and the expectation. A plan that does not fit in memory is
     * evaluated all the same ({@link ServingResult.Memory#fits()} false).
     */
    public static ServingResult evaluate(ModelSpec m, TrainingSystem sys, ServingPlan plan, int batch, int promptTokens, int outputTokens,
                                         ServingPrecision types) {
        plan.check(m, batch);
        if (promptTokens < 1 || outputTokens < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "prompt %d, output %d tokens — expected at least 1 each",
                    promptTokens, outputTokens));
        }
        if (plan.gpus() > sys.gpus()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "plan %s needs %,d GPUs, %s has %,d — expected a plan that fits "
                    + "(hint: fewer --dp replicas, or more GPUs)", plan.label(), plan.gpus(), sys.name(), sys.gpus()));
        }
        KernelCosts t = sys.kernels();
        // no wave quantisation: the training model's largest-tile-only assumption idles most SMs on the skinny GEMMs of decode
        KernelCosts k = new KernelCosts(t.peakFlopsPerSecond(), t.hbmBytesPerSecond(), t.flopThresholds(), t.flopEfficiencies(),
                t.byteThresholds(), t.byteEfficiencies(), 0);
        Kernels ks = new Kernels(k, linear(sys, k, types.weights()), types.kvBytes());
        GroupNetwork net = sys.network();
        int tp = plan.tp();
        int ep = plan.ep();
        int pp = plan.pp();
        double h = m.hiddenSize();
        double d = m.headDim();
        double headsPerGpu = m.heads() / (double) tp;
        double kvPerGpu = Math.ceil(m.kvHeads() / (double) tp);
        int layersPerStage = (int) Math.ceil(m.layers() / (double) pp);

        // decode: one micro-batch of batch/pp sequences on a stage, batch/(pp·ep) per attention group
        double micro = batch / (double) pp;
        double perGroup = micro / ep;
        double context = promptTokens + outputTokens / 2.0;
        Layer dec = layer(m, ks, net, plan, perGroup, micro, context, false);
        double logits = k.gemmSeconds(micro, m.vocabSize() / (double) tp, h, 1);
        double p2p = pp > 1 ? Collectives.pointToPointSeconds(micro * h * BYTES, net.link(2, tp * ep)) : 0;
        // the slowest stage: the last (its layers, the logits) when the layers split evenly, else a full one
        double stage = layersPerStage * dec.total() + logits + p2p;
        double tpot = pp * stage;
        ServingResult.Decode parts = new ServingResult.Decode(pp * layersPerStage * dec.weights, pp * layersPerStage * dec.attention,
                pp * layersPerStage * dec.elementwise, pp * logits, pp * layersPerStage * dec.allReduce, pp * layersPerStage * dec.allToAll, pp * p2p);

        // prefill of one prompt, stage after stage
        Layer pre = layer(m, ks, net, plan, promptTokens, promptTokens, promptTokens, true);
        double ttft = m.layers() * pre.total() + k.gemmSeconds(1, m.vocabSize() / (double) tp, h, 1)
                + (pp - 1) * (pp > 1 ? Collectives.pointToPointSeconds(promptTokens * h * BYTES, net.link(2, tp * ep)) : 0);

        // memory of the fullest GPU
        double ffnWeights = m.isMoe() ? m.experts() / (double) ep * m.expertParameters() / tp : m.expertParameters() / tp;
        double linearPerLayer = m.attentionParametersPerLayer() / tp + ffnWeights; // in the weights' type
        double bf16PerLayer = m.routerParametersPerLayer() + 2 * h; // router and norms stay BF16
        double embeddings = (pp == 1 ? m.embeddingParameters() : m.embeddingParameters() - (double) m.vocabSize() * h * (m.family()
                .tiedEmbeddings() ? 0 : 1)) / tp;
        double weightBytes = layersPerStage * (linearPerLayer * types.weightBytes() + bf16PerLayer * BYTES) + embeddings * BYTES;
        double kvBytes = batch / (double) ep * (promptTokens + (double) outputTokens) * layersPerStage * 2 * kvPerGpu * d * types.kvBytes();
        double capacity = sys.gpu().hbmCapacityBytes();
        double usable = capacity * USABLE_MEMORY_FRACTION;
        ServingResult.Memory mem = new ServingResult.Memory(weightBytes, kvBytes, kvCachePerTokenBytes(m, types.kvCache()), usable, capacity,
                weightBytes + kvBytes <= usable);

        int domain = net.scaleUpGpus();
        double perGpu = batch / tpot / plan.gpusPerReplica();
        return new ServingResult(plan, batch, promptTokens, outputTokens, context, ttft, tpot, ttft + (outputTokens - 1) * tpot, 1 / tpot,
                perGpu, perGpu * plan.gpus(), parts, mem, domain, inside(tp, domain), inside(tp * ep, domain), types.weights().word(),
                types.kvCache().word());
    }

    /** Whether a group of {@code span} GPUs is placed inside one domain (whole groups per domain, {@code GroupNetwork.fitsInDomain}). */
    private static boolean inside(long span, int domain) {
        return span <= domain;
    }

    /**
     * The costs of the linear layers' multiplies in {@code type}: BF16 the system's own (without wave quantisation), FP8 the GPU's
     * FP8 peak and table (operands 1 B), refused with the GPU's name when its document gives no FP8 peak.
     */
    private static KernelCosts linear(TrainingSystem sys, KernelCosts bf16, DataType type) {
        if (type == DataType.BF16) {
            return bf16;
        }
        if (!(sys.gpu().peak(type) > 0)) {
            throw new IllegalArgumentException("--weights-type " + type.word() + " on GPU " + sys.gpu().name() + ", whose document gives no peak."
                    + type.word() + " — expected a GPU with " + type.word() + " tensor cores (hint: --weights-type bf16, or --gpu h100-sxm or b200)");
        }
        KernelCosts t = KernelCosts.of(sys.gpu(), type);
        return new KernelCosts(t.peakFlopsPerSecond(), t.hbmBytesPerSecond(), t.flopThresholds(), t.flopEfficiencies(), t.byteThresholds(),
                t.byteEfficiencies(), 0, t.operandBytes());
    }

    /** The BF16 kernels (attention, element-wise, router, logits), the linear layers' multiplies and the KV cache's bytes per element. */
    private record Kernels(KernelCosts bf16, KernelCosts linear, double kvBytes) {
    }

    /** One layer's time by part on one GPU. */
    private record Layer(double weights, double attention, double elementwise, double allReduce, double allToAll) {
        double total() {
            return weights + attention + elementwise + allReduce + allToAll;
        }
    }

    /**
     * One layer: {@code tokens} tokens in one attention group (of {@code stageTokens} in the stage, spread over the EP groups),
     * each attending to {@code context} tokens (for prefill: the prompt itself, causal).
     */
    private static Layer layer(ModelSpec m, Kernels ks, GroupNetwork net, ServingPlan plan, double tokens, double stageTokens,
                               double context, boolean prefill) {
        KernelCosts k = ks.bf16();
        KernelCosts mm = ks.linear();
        int tp = plan.tp();
        int ep = plan.ep();
        double h = m.hiddenSize();
        double d = m.headDim();
        double f = m.ffnHiddenSize();
        double heads = m.heads() / (double) tp;
        double kv = Math.ceil(m.kvHeads() / (double) tp);
        // attention projections: QKV (h → (heads + 2 kv)·d per GPU) and O (heads·d → h)
        double weights = mm.gemmSeconds(tokens, (heads + 2 * kv) * d, h, 1) + mm.gemmSeconds(tokens, h, heads * d, 1);
        // attention over the context: QKᵀ and AV, 2·2·tokens·context·d FLOPs per head; K and V read once per sequence
        double attFlops = 4 * tokens * context * d * heads * (prefill ? 0.5 : 1);
        double kvBytes = (prefill ? tokens : tokens * context) * 2 * kv * d * ks.kvBytes();
        double attention = k.seconds(attFlops, kvBytes);
        int in = m.family().ffnMatrices() - 1;
        double allToAll = 0;
        double expertOut;
        if (m.isMoe()) {
            double routed = stageTokens * m.topK() / ep; // token copies arriving at one EP group
            double local = m.experts() / (double) ep;
            double hit = local * (1 - Math.pow(1 - 1.0 / m.experts(), stageTokens * m.topK()));
            hit = Math.max(hit, Math.min(local, 1));
            double each = routed / hit;
            weights += k.gemmSeconds(tokens, m.experts(), h, 1) // router, replicated
                    + hit * (mm.gemmSeconds(each, in * f / tp, h, 1) + mm.gemmSeconds(each, h, f / tp, 1));
            if (ep > 1) {
                LinkCost link = net.link(ep, tp);
                double send = tokens * m.topK() * h * BYTES;
                allToAll = 2 * Collectives.allToAllSeconds(ep, send, link, net.bisectionBytesPerSecond(ep, tp));
            }
            expertOut = ep > 1 ? routed : tokens;
        } else {
            weights += mm.gemmSeconds(tokens, in * f / tp, h, 1) + mm.gemmSeconds(tokens, h, f / tp, 1);
            expertOut = tokens;
        }
        double ffnTokens = m.isMoe() ? stageTokens * m.topK() / ep : tokens;
        double elementwise = k.memorySeconds(tokens * h * BYTES * 2) * 2 // RMS norms
                + k.memorySeconds(tokens * h * BYTES * 3) * 2 // residual adds
                + k.memorySeconds(tokens * (heads + kv) * d * BYTES * 2) // rotary on Q and K
                + k.memorySeconds(ffnTokens * f / tp * BYTES * (in + 1)); // gated activation
        double allReduce = 0;
        if (tp > 1) {
            LinkCost link = net.link(tp, 1);
            allReduce = allReduce(tp, tokens * h * BYTES, link) + allReduce(tp, expertOut * h * BYTES, link);
        }
        return new Layer(weights, attention, elementwise, allReduce, allToAll);
    }

    private static double allReduce(int ranks, double bytes, LinkCost link) {
        return Collectives.allReduceSeconds(Collectives.fastestAllReduce(ranks, bytes, link), ranks, bytes, link);
    }
}
