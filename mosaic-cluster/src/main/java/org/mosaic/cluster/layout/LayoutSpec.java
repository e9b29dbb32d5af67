package org.mosaic.cluster.layout;

import java.util.Objects;

/**
 * The physical layout of a fleet: racks (power budget, units, cooling, footprint), the equipment that goes in them
 * (W and units per GPU server, scale-up switch tray and fabric switch), the floor (rows, aisles, network racks, a
 * spine room, the cable tray), where each fabric tier's switches sit, and how cables are routed and counted.
 * Immutable, validated in the constructors. SI units inside (W, m); rack units (U, 44.45 mm) as integers.
 *
 * <p>GPUs per rack follow from the power budget and the units: a rack takes whole scale-up domains (GPUs ×
 * W per GPU + trays × W per tray ≤ budget, servers × U + trays × U ≤ units). A domain too large for one rack is an
 * error naming the numbers, unless {@code spreadDomains}: then it spreads over the fewest racks that hold it
 * (servers shared evenly, trays in the middle rack) and its scale-up links cross racks.
 *
 * @param name          label for reports
 * @param rack          rack budget and footprint
 * @param equipment     power and height of what goes in the racks
 * @param floor         rows, aisles, network racks, spine room, cable tray
 * @param leaf          where the leaves sit
 * @param spine         where the spines (2 tiers) or aggregation switches (3 tiers) sit
 * @param core          where the cores sit
 * @param cabling       slack, length bins and the count rule
 * @param spreadDomains spread a domain larger than a rack over several racks instead of failing
 */
public record LayoutSpec(String name, Rack rack, Equipment equipment, Floor floor, SwitchPlacement leaf,
                         SwitchPlacement spine, SwitchPlacement core, Cabling cabling, boolean spreadDomains) {

    /** Height of one rack unit (m): 1.75 in (EIA-310). */
    public static final double RACK_UNIT_METERS = 0.04445;

    public LayoutSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("layout name is blank — expected a label, e.g. nvl72-hall");
        }
        Objects.requireNonNull(rack, "layout " + name + ": rack is null");
        Objects.requireNonNull(equipment, "layout " + name + ": equipment is null");
        Objects.requireNonNull(floor, "layout " + name + ": floor is null");
        Objects.requireNonNull(cabling, "layout " + name + ": cabling is null");
        if (leaf == null || spine == null || core == null) {
            throw new IllegalArgumentException("layout " + name + ": switch placement leaf/spine/core = " + leaf + "/" + spine + "/"
                    + core + " — expected one of TOP_OF_RACK, MIDDLE_OF_ROW, END_OF_ROW, SPINE_ROOM for each");
        }
        if (spine == SwitchPlacement.TOP_OF_RACK || core == SwitchPlacement.TOP_OF_RACK) {
            throw new IllegalArgumentException("layout " + name + ": spine/core placement " + spine + "/" + core
                    + " — expected MIDDLE_OF_ROW, END_OF_ROW or SPINE_ROOM (only leaves sit at the top of a GPU rack)");
        }
        if (floor.trayHeightMeters() < rack.units() * RACK_UNIT_METERS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "layout %s: cable tray at %.3f m is below the top of a %d U rack (%.3f m) — expected the tray above the racks",
                    name, floor.trayHeightMeters(), rack.units(), rack.units() * RACK_UNIT_METERS));
        }
        if (spine == SwitchPlacement.SPINE_ROOM && core != SwitchPlacement.SPINE_ROOM
                || leaf == SwitchPlacement.SPINE_ROOM && (spine != SwitchPlacement.SPINE_ROOM || core != SwitchPlacement.SPINE_ROOM)) {
            throw new IllegalArgumentException("layout " + name + ": leaf/spine/core placement " + leaf + "/" + spine + "/" + core
                    + " — expected every tier above one in the spine room to be in the spine room too");
        }
        int reserved = reservedPositions(floor, leaf, spine, core);
        if (reserved >= floor.racksPerRow()) {
            throw new IllegalArgumentException("layout " + name + ": " + reserved + " network rack positions per row (middle and/or end of"
                    + " row) leave no room for GPU racks in a row of " + floor.racksPerRow()
                    + " — expected racks per row > network racks (hint: longer rows or fewer network racks per row)");
        }
        if (equipment.fabricSwitchUnits() > rack.units()) {
            throw new IllegalArgumentException("layout " + name + ": a fabric switch of " + equipment.fabricSwitchUnits()
                    + " U does not fit a " + rack.units() + " U rack — expected switch units <= rack units");
        }
        if (rack.powerBudgetWatts() > rack.cooling().maxRackWatts()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "layout %s: rack budget %.1f kW with %s cooling — expected at most %.0f kW (hint: LIQUID cooling for dense racks;"
                            + " an NVL72 at ~120 kW is liquid-cooled, [nvidia-nvl72], [introl-gb300])",
                    name, rack.powerBudgetWatts() / 1e3, rack.cooling(), rack.cooling().maxRackWatts() / 1e3));
        }
    }

    /** Positions per row reserved for network racks by middle-of-row and end-of-row placements. */
    static int reservedPositions(Floor floor, SwitchPlacement... placements) {
        boolean middle = false;
        boolean end = false;
        for (SwitchPlacement p : placements) {
            middle |= p == SwitchPlacement.MIDDLE_OF_ROW;
            end |= p == SwitchPlacement.END_OF_ROW;
        }
        return ((middle ? 1 : 0) + (end ? 1 : 0)) * floor.networkRacksPerRow();
    }

    /** Positions per row reserved for network racks. */
    public int reservedPositionsPerRow() {
        return reservedPositions(floor, leaf, spine, core);
    }

    /** The same layout with another rack power budget (W). */
    public LayoutSpec withRackPowerBudgetWatts(double watts) {
        return new LayoutSpec(name, new Rack(watts, rack.units(), rack.cooling(), rack.widthMeters(), rack.depthMeters()), equipment,
                floor, leaf, spine, core, cabling, spreadDomains);
    }

    /** The same layout with another cooling class and budget (W). */
    public LayoutSpec withRack(Rack newRack) {
        return new LayoutSpec(name, newRack, equipment, floor, leaf, spine, core, cabling, spreadDomains);
    }

    /** The same layout with domains spread over racks when they do not fit one (or not). */
    public LayoutSpec withSpreadDomains(boolean spread) {
        return new LayoutSpec(name, rack, equipment, floor, leaf, spine, core, cabling, spread);
    }

    /**
     * The same layout spread over racks of {@code rackBudgetWatts} (air-cooled up to {@link Cooling#AIR}'s limit, else
     * liquid), a domain larger than one rack spread over several: the rack-density comparison's other side. Named
     * after this one ({@code nvl72-rack} gives {@code nvl72-spread}).
     */
    public LayoutSpec spreadOver(double rackBudgetWatts) {
        Cooling c = rackBudgetWatts <= Cooling.AIR.maxRackWatts() ? Cooling.AIR : Cooling.LIQUID;
        String base = name.endsWith("-rack") ? name.substring(0, name.length() - "-rack".length()) : name;
        return named(base + "-spread").withRack(new Rack(rackBudgetWatts, rack.units(), c, rack.widthMeters(), rack.depthMeters()))
                .withSpreadDomains(true);
    }

    /** The same layout under another name. */
    public LayoutSpec named(String newName) {
        return new LayoutSpec(newName, rack, equipment, floor, leaf, spine, core, cabling, spreadDomains);
    }

    /**
     * A rack.
     *
     * @param powerBudgetWatts the power the rack may draw (W)
     * @param units            rack units (U)
     * @param cooling          air or liquid
     * @param widthMeters      width along the row (m)
     * @param depthMeters      depth across the row (m)
     */
    public record Rack(double powerBudgetWatts, int units, Cooling cooling, double widthMeters, double depthMeters) {
        public Rack {
            if (!(powerBudgetWatts > 0 && Double.isFinite(powerBudgetWatts))) {
                throw new IllegalArgumentException("rack power budget " + powerBudgetWatts + " W — expected a positive finite power"
                        + " (hint: 40 kW = 40000; an NVL72 rack draws ~120 kW, [nvidia-nvl72], [introl-gb300])");
            }
            if (units < 1 || units > 100) {
                throw new IllegalArgumentException("rack units " + units + " U — expected 1 to 100 (hint: 42 or 48)");
            }
            Objects.requireNonNull(cooling, "rack cooling is null — expected AIR or LIQUID");
            positive("rack width", widthMeters, "0.6 m");
            positive("rack depth", depthMeters, "1.2 m");
        }
    }

    /**
     * Power and height of the equipment.
     *
     * @param gpuWatts           power per GPU including its share of the host (CPU, NIC, PSU losses) (W)
     * @param gpusPerServer      GPUs per server or compute tray
     * @param serverUnits        height of a server (U)
     * @param scaleUpTrayWatts   power per scale-up switch tray (W; 0 when on the GPU baseboard)
     * @param scaleUpTrayUnits   height per tray (U; 0 when on the GPU baseboard)
     * @param fabricSwitchWatts  power per scale-out switch, without its optics (W)
     * @param fabricSwitchUnits  height per scale-out switch (U)
     */
    public record Equipment(double gpuWatts, int gpusPerServer, int serverUnits, double scaleUpTrayWatts, int scaleUpTrayUnits,
                            double fabricSwitchWatts, int fabricSwitchUnits) {
        public Equipment {
            positive("power per GPU", gpuWatts, "1275 W for an H100 with its host share");
            if (gpusPerServer < 1 || serverUnits < 1) {
                throw new IllegalArgumentException("GPUs per server " + gpusPerServer + ", server height " + serverUnits
                        + " U — expected both >= 1 (hint: an NVL72 compute tray is 4 GPUs in 1 U)");
            }
            if (!(scaleUpTrayWatts >= 0 && Double.isFinite(scaleUpTrayWatts)) || scaleUpTrayUnits < 0) {
                throw new IllegalArgumentException("scale-up tray " + scaleUpTrayWatts + " W, " + scaleUpTrayUnits
                        + " U — expected a finite power >= 0 and units >= 0 (0 when the switch sits on the GPU baseboard)");
            }
            if (!(fabricSwitchWatts >= 0 && Double.isFinite(fabricSwitchWatts)) || fabricSwitchUnits < 1) {
                throw new IllegalArgumentException("fabric switch " + fabricSwitchWatts + " W, " + fabricSwitchUnits
                        + " U — expected a finite power >= 0 and at least 1 U");
            }
        }
    }

    /**
     * The floor.
     *
     * @param racksPerRow             rack positions per row (GPU and network racks)
     * @param aisleWidthMeters        aisle between rows (m); row pitch = rack depth + aisle
     * @param networkRacksPerRow      network rack positions per row for each of middle-of-row and end-of-row
     * @param spineRoomDistanceMeters cable run from the hall's exit to the spine room's entrance (m)
     * @param trayHeightMeters        height of the overhead cable tray above the floor (m), above the racks
     */
    public record Floor(int racksPerRow, double aisleWidthMeters, int networkRacksPerRow, double spineRoomDistanceMeters,
                        double trayHeightMeters) {
        public Floor {
            if (racksPerRow < 1 || racksPerRow > 1000) {
                throw new IllegalArgumentException("racks per row " + racksPerRow + " — expected 1 to 1000");
            }
            if (networkRacksPerRow < 0) {
                throw new IllegalArgumentException("network racks per row " + networkRacksPerRow + " — expected >= 0");
            }
            nonNegative("aisle width", aisleWidthMeters);
            nonNegative("spine room distance", spineRoomDistanceMeters);
            positive("cable tray height", trayHeightMeters, "2.5 m");
        }
    }

    /**
     * How cables are routed and counted.
     *
     * @param slackFixedMeters fixed slack per cable (m): service loops, connector breakout
     * @param slackFraction    slack in proportion to the route (≥ 0)
     * @param binMeters        length bin (m): lengths round UP to a multiple (stock lengths; conservative for reach)
     * @param countRule        how topology links become generation links
     */
    public record Cabling(double slackFixedMeters, double slackFraction, double binMeters, CountRule countRule) {
        public Cabling {
            nonNegative("fixed slack", slackFixedMeters);
            if (!(slackFraction >= 0 && slackFraction <= 1)) {
                throw new IllegalArgumentException("slack fraction " + slackFraction + " — expected 0 to 1 (hint: 0.1 = 10 % of the route)");
            }
            positive("length bin", binMeters, "0.5 m");
            Objects.requireNonNull(countRule, "count rule is null — expected LANE_EQUIVALENT or ONE_PER_LINK");
        }

        /** Cable length of a route: route × (1 + fraction) + fixed (m). */
        public double cableMeters(double routeMeters) {
            return routeMeters * (1 + slackFraction) + slackFixedMeters;
        }

        /** The bin a cable length falls in: ⌈length / bin⌉, at least 1. */
        public int bin(double cableMeters) {
            return Math.max(1, (int) Math.ceil(cableMeters / binMeters - 1e-9));
        }
    }

    private static void positive(String what, double v, String example) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(what + " " + v + " — expected a positive finite value (e.g. " + example + ")");
        }
    }

    private static void nonNegative(String what, double v) {
        if (!(v >= 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(what + " " + v + " m — expected a finite length >= 0 m");
        }
    }
}
