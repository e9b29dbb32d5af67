package org.mosaic.studies.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.PolicySavings;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.ClusterTopology;
import org.mosaic.core.scenario.Documents;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.MetricRow;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.UsageException;

/**
 * The {@code fleet} study on the one-rack NVL72 cluster (72 GPUs, fast): its declaration, its numbers against the
 * fleet model called directly and against closed forms (a job's share of the links, savings as differences), and its
 * refusals.
 */
class FleetStudyTest {
    private static final FleetStudy STUDY = new FleetStudy();
    private static final ClusterDocument RACK = ClusterDocument.preset("nvl72-rack");

    @Test
    void declaresEveryInputAndMetricsWithUnits() {
        assertThat(Studies.byName("fleet")).containsInstanceOf(FleetStudy.class);
        assertThat(STUDY.question()).isNotBlank();
        List<InputSpec> inputs = STUDY.inputs();
        assertThat(inputs).extracting(InputSpec::name).containsExactly("cluster", "policy", "comparePolicies", "jobGpus", "technologies",
                "catalog", "rules", "floor", "floorPolicy");
        assertThat(inputs).allSatisfy(i -> assertThat(i.description()).isNotBlank());
        List<MetricSpec> metrics = STUDY.metrics();
        assertThat(metrics).isNotEmpty().allSatisfy(m -> assertThat(m.unit()).isNotBlank());
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("interconnectPowerWatts");
            assertThat(m.unit()).isEqualTo("W");
        });
        assertThat(metrics).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("trainingJob.meanHoursBetweenInterruptions");
            assertThat(m.unit()).isEqualTo("h");
        });
        assertThat(metrics).anySatisfy(m -> assertThat(m.path()).isEqualTo("savingsAgainstToday[].powerSavedWatts"));
    }

    @Test
    void onePolicyIsTheFleetModelsResultOnTheSamePlacement() {
        FleetResult r = STUDY.run(FleetStudy.Input.of(RACK, Policy.MOSAIC));
        FleetModel.Result direct = FleetModel.evaluate(RackLayout.place(ClusterTopology.of(RACK.cluster()), RACK.layout()),
                Policy.named(Policy.MOSAIC), TechnologyMenu.standard(), RACK.economics());
        assertThat(r.runs()).singleElement();
        assertThat(r.run().result()).isEqualTo(direct);
        assertThat(r.policies()).isNull();
        assertThat(r.savingsAgainstToday()).isNull();
        // the JSON is the model's result with the training job after it, and no other key
        JsonNode j = Results.tree(r);
        assertThat(j.get("interconnectPowerWatts").asDouble()).isEqualTo(direct.interconnectPowerWatts());
        assertThat(j.has("trainingJob")).isTrue();
        assertThat(j.has("policies") || j.has("savingsAgainstToday") || j.has("technologyNotes")).isFalse();
        // the sums by tier add up to the totals (the same terms in another order: rounding only)
        double power = r.run().powerWattsByTier().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(power).isCloseTo(direct.interconnectPowerWatts(), within(1e-9 * direct.interconnectPowerWatts()));
        assertThat(r.run().powerWattsByTier().keySet()).containsExactlyElementsOf(Technologies.TIERS);
        // rows: every number of the JSON, with units from the names
        List<MetricRow> rows = Results.rows(STUDY, r);
        assertThat(rows).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("interconnectPowerWatts");
            assertThat(m.unit()).isEqualTo("W");
            assertThat(m.value()).isEqualTo(direct.interconnectPowerWatts());
        });
    }

    @Test
    void aJobOnAQuarterOfAFabriclessRackSeesAQuarterOfItsLinkFailures() {
        // nvl72-rack has only scale-up links: a job on 18 of 72 GPUs uses 1/4 of them (no spine-core link counted whole)
        FleetResult all = STUDY.run(FleetStudy.Input.of(RACK, Policy.TODAY));
        FleetResult quarter = STUDY.run(new FleetStudy.Input(RACK, Policy.TODAY, false, 18, List.of(), null, List.of()));
        double perDay = all.run().result().linkFailuresPerDay();
        assertThat(all.run().trainingJob().gpus()).isEqualTo(72);
        assertThat(all.run().trainingJob().linkInterruptionsPerDay()).isCloseTo(perDay, within(1e-12 * perDay));
        JobView q = quarter.run().trainingJob();
        assertThat(q.shareOfCluster()).isEqualTo(0.25);
        assertThat(q.linkInterruptionsPerDay()).isCloseTo(perDay / 4, within(1e-12 * perDay));
        assertThat(q.meanHoursBetweenInterruptions()).isCloseTo(24 / (perDay / 4), within(1e-9 * 24 / perDay * 4));
    }

    @Test
    void comparingPoliciesGivesEveryPolicyAndSavingsAsDifferences() {
        FleetResult r = STUDY.run(FleetStudy.Input.comparing(RACK));
        assertThat(r.run()).isNull();
        assertThat(r.policies()).extracting(p -> p.result().policy()).containsExactlyElementsOf(Policy.NAMES);
        assertThat(r.savingsAgainstToday()).hasSize(Policy.NAMES.size() - 1);
        FleetModel.Result today = r.policies().get(0).result();
        for (int i = 1; i < Policy.NAMES.size(); i++) {
            PolicySavings s = r.savingsAgainstToday().get(i - 1);
            FleetModel.Result other = r.policies().get(i).result();
            double watts = today.interconnectPowerWatts() - other.interconnectPowerWatts();
            assertThat(s.from()).isEqualTo(Policy.TODAY);
            assertThat(s.to()).isEqualTo(other.policy());
            assertThat(s.powerSavedWatts()).isCloseTo(watts, within(1e-9 * Math.abs(watts) + 1e-12));
            double mwh = watts * RACK.economics().pue() * 8760 / 1e6;
            assertThat(s.energySavedMwhPerYear()).isCloseTo(mwh, within(1e-9 * Math.abs(mwh) + 1e-12));
        }
        JsonNode j = Results.tree(r);
        List<String> keys = new java.util.ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("policies", "savingsAgainstToday");
    }

    @Test
    void aUserCableChosenByARuleIsOnTheMenuWithANote() {
        // the shipped MOSAIC cable given as a user's technology: on every scale-up link it must cost what mosaic-pluggable costs
        NamedDocument cable = new NamedDocument("mosaic-800g", Documents.load(Documents.Kind.CABLE, "mosaic-800g"));
        FleetResult r = STUDY.run(new FleetStudy.Input(RACK, Policy.TODAY, false, null, List.of(cable), null,
                List.of("scale-up=mosaic-800g")));
        assertThat(r.menu().options()).anySatisfy(o -> assertThat(o.id()).isEqualTo("mosaic-800g"));
        assertThat(r.technologyNotes()).singleElement().asString().startsWith("--technology mosaic-800g: technology mosaic-800g");
        assertThat(r.run().result().links().get("scale-up")).containsOnlyKeys("mosaic-800g");
        FleetModel.Result shipped = STUDY.run(FleetStudy.Input.of(RACK, Policy.MOSAIC)).run().result();
        assertThat(shipped.links().get("scale-up")).containsOnlyKeys(TechnologyMenu.MOSAIC_PLUGGABLE);
        assertThat(r.run().result().interconnectPowerWatts()).isCloseTo(shipped.interconnectPowerWatts(),
                within(1e-12 * shipped.interconnectPowerWatts()));
        assertThat(r.run().result().linkFailuresPerDay()).isCloseTo(shipped.linkFailuresPerDay(), within(1e-12 * shipped.linkFailuresPerDay()));
        // without a rule that chooses it, it would change nothing: refused
        assertThatThrownBy(() -> STUDY.run(new FleetStudy.Input(RACK, Policy.TODAY, false, null, List.of(cable), null, List.of())))
                .isInstanceOf(UsageException.class).hasMessageContaining("chosen by no --rule");
    }

    @Test
    void questionsThatMeanNothingAreRefused() {
        assertThatThrownBy(() -> STUDY.run(new FleetStudy.Input(RACK, Policy.TODAY, true, null, List.of(), null, List.of())))
                .isInstanceOf(UsageException.class).hasMessageContaining("--compare-policies").hasMessageContaining("hint");
        assertThatThrownBy(() -> STUDY.run(FleetStudy.Input.of(RACK, "cheapest"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("cheapest");
        assertThatThrownBy(() -> STUDY.run(new FleetStudy.Input(RACK, Policy.TODAY, false, 73, List.of(), null, List.of())))
                .isInstanceOf(UsageException.class).hasMessageContaining("expected 1 to 72");
        assertThatThrownBy(() -> STUDY.run(new FleetStudy.Input(RACK, Policy.TODAY, false, null, List.of(), null,
                List.of("leaf-spine=dsp-dr8")))).isInstanceOf(UsageException.class).hasMessageContaining("no leaf-spine tier");
    }

    /** Issue 20: the floor in the JSON (asked) counts the run's racks and topology links; without the ask there is none. */
    @Test
    void theFloorInTheJsonCountsTheRunsRacksAndLinks() {
        ClusterDocument h100 = ClusterDocument.preset("h100-16k");
        JsonNode json = Results.tree(STUDY.run(new FleetStudy.Input(h100, Policy.TODAY, false, null, List.of(), null, List.of(), true)));
        JsonNode floor = json.get("floor");
        assertThat(floor.get("policy").asText()).isEqualTo(Policy.TODAY);
        assertThat(floor.get("racks").get("kind")).hasSize(json.get("racks").intValue());
        long gpuRacks = 0;
        for (JsonNode k : floor.get("racks").get("kind")) {
            gpuRacks += k.asText().equals("gpu") ? 1 : 0;
        }
        assertThat(gpuRacks).isEqualTo(json.get("gpuRacks").longValue());
        long links = 0;
        for (JsonNode c : floor.get("links").get("count")) {
            links += c.longValue();
        }
        long topology = 0;
        for (JsonNode t : json.get("topologyLinks")) {
            topology += t.longValue();
        }
        assertThat(links).isEqualTo(topology);
        assertThat(Results.tree(STUDY.run(FleetStudy.Input.of(RACK, Policy.TODAY))).has("floor")).isFalse();
    }

    /**
     * Issue 20: with several policies compared the floor was drawn under the first only; floorPolicy picks the one drawn. The
     * floor under it is that policy's (the cluster model's floor under it, not today's), "none" is today, and a policy not
     * evaluated or a floorPolicy without the floor is refused naming the value and the hint.
     */
    @Test
    void floorPolicyPicksWhichComparedPolicysFloorIsDrawn() {
        RackLayout placed = RackLayout.place(ClusterTopology.of(RACK.cluster()), RACK.layout());
        for (String pick : List.of(Policy.MOSAIC, Policy.ALL_OPTICAL_LASER)) {
            FleetResult r = STUDY.run(new FleetStudy.Input(RACK, null, true, null, List.of(), null, List.of(), true, pick));
            assertThat(r.floor().policy()).isEqualTo(pick);
            assertThat(r.floor().linksByTechnology()).as(pick)
                    .isEqualTo(org.mosaic.cluster.FleetFloor.of(placed, Policy.named(pick), TechnologyMenu.standard()).linksByTechnology());
        }
        FleetResult mosaic = STUDY.run(new FleetStudy.Input(RACK, null, true, null, List.of(), null, List.of(), true, Policy.MOSAIC));
        FleetResult first = STUDY.run(new FleetStudy.Input(RACK, null, true, null, List.of(), null, List.of(), true));
        assertThat(first.floor().policy()).isEqualTo(Policy.TODAY);
        assertThat(mosaic.floor().linksByTechnology()).as("the picked policy's technologies, not today's").isNotEqualTo(first.floor().linksByTechnology());
        assertThat(STUDY.run(new FleetStudy.Input(RACK, null, true, null, List.of(), null, List.of(), true, "none")).floor().policy())
                .isEqualTo(Policy.TODAY);
        assertThat(STUDY.run(new FleetStudy.Input(RACK, Policy.MOSAIC, false, null, List.of(), null, List.of(), true, Policy.MOSAIC))
                .floor().policy()).isEqualTo(Policy.MOSAIC);
        assertThatThrownBy(() -> STUDY.run(new FleetStudy.Input(RACK, Policy.TODAY, false, null, List.of(), null, List.of(), true, Policy.MOSAIC)))
                .isInstanceOf(UsageException.class).hasMessageContaining("floorPolicy mosaic").hasMessageContaining("policies evaluated (today)")
                .hasMessageContaining("hint");
        assertThatThrownBy(() -> STUDY.run(new FleetStudy.Input(RACK, null, true, null, List.of(), null, List.of(), false, Policy.MOSAIC)))
                .isInstanceOf(UsageException.class).hasMessageContaining("without floor").hasMessageContaining("floor=true");
        assertThatThrownBy(() -> STUDY.run(new FleetStudy.Input(RACK, null, true, null, List.of(), null, List.of(), true, "cheapest")))
                .isInstanceOf(UsageException.class).hasMessageContaining("floorPolicy").hasMessageContaining("cheapest");
    }
}
