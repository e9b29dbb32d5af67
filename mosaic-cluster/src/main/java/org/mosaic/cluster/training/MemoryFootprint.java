package org.mosaic.cluster.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * HBM one GPU of the most loaded pipeline stage needs (bytes, decimal).
 *
 * @param stage              the stage this is for (the one with the largest total)
 * @param weightBytes        BF16 weights (2 B per parameter on the GPU)
 * @param gradientBytes      FP32 main gradients (4 B per parameter)
 * @param optimizerBytes     FP32 master weights + Adam m and v (12 B per parameter, divided by DP × CP with the distributed optimizer)
 * @param activationBytes    activations kept for backward: per layer per micro-batch × the (micro-batch, chunk) pairs in flight
 * @param logitsBytes        FP32 logits of one micro-batch on the last stage
 * @param reserveBytes       CUDA context, NCCL buffers, allocator fragmentation (assumed constant)
 * @param capacityBytes      the GPU's HBM
 * @param hostBytes          what the plan offloads to the second memory tier (0 without offload; not in the HBM totals)
 * @param hostCapacityBytes  the second tier's capacity for one GPU (0 when the plan offloads nothing)
 */
public record MemoryFootprint(int stage, double weightBytes, double gradientBytes, double optimizerBytes, double activationBytes,
                              double logitsBytes, double reserveBytes, double capacityBytes,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) double hostBytes,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) double hostCapacityBytes) {

    /** A footprint without a second tier. */
    public MemoryFootprint(int stage, double weightBytes, double gradientBytes, double optimizerBytes, double activationBytes,
                           double logitsBytes, double reserveBytes, double capacityBytes) {
        this(stage, weightBytes, gradientBytes, optimizerBytes, activationBytes, logitsBytes, reserveBytes, capacityBytes, 0, 0);
    }

    /** Everything in HBM. */
    public double totalBytes() {
        return weightBytes + gradientBytes + optimizerBytes + activationBytes + logitsBytes + reserveBytes;
    }

    /** True when the HBM total fits the HBM and what is offloaded fits the second tier. */
    public boolean fits() {
        return totalBytes() <= capacityBytes && hostBytes <= hostCapacityBytes;
    }

    /** "stage 0 needs 93.1 GB of 80.0 GB: weights 6.3, gradients 12.7, optimizer 0.6, activations 70.3, logits 0.0, reserve 3.0". */
    public String describe() {
        return String.format(Locale.ROOT, "stage %d needs %.1f GB of %.1f GB: weights %.1f, gradients %.1f, optimizer %.1f, activations %.1f,"
                        + " logits %.1f, reserve %.1f", stage, totalBytes() / 1e9, capacityBytes / 1e9, weightBytes / 1e9, gradientBytes / 1e9,
                optimizerBytes / 1e9, activationBytes / 1e9, logitsBytes / 1e9, reserveBytes / 1e9)
                + (hostBytes > 0 ? String.format(Locale.ROOT, "; offloaded %.1f GB of the second tier's %.1f GB", hostBytes / 1e9,
                hostCapacityBytes / 1e9) : "");
    }
}
