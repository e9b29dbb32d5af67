package org.mosaic.cluster.training;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;

/**
 * An accelerator as the training model sees it: dense BF16 peak (the MFU denominator), HBM bandwidth and
 * capacity. Peak is the dense (non-sparse) tensor-core number.
 *
 * @param name                   preset or user name
 * @param peakBf16FlopsPerSecond dense BF16 peak (FLOP/s)
 * @param hbmBandwidthBytesPerSecond HBM bandwidth (B/s)
 * @param hbmCapacityBytes       HBM capacity (B, decimal)
 */
public record GpuSpec(String name, double peakBf16FlopsPerSecond, double hbmBandwidthBytesPerSecond, double hbmCapacityBytes) {

    public GpuSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("GPU name '" + name + "' — expected a non-blank name, e.g. \"h100-sxm\"");
        }
        positive(name, "peakBf16FlopsPerSecond", peakBf16FlopsPerSecond, "FLOP/s, e.g. 989e12 for an H100 SXM");
        positive(name, "hbmBandwidthBytesPerSecond", hbmBandwidthBytesPerSecond, "bytes/s, e.g. 3.35e12");
        positive(name, "hbmCapacityBytes", hbmCapacityBytes, "bytes, e.g. 80e9");
    }

    private static void positive(String gpu, String field, double v, String hint) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "GPU %s: %s %s — expected a positive finite value in %s",
                    gpu, field, v, hint));
        }
    }

    /** A100 SXM 80 GB: 312 TFLOP/s BF16, 2.039 TB/s, 80 GB. */
    public static final GpuSpec A100_80G = new GpuSpec("a100-80g", 312e12, 2.039e12, 80e9);
    /** H100 SXM: 989 TFLOP/s BF16, 3.35 TB/s, 80 GB. */
    public static final GpuSpec H100_SXM = new GpuSpec("h100-sxm", 989e12, 3.35e12, 80e9);
    /** B200 (HGX): 2.25 PFLOP/s dense BF16, 8 TB/s, 180 GB. */
    public static final GpuSpec B200 = new GpuSpec("b200", 2.25e15, 8e12, 180e9);

    private static final List<GpuSpec> ALL = List.of(A100_80G, H100_SXM, B200);

    /** Every preset, in a fixed order. */
    public static List<GpuSpec> presets() {
        return ALL;
    }

    /** The preset called {@code name}, if any. */
    public static Optional<GpuSpec> find(String name) {
        return ALL.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The preset called {@code name}; throws with the known names otherwise. */
    public static GpuSpec byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(String.format(Locale.ROOT,
                "GPU preset '%s' — expected one of %s", name, ALL.stream().map(GpuSpec::name).toList())));
    }

    /** Where each preset number comes from. */
    public static List<Provenance> provenance() {
        String s5 = "[nvidia-a100-datasheet], [nvidia-h100-datasheet]";
        return List.of(
                new Provenance("training.gpu.a100-80g.peakBf16", "312 TFLOP/s", Confidence.PUBLISHED, s5, "dense BF16"),
                new Provenance("training.gpu.h100-sxm.peakBf16", "989 TFLOP/s", Confidence.PUBLISHED, s5, "dense BF16"),
                new Provenance("training.gpu.a100-80g.hbm", "2.039 TB/s, 80 GB", Confidence.ASSUMED,
                        "assumed (Mosaic developers); context: [nvidia-a100-datasheet] (recalled by the Mosaic developers)", "HBM2e, SXM version"),
                new Provenance("training.gpu.h100-sxm.hbm", "3.35 TB/s, 80 GB", Confidence.ASSUMED,
                        "assumed (Mosaic developers); context: [nvidia-h100-datasheet] (recalled by the Mosaic developers)", "HBM3, SXM5 version"),
                new Provenance("training.gpu.b200", "2.25 PFLOP/s dense BF16, 8 TB/s, 180 GB", Confidence.ASSUMED,
                        "assumed (Mosaic developers); context: [nvidia-b200-datasheet] (1,440 GB over 8 GPUs; recalled by the Mosaic developers)",
                        "dense = half the quoted sparse figure; verify before relying on B200 results"));
    }
}
