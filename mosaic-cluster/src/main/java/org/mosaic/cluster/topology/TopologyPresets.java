package org.mosaic.cluster.topology;

import java.util.List;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;

/**
 * Sourced scale-up domains, fabrics and clusters; {@link #provenance()} lists every number with its source and
 * confidence.
 *
 * <ul>
 *   <li>NVL72 (GB200/GB300): 72 GPUs, 9 NVLink switch trays ([nvidia-nvl72], [introl-gb300]); 18 links per GPU, each
 *       2 lanes × 200 Gb/s per direction, so 18 × 400 Gb/s = 900 GB/s per direction = the 1.8 TB/s bidirectional
 *       per GPU of [nvidia-nvl72], [introl-gb300] (derived); 2 switch chips per tray and 72 ports per chip (18 chips × 72 = 72 GPUs × 18 links) are
 *       not in the reference (assumed, recalled from NVIDIA's GB200 material) but agree with the 5,184 NVLink
 *       cables of [nvidia-nvl72], [introl-gb300]: 72 × 18 links × 2 lanes × 2 directions = 5,184 (derived).</li>
 *   <li>HGX H100 (DGX H100): 8 GPUs ([semianalysis-100k], [dgx-h100-power] (secondary)); NVLink 4 at 900 GB/s bidirectional per GPU ([astra-sim], [nccl-tests-290], [aiconfigurator-477]) =
 *       18 links × 2 lanes × 100 Gb/s per direction [D with lanes and links assumed]; 4 NVSwitch chips of 64 ports
 *       on one baseboard (assumed, not in the reference).</li>
 *   <li>Switches ([al-fares-2008], [superpod-rail]): Quantum-2 QM9700 64 × 400G; Quantum-X800 144 × 800G; 51.2T Ethernet as 128 × 400G.
 *       Lanes: 400G = 4 × 100G, 800G at 200G/lane = 4 × 200G ([intel-an846-kp4], [nvidia-800g-specs]).</li>
 *   <li>One backend NIC per GPU ([nvidia-nvl72], [introl-gb300], (secondary, unverified): CX-7 400G in GB200 designs, CX-8 800G in GB300).</li>
 * </ul>
 */
public final class TopologyPresets {
    private static final double GBPS = 1e9;
    private static final String NVL72_SRC = "[nvidia-nvl72], [introl-gb300]";
    private static final String FABRIC_SRC = "[al-fares-2008], [superpod-rail]";

    private TopologyPresets() {
    }

    /** A GB200/GB300 NVL72 scale-up domain. */
    public static ScaleUpDomainSpec nvl72() {
        return new ScaleUpDomainSpec("NVL72", 72, 18, 2, 200 * GBPS, 9, 2, 72);
    }

    /**
     * An HGX H100 baseboard (DGX H100): 8 GPUs on 4 NVSwitch chips, modelled as one tray; its NVLink are traces on the
     * board, not cables ({@link ScaleUpDomainSpec#onBoard()}).
     */
    public static ScaleUpDomainSpec hgxH100() {
        return new ScaleUpDomainSpec("HGX H100", 8, 18, 2, 100 * GBPS, 1, 4, 64, true);
    }

    /** Quantum-2 QM9700 fabric: 64 ports of 400G, one 400G NIC per GPU. */
    public static FabricSpec quantum2(FabricKind kind, int tiers, double oversubscription) {
        return new FabricSpec(kind, 64, tiers, oversubscription, 1, 400 * GBPS, 4);
    }

    /** Quantum-X800 fabric: 144 ports of 800G (4 × 200G lanes), one 800G NIC per GPU. */
    public static FabricSpec quantumX800(FabricKind kind, int tiers, double oversubscription) {
        return new FabricSpec(kind, 144, tiers, oversubscription, 1, 800 * GBPS, 4);
    }

    /** 51.2 Tb/s Ethernet switches as 128 ports of 400G, one 400G NIC per GPU. */
    public static FabricSpec ethernet51T(FabricKind kind, int tiers, double oversubscription) {
        return new FabricSpec(kind, 128, tiers, oversubscription, 1, 400 * GBPS, 4);
    }

    /** One NVL72 rack's domain, no scale-out fabric. */
    public static ClusterSpec nvl72Rack() {
        return ClusterSpec.scaleUpOnly(72, nvl72());
    }

    /**
     * A 100,000-GPU cluster: NVL72 domains (the last one 64 GPUs), one 400G NIC per GPU, a non-blocking 3-tier fat
     * tree of 128-port switches (64-port switches hold only 65,536 endpoints in 3 tiers, [al-fares-2008], [superpod-rail]).
     */
    public static ClusterSpec cluster100k() {
        return new ClusterSpec(100_000, nvl72(), ethernet51T(FabricKind.FAT_TREE, 3, 1));
    }

    /**
     * A 16,384-GPU H100 cluster in the shape of a DGX SuperPOD: HGX H100 nodes, rail-optimized QM9700 fabric, three
     * tiers, non-blocking ([al-fares-2008], [superpod-rail]). Meta's Llama 3 cluster ([llama3-2024]) is of this size but oversubscribes 1:7 at the
     * aggregation layer, which this fabric model (oversubscription at the leaf only) does not represent.
     */
    public static ClusterSpec h100SuperPod16k() {
        return new ClusterSpec(16_384, hgxH100(), quantum2(FabricKind.RAIL_OPTIMIZED, 3, 1));
    }

    /** Source and confidence of every number above. */
    public static List<Provenance> provenance() {
        return List.of(
                new Provenance("topology.nvl72.gpus", "72", Confidence.PUBLISHED, NVL72_SRC + "",
                        "72 Blackwell GPUs, 18 compute trays of 4"),
                new Provenance("topology.nvl72.switchTrays", "9", Confidence.PUBLISHED, NVL72_SRC + "",
                        "9 NVLink switch trays"),
                new Provenance("topology.nvl72.linksPerGpu", "18", Confidence.DERIVED, NVL72_SRC,
                        "1.8 TB/s bidirectional per GPU / (2 × 400 Gb/s per link) = 18; cross-check: 72 × 18 × 2 lanes"
                                + " × 2 directions = 5,184 cables as quoted"),
                new Provenance("topology.nvl72.lanesPerLink", "2", Confidence.ASSUMED, NVL72_SRC,
                        "NVLink 5 link = 2 lanes per direction; not in the reference, consistent with the 5,184 cables"),
                new Provenance("topology.nvl72.laneRate", "200 Gb/s", Confidence.ASSUMED,
                        "assumed (Mosaic developers); context: [intel-an846-kp4], [nvidia-800g-specs]; " + NVL72_SRC,
                        "200G/lane class SerDes; with 2 lanes × 18 links gives the 1.8 TB/s of [setloop-nvl72]"),
                new Provenance("topology.nvl72.switchChipsPerTray", "2", Confidence.ASSUMED, NVL72_SRC,
                        "not in the reference; 18 chips × 72 ports = 72 GPUs × 18 links"),
                new Provenance("topology.nvl72.portsPerSwitchChip", "72", Confidence.DERIVED, NVL72_SRC,
                        "72 × 18 links / 18 chips"),
                new Provenance("topology.hgxH100.gpus", "8", Confidence.PUBLISHED, "[semianalysis-100k], [dgx-h100-power] (secondary)",
                        "DGX H100: 8 × 700 W GPUs"),
                new Provenance("topology.hgxH100.linksPerGpu", "18", Confidence.ASSUMED, "assumed (Mosaic developers); context: [astra-sim], [nccl-tests-290], [aiconfigurator-477]",
                        "NVLink 4, 900 GB/s bidirectional per GPU = 18 × 2 lanes × 100 Gb/s × 2 directions; link "
                                + "and lane counts recalled, not in the reference"),
                new Provenance("topology.hgxH100.laneRate", "100 Gb/s", Confidence.ASSUMED, "assumed (Mosaic developers); context: [astra-sim], [nccl-tests-290], [aiconfigurator-477]",
                        "see linksPerGpu"),
                new Provenance("topology.hgxH100.switchChips", "4", Confidence.ASSUMED, "assumed (Mosaic developers); context: [semianalysis-100k], [dgx-h100-power]",
                        "4 NVSwitch chips on the baseboard (recalled); links spread 5/4/4/5"),
                new Provenance("topology.hgxH100.portsPerSwitchChip", "64", Confidence.ASSUMED,
                        "assumed (Mosaic developers); context: [semianalysis-100k], [dgx-h100-power]", "NVSwitch 3 port count recalled; only 40 are used by 8 GPUs"),
                new Provenance("topology.quantum2.radix", "64 × 400G", Confidence.PUBLISHED, FABRIC_SRC,
                        "Quantum-2 QM9700"),
                new Provenance("topology.quantumX800.radix", "144 × 800G", Confidence.PUBLISHED, FABRIC_SRC,
                        "Quantum-X800; 2-tier limit 10,368 (secondary)"),
                new Provenance("topology.ethernet51T.radix", "128 × 400G", Confidence.PUBLISHED, FABRIC_SRC,
                        "51.2T Ethernet switch split as 128 × 400G"),
                new Provenance("topology.lanesPerPort", "400G = 4 × 100G; 800G = 4 × 200G", Confidence.PUBLISHED,
                        "[intel-an846-kp4], [nvidia-800g-specs]", "nominal lane data rates; line rate adds KP4 overhead"),
                new Provenance("topology.nicsPerGpu", "1", Confidence.PUBLISHED, NVL72_SRC + " (secondary, unverified)",
                        "one backend NIC per GPU (CX-7 400G in GB200 designs)"),
                new Provenance("topology.cluster100k.fabric", "3 tiers of 128-port switches, 1:1", Confidence.DERIVED,
                        FABRIC_SRC, "64-port switches hold 65,536 endpoints in 3 tiers; 128 ports hold 524,288"),
                new Provenance("topology.h100SuperPod16k.fabric", "rail-optimized QM9700, 3 tiers, 1:1",
                        Confidence.PUBLISHED, FABRIC_SRC + "; [llama3-2024]",
                        "DGX SuperPOD shape; Meta's Llama 3 cluster of this size uses 1:7 at aggregation (not modelled)"));
    }
}
