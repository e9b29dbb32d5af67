package org.mosaic.cluster.training.network;

import java.util.List;
import java.util.Locale;
import org.mosaic.cluster.topology.ScaleUpDomainSpec;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;

/**
 * The numbers the training view of a cluster adds to the fleet model: what fraction of the nominal link rate a ring
 * collective achieves, per-step latencies, the oversubscription above the aggregation layer, and the largest
 * scale-up switch system of each NVLink generation. Immutable, validated here; {@link #defaults()} are sourced in
 * {@link #provenance()} (the [key] of a source, docs/sources.md, with a confidence).
 *
 * <p>Model:
 * <ul>
 *   <li><b>Achievable fractions</b> are CALIBRATED: the bandwidth B of a {@link org.mosaic.cluster.training.LinkCost}
 *       is nominal × fraction, the fraction chosen so that the large-message ring all-reduce bus bandwidth of
 *       {@link org.mosaic.cluster.training.Collectives} (which tends to B) equals the published NCCL figure:
 *       370.67 of 450 GB/s on 8 × H100 NVLink 4, 47 (46–48) of 50 GB/s per NDR 400G NIC
 *       ([astra-sim], [nccl-tests-290], [aiconfigurator-477]). The NVLink fraction is assumed to carry over to NVLink 5 (NVL72).</li>
 *   <li><b>Latency</b> α per ring step. Scale-up: the ~0.7 µs NVLink round trip of [astra-sim], [nccl-tests-290], [aiconfigurator-477] (secondary) is taken as the step
 *       latency (a step's data plus the flag that releases the next one); a domain spread over racks through a
 *       second switch level adds, per round trip, four switch traversals and four passes over its longest cable.
 *       Fabric: a NIC pair, plus one switch traversal per switch on the path (1, 3 or 5 for a path that turns at
 *       the leaf, the spine/aggregation or the core), plus propagation over the path's cables at the tiers' mean
 *       lengths. The reference gives no fabric latency; the values are assumed (see {@link #provenance()}).</li>
 *   <li><b>Core oversubscription</b>: the fleet topology oversubscribes only at the leaf (FabricSpec); this
 *       ratio (≥ 1) additionally thins the pods' uplinks to the core, for studies such as Meta's Llama 3 cluster
 *       with 1:7 at the aggregation layer ([llama3-2024]). The default, 1, is the topology as built.</li>
 *   <li><b>Largest scale-up domain</b> per NVLink generation, recognised by the scale-up lane rate of the
 *       topology presets (NVLink 5 = 200 Gb/s lanes, NVL72; NVLink 4 = 100 Gb/s lanes, HGX H100).</li>
 * </ul>
 *
 * @param scaleUpAchievableFraction  ring busbw / nominal scale-up bandwidth per GPU and direction, in (0, 1]
 * @param nicAchievableFraction      ring busbw / nominal NIC port rate, in (0, 1]
 * @param scaleUpLatencySeconds      α of one scale-up ring step inside one switch level (s)
 * @param scaleUpSwitchHopSeconds    one traversal of a scale-up switch (s), for domains with a second switch level
 * @param nicLatencySeconds          α of a fabric step without its switches and cables: the NIC pair (s)
 * @param fabricSwitchHopSeconds     one traversal of a scale-out switch (s)
 * @param propagationSecondsPerMeter signal delay per metre of cable (s/m)
 * @param coreOversubscription       pod uplink thinning towards the core, ≥ 1 (1 = as built)
 * @param nvlink4MaxDomainGpus       largest scale-up domain with 100 Gb/s scale-up lanes (HGX H100 class)
 * @param nvlink5MaxDomainGpus       largest scale-up domain with 200 Gb/s scale-up lanes (NVL72 class)
 */
public record NetworkAssumptions(double scaleUpAchievableFraction, double nicAchievableFraction, double scaleUpLatencySeconds,
                                 double scaleUpSwitchHopSeconds, double nicLatencySeconds, double fabricSwitchHopSeconds,
                                 double propagationSecondsPerMeter, double coreOversubscription, int nvlink4MaxDomainGpus,
                                 int nvlink5MaxDomainGpus) {

    /** Max observed NCCL ring all-reduce busbw on 8 × H100 (B/s), [astra-sim], [astra-sim], [nccl-tests-290], [aiconfigurator-477]. */
    public static final double H100_RING_BUSBW_BYTES_PER_SECOND = 370.67e9;
    /** NVLink 4 per GPU and direction (B/s): 900 GB/s bidirectional, [astra-sim], [nccl-tests-290], [aiconfigurator-477]. */
    public static final double H100_NVLINK_BYTES_PER_SECOND = 450e9;
    /** NDR 400G inter-node ring busbw per NIC (B/s), midpoint of 46–48 GB/s, [astra-sim], [nccl-tests-290], [aiconfigurator-477]. */
    public static final double NDR_RING_BUSBW_BYTES_PER_SECOND = 47e9;
    /** NDR 400G (CX-7) usable per NIC (B/s), [astra-sim], [nccl-tests-290], [aiconfigurator-477]. */
    public static final double NDR_NIC_BYTES_PER_SECOND = 50e9;

    private static final double NVLINK5_LANE_BITS_PER_SECOND = 200e9;
    private static final double NVLINK4_LANE_BITS_PER_SECOND = 100e9;

    public NetworkAssumptions {
        fraction("scale-up achievable fraction", scaleUpAchievableFraction);
        fraction("NIC achievable fraction", nicAchievableFraction);
        latency("scale-up step latency", scaleUpLatencySeconds);
        latency("scale-up switch hop", scaleUpSwitchHopSeconds);
        latency("NIC latency", nicLatencySeconds);
        latency("fabric switch hop", fabricSwitchHopSeconds);
        latency("propagation per metre", propagationSecondsPerMeter);
        if (!(coreOversubscription >= 1 && Double.isFinite(coreOversubscription))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "core oversubscription %s — expected a finite ratio >= 1 (1 = non-blocking as built; 7 = Meta's 1:7 at the "
                            + "aggregation layer, [llama3-2024])", coreOversubscription));
        }
        if (nvlink4MaxDomainGpus < 1 || nvlink5MaxDomainGpus < 1) {
            throw new IllegalArgumentException("largest scale-up domains " + nvlink4MaxDomainGpus + " (NVLink 4) / " + nvlink5MaxDomainGpus
                    + " (NVLink 5) GPUs — expected both >= 1 (hint: 256 and 576)");
        }
    }

    private static void fraction(String what, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s %s — expected a fraction in (0, 1] of the nominal rate (hint: %.3f for NVLink, %.2f for a NIC, "
                            + "[astra-sim], [nccl-tests-290], [aiconfigurator-477])", what, v, H100_RING_BUSBW_BYTES_PER_SECOND / H100_NVLINK_BYTES_PER_SECOND,
                    NDR_RING_BUSBW_BYTES_PER_SECOND / NDR_NIC_BYTES_PER_SECOND));
        }
    }

    private static void latency(String what, double v) {
        if (!(v >= 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s %s — expected a finite value >= 0 in seconds (per metre for propagation; hint: 1 µs = 1e-6)", what, v));
        }
    }

    /** The sourced defaults (see {@link #provenance()}). */
    public static NetworkAssumptions defaults() {
        return new NetworkAssumptions(H100_RING_BUSBW_BYTES_PER_SECOND / H100_NVLINK_BYTES_PER_SECOND,
                NDR_RING_BUSBW_BYTES_PER_SECOND / NDR_NIC_BYTES_PER_SECOND, 0.7e-6, 0.1e-6, 1.0e-6, 0.5e-6, 5e-9, 1, 256, 576);
    }

    /** The same assumptions with another core oversubscription (e.g. 7 for Meta's Llama 3 cluster). */
    public NetworkAssumptions withCoreOversubscription(double ratio) {
        return new NetworkAssumptions(scaleUpAchievableFraction, nicAchievableFraction, scaleUpLatencySeconds, scaleUpSwitchHopSeconds,
                nicLatencySeconds, fabricSwitchHopSeconds, propagationSecondsPerMeter, ratio, nvlink4MaxDomainGpus, nvlink5MaxDomainGpus);
    }

    /**
     * The largest scale-up domain a switch system of {@code domain}'s NVLink generation builds, never below the
     * domain itself: {@link #nvlink5MaxDomainGpus} for 200 Gb/s lanes, {@link #nvlink4MaxDomainGpus} for 100 Gb/s
     * lanes, otherwise the domain's own size (no multi-rack system is known for it).
     */
    public int maxScaleUpGpus(ScaleUpDomainSpec domain) {
        return Math.max(domain.gpus(), switchSystemGpus(domain));
    }

    /** A name for the switch system behind {@link #maxScaleUpGpus}, for reasons in reports. */
    public String switchSystem(ScaleUpDomainSpec domain) {
        double lane = domain.laneRateBitsPerSecond();
        if (isLane(lane, NVLINK5_LANE_BITS_PER_SECOND)) {
            return "an NVL" + nvlink5MaxDomainGpus + "-class NVLink switch system ([nvidia-nvl72], [introl-gb300])";
        }
        if (isLane(lane, NVLINK4_LANE_BITS_PER_SECOND)) {
            return "a " + nvlink4MaxDomainGpus + "-GPU NVLink Switch System (assumed, recalled DGX H100 SuperPOD)";
        }
        return "no known multi-rack switch system for " + domain.name();
    }

    private int switchSystemGpus(ScaleUpDomainSpec domain) {
        double lane = domain.laneRateBitsPerSecond();
        if (isLane(lane, NVLINK5_LANE_BITS_PER_SECOND)) {
            return nvlink5MaxDomainGpus;
        }
        if (isLane(lane, NVLINK4_LANE_BITS_PER_SECOND)) {
            return nvlink4MaxDomainGpus;
        }
        return domain.gpus();
    }

    private static boolean isLane(double lane, double nominal) {
        return Math.abs(lane - nominal) <= 1e-6 * nominal;
    }

    /** Source and confidence of every number. */
    public List<Provenance> provenance() {
        String s23 = "[astra-sim], [nccl-tests-290], [aiconfigurator-477]";
        return List.of(
                new Provenance("training.network.scaleUpAchievableFraction", fmt(scaleUpAchievableFraction), Confidence.CALIBRATED,
                        s23 + " and [astra-sim] (ASTRA-sim hgx_h100 config comment: max observed NCCL ring all-reduce busbw 370.67 GB/s on"
                                + " 8 x H100)", "370.67 / 450 GB/s per direction (NVLink 4, 900 GB/s bidirectional); reproduces the busbw"
                                + " through Collectives' ring formula; assumed to carry over to NVLink 5 (NVL72)"),
                new Provenance("training.network.nicAchievableFraction", fmt(nicAchievableFraction), Confidence.CALIBRATED,
                        s23 + " (nccl-tests #290: NDR 400G inter-node ring 46-48 GB/s per NIC; CX-7 usable 50 GB/s)",
                        "47 / 50 GB/s, the midpoint; applied to every NIC rate"),
                new Provenance("training.network.scaleUpLatency", us(scaleUpLatencySeconds), Confidence.ASSUMED,
                        s23 + " (GB200 NVL72 ~700 ns round trip (secondary))",
                        "the round trip taken as the per-step α (data plus the flag releasing the next step); used for HGX H100"
                                + " too; ASTRA-sim's calibrated HGX-H100 link latency, 936.25 ns ([astra-sim]), is of the same order"),
                new Provenance("training.network.scaleUpSwitchHop", us(scaleUpSwitchHopSeconds), Confidence.ASSUMED, s23,
                        "one NVLink switch traversal; not in the reference. The 0.7 µs round trip through one switch level bounds"
                                + " a traversal well below 0.35 µs; added 4x per round trip for a domain with a second switch level"),
                new Provenance("training.network.nicLatency", us(nicLatencySeconds), Confidence.ASSUMED, "assumed (Mosaic developers); context: [thakur-2005], [megatron-lm]",
                        "RDMA NIC pair; with one switch traversal a leaf-local step costs 1.5 µs, inside the 1-2 µs usual for"
                                + " NIC + switch; no fabric latency is given in the reference"),
                new Provenance("training.network.fabricSwitchHop", us(fabricSwitchHopSeconds), Confidence.ASSUMED, "assumed (Mosaic developers); context: [al-fares-2008], [superpod-rail]",
                        "one scale-out switch traversal, between InfiniBand (~0.1-0.2 µs) and deep-buffer Ethernet (~1 µs) switches"
                                + " (recalled, not in the reference)"),
                new Provenance("training.network.propagation", fmt(propagationSecondsPerMeter * 1e9) + " ns/m", Confidence.DERIVED,
                        "[desk-microled-2026] ((paper-derived) 50 ps per cm of fibre, group index ~1.5)",
                        "c / 1.5 = 2e8 m/s; taken for copper too (twinax velocity ~0.7 c, assumed)"),
                new Provenance("training.network.coreOversubscription", fmt(coreOversubscription), Confidence.DERIVED,
                        "topology presets ([al-fares-2008], [superpod-rail]: non-blocking above the leaf)",
                        "1 = as the fleet topology builds it; Meta's Llama 3 cluster has 1:7 at the aggregation layer ([llama3-2024])"),
                new Provenance("training.network.maxScaleUpGpus.nvlink5", Integer.toString(nvlink5MaxDomainGpus), Confidence.PUBLISHED,
                        "[nvl-next-gen] (Kyber NVL576, secondary)",
                        "largest NVLink domain quoted for the NVL72 class; a multi-rack domain of NVL72 racks is capped at it"),
                new Provenance("training.network.maxScaleUpGpus.nvlink4", Integer.toString(nvlink4MaxDomainGpus), Confidence.ASSUMED,
                        "assumed (Mosaic developers)", "recalled NVLink Switch System of the DGX H100 SuperPOD (32 nodes x 8 GPUs); assumed"));
    }

    private static String fmt(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    private static String us(double seconds) {
        return fmt(seconds * 1e6) + " µs";
    }
}
