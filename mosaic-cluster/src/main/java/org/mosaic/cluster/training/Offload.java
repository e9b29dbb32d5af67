package org.mosaic.cluster.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a plan keeps in the second memory tier ({@link GpuSpec.HostMemory}) instead of HBM, as Calculon models offload
 * ([calculon-sc23], {@code weight_offload}, {@code activations_offload}, {@code optimizer_offload}): HBM holds two layers'
 * worth of what is offloaded (the one in use and the next one streaming in, double-buffered), the second tier holds the
 * rest, and every layer of every micro-batch moves its share over the tier's link — forward the larger of its weights
 * (prefetched) and its activations (stored), backward the sum of its weights, its activations and its optimizer state.
 * Overlapped (Calculon's only mode), a layer's transfer runs beside its compute and exposes only what its compute and
 * communication cannot cover, less its own memory-bound kernels (they share HBM with the transfer); not overlapped
 * ({@code overlap} false: a framework without prefetch streams), the transfer is exposed in full.
 *
 * @param weights     BF16 weights of the layers
 * @param activations the activations kept for the backward (the checkpoints with full recomputation)
 * @param optimizer   FP32 master weights, Adam moments and the FP32 main gradients of the layers
 * @param overlap     transfers run under the layer's compute (true) or after it (false)
 */
public record Offload(boolean weights, boolean activations, boolean optimizer, boolean overlap) {
    /** Nothing offloaded. */
    public static final Offload NONE = new Offload(false, false, false, true);

    /** Whether anything is offloaded. */
    public boolean any() {
        return weights || activations || optimizer;
    }

    /** "none", or the offloaded parts joined by '+' ("weights+optimizer"), with ",serial" when not overlapped. */
    public String word() {
        if (!any()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (weights) {
            parts.add("weights");
        }
        if (activations) {
            parts.add("activations");
        }
        if (optimizer) {
            parts.add("optimizer");
        }
        return String.join("+", parts) + (overlap ? "" : ",serial");
    }

    /** The same parts, overlapped or not. */
    public Offload withOverlap(boolean on) {
        return new Offload(weights, activations, optimizer, on);
    }

    /**
     * Parses "none" or a list of weights, activations, optimizer joined by '+' or ',' (e.g. "optimizer",
     * "weights+activations"); "all" is all three.
     */
    public static Offload parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("offload '' — expected none, all, or weights, activations, optimizer joined by '+'");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return NONE;
        }
        if (t.equals("all")) {
            return new Offload(true, true, true, true);
        }
        boolean w = false;
        boolean a = false;
        boolean o = false;
        for (String part : t.split("[+,]")) {
            switch (part.trim()) {
                case "weights" -> w = true;
                case "activations" -> a = true;
                case "optimizer" -> o = true;
                default -> throw new IllegalArgumentException(String.format(Locale.ROOT, "offload part '%s' in '%s' — expected weights, "
                        + "activations or optimizer joined by '+', or none, or all (hint: --offload optimizer)", part.trim(), text));
            }
        }
        return new Offload(w, a, o, true);
    }

    /** The seven non-empty choices, fewest parts first (a search tries them in this order). */
    static List<Offload> choices() {
        List<Offload> out = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            for (int mask = 1; mask < 8; mask++) {
                if (Integer.bitCount(mask) == n) {
                    out.add(new Offload((mask & 1) != 0, (mask & 2) != 0, (mask & 4) != 0, true));
                }
            }
        }
        return out;
    }

    /** Whether every part of this is also offloaded by {@code other}. */
    boolean subsetOf(Offload other) {
        return (!weights || other.weights) && (!activations || other.activations) && (!optimizer || other.optimizer);
    }
}
