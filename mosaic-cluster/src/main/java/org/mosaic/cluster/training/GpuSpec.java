package org.mosaic.cluster.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mosaic.core.catalog.Catalog;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.core.units.UnitException;

/**
 * An accelerator as the training model sees it: dense BF16 peak (the MFU denominator), HBM bandwidth and
 * capacity, and the size-dependent kernel efficiencies of {@link KernelCosts}. Peak is the dense (non-sparse)
 * tensor-core number. GPUs are documents ({@code kind: gpu}); the shipped ones are the resources
 * {@code /presets/gpu/NAME.yaml} with their provenance, read by {@link #preset} and {@link #from}.
 *
 * @param name                       preset or user name
 * @param peakBf16FlopsPerSecond     dense BF16 peak (FLOP/s)
 * @param hbmBandwidthBytesPerSecond HBM bandwidth (B/s)
 * @param hbmCapacityBytes           HBM capacity (B, decimal)
 * @param efficiency                 kernel efficiency tables (step functions by kernel size)
 * @param multiprocessors            streaming multiprocessors (the wave size of a GEMM's tiles), 0 when not given
 * @param peakFp8FlopsPerSecond      dense FP8 tensor-core peak (FLOP/s), 0 when the GPU has none (or the document does not say)
 * @param peakFp32FlopsPerSecond     dense FP32-input (TF32) tensor-core peak (FLOP/s), 0 when the document does not say
 * @param hostMemory                 the second memory tier offload goes to (host DRAM over PCIe or C2C), null when the document
 *                                   gives none (then no plan may offload)
 */
public record GpuSpec(String name, double peakBf16FlopsPerSecond, double hbmBandwidthBytesPerSecond, double hbmCapacityBytes,
                      KernelEfficiency efficiency, int multiprocessors, double peakFp8FlopsPerSecond, double peakFp32FlopsPerSecond,
                      HostMemory hostMemory) {

    /** A GPU without a second memory tier. */
    public GpuSpec(String name, double peakBf16FlopsPerSecond, double hbmBandwidthBytesPerSecond, double hbmCapacityBytes,
                   KernelEfficiency efficiency, int multiprocessors, double peakFp8FlopsPerSecond, double peakFp32FlopsPerSecond) {
        this(name, peakBf16FlopsPerSecond, hbmBandwidthBytesPerSecond, hbmCapacityBytes, efficiency, multiprocessors, peakFp8FlopsPerSecond,
                peakFp32FlopsPerSecond, null);
    }

    /**
     * The second memory tier as one GPU sees it (Calculon's {@code mem2}, [calculon-sc23]): its share of the host's memory and
     * the link to it, per direction (PCIe or NVLink-C2C). Offloaded weights, activations and optimizer state live here and
     * stream to and from HBM at {@code bandwidth × efficiency}.
     *
     * @param capacityBytes           bytes of the tier available to one GPU
     * @param bandwidthBytesPerSecond nominal bandwidth per direction (B/s)
     * @param efficiency              achievable fraction of it, (0, 1]
     */
    public record HostMemory(double capacityBytes, double bandwidthBytesPerSecond, double efficiency) {
        public HostMemory {
            if (!(capacityBytes > 0 && Double.isFinite(capacityBytes) && bandwidthBytesPerSecond > 0 && Double.isFinite(bandwidthBytesPerSecond)
                    && efficiency > 0 && efficiency <= 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "host memory %s B at %s B/s × %s — expected a positive "
                        + "capacity and bandwidth and an efficiency in (0, 1]", capacityBytes, bandwidthBytesPerSecond, efficiency));
            }
        }

        /** Seconds to move {@code bytes} one way. */
        public double seconds(double bytes) {
            return bytes / (bandwidthBytesPerSecond * efficiency);
        }
    }

    /** The same GPU with another second memory tier (null: none). */
    public GpuSpec withHostMemory(HostMemory tier) {
        return new GpuSpec(name, peakBf16FlopsPerSecond, hbmBandwidthBytesPerSecond, hbmCapacityBytes, efficiency, multiprocessors,
                peakFp8FlopsPerSecond, peakFp32FlopsPerSecond, tier);
    }

    /** A GPU without a multiprocessor count (no wave quantisation) and with BF16 only. */
    public GpuSpec(String name, double peakBf16FlopsPerSecond, double hbmBandwidthBytesPerSecond, double hbmCapacityBytes,
                   KernelEfficiency efficiency) {
        this(name, peakBf16FlopsPerSecond, hbmBandwidthBytesPerSecond, hbmCapacityBytes, efficiency, 0);
    }

    /** A GPU with BF16 only. */
    public GpuSpec(String name, double peakBf16FlopsPerSecond, double hbmBandwidthBytesPerSecond, double hbmCapacityBytes,
                   KernelEfficiency efficiency, int multiprocessors) {
        this(name, peakBf16FlopsPerSecond, hbmBandwidthBytesPerSecond, hbmCapacityBytes, efficiency, multiprocessors, 0, 0);
    }

    /** The dense tensor-core peak of a matrix-multiply type, 0 when the GPU document does not give it. */
    public double peak(DataType type) {
        return switch (type) {
            case BF16 -> peakBf16FlopsPerSecond;
            case FP8 -> peakFp8FlopsPerSecond;
            case FP32 -> peakFp32FlopsPerSecond;
        };
    }

    /** One step of an efficiency table: kernels of at least {@code atLeast} (FLOP or bytes) run at {@code efficiency}. */
    public record Step(double atLeast, double efficiency) {
    }

    /**
     * The efficiency tables of a GPU, each a step function looked up from the largest threshold down (Calculon's
     * model, [calculon-sc23]): tensor-core efficiency by a kernel's FLOPs, HBM efficiency by the bytes it moves.
     */
    public record KernelEfficiency(List<Step> matrix, List<Step> hbm, List<Step> matrixFp8, List<Step> matrixFp32) {
        /** BF16 and HBM tables; the FP8 and FP32 multiplies use the BF16 table. */
        public KernelEfficiency(List<Step> matrix, List<Step> hbm) {
            this(matrix, hbm, List.of(), List.of());
        }

        public KernelEfficiency {
            matrix = List.copyOf(matrix);
            hbm = List.copyOf(hbm);
            matrixFp8 = matrixFp8 == null ? List.of() : List.copyOf(matrixFp8);
            matrixFp32 = matrixFp32 == null ? List.of() : List.copyOf(matrixFp32);
        }

        /** The tensor-core table of a type: its own when the document gives one, else the BF16 table. */
        public List<Step> matrix(DataType type) {
            List<Step> own = switch (type) {
                case BF16 -> matrix;
                case FP8 -> matrixFp8;
                case FP32 -> matrixFp32;
            };
            return own.isEmpty() ? matrix : own;
        }

        static double[] thresholds(List<Step> steps) {
            return steps.stream().mapToDouble(Step::atLeast).toArray();
        }

        static double[] efficiencies(List<Step> steps) {
            return steps.stream().mapToDouble(Step::efficiency).toArray();
        }
    }

    public GpuSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("GPU name '" + name + "' — expected a non-blank name, e.g. \"h100-sxm\"");
        }
        positive(name, "peakBf16FlopsPerSecond", peakBf16FlopsPerSecond, "FLOP/s, e.g. 989e12 for an H100 SXM");
        positive(name, "hbmBandwidthBytesPerSecond", hbmBandwidthBytesPerSecond, "bytes/s, e.g. 3.35e12");
        positive(name, "hbmCapacityBytes", hbmCapacityBytes, "bytes, e.g. 80e9");
        if (!(peakFp8FlopsPerSecond >= 0 && Double.isFinite(peakFp8FlopsPerSecond) && peakFp32FlopsPerSecond >= 0
                && Double.isFinite(peakFp32FlopsPerSecond))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "GPU %s: FP8 peak %s, FP32 peak %s FLOP/s — expected finite values ≥ 0 "
                    + "(0 = not given)", name, peakFp8FlopsPerSecond, peakFp32FlopsPerSecond));
        }
        if (multiprocessors < 0) {
            throw new IllegalArgumentException("GPU " + name + ": multiprocessors " + multiprocessors + " — expected the streaming "
                    + "multiprocessor count, e.g. 132 for an H100 SXM");
        }
        if (efficiency == null) {
            throw new IllegalArgumentException("GPU " + name + ": kernel efficiency tables are required (hint: copy kernelEfficiency from "
                    + "`mosaic presets show h100-sxm`)");
        }
    }

    private static void positive(String gpu, String field, double v, String hint) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "GPU %s: %s %s — expected a positive finite value in %s",
                    gpu, field, v, hint));
        }
    }

    /** The shipped A100 SXM 80 GB ({@code /presets/gpu/a100-80g.yaml}). */
    public static final GpuSpec A100_80G = preset("a100-80g");
    /** The shipped H100 SXM ({@code /presets/gpu/h100-sxm.yaml}). */
    public static final GpuSpec H100_SXM = preset("h100-sxm");
    /** The shipped B200 ({@code /presets/gpu/b200.yaml}). */
    public static final GpuSpec B200 = preset("b200");

    /** Names of the shipped GPUs, in display order. */
    public static List<String> names() {
        return Documents.names(Documents.Kind.GPU);
    }

    /** The shipped GPU {@code name}; an unknown name is a {@link ScenarioException} listing the shipped ones. */
    public static GpuSpec preset(String name) {
        return from(Documents.preset(Documents.Kind.GPU, name));
    }

    /** The shipped GPU {@code name}, or empty when no GPU of that name ships. */
    public static java.util.Optional<GpuSpec> find(String name) {
        return names().contains(name) ? java.util.Optional.of(preset(name)) : java.util.Optional.empty();
    }

    /** Every shipped GPU, in display order. */
    public static List<GpuSpec> presets() {
        return names().stream().map(GpuSpec::preset).toList();
    }

    /**
     * The preset called {@code name}; throws {@link IllegalArgumentException} with the known names otherwise (kept for
     * callers that report argument errors).
     */
    public static GpuSpec byName(String name) {
        try {
            return preset(name);
        } catch (ScenarioException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** A {@code kind: gpu} document bound and validated at once (every problem reported, unknown keys with the closest). */
    public static GpuSpec from(ScenarioDocument doc) {
        SpecReader r = Documents.reader(Documents.Kind.GPU, doc);
        GpuSpec g = read(r, doc.tree(), "");
        r.finish();
        return g;
    }

    /**
     * Reads a GPU at {@code prefix} ("" for a gpu document, "gpu." for one inline in a system document) into
     * {@code r}, which collects the problems; returns null when anything is wrong (the caller's {@code finish()}
     * throws them).
     */
    static GpuSpec read(SpecReader r, ObjectNode tree, String prefix) {
        String name = r.text(prefix + "name", null);
        if (name == null || name.isBlank()) {
            r.problem(prefix + "name", name, "a name for the GPU, e.g. h100-sxm");
        }
        r.text(prefix + "description", "");
        r.ignore(prefix + "provenance");
        double peak = r.quantity(prefix + "peak.bf16", Dimension.COMPUTE_RATE, 1e9, 1e18);
        // other types are optional: a plan computing in a type its GPU does not give is refused
        double peakFp8 = r.has(prefix + "peak.fp8") ? r.quantity(prefix + "peak.fp8", Dimension.COMPUTE_RATE, 1e9, 1e18) : 0;
        double peakFp32 = r.has(prefix + "peak.fp32") ? r.quantity(prefix + "peak.fp32", Dimension.COMPUTE_RATE, 1e9, 1e18) : 0;
        JsonNode peaks = at(tree, prefix + "peak");
        if (peaks != null && peaks.isObject()) {
            for (Iterator<String> it = peaks.fieldNames(); it.hasNext(); ) {
                String type = it.next();
                if (!List.of("bf16", "fp8", "fp32").contains(type)) {
                    String path = prefix + "peak." + type;
                    r.problem(path, peaks.get(type).asText(), "a matrix-multiply type the step model computes in: bf16, fp8 or fp32 "
                            + "(TF32 math on FP32 inputs)" + SpecReader.didYouMean(type, List.of("bf16", "fp8", "fp32")));
                    r.ignore(path);
                }
            }
        }
        double capacity = r.quantity(prefix + "hbm.capacity", Dimension.DATA_SIZE, 1e6, 1e15);
        double bandwidth = r.quantity(prefix + "hbm.bandwidth", Dimension.DATA_RATE, 8e6, 8e16) / 8;
        int sms = r.has(prefix + "multiprocessors") ? r.integer(prefix + "multiprocessors", 1, 100_000, 0) : 0;
        List<Step> matrix = table(r, tree, prefix + "kernelEfficiency.matrix", Dimension.OPERATIONS);
        List<Step> hbm = table(r, tree, prefix + "kernelEfficiency.hbm", Dimension.DATA_SIZE);
        List<Step> matrixFp8 = r.has(prefix + "kernelEfficiency.matrixFp8")
                ? table(r, tree, prefix + "kernelEfficiency.matrixFp8", Dimension.OPERATIONS) : List.of();
        List<Step> matrixFp32 = r.has(prefix + "kernelEfficiency.matrixFp32")
                ? table(r, tree, prefix + "kernelEfficiency.matrixFp32", Dimension.OPERATIONS) : List.of();
        if (matrixFp8 != null && !matrixFp8.isEmpty() && peakFp8 == 0) {
            r.problem(prefix + "kernelEfficiency.matrixFp8", "a table", "peak.fp8 beside it: an FP8 efficiency table without an FP8 peak");
        }
        HostMemory host = null;
        if (r.has(prefix + "hostMemory")) {
            // the second tier: all three keys or none
            double hostCapacity = r.quantity(prefix + "hostMemory.capacity", Dimension.DATA_SIZE, 1e6, 1e16);
            double hostBandwidth = r.quantity(prefix + "hostMemory.bandwidth", Dimension.DATA_RATE, 8e6, 8e16) / 8;
            double hostEfficiency = r.has(prefix + "hostMemory.efficiency")
                    ? r.quantity(prefix + "hostMemory.efficiency", Dimension.FRACTION, 1e-3, 1) : 1;
            if (hostCapacity > 0 && hostBandwidth > 0 && hostEfficiency > 0 && hostEfficiency <= 1) {
                host = new HostMemory(hostCapacity, hostBandwidth, hostEfficiency);
            }
        }
        if (!r.problems().isEmpty() || matrix == null || hbm == null || matrixFp8 == null || matrixFp32 == null) {
            return null;
        }
        try {
            GpuSpec g = new GpuSpec(name, peak, bandwidth, capacity, new KernelEfficiency(matrix, hbm, matrixFp8, matrixFp32), sms, peakFp8,
                    peakFp32, host);
            KernelCosts.of(g); // the tables' shape
            return g;
        } catch (IllegalArgumentException e) {
            r.problem(prefix.isEmpty() ? "name" : prefix + "name", name, e.getMessage());
            return null;
        }
    }

    /** A list of {atLeast, efficiency} steps, largest first, the last at 0; null (with problems) when wrong. */
    private static List<Step> table(SpecReader r, ObjectNode tree, String path, Dimension dim) {
        String example = "[{atLeast: \"" + dim.example() + "\", efficiency: 0.9}, …, {atLeast: \"0 " + dim.siUnit() + "\", efficiency: 0.1}]";
        if (!r.has(path)) {
            r.problem(path, null, "a table of kernel efficiencies is required, e.g. " + example + " (hint: `mosaic presets show h100-sxm`)");
            return null;
        }
        JsonNode list = at(tree, path);
        if (!list.isArray() || list.isEmpty()) {
            r.problem(path, list.toString(), "a list of steps, largest first and the last at 0, e.g. " + example);
            return null;
        }
        List<Step> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String at = path + "[" + i + "]";
            if (!item.isObject()) {
                r.problem(at, item.asText(), "a step {atLeast: SIZE, efficiency: FRACTION}, e.g. " + example);
                ok = false;
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                String key = it.next().getKey();
                if (!key.equals("atLeast") && !key.equals("efficiency")) {
                    String close = SpecReader.closest(key, List.of("atLeast", "efficiency"), Math.max(2, key.length() / 3));
                    r.problem(at + "." + key, item.get(key).asText(), "unknown key" + (close != null ? " (did you mean " + at + "." + close + "?)"
                            : " — expected atLeast and efficiency"));
                    ok = false;
                }
            }
            double size = value(r, at + ".atLeast", item.get("atLeast"), dim);
            double eff = value(r, at + ".efficiency", item.get("efficiency"), Dimension.FRACTION);
            if (Double.isNaN(size) || Double.isNaN(eff)) {
                ok = false;
                continue;
            }
            if (!(eff > 0 && eff <= 1)) {
                r.problem(at + ".efficiency", item.get("efficiency").asText(), "an efficiency above 0 and at most 1 (e.g. 0.9 or \"90 %\")");
                ok = false;
            }
            if (!out.isEmpty() && !(size < out.get(out.size() - 1).atLeast())) {
                r.problem(at + ".atLeast", item.get("atLeast").asText(), "a size below the step before it: the steps go from the largest "
                        + "kernel down, the last at 0");
                ok = false;
            }
            out.add(new Step(size, eff));
        }
        if (ok && out.get(out.size() - 1).atLeast() != 0) {
            r.problem(path + "[" + (list.size() - 1) + "].atLeast", list.get(list.size() - 1).path("atLeast").asText(),
                    "the last step at 0 so that every kernel size is covered, e.g. \"0 " + dim.siUnit() + "\"");
            ok = false;
        }
        return ok ? out : null;
    }

    private static double value(SpecReader r, String path, JsonNode n, Dimension dim) {
        if (n == null || n.isNull()) {
            r.problem(path, null, dim.withArticle() + " is required, e.g. \"" + dim.example() + "\"");
            return Double.NaN;
        }
        if (!n.isValueNode()) {
            r.problem(path, n.toString(), "a single " + dim.description() + ", e.g. \"" + dim.example() + "\"");
            return Double.NaN;
        }
        try {
            double v = Quantities.parse(n.asText(), dim);
            if (v < 0) {
                r.problem(path, n.asText(), "a value of at least 0");
                return Double.NaN;
            }
            return v;
        } catch (UnitException e) {
            r.problem(path, n.asText(), e.getMessage());
            return Double.NaN;
        }
    }

    static JsonNode at(JsonNode tree, String dotted) {
        JsonNode cursor = tree;
        for (String part : dotted.split("\\.")) {
            if (cursor == null || !cursor.isObject()) {
                return null;
            }
            cursor = cursor.get(part);
        }
        return cursor == null || cursor.isNull() ? null : cursor;
    }

    /** Where each shipped GPU's numbers come from: the provenance sections of the gpu documents. */
    public static List<Provenance> provenance() {
        List<Provenance> out = new ArrayList<>();
        for (String n : names()) {
            for (Provenance p : Catalog.of(Documents.preset(Documents.Kind.GPU, n))) {
                out.add(new Provenance("training.gpu." + n + "." + p.path(), p.value(), p.confidence(), p.source(), p.note()));
            }
        }
        return out;
    }
}
