package org.mosaic.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.FleetMetrics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.fleet.TechnologyOption;
import org.mosaic.cluster.layout.CablePlan;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.layout.RackDensity;
import org.mosaic.cluster.topology.LinkTier;
import org.mosaic.cluster.topology.NodeKind;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.topology.TopologySizing;
import org.junit.jupiter.api.Test;

/** The facade end to end: reach is respected, the energy arithmetic holds, a 100k-GPU fleet matches its sizing. */
class FleetModelTest {
    static final TechnologyMenu MENU = TechnologyMenu.standard();

    @Test
    void noPolicyGivesAnyPresetLinkATechnologyThatDoesNotReach() {
        for (ClusterDocument p : ClusterDocument.presets().subList(0, 2)) {
            for (String name : Policy.NAMES) {
                FleetModel.Result r = FleetModel.evaluate(p.cluster(), p.layout(), Policy.named(name), MENU, FleetEconomics.defaults());
                for (FleetMetrics.GroupRow g : r.metrics().groups()) {
                    TechnologyOption t = MENU.option(g.technology(), g.generation()).orElseThrow();
                    assertThat(t.reachMeters()).as("%s %s %s at %s m", p.name(), name, g.technology(), g.lengthMeters())
                            .isGreaterThanOrEqualTo(g.lengthMeters());
                }
                // nothing dropped: served + unserved = every cable of the plan (on-board scale-up traces are not cables)
                long planned = r.lengthHistograms().stream().filter(t -> !(r.onBoardLinks() > 0 && t.tier().equals("scale-up")))
                        .mapToLong(CablePlan.TierLengths::generationLinks).sum();
                assertThat(r.metrics().links() + r.unservedLinks()).isEqualTo(planned);
            }
        }
    }

    @Test
    void theNvl72RackByHand() {
        // 72 GPUs x 1,625 W + 9 trays x 400 W = 120,600 W of equipment; 1,296 scale-up links of 2 x 200G lanes
        // = 324 links of 1.6T (8 lanes), all under 1.43 m (the 26 AWG DAC's 1.6T reach), so today: 324 DACs
        // at 0.1 W per end -> 64.8 W; IT = 120,664.8 W. With PUE 1.5 and $0.10/kWh:
        // energy = 120,664.8 W x 1.5 x 8,760 h / 1,000 = 1,585,535.47 kWh/yr, cost $158,553.55/yr
        FleetEconomics econ = FleetEconomics.defaults().withPue(1.5).withUsdPerKwh(0.10);
        FleetModel.Result r = FleetModel.evaluate(ClusterDocument.preset("nvl72-rack").cluster(), ClusterDocument.preset("nvl72-rack").layout(), Policy.today(), MENU, econ);
        double dacWattsPerEnd = MENU.option("dac-26awg", "1.6T").orElseThrow().powerPerEndWatts();
        assertThat(r.links()).isEqualTo(Map.of("scale-up", Map.of("dac-26awg", 324L)));
        assertThat(r.topologyLinks()).containsEntry("scale-up", 1296L);
        assertThat(r.interconnectPowerWatts()).isCloseTo(324 * 2 * dacWattsPerEnd, within(1e-9));
        double it = 72 * 1625 + 9 * 400 + 324 * 2 * dacWattsPerEnd;
        assertThat(r.itPowerWatts()).isCloseTo(it, within(1e-6));
        assertThat(r.energyPerYearKwh()).isCloseTo(it * 1.5 * 8760 / 1000, within(1e-6));
        assertThat(r.costPerYearUsd()).isCloseTo(it * 1.5 * 8760 / 1000 * 0.10, within(1e-6));
        assertThat(r.racks()).isEqualTo(1);
        assertThat(r.kwPerRack()).isCloseTo(120.6, within(1e-9));
        double fitPerLink = 2 * MENU.option("dac-26awg", "1.6T").orElseThrow().fitPerEnd();
        assertThat(r.linkFailuresPerDay()).isCloseTo(324 * fitPerLink * 24 / 1e9, within(1e-15));
        assertThat(r.meanHoursBetweenLinkFailures()).isCloseTo(1e9 / (324 * fitPerLink), within(1e-6));
        assertThat(r.unservedLinks()).isZero();
    }

    @Test
    void a100kGpuFleetMatchesItsSizingAndSerializes() throws Exception {
        ClusterDocument p = ClusterDocument.preset("cluster-100k");
        FleetModel.Result r = FleetModel.evaluate(p.cluster(), p.layout(), Policy.mosaic(), MENU, FleetEconomics.defaults());
        TopologySizing s = TopologySizing.of(p.cluster());
        assertThat(r.gpus()).isEqualTo(100_000);
        assertThat(r.switches()).isEqualTo(s.scaleUpSwitchTrays() + s.fabricSwitches());
        for (LinkTier t : LinkTier.values()) {
            assertThat(r.topologyLinks().getOrDefault(CablePlan.tierName(t), 0L)).as("%s", t).isEqualTo(s.links(t));
        }
        // histograms hold every link once
        for (CablePlan.TierLengths t : r.lengthHistograms()) {
            assertThat(t.bins().stream().mapToLong(CablePlan.Bin::links).sum()).isEqualTo(t.links());
        }
        // whole NVL72 racks: ceil(100,000 / 72) = 1,389
        assertThat(r.gpuRacks()).isEqualTo(1389);
        // equipment power: GPUs, trays and fabric switches at the layout's watts
        double equipment = 100_000 * 1625.0 + s.count(NodeKind.SCALE_UP_SWITCH) * 400.0 + s.fabricSwitches() * 1000.0;
        assertThat(r.itPowerWatts() - r.interconnectPowerWatts()).isCloseTo(equipment, within(1e-3));
        // the groups stay few (aggregated by tier, generation and 0.25 m bin)
        assertThat(r.metrics().groups().size() + r.metrics().unserved().size()).isLessThan(2000);
        JsonNode json = new ObjectMapper().valueToTree(r);
        for (String key : new String[] {"gpus", "switches", "cablesByTier", "topologyLinks", "onBoardLinks", "interconnectPowerWatts",
                "energyPerYearKwh", "costPerYearUsd", "linkFailuresPerDay", "meanHoursBetweenLinkFailures", "unservedCables", "racks",
                "kwPerRack", "lengthHistograms"}) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("gpus").asLong()).isEqualTo(100_000);
    }

    @Test
    void spreadingTheNvl72DomainCostsInterconnectPowerAndMosaicCostsLessThanLasers() {
        RackDensity d = RackDensity.compare(ClusterDocument.preset("nvl72-rack").cluster().domain(), ClusterDocument.preset("nvl72-rack").layout(), ClusterDocument.preset("nvl72-rack").layout().spreadOver(40e3), MENU);
        RackDensity.Option dense = d.options().get(0);
        RackDensity.Option mosaic = d.options().get(2);
        RackDensity.Option laser = d.options().get(3);
        assertThat(dense.racks()).isEqualTo(1);
        assertThat(dense.interRackLinks()).isZero();
        assertThat(dense.kwPerRack()).isCloseTo(120.6, within(1e-9));
        assertThat(mosaic.racks()).isEqualTo(4);
        assertThat(mosaic.maxKwPerRack()).isLessThanOrEqualTo(40);
        // same links, now mostly across racks; per-rack power equal to the total over 4 racks
        assertThat(mosaic.scaleUpLinks()).isEqualTo(dense.scaleUpLinks());
        assertThat(mosaic.kwPerRack() * 4).isCloseTo(dense.kwPerRack(), within(1e-9));
        assertThat(mosaic.unservedLinks()).isZero();
        assertThat(laser.unservedLinks()).isZero();
        // 324 generation links, both ends, at each technology's 1.6T power per end
        assertThat(mosaic.interconnectPowerWatts())
                .isCloseTo(324 * 2 * MENU.option(TechnologyMenu.MOSAIC_PLUGGABLE, "1.6T").orElseThrow().powerPerEndWatts(), within(1e-6));
        assertThat(mosaic.extraInterconnectPowerWatts()).isCloseTo(mosaic.interconnectPowerWatts() - dense.interconnectPowerWatts(),
                within(1e-9));
        assertThat(mosaic.interconnectPowerWatts()).isLessThan(laser.interconnectPowerWatts());
    }

    @Test
    void onBoardNvlinkIsNeverACableUnderAnyPolicy_issue12() {
        // HGX H100: the NVLink between the 8 GPUs and their NVSwitch chips are traces on the baseboard. No policy may give them
        // a technology (a DAC, a MOSAIC or laser module): they add no interconnect power and no link failures under every policy
        ClusterDocument p = ClusterDocument.preset("h100-16k");
        assertThat(p.cluster().domain().onBoard()).isTrue();
        for (String name : Policy.NAMES) {
            FleetModel.Result r = FleetModel.evaluate(p.cluster(), p.layout(), Policy.named(name), MENU, FleetEconomics.defaults());
            assertThat(r.links()).as(name).doesNotContainKey("scale-up");
            assertThat(r.metrics().groups()).as(name).noneMatch(g -> g.tier().equals("scale-up"));
            assertThat(r.onBoardLinks()).as(name).isEqualTo(r.topologyLinks().get("scale-up")).isEqualTo(16_384L * 18);
        }
        // an NVL72 domain's spine is cabled: counted as cables, given a technology
        FleetModel.Result nvl = FleetModel.evaluate(ClusterDocument.preset("nvl72-rack").cluster(), ClusterDocument.preset("nvl72-rack").layout(), Policy.today(), MENU,
                FleetEconomics.defaults());
        assertThat(nvl.onBoardLinks()).isZero();
        assertThat(nvl.links()).containsKey("scale-up");
    }

    @Test
    void theClusterIsDescribedInWords_issue12() {
        // was "NVL72 x 100000 GPUs": say how many domains of how many GPUs
        assertThat(FleetModel.describe(ClusterDocument.preset("cluster-100k").cluster()))
                .isEqualTo("100,000 GPUs in 1,389 NVL72 domains of 72 GPUs (the last one 64)");
        assertThat(FleetModel.describe(ClusterDocument.preset("nvl72-rack").cluster())).isEqualTo("72 GPUs in one NVL72 domain");
        assertThat(FleetModel.describe(ClusterDocument.preset("h100-16k").cluster()))
                .isEqualTo("16,384 GPUs in 2,048 HGX H100 domains of 8 GPUs (on-board NVLink)");
    }
}
