package org.mosaic.cluster.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mosaic.core.catalog.Catalog;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.core.units.Dimension;

/**
 * A training system as a document ({@code kind: system}): a GPU (a preset name or an inline {@code kind: gpu}
 * document), GPUs per node, and per GPU and direction the scale-up (inside a node) and scale-out (between nodes)
 * bandwidth, achievable efficiency and per-step latency — what {@code mosaic train --system} runs the step model on,
 * instead of a cluster-and-policy placement. The shipped systems are the resources {@code /presets/system/NAME.yaml}
 * ({@code selene}: Megatron's Table 5 system; {@code llama3-h100}: Meta's Llama 3 cluster), used by the validation
 * tests and the report as well (one source of truth).
 *
 * @param name        the document's name
 * @param description one line
 * @param gpu         the accelerator
 * @param gpusPerNode GPUs on one scale-up network (a node, a board)
 * @param gpus        GPUs the system has (the default job size), or 0 when the document does not say
 * @param scaleUp     inside a node
 * @param scaleOut    between nodes
 */
public record SystemSpec(String name, String description, GpuSpec gpu, int gpusPerNode, long gpus, Link scaleUp, Link scaleOut) {

    /** Largest GPU count a system document may state (and a job may use). */
    public static final int MAX_GPUS = 1 << 24;

    /**
     * One tier of the network, per GPU and direction.
     *
     * @param bandwidthBytesPerSecond nominal bandwidth (B/s)
     * @param efficiency              the achievable fraction of it, (0, 1]
     * @param latencySeconds          per ring step (s)
     * @param computeSlowdown         the fraction of its speed an overlapped computation loses while a collective runs on
     *                                this tier, [0, 1)
     */
    public record Link(double bandwidthBytesPerSecond, double efficiency, double latencySeconds, double computeSlowdown) {
        /** A tier without compute interference. */
        public Link(double bandwidthBytesPerSecond, double efficiency, double latencySeconds) {
            this(bandwidthBytesPerSecond, efficiency, latencySeconds, 0);
        }

        /** The step model's α–β cost: latency, nominal × efficiency. */
        public LinkCost cost() {
            return new LinkCost(latencySeconds, bandwidthBytesPerSecond * efficiency);
        }
    }

    /** Names of the shipped systems, in display order. */
    public static List<String> names() {
        return Documents.names(Documents.Kind.SYSTEM);
    }

    /** The shipped system {@code name}; an unknown name is a {@link ScenarioException} listing the shipped ones. */
    public static SystemSpec preset(String name) {
        return from(Documents.preset(Documents.Kind.SYSTEM, name));
    }

    /** {@code FILE|NAME}: a system file or a shipped system. */
    public static SystemSpec load(String fileOrName) {
        return from(Documents.load(Documents.Kind.SYSTEM, fileOrName));
    }

    /** A {@code kind: system} document bound and validated at once (every problem reported, unknown keys with the closest). */
    public static SystemSpec from(ScenarioDocument doc) {
        SpecReader r = Documents.reader(Documents.Kind.SYSTEM, doc);
        String name = r.text("name", null);
        if (name == null || name.isBlank()) {
            r.problem("name", name, "a name for the system, e.g. selene");
        }
        String description = r.text("description", "");
        r.ignore("provenance");
        GpuSpec gpu = gpu(r, doc);
        int perNode = r.has("gpusPerNode") ? r.integer("gpusPerNode", 1, MAX_GPUS, 1) : missing(r, "gpusPerNode",
                "GPUs per node (on one scale-up network), e.g. 8");
        long gpus = r.has("gpus") ? r.integer("gpus", 1, MAX_GPUS, 1) : 0;
        Link up = link(r, "scaleUp", 300e9, 1e-6);
        Link out = link(r, "scaleOut", 25e9, 2e-6);
        r.finish();
        return new SystemSpec(name, description, gpu, perNode, gpus, up, out);
    }

    private static int missing(SpecReader r, String path, String expected) {
        r.problem(path, null, expected + " is required");
        return 1;
    }

    /** {@code gpu:} a preset name or an inline gpu document. */
    private static GpuSpec gpu(SpecReader r, ScenarioDocument doc) {
        JsonNode g = doc.tree().get("gpu");
        if (g == null || g.isNull()) {
            r.has("gpu");
            r.problem("gpu", null, "a GPU is required: a preset name (one of " + String.join(", ", GpuSpec.names())
                    + ") or an inline kind: gpu document");
            return null;
        }
        if (g.isObject()) {
            String kind = r.text("gpu.kind", "gpu");
            if (!kind.equals("gpu")) {
                r.problem("gpu.kind", kind, "gpu (an inline GPU document), or leave kind out");
            }
            String version = r.text("gpu.formatVersion", String.valueOf(ScenarioDocument.FORMAT_VERSION));
            if (!version.trim().equals(String.valueOf(ScenarioDocument.FORMAT_VERSION))) {
                r.problem("gpu.formatVersion", version, "formatVersion " + ScenarioDocument.FORMAT_VERSION + ", or leave it out inline");
            }
            return GpuSpec.read(r, doc.tree(), "gpu.");
        }
        String text = r.text("gpu", null);
        if (!g.isTextual()) {
            r.problem("gpu", text, "a GPU preset name (one of " + String.join(", ", GpuSpec.names()) + ") or an inline kind: gpu document");
            return null;
        }
        try {
            return GpuSpec.preset(text.trim());
        } catch (ScenarioException e) {
            r.problem("gpu", text, "a GPU preset name (one of " + String.join(", ", GpuSpec.names()) + ")"
                    + SpecReader.didYouMean(text.trim(), GpuSpec.names()) + " or an inline kind: gpu document "
                    + "(hint: `mosaic presets show h100-sxm` prints one to paste under gpu:)");
            return null;
        }
    }

    private static Link link(SpecReader r, String tier, double typicalBandwidth, double typicalLatency) {
        if (!r.has(tier)) {
            r.problem(tier, null, "a section {bandwidth, efficiency, latency} per GPU and direction is required, e.g. {bandwidth: \""
                    + (long) (typicalBandwidth / 1e9) + " GB/s\", efficiency: 0.9, latency: \"" + (long) (typicalLatency * 1e6) + " us\"}");
            return null;
        }
        double bandwidth = r.quantity(tier + ".bandwidth", Dimension.DATA_RATE, 8e6, 8e16) / 8;
        double efficiency = r.quantity(tier + ".efficiency", Dimension.FRACTION, 1e-6, 1);
        double latency = r.quantity(tier + ".latency", Dimension.TIME, 0, 1);
        // optional: without it, overlapped computation runs at full speed beside the collectives of this tier
        double slowdown = r.has(tier + ".computeSlowdown") ? r.quantity(tier + ".computeSlowdown", Dimension.FRACTION, 0, 0.99) : 0;
        return new Link(bandwidth, efficiency, latency, slowdown);
    }

    /** The step model's view of {@code jobGpus} GPUs of this system: two levels, NVLink-like inside a node, a fabric between. */
    public TrainingSystem system(long jobGpus) {
        if (jobGpus < 1 || jobGpus > MAX_GPUS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "GPUs %d on system %s — expected 1 to %,d", jobGpus, name, MAX_GPUS));
        }
        if (gpus > 0 && jobGpus > gpus) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "GPUs %d on system %s — expected at most the %,d it has "
                    + "(hint: a smaller --gpus, or raise gpus: in a copy of the system document)", jobGpus, name, gpus));
        }
        return new TrainingSystem(name, gpu, KernelCosts.of(gpu), jobGpus, GroupNetwork.twoLevel(gpusPerNode, scaleUp.cost(),
                scaleOut.cost(), scaleUp.computeSlowdown(), scaleOut.computeSlowdown()));
    }

    /** The same system with another GPU (e.g. {@code train --system selene --gpu h100-sxm}). */
    public SystemSpec withGpu(GpuSpec other) {
        return new SystemSpec(name, description, other, gpusPerNode, gpus, scaleUp, scaleOut);
    }

    /** One line on the network, for reports: per GPU and direction, nominal × efficiency, latency. */
    public String networkNote() {
        return String.format(Locale.ROOT, "%s: %s × %d per node, scale-up %s, scale-out %s (per GPU, one direction)", name, gpu.name(),
                gpusPerNode, describe(scaleUp), describe(scaleOut));
    }

    private static String describe(Link l) {
        return String.format(Locale.ROOT, "%s GB/s × %s, %s µs", fmt(l.bandwidthBytesPerSecond() / 1e9), fmt(l.efficiency()),
                fmt(l.latencySeconds() * 1e6));
    }

    private static String fmt(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    /** Where each shipped system's numbers come from: the provenance sections of the system documents. */
    public static List<Provenance> provenance() {
        List<Provenance> out = new ArrayList<>();
        for (String n : names()) {
            for (Provenance p : Catalog.of(Documents.preset(Documents.Kind.SYSTEM, n))) {
                out.add(new Provenance("training.system." + n + "." + p.path(), p.value(), p.confidence(), p.source(), p.note()));
            }
        }
        return out;
    }
}
