package org.mosaic.cluster.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mosaic.cluster.layout.CountRule;
import org.mosaic.cluster.layout.Cooling;
import org.mosaic.cluster.layout.LayoutSpec;
import org.mosaic.cluster.layout.SwitchPlacement;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.cluster.topology.FabricKind;
import org.mosaic.cluster.topology.FabricSpec;
import org.mosaic.cluster.topology.ScaleUpDomainSpec;
import org.mosaic.core.catalog.Catalog;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.core.units.Dimension;

/**
 * A {@code kind: cluster} document bound: the GPU count and kind, the scale-up domain ({@code scaleUp:}, with
 * {@code onBoard} for HGX baseboards), the scale-out fabric ({@code fabric:}, absent for isolated domains), the
 * physical layout ({@code layout:} — rack, equipment, floor, switch placement, cabling) and the economics
 * ({@code economics:} — PUE, electricity price, household energy). The shipped clusters are the YAML presets at
 * {@code /presets/cluster/NAME.yaml} (every number with its source under {@code provenance:}); a user's file is
 * read the same way. Binding is strict and one-pass: every problem (a missing or malformed value, an unknown key at
 * any depth with the closest known one, a cross-field rule of the domain, fabric or layout) is reported at once.
 *
 * @param name        the document's name
 * @param description one line
 * @param gpu         the GPU the cluster holds (a GPU preset name, e.g. h100-sxm)
 * @param cluster     GPUs, scale-up domain and fabric
 * @param layout      racks, rows, switch placement and cabling
 * @param economics   PUE, $/kWh, household energy
 * @param provenance  the document's provenance entries
 * @param document    the document as read (with any overrides applied)
 */
public record ClusterDocument(String name, String description, String gpu, ClusterSpec cluster, LayoutSpec layout,
                              FleetEconomics economics, List<Provenance> provenance, ScenarioDocument document) {
    /** The shipped cluster a command uses when none is given. */
    public static final String DEFAULT = "cluster-100k";

    /** Names of the shipped clusters, in display order. */
    public static List<String> names() {
        return Documents.names(Documents.Kind.CLUSTER);
    }

    /** Every shipped cluster, bound, in display order. */
    public static List<ClusterDocument> presets() {
        List<ClusterDocument> out = new ArrayList<>();
        for (String n : names()) {
            out.add(preset(n));
        }
        return List.copyOf(out);
    }

    private static final java.util.concurrent.ConcurrentMap<String, ClusterDocument> PRESETS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The shipped cluster {@code name} (read once, then kept: it is immutable); an unknown name is refused with the closest one. */
    public static ClusterDocument preset(String name) {
        ClusterDocument d = PRESETS.get(name);
        if (d == null) {
            d = bind(Documents.preset(Documents.Kind.CLUSTER, name));
            PRESETS.putIfAbsent(name, d);
        }
        return d;
    }

    /**
     * {@code FILE|NAME} without overrides: the shipped cluster of that name (kept once read), or the file's document.
     *
     * @throws ScenarioException naming the file's problems, or the unknown name with the closest one
     */
    public static ClusterDocument resolve(String fileOrName) {
        if (fileOrName != null && !fileOrName.isBlank() && !Documents.isFile(fileOrName)) {
            return preset(fileOrName);
        }
        return load(fileOrName, Map.of());
    }

    /** Every shipped cluster's provenance, each path prefixed by {@code cluster.NAME.}, for the report. */
    public static List<Provenance> presetProvenance() {
        List<Provenance> out = new ArrayList<>();
        for (ClusterDocument d : presets()) {
            for (Provenance p : d.provenance()) {
                out.add(new Provenance("cluster." + d.name() + "." + p.path(), p.value(), p.confidence(), p.source(), p.note()));
            }
        }
        return List.copyOf(out);
    }

    /** {@code FILE|NAME}, with the {@code --set} overrides applied (all of them, then one validation). */
    public static ClusterDocument load(String fileOrName, Map<String, String> overrides) {
        ScenarioDocument doc = Documents.load(Documents.Kind.CLUSTER, fileOrName);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            doc = doc.with(e.getKey(), e.getValue());
        }
        return bind(doc);
    }

    /**
     * Binds a cluster document, reporting every problem at once.
     *
     * @throws ScenarioException naming each path, its value and what was expected
     */
    public static ClusterDocument bind(ScenarioDocument doc) {
        SpecReader r = Documents.reader(Documents.Kind.CLUSTER, doc);
        String name = r.text("name", null);
        if (name == null || name.isBlank()) {
            r.problem("name", name, "a name for the cluster, e.g. my-cluster");
        }
        String description = r.text("description", "");
        int gpus = r.integer("gpus", 1, ClusterSpec.MAX_GPUS, -1);
        if (!r.has("gpus")) {
            r.problem("gpus", null, "required: the number of GPUs, a whole number from 1 to " + ClusterSpec.MAX_GPUS);
        }
        String gpu = r.text("gpu", null);
        if (gpu == null || gpu.isBlank()) {
            r.problem("gpu", gpu, "required: the GPU the cluster holds, a GPU preset name such as h100-sxm or b200");
        } else if (org.mosaic.cluster.training.GpuSpec.find(gpu).isEmpty() && !Documents.names(Documents.Kind.GPU).contains(gpu)) {
            List<String> known = new ArrayList<>(org.mosaic.cluster.training.GpuSpec.presets().stream()
                    .map(org.mosaic.cluster.training.GpuSpec::name).toList());
            for (String n : Documents.names(Documents.Kind.GPU)) {
                if (!known.contains(n)) {
                    known.add(n);
                }
            }
            r.problem("gpu", gpu, "a GPU preset name, one of " + String.join(", ", known) + SpecReader.didYouMean(gpu, known));
        }

        ScaleUpDomainSpec domain = scaleUp(r);
        FabricSpec fabric = r.has("fabric") ? fabric(r) : null;
        LayoutSpec layout = layout(r, name == null ? "cluster" : name);
        FleetEconomics economics = economics(r);

        ClusterSpec cluster = null;
        if (domain != null && gpus > 0 && (fabric != null || !r.has("fabric"))) {
            try {
                cluster = new ClusterSpec(gpus, domain, fabric);
            } catch (IllegalArgumentException e) {
                r.problem(fabric == null ? "gpus" : "gpus, fabric", String.valueOf(gpus), e.getMessage());
            }
        }
        r.finish();
        return new ClusterDocument(name, description, gpu, cluster, layout, economics, Catalog.of(doc), doc);
    }

    private static ScaleUpDomainSpec scaleUp(SpecReader r) {
        String label = r.text("scaleUp.name", null);
        if (label == null) {
            r.problem("scaleUp.name", null, "a label for the scale-up domain, e.g. NVL72");
        }
        int gpus = r.integer("scaleUp.gpus", 1, 1 << 16, -1);
        int links = r.integer("scaleUp.linksPerGpu", 0, 1 << 12, 0);
        int lanes = r.integer("scaleUp.lanesPerLink", 0, 64, 0);
        double laneRate = r.has("scaleUp.laneRate") ? r.quantity("scaleUp.laneRate", Dimension.DATA_RATE, 0, 10e12) : 0;
        int trays = r.integer("scaleUp.switchTrays", 0, 1 << 12, 0);
        int chips = r.integer("scaleUp.switchChipsPerTray", 0, 1 << 12, 0);
        int ports = r.integer("scaleUp.portsPerSwitchChip", 0, 1 << 16, 0);
        boolean onBoard = r.bool("scaleUp.onBoard", false);
        if (!r.has("scaleUp.gpus")) {
            r.problem("scaleUp.gpus", null, "required: GPUs per scale-up domain, e.g. 72 (NVL72) or 8 (an HGX board); 1 for none");
        }
        if (label == null || gpus < 1 || Double.isNaN(laneRate)) {
            return null;
        }
        try {
            return new ScaleUpDomainSpec(label, gpus, links, lanes, laneRate, trays, chips, ports, onBoard);
        } catch (IllegalArgumentException e) {
            r.problem("scaleUp", null, e.getMessage());
            return null;
        }
    }

    private static FabricSpec fabric(SpecReader r) {
        String kind = r.choice("fabric.kind", List.of("fat-tree", "rail-optimized"), null);
        if (kind == null && !r.has("fabric.kind")) {
            r.problem("fabric.kind", null, "required: fat-tree or rail-optimized (a cluster without a scale-out fabric, such "
                    + "as nvl72-rack, leaves out the whole fabric: section)");
        }
        int radix = required(r, "fabric.radix", 2, 4096, "switch ports, an even whole number such as 64");
        int tiers = required(r, "fabric.tiers", 1, 3, "1, 2 or 3");
        double over = r.quantity("fabric.oversubscription", Dimension.DIMENSIONLESS, 1, 1e6, 1);
        int nics = r.integer("fabric.nicsPerGpu", 1, 64, 1);
        double rate = required(r, "fabric.portRate", Dimension.DATA_RATE, 1, 100e12, "400 Gb/s");
        int lanes = required(r, "fabric.lanesPerPort", 1, 64, "lanes per port, e.g. 4 (400G = 4 x 100G)");
        if (kind == null || radix < 0 || tiers < 0 || lanes < 0 || Double.isNaN(over) || Double.isNaN(rate)) {
            return null;
        }
        try {
            return new FabricSpec(FabricKind.valueOf(constant(kind)), radix, tiers, over, nics, rate, lanes);
        } catch (IllegalArgumentException e) {
            r.problem("fabric", null, e.getMessage());
            return null;
        }
    }

    private static LayoutSpec layout(SpecReader r, String name) {
        double rackPower = required(r, "layout.rackPower", Dimension.POWER, 1, 1e7, "40 kW");
        int rackUnits = required(r, "layout.rackUnits", 1, 100, "rack units, e.g. 42 or 48");
        String cooling = r.choice("layout.cooling", List.of("air", "liquid"), null);
        if (cooling == null && !r.has("layout.cooling")) {
            r.problem("layout.cooling", null, "air or liquid");
        }
        double width = required(r, "layout.rackWidth", Dimension.LENGTH, 0.1, 5, "0.6 m");
        double depth = required(r, "layout.rackDepth", Dimension.LENGTH, 0.1, 5, "1.2 m");
        boolean spread = r.bool("layout.spreadDomains", false);

        double gpuWatts = required(r, "layout.equipment.gpuPower", Dimension.POWER, 1, 1e6, "1275 W");
        int gpusPerServer = required(r, "layout.equipment.gpusPerServer", 1, 1024, "GPUs per server or compute tray, e.g. 8");
        int serverUnits = required(r, "layout.equipment.serverUnits", 1, 100, "server height in U, e.g. 8");
        double trayWatts = r.quantity("layout.equipment.scaleUpTrayPower", Dimension.POWER, 0, 1e6, 0);
        int trayUnits = r.integer("layout.equipment.scaleUpTrayUnits", 0, 100, 0);
        double switchWatts = required(r, "layout.equipment.fabricSwitchPower", Dimension.POWER, 0, 1e6, "1000 W");
        int switchUnits = required(r, "layout.equipment.fabricSwitchUnits", 1, 100, "switch height in U, e.g. 1");

        int racksPerRow = required(r, "layout.floor.racksPerRow", 1, 1000, "rack positions per row, e.g. 20");
        double aisle = required(r, "layout.floor.aisleWidth", Dimension.LENGTH, 0, 100, "1.2 m");
        int networkRacks = r.integer("layout.floor.networkRacksPerRow", 0, 1000, 0);
        double spineRoom = required(r, "layout.floor.spineRoomDistance", Dimension.LENGTH, 0, 100e3, "50 m");
        double trayHeight = required(r, "layout.floor.trayHeight", Dimension.LENGTH, 0.1, 100, "2.6 m");

        List<String> places = List.of("top-of-rack", "middle-of-row", "end-of-row", "spine-room");
        String leaf = placement(r, "layout.placement.leaf", places);
        String spine = placement(r, "layout.placement.spine", places);
        String core = placement(r, "layout.placement.core", places);

        double slackFixed = required(r, "layout.cabling.slackFixed", Dimension.LENGTH, 0, 100, "0.25 m");
        double slackFraction = required(r, "layout.cabling.slackFraction", Dimension.FRACTION, 0, 1, "10 %");
        double bin = required(r, "layout.cabling.bin", Dimension.LENGTH, 1e-3, 1000, "0.25 m");
        String count = r.choice("layout.cabling.countRule", List.of("lane-equivalent", "one-per-link"), null);
        if (count == null && !r.has("layout.cabling.countRule")) {
            r.problem("layout.cabling.countRule", null, "lane-equivalent or one-per-link");
        }
        double[] all = {rackPower, width, depth, gpuWatts, trayWatts, switchWatts, aisle, spineRoom, trayHeight, slackFixed, slackFraction, bin};
        for (double v : all) {
            if (Double.isNaN(v)) {
                return null;
            }
        }
        if (rackUnits < 0 || cooling == null || gpusPerServer < 0 || serverUnits < 0 || switchUnits < 0 || racksPerRow < 0
                || leaf == null || spine == null || core == null || count == null) {
            return null;
        }
        try {
            return new LayoutSpec(name, new LayoutSpec.Rack(rackPower, rackUnits, Cooling.valueOf(constant(cooling)), width, depth),
                    new LayoutSpec.Equipment(gpuWatts, gpusPerServer, serverUnits, trayWatts, trayUnits, switchWatts, switchUnits),
                    new LayoutSpec.Floor(racksPerRow, aisle, networkRacks, spineRoom, trayHeight),
                    SwitchPlacement.valueOf(constant(leaf)), SwitchPlacement.valueOf(constant(spine)), SwitchPlacement.valueOf(constant(core)),
                    new LayoutSpec.Cabling(slackFixed, slackFraction, bin, CountRule.valueOf(constant(count))), spread);
        } catch (IllegalArgumentException e) {
            r.problem("layout", null, e.getMessage());
            return null;
        }
    }

    private static FleetEconomics economics(SpecReader r) {
        double pue = required(r, "economics.pue", Dimension.DIMENSIONLESS, 1, 10, "1.2");
        double price = required(r, "economics.usdPerKwh", Dimension.DIMENSIONLESS, 0, 100, "0.078");
        double household = required(r, "economics.householdKwhPerYear", Dimension.DIMENSIONLESS, 1e-3, 1e9, "2900");
        String source = r.text("economics.householdSource", null);
        if (source == null || source.isBlank()) {
            r.problem("economics.householdSource", source, "where the household figure comes from (shown beside every homes-equivalent)");
        }
        if (Double.isNaN(pue) || Double.isNaN(price) || Double.isNaN(household) || source == null || source.isBlank()) {
            return null;
        }
        try {
            return new FleetEconomics(pue, price, household, source);
        } catch (IllegalArgumentException e) {
            r.problem("economics", null, e.getMessage());
            return null;
        }
    }

    private static String placement(SpecReader r, String path, List<String> allowed) {
        String v = r.choice(path, allowed, null);
        if (v == null && !r.has(path)) {
            r.problem(path, null, "one of " + String.join(", ", allowed));
        }
        return v;
    }

    /** A required whole number, or -1 after reporting it missing or wrong. */
    private static int required(SpecReader r, String path, int min, int max, String expected) {
        if (!r.has(path)) {
            r.problem(path, null, "required: " + expected);
            return -1;
        }
        return r.integer(path, min, max, -1);
    }

    /** A required quantity with its own example when missing (a range's middle is a poor example for a wide range). */
    private static double required(SpecReader r, String path, Dimension dim, double min, double max, String example) {
        if (!r.has(path)) {
            r.problem(path, null, "required: " + dim.description() + ", e.g. \"" + example + "\"");
            return Double.NaN;
        }
        return r.quantity(path, dim, min, max);
    }

    private static String constant(String word) {
        return word.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The same cluster with another layout (e.g. a rack-density variant). */
    public ClusterDocument withLayout(LayoutSpec newLayout) {
        return new ClusterDocument(name, description, gpu, cluster, newLayout, economics, provenance, document);
    }
}
