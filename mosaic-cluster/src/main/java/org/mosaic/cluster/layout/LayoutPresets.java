package org.mosaic.cluster.layout;

import java.util.List;
import org.mosaic.cluster.fleet.FleetDefaults;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.cluster.topology.TopologyPresets;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;

/**
 * Sourced layouts, paired with the topology presets; {@link #provenance()} gives every number its source and
 * confidence. The reference ([introl-gb300], [superpod-rail]) gives rack power and GPUs per rack; it gives no floor
 * geometry, so rack footprint, aisles, rows, tray height, slack and switch power/height are ASSUMED (stated below
 * and in the provenance, each with the reason).
 *
 * <ul>
 *   <li>{@link #nvl72Rack()}: one GB200/GB300 NVL72 rack, liquid-cooled: 18 compute trays of 4 GPUs at ~6.5 kW each
 *       (~117 kW), 9 NVLink switch trays (~3.6 kW), power shelves ~132 kW DC ([nvidia-nvl72], [introl-gb300], (secondary)).</li>
 *   <li>{@link #h100Cluster16k()}: 16,384 H100 GPUs in DGX-class 8-GPU servers of ~10.2 kW ([semianalysis-100k], [dgx-h100-power] (secondary)), 16 GPUs per
 *       rack as in Meta's Llama 3 cluster ([llama3-2024]), on the rail-optimized 3-tier QM9700 fabric of
 *       {@link TopologyPresets#h100SuperPod16k()}: leaves in the middle of each row, aggregation at its end, cores in
 *       a spine room.</li>
 *   <li>{@link #cluster100k()}: 100,000 GPUs in NVL72 racks on the 3-tier 128-port fabric of
 *       {@link TopologyPresets#cluster100k()}: same row scheme.</li>
 * </ul>
 */
public final class LayoutPresets {
    private static final String NVL72 = "[nvidia-nvl72], [introl-gb300]";
    private static final String HOPPER = "[semianalysis-100k], [dgx-h100-power]";

    /** NVL72 compute tray power (W): ~5.4-6.5 kW, the upper end matching the ~117 kW of 18 trays ([nvidia-nvl72], [introl-gb300]). */
    static final double NVL72_COMPUTE_TRAY_WATTS = 6500;
    /** NVL72 switch trays together (W), [nvidia-nvl72], [introl-gb300]. */
    static final double NVL72_SWITCH_TRAYS_WATTS = 3600;
    /** NVL72 power shelves (W DC), [nvidia-nvl72], [introl-gb300]: the rack's budget. */
    static final double NVL72_RACK_BUDGET_WATTS = 132e3;
    /** DGX H100 system power (W), [semianalysis-100k], [dgx-h100-power]. */
    static final double DGX_H100_WATTS = 10.2e3;
    /** Power per scale-out switch without optics (W): assumed, see {@link #provenance()}. */
    static final double FABRIC_SWITCH_WATTS = 1000;

    /** A named fleet: a cluster and its layout. */
    public record FleetPreset(String name, String description, ClusterSpec cluster, LayoutSpec layout) {
    }

    private LayoutPresets() {
    }

    /** The presets in report order. */
    public static List<FleetPreset> presets() {
        return List.of(
                new FleetPreset("nvl72-rack", "one GB200/GB300 NVL72 rack ([nvidia-nvl72], [introl-gb300])", TopologyPresets.nvl72Rack(), nvl72Rack()),
                new FleetPreset("h100-16k", "16,384 H100 like Meta's Llama 3 cluster ([llama3-2024], [introl-gb300], [superpod-rail])",
                        TopologyPresets.h100SuperPod16k(), h100Cluster16k()),
                new FleetPreset("cluster-100k", "100,000 GPUs in NVL72 racks, 3-tier fabric ([semianalysis-100k], [dgx-h100-power]-4.3)",
                        TopologyPresets.cluster100k(), cluster100k()));
    }

    /**
     * The preset {@code name}.
     *
     * @throws IllegalArgumentException naming the presets
     */
    public static FleetPreset preset(String name) {
        for (FleetPreset p : presets()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown fleet preset \"" + name + "\" — expected one of "
                + presets().stream().map(FleetPreset::name).toList());
    }

    private static LayoutSpec.Equipment nvl72Equipment(int switchUnits) {
        return new LayoutSpec.Equipment(NVL72_COMPUTE_TRAY_WATTS / 4, 4, 1, NVL72_SWITCH_TRAYS_WATTS / 9, 1, FABRIC_SWITCH_WATTS,
                switchUnits);
    }

    private static LayoutSpec.Cabling cabling() {
        return new LayoutSpec.Cabling(0.25, 0.10, 0.25, CountRule.LANE_EQUIVALENT);
    }

    /** One NVL72 rack: 132 kW budget, 48 U, liquid-cooled. */
    public static LayoutSpec nvl72Rack() {
        return new LayoutSpec("nvl72-rack", new LayoutSpec.Rack(NVL72_RACK_BUDGET_WATTS, 48, Cooling.LIQUID, 0.6, 1.2), nvl72Equipment(2),
                new LayoutSpec.Floor(24, 1.2, 2, 50, 2.6), SwitchPlacement.MIDDLE_OF_ROW, SwitchPlacement.END_OF_ROW,
                SwitchPlacement.SPINE_ROOM, cabling(), false);
    }

    /**
     * The NVL72 domain spread over air-cooled racks of {@code rackBudgetWatts} (e.g. 40 kW), for the rack-density
     * comparison; everything else as {@link #nvl72Rack()}.
     */
    public static LayoutSpec nvl72Spread(double rackBudgetWatts) {
        Cooling c = rackBudgetWatts <= Cooling.AIR.maxRackWatts() ? Cooling.AIR : Cooling.LIQUID;
        return nvl72Rack().named("nvl72-spread").withRack(new LayoutSpec.Rack(rackBudgetWatts, 48, c, 0.6, 1.2)).withSpreadDomains(true);
    }

    /** 16,384 H100: 2 DGX-class servers per 20.4 kW air-cooled rack, 20 racks per row. */
    public static LayoutSpec h100Cluster16k() {
        return new LayoutSpec("h100-16k", new LayoutSpec.Rack(2 * DGX_H100_WATTS, 42, Cooling.AIR, 0.6, 1.2),
                new LayoutSpec.Equipment(DGX_H100_WATTS / 8, 8, 8, 0, 0, FABRIC_SWITCH_WATTS, 1),
                new LayoutSpec.Floor(20, 1.2, 2, 50, 2.4), SwitchPlacement.MIDDLE_OF_ROW, SwitchPlacement.END_OF_ROW,
                SwitchPlacement.SPINE_ROOM, cabling(), false);
    }

    /** 100,000 GPUs in NVL72 racks: as {@link #nvl72Rack()}, rows of 24 positions (20 GPU racks). */
    public static LayoutSpec cluster100k() {
        return nvl72Rack().named("cluster-100k");
    }

    /** Source and confidence of every number above. */
    public static List<Provenance> provenance() {
        return List.of(
                new Provenance("layout.nvl72.rackBudget", "132 kW", Confidence.PUBLISHED, NVL72 + " (secondary)",
                        "8 power shelves ~132 kW DC; typical draw ~120 kW"),
                new Provenance("layout.nvl72.gpuWatts", "1625 W", Confidence.DERIVED, NVL72 + " (secondary)",
                        "compute tray ~5.4-6.5 kW / 4 GPUs; the upper end gives 18 x 6.5 = 117 kW as quoted"),
                new Provenance("layout.nvl72.trayWatts", "400 W", Confidence.DERIVED, NVL72 + " (secondary)", "switch trays ~3.6 kW / 9"),
                new Provenance("layout.nvl72.units", "compute tray 1 U, switch tray 1 U, rack 48 U", Confidence.ASSUMED, NVL72,
                        "not in the reference; 18 + 9 trays fit 48 U with room for power shelves"),
                new Provenance("layout.h100.gpuWatts", "1275 W", Confidence.DERIVED, HOPPER + " (secondary)",
                        "DGX H100 ~10.2 kW / 8 GPUs; equals " + FleetDefaults.H100_SERVER_WATTS_PER_GPU.value()
                                + " W = 700 W GPU + 575 W overhead (SemiAnalysis, [semianalysis-100k], [dgx-h100-power])"),
                new Provenance("layout.h100.rackBudget", "20.4 kW", Confidence.DERIVED, "[llama3-2024], [semianalysis-100k], [dgx-h100-power] (secondary)",
                        "16 GPUs per rack in Meta's Llama 3 cluster = 2 DGX-class servers x 10.2 kW"),
                new Provenance("layout.h100.serverUnits", "8 U, NVSwitch on the baseboard (0 U, power in the server)", Confidence.ASSUMED,
                        HOPPER, "DGX H100 height recalled, not in the reference"),
                new Provenance("layout.fabricSwitchWatts", "1000 W", Confidence.ASSUMED, "assumed (Mosaic developers); context: " + HOPPER + ", [al-fares-2008], [superpod-rail]",
                        "no per-switch power in the reference; cross-check: ~3,900 switches of a 100k cluster x 1 kW = 3.9 MW plus"
                                + " ~9 MW optics ([al-fares-2008], [superpod-rail]) ~ 9 % of 150 MW, consistent with 'switches + optics + storage ~ 10 %' ([semianalysis-100k], [dgx-h100-power])"),
                new Provenance("layout.fabricSwitchUnits", "1 U (64-port QM9700), 2 U (51.2T 128 x 400G)", Confidence.ASSUMED,
                        "assumed (Mosaic developers); context: [al-fares-2008], [superpod-rail]", "switch heights recalled, not in the reference"),
                new Provenance("layout.rackFootprint", "0.6 m wide, 1.2 m deep", Confidence.ASSUMED, "assumed (Mosaic developers); context: [introl-gb300], [superpod-rail]",
                        "common 600 mm x 1200 mm AI rack; not in the reference"),
                new Provenance("layout.aisle", "1.2 m", Confidence.ASSUMED, "assumed (Mosaic developers); context: [introl-gb300], [superpod-rail]",
                        "one aisle between rows; not in the reference"),
                new Provenance("layout.rows", "24 (NVL72) / 20 (H100) positions per row, 2 network racks mid-row and 2 at the end",
                        Confidence.ASSUMED, "assumed (Mosaic developers); context: [al-fares-2008], [superpod-rail]", "H100: 16 GPU racks per row = one 32-node scalable unit ([al-fares-2008], [superpod-rail])"),
                new Provenance("layout.trayHeight", "2.6 m (48 U racks) / 2.4 m (42 U racks)", Confidence.ASSUMED, "assumed (Mosaic developers); context: [introl-gb300], [superpod-rail]",
                        "overhead tray just above the racks; not in the reference"),
                new Provenance("layout.spineRoomDistance", "50 m", Confidence.ASSUMED, "assumed (Mosaic developers); context: [superpod-rail], [msr-blog]",
                        "leaf-spine / spine-core runs of 'hundreds of m' ([superpod-rail], [msr-blog]) arise from the hall size plus this run"),
                new Provenance("layout.slack", "0.25 m + 10 % per cable, 0.25 m bins (rounded up)", Confidence.ASSUMED,
                        "assumed (Mosaic developers); context: [superpod-rail], [msr-blog]", "service loop and routing allowance; in-rack NVLink copper must stay under ~1-2 m ([superpod-rail], [msr-blog])"));
    }
}
