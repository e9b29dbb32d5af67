package org.mosaic.cluster.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.mosaic.cluster.topology.ClusterGraph;
import org.mosaic.cluster.topology.ClusterTopology;
import org.mosaic.cluster.topology.Link;
import org.mosaic.cluster.topology.Node;
import org.mosaic.cluster.topology.NodeKind;
import org.mosaic.cluster.topology.ScaleUpDomainSpec;
import org.mosaic.core.parallel.Memo;

/**
 * Every vertex of a topology placed in a rack at a height, deterministically, and the cable route between any two.
 *
 * <p><b>Floor.</b> The hall has rows of {@code racksPerRow} positions, {@code rackWidth} apart along the row (x, rack
 * centres at (p + ½)·width); rows are {@code rackDepth + aisle} apart (y, row r at r·pitch). Network racks take
 * {@code networkRacksPerRow} positions in the middle of every row (if a tier is {@link SwitchPlacement#MIDDLE_OF_ROW})
 * and at the far end, x = row length (if a tier is {@link SwitchPlacement#END_OF_ROW}); GPU racks fill the other
 * positions in order, row by row. The spine room has rows of the same shape, filled with network racks in switch
 * order; its entrance (its x = 0 of row 0) is {@code spineRoomDistance} of cable from the hall's exit (the x = row
 * length end of hall row 0).
 *
 * <p><b>Racks.</b> Domains go in by {@link RackFit}: whole domains stacked from the bottom, each domain's lower half
 * of servers, then its trays, then its upper half (an NVL72's switch trays sit between its compute trays); a spread
 * domain's servers are shared evenly over its racks, trays in its middle rack. A tray of 0 U sits on its domain's
 * middle server (an HGX baseboard). A GPU's height is its server's. Leaves at the top of a rack stack down from
 * the top; switches in network racks stack up from the bottom, as many as the rack's units AND its power budget
 * allow (the budget applies to every rack). A switch's anchor is its median downstream
 * neighbour (in edge order): a top-of-rack leaf goes in the anchor's rack; a middle- or end-of-row switch in the
 * anchor's row, or the nearest row with room (the lower row first on a tie).
 *
 * <p><b>Route</b> between two ends: in the same rack, the vertical distance between them; otherwise up from each
 * end to the overhead tray (tray height − end height), plus along the tray: in the same row |x₁ − x₂|; across
 * rows of one room via the nearer row end, min(x₁ + x₂, 2L − x₁ − x₂) + |y₁ − y₂| (Manhattan, L = row length);
 * between the hall and the spine room (L − x_hall) + y_hall + distance + x_room + y_room. The cable adds slack
 * ({@link LayoutSpec.Cabling#cableMeters}). Assumptions: one straight tray per row and one along each row end,
 * no congestion detours, no under-floor routes, cables leave a rack at its top.
 */
public final class RackLayout {
    /** Where a rack stands. */
    public enum Room { HALL, SPINE_ROOM }

    /** What a rack holds. */
    public enum RackKind { GPU, NETWORK }

    /**
     * One rack.
     *
     * @param id          rack number, GPU racks first, then network racks in order of first use
     * @param kind        GPU or network rack
     * @param room        hall or spine room
     * @param row         row in its room
     * @param position    position in its row
     * @param powerWatts  power of what it holds (GPUs, trays, switches; optics not included)
     * @param unitsUsed   units taken
     */
    public record RackSlot(int id, RackKind kind, Room room, int row, int position, double powerWatts, int unitsUsed) {
    }

    private final LayoutSpec spec;
    private final ClusterTopology topology;
    private final RackFit fit;
    private final int[] rackOf;
    private final int[] uBottom;
    private final double[] zMeters;
    private final List<RackSlot> racks;
    private final int gpuRacks;
    private final int hallRows;
    private final int spineRoomRows;
    private final double[] rackX;
    private final double[] rackY;
    private final boolean[] rackInSpineRoom;

    private RackLayout(Builder b) {
        spec = b.spec;
        topology = b.topology;
        fit = b.fit;
        rackOf = b.rackOf;
        uBottom = b.uBottom;
        zMeters = b.z;
        gpuRacks = b.gpuRacks;
        hallRows = b.hallRows;
        spineRoomRows = b.spineRoomRows;
        int n = b.rackKind.size();
        List<RackSlot> out = new ArrayList<>(n);
        rackX = new double[n];
        rackY = new double[n];
        rackInSpineRoom = new boolean[n];
        double w = spec.rack().widthMeters();
        double pitch = spec.rack().depthMeters() + spec.floor().aisleWidthMeters();
        for (int i = 0; i < n; i++) {
            out.add(new RackSlot(i, b.rackKind.get(i), b.rackRoom.get(i), b.rackRow.get(i), b.rackPos.get(i), b.rackWatts[i], b.rackUnits[i]));
            rackX[i] = (b.rackPos.get(i) + 0.5) * w;
            rackY[i] = b.rackRow.get(i) * pitch;
            rackInSpineRoom[i] = b.rackRoom.get(i) == Room.SPINE_ROOM;
        }
        racks = Collections.unmodifiableList(out);
    }

    /**
     * Places {@code topology} by {@code spec}.
     *
     * @throws IllegalArgumentException when a domain does not fit a rack (see {@link RackFit}), a rack overflows
     *                                  its units or budget with its top-of-rack switches, or the network racks of
     *                                  the rows cannot hold the switches placed there
     */
    public static RackLayout place(ClusterTopology topology, LayoutSpec spec) {
        if (topology == null || spec == null) {
            throw new IllegalArgumentException("a topology and a layout are required — expected ClusterTopology.of(spec) and a LayoutSpec");
        }
        return PLACED.get(new Placement(topology, spec), k -> new Builder(topology, spec).build());
    }

    /**
     * A placement's key: the topology by identity ({@link ClusterTopology#of} hands out the same one for equal specs,
     * and a graph's own equality compares every edge), the layout spec by value.
     */
    private record Placement(ClusterTopology topology, LayoutSpec layout) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Placement p && p.topology == topology && p.layout.equals(layout);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(topology) + layout.hashCode();
        }
    }

    /** The last placements (immutable; the studies place the same cluster at every point of their samples). */
    private static final Memo<Placement, RackLayout> PLACED = new Memo<>(4);

    public LayoutSpec spec() {
        return spec;
    }

    public ClusterTopology topology() {
        return topology;
    }

    /** How the domain fits the racks. */
    public RackFit fit() {
        return fit;
    }

    /** Every rack, GPU racks first. */
    public List<RackSlot> racks() {
        return racks;
    }

    /** GPU racks. */
    public int gpuRacks() {
        return gpuRacks;
    }

    /** Network racks (hall and spine room). */
    public int networkRacks() {
        return racks.size() - gpuRacks;
    }

    /** Rows of the hall. */
    public int hallRows() {
        return hallRows;
    }

    /** Rows of the spine room (0 when unused). */
    public int spineRoomRows() {
        return spineRoomRows;
    }

    /** The rack of a vertex. */
    public int rackOf(Node v) {
        return rackOf[v.id()];
    }

    /** The lowest unit a vertex occupies (0-based from the bottom; a GPU: its server's). */
    public int unitOf(Node v) {
        return uBottom[v.id()];
    }

    /** Height of a vertex's cable exit above the floor (m): the centre of its server, tray or switch. */
    public double heightMeters(Node v) {
        return zMeters[v.id()];
    }

    /** Row length of a room (m). */
    public double rowLengthMeters() {
        return spec.floor().racksPerRow() * spec.rack().widthMeters();
    }

    /** The route between two vertices (m), without slack (see the class comment). */
    public double routeMeters(Node a, Node b) {
        return route(a.id(), b.id());
    }

    /** The cable between two vertices (m): route plus slack, before binning. */
    public double cableMeters(Node a, Node b) {
        return spec.cabling().cableMeters(route(a.id(), b.id()));
    }

    double route(int a, int b) {
        int ra = rackOf[a];
        int rb = rackOf[b];
        if (ra == rb) {
            return Math.abs(zMeters[a] - zMeters[b]);
        }
        double tray = spec.floor().trayHeightMeters();
        double vertical = (tray - zMeters[a]) + (tray - zMeters[b]);
        double xa = rackX[ra];
        double xb = rackX[rb];
        double ya = rackY[ra];
        double yb = rackY[rb];
        double len = rowLengthMeters();
        double horizontal;
        if (rackInSpineRoom[ra] == rackInSpineRoom[rb]) {
            horizontal = ya == yb ? Math.abs(xa - xb) : Math.min(xa + xb, 2 * len - xa - xb) + Math.abs(ya - yb);
        } else {
            double xh = rackInSpineRoom[ra] ? xb : xa;
            double yh = rackInSpineRoom[ra] ? yb : ya;
            double xs = rackInSpineRoom[ra] ? xa : xb;
            double ys = rackInSpineRoom[ra] ? ya : yb;
            horizontal = (len - xh) + yh + spec.floor().spineRoomDistanceMeters() + xs + ys;
        }
        return vertical + horizontal;
    }

    /** Mutable state of one placement. */
    private static final class Builder {
        final LayoutSpec spec;
        final ClusterTopology topology;
        final ClusterGraph graph;
        final RackFit fit;
        final int[] rackOf;
        final int[] uBottom;
        final double[] z;
        final List<RackKind> rackKind = new ArrayList<>();
        final List<Room> rackRoom = new ArrayList<>();
        final List<Integer> rackRow = new ArrayList<>();
        final List<Integer> rackPos = new ArrayList<>();
        double[] rackWatts = new double[16];
        int[] rackUnits = new int[16];
        int[] torCount = new int[16];
        int gpuRacks;
        int hallRows;
        int spineRoomRows;
        final int[] gpuPositions;
        final int middleStart;
        final int endStart;
        final int perNetworkRack;
        int[][] networkRack; // [row][block * networkRacksPerRow + j] -> rack id or -1
        int[][] networkUsed; // [row][block] slots used
        int spineRoomSlots;

        Builder(ClusterTopology topology, LayoutSpec spec) {
            this.spec = spec;
            this.topology = topology;
            this.graph = topology.graph();
            this.fit = RackFit.of(topology.spec().domain(), spec);
            int nodes = graph.nodeCount();
            rackOf = new int[nodes];
            uBottom = new int[nodes];
            z = new double[nodes];
            LayoutSpec.Floor f = spec.floor();
            int perRow = f.racksPerRow();
            int nr = f.networkRacksPerRow();
            boolean middle = uses(SwitchPlacement.MIDDLE_OF_ROW);
            boolean end = uses(SwitchPlacement.END_OF_ROW);
            endStart = end ? perRow - nr : perRow;
            middleStart = middle ? (endStart - nr) / 2 : -1;
            boolean[] reserved = new boolean[perRow];
            for (int j = 0; j < nr; j++) {
                if (middle) {
                    reserved[middleStart + j] = true;
                }
                if (end) {
                    reserved[endStart + j] = true;
                }
            }
            int[] pos = new int[perRow];
            int k = 0;
            for (int p = 0; p < perRow; p++) {
                if (!reserved[p]) {
                    pos[k++] = p;
                }
            }
            gpuPositions = Arrays.copyOf(pos, k);
            perNetworkRack = switchesPerNetworkRack(spec);
        }

        /** Switches a network rack holds: by its units and by its power budget. */
        private static int switchesPerNetworkRack(LayoutSpec spec) {
            LayoutSpec.Equipment eq = spec.equipment();
            int byUnits = spec.rack().units() / eq.fabricSwitchUnits();
            int byPower = eq.fabricSwitchWatts() > 0
                    ? (int) Math.min(Integer.MAX_VALUE, Math.floor(spec.rack().powerBudgetWatts() / eq.fabricSwitchWatts() * (1 + 1e-12)))
                    : Integer.MAX_VALUE;
            return Math.min(byUnits, byPower);
        }

        private boolean uses(SwitchPlacement p) {
            return topology.spec().hasFabric() && (spec.leaf() == p || spec.spine() == p || spec.core() == p);
        }

        RackLayout build() {
            if (perNetworkRack < 1 && topology.spec().hasFabric()) {
                throw new IllegalArgumentException("layout " + spec.name() + ": a fabric switch of " + Format.num(spec.equipment().fabricSwitchWatts())
                        + " W exceeds the " + Format.num(spec.rack().powerBudgetWatts()) + " W rack budget — expected a network rack to hold"
                        + " at least one switch");
            }
            placeDomains();
            networkRack = new int[hallRows][];
            networkUsed = new int[hallRows][2];
            int nr = spec.floor().networkRacksPerRow();
            for (int r = 0; r < hallRows; r++) {
                networkRack[r] = new int[2 * nr];
                Arrays.fill(networkRack[r], -1);
            }
            placeSwitches(NodeKind.LEAF, spec.leaf());
            placeSwitches(NodeKind.SPINE, spec.spine());
            placeSwitches(NodeKind.CORE, spec.core());
            checkGpuRacks();
            return new RackLayout(this);
        }

        private int newRack(RackKind kind, Room room, int row, int position) {
            int id = rackKind.size();
            rackKind.add(kind);
            rackRoom.add(room);
            rackRow.add(row);
            rackPos.add(position);
            if (id == rackWatts.length) {
                rackWatts = Arrays.copyOf(rackWatts, id * 2);
                rackUnits = Arrays.copyOf(rackUnits, id * 2);
                torCount = Arrays.copyOf(torCount, id * 2);
            }
            return id;
        }

        private void put(int node, int rack, int unit, int units, double watts) {
            rackOf[node] = rack;
            uBottom[node] = unit;
            z[node] = (unit + units / 2.0) * LayoutSpec.RACK_UNIT_METERS;
            rackWatts[rack] += watts;
        }

        private void placeDomains() {
            ScaleUpDomainSpec dom = topology.spec().domain();
            LayoutSpec.Equipment eq = spec.equipment();
            int g = dom.gpus();
            int n = topology.spec().gpus();
            int domains = topology.spec().domains();
            int racksNeeded = fit.racksPerDomain() > 1 ? domains * fit.racksPerDomain()
                    : (domains + fit.domainsPerRack() - 1) / fit.domainsPerRack();
            int perRow = gpuPositions.length;
            for (int k = 0; k < racksNeeded; k++) {
                newRack(RackKind.GPU, Room.HALL, k / perRow, gpuPositions[k % perRow]);
            }
            gpuRacks = racksNeeded;
            hallRows = (racksNeeded + perRow - 1) / perRow;
            List<Node> trays = graph.nodes(NodeKind.SCALE_UP_SWITCH);
            int trayUnits = eq.scaleUpTrayUnits();
            for (int m = 0; m < domains; m++) {
                int gpusHere = Math.min(g, n - m * g);
                int servers = (gpusHere + eq.gpusPerServer() - 1) / eq.gpusPerServer();
                int[] serverRack = new int[servers];
                int[] serverUnit = new int[servers];
                int trayRack;
                int trayUnit;
                int racksOfDomain = fit.racksPerDomain();
                if (racksOfDomain == 1) {
                    int rack = m / fit.domainsPerRack();
                    int base = (m % fit.domainsPerRack()) * fit.domainUnits();
                    trayRack = rack;
                    trayUnit = stack(servers, 0, servers, base, dom.switchTrays(), serverRack, serverUnit, rack, true);
                } else {
                    int first = m * racksOfDomain;
                    int s0 = 0;
                    trayRack = first + fit.trayRack();
                    trayUnit = 0;
                    for (int r = 0; r < racksOfDomain; r++) {
                        int here = RackFit.serversInRack(servers, racksOfDomain, r);
                        boolean trays0 = r == fit.trayRack();
                        int t = stack(here, s0, servers, 0, trays0 ? dom.switchTrays() : 0, serverRack, serverUnit, first + r, trays0);
                        if (trays0) {
                            trayUnit = t;
                        }
                        s0 += here;
                    }
                }
                for (int s = 0; s < servers; s++) {
                    rackUnits[serverRack[s]] += eq.serverUnits();
                }
                for (int i = m * g; i < m * g + gpusHere; i++) {
                    int s = (i - m * g) / eq.gpusPerServer();
                    put(i, serverRack[s], serverUnit[s], eq.serverUnits(), eq.gpuWatts());
                }
                for (int t = 0; t < dom.switchTrays(); t++) {
                    Node tray = trays.get(m * dom.switchTrays() + t);
                    if (trayUnits == 0) {
                        int mid = middleServerIn(serverRack, trayRack);
                        put(tray.id(), trayRack, serverUnit[mid], eq.serverUnits(), eq.scaleUpTrayWatts());
                    } else {
                        put(tray.id(), trayRack, trayUnit + t * trayUnits, trayUnits, eq.scaleUpTrayWatts());
                        rackUnits[trayRack] += trayUnits;
                    }
                }
            }
        }

        /**
         * Stacks {@code count} servers (domain servers s0 …) in {@code rack} from unit {@code base}: the lower half,
         * then the trays (if {@code withTrays}), then the upper half. Returns the trays' first unit.
         */
        private int stack(int count, int s0, int servers, int base, int trays, int[] serverRack, int[] serverUnit, int rack,
                          boolean withTrays) {
            int su = spec.equipment().serverUnits();
            int lower = count / 2;
            int unit = base;
            int trayUnit = base;
            for (int s = 0; s < count; s++) {
                if (s == lower && withTrays) {
                    trayUnit = unit;
                    unit += trays * spec.equipment().scaleUpTrayUnits();
                }
                serverRack[s0 + s] = rack;
                serverUnit[s0 + s] = unit;
                unit += su;
            }
            if (count == 0 && withTrays) {
                trayUnit = unit;
            }
            return trayUnit;
        }

        private static int middleServerIn(int[] serverRack, int rack) {
            int first = -1;
            int last = -1;
            for (int s = 0; s < serverRack.length; s++) {
                if (serverRack[s] == rack) {
                    if (first < 0) {
                        first = s;
                    }
                    last = s;
                }
            }
            return (first + last) / 2;
        }

        /** The median downstream neighbour of a switch, in edge order. */
        private int anchor(Node v) {
            int down = 0;
            for (Link e : graph.edgesOf(v)) {
                if (graph.opposite(e, v).kind().ordinal() < v.kind().ordinal()) {
                    down++;
                }
            }
            int want = down / 2;
            for (Link e : graph.edgesOf(v)) {
                Node o = graph.opposite(e, v);
                if (o.kind().ordinal() < v.kind().ordinal() && want-- == 0) {
                    return o.id();
                }
            }
            throw new IllegalStateException("switch " + v + " has no downstream neighbour");
        }

        private void placeSwitches(NodeKind kind, SwitchPlacement placement) {
            LayoutSpec.Equipment eq = spec.equipment();
            int su = eq.fabricSwitchUnits();
            for (Node v : graph.nodes(kind)) {
                switch (placement) {
                    case TOP_OF_RACK -> {
                        int rack = rackOf[anchor(v)];
                        torCount[rack]++;
                        put(v.id(), rack, spec.rack().units() - torCount[rack] * su, su, eq.fabricSwitchWatts());
                        rackUnits[rack] += su;
                    }
                    case MIDDLE_OF_ROW, END_OF_ROW -> placeInRow(v, placement == SwitchPlacement.MIDDLE_OF_ROW ? 0 : 1);
                    case SPINE_ROOM -> {
                        int slot = spineRoomSlots++;
                        int rackIndex = slot / perNetworkRack;
                        int perRow = spec.floor().racksPerRow();
                        int rack;
                        if (slot % perNetworkRack == 0) {
                            rack = newRack(RackKind.NETWORK, Room.SPINE_ROOM, rackIndex / perRow, rackIndex % perRow);
                            spineRoomRows = rackIndex / perRow + 1;
                        } else {
                            rack = rackKind.size() - 1;
                        }
                        put(v.id(), rack, (slot % perNetworkRack) * su, su, eq.fabricSwitchWatts());
                        rackUnits[rack] += su;
                    }
                    default -> throw new IllegalStateException("placement " + placement);
                }
            }
        }

        private void placeInRow(Node v, int block) {
            int nr = spec.floor().networkRacksPerRow();
            int capacity = nr * perNetworkRack;
            int home = rackRow.get(rackOf[anchor(v)]);
            int row = -1;
            for (int d = 0; d < hallRows && row < 0; d++) {
                if (home - d >= 0 && networkUsed[home - d][block] < capacity) {
                    row = home - d;
                } else if (home + d < hallRows && networkUsed[home + d][block] < capacity) {
                    row = home + d;
                }
            }
            if (row < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "layout %s: no room for %s (%s) in the %s network racks — %d rows x %d racks x %d switches (%d U, %s W each)"
                                + " fit %d switches; expected more (hint: more network racks per row, or SPINE_ROOM for the upper tiers)",
                        spec.name(), v, v.kind(), block == 0 ? "middle-of-row" : "end-of-row", hallRows, nr, perNetworkRack,
                        spec.equipment().fabricSwitchUnits(), Format.num(spec.equipment().fabricSwitchWatts()), hallRows * capacity));
            }
            int slot = networkUsed[row][block]++;
            int j = slot / perNetworkRack;
            int rack = networkRack[row][block * nr + j];
            if (rack < 0) {
                int position = (block == 0 ? middleStart : endStart) + j;
                rack = newRack(RackKind.NETWORK, Room.HALL, row, position);
                networkRack[row][block * nr + j] = rack;
            }
            int su = spec.equipment().fabricSwitchUnits();
            put(v.id(), rack, (slot % perNetworkRack) * su, su, spec.equipment().fabricSwitchWatts());
            rackUnits[rack] += su;
        }

        private void checkGpuRacks() {
            LayoutSpec.Rack r = spec.rack();
            for (int i = 0; i < gpuRacks; i++) {
                if (rackUnits[i] > r.units() || rackWatts[i] > r.powerBudgetWatts() * (1 + 1e-12)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "layout %s: GPU rack %d (row %d, position %d) holds %d U and %s kW with %d top-of-rack switch(es)"
                                    + " — expected at most %d U and %s kW (hint: place leaves MIDDLE_OF_ROW or END_OF_ROW, or raise"
                                    + " the rack budget)", spec.name(), i, rackRow.get(i), rackPos.get(i), rackUnits[i],
                            Format.num(rackWatts[i] / 1e3), torCount[i], r.units(), Format.num(r.powerBudgetWatts() / 1e3)));
                }
            }
        }
    }
}
