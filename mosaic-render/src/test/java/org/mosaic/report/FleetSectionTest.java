package org.mosaic.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.studies.Progress;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.PolicySavings;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.fleet.TechnologyOption;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.layout.RackDensity;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.NodeKind;
import org.mosaic.link.baseline.TechnologyKind;

/**
 * The fleet section, computed once (about 3 s: the technology menu, two clusters under four policies, the density
 * comparison). Checks are deterministic: closed forms, totals that must be conserved, and an independent
 * re-implementation of the {@code today} policy on the drawn cables.
 */
class FleetSectionTest {
    private static FleetSection section;
    private static final TechnologyMenu MENU = TechnologyMenu.standard();

    @BeforeAll
    static void compute() {
        section = FleetSection.compute(Progress.quiet());
    }

    // ---- structure ----

    @Test
    void rendersFiguresTablesJsonRowsAndFiles(@TempDir Path dir) throws Exception {
        assertThat(section.id()).isEqualTo("fleet");
        String html = section.html();
        // per cluster: floor, lengths, policies; plus the density chart
        assertThat(html.split("<svg", -1)).hasSize(1 + 2 * 3 + 1);
        assertThat(html.split("<figure>", -1)).hasSize(1 + 2 * 3 + 1);
        for (String id : List.of("fleet-h100-16k-floor", "fleet-h100-16k-lengths", "fleet-h100-16k-policies", "fleet-cluster-100k-floor",
                "fleet-cluster-100k-lengths", "fleet-cluster-100k-policies", "fleet-density")) {
            assertThat(html).contains("<svg id='" + id + "'");
        }
        // summary, per cluster: technology, lengths, savings; density; provenance
        assertThat(html.split("<table>", -1).length - 1).isEqualTo(1 + 2 * 3 + 1 + 1);
        assertThat(html).contains("mosaic-beyond-copper", "homes", "spine room").doesNotContain("NaN", "Infinity");

        JsonNode json = section.json();
        for (String key : List.of("economics", "presets", "rackDensity", "provenance")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        JsonNode h100 = json.get("presets").get(FleetSection.H100);
        assertThat(h100.get("gpus").asLong()).isEqualTo(16384);
        assertThat(h100.get("policies")).hasSize(Policy.NAMES.size());
        assertThat(h100.get("savingsAgainstToday")).hasSize(Policy.NAMES.size() - 1);
        assertThat(h100.get("policies").get(0).has("metrics")).isFalse();
        assertThat(h100.get("policies").get(0).get("interconnectPowerWattsByTier").size()).isEqualTo(4);

        assertThat(section.rows()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.subject()).isNotBlank();
            if (r.value() instanceof Double d) {
                assertThat(d).isFinite();
            }
        });

        List<Section.DataFile> files = section.files();
        assertThat(files).extracting(Section.DataFile::name).containsExactly("fleet-policies.csv", "fleet-lengths.csv",
                "fleet-racks.csv", "fleet-rack-density.csv");
        long bins = 0;
        long racks = 0;
        for (FleetSection.Fleet f : section.fleets()) {
            bins += f.results().get(0).lengthHistograms().stream().mapToLong(t -> t.bins().size()).sum();
            racks += f.placed().racks().size();
        }
        assertThat(files.get(1).content().split("\n")).hasSize(1 + (int) bins);
        assertThat(files.get(2).content().split("\n")).hasSize(1 + (int) racks);
        assertThat(files.get(3).content().split("\n")).hasSize(1 + section.density().options().size());
        for (Section.DataFile f : files) {
            String[] lines = f.content().split("\n");
            int columns = lines[0].split(",", -1).length;
            for (String l : lines) {
                assertThat(l.split(",", -1)).as(f.name() + ": " + l).hasSize(columns);
            }
        }

        Path out = dir.resolve("r");
        new Report("T", "").add(section).write(out);
        assertThat(Files.readString(out.resolve("index.html"))).contains("<section id=\"fleet\">");
        assertThat(Files.readString(out.resolve("results.csv"))).contains("fleet,");
        assertThat(out.resolve("fleet-racks.csv")).exists();
    }

    // ---- the length histograms ----

    @Test
    void logBinsFollowTheClosedFormEdges() {
        // 10 per decade: an upper edge u goes to the bin (10^((k-1)/10), 10^(k/10)] with k = ceil(10 log10 u)
        double[][] b = FleetSection.logBins(List.of(new CablePlan.Bin(0.25, 3), new CablePlan.Bin(0.5, 4), new CablePlan.Bin(1.0, 5),
                new CablePlan.Bin(10.0, 6), new CablePlan.Bin(10.25, 7)), 10);
        // 0.25 -> k = -6 (log10 0.25 = -0.602); 0.5 -> k = -3 (-0.301); 1 -> k = 0; 10 -> k = 10; 10.25 -> k = 11
        assertThat(b[1]).containsExactly(new double[] {Math.pow(10, -0.6), Math.pow(10, -0.3), 1, 10, Math.pow(10, 1.1)}, within(1e-12));
        assertThat(b[0]).containsExactly(new double[] {Math.pow(10, -0.7), Math.pow(10, -0.4), Math.pow(10, -0.1), Math.pow(10, 0.9), 10},
                within(1e-12));
        assertThat(b[2]).containsExactly(3, 4, 5, 6, 7);
    }

    @Test
    void logBinsKeepEveryCableOfEveryTier() {
        for (FleetSection.Fleet f : section.fleets()) {
            for (CablePlan.TierLengths t : f.results().get(0).lengthHistograms()) {
                double[][] b = FleetSection.logBins(t.bins(), FleetSection.BINS_PER_DECADE);
                double sum = 0;
                for (double c : b[2]) {
                    sum += c;
                }
                assertThat(sum).as(f.name() + " " + t.tier()).isEqualTo(t.links());
                for (CablePlan.Bin bin : t.bins()) {
                    // every model bin's upper edge lies inside one drawn bin
                    long holding = java.util.stream.IntStream.range(0, b[0].length)
                            .filter(i -> b[0][i] < bin.upToMeters() * (1 + 1e-9) && bin.upToMeters() <= b[1][i] * (1 + 1e-9)).count();
                    assertThat(holding).isGreaterThanOrEqualTo(1);
                }
            }
        }
    }

    @Test
    void reachLinesAreTheMenusReachesMergedWhenEqual() {
        List<FleetSection.ReachMark> at800 = section.reaches("800G");
        double dac800 = MENU.options("800G").stream().filter(o -> o.kind() == TechnologyKind.PASSIVE_COPPER)
                .mapToDouble(TechnologyOption::reachMeters).max().orElseThrow();
        assertThat(at800.get(0).meters()).isEqualTo(dac800);
        assertThat(at800.get(0).label()).startsWith("DAC");
        assertThat(at800).extracting(FleetSection.ReachMark::meters).isSortedAccordingTo(Comparator.naturalOrder());
        double mosaic = MENU.option(TechnologyMenu.MOSAIC_PLUGGABLE, "800G").orElseThrow().reachMeters();
        assertThat(at800).anySatisfy(m -> {
            assertThat(m.meters()).isEqualTo(mosaic);
            assertThat(m.label()).startsWith("MOSAIC");
        });
        // the AOC and SR8 share 50 m in the catalog: one line, both named
        FleetSection.ReachMark aoc = at800.stream().filter(m -> m.label().contains("AOC")).findFirst().orElseThrow();
        assertThat(aoc.technologies()).extracting(TechnologyOption::id).contains("aoc-mmf", "dsp-sr8");
        assertThat(aoc.label()).isEqualTo("AOC, SR8 50.0 m");
        // 1.6T: copper's reach falls, and no AOC is offered
        List<FleetSection.ReachMark> at16 = section.reaches("1.6T");
        assertThat(at16.get(0).meters()).isLessThan(dac800).isEqualTo(MENU.option("dac-26awg", "1.6T").orElseThrow().reachMeters());
        assertThat(at16).noneMatch(m -> m.label().contains("AOC"));
        assertThat(FleetSection.reachText(2000)).isEqualTo("2 km");
        assertThat(FleetSection.reachText(500)).isEqualTo("500 m");
    }

    // ---- policies ----

    @Test
    void tierSumsAddUpToTheModelsTotals() {
        for (FleetSection.Fleet f : section.fleets()) {
            for (FleetModel.Result r : f.results()) {
                double p = 0;
                double fail = 0;
                for (String t : FleetSection.TIERS) {
                    p += FleetSection.tierPowerWatts(r, t);
                    fail += FleetSection.tierFailuresPerDay(r, t);
                }
                // sums of the same terms in another order: rounding only
                assertThat(p).isCloseTo(r.interconnectPowerWatts(), within(1e-9 * r.interconnectPowerWatts()));
                assertThat(fail).isCloseTo(r.linkFailuresPerDay(), within(1e-9 * r.linkFailuresPerDay()));
                assertThat(r.unservedLinks()).isZero();
            }
        }
    }

    @Test
    void savingsFollowFromThePowersWithPueHoursAndHouseholds() {
        FleetEconomics e = FleetEconomics.defaults();
        for (FleetSection.Fleet f : section.fleets()) {
            FleetModel.Result today = f.result(Policy.TODAY);
            for (PolicySavings s : f.savings()) {
                FleetModel.Result other = f.result(s.to());
                double watts = today.interconnectPowerWatts() - other.interconnectPowerWatts();
                assertThat(s.from()).isEqualTo(Policy.TODAY);
                assertThat(s.powerSavedWatts()).isCloseTo(watts, within(1e-9 * Math.abs(watts)));
                double mwh = watts * e.pue() * 8760 / 1e6;
                assertThat(s.energySavedMwhPerYear()).isCloseTo(mwh, within(1e-9 * Math.abs(mwh)));
                assertThat(s.costSavedUsdPerYear()).isCloseTo(mwh * 1000 * e.usdPerKwh(), within(1e-6 * Math.abs(mwh * 1000)));
                assertThat(s.homesEquivalent()).isCloseTo(mwh * 1000 / e.householdKwhPerYear(), within(1e-9 * Math.abs(mwh * 1000)));
            }
            // on an unchanged layout, MOSAIC replacing laser optics saves power; replacing in-rack copper too costs power — where
            // there is in-rack copper: h100-16k's scale-up NVLink are on-board traces, which no policy replaces (issue 12)
            assertThat(f.savings().stream().filter(s -> s.to().equals(Policy.MOSAIC_BEYOND_COPPER)).findFirst().orElseThrow()
                    .powerSavedWatts()).isPositive();
            double laser = f.savings().stream().filter(s -> s.to().equals(Policy.ALL_OPTICAL_LASER)).findFirst().orElseThrow()
                    .powerSavedWatts();
            if (today.onBoardLinks() > 0) {
                assertThat(laser).as(f.name()).isLessThanOrEqualTo(0);
            } else {
                assertThat(laser).as(f.name()).isNegative();
            }
        }
    }

    // ---- the floor ----

    @Test
    void drawnCablesGetWhatTodaysRuleGivesTheirLength() {
        for (FleetSection.Fleet f : section.fleets()) {
            List<FleetSection.DrawnCable> cables = section.drawnCables(f, Policy.TODAY);
            assertThat(cables).extracting(FleetSection.DrawnCable::tier).contains("gpu-leaf", "leaf-spine", "spine-core");
            for (FleetSection.DrawnCable c : cables) {
                // binning rounds up by less than one 0.25 m bin
                assertThat(c.binMeters()).isGreaterThanOrEqualTo(c.cableMeters() - 1e-9).isLessThan(c.cableMeters() + 0.25 + 1e-9);
                assertThat(c.technology()).isNotNull();
                assertThat(c.technology().reaches(c.binMeters())).isTrue();
                // independently: copper where it reaches, else the lowest-power AOC or DSP pluggable that reaches
                String gen = c.technology().generation();
                TechnologyOption expected = MENU.options(gen).stream()
                        .filter(o -> o.kind() == TechnologyKind.PASSIVE_COPPER && o.reaches(c.binMeters())).findFirst()
                        .orElseGet(() -> MENU.options(gen).stream()
                                .filter(o -> (o.kind() == TechnologyKind.ACTIVE_OPTICAL_CABLE || o.kind() == TechnologyKind.DSP_PLUGGABLE)
                                        && o.reaches(c.binMeters()))
                                .min(Comparator.comparingDouble(TechnologyOption::powerPerEndWatts)).orElseThrow());
                assertThat(c.technology().id()).as("%s %s at %.2f m", f.name(), c.tier(), c.binMeters()).isEqualTo(expected.id());
                assertThat(c.rack1()).isNotEqualTo(c.rack2());
            }
            // the cables start at one GPU rack, and the core ends are in the spine room
            RackLayout p = f.placed();
            assertThat(cables.stream().filter(c -> c.tier().equals("gpu-leaf")).map(FleetSection.DrawnCable::rack1).distinct().toList())
                    .singleElement().satisfies(r -> assertThat(p.racks().get(r).kind()).isEqualTo(RackLayout.RackKind.GPU));
            assertThat(cables.stream().filter(c -> c.tier().equals("spine-core")))
                    .allSatisfy(c -> assertThat(p.racks().get(c.rack2()).room()).isEqualTo(RackLayout.Room.SPINE_ROOM));
        }
    }

    @Test
    void switchesSitInNetworkRacksAndTheFloorDrawsEveryRack() {
        for (FleetSection.Fleet f : section.fleets()) {
            RackLayout p = f.placed();
            Map<Integer, Set<NodeKind>> sw = FleetSection.switchesByRack(p);
            assertThat(sw.keySet()).allSatisfy(r -> assertThat(p.racks().get(r).kind()).isEqualTo(RackLayout.RackKind.NETWORK));
            assertThat(sw).hasSize(p.networkRacks());
            sw.forEach((r, kinds) -> {
                if (kinds.contains(NodeKind.CORE)) {
                    assertThat(p.racks().get(r).room()).isEqualTo(RackLayout.Room.SPINE_ROOM);
                }
            });
            JFreeChart floor = section.floorChart(f, FleetSection.FLOOR_POLICY);
            int blocks = p.spineRoomRows() > 0 ? 2 : 1;
            assertThat(((XYPlot) floor.getPlot()).getAnnotations())
                    .hasSize(p.racks().size() + section.drawnCables(f, FleetSection.FLOOR_POLICY).size() + blocks);
        }
    }

    // ---- rack density ----

    @Test
    void rackDensityMatchesTheNvl72ClosedForm() {
        List<RackDensity.Option> o = section.density().options();
        assertThat(o).extracting(RackDensity.Option::policy).containsExactly(Policy.TODAY, Policy.TODAY, Policy.MOSAIC,
                Policy.ALL_OPTICAL_LASER);
        // [nvidia-nvl72], [introl-gb300] via the nvl72-rack cluster document: 18 compute trays x 6.5 kW + 9 switch trays x 0.4 kW = 120.6 kW
        assertThat(o.get(0).racks()).isEqualTo(1);
        assertThat(o.get(0).kwPerRack()).isCloseTo(120.6, within(1e-9));
        assertThat(o.get(0).extraInterconnectPowerWatts()).isZero();
        // spread over 40 kW racks: ceil(120.6 / 40) = 4 racks, 30.15 kW each on average
        for (RackDensity.Option s : o.subList(1, o.size())) {
            assertThat(s.racks()).isEqualTo(4);
            assertThat(s.kwPerRack()).isCloseTo(120.6 / 4, within(1e-9));
            assertThat(s.maxKwPerRack()).isLessThanOrEqualTo(FleetSection.SPREAD_RACK_WATTS / 1e3);
            assertThat(s.extraInterconnectPowerWatts()).isCloseTo(s.interconnectPowerWatts() - o.get(0).interconnectPowerWatts(),
                    within(1e-9 * s.interconnectPowerWatts()));
        }
        // MOSAIC's spread costs less extra power than today's spread and than lasers everywhere
        assertThat(o.get(2).extraInterconnectPowerWatts()).isLessThan(o.get(1).extraInterconnectPowerWatts())
                .isLessThan(o.get(3).extraInterconnectPowerWatts());
    }
}
