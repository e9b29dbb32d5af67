package org.mosaic.cluster.inference;

/**
 * One serving plan evaluated: latency, throughput, the decode step's breakdown and the memory of the fullest GPU.
 *
 * @param plan                      the layout
 * @param batch                     sequences in flight per replica
 * @param promptTokens              prompt length
 * @param outputTokens              tokens generated per request
 * @param decodeContextTokens       the context of the decode step evaluated: prompt + output/2, the mean over the output
 * @param timeToFirstTokenSeconds   prefill of one prompt alone (batch 1), through every stage
 * @param timePerOutputTokenSeconds one decode step of the batch: every stage once, at the mean context
 * @param requestLatencySeconds     TTFT + (output − 1) × TPOT
 * @param userTokensPerSecond    1 / TPOT
 * @param gpuTokensPerSecond     batch / TPOT / GPUs of a replica
 * @param tokensPerSecond           every replica
 * @param decode                    the decode step's time by part (sums to TPOT)
 * @param memory                    the fullest GPU's memory
 * @param scaleUpGpus               GPUs of one scale-up domain
 * @param tpInScaleUp               whether a TP group lies inside one scale-up domain
 * @param epInScaleUp               whether an EP group (tp × ep GPUs) lies inside one scale-up domain
 * @param weightsType               the linear layers' weights and multiplies: bf16 or fp8 ({@link ServingPrecision})
 * @param kvCacheType               the KV cache: bf16 or fp8
 */
public record ServingResult(ServingPlan plan, int batch, int promptTokens, int outputTokens, double decodeContextTokens,
                            double timeToFirstTokenSeconds, double timePerOutputTokenSeconds, double requestLatencySeconds,
                            double userTokensPerSecond, double gpuTokensPerSecond, double tokensPerSecond, Decode decode, Memory memory,
                            int scaleUpGpus, boolean tpInScaleUp, boolean epInScaleUp, String weightsType, String kvCacheType) {

    /**
     * The decode step (one output token for the whole batch) by part, seconds; each summed over the layers of every stage and
     * multiplied by the stages (PP micro-batches take turns on a stage).
     *
     * @param weightsSeconds      the matrix multiplies of the layers: weights read from HBM plus their arithmetic
     * @param attentionSeconds    attention over the KV cache: K and V read plus their arithmetic
     * @param elementwiseSeconds  norms, residual adds, rotary, the gated activation (memory-bound)
     * @param logitsSeconds       the output projection on the last stage
     * @param tpAllReduceSeconds  the TP all-reduces (after attention, after the FFN)
     * @param epAllToAllSeconds   the MoE dispatch and combine all-to-alls over the EP groups
     * @param pipelineSeconds     the activations sent from stage to stage
     */
    public record Decode(double weightsSeconds, double attentionSeconds, double elementwiseSeconds, double logitsSeconds, double tpAllReduceSeconds,
                         double epAllToAllSeconds, double pipelineSeconds) {
        /** The parts' sum (= TPOT). */
        public double totalSeconds() {
            return weightsSeconds + attentionSeconds + elementwiseSeconds + logitsSeconds + tpAllReduceSeconds + epAllToAllSeconds + pipelineSeconds;
        }
    }

    /**
     * HBM of the fullest GPU (a first or last stage with its share of the embeddings).
     *
     * @param weightBytes          weights of its layers and embeddings
     * @param kvCacheBytes         K and V of its layers for its sequences at the full context (prompt + output)
     * @param kvCachePerTokenBytes K and V of the whole model per token (2 · layers · KV heads · head dim · bytes of the KV type)
     * @param usableBytes          capacity × the usable fraction
     * @param capacityBytes        the GPU's HBM
     * @param fits                 weights + KV cache ≤ usable
     */
    public record Memory(double weightBytes, double kvCacheBytes, double kvCachePerTokenBytes, double usableBytes, double capacityBytes,
                         boolean fits) {
    }
}
