package org.mosaic.cluster.training;

import java.util.List;
import java.util.Locale;

import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;

/**
 * Time of one GPU kernel from its FLOPs and the HBM bytes it moves, with size-dependent efficiencies — the compute
 * model of Calculon ([calculon-sc23], 3.65 % mean step-time error on Megatron):
 * t = F / (peak · η<sub>F</sub>(F)) + Q / (B<sub>HBM</sub> · η<sub>Q</sub>(Q)), the "no_overlap" processing mode
 * (a kernel's memory traffic is not hidden under its arithmetic). η<sub>F</sub> steps with the kernel's FLOPs (small
 * matrix multiplies fill fewer streaming multiprocessors and waves) and η<sub>Q</sub> with its bytes (short
 * transfers do not reach full HBM bandwidth); both tables are step functions looked up from the largest
 * threshold down, as Calculon does.
 *
 * @param peakFlopsPerSecond    dense BF16 peak (FLOP/s)
 * @param hbmBytesPerSecond     HBM bandwidth (B/s)
 * @param flopThresholds        descending FLOP thresholds (last 0)
 * @param flopEfficiencies      η<sub>F</sub> for kernels of at least the threshold
 * @param byteThresholds        descending byte thresholds (last 0)
 * @param byteEfficiencies      η<sub>Q</sub> for transfers of at least the threshold
 * @param operandBytes          bytes per element of a multiply's operands as they are read from HBM: 2 (BF16), 1 (FP8), 4
 *                              (FP32 inputs of TF32 math); results are written in BF16 (2 B) whatever the type
 */
public record KernelCosts(double peakFlopsPerSecond, double hbmBytesPerSecond, double[] flopThresholds, double[] flopEfficiencies,
                          double[] byteThresholds, double[] byteEfficiencies, int multiprocessors, double operandBytes) {

    /** BF16 operands (2 B). */
    public KernelCosts(double peakFlopsPerSecond, double hbmBytesPerSecond, double[] flopThresholds, double[] flopEfficiencies,
                       double[] byteThresholds, double[] byteEfficiencies, int multiprocessors) {
        this(peakFlopsPerSecond, hbmBytesPerSecond, flopThresholds, flopEfficiencies, byteThresholds, byteEfficiencies, multiprocessors, 2);
    }

    /**
     * The output tiles cuBLAS computes a large BF16 GEMM in, either orientation (NVIDIA, Matrix Multiplication Background
     * User's Guide §2.3: 256×128 the most efficient tile; [nvidia-matmul-guide]). Restricting the choice to the largest
     * tiles is an assumption (Mosaic developers): smaller tiles waste less of the last wave but run each tile slower.
     */
    static final int TILE_LONG = 256;
    /** The short side of that tile. */
    static final int TILE_SHORT = 128;

    /** Costs without wave quantisation (an ideal or abstract GPU). */
    public KernelCosts(double peakFlopsPerSecond, double hbmBytesPerSecond, double[] flopThresholds, double[] flopEfficiencies,
                       double[] byteThresholds, double[] byteEfficiencies) {
        this(peakFlopsPerSecond, hbmBytesPerSecond, flopThresholds, flopEfficiencies, byteThresholds, byteEfficiencies, 0);
    }

    public KernelCosts {
        if (!(operandBytes == 1 || operandBytes == 2 || operandBytes == 4)) {
            throw new IllegalArgumentException("operand bytes " + operandBytes + " — expected 1 (FP8), 2 (BF16) or 4 (FP32)");
        }
        if (multiprocessors < 0) {
            throw new IllegalArgumentException("multiprocessors " + multiprocessors + " — expected the GPU's streaming multiprocessors "
                    + "(e.g. 108 for an A100), or 0 to leave wave quantisation out");
        }
        if (!(peakFlopsPerSecond > 0) || !(hbmBytesPerSecond > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "peak %s FLOP/s, HBM %s B/s — expected both positive", peakFlopsPerSecond, hbmBytesPerSecond));
        }
        table("FLOP", flopThresholds, flopEfficiencies);
        table("byte", byteThresholds, byteEfficiencies);
        flopThresholds = flopThresholds.clone();
        flopEfficiencies = flopEfficiencies.clone();
        byteThresholds = byteThresholds.clone();
        byteEfficiencies = byteEfficiencies.clone();
    }

    /** The costs of a GPU with its document's efficiency tables (the shipped ones hold Calculon's, [calculon-sc23]). */
    public static KernelCosts of(GpuSpec gpu) {
        GpuSpec.KernelEfficiency e = gpu.efficiency();
        return new KernelCosts(gpu.peakBf16FlopsPerSecond(), gpu.hbmBandwidthBytesPerSecond(), GpuSpec.KernelEfficiency.thresholds(e.matrix()),
                GpuSpec.KernelEfficiency.efficiencies(e.matrix()), GpuSpec.KernelEfficiency.thresholds(e.hbm()),
                GpuSpec.KernelEfficiency.efficiencies(e.hbm()), gpu.multiprocessors());
    }

    /**
     * The costs of {@code gpu}'s matrix multiplies in {@code type}: that type's peak and efficiency table (the BF16 table
     * when the document gives none for it), the operands read at the type's size (FP8 1 B, FP32 4 B), results in BF16.
     *
     * @throws IllegalArgumentException when the GPU document gives no peak for the type
     */
    public static KernelCosts of(GpuSpec gpu, DataType type) {
        double peak = gpu.peak(type);
        if (!(peak > 0)) {
            throw new IllegalArgumentException("matrix-multiply type " + type.word() + " on GPU " + gpu.name() + " — expected a type the GPU "
                    + "document gives a peak for (peak." + type.word() + "); hint: bf16, or a GPU with " + type.word() + " tensor cores (h100-sxm, b200)");
        }
        GpuSpec.KernelEfficiency e = gpu.efficiency();
        return new KernelCosts(peak, gpu.hbmBandwidthBytesPerSecond(), GpuSpec.KernelEfficiency.thresholds(e.matrix(type)),
                GpuSpec.KernelEfficiency.efficiencies(e.matrix(type)), GpuSpec.KernelEfficiency.thresholds(e.hbm()),
                GpuSpec.KernelEfficiency.efficiencies(e.hbm()), gpu.multiprocessors(), type.operandBytes());
    }

    /** Seconds of a kernel doing {@code flops} on the tensor cores and moving {@code bytes} through HBM. */
    public double seconds(double flops, double bytes) {
        double t = 0;
        if (flops > 0) {
            t += flops / (peakFlopsPerSecond * lookup(flopThresholds, flopEfficiencies, flops));
        }
        if (bytes > 0) {
            t += bytes / (hbmBytesPerSecond * lookup(byteThresholds, byteEfficiencies, bytes));
        }
        return t;
    }

    /**
     * A matrix multiply (m×k)·(k×n) repeated {@code batch} times: 2·m·n·k FLOPs each, reading both operands
     * ({@link #operandBytes} per element) and writing the result once in BF16 (2 B); the size that sets the efficiency is one batched kernel, and the
     * m×n output grid's last partial wave of tiles runs on idle multiprocessors ({@link #waveEfficiency}).
     */
    public double gemmSeconds(double m, double n, double k, double batch) {
        double flops = 2 * m * n * k * batch;
        double bytes = (operandBytes * (m * k + k * n) + 2 * m * n) * batch;
        return gemm(flops, bytes, m, n, batch);
    }

    private double gemm(double flops, double bytes, double rows, double cols, double batch) {
        double t = 0;
        if (flops > 0) {
            t += flops / (peakFlopsPerSecond * lookup(flopThresholds, flopEfficiencies, flops) * waveEfficiency(rows, cols, batch));
        }
        if (bytes > 0) {
            t += bytes / (hbmBytesPerSecond * lookup(byteThresholds, byteEfficiencies, bytes));
        }
        return t;
    }

    /**
     * Wave quantisation ([nvidia-matmul-guide] §3.2): an output of rows × cols (× batch) is cut into tiles, one tile per
     * multiprocessor at a time; the last wave leaves multiprocessors idle (and edge tiles are partly empty). The fraction
     * of the waves' tile area that is useful, the better of the tile's two orientations; 1 when the GPU's multiprocessors
     * are not given. E.g. 2,048 × 4,608 on 108 SMs: 288 tiles of 256×128 = 2.67 waves → 3 → 0.889.
     */
    public double waveEfficiency(double rows, double cols, double batch) {
        if (multiprocessors == 0 || rows <= 0 || cols <= 0) {
            return 1;
        }
        double best = 0;
        for (int o = 0; o < 2; o++) {
            double tr = o == 0 ? TILE_LONG : TILE_SHORT;
            double tc = o == 0 ? TILE_SHORT : TILE_LONG;
            double tiles = Math.ceil(rows / tr) * Math.ceil(cols / tc) * batch;
            double waves = Math.ceil(tiles / multiprocessors);
            best = Math.max(best, rows * cols * batch / (waves * multiprocessors * tr * tc));
        }
        return best;
    }

    /**
     * The backward of {@link #gemmSeconds}: the data-gradient multiply (same shape and traffic) plus the
     * weight-gradient multiply, which accumulates into the FP32 main gradient of the k×n weight (read and write 4 B
     * per weight instead of writing 2 B — Megatron's gradient-accumulation fusion). {@code weightGradient} false for
     * multiplies without weights (attention scores).
     */
    public double gemmBackwardSeconds(double m, double n, double k, double batch, boolean weightGradient) {
        // data gradient dA (m×k) = dC (m×n) · Bᵀ: same FLOPs and traffic, output m×k
        double dgrad = gemmSeconds(m, k, n, batch);
        double flops = 2 * m * n * k * batch;
        if (!weightGradient) {
            // the second operand's gradient dB (k×n) = Aᵀ · dC, written in BF16
            return dgrad + gemm(flops, (operandBytes * (m * k + m * n) + 2 * k * n) * batch, k, n, batch);
        }
        double bytes = (operandBytes * (m * k + m * n) + 8 * k * n) * batch;
        return dgrad + gemm(flops, bytes, k, n, batch);
    }

    /** A memory-bound kernel moving {@code bytes} (element-wise ops, norms, softmax, optimizer). */
    public double memorySeconds(double bytes) {
        return seconds(0, bytes);
    }

    private static double lookup(double[] thresholds, double[] eff, double size) {
        for (int i = 0; i < thresholds.length; i++) {
            if (size >= thresholds[i]) {
                return eff[i];
            }
        }
        return eff[eff.length - 1];
    }

    private static void table(String what, double[] t, double[] e) {
        if (t == null || e == null || t.length == 0 || t.length != e.length) {
            throw new IllegalArgumentException(what + " efficiency table — expected thresholds and efficiencies of the same non-zero length");
        }
        for (int i = 0; i < t.length; i++) {
            if (!(e[i] > 0 && e[i] <= 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s efficiency %s — expected 0 < η ≤ 1", what, e[i]));
            }
            if (i > 0 && !(t[i] < t[i - 1])) {
                throw new IllegalArgumentException(what + " thresholds — expected strictly descending sizes, the last 0");
            }
        }
        if (t[t.length - 1] != 0) {
            throw new IllegalArgumentException(what + " thresholds — expected the last threshold 0 (every size covered)");
        }
    }

    /** Source of the processing mode; the efficiency tables are numbers of the GPU documents, with their provenance there. */
    public static List<Provenance> provenance() {
        String src = "Calculon systems/a100_80g.json and h100_80g_nvl8.json (calculon-ai/calculon, [calculon-sc23])";
        return List.of(
                new Provenance("training.kernel.processingMode", "no overlap of arithmetic and HBM traffic", Confidence.PUBLISHED, src,
                        "Calculon's 'no_overlap' mode, used by its validated A100 system"));
    }
}
