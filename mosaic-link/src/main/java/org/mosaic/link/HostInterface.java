package org.mosaic.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mosaic.core.catalog.Confidence;

/**
 * A host electrical interface the cable plugs into: its lanes, the line rate each lane carries (with the
 * host's own FEC and coding already inside it) and the payload rate. MOSAIC is protocol-agnostic, so
 * the gearbox carries the line rate, whatever protocol it is; the payload rate is what pJ/bit is quoted
 * against (the payload-rate convention: pJ/bit = W / payload Gb/s).
 *
 * @param id               the name used on the command line and in scenarios, e.g. {@code 800GAUI-8}
 * @param lanes            electrical lanes per direction
 * @param laneRateBitsPerSecond line rate of one lane (bits on the wire, FEC and coding included)
 * @param payloadBitsPerSecond  the rate the interface is named for (800G Ethernet: 800 Gb/s)
 * @param generation       the comparison class this interface belongs to ({@code 800G}, {@code 1.6T}, ...)
 * @param coding           what the line rate already contains, in words
 */
public record HostInterface(String id, String protocol, int lanes, double laneRateBitsPerSecond,
                            double payloadBitsPerSecond, String generation, String coding, String source,
                            Confidence confidence) {

    public HostInterface {
        if (lanes < 1 || !(laneRateBitsPerSecond > 0) || !(payloadBitsPerSecond > 0)
                || payloadBitsPerSecond > lanes * laneRateBitsPerSecond * (1 + 1e-12)) {
            throw new IllegalArgumentException("host interface " + id + ": lanes " + lanes + " x " + laneRateBitsPerSecond
                    + " b/s cannot carry a payload of " + payloadBitsPerSecond + " b/s");
        }
    }

    /** Total line rate per direction: lanes × lane rate. */
    public double lineRateBitsPerSecond() {
        return lanes * laneRateBitsPerSecond;
    }

    private static final String ETH = "[intel-an846-kp4], [nvidia-800g-specs] (106.25 Gb/s = 100 GbE x 34/33 incl. 256b/257b + RS(544,514))";
    private static final String PCIE = "assumed (Mosaic developers) from the PCI-SIG base specifications (recalled: PCIe 5.0 32 GT/s NRZ 128b/130b, "
            + "PCIe 6.0 64 GT/s PAM4 FLIT mode with 236 payload bytes per 256-byte FLIT); CXL 2.0/3.x reuse these PHYs";

    /** Every interface the tool knows, in display order. */
    public static final List<HostInterface> ALL = List.of(
            new HostInterface("400GAUI-4", "Ethernet", 4, 106.25e9, 400e9, "400G", "KP4 RS(544,514), 256b/257b", ETH, Confidence.PUBLISHED),
            new HostInterface("800GAUI-8", "Ethernet", 8, 106.25e9, 800e9, "800G", "KP4 RS(544,514), 256b/257b", ETH, Confidence.PUBLISHED),
            new HostInterface("1.6TAUI-8", "Ethernet", 8, 212.5e9, 1600e9, "1.6T", "KP4 RS(544,514), 256b/257b",
                    "[intel-an846-kp4], [nvidia-800g-specs] (200G/lane: 212.5 Gb/s electrical)", Confidence.PUBLISHED),
            new HostInterface("3.2TAUI-16", "Ethernet", 16, 212.5e9, 3200e9, "3.2T", "KP4 RS(544,514), 256b/257b",
                    "assumed: two 1.6TAUI-8 interfaces side by side (3.2T host lanes are not standardised; [ms-source-2026], [mediatek-computex] roadmap)",
                    Confidence.ASSUMED),
            new HostInterface("PCIe5-x16", "PCIe 5.0 / CXL 2.0", 16, 32e9, 32e9 * 16 * 128 / 130, "PCIe", "128b/130b", PCIE,
                    Confidence.ASSUMED),
            new HostInterface("PCIe6-x16", "PCIe 6.0 / CXL 3.x", 16, 64e9, 64e9 * 16 * 236 / 256, "PCIe", "FLIT (FEC + CRC)", PCIE,
                    Confidence.ASSUMED));

    /** The interface with this id (case-insensitive), or a clear error listing the known ones. */
    public static HostInterface byId(String id) {
        for (HostInterface h : ALL) {
            if (h.id.equalsIgnoreCase(id.trim())) {
                return h;
            }
        }
        throw new IllegalArgumentException("unknown host interface \"" + id + "\": expected one of " + ids());
    }

    /** The Ethernet interface of a generation ({@code 800G}, {@code 1.6T}, {@code 3.2T}, also {@code 800} or {@code 1600G}). */
    public static HostInterface forGeneration(String rate) {
        String key = rate.trim().toUpperCase(Locale.ROOT).replace("GB/S", "G").replace("TB/S", "T");
        for (HostInterface h : ALL) {
            if (h.protocol.equals("Ethernet") && (h.generation.equals(key) || h.generation.equals(normalise(key)))) {
                return h;
            }
        }
        List<String> gens = new ArrayList<>();
        for (HostInterface h : ALL) {
            if (h.protocol.equals("Ethernet")) {
                gens.add(h.generation);
            }
        }
        throw new IllegalArgumentException("no host interface has the rate \"" + rate + "\": expected one of "
                + String.join(", ", gens) + " (or a host interface id: " + ids() + ")");
    }

    private static String normalise(String key) {
        try {
            double g = Double.parseDouble(key.replaceAll("[GT]$", ""));
            double gbps = key.endsWith("T") ? g * 1000 : g;
            return gbps >= 1000 ? (gbps % 1000 == 0 ? String.valueOf((long) gbps / 1000) : String.valueOf(gbps / 1000)) + "T"
                    : (long) gbps + "G";
        } catch (NumberFormatException e) {
            return key;
        }
    }

    public static String ids() {
        List<String> ids = new ArrayList<>();
        for (HostInterface h : ALL) {
            ids.add(h.id);
        }
        return String.join(", ", ids);
    }
}
