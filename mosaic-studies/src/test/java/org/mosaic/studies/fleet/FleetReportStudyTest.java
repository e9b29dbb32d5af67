package org.mosaic.studies.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.PolicySavings;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.fleet.TechnologyOption;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.layout.RackDensity;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.ClusterTopology;
import org.mosaic.cluster.topology.NodeKind;
import org.mosaic.link.baseline.TechnologyKind;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.Studies;
import org.mosaic.studies.fleet.FleetReport.ClusterFleet;
import org.mosaic.studies.fleet.FleetReport.DrawnCable;
import org.mosaic.studies.fleet.FleetReport.ReachMark;

/**
 * The {@code report-fleet} study, run once over the shipped input (about 3 s: the technology menu, two clusters under
 * four policies, the density comparison). Checks are deterministic: closed forms, totals that must be conserved, and
 * an independent re-implementation of the {@code today} policy on the drawn cables (on an independent placement).
 */
class FleetReportStudyTest {
    private static final FleetReportStudy STUDY = new FleetReportStudy();
    private static final TechnologyMenu MENU = TechnologyMenu.standard();
    private static FleetReport report;

    @BeforeAll
    static void compute() {
        report = STUDY.run(FleetReportStudy.Input.shipped());
    }

    @Test
    void declaresItsInputsAndMetrics() {
        assertThat(Studies.byName("report-fleet")).containsInstanceOf(FleetReportStudy.class);
        assertThat(STUDY.inputs()).extracting(InputSpec::name).containsExactly("clusters", "rack", "spreadRackWatts", "floorPolicy");
        assertThat(STUDY.inputs()).allSatisfy(i -> assertThat(i.description()).isNotBlank());
        assertThat(STUDY.inputs().get(2).unit()).isEqualTo("W");
        assertThat(STUDY.metrics()).isNotEmpty().allSatisfy(m -> assertThat(m.unit()).isNotBlank());
        assertThat(STUDY.metrics()).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("presets.*.policies[].interconnectPowerWattsByTier.*");
            assertThat(m.unit()).isEqualTo("W");
        });
        assertThat(report.fleets()).extracting(ClusterFleet::name).containsExactly(FleetReportStudy.H100, FleetReportStudy.CLUSTER_100K);
        assertThat(report.fleet(FleetReportStudy.H100).gpus()).isEqualTo(16384);
    }

    // ---- reaches ----

    @Test
    void reachLinesAreTheMenusReachesMergedWhenEqual() {
        List<ReachMark> at800 = FleetReportStudy.reaches(MENU, "800G");
        double dac800 = MENU.options("800G").stream().filter(o -> o.kind() == TechnologyKind.PASSIVE_COPPER)
                .mapToDouble(TechnologyOption::reachMeters).max().orElseThrow();
        assertThat(at800.get(0).meters()).isEqualTo(dac800);
        assertThat(at800.get(0).label()).startsWith("DAC");
        assertThat(at800).extracting(ReachMark::meters).isSortedAccordingTo(Comparator.naturalOrder());
        double mosaic = MENU.option(TechnologyMenu.MOSAIC_PLUGGABLE, "800G").orElseThrow().reachMeters();
        assertThat(at800).anySatisfy(m -> {
            assertThat(m.meters()).isEqualTo(mosaic);
            assertThat(m.label()).startsWith("MOSAIC");
        });
        // the AOC and SR8 share 50 m in the catalog: one line, both named
        ReachMark aoc = at800.stream().filter(m -> m.label().contains("AOC")).findFirst().orElseThrow();
        assertThat(aoc.technologies()).extracting(TechnologyOption::id).contains("aoc-mmf", "dsp-sr8");
        assertThat(aoc.label()).isEqualTo("AOC, SR8 50.0 m");
        // 1.6T: copper's reach falls, and no AOC is offered
        List<ReachMark> at16 = FleetReportStudy.reaches(MENU, "1.6T");
        assertThat(at16.get(0).meters()).isLessThan(dac800).isEqualTo(MENU.option("dac-26awg", "1.6T").orElseThrow().reachMeters());
        assertThat(at16).noneMatch(m -> m.label().contains("AOC"));
        assertThat(FleetReportStudy.reachText(2000)).isEqualTo("2 km");
        assertThat(FleetReportStudy.reachText(500)).isEqualTo("500 m");
    }

    @Test
    void reachSharesCountTheCablesWhoseBinEachTechnologyReaches() {
        for (ClusterFleet f : report.fleets()) {
            for (int i = 0; i < f.lengthHistograms().size(); i++) {
                CablePlan.TierLengths t = f.lengthHistograms().get(i);
                FleetReport.TierReach r = f.reaches().get(i);
                assertThat(r.tier()).isEqualTo(t.tier());
                // a technology that reaches the longest bin serves every cable; one that reaches none of them, no cable
                double longest = t.bins().stream().mapToDouble(CablePlan.Bin::upToMeters).max().orElseThrow();
                double shortest = t.bins().stream().mapToDouble(CablePlan.Bin::upToMeters).min().orElseThrow();
                for (FleetReport.ReachShare s : r.shares()) {
                    if (s.reachMeters() >= longest) {
                        assertThat(s.shareOfCables()).as(f.name() + " " + t.tier() + " " + s.technology()).isEqualTo(1.0);
                    } else if (s.reachMeters() < shortest) {
                        assertThat(s.shareOfCables()).as(f.name() + " " + t.tier() + " " + s.technology()).isZero();
                    } else {
                        assertThat(s.shareOfCables()).isBetween(0.0, 1.0);
                    }
                }
            }
        }
    }

    // ---- policies ----

    @Test
    void tierSumsAddUpToTheModelsTotals() {
        for (ClusterFleet f : report.fleets()) {
            for (FleetReport.PolicyEntry e : f.policies()) {
                FleetModel.Result r = e.result();
                double p = e.interconnectPowerWattsByTier().values().stream().mapToDouble(Double::doubleValue).sum();
                double fail = e.linkFailuresPerDayByTier().values().stream().mapToDouble(Double::doubleValue).sum();
                // sums of the same terms in another order: rounding only
                assertThat(p).isCloseTo(r.interconnectPowerWatts(), within(1e-9 * r.interconnectPowerWatts()));
                assertThat(fail).isCloseTo(r.linkFailuresPerDay(), within(1e-9 * r.linkFailuresPerDay()));
                assertThat(r.unservedLinks()).isZero();
                long links = e.byTierAndTechnology().stream().mapToLong(FleetReport.TierTechnology::links).sum();
                assertThat(links).isEqualTo(r.links().values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum());
            }
        }
    }

    @Test
    void savingsFollowFromThePowersWithPueHoursAndHouseholds() {
        FleetEconomics e = FleetEconomics.defaults();
        for (ClusterFleet f : report.fleets()) {
            FleetModel.Result today = f.result(Policy.TODAY);
            for (PolicySavings s : f.savingsAgainstToday()) {
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
            assertThat(f.savingsAgainstToday().stream().filter(s -> s.to().equals(Policy.MOSAIC_BEYOND_COPPER)).findFirst().orElseThrow()
                    .powerSavedWatts()).isPositive();
            double laser = f.savingsAgainstToday().stream().filter(s -> s.to().equals(Policy.ALL_OPTICAL_LASER)).findFirst().orElseThrow()
                    .powerSavedWatts();
            if (today.onBoardLinks() > 0) {
                assertThat(laser).as(f.name()).isLessThanOrEqualTo(0);
            } else {
                assertThat(laser).as(f.name()).isNegative();
            }
        }
    }

    // ---- the floor ----

    private static RackLayout placed(String name) {
        ClusterDocument d = ClusterDocument.preset(name);
        return RackLayout.place(ClusterTopology.of(d.cluster()), d.layout());
    }

    @Test
    void drawnCablesGetWhatTodaysRuleGivesTheirLength() {
        for (ClusterFleet f : report.fleets()) {
            RackLayout p = placed(f.name());
            List<DrawnCable> cables = FleetReportStudy.drawnCables(p, f.result(Policy.TODAY), MENU);
            assertThat(cables).extracting(DrawnCable::tier).contains("gpu-leaf", "leaf-spine", "spine-core");
            for (DrawnCable c : cables) {
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
            assertThat(cables.stream().filter(c -> c.tier().equals("gpu-leaf")).map(DrawnCable::rack1).distinct().toList())
                    .singleElement().satisfies(r -> assertThat(p.racks().get(r).kind()).isEqualTo(RackLayout.RackKind.GPU));
            assertThat(cables.stream().filter(c -> c.tier().equals("spine-core")))
                    .allSatisfy(c -> assertThat(p.racks().get(c.rack2()).room()).isEqualTo(RackLayout.Room.SPINE_ROOM));
            // the floor's cables are the floor policy's, drawn the same way
            assertThat(f.floor().cables()).isEqualTo(FleetReportStudy.drawnCables(p, f.result(f.floor().policy()), MENU));
        }
    }

    @Test
    void switchesSitInNetworkRacksAndTheFloorHoldsEveryRack() {
        for (ClusterFleet f : report.fleets()) {
            RackLayout p = placed(f.name());
            Map<Integer, Set<NodeKind>> sw = FleetReportStudy.switchesByRack(p);
            assertThat(sw.keySet()).allSatisfy(r -> assertThat(p.racks().get(r).kind()).isEqualTo(RackLayout.RackKind.NETWORK));
            assertThat(sw).hasSize(p.networkRacks());
            assertThat(f.networkRacks()).isEqualTo(p.networkRacks());
            sw.forEach((r, kinds) -> {
                if (kinds.contains(NodeKind.CORE)) {
                    assertThat(p.racks().get(r).room()).isEqualTo(RackLayout.Room.SPINE_ROOM);
                }
            });
            assertThat(f.floor().racks()).hasSize(p.racks().size());
            assertThat(f.floor().racks().stream().filter(v -> !v.switches().isEmpty()).count()).isEqualTo(sw.size());
        }
    }

    // ---- rack density ----

    @Test
    void rackDensityMatchesTheNvl72ClosedForm() {
        List<RackDensity.Option> o = report.rackDensity().options();
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
            assertThat(s.maxKwPerRack()).isLessThanOrEqualTo(FleetReportStudy.SPREAD_RACK_WATTS / 1e3);
            assertThat(s.extraInterconnectPowerWatts()).isCloseTo(s.interconnectPowerWatts() - o.get(0).interconnectPowerWatts(),
                    within(1e-9 * s.interconnectPowerWatts()));
        }
        // MOSAIC's spread costs less extra power than today's spread and than lasers everywhere
        assertThat(o.get(2).extraInterconnectPowerWatts()).isLessThan(o.get(1).extraInterconnectPowerWatts())
                .isLessThan(o.get(3).extraInterconnectPowerWatts());
        assertThat(report.provenance().get(report.provenance().size() - 1).value()).isEqualTo("40 kW");
    }
}
